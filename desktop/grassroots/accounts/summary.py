"""What the treasurer should look at today, for Home: money held, lines still to categorise,
accounts not reconciled lately, Gift Aid waiting to be claimed, and a year waiting to close.

Home is the first thing a volunteer sees after a month away; it should say in one glance what
the books need, so each figure here is one that leads to a job on the Accounts tabs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts import books, gift_aid_rules
from grassroots.accounts.cash_book import CashBookQuery, count_cash_book
from grassroots.accounts.gift_aid import financial_year_of, review_in
from grassroots.accounts.models import BookAccount, Entry, FinancialYear, Reconciliation
from grassroots.core.dates import add_months, financial_year_start
from grassroots.core.money import Money

# A bank account not reconciled for this long has missed at least one monthly statement.
RECONCILE_AFTER = timedelta(days=45)


@dataclass(frozen=True)
class Unreconciled:
    account: str
    last_reconciled: date | None  # None: never


@dataclass(frozen=True)
class BooksSummary:
    accounts: int
    held: Money  # across every open account, today
    to_categorise: int
    unreconciled: tuple[Unreconciled, ...]
    gift_aid_donations: int  # claimable now
    gift_aid_tax: Money  # what HMRC would pay on them
    year_to_close: date | None  # the start of a finished financial year not yet closed

    @property
    def keeps_books(self) -> bool:
        return self.accounts > 0


def _unreconciled(session: Session, today: date) -> tuple[Unreconciled, ...]:
    last = (
        select(Reconciliation.account_id, func.max(Reconciliation.statement_on))
        .where(Reconciliation.finished_at.is_not(None))
        .group_by(Reconciliation.account_id)
    )
    reconciled = dict(session.execute(last).all())
    banks = session.execute(
        select(BookAccount.id, BookAccount.name, BookAccount.opening_on)
        .where(BookAccount.kind != "cash", BookAccount.active.is_(True))
        .order_by(BookAccount.id)
    ).all()
    late = []
    for account_id, name, opening_on in banks:
        since = reconciled.get(account_id) or opening_on
        if since is not None and today - since > RECONCILE_AFTER:
            late.append(Unreconciled(name, reconciled.get(account_id)))
    return tuple(late)


def _year_to_close(session: Session, today: date, fy: tuple[int, int]) -> date | None:
    """The earliest finished financial year with entries that has not been closed."""
    first = session.scalar(select(func.min(Entry.on)))
    if first is None:
        return None
    closed = set(
        session.scalars(select(FinancialYear.starts_on).where(FinancialYear.closed_at.is_not(None)))
    )
    start = financial_year_start(first, *fy)
    current = financial_year_start(today, *fy)
    while start < current:
        if start not in closed:
            return start
        start = add_months(start, 12)
    return None


def books_summary(sessions: sessionmaker[Session], today: date | None = None) -> BooksSummary:
    """Everything Home shows about the books, read in one go."""
    today = today or date.today()
    fy = financial_year_of(sessions)
    balances = books.account_balances(sessions, today)
    to_categorise = count_cash_book(sessions, CashBookQuery(to_categorise=True))
    with sessions() as session:
        accounts = session.scalar(select(func.count(BookAccount.id))) or 0
        review = review_in(session, today, today, fy) if accounts else None
        claimable = review.eligible if review else ()
        total = Money(sum(d.amount.pence for d in claimable))
        return BooksSummary(
            accounts=accounts,
            held=Money(sum(b.amount.pence for b in balances)),
            to_categorise=to_categorise,
            unreconciled=_unreconciled(session, today),
            gift_aid_donations=len(claimable),
            gift_aid_tax=gift_aid_rules.tax_on(total, today) if claimable else Money(0),
            year_to_close=_year_to_close(session, today, fy),
        )
