"""Charging hirers: what is due, invoices, and the money paid against them.

How we know a date has been invoiced: every invoice line names the booking it charges for, and
every invoice names the period it covers (an invoice for one booking covers all its dates). A
date of a booking is invoiced when an invoice that is not cancelled has a line for that booking
and its period takes in the date. So that this never claims a date that was not charged, an
invoice's period is narrowed to the first and last dates it actually charges, and an invoice
cannot be cancelled while a later one for the same booking covers some of the same days.
Cancelling an invoice makes its dates due again; a booking added later to a period already
invoiced is still charged (it has no line yet).

A payment is a receipt in the cash book (Hire income) made in the same transaction, so the
two cannot disagree. Before the treasurer has started the books there is no account to post
to: the payment is kept, waiting, and `post_waiting_payments` posts it once there is one.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from grassroots.accounts.books import closed_year_containing
from grassroots.accounts.models import ENTRY_METHODS
from grassroots.accounts.postings import can_post, post_hire_payment
from grassroots.bookings import deposits
from grassroots.bookings.charges import charge_for, missing_rate
from grassroots.bookings.hirers import hirer_name, hirer_row, load_hirer
from grassroots.bookings.models import Booking, Hirer, Invoice, InvoiceLine, InvoicePayment
from grassroots.bookings.records import InvoiceDetail, InvoiceLineRow, PaymentRow
from grassroots.bookings.venues import room_row
from grassroots.core.clock import format_time
from grassroots.core.dates import format_date
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.core.recurrence import Repeat, dates_between

_EVERY = {"weekly": "{day}s", "fortnightly": "every other {day}", "monthly": "monthly, {day}s"}


def _covered(session: Session, booking_ids: list[int]) -> dict[int, list[tuple[date, date]]]:
    """For each booking, the periods of live invoices that have a line for it."""
    if not booking_ids:
        return {}
    rows = session.execute(
        select(InvoiceLine.booking_id, Invoice.period_from, Invoice.period_to)
        .join(Invoice, InvoiceLine.invoice_id == Invoice.id)
        .where(InvoiceLine.booking_id.in_(booking_ids), Invoice.cancelled.is_(False))
    ).all()
    out: dict[int, list[tuple[date, date]]] = defaultdict(list)
    for booking_id, lo, hi in rows:
        out[booking_id].append((lo or date.min, hi or date.max))
    return out


def _due_lines(
    session: Session, bookings: list[Booking], lo: date, hi: date
) -> list[tuple[date, date, InvoiceLine]]:
    """Unsaved invoice lines for the dates of `bookings` in [lo, hi] not yet invoiced: one per
    booking and price, in date order, each with the first and last date it charges."""
    covered = _covered(session, [b.id for b in bookings])
    problems: dict[str, str] = {}
    found: list[tuple[date, date, InvoiceLine]] = []
    for booking in bookings:
        if booking.status == "cancelled":
            continue
        room = room_row(booking.room)
        band = booking.hirer.band if booking.hirer else "standard"
        override = None if booking.charge_pence is None else Money(booking.charge_pence)
        repeat = Repeat(booking.repeat, booking.until, booking.times, booking.nth)
        skipped = [s.on for s in booking.skipped]
        spans = covered.get(booking.id, [])
        by_price: dict[int, list[date]] = defaultdict(list)
        for on in dates_between(booking.first_on, repeat, max(lo, booking.first_on), hi, skipped):
            if any(a <= on <= b for a, b in spans):
                continue
            price = charge_for(
                room, band, booking.charge_basis, on, booking.starts_at, booking.ends_at, override
            )
            if price is None:
                problems["charge"] = (
                    f"{booking.title} on {format_date(on)}: "
                    f"{missing_rate(room, band, booking.charge_basis)}"
                )
                break
            by_price[price.pence].append(on)
        for pence, dates in by_price.items():
            if pence <= 0:
                continue  # free bookings are left out
            found.append(
                (
                    dates[0],
                    dates[-1],
                    InvoiceLine(
                        booking_id=booking.id,
                        description=_describe(booking, room.label, dates)[:300],
                        quantity=len(dates),
                        unit_pence=pence,
                        pence=pence * len(dates),
                    ),
                )
            )
    if problems:
        raise ValidationError(problems)
    found.sort(key=lambda due: (due[0], due[2].description))
    return found


def _describe(booking: Booking, room: str, dates: list[date]) -> str:
    """'Main hall, Tuesdays 19:00–21:00, 6 sessions' or 'Main hall, Sat 14/03/2026 14:00–18:00'."""
    hours = f"{format_time(booking.starts_at)}–{format_time(booking.ends_at)}"
    first = dates[0]
    if len(dates) == 1:
        when = f"{first:%a} {format_date(first)} {hours}"
    else:
        pattern = _EVERY.get(booking.repeat, "{day}s")
        when = f"{pattern.format(day=f'{first:%A}')} {hours}, {len(dates)} sessions"
        when = when[0].upper() + when[1:]
    who = hirer_name(booking.hirer) if booking.hirer else ""
    title = f" ({booking.title})" if booking.title and booking.title != who else ""
    return f"{room}, {when}{title}"


def _bookings_of(session: Session, hirer_id: int, lo: date, hi: date) -> list[Booking]:
    return list(
        session.scalars(
            select(Booking)
            .where(
                Booking.hirer_id == hirer_id,
                Booking.first_on <= hi,
                Booking.last_on >= lo,
                Booking.status != "cancelled",
            )
            .options(selectinload(Booking.skipped), selectinload(Booking.room))
            .order_by(Booking.first_on, Booking.id)
        )
    )


def _line_row(line: InvoiceLine) -> InvoiceLineRow:
    return InvoiceLineRow(
        line.description,
        line.quantity,
        Money(line.unit_pence),
        Money(line.pence),
        line.booking_id,
    )


def _check_period(lo: date, hi: date) -> None:
    if hi < lo:
        raise ValidationError({"period": "The period must end on or after the day it starts"})


def charges_due(
    sessions: sessionmaker[Session], hirer_id: int, lo: date, hi: date
) -> list[InvoiceLineRow]:
    """What a hirer owes for their bookings' dates in [lo, hi] that are not yet invoiced."""
    _check_period(lo, hi)
    with sessions() as session:
        load_hirer(session, hirer_id)
        due = _due_lines(session, _bookings_of(session, hirer_id, lo, hi), lo, hi)
        return [_line_row(line) for _, _, line in due]


