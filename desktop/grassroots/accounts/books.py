"""The treasurer's books: accounts, categories, funds, and the entries of the cash book.

Every change to an entry is one transaction and leaves an audit record. Entries in a closed
financial year, or ticked off in a finished reconciliation, are locked: a correction is a new
entry (a reversal) in an open year.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from grassroots.accounts import audit
from grassroots.accounts.models import (
    ACCOUNT_KINDS,
    ENTRY_METHODS,
    FUND_KINDS,
    BookAccount,
    Category,
    Entry,
    EntryLine,
    FinancialYear,
    Fund,
    Reconciliation,
)
from grassroots.accounts.records import (
    Balance,
    BookAccountInfo,
    CategoryInfo,
    EntryInput,
    EntryView,
    FundInfo,
    LineInput,
    LineView,
)
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.db.base import utc_now

GENERAL_FUND = "General fund"
NOTHING = Money(0)

# ---------------------------------------------------------------- accounts, categories, funds


def _account_info(row: BookAccount) -> BookAccountInfo:
    return BookAccountInfo(
        row.id,
        row.name,
        row.kind,
        row.bank_details,
        Money(row.opening_pence),
        row.opening_on,
        row.active,
    )


def add_account(
    sessions: sessionmaker[Session],
    name: str,
    kind: str = "bank",
    opening: Money = NOTHING,
    opening_on: date | None = None,
    bank_details: str = "",
) -> BookAccountInfo:
    """A bank, savings or cash account, with its balance on the day the books start."""
    problems = {}
    if not name.strip():
        problems["name"] = "Give the account a name, e.g. 'Current account'"
    if kind not in ACCOUNT_KINDS:
        problems["kind"] = f"The kind of account is one of: {', '.join(ACCOUNT_KINDS)}"
    if problems:
        raise ValidationError(problems)
    with sessions.begin() as session:
        if session.scalar(
            select(BookAccount.id).where(func.lower(BookAccount.name) == name.strip().lower())
        ):
            raise ValidationError({"name": f"There is already an account called {name.strip()}"})
        row = BookAccount(
            name=name.strip(),
            kind=kind,
            opening_pence=opening.pence,
            opening_on=opening_on or date.today(),
            bank_details=bank_details,
        )
        session.add(row)
        session.flush()
        return _account_info(row)


def list_accounts(
    sessions: sessionmaker[Session], include_closed: bool = False
) -> list[BookAccountInfo]:
    query = select(BookAccount).order_by(BookAccount.id)
    if not include_closed:
        query = query.where(BookAccount.active)
    with sessions() as session:
        return [_account_info(row) for row in session.scalars(query)]


def account_named(sessions: sessionmaker[Session], name: str) -> BookAccountInfo:
    with sessions() as session:
        row = session.scalar(
            select(BookAccount).where(func.lower(BookAccount.name) == name.strip().lower())
        )
        if row is None:
            known = ", ".join(session.scalars(select(BookAccount.name)))
            raise NotFound(f"There is no account called '{name}' (the accounts are: {known})")
        return _account_info(row)


def _category_info(row: Category) -> CategoryInfo:
    return CategoryInfo(
        row.id, row.name, row.direction, row.heading, row.gift_aid_eligible, row.active
    )


def list_categories(
    sessions: sessionmaker[Session], direction: str | None = None
) -> list[CategoryInfo]:
    query = select(Category).where(Category.active).order_by(Category.direction, Category.id)
    if direction is not None:
        query = query.where(Category.direction == direction)
    with sessions() as session:
        return [_category_info(row) for row in session.scalars(query)]


def list_funds(sessions: sessionmaker[Session]) -> list[FundInfo]:
    with sessions() as session:
        return [
            FundInfo(f.id, f.name, f.kind, f.description, f.active)
            for f in session.scalars(select(Fund).order_by(Fund.id))
        ]


def add_fund(
    sessions: sessionmaker[Session], name: str, kind: str = "restricted", description: str = ""
) -> FundInfo:
    """A fund, e.g. a restricted grant for a project, or money the committee designated."""
    if not name.strip():
        raise ValidationError({"name": "Give the fund a name"})
    if kind not in FUND_KINDS:
        raise ValidationError({"kind": f"The kind of fund is one of: {', '.join(FUND_KINDS)}"})
    with sessions.begin() as session:
        if session.scalar(select(Fund.id).where(func.lower(Fund.name) == name.strip().lower())):
            raise ValidationError({"name": f"There is already a fund called {name.strip()}"})
        row = Fund(name=name.strip(), kind=kind, description=description.strip())
        session.add(row)
        session.flush()
        return FundInfo(row.id, row.name, row.kind, row.description, row.active)


# ---------------------------------------------------------------- entries


def general_fund_id(session: Session) -> int:
    fund_id = session.scalar(select(Fund.id).where(Fund.name == GENERAL_FUND))
    return fund_id or session.scalar(select(func.min(Fund.id)))


def closed_year_containing(session: Session, on: date) -> FinancialYear | None:
    return session.scalar(
        select(FinancialYear).where(
            FinancialYear.starts_on <= on,
            FinancialYear.ends_on >= on,
            FinancialYear.closed_at.is_not(None),
        )
    )


def _check(session: Session, data: EntryInput) -> None:
    problems: dict[str, str] = {}
    account = session.get(BookAccount, data.account_id)
    if account is None:
        problems["account"] = "Choose the account the money went into or out of"
    elif data.on < account.opening_on:
        problems["on"] = (
            f"{account.name}'s books start on {account.opening_on:%d/%m/%Y}; "
            "this date is before that"
        )
    if not data.lines:
        problems["amount"] = "Give an amount"
    elif any(line.amount.pence == 0 for line in data.lines) and len(data.lines) > 1:
        problems["amount"] = "Each part of a split entry needs an amount"
    if data.method and data.method not in ENTRY_METHODS:
        problems["method"] = f"The method is one of: {', '.join(ENTRY_METHODS)}"
    year = closed_year_containing(session, data.on)
    if year is not None:
        problems["on"] = (
            f"The financial year {year.starts_on:%d/%m/%Y} to "
            f"{year.ends_on:%d/%m/%Y} is closed; record a correction in an open "
            "year instead"
        )
    for line in data.lines:
        if line.category_id is not None and session.get(Category, line.category_id) is None:
            problems["category"] = "That category no longer exists"
        if line.fund_id is not None and session.get(Fund, line.fund_id) is None:
            problems["fund"] = "That fund no longer exists"
    if problems:
        raise ValidationError(problems)


def _fill(session: Session, row: Entry, data: EntryInput) -> None:
    general = general_fund_id(session)
    row.account_id, row.on, row.amount_pence = data.account_id, data.on, data.amount.pence
    row.payee, row.person_id = data.payee.strip(), data.person_id
    row.reference, row.method = data.reference.strip(), data.method
    row.note, row.attachment = data.note.strip(), data.attachment.strip()
    row.lines = [
        EntryLine(
            category_id=line.category_id,
            fund_id=line.fund_id or general,
            amount_pence=line.amount.pence,
            note=line.note.strip(),
        )
        for line in data.lines
    ]


def new_entry(session: Session, data: EntryInput, transfer_key: str | None = None) -> Entry:
    """Add an entry inside the caller's transaction (used by imports and transfers)."""
    _check(session, data)
    row = Entry(transfer_key=transfer_key)
    _fill(session, row, data)
    session.add(row)
    session.flush()
    audit.record(session, row, "added")
    return row


