"""The lists of the statement of assets and liabilities that are not cash in an account (B2
other monetary assets, B3 investments, B4 assets for the group's own use, B5 liabilities),
entered by the treasurer for each year end."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.models import Fund, YearEndItem
from grassroots.core.errors import ValidationError
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
