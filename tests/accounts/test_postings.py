"""Subscriptions taken in Members land in the books as receipts, once the books have started."""

from datetime import date, timedelta

from grassroots.accounts import books
from grassroots.accounts.cash_book import CashBookQuery, cash_book
from grassroots.core.money import Money
from grassroots.members import service as members
from grassroots.members.records import PaymentInput
from grassroots.people.records import PersonInput

TODAY = date.today()


def _individual(sessions):
    return next(t for t in members.list_types(sessions) if t.name == "Individual")


def test_a_subscription_is_a_receipt_in_the_right_account(sessions):
    bank = books.add_account(sessions, "Current account", "bank", opening_on=TODAY - timedelta(400))
    cash = books.add_account(sessions, "Cash box", "cash", opening_on=TODAY - timedelta(400))
    joined = members.add_member(
        sessions,
        PersonInput(first_name="Ann", last_name="Smith"),
        _individual(sessions).id,
        TODAY - timedelta(350),
        PaymentInput(TODAY - timedelta(350), Money(1000), "cheque"),
    )
    members.renew(sessions, joined.id, PaymentInput(TODAY, Money(1200), "cash", note="at AGM"))

    rows = cash_book(sessions, CashBookQuery(start=None, end=None), 0, 10)
    got = sorted((r.account, r.amount.pence, r.category, r.payee) for r in rows)
    assert got == [
        ("Cash box", 1200, "Subscriptions", "Ann Smith"),
        ("Current account", 1000, "Subscriptions", "Ann Smith"),
    ]
    assert {a.name: a.amount.pence for a in books.account_balances(sessions)} == {
        bank.name: 1000,
        cash.name: 1200,
    }


def test_before_the_books_start_nothing_is_posted(sessions):
    made = members.add_member(
        sessions,
        PersonInput(first_name="Bob", last_name="Jones"),
        _individual(sessions).id,
        TODAY,
        PaymentInput(TODAY, Money(1000)),
    )
    assert made.subscriptions[0].amount == Money(1000)
    books.add_account(sessions, "Current account", "bank", opening_on=TODAY + timedelta(1))
    members.renew(sessions, made.id, PaymentInput(TODAY, Money(1000)))
    assert cash_book(sessions, CashBookQuery(start=None, end=None), 0, 10) == []