def add_entry(sessions: sessionmaker[Session], data: EntryInput) -> EntryView:
    with sessions.begin() as session:
        return entry_view(session, new_entry(session, data))


def _load(session: Session, entry_id: int) -> Entry:
    row = session.get(Entry, entry_id, options=[selectinload(Entry.lines)])
    if row is None:
        raise NotFound("That entry no longer exists")
    return row


def reconciled(session: Session, row: Entry) -> bool:
    """Ticked off in a finished reconciliation (ticks in one still under way do not lock)."""
    if row.reconciliation_id is None:
        return False
    done = session.get(Reconciliation, row.reconciliation_id)
    return done is not None and done.finished_at is not None


def _refuse_if_locked(session: Session, row: Entry) -> None:
    if reconciled(session, row):
        raise ValidationError(
            {
                "entry": "This entry is ticked off in a finished "
                "reconciliation; reverse it instead of changing it"
            }
        )
    year = closed_year_containing(session, row.on)
    if year is not None:
        raise ValidationError(
            {
                "entry": f"This entry is in the closed year ending "
                f"{year.ends_on:%d/%m/%Y}; reverse it in an open year"
            }
        )


def change_entry(sessions: sessionmaker[Session], entry_id: int, data: EntryInput) -> EntryView:
    with sessions.begin() as session:
        row = _load(session, entry_id)
        _refuse_if_locked(session, row)
        _check(session, data)
        before = audit.entry_snapshot(row)
        _fill(session, row, data)
        session.flush()
        audit.record(session, row, "changed", before)
        return entry_view(session, row)


