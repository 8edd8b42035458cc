"""The demo group's books: ten years of believable, consistent entries, the same for a seed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from grassroots.accounts.books import account_balances, fund_balances
from grassroots.accounts.models import (
    BookAccount,
    Category,
    Entry,
    EntryLine,
    Fund,
    GiftAidClaim,
    GiftAidDeclaration,
)
from grassroots.core.dates import add_months
from grassroots.db.database import open_database
from grassroots.demo import make_demo
from grassroots.members.models import Membership, Subscription

TODAY = date(2026, 3, 15)
FIRST_YEAR = date(2015, 4, 1)  # the financial year holding 15/03/2016, ten years back


@pytest.fixture
def demo(sessions):
    return make_demo(sessions, "small", seed=3, today=TODAY)


def _scalar(sessions, statement):
    with sessions() as session:
        return session.scalar(statement)


def _rows(sessions, statement):
    with sessions() as session:
        return session.execute(statement).all()


def test_three_accounts_open_at_the_start_of_the_first_year(sessions, demo):
    accounts = _rows(sessions, select(BookAccount.name, BookAccount.kind, BookAccount.opening_on))
    assert sorted(accounts) == [
        ("Cash box", "cash", FIRST_YEAR),
        ("Current account", "bank", FIRST_YEAR),
        ("Savings account", "savings", FIRST_YEAR),
    ]
    first, last = _rows(sessions, select(func.min(Entry.on), func.max(Entry.on)))[0]
    assert FIRST_YEAR <= first < FIRST_YEAR + timedelta(days=40)
    assert TODAY - timedelta(days=10) <= last <= TODAY


def test_small_demo_has_about_two_thousand_entries(sessions, demo):
    count = _scalar(sessions, select(func.count(Entry.id)))
    assert demo.entries == count
    assert 1_600 <= count <= 2_600


def test_every_entry_is_the_sum_of_its_lines(sessions, demo):
    mismatched = _scalar(
        sessions,
        text(
            "SELECT count(*) FROM entries e LEFT JOIN (SELECT entry_id, sum(amount_pence) AS s,"
            " count(*) AS n FROM entry_lines GROUP BY entry_id) l ON l.entry_id = e.id"
            " WHERE l.n IS NULL OR l.s != e.amount_pence"
        ),
    )
    assert mismatched == 0


def test_every_subscription_payment_is_in_the_books_from_its_member(sessions, demo):
    posted = _rows(
        sessions,
        select(Entry.on, Entry.amount_pence, Entry.person_id)
        .join(EntryLine, EntryLine.entry_id == Entry.id)
        .join(Category, Category.id == EntryLine.category_id)
        .where(Category.name == "Subscriptions"),
    )
    paid = _rows(
        sessions,
        select(Subscription.paid_on, Subscription.amount_pence, Membership.person_id)
        .join(Membership, Membership.id == Subscription.membership_id)
        .where(Subscription.amount_pence > 0),
    )
    assert paid and sorted(posted) == sorted(paid)
    named = _scalar(
        sessions,
        select(func.count(Entry.id)).where(Entry.person_id.is_not(None), Entry.payee == ""),
    )
    assert named == 0


def test_balances_never_go_below_nothing(sessions, demo):
    lowest = _rows(
        sessions,
        text(
            "SELECT a.name, min(a.opening_pence + r.running) FROM book_accounts a JOIN ("
            " SELECT account_id, sum(amount_pence) OVER (PARTITION BY account_id"
            ' ORDER BY "on", id) AS running FROM entries) r ON r.account_id = a.id'
            " GROUP BY a.name"
        ),
    )
    assert len(lowest) == 3
    assert all(low >= 0 for _name, low in lowest), lowest
    year_end = FIRST_YEAR
    while year_end < TODAY:
        year_end = add_months(year_end, 12)
        on = min(year_end - timedelta(days=1), TODAY)
        assert all(b.amount.pence >= 0 for b in account_balances(sessions, on))
        assert all(b.amount.pence >= 0 for b in fund_balances(sessions, on)), on


def test_restricted_grants_come_in_and_are_spent(sessions, demo):
    funds = dict(_rows(sessions, select(Fund.name, Fund.kind)))
    assert funds["General fund"] == "unrestricted"
    assert funds["County Council — youth club"] == "restricted"
    assert funds["Lottery Awards for All — new kitchen"] == "restricted"
    per_fund = _rows(
        sessions,
        select(
            Fund.name,
            func.sum(EntryLine.amount_pence).filter(Category.name == "Grants received"),
            func.sum(EntryLine.amount_pence).filter(Category.direction == "payment"),
        )
        .join(EntryLine, EntryLine.fund_id == Fund.id)
        .join(Category, Category.id == EntryLine.category_id)
        .where(Fund.kind == "restricted")
        .group_by(Fund.name),
    )
    assert len(per_fund) >= 3
    for name, granted, spent in per_fund:
        assert granted > 0 and spent < 0, name
    youth_club = next(row for row in per_fund if row[0] == "County Council — youth club")
    assert -youth_club[2] > youth_club[1] * 0.7


def test_transfers_net_to_nothing_and_funds_move_now_and_then(sessions, demo):
    unbalanced = _scalar(
        sessions,
        text(
            "SELECT count(*) FROM (SELECT transfer_key FROM entries WHERE transfer_key IS NOT NULL"
            " GROUP BY transfer_key HAVING sum(amount_pence) != 0)"
        ),
    )
    assert unbalanced == 0
    between_funds = _scalar(
        sessions,
        select(func.count(Entry.id)).where(
            Entry.transfer_key.is_not(None), Entry.payee == "Transfer between funds"
        ),
    )
    between_accounts = _scalar(
        sessions, select(func.count(Entry.id)).where(Entry.payee == "Transfer")
    )
    assert between_funds >= 3
    assert between_accounts >= 40 and between_accounts % 2 == 0
    categorised_transfers = _scalar(
        sessions,
        select(func.count(EntryLine.id))
        .join(Entry, Entry.id == EntryLine.entry_id)
        .where(Entry.transfer_key.is_not(None), EntryLine.category_id.is_not(None)),
    )
    assert categorised_transfers == 0


def test_the_regular_bills_and_income_streams_are_there(sessions, demo):
    used = dict(
        _rows(
            sessions,
            select(Category.name, func.count(EntryLine.id))
            .join(EntryLine, EntryLine.category_id == Category.id)
            .group_by(Category.name),
        )
    )
    for name in (
        "Donations",
        "Gift Aid reclaimed",
        "Grants received",
        "Fundraising events",
        "Hire income",
        "Bank interest",
        "Hire and rent",
        "Insurance",
        "Utilities",
        "Printing and postage",
        "Volunteer expenses",
        "Independent examination",
    ):
        assert used.get(name, 0) > 0, name
    assert used["Hire and rent"] >= 100  # monthly for ten years
    assert 10 <= used["Independent examination"] <= 11  # once a year


def test_gift_aid_claims_cover_declared_donors_and_are_received(sessions, demo):
    claims = _rows(
        sessions,
        select(
            GiftAidClaim.id,
            GiftAidClaim.donations_pence,
            GiftAidClaim.claimed_pence,
            GiftAidClaim.received_entry_id,
        ),
    )
    assert claims
    declared = set(_rows(sessions, select(GiftAidDeclaration.person_id)))
    declared = {person_id for (person_id,) in declared}
    for claim_id, donations, claimed, received in claims:
        lines = _rows(
            sessions,
            select(EntryLine.amount_pence, Entry.person_id)
            .join(Entry, Entry.id == EntryLine.entry_id)
            .where(EntryLine.gift_aid_claim_id == claim_id),
        )
        assert sum(amount for amount, _ in lines) == donations
        assert all(person in declared for _, person in lines)
        assert claimed == donations // 4
        receipt = _rows(
            sessions, select(Entry.amount_pence, Entry.payee).where(Entry.id == received)
        )
        assert receipt == [(claimed, "HMRC Charities")]


def test_a_few_entries_wait_to_be_categorised_in_the_last_month(sessions, demo):
    waiting = _rows(
        sessions,
        select(Entry.on)
        .join(EntryLine, EntryLine.entry_id == Entry.id)
        .where(EntryLine.category_id.is_(None), Entry.transfer_key.is_(None)),
    )
    assert 3 <= len(waiting) <= 10
    assert all(TODAY - timedelta(days=31) <= on <= TODAY for (on,) in waiting)


def test_the_year_end_accounts_explain_every_penny(sessions, demo):
    from grassroots.accounts.year_end import receipts_and_payments

    accounts = receipts_and_payments(sessions, date(2024, 4, 1))
    assert accounts.unexplained.total.pence == 0
    assert accounts.total_receipts.total.pence > 0
    assert accounts.total_payments.total.pence > 0
    assert accounts.uncategorised_lines == 0


def _books(sessions) -> list[tuple]:
    return _rows(
        sessions,
        select(
            Entry.id,
            Entry.on,
            Entry.account_id,
            Entry.amount_pence,
            Entry.payee,
            Entry.person_id,
            Entry.transfer_key,
        ).order_by(Entry.id),
    )


def test_same_seed_same_books(database, tmp_path):
    make_demo(database.sessions, seed=5, today=TODAY)
    other = open_database(str(tmp_path / "other.db"), tmp_path / "backups")
    different = open_database(str(tmp_path / "different.db"), tmp_path / "backups")
    try:
        make_demo(other.sessions, seed=5, today=TODAY)
        make_demo(different.sessions, seed=6, today=TODAY)
        first = _books(database.sessions)
        assert first == _books(other.sessions)
        assert first != _books(different.sessions)
    finally:
        other.close()
        different.close()


def test_a_group_that_keeps_books_keeps_them(sessions, demo):
    before = _books(sessions)
    again = make_demo(sessions, people=10, today=TODAY)
    assert again.entries == 0
    assert _books(sessions) == before


def test_large_demo_has_about_fifty_thousand_entries(sessions):
    summary = make_demo(sessions, "large", today=TODAY)
    assert 45_000 <= summary.entries <= 55_000
    assert summary.entries > summary.subscriptions * 2
