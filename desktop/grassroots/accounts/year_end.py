"""The year-end figures: the receipts and payments account and the statement of assets.

Pure computation from the books into frozen dataclasses, in pence; printing rounds to pounds.
The shape follows the Charity Commission's CC16 pack (section A: receipts and payments by fund
column, with last year's total beside them; section B: the assets and liabilities at the year
end). `regroup` lays the same figures out in another form's fixed lines, e.g. OSCR's.

Rules that decide where a line of the books lands:
- A line with a category is a receipt or payment in that category's row, in its fund's column
  (designated funds are unrestricted money, so they share the unrestricted column).
- Lines without a category in a transfer (entries sharing a `transfer_key`) that net to nothing
  are transfers: between funds they show in A5 per column; between the group's own accounts
  they net to nothing per fund and appear nowhere.
- Any other line without a category is "Not yet categorised", shown as a row so the totals
  still add and the treasurer sees what is left to do.
- Opening balances of accounts belong to the general (unrestricted) fund. An account whose
  books start during the year brings its opening balance in with the cash at the start.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.models import BookAccount, Category, Entry, EntryLine, Fund, YearEndItem
from grassroots.core.dates import add_months, financial_year_start
from grassroots.core.money import Money
from grassroots.group.service import get_settings

GENERAL_FUND = "General fund"
NOT_YET_CATEGORISED = "Not yet categorised"
COLUMN_OF_KIND = {
    "unrestricted": "unrestricted",
    "designated": "unrestricted",
    "restricted": "restricted",
    "endowment": "endowment",
}
ZERO = Money(0)

# ---------------------------------------------------------------- figures


@dataclass(frozen=True)
class Columns:
    """One figure per fund column of section A; the total is theirs, never stored apart."""

    unrestricted: Money = ZERO
    restricted: Money = ZERO
    endowment: Money = ZERO

    @property
    def total(self) -> Money:
        return self.unrestricted + self.restricted + self.endowment

    def __add__(self, other: Columns) -> Columns:
        return Columns(
            self.unrestricted + other.unrestricted,
            self.restricted + other.restricted,
            self.endowment + other.endowment,
        )

    def __neg__(self) -> Columns:
        return Columns(-self.unrestricted, -self.restricted, -self.endowment)

    def __sub__(self, other: Columns) -> Columns:
        return self + -other

    @classmethod
    def of(cls, column: str, amount: Money) -> Columns:
        return cls(**{column: amount})

    @staticmethod
    def sum(many: Iterable[Columns]) -> Columns:
        total = Columns()
        for one in many:
            total = total + one
        return total


@dataclass(frozen=True)
class Row:
    """One line of a section: a category (or "Not yet categorised") this year and last."""

    label: str
    heading: str  # the category's year-end heading; "" when not yet categorised
    category_id: int | None
    this_year: Columns
    last_year: Money


@dataclass(frozen=True)
class Section:
    title: str
    rows: tuple[Row, ...]

    @property
    def sub_total(self) -> Columns:
        return Columns.sum(row.this_year for row in self.rows)

    @property
    def last_year_sub_total(self) -> Money:
        return Money(sum(row.last_year.pence for row in self.rows))


@dataclass(frozen=True)
class ReceiptsAndPayments:
    """Section A of the CC16 receipts and payments account; payments are positive figures."""

    starts_on: date
    ends_on: date
    receipts: Section  # A1
    asset_sales: Section  # A2
    payments: Section  # A3
    asset_purchases: Section  # A4
    transfers: Columns  # A5: nets to nothing across the columns
    cash_at_start: Columns  # A6: cash funds last year end, with accounts opened this year
    cash_at_end: Columns  # A6: cash funds this year end
    last_year_cash_at_start: Money
    last_year_cash_at_end: Money
    uncategorised_lines: int = 0  # this year's lines still to categorise

    @property
    def total_receipts(self) -> Columns:
        return self.receipts.sub_total + self.asset_sales.sub_total

    @property
    def last_year_total_receipts(self) -> Money:
        return self.receipts.last_year_sub_total + self.asset_sales.last_year_sub_total

    @property
    def total_payments(self) -> Columns:
        return self.payments.sub_total + self.asset_purchases.sub_total

    @property
    def last_year_total_payments(self) -> Money:
        return self.payments.last_year_sub_total + self.asset_purchases.last_year_sub_total

    @property
    def net(self) -> Columns:
        """Net of receipts/(payments)."""
        return self.total_receipts - self.total_payments

    @property
    def last_year_net(self) -> Money:
        return self.last_year_total_receipts - self.last_year_total_payments

    @property
    def unexplained(self) -> Columns:
        """What the cash at the end differs from start + net + transfers by: nothing, in
        books kept through this app; shown rather than hidden if a line ever goes astray."""
        return self.cash_at_end - (self.cash_at_start + self.net + self.transfers)


@dataclass(frozen=True)
class FundMovement:
    """One fund's year: what it started with, took in, spent, moved, and ended with."""

    fund_id: int
    name: str
    kind: str
    column: str
    at_start: Money
    receipts: Money
    payments: Money  # a positive figure
    transfers: Money  # in (+) or out (-)
    at_end: Money