def _next_number(session: Session) -> int:
    return (session.scalar(select(func.max(Invoice.number))) or 0) + 1


def _issue(
    session: Session,
    hirer: Hirer,
    due: list[tuple[date, date, InvoiceLine]],
    issued_on: date,
    due_days: int,
    notes: str,
) -> Invoice:
    lines = [line for _, _, line in due]
    lo, hi = min(d[0] for d in due), max(d[1] for d in due)
    for position, line in enumerate(lines):
        line.position = position
    invoice = Invoice(
        number=_next_number(session),
        hirer_id=hirer.id,
        issued_on=issued_on,
        due_on=issued_on + timedelta(days=max(due_days, 0)),
        period_from=lo,
        period_to=hi,
        total_pence=sum(line.pence for line in lines),
        notes=notes.strip(),
        lines=lines,
    )
    session.add(invoice)
    session.flush()
    return invoice


def issue_invoice(
    sessions: sessionmaker[Session],
    hirer_id: int,
    lo: date,
    hi: date,
    issued_on: date,
    due_days: int = 14,
    notes: str = "",
) -> InvoiceDetail:
    """Invoice a hirer for everything due in [lo, hi]; numbers run on from the last one."""
    _check_period(lo, hi)
    with sessions.begin() as session:
        hirer = load_hirer(session, hirer_id)
        lines = _due_lines(session, _bookings_of(session, hirer_id, lo, hi), lo, hi)
        if not lines:
            raise ValidationError(
                {
                    "period": f"Nothing is due from {hirer_name(hirer)} for "
                    f"{format_date(lo)} to {format_date(hi)}: it has all been invoiced, "
                    "or there were no charged bookings"
                }
            )
        return _detail(_issue(session, hirer, lines, issued_on, due_days, notes))


