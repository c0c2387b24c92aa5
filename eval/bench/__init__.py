"""econer.eval.bench: benchmarks, each printing its figures beside a baseline run with it.

``python -m econer.eval.bench.rules`` (rules vs jieba.posseg), ``…bench.labelstudio``
(push/pull vs naive SDK loops), ``…bench.model`` (small config vs a bert-base-sized model).
"""
