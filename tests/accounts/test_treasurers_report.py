"""The treasurer's report: receipts and payments by category against the budget, and the
balances that must agree with them, checked to the penny."""

from datetime import date

import pytest

from grassroots.accounts import books, budgets
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.accounts.treasurers_report import TO_CATEGORISE, treasurers_report
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money

YEAR = date(2025, 4, 1)


def cat(sessions, name):
    return next(c for c in books.list_categories(sessions) if c.name == name).id


def add(sessions, account, on, *lines):
    parts = tuple(LineInput(Money(pence), category, fund) for pence, category, fund in lines)
    return books.add_entry(sessions, EntryInput(account.id, on, parts, payee="Someone"))


@pytest.fixture
def books_for_a_year(sessions):
    """Half a year of a village hall's books, with a restricted grant and a transfer."""
    bank = books.add_account(sessions, "Current account", "bank", Money(100_000), YEAR)
    cash = books.add_account(sessions, "Petty cash", "cash", Money(5_000), YEAR)
    grant = books.add_fund(sessions, "Playground grant", "restricted").id
    general = books.list_funds(sessions)[0].id
    add(sessions, bank, date(2025, 5, 10), (30_000, cat(sessions, "Subscriptions"), None))
    add(
        sessions,
        bank,
        date(2025, 7, 5),
        (4_500, cat(sessions, "Subscriptions"), None),
        (1_250, cat(sessions, "Donations"), None),
    )
    add(sessions, bank, date(2025, 7, 20), (200_000, cat(sessions, "Grants received"), grant))
    add(sessions, bank, date(2025, 8, 1), (-32_000, cat(sessions, "Insurance"), None))
    add(
        sessions,
        bank,
        date(2025, 8, 15),
        (-150_000, cat(sessions, "Equipment and materials"), grant),
    )
    add(sessions, cash, date(2025, 9, 1), (2_000, None, None))
    add(sessions, cash, date(2025, 9, 2), (-700, None, None))
    books.transfer_between_accounts(sessions, bank.id, cash.id, Money(10_000), date(2025, 9, 10))
    books.transfer_between_funds(sessions, grant, general, Money(1), date(2025, 9, 11), bank.id)
    add(sessions, bank, date(2025, 10, 5), (8_000, cat(sessions, "Hire income"), None))
    for name, pence in [
        ("Subscriptions", 60_000),
        ("Grants received", 200_000),
        ("Hire income", 120_000),
        ("Insurance", 35_000),
    ]:
        budgets.set_budget(sessions, cat(sessions, name), YEAR, Money(pence))
    return sessions


def figures(section):
    return [
        (
            line.category,
            line.actual.pence,
            line.budget.pence if line.budget is not None else None,
            line.year_to_date.pence,
            line.difference.pence if line.difference is not None else None,
        )
        for line in section.lines
    ]


def test_a_quarter_against_the_full_year_budget(books_for_a_year):
    report = treasurers_report(books_for_a_year, date(2025, 7, 1), date(2025, 9, 30))
    assert (report.year_starts_on, report.year_ends_on) == (YEAR, date(2026, 3, 31))
    assert report.part_year
    assert figures(report.receipts) == [
        ("Subscriptions", 4_500, 60_000, 34_500, -25_500),
        ("Donations", 1_250, None, 1_250, None),
        ("Grants received", 200_000, 200_000, 200_000, 0),
        ("Hire income", 0, 120_000, 0, -120_000),
        (TO_CATEGORISE, 2_000, None, 2_000, None),
    ]
    assert report.receipts.lines[-1].to_categorise
    assert (
        report.receipts.total,
        report.receipts.budget_total,
        report.receipts.year_to_date_total,
    ) == (Money(207_750), Money(380_000), Money(237_750))
    assert figures(report.payments) == [
        ("Insurance", 32_000, 35_000, 32_000, -3_000),
        ("Equipment and materials", 150_000, None, 150_000, None),
        (TO_CATEGORISE, 700, None, 700, None),
    ]
    assert report.payments.total == Money(182_700)
    assert report.surplus == Money(25_050)


def test_balances_at_the_start_and_end_agree_with_the_receipts_and_payments(books_for_a_year):
    report = treasurers_report(books_for_a_year, date(2025, 7, 1), date(2025, 9, 30))
    assert [(a.name, a.at_start.pence, a.at_end.pence) for a in report.accounts] == [
        ("Current account", 130_000, 143_750),
        ("Petty cash", 5_000, 16_300),
    ]
    assert [(f.name, f.at_start.pence, f.at_end.pence) for f in report.funds] == [
        ("General fund", 135_000, 110_051),
        ("Playground grant", 0, 49_999),
    ]
    assert report.accounts_at_start + report.surplus == report.accounts_at_end
    assert report.funds_at_start == report.accounts_at_start
    assert report.funds_at_end == report.accounts_at_end


def test_a_whole_year_has_no_separate_year_to_date(books_for_a_year):
    report = treasurers_report(books_for_a_year, YEAR, date(2026, 3, 31))
    assert not report.part_year
    assert all(line.year_to_date == line.actual for line in report.receipts.lines)
    hire = next(line for line in report.receipts.lines if line.category == "Hire income")
    assert (hire.actual, hire.difference) == (Money(8_000), Money(-112_000))
    assert report.accounts_at_start == Money(105_000)
    assert report.accounts_at_end == report.accounts_at_start + report.surplus


def test_the_budget_is_the_one_for_the_year_containing_the_start(books_for_a_year):
    budgets.set_budget(
        books_for_a_year, cat(books_for_a_year, "Insurance"), date(2026, 4, 1), Money(1)
    )
    report = treasurers_report(books_for_a_year, date(2026, 4, 1), date(2026, 4, 30))
    assert report.year_starts_on == date(2026, 4, 1)
    assert figures(report.payments) == [("Insurance", 0, 1, 0, -1)]
    assert figures(report.receipts) == []
    assert report.accounts_at_start == report.accounts_at_end == Money(168_050)


def test_a_period_that_ends_before_it_starts_is_refused(sessions):
    with pytest.raises(ValidationError) as caught:
        treasurers_report(sessions, date(2025, 9, 30), date(2025, 7, 1))
    assert "30/09/2025" in caught.value.fields["end"]
