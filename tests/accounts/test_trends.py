"""The books over time: monthly receipts and payments, and balances through a period, agree
with the cash book and the treasurer's report to the penny, and leave transfers out."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from grassroots.accounts import books
from grassroots.accounts.documents import (
    chart_period,
    export_treasurers_report,
    print_treasurers_report,
)
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.accounts.treasurers_report import treasurers_report
from grassroots.accounts.trends import balance_series, monthly_totals
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money

YEAR = date(2025, 4, 1)
YEAR_END = date(2026, 3, 31)


def cat(sessions, name):
    return next(c for c in books.list_categories(sessions) if c.name == name).id


def add(sessions, account, on, pence, category=None):
    line = LineInput(Money(pence), cat(sessions, category) if category else None)
    return books.add_entry(sessions, EntryInput(account.id, on, (line,), payee="Someone"))


@pytest.fixture
def busy_year(sessions):
    """A year with receipts, payments, a refund, lines to categorise and both kinds of transfer;
    a second account opens in the autumn."""
    bank = books.add_account(sessions, "Current account", "bank", Money(100_000), YEAR)
    general = books.list_funds(sessions)[0].id
    grant = books.add_fund(sessions, "Roof appeal", "restricted").id
    add(sessions, bank, date(2025, 4, 1), 30_000, "Subscriptions")
    add(sessions, bank, date(2025, 4, 30), -12_000, "Insurance")
    add(sessions, bank, date(2025, 5, 3), 2_500, "Donations")
    add(sessions, bank, date(2025, 5, 20), -500, "Donations")  # a refund reduces receipts
    add(sessions, bank, date(2025, 6, 9), 900, None)  # still to categorise
    add(sessions, bank, date(2025, 6, 10), -400, None)
    savings = books.add_account(sessions, "Savings", "savings", Money(50_000), date(2025, 10, 1))
    books.transfer_between_accounts(sessions, bank.id, savings.id, Money(10_000), date(2025, 10, 5))
    books.transfer_between_funds(sessions, general, grant, Money(3_000), date(2025, 11, 1), bank.id)
    add(sessions, savings, date(2025, 12, 31), 125, "Bank interest")
    add(sessions, bank, date(2026, 3, 31), -7_000, "Utilities")
    return sessions, bank, savings


def test_every_month_is_there_with_receipts_and_payments_by_direction(busy_year):
    sessions, _, _ = busy_year
    months = monthly_totals(sessions, YEAR, YEAR_END)
    assert [m.month for m in months][:3] == [date(2025, 4, 1), date(2025, 5, 1), date(2025, 6, 1)]
    assert len(months) == 12
    figures = {m.month.month: (m.receipts.pence, m.payments.pence) for m in months}
    assert figures[4] == (30_000, 12_000)
    assert figures[5] == (2_000, 0)  # the refund is taken off donations, not paid out
    assert figures[6] == (900, 400)  # lines to categorise by their sign
    assert figures[10] == (0, 0)  # the transfer between accounts is neither
    assert figures[11] == (0, 0)  # nor is the transfer between funds
    assert figures[12] == (125, 0)
    assert figures[3] == (0, 7_000)


def test_the_months_agree_with_the_treasurers_report(busy_year):
    sessions, _, _ = busy_year
    months = monthly_totals(sessions, YEAR, YEAR_END)
    report = treasurers_report(sessions, YEAR, YEAR_END)
    assert sum(m.receipts.pence for m in months) == report.receipts.total.pence
    assert sum(m.payments.pence for m in months) == report.payments.total.pence


def test_receipts_less_payments_is_the_change_in_the_balance(busy_year):
    sessions, _, _ = busy_year
    start, end = date(2025, 4, 1), date(2025, 11, 30)
    months = monthly_totals(sessions, start, end)
    net = sum(m.net.pence for m in months)
    before = 100_000  # the opening balance, held coming into 1 April
    after = {b.name: b.amount.pence for b in books.account_balances(sessions, end)}
    moved_out = 10_000  # the transfer to savings left the current account
    assert net == after["Current account"] - before + moved_out
    series = balance_series(sessions, start, end)
    assert series.accounts[0].balances[-1].pence == after["Current account"]


def test_a_period_inside_months_counts_only_its_own_days(busy_year):
    sessions, _, _ = busy_year
    months = monthly_totals(sessions, date(2025, 4, 2), date(2025, 5, 10))
    assert [(m.receipts.pence, m.payments.pence) for m in months] == [(0, 12_000), (2_500, 0)]


def test_balances_at_each_month_end_agree_with_the_books(busy_year):
    sessions, _, _ = busy_year
    series = balance_series(sessions, YEAR, YEAR_END)
    assert series.step == "month"
    assert series.dates[0] == date(2025, 3, 31)
    assert series.dates[1] == date(2025, 4, 30)
    assert series.dates[-1] == YEAR_END
    assert [a.name for a in series.accounts] == ["Current account", "Savings"]
    assert series.accounts[0].balances[0].pence == 100_000  # coming into the first day
    for i, on in enumerate(series.dates[1:], start=1):
        held = {b.name: b.amount.pence for b in books.account_balances(sessions, on)}
        assert series.accounts[0].balances[i].pence == held["Current account"], on
        savings = series.accounts[1].balances[i].pence
        if on >= date(2025, 10, 1):
            assert savings == held["Savings"], on
        elif on == date(2025, 9, 30):
            assert savings == 50_000  # its opening balance, held coming into 1 October
        else:
            assert savings == 0, on  # not opened yet


def test_total_change_over_the_year_is_receipts_less_payments_plus_new_money(busy_year):
    sessions, _, _ = busy_year
    series = balance_series(sessions, YEAR, YEAR_END)
    net = sum(m.net.pence for m in monthly_totals(sessions, YEAR, YEAR_END))
    opened_in_year = 50_000  # the savings account's opening balance
    assert series.totals[-1].pence - series.totals[0].pence == net + opened_in_year


def test_a_short_period_is_day_by_day(busy_year):
    sessions, _, _ = busy_year
    series = balance_series(sessions, date(2025, 4, 1), date(2025, 4, 30))
    assert series.step == "day"
    assert len(series.dates) == 31  # the day before, then 30 days
    balances = series.accounts[0].balances
    assert balances[0].pence == 100_000
    assert balances[1].pence == 130_000  # 1 April
    assert balances[-2].pence == 130_000  # 29 April
    assert balances[-1].pence == 118_000


def test_a_period_that_ends_before_it_starts_is_refused(sessions):
    with pytest.raises(ValidationError):
        monthly_totals(sessions, date(2025, 5, 1), date(2025, 4, 1))
    with pytest.raises(ValidationError):
        balance_series(sessions, date(2025, 5, 1), date(2025, 4, 1))


# ---------------------------------------------------------------- the report as a sheet


def test_the_report_exports_to_csv_and_excel_with_the_same_figures(busy_year, tmp_path: Path):
    sessions, _, _ = busy_year
    csv_file = export_treasurers_report(sessions, tmp_path / "report.csv", YEAR, YEAR_END)
    text = csv_file.read_text(encoding="utf-8-sig")
    assert "Receipts,Total receipts,330.25" in text
    assert "Payments,Total payments,194.00" in text
    assert ",Surplus/(deficit) for the period,136.25" in text
    sheet = export_treasurers_report(sessions, tmp_path / "report.xlsx", YEAR, YEAR_END)
    rows = [r for r in load_workbook(sheet).active.iter_rows(values_only=True) if any(r)]
    totals = {r[1]: r[2:] for r in rows if r[1] and str(r[1]).startswith("Total")}
    assert str(totals["Total receipts"][0]) == "330.25"
    assert str(totals["Total held"][1]) == str(Money(100_000 + 50_000 + 13_625).decimal())


def test_an_export_to_another_kind_of_file_is_refused(busy_year, tmp_path: Path):
    sessions, _, _ = busy_year
    with pytest.raises(ValidationError, match=r"csv or \.xlsx"):
        export_treasurers_report(sessions, tmp_path / "report.pdf", YEAR, YEAR_END)


def test_the_printed_report_charts_the_year_to_the_periods_end(busy_year, tmp_path: Path):
    from pypdf import PdfReader

    sessions, _, _ = busy_year
    report = treasurers_report(sessions, date(2025, 7, 1), date(2025, 9, 30))
    assert chart_period(report) == (YEAR, date(2025, 9, 30))
    out = print_treasurers_report(sessions, tmp_path / "report.pdf", report.start, report.end)
    text = "\n".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "Income and spending by month, April 2025 to September 2025" in text
    assert "Received" in text and "Paid out" in text
    longer = treasurers_report(sessions, date(2025, 1, 1), date(2026, 3, 31))
    assert chart_period(longer) == (date(2025, 1, 1), date(2026, 3, 31))
