"""The years the books cover, the checks before closing one, and closing it with approval."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots.accounts import books
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.accounts.year_end_checks import (
    approver,
    close_year,
    financial_years,
    split_approver,
    year_end_status,
)
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money

TODAY = date(2026, 11, 22)


@pytest.fixture
def bank(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(10_000), date(2024, 4, 1))


def pay_in(sessions, bank, on: date, category: str | None = "Subscriptions") -> None:
    cat = next((c.id for c in books.list_categories(sessions) if c.name == category), None)
    books.add_entry(sessions, EntryInput(bank.id, on, (LineInput(Money(2_000), cat),)))


def test_the_years_run_from_the_first_entry_to_the_last_newest_first(sessions, bank):
    assert [y.name for y in financial_years(sessions)] == ["2024/25"]
    pay_in(sessions, bank, date(2026, 5, 1))
    years = financial_years(sessions)
    assert [(y.name, y.starts_on, y.ends_on) for y in years] == [
        ("2026/27", date(2026, 4, 1), date(2027, 3, 31)),
        ("2025/26", date(2025, 4, 1), date(2026, 3, 31)),
        ("2024/25", date(2024, 4, 1), date(2025, 3, 31)),
    ]
    assert not any(y.closed for y in years)


def test_no_books_no_years(sessions):
    assert financial_years(sessions) == ()


def test_name_and_role_are_kept_together_and_read_apart():
    assert approver(" Margaret Ellis ", " Chair ") == "Margaret Ellis (Chair)"
    assert approver("Margaret Ellis", "") == "Margaret Ellis"
    assert split_approver("Margaret Ellis (Chair)") == ("Margaret Ellis", "Chair")
    assert split_approver("Margaret Ellis") == ("Margaret Ellis", "")
    assert split_approver("") == ("", "")


def test_what_blocks_and_what_only_warns(sessions, bank):
    pay_in(sessions, bank, date(2024, 6, 1), None)
    pay_in(sessions, bank, date(2025, 6, 1))
    status = year_end_status(sessions, date(2025, 4, 1), TODAY)
    assert [(c.key, c.blocking) for c in status.checks] == [
        ("not_reconciled", False),
        ("earlier_open", False),
    ]
    assert status.can_close and status.cash_agrees
    earlier = year_end_status(sessions, date(2024, 4, 1), TODAY)
    assert [c.key for c in earlier.blocking] == ["uncategorised"]
    running = year_end_status(sessions, date(2026, 4, 1), TODAY)
    assert [c.key for c in running.blocking] == ["running"]


def test_closing_needs_approval_and_nothing_blocking(sessions, bank):
    pay_in(sessions, bank, date(2024, 6, 1))
    with pytest.raises(ValidationError) as caught:
        close_year(sessions, date(2024, 4, 1), " ", "", None, TODAY)
    assert set(caught.value.fields) == {"approved_by", "approved_on"}
    with pytest.raises(ValidationError, match="cannot be in the future"):
        close_year(sessions, date(2024, 4, 1), "Ann", "Chair", date(2027, 1, 1), TODAY)
    closed = close_year(sessions, date(2024, 4, 1), "Ann Archer", "Chair", date(2025, 6, 1), TODAY)
    assert closed.closed and closed.approved_by == "Ann Archer (Chair)"
    assert closed.approved_on == date(2025, 6, 1)
    assert [y.closed for y in financial_years(sessions)] == [True]
    with pytest.raises(ValidationError, match="already closed"):
        close_year(sessions, date(2024, 4, 1), "Ann Archer", "Chair", date(2025, 6, 1), TODAY)
