"""Funds: adding, renaming, restating their purpose, closing when spent.

A restricted fund is money the giver limited to a purpose (a grant for the youth club, an
appeal for the roof); the trustees must be able to show it went there, so its purpose and
who gave it are kept with it. A fund with money in it is never closed, or the money would drop
out of the accounts: the treasurer transfers the balance to another fund first.

The General fund is the group's free money: other parts of the books find it by name, and
money with no fund named goes there, so it keeps its name, stays unrestricted and stays open.

Who gave a restricted fund is kept as the last line of its description ("Funded by: ..."),
which reads naturally wherever the description is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.books import GENERAL_FUND, general_fund_id
from grassroots.accounts.models import (
    FUND_KINDS,
    BookAccount,
    Entry,
    EntryLine,
    FinancialYear,
    Fund,
)
from grassroots.accounts.setup import clean_name, not_empty, note_change, refuse_taken
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money

FUNDED_BY = "Funded by: "
GIVEN_KINDS = ("restricted", "endowment")  # the kinds a giver's terms come with


@dataclass(frozen=True)
class FundRow:
    """A fund as the set-up list shows it, with its balance counting every entry."""

    id: int
    name: str
    kind: str
    purpose: str
    funder: str
    active: bool
    balance: Money
    general: bool


def split_description(description: str) -> tuple[str, str]:
    """(purpose, funder) from a fund's description."""
    head, _, last = description.rpartition("\n")
    if last.startswith(FUNDED_BY):
        return head.strip(), last[len(FUNDED_BY) :].strip()
    return description.strip(), ""


def join_description(purpose: str, funder: str) -> str:
    purpose, funder = purpose.strip(), " ".join(funder.split())
    return f"{purpose}\n{FUNDED_BY}{funder}".strip() if funder else purpose


def _balance(session: Session, row: Fund, general: int) -> Money:
    moved = session.scalar(
        select(func.coalesce(func.sum(EntryLine.amount_pence), 0)).where(
            EntryLine.fund_id == row.id
        )
    )
    opening = 0
    if row.id == general:  # opening balances belong to the general fund
        opening = session.scalar(select(func.coalesce(func.sum(BookAccount.opening_pence), 0)))
    return Money((moved or 0) + (opening or 0))


def _row(session: Session, row: Fund) -> FundRow:
    general = general_fund_id(session)
    purpose, funder = split_description(row.description)
    return FundRow(
        row.id,
        row.name,
        row.kind,
        purpose,
        funder,
        row.active,
        _balance(session, row, general),
        row.id == general,
    )


def _snapshot(row: Fund) -> dict:
    return {
        "name": row.name,
        "kind": row.kind,
        "description": row.description,
        "active": row.active,
    }


def _load(session: Session, fund_id: int) -> Fund:
    row = session.get(Fund, fund_id)
    if row is None:
        raise NotFound("That fund no longer exists")
    return row


def list_fund_rows(sessions: sessionmaker[Session]) -> list[FundRow]:
    """Every fund, open ones first."""
    with sessions() as session:
        rows = [_row(session, f) for f in session.scalars(select(Fund).order_by(Fund.id))]
    return sorted(rows, key=lambda f: not f.active)


def _check(kind: str, purpose: str) -> None:
    if kind not in FUND_KINDS:
        raise ValidationError({"kind": f"The kind of fund is one of: {', '.join(FUND_KINDS)}"})
    if kind == "restricted" and not purpose.strip():
        raise ValidationError(
            {"purpose": "Say what the money may be spent on, as the giver or grant set out"}
        )


def open_fund(
    sessions: sessionmaker[Session], name: str, kind: str, purpose: str = "", funder: str = ""
) -> FundRow:
    """A new fund: a grant or appeal for a purpose, or money the committee designated."""
    name = clean_name(name, "fund", "Youth club grant")
    _check(kind, purpose)
    with sessions.begin() as session:
        refuse_taken(session, Fund.name, name, "a fund", None)
        row = Fund(name=name, kind=kind, description=_description(kind, purpose, funder))
        row.active = True
        session.add(row)
        session.flush()
        note_change(session, "funds", row.id, "added", {}, _snapshot(row))
        return _row(session, row)


def _description(kind: str, purpose: str, funder: str) -> str:
    return join_description(purpose, funder if kind in GIVEN_KINDS else "")


def change_fund(
    sessions: sessionmaker[Session],
    fund_id: int,
    name: str,
    kind: str,
    purpose: str,
    funder: str = "",
) -> FundRow:
    """Rename a fund, restate its purpose or its giver, or change its kind while no closed
    year shows it."""
    name = clean_name(name, "fund", "Youth club grant")
    _check(kind, purpose)
    with sessions.begin() as session:
        row = _load(session, fund_id)
        refuse_taken(session, Fund.name, name, "a fund", row.id)
        if row.id == general_fund_id(session):
            _check_general(row, name, kind)
        if kind != row.kind:
            _check_kind_change(session, row)
        before = _snapshot(row)
        row.name, row.kind = name, kind
        row.description = _description(kind, purpose, funder)
        session.flush()
        note_change(session, "funds", row.id, "changed", before, _snapshot(row))
        return _row(session, row)


def _check_general(row: Fund, name: str, kind: str) -> None:
    if name != row.name:
        raise ValidationError(
            {"name": f"The {GENERAL_FUND} keeps its name: the accounts find it by that name"}
        )
    if kind != "unrestricted":
        raise ValidationError(
            {"kind": f"The {GENERAL_FUND} is the group's unrestricted money; it stays unrestricted"}
        )


def _check_kind_change(session: Session, row: Fund) -> None:
    """A closed year's accounts showed the fund in its column; changing the kind now would
    move that money to another column of accounts already approved."""
    year = session.scalar(
        select(FinancialYear)
        .join(Entry, Entry.on.between(FinancialYear.starts_on, FinancialYear.ends_on))
        .join(EntryLine, EntryLine.entry_id == Entry.id)
        .where(FinancialYear.closed_at.is_not(None), EntryLine.fund_id == row.id)
        .order_by(FinancialYear.ends_on.desc())
        .limit(1)
    )
    if year is not None:
        raise ValidationError(
            {
                "kind": f"The closed year ending {year.ends_on:%d/%m/%Y} shows {row.name} as "
                f"{row.kind}, so its kind stays; start a new fund and transfer the money"
            }
        )


def close_fund(sessions: sessionmaker[Session], fund_id: int) -> FundRow:
    """Close a spent fund: hidden from new entries, its history kept."""
    with sessions.begin() as session:
        row = _load(session, fund_id)
        if row.id == general_fund_id(session):
            raise ValidationError(
                {"fund": f"The {GENERAL_FUND} cannot be closed: money with no fund goes there"}
            )
        balance = _balance(session, row, -1)
        if balance.pence:
            raise ValidationError({"balance": not_empty(row.name, balance, "fund")})
        return _set_active(session, row, False)


def reopen_fund(sessions: sessionmaker[Session], fund_id: int) -> FundRow:
    with sessions.begin() as session:
        return _set_active(session, _load(session, fund_id), True)


def _set_active(session: Session, row: Fund, active: bool) -> FundRow:
    before = _snapshot(row)
    row.active = active
    session.flush()
    note_change(session, "funds", row.id, "changed", before, _snapshot(row))
    return _row(session, row)
