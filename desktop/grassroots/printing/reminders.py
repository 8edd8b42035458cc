"""Renewal reminder letters: one per member, ready to fold into a DL window envelope.

The address sits where a DL window shows it once an A4 letter is folded in three (25 mm in
from the left, starting 45 mm down), and a tear-off return slip sits at the foot. Every letter
in a batch is its own section, so a long letter is numbered 'Page 1 of 2' on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from grassroots.core.dates import format_date, format_long
from grassroots.core.money import Money
from grassroots.printing.fonts import BOLD, REGULAR, text_width
from grassroots.printing.letterhead import Letterhead, draw_letterhead, draw_running_header
from grassroots.printing.pages import SectionStart, build
from grassroots.printing.return_slip import ReturnSlip, SlipDetails
from grassroots.printing.styles import INK, MUTED, Sheet, sheet

LEFT = RIGHT = 25 * mm
WINDOW_TOP = 45 * mm  # from the top of the page: the top of a DL envelope's window
BOTTOM = 12 * mm
DEFAULT_METHODS = ("Cash", "Cheque", "Bank transfer", "Standing order")


@dataclass(frozen=True)
class Reminder:
    greeting_name: str  # "Siân": the preferred name, else the first name
    full_name: str  # "Mrs Siân Jones": for the envelope and the slip
    address_lines: tuple[str, ...]
    number: int
    type_name: str
    amount_due: Money
    expires_on: date
    covers: tuple[str, ...] = ()  # for a household membership: everyone it covers, by name
    # The member who holds the membership, for the slip: a Gift Aid declaration is one
    # taxpayer's, so a letter to "Mr C Allen & Dr J Allen" still has one name on its slip.
    holder_name: str = ""
    gift_aid: bool = True  # may this subscription be Gift Aided (its type is eligible)?


@dataclass(frozen=True)
class ReminderBatch:
    letterhead: Letterhead
    dated: date
    reminders: tuple[Reminder, ...]
    payment_instructions: str = ""
    methods: tuple[str, ...] = DEFAULT_METHODS
    gift_aid: bool = True
    signed_by: str = "Membership Secretary"


def default_instructions(group_name: str) -> str:
    return (
        f"You can pay in cash, or by cheque made payable to “{group_name}”. Please hand your "
        "payment to any committee member, or post it with the slip below to the address at "
        "the top of this letter."
    )


class AddressBlock(Flowable):
    """The recipient's address in the envelope window and the letter's details beside it."""

    def __init__(self, reminder: Reminder, dated: date, styles: Sheet, top_gap: float):
        super().__init__()
        self.reminder, self.dated, self.styles = reminder, dated, styles
        self.top_gap = top_gap  # from the top of the frame down to the window
        self.size = min(styles.body_size, 12.0)  # the window is only ~35 mm tall

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = self.top_gap + 38 * mm
        return self.width, self.height

    def draw(self):
        canvas, r = self.canv, self.reminder
        leading = self.size * 1.25
        y = self.height - self.top_gap - 4 * mm - self.size
        canvas.setFillColor(INK)
        for i, line in enumerate((r.full_name, *r.address_lines)[:7]):
            canvas.setFont(REGULAR, self.size)
            canvas.drawString(0, y - i * leading, line)
        details = (
            ("Date", format_long(self.dated)),
            ("Membership no.", str(r.number)),
            ("Membership", r.type_name),
            ("Renewal date", format_date(r.expires_on)),
            ("Amount due", r.amount_due.format()),
        )
        size = self.size * 0.92
        label_w = max(text_width(k, REGULAR, size) for k, _ in details) + 4 * mm
        value_w = max(text_width(v, BOLD, size) for _, v in details)
        x = self.width - label_w - value_w
        for i, (label, value) in enumerate(details):
            yy = y - i * size * 1.45
            canvas.setFillColor(MUTED)
            canvas.setFont(REGULAR, size)
            canvas.drawString(x, yy, label)
            canvas.setFillColor(INK)
            canvas.setFont(BOLD if label == "Amount due" else REGULAR, size)
            canvas.drawString(x + label_w, yy, value)


def _paragraphs(text: str, styles: Sheet) -> list[Paragraph]:
    blocks = [b.strip() for b in text.replace("\r", "").split("\n\n") if b.strip()]
    return [Paragraph(escape(b).replace("\n", "<br/>"), styles.body) for b in blocks]


def _letter(batch: ReminderBatch, r: Reminder, styles: Sheet, width: float) -> list[Flowable]:
    head = batch.letterhead
    lapsed = r.expires_on < batch.dated
    verb = "ran out on" if lapsed else "runs out on"
    heading = "Your membership has lapsed" if lapsed else "Time to renew your membership"
    opening = (
        f"Your {escape(r.type_name)} membership of {escape(head.name)} {verb} "
        f"<b>{format_long(r.expires_on)}</b>. We very much hope you will renew: members' "
        "subscriptions help keep the group going, and members have a say in how it is run."
    )
    if r.covers:
        opening += f" It covers everyone in your household: {escape(_listed(r.covers))}."
    due = (
        f"The subscription is <b>{r.amount_due.format()}</b>."
        if r.amount_due
        else "There is no fee for your type of membership; just return the slip to renew."
    )
    instructions = batch.payment_instructions.strip() or default_instructions(head.name)
    slip = SlipDetails(
        group_name=head.name,
        name=r.holder_name or r.full_name,
        address_lines=r.address_lines,
        number=r.number,
        amount_due=r.amount_due.format(),
        methods=batch.methods,
        gift_aid=batch.gift_aid and r.gift_aid,
    )
    return [
        AddressBlock(r, batch.dated, styles, WINDOW_TOP - TOP_OF_FIRST_FRAME),
        Paragraph(f"Dear {escape(r.greeting_name)},", styles.body),
        Paragraph(heading, styles.heading),
        Paragraph(opening, styles.body),
        Paragraph(due, styles.body),
        Paragraph("How to pay", styles.subheading),
        *_paragraphs(instructions, styles),
        Paragraph(
            "If you have paid in the last few days, thank you, and please ignore this letter.",
            styles.body,
        ),
        Spacer(1, styles.body_size * 0.3),
        Paragraph("With best wishes,", styles.body),
        Paragraph(f"{escape(batch.signed_by)}<br/>{escape(head.name)}", styles.body),
        ReturnSlip(slip, styles, width, LEFT),
    ]


def _listed(names: tuple[str, ...]) -> str:
    """'Ann, Bob and Cy': names as a sentence lists them."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


