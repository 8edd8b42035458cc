"""The treasurer's report and the year-end accounts, printed from a year of a village hall's
books kept through the real services, read back out of the PDFs."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from grassroots.accounts import books
from grassroots.accounts.budgets import set_budget
from grassroots.accounts.documents import (
    export_annual_accounts,
    print_annual_accounts,
    print_treasurers_report,
)
from grassroots.accounts.models import Entry
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.accounts.year_end import receipts_and_payments
from grassroots.accounts.year_end_items import add_year_end_item
from grassroots.accounts.year_end_rounding import to_pounds
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.printing.annual_accounts import pounds

THIS_YEAR = date(2025, 4, 1)
LAST_YEAR = date(2024, 4, 1)


class Hall:
    """Ashby Village Hall's books: last year for the comparatives, and this year in full."""

    def __init__(self, sessions) -> None:
        self.sessions = sessions
        self.cat = {(c.direction, c.name): c.id for c in books.list_categories(sessions)}
        self.current = books.add_account(
            sessions, "Current account", opening=Money.parse("1000"), opening_on=LAST_YEAR
        ).id
        self.savings = books.add_account(
            sessions, "Savings account", "savings", opening=Money.parse("500"), opening_on=LAST_YEAR
        ).id
        self.general = next(f.id for f in books.list_funds(sessions) if f.name == "General fund")
        self.roof = books.add_fund(sessions, "Roof appeal", "restricted").id
        self.events = books.add_fund(sessions, "Events reserve", "designated").id
        self.endowment = books.add_fund(sessions, "Hall endowment", "endowment").id

    def entry(self, on: date, direction: str, *parts: tuple[str, str | None, int | None]) -> None:
        sign = 1 if direction == "receipt" else -1
        lines = tuple(
            LineInput(
                Money.parse(amount) * sign, self.cat[(direction, name)] if name else None, fund
            )
            for amount, name, fund in parts
        )
        books.add_entry(self.sessions, EntryInput(self.current, on, lines, payee="Someone"))


def keep_books(sessions) -> Hall:
    """A year and a half of the hall's books, with budgets and year-end items."""
    hall = Hall(sessions)
    hall.entry(date(2024, 6, 1), "receipt", ("300", "Subscriptions", None))
    hall.entry(date(2024, 7, 1), "receipt", ("200", "Donations", None))
    hall.entry(date(2024, 9, 1), "payment", ("150", "Insurance", None))
    hall.entry(
        date(2025, 4, 1), "receipt", ("450", "Subscriptions", None), ("20", "Donations", None)
    )
    hall.entry(date(2025, 5, 1), "receipt", ("1200.50", "Donations", hall.roof))
    hall.entry(date(2025, 6, 1), "receipt", ("2000", "Grants received", hall.roof))
    hall.entry(date(2025, 9, 1), "payment", ("2500.25", "Repairs and maintenance", hall.roof))
    hall.entry(date(2025, 10, 1), "payment", ("160", "Insurance", None))
    hall.entry(date(2025, 10, 2), "payment", ("12.34", "Bank charges", None))
    hall.entry(date(2025, 11, 1), "receipt", ("1000", "Donations", hall.endowment))
    hall.entry(date(2025, 11, 5), "receipt", ("75", "Sale of equipment", None))
    hall.entry(date(2025, 11, 6), "payment", ("300", "Purchase of equipment for own use", None))
    books.transfer_between_accounts(
        sessions, hall.current, hall.savings, Money.parse("400"), date(2026, 1, 10)
    )
    books.transfer_between_funds(
        sessions, hall.general, hall.events, Money.parse("250"), date(2026, 1, 15), hall.current
    )
    books.transfer_between_funds(
        sessions, hall.general, hall.roof, Money.parse("100"), date(2026, 1, 20), hall.current
    )
    hall.entry(date(2026, 2, 1), "receipt", ("33", None, None))
    hall.entry(date(2026, 3, 31), "payment", ("10", None, None))
    hall.entry(date(2026, 4, 1), "receipt", ("999", "Subscriptions", None))
    set_budget(sessions, hall.cat[("receipt", "Subscriptions")], THIS_YEAR, Money.parse("500"))
    set_budget(sessions, hall.cat[("payment", "Insurance")], THIS_YEAR, Money.parse("175"))
    add_year_end_item(
        sessions,
        THIS_YEAR,
        "liability",
        "Hall hire invoice unpaid",
        fund_id=hall.general,
        amount=Money(12000),
        due="April 2026",
    )
    add_year_end_item(
        sessions, THIS_YEAR, "monetary", "Gift Aid due from HMRC", amount=Money(30050)
    )
    add_year_end_item(sessions, THIS_YEAR, "own_use", "Stacking chairs", cost=Money(30000))
    return hall


