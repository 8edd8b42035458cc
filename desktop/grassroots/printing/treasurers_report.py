"""The treasurer's report to a committee meeting: what came in and went out in the period by
category against the budget, and what the group held at the start and end, by account and by
fund. Pounds and pence, since a committee ties these figures to the bank statement.

Lines still to categorise are shaded and named, so nobody mistakes them for spending that has
been looked at.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from grassroots.core.dates import format_date, format_long
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
from grassroots.printing.charts import MonthBar, month_chart
from grassroots.printing.fonts import BOLD
from grassroots.printing.letterhead import Letterhead
from grassroots.printing.styles import HEADER_FILL, INK, RULE

FIGURE_WIDTH = 24 * mm
NOTHING = Money(0)


@dataclass(frozen=True)
class ReportRow:
    """A category's figures: this period (and year to date, for part of a year), the year's
    budget and the difference; None leaves a cell empty (no budget set)."""

    label: str
    values: tuple[Money | None, ...]
    to_categorise: bool = False
    kind: str = "line"  # line | total


@dataclass(frozen=True)
class BalanceRow:
    name: str
    at_start: Money
    at_end: Money


@dataclass(frozen=True)
class CommitteeReport:
    letterhead: Letterhead
    start: date
    end: date
    year_starts_on: date
    year_ends_on: date
    part_year: bool
    budgeted: bool  # a budget is set for the year: print the budget and difference columns
    printed_on: date
    receipts: tuple[ReportRow, ...]
    receipts_total: ReportRow
    payments: tuple[ReportRow, ...]
    payments_total: ReportRow
    surplus: Money
    accounts: tuple[BalanceRow, ...]
    funds: tuple[BalanceRow, ...]
    to_categorise_in: Money = NOTHING
    to_categorise_out: Money = NOTHING
    months: tuple[MonthBar, ...] = ()  # the year's months, for the chart (none: no chart)

    @property
    def columns(self) -> tuple[str, ...]:
        actual = ("This period", "Year to date") if self.part_year else ("Actual",)
        budget = ("Budget for year" if self.part_year else "Budget", "Difference")
        return (*actual, *(budget if self.budgeted else ()))


def money(pence: int | None) -> str:
    """'1,234.50', '(12.34)' for a negative, '-' for nothing, '' for no figure."""
    if pence is None:
        return ""
    if pence == 0:
        return "-"
    text = Money(abs(pence)).format().lstrip("£")
    return f"({text})" if pence < 0 else text


def _pence(row: ReportRow) -> tuple[int | None, ...]:
    return tuple(None if v is None else v.pence for v in row.values)


def _figure_row(row: ReportRow) -> FigureRow:
    return FigureRow(row.label, _pence(row), row.kind, row.to_categorise)


def _totals(rows: tuple[BalanceRow, ...]) -> tuple[int, int]:
    return sum(r.at_start.pence for r in rows), sum(r.at_end.pence for r in rows)


def _balances(title: str, rows: tuple[BalanceRow, ...], total: str) -> FigureSection:
    lines = [
        FigureRow(r.name, (r.at_start.pence, r.at_end.pence, r.at_end.pence - r.at_start.pence))
        for r in rows
    ]
    start, end = _totals(rows)
    lines.append(FigureRow(total, (start, end, end - start), "total"))
    return FigureSection("", title, tuple(lines))


def _summary(report: CommitteeReport, width: float) -> Table:
    """The four figures a committee wants first: held at the start, in, out, held at the end."""
    styles = account_styles()
    start, end = _totals(report.accounts)
    figures = (
        (f"Held on {format_date(report.start)}", start),
        ("Received", report.receipts_total.values[0].pence),
        ("Paid out", report.payments_total.values[0].pence),
        (f"Held on {format_date(report.end)}", end),
    )
    labels = [Paragraph(escape(label), styles["note"]) for label, _ in figures]
    values = [f"£{money(v)}" if v else "£0.00" for _, v in figures]
    table = Table([labels, values], colWidths=[width / 4] * 4, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
                ("FONT", (0, 1), (-1, 1), BOLD, 13, 16),
                ("TEXTCOLOR", (0, 1), (-1, 1), INK),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 7),
            ]
        )
    )
    return table


def _explanation(report: CommitteeReport) -> str:
    """What the difference column means, or that no budget is set, and what is left out."""
    left_out = "Transfers between the group's own accounts and between funds are left out."
    year = f"{report.year_starts_on:%Y}/{report.year_ends_on:%y}"
    if not report.budgeted:
        return f"No budget is set for {year}. {left_out}"
    if report.part_year:
        return (
            "Difference is the year to date less the budget for the year: a figure in brackets "
            f"is still to come in (receipts) or not yet spent (payments). {left_out}"
        )
    return (
        "Difference is the actual less the budget: a figure in brackets is below budget. "
        + left_out
    )


def build_treasurers_report(report: CommitteeReport, out: Path) -> Path:
    styles = account_styles()
    width = content_width()
    head = report.letterhead
    period = f"{format_long(report.start)} to {format_long(report.end)}"
    year = f"{report.year_starts_on:%Y}/{report.year_ends_on:%y}"
    subtitle = f"{period}  ·  {'part of ' if report.part_year else ''}the financial year {year}"
    flows = FigureSection(
        "",
        "Receipts",
        (*map(_figure_row, report.receipts), _figure_row(report.receipts_total)),
    )
    payments = FigureSection(
        "",
        "Payments",
        (
            *map(_figure_row, report.payments),
            _figure_row(report.payments_total),
            FigureRow(
                "Surplus/(deficit) for the period",
                (report.surplus.pence, *([None] * (len(report.columns) - 1))),
                "net",
            ),
        ),
    )
    story: list[Flowable] = [
        Paragraph("Treasurer's report", styles["title"]),
        Paragraph(escape(subtitle), styles["subtitle"]),
        Spacer(1, 4),
        _summary(report, width),
    ]
    if report.to_categorise_in or report.to_categorise_out:
        story += [
            Spacer(1, 8),
            warning_box(
                "Some money is still to categorise",
                [
                    f"Received {report.to_categorise_in.format()} and paid out "
                    f"{report.to_categorise_out.format()} without a category yet; these are "
                    "shaded below. Categorise them in the cash book so the budget lines are "
                    "complete."
                ],
                width,
            ),
        ]
    story += [
        Paragraph("Receipts and payments", styles["section"]),
        figure_table(
            report.columns,
            (flows, payments),
            width,
            shade_last=False,
            figure_width=FIGURE_WIDTH,
            fmt=money,
        ),
        Spacer(1, 3),
        Paragraph(escape(_explanation(report)), styles["note"]),
    ]
    columns = (f"At {format_date(report.start)}", f"At {format_date(report.end)}", "Change")
    story += [
        KeepTogether(
            [
                Paragraph("Balances by account", styles["section"]),
                figure_table(
                    columns,
                    (_balances("Bank and cash", report.accounts, "Total held"),),
                    width,
                    shade_last=False,
                    figure_width=FIGURE_WIDTH,
                    fmt=money,
                ),
            ]
        ),
        KeepTogether(
            [
                Paragraph("Balances by fund", styles["section"]),
                figure_table(
                    columns,
                    (_balances("Funds", report.funds, "Total funds"),),
                    width,
                    shade_last=False,
                    figure_width=FIGURE_WIDTH,
                    fmt=money,
                ),
                Spacer(1, 6),
                _agreement(report, width),
            ]
        ),
    ]
    if report.months:
        story.append(_month_chart(report, width))
    title = "Treasurer's report"
    return build_accounts_pdf(
        out,
        head,
        story,
        title,
        period,
        f"Printed {format_date(report.printed_on)}",
        pdf_title=f"{title}, {period}",
    )


def _agreement(report: CommitteeReport, width: float) -> Flowable:
    """States that the accounts and the funds hold the same money, or warns that they do not."""
    styles = account_styles()
    accounts_end = _totals(report.accounts)[1]
    funds_end = _totals(report.funds)[1]
    if accounts_end == funds_end:
        return Paragraph(
            "<b>Check:</b> "
            + escape(
                f"the accounts and the funds both hold £{money(accounts_end)} at "
                f"{format_date(report.end)}."
            ),
            styles["good"],
        )
    return warning_box(
        "The accounts and the funds do not agree",
        [
            f"The accounts hold £{money(accounts_end)} but the funds add to "
            f"£{money(funds_end)} at {format_date(report.end)}."
        ],
        width,
    )


def _month_chart(report: CommitteeReport, width: float) -> Flowable:
    """The months as a bar chart, for a committee that would rather look than read."""
    styles = account_styles()
    first, last = report.months[0].month, report.months[-1].month
    return KeepTogether(
        [
            Paragraph(
                escape(f"Income and spending by month, {first:%B %Y} to {last:%B %Y}"),
                styles["section"],
            ),
            Spacer(1, 2),
            month_chart(report.months, width, 62 * mm),
        ]
    )
