"""The cash book of one financial year, whole, for the independent examiner: every entry of
every account with its splits and running balance, as a printed listing and a spreadsheet.

The cash book page reads a page of entries at a time; this reads the year in one query (a
year is a few thousand entries even for a busy hall) and works the running balances out in
order from each account's balance brought forward, so the listing and the spreadsheet are
the same figures.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.models import BookAccount, Category, Entry, EntryLine, Fund
from grassroots.core.dates import add_months
from grassroots.core.money import Money
from grassroots.group.service import get_settings
from grassroots.members.documents import letterhead_of
from grassroots.printing.cash_book_listing import (
    AccountListing,
    CashBookListing,
    ListedEntry,
    SplitLine,
)

Sessions = sessionmaker[Session]
TO_CATEGORISE = "To categorise"


def _brought_forward(session: Session, start: date) -> dict[int, int]:
    """Each account's opening balance plus every entry before `start`."""
    moved = dict(
        session.execute(
            select(Entry.account_id, func.sum(Entry.amount_pence))
            .where(Entry.on < start)
            .group_by(Entry.account_id)
        ).all()
    )
    return {
        account_id: opening + (moved.get(account_id) or 0)
        for account_id, opening in session.execute(
            select(BookAccount.id, BookAccount.opening_pence)
        ).all()
    }


def transfer_partners(session: Session, keys: set[str]) -> dict[tuple[str, int], str]:
    """For each (transfer key, account) the other account of a transfer between the group's
    own accounts, so a listing can say "Transfer to Savings account" rather than "Transfer"."""
    if not keys:
        return {}
    halves = session.execute(
        select(Entry.transfer_key, Entry.account_id, BookAccount.name)
        .join(BookAccount, BookAccount.id == Entry.account_id)
        .where(Entry.transfer_key.in_(keys))
    ).all()
    accounts: dict[str, dict[int, str]] = defaultdict(dict)
    for key, account_id, name in halves:
        accounts[key][account_id] = name
    return {
        (key, mine): other
        for key, found in accounts.items()
        for mine in found
        for theirs, other in found.items()
        if theirs != mine
    }


def transfer_label(amount: int, partner: str | None) -> str:
    if partner is None:
        return "Transfer between funds"
    return f"Transfer {'from' if amount > 0 else 'to'} {partner}"


def _lines(session: Session, start: date, end: date) -> list[tuple]:
    return session.execute(
        select(
            Entry.id,
            Entry.account_id,
            Entry.on,
            Entry.payee,
            Entry.reference,
            Entry.amount_pence,
            Entry.transfer_key,
            Category.name,
            Fund.name,
            EntryLine.amount_pence,
        )
        .join(Entry, Entry.id == EntryLine.entry_id)
        .outerjoin(Category, Category.id == EntryLine.category_id)
        .join(Fund, Fund.id == EntryLine.fund_id)
        .where(Entry.on >= start, Entry.on < end)
        .order_by(Entry.account_id, Entry.on, Entry.id, EntryLine.id)
    ).all()


def _entries(
    rows: list[tuple], brought: dict[int, int], partners: dict[tuple[str, int], str]
) -> dict[int, list[ListedEntry]]:
    """Entries per account in date order, each with the balance after it."""
    splits: dict[int, list[SplitLine]] = defaultdict(list)
    heads: dict[int, tuple] = {}
    for entry_id, account, on, payee, ref, total, key, category, fund, amount in rows:
        label = category or TO_CATEGORISE
        if key and not category:
            label = transfer_label(total, partners.get((key, account)))
        splits[entry_id].append(SplitLine(label, fund, Money(amount)))
        heads.setdefault(entry_id, (account, on, payee, ref, total))
    listed: dict[int, list[ListedEntry]] = defaultdict(list)
    balance = dict(brought)
    for entry_id, (account, on, payee, ref, total) in heads.items():
        balance[account] = balance.get(account, 0) + total
        listed[account].append(
            ListedEntry(
                on, payee, ref, tuple(splits[entry_id]), Money(total), Money(balance[account])
            )
        )
    return listed


def annual_cash_book(
    sessions: Sessions, year_starts_on: date, printed_on: date | None = None
) -> CashBookListing:
    """The year's cash book per account, for the accounts held at any time in the year."""
    end = add_months(year_starts_on, 12)
    with sessions() as session:
        brought = _brought_forward(session, year_starts_on)
        rows = _lines(session, year_starts_on, end)
        partners = transfer_partners(session, {row[6] for row in rows if row[6]})
        listed = _entries(rows, brought, partners)
        accounts = session.execute(
            select(
                BookAccount.id, BookAccount.name, BookAccount.bank_details, BookAccount.opening_on
            )
            .where(BookAccount.opening_on < end)
            .order_by(BookAccount.id)
        ).all()
    head = letterhead_of(get_settings(sessions))
    return CashBookListing(
        letterhead=head,
        year_starts_on=year_starts_on,
        year_ends_on=end - timedelta(days=1),
        printed_on=printed_on or date.today(),
        accounts=tuple(
            AccountListing(
                name, details, Money(brought.get(aid, 0)), tuple(listed.get(aid, ())), opened
            )
            for aid, name, details, opened in accounts
        ),
    )


# ---------------------------------------------------------------- the spreadsheet

HEADINGS = (
    "Date",
    "Account",
    "Payer or payee",
    "Reference",
    "Category",
    "Fund",
    "Amount",
    "Entry total",
    "Balance after entry",
)


def write_cash_book_xlsx(listing: CashBookListing, path: Path) -> Path:
    """One row per line of the books (a split entry is several rows, its total and balance
    on each), so the examiner can filter and total by category or fund; a second sheet has
    each account's year in four figures."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Cash book")
    for letter, width in zip("ABCDEFGHI", (11, 18, 34, 14, 28, 28, 12, 12, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)

    def heading(values) -> list:
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value)
            cell.font = bold
            cells.append(cell)
        return cells

    def number(value: Money):
        cell = WriteOnlyCell(sheet, value.decimal())
        cell.number_format = "#,##0.00;-#,##0.00"
        return cell

    def day(value: date):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "dd/mm/yyyy"
        return cell

    sheet.append(heading(HEADINGS))
    for account in listing.accounts:
        for entry in account.entries:
            for split in entry.splits:
                sheet.append(
                    [
                        day(entry.on),
                        account.name,
                        entry.payee,
                        entry.reference,
                        split.category,
                        split.fund,
                        number(split.amount),
                        number(entry.amount),
                        number(entry.balance),
                    ]
                )
    summary = book.create_sheet("Accounts")
    for letter, width in zip("ABCDE", (24, 18, 14, 14, 18), strict=True):
        summary.column_dimensions[letter].width = width
    summary.append(
        heading(
            (
                "Account",
                f"Balance at {listing.year_starts_on:%d/%m/%Y}",
                "Paid in",
                "Paid out",
                f"Balance at {listing.year_ends_on:%d/%m/%Y}",
            )
        )
    )
    for account in listing.accounts:
        summary.append(
            [
                account.name,
                number(account.brought_forward),
                number(account.paid_in),
                number(account.paid_out),
                number(account.carried_forward),
            ]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
