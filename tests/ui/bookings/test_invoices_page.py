"""The invoices tab: issuing an invoice from a preview, taking a payment into the books (or
leaving it waiting until the books start), cancelling, and deposits."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots.accounts import books
from grassroots.accounts.cash_book import CashBookQuery, cash_book
from grassroots.bookings.invoices import issue_invoice, list_invoices
from grassroots.bookings.service import add_booking
from grassroots.core.money import Money
from grassroots.core.recurrence import Repeat
from grassroots.ui.bookings.invoices_page import InvoicesPage
from tests.hall import evening
from tests.ui.conftest import settle

TODAY = date(2026, 4, 2)


@pytest.fixture
def pilates(ctx, hall):
    """Ashby Pilates, Tuesdays in March: five evenings at £20."""
    return add_booking(
        ctx.sessions,
        evening(
            hall.main.id,
            date(2026, 3, 3),
            hirer_id=hall.pilates.id,
            title="",
            repeat=Repeat("weekly", until=date(2026, 3, 31)),
        ),
    )


def shown(qtbot, ctx) -> InvoicesPage:
    page = InvoicesPage(ctx, today=TODAY)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    settle(ctx.tasks)
    return page


def rows(tree) -> list[list[str]]:
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


def choose(page, row: int = 0) -> None:
    page.table.setCurrentItem(page.table.topLevelItem(row))


def test_a_new_invoice_previews_last_months_charges_then_is_listed(qtbot, ctx, hall, pilates):
    page = shown(qtbot, ctx)
    assert rows(page.table) == []
    dialog = page.new_invoice()
    dialog.hirer.setCurrentIndex(dialog.hirer.findData(hall.pilates.id))
    settle(ctx.tasks)
    assert (dialog.lo.date(), dialog.hi.date()) == (date(2026, 3, 1), date(2026, 3, 31))
    assert rows(dialog.lines) == [
        ["Main hall, Tuesdays 19:00–21:00, 5 sessions", "5", "£20.00", "£100.00"]
    ]
    assert dialog.total.text() == "Total £100.00"
    dialog.ok.click()
    settle(ctx.tasks)
    assert rows(page.table) == [
        ["INV-0001", "Ashby Pilates", "02/04/2026", "16/04/2026", "£100.00", "£100.00", "Unpaid"]
    ]
    # Nothing is left to invoice for March: the preview says so and issuing is not offered.
    again = page.new_invoice()
    again.hirer.setCurrentIndex(again.hirer.findData(hall.pilates.id))
    settle(ctx.tasks)
    assert again.total.text() == "Nothing is due for this period."
    assert not again.ok.isEnabled()
    again.reject()


def test_a_payment_goes_into_the_cash_book(qtbot, ctx, hall, pilates):
    books.add_account(ctx.sessions, "Current account", "bank", opening_on=date(2026, 1, 1))
    issue_invoice(ctx.sessions, hall.pilates.id, date(2026, 3, 1), date(2026, 3, 31), TODAY)
    page = shown(qtbot, ctx)
    choose(page)
    dialog = page.record_payment()
    settle(ctx.tasks)
    assert dialog.amount.value() == Money(10_000)
    assert "goes into the cash book now" in dialog.books.text()
    dialog.amount.setText("£150")
    dialog.ok.click()
    settle(ctx.tasks)
    assert "more than the £100.00 still owed" in dialog.errors["amount"].text()
    dialog.amount.setText("£60")
    dialog.ok.click()
    settle(ctx.tasks)
    assert rows(page.table)[0][5:] == ["£40.00", "Part paid"]
    got = cash_book(ctx.sessions, CashBookQuery(start=None, end=None), 0, 10)
    assert [(r.amount.pence, r.category, r.payee) for r in got] == [
        (6000, "Hire income", "Ashby Pilates")
    ]
    assert not page.banner.isVisibleTo(page)


def test_before_the_books_start_a_banner_offers_to_post_waiting_payments(qtbot, ctx, hall, pilates):
    issue_invoice(ctx.sessions, hall.pilates.id, date(2026, 3, 1), date(2026, 3, 31), TODAY)
    page = shown(qtbot, ctx)
    choose(page)
    dialog = page.record_payment()
    settle(ctx.tasks)
    assert "will wait" in dialog.books.text()
    dialog.ok.click()
    settle(ctx.tasks)
    assert page.banner.isVisibleTo(page)
    assert "1 payment taken before" in page.banner_text.text()
    assert rows(page.table)[0][6] == "Paid"
    books.add_account(ctx.sessions, "Current account", "bank", opening_on=date(2026, 1, 1))
    page.post_now.click()
    settle(ctx.tasks)
    assert not page.banner.isVisibleTo(page)
    got = cash_book(ctx.sessions, CashBookQuery(start=None, end=None), 0, 10)
    assert [(r.amount.pence, r.category) for r in got] == [(10_000, "Hire income")]


def test_cancelling_asks_first_and_an_unpaid_overdue_invoice_says_so(qtbot, ctx, hall, pilates):
    issue_invoice(
        ctx.sessions, hall.pilates.id, date(2026, 3, 1), date(2026, 3, 31), date(2026, 3, 1)
    )
    page = shown(qtbot, ctx)
    assert rows(page.table)[0][6] == "Overdue"
    choose(page)
    box = page.cancel()
    box.property("confirm_button").click()
    settle(ctx.tasks)
    assert rows(page.table)[0][6] == "Cancelled"
    assert list_invoices(ctx.sessions, unpaid_only=True) == []


def test_a_deposit_is_received_then_returned_with_part_kept(qtbot, ctx, hall):
    add_booking(
        ctx.sessions,
        evening(hall.main.id, date(2026, 3, 28), hirer_id=hall.party.id, deposit=Money(5000)),
    )
    books.add_account(ctx.sessions, "Current account", "bank", opening_on=date(2026, 1, 1))
    page = shown(qtbot, ctx)
    assert rows(page.deposits)[0][-1] == "Not yet received"
    page.deposits.setCurrentItem(page.deposits.topLevelItem(0))
    assert page.deposit_button.text() == "&Deposit received…"
    page.settle_deposit().ok.click()
    settle(ctx.tasks)
    assert rows(page.deposits)[0][-1] == "Held since 02/04/2026"
    page.deposits.setCurrentItem(page.deposits.topLevelItem(0))
    dialog = page.settle_deposit()
    dialog.kept.setText("£10")
    dialog.ok.click()
    settle(ctx.tasks)
    assert "why" in dialog.errors["reason"].text()
    dialog.reason.setText("Scuffed floor")
    dialog.ok.click()
    settle(ctx.tasks)
    assert rows(page.deposits) == []
    got = cash_book(ctx.sessions, CashBookQuery(start=None, end=None), 0, 10)
    assert sorted((r.amount.pence, r.category) for r in got) == [
        (-4000, "Hire deposits returned"),
        (5000, "Hire deposits"),
    ]
