"""A statement for each fund other than the general fund, for the year: restricted money (and
the grants held in it), designated reserves and endowments.

The figures at the top are `year_end.fund_movements`, the same ones the accounts print, so a
fund statement can never disagree with the accounts. The lines under them are read here and
sorted the way the year end sorts them (a category's direction; a transfer whose halves net to
nothing; anything else by its sign); the printout says so if they ever do not add up.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.models import BookAccount, Category, Entry, EntryLine, Fund
from grassroots.accounts.year_end import FundMovement, fund_movements
from grassroots.core.dates import add_months
from grassroots.core.money import Money
from grassroots.group.service import get_settings
from grassroots.members.documents import letterhead_of
from grassroots.printing.fund_statements import FundLine, FundStatement, GrantReceived

Sessions = sessionmaker[Session]
STATEMENT_KINDS = ("restricted", "designated", "endowment")
GRANT_HEADING = "grants"


def _needs_statement(move: FundMovement) -> bool:
    busy = move.at_start or move.receipts or move.payments or move.transfers or move.at_end
    return move.kind in STATEMENT_KINDS and bool(busy)


def _transfer_keys(session: Session, keys: set[str]) -> set[str]:
    """The keys whose lines without a category net to nothing: real transfers."""
    if not keys:
        return set()
    sums = session.execute(
        select(Entry.transfer_key, func.sum(EntryLine.amount_pence))
        .join(Entry, Entry.id == EntryLine.entry_id)
        .where(Entry.transfer_key.in_(keys), EntryLine.category_id.is_(None))
        .group_by(Entry.transfer_key)
    ).all()
    return {key for key, total in sums if not total}


def _lines(session: Session, fund_ids: list[int], start: date, end: date) -> dict[int, list]:
    rows = session.execute(
        select(
            EntryLine.fund_id,
            Entry.on,
            Entry.payee,
            Entry.reference,
            Entry.transfer_key,
            BookAccount.name,
            Category.name,
            Category.direction,
            EntryLine.category_id,
            EntryLine.amount_pence,
        )
        .join(Entry, Entry.id == EntryLine.entry_id)
        .join(BookAccount, BookAccount.id == Entry.account_id)
        .outerjoin(Category, Category.id == EntryLine.category_id)
        .where(EntryLine.fund_id.in_(fund_ids), Entry.on >= start, Entry.on < end)
        .order_by(Entry.on, Entry.id, EntryLine.id)
    ).all()
    transfers = _transfer_keys(session, {r[4] for r in rows if r[4] and r[8] is None})
    found: dict[int, list] = defaultdict(list)
    for fund, on, payee, ref, key, account, category, direction, cat_id, amount in rows:
        if cat_id is not None and category is not None:
            kind, label = ("receipt" if direction == "receipt" else "payment"), category
        elif key in transfers:
            kind, label = "transfer", "Transfer"
        else:
            kind, label = ("receipt" if amount > 0 else "payment"), "To categorise"
        found[fund].append(FundLine(on, payee, label, account, ref, kind, Money(amount)))
    return found


def _grants(session: Session, fund_ids: list[int], end: date) -> dict[int, list]:
    """Grants received into each fund up to the year end (a grant is often spent over
    more than one year, so the funder's money is shown from the start)."""
    rows = session.execute(
        select(EntryLine.fund_id, Entry.on, Entry.payee, Entry.reference, EntryLine.amount_pence)
        .join(Entry, Entry.id == EntryLine.entry_id)
        .join(Category, Category.id == EntryLine.category_id)
        .where(
            EntryLine.fund_id.in_(fund_ids),
            Category.heading == GRANT_HEADING,
            Category.direction == "receipt",
            Entry.on < end,
        )
        .order_by(Entry.on, Entry.id)
    ).all()
    found: dict[int, list] = defaultdict(list)
    for fund, on, payee, ref, amount in rows:
        found[fund].append(GrantReceived(on, payee, ref, Money(amount)))
    return found


def fund_statements(
    sessions: Sessions, year_starts_on: date, printed_on: date | None = None
) -> tuple[FundStatement, ...]:
    """One statement per restricted, designated or endowment fund with anything in the year."""
    end = add_months(year_starts_on, 12)
    moves = [m for m in fund_movements(sessions, year_starts_on) if _needs_statement(m)]
    ids = [m.fund_id for m in moves]
    head = letterhead_of(get_settings(sessions))
    with sessions() as session:
        lines = _lines(session, ids, year_starts_on, end)
        grants = _grants(session, ids, end)
        described = dict(
            session.execute(select(Fund.id, Fund.description).where(Fund.id.in_(ids))).all()
        )
    return tuple(
        FundStatement(
            letterhead=head,
            name=m.name,
            kind=m.kind,
            description=described.get(m.fund_id) or "",
            year_starts_on=year_starts_on,
            year_ends_on=end - timedelta(days=1),
            printed_on=printed_on or date.today(),
            at_start=m.at_start,
            receipts=m.receipts,
            payments=m.payments,
            transfers=m.transfers,
            at_end=m.at_end,
            lines=tuple(lines.get(m.fund_id, ())),
            grants=tuple(grants.get(m.fund_id, ())),
        )
        for m in moves
    )
