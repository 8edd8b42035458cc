"""One room's month at a glance: a calendar (weeks down, Monday to Sunday across) with each
day's bookings in small type, so a booking secretary on the phone to a hirer can see at once
which evenings are still free. Free evenings are shaded and listed underneath as well, because
shading alone is lost on a black-and-white copy.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

from grassroots.core.clock import format_time
from grassroots.core.dates import format_date
from grassroots.printing.fonts import BOLD, ITALIC, REGULAR, register_fonts
from grassroots.printing.letterhead import Letterhead, draw_footer, draw_letterhead
from grassroots.printing.pages import build
from grassroots.printing.styles import ACCENT, HEADER_FILL, INK, MARGIN, MUTED, RULE

PAGE = landscape(A4)
FREE_FILL = colors.HexColor("#E6F4EA")
FREE_INK = colors.HexColor("#1E6B3A")
OUTSIDE_FILL = colors.HexColor("#F1F3F4")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class MonthEntry:
    on: date
    starts_at: time
    ends_at: time
    who: str
    provisional: bool = False


@dataclass(frozen=True)
class RoomMonth:
    letterhead: Letterhead
    room: str
    venue: str
    capacity: int | None
    month: date  # any day of the month
    entries: tuple[MonthEntry, ...]
    free_evenings: tuple[date, ...]
    evening: str  # the hours counted as an evening, in words: "18:00–22:00"
    printed_on: date

    @property
    def title(self) -> str:
        return f"{self.room}: {self.month:%B %Y}"


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("rm", fontName=REGULAR, fontSize=7, leading=8.4, textColor=INK)
    return {
        "entry": base,
        "more": ParagraphStyle("rm-m", parent=base, textColor=MUTED, fontName=ITALIC),
        "free": ParagraphStyle("rm-f", parent=base, textColor=FREE_INK, fontName=BOLD),
        "num": ParagraphStyle("rm-n", parent=base, fontName=BOLD, fontSize=10, leading=12),
        "head": ParagraphStyle(
            "rm-h", parent=base, fontName=BOLD, fontSize=9, leading=11, textColor=ACCENT
        ),
        "title": ParagraphStyle(
            "rm-t", parent=base, fontName=BOLD, fontSize=18, leading=22, spaceAfter=2
        ),
        "sub": ParagraphStyle("rm-s", parent=base, fontSize=10, leading=13, textColor=MUTED),
        "body": ParagraphStyle("rm-b", parent=base, fontSize=9.5, leading=12.5),
    }


def _entry_text(entry: MonthEntry) -> str:
    when = f"{format_time(entry.starts_at)}–{format_time(entry.ends_at)}"
    flag = f" <font name='{BOLD}' color='#8A5A00'>(prov.)</font>" if entry.provisional else ""
    return f"<b>{when}</b> {escape(_shorten(entry.who))}{flag}"


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _day_cell(
    on: date,
    month: RoomMonth,
    height: float,
    width: float,
    styles: dict[str, ParagraphStyle],
) -> list[Flowable]:
    """The day's number, as many bookings as fit the cell (measured, since a long name wraps)
    and "and N more" for the rest, then whether the evening is free."""
    entries = [e for e in month.entries if e.on == on]
    free = on in month.free_evenings
    line = styles["entry"].leading
    budget = height - styles["num"].leading - 6 - (line if free else 0)
    cell: list[Flowable] = [Paragraph(str(on.day), styles["num"])]
    used = 0.0
    for i, e in enumerate(entries):
        para = Paragraph(_entry_text(e), styles["entry"])
        need = para.wrap(width, height)[1]
        left = len(entries) - i - 1
        if used + need + (line if left else 0) > budget:
            cell.append(Paragraph(f"and {len(entries) - i} more", styles["more"]))
            break
        cell.append(para)
        used += need
    if free:
        cell.append(Paragraph("Evening free", styles["free"]))
    return cell


def _grid(month: RoomMonth, width: float, height: float) -> Table:
    styles = _styles()
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(
        month.month.year, month.month.month
    )
    row_height = min(30 * mm, (height - 9 * mm) / len(weeks))
    data: list[list] = [[Paragraph(name, styles["head"]) for name in DAY_NAMES]]
    commands: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.6, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for r, week in enumerate(weeks, start=1):
        row: list = []
        for c, on in enumerate(week):
            if on.month != month.month.month:
                row.append("")
                commands.append(("BACKGROUND", (c, r), (c, r), OUTSIDE_FILL))
                continue
            row.append(_day_cell(on, month, row_height, width / 7 - 8, styles))
            if on in month.free_evenings:
                commands.append(("BACKGROUND", (c, r), (c, r), FREE_FILL))
        data.append(row)
    table = Table(
        data,
        colWidths=[width / 7] * 7,
        rowHeights=[None] + [row_height] * len(weeks),
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(commands))
    return table


def _free_list(month: RoomMonth) -> str:
    if not month.free_evenings:
        return f"No free evenings ({month.evening}) this month."
    days = ", ".join(f"{d:%a} {d.day}" for d in month.free_evenings)
    count = len(month.free_evenings)
    return f"<b>{count} free evening{'s' if count != 1 else ''}</b> ({month.evening}): {days}."


def build_room_month(month: RoomMonth, out: Path) -> Path:
    """Write the month on one landscape page under the letterhead."""
    width, height = PAGE
    head = month.letterhead
    styles = _styles()
    inner = width - 2 * MARGIN
    bottom = 15 * mm
    top = 37 * mm
    facts = [month.venue]
    if month.capacity:
        facts.append(f"holds {month.capacity} people")
    facts.append(f"{len(month.entries)} booking{'s' if len(month.entries) != 1 else ''}")
    intro: list[Flowable] = [
        Paragraph(escape(month.title), styles["title"]),
        Paragraph(escape("  ·  ".join(f for f in facts if f)), styles["sub"]),
        Spacer(1, 3 * mm),
    ]
    free = Paragraph(_free_list(month), styles["body"])
    reserved = sum(f.wrap(inner, height)[1] for f in intro) + free.wrap(inner, height)[1] + 12 * mm
    story = [*intro, _grid(month, inner, height - top - bottom - reserved), Spacer(1, 3 * mm), free]

    def first(canvas, _doc) -> None:
        draw_letterhead(canvas, head, width, height)

    def footer(canvas, page: int, pages: int) -> None:
        draw_footer(
            canvas, head, page, pages, width, note=f"Printed {format_date(month.printed_on)}"
        )

    return build(
        out,
        [
            PageTemplate(
                "first",
                [Frame(MARGIN, bottom, inner, height - top - bottom, 0, 0, 0, 0)],
                onPage=first,
            )
        ],
        story,
        footer,
        f"{month.title}: {head.name}",
        head.name,
        pagesize=PAGE,
    )
