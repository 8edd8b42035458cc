from datetime import date, datetime

import pytest

from grassroots.core.dates import (
    add_months,
    as_date,
    financial_year_start,
    format_date,
    format_long,
    parse_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05/03/2026", date(2026, 3, 5)),
        ("5/3/26", date(2026, 3, 5)),
        ("5-3-2026", date(2026, 3, 5)),
        ("2026-03-05", date(2026, 3, 5)),
        ("5 March 2026", date(2026, 3, 5)),
        ("5th Mar 2026", date(2026, 3, 5)),
        ("01.12.1999", date(1999, 12, 1)),
        ("1/1/70", date(1970, 1, 1)),
    ],
)
def test_day_comes_before_month(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2026", "13/13/2026", "yesterday", "", "2026/13/01"])
def test_wrong_dates_are_refused_with_a_reason(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_formats():
    assert format_date(date(2026, 3, 5)) == "05/03/2026"
    assert format_date(None) == ""
    assert format_long(date(2026, 3, 5)) == "5 March 2026"


def test_as_date_accepts_cells():
    assert as_date(datetime(2026, 1, 2, 13, 0)) == date(2026, 1, 2)
    assert as_date("02/01/2026") == date(2026, 1, 2)


def test_months_clamp_to_month_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 3, 15), -12) == date(2025, 3, 15)


def test_financial_year_start():
    assert financial_year_start(date(2026, 3, 31), 4) == date(2025, 4, 1)
    assert financial_year_start(date(2026, 4, 1), 4) == date(2026, 4, 1)
    assert financial_year_start(date(2026, 1, 1), 1) == date(2026, 1, 1)
