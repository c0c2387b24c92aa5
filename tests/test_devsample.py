"""Drawing new held-out paragraphs (econer gold devset-sample) and freezing their gold
into text-free references (econer gold devset-freeze)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from econer.eval.devsample import Candidate, candidates, freeze, sample, used_articles
from econer.eval.devsets import DEVSETS_DIR, read_references, resolve

from econer.cli import run
from econer.errors import EconerError
from econer.jsonl import read_documents, write_documents
from econer.spans import Span

HAN = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就"
       "分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得"
       "经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使")


def _prose(seed: int, size: int = 40) -> str:
    """Distinct filler prose: no two paragraphs share a run of 12 characters by chance."""
    rng = random.Random(seed)
    return "".join(rng.choice(HAN) for _ in range(size))


def _corpus(tmp_path: Path, industry: int = 6, stock: int = 3) -> Path:
    """A shared folder whose three corpus files hold numbered articles of long paragraphs."""
    corpus = tmp_path / "shared" / "corpus"
    corpus.mkdir(parents=True)

    def write(name: str, prefix: str, count: int) -> None:
        lines = []
        for i in range(count):
            key = ord(prefix) * 100 + i
            paragraphs = ["题", f"　　{i}号{_prose(2 * key)}，与华东建设集团签约。", "短",
                          f"{_prose(2 * key + 1)}，华东建设集团{i}", "返回顶部"]
            lines.append(json.dumps({"id": f"{prefix}{i}", "title": "题",
                                     "text": "\n".join(paragraphs)}, ensure_ascii=False))
        (corpus / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")

    write("industry-news-2011.jsonl", "x", industry)
    write("stock-news-2018.part1.jsonl", "y", stock)
    write("stock-news-2018.part2.jsonl", "z", 0)
    return tmp_path / "shared"


def _sample(shared: Path, out: Path, *extra: str) -> int:
    return run(["gold", "devset-sample", "--shared", str(shared), "--out", str(out),
                "--min-chars", "30", *extra])


def test_paragraphs_skip_the_title_short_lines_and_excluded_articles():
    articles = {"a": "标题很长很长很长\n  第一段很长。\n短\n第二段很长。", "b": "题\n第三段很长。"}
    pool = candidates("c.jsonl", articles, min_chars=5, max_chars=9, exclude={"b"},
                      drop=lambda text: text.startswith("第二"))
    assert [(c.article, c.line, c.text) for c in pool] == [("a", 1, "第一段很长。")]


def test_a_draw_is_fixed_by_its_seed_and_takes_one_paragraph_an_article():
    pool = [Candidate("c", f"a{i % 7}", i, f"t{i}") for i in range(40)]
    first, again = sample(pool, 5, seed=3), sample(pool, 5, seed=3)
    assert first == again and len({c.article for c in first}) == 5
    assert sample(pool, 5, seed=4) != first
    assert len(sample(pool, 50, seed=3)) == 7  # never more than one per article, never padded


def test_cli_draws_interleaved_reproducible_paragraphs_with_where_they_come_from(tmp_path):
    shared = _corpus(tmp_path)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert _sample(shared, one, "--seed", "9", "--industry", "3", "--stock", "2") == 0
    assert _sample(shared, two, "--seed", "9", "--industry", "3", "--stock", "2") == 0
    assert one.read_bytes() == two.read_bytes()
    docs = list(read_documents(one))
    assert [d.meta["corpus"][:5] for d in docs] == ["indus", "stock", "indus", "stock", "indus"]
    assert all(d.spans == () and d.id == f"{d.meta['article']}-p{d.meta['line']}"
               and d.meta["line"] in (1, 3) for d in docs)
    assert len({d.meta["article"] for d in docs}) == 5


def test_cli_excludes_an_earlier_draw_and_refuses_to_draw_more_than_there_is(tmp_path, capsys):
    shared = _corpus(tmp_path)
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert _sample(shared, first, "--seed", "1", "--industry", "4", "--stock", "0") == 0
    assert _sample(shared, second, "--seed", "2", "--industry", "2", "--stock", "3",
                   "--exclude", str(first)) == 0
    taken = {d.meta["article"] for d in read_documents(first)}
    assert not taken & {d.meta["article"] for d in read_documents(second)}
    capsys.readouterr()
    third = tmp_path / "third.jsonl"
    assert _sample(shared, third, "--seed", "3", "--industry", "3", "--stock", "0",
                   "--exclude", str(first)) == 2
    assert "industry: only 2 unused articles" in capsys.readouterr().err
    assert not third.exists()  # nothing half-written


def test_cli_never_writes_drawn_text_into_the_devsets_folder(tmp_path, capsys):
    shared = _corpus(tmp_path)
    target = DEVSETS_DIR / "drawn.jsonl"
    assert _sample(shared, target, "--seed", "1") == 2
    assert "must not be written into" in capsys.readouterr().err
    assert not target.exists()


def test_shipped_devsets_articles_are_never_drawn_again():
    used = used_articles()
    ref = read_references(DEVSETS_DIR / "news-test12.jsonl")[0]
    assert (ref["corpus"], ref["article"]) in used
    assert len(used) == sum(len(read_references(p)) for p in DEVSETS_DIR.glob("*.jsonl"))


def test_freeze_keeps_offsets_and_labels_only_and_rebuilds_what_was_annotated(tmp_path):
    shared = _corpus(tmp_path)
    drawn = tmp_path / "drawn.jsonl"
    assert _sample(shared, drawn, "--seed", "5", "--industry", "2", "--stock", "1") == 0
    docs = list(read_documents(drawn))
    start = docs[0].text.index("华东建设集团")
    gold = [docs[0].with_spans([Span.at(docs[0].text, start, start + 6, "COMPANY")]), *docs[1:]]
    write_documents(tmp_path / "gold.jsonl", gold)
    refs = tmp_path / "devsets" / "news-x.jsonl"
    assert run(["gold", "devset-freeze", str(tmp_path / "gold.jsonl"), "--out", str(refs),
                "--shared", str(shared)]) == 0
    lines = [json.loads(line) for line in refs.read_text(encoding="utf-8").splitlines()]
    assert all("text" not in line for line in lines)
    back = resolve(read_references(refs), shared / "corpus", refs)
    assert [(d.id, d.text, [(s.start, s.end, s.label) for s in d.spans]) for d in back] == [
        (d.id, d.text, [(s.start, s.end, s.label) for s in d.spans]) for d in gold]


def test_freeze_refuses_a_text_that_is_not_the_corpus_paragraph_naming_the_line(tmp_path):
    shared = _corpus(tmp_path)
    drawn = tmp_path / "drawn.jsonl"
    assert _sample(shared, drawn, "--seed", "5", "--industry", "2", "--stock", "0") == 0
    docs = list(read_documents(drawn))
    edited = [docs[0], type(docs[1])(id=docs[1].id, text=docs[1].text + "。",
                                     meta=docs[1].meta)]
    with pytest.raises(EconerError, match=r"gold\.jsonl:2: paragraph .* differs"):
        freeze(edited, shared / "corpus", Path("gold.jsonl"))
    bare = [type(docs[0])(id="q", text=docs[0].text)]
    with pytest.raises(EconerError, match=r"gold\.jsonl:1: document 'q' lacks meta"):
        freeze(bare, shared / "corpus", Path("gold.jsonl"))


def test_cli_draws_only_paragraphs_that_hold_a_pattern_and_refuses_a_bad_one(tmp_path, capsys):
    shared = _corpus(tmp_path)
    out = tmp_path / "park.jsonl"
    assert _sample(shared, out, "--seed", "1", "--industry", "6", "--stock", "0",
                   "--contains", "^[0-9]号") == 0
    docs = list(read_documents(out))
    assert len(docs) == 6 and all(d.meta["line"] == 1 for d in docs)  # 3号…, not line 3
    assert _sample(shared, out, "--seed", "1", "--contains", "(") == 2
    assert "--contains '(': bad regular expression" in capsys.readouterr().err


def test_a_near_copy_of_an_annotated_paragraph_is_not_drawn(tmp_path, capsys):
    """The corpus repeats a story in other articles: one article a paragraph is not enough."""
    corpus = tmp_path / "shared" / "corpus"
    corpus.mkdir(parents=True)
    story = _prose(7) + "，与华东建设集团签约。"
    articles = {"a0": story, "a1": "据报道，" + story, "a2": _prose(8) + "，另一则消息。"}
    (corpus / "industry-news-2011.jsonl").write_text("".join(
        json.dumps({"id": k, "text": "题\n" + v}, ensure_ascii=False) + "\n"
        for k, v in articles.items()), encoding="utf-8")
    for name in ("stock-news-2018.part1.jsonl", "stock-news-2018.part2.jsonl"):
        (corpus / name).write_text("", encoding="utf-8")
    annotated = tmp_path / "annotated.jsonl"
    write_documents(annotated, [Candidate("industry-news-2011.jsonl", "a0", 1,
                                          story).document()])
    out, shared = tmp_path / "out.jsonl", tmp_path / "shared"
    assert _sample(shared, out, "--seed", "1", "--industry", "2", "--stock", "0",
                   "--exclude", str(annotated)) == 2  # a0 annotated, a1 its copy: only a2
    assert "(1 near copies of annotated ones left out)" in capsys.readouterr().err
    assert _sample(shared, out, "--seed", "1", "--industry", "1", "--stock", "0",
                   "--exclude", str(annotated)) == 0
    assert [d.meta["article"] for d in read_documents(out)] == ["a2"]
    assert _sample(shared, out, "--seed", "1", "--industry", "2", "--stock", "0",
                   "--exclude", str(annotated), "--max-overlap", "1") == 0