@pytest.fixture
def hall(sessions) -> Hall:
    return keep_books(sessions)


def text_of(path: Path) -> str:
    """The PDF's text with runs of spaces closed up, one line per printed line."""
    pages = [page.extract_text() for page in PdfReader(str(path)).pages]
    return "\n".join(re.sub(r"[ \t]+", " ", page) for page in pages)


def flat_lines(text: str) -> str:
    """The text with a label wrapped over two lines joined again."""
    return re.sub(r"(?<=[a-z,(])\n(?=[a-z(])", " ", text)


def has_row(text: str, label: str, *figures: str) -> bool:
    """Is there a printed line with `label` followed by exactly these figures?"""
    pattern = (
        re.escape(label)
        + r"(?: \(to categorise\))?"
        + "".join(r"\s+" + re.escape(f) for f in figures)
    )
    return re.search(pattern + r"\s*$", text, re.MULTILINE) is not None


# ---------------------------------------------------------------- the accounts (CC16)


def test_cc16_accounts_print_section_a_in_whole_pounds_with_last_year(hall, tmp_path) -> None:
    out = print_annual_accounts(hall.sessions, tmp_path / "accounts.pdf", THIS_YEAR)
    assert out.is_file()
    text = text_of(out)
    assert "Receipts and payments accounts" in text
    assert "For the year 01/04/2025 to 31/03/2026" in text
    for code in ("A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4", "B5"):
        assert re.search(rf"^{code}\s+\S", text, re.MULTILINE), code
    # Unrestricted | Restricted | Endowment | Total | Last year, to the nearest pound.
    assert has_row(text, "Subscriptions", "450", "-", "-", "450", "300")
    assert has_row(text, "Donations", "20", "1,201", "1,000", "2,221", "200")
    assert has_row(text, "Grants received", "-", "2,000", "-", "2,000", "-")
    assert has_row(text, "Not yet categorised", "33", "-", "-", "33", "-")
    assert has_row(text, "Sub total", "503", "3,201", "1,000", "4,704", "500")
    assert has_row(text, "Sale of equipment", "75", "-", "-", "75", "-")
    assert has_row(text, "Total receipts", "578", "3,201", "1,000", "4,779", "500")
    assert has_row(text, "Insurance", "160", "-", "-", "160", "150")
    assert has_row(text, "Repairs and maintenance", "-", "2,500", "-", "2,500", "-")
    assert has_row(text, "Total payments", "482", "2,500", "-", "2,983", "150")
    assert has_row(text, "Net of receipts/(payments)", "96", "700", "1,000", "1,796", "350")
    assert has_row(text, "Transfers between funds", "(100)", "100", "-", "-")
    # Last year's opening cash is the year-end service's to decide; the form prints it.
    opening = to_pounds(receipts_and_payments(hall.sessions, THIS_YEAR).last_year_cash_at_start)
    assert has_row(text, "Cash funds last year end", "1,850", "-", "-", "1,850", pounds(opening))
    assert has_row(text, "Cash funds this year end", "1,846", "800", "1,000", "3,646", "1,850")


def test_cc16_statement_of_assets_agrees_with_a6_and_lists_b2_to_b5(hall, tmp_path) -> None:
    text = text_of(print_annual_accounts(hall.sessions, tmp_path / "accounts.pdf", THIS_YEAR))
    assert has_row(text, "General fund", "1,596", "-", "-", "1,596")
    assert has_row(text, "Events reserve", "250", "-", "-", "250")
    assert has_row(text, "Roof appeal", "-", "800", "-", "800")
    assert has_row(text, "Total cash funds", "1,846", "800", "1,000", "3,646")
    assert has_row(text, "Current account", "2,746")
    assert has_row(text, "Savings account", "900")
    assert "agree with A6 cash funds this year end of £3,646" in text
    assert "do not agree" not in text
    assert has_row(text, "Gift Aid due from HMRC", "301")
    assert "Hall hire invoice unpaid" in text and "April 2026" in text
    assert "Stacking chairs" in text
    assert "B3 Investment assets\nNone" in text


