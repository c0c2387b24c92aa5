"""econer.models: training a Chinese BERT token classifier from a config, and prediction."""
