"""econer.annotate.rules: the rule pre-labeller.

Patterns and lexicons are data in ``configs/rules/``; :mod:`.patterns` loads them,
:mod:`.names` finds COMPANY and PARK names, :mod:`.numbers` finds AMOUNT and RATE and their
values, :mod:`.ruler` runs them over a document, :mod:`.explain` says which rule fired,
:mod:`.harvest` and :mod:`.calibrate` feed gold back into the lexicons and span scores.
"""
