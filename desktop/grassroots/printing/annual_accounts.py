"""The year-end accounts as a charity's trustees sign them and an independent examiner reads
them: section A, the receipts and payments account, and section B, the statement of assets and
liabilities, on the Charity Commission's CC16 layout or another form's fixed lines (OSCR's).

Everything arrives already in whole pounds, laid out as labelled rows, so one builder prints
any form: the caller decides the lines, this module decides how they look. Figures sit in
right-aligned columns with brackets for negatives and a dash for nothing, sub totals carry a
rule above, totals a rule above and a double rule below, as accounts are ruled by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from grassroots.core.dates import format_date
from grassroots.printing.fonts import BOLD, REGULAR, register_fonts
from grassroots.printing.letterhead import (
    Letterhead,
    draw_footer,
    draw_letterhead,
    draw_running_header,
)
from grassroots.printing.pages import build
from grassroots.printing.styles import (
    ACCENT,
    BOTTOM_MARGIN,
    HEADER_FILL,
    INK,
    MARGIN,
    MUTED,
    RULE,
    ZEBRA_FILL,
)

PAGE = A4
FIRST_TOP = 42 * mm  # room for the full letterhead on the first page
LATER_TOP = 26 * mm  # room for the running header on the pages after it
FIGURE_WIDTH = 23 * mm
SIZE = 8.8
LEADING = 11.5

WARN_FILL = colors.HexColor("#FDF3E1")
WARN_EDGE = colors.HexColor("#C77C02")
WARN_INK = colors.HexColor("#7A4A00")
FLAG_FILL = colors.HexColor("#FFF6E5")
GOOD_INK = colors.HexColor("#2F6B3A")
ROUNDING = "All figures are to the nearest pound; a figure in brackets is negative."
ROUNDING_POINTER = (
    "Some totals differ by £1 from the sum of the lines above them, because each figure is "
    "rounded to the nearest pound on its own: see the notes at the end."
)

# ---------------------------------------------------------------- the figures


@dataclass(frozen=True)
class FigureRow:
    """One line of a figure table. `values` has one entry per figure column, in whole pounds;
    None leaves the cell empty (a heading's own line, a column that does not apply)."""

    label: str
    values: tuple[int | None, ...]
    kind: str = "line"  # line | subtotal | total | net
    flagged: bool = False  # still needs the treasurer's attention (e.g. to categorise)


@dataclass(frozen=True)
class FigureSection:
    """A numbered part of a form: "A1" "Receipts" and its rows (totals included)."""

    code: str
    title: str
    rows: tuple[FigureRow, ...]
    note: str = ""  # a line under the title, e.g. "(agree with A6)"


@dataclass(frozen=True)
class ItemList:
    """B2 to B5: things listed by the treasurer, with their own columns. The last
    `figures` columns are amounts in whole pounds (None prints a dash)."""

    code: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str | int | None, ...], ...]
    figures: int
    empty: str = "None"


@dataclass(frozen=True)
class AnnualAccounts:
    letterhead: Letterhead
    title: str  # "Receipts and payments accounts"
    form: str  # which form the layout follows, printed under the title
    year_starts_on: date
    year_ends_on: date
    printed_on: date
    columns: tuple[str, ...]  # section A's figure columns, the last being last year's
    section_a_title: str
    section_a: tuple[FigureSection, ...]
    section_b_title: str
    cash_columns: tuple[str, ...]  # B1's figure columns
    cash: FigureSection  # B1 cash funds per fund, with the total
    accounts_held: tuple[tuple[str, int], ...]  # where the cash is: each bank account
    items: tuple[ItemList, ...]  # B2 to B5
    cash_agrees: bool
    cash_check: str  # says the two agree, or by how much they do not
    cash_check_title: str  # the warning's title when they do not agree
    warnings: tuple[str, ...] = ()  # shown in a box before the trustees sign
    notes: tuple[str, ...] = ()  # rounding notes and the like, in small print
    approved_by: str = ""
    approved_on: date | None = None
    signatories: int = 2
    approved_role: str = ""  # the approving trustee's position, e.g. "Chair"


# ---------------------------------------------------------------- formatting


def pounds(value: int | None) -> str:
    """'1,234', '(56)' for a negative, '-' for nothing, '' for no figure at all."""
    if value is None:
        return ""
    if value == 0:
        return "-"
    return f"({-value:,})" if value < 0 else f"{value:,}"


