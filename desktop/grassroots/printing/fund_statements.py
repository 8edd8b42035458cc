"""A fund's statement for the year: what a restricted, designated or endowment fund (or a grant
held in one) started with, received, spent and moved, what it ended with, and every entry
behind those figures. A funder asks for this; an examiner checks restricted money was spent
on what it was given for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

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
from grassroots.printing.tables import Column, ZebraTable

FIGURE_WIDTH = 32 * mm
KIND_NAMES = {
    "restricted": "Restricted fund",
    "designated": "Designated fund (set aside by the trustees)",
    "endowment": "Endowment fund",
    "unrestricted": "Unrestricted fund",
}
LINE_COLUMNS = (
    Column("Date", 0),
    Column("Payer or payee", 2.6),
    Column("Category", 2.2),
    Column("Account", 1.5),
    Column("Received £", 0, "right"),
    Column("Spent £", 0, "right"),
    Column("Transfers £", 0, "right"),
)
GRANT_COLUMNS = (
    Column("Received on", 0),
    Column("From", 3),
    Column("Reference", 1.5),
    Column("Amount £", 0, "right"),
)


@dataclass(frozen=True)
class FundLine:
    """A line of the books in the fund; `kind` says which of the three figures it adds to."""

    on: date
    payee: str
    category: str
    account: str
    reference: str
    kind: str  # receipt | payment | transfer
    amount: Money  # as in the books: money in positive


@dataclass(frozen=True)
class GrantReceived:
    on: date
    funder: str
    reference: str
    amount: Money


@dataclass(frozen=True)
class FundStatement:
    letterhead: Letterhead
    name: str
    kind: str
    description: str
    year_starts_on: date
    year_ends_on: date
    printed_on: date
    at_start: Money
    receipts: Money
    payments: Money  # a positive figure
    transfers: Money  # in (+) or out (-)
    at_end: Money
    lines: tuple[FundLine, ...]
    grants: tuple[GrantReceived, ...] = ()  # grants received into the fund, up to the year end

    @property
    def is_grant(self) -> bool:
        return bool(self.grants)

    @property
    def lines_agree(self) -> bool:
        """Do the listed lines add up to the figures above them?"""
        total = {"receipt": 0, "payment": 0, "transfer": 0}
        for line in self.lines:
            total[line.kind] += line.amount.pence
        return (total["receipt"], -total["payment"], total["transfer"]) == (
            self.receipts.pence,
            self.payments.pence,
            self.transfers.pence,
        )


def _figures(statement: FundStatement) -> FigureSection:
    start, end = format_date(statement.year_starts_on), format_date(statement.year_ends_on)
    rows = (
        FigureRow(f"Balance at {start}", (statement.at_start.pence,)),
        FigureRow("Received", (statement.receipts.pence,)),
        FigureRow("Spent", (-statement.payments.pence,)),
        FigureRow("Transfers in/(out)", (statement.transfers.pence,)),
        FigureRow(f"Balance at {end}", (statement.at_end.pence,), "total"),
    )
    return FigureSection("", "The year", rows)


def _line_rows(statement: FundStatement) -> list[list[str]]:
    rows = []
    for line in statement.lines:
        cells = ["", "", ""]
        cells[("receipt", "payment", "transfer").index(line.kind)] = figure(
            -line.amount if line.kind == "payment" else line.amount
        )
        payee = line.payee + (f" ({line.reference})" if line.reference else "")
        rows.append([format_date(line.on), payee, line.category, line.account, *cells])
    rows.append(
        [
            "",
            "Total",
            "",
            "",
            figure(statement.receipts),
            figure(statement.payments),
            figure(statement.transfers),
        ]
    )
    return rows


def _grant_part(statement: FundStatement) -> list[Flowable]:
    styles = account_styles()
    rows = [[format_date(g.on), g.funder, g.reference, figure(g.amount)] for g in statement.grants]
    total = Money(sum(g.amount.pence for g in statement.grants))
    rows.append(["", "Total granted", "", figure(total)])
    return [
        KeepTogether(
            [
                Paragraph(
                    escape(
                        f"Grants received into this fund, to {format_date(statement.year_ends_on)}"
                    ),
                    styles["section"],
                ),
                ZebraTable(GRANT_COLUMNS, rows, 8.5, 11, total_row=True),
            ]
        )
    ]


def build_fund_statement(statement: FundStatement, out: Path) -> Path:
    styles = account_styles()
    width = content_width()
    head = statement.letterhead
    period = f"{format_date(statement.year_starts_on)} to {format_date(statement.year_ends_on)}"
    title = "Grant statement" if statement.is_grant else "Fund statement"
    kind = KIND_NAMES.get(statement.kind, statement.kind)
    story: list[Flowable] = [
        Paragraph(escape(f"{title}: {statement.name}"), styles["title"]),
        Paragraph(escape(f"{kind}  ·  for the year {period}"), styles["subtitle"]),
    ]
    if statement.description:
        story.append(Paragraph(escape(statement.description), styles["cell"]))
    story += [
        Spacer(1, 6),
        figure_table(
            ("Amount",),
            (_figures(statement),),
            width * 0.7,
            shade_last=False,
            figure_width=FIGURE_WIDTH,
            fmt=lambda p: "" if p is None else figure(Money(p)),
        ),
    ]
    if statement.at_end.pence < 0:
        story += [
            Spacer(1, 5),
            warning_box(
                "This fund is overspent",
                [
                    f"It ends the year {(-statement.at_end).format()} overdrawn: more was spent "
                    "from it than it held. A transfer from the general fund puts it right."
                ],
                width,
            ),
        ]
    if statement.grants:
        story += _grant_part(statement)
    story.append(Paragraph("Entries in the year", styles["section"]))
    if statement.lines:
        story.append(ZebraTable(LINE_COLUMNS, _line_rows(statement), 8, 10.4, total_row=True))
    else:
        story.append(Paragraph("No entries in this fund this year.", styles["note"]))
    if not statement.lines_agree:
        story += [
            Spacer(1, 5),
            warning_box(
                "The entries do not add up to the figures above",
                ["Check the fund's entries in the cash book before the examination."],
                width,
            ),
        ]
    return build_accounts_pdf(
        out, head, story, title, statement.name, f"{title}: {statement.name}, {period}"
    )
