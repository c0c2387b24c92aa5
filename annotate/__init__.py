"""econer.annotate: everything that makes labels before a model does.

Subpackages by concern: :mod:`.rules` (the rule pre-labeller), :mod:`.gold` (gold checks,
agreement, gold import), :mod:`.labelstudio` (the Label Studio round trip).
"""
