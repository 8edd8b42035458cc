"""The notice and agenda of a meeting, under the group's letterhead: what kind of meeting, when
and where, then the numbered items with who presents each, the time allowed and the papers to
read beforehand. A running clock beside each item shows the chair where the meeting should be.

Also holds what the agenda and the minutes share (the meeting's heading, times in words, the
page set-up), so both papers look like one family.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from grassroots.core.dates import format_date, format_long
from grassroots.printing.annual_accounts import PAGE, account_styles, content_width, page_templates
from grassroots.printing.fonts import BOLD
from grassroots.printing.letterhead import Letterhead, draw_footer
from grassroots.printing.pages import build
from grassroots.printing.styles import ACCENT, HEADER_FILL, INK, MUTED, RULE

DRAFT_INK = colors.Color(0.78, 0.19, 0.19, alpha=0.10)


@dataclass(frozen=True)
class MeetingHeading:
    """When and where a meeting is, and who runs it; the top of both its papers."""

    letterhead: Letterhead
    kind_label: str  # "Committee meeting", "Annual general meeting", ...
    title: str
    on: date
    starts_at: time | None = None
    ends_at: time | None = None
    venue: str = ""
    chair: str = ""
    minute_taker: str = ""


@dataclass(frozen=True)
class AgendaLine:
    number: int
    title: str
    presenter: str = ""
    minutes_allowed: int | None = None
    papers: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgendaPaper:
    heading: MeetingHeading
    items: tuple[AgendaLine, ...]
    printed_on: date
    notice_sent_on: date | None = None


def clock(value: time) -> str:
    """'7.30pm', '10am': how a notice pinned to a board gives the time."""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}.{value.minute:02d}{suffix}"


def day_words(on: date) -> str:
    """'Tuesday 14 April 2026'."""
    return f"{on:%A} {format_long(on)}"


def times_words(heading: MeetingHeading) -> str:
    if heading.starts_at and heading.ends_at:
        return f"{clock(heading.starts_at)} to {clock(heading.ends_at)}"
    if heading.starts_at:
        return f"Starting at {clock(heading.starts_at)}"
    return "Time to be confirmed"


def facts_table(rows: list[tuple[str, str]], width: float) -> Table:
    """Label and value pairs in a shaded panel: the when and where a reader looks for first."""
    styles = account_styles()
    data = [
        [Paragraph(escape(label), styles["bold"]), Paragraph(escape(value), styles["cell"])]
        for label, value in rows
    ]
    table = Table(data, colWidths=[28 * mm, width - 28 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, 0), 7),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]
        )
    )
    return table


def heading_facts(heading: MeetingHeading) -> list[tuple[str, str]]:
    rows = [("Date", day_words(heading.on)), ("Time", times_words(heading))]
    rows.append(("Venue", heading.venue or "To be confirmed"))
    if heading.chair:
        rows.append(("Chair", heading.chair))
    return rows


def draw_draft_mark(canvas: Canvas) -> None:
    """A large pale 'DRAFT' across the page, behind the text, so a copy of unapproved minutes
    can never pass for the signed record."""
    width, height = PAGE
    canvas.saveState()
    canvas.setFillColor(DRAFT_INK)
    canvas.setFont(BOLD, 130)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(50)
    canvas.drawCentredString(0, -45, "DRAFT")
    canvas.restoreState()


def build_meeting_pdf(
    out: Path,
    heading: MeetingHeading,
    story: list[Flowable],
    running: str,
    note: str,
    pdf_title: str,
    draft: bool = False,
) -> Path:
    """The first page under the full letterhead, later ones under a running header naming the
    paper and the meeting's date; with `draft`, every page carries the DRAFT mark."""
    head = heading.letterhead
    templates = page_templates(head, running, format_date(heading.on))
    if draft:
        for template in templates:
            template.onPage = _marked(template.onPage)
    return build(
        out,
        templates,
        story,
        lambda c, p, n: draw_footer(c, head, p, n, PAGE[0], note=note),
        f"{pdf_title}: {head.name}",
        head.name,
    )


def _marked(draw: Callable) -> Callable:
    def on_page(canvas: Canvas, doc) -> None:
        draw_draft_mark(canvas)
        draw(canvas, doc)

    return on_page


