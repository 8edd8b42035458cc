"""Reconciling an account against bank statements: ticking to zero, refusing a difference,
locking what was ticked, and carrying the agreed balance on to the next statement."""

from datetime import date

import pytest

from grassroots.accounts import books, reconcile
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money

START = date(2025, 4, 1)


@pytest.fixture
def bank(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(100_000), START)


def category(sessions, name):
    return next(c for c in books.list_categories(sessions) if c.name == name)


def entry(sessions, account, on, pence, name, payee="Someone"):
    line = LineInput(Money(pence), category(sessions, name).id)
    return books.add_entry(sessions, EntryInput(account.id, on, (line,), payee=payee))


@pytest.fixture
def april(sessions, bank):
    """Three entries in April and one in May; the April statement shows two of them."""
    return {
        "subs": entry(sessions, bank, date(2025, 4, 3), 4_500, "Subscriptions"),
        "insurance": entry(sessions, bank, date(2025, 4, 10), -32_000, "Insurance"),
        "cheque": entry(sessions, bank, date(2025, 4, 28), -1_999, "Printing and postage"),
        "may": entry(sessions, bank, date(2025, 5, 2), 10_000, "Hire income"),
    }


def test_ticking_to_a_difference_of_nothing_and_finishing(sessions, bank, april):
    # Statement on 30/04: £1,000 + £45 - £320 = £725 (the cheque has not cleared yet).
    rec = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(72_500))
    assert rec.starting_balance == Money(100_000)
    assert rec.difference == Money(-27_500)

    rows = reconcile.entries_to_tick(sessions, rec.id)
    assert [r.entry_id for r in rows] == [april[k].id for k in ("subs", "insurance", "cheque")]
    assert not any(r.ticked for r in rows)

    after = reconcile.tick(sessions, rec.id, [april["subs"].id, april["insurance"].id])
    assert after.ticked == Money(-27_500)
    assert reconcile.difference(sessions, rec.id) == Money(0)
    ticked = {r.entry_id: r.ticked for r in reconcile.entries_to_tick(sessions, rec.id)}
    assert ticked == {
        april["subs"].id: True,
        april["insurance"].id: True,
        april["cheque"].id: False,
    }

    done = reconcile.finish_reconciliation(sessions, rec.id)
    assert done.finished
    assert [h.id for h in reconcile.history(sessions, bank.id)] == [rec.id]
    assert reconcile.unfinished_reconciliation(sessions, bank.id) is None


def test_finishing_with_a_difference_is_refused_and_names_it(sessions, bank, april):
    rec = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(72_500))
    reconcile.tick(sessions, rec.id, [april["insurance"].id])
    with pytest.raises(ValidationError) as caught:
        reconcile.finish_reconciliation(sessions, rec.id)
    assert "£45.00" in caught.value.fields["difference"]
    assert not reconcile.get_reconciliation(sessions, rec.id).finished
    assert reconcile.history(sessions, bank.id) == []


def test_unticking_takes_an_entry_back_out(sessions, bank, april):
    rec = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(72_500))
    reconcile.tick(sessions, rec.id, [april["subs"].id, april["cheque"].id])
    after = reconcile.untick(sessions, rec.id, [april["cheque"].id])
    assert after.ticked == Money(4_500)
    assert reconcile.difference(sessions, rec.id) == Money(-32_000)


def test_ticked_entries_are_locked_once_finished(sessions, bank, april):
    rec = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(72_500))
    reconcile.tick(sessions, rec.id, [april["subs"].id, april["insurance"].id])
    reconcile.finish_reconciliation(sessions, rec.id)

    assert books.get_entry(sessions, april["subs"].id).locked
    assert not books.get_entry(sessions, april["cheque"].id).locked
    changed = EntryInput(bank.id, date(2025, 4, 3), (LineInput(Money(5_000)),))
    with pytest.raises(ValidationError) as caught:
        books.change_entry(sessions, april["subs"].id, changed)
    assert "reconciliation" in caught.value.fields["entry"]
    with pytest.raises(ValidationError):
        books.delete_entry(sessions, april["insurance"].id)
    with pytest.raises(ValidationError):
        reconcile.untick(sessions, rec.id, [april["subs"].id])


