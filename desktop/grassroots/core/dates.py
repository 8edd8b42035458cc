"""Dates as people in the UK write them (dd/mm/yyyy), months arithmetic and financial years."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9


def format_date(value: date | None) -> str:
    """dd/mm/yyyy, or '' for no date."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_long(value: date) -> str:
    """'5 March 2026': for letters."""
    return f"{value.day} {calendar.month_name[value.month]} {value.year}"


def parse_date(text: str) -> date:
    """Read a date as typed in the UK: 05/03/2026, 5-3-26, 2026-03-05 or 5 March 2026.

    Day comes before month, always. ValueError says what was wrong with the text.
    """
    raw = str(text).strip()
    if not raw:
        raise ValueError("no date given")
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?", raw)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", raw)
    if m:
        return _make(_year(m[3]), int(m[2]), int(m[1]), text)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([A-Za-z]+)\.?,?[\s\-]+(\d{2}|\d{4})", raw)
    if m and m[2].lower() in _MONTHS:
        return _make(_year(m[3]), _MONTHS[m[2].lower()], int(m[1]), text)
    raise ValueError(f"'{text}' is not a date (use dd/mm/yyyy)")


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        # Two-digit years: 00-69 are 2000s, 70-99 are 1900s (as spreadsheets do).
        year += 2000 if year < 70 else 1900
    return year


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a real date") from None


def as_date(value: object) -> date:
    """A date from a spreadsheet cell: date, datetime or text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(str(value))


def add_months(start: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def financial_year_start(on: date, start_month: int, start_day: int = 1) -> date:
    """The first day of the financial year that contains `on`."""
    candidate = date(on.year, start_month, start_day)
    return candidate if candidate <= on else date(on.year - 1, start_month, start_day)
