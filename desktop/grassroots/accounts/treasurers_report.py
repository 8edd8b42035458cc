"""The figures of the treasurer's report to a committee meeting: what came in and went out in
the period by category, against the budget, and what the group holds at the start and end.

Receipts and payments are both shown as positive amounts under their own heading, as a
committee reads them; a refund within a category reduces it. Transfers between the group's own
accounts and between funds are neither income nor spending, so they are left out; lines still
to categorise are shown as such, so the totals always agree with the balances:
balances at the start + receipts - payments = balances at the end.

The budget is the one for the financial year containing the start of the period. For a report
part way through a year, each line also shows the actual from the start of that year to the
end of the period (never past the year's end), beside the full year's budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

from grassroots.accounts.budgets import year_start_for
from grassroots.accounts.models import BookAccount, Budget, Category, Entry, EntryLine, Fund
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money

TO_CATEGORISE = "To categorise"
GENERAL_FUND = "General fund"


@dataclass(frozen=True)
class ReportLine:
    """One category's receipts or payments. `year_to_date` is from the start of the financial
    year to the end of the period; `difference` is that less the full year's budget (negative:
    still to come in, or budget not yet spent), None where there is no budget."""

    category_id: int | None  # None: lines still to categorise
    category: str
    actual: Money
    budget: Money | None
    year_to_date: Money
    difference: Money | None

    @property
    def to_categorise(self) -> bool:
        return self.category_id is None


@dataclass(frozen=True)
class ReportSection:
    """Receipts or payments: the lines and their totals."""

    lines: tuple[ReportLine, ...]
    total: Money
    budget_total: Money
    year_to_date_total: Money


@dataclass(frozen=True)
class HeldBalance:
    """What one account or fund held at the start and at the end of the period."""

    name: str
    at_start: Money
    at_end: Money


@dataclass(frozen=True)
class TreasurersReport:
    start: date
    end: date
    year_starts_on: date
    year_ends_on: date
    part_year: bool  # the period is not the whole financial year
    receipts: ReportSection
    payments: ReportSection
    accounts: tuple[HeldBalance, ...]
    funds: tuple[HeldBalance, ...]

    @property
    def surplus(self) -> Money:
        """Receipts less payments (negative: a deficit)."""
        return self.receipts.total - self.payments.total

    @property
    def accounts_at_start(self) -> Money:
        return Money(sum(a.at_start.pence for a in self.accounts))

    @property
    def accounts_at_end(self) -> Money:
        return Money(sum(a.at_end.pence for a in self.accounts))

    @property
    def funds_at_start(self) -> Money:
        return Money(sum(f.at_start.pence for f in self.funds))

    @property
    def funds_at_end(self) -> Money:
        return Money(sum(f.at_end.pence for f in self.funds))


# ---------------------------------------------------------------- receipts and payments


def _category_sums(session: Session, start: date, end: date) -> dict[int | None, int]:
    """Category id -> the net of its lines in the period (receipts positive, payments
    negative); None -> lines to categorise, split by sign below."""
    query = (
        select(EntryLine.category_id, func.sum(EntryLine.amount_pence))
        .join(Entry, Entry.id == EntryLine.entry_id)
        .where(Entry.on.between(start, end), Entry.transfer_key.is_(None))
        .where(EntryLine.category_id.is_not(None))
        .group_by(EntryLine.category_id)
    )
    return dict(session.execute(query).all())


def _uncategorised(session: Session, start: date, end: date) -> tuple[int, int]:
    """(money in, money out) on lines with no category yet, out as a positive number."""
    query = (
        select(EntryLine.amount_pence)
        .join(Entry, Entry.id == EntryLine.entry_id)
        .where(Entry.on.between(start, end), Entry.transfer_key.is_(None))
        .where(EntryLine.category_id.is_(None))
    )
    amounts = list(session.scalars(query))
    return sum(a for a in amounts if a > 0), -sum(a for a in amounts if a < 0)


def _line(
    category_id: int | None, name: str, actual: int, ytd: int, budget: Money | None
) -> ReportLine:
    difference = Money(ytd) - budget if budget is not None else None
    return ReportLine(category_id, name, Money(actual), budget, Money(ytd), difference)


def _section(
    categories: list[Category],
    sign: int,
    period: dict[int | None, int],
    to_date: dict[int | None, int],
    budget: dict[int, Money],
    loose: tuple[int, int],
) -> ReportSection:
    """The lines of one direction; `sign` turns payments (negative in the books) positive."""
    lines = [
        _line(
            c.id, c.name, sign * period.get(c.id, 0), sign * to_date.get(c.id, 0), budget.get(c.id)
        )
        for c in categories
        if period.get(c.id) or to_date.get(c.id) or c.id in budget
    ]
    if loose[0] or loose[1]:
        lines.append(_line(None, TO_CATEGORISE, loose[0], loose[1], None))
    return ReportSection(
        lines=tuple(lines),
        total=Money(sum(line.actual.pence for line in lines)),
        budget_total=Money(sum(line.budget.pence for line in lines if line.budget is not None)),
        year_to_date_total=Money(sum(line.year_to_date.pence for line in lines)),
    )


# ---------------------------------------------------------------- balances


def _account_balances(session: Session, start: date, end: date) -> list[HeldBalance]:
    """Each account at the start of `start` and the end of `end`. An account whose books begin
    inside the period brings its opening balance in at the start, so the figures add up."""
    before = _sums_by(session, Entry.account_id, Entry.on < start)
    through = _sums_by(session, Entry.account_id, Entry.on <= end)
    rows = session.scalars(
        select(BookAccount).where(BookAccount.opening_on <= end).order_by(BookAccount.id)
    )
    return [
        HeldBalance(
            a.name,
            Money(a.opening_pence + before.get(a.id, 0)),
            Money(a.opening_pence + through.get(a.id, 0)),
        )
        for a in rows
    ]


def _fund_balances(session: Session, start: date, end: date) -> list[HeldBalance]:
    """Each fund at the start and end; accounts' opening balances belong to the general fund."""
    before = _sums_by(session, EntryLine.fund_id, Entry.on < start)
    through = _sums_by(session, EntryLine.fund_id, Entry.on <= end)
    opening = session.scalar(
        select(func.coalesce(func.sum(BookAccount.opening_pence), 0)).where(
            BookAccount.opening_on <= end
        )
    )
    funds = list(session.scalars(select(Fund).order_by(Fund.id)))
    general = next((f.id for f in funds if f.name == GENERAL_FUND), funds[0].id if funds else None)
    return [
        HeldBalance(
            f.name,
            Money(before.get(f.id, 0) + (opening if f.id == general else 0)),
            Money(through.get(f.id, 0) + (opening if f.id == general else 0)),
        )
        for f in funds
        if f.active or before.get(f.id) or through.get(f.id)
    ]


