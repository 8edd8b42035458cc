"""Statements of the bank reconciliations finished in a financial year, for the examiner.

What was outstanding is worked out as it stood when the reconciliation was finished: an entry
dated on or before the statement that was not ticked off in this or an earlier
reconciliation (it may have been ticked in a later one, when the bank caught up). So a
statement printed a year later still says what it said on the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.annual_cash_book import transfer_label, transfer_partners
from grassroots.accounts.models import BookAccount, Entry, Reconciliation
from grassroots.accounts.reconcile import get_reconciliation
from grassroots.core.dates import add_months
from grassroots.core.money import Money
from grassroots.group.service import get_settings
from grassroots.members.documents import letterhead_of
from grassroots.printing.reconciliation_statement import ReconciliationStatement, StatementItem

Sessions = sessionmaker[Session]


@dataclass(frozen=True)
class YearReconciliations:
    """The statements, and what an examiner should be told is missing."""

    statements: tuple[ReconciliationStatement, ...]
    not_reconciled: tuple[str, ...]  # accounts with no reconciliation finished in the year
    short_of_year_end: tuple[tuple[str, date], ...]  # (account, last statement date) before it


def _finished_in(session: Session, start: date, end: date) -> list[Reconciliation]:
    return list(
        session.scalars(
            select(Reconciliation)
            .where(
                Reconciliation.finished_at.is_not(None),
                Reconciliation.statement_on >= start,
                Reconciliation.statement_on < end,
            )
            .order_by(Reconciliation.account_id, Reconciliation.statement_on, Reconciliation.id)
        )
    )


_LATEST = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class _Line:
    on: date
    payee: str
    reference: str
    amount: int
    transfer_key: str | None
    reconciliation_id: int | None


def _open_lines(session: Session, account_id: int, rows: list[Reconciliation]) -> list[_Line]:
    """In one read: the account's entries to the last statement date that were still open when
    the first of `rows` was finished (not yet ticked, or ticked in it or a later one)."""
    first = min(r.finished_at for r in rows)
    ids = session.scalars(
        select(Reconciliation.id).where(
            Reconciliation.account_id == account_id,
            or_(Reconciliation.finished_at.is_(None), Reconciliation.finished_at >= first),
        )
    ).all()
    found = session.execute(
        select(
            Entry.on,
            Entry.payee,
            Entry.reference,
            Entry.amount_pence,
            Entry.transfer_key,
            Entry.reconciliation_id,
        )
        .where(Entry.account_id == account_id, Entry.on <= max(r.statement_on for r in rows))
        .where(or_(Entry.reconciliation_id.is_(None), Entry.reconciliation_id.in_(ids)))
        .order_by(Entry.on, Entry.id)
    ).all()
    return [_Line(*line) for line in found]


def _book_balances(session: Session, account: BookAccount, days: list[date]) -> list[Money]:
    """The cash book's balance at the end of each of `days`, in one pass over the account."""
    sums = session.execute(
        select(
            *(
                func.coalesce(func.sum(case((Entry.on <= day, Entry.amount_pence), else_=0)), 0)
                for day in days
            )
        ).where(Entry.account_id == account.id, Entry.on <= max(days))
    ).one()
    return [Money(account.opening_pence + (total or 0)) for total in sums]


def _items(lines: list[_Line], account_id: int, partners: dict) -> tuple[StatementItem, ...]:
    """The lines as items of a statement; a transfer names the other account."""
    return tuple(
        StatementItem(
            line.on,
            transfer_label(line.amount, partners[(line.transfer_key, account_id)])
            if (line.transfer_key, account_id) in partners
            else line.payee,
            line.reference,
            Money(line.amount),
        )
        for line in lines
    )


def _account_statements(
    sessions: Sessions, session: Session, rows: list[Reconciliation], head, printed_on: date
) -> list[ReconciliationStatement]:
    account = session.get(BookAccount, rows[0].account_id)
    lines = _open_lines(session, account.id, rows)
    partners = transfer_partners(
        session, {line.transfer_key for line in lines if line.transfer_key}
    )
    finished = {
        rid: at or _LATEST
        for rid, at in session.execute(
            select(Reconciliation.id, Reconciliation.finished_at).where(
                Reconciliation.account_id == account.id
            )
        ).all()
    }
    balances = _book_balances(session, account, [r.statement_on for r in rows])
    made = []
    for row, book_balance in zip(rows, balances, strict=True):
        view = get_reconciliation(sessions, row.id)
        agreed = [line for line in lines if line.reconciliation_id == row.id]
        outstanding = [
            line
            for line in lines
            if line.on <= row.statement_on
            and (
                line.reconciliation_id is None or finished[line.reconciliation_id] > row.finished_at
            )
        ]
        made.append(
            ReconciliationStatement(
                letterhead=head,
                account=account.name,
                account_details=account.bank_details,
                statement_on=row.statement_on,
                statement_balance=view.statement_balance,
                starting_balance=view.starting_balance,
                agreed=_items(agreed, account.id, partners),
                outstanding=_items(outstanding, account.id, partners),
                book_balance=book_balance,
                finished_at=row.finished_at,
                printed_on=printed_on,
                first=not any(
                    other != row.id and done is not None and done < row.finished_at
                    for other, done in finished.items()
                ),
            )
        )
    return made


def year_reconciliations(
    sessions: Sessions, year_starts_on: date, printed_on: date | None = None
) -> YearReconciliations:
    """Every reconciliation finished for a statement dated in the year, oldest first per
    account; and the bank and savings accounts that have none, or none to the year end."""
    end = add_months(year_starts_on, 12)
    year_end = end - timedelta(days=1)
    head = letterhead_of(get_settings(sessions))
    printed_on = printed_on or date.today()
    with sessions() as session:
        rows = _finished_in(session, year_starts_on, end)
        per_account: dict[int, list[Reconciliation]] = {}
        for row in rows:
            per_account.setdefault(row.account_id, []).append(row)
        statements = tuple(
            statement
            for group in per_account.values()
            for statement in _account_statements(sessions, session, group, head, printed_on)
        )
        held = session.scalars(
            select(BookAccount)
            .where(BookAccount.opening_on < end, BookAccount.kind != "cash")
            .order_by(BookAccount.id)
        ).all()
        last = {r.account_id: r.statement_on for r in rows}
        missing = tuple(a.name for a in held if a.id not in last)
        short = tuple((a.name, last[a.id]) for a in held if a.id in last and last[a.id] < year_end)
    return YearReconciliations(statements, missing, short)
