"""Statements of the bank reconciliations finished in a financial year, for the examiner.

What was outstanding is worked out as it stood when the reconciliation was finished: an entry
dated on or before the statement that was not ticked off in this or an earlier
reconciliation (it may have been ticked in a later one, when the bank caught up). So a
statement printed a year later still says what it said on the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
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


def _items(session: Session, entries) -> tuple[StatementItem, ...]:
    """The entries as lines of the statement; a transfer names the other account."""
    entries = list(entries)
    partners = transfer_partners(session, {e.transfer_key for e in entries if e.transfer_key})
    return tuple(
        StatementItem(
            e.on,
            transfer_label(e.amount_pence, partners.get((e.transfer_key, e.account_id)))
            if e.transfer_key and (e.transfer_key, e.account_id) in partners
            else e.payee,
            e.reference,
            Money(e.amount_pence),
        )
        for e in entries
    )


def _outstanding(session: Session, row: Reconciliation) -> tuple[StatementItem, ...]:
    """Entries to the statement date not yet ticked when `row` was finished."""
    later = select(Reconciliation.id).where(
        Reconciliation.account_id == row.account_id,
        Reconciliation.id != row.id,
        or_(Reconciliation.finished_at.is_(None), Reconciliation.finished_at > row.finished_at),
    )
    entries = session.scalars(
        select(Entry)
        .where(Entry.account_id == row.account_id, Entry.on <= row.statement_on)
        .where(or_(Entry.reconciliation_id.is_(None), Entry.reconciliation_id.in_(later)))
        .order_by(Entry.on, Entry.id)
    )
    return _items(session, entries)


def _book_balance(session: Session, account: BookAccount, on: date) -> Money:
    moved = session.scalar(
        select(func.coalesce(func.sum(Entry.amount_pence), 0)).where(
            Entry.account_id == account.id, Entry.on <= on
        )
    )
    return Money(account.opening_pence + (moved or 0))


def _statement(
    sessions: Sessions, session: Session, row: Reconciliation, head, printed_on: date
) -> ReconciliationStatement:
    view = get_reconciliation(sessions, row.id)
    account = session.get(BookAccount, row.account_id)
    agreed = session.scalars(
        select(Entry)
        .where(Entry.reconciliation_id == row.id, Entry.account_id == row.account_id)
        .order_by(Entry.on, Entry.id)
    )
    return ReconciliationStatement(
        letterhead=head,
        account=account.name,
        account_details=account.bank_details,
        statement_on=row.statement_on,
        statement_balance=view.statement_balance,
        starting_balance=view.starting_balance,
        agreed=_items(session, agreed),
        outstanding=_outstanding(session, row),
        book_balance=_book_balance(session, account, row.statement_on),
        finished_at=row.finished_at,
        printed_on=printed_on,
    )


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
        statements = tuple(_statement(sessions, session, r, head, printed_on) for r in rows)
        held = session.scalars(
            select(BookAccount)
            .where(BookAccount.opening_on < end, BookAccount.kind != "cash")
            .order_by(BookAccount.id)
        ).all()
        last = {r.account_id: r.statement_on for r in rows}
        missing = tuple(a.name for a in held if a.id not in last)
        short = tuple((a.name, last[a.id]) for a in held if a.id in last and last[a.id] < year_end)
    return YearReconciliations(statements, missing, short)
