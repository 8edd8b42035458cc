"""Invoicing hirers and taking their payments into the cash book, on a real database."""

from __future__ import annotations

from datetime import date, time

import pytest

from grassroots.accounts import books
from grassroots.accounts.cash_book import CashBookQuery, cash_book
from grassroots.bookings.invoices import (
    cancel_invoice,
    charges_due,
    get_invoice,
    invoice_for_booking,
    issue_invoice,
    list_invoices,
    post_waiting_payments,
    record_payment,
    waiting_payments,
)
from grassroots.bookings.service import add_booking, skip_date
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.core.recurrence import Repeat
from tests.hall import evening

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def _pilates(sessions, hall, **fields):
    """Ashby Pilates, Tuesdays 19:00-21:00 in the main hall, from 3 March to 28 April."""
    until = Repeat("weekly", until=date(2026, 4, 28))
    values = dict(hirer_id=hall.pilates.id, title="", repeat=until)
    values.update(fields)
    return add_booking(sessions, evening(hall.main.id, date(2026, 3, 3), **values))


def _book(sessions):
    rows = cash_book(sessions, CashBookQuery(start=None, end=None), 0, 50)
    return sorted((r.account, r.amount.pence, r.category, r.payee) for r in rows)


def test_a_weekly_class_is_one_line_and_skipped_dates_are_not_charged(database, hall):
    sessions = database.sessions
    booking = _pilates(sessions, hall)
    skip_date(sessions, booking.id, date(2026, 3, 17), "Hall closed")
    lines = charges_due(sessions, hall.pilates.id, *MARCH)
    assert [(line.quantity, line.unit, line.amount) for line in lines] == [
        (4, Money(2000), Money(8000))
    ]
    assert lines[0].description == "Main hall, Tuesdays 19:00–21:00, 4 sessions"
    assert lines[0].booking_id == booking.id


def test_cancelled_and_free_bookings_are_not_charged(database, hall):
    sessions = database.sessions
    _pilates(sessions, hall, status="cancelled")
    add_booking(
        sessions,
        evening(hall.small.id, date(2026, 3, 5), hirer_id=hall.pilates.id, charge_basis="free"),
    )
    assert charges_due(sessions, hall.pilates.id, *MARCH) == []
    with pytest.raises(ValidationError) as nothing:
        issue_invoice(sessions, hall.pilates.id, *MARCH, issued_on=date(2026, 4, 1))
    assert "Nothing is due from Ashby Pilates" in nothing.value.fields["period"]


def test_invoice_numbers_run_on_and_nothing_is_invoiced_twice(database, hall):
    sessions = database.sessions
    _pilates(sessions, hall)
    march = issue_invoice(sessions, hall.pilates.id, *MARCH, issued_on=date(2026, 4, 1))
    assert march.total == Money(10_000) and march.due_on == date(2026, 4, 15)
    # March and April together: only April is still due.
    both = issue_invoice(
        sessions, hall.pilates.id, date(2026, 3, 1), date(2026, 4, 30), issued_on=date(2026, 5, 1)
    )
    assert both.number == march.number + 1
    assert both.reference == f"INV-{both.number:04d}"
    assert [(line.quantity, line.amount) for line in both.lines] == [(4, Money(8000))]
    assert charges_due(sessions, hall.pilates.id, date(2026, 1, 1), date(2026, 12, 31)) == []
    # Cancelling an invoice makes its dates due again, and its number is not reused.
    cancel_invoice(sessions, march.id)
    assert sum(x.quantity for x in charges_due(sessions, hall.pilates.id, *MARCH)) == 5
    again = issue_invoice(sessions, hall.pilates.id, *MARCH, issued_on=date(2026, 5, 2))
    assert again.number == both.number + 1


def test_a_one_off_party_is_invoiced_on_its_own(database, hall):
    sessions = database.sessions
    party = add_booking(
        sessions,
        evening(
            hall.main.id,
            date(2026, 3, 14),
            hirer_id=hall.party.id,
            title="Jo's 40th",
            starts_at=time(14),
            ends_at=time(18),
            charge_basis="session",
        ),
    )
    invoice = invoice_for_booking(sessions, party.id, date(2026, 3, 1))
    assert invoice.hirer.name == "Smith birthday party"
    assert [(line.description, line.amount) for line in invoice.lines] == [
        ("Main hall, Sat 14/03/2026 14:00–18:00 (Jo's 40th)", Money(6000))
    ]
    with pytest.raises(ValidationError):
        invoice_for_booking(sessions, party.id, date(2026, 3, 2))


def test_a_payment_is_hire_income_in_the_cash_book(database, hall):
    sessions = database.sessions
    books.add_account(sessions, "Current account", "bank", opening_on=date(2026, 1, 1))
    books.add_account(sessions, "Cash box", "cash", opening_on=date(2026, 1, 1))
    _pilates(sessions, hall)
    invoice = issue_invoice(sessions, hall.pilates.id, *MARCH, issued_on=date(2026, 4, 1))
    part = record_payment(sessions, invoice.id, date(2026, 4, 3), Money(4000), "cash")
    assert part.outstanding == Money(6000) and part.payments[0].posted
    paid = record_payment(sessions, invoice.id, date(2026, 4, 9), Money(6000), "bank transfer")
    assert paid.outstanding == Money(0)
    assert _book(sessions) == [
        ("Cash box", 4000, "Hire income", "Ashby Pilates"),
        ("Current account", 6000, "Hire income", "Ashby Pilates"),
    ]
    rows = cash_book(sessions, CashBookQuery(start=None, end=None), 0, 50)
    assert {r.reference for r in rows} == {invoice.reference}
    assert list_invoices(sessions, unpaid_only=True) == []
    with pytest.raises(ValidationError) as paid_up:
        cancel_invoice(sessions, invoice.id)
    assert "cannot be cancelled" in paid_up.value.fields["invoice"]


def test_more_than_is_owed_is_refused_and_nothing_is_kept(database, hall):
    sessions = database.sessions
    _pilates(sessions, hall)
    invoice = issue_invoice(sessions, hall.pilates.id, *MARCH, issued_on=date(2026, 4, 1))
    with pytest.raises(ValidationError) as too_much:
        record_payment(sessions, invoice.id, date(2026, 4, 3), Money(10_001), "cash")
    assert "more than the £100.00 still owed" in too_much.value.fields["amount"]
    assert get_invoice(sessions, invoice.id).payments == ()


def test_paid_before_the_books_start_it_waits_then_is_posted(database, hall):
    sessions = database.sessions
    _pilates(sessions, hall)
    invoice = issue_invoice(sessions, hall.pilates.id, *MARCH, issued_on=date(2026, 4, 1))
    paid = record_payment(sessions, invoice.id, date(2026, 4, 3), Money(10_000), "cheque")
    assert paid.outstanding == Money(0) and not paid.payments[0].posted
    assert waiting_payments(sessions) == 1
    assert post_waiting_payments(sessions) == 0  # still no account
    books.add_account(sessions, "Current account", "bank", opening_on=date(2026, 4, 1))
    assert post_waiting_payments(sessions) == 1
    assert waiting_payments(sessions) == 0
    assert get_invoice(sessions, invoice.id).payments[0].posted
    assert _book(sessions) == [("Current account", 10_000, "Hire income", "Ashby Pilates")]