def test_accounts_carry_the_trustees_approval_block_and_the_to_do_warning(hall, tmp_path) -> None:
    text = text_of(print_annual_accounts(hall.sessions, tmp_path / "accounts.pdf", THIS_YEAR))
    assert "Approval by the trustees" in text
    assert "signed on their behalf" in text
    for field in ("Signature", "Full name", "Position", "Date"):
        assert len(re.findall(rf"^{field}\b", text, re.MULTILINE)) >= 1, field
    assert "2 lines in this year's books are not yet categorised" in text
    assert "Ashby Village Hall" in text


def test_a_cash_difference_prints_a_warning_box(hall, tmp_path) -> None:
    # A line moved to another fund's column behind the books' back: the account still holds
    # the money, but B1's funds and A6 no longer agree.
    with hall.sessions.begin() as session:
        entry = session.query(Entry).filter(Entry.on == date(2025, 10, 1)).one()
        entry.amount_pence += 5000
    text = text_of(print_annual_accounts(hall.sessions, tmp_path / "accounts.pdf", THIS_YEAR))
    assert "B1 cash funds do not agree with A6 cash funds this year end" in text
    assert "difference £50.00" in text
    oscr = text_of(
        print_annual_accounts(hall.sessions, tmp_path / "oscr.pdf", THIS_YEAR, layout="oscr")
    )
    assert "The statement of balances does not agree with the cash at the year end" in oscr
    assert "B1" not in oscr and "A6" not in oscr


def test_the_oscr_layout_prints_its_fixed_lines(hall, tmp_path) -> None:
    out = print_annual_accounts(hall.sessions, tmp_path / "oscr.pdf", THIS_YEAR, layout="oscr")
    text = text_of(out)
    assert "OSCR layout (Scotland)" in text
    for line in (
        "Legacies",
        "Fundraising",
        "Gross trading",
        "Investment income (not land and buildings)",
        "Rents",
        "Sale of fixed assets",
        "Sale of investments",
        "Fundraising costs",
        "Investment management",
        "Governance (examination, accounts preparation, legal)",
        "Purchases of fixed assets and investments",
    ):
        assert re.search(rf"(^|\n){re.escape(line)}\s", flat_lines(text)), line
    assert has_row(text, "Legacies", "-", "-", "-", "-", "-")
    assert has_row(text, "Total receipts", "578", "3,201", "1,000", "4,779", "500")
    assert has_row(text, "Surplus/(deficit) for the year", "96", "700", "1,000", "1,796", "350")
    assert has_row(text, "Cash funds this year end", "1,846", "800", "1,000", "3,646", "1,850")
    assert "Statement of balances at 31/03/2026" in text
    assert "Approval by the trustees" in text
    assert not re.search(r"^A1\s", text, re.MULTILINE)


def test_an_unknown_layout_is_refused(hall, tmp_path) -> None:
    with pytest.raises(ValidationError):
        print_annual_accounts(hall.sessions, tmp_path / "x.pdf", THIS_YEAR, layout="ccni")


# ---------------------------------------------------------------- the spreadsheet


def test_the_csv_export_has_the_printed_figures(hall, tmp_path) -> None:
    path = export_annual_accounts(hall.sessions, tmp_path / "accounts.csv", THIS_YEAR)
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [
        "Section",
        "Line",
        "Unrestricted funds",
        "Restricted funds",
        "Endowment funds",
        "Total funds",
        "Last year",
    ]
    assert ["A1 Receipts", "Donations", "20", "1201", "1000", "2221", "200"] in rows
    assert ["A6 Cash funds", "Cash funds this year end", "1846", "800", "1000", "3646", "1850"] in (
        rows
    )
    assert ["B1 Cash funds", "Total cash funds", "1846", "800", "1000", "3646"] in rows
    assert ["Held in", "Total cash and bank balances", "", "", "", "3646"] in rows


