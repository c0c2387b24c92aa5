"""econer.models: training a Chinese BERT token classifier from a config, and prediction.

The public API (the CLI commands ``econer train`` and ``econer predict`` wrap it)::

    from econer.models.config import load_config    # path -> TrainConfig
    from econer.models.train import train           # train(config, out_dir=None, *,
                                                    #       train_docs=None, dev_docs=None) -> Path
    from econer.models.predict import Predictor     # Predictor.from_run(run_dir); p.version;
                                                    # p(doc) -> Document; p.pipe(docs, batch_size=)

Modules, in the order data flows: ``config`` (YAML -> dataclasses), ``data`` (gold, folds,
CLUENER, silver -> records -> token windows), ``tags`` (BIO codes, partial labels, decoding),
``windows`` (tokenising with offsets, windowing, stitching), ``build`` (vocabulary,
tokenizer, model), ``train`` (loop, scores, run folder), ``predict`` (the Predictor).
"""
