"""Printing for Bookings: the week's sheet for the noticeboard, a room's month, and the letters
to a hirer (booking confirmation, invoice).

Each function reads what it needs in one session, turns it into the plain records
`grassroots.printing` takes, and writes the PDF; the printing modules never see the database.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.bookings.charges import date_charge
from grassroots.bookings.hirers import hirer_row
from grassroots.bookings.models import Booking, Invoice, Room
from grassroots.bookings.occurrences import Window, find_occurrences
from grassroots.bookings.records import (
    BASIS_LABELS,
    InvoiceDetail,
    InvoiceLineRow,
    Occurrence,
    PaymentRow,
)
from grassroots.bookings.service import booking_detail
from grassroots.bookings.venues import room_row, rooms_in
from grassroots.core.dates import format_date
from grassroots.core.errors import NotFound
from grassroots.core.money import Money
from grassroots.core.recurrence import dates_between
from grassroots.group.service import get_settings
from grassroots.members.documents import letterhead_of
from grassroots.printing.booking_sheet import BookingSheet, SheetEntry, SheetRoom
from grassroots.printing.booking_sheet import build_booking_sheet as _build_sheet
from grassroots.printing.hire_invoice import (
    Confirmation,
    HireDate,
    HireInvoice,
    InvoiceItem,
    InvoicePaid,
    SkippedHireDate,
    build_confirmation,
    build_invoice,
)
from grassroots.printing.room_month import MonthEntry, RoomMonth, build_room_month

Sessions = sessionmaker[Session]

# The hours counted as an evening when a room's month shows which evenings are still free.
EVENING = (18 * 60, 22 * 60)
EVENING_WORDS = "18:00–22:00"
# A deposit not yet paid is asked for this many days before the first date.
DEPOSIT_DAYS_BEFORE = 14


def _monday(on: date) -> date:
    return on - timedelta(days=on.weekday())


# ---------------------------------------------------------------- the week's sheet


def _entry(o: Occurrence) -> SheetEntry:
    return SheetEntry(
        room_id=o.room_id,
        starts_at=o.starts_at,
        ends_at=o.ends_at,
        who=o.who if o.booking_id is not None else (o.title or "Meeting"),
        provisional=o.status == "provisional",
        meeting=o.meeting_id is not None,
    )


def write_booking_sheet(
    sessions: Sessions,
    week_of: date,
    out: Path,
    rooms: tuple[int, ...] | None = None,
    today: date | None = None,
) -> Path:
    """The sheet for the Monday-to-Sunday week containing `week_of`: the chosen rooms, or
    every active room of our own venues plus any other room booked that week."""
    monday = _monday(week_of)
    sunday = monday + timedelta(days=6)
    head = letterhead_of(get_settings(sessions))
    with sessions() as session:
        found = find_occurrences(session, Window(monday, sunday, rooms=rooms))
        all_rooms = rooms_in(session, include_inactive=True)
    used = {o.room_id for o in found}
    if rooms is not None:
        chosen = [r for r in all_rooms if r.id in rooms]
    else:
        chosen = [r for r in all_rooms if (r.active and r.own_venue) or r.id in used]
    entries = tuple(_entry(o) for o in found)
    days = tuple(
        (on, tuple(e for e, o in zip(entries, found, strict=True) if o.on == on))
        for on in (monday + timedelta(days=i) for i in range(7))
    )
    sheet = BookingSheet(
        letterhead=head,
        monday=monday,
        rooms=tuple(SheetRoom(r.id, r.label) for r in chosen),
        entries=entries,
        days=days,
        printed_on=today or date.today(),
    )
    return _build_sheet(sheet, out)


# ---------------------------------------------------------------- a room's month


def _month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def free_evenings(occurrences: list[Occurrence], lo: date, hi: date) -> tuple[date, ...]:
    """The days in [lo, hi] on which nothing (set-up and clear-down included) touches the
    evening hours."""
    taken = {o.on for o in occurrences if o.busy[0] < EVENING[1] and o.busy[1] > EVENING[0]}
    days = (lo + timedelta(days=i) for i in range((hi - lo).days + 1))
    return tuple(d for d in days if d not in taken)


def write_room_month(
    sessions: Sessions, room_id: int, month: date, out: Path, today: date | None = None
) -> Path:
    """One room's calendar for the month containing `month`."""
    lo, hi = _month_bounds(month)
    head = letterhead_of(get_settings(sessions))
    with sessions() as session:
        room = session.get(Room, room_id)
        if room is None:
            raise NotFound("That room no longer exists.")
        row = room_row(room)
        found = find_occurrences(session, Window(lo, hi, rooms=(room_id,)))
    entries = tuple(
        MonthEntry(
            on=o.on,
            starts_at=o.starts_at,
            ends_at=o.ends_at,
            who=o.who if o.booking_id is not None else (o.title or "Meeting"),
            provisional=o.status == "provisional",
        )
        for o in found
    )
    page = RoomMonth(
        letterhead=head,
        room=row.name,
        venue=row.venue,
        capacity=row.capacity,
        month=lo,
        entries=entries,
        free_evenings=free_evenings(found, lo, hi),
        evening=EVENING_WORDS,
        printed_on=today or date.today(),
    )
    return build_room_month(page, out)


# ---------------------------------------------------------------- letters to a hirer


