"""The lists of the statement of assets and liabilities that are not cash in an account (B2
other monetary assets, B3 investments, B4 assets for the group's own use, B5 liabilities),
entered by the treasurer for each year end."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.models import FinancialYear, Fund, YearEndItem
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money

SECTIONS = {
    "monetary": "Other monetary assets",
    "investment": "Investment assets",
    "own_use": "Assets retained for the group's own use",
    "liability": "Liabilities",
}


def add_year_end_item(
    sessions: sessionmaker[Session],
    year_starts_on: date,
    section: str,
    details: str,
    amount: Money | None = None,
    fund_id: int | None = None,
    cost: Money | None = None,
    due: str = "",
) -> int:
    """One line of a year-end list; returns its id."""
    problems = {}
    if section not in SECTIONS:
        problems["section"] = f"The list is one of: {', '.join(SECTIONS.values())}"
    if not details.strip():
        problems["details"] = "Say what it is, e.g. 'Gift Aid due from HMRC'"
    if problems:
        raise ValidationError(problems)
    with sessions.begin() as session:
        _refuse_if_closed(session, year_starts_on)
        if fund_id is not None and session.get(Fund, fund_id) is None:
            raise ValidationError({"fund": "That fund no longer exists"})
        row = YearEndItem(
            year_starts_on=year_starts_on,
            section=section,
            details=details.strip(),
            fund_id=fund_id,
            amount_pence=None if amount is None else amount.pence,
            cost_pence=None if cost is None else cost.pence,
            due=due.strip(),
        )
        session.add(row)
        session.flush()
        return row.id


@dataclass(frozen=True)
class YearEndItemInfo:
    """One line of a year-end list as the lists editor shows it."""

    id: int
    year_starts_on: date
    section: str
    details: str
    fund_id: int | None
    fund: str  # the fund's name; "" when it belongs to no one fund
    amount: Money | None  # the amount (B2), current value (B3, B4) or amount due (B5)
    cost: Money | None  # B3, B4
    due: str  # B5: when it falls due, in the treasurer's words


def _refuse_if_closed(session: Session, year_starts_on: date) -> None:
    """The lists are part of the signed accounts: a closed year's lists stay as approved."""
    year = session.scalar(
        select(FinancialYear).where(
            FinancialYear.starts_on == year_starts_on, FinancialYear.closed_at.is_not(None)
        )
    )
    if year is not None:
        raise ValidationError(
            {
                "year": f"The year ending {year.ends_on:%d/%m/%Y} is closed, so its assets and "
                "liabilities stay as the trustees approved them"
            }
        )


def _info(session: Session, row: YearEndItem) -> YearEndItemInfo:
    fund = session.get(Fund, row.fund_id) if row.fund_id is not None else None
    return YearEndItemInfo(
        row.id,
        row.year_starts_on,
        row.section,
        row.details,
        row.fund_id,
        fund.name if fund else "",
        None if row.amount_pence is None else Money(row.amount_pence),
        None if row.cost_pence is None else Money(row.cost_pence),
        row.due,
    )


def year_end_items_for(
    sessions: sessionmaker[Session], year_starts_on: date
) -> tuple[YearEndItemInfo, ...]:
    """The year's lists, in the order they were entered."""
    with sessions() as session:
        rows = session.scalars(
            select(YearEndItem)
            .where(YearEndItem.year_starts_on == year_starts_on)
            .order_by(YearEndItem.id)
        )
        return tuple(_info(session, row) for row in rows)


def _load(session: Session, item_id: int) -> YearEndItem:
    row = session.get(YearEndItem, item_id)
    if row is None:
        raise NotFound("That line of the year-end lists no longer exists")
    _refuse_if_closed(session, row.year_starts_on)
    return row


def change_year_end_item(
    sessions: sessionmaker[Session],
    item_id: int,
    details: str,
    amount: Money | None = None,
    fund_id: int | None = None,
    cost: Money | None = None,
    due: str = "",
) -> YearEndItemInfo:
    """Correct a line of a year-end list (it stays in its list), unless the year is closed."""
    if not details.strip():
        raise ValidationError({"details": "Say what it is, e.g. 'Gift Aid due from HMRC'"})
    with sessions.begin() as session:
        row = _load(session, item_id)
        if fund_id is not None and session.get(Fund, fund_id) is None:
            raise ValidationError({"fund": "That fund no longer exists"})
        row.details, row.fund_id, row.due = details.strip(), fund_id, due.strip()
        row.amount_pence = None if amount is None else amount.pence
        row.cost_pence = None if cost is None else cost.pence
        session.flush()
        return _info(session, row)


def remove_year_end_item(sessions: sessionmaker[Session], item_id: int) -> None:
    """Take a line off a year-end list, unless the year is closed."""
    with sessions.begin() as session:
        session.delete(_load(session, item_id))