def reverse_entry(
    sessions: sessionmaker[Session], entry_id: int, on: date, note: str = ""
) -> EntryView:
    """The correction for a locked entry: the same lines with the opposite sign, dated `on`.
    Both halves of a transfer between accounts are reversed together."""
    with sessions.begin() as session:
        row = _load(session, entry_id)
        key = row.transfer_key and str(uuid.uuid4())
        reversals = [
            _reversal(session, half, on, note, key) for half in _with_partner(session, row)
        ]
        return entry_view(session, next(r for r in reversals if r.reverses_id == row.id))


def _with_partner(session: Session, row: Entry) -> list[Entry]:
    """The entry, and the other half of its transfer if it is one."""
    if row.transfer_key is None:
        return [row]
    query = select(Entry).where(Entry.transfer_key == row.transfer_key).order_by(Entry.id)
    return list(session.scalars(query))


def _reversal(session: Session, row: Entry, on: date, note: str, key: str | None) -> Entry:
    data = EntryInput(
        account_id=row.account_id,
        on=on,
        payee=row.payee,
        person_id=row.person_id,
        reference=row.reference,
        method=row.method,
        note=note or f"Reverses the entry of {row.on:%d/%m/%Y}",
        lines=tuple(
            LineInput(Money(-line.amount_pence), line.category_id, line.fund_id, line.note)
            for line in row.lines
        ),
    )
    reversal = new_entry(session, data, key)
    reversal.reverses_id = row.id
    return reversal


def transfer_between_accounts(
    sessions: sessionmaker[Session],
    from_id: int,
    to_id: int,
    amount: Money,
    on: date,
    note: str = "",
    fund_id: int | None = None,
) -> tuple[EntryView, EntryView]:
    """Money moved between the group's own accounts: neither income nor spending."""
    if from_id == to_id:
        raise ValidationError({"account": "Choose two different accounts"})
    if amount.pence <= 0:
        raise ValidationError({"amount": "The amount to move must be more than nothing"})
    key = str(uuid.uuid4())
    with sessions.begin() as session:
        out = new_entry(
            session,
            EntryInput(
                from_id, on, (LineInput(-amount, None, fund_id),), payee="Transfer", note=note
            ),
            key,
        )
        into = new_entry(
            session,
            EntryInput(to_id, on, (LineInput(amount, None, fund_id),), payee="Transfer", note=note),
            key,
        )
        return entry_view(session, out), entry_view(session, into)


def transfer_between_funds(
    sessions: sessionmaker[Session],
    from_fund: int,
    to_fund: int,
    amount: Money,
    on: date,
    account_id: int,
    note: str = "",
) -> EntryView:
    """Money moved from one fund to another: lines that net to nothing in one account."""
    if from_fund == to_fund:
        raise ValidationError({"fund": "Choose two different funds"})
    if amount.pence <= 0:
        raise ValidationError({"amount": "The amount to move must be more than nothing"})
    with sessions.begin() as session:
        row = new_entry(
            session,
            EntryInput(
                account_id,
                on,
                (LineInput(-amount, None, from_fund), LineInput(amount, None, to_fund)),
                payee="Transfer between funds",
                note=note,
            ),
            str(uuid.uuid4()),
        )
        return entry_view(session, row)


