"""The examiner pack's own documents (cash book listing, bank reconciliation, fund and grant
statements, Gift Aid claims) printed from a year of real books and read back out of the PDFs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from grassroots.accounts import books
from grassroots.accounts.annual_cash_book import annual_cash_book
from grassroots.accounts.fund_statements import fund_statements
from grassroots.accounts.reconciliation_statements import year_reconciliations
from grassroots.core.money import Money
from grassroots.printing.cash_book_listing import build_cash_book_listing
from grassroots.printing.fund_statements import build_fund_statement
from grassroots.printing.gift_aid_claims import ClaimLine, GiftAidClaims, build_gift_aid_claims
from grassroots.printing.reconciliation_statement import (
    build_reconciliation_statement,
    build_reconciliation_statements,
)
from tests.accounts.examiner_books import YEAR, HallBooks
from tests.printing.conftest import pages, pdf_text


@pytest.fixture
def hall(sessions, tmp_path) -> HallBooks:
    return HallBooks(sessions, tmp_path / "schedules")


def squeezed(text: str) -> str:
    return " ".join(text.split())


def test_cash_book_listing_prints_each_account_with_running_balances(sessions, hall, out):
    listing = annual_cash_book(sessions, YEAR, printed_on=date(2026, 5, 1))
    path = build_cash_book_listing(listing, out / "cash book.pdf")
    text = squeezed(pdf_text(path))
    assert "Cash book" in text and "For the year 01/04/2025 to 31/03/2026" in text
    # Current account: £1,000 + £200 (appeal) - £300 (insurance) brought forward.
    assert "01/04/2025 Balance brought forward 900.00" in text
    assert "Subscriptions: 40.00" in text and "Donations: 10.50" in text
    assert "12/04/2025 Paying-in Slip 101" in text
    assert "950.50" in text  # the balance after the split paying-in
    assert "Transfer to Savings account" in text and "Transfer from Current account" in text
    current = listing.accounts[0]
    assert current.carried_forward.format(symbol=False) in text
    assert "Page 1 of" in text


def test_a_long_cash_book_repeats_its_header_and_numbers_its_pages(sessions, hall, out):
    listing = annual_cash_book(sessions, YEAR)
    account = listing.accounts[0]
    many = replace(account, entries=account.entries * 40)
    longer = replace(listing, accounts=(many,))
    path = build_cash_book_listing(longer, out / "long.pdf")
    count = pages(path)
    assert count >= 3
    last = squeezed(pdf_text(path, count - 1))
    assert f"Page {count} of {count}" in last
    assert "Date Payer or payee Reference Category Fund Paid in £ Paid out £ Balance £" in last


def test_reconciliation_statement_shows_the_uncleared_cheque(sessions, hall, out):
    found = year_reconciliations(sessions, YEAR, printed_on=date(2026, 5, 1))
    assert found.not_reconciled == ("Savings account",)
    (statement,) = found.statements
    path = build_reconciliation_statement(statement, out / "rec.pdf")
    text = squeezed(pdf_text(path))
    book = statement.book_balance
    assert statement.unexplained.pence == 0
    on_statement = (book - hall.cheque.amount).format(symbol=False)
    assert f"Balance per the bank statement at 31/03/2026 {on_statement}" in text
    assert f"Balance per the cash book at 31/03/2026 {book.format(symbol=False)}" in text
    assert "Less: paid out, not yet cleared by the bank (45.00)" in text
    assert "28/03/2026 Ashby Print Shop Chq 201 45.00" in text
    assert "Check:" in text
    assert "Transfer to Savings account" in text


def test_fund_and_grant_statements_print_the_year_and_the_entries(sessions, hall, out):
    statements = {s.name: s for s in fund_statements(sessions, YEAR, date(2026, 5, 1))}
    roof = squeezed(pdf_text(build_fund_statement(statements["Roof appeal"], out / "roof.pdf")))
    assert "Grant statement: Roof appeal" in roof
    assert "Restricted fund" in roof
    assert "Balance at 01/04/2025 200.00" in roof
    assert "Received 2,500.00" in roof and "Spent (1,800.00)" in roof
    assert "Balance at 31/03/2026 900.00" in roof
    assert "03/05/2025 County Council" in roof and "Total granted 2,500.00" in roof
    assert "09/07/2025 Cartwright Builders (Chq 200) Repairs and maintenance" in roof
    reserve = squeezed(
        pdf_text(build_fund_statement(statements["Building reserve"], out / "reserve.pdf"))
    )
    assert "Fund statement: Building reserve" in reserve
    assert "Transfers in/(out) 200.00" in reserve and "Balance at 31/03/2026 150.00" in reserve
    assert "do not add up" not in reserve


def test_gift_aid_claims_say_which_schedules_are_missing(sessions, hall, out):
    claim = hall.claim.claims[0]
    line = ClaimLine(
        claim.id, claim.made_on, claim.up_to, claim.donations, claim.claimed, None, None, ""
    )
    summary = GiftAidClaims(
        annual_cash_book(sessions, YEAR).letterhead,
        YEAR,
        date(2026, 3, 31),
        date(2026, 5, 1),
        (line,),
    )
    text = squeezed(pdf_text(build_gift_aid_claims(summary, out / "ga.pdf")))
    assert f"{claim.id} 01/07/2025 30/06/2025 100.00 25.00 Not yet Not found" in text
    assert f"The schedule of claim {claim.id} could not be found" in text


def test_several_reconciliations_of_an_account_share_one_pdf_numbered_apart(sessions, hall, out):
    (year_end,) = year_reconciliations(sessions, YEAR).statements
    earlier = replace(year_end, statement_on=date(2025, 9, 30), agreed=year_end.agreed[:2])
    path = build_reconciliation_statements((earlier, year_end), out / "both.pdf")
    texts = [squeezed(pdf_text(path, n)) for n in range(pages(path))]
    starts = [n for n, text in enumerate(texts) if "statement to" in text]
    assert len(starts) == 2
    assert "statement to 30/09/2025" in texts[starts[0]]
    assert "statement to 31/03/2026" in texts[starts[1]]
    assert starts[0] == 0 and "Page 1 of" in texts[starts[1]]  # each numbered on its own


def test_an_account_opened_during_the_year_starts_from_its_opening_balance(sessions, hall, out):
    books.add_account(sessions, "Petty cash", "cash", Money(2_500), date(2025, 10, 1))
    listing = annual_cash_book(sessions, YEAR)
    text = squeezed(pdf_text(build_cash_book_listing(listing, out / "cash book.pdf")))
    assert "Petty cash" in text
    assert "01/10/2025 Opening balance 25.00" in text
    assert "01/04/2025 Balance brought forward 900.00" in text  # the current account's