def _address(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.replace(",", "\n").splitlines() if line.strip())


def write_confirmation(
    sessions: Sessions, booking_id: int, out: Path, today: date | None = None
) -> Path:
    """A letter confirming a booking (or saying it is provisional) to its hirer."""
    today = today or date.today()
    head = letterhead_of(get_settings(sessions))
    with sessions() as session:
        booking = session.get(Booking, booking_id)
        if booking is None:
            raise NotFound("That booking no longer exists.")
        detail = booking_detail(session, booking)
        venue = booking.room.venue
        venue_address = (*_address(venue.address), venue.postcode.upper())
        reasons = {s.on: s.reason for s in booking.skipped}
    dates = [
        HireDate(on, date_charge(detail, on) or Money(0))
        for on in dates_between(
            detail.first_on, detail.repeat, detail.first_on, detail.last_on, detail.skipped
        )
    ]
    hirer = detail.hirer
    deposit_due = None
    if detail.deposit and not detail.deposit_received_on:
        deposit_due = max(today, detail.first_on - timedelta(days=DEPOSIT_DAYS_BEFORE))
    letter = Confirmation(
        letterhead=head,
        dated=today,
        hirer=(hirer.name if hirer else detail.title) or "The hirer",
        hirer_address=(
            *((f"For the attention of {hirer.contact}",) if hirer and hirer.contact else ()),
            *_address(hirer.address if hirer else ""),
        ),
        greeting=(hirer.contact or hirer.name) if hirer else "hirer",
        reference=f"Booking {detail.id}",
        title=detail.title,
        status=detail.status,
        room=detail.room.name,
        venue=detail.room.venue,
        venue_address=tuple(v for v in venue_address if v),
        pattern=detail.description,
        dates=tuple(dates),
        skipped=tuple(SkippedHireDate(on, reasons.get(on, "")) for on in sorted(detail.skipped)),
        starts_at=detail.starts_at,
        ends_at=detail.ends_at,
        setup_minutes=detail.setup_minutes,
        cleardown_minutes=detail.cleardown_minutes,
        expected=detail.expected,
        basis=BASIS_LABELS.get(detail.charge_basis, detail.charge_basis),
        deposit=detail.deposit,
        deposit_due=deposit_due,
        deposit_received_on=detail.deposit_received_on,
    )
    return build_confirmation(letter, out)


def invoice_detail(session: Session, invoice_id: int) -> InvoiceDetail:
    """An invoice as issued, read inside the caller's session (for printing and the window)."""
    invoice = session.scalar(select(Invoice).where(Invoice.id == invoice_id))
    if invoice is None:
        raise NotFound("That invoice no longer exists.")
    return InvoiceDetail(
        id=invoice.id,
        number=invoice.number,
        hirer=hirer_row(invoice.hirer),
        issued_on=invoice.issued_on,
        due_on=invoice.due_on,
        period_from=invoice.period_from,
        period_to=invoice.period_to,
        lines=tuple(
            InvoiceLineRow(
                description=line.description,
                quantity=line.quantity,
                unit=Money(line.unit_pence),
                amount=Money(line.pence),
                booking_id=line.booking_id,
            )
            for line in sorted(invoice.lines, key=lambda li: (li.position, li.id))
        ),
        payments=tuple(
            PaymentRow(
                id=p.id,
                paid_on=p.paid_on,
                amount=Money(p.pence),
                method=p.method,
                posted=p.entry_id is not None,
            )
            for p in sorted(invoice.payments, key=lambda p: (p.paid_on, p.id))
        ),
        total=Money(invoice.total_pence),
        cancelled=invoice.cancelled,
        notes=invoice.notes,
    )


def _how_to_pay(instructions: str, group: str) -> str:
    """The group's own payment instructions (its bank details) when it has set them."""
    if instructions.strip():
        return instructions.strip()
    return (
        f"Please pay by cheque payable to “{group}”, posted to the address at the top of this "
        "invoice or handed to a committee member, or pay in cash to the booking secretary."
    )


def write_invoice(sessions: Sessions, invoice_id: int, out: Path) -> Path:
    settings = get_settings(sessions)
    head = letterhead_of(settings)
    with sessions() as session:
        detail = invoice_detail(session, invoice_id)
    hirer = detail.hirer
    period = ""
    if detail.period_from and detail.period_to:
        period = (
            f"For bookings from {format_date(detail.period_from)} to "
            f"{format_date(detail.period_to)}"
        )
    invoice = HireInvoice(
        letterhead=head,
        reference=detail.reference,
        issued_on=detail.issued_on,
        due_on=detail.due_on,
        hirer=hirer.name,
        hirer_address=(
            *((f"For the attention of {hirer.contact}",) if hirer.contact else ()),
            *_address(hirer.address),
        ),
        period=period,
        items=tuple(
            InvoiceItem(line.description, line.quantity, line.unit, line.amount)
            for line in detail.lines
        ),
        payments=tuple(InvoicePaid(p.paid_on, p.method, p.amount) for p in detail.payments),
        total=detail.total,
        paid=detail.paid,
        outstanding=detail.outstanding,
        cancelled=detail.cancelled,
        how_to_pay=_how_to_pay(settings.payment_instructions, head.name),
        notes=detail.notes,
    )
    return build_invoice(invoice, out)
