"""The attendance sign-in sheet: a meeting's heading, then a line for everyone invited (name
printed, a box to sign) and blank lines for guests and anyone else who comes. Signed at the
door, it is the evidence behind the minutes' attendance list and the quorum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from grassroots.printing.agenda import (
    MeetingHeading,
    agenda_styles,
    build_meeting_pdf,
    facts_table,
    heading_facts,
)
from grassroots.printing.annual_accounts import account_styles, content_width
from grassroots.printing.styles import INK, RULE

ROW_HEIGHT = 10 * mm  # room for a signature


@dataclass(frozen=True)
class SignInSheet:
    heading: MeetingHeading
    names: tuple[str, ...]  # everyone invited, in name order
    blank_lines: int
    printed_on: date


def _sheet_table(sheet: SignInSheet, width: float) -> Table:
    styles = agenda_styles()
    widths = [10 * mm, (width - 10 * mm) * 0.5, (width - 10 * mm) * 0.5]
    data: list[list] = [
        [
            Paragraph("", styles["th"]),
            Paragraph("Name", styles["th"]),
            Paragraph("Signature", styles["th"]),
        ]
    ]
    for number, name in enumerate(sheet.names, start=1):
        data.append(
            [Paragraph(f"{number}.", styles["num"]), Paragraph(escape(name), styles["cell"]), ""]
        )
    start = len(sheet.names) + 1
    for number in range(start, start + sheet.blank_lines):
        data.append([Paragraph(f"{number}.", styles["num"]), "", ""])
    heights = [None] + [ROW_HEIGHT] * (len(data) - 1)
    table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
                ("LINEBEFORE", (2, 1), (2, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def build_sign_in_sheet(sheet: SignInSheet, out: Path) -> Path:
    styles = account_styles()
    width = content_width()
    heading = sheet.heading
    lower = f"{heading.kind_label[:1].lower()}{heading.kind_label[1:]}"
    story: list[Flowable] = [
        Paragraph("Attendance sign-in sheet", styles["title"]),
        Paragraph(escape(heading.kind_label), styles["subtitle"]),
        Spacer(1, 4),
        facts_table(heading_facts(heading), width),
        Spacer(1, 6),
        Paragraph(
            escape(
                f"Please sign beside your name as you arrive at the {lower}. Guests and "
                "anyone not listed, please print your name on a blank line and sign."
            ),
            styles["cell"],
        ),
        Spacer(1, 6),
        _sheet_table(sheet, width),
    ]
    return build_meeting_pdf(
        out,
        heading,
        story,
        "Attendance sign-in sheet",
        f"Sign-in sheet, {lower} {heading.on:%d/%m/%Y}",
        "Attendance sign-in sheet",
    )