@dataclass(frozen=True)
class AccountCash:
    account_id: int
    name: str
    kind: str
    amount: Money


@dataclass(frozen=True)
class AssetItem:
    """A line of B2-B5: other monetary assets, investments, assets for own use, liabilities."""

    details: str
    fund: str  # "" when it belongs to no one fund
    amount: Money | None
    cost: Money | None
    due: str


@dataclass(frozen=True)
class StatementOfAssets:
    """Section B: cash in each account at the year end (B1), and the listed items."""

    starts_on: date
    ends_on: date
    cash_by_account: tuple[AccountCash, ...]
    cash_by_fund: tuple[FundMovement, ...]
    monetary: tuple[AssetItem, ...] = field(default_factory=tuple)  # B2
    investments: tuple[AssetItem, ...] = field(default_factory=tuple)  # B3
    own_use: tuple[AssetItem, ...] = field(default_factory=tuple)  # B4
    liabilities: tuple[AssetItem, ...] = field(default_factory=tuple)  # B5

    @property
    def cash_total(self) -> Money:
        return Money(sum(account.amount.pence for account in self.cash_by_account))


# ---------------------------------------------------------------- reading the books


@dataclass(frozen=True)
class _Line:
    on: date
    amount: int
    category_id: int | None
    fund_id: int
    kind: str  # "category" | "transfer" | "uncategorised"


@dataclass(frozen=True)
class _Books:
    lines: tuple[_Line, ...]
    categories: dict[int, Category]
    funds: tuple[Fund, ...]
    columns: dict[int, str]  # fund id -> its column in section A
    general_fund_id: int
    openings: tuple[tuple[date, int], ...]  # (opening_on, pence) of each account


def _classify(rows: list[tuple]) -> list[_Line]:
    """Sort each line into a category, a transfer, or still to categorise (see module doc).

    The books reverse both halves of a transfer together, under one new key. Should the halves
    ever be reversed one at a time (each with a key of its own), each joins the transfer it
    reverses, so both together leave nothing behind and one alone stays visible as money
    still to categorise.
    """
    key_of = {row[0]: row[2] for row in rows}
    reverses = {row[0]: row[6] for row in rows if row[6] in key_of}

    def joined(entry: int) -> str | None:
        seen = {entry}
        while entry in reverses and reverses[entry] not in seen:
            entry = reverses[entry]
            seen.add(entry)
        return key_of[entry]

    own: dict[str, int] = defaultdict(int)
    joint: dict[str | None, int] = defaultdict(int)
    for entry, _on, key, amount, category_id, _fund, _reverses in rows:
        if key is not None and category_id is None:
            own[key] += amount
            joint[joined(entry)] += amount
    lines = []
    for entry, on, key, amount, category_id, fund_id, _reverses in rows:
        if category_id is not None:
            kind = "category"
        elif key is not None and (own[key] == 0 or joint[joined(entry)] == 0):
            kind = "transfer"
        else:
            kind = "uncategorised"
        lines.append(_Line(on, amount, category_id, fund_id, kind))
    return lines


def _read_books(session: Session, before: date) -> _Books:
    rows = session.execute(
        select(
            Entry.id,
            Entry.on,
            Entry.transfer_key,
            EntryLine.amount_pence,
            EntryLine.category_id,
            EntryLine.fund_id,
            Entry.reverses_id,
        )
        .join(Entry, Entry.id == EntryLine.entry_id)
        .where(Entry.on < before)
        .order_by(Entry.on, Entry.id, EntryLine.id)
    ).all()
    funds = tuple(session.scalars(select(Fund).order_by(Fund.id)))
    general = next((f.id for f in funds if f.name == GENERAL_FUND), funds[0].id if funds else 0)
    return _Books(
        lines=tuple(_classify([tuple(row) for row in rows])),
        categories={c.id: c for c in session.scalars(select(Category))},
        funds=funds,
        columns={f.id: COLUMN_OF_KIND.get(f.kind, "unrestricted") for f in funds},
        general_fund_id=general,
        openings=tuple(
            (a.opening_on, a.opening_pence)
            for a in session.scalars(select(BookAccount).where(BookAccount.opening_on < before))
        ),
    )


