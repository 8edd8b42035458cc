"""The cash book as the treasurer reads it: entries with a running balance per account.

The running balance is worked out by the database with a window function (SUM() OVER
(PARTITION BY account ORDER BY date, id)) over the account's own entries, whatever the filter,
so a filtered or paged view still shows the true balance after each entry. Window functions
are standard SQL, so the same query runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.models import BookAccount, Category, Entry, EntryLine, FinancialYear, Fund
from grassroots.core.money import Money

SUGGESTIONS = 8


@dataclass(frozen=True)
class CashBookQuery:
    """What the cash book shows: a period (either end open), one account, category or fund,
    a search of payee, reference and note, or only entries still to categorise."""

    start: date | None = None
    end: date | None = None
    account_id: int | None = None
    category_id: int | None = None
    fund_id: int | None = None
    text: str = ""
    to_categorise: bool = False
    newest_first: bool = True


@dataclass(frozen=True)
class CashBookRow:
    """One line of the cash book; `balance` is the account's balance after this entry."""

    id: int
    account_id: int
    account: str
    on: date
    payee: str
    reference: str
    method: str
    note: str
    amount: Money
    balance: Money
    category: str  # the category, "Split (n)" for several lines, "" when to categorise
    fund: str  # the fund, or "Several funds"
    lines: int
    to_categorise: bool
    locked: bool  # ticked off in a finished reconciliation, or in a closed year
    reconciled: bool
    transfer: bool
    reverses_id: int | None

    @property
    def paid_in(self) -> Money | None:
        return self.amount if self.amount.pence > 0 else None

    @property
    def paid_out(self) -> Money | None:
        return Money(-self.amount.pence) if self.amount.pence < 0 else None


@dataclass(frozen=True)
class PayeeSuggestion:
    """A payer or payee typed before, with what was used the last time: the form fills in the
    category (and the person) so a regular entry takes a few keystrokes."""

    payee: str
    category_id: int | None
    person_id: int | None
    receipt: bool  # the last entry was money in


def _running(spans: dict[int, tuple[date, date]]) -> Select:
    """The running balance (before the carried-in sum) after each entry of the accounts in
    `spans`, from each account's first date on the page to its last.

    The window function only needs the entries from the page's earliest date onwards (per
    account); everything before that is one carried-in sum read through the date index, so
    a page of recent entries costs the same in a ten-year book as in a new one.
    """
    return select(
        Entry.id.label("id"),
        func.sum(Entry.amount_pence)
        .over(partition_by=Entry.account_id, order_by=(Entry.on, Entry.id))
        .label("balance"),
    ).where(
        or_(
            *(
                and_(Entry.account_id == account, Entry.on >= first, Entry.on <= last)
                for account, (first, last) in spans.items()
            )
        )
    )


def _carried(session: Session, account: int, first: date) -> int:
    """The account's opening balance and every entry before `first`."""
    moved = session.scalar(
        select(func.coalesce(func.sum(Entry.amount_pence), 0)).where(
            Entry.account_id == account, Entry.on < first
        )
    )
    opening = session.scalar(select(BookAccount.opening_pence).where(BookAccount.id == account))
    return (opening or 0) + (moved or 0)


def _line_summary(ids: list[int]) -> Select:
    """Per entry of `ids`: how many lines, one category and fund name, lines with no
    category, and how many funds."""
    return (
        select(
            EntryLine.entry_id.label("entry_id"),
            func.count(EntryLine.id).label("lines"),
            func.max(Category.name).label("category"),
            func.sum(case((EntryLine.category_id.is_(None), 1), else_=0)).label("uncategorised"),
            func.count(func.distinct(EntryLine.fund_id)).label("funds"),
            func.max(Fund.name).label("fund"),
        )
        .outerjoin(Category, Category.id == EntryLine.category_id)
        .join(Fund, Fund.id == EntryLine.fund_id)
        .where(EntryLine.entry_id.in_(ids))
        .group_by(EntryLine.entry_id)
    )


def _closed_year(on_column) -> object:
    return exists().where(
        FinancialYear.closed_at.is_not(None),
        FinancialYear.starts_on <= on_column,
        FinancialYear.ends_on >= on_column,
    )


def _uncategorised(entry_id_column) -> object:
    return exists().where(EntryLine.entry_id == entry_id_column, EntryLine.category_id.is_(None))


def _where(query: CashBookQuery) -> list:
    """The filters, as conditions on Entry."""
    conditions: list = []
    if query.start is not None:
        conditions.append(Entry.on >= query.start)
    if query.end is not None:
        conditions.append(Entry.on <= query.end)
    if query.account_id is not None:
        conditions.append(Entry.account_id == query.account_id)
    if query.category_id is not None:
        conditions.append(
            exists().where(
                EntryLine.entry_id == Entry.id, EntryLine.category_id == query.category_id
            )
        )
    if query.fund_id is not None:
        conditions.append(
            exists().where(EntryLine.entry_id == Entry.id, EntryLine.fund_id == query.fund_id)
        )
    text = query.text.strip().lower()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(
            or_(
                func.lower(Entry.payee).like(pattern, escape="\\"),
                func.lower(Entry.reference).like(pattern, escape="\\"),
                func.lower(Entry.note).like(pattern, escape="\\"),
            )
        )
    if query.to_categorise:
        conditions.append(
            and_(Entry.transfer_key.is_(None), Entry.amount_pence != 0, _uncategorised(Entry.id))
        )
    return conditions


