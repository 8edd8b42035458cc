"""Letters to a hirer: the confirmation of a booking, and an invoice for hire charges.

Both are on the group's letterhead with the hirer's address where an envelope window shows it
and the facts (date, reference, amount) beside it. A confirmation spells out everything the
hirer will be held to: each date, the times including the set-up and clear-down they may use,
what each date costs and the deposit. An invoice says what is owed, what has been received,
what is still outstanding, by when, and how to pay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from grassroots.core.clock import format_time
from grassroots.core.dates import format_date, format_long
from grassroots.core.money import Money
from grassroots.printing.letterhead import (
    Letterhead,
    draw_footer,
    draw_letterhead,
    draw_running_header,
)
from grassroots.printing.pages import build
from grassroots.printing.styles import HEADER_FILL, INK, MARGIN, MUTED, RULE, Sheet, sheet

NOTICE_FILL = colors.HexColor("#FFF4D6")
NOTICE_EDGE = colors.HexColor("#E0B44C")
DATE_COLUMNS = 4


@dataclass(frozen=True)
class HireDate:
    on: date
    charge: Money


@dataclass(frozen=True)
class SkippedHireDate:
    on: date
    reason: str = ""


@dataclass(frozen=True)
class Confirmation:
    letterhead: Letterhead
    dated: date
    hirer: str
    hirer_address: tuple[str, ...]
    greeting: str  # "Dear Ashby Pilates," or the contact's name
    reference: str  # "Booking 12"
    title: str
    status: str  # provisional | confirmed | cancelled
    room: str
    venue: str
    venue_address: tuple[str, ...]
    pattern: str  # the series in words: "Every Tuesday from 03/03/2026, 10 times"
    dates: tuple[HireDate, ...]
    skipped: tuple[SkippedHireDate, ...]
    starts_at: time
    ends_at: time
    setup_minutes: int
    cleardown_minutes: int
    expected: int | None
    basis: str  # "By the hour"
    deposit: Money
    deposit_due: date | None
    deposit_received_on: date | None
    signed_by: str = "Booking Secretary"

    @property
    def total(self) -> Money:
        return Money(sum(d.charge.pence for d in self.dates))

    @property
    def each(self) -> Money | None:
        """The charge for every date when they are all the same, else None."""
        charges = {d.charge.pence for d in self.dates}
        return Money(charges.pop()) if len(charges) == 1 else None


@dataclass(frozen=True)
class InvoiceItem:
    description: str
    quantity: int
    unit: Money
    amount: Money


@dataclass(frozen=True)
class InvoicePaid:
    on: date
    method: str
    amount: Money


@dataclass(frozen=True)
class HireInvoice:
    letterhead: Letterhead
    reference: str  # "INV-0042"
    issued_on: date
    due_on: date
    hirer: str
    hirer_address: tuple[str, ...]
    period: str
    items: tuple[InvoiceItem, ...]
    payments: tuple[InvoicePaid, ...]
    total: Money
    paid: Money
    outstanding: Money
    cancelled: bool
    how_to_pay: str
    notes: str = ""


def _styles() -> tuple[Sheet, dict[str, ParagraphStyle]]:
    base = sheet()
    body = base.body
    return base, {
        "cell": ParagraphStyle("hi-c", parent=body, spaceAfter=0),
        "label": ParagraphStyle("hi-l", parent=body, textColor=MUTED, spaceAfter=0),
        "money": ParagraphStyle("hi-m", parent=body, alignment=TA_RIGHT, spaceAfter=0),
        "th": ParagraphStyle("hi-th", parent=body, fontName=base.subheading.fontName, spaceAfter=0),
        "thr": ParagraphStyle(
            "hi-thr", parent=body, fontName=base.subheading.fontName, alignment=TA_RIGHT
        ),
        "date": ParagraphStyle("hi-d", parent=body, fontSize=9.5, leading=12, spaceAfter=0),
    }


def _lines(values: Sequence[str]) -> str:
    return "<br/>".join(escape(v) for v in values if v)


def _address_block(
    name: str, address: Sequence[str], facts: Sequence[tuple[str, str]], width: float
) -> Table:
    """The hirer's address on the left (for a window envelope), the letter's facts right."""
    _, st = _styles()
    facts_table = Table(
        [[Paragraph(escape(k), st["label"]), Paragraph(v, st["cell"])] for k, v in facts],
        colWidths=[32 * mm, 48 * mm],
    )
    facts_table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    block = Table(
        [[Paragraph(_lines([name, *address]), st["cell"]), facts_table]],
        colWidths=[width - 82 * mm, 82 * mm],
    )
    block.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return block


def _facts(rows: Sequence[tuple[str, str]], width: float) -> Table:
    """Label and value rows, the labels in a narrow muted column."""
    _, st = _styles()
    table = Table(
        [[Paragraph(escape(k), st["label"]), Paragraph(v, st["cell"])] for k, v in rows],
        colWidths=[42 * mm, width - 42 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return table


def _notice(text: str, width: float) -> Table:
    """A soft yellow box for what the reader must not miss (a provisional booking)."""
    _, st = _styles()
    box = Table([[Paragraph(text, st["cell"])]], colWidths=[width], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
                ("LINEBEFORE", (0, 0), (0, -1), 4, NOTICE_EDGE),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return box


def _minutes(value: int) -> str:
    if value % 60 == 0 and value:
        hours = value // 60
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{value} minutes"


def _times(c: Confirmation) -> str:
    text = f"{format_time(c.starts_at)} to {format_time(c.ends_at)}"
    extra = []
    if c.setup_minutes:
        extra.append(f"you may arrive {_minutes(c.setup_minutes)} early to set up")
    if c.cleardown_minutes:
        extra.append(f"please leave the room clear within {_minutes(c.cleardown_minutes)}")
    if extra:
        text += f"<br/><font color='#5F6B76'>{escape('; '.join(extra))}</font>"
    return text


def _date_grid(c: Confirmation, width: float) -> Table:
    """Every date, a few to a row, with its charge when the dates cost different amounts."""
    _, st = _styles()
    show_charge = c.each is None
    texts = [
        f"{d.on:%a} {format_date(d.on)}" + (f"  {d.charge.format()}" if show_charge else "")
        for d in c.dates
    ]
    rows = [texts[i : i + DATE_COLUMNS] for i in range(0, len(texts), DATE_COLUMNS)]
    rows = [[Paragraph(t, st["date"]) for t in row] for row in rows] or [[""]]
    for row in rows:
        row += [""] * (DATE_COLUMNS - len(row))
    table = Table(rows, colWidths=[width / DATE_COLUMNS] * DATE_COLUMNS, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _charges(c: Confirmation) -> str:
    count = len(c.dates)
    if not c.total:
        return "No charge"
    if c.each is not None and count > 1:
        return f"{c.each.format()} a date × {count} dates = <b>{c.total.format()}</b>"
    if c.each is not None:
        return f"<b>{c.total.format()}</b>"
    return f"<b>{c.total.format()}</b> for {count} dates (each date's charge is listed above)"


def _deposit(c: Confirmation) -> str:
    if not c.deposit:
        return "No deposit is needed."
    if c.deposit_received_on:
        return (
            f"{c.deposit.format()}, received on {format_date(c.deposit_received_on)}, "
            "thank you. It is returned after your booking if the room is left as you found it."
        )
    due = f" by <b>{format_long(c.deposit_due)}</b>" if c.deposit_due else ""
    return (
        f"<b>{c.deposit.format()}</b>, please pay{due}. It is returned after your booking "
        "if the room is left as you found it."
    )


def _confirmation_story(c: Confirmation, width: float) -> list[Flowable]:
    base, _ = _styles()
    head = c.letterhead
    provisional = c.status == "provisional"
    cancelled = c.status == "cancelled"
    heading = (
        "Your booking has been cancelled"
        if cancelled
        else "Provisional booking"
        if provisional
        else "Booking confirmation"
    )
    where = _lines([c.room, c.venue, *c.venue_address])
    rows = [("Booking", escape(c.title or c.room)), ("Room", where)]
    rows.append(("When", escape(c.pattern)))
    rows.append(("Times", _times(c)))
    if c.expected:
        rows.append(("Expected", f"{c.expected} people"))
    rows.append(("Charges", escape(c.basis)))
    story: list[Flowable] = [
        _address_block(
            c.hirer,
            c.hirer_address,
            [("Date", format_date(c.dated)), ("Reference", escape(c.reference))],
            width,
        ),
        Spacer(1, 8 * mm),
        Paragraph(f"Dear {escape(c.greeting)},", base.body),
        Paragraph(heading, base.heading),
    ]
    if provisional:
        story += [
            _notice(
                "<b>This booking is provisional.</b> The dates are pencilled in for you but "
                "not yet confirmed; we will write again to confirm them.",
                width,
            ),
            Spacer(1, 3 * mm),
        ]
    elif cancelled:
        story.append(
            Paragraph("The booking below has been cancelled and the room released.", base.body)
        )
    else:
        story.append(
            Paragraph(
                f"Thank you for booking with {escape(head.name)}. This letter confirms your "
                "booking; please keep it and check the details below.",
                base.body,
            )
        )
    story += [_facts(rows, width), Spacer(1, 4 * mm)]
    count = len(c.dates)
    story += [
        Paragraph(f"The {count} date{'s' if count != 1 else ''} booked", base.subheading),
        _date_grid(c, width),
    ]
    if c.skipped:
        skipped = "; ".join(
            f"{s.on:%a} {format_date(s.on)}" + (f" ({escape(s.reason)})" if s.reason else "")
            for s in c.skipped
        )
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(f"<b>Not on:</b> {skipped}", base.body))
    money = [("Total", _charges(c)), ("Deposit", _deposit(c))]
    story += [
        Spacer(1, 4 * mm),
        KeepTogether([Paragraph("Charges", base.subheading), _facts(money, width)]),
        Spacer(1, 5 * mm),
        Paragraph(
            "If anything here is not right, or you need to change or cancel a date, please "
            "let us know as soon as you can.",
            base.body,
        ),
        Paragraph("With best wishes,", base.body),
        Paragraph(f"{escape(c.signed_by)}<br/>{escape(head.name)}", base.body),
    ]
    return story


def _item_table(inv: HireInvoice, width: float) -> Table:
    _, st = _styles()
    money_w = 28 * mm
    qty_w = 14 * mm
    data: list[list] = [
        [
            Paragraph("Description", st["th"]),
            Paragraph("Qty", st["thr"]),
            Paragraph("Each", st["thr"]),
            Paragraph("Amount", st["thr"]),
        ]
    ]
    for item in inv.items:
        data.append(
            [
                Paragraph(escape(item.description), st["cell"]),
                Paragraph(str(item.quantity), st["money"]),
                Paragraph(item.unit.format(), st["money"]),
                Paragraph(item.amount.format(), st["money"]),
            ]
        )
    totals = [("Total", inv.total, True)]
    if inv.payments:
        totals.append(("Received", inv.paid, False))
    totals.append(("Amount outstanding", inv.outstanding, True))
    first_total = len(data)
    for label, value, bold in totals:
        text = f"<b>{escape(label)}</b>" if bold else escape(label)
        amount = f"<b>{value.format()}</b>" if bold else value.format()
        data.append(["", Paragraph(text, st["money"]), "", Paragraph(amount, st["money"])])
    commands: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, first_total - 1), 0.4, RULE),
        ("LINEABOVE", (1, first_total), (-1, first_total), 0.8, INK),
        ("LINEABOVE", (1, -1), (-1, -1), 0.8, INK),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for row in range(first_total, len(data)):
        commands.append(("SPAN", (1, row), (2, row)))
    table = Table(
        data,
        colWidths=[width - qty_w - 2 * money_w, qty_w, money_w, money_w],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(TableStyle(commands))
    return table


def _invoice_story(inv: HireInvoice, width: float) -> list[Flowable]:
    base, _ = _styles()
    head = inv.letterhead
    facts = [
        ("Invoice", f"<b>{escape(inv.reference)}</b>"),
        ("Date", format_date(inv.issued_on)),
        ("Due by", format_date(inv.due_on)),
        ("Outstanding", f"<b>{inv.outstanding.format()}</b>"),
    ]
    story: list[Flowable] = [
        _address_block(inv.hirer, inv.hirer_address, facts, width),
        Spacer(1, 8 * mm),
        Paragraph("Invoice for room hire" + (" (cancelled)" if inv.cancelled else ""), base.title),
    ]
    if inv.period:
        story.append(Paragraph(escape(inv.period), base.note))
    if inv.cancelled:
        story.append(
            _notice("<b>This invoice has been cancelled.</b> Nothing is owed on it.", width)
        )
    story += [Spacer(1, 3 * mm), _item_table(inv, width)]
    if inv.payments:
        received = "; ".join(
            f"{p.amount.format()} on {format_date(p.on)} ({escape(p.method)})" for p in inv.payments
        )
        story += [
            Spacer(1, 3 * mm),
            Paragraph(f"<b>Received, thank you:</b> {received}", base.body),
        ]
    if inv.notes:
        story.append(Paragraph(escape(inv.notes), base.body))
    if not inv.cancelled and inv.outstanding.pence > 0:
        story += [
            Spacer(1, 3 * mm),
            KeepTogether(
                [
                    Paragraph("How to pay", base.subheading),
                    Paragraph(
                        f"Please pay <b>{inv.outstanding.format()}</b> by "
                        f"<b>{format_long(inv.due_on)}</b>, quoting <b>{escape(inv.reference)}"
                        "</b> so we can match your payment to this invoice.",
                        base.body,
                    ),
                    *[
                        Paragraph(escape(block).replace("\n", "<br/>"), base.body)
                        for block in inv.how_to_pay.split("\n\n")
                        if block.strip()
                    ],
                ]
            ),
        ]
    elif not inv.cancelled:
        story.append(Paragraph("<b>Paid in full.</b> Thank you.", base.body))
    story.append(Paragraph(f"Thank you for hiring from {escape(head.name)}.", base.body))
    return story


TOP_OF_FIRST = 37 * mm
TOP_OF_LATER = 27 * mm
BOTTOM = 18 * mm


def _build(out: Path, head: Letterhead, title: str, detail: str, story: list[Flowable]) -> Path:
    width, height = A4
    inner = width - 2 * MARGIN

    def first(canvas, _doc) -> None:
        draw_letterhead(canvas, head, width, height)

    def later(canvas, _doc) -> None:
        draw_running_header(canvas, head, title, detail, width, height)

    def frame(top: float) -> Frame:
        return Frame(MARGIN, BOTTOM, inner, height - top - BOTTOM, 0, 0, 0, 0)

    return build(
        out,
        [
            PageTemplate(
                "first", [frame(TOP_OF_FIRST)], onPage=first, autoNextPageTemplate="later"
            ),
            PageTemplate("later", [frame(TOP_OF_LATER)], onPage=later),
        ],
        story,
        lambda c, p, n: draw_footer(c, head, p, n, width, note=detail),
        f"{title} {detail}: {head.name}",
        head.name,
    )


def build_confirmation(c: Confirmation, out: Path) -> Path:
    width = A4[0] - 2 * MARGIN
    title = "Provisional booking" if c.status == "provisional" else "Booking confirmation"
    return _build(out, c.letterhead, title, c.reference, _confirmation_story(c, width))


def build_invoice(inv: HireInvoice, out: Path) -> Path:
    width = A4[0] - 2 * MARGIN
    return _build(out, inv.letterhead, "Invoice", inv.reference, _invoice_story(inv, width))