def invoice_for_booking(
    sessions: sessionmaker[Session], booking_id: int, issued_on: date, due_days: int = 14
) -> InvoiceDetail:
    """Invoice one booking (all its dates not yet invoiced): a party, a one-off hire."""
    with sessions.begin() as session:
        booking = session.get(
            Booking, booking_id, options=[selectinload(Booking.skipped), selectinload(Booking.room)]
        )
        if booking is None:
            raise NotFound(f"There is no booking number {booking_id}")
        if booking.hirer is None:
            raise ValidationError({"hirer_id": "Choose who is hiring before invoicing them"})
        if booking.status == "cancelled":
            raise ValidationError({"booking": "This booking is cancelled: nothing is due"})
        lo, hi = booking.first_on, booking.last_on
        lines = _due_lines(session, [booking], lo, hi)
        if not lines:
            raise ValidationError(
                {"booking": "Nothing is due for this booking: it is free or already invoiced"}
            )
        return _detail(_issue(session, booking.hirer, lines, issued_on, due_days, ""))


def _load(session: Session, invoice_id: int) -> Invoice:
    invoice = session.get(
        Invoice,
        invoice_id,
        options=[selectinload(Invoice.lines), selectinload(Invoice.payments)],
    )
    if invoice is None:
        raise NotFound(f"There is no invoice number {invoice_id}")
    return invoice


def _detail(invoice: Invoice) -> InvoiceDetail:
    return InvoiceDetail(
        id=invoice.id,
        number=invoice.number,
        hirer=hirer_row(invoice.hirer),
        issued_on=invoice.issued_on,
        due_on=invoice.due_on,
        period_from=invoice.period_from,
        period_to=invoice.period_to,
        lines=tuple(_line_row(line) for line in invoice.lines),
        payments=tuple(
            PaymentRow(p.id, p.paid_on, Money(p.pence), p.method, p.entry_id is not None)
            for p in sorted(invoice.payments, key=lambda p: (p.paid_on, p.id))
        ),
        total=Money(invoice.total_pence),
        cancelled=invoice.cancelled,
        notes=invoice.notes,
    )


def get_invoice(sessions: sessionmaker[Session], invoice_id: int) -> InvoiceDetail:
    with sessions() as session:
        return _detail(_load(session, invoice_id))


def list_invoices(
    sessions: sessionmaker[Session], hirer_id: int | None = None, unpaid_only: bool = False
) -> list[InvoiceDetail]:
    """Invoices, newest first; `unpaid_only` leaves out cancelled and fully paid ones."""
    with sessions() as session:
        query = (
            select(Invoice)
            .options(
                selectinload(Invoice.lines),
                selectinload(Invoice.payments),
                selectinload(Invoice.hirer).selectinload(Hirer.person),
            )
            .order_by(Invoice.number.desc())
        )
        if hirer_id is not None:
            query = query.where(Invoice.hirer_id == hirer_id)
        if unpaid_only:
            query = query.where(Invoice.cancelled.is_(False))
        rows = [_detail(invoice) for invoice in session.scalars(query)]
        return [r for r in rows if r.outstanding.pence > 0] if unpaid_only else rows


def cancel_invoice(sessions: sessionmaker[Session], invoice_id: int) -> InvoiceDetail:
    """Withdraw an invoice issued in error; its dates become due again. Refused once money has
    been received against it (that money is in the books)."""
    with sessions.begin() as session:
        invoice = _load(session, invoice_id)
        if invoice.payments:
            raise ValidationError(
                {"invoice": "Money has been received against this invoice: it cannot be cancelled"}
            )
        later = _later_overlap(session, invoice)
        if later is not None:
            raise ValidationError(
                {
                    "invoice": f"INV-{later:04d} also charges for these bookings after this one; "
                    "cancel it first"
                }
            )
        invoice.cancelled = True
        session.flush()
        return _detail(invoice)


