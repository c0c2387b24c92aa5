"""Numerals and normalised values: Arabic, full-width and Chinese numbers, money and rates.

The rules find *where* an AMOUNT or RATE is; this module says *what it is worth*. Numbers
are computed with :class:`~decimal.Decimal` so that ``-26.6%`` is exactly ``-0.266``.

>>> parse_number("１２０")
(Decimal('120'), False)
>>> parse_number("六七")
(Decimal('6'), True)
>>> amount_value("800", "万", "元", approx=True)
Value(number=8000000.0, unit='CNY', approx=True)
>>> rate_value("-26.6", "%")
Value(number=-0.266, unit='fraction', approx=False)
>>> rate_value("3.5", "个百分点")
Value(number=0.035, unit='points', approx=False)
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from econer.errors import EconerError
from econer.spans import Value

# Characters of a number; which words are currencies, magnitudes and approximators is data
# (configs/rules/numbers.yaml), but what a digit is worth is arithmetic.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")
CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
CN_SMALL: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_LARGE: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
VAGUE = frozenset("几数")  # 几千万, 数十亿, 十几: a lower bound, marked approximate
MINUS = frozenset("-−－﹣–")


def is_arabic(text: str) -> bool:
    """Whether ``text`` is an Arabic number (half- or full-width, with . and , separators).

    >>> is_arabic("1,234.5"), is_arabic("１２０"), is_arabic("十二")
    (True, True, False)
    """
    plain = text.translate(_FULL_WIDTH).replace(",", "").replace(" ", "")
    return bool(plain) and plain.replace(".", "", 1).isdigit()


def parse_arabic(text: str) -> Decimal:
    """``1,234.5`` → 1234.5; full-width digits and a space inside a number are read too.

    >>> parse_arabic("１５４６６４"), parse_arabic("229. 91")
    (Decimal('154664'), Decimal('229.91'))
    """
    plain = text.translate(_FULL_WIDTH).replace(",", "").replace(" ", "")
    try:
        return Decimal(plain)
    except InvalidOperation:
        raise EconerError(f"not a number: {text!r}") from None


def parse_chinese(text: str) -> tuple[Decimal, bool]:
    """A Chinese numeral and whether it is approximate.

    Adjacent digits are a range (六七 → 6, approximate); 几/数 are a lower bound
    (几千 → 1000, 十几 → 10, approximate); 点 starts decimals (五点五 → 5.5).

    >>> parse_chinese("一百二十五")
    (Decimal('125'), False)
    >>> parse_chinese("十二"), parse_chinese("两千三百万")
    ((Decimal('12'), False), (Decimal('23000000'), False))
    >>> parse_chinese("数十"), parse_chinese("十几"), parse_chinese("三四十")
    ((Decimal('10'), True), (Decimal('10'), True), (Decimal('30'), True))
    >>> parse_chinese("五点五")
    (Decimal('5.5'), False)
    """
    if "点" in text:
        whole, _, frac = text.partition("点")
        value, approx = parse_chinese(whole) if whole else (Decimal(0), False)
        digits = "".join(str(CN_DIGITS[c]) for c in frac if c in CN_DIGITS)
        return value + (Decimal("0." + digits) if digits else Decimal(0)), approx
    total = Decimal(0)  # finished 亿/万 sections
    section = Decimal(0)  # the current section below 万
    digit: int | None = None
    approx = False
    previous_was_digit = False
    for char in text:
        if char in CN_DIGITS or char in VAGUE:
            if previous_was_digit:
                approx = True  # 六七万: keep the first, the lower bound
                continue
            if char in VAGUE:
                approx = True
                digit = -1  # 1 before a magnitude (几千), 0 at the end (十几)
            else:
                digit = CN_DIGITS[char]
            previous_was_digit = True
            continue
        previous_was_digit = False
        if char in CN_SMALL:
            factor = 1 if digit is None else (1 if digit == -1 else digit)
            section += factor * CN_SMALL[char]
            digit = None
        elif char in CN_LARGE:
            if digit is not None and digit != -1:
                section += digit
            elif digit == -1:
                section += 1
            digit = None
            scale = CN_LARGE[char]
            # 万亿: a larger unit multiplies everything before it.
            total = (total + section) * scale if scale > 10**4 or total == 0 else (
                total + section * scale)
            section = Decimal(0)
        else:
            raise EconerError(f"not a Chinese numeral: {text!r}")
    if digit is not None and digit != -1:
        section += digit
    return total + section, approx


def parse_number(text: str) -> tuple[Decimal, bool]:
    """An Arabic or Chinese numeral (or Arabic followed by Chinese magnitudes, 3千万).

    >>> parse_number("3千万"), parse_number("1.5万亿")
    ((Decimal('30000000'), False), (Decimal('1500000000000.0'), False))
    """
    if is_arabic(text):
        return parse_arabic(text), False
    head = 0
    while head < len(text) and (text[head].translate(_FULL_WIDTH) in "0123456789.,"):
        head += 1
    if head:
        return parse_arabic(text[:head]) * magnitude(text[head:]), False
    return parse_chinese(text)


def magnitude(text: str) -> Decimal:
    """The factor of magnitude words: 万 → 10⁴, 万亿 → 10¹², 千万 → 10⁷, '' → 1.

    >>> magnitude("万亿"), magnitude("")
    (Decimal('1000000000000'), Decimal('1'))
    """
    factor = Decimal(1)
    for char in text:
        if char in CN_LARGE:
            factor *= CN_LARGE[char]
        elif char in CN_SMALL:
            factor *= CN_SMALL[char]
        elif char not in "个余多":
            raise EconerError(f"not a magnitude: {text!r}")
    return factor


def _number(value: Decimal) -> float:
    return float(value.normalize()) if value == value.to_integral_value() else float(value)


# a magnitude word's power of ten (个, 余, 多: none), for the plain numbers' shortcut
_TENS: dict[str, int] = {**{c: len(str(v)) - 1 for c, v in {**CN_SMALL, **CN_LARGE}.items()},
                         "个": 0, "余": 0, "多": 0}


def _plain_exponent(number: str, mag: str) -> int | None:
    """The power of ten of ``mag`` where ``number`` is plain ASCII digits (one point at
    most, 20 characters at most) and ``mag`` all magnitude words; else None.

    Speed (some 3K values a pass): such a value is ``float(f"{number}e{exponent}")``, which
    is what the Decimal arithmetic gives: the product is exact (20 digits within Decimal's
    28) and both read the exact decimal into the nearest float.

    >>> _plain_exponent("12.5", "千万"), _plain_exponent("1,000", ""), _plain_exponent("5", "元")
    (7, None, None)
    """
    if len(number) > 20 or not number.isascii() or not number.replace(".", "", 1).isdigit():
        return None
    exponent = 0
    for char in mag:
        tens = _TENS.get(char)
        if tens is None:
            return None
        exponent += tens
    return exponent


def amount_value(number: str, mag: str, currency_code: str, approx: bool = False,
                 fraction: str = "") -> Value:
    """The value of an AMOUNT: ``number`` × ``mag`` in ``currency_code`` ('元' means CNY; a
    code may name a hundredth, ``USD/100`` for 美分). ``fraction`` (a futures quote's 1/2) is
    in units of the number's last digit.

    >>> amount_value("125.8", "亿", "CNY")
    Value(number=12580000000.0, unit='CNY', approx=False)
    >>> amount_value("六七", "万", "CNY")
    Value(number=60000.0, unit='CNY', approx=True)
    >>> amount_value("36", "", "USD/100").number
    0.36
    >>> amount_value("7.36", "", "USD", fraction="1/2").number
    7.365
    """
    code, _, per = currency_code.partition("/")
    unit = "CNY" if code == "元" else code
    shift = _tens_of(per) if per else 0
    if fraction:
        number = _with_fraction(number, fraction)
    exponent = _plain_exponent(number, mag)
    if exponent is not None:
        return Value(float(f"{number}e{exponent - shift}"), unit, approx)
    base, vague = parse_number(number)
    return Value(_number(base * magnitude(mag) / Decimal(10) ** shift), unit, approx or vague)


def _tens_of(per: str) -> int:
    """The power of ten a currency's part is (100 → 2: a hundredth)."""
    if per[:1] != "1" or per.strip("0") != "1":
        raise EconerError(f"a currency's part must be a power of ten (USD/100), not {per!r}")
    return len(per) - 1


def _with_fraction(number: str, fraction: str) -> str:
    """``number`` plus ``fraction`` of its last digit's unit (7.36 1/2 → 7.365, 4 3/4 → 4.75).

    >>> _with_fraction("7.36", "1/2"), _with_fraction("4", "3/4")
    ('7.365', '4.75')
    """
    number = number.replace("．", ".")
    top, bottom = fraction.split("/")
    step = Decimal(1).scaleb(-len(number.partition(".")[2])) * Decimal(top) / Decimal(bottom)
    return str(Decimal(number) + step)


def rate_value(number: str, unit: str, approx: bool = False) -> Value:
    """The value of a RATE: a fraction (%, ‰, 百分之, 千分之) or percentage points.

    ``number`` may start with a minus sign.

    >>> rate_value("41", "%")
    Value(number=0.41, unit='fraction', approx=False)
    >>> rate_value("十二", "百分之")
    Value(number=0.12, unit='fraction', approx=False)
    >>> rate_value("5", "‰")
    Value(number=0.005, unit='fraction', approx=False)
    """
    sign = Decimal(1)
    if number[:1] in MINUS or number[:1] == "负":
        sign, number = Decimal(-1), number[1:]
    per_mille = unit in {"‰", "千分之"}
    kind = "points" if "百分点" in unit else "fraction"
    if _plain_exponent(number, "") is not None:  # (the quotient is exact: see there)
        minus = "-" if sign < 0 else ""
        return Value(float(f"{minus}{number}e-{3 if per_mille else 2}"), kind, approx)
    base, vague = parse_number(number)
    value = sign * base / (1000 if per_mille else 100)
    return Value(_number(value), kind, approx or vague)