def year_end_of(year_starts_on: date) -> date:
    """The last day of the financial year that starts on `year_starts_on`."""
    return add_months(year_starts_on, 12) - timedelta(days=1)


def year_starting(sessions: sessionmaker[Session], on: date) -> date:
    """The first day of the group's financial year that contains `on`."""
    settings = get_settings(sessions)
    return financial_year_start(on, settings.fy_start_month, settings.fy_start_day)


# ---------------------------------------------------------------- section A


def _column(books: _Books, fund_id: int) -> str:
    return books.columns.get(fund_id, "unrestricted")


def _fund_cash(books: _Books, start: date, end: date) -> dict[int, int]:
    """Each fund's cash at the start of the year beginning `start` (ending before `end`)."""
    cash: dict[int, int] = defaultdict(int)
    for line in books.lines:
        if line.on < start:
            cash[line.fund_id] += line.amount
    cash[books.general_fund_id] += sum(p for on, p in books.openings if on < end)
    return cash


def _by_column(books: _Books, per_fund: dict[int, int]) -> Columns:
    return Columns.sum(
        Columns.of(_column(books, fund_id), Money(pence)) for fund_id, pence in per_fund.items()
    )


def _row_key(books: _Books, line: _Line) -> tuple[str, int | None]:
    """The section a line's row belongs to, and its category (None: not yet categorised)."""
    if line.kind == "uncategorised":
        return ("receipts" if line.amount > 0 else "payments"), None
    category = books.categories.get(line.category_id)
    if category is None:  # a category removed from under its lines: still to categorise
        return ("receipts" if line.amount > 0 else "payments"), None
    if category.direction == "receipt":
        return ("asset_sales" if category.heading.startswith("sale_") else "receipts"), category.id
    if category.heading.startswith("purchase_"):
        return "asset_purchases", category.id
    return "payments", category.id


def _tally(
    books: _Books, start: date, end: date
) -> tuple[dict[tuple[str, int | None], Columns], dict[int, int], int]:
    """Rows (signed: receipts positive, payments positive) and transfers per fund in a year."""
    rows: dict[tuple[str, int | None], Columns] = defaultdict(Columns)
    transfers: dict[int, int] = defaultdict(int)
    uncategorised = 0
    for line in books.lines:
        if not start <= line.on < end:
            continue
        if line.kind == "transfer":
            transfers[line.fund_id] += line.amount
            continue
        uncategorised += line.kind == "uncategorised"
        key = _row_key(books, line)
        sign = 1 if key[0] in ("receipts", "asset_sales") else -1
        rows[key] += Columns.of(_column(books, line.fund_id), Money(sign * line.amount))
    return rows, transfers, uncategorised


_SECTIONS = (
    ("receipts", "A1 Receipts"),
    ("asset_sales", "A2 Asset and investment sales"),
    ("payments", "A3 Payments"),
    ("asset_purchases", "A4 Asset and investment purchases"),
)


def _section(
    books: _Books,
    name: str,
    title: str,
    this_year: dict[tuple[str, int | None], Columns],
    last_year: dict[tuple[str, int | None], Columns],
) -> Section:
    ids = {cid for (section, cid) in (*this_year, *last_year) if section == name}
    ordered = sorted((cid for cid in ids if cid is not None), key=lambda cid: cid)
    if None in ids:
        ordered.append(None)
    rows = []
    for cid in ordered:
        category = books.categories.get(cid) if cid is not None else None
        rows.append(
            Row(
                label=category.name if category else NOT_YET_CATEGORISED,
                heading=category.heading if category else "",
                category_id=cid,
                this_year=this_year.get((name, cid), Columns()),
                last_year=last_year.get((name, cid), Columns()).total,
            )
        )
    return Section(title, tuple(rows))


