from __future__ import annotations

import json
from pathlib import Path

import pytest

from econer import EconerError
from econer.ingest import default_furniture, is_column_layout, iter_documents, normalise, read_txt


@pytest.fixture(scope="module")
def seeds(seed_paths: list[Path]) -> dict[str, str]:
    return {p.name[:3]: read_txt(p).text for p in seed_paths}


def test_seeds_are_byte_identical_to_shared(seed_paths: list[Path], shared: Path) -> None:
    names = sorted(p.name for p in (shared / "seeds").glob("*.txt"))
    assert [p.name for p in seed_paths] == names
    for path in seed_paths:
        assert path.read_bytes() == (shared / "seeds" / path.name).read_bytes()


def test_all_five_seeds_ingest_with_file_stem_ids(seed_paths: list[Path]) -> None:
    docs = list(iter_documents(seed_paths))
    assert [d.id for d in docs] == [p.stem for p in seed_paths]
    assert all(d.text and "\r" not in d.text and "\n\n" not in d.text for d in docs)


def test_newspaper_line_breaks_are_joined(seeds: dict[str, str]) -> None:
    text = seeds["003"]
    assert "重庆幂天通讯设备制造有限公司负责人" in text
    assert "229.91亿元" in text
    assert "重庆幂天通讯设备制造有限公司的增资加码" in text  # joined across a blank line
    assert "企业进一步投资加码" in text
    assert "有限公\n" not in text


def test_column_layout_keeps_paragraphs(seeds: dict[str, str]) -> None:
    text = seeds["003"]
    # A paragraph that ends a sentence stays its own line.
    line = next(x for x in text.split("\n") if x.startswith("“对企业在开州的发展"))
    assert line.endswith("频频点赞。")


def test_web_furniture_is_dropped(seeds: dict[str, str]) -> None:
    text = seeds["002"]
    for junk in ("扫一扫在手机打开当前页", "微博", "微信", "新闻媒体网站", "您当前的位置"):
        assert junk not in text
    assert text.rstrip().endswith("提振发展信心。")


def test_non_column_documents_are_not_joined(seeds: dict[str, str], seed_paths) -> None:
    raw = seed_paths[0].read_text(encoding="utf-8")
    final = default_furniture().sentence_final
    assert not is_column_layout([x.strip() for x in raw.split("\n")], final)
    assert "千能实业有限公司车间一角\n工业经济由负转正" in seeds["000"]


def test_no_entity_text_is_lost(seeds: dict[str, str], seed_paths: list[Path]) -> None:
    """Every run of CJK/digit characters of a seed survives (modulo joined line breaks)."""
    import re

    for path in seed_paths:
        raw = path.read_text(encoding="utf-8")
        text = seeds[path.name[:3]].replace("\n", "")
        for piece in re.findall(r"[\u4e00-\u9fff0-9.%]{4,}", raw):
            if piece in {"扫一扫在手机打开当前页", "市政府部门网站", "区县政府网站",
                         "开州区部门镇街网站", "新闻媒体网站", "部门街镇", "您当前的位置"}:
                continue
            assert piece in text, f"{path.name}: lost {piece!r}"


def test_crlf_bom_and_indent_are_normalised() -> None:
    assert normalise("\ufeff　　第一段。\r\n\r\n  第二段。\r\n") == "第一段。\n第二段。"


def test_jsonl_text_is_taken_exactly(tmp_path: Path) -> None:
    text = "  有限公\n\n司\r\n扫一扫在手机打开当前页  "
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    [doc] = iter_documents([path])
    assert doc.text == text


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("乙。", "utf-8")
    (tmp_path / "one.txt").write_text("甲。", "utf-8")
    (tmp_path / "notes.md").write_text("ignored", "utf-8")
    (tmp_path / "gold.jsonl").write_text('{"id": "one", "text": "甲。"}\n', "utf-8")
    docs = list(iter_documents([tmp_path]))
    assert [(d.id, d.text, d.meta["source"]) for d in docs] == [
        ("two", "乙。", "b/two.txt"),
        ("one", "甲。", "one.txt"),
    ]


def test_bad_inputs_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(EconerError, match="no such file"):
        list(iter_documents([tmp_path / "missing.txt"]))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EconerError, match=r"empty: folder holds no"):
        list(iter_documents([empty]))
    bad = tmp_path / "bad.txt"
    bad.write_bytes("第一行\n".encode() + b"\xff\xfe bad")
    with pytest.raises(EconerError, match=r"bad.txt:2: not UTF-8"):
        list(iter_documents([bad]))
    odd = tmp_path / "doc.pdf"
    odd.write_bytes(b"%PDF")
    with pytest.raises(EconerError, match="unknown file type"):
        list(iter_documents([odd]))
    (tmp_path / "dup").mkdir()
    (tmp_path / "dup" / "x.txt").write_text("甲", "utf-8")
    with pytest.raises(EconerError, match="already read"):
        list(iter_documents([tmp_path / "dup", tmp_path / "dup" / "x.txt"]))
