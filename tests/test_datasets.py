"""Every external reader on small hand-written fixtures: its mapping, its partial labels,
and a bad row named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from econer.models.config import ClueNerArgs
from econer.models.data import read_cluener as cluener_records

from econer.datasets.ccf import read_ccf
from econer.datasets.cfsc import read_cfsc
from econer.datasets.cluener import read_cluener
from econer.datasets.resume import read_resume
from econer.errors import EconerError
from econer.partial import partial_of

FIXTURES = Path(__file__).parent / "fixtures" / "datasets"


def spans(doc) -> list[tuple[int, int, str]]:  # noqa: ANN001
    return [(s.start, s.end, s.text) for s in doc.spans]


def test_cluener_companies_cover_company_and_safe_types_are_o() -> None:
    docs = list(read_cluener(FIXTURES / "cluener.json"))
    assert [d.id for d in docs] == ["cluener-1", "cluener-2", "cluener-3"]
    assert spans(docs[0]) == [(0, 4, "浙商银行")]
    assert partial_of(docs[0]).covered == ("COMPANY",)
    assert partial_of(docs[0]).outside == ((9, 12),)  # 叶老桂, a name: O
    assert partial_of(docs[2]).outside == ()           # a government body: only "not COMPANY"
    assert [d.id for d in read_cluener(FIXTURES / "cluener.json", limit=2, sample_seed=3)] \
        == [d.id for d in read_cluener(FIXTURES / "cluener.json", limit=2, sample_seed=3)]


def test_training_reads_cluener_through_the_same_reader() -> None:
    records = cluener_records(ClueNerArgs(path=str(FIXTURES / "cluener.json")), seed=1)
    docs = list(read_cluener(FIXTURES / "cluener.json"))
    assert [t for t, _ in records] == [d.text for d in docs]


def test_resume_keeps_firms_makes_other_orgs_o_or_unknown() -> None:
    docs = list(read_resume(FIXTURES / "resume.char.bmes"))
    assert [d.id for d in docs] == ["resume-resume-1", "resume-resume-16"]
    assert spans(docs[0]) == [(5, 11, "兰州瑞德集团")]
    assert partial_of(docs[0]).outside == ((0, 2), (11, 13))  # a name, a title
    text = docs[1].text
    assert docs[1].spans == ()
    p = partial_of(docs[1])
    assert [text[s:e] for s, e in p.outside] == ["兰州大学", "研究员"]  # not a firm: O
    assert [text[s:e] for s, e in p.unknown] == ["中科院化学所"]        # cannot tell
    assert p.covered == ("COMPANY",)


def test_cfsc_keeps_firms_among_corporate_and_stock_terms_positives_only() -> None:
    docs = list(read_cfsc(FIXTURES / "cfsc.json"))
    assert [spans(d) for d in docs] == [[(17, 21, "贵州茅台"), (22, 24, "万科")], []]
    assert all(partial_of(d).covered == () for d in docs)


def test_ccf_finds_listed_firms_verbatim_positives_only() -> None:
    docs = list(read_ccf(FIXTURES / "ccf.csv"))
    assert [d.id for d in docs] == ["ccf-a1", "ccf-b2", "ccf-c3"]
    assert [s.text for s in docs[1].spans] == ["度小满金融", "米袋理财"]  # 龙币 is a coin
    assert spans(docs[0])[0] == (0, 4, "趣步公司")                       # longest wins
    assert all(partial_of(d).covered == () for d in docs)


@pytest.mark.parametrize("name, content, reader, where", [
    ("c.json", '{"text": "ok", "label": {}}\n{"text": "浙商银行", "label": {"company": '
               '{"浙商银行": [[1, 3]]}}}\n', read_cluener, "c.json:2: company '浙商银行'"),
    ("r.bmes", "甲 O\n\n乙 B-ORG\n丙 O\n", read_resume, "r.bmes:3: tag 2 'O'"),
    ("r2.bmes", "甲 O\n乙B-ORG\n", read_resume, "r2.bmes:2: expected one character"),
    ("f.json", '[\n{"text": "万科", "labels": []},\n{"text": "万科", "labels": [{"text": "万",'
               ' "Level 1 Aspect": "Stock", "from": 1, "to": 2}]}\n]', read_cfsc,
     "f.json:3: term '万'"),
    ("x.csv", "id,text,unknownEntities\na,甲,\nb,乙\n", read_ccf, "x.csv:3: expected 3 fields"),
    ("y.csv", "id,body\na,甲\n", read_ccf, "y.csv:1: missing column"),
])
def test_bad_rows_name_file_and_line(tmp_path: Path, name: str, content: str, reader,  # noqa: ANN001
                                     where: str) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(EconerError) as exc:
        list(reader(path))
    assert where in str(exc.value)
    assert "\n" not in str(exc.value)


def test_the_real_files_read_whole(shared: Path) -> None:
    """Every shipped file reads without an error, with the counts SOURCE.md states."""
    data = shared / "datasets"
    assert sum(1 for _ in read_cluener(data / "cluener2020" / "train.json")) == 10748
    resume = [d for f in ("train", "dev", "test")
              for d in read_resume(data / "resume-ner" / f"{f}.char.bmes")]
    assert len(resume) == 3821 + 463 + 477
    assert sum(1 for _ in read_cfsc(data / "cfsc-ner" / "val.json")) == 1067
    assert sum(1 for _ in read_ccf(data / "ccf-bdci2019" / "train.csv")) == 5013