def delete_entry(sessions: sessionmaker[Session], entry_id: int) -> None:
    """Remove a mistaken entry that is not locked (both halves of a transfer go together);
    the audit trail keeps what they were."""
    with sessions.begin() as session:
        halves = _with_partner(session, _load(session, entry_id))
        for row in halves:
            _refuse_if_locked(session, row)
        for row in halves:
            audit.record(session, row, "removed", audit.entry_snapshot(row))
            session.delete(row)


# ---------------------------------------------------------------- reading


def entry_view(session: Session, row: Entry) -> EntryView:
    names = dict(session.execute(select(Category.id, Category.name)).all())
    funds = dict(session.execute(select(Fund.id, Fund.name)).all())
    account = session.get(BookAccount, row.account_id)
    is_reconciled = reconciled(session, row)
    locked = is_reconciled or closed_year_containing(session, row.on) is not None
    return EntryView(
        id=row.id,
        account_id=row.account_id,
        account=account.name if account else "",
        on=row.on,
        amount=Money(row.amount_pence),
        payee=row.payee,
        person_id=row.person_id,
        reference=row.reference,
        method=row.method,
        note=row.note,
        attachment=row.attachment,
        lines=tuple(
            LineView(
                line.id,
                Money(line.amount_pence),
                line.category_id,
                names.get(line.category_id, ""),
                line.fund_id,
                funds.get(line.fund_id, ""),
                line.note,
            )
            for line in row.lines
        ),
        transfer_key=row.transfer_key,
        reconciled=is_reconciled,
        locked=locked,
        reverses_id=row.reverses_id,
    )


def get_entry(sessions: sessionmaker[Session], entry_id: int) -> EntryView:
    with sessions() as session:
        return entry_view(session, _load(session, entry_id))


def account_balances(sessions: sessionmaker[Session], as_of: date | None = None) -> list[Balance]:
    """Each account's balance at the end of `as_of`: its opening balance plus its entries."""
    as_of = as_of or date.today()
    moved = (
        select(Entry.account_id, func.sum(Entry.amount_pence))
        .where(Entry.on <= as_of)
        .group_by(Entry.account_id)
    )
    with sessions() as session:
        totals = dict(session.execute(moved).all())
        return [
            Balance(a.name, Money(a.opening_pence + (totals.get(a.id) or 0)))
            for a in session.scalars(select(BookAccount).order_by(BookAccount.id))
            if a.opening_on <= as_of
        ]


def fund_balances(sessions: sessionmaker[Session], as_of: date | None = None) -> list[Balance]:
    """Each fund's balance at the end of `as_of`. Opening balances belong to the general fund."""
    as_of = as_of or date.today()
    moved = (
        select(EntryLine.fund_id, func.sum(EntryLine.amount_pence))
        .join(Entry, Entry.id == EntryLine.entry_id)
        .where(Entry.on <= as_of)
        .group_by(EntryLine.fund_id)
    )
    with sessions() as session:
        totals = dict(session.execute(moved).all())
        opening = (
            session.scalar(
                select(func.coalesce(func.sum(BookAccount.opening_pence), 0)).where(
                    BookAccount.opening_on <= as_of
                )
            )
            or 0
        )
        general = general_fund_id(session)
        return [
            Balance(f.name, Money((totals.get(f.id) or 0) + (opening if f.id == general else 0)))
            for f in session.scalars(select(Fund).order_by(Fund.id))
        ]


def mark_year_closed(
    sessions: sessionmaker[Session],
    starts_on: date,
    ends_on: date,
    approved_by: str = "",
    approved_on: date | None = None,
) -> None:
    """Close a financial year: its entries are locked from now on."""
    with sessions.begin() as session:
        year = session.scalar(select(FinancialYear).where(FinancialYear.starts_on == starts_on))
        if year is None:
            year = FinancialYear(starts_on=starts_on, ends_on=ends_on)
            session.add(year)
        if year.closed_at is not None:
            raise ValidationError({"year": "That financial year is already closed"})
        year.closed_at, year.approved_by, year.approved_on = utc_now(), approved_by, approved_on
