"""The minutes as a Word document (.docx), for a secretary who finishes or circulates them in
a word processor. The same content as the printed minutes — heading, attendance, quorum,
numbered items with notes, decisions, the action table, the signature lines — in Word's own
heading and table styles, so they can be edited and restyled freely.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.shared import Pt

from grassroots.core.dates import format_date
from grassroots.printing.agenda import day_words, times_words
from grassroots.printing.minutes import DecisionLine, MinutesPaper


def _decision(line: DecisionLine) -> str:
    who = ", ".join(
        part
        for part in (
            f"proposed by {line.proposer}" if line.proposer else "",
            f"seconded by {line.seconder}" if line.seconder else "",
        )
        if part
    )
    votes = [
        f"{label} {count}"
        for label, count in (
            ("for", line.votes_for),
            ("against", line.votes_against),
            ("abstained", line.votes_abstain),
        )
        if count is not None
    ]
    outcome = "CARRIED" if line.carried else "NOT CARRIED"
    tail = "; ".join(part for part in (who, ", ".join(votes)) if part)
    return f"{line.motion} — {outcome}" + (f" ({tail})" if tail else "")


def write_minutes_docx(paper: MinutesPaper, out: Path) -> Path:
    heading = paper.heading
    document = Document()
    document.core_properties.title = f"Minutes, {heading.kind_label} {format_date(heading.on)}"
    document.core_properties.author = heading.letterhead.name
    document.add_paragraph(heading.letterhead.name).runs[0].bold = True
    title = f"Minutes of the {heading.kind_label[:1].lower()}{heading.kind_label[1:]}"
    document.add_heading(title + ("" if paper.approved_on else " (draft)"), level=1)
    facts = document.add_table(rows=0, cols=2)
    for label, value in (
        ("Date", day_words(heading.on)),
        ("Time", times_words(heading)),
        ("Venue", heading.venue or "—"),
        ("Chair", heading.chair or "—"),
        ("Minutes by", heading.minute_taker or "—"),
    ):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_heading("Attendance", level=2)
    for label, names in (
        ("Present", paper.present),
        ("Apologies", paper.apologies),
        ("Absent", paper.absent),
        ("In attendance", paper.guests),
    ):
        if names or label in ("Present", "Apologies"):
            line = document.add_paragraph()
            line.add_run(f"{label}: ").bold = True
            line.add_run(", ".join(names) or "None")
    if paper.quorum:
        document.add_paragraph(paper.quorum)
    document.add_heading("Minutes", level=2)
    for item in paper.items:
        document.add_heading(f"{item.number}. {item.title}", level=3)
        if item.presenter:
            document.add_paragraph(f"Presented by {item.presenter}").runs[0].italic = True
        for paragraph in (item.notes or "Nothing was minuted.").split("\n"):
            if paragraph.strip():
                document.add_paragraph(paragraph.strip())
        for decision in item.decisions:
            line = document.add_paragraph()
            line.add_run("Motion: ").bold = True
            line.add_run(_decision(decision))
    actions = [action for item in paper.items for action in item.actions]
    if actions:
        document.add_heading("Actions", level=2)
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ("Item", "Action", "Owner", "Due"), strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for action in actions:
            cells = table.add_row().cells
            due = format_date(action.due_on) if action.due_on else ""
            for cell, text in zip(
                cells, (str(action.item_number), action.what, action.owner, due), strict=True
            ):
                cell.text = text
    document.add_heading("Signed as a true record", level=2)
    if paper.approved_on:
        document.add_paragraph(
            f"Approved as a true record on {format_date(paper.approved_on)}"
            + (f" and signed by {paper.approved_by}." if paper.approved_by else ".")
        )
    document.add_paragraph("Chair's signature: ______________________    Date: ____________")
    for amendment in paper.amendments:
        document.add_paragraph(
            f"Amendment recorded {format_date(amendment.made_on)}: {amendment.text}"
        )
    for style in ("Normal",):
        document.styles[style].font.size = Pt(11)
    document.save(str(out))
    return out
