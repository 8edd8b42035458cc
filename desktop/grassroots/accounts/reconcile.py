"""Reconciling an account against a bank statement: tick the entries the bank has seen until the
books agree with the statement's closing balance to the penny, then finish.

A reconciliation starts from the balance the last finished one agreed (or the account's
opening balance), so each only has to account for what happened since. There is no separate
"ticked" column: while a reconciliation is unfinished, an entry is ticked by pointing its
`reconciliation_id` at it; finishing stamps `finished_at`, and from then on those entries are
locked (a correction is a reversal). At most one reconciliation per account is unfinished, so
the treasurer can stop half way and come back to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.models import BookAccount, Entry, Reconciliation, StatementLine
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.db.base import utc_now


@dataclass(frozen=True)
class ReconciliationView:
    """A reconciliation and the figures the treasurer needs beside the list of entries."""

    id: int
    account_id: int
    account: str
    statement_on: date
    statement_balance: Money
    starting_balance: Money  # what the last finished reconciliation agreed
    ticked: Money  # the sum of the entries ticked so far
    finished_at: datetime | None

    @property
    def difference(self) -> Money:
        """What is still unexplained; finishing needs this to be exactly nothing."""
        return self.statement_balance - (self.starting_balance + self.ticked)

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True)
class TickRow:
    """An entry that may be ticked off against the statement."""

    entry_id: int
    on: date
    payee: str
    reference: str
    amount: Money
    ticked: bool


# ---------------------------------------------------------------- reading


def _load(session: Session, reconciliation_id: int) -> Reconciliation:
    row = session.get(Reconciliation, reconciliation_id)
    if row is None:
        raise NotFound("That reconciliation no longer exists")
    return row


def _last_finished(session: Session, account_id: int) -> Reconciliation | None:
    return session.scalar(
        select(Reconciliation)
        .where(Reconciliation.account_id == account_id, Reconciliation.finished_at.is_not(None))
        .order_by(Reconciliation.statement_on.desc(), Reconciliation.id.desc())
        .limit(1)
    )


def _starting_balance(session: Session, row: Reconciliation) -> Money:
    """The statement balance of the finished reconciliation before this one, or the account's
    opening balance when this is the first."""
    query = select(Reconciliation.statement_pence).where(
        Reconciliation.account_id == row.account_id,
        Reconciliation.finished_at.is_not(None),
        Reconciliation.id != row.id,
    )
    if row.finished_at is not None:
        query = query.where(Reconciliation.finished_at < row.finished_at)
    query = query.order_by(Reconciliation.finished_at.desc(), Reconciliation.id.desc()).limit(1)
    earlier = session.scalar(query)
    if earlier is not None:
        return Money(earlier)
    return Money(session.get(BookAccount, row.account_id).opening_pence)


def _ticked_total(session: Session, row: Reconciliation) -> Money:
    total = session.scalar(
        select(func.coalesce(func.sum(Entry.amount_pence), 0)).where(
            Entry.reconciliation_id == row.id,
            Entry.account_id == row.account_id,
            Entry.on <= row.statement_on,
        )
    )
    return Money(total or 0)


def _release_strays(session: Session, row: Reconciliation) -> None:
    """Untick entries that were moved to another account or past the statement date after
    being ticked, so they can never be locked by a statement they are not on."""
    session.execute(
        update(Entry)
        .where(Entry.reconciliation_id == row.id)
        .where((Entry.account_id != row.account_id) | (Entry.on > row.statement_on))
        .values(reconciliation_id=None)
    )


def _view(session: Session, row: Reconciliation) -> ReconciliationView:
    account = session.get(BookAccount, row.account_id)
    return ReconciliationView(
        id=row.id,
        account_id=row.account_id,
        account=account.name,
        statement_on=row.statement_on,
        statement_balance=Money(row.statement_pence),
        starting_balance=_starting_balance(session, row),
        ticked=_ticked_total(session, row),
        finished_at=row.finished_at,
    )


def get_reconciliation(
    sessions: sessionmaker[Session], reconciliation_id: int
) -> ReconciliationView:
    with sessions() as session:
        return _view(session, _load(session, reconciliation_id))


def unfinished_reconciliation(
    sessions: sessionmaker[Session], account_id: int
) -> ReconciliationView | None:
    """The reconciliation of this account the treasurer started and has not finished, if any."""
    with sessions() as session:
        row = session.scalar(
            select(Reconciliation).where(
                Reconciliation.account_id == account_id, Reconciliation.finished_at.is_(None)
            )
        )
        return _view(session, row) if row is not None else None


def entries_to_tick(sessions: sessionmaker[Session], reconciliation_id: int) -> list[TickRow]:
    """The account's entries up to the statement date not reconciled before: those ticked in
    this reconciliation and those still waiting (e.g. a cheque the bank has not yet cleared)."""
    with sessions() as session:
        row = _load(session, reconciliation_id)
        query = (
            select(Entry)
            .where(Entry.account_id == row.account_id, Entry.on <= row.statement_on)
            .where((Entry.reconciliation_id.is_(None)) | (Entry.reconciliation_id == row.id))
            .order_by(Entry.on, Entry.id)
        )
        if row.finished_at is not None:
            query = query.where(Entry.reconciliation_id == row.id)
        return [
            TickRow(
                e.id,
                e.on,
                e.payee,
                e.reference,
                Money(e.amount_pence),
                e.reconciliation_id == row.id,
            )
            for e in session.scalars(query)
        ]


def difference(sessions: sessionmaker[Session], reconciliation_id: int) -> Money:
    """Statement balance less (the last reconciled balance plus the ticked entries)."""
    return get_reconciliation(sessions, reconciliation_id).difference


def history(sessions: sessionmaker[Session], account_id: int) -> list[ReconciliationView]:
    """The account's finished reconciliations, newest first."""
    with sessions() as session:
        rows = session.scalars(
            select(Reconciliation)
            .where(Reconciliation.account_id == account_id, Reconciliation.finished_at.is_not(None))
            .order_by(Reconciliation.statement_on.desc(), Reconciliation.id.desc())
        ).all()
        return [_view(session, row) for row in rows]


