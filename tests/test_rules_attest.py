"""Names the unlabelled corpus attests as firms (``econer rules attest``, company.attested).

The sentences are written from the standard (a firm acting, its products, a person, a joint
venture), not taken from the seeds; the corpus of the counting tests is synthetic.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from econer.annotate.rules import attest
from econer.annotate.rules.names import NameFinder
from econer.annotate.rules.patterns import load_patterns
from econer.annotate.rules.ruler import load_rules
from rule_spans import names
from rule_spans import spans as rule_spans

from econer.cli import run
from econer.errors import EconerError
from econer.resources import config_path

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def finder() -> NameFinder:
    return NameFinder(load_patterns())


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(config_path("rules"), target)
    return target


def write_corpus(path: Path, articles: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": a, "text": t}, ensure_ascii=False) + "\n"
                            for a, t in articles), encoding="utf-8")
    return path


def contexts(finder: NameFinder) -> attest.Contexts:
    lists = load_patterns().lists
    return attest.Contexts(finder.opens_word, finder.ends_word,
                           tuple(lists["COMPANY_TRIGGER"]) + attest.ORG_WORDS,
                           tuple(lists["COMPANY_TRIGGER_BEFORE"]),
                           tuple(lists["PERSON_AFTER"]), tuple(lists["PERSON_BEFORE"]))


# -- counting --------------------------------------------------------------------------------
def test_evidence_counts_articles_by_kind(finder: NameFinder) -> None:
    articles = [("a1", "蓝岸公司宣布扩产。蓝岸将在越南建厂。"),
                ("a2", "昨日，竞购蓝岸的谈判结束。"),
                ("a3", "华为、蓝岸均发布新品。"),  # beside a known firm in a list
                ("a4", "蓝岸说，产品很好。"),  # a person's word after it
                ("a5", "蓝岸的股价大涨。")]  # its shares, after 的
    found = attest.count_evidence(articles, ["蓝岸"], contexts(finder), firms={"华为"})
    ev = found["蓝岸"]
    assert ev.mentions == 6
    assert ev.org == ["a1"] and ev.act == ["a2", "a3", "a5"] and ev.person == ["a4"]
    assert ev.articles == 4


def test_a_mention_inside_a_longer_name_or_word_is_not_counted(finder: NameFinder) -> None:
    articles = [("a1", "徐福记公司发布公告。"),  # 福记 is inside 徐福记
                ("a2", "我国新能源公司增多。")]  # 国新能源 does not open a word
    found = attest.count_evidence(articles, ["福记", "徐福记", "国新能源"], contexts(finder))
    assert "福记" not in found and "国新能源" not in found
    assert found["徐福记"].org == ["a1"]
    # a known firm's longer name counts for the short one only where a company word follows
    found = attest.count_evidence([("a1", "苹果公司推出新品。")], ["苹果"], contexts(finder),
                                  firms={"苹果公司"})
    assert found["苹果"].org == ["a1"]


def test_a_deal_word_counts_only_where_the_name_ends(finder: NameFinder) -> None:
    found = attest.count_evidence([("a1", "收购海外资产。")], ["海外"], contexts(finder))
    assert found["海外"].act == []  # 收购|海外资产: the deal is for assets abroad


# -- choosing --------------------------------------------------------------------------------
def evidence(org: int, act: int, person: int = 0) -> attest.Evidence:
    ev = attest.Evidence()
    for i in range(org):
        ev.add(f"o{i}", True, False, False)
    for i in range(act):
        ev.add(f"a{i}", False, True, False)
    for i in range(person):
        ev.add(f"p{i}", False, False, True)
    return ev


def test_a_common_word_needs_acts_and_some_words_never_count() -> None:
    words = {"苹果": (1334, "n"), "食品": (6610, "n"), "三家": (587, "m"), "海外": (2672, "s"),
             "蓝岸": (12, "nz")}
    table = {"苹果": evidence(27, 3), "食品": evidence(18, 0), "三家": evidence(9, 9),
             "海外": evidence(5, 5), "蓝岸": evidence(1, 1), "品的": evidence(3, 3),
             "石油集团": evidence(5, 5), "灰岩": evidence(1, 0), "韦德": evidence(0, 2, 3)}
    chosen = attest.select(table, words, lambda name: False,
                           lambda name: name == "石油集团")
    names = {e["pattern"]: e for e in chosen}
    # 食品公司 names a kind: a common word is attested by its acts only (苹果股价 …)
    assert set(names) == {"苹果", "蓝岸"}
    assert names["苹果"] == {"label": "COMPANY", "pattern": "苹果", "rule": "attested",
                           "articles": 30, "acts": 3, "mentions": 30, "common": True}
    assert names["蓝岸"]["common"] is False


# -- the command -----------------------------------------------------------------------------
def test_attest_writes_a_lexicon_reproducibly(tmp_path: Path, rules_copy: Path, capsys) -> None:
    corpus = write_corpus(tmp_path / "news.jsonl", [
        ("n1", "蓝岸公司宣布在重庆投资。"), ("n2", "蓝岸集团发布年报。"),
        ("n3", "收购蓝岸。"), ("t1", "蓝岸公司签约。")])
    heldout = tmp_path / "news-test.jsonl"
    heldout.write_text(json.dumps({"id": "t1-p1", "article": "t1"}) + "\n", encoding="utf-8")
    out = tmp_path / "attested.jsonl"
    args = ["rules", "attest", str(corpus), "--heldout", str(heldout), "--rules",
            str(rules_copy), "--out", str(out), "--not-names", str(tmp_path / "none.jsonl")]
    assert run(args) == 0
    assert "3 articles read (1 held out)" in capsys.readouterr().out
    first = out.read_bytes()
    rows = [json.loads(line) for line in first.decode().splitlines() if not line.startswith("//")]
    if not any(r["pattern"] == "蓝岸" for r in rows):
        pytest.fail(f"蓝岸 not attested: {rows}")
    entry = next(r for r in rows if r["pattern"] == "蓝岸")
    assert entry["articles"] == 3 and entry["rule"] == "attested"
    assert run(args) == 0 and out.read_bytes() == first  # same text, same file


def test_attest_leaves_out_the_names_of_the_given_gold(tmp_path: Path, rules_copy: Path) -> None:
    corpus = write_corpus(tmp_path / "news.jsonl", [
        ("n1", "蓝岸公司宣布在重庆投资。"), ("n2", "蓝岸集团发布年报。")])
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g", "text": "蓝岸公司", "spans": [
        {"start": 0, "end": 2, "label": "COMPANY", "text": "蓝岸"}]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    out = tmp_path / "attested.jsonl"
    assert run(["rules", "attest", str(corpus), "--heldout", "", "--rules", str(rules_copy),
                "--out", str(out), "--not-names", str(gold)]) == 0
    assert "蓝岸" not in out.read_text(encoding="utf-8")


def test_a_bad_corpus_line_is_an_error_naming_file_and_line(tmp_path: Path, rules_copy: Path,
                                                            capsys) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text('{"id": "n1", "text": "蓝岸公司"}\n{"id": "n2"}\n', encoding="utf-8")
    out = tmp_path / "attested.jsonl"
    assert run(["rules", "attest", str(corpus), "--heldout", "", "--rules", str(rules_copy),
                "--out", str(out)]) != 0
    assert f"{corpus}:2" in capsys.readouterr().err
    assert not out.exists()  # nothing half-written


def test_the_shipped_list_is_the_build_of_the_shared_corpus(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "attested.jsonl"
    assert run(["rules", "attest", str(shared / "corpus"), "--out", str(out)]) == 0
    assert out.read_bytes() == config_path("rules", "lexicon", "attested.jsonl").read_bytes()
    seeds = {json.loads(line)["spans"][i]["text"]
             for line in (REPO / "seeds" / "gold" / "seeds.jsonl").read_text().splitlines()
             for i in range(len(json.loads(line)["spans"]))}
    names = {json.loads(line)["pattern"] for line in out.read_text().splitlines()
             if not line.startswith("//")}
    assert names and not names & seeds  # no seed name in any lexicon


# -- matching --------------------------------------------------------------------------------
def with_attested(rules_copy: Path, *names: str) -> Path:
    lines = [json.dumps({"label": "COMPANY", "pattern": n, "rule": "attested"},
                        ensure_ascii=False) for n in names]
    (rules_copy / "lexicon" / "attested.jsonl").write_text("\n".join(lines) + "\n",
                                                          encoding="utf-8")
    return rules_copy


def spans(rules_dir: Path, text: str) -> list[tuple[str, str]]:
    return rule_spans(load_rules(rules_dir), text)


def test_an_attested_name_is_proposed_bare_where_a_word_opens(rules_copy: Path) -> None:
    rules_dir = with_attested(rules_copy, "蓝岸", "蓝岸电子")
    assert spans(rules_dir, "蓝岸将在越南建厂。") == [("蓝岸", "company.attested")]
    assert spans(rules_dir, "来自蓝岸的挑战越来越大。") == [("蓝岸", "company.attested")]
    # a one-character adverb after it, a time word or a pronoun before it: words end there
    assert spans(rules_dir, "如此一来，蓝岸便拥有了筹码。") == [("蓝岸", "company.attested")]
    assert spans(rules_dir, "此次蓝岸又在韩国起诉对手。")[:1] == [("蓝岸", "company.attested")]
    # its trade word is part of its name (日产汽车); not a second one (蓝岸电子通信)
    assert spans(rules_dir, "蓝岸汽车将在越南建厂。") == [("蓝岸汽车", "company.attested")]
    assert [t for t, _ in spans(rules_dir, "蓝岸电子通信业务下滑。")] == ["蓝岸电子"]


@pytest.mark.parametrize("text", [
    "入住蓝岸级酒店。",  # a rating: 级 after it
    "蓝岸期货合约上市。",  # a commodity or a security after it
    "蓝岸本人表示满意。",  # a person
    "董事长蓝岸表示。",
    "合资企业一汽-蓝岸投产。",  # part of a joint venture's name
    "蓝岸沪港深回报基金发行。",  # the name goes on (a fund product)
    "他买了两瓶十年前的蓝岸。",  # a measure of goods in the clause: the goods
    "超市里，蓝岸5升装一级花生油卖到129元。",
    "蓝岸900多元一瓶。",
])
def test_an_attested_name_is_left_where_the_context_says_it_is_no_firm(
        rules_copy: Path, text: str) -> None:
    rules_dir = with_attested(rules_copy, "蓝岸")
    assert ("蓝岸", "company.attested") not in spans(rules_dir, text)


def test_explain_names_the_rule(rules_copy: Path, capsys) -> None:
    rules_dir = with_attested(rules_copy, "蓝岸")
    assert run(["rules", "explain", "蓝岸将在越南建厂。", "--rules", str(rules_dir)]) == 0
    assert "rules:company.attested" in capsys.readouterr().out


def test_a_lexicon_rule_must_be_known(rules_copy: Path) -> None:
    path = rules_copy / "lexicon" / "attested.jsonl"
    path.write_text('{"label": "COMPANY", "pattern": "蓝岸", "rule": "attested"}\n'
                    '{"label": "COMPANY", "pattern": "灰岩", "rule": "guessed"}\n',
                    encoding="utf-8")
    with pytest.raises(EconerError, match=r"attested.jsonl:2: bad lexicon rule 'guessed'"):
        load_patterns(rules_copy)


@pytest.mark.parametrize("text, name", [
    ("其从多方途径获知海尔公司将扩产。", "海尔公司"),  # 多方途径获知|海尔公司
    ("目前该集团控股奥迪公司99.5%的股份。", "奥迪公司"),  # a holding: 控股 is the verb
])
def test_a_suffix_name_starts_at_a_list_name_after_a_verb(labeller, text: str, name: str) -> None:
    # round twenty-five: a verb right before a name of a list that ends the core
    assert name in names(labeller, text)


def test_an_attested_name_opening_a_longer_word_is_no_firm(rules_copy: Path) -> None:
    # (round thirty) 招商引资 is a noun of jieba's dictionary: 招商 does not stand alone there
    # (the shipped rules stop 招商 altogether: the copy here does not)
    stop = rules_copy / "lexicon" / "stop.jsonl"
    stop.write_text("".join(line for line in stop.read_text(encoding="utf-8").splitlines(True)
                            if '"招商"' not in line), encoding="utf-8")
    rules = with_attested(rules_copy, "招商")
    assert spans(rules, "开展招商引资工作。") == []
    assert spans(rules, "再看看保利、招商、银行等。") == [("招商", "company.attested")]