TOP_OF_FIRST_FRAME = 37 * mm  # below the letterhead


def build_reminders(batch: ReminderBatch, out: Path, large_print: bool = False) -> Path:
    styles = sheet(large_print)
    width, height = A4
    head = batch.letterhead
    inner = width - LEFT - RIGHT

    def first(canvas, _doc) -> None:
        draw_letterhead(canvas, head, width, height, margin=LEFT)

    def later(canvas, _doc) -> None:
        draw_running_header(
            canvas, head, "Membership renewal", "continued", width, height, margin=LEFT
        )

    def frame(top: float) -> Frame:
        return Frame(LEFT, BOTTOM, inner, height - top - BOTTOM, 0, 0, 0, 0)

    def footer(canvas, page: int, pages: int) -> None:
        if pages > 1:
            canvas.setFont(REGULAR, 7.5)
            canvas.setFillColor(MUTED)
            canvas.drawRightString(width - RIGHT, 6 * mm, f"Page {page} of {pages}")

    story: list[Flowable] = []
    for i, reminder in enumerate(batch.reminders):
        if i:
            story += [NextPageTemplate("first"), PageBreak()]
        story += [NextPageTemplate("later"), SectionStart(i)]
        story += _letter(batch, reminder, styles, width)
    return build(
        out,
        [
            PageTemplate("first", [frame(TOP_OF_FIRST_FRAME)], onPage=first),
            PageTemplate("later", [frame(30 * mm)], onPage=later),
        ],
        story,
        footer,
        f"Renewal reminders: {head.name}",
        head.name,
    )
