"""The demo treasurer's past diligence: bank accounts reconciled every month to the end of
last month, every financial year closed and approved at its AGM except the last one finished
(which waits for this year's AGM), and a budget for each year set from the year before. A demo
whose ten years were never checked would show every screen at its worst: ten years of entries
to tick and ten years to close.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from sqlalchemy import func, insert, select, update

from grassroots.accounts.models import (
    BookAccount,
    Budget,
    Category,
    Entry,
    EntryLine,
    FinancialYear,
    Fund,
    Reconciliation,
)
from grassroots.accounts.year_end_checks import approver
from grassroots.core.dates import add_months
from grassroots.demo.context import DemoContext, instant

# The AGM that approves a year's accounts, this long after the year ends.
AGM_AFTER_MONTHS = 3
APPROVED_BY = approver("Margaret Ellis", "Chair")


def _month_ends(first: date, last: date) -> list[date]:
    """The last day of each month from `first`'s month to the month before `last`'s."""
    ends, month = [], first.replace(day=1)
    while True:
        end = add_months(month, 1) - timedelta(days=1)
        if end >= last.replace(day=1):
            return ends
        ends.append(end)
        month = add_months(month, 1)


def reconcile_monthly(ctx: DemoContext) -> None:
    """One finished reconciliation per bank account and month, each ticking that month's
    entries, so the reconciliation screen starts from last month's statement."""
    session = ctx.session
    accounts = session.execute(
        select(BookAccount.id, BookAccount.opening_pence, BookAccount.opening_on).where(
            BookAccount.kind != "cash"
        )
    ).all()
    next_id = (session.scalar(select(func.max(Reconciliation.id))) or 0) + 1
    for account_id, opening, opened_on in accounts:
        running, start = opening, opened_on
        for end in _month_ends(opened_on, ctx.today):
            in_month = (Entry.account_id == account_id, Entry.on >= start, Entry.on <= end)
            running += session.scalar(select(func.sum(Entry.amount_pence)).where(*in_month)) or 0
            session.execute(
                insert(Reconciliation.__table__),
                [
                    {
                        "id": next_id,
                        "account_id": account_id,
                        "statement_on": end,
                        "statement_pence": running,
                        "finished_at": instant(end + timedelta(days=6)),
                    }
                ],
            )
            session.execute(update(Entry).where(*in_month).values(reconciliation_id=next_id))
            next_id += 1
            start = end + timedelta(days=1)


def close_past_years(ctx: DemoContext, year_starts: list[date]) -> None:
    """Every finished year closed and approved at the AGM after it, except the latest."""
    finished = [start for start in year_starts if add_months(start, 12) <= ctx.today]
    rows = []
    for start in finished[:-1]:
        ends_on = add_months(start, 12) - timedelta(days=1)
        agm = add_months(ends_on, AGM_AFTER_MONTHS)
        rows.append(
            {
                "starts_on": start,
                "ends_on": ends_on,
                "closed_at": instant(agm, 21),
                "approved_by": APPROVED_BY,
                "approved_on": agm,
            }
        )
    if rows:
        ctx.session.execute(insert(FinancialYear.__table__), rows)


# Budgets are round figures: last year's actual to the nearest this many pence.
BUDGET_ROUNDING = 5_000


def set_budgets(ctx: DemoContext, year_starts: list[date]) -> None:
    """Each year after the first budgets every category at last year's figure, rounded, as a
    committee does when it has nothing better to go on."""
    session = ctx.session
    rows = []
    for before, start in pairwise(year_starts):
        actuals = session.execute(
            select(EntryLine.category_id, Category.direction, func.sum(EntryLine.amount_pence))
            .join(Entry, Entry.id == EntryLine.entry_id)
            .join(Category, Category.id == EntryLine.category_id)
            .where(Entry.on >= before, Entry.on < start, Entry.transfer_key.is_(None))
            .group_by(EntryLine.category_id, Category.direction)
        ).all()
        for category_id, direction, pence in actuals:
            amount = pence if direction == "receipt" else -pence
            rounded = round(amount / BUDGET_ROUNDING) * BUDGET_ROUNDING
            if rounded > 0:
                rows.append(
                    {"category_id": category_id, "year_starts_on": start, "amount_pence": rounded}
                )
    if rows:
        session.execute(insert(Budget.__table__), rows)


# A grant spent out this long ago has been reported on and its fund closed.
CLOSE_SPENT_AFTER = timedelta(days=180)


def close_spent_funds(ctx: DemoContext) -> None:
    """Restricted funds whose grant is spent and done with are closed, as a treasurer closes
    them once the funder has had its report, so lists show the grants still running."""
    session = ctx.session
    spent = (
        select(EntryLine.fund_id)
        .join(Entry, Entry.id == EntryLine.entry_id)
        .join(Fund, Fund.id == EntryLine.fund_id)
        .where(Fund.kind == "restricted")
        .group_by(EntryLine.fund_id)
        .having(
            func.sum(EntryLine.amount_pence) == 0,
            func.max(Entry.on) < ctx.today - CLOSE_SPENT_AFTER,
        )
    )
    session.execute(update(Fund).where(Fund.id.in_(spent)).values(active=False))