def test_the_xlsx_export_has_the_same_figures_as_numbers(hall, tmp_path) -> None:
    path = export_annual_accounts(hall.sessions, tmp_path / "accounts.xlsx", THIS_YEAR)
    sheet = load_workbook(path).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert sheet["A1"].value == "Ashby Village Hall"
    assert ["A3 Payments", "Insurance", 160, 0, 0, 160, 150] in rows
    assert ["A5 Transfers between funds", "Transfers between funds", -100, 100, 0, 0, None] in rows
    with pytest.raises(ValidationError):
        export_annual_accounts(hall.sessions, tmp_path / "accounts.ods", THIS_YEAR)


# ---------------------------------------------------------------- the treasurer's report


def test_treasurers_report_for_part_of_the_year(hall, tmp_path) -> None:
    out = print_treasurers_report(
        hall.sessions, tmp_path / "report.pdf", date(2025, 9, 1), date(2025, 11, 30)
    )
    text = text_of(out)
    assert "Treasurer's report" in text
    assert "1 September 2025 to 30 November 2025" in text
    assert "part of the financial year 2025/26" in text
    # This period | Year to date | Budget for year | Difference
    assert has_row(text, "Subscriptions", "-", "450.00", "500.00", "(50.00)")
    assert has_row(text, "Insurance", "160.00", "160.00", "175.00", "(15.00)")
    assert has_row(text, "Repairs and maintenance", "2,500.25", "2,500.25")
    assert has_row(text, "Total payments", "2,972.59", "2,972.59", "175.00", "(15.00)")
    assert has_row(text, "Surplus/(deficit) for the period", "(1,897.59)")
    # Balances by account and by fund, at the start and end of the period.
    assert has_row(text, "Current account", "5,020.50", "3,122.91", "(1,897.59)")
    assert has_row(text, "Roof appeal", "3,200.50", "700.25", "(2,500.25)")
    assert has_row(text, "Total held", "5,520.50", "3,622.91", "(1,897.59)")
    assert "the accounts and the funds both hold £3,622.91" in text


def test_treasurers_report_flags_lines_still_to_categorise(hall, tmp_path) -> None:
    text = text_of(
        print_treasurers_report(hall.sessions, tmp_path / "r.pdf", THIS_YEAR, date(2026, 3, 31))
    )
    assert "Actual Budget Difference" in " ".join(text.split())
    assert has_row(text, "To categorise", "33.00")
    assert has_row(text, "To categorise", "10.00")
    assert "Some money is still to categorise" in text
    assert "Received £33.00 and paid out £10.00" in text


def test_a_closed_year_prints_who_approved_it_and_when(hall, tmp_path) -> None:
    books.mark_year_closed(
        hall.sessions, THIS_YEAR, date(2026, 3, 31), "Margaret Ellis", date(2026, 6, 12)
    )
    text = text_of(print_annual_accounts(hall.sessions, tmp_path / "accounts.pdf", THIS_YEAR))
    assert has_row(text, "Full name", "Margaret Ellis")
    assert has_row(text, "Date", "12/06/2026")


def test_new_books_print_empty_forms_that_still_add_up(sessions, tmp_path) -> None:
    books.add_account(sessions, "Current account", opening=Money.parse("250"), opening_on=THIS_YEAR)
    text = text_of(print_annual_accounts(sessions, tmp_path / "accounts.pdf", THIS_YEAR))
    assert has_row(text, "Sub total", "-", "-", "-", "-", "-")
    assert has_row(text, "Total cash funds", "250", "-", "-", "250")
    assert "To put right" not in text
    report = print_treasurers_report(sessions, tmp_path / "r.pdf", THIS_YEAR, date(2026, 3, 31))
    text = text_of(report)
    assert has_row(text, "Total receipts", "-")
    assert has_row(text, "Current account", "250.00", "250.00", "-")
    assert "still to categorise" not in text


def test_a_year_without_a_budget_prints_no_budget_columns(hall, tmp_path) -> None:
    text = text_of(
        print_treasurers_report(hall.sessions, tmp_path / "r.pdf", LAST_YEAR, date(2025, 3, 31))
    )
    assert "Actual\n£" in text and "Budget" not in text.replace("No budget is set", "")
    assert "No budget is set for 2024/25" in text
    assert has_row(text, "Subscriptions", "300.00")
    assert has_row(text, "Insurance", "150.00")
