"""econer.eval: metrics, scorecards and comparisons; benchmarks apart in :mod:`.bench`."""
