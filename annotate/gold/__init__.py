"""econer.annotate.gold: keeping gold honest.

:mod:`.check` tests gold files against the standard's mechanical rules, :mod:`.stats`
counts them, :mod:`.agreement` measures two annotators against each other. Company-only gold from
CLUENER2020 (``econer gold import-cluener``) is read by :mod:`econer.datasets.cluener`, the
one CLUENER reader that training uses too.
"""