def _item_times(paper: AgendaPaper) -> list[str]:
    """The clock time each item should start, while every item before it has a time allowed."""
    start = paper.heading.starts_at
    if start is None:
        return [""] * len(paper.items)
    at = datetime.combine(paper.heading.on, start)
    times: list[str] = []
    for item in paper.items:
        times.append(clock(at.time()) if at is not None else "")
        if at is not None and item.minutes_allowed:
            at += timedelta(minutes=item.minutes_allowed)
        else:
            at = None
    return times


def _item_cell(item: AgendaLine, styles) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(escape(item.title), styles["item"])]
    if item.presenter:
        parts.append(Paragraph(escape(f"Presented by {item.presenter}"), styles["by"]))
    for paper in item.papers:
        parts.append(Paragraph(f"<b>Paper:</b> {escape(paper)}", styles["by"]))
    return parts


def agenda_styles() -> dict:
    styles = dict(account_styles())
    base = styles["cell"]
    styles["item"] = base.clone("ag-item", fontName=BOLD, fontSize=10, leading=13)
    styles["by"] = base.clone("ag-by", fontSize=8.5, leading=11, textColor=MUTED)
    styles["num"] = base.clone("ag-num", fontName=BOLD, fontSize=10, leading=13, textColor=ACCENT)
    styles["time"] = base.clone("ag-time", fontSize=8.5, leading=13, alignment=2)
    styles["th"] = base.clone("ag-th", fontName=BOLD, fontSize=8, leading=10, textColor=MUTED)
    return styles


def agenda_table(paper: AgendaPaper, width: float) -> Table:
    styles = agenda_styles()
    widths = [10 * mm, width - 10 * mm - 22 * mm - 20 * mm, 22 * mm, 20 * mm]
    head = ["", "Item", "Starts", "Time allowed"]
    data: list[list] = [[Paragraph(h, styles["th"]) for h in head]]
    data[0][2] = Paragraph("Starts", styles["th"].clone("r", alignment=2))
    data[0][3] = Paragraph("Allowed", styles["th"].clone("r2", alignment=2))
    for item, starts in zip(paper.items, _item_times(paper), strict=True):
        allowed = f"{item.minutes_allowed} min" if item.minutes_allowed else ""
        data.append(
            [
                Paragraph(f"{item.number}.", styles["num"]),
                _item_cell(item, styles),
                Paragraph(starts, styles["time"]),
                Paragraph(allowed, styles["time"]),
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -2), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 1), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
            ]
        )
    )
    return table


def notice_title(kind_label: str) -> str:
    """'Notice of the committee meeting', 'Notice of the annual general meeting'."""
    return f"Notice of the {kind_label[:1].lower()}{kind_label[1:]}"


def build_agenda(paper: AgendaPaper, out: Path) -> Path:
    styles = account_styles()
    width = content_width()
    heading = paper.heading
    title = notice_title(heading.kind_label)
    story: list[Flowable] = [Paragraph(escape(title), styles["title"])]
    if heading.title and heading.title != heading.kind_label:
        story.append(Paragraph(escape(heading.title), styles["subtitle"]))
    story += [Spacer(1, 4), facts_table(heading_facts(heading), width), Spacer(1, 6)]
    invitation = (
        f"You are invited to the {heading.kind_label[:1].lower()}{heading.kind_label[1:]} of "
        f"{heading.letterhead.name}. Please read any papers listed before the meeting, and "
        "send apologies to the secretary if you cannot come."
    )
    story += [
        Paragraph(escape(invitation), styles["cell"]),
        Paragraph("Agenda", styles["section"]),
        agenda_table(paper, width),
    ]
    if not paper.items:
        story.append(Paragraph("No items are on the agenda yet.", styles["note"]))
    sent = f"Notice given {format_date(paper.notice_sent_on)}. " if paper.notice_sent_on else ""
    story += [
        Spacer(1, 8),
        Paragraph(escape(f"{sent}Printed {format_date(paper.printed_on)}."), styles["note"]),
    ]
    return build_meeting_pdf(
        out,
        heading,
        story,
        "Agenda",
        f"Agenda, {heading.kind_label.lower()} {format_date(heading.on)}",
        f"Agenda, {heading.title} {format_date(heading.on)}",
    )
