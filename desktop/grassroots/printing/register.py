"""The register of members: the list a group's rules (and the Companies Act, for a company)
require it to keep, printed for the committee or an inspection."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Frame, PageTemplate, Paragraph, Spacer

from grassroots.core.dates import format_date
from grassroots.printing.letterhead import Letterhead, draw_footer, draw_running_header
from grassroots.printing.pages import build
from grassroots.printing.styles import BOTTOM_MARGIN, MARGIN, sheet
from grassroots.printing.tables import Column, ZebraTable

PAGE = landscape(A4)
HEADER_ROOM = 24 * mm  # the running header sits above the frame


@dataclass(frozen=True)
class RegisterLine:
    number: int | None
    name: str  # "Surname, First": the register is read by surname
    address: str
    joined: date | None
    type_name: str
    status: str
    expires: date | None  # None: never expires (life or honorary)


@dataclass(frozen=True)
class Register:
    letterhead: Letterhead
    printed_on: date
    lines: tuple[RegisterLine, ...]
    scope: str = "All members"
    title: str = "Register of members"


COLUMNS = (
    Column("No.", 0, "right"),
    Column("Name", 2.2),
    Column("Address", 4.0),
    Column("Joined", 0),
    Column("Type", 1.5),
    Column("Status", 0),
    Column("Expires", 0),
)


def _cells(line: RegisterLine) -> tuple[str, ...]:
    return (
        "" if line.number is None else str(line.number),
        line.name,
        line.address,
        format_date(line.joined),
        line.type_name,
        line.status,
        format_date(line.expires) if line.expires else "Life",
    )


def _totals(register: Register) -> list[tuple[str, str]]:
    by_status = Counter(line.status for line in register.lines)
    by_type = Counter(line.type_name for line in register.lines)
    rows = [(f"Status: {k}", f"{v:,}") for k, v in sorted(by_status.items())]
    rows += [(f"Type: {k}", f"{v:,}") for k, v in sorted(by_type.items())]
    return [*rows, ("Total", f"{len(register.lines):,}")]


def build_register(register: Register, out: Path, large_print: bool = False) -> Path:
    styles = sheet(large_print)
    width, height = PAGE
    head = register.letterhead
    detail = f"{register.scope}  ·  printed {format_date(register.printed_on)}"

    def page(canvas, _doc) -> None:
        draw_running_header(canvas, head, register.title, detail, width, height)

    frame = Frame(
        MARGIN,
        BOTTOM_MARGIN,
        width - 2 * MARGIN,
        height - BOTTOM_MARGIN - HEADER_ROOM - 4 * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    rows = [_cells(line) for line in register.lines]
    totals = _totals(register)
    count = len(register.lines)
    story = [
        ZebraTable(COLUMNS, rows, styles.table_size, styles.table_leading),
        Spacer(1, styles.body_size),
        CondPageBreak(styles.table_leading * (len(totals) + 4)),
        Paragraph(f"Totals: {count:,} {'member' if count == 1 else 'members'}", styles.subheading),
        ZebraTable(
            (Column("Count by", 3), Column("Members", 1, "right")),
            totals,
            styles.table_size,
            styles.table_leading,
            width=(120 if large_print else 90) * mm,
            total_row=True,
        ),
    ]
    return build(
        out,
        [PageTemplate("register", [frame], onPage=page, pagesize=PAGE)],
        story,
        lambda c, p, n: draw_footer(c, head, p, n, width),
        f"{register.title}: {head.name}",
        head.name,
        pagesize=PAGE,
    )
