"""The books over time, for charts a committee would rather look at than read: what came in and
went out each month, and what each account held as the months went by.

The figures are the treasurer's report's, month by month: receipts and payments by the
category's direction (a refund within a category reduces it), lines still to categorise by
their sign, and transfers between the group's own accounts or between funds left out, since
they are neither income nor spending. So for any period, the months' receipts less payments
equal the change in what the accounts hold (for accounts open throughout).

Both are summed in SQL by month (or by day, for a short period) rather than entry by entry, so
ten years of a busy group's books draw at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, case, extract, func, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.models import BookAccount, Category, Entry, EntryLine
from grassroots.core.dates import add_months
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money

DAILY_UP_TO_DAYS = 92  # a quarter or less is drawn day by day; longer, month by month


@dataclass(frozen=True)
class MonthTotals:
    """One calendar month's receipts and payments (both positive), within the period asked."""

    month: date  # the first day of the month
    receipts: Money
    payments: Money

    @property
    def net(self) -> Money:
        """Receipts less payments (negative: more went out than came in)."""
        return self.receipts - self.payments


@dataclass(frozen=True)
class AccountSeries:
    """What one account held at each of the series' dates."""

    name: str
    balances: tuple[Money, ...]


@dataclass(frozen=True)
class BalanceSeries:
    """Balances at the end of each day or month of a period. The first date is the day before
    the period starts (what was held coming into it); the last is the period's end."""

    dates: tuple[date, ...]
    step: str  # day | month
    accounts: tuple[AccountSeries, ...]

    @property
    def totals(self) -> tuple[Money, ...]:
        """All the accounts together at each date."""
        return tuple(
            Money(sum(a.balances[i].pence for a in self.accounts)) for i in range(len(self.dates))
        )


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError(
            {"end": f"The period ends on {end:%d/%m/%Y}, before it starts on {start:%d/%m/%Y}"}
        )


def months_between(start: date, end: date) -> list[date]:
    """The first day of every calendar month that `start` to `end` touches."""
    month, months = start.replace(day=1), []
    while month <= end:
        months.append(month)
        month = add_months(month, 1)
    return months


# ---------------------------------------------------------------- receipts and payments


def monthly_totals(sessions: sessionmaker[Session], start: date, end: date) -> list[MonthTotals]:
    """Receipts and payments in each month from `start` to `end` (both included), every month
    present even when nothing moved, so a chart has no gaps."""
    _check_period(start, end)
    loose = EntryLine.category_id.is_(None)
    received = case(
        (Category.direction == "receipt", EntryLine.amount_pence),
        (and_(loose, EntryLine.amount_pence > 0), EntryLine.amount_pence),
        else_=0,
    )
    paid = case(
        (Category.direction == "payment", -EntryLine.amount_pence),
        (and_(loose, EntryLine.amount_pence < 0), -EntryLine.amount_pence),
        else_=0,
    )
    year, month = extract("year", Entry.on), extract("month", Entry.on)
    query = (
        select(year, month, func.sum(received), func.sum(paid))
        .select_from(EntryLine)
        .join(Entry, Entry.id == EntryLine.entry_id)
        .outerjoin(Category, Category.id == EntryLine.category_id)
        .where(Entry.on.between(start, end), Entry.transfer_key.is_(None))
        .group_by(year, month)
    )
    with sessions() as session:
        sums = {
            (int(y), int(m)): (int(r or 0), int(p or 0)) for y, m, r, p in session.execute(query)
        }
    return [
        MonthTotals(first, *map(Money, sums.get((first.year, first.month), (0, 0))))
        for first in months_between(start, end)
    ]


# ---------------------------------------------------------------- balances


def _month_end(day: date) -> date:
    return add_months(day.replace(day=1), 1) - timedelta(days=1)


def series_dates(start: date, end: date, step: str) -> list[date]:
    """The day before `start`, then the end of each day (or month) up to `end`."""
    dates = [start - timedelta(days=1)]
    if step == "day":
        dates += [start + timedelta(days=n) for n in range((end - start).days + 1)]
    else:
        dates += [min(_month_end(first), end) for first in months_between(start, end)]
    return dates


def _moves(session: Session, start: date, end: date, step: str) -> Iterable[tuple]:
    """(account id, bucket, net) for the period, the bucket being a day or (year, month)."""
    if step == "day":
        query = (
            select(Entry.account_id, Entry.on, func.sum(Entry.amount_pence))
            .where(Entry.on.between(start, end))
            .group_by(Entry.account_id, Entry.on)
        )
        return ((a, on, pence) for a, on, pence in session.execute(query))
    year, month = extract("year", Entry.on), extract("month", Entry.on)
    query = (
        select(Entry.account_id, year, month, func.sum(Entry.amount_pence))
        .where(Entry.on.between(start, end))
        .group_by(Entry.account_id, year, month)
    )
    return ((a, (int(y), int(m)), pence) for a, y, m, pence in session.execute(query))


def _bucket(day: date, step: str) -> object:
    return day if step == "day" else (day.year, day.month)


def balance_series(
    sessions: sessionmaker[Session], start: date, end: date, step: str | None = None
) -> BalanceSeries:
    """Each account's balance through the period: day by day for a quarter or less, else at
    each month's end (`step` "day" or "month" to choose). An account opened part way through
    holds nothing until the day before its books begin, when its opening balance arrives."""
    _check_period(start, end)
    step = step or ("day" if (end - start).days < DAILY_UP_TO_DAYS else "month")
    if step not in ("day", "month"):
        raise ValueError(f"step must be 'day' or 'month', not {step!r}")
    dates = series_dates(start, end, step)
    with sessions() as session:
        accounts = list(
            session.execute(
                select(
                    BookAccount.id,
                    BookAccount.name,
                    BookAccount.opening_pence,
                    BookAccount.opening_on,
                )
                .where(BookAccount.opening_on <= end)
                .order_by(BookAccount.id)
            )
        )
        before = dict(
            session.execute(
                select(Entry.account_id, func.sum(Entry.amount_pence))
                .where(Entry.on < start)
                .group_by(Entry.account_id)
            ).all()
        )
        moves: dict[int, dict[object, int]] = {}
        for account_id, bucket, pence in _moves(session, start, end, step):
            moves.setdefault(account_id, {})[bucket] = int(pence)
    series = []
    for account_id, name, opening, opening_on in accounts:
        # The opening balance is what the account held coming into its first day.
        held_from = opening_on - timedelta(days=1)
        running = int(before.get(account_id) or 0)
        own = moves.get(account_id, {})
        balances = [running]
        for point in dates[1:]:
            running += own.get(_bucket(point, step), 0)
            balances.append(running)
        series.append(
            AccountSeries(
                name,
                tuple(
                    Money(pence + (opening if point >= held_from else 0))
                    for point, pence in zip(dates, balances, strict=True)
                ),
            )
        )
    return BalanceSeries(tuple(dates), step, tuple(series))
