"""The cash book read by the page: running balances per account, filters, paging, payees."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import update

from grassroots.accounts import books
from grassroots.accounts.cash_book import (
    CashBookQuery,
    cash_book,
    count_cash_book,
    payee_suggestions,
)
from grassroots.accounts.models import Entry, Reconciliation
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.money import Money

START = date(2025, 4, 1)


@pytest.fixture
def bank(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(100_000), START)


@pytest.fixture
def cash(sessions):
    return books.add_account(sessions, "Petty cash", "cash", Money(5_000), START)


def category(sessions, name):
    return next(c for c in books.list_categories(sessions) if c.name == name)


def enter(sessions, account, on, pence, name=None, payee="Someone", **extra):
    cat = category(sessions, name).id if name else None
    return books.add_entry(
        sessions,
        EntryInput(account.id, on, (LineInput(Money(pence), cat),), payee=payee, **extra),
    )


def oldest_first(**filters):
    return CashBookQuery(newest_first=False, **filters)


def test_running_balance_per_account_across_accounts(sessions, bank, cash):
    enter(sessions, bank, date(2025, 5, 1), 2_500, "Subscriptions", "Ann Smith")
    enter(sessions, cash, date(2025, 5, 2), -1_200, "Activities and events", "Co-op")
    enter(sessions, bank, date(2025, 5, 2), -40_000, "Insurance", "Zurich")
    enter(sessions, cash, date(2025, 5, 1), 800, "Donations", "Bucket")
    books.transfer_between_accounts(sessions, bank.id, cash.id, Money(10_000), date(2025, 5, 3))

    rows = cash_book(sessions, oldest_first())
    seen = [(r.account, r.on.day, r.amount.pence, r.balance.pence) for r in rows]
    assert seen == [
        ("Current account", 1, 2_500, 102_500),
        ("Petty cash", 1, 800, 5_800),
        ("Petty cash", 2, -1_200, 4_600),
        ("Current account", 2, -40_000, 62_500),
        ("Current account", 3, -10_000, 52_500),
        ("Petty cash", 3, 10_000, 14_600),
    ]
    assert rows[0].paid_in == Money(2_500) and rows[0].paid_out is None
    assert rows[3].paid_out == Money(40_000) and rows[3].paid_in is None
    assert rows[4].transfer and rows[4].category == "Transfer" and not rows[4].to_categorise
    # Newest first is the same rows reversed, balances unchanged.
    assert [r.id for r in cash_book(sessions, CashBookQuery())] == [r.id for r in rows][::-1]


def test_a_backdated_entry_moves_every_later_balance(sessions, bank):
    enter(sessions, bank, date(2025, 6, 1), 1_000, "Donations")
    enter(sessions, bank, date(2025, 5, 1), 500, "Donations")
    rows = cash_book(sessions, oldest_first())
    assert [(r.on.month, r.balance.pence) for r in rows] == [(5, 100_500), (6, 101_500)]


def test_filters_keep_the_true_balance(sessions, bank, cash):
    enter(sessions, bank, date(2025, 4, 10), 3_000, "Subscriptions", "Ann Smith", reference="SO1")
    enter(sessions, bank, date(2025, 6, 10), 2_000, "Donations", "Bob Jones", note="Fete")
    enter(sessions, bank, date(2026, 4, 10), 1_000, None, "Mystery credit")
    enter(sessions, cash, date(2025, 6, 11), -700, "Activities and events", "Tesco")
    fund = books.add_fund(sessions, "Roof appeal")
    roof = books.add_entry(
        sessions,
        EntryInput(
            bank.id,
            date(2025, 7, 1),
            (LineInput(Money(5_000), category(sessions, "Donations").id, fund.id),),
            payee="Roof donor",
        ),
    )

    def payees(**filters):
        return [r.payee for r in cash_book(sessions, oldest_first(**filters))]

    year = {"start": date(2025, 4, 1), "end": date(2026, 3, 31)}
    assert payees(**year) == ["Ann Smith", "Bob Jones", "Tesco", "Roof donor"]
    assert payees(account_id=cash.id) == ["Tesco"]
    assert payees(category_id=category(sessions, "Donations").id) == ["Bob Jones", "Roof donor"]
    assert payees(fund_id=fund.id) == ["Roof donor"]
    assert payees(text="fete") == ["Bob Jones"]
    assert payees(text="so1") == ["Ann Smith"]
    assert payees(to_categorise=True) == ["Mystery credit"]
    assert count_cash_book(sessions, CashBookQuery(**year)) == 4
    assert count_cash_book(sessions, CashBookQuery(text="100%")) == 0
    # The balance shown after Bob Jones counts Ann Smith's entry even when she is filtered out.
    (bob,) = cash_book(sessions, CashBookQuery(text="Bob"))
    assert bob.balance == Money(105_000)
    (donor,) = cash_book(sessions, CashBookQuery(fund_id=fund.id))
    assert donor.fund == "Roof appeal" and donor.id == roof.id


def test_splits_and_locks_are_shown(sessions, bank):
    subs, gifts = category(sessions, "Subscriptions").id, category(sessions, "Donations").id
    split = books.add_entry(
        sessions,
        EntryInput(
            bank.id,
            date(2025, 5, 3),
            (LineInput(Money(3_000), subs), LineInput(Money(1_250), gifts)),
            payee="Paying-in",
        ),
    )
    half = books.add_entry(
        sessions,
        EntryInput(
            bank.id,
            date(2025, 5, 4),
            (LineInput(Money(1_000), subs), LineInput(Money(500), None)),
            payee="Half known",
        ),
    )
    ticked = enter(sessions, bank, date(2025, 5, 5), 200, "Donations", "Ticked")
    with sessions.begin() as session:
        rec = Reconciliation(
            account_id=bank.id,
            statement_on=date(2025, 5, 31),
            statement_pence=0,
            finished_at=datetime.now(UTC),
        )
        session.add(rec)
        session.flush()
        session.execute(update(Entry).where(Entry.id == ticked.id).values(reconciliation_id=rec.id))
    rows = {r.payee: r for r in cash_book(sessions, CashBookQuery())}
    assert rows["Paying-in"].category == "Split (2)" and rows["Paying-in"].lines == 2
    assert rows["Paying-in"].amount == split.amount == Money(4_250)
    assert rows["Half known"].to_categorise and half.to_categorise
    assert rows["Ticked"].locked and rows["Ticked"].reconciled
    assert not rows["Paying-in"].locked

    books.mark_year_closed(sessions, date(2025, 4, 1), date(2026, 3, 31))
    assert all(r.locked for r in cash_book(sessions, CashBookQuery()))


def test_paging_walks_the_whole_book_once(sessions, bank):
    donations = category(sessions, "Donations").id
    with sessions.begin() as session:
        for n in range(45):
            books.new_entry(
                session,
                EntryInput(
                    bank.id, date(2025, 5, 1 + n % 28), (LineInput(Money(100 + n), donations),)
                ),
            )
    query = CashBookQuery()
    pages = [cash_book(sessions, query, offset, 20) for offset in (0, 20, 40)]
    assert [len(p) for p in pages] == [20, 20, 5]
    ids = [r.id for page in pages for r in page]
    assert len(set(ids)) == 45 == count_cash_book(sessions, query)
    whole = {r.id: r.balance for r in cash_book(sessions, query, 0, 100)}
    assert all(r.balance == whole[r.id] for page in pages for r in page)
    oldest_first_page = cash_book(sessions, oldest_first(), 20, 5)
    assert [r.balance for r in oldest_first_page] == [whole[r.id] for r in oldest_first_page]
    newest = pages[0][0]
    assert newest.balance == Money(100_000 + sum(100 + n for n in range(45)))


def test_payee_suggestions_bring_the_last_category(sessions, bank):
    enter(sessions, bank, date(2025, 5, 1), -1_500, "Activities and events", "Tesco")
    enter(sessions, bank, date(2025, 6, 1), -2_000, "Repairs and maintenance", "Tesco Extra")
    enter(sessions, bank, date(2025, 7, 1), -900, "Repairs and maintenance", "tesco")
    enter(sessions, bank, date(2025, 7, 2), 5_000, "Hire income", "Tennis club")
    books.transfer_between_accounts(
        sessions,
        bank.id,
        books.add_account(sessions, "Savings", "savings", Money(0), START).id,
        Money(100),
        date(2025, 7, 3),
    )

    found = payee_suggestions(sessions, "TES")
    assert [s.payee for s in found] == ["tesco", "Tesco Extra"]
    assert found[0].category_id == category(sessions, "Repairs and maintenance").id
    assert not found[0].receipt
    (tennis,) = payee_suggestions(sessions, "ten")
    assert tennis.receipt and tennis.category_id == category(sessions, "Hire income").id
    assert payee_suggestions(sessions, "Trans") == []
    assert payee_suggestions(sessions, "  ") == []