# ---------------------------------------------------------------- changing


def start_reconciliation(
    sessions: sessionmaker[Session], account_id: int, statement_on: date, statement_balance: Money
) -> ReconciliationView:
    """Begin checking `account_id` against a statement ending on `statement_on`."""
    with sessions.begin() as session:
        account = session.get(BookAccount, account_id)
        if account is None:
            raise NotFound("That account no longer exists")
        if session.scalar(
            select(Reconciliation.id).where(
                Reconciliation.account_id == account_id, Reconciliation.finished_at.is_(None)
            )
        ):
            raise ValidationError(
                {
                    "account": f"A reconciliation of {account.name} is already under way; "
                    "finish or abandon it first"
                }
            )
        if statement_on < account.opening_on:
            raise ValidationError(
                {
                    "statement_on": f"{account.name}'s books start on "
                    f"{account.opening_on:%d/%m/%Y}; the statement date is before that"
                }
            )
        last = _last_finished(session, account_id)
        if last is not None and statement_on < last.statement_on:
            raise ValidationError(
                {
                    "statement_on": f"{account.name} was last reconciled to "
                    f"{last.statement_on:%d/%m/%Y}; the statement date cannot be before that"
                }
            )
        row = Reconciliation(
            account_id=account_id,
            statement_on=statement_on,
            statement_pence=statement_balance.pence,
        )
        session.add(row)
        session.flush()
        return _view(session, row)


def _unfinished(session: Session, reconciliation_id: int) -> Reconciliation:
    row = _load(session, reconciliation_id)
    if row.finished_at is not None:
        raise ValidationError(
            {"reconciliation": "That reconciliation is finished; its ticks cannot change"}
        )
    return row


