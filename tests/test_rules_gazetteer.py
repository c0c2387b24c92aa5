"""The company gazetteer: building it from raw lists, bad rows, reproducibility, matching."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from econer.annotate.rules import gazetteer
from econer.annotate.rules.gazetteer import Gazetteer, normalise

from econer.errors import EconerError

REPO = Path(__file__).resolve().parent.parent


def test_normalise_follows_the_standard_on_listed_names() -> None:
    # the standard: 万科A → 万科, *ST康美 → 康美 (share-class letter and status prefix out)
    assert normalise("万科A") == "万科"
    assert normalise("*ST康美") == "康美"
    assert normalise("万  科Ａ") == "万科"  # full-width letter and padding
    assert normalise("XD嘉化能") == "嘉化能"
    assert normalise("G*ST三元") == "三元"
    assert normalise("TCL科技") == "TCL科技"  # a latin name keeps its letters
    assert normalise("GQY视讯") == "GQY视讯"


def write_lists(root: Path, *, sh_rows: list[str] | None = None,
                brands: list[str] | None = None) -> Path:
    share = root / "a-share"
    share.mkdir(parents=True)
    (share / "stock_info_sh.csv").write_text(
        "\ufeff,A股代码,证券简称,证券全称,上市日期,板块,B股代码,交易所\n" + "\n".join(sh_rows or [
            "0,600001,甲乙钢铁,甲乙钢铁股份有限公司,1999-01-01,主板A股,,上交所",
            "1,600002,XD丙丁能,丙丁能源股份有限公司,1999-01-01,主板A股,,上交所",
            "2,,戊己B股,戊己实业股份有限公司,1999-01-01,主板B股,900901,上交所",
        ]) + "\n", encoding="utf-8")
    (share / "stock_info_sz.csv").write_text(
        "\ufeff,板块,A股代码,证券简称,上市日期\n0,主板,000002,庚  辛Ａ,1991-01-29\n",
        encoding="utf-8")
    (share / "stock_info_bj.csv").write_text("\ufeff,A股代码,证券简称\n0,430017,壬癸医药\n",
                                             encoding="utf-8")
    (share / "stock_basic_2021.csv").write_text(
        ",TS代码,股票代码,股票名称,行业\n0,600002.SH,600002,丙丁能源,电力\n"
        "1,000002.SZ,000002,庚辛A,地产\n", encoding="utf-8")
    (share / "change_name_sina.csv").write_text(
        '\ufeff证券代码,历史简称\n600001,"G甲乙,甲乙钢铁"\n', encoding="utf-8")
    short = root / "company-short-names"
    short.mkdir()
    (short / "company-short-names.txt").write_text(
        "\ufeffName\r\n2022.11.30\r\n\r\n" + "\r\n".join(brands or ["子丑", "寅", "甲乙钢铁"])
        + "\r\n", encoding="utf-8")
    return root


def test_build_normalises_deduplicates_and_keeps_sources(tmp_path: Path) -> None:
    listed, brands = gazetteer.build(write_lists(tmp_path / "lists"))
    by = {(e.name, e.kind): e for e in listed}
    assert ("甲乙钢铁", "short") in by and ("甲乙钢铁股份有限公司", "full") in by
    assert by[("甲乙", "former")].sources == ("a-share/change_name_sina.csv:2",)
    # the current name in the history is not a former name
    assert ("甲乙钢铁", "former") not in by
    # XD丙丁能 was truncated by its prefix: the firm's full short name stands for it
    assert ("丙丁能", "short") not in by and ("丙丁能源", "short") in by
    # the same name from two tables is one entry with both sources
    assert by[("庚辛", "short")].sources == ("a-share/stock_info_sz.csv:2",
                                              "a-share/stock_basic_2021.csv:3")
    assert by[("戊己B股", "short")].code == "900901"  # a B-share row keeps its B code
    # brands: header lines and one-character names out; listed names are not repeated
    assert brands == {"子丑": 4}


def test_a_rebuild_is_byte_identical(tmp_path: Path) -> None:
    lists = write_lists(tmp_path / "lists")
    first = [p.read_bytes() for p in gazetteer.write(tmp_path / "a", *gazetteer.build(lists))]
    second = [p.read_bytes() for p in gazetteer.write(tmp_path / "b", *gazetteer.build(lists))]
    assert first == second


def test_an_empty_name_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    lists = write_lists(tmp_path / "lists", sh_rows=[
        "0,600001,甲乙钢铁,甲乙钢铁股份有限公司,1999-01-01,主板A股,,上交所",
        "1,600003,,空名股份有限公司,1999-01-01,主板A股,,上交所"])
    with pytest.raises(EconerError, match=r"stock_info_sh.csv:3: empty 证券简称"):
        gazetteer.build(lists)


def test_a_name_that_is_only_a_status_prefix_is_an_error(tmp_path: Path) -> None:
    lists = write_lists(tmp_path / "lists", sh_rows=[
        "0,600001,  ,甲乙钢铁股份有限公司,1999-01-01,主板A股,,上交所"])
    with pytest.raises(EconerError, match=r"stock_info_sh.csv:2"):
        gazetteer.build(lists)


def test_wrong_encoding_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    lists = write_lists(tmp_path / "lists")
    path = lists / "a-share" / "stock_info_bj.csv"
    path.write_bytes("\ufeff,A股代码,证券简称\n0,430017,壬癸医药\n".encode()
                     + "1,430047,诺思兰德\n".encode("gbk"))
    with pytest.raises(EconerError, match=r"stock_info_bj.csv:3: not UTF-8"):
        gazetteer.build(lists)


def test_a_bad_gazetteer_row_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    gazetteer.write(folder, *gazetteer.build(write_lists(tmp_path / "lists")))
    path = folder / "gazetteer" / gazetteer.LISTED_FILE
    path.write_text(path.read_text(encoding="utf-8") + "坏行\tshort\n", encoding="utf-8")
    lines = path.read_text(encoding="utf-8").count("\n")
    with pytest.raises(EconerError, match=rf"listed.tsv:{lines}: expected name, kind"):
        Gazetteer.load(folder)


def test_the_committed_gazetteer_is_the_build_of_the_shared_lists(shared: Path,
                                                                  tmp_path: Path) -> None:
    built = gazetteer.write(tmp_path, *gazetteer.build(shared / "lexicons"))
    committed = REPO / "configs" / "rules" / "gazetteer"
    for path in built:
        assert path.read_bytes() == (committed / path.name).read_bytes(), path.name
        assert path.stat().st_size < 4 * 1024 * 1024


def test_matching_finds_every_listed_name_overlapping(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(REPO / "configs" / "rules", folder)
    gaz = Gazetteer.load(folder)
    assert gaz is not None
    hits = {name for _, _, name in gaz.find("万科A与贵州茅台")}
    assert {"万科", "贵州茅台"} <= hits
    assert "耐克" in gaz.brands


def test_an_empty_brand_line_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    gazetteer.write(folder, *gazetteer.build(write_lists(tmp_path / "lists")))
    path = folder / "gazetteer" / gazetteer.BRANDS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], "", *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(EconerError, match=r"brands.tsv:2: empty name"):
        Gazetteer.load(folder)


def test_the_brand_list_answers_as_a_set_with_and_without_its_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECONER_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / gazetteer.BRANDS_FILE
    names = ["耐克", "耐克森", "三洋", "阿迪达斯", "Zara", "3M", "中粮屯河"]
    path.write_text("# header\n" + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    probes = [*names, "耐", "耐克森林", "三", "阿迪", "zara", "中粮", "", "洋"]
    first = gazetteer.BrandSet.load(path)  # derives and caches
    assert list((tmp_path / "cache").iterdir())
    second = gazetteer.BrandSet.load(path)  # from the cache
    for brands in (first, second):
        assert len(brands) == len(names)
        assert sorted(brands) == sorted(names)
        assert [p in brands for p in probes] == [p in set(names) for p in probes]
    # another content is another cache entry, never the stale one
    path.write_text("# header\n耐克\n", encoding="utf-8")
    changed = gazetteer.BrandSet.load(path)
    assert "耐克" in changed and "三洋" not in changed and len(changed) == 1


def test_an_unsorted_brand_list_is_an_error_naming_file_and_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECONER_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / gazetteer.BRANDS_FILE
    path.write_text("# header\n三洋\n耐克\n中粮\n", encoding="utf-8")
    with pytest.raises(EconerError, match=r"brands.tsv:4: names not sorted"):
        gazetteer.BrandSet.load(path)


def test_an_unwritable_cache_costs_only_time(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ECONER_CACHE_DIR", str(blocker / "cache"))  # under a file
    path = tmp_path / gazetteer.BRANDS_FILE
    path.write_text("# header\n三洋\n耐克\n", encoding="utf-8")
    assert "耐克" in gazetteer.BrandSet.load(path)
