"""COMPANY and PARK: every example row of the spec's tables, its exclusions and decisions."""

from __future__ import annotations

import pytest

from econer.spans import Document


def names(labeller, text: str, label: str) -> list[str]:
    return [s.text for s in labeller(Document.from_text(text)).spans if s.label == label]


COMPANY_ROWS = [
    ("千能实业有限公司车间一角", ["千能实业有限公司"]),
    ("重庆紫建电子有限公司生产", ["重庆紫建电子有限公司"]),
    ("推动摩瑞科技、达望曲轴、智客物联等16个项目", ["摩瑞科技", "达望曲轴", "智客物联"]),
    ("中国电信重庆分公司", ["中国电信重庆分公司"]),
    ("实施天致二期、德凯二期", ["天致", "德凯"]),
    ("中科昆华（北京）数字研究院、华为等9家企业", ["中科昆华（北京）数字研究院", "华为"]),
    ("开州千能实业与万州长安跨越", ["千能实业", "长安跨越"]),
    ("山东省临沂市兰山区鼎丰木材加工厂", ["山东省临沂市兰山区鼎丰木材加工厂"]),
    ("与华为共同推出", ["华为"]),
    # further decisions: place words, inside other names, brands
    ("美国波音公司和日本丰田公司", ["美国波音公司", "日本丰田公司"]),
    ("长沙中联重科", ["中联重科"]),
    ("湖南太子奶", ["太子奶"]),
    ("无锡尚德", ["尚德"]),
    ("英国的BAE公司", ["BAE公司"]),
    ("攀钢集团攀枝花钢铁研究院", ["攀钢集团"]),
    ("雅戈尔污水处理厂", ["雅戈尔"]),
    ("广西海吉星农产品国际物流中心", ["海吉星"]),
    ("耐克在这三家公司中", ["耐克"]),
]
NOT_COMPANY = [
    "区经济信息委", "浦里新区管委会", "市科技局", "深交所", "中科院重庆绿色智能研究所",
    "蟠龙抽水蓄能电站", "数智开州存储中心", "股份公司", "该公司", "长春工厂", "某公司",
    "王老吉凉茶", "茅台酒", "丰田、本田等品牌", "上市公司", "许多汽车厂商", "依靠科技进步",
]


@pytest.mark.parametrize(("text", "expected"), COMPANY_ROWS)
def test_company_rows(labeller, text: str, expected: list[str]) -> None:
    assert names(labeller, text, "COMPANY") == expected


@pytest.mark.parametrize("text", NOT_COMPANY)
def test_not_company(labeller, text: str) -> None:
    assert names(labeller, text, "COMPANY") == []


PARK_ROWS = [
    ("浦里新区成功创建成为市级高新区", ["浦里新区"]),
    ("开州高新区揭牌仪式", ["开州高新区"]),
    ("浦里新区赵家组团全貌", ["浦里新区赵家组团"]),
    ("加快建设重庆生物医药产业园", ["重庆生物医药产业园"]),
    ("特色建材(陶瓷)产业园", ["特色建材(陶瓷)产业园"]),
    ("关坝—扶欢循环经济产业园", ["关坝—扶欢循环经济产业园"]),
    ("新增永桐新城、安穩、扶欢3个园区组团", ["永桐新城", "安穩", "扶欢"]),
    ("三江、赶水、打通中小企业集聚区启动申报", ["打通中小企业集聚区"]),
    ("三江小微企业创业基地成功获批", ["三江小微企业创业基地"]),
    ("西部信息安全谷", ["西部信息安全谷"]),
    ("浦里新区管委会", ["浦里新区"]),
    ("中关村管委会", ["中关村"]),
    ("天津海吉星农产品国际物流园", ["天津海吉星农产品国际物流园"]),
    ("广东中山市三角镇高平工业区", ["广东中山市三角镇高平工业区"]),
]
NOT_PARK = [
    "开州区", "綦江区", "重庆", "渝东北", "开州港", "市级高新区",
    "国家小型微型企业创业创新示范基地", "市级化工园区", "成渝地区双城经济圈",
    "万达开川渝统筹发展示范区", "国家农业绿色发展先行区", "大巴山国际旅游度假区",
    "标准化厂房", "大数据运营中心", "高新区", "园区", "保税区", "各地区组团参展",
]


@pytest.mark.parametrize(("text", "expected"), PARK_ROWS)
def test_park_rows(labeller, text: str, expected: list[str]) -> None:
    assert names(labeller, text, "PARK") == expected


@pytest.mark.parametrize("text", NOT_PARK)
def test_not_park(labeller, text: str) -> None:
    assert names(labeller, text, "PARK") == []


def test_alias_of_a_full_name_is_found_elsewhere(labeller) -> None:
    text = "重庆紫建电子有限公司投产。紫建电子今年产值翻番，紫建将再扩产。"
    assert names(labeller, text, "COMPANY") == ["重庆紫建电子有限公司", "紫建电子", "紫建"]


def test_every_span_records_its_rule_and_score(labeller) -> None:
    doc = labeller(Document.from_text("开州高新区的重庆紫建电子有限公司投资5亿元，增长8%"))
    assert {s.label for s in doc.spans} == {"PARK", "COMPANY", "AMOUNT", "RATE"}
    for span in doc.spans:
        assert span.source.startswith("rules:") and 0 < span.score <= 1
