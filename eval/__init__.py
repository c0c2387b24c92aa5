"""econer.eval: metrics, scorecards, comparisons and benchmarks."""