def _later_overlap(session: Session, invoice: Invoice) -> int | None:
    """The number of a later live invoice with a line for one of this invoice's bookings whose
    period overlaps this one's, if any."""
    bookings = [line.booking_id for line in invoice.lines if line.booking_id is not None]
    if not bookings:
        return None
    return session.scalar(
        select(Invoice.number)
        .join(InvoiceLine, InvoiceLine.invoice_id == Invoice.id)
        .where(
            InvoiceLine.booking_id.in_(bookings),
            Invoice.cancelled.is_(False),
            Invoice.number > invoice.number,
            Invoice.period_from <= invoice.period_to,
            Invoice.period_to >= invoice.period_from,
        )
        .limit(1)
    )


def record_payment(
    sessions: sessionmaker[Session], invoice_id: int, paid_on: date, amount: Money, method: str
) -> InvoiceDetail:
    """Money received against an invoice, posted into the cash book as Hire income in the same
    transaction (or kept waiting until the books have started)."""
    with sessions.begin() as session:
        invoice = _load(session, invoice_id)
        detail = _detail(invoice)
        problems: dict[str, str] = {}
        if invoice.cancelled:
            problems["invoice"] = "This invoice is cancelled"
        if amount.pence <= 0:
            problems["amount"] = "Give the amount received"
        elif amount.pence > detail.outstanding.pence:
            problems["amount"] = (
                f"That is more than the {detail.outstanding.format()} still owed on "
                f"{detail.reference}"
            )
        if method not in ENTRY_METHODS:
            problems["method"] = f"The method is one of: {', '.join(ENTRY_METHODS)}"
        if problems:
            raise ValidationError(problems)
        payment = InvoicePayment(paid_on=paid_on, pence=amount.pence, method=method)
        invoice.payments.append(payment)
        session.flush()
        _post(session, invoice, payment)
        session.flush()
        return _detail(invoice)


def _post(session: Session, invoice: Invoice, payment: InvoicePayment) -> bool:
    entry = post_hire_payment(
        session,
        hirer_name(invoice.hirer),
        Money(payment.pence),
        payment.paid_on,
        payment.method,
        f"INV-{invoice.number:04d}",
        invoice.hirer.person_id,
    )
    payment.entry_id = entry.id if entry is not None else None
    return entry is not None


def goes_into_books(sessions: sessionmaker[Session], paid_on: date, method: str) -> bool:
    """Whether money taken that day would be posted now, or wait for the books to start."""
    with sessions() as session:
        return can_post(session, method, paid_on)


def _waiting(session: Session) -> list[InvoicePayment]:
    return list(
        session.scalars(
            select(InvoicePayment)
            .where(InvoicePayment.entry_id.is_(None))
            .order_by(InvoicePayment.paid_on, InvoicePayment.id)
        )
    )


def waiting_payments(sessions: sessionmaker[Session]) -> int:
    """How many payments and deposits are waiting to go into the books: not posted yet, and
    dated in a year the treasurer has not closed (those can no longer go in)."""
    with sessions() as session:
        payments = [
            p for p in _waiting(session) if closed_year_containing(session, p.paid_on) is None
        ]
        return len(payments) + deposits.waiting_deposits(session)


def post_waiting_payments(sessions: sessionmaker[Session]) -> int:
    """Post every waiting payment and deposit that now has an open account (and is not in a
    closed year); returns how many were posted."""
    posted = 0
    with sessions.begin() as session:
        for payment in _waiting(session):
            if closed_year_containing(session, payment.paid_on) is not None:
                continue
            posted += _post(session, payment.invoice, payment)
        posted += deposits.post_waiting_deposits(session)
    return posted
