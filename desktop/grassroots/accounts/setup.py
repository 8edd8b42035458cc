"""Tidying the set-up of the books: renaming, changing and closing bank and cash accounts,
and the helpers that categories.py and funds.py share (unique names, the audit trail).

An account's opening balance is the first figure of every balance since; once a closed year
or a finished reconciliation has relied on it, changing it would silently alter accounts the
committee approved or a statement already agreed, so it is then refused.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts import audit
from grassroots.accounts.models import (
    ACCOUNT_KINDS,
    AuditRecord,
    BookAccount,
    Entry,
    FinancialYear,
    Reconciliation,
)
from grassroots.accounts.records import BookAccountInfo
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money

NAME_LENGTH = 100
MASK = "•"


@dataclass(frozen=True)
class AccountRow:
    """An account as the set-up list shows it: its balance today and whether its opening
    balance may still change (`opening_fixed` says why not, in words)."""

    id: int
    name: str
    kind: str
    bank_details: str
    opening: Money
    opening_on: date
    active: bool
    balance: Money
    opening_fixed: str = ""

    @property
    def masked_details(self) -> str:
        return mask_details(self.bank_details)

    def info(self) -> BookAccountInfo:
        return BookAccountInfo(
            self.id,
            self.name,
            self.kind,
            self.bank_details,
            self.opening,
            self.opening_on,
            self.active,
        )


# ---------------------------------------------------------------- shared helpers


def mask_details(details: str) -> str:
    """Every digit but the last four hidden: 'Lloyds 30-90-12 12345678' -> 'Lloyds ••-••-••
    ••••5678'. Enough to tell accounts apart on a shared screen, not enough to pay from."""
    digits = [m.start() for m in re.finditer(r"\d", details)]
    hidden = set(digits[:-4])
    return "".join(MASK if i in hidden else c for i, c in enumerate(details))


