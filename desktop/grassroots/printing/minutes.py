"""The minutes of a meeting: who came, whether it was quorate, each item with what was said,
what was decided (motion, proposer and seconder, the vote, carried or not) and what is to be
done, then every action in one table and the chair's signature block.

Minutes are the group's legal record, so until they are approved every page says DRAFT, and a
correction made after approval is printed beside the signed text, never folded into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from grassroots.core.dates import format_date
from grassroots.printing.agenda import (
    MeetingHeading,
    agenda_styles,
    build_meeting_pdf,
    facts_table,
    heading_facts,
)
from grassroots.printing.annual_accounts import (
    GOOD_INK,
    WARN_INK,
    content_width,
    warning_box,
)
from grassroots.printing.fonts import BOLD, REGULAR
from grassroots.printing.styles import ACCENT, HEADER_FILL, INK, MUTED, RULE, ZEBRA_FILL

LOST_INK = colors.HexColor("#A12C2C")


@dataclass(frozen=True)
class DecisionLine:
    motion: str
    carried: bool
    proposer: str = ""
    seconder: str = ""
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None


@dataclass(frozen=True)
class ActionLine:
    item_number: int
    what: str
    owner: str = ""
    due_on: date | None = None


@dataclass(frozen=True)
class MinuteItem:
    number: int
    title: str
    presenter: str = ""
    notes: str = ""
    decisions: tuple[DecisionLine, ...] = ()
    actions: tuple[ActionLine, ...] = ()


@dataclass(frozen=True)
class AmendmentLine:
    made_on: date
    text: str
    item_number: int | None = None


@dataclass(frozen=True)
class MinutesPaper:
    heading: MeetingHeading
    printed_on: date
    present: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    guests: tuple[str, ...] = ()
    quorum: str = ""  # the quorum statement in words; empty when not known
    quorate: bool = True
    items: tuple[MinuteItem, ...] = ()
    approved_on: date | None = None
    approved_by: str = ""
    amendments: tuple[AmendmentLine, ...] = ()

    @property
    def draft(self) -> bool:
        return self.approved_on is None

    @property
    def actions(self) -> tuple[ActionLine, ...]:
        return tuple(action for item in self.items for action in item.actions)


def _styles() -> dict:
    styles = agenda_styles()
    base = styles["cell"]
    styles["notes"] = base.clone("mi-notes", fontSize=9.5, leading=13, spaceAfter=3)
    styles["motion"] = base.clone("mi-motion", fontSize=9.5, leading=12.5)
    styles["carried"] = base.clone("mi-c", fontName=BOLD, fontSize=9, textColor=GOOD_INK)
    styles["lost"] = base.clone("mi-l", fontName=BOLD, fontSize=9, textColor=LOST_INK)
    styles["draft"] = base.clone("mi-d", fontName=BOLD, fontSize=9.5, textColor=WARN_INK)
    styles["people"] = base.clone("mi-p", fontSize=9, leading=12)
    return styles


def _attendance(paper: MinutesPaper, width: float) -> Table:
    styles = _styles()
    groups = (
        ("Present", paper.present),
        ("Apologies", paper.apologies),
        ("Absent", paper.absent),
        ("In attendance", paper.guests),
    )
    data = [
        [
            Paragraph(escape(label), styles["bold"]),
            Paragraph(escape(", ".join(names) if names else "None"), styles["people"]),
        ]
        for label, names in groups
        if names or label in ("Present", "Apologies")
    ]
    table = Table(data, colWidths=[28 * mm, width - 28 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _votes(decision: DecisionLine) -> str:
    parts = [
        f"{label} {value}"
        for label, value in (
            ("For", decision.votes_for),
            ("Against", decision.votes_against),
            ("Abstained", decision.votes_abstain),
        )
        if value is not None
    ]
    return "  ·  ".join(parts)


def _decision(decision: DecisionLine, width: float) -> Table:
    """One decision in a ruled box: the motion, who moved it, the vote and the outcome."""
    styles = _styles()
    moved = []
    if decision.proposer:
        moved.append(f"Proposed by {decision.proposer}")
    if decision.seconder:
        moved.append(f"seconded by {decision.seconder}")
    details = ", ".join(moved)
    votes = _votes(decision)
    lines: list[Flowable] = [
        Paragraph(f"<b>Motion:</b> {escape(decision.motion)}", styles["motion"])
    ]
    below = "  ·  ".join(p for p in (details, votes) if p)
    if below:
        lines.append(Paragraph(escape(below), styles["by"]))
    outcome = Paragraph(
        "CARRIED" if decision.carried else "NOT CARRIED",
        (styles["carried"] if decision.carried else styles["lost"]).clone("o", alignment=2),
    )
    table = Table([[lines, outcome]], colWidths=[width - 30 * mm, 30 * mm], hAlign="RIGHT")
    edge = GOOD_INK if decision.carried else LOST_INK
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), ZEBRA_FILL),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, edge),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def _indented(styles: dict, indent: float) -> dict:
    return {
        name: styles[name].clone(f"{name}-in", leftIndent=indent)
        for name in ("notes", "by", "people")
    }


def _owner_words(action: ActionLine) -> str:
    """' (Ann Smith, by 30/04/2026)', ' (Ann Smith)', ' (by 30/04/2026)' or ''."""
    parts = [action.owner] if action.owner else []
    if action.due_on:
        parts.append(f"by {format_date(action.due_on)}")
    return f" ({', '.join(parts)})" if parts else ""


def _item(item: MinuteItem, width: float) -> list[Flowable]:
    """The item's number and title hang in the margin; what was said, decided and given to
    someone to do sits indented under it. The heading is kept with its first lines."""
    styles = _styles()
    indent = 10 * mm
    inner = width - indent
    body_styles = _indented(styles, indent)
    head = Table(
        [
            [
                Paragraph(f"{item.number}.", styles["num"]),
                Paragraph(escape(item.title), styles["item"]),
            ]
        ],
        colWidths=[indent, inner],
        hAlign="LEFT",
    )
    head.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    body: list[Flowable] = []
    if item.presenter:
        body.append(Paragraph(escape(f"Presented by {item.presenter}"), body_styles["by"]))
    for text in _paragraphs(item.notes):
        body.append(Paragraph(escape(text).replace("\n", "<br/>"), body_styles["notes"]))
    if not item.notes.strip() and not item.decisions and not item.actions:
        body.append(Paragraph("Nothing was minuted.", body_styles["by"]))
    for decision in item.decisions:
        body += [Spacer(1, 3), _decision(decision, inner)]
    for action in item.actions:
        owner = _owner_words(action)
        body += [
            Spacer(1, 3),
            Paragraph(
                f"<font color='{ACCENT.hexval().replace('0x', '#')}'><b>Action:</b></font> "
                + escape(f"{action.what}{owner}"),
                body_styles["people"],
            ),
        ]
    keep = 2 if item.presenter and len(body) > 1 else 1
    return [KeepTogether([Spacer(1, 8), head, *body[:keep]]), *body[keep:]]


def _action_table(paper: MinutesPaper, width: float) -> Table:
    """Every action from the meeting in one table, so each owner can find theirs at a glance."""
    styles = _styles()
    th = styles["th"]
    widths = [14 * mm, width - 14 * mm - 45 * mm - 24 * mm, 45 * mm, 24 * mm]
    data: list[list] = [[Paragraph(t, th) for t in ("Item", "Action", "Owner", "Due")]]
    for action in paper.actions:
        data.append(
            [
                Paragraph(f"{action.item_number}.", styles["people"]),
                Paragraph(escape(action.what), styles["people"]),
                Paragraph(escape(action.owner or "Not yet given"), styles["people"]),
                Paragraph(format_date(action.due_on) if action.due_on else "—", styles["people"]),
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    for row in range(2, len(data), 2):
        commands.append(("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL))
    table.setStyle(TableStyle(commands))
    return table


def _signature(paper: MinutesPaper, width: float) -> list[Flowable]:
    """Signed as a true record by the chair, with the date; once approved, the name and date
    are printed in and the signature is still written by hand."""
    styles = _styles()
    if paper.approved_on is not None:
        intro = f"Approved as a true record of the meeting on {format_date(paper.approved_on)}" + (
            f" and signed by {paper.approved_by}." if paper.approved_by else "."
        )
    else:
        intro = "Signed as a true record of the meeting, when approved at the next meeting:"
    name = paper.approved_by if paper.approved_on else ""
    on = format_date(paper.approved_on) if paper.approved_on else ""
    label_w = 30 * mm
    gap = 10 * mm
    date_label = 12 * mm
    field_w = width - label_w - gap - date_label - 35 * mm
    cells = [
        ["Chair's signature", "", "", "Date", on],
        ["Name", name, "", "", ""],
    ]
    table = Table(
        cells,
        colWidths=[label_w, field_w, gap, date_label, 35 * mm],
        rowHeights=[12 * mm, 9 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9, 11),
                ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
                ("TEXTCOLOR", (1, 0), (1, -1), INK),
                ("TEXTCOLOR", (4, 0), (4, -1), INK),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (1, 0), (1, -1), 3),
                ("LEFTPADDING", (4, 0), (4, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (1, 0), (1, 1), 0.6, INK),
                ("LINEBELOW", (4, 0), (4, 0), 0.6, INK),
            ]
        )
    )
    return [
        KeepTogether(
            [
                Paragraph("Signed as a true record", styles["section"]),
                Paragraph(escape(intro), styles["cell"]),
                table,
            ]
        )
    ]


def _amendments(paper: MinutesPaper, width: float) -> list[Flowable]:
    styles = _styles()
    story: list[Flowable] = [
        Spacer(1, 6),
        Paragraph("Amendments recorded after approval", styles["section"]),
        Paragraph(
            "These corrections were agreed after the minutes were signed; the signed text "
            "above stands as it was.",
            styles["note"],
        ),
        Spacer(1, 3),
    ]
    for amendment in paper.amendments:
        where = f"Item {amendment.item_number}, " if amendment.item_number else ""
        story.append(
            Paragraph(
                f"<b>{escape(where + format_date(amendment.made_on))}:</b> "
                + escape(amendment.text),
                styles["people"],
            )
        )
    return story


def _draft_banner(width: float) -> Table:
    return warning_box(
        "DRAFT: not yet approved",
        [
            "These minutes are a draft until the meeting approves them and the chair signs "
            "them as a true record."
        ],
        width,
    )


def build_minutes(paper: MinutesPaper, out: Path) -> Path:
    styles = _styles()
    width = content_width()
    heading = paper.heading
    title = f"Minutes of the {heading.kind_label[:1].lower()}{heading.kind_label[1:]}"
    story: list[Flowable] = [Paragraph(escape(title), styles["title"])]
    if heading.title and heading.title != heading.kind_label:
        story.append(Paragraph(escape(heading.title), styles["subtitle"]))
    if paper.draft:
        story += [Spacer(1, 2), _draft_banner(width)]
    facts = heading_facts(heading)
    if heading.minute_taker:
        facts.append(("Minutes by", heading.minute_taker))
    story += [Spacer(1, 6), facts_table(facts, width)]
    story += [Paragraph("Attendance", styles["section"]), _attendance(paper, width)]
    if paper.quorum:
        quorum_style = styles["good"] if paper.quorate else styles["warn"]
        story += [Spacer(1, 4), Paragraph(escape(paper.quorum), quorum_style)]
    story.append(Paragraph("Minutes", styles["section"]))
    for item in paper.items:
        story += _item(item, width)
    if not paper.items:
        story.append(Paragraph("No items were minuted.", styles["note"]))
    if paper.actions:
        story += [
            Paragraph("Actions", styles["section"]),
            _action_table(paper, width),
        ]
    story += [Spacer(1, 6), *_signature(paper, width)]
    if paper.amendments:
        story += _amendments(paper, width)
    state = "Draft minutes" if paper.draft else "Minutes"
    return build_meeting_pdf(
        out,
        heading,
        story,
        "Draft minutes" if paper.draft else "Minutes",
        f"{state}, {heading.kind_label.lower()} {format_date(heading.on)}",
        f"{state}, {heading.title} {format_date(heading.on)}",
        draft=paper.draft,
    )