def account_styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("acc", fontName=REGULAR, fontSize=SIZE, leading=LEADING, textColor=INK)
    return {
        "cell": base,
        "bold": ParagraphStyle("acc-b", parent=base, fontName=BOLD),
        "flag": ParagraphStyle("acc-f", parent=base, textColor=WARN_INK),
        "head": ParagraphStyle(
            "acc-h", parent=base, fontName=BOLD, fontSize=8, leading=10, alignment=TA_RIGHT
        ),
        "title": ParagraphStyle(
            "acc-t", parent=base, fontName=BOLD, fontSize=18, leading=22, spaceAfter=2
        ),
        "subtitle": ParagraphStyle(
            "acc-s", parent=base, fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=4
        ),
        "section": ParagraphStyle(
            "acc-sec",
            parent=base,
            fontName=BOLD,
            fontSize=12,
            leading=15,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=5,
        ),
        "part": ParagraphStyle(
            "acc-p", parent=base, fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=4
        ),
        "note": ParagraphStyle("acc-n", parent=base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "warn": ParagraphStyle("acc-w", parent=base, textColor=WARN_INK),
        "warn-title": ParagraphStyle("acc-wt", parent=base, fontName=BOLD, textColor=WARN_INK),
        "good": ParagraphStyle("acc-g", parent=base, textColor=GOOD_INK),
    }


def figure_table(
    columns: Sequence[str],
    sections: Sequence[FigureSection],
    width: float,
    *,
    shade_last: bool = True,
    figure_width: float = FIGURE_WIDTH,
    unit: str = "£",
    fmt: Callable[[int | None], str] = pounds,
    header: bool = True,
) -> Table:
    """Sections of labelled figures under shared column titles; the last column shaded when
    `shade_last` (last year's comparatives read as apart from this year's)."""
    styles = account_styles()
    n = len(columns)
    widths = [width - n * figure_width, *([figure_width] * n)]
    data: list[list] = [
        ["", *(Paragraph(escape(c), styles["head"]) for c in columns)],
        ["", *([unit] * n)],
    ]
    if not header:  # continues the table above it, under the same columns
        data = []
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, SIZE, LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands += [
            ("FONT", (1, 1), (-1, 1), BOLD, SIZE, LEADING),
            ("LINEBELOW", (1, 1), (-1, 1), 0.6, RULE),
        ]
    if shade_last:
        commands.append(("BACKGROUND", (-1, 0), (-1, -1), ZEBRA_FILL))
    for section in sections:
        top = len(data)
        title = f"{section.code}  {section.title}" if section.code else section.title
        data.append([Paragraph(escape(title), styles["part"]), *([""] * n)])
        commands.append(("TOPPADDING", (0, top), (-1, top), 7))
        commands.append(("SPAN", (0, top), (-2 if shade_last else -1, top)))
        if section.note:
            at = len(data)
            data.append([Paragraph(escape(section.note), styles["note"]), *([""] * n)])
            commands.append(("SPAN", (0, at), (-2 if shade_last else -1, at)))
        for row in section.rows:
            at = len(data)
            style = styles["flag"] if row.flagged else styles["cell"]
            if row.kind != "line":
                style = styles["bold"]
            label = escape(row.label)
            if row.flagged and "categoris" not in row.label.lower():
                label += " <i>(to look at)</i>"
            data.append([Paragraph(label, style), *(fmt(v) for v in row.values)])
            if row.flagged:
                commands.append(("BACKGROUND", (0, at), (-2 if shade_last else -1, at), FLAG_FILL))
                commands.append(("TEXTCOLOR", (1, at), (-1, at), WARN_INK))
            if row.kind in ("subtotal", "total", "net"):
                commands.append(("FONT", (1, at), (-1, at), BOLD, SIZE, LEADING))
            # Rules under and over the figures only, as a column of sums is ruled by hand.
            ruled = [i + 1 for i, v in enumerate(row.values) if v is not None]
            for col in ruled if row.kind in ("subtotal", "total") else ():
                commands.append(("LINEABOVE", (col, at), (col, at), 0.6, INK))
            for col in ruled if row.kind == "total" else ():
                commands.append(
                    ("LINEBELOW", (col, at), (col, at), 0.6, INK, None, None, None, 2, 1.2)
                )
            for col in ruled if row.kind == "net" else ():
                commands.append(("LINEBELOW", (col, at), (col, at), 0.6, INK))
            if row.kind == "total":
                commands.append(("BOTTOMPADDING", (0, at), (-1, at), 3))
        # A section's title never ends a page without its first lines under it.
        commands.append(("NOSPLIT", (0, top), (-1, min(len(data) - 1, top + 2))))
    table = Table(data, colWidths=widths, repeatRows=2 if header else 0, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def warning_box(title: str, lines: Sequence[str], width: float) -> Table:
    """An amber box that cannot be missed: something to put right before anyone signs."""
    styles = account_styles()
    cells = [[Paragraph(escape(title), styles["warn-title"])]]
    cells += [[Paragraph(escape(line), styles["warn"])] for line in lines]
    box = Table(cells, colWidths=[width], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), WARN_FILL),
                ("BOX", (0, 0), (-1, -1), 1.2, WARN_EDGE),
                ("LINEBEFORE", (0, 0), (0, -1), 4, WARN_EDGE),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("TOPPADDING", (0, 0), (-1, 0), 7),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]
        )
    )
    return box


