"""The cash book for a year as the independent examiner reads it: every entry of each account in
date order, its split across categories and funds, and the account's running balance, from the
balance brought forward to the balance carried forward.

A4 landscape, so the eight columns read across without wrapping; the column titles repeat on
every page and the footer says "Page 3 of 40", so a loose page can always be put back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
)

from grassroots.core.dates import format_date
from grassroots.core.money import Money
from grassroots.printing.annual_accounts import account_styles
from grassroots.printing.letterhead import (
    Letterhead,
    draw_footer,
    draw_letterhead,
    draw_running_header,
)
from grassroots.printing.pages import build
from grassroots.printing.styles import BOTTOM_MARGIN, MARGIN
from grassroots.printing.tables import Column, ZebraTable

PAGE = landscape(A4)
FIRST_TOP = 40 * mm
LATER_TOP = 24 * mm
SIZE = 7.8
LEADING = 9.6
COLUMNS = (
    Column("Date", 0),
    Column("Payer or payee", 3.2),
    Column("Reference", 1.4),
    Column("Category", 3.0),
    Column("Fund", 2.2),
    Column("Paid in £", 0, "right"),
    Column("Paid out £", 0, "right"),
    Column("Balance £", 0, "right", bold=True),
)


@dataclass(frozen=True)
class SplitLine:
    """One part of an entry: what it was for, which fund it belongs to, how much."""

    category: str
    fund: str
    amount: Money


@dataclass(frozen=True)
class ListedEntry:
    on: date
    payee: str
    reference: str
    splits: tuple[SplitLine, ...]
    amount: Money
    balance: Money  # the account's balance after this entry


@dataclass(frozen=True)
class AccountListing:
    """One account's year: brought forward, its entries, carried forward."""

    name: str
    details: str
    brought_forward: Money
    entries: tuple[ListedEntry, ...]
    opened_on: date | None = None  # when the account's books start, if during the year

    @property
    def paid_in(self) -> Money:
        return Money(sum(e.amount.pence for e in self.entries if e.amount.pence > 0))

    @property
    def paid_out(self) -> Money:
        return Money(-sum(e.amount.pence for e in self.entries if e.amount.pence < 0))

    @property
    def carried_forward(self) -> Money:
        return self.brought_forward + self.paid_in - self.paid_out


@dataclass(frozen=True)
class CashBookListing:
    letterhead: Letterhead
    year_starts_on: date
    year_ends_on: date
    printed_on: date
    accounts: tuple[AccountListing, ...]


def figure(value: Money | None) -> str:
    """'1,234.50', '(12.34)' for a negative; '' for no figure."""
    if value is None:
        return ""
    text = value.format(symbol=False).lstrip("-")
    return f"({text})" if value.pence < 0 else text


def _split_cells(entry: ListedEntry) -> tuple[str, str]:
    """One line per part of a split entry, so category and fund line up side by side."""
    if len(entry.splits) == 1:
        return entry.splits[0].category, entry.splits[0].fund
    categories = "\n".join(f"{s.category}: {figure(s.amount)}" for s in entry.splits)
    return categories, "\n".join(s.fund for s in entry.splits)


def listing_rows(account: AccountListing, starts_on: date, ends_on: date) -> list[list[str]]:
    """The table of one account: brought forward, one row per entry, then the totals."""
    opening = figure(account.brought_forward)
    if account.opened_on is not None and account.opened_on > starts_on:
        first = [format_date(account.opened_on), "Opening balance", "", "", "", "", "", opening]
    else:
        first = [format_date(starts_on), "Balance brought forward", "", "", "", "", "", opening]
    rows = [first]
    for entry in account.entries:
        category, fund = _split_cells(entry)
        rows.append(
            [
                format_date(entry.on),
                entry.payee,
                entry.reference,
                category,
                fund,
                figure(entry.amount) if entry.amount.pence > 0 else "",
                figure(-entry.amount) if entry.amount.pence < 0 else "",
                figure(entry.balance),
            ]
        )
    rows.append(
        [
            format_date(ends_on),
            "Totals and balance carried forward",
            "",
            "",
            "",
            figure(account.paid_in),
            figure(account.paid_out),
            figure(account.carried_forward),
        ]
    )
    return rows


