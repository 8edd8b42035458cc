"""The committee's budget: for each category, what it expects to receive or spend in a
financial year.

Amounts are kept without a sign (a £500 budget for insurance is 50000 pence, not -50000): the
category says whether it is a receipt or a payment, and that is how a committee writes a budget.
A year is named by its first day, which must fall on the group's financial year start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.models import Budget, Category
from grassroots.core.dates import financial_year_start
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.group.service import get_settings


@dataclass(frozen=True)
class BudgetLine:
    """A category's budget for one year, for showing beside the category's name."""

    category_id: int
    category: str
    direction: str  # receipt | payment
    year_starts_on: date
    amount: Money


def year_start_for(sessions: sessionmaker[Session], on: date) -> date:
    """The first day of the group's financial year containing `on`."""
    settings = get_settings(sessions)
    return financial_year_start(on, settings.fy_start_month, settings.fy_start_day)


def _check_year_start(sessions: sessionmaker[Session], year_starts_on: date) -> None:
    expected = year_start_for(sessions, year_starts_on)
    if expected != year_starts_on:
        raise ValidationError(
            {
                "year": f"The group's financial year starts on {expected:%d %B}; "
                f"{year_starts_on:%d/%m/%Y} is not the first day of a year "
                f"(did you mean {expected:%d/%m/%Y}?)"
            }
        )


def _check_amount(amount: Money) -> None:
    if amount.pence < 0:
        raise ValidationError(
            {"amount": "Give the budget without a minus sign; the category says if it is spending"}
        )


def _set(session: Session, category_id: int, year_starts_on: date, amount: Money) -> BudgetLine:
    category = session.get(Category, category_id)
    if category is None:
        raise NotFound("That category no longer exists")
    row = session.scalar(
        select(Budget).where(
            Budget.category_id == category_id, Budget.year_starts_on == year_starts_on
        )
    )
    if row is None:
        row = Budget(category_id=category_id, year_starts_on=year_starts_on)
        session.add(row)
    row.amount_pence = amount.pence
    return BudgetLine(category.id, category.name, category.direction, year_starts_on, amount)


def _clear(session: Session, category_id: int, year_starts_on: date) -> None:
    row = session.scalar(
        select(Budget).where(
            Budget.category_id == category_id, Budget.year_starts_on == year_starts_on
        )
    )
    if row is not None:
        session.delete(row)


def set_budget(
    sessions: sessionmaker[Session], category_id: int, year_starts_on: date, amount: Money
) -> BudgetLine:
    """Set (or replace) a category's budget for the year starting on `year_starts_on`."""
    _check_amount(amount)
    _check_year_start(sessions, year_starts_on)
    with sessions.begin() as session:
        return _set(session, category_id, year_starts_on, amount)


def save_budgets(
    sessions: sessionmaker[Session], year_starts_on: date, changes: dict[int, Money | None]
) -> int:
    """Set (an amount) or clear (None) several categories' budgets for one year, all or none:
    the committee agrees a budget as a whole. Returns how many lines changed."""
    for amount in changes.values():
        if amount is not None:
            _check_amount(amount)
    _check_year_start(sessions, year_starts_on)
    with sessions.begin() as session:
        for category_id, amount in changes.items():
            if amount is None:
                _clear(session, category_id, year_starts_on)
            else:
                _set(session, category_id, year_starts_on, amount)
    return len(changes)


def clear_budget(sessions: sessionmaker[Session], category_id: int, year_starts_on: date) -> None:
    """Remove a category's budget for a year (no budget differs from a budget of nothing)."""
    with sessions.begin() as session:
        _clear(session, category_id, year_starts_on)


def _for_year(session: Session, year_starts_on: date) -> dict[int, Money]:
    rows = session.execute(
        select(Budget.category_id, Budget.amount_pence).where(
            Budget.year_starts_on == year_starts_on
        )
    )
    return {category_id: Money(pence) for category_id, pence in rows}


def budgets_for(sessions: sessionmaker[Session], year_starts_on: date) -> dict[int, Money]:
    """Category id -> budget, for the categories that have one in that year."""
    with sessions() as session:
        return _for_year(session, year_starts_on)


def budget_lines(sessions: sessionmaker[Session], year_starts_on: date) -> list[BudgetLine]:
    """The year's budgets with their categories' names, receipts first, in chart order."""
    query = (
        select(Category, Budget.amount_pence)
        .join(Budget, Budget.category_id == Category.id)
        .where(Budget.year_starts_on == year_starts_on)
        .order_by(Category.direction.desc(), Category.id)
    )
    with sessions() as session:
        return [
            BudgetLine(c.id, c.name, c.direction, year_starts_on, Money(pence))
            for c, pence in session.execute(query)
        ]


def copy_budgets(sessions: sessionmaker[Session], from_year: date, to_year: date) -> int:
    """Start next year's budget from this year's. Categories already budgeted in `to_year`
    keep their figure, so copying never loses work; returns how many were copied."""
    _check_year_start(sessions, to_year)
    with sessions.begin() as session:
        source = _for_year(session, from_year)
        existing = _for_year(session, to_year)
        copied = 0
        for category_id, amount in source.items():
            if category_id in existing:
                continue
            session.add(
                Budget(category_id=category_id, year_starts_on=to_year, amount_pence=amount.pence)
            )
            copied += 1
        return copied
