"""The books: accounts, split entries, transfers, locks, reversals and the audit trail."""

import json
from datetime import date

import pytest
from sqlalchemy import select

from grassroots.accounts import books
from grassroots.accounts.models import AuditRecord
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money

START = date(2025, 4, 1)


@pytest.fixture
def bank(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(125_000), START)


def category(sessions, name):
    return next(c for c in books.list_categories(sessions) if c.name == name)


def receipt(sessions, account, on, *parts, payee="Coffee morning"):
    lines = tuple(LineInput(Money(pence), category(sessions, name).id) for name, pence in parts)
    return books.add_entry(sessions, EntryInput(account.id, on, lines, payee=payee))


def balances(rows):
    return {b.name: b.amount.pence for b in rows}


def test_a_new_group_has_a_chart_and_a_general_fund(sessions):
    names = {c.name for c in books.list_categories(sessions, "receipt")}
    assert {"Subscriptions", "Donations", "Grants received", "Hire income"} <= names
    assert [f.name for f in books.list_funds(sessions)] == ["General fund"]
    assert category(sessions, "Donations").gift_aid_eligible


def test_one_paying_in_split_across_categories(sessions, bank):
    entry = receipt(sessions, bank, date(2025, 5, 3), ("Subscriptions", 3000), ("Donations", 1250))
    assert entry.amount == Money(4250)
    assert [(line.category, line.amount.pence) for line in entry.lines] == [
        ("Subscriptions", 3000),
        ("Donations", 1250),
    ]
    assert balances(books.account_balances(sessions, date(2025, 5, 31))) == {
        "Current account": 129_250
    }


def test_wrong_entries_are_refused_by_field(sessions, bank):
    with pytest.raises(ValidationError) as caught:
        books.add_entry(sessions, EntryInput(bank.id, date(2025, 3, 1), (), method="barter"))
    assert set(caught.value.fields) == {"on", "amount", "method"}


def test_transfers_move_money_but_are_not_income(sessions, bank):
    savings = books.add_account(sessions, "Savings", "savings", Money(0), START)
    out, into = books.transfer_between_accounts(
        sessions, bank.id, savings.id, Money(50_000), date(2025, 6, 1)
    )
    assert out.transfer_key == into.transfer_key and not out.to_categorise
    assert balances(books.account_balances(sessions, date(2025, 6, 30))) == {
        "Current account": 75_000,
        "Savings": 50_000,
    }
    assert balances(books.fund_balances(sessions, date(2025, 6, 30))) == {"General fund": 125_000}


def test_fund_transfers_net_to_nothing(sessions, bank):
    roof = books.add_fund(sessions, "Roof appeal", "designated")
    books.transfer_between_funds(
        sessions,
        books.list_funds(sessions)[0].id,
        roof.id,
        Money(20_000),
        date(2025, 7, 1),
        bank.id,
    )
    assert balances(books.fund_balances(sessions, date(2025, 7, 1))) == {
        "General fund": 105_000,
        "Roof appeal": 20_000,
    }
    assert balances(books.account_balances(sessions, date(2025, 7, 1))) == {
        "Current account": 125_000
    }


def test_a_closed_year_is_locked_and_corrected_by_reversal(sessions, bank):
    entry = receipt(sessions, bank, date(2026, 3, 30), ("Donations", 500))
    books.mark_year_closed(sessions, START, date(2026, 3, 31), "A Treasurer", date(2026, 5, 1))
    assert books.get_entry(sessions, entry.id).locked
    with pytest.raises(ValidationError, match="closed"):
        receipt(sessions, bank, date(2026, 1, 1), ("Donations", 100))
    with pytest.raises(ValidationError, match="reverse it"):
        books.delete_entry(sessions, entry.id)
    reversal = books.reverse_entry(sessions, entry.id, date(2026, 4, 2))
    assert reversal.amount == Money(-500) and reversal.reverses_id == entry.id
    with pytest.raises(ValidationError, match="already closed"):
        books.mark_year_closed(sessions, START, date(2026, 3, 31))


def test_every_change_is_in_the_audit_trail(sessions, bank):
    entry = receipt(sessions, bank, date(2025, 5, 3), ("Donations", 500))
    changed = EntryInput(
        bank.id,
        date(2025, 5, 4),
        (LineInput(Money(700), category(sessions, "Donations").id),),
        payee="Coffee morning",
    )
    books.change_entry(sessions, entry.id, changed)
    books.delete_entry(sessions, entry.id)
    with sessions() as session:
        trail = session.scalars(
            select(AuditRecord).where(AuditRecord.row_id == entry.id).order_by(AuditRecord.id)
        ).all()
    assert [r.action for r in trail] == ["added", "changed", "removed"]
    before, after = json.loads(trail[1].before), json.loads(trail[1].after)
    assert (before["amount_pence"], after["amount_pence"]) == (500, 700)
    assert (before["on"], after["on"]) == ("2025-05-03", "2025-05-04")
    assert json.loads(trail[2].before)["amount_pence"] == 700


def test_lines_without_a_category_wait_to_be_categorised(sessions, bank):
    entry = books.add_entry(
        sessions,
        EntryInput(bank.id, date(2025, 5, 5), (LineInput(Money(-1999)),), payee="CARD 1234"),
    )
    assert entry.to_categorise and entry.lines[0].fund == "General fund"


def test_account_names_are_unique_and_found_by_name(sessions, bank):
    with pytest.raises(ValidationError, match="already an account"):
        books.add_account(sessions, "current ACCOUNT")
    assert books.account_named(sessions, "current account").id == bank.id


def test_a_transfer_is_deleted_or_reversed_whole(sessions, bank):
    savings = books.add_account(sessions, "Savings", "savings", Money(0), START)
    out, _ = books.transfer_between_accounts(
        sessions, bank.id, savings.id, Money(10_000), date(2025, 6, 1)
    )
    books.reverse_entry(sessions, out.id, date(2025, 6, 2))
    assert balances(books.account_balances(sessions, date(2025, 6, 2))) == {
        "Current account": 125_000,
        "Savings": 0,
    }
    out, _ = books.transfer_between_accounts(
        sessions, bank.id, savings.id, Money(5_000), date(2025, 6, 3)
    )
    books.delete_entry(sessions, out.id)
    assert balances(books.account_balances(sessions, date(2025, 6, 3))) == {
        "Current account": 125_000,
        "Savings": 0,
    }