ITEM_FUND_WIDTH = 45 * mm
ITEM_FIGURE_WIDTH = FIGURE_WIDTH + 5 * mm


def _on_item_grid(item: ItemList) -> tuple[tuple[str, ...], list[list], int]:
    """The list's columns and rows on the one grid every list shares (details | fund | a third
    column | the last figure), so B2 to B5 line up one under another like the form's boxes.
    Returns the columns, the rows, and how many leading columns are words."""
    columns, rows = list(item.columns), [list(values) for values in item.rows]
    words = len(columns) - item.figures
    if len(columns) == 3:  # details, fund and one figure: the third column stays empty
        columns.insert(2, "")
        for values in rows:
            values.insert(2, "")
    return tuple(columns), rows, words


def item_table(item: ItemList, width: float) -> list[Flowable]:
    """One of B2 to B5, kept together: its title, then its rows or a plain 'None'."""
    return [KeepTogether(item_parts(item, width))]


def item_parts(item: ItemList, width: float) -> list[Flowable]:
    """The flowables of one of B2 to B5, for a caller that keeps them with something else
    (a KeepTogether inside another never fits, so they come loose)."""
    styles = account_styles()
    parts: list[Flowable] = [Paragraph(escape(f"{item.code}  {item.title}"), styles["part"])]
    if not item.rows:
        parts.append(Paragraph(escape(item.empty), styles["note"]))
        return parts
    columns, values_rows, words = _on_item_grid(item)
    widths = [
        width - ITEM_FUND_WIDTH - 2 * ITEM_FIGURE_WIDTH,
        ITEM_FUND_WIDTH,
        ITEM_FIGURE_WIDTH,
        ITEM_FIGURE_WIDTH,
    ]
    head = [Paragraph(escape(c), styles["bold"]) for c in columns[:words]]
    head += [Paragraph(escape(c), styles["head"]) for c in columns[words:]]
    rows = [head]
    for values in values_rows:
        cells: list = [Paragraph(escape(str(v or "")), styles["cell"]) for v in values[:words]]
        cells += [
            "" if v == "" else pounds(v if isinstance(v, int) else None) or "-"
            for v in values[words:]
        ]
        rows.append(cells)
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, SIZE, LEADING),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("ALIGN", (words, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [*parts, Spacer(1, 2), table]


def approval_block(
    width: float,
    signatories: int = 2,
    name: str = "",
    on: date | None = None,
    position: str = "",
) -> list[Flowable]:
    """Signed by one or two trustees on behalf of all: signature, name, position, date. Once
    the year is closed, the trustee who approved it and the date are printed in; the signature
    is still written by hand."""
    styles = account_styles()
    if on is not None:
        intro_text = (
            f"These accounts were approved by the trustees on {format_date(on)} and are signed "
            "on their behalf by:"
        )
    else:
        intro_text = (
            "These accounts were approved by the trustees and are signed on their behalf by:"
        )
    intro = Paragraph(escape(intro_text), styles["cell"])
    fields = ("Signature", "Full name", "Position", "Date")
    filled = {"Full name": name, "Position": position, "Date": format_date(on) if on else ""}
    gap = 10 * mm
    each = (width - gap * (signatories - 1)) / signatories
    label_w = 20 * mm
    cells, widths = [], []
    for i in range(signatories):
        if i:
            widths.append(gap)
        widths += [label_w, each - label_w]
    for field_name in fields:
        line: list = []
        for i in range(signatories):
            if i:
                line.append("")
            value = filled.get(field_name, "") if i == 0 else ""
            line += [field_name, value]
        cells.append(line)
    table = Table(cells, colWidths=widths, rowHeights=[9 * mm] * len(fields), hAlign="LEFT")
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, SIZE, LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i in range(signatories):
        col = i * 3 + 1
        commands.append(("LINEBELOW", (col, 0), (col, -1), 0.6, INK))
        commands.append(("TEXTCOLOR", (col, 0), (col, -1), INK))
        commands.append(("LEFTPADDING", (col, 0), (col, -1), 3))
    table.setStyle(TableStyle(commands))
    title = Paragraph("Approval by the trustees", styles["section"])
    return [title, intro, table]


# ---------------------------------------------------------------- pages


def _frames(width: float, height: float) -> tuple[Frame, Frame]:
    def frame(top: float, name: str) -> Frame:
        return Frame(
            MARGIN,
            BOTTOM_MARGIN,
            width - 2 * MARGIN,
            height - BOTTOM_MARGIN - top,
            0,
            0,
            0,
            0,
            id=name,
        )

    return frame(FIRST_TOP, "first"), frame(LATER_TOP, "later")


def page_templates(head: Letterhead, title: str, detail: str) -> list[PageTemplate]:
    """A first page under the full letterhead, later pages under a slim running header."""
    width, height = PAGE
    first, later = _frames(width, height)

    def on_first(canvas, _doc) -> None:
        draw_letterhead(canvas, head, width, height)

    def on_later(canvas, _doc) -> None:
        draw_running_header(canvas, head, title, detail, width, height)

    return [
        PageTemplate("first", [first], onPage=on_first, autoNextPageTemplate="later"),
        PageTemplate("later", [later], onPage=on_later),
    ]


def build_accounts_pdf(
    out: Path,
    head: Letterhead,
    story: list[Flowable],
    running: str,
    detail: str,
    note: str,
    pdf_title: str = "",
) -> Path:
    """Write `story` as an accounts document: the first page under the full letterhead, later
    ones under a running header of `running` and `detail`, every footer naming the document
    (`note`) beside "Page X of Y". The PDF's own title is `pdf_title` (the note unless given)
    and the group's name, so a file found later in a folder says whose it is."""
    return build(
        out,
        page_templates(head, running, detail),
        story,
        lambda c, p, n: draw_footer(c, head, p, n, PAGE[0], note=note),
        f"{pdf_title or note}: {head.name}",
        head.name,
    )


def content_width() -> float:
    return PAGE[0] - 2 * MARGIN


def _period(accounts: AnnualAccounts) -> str:
    return (
        f"For the year {format_date(accounts.year_starts_on)} to "
        f"{format_date(accounts.year_ends_on)}"
    )


def build_annual_accounts(accounts: AnnualAccounts, out: Path) -> Path:
    """Write the accounts: section A on the first page, section B and the trustees' approval
    after it, so the signature sits with the statement it vouches for."""
    styles = account_styles()
    width = content_width()
    head = accounts.letterhead
    year_end = f"year ended {format_date(accounts.year_ends_on)}"
    story: list[Flowable] = [
        Paragraph(escape(accounts.title), styles["title"]),
        Paragraph(escape(f"{_period(accounts)}  ·  {accounts.form}"), styles["subtitle"]),
        Paragraph(
            escape(f"{ROUNDING} {ROUNDING_POINTER}" if accounts.notes else ROUNDING),
            styles["note"],
        ),
        Spacer(1, 6),
    ]
    if accounts.warnings:
        story += [
            warning_box("To put right before the trustees approve", accounts.warnings, width),
            Spacer(1, 2),
        ]
    story += [
        Paragraph(escape(accounts.section_a_title), styles["section"]),
        figure_table(accounts.columns, accounts.section_a, width),
    ]
    story += [
        # Section B starts a page of its own unless section A ran on and left most of one.
        CondPageBreak(PAGE[1] * 0.55),
        Paragraph(escape(accounts.section_b_title), styles["section"]),
        figure_table(accounts.cash_columns, (accounts.cash,), width, shade_last=False),
        Spacer(1, 3),
    ]
    if accounts.accounts_held:
        # Where the cash is, its balances under the total column they must agree with.
        blank = (None,) * (len(accounts.cash_columns) - 1)
        held = FigureSection(
            "",
            "Held in",
            (
                *(FigureRow(name, (*blank, amount)) for name, amount in accounts.accounts_held),
                FigureRow(
                    "Total cash and bank balances",
                    (*blank, sum(a for _, a in accounts.accounts_held)),
                    "total",
                ),
            ),
        )
        story.append(
            figure_table(accounts.cash_columns, (held,), width, shade_last=False, header=False)
        )
    story.append(Spacer(1, 5))
    if accounts.cash_agrees:
        story.append(Paragraph("<b>Check:</b> " + escape(accounts.cash_check), styles["good"]))
    else:
        story.append(warning_box(accounts.cash_check_title, [accounts.cash_check], width))
    story.append(Spacer(1, 4))
    for item in accounts.items[:-1]:
        story += item_table(item, width)
        story.append(Spacer(1, 3))
    approval = approval_block(
        width,
        accounts.signatories,
        accounts.approved_by,
        accounts.approved_on,
        accounts.approved_role,
    )
    # The signatures never stand on a page alone: the last list goes over with them if need be.
    last = item_parts(accounts.items[-1], width) if accounts.items else []
    story.append(KeepTogether([*last, Spacer(1, 8), *approval]))
    if accounts.notes:
        story.append(
            KeepTogether(
                [
                    Spacer(1, 10),
                    Paragraph("Notes: rounding to whole pounds", styles["part"]),
                    Spacer(1, 2),
                    *(Paragraph(escape(note), styles["note"]) for note in accounts.notes),
                ]
            )
        )
    return build_accounts_pdf(
        out, head, story, accounts.title, year_end, f"{accounts.title}, {year_end}"
    )