def tick(
    sessions: sessionmaker[Session],
    reconciliation_id: int,
    entry_ids: Iterable[int],
    ticked: bool = True,
) -> ReconciliationView:
    """Tick (or, with ticked=False, untick) entries as seen on the statement."""
    wanted = set(entry_ids)
    with sessions.begin() as session:
        row = _unfinished(session, reconciliation_id)
        _release_strays(session, row)
        found = {e.id: e for e in session.scalars(select(Entry).where(Entry.id.in_(wanted)))}
        for entry_id in sorted(wanted):
            entry = found.get(entry_id)
            _check_tickable(row, entry)
            entry.reconciliation_id = row.id if ticked else None
        session.flush()
        return _view(session, row)


def untick(
    sessions: sessionmaker[Session], reconciliation_id: int, entry_ids: Iterable[int]
) -> ReconciliationView:
    return tick(sessions, reconciliation_id, entry_ids, ticked=False)


def _check_tickable(row: Reconciliation, entry: Entry | None) -> None:
    if entry is None:
        raise NotFound("One of those entries no longer exists")
    if entry.account_id != row.account_id:
        raise ValidationError({"entry": "That entry is in a different account"})
    if entry.on > row.statement_on:
        raise ValidationError(
            {
                "entry": f"The entry of {entry.on:%d/%m/%Y} is after the statement date, "
                f"{row.statement_on:%d/%m/%Y}"
            }
        )
    if entry.reconciliation_id not in (None, row.id):
        raise ValidationError(
            {"entry": f"The entry of {entry.on:%d/%m/%Y} was reconciled in an earlier statement"}
        )


def finish_reconciliation(
    sessions: sessionmaker[Session], reconciliation_id: int
) -> ReconciliationView:
    """Finish when the books agree with the statement to the penny; the ticked entries are
    then locked."""
    with sessions.begin() as session:
        row = _unfinished(session, reconciliation_id)
        _release_strays(session, row)
        view = _view(session, row)
        if view.difference:
            raise ValidationError(
                {
                    "difference": f"The books and the statement differ by "
                    f"{view.difference.format()}; tick or correct entries until the "
                    "difference is £0.00"
                }
            )
        row.finished_at = utc_now()
        session.flush()
        return _view(session, row)


def abandon_reconciliation(sessions: sessionmaker[Session], reconciliation_id: int) -> None:
    """Throw away an unfinished reconciliation and its ticks (e.g. the wrong statement)."""
    with sessions.begin() as session:
        row = _unfinished(session, reconciliation_id)
        session.execute(
            update(Entry).where(Entry.reconciliation_id == row.id).values(reconciliation_id=None)
        )
        session.delete(row)


@dataclass(frozen=True)
class FinishedReconciliation:
    """A line of an account's reconciliation history: the statement agreed and when."""

    id: int
    statement_on: date
    statement_balance: Money
    finished_at: datetime


def finished_reconciliations(
    sessions: sessionmaker[Session], account_id: int
) -> list[FinishedReconciliation]:
    """The account's finished reconciliations, newest first, in one query: what a list of
    ten years of monthly statements needs, without working out each one's figures."""
    query = (
        select(
            Reconciliation.id,
            Reconciliation.statement_on,
            Reconciliation.statement_pence,
            Reconciliation.finished_at,
        )
        .where(Reconciliation.account_id == account_id, Reconciliation.finished_at.is_not(None))
        .order_by(Reconciliation.statement_on.desc(), Reconciliation.id.desc())
    )
    with sessions() as session:
        return [
            FinishedReconciliation(row_id, on, Money(pence), finished_at)
            for row_id, on, pence, finished_at in session.execute(query)
        ]


def imported_entries(sessions: sessionmaker[Session], reconciliation_id: int) -> set[int]:
    """The entries to tick that came from (or were matched to) a line of an imported bank
    statement dated up to the statement date: the bank has seen those, so they can be ticked
    in one go and only the hand-typed rest checked against the paper."""
    with sessions() as session:
        row = _load(session, reconciliation_id)
        query = (
            select(Entry.id)
            .join(StatementLine, StatementLine.entry_id == Entry.id)
            .where(Entry.account_id == row.account_id, Entry.on <= row.statement_on)
            .where(StatementLine.posted_on <= row.statement_on)
            .where((Entry.reconciliation_id.is_(None)) | (Entry.reconciliation_id == row.id))
        )
        return set(session.scalars(query))