def _templates(
    head: Letterhead, title: str, period: str, accounts: list[str]
) -> list[PageTemplate]:
    """The letterhead on the first page; on the pages after it, a running header naming the
    account whose entries run on, so a page read alone still says whose balance it shows."""
    width, height = PAGE

    def frame(top: float, name: str) -> Frame:
        return Frame(
            MARGIN, BOTTOM_MARGIN, width - 2 * MARGIN, height - BOTTOM_MARGIN - top,
            0, 0, 0, 0, id=name,
        )  # fmt: skip

    def on_first(canvas, _doc) -> None:
        draw_letterhead(canvas, head, width, height)

    def later(detail: str):
        def on_later(canvas, _doc) -> None:
            draw_running_header(canvas, head, title, detail, width, height)

        return on_later

    templates = [PageTemplate("first", [frame(FIRST_TOP, "first")], onPage=on_first)]
    for number, account in enumerate(accounts or [""]):
        detail = f"{account}  ·  {period}" if account else period
        templates.append(
            PageTemplate(f"later-{number}", [frame(LATER_TOP, "later")], onPage=later(detail))
        )
    templates[0].autoNextPageTemplate = "later-0"
    return templates


def _summary(listing: CashBookListing) -> list[Flowable]:
    """The accounts at a glance before the detail: each one's year in four figures."""
    rows = [
        [a.name, figure(a.brought_forward), figure(a.paid_in), figure(a.paid_out),
         figure(a.carried_forward), f"{len(a.entries):,}"]
        for a in listing.accounts
    ]  # fmt: skip
    columns = (
        Column("Account", 3),
        Column(f"At {format_date(listing.year_starts_on)} £", 1, "right"),
        Column("Paid in £", 1, "right"),
        Column("Paid out £", 1, "right"),
        Column(f"At {format_date(listing.year_ends_on)} £", 1, "right", bold=True),
        Column("Entries", 0.6, "right"),
    )
    return [ZebraTable(columns, rows, 8.5, 11, width=170 * mm)]


def build_cash_book_listing(listing: CashBookListing, out: Path) -> Path:
    styles = account_styles()
    head = listing.letterhead
    period = f"{format_date(listing.year_starts_on)} to {format_date(listing.year_ends_on)}"
    title = "Cash book"
    story: list[Flowable] = [
        Paragraph(title, styles["title"]),
        Paragraph(
            escape(f"For the year {period}  ·  every entry, with its running balance"),
            styles["subtitle"],
        ),
        Spacer(1, 4),
    ]
    if not listing.accounts:
        story.append(Paragraph("No accounts were held in this year.", styles["cell"]))
    else:
        story += [*_summary(listing), Spacer(1, 3)]
        story.append(
            Paragraph(
                escape(
                    "An entry split across categories or funds lists each part with its "
                    "amount. Transfers between the group's own accounts and between funds are "
                    "neither income nor spending. A figure in brackets is negative."
                ),
                styles["note"],
            )
        )
    for number, account in enumerate(listing.accounts):
        heading = account.name + (f"  ·  {account.details}" if account.details else "")
        story += [
            NextPageTemplate(f"later-{number}"),
            CondPageBreak(40 * mm),
            Paragraph(escape(heading), styles["section"]),
            ZebraTable(
                COLUMNS,
                listing_rows(account, listing.year_starts_on, listing.year_ends_on),
                SIZE,
                LEADING,
                total_row=True,
            ),
        ]
        if not account.entries:
            story.append(Paragraph("No entries in this account this year.", styles["note"]))
    return build(
        out,
        _templates(head, title, period, [a.name for a in listing.accounts]),
        story,
        lambda c, p, n: draw_footer(
            c,
            head,
            p,
            n,
            PAGE[0],
            note=f"Cash book {period}, printed {format_date(listing.printed_on)}",
        ),
        f"Cash book {period}: {head.name}",
        head.name,
        pagesize=PAGE,
    )
