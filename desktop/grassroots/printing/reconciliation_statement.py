"""A bank reconciliation statement: how the balance on the bank's statement agrees with the
cash book on the same day, as an independent examiner expects to see it.

The balance per the statement, plus money paid in that the bank had not yet shown, less
payments it had not yet cleared (an unpresented cheque), gives the balance per the cash book.
Below that, the entries agreed to this statement, so each can be found on the bank's paper.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from grassroots.core.dates import format_date
from grassroots.core.money import Money
from grassroots.printing.annual_accounts import (
    FigureRow,
    FigureSection,
    account_styles,
    build_accounts_pdf,
    content_width,
    figure_table,
    warning_box,
)
from grassroots.printing.cash_book_listing import figure
from grassroots.printing.letterhead import Letterhead
from grassroots.printing.pages import SectionStart
from grassroots.printing.tables import Column, ZebraTable

FIGURE_WIDTH = 32 * mm
TITLE = "Bank reconciliation"
ITEM_COLUMNS = (
    Column("Date", 0),
    Column("Payer or payee", 3),
    Column("Reference", 1.4),
    Column("Paid in £", 0, "right"),
    Column("Paid out £", 0, "right"),
)


@dataclass(frozen=True)
class StatementItem:
    on: date
    payee: str
    reference: str
    amount: Money


@dataclass(frozen=True)
class ReconciliationStatement:
    letterhead: Letterhead
    account: str
    account_details: str
    statement_on: date
    statement_balance: Money
    starting_balance: Money  # the balance the previous reconciliation agreed
    agreed: tuple[StatementItem, ...]  # entries ticked off against this statement
    outstanding: tuple[StatementItem, ...]  # in the cash book, not yet on the statement
    book_balance: Money  # the cash book's balance at the statement date
    finished_at: datetime | None
    printed_on: date
    first: bool = False  # the account's first: it starts from the opening balance

    @property
    def agreed_total(self) -> Money:
        return Money(sum(i.amount.pence for i in self.agreed))

    @property
    def outstanding_in(self) -> Money:
        return Money(sum(i.amount.pence for i in self.outstanding if i.amount.pence > 0))

    @property
    def outstanding_out(self) -> Money:
        return Money(-sum(i.amount.pence for i in self.outstanding if i.amount.pence < 0))

    @property
    def adjusted_balance(self) -> Money:
        """The statement's balance with what the bank had not yet seen: the cash book's."""
        return self.statement_balance + self.outstanding_in - self.outstanding_out

    @property
    def unexplained(self) -> Money:
        return self.book_balance - self.adjusted_balance


def _pence(value: Money) -> tuple[int]:
    return (value.pence,)


def _summary(statement: ReconciliationStatement) -> FigureSection:
    on = format_date(statement.statement_on)
    rows = [
        FigureRow(f"Balance per the bank statement at {on}", _pence(statement.statement_balance)),
        FigureRow(
            "Add: paid in, not yet on the statement",
            _pence(statement.outstanding_in),
        ),
        FigureRow(
            "Less: paid out, not yet cleared by the bank",
            _pence(-statement.outstanding_out),
        ),
        FigureRow(
            f"Balance per the cash book at {on}", _pence(statement.adjusted_balance), "total"
        ),
    ]
    return FigureSection("", "Reconciliation", tuple(rows))


def _movement(statement: ReconciliationStatement) -> FigureSection:
    rows = (
        FigureRow(
            "Opening balance of the books"
            if statement.first
            else "Balance agreed at the previous reconciliation",
            _pence(statement.starting_balance),
        ),
        FigureRow(
            f"Entries agreed to this statement ({len(statement.agreed):,})",
            _pence(statement.agreed_total),
        ),
        FigureRow(
            "Balance per the bank statement",
            _pence(statement.starting_balance + statement.agreed_total),
            "total",
        ),
    )
    since = "Since the books started" if statement.first else "Since the previous reconciliation"
    return FigureSection("", since, rows)


def _items(items: tuple[StatementItem, ...]) -> list[list[str]]:
    rows = [
        [
            format_date(i.on),
            i.payee,
            i.reference,
            figure(i.amount) if i.amount.pence > 0 else "",
            figure(-i.amount) if i.amount.pence < 0 else "",
        ]
        for i in items
    ]
    paid_in = Money(sum(i.amount.pence for i in items if i.amount.pence > 0))
    paid_out = Money(-sum(i.amount.pence for i in items if i.amount.pence < 0))
    rows.append(["", "Total", "", figure(paid_in), figure(paid_out)])
    return rows


def _item_part(title: str, items: tuple[StatementItem, ...], empty: str) -> list[Flowable]:
    styles = account_styles()
    heading = Paragraph(escape(title), styles["section"])
    if not items:
        return [KeepTogether([heading, Paragraph(escape(empty), styles["note"])])]
    return [heading, ZebraTable(ITEM_COLUMNS, _items(items), 8.5, 11, total_row=True)]


def _statement_story(statement: ReconciliationStatement) -> list[Flowable]:
    styles = account_styles()
    width = content_width()
    on = format_date(statement.statement_on)
    account = statement.account + (
        f"  ·  {statement.account_details}" if statement.account_details else ""
    )
    finished = (
        f"Reconciled on {format_date(statement.finished_at.date())}"
        if statement.finished_at
        else "Not finished"
    )
    story: list[Flowable] = [
        Paragraph(TITLE, styles["title"]),
        Paragraph(escape(f"{account}  ·  statement to {on}"), styles["subtitle"]),
        Paragraph(escape(finished), styles["note"]),
        Spacer(1, 6),
        figure_table(
            ("Amount",),
            (_summary(statement), _movement(statement)),
            width * 0.75,
            shade_last=False,
            figure_width=FIGURE_WIDTH,
            fmt=_money,
        ),
        Spacer(1, 5),
    ]
    if statement.unexplained:
        story.append(
            warning_box(
                "The reconciliation does not agree with the cash book",
                [
                    f"The cash book shows {statement.book_balance.format()} at {on}, "
                    f"{statement.unexplained.format()} different from the statement with the "
                    "items below. An entry may have been changed or added after the "
                    "reconciliation was finished."
                ],
                width,
            )
        )
    else:
        agrees = (
            f"the statement's balance with the items not yet on it agrees with the cash "
            f"book's balance of {statement.book_balance.format()} at {on}."
        )
        story.append(Paragraph("<b>Check:</b> " + escape(agrees), styles["good"]))
    story += _item_part(
        "Not yet on the statement",
        statement.outstanding,
        "Nothing: every entry to this date had reached the bank.",
    )
    story += _item_part(
        "Entries agreed to this statement",
        statement.agreed,
        "None: the balance was the same as at the previous reconciliation.",
    )
    return story


def build_reconciliation_statements(
    statements: Sequence[ReconciliationStatement], out: Path
) -> Path:
    """Several statements of one account in one PDF, each starting on a page of its own under
    the letterhead and numbered on its own ("Page 1 of 2"), so the examiner has one file per
    account to read through rather than one per month."""
    if not statements:
        raise ValueError("No reconciliation statements to print")
    first = statements[0]
    head = first.letterhead
    detail = first.account
    story: list[Flowable] = []
    for number, statement in enumerate(statements):
        if number:
            story += [NextPageTemplate("first"), PageBreak()]
        story += [NextPageTemplate("later"), SectionStart(number), *_statement_story(statement)]
    return build_accounts_pdf(
        out,
        head,
        story,
        TITLE,
        detail,
        f"{TITLE}: {detail}, printed {format_date(first.printed_on)}",
        pdf_title=f"{TITLE}s: {detail}",
    )


def build_reconciliation_statement(statement: ReconciliationStatement, out: Path) -> Path:
    return build_reconciliation_statements((statement,), out)


def _money(pence: int | None) -> str:
    return "" if pence is None else figure(Money(pence))