def receipts_and_payments(
    sessions: sessionmaker[Session], year_starts_on: date
) -> ReceiptsAndPayments:
    """Section A for the financial year [year_starts_on, +12 months), with last year beside it."""
    end = add_months(year_starts_on, 12)
    last_start = add_months(year_starts_on, -12)
    with sessions() as session:
        books = _read_books(session, end)
    this_rows, transfers, uncategorised = _tally(books, year_starts_on, end)
    last_rows, _, _ = _tally(books, last_start, year_starts_on)
    start_cash = _by_column(books, _fund_cash(books, year_starts_on, end))
    end_cash = _by_column(books, _fund_cash(books, end, end))
    last_start_cash = _by_column(books, _fund_cash(books, last_start, year_starts_on))
    sections = {
        name: _section(books, name, title, this_rows, last_rows) for name, title in _SECTIONS
    }
    return ReceiptsAndPayments(
        starts_on=year_starts_on,
        ends_on=end - timedelta(days=1),
        transfers=_by_column(books, transfers),
        cash_at_start=start_cash,
        cash_at_end=end_cash,
        last_year_cash_at_start=last_start_cash.total,
        # As last year's accounts showed it: without accounts whose books start this year.
        last_year_cash_at_end=_by_column(
            books, _fund_cash(books, year_starts_on, year_starts_on)
        ).total,
        uncategorised_lines=uncategorised,
        **sections,
    )


def fund_movements(
    sessions: sessionmaker[Session], year_starts_on: date
) -> tuple[FundMovement, ...]:
    """Each fund's year, for the notes on restricted funds and B1's cash per fund."""
    end = add_months(year_starts_on, 12)
    with sessions() as session:
        books = _read_books(session, end)
    return _movements(books, year_starts_on, end)


def _movements(books: _Books, start: date, end: date) -> tuple[FundMovement, ...]:
    at_start, at_end = _fund_cash(books, start, end), _fund_cash(books, end, end)
    ins: dict[int, int] = defaultdict(int)
    outs: dict[int, int] = defaultdict(int)
    moved: dict[int, int] = defaultdict(int)
    for line in books.lines:
        if not start <= line.on < end:
            continue
        if line.kind == "transfer":
            moved[line.fund_id] += line.amount
        elif _row_key(books, line)[0] in ("receipts", "asset_sales"):
            ins[line.fund_id] += line.amount
        else:
            outs[line.fund_id] -= line.amount
    return tuple(
        FundMovement(
            f.id,
            f.name,
            f.kind,
            COLUMN_OF_KIND.get(f.kind, "unrestricted"),
            Money(at_start[f.id]),
            Money(ins[f.id]),
            Money(outs[f.id]),
            Money(moved[f.id]),
            Money(at_end[f.id]),
        )
        for f in books.funds
    )


# ---------------------------------------------------------------- section B


def statement_of_assets(sessions: sessionmaker[Session], year_starts_on: date) -> StatementOfAssets:
    """Section B at the end of the year: each account's cash (from its entries' totals, so it
    is a check on section A's lines) and the year-end items the treasurer listed."""
    end = add_months(year_starts_on, 12)
    with sessions() as session:
        books = _read_books(session, end)
        moved = dict(
            session.execute(
                select(Entry.account_id, func.sum(Entry.amount_pence))
                .where(Entry.on < end)
                .group_by(Entry.account_id)
            ).all()
        )
        accounts = tuple(
            AccountCash(a.id, a.name, a.kind, Money(a.opening_pence + moved.get(a.id, 0)))
            for a in session.scalars(
                select(BookAccount).where(BookAccount.opening_on < end).order_by(BookAccount.id)
            )
        )
        fund_names = {f.id: f.name for f in books.funds}
        items: dict[str, list[AssetItem]] = defaultdict(list)
        for item in session.scalars(
            select(YearEndItem)
            .where(YearEndItem.year_starts_on == year_starts_on)
            .order_by(YearEndItem.id)
        ):
            items[item.section].append(
                AssetItem(
                    item.details,
                    fund_names.get(item.fund_id, "") if item.fund_id else "",
                    None if item.amount_pence is None else Money(item.amount_pence),
                    None if item.cost_pence is None else Money(item.cost_pence),
                    item.due,
                )
            )
    return StatementOfAssets(
        starts_on=year_starts_on,
        ends_on=end - timedelta(days=1),
        cash_by_account=accounts,
        cash_by_fund=_movements(books, year_starts_on, end),
        monetary=tuple(items["monetary"]),
        investments=tuple(items["investment"]),
        own_use=tuple(items["own_use"]),
        liabilities=tuple(items["liability"]),
    )


def cash_difference(accounts: ReceiptsAndPayments, assets: StatementOfAssets) -> Money:
    """B1 cash funds less A6 cash funds this year end: nothing when the two agree."""
    return assets.cash_total - accounts.cash_at_end.total
