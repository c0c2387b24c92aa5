"""External labelled data, one reader per source, each yielding core documents with partial labels.

None of these sources follows the project's standard, so every reader maps what it can onto
COMPANY and says, in ``meta.partial`` (:mod:`econer.partial`), what its silence means:

* :mod:`.cluener` CLUENER2020: ``company`` → COMPANY; covers COMPANY; person names, books,
  games, films and job titles are known O.
* :mod:`.resume` Resume NER: ORG spans whose head is a firm's (公司, 集团, 银行, 厂 ...) →
  COMPANY; other ORGs unknown; covers COMPANY.
* :mod:`.cfsc` CFSC-NER: Corporate/Stock aspect terms that look like firm names → COMPANY,
  positives only (covers nothing).
* :mod:`.ccf` CCF BDCI 2019: listed entities found verbatim → COMPANY, positives only.

Every mapping is spelled out in the module's docstring and in ``docs/datasets.md``. Bad rows
raise :class:`~econer.errors.EconerError` naming the file and line.
"""