def _sums_by(
    session: Session, key: InstrumentedAttribute[int], when: ColumnElement[bool]
) -> dict[int, int]:
    """Net of entry lines grouped by an account or fund column, for entries matching `when`."""
    query = (
        select(key, func.sum(EntryLine.amount_pence))
        .select_from(EntryLine)
        .join(Entry, Entry.id == EntryLine.entry_id)
        .where(when)
        .group_by(key)
    )
    return dict(session.execute(query).all())


# ---------------------------------------------------------------- the report


def _year_end(year_starts_on: date) -> date:
    following = year_starts_on.replace(year=year_starts_on.year + 1)
    return following - timedelta(days=1)


def treasurers_report(sessions: sessionmaker[Session], start: date, end: date) -> TreasurersReport:
    """The figures for a committee meeting covering `start` to `end`, both days included."""
    if end < start:
        raise ValidationError(
            {"end": f"The period ends on {end:%d/%m/%Y}, before it starts on {start:%d/%m/%Y}"}
        )
    year_starts_on = year_start_for(sessions, start)
    year_ends_on = _year_end(year_starts_on)
    to_date_end = min(end, year_ends_on)
    with sessions() as session:
        period = _category_sums(session, start, end)
        to_date = _category_sums(session, year_starts_on, to_date_end)
        loose_period = _uncategorised(session, start, end)
        loose_to_date = _uncategorised(session, year_starts_on, to_date_end)
        budget = {
            category_id: Money(pence)
            for category_id, pence in session.execute(
                select(Budget.category_id, Budget.amount_pence).where(
                    Budget.year_starts_on == year_starts_on
                )
            )
        }
        categories = list(session.scalars(select(Category).order_by(Category.id)))
        receipts = _section(
            [c for c in categories if c.direction == "receipt"],
            1,
            period,
            to_date,
            budget,
            (loose_period[0], loose_to_date[0]),
        )
        payments = _section(
            [c for c in categories if c.direction == "payment"],
            -1,
            period,
            to_date,
            budget,
            (loose_period[1], loose_to_date[1]),
        )
        return TreasurersReport(
            start=start,
            end=end,
            year_starts_on=year_starts_on,
            year_ends_on=year_ends_on,
            part_year=(start, end) != (year_starts_on, year_ends_on),
            receipts=receipts,
            payments=payments,
            accounts=tuple(_account_balances(session, start, end)),
            funds=tuple(_fund_balances(session, start, end)),
        )
