"""econer.annotate.gold: keeping gold honest.

:mod:`.check` tests gold files against the standard's mechanical rules, :mod:`.stats`
counts them, :mod:`.agreement` measures two annotators against each other, :mod:`.cluener`
imports company-only gold from CLUENER2020.
"""
