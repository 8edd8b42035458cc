"""The week's booking sheet for the hall's noticeboard: one row per day, one column per room.

It is read standing up in a corridor, so the type is large, the days run down the page the way
people scan a diary, provisional bookings say so in words (a colour alone would not survive a
photocopier) and a day with nothing on says "No bookings" rather than leaving a blank that
could be a printing fault.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
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
from grassroots.printing.letterhead import (
    Letterhead,
    draw_footer,
    draw_letterhead,
    draw_running_header,
)
from grassroots.printing.pages import build
from grassroots.printing.styles import ACCENT, HEADER_FILL, INK, MARGIN, MUTED, RULE, ZEBRA_FILL

PAGE = landscape(A4)
TITLE = "Bookings this week"
DAY_WIDTH = 38 * mm
# A cell holds this many bookings before the rest are summed up, so one very busy room can
# never make a row taller than the page (ReportLab cannot split a row).
MAX_IN_CELL = 12
PROVISIONAL_FILL = colors.HexColor("#FFF4D6")
PROVISIONAL_INK = colors.HexColor("#8A5A00")


@dataclass(frozen=True)
class SheetEntry:
    """One booking (or meeting) on the sheet: `who` is already the title with the hirer."""

    room_id: int
    starts_at: time
    ends_at: time
    who: str
    provisional: bool = False
    meeting: bool = False


@dataclass(frozen=True)
class SheetRoom:
    id: int
    name: str


@dataclass(frozen=True)
class BookingSheet:
    letterhead: Letterhead
    monday: date
    rooms: tuple[SheetRoom, ...]
    entries: tuple[SheetEntry, ...]  # the whole week, in date and time order
    days: tuple[tuple[date, tuple[SheetEntry, ...]], ...]  # Monday to Sunday
    printed_on: date

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def period(self) -> str:
        return f"Monday {format_date(self.monday)} to Sunday {format_date(self.sunday)}"


def _styles(size: float) -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("bs", fontName=REGULAR, fontSize=size, leading=size * 1.25, textColor=INK)
    return {
        "time": ParagraphStyle("bs-t", parent=base, fontName=BOLD),
        "who": ParagraphStyle("bs-w", parent=base, spaceAfter=size * 0.45),
        "line": ParagraphStyle("bs-l", parent=base, spaceAfter=size * 0.3),
        "day": ParagraphStyle("bs-d", parent=base, fontName=BOLD, fontSize=size * 1.1),
        "date": ParagraphStyle("bs-dd", parent=base, textColor=MUTED),
        "room": ParagraphStyle("bs-r", parent=base, fontName=BOLD, textColor=ACCENT),
        "free": ParagraphStyle("bs-f", parent=base, textColor=MUTED, fontName=ITALIC),
        "title": ParagraphStyle("bs-ti", parent=base, fontName=BOLD, fontSize=20, leading=24),
        "sub": ParagraphStyle("bs-s", parent=base, fontSize=12, leading=15, textColor=MUTED),
    }


def _size(sheet: BookingSheet) -> float:
    """Large type, a little smaller when the week is busy so it still fits the noticeboard."""
    busiest = max((len(entries) for _, entries in sheet.days), default=0)
    columns = max(len(sheet.rooms), 1)
    if busiest > 20 or columns > 5:
        return 9.0
    if busiest > 8 or columns > 3:
        return 11.0
    return 13.0


def _entry(entry: SheetEntry, styles: dict[str, ParagraphStyle], compact: bool) -> list[Paragraph]:
    """Time above the name; on one line in a busy week, so a full day still fits a page."""
    when = f"{format_time(entry.starts_at)}–{format_time(entry.ends_at)}"
    who = escape(entry.who)
    if entry.meeting:
        who += " <font color='#5F6B76'>(meeting)</font>"
    if entry.provisional:
        who += f" <font name='{BOLD}' color='#8A5A00'>PROVISIONAL</font>"
    if compact:
        return [Paragraph(f"<b>{when}</b>  {who}", styles["line"])]
    return [Paragraph(when, styles["time"]), Paragraph(who, styles["who"])]


def _cell(
    entries: list[SheetEntry], styles: dict[str, ParagraphStyle], compact: bool
) -> list[Flowable]:
    if not entries:
        return [Paragraph("Free", styles["free"])]
    shown = entries if len(entries) <= MAX_IN_CELL else entries[: MAX_IN_CELL - 1]
    cell: list[Flowable] = [p for e in shown for p in _entry(e, styles, compact)]
    if len(shown) < len(entries):
        cell.append(Paragraph(f"and {len(entries) - len(shown)} more", styles["free"]))
    return cell


def _busiest_cell(sheet: BookingSheet) -> int:
    counts = [
        sum(1 for e in entries if e.room_id == room.id)
        for _, entries in sheet.days
        for room in sheet.rooms
    ]
    return max(counts, default=0)


def _grid(sheet: BookingSheet, width: float, styles: dict[str, ParagraphStyle]) -> Table:
    rooms = sheet.rooms
    room_width = (width - DAY_WIDTH) / max(len(rooms), 1)
    data: list[list] = [[Paragraph("", styles["room"])]]
    data[0] += [Paragraph(escape(r.name), styles["room"]) for r in rooms] or [""]
    compact = _busiest_cell(sheet) > 3
    commands: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.6, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    for row, (on, entries) in enumerate(sheet.days, start=1):
        day = [Paragraph(f"{on:%A}", styles["day"]), Paragraph(format_date(on), styles["date"])]
        if row % 2 == 0:
            commands.append(("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL))
        if not entries:
            data.append([day, Paragraph("No bookings: free all day", styles["free"])])
            data[-1] += [""] * (max(len(rooms), 1) - 1)
            commands.append(("SPAN", (1, row), (-1, row)))
            continue
        cells: list = [day]
        for column, room in enumerate(rooms, start=1):
            mine = [e for e in entries if e.room_id == room.id]
            cells.append(_cell(mine, styles, compact))
            if any(e.provisional for e in mine) and all(e.provisional for e in mine):
                commands.append(("BACKGROUND", (column, row), (column, row), PROVISIONAL_FILL))
        data.append(cells)
    widths = [DAY_WIDTH] + [room_width] * max(len(rooms), 1)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def build_booking_sheet(sheet: BookingSheet, out: Path) -> Path:
    """Write the week's sheet: landscape A4, the letterhead, the grid, the date it was printed
    (so an old sheet left on the board is easy to spot)."""
    width, height = PAGE
    head = sheet.letterhead
    inner = width - 2 * MARGIN
    styles = _styles(_size(sheet))
    bottom = 16 * mm

    def first(canvas, _doc) -> None:
        draw_letterhead(canvas, head, width, height)

    def later(canvas, _doc) -> None:
        draw_running_header(canvas, head, TITLE, sheet.period, width, height)

    def footer(canvas, page: int, pages: int) -> None:
        note = f"Printed {format_date(sheet.printed_on)}"
        draw_footer(canvas, head, page, pages, width, note=note)

    frames = {
        "first": Frame(MARGIN, bottom, inner, height - 37 * mm - bottom, 0, 0, 0, 0),
        "later": Frame(MARGIN, bottom, inner, height - 27 * mm - bottom, 0, 0, 0, 0),
    }
    story: list[Flowable] = [
        Paragraph(TITLE, styles["title"]),
        Paragraph(escape(sheet.period), styles["sub"]),
        Spacer(1, 4 * mm),
        _grid(sheet, inner, styles),
    ]
    if any(e.provisional for e in sheet.entries):
        story += [
            Spacer(1, 3 * mm),
            Paragraph(
                "PROVISIONAL: pencilled in and not yet confirmed; please ask the booking "
                "secretary before relying on it.",
                styles["free"],
            ),
        ]
    return build(
        out,
        [
            PageTemplate("first", [frames["first"]], onPage=first, autoNextPageTemplate="later"),
            PageTemplate("later", [frames["later"]], onPage=later),
        ],
        story,
        footer,
        f"{TITLE}, {sheet.period}: {head.name}",
        head.name,
        pagesize=PAGE,
    )
