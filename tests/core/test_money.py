from decimal import Decimal

import pytest

from grassroots.core.money import Money


@pytest.mark.parametrize(
    ("text", "pence"),
    [
        ("£1,234.50", 123450),
        ("12", 1200),
        ("-12.3", -1230),
        ("(5.00)", -500),
        ("0.07", 7),
        (" £ 3.5 ", 350),
        ("-£2.00", -200),
        ("£-2", -200),
        (".50", 50),
    ],
)
def test_parses_what_people_type(text, pence):
    assert Money.parse(text).pence == pence


@pytest.mark.parametrize(
    "text",
    ["", "abc", "1.234", "£", "1,2.3.4", "12.345", "12,50", "1,2,3", "-£-5", "--5", "£5£", "1,23"],
)
def test_rejects_what_is_not_money(text):
    with pytest.raises(ValueError):
        Money.parse(text)


def test_formats_en_gb():
    assert Money(123450).format() == "£1,234.50"
    assert Money(-500).format() == "-£5.00"
    assert Money(5).plain() == "0.05"
    assert Money(123450).format(symbol=False) == "1,234.50"


def test_arithmetic_stays_in_pence():
    assert Money(1000) + Money(250) == Money(1250)
    assert Money(1000) - Money(1250) == Money(-250)
    assert Money(333) * 3 == Money(999)
    assert Money(150).decimal() == Decimal("1.50")


def test_refuses_floats():
    with pytest.raises(TypeError):
        Money(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Money(100) * 1.5  # type: ignore[operator]