def clean_name(name: str, what: str, example: str) -> str:
    """The name stripped, or a ValidationError saying what a good one looks like."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": f"Give the {what} a name, e.g. '{example}'"})
    if len(name) > NAME_LENGTH:
        raise ValidationError(
            {"name": f"Keep the name to {NAME_LENGTH} characters (it has {len(name)})"}
        )
    return name


def refuse_taken(session: Session, column, name: str, what: str, own_id: int | None) -> None:
    """Names are told apart without regard to capitals: 'Roof appeal' and 'roof appeal' would
    look like one fund in every list."""
    query = select(column.class_.id).where(func.lower(column) == name.lower())
    if own_id is not None:
        query = query.where(column.class_.id != own_id)
    if session.scalar(query) is not None:
        raise ValidationError({"name": f"There is already {what} called {name}"})


def note_change(
    session: Session, table: str, row_id: int, action: str, before: dict, after: dict
) -> None:
    """Keep a change to the set-up in the audit trail, in the caller's transaction, as the
    examiner asks of entries: when, by whom, from what, to what."""
    session.add(
        AuditRecord(
            table_name=table,
            row_id=row_id,
            action=action,
            before=json.dumps(before, sort_keys=True) if before else "",
            after=json.dumps(after, sort_keys=True) if after else "",
            by=audit.changed_by(),
        )
    )


# ---------------------------------------------------------------- accounts


def _snapshot(row: BookAccount) -> dict:
    return {
        "name": row.name,
        "kind": row.kind,
        "bank_details": row.bank_details,
        "opening_pence": row.opening_pence,
        "opening_on": row.opening_on.isoformat(),
        "active": row.active,
    }


def _balance(session: Session, row: BookAccount) -> Money:
    moved = session.scalar(
        select(func.coalesce(func.sum(Entry.amount_pence), 0)).where(Entry.account_id == row.id)
    )
    return Money(row.opening_pence + (moved or 0))


def _opening_fixed(session: Session, row: BookAccount, moved_to: date | None = None) -> str:
    """Why the opening balance and date can no longer change ('' while they can); with
    `moved_to`, also when the new date would fall in a closed year."""
    finished = session.scalar(
        select(func.max(Reconciliation.statement_on)).where(
            Reconciliation.account_id == row.id, Reconciliation.finished_at.is_not(None)
        )
    )
    if finished is not None:
        return (
            f"{row.name} was reconciled to the statement of {finished:%d/%m/%Y}, which "
            "relies on its opening balance"
        )
    year = session.scalar(
        select(FinancialYear)
        .where(
            FinancialYear.closed_at.is_not(None),
            FinancialYear.ends_on >= min(row.opening_on, moved_to or row.opening_on),
        )
        .order_by(FinancialYear.ends_on)
    )
    if year is not None:
        return (
            f"The closed year ending {year.ends_on:%d/%m/%Y} includes {row.name}'s opening balance"
        )
    return ""


def _row(session: Session, row: BookAccount) -> AccountRow:
    return AccountRow(
        row.id,
        row.name,
        row.kind,
        row.bank_details,
        Money(row.opening_pence),
        row.opening_on,
        row.active,
        _balance(session, row),
        _opening_fixed(session, row),
    )


def _load(session: Session, account_id: int) -> BookAccount:
    row = session.get(BookAccount, account_id)
    if row is None:
        raise NotFound("That account no longer exists")
    return row


def list_account_rows(sessions: sessionmaker[Session]) -> list[AccountRow]:
    """Every account, open ones first, with its balance counting every entry."""
    with sessions() as session:
        rows = session.scalars(select(BookAccount).order_by(BookAccount.id))
        found = [_row(session, row) for row in rows]
    return sorted(found, key=lambda a: not a.active)


def get_account_row(sessions: sessionmaker[Session], account_id: int) -> AccountRow:
    with sessions() as session:
        return _row(session, _load(session, account_id))


def change_account(
    sessions: sessionmaker[Session],
    account_id: int,
    name: str,
    kind: str,
    bank_details: str,
    opening: Money,
    opening_on: date,
) -> AccountRow:
    """Rename an account or correct its details; its opening balance and date only while
    nothing closed or reconciled depends on them."""
    name = clean_name(name, "account", "Current account")
    if kind not in ACCOUNT_KINDS:
        raise ValidationError(
            {"kind": f"The kind of account is one of: {', '.join(ACCOUNT_KINDS)}"}
        )
    with sessions.begin() as session:
        row = _load(session, account_id)
        refuse_taken(session, BookAccount.name, name, "an account", row.id)
        if (opening.pence, opening_on) != (row.opening_pence, row.opening_on):
            _check_opening(session, row, opening_on)
        before = _snapshot(row)
        row.name, row.kind, row.bank_details = name, kind, " ".join(bank_details.split())
        row.opening_pence, row.opening_on = opening.pence, opening_on
        session.flush()
        note_change(session, "book_accounts", row.id, "changed", before, _snapshot(row))
        return _row(session, row)


def _check_opening(session: Session, row: BookAccount, opening_on: date) -> None:
    fixed = _opening_fixed(session, row, opening_on)
    if fixed:
        raise ValidationError(
            {"opening": f"{fixed}, so it cannot change; record a correcting entry instead"}
        )
    first = session.scalar(select(func.min(Entry.on)).where(Entry.account_id == row.id))
    if first is not None and opening_on > first:
        raise ValidationError(
            {
                "opening_on": f"{row.name} has entries from {first:%d/%m/%Y}; its books "
                "cannot start after that"
            }
        )


def close_account(sessions: sessionmaker[Session], account_id: int) -> AccountRow:
    """Close an account the group no longer holds: hidden from new entries, its history
    kept. Only at a nil balance, or the money would vanish from the books."""
    with sessions.begin() as session:
        row = _load(session, account_id)
        balance = _balance(session, row)
        if balance.pence:
            raise ValidationError({"balance": not_empty(row.name, balance, "account")})
        return _set_active(session, row, False)


def reopen_account(sessions: sessionmaker[Session], account_id: int) -> AccountRow:
    with sessions.begin() as session:
        return _set_active(session, _load(session, account_id), True)


def _set_active(session: Session, row: BookAccount, active: bool) -> AccountRow:
    before = _snapshot(row)
    row.active = active
    session.flush()
    note_change(session, "book_accounts", row.id, "changed", before, _snapshot(row))
    return _row(session, row)


def not_empty(name: str, balance: Money, other: str) -> str:
    """Why an account or fund with money in it (or owing) cannot close, and what to do."""
    amount = Money(abs(balance.pence)).format()
    if balance.pence > 0:
        return (
            f"{name} still holds {amount}. Transfer the balance to another {other} first, "
            "then close it"
        )
    short = "overdrawn" if other == "account" else "overspent"
    return f"{name} is {short} by {amount}. Transfer that much into it first, then close it"
