"""The subject access pack: everything the group holds about one person, on paper.

Built from the `SubjectAccessPack` that `grassroots.people.gdpr.subject_access` returns, so the
paper and the JSON export always say the same thing. Each section says why the group holds it
and how long it is kept, as UK GDPR requires.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
)

from grassroots.core.dates import format_long
from grassroots.printing.letterhead import (
    Letterhead,
    draw_footer,
    draw_letterhead,
    draw_running_header,
)
from grassroots.printing.pages import build
from grassroots.printing.styles import BOTTOM_MARGIN, MARGIN, Sheet, sheet
from grassroots.printing.tables import Column, ZebraTable

if TYPE_CHECKING:
    from grassroots.people.gdpr import AccessSection, SubjectAccessPack

TITLE = "Your personal information"
COLUMNS = (Column("What", 1.0), Column("What we hold", 2.4))


def _intro(pack: SubjectAccessPack, styles: Sheet) -> list[Flowable]:
    group, name = escape(pack.group_name), escape(pack.person_name)
    return [
        Paragraph(TITLE, styles.title),
        Paragraph(
            f"This is everything {group} holds about <b>{name}</b> on "
            f"{format_long(pack.made_on)}. UK data protection law (UK GDPR) gives you the "
            "right to see it. Each section says why we hold the information and how long we "
            "keep it.",
            styles.body,
        ),
    ]


def _section(section: AccessSection, styles: Sheet) -> list[Flowable]:
    facts = []
    if section.purpose:
        facts.append(f"<b>Why we hold it:</b> {escape(section.purpose)}")
    if section.kept:
        facts.append(f"<b>How long we keep it:</b> {escape(section.kept)}")
    opening: list[Flowable] = [Paragraph(escape(section.title), styles.heading)]
    opening += [Paragraph(text, styles.small) for text in facts]
    opening.append(Spacer(1, styles.body_size * 0.4))
    records: list[list[Flowable]] = []
    count = len(section.rows)
    for index, row in enumerate(section.rows, start=1):
        table = ZebraTable(COLUMNS, list(row), styles.table_size, styles.table_leading)
        caption = [Paragraph(f"Record {index} of {count}", styles.note)] if count > 1 else []
        records.append([*caption, table, Spacer(1, styles.body_size * 0.6)])
    if not records:
        records.append([Paragraph("Nothing held.", styles.note)])
    # Keep a section's heading with its first record, and each record in one piece where it
    # fits on a page (KeepTogether must not be nested: ReportLab then breaks pages early).
    return [
        CondPageBreak(styles.body_size * 12),
        KeepTogether([*opening, *records[0]]),
        *(KeepTogether(record) for record in records[1:]),
    ]


def _rights(pack: SubjectAccessPack, styles: Sheet) -> list[Flowable]:
    group = escape(pack.group_name)
    return [
        Paragraph("Your rights", styles.heading),
        Paragraph(
            f"If anything here is wrong or out of date, tell {group} and we will correct it. "
            "You can also ask us to delete information we no longer need, to stop using it "
            "for a purpose you object to, or to give it to you in a form a computer can read. "
            "Records the law makes us keep, such as payments, are kept for as long as the law "
            "requires.",
            styles.body,
        ),
        Paragraph(
            "If you are unhappy with how we have handled your information, please tell us "
            "first. You can also complain to the Information Commissioner's Office (ico.org.uk).",
            styles.body,
        ),
    ]


def build_subject_access(
    pack: SubjectAccessPack, head: Letterhead, out: Path, large_print: bool = False
) -> Path:
    styles = sheet(large_print)
    width, height = A4
    detail = f"{pack.person_name}  ·  {format_long(pack.made_on)}"

    def first(canvas, _doc) -> None:
        draw_letterhead(canvas, head, width, height)

    def later(canvas, _doc) -> None:
        draw_running_header(canvas, head, TITLE, detail, width, height)

    def frame(top: float) -> Frame:
        return Frame(
            MARGIN, BOTTOM_MARGIN, width - 2 * MARGIN, height - top - BOTTOM_MARGIN, 0, 0, 0, 0
        )

    story: list[Flowable] = [NextPageTemplate("later"), *_intro(pack, styles)]
    for section in pack.sections:
        story += _section(section, styles)
    story += _rights(pack, styles)
    return build(
        out,
        [
            PageTemplate("first", [frame(42 * mm)], onPage=first),
            PageTemplate("later", [frame(28 * mm)], onPage=later),
        ],
        story,
        lambda c, p, n: draw_footer(c, head, p, n, width, note="Private and confidential"),
        f"{TITLE}: {pack.person_name}",
        head.name,
    )
