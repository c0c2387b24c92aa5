"""econer.annotate: rules, gold checks and the Label Studio round trip."""