def test_the_next_reconciliation_starts_from_the_last_agreed_balance(sessions, bank, april):
    first = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(72_500))
    reconcile.tick(sessions, first.id, [april["subs"].id, april["insurance"].id])
    reconcile.finish_reconciliation(sessions, first.id)

    # May: the April cheque clears and the hire income arrives: £725 - £19.99 + £100.
    second = reconcile.start_reconciliation(sessions, bank.id, date(2025, 5, 31), Money(80_501))
    assert second.starting_balance == Money(72_500)
    rows = reconcile.entries_to_tick(sessions, second.id)
    assert [r.entry_id for r in rows] == [april["cheque"].id, april["may"].id]
    reconcile.tick(sessions, second.id, [r.entry_id for r in rows])
    assert reconcile.finish_reconciliation(sessions, second.id).difference == Money(0)

    assert [h.statement_on for h in reconcile.history(sessions, bank.id)] == [
        date(2025, 5, 31),
        date(2025, 4, 30),
    ]
    # A finished reconciliation keeps the figures it agreed.
    assert reconcile.history(sessions, bank.id)[1].starting_balance == Money(100_000)
    assert reconcile.history(sessions, bank.id)[0].starting_balance == Money(72_500)


def test_one_unfinished_reconciliation_at_a_time_and_never_going_back(sessions, bank, april):
    rec = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(72_500))
    with pytest.raises(ValidationError) as caught:
        reconcile.start_reconciliation(sessions, bank.id, date(2025, 5, 31), Money(0))
    assert "already under way" in caught.value.fields["account"]

    reconcile.tick(sessions, rec.id, [april["subs"].id, april["insurance"].id])
    reconcile.finish_reconciliation(sessions, rec.id)
    with pytest.raises(ValidationError) as caught:
        reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 15), Money(0))
    assert "30/04/2025" in caught.value.fields["statement_on"]


def test_entries_after_the_statement_or_in_another_account_cannot_be_ticked(sessions, bank, april):
    cash = books.add_account(sessions, "Petty cash", "cash", Money(5_000), START)
    tin = entry(sessions, cash, date(2025, 4, 5), 1_500, "Donations")
    rec = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(72_500))
    with pytest.raises(ValidationError) as caught:
        reconcile.tick(sessions, rec.id, [april["may"].id])
    assert "after the statement date" in caught.value.fields["entry"]
    with pytest.raises(ValidationError):
        reconcile.tick(sessions, rec.id, [tin.id])
    assert reconcile.get_reconciliation(sessions, rec.id).ticked == Money(0)


def test_abandoning_clears_the_ticks(sessions, bank, april):
    rec = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(1))
    reconcile.tick(sessions, rec.id, [april["subs"].id])
    reconcile.abandon_reconciliation(sessions, rec.id)
    assert reconcile.unfinished_reconciliation(sessions, bank.id) is None
    assert not books.get_entry(sessions, april["subs"].id).reconciled
    again = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(72_500))
    assert not any(r.ticked for r in reconcile.entries_to_tick(sessions, again.id))


def test_a_ticked_entry_can_still_be_corrected_before_finishing(sessions, bank, april):
    rec = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(72_500))
    reconcile.tick(sessions, rec.id, [april["subs"].id])
    assert not books.get_entry(sessions, april["subs"].id).locked
    subs = category(sessions, "Subscriptions").id
    corrected = EntryInput(bank.id, date(2025, 4, 3), (LineInput(Money(5_000), subs),))
    books.change_entry(sessions, april["subs"].id, corrected)
    assert reconcile.get_reconciliation(sessions, rec.id).ticked == Money(5_000)


def test_an_entry_moved_past_the_statement_date_drops_out(sessions, bank, april):
    rec = reconcile.start_reconciliation(sessions, bank.id, date(2025, 4, 30), Money(4_500))
    reconcile.tick(sessions, rec.id, [april["subs"].id, april["cheque"].id])
    moved = EntryInput(bank.id, date(2025, 5, 1), (LineInput(Money(-1_999)),))
    books.change_entry(sessions, april["cheque"].id, moved)
    assert reconcile.difference(sessions, rec.id) == Money(-100_000)
    assert [r.entry_id for r in reconcile.entries_to_tick(sessions, rec.id) if r.ticked] == [
        april["subs"].id
    ]