def cash_book(
    sessions: sessionmaker[Session], query: CashBookQuery, offset: int = 0, limit: int = 200
) -> list[CashBookRow]:
    """A page of the cash book, newest first unless the query says otherwise.

    The page is chosen first (filters, order, offset, limit: through the indexes), then only
    its entries are given balances and line summaries."""
    order = (Entry.on.desc(), Entry.id.desc()) if query.newest_first else (Entry.on, Entry.id)
    choose = (
        select(Entry.id, Entry.account_id, Entry.on)
        .where(*_where(query))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    with sessions() as session:
        picked = session.execute(choose).all()
        if not picked:
            return []
        spans: dict[int, tuple[date, date]] = {}
        for _id, account, on in picked:
            first, last = spans.get(account, (on, on))
            spans[account] = (min(first, on), max(last, on))
        carried = {
            account: _carried(session, account, first) for account, (first, _l) in spans.items()
        }
        ids = [row[0] for row in picked]
        running = _running(spans).subquery("running")
        summary = _line_summary(ids).subquery("summary")
        statement = (
            select(
                Entry,
                BookAccount.name,
                running.c.balance,
                summary.c.lines,
                summary.c.category,
                summary.c.uncategorised,
                summary.c.funds,
                summary.c.fund,
                _closed_year(Entry.on).label("closed"),
            )
            .join(BookAccount, BookAccount.id == Entry.account_id)
            .join(running, running.c.id == Entry.id)
            .outerjoin(summary, summary.c.entry_id == Entry.id)
            .where(Entry.id.in_(ids))
            .order_by(*order)
        )
        return [
            _row(entry, account, carried[entry.account_id] + balance, *rest)
            for entry, account, balance, *rest in session.execute(statement).all()
        ]


def _row(
    entry: Entry,
    account: str,
    balance: int,
    lines: int | None,
    category: str | None,
    uncategorised: int | None,
    funds: int | None,
    fund: str | None,
    closed: bool,
) -> CashBookRow:
    lines, uncategorised = lines or 0, uncategorised or 0
    transfer = entry.transfer_key is not None
    if lines > 1:
        label = f"Split ({lines})"
    elif transfer:
        label = "Transfer"
    else:
        label = category or ""
    return CashBookRow(
        id=entry.id,
        account_id=entry.account_id,
        account=account,
        on=entry.on,
        payee=entry.payee,
        reference=entry.reference,
        method=entry.method,
        note=entry.note,
        amount=Money(entry.amount_pence),
        balance=Money(balance),
        category=label,
        fund=(fund or "") if (funds or 0) <= 1 else "Several funds",
        lines=lines,
        to_categorise=not transfer and uncategorised > 0 and entry.amount_pence != 0,
        locked=entry.reconciliation_id is not None or bool(closed),
        reconciled=entry.reconciliation_id is not None,
        transfer=transfer,
        reverses_id=entry.reverses_id,
    )


def count_cash_book(sessions: sessionmaker[Session], query: CashBookQuery) -> int:
    """How many entries the query matches (for the lazy list and the count above it)."""
    statement = select(func.count(Entry.id)).where(*_where(query))
    with sessions() as session:
        return session.scalar(statement) or 0


def payee_suggestions(
    sessions: sessionmaker[Session], prefix: str, limit: int = SUGGESTIONS
) -> list[PayeeSuggestion]:
    """Payers and payees starting with `prefix`, most recently used first, each with the
    category and person of its latest entry (transfers are not payees)."""
    text = prefix.strip().lower()
    if not text:
        return []
    pattern = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    latest = (
        select(func.max(Entry.id).label("id"))
        .where(
            Entry.transfer_key.is_(None),
            Entry.payee != "",
            func.lower(Entry.payee).like(pattern, escape="\\"),
        )
        .group_by(func.lower(Entry.payee))
        .subquery("latest")
    )
    first_category = (
        select(func.min(EntryLine.id))
        .where(EntryLine.entry_id == Entry.id, EntryLine.category_id.is_not(None))
        .correlate(Entry)
        .scalar_subquery()
    )
    statement = (
        select(Entry.payee, EntryLine.category_id, Entry.person_id, Entry.amount_pence)
        .join(latest, latest.c.id == Entry.id)
        .outerjoin(EntryLine, EntryLine.id == first_category)
        .order_by(Entry.on.desc(), Entry.id.desc())
        .limit(limit)
    )
    with sessions() as session:
        return [
            PayeeSuggestion(payee, category_id, person_id, amount >= 0)
            for payee, category_id, person_id, amount in session.execute(statement).all()
        ]
