"""Deposits taken and handed back, and how they show in the cash book."""

from __future__ import annotations

from datetime import date

import pytest

from grassroots.accounts import books
from grassroots.accounts.cash_book import CashBookQuery, cash_book
from grassroots.bookings.deposits import (
    deposit_received,
    deposit_returned,
    deposits_awaited,
    deposits_held,
)
from grassroots.bookings.invoices import post_waiting_payments, waiting_payments
from grassroots.bookings.service import add_booking, get_booking
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from tests.hall import evening

PARTY = date(2026, 3, 14)


def _party(sessions, hall):
    return add_booking(
        sessions, evening(hall.main.id, PARTY, hirer_id=hall.party.id, deposit=Money(5000))
    )


def _book(sessions):
    rows = cash_book(sessions, CashBookQuery(start=None, end=None), 0, 50)
    return sorted((r.amount.pence, r.category, r.payee) for r in rows)


def test_a_deposit_received_then_returned_less_what_is_kept(database, hall):
    sessions = database.sessions
    books.add_account(sessions, "Current account", "bank", opening_on=date(2026, 1, 1))
    booking = _party(sessions, hall)
    assert [d.booking_id for d in deposits_awaited(sessions)] == [booking.id]
    held = deposit_received(sessions, booking.id, date(2026, 3, 1), "bank transfer")
    assert held.state == "Held since 01/03/2026" and held.posted
    assert [(d.who, d.received_on) for d in deposits_held(sessions)] == [
        ("Smith birthday party", date(2026, 3, 1))
    ]
    with pytest.raises(ValidationError) as no_reason:
        deposit_returned(sessions, booking.id, date(2026, 3, 16), Money(1500), "bank transfer")
    assert "why" in no_reason.value.fields["reason"]
    done = deposit_returned(
        sessions, booking.id, date(2026, 3, 16), Money(1500), "bank transfer", "Broken chair"
    )
    assert done.returned == Money(3500) and done.state == "£15.00 kept, £35.00 returned"
    assert deposits_held(sessions) == []
    assert _book(sessions) == [
        (-3500, "Hire deposits returned", "Smith birthday party"),
        (5000, "Hire deposits", "Smith birthday party"),
    ]
    assert "Broken chair" in get_booking(sessions, booking.id).notes


def test_a_deposit_cannot_be_returned_before_it_is_received_or_twice(database, hall):
    sessions = database.sessions
    booking = _party(sessions, hall)
    with pytest.raises(ValidationError):
        deposit_returned(sessions, booking.id, PARTY, Money(0), "cash")
    deposit_received(sessions, booking.id, date(2026, 3, 1), "cash")
    with pytest.raises(ValidationError):
        deposit_received(sessions, booking.id, date(2026, 3, 2), "cash")
    with pytest.raises(ValidationError) as too_much:
        deposit_returned(sessions, booking.id, PARTY, Money(5001), "cash", "Damage")
    assert "£50.00" in too_much.value.fields["kept"]


def test_deposits_before_the_books_start_wait_and_are_posted_later(database, hall):
    sessions = database.sessions
    booking = _party(sessions, hall)
    held = deposit_received(sessions, booking.id, date(2026, 3, 1), "cash")
    assert not held.posted
    deposit_returned(sessions, booking.id, date(2026, 3, 16), Money(0), "cash")
    assert waiting_payments(sessions) == 2
    books.add_account(sessions, "Cash box", "cash", opening_on=date(2026, 1, 1))
    assert post_waiting_payments(sessions) == 2
    assert waiting_payments(sessions) == 0
    assert _book(sessions) == [
        (-5000, "Hire deposits returned", "Smith birthday party"),
        (5000, "Hire deposits", "Smith birthday party"),
    ]
