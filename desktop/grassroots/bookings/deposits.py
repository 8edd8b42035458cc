"""Deposits: money a hirer leaves against damage, taken before the booking and handed back
after it.

Taking a deposit is a receipt in the cash book in "Hire deposits". Handing it back is a payment
in "Hire deposits returned" for the amount actually returned; any part kept (a broken chair,
a hall left dirty) is simply not paid out, so it stays in the books as received. Both are
posted in the same transaction as the booking is marked, or wait (entry not yet linked) until
the treasurer has started the books, exactly as invoice payments do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from grassroots.accounts.books import closed_year_containing
from grassroots.accounts.models import ENTRY_METHODS
from grassroots.accounts.postings import post_hire_deposit
from grassroots.bookings.hirers import hirer_name
from grassroots.bookings.models import Booking
from grassroots.bookings.venues import room_row
from grassroots.core.dates import format_date
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money


@dataclass(frozen=True)
class DepositRow:
    """A booking's deposit as the booking secretary follows it."""

    booking_id: int
    who: str
    room: str
    first_on: date
    last_on: date
    amount: Money
    received_on: date | None
    returned_on: date | None
    kept: Money
    posted: bool  # every part of it that should be in the books is

    @property
    def returned(self) -> Money:
        return Money(0) if self.returned_on is None else self.amount - self.kept

    @property
    def state(self) -> str:
        if self.received_on is None:
            return "Not yet received"
        if self.returned_on is None:
            return f"Held since {format_date(self.received_on)}"
        if self.kept.pence:
            return f"{self.kept.format()} kept, {self.returned.format()} returned"
        return f"Returned {format_date(self.returned_on)}"


def _payee(booking: Booking) -> str:
    return hirer_name(booking.hirer) if booking.hirer else booking.title


def _reference(booking: Booking) -> str:
    return f"Deposit, booking {booking.id}"


def _row(booking: Booking) -> DepositRow:
    return DepositRow(
        booking_id=booking.id,
        who=_payee(booking),
        room=room_row(booking.room).label,
        first_on=booking.first_on,
        last_on=booking.last_on,
        amount=Money(booking.deposit_pence),
        received_on=booking.deposit_received_on,
        returned_on=booking.deposit_returned_on,
        kept=Money(booking.deposit_kept_pence),
        posted=not (_receipt_waits(booking) or _return_waits(booking)),
    )


def _load(session: Session, booking_id: int) -> Booking:
    booking = session.get(Booking, booking_id)
    if booking is None:
        raise NotFound(f"There is no booking number {booking_id}")
    return booking


def _check_method(method: str) -> None:
    if method not in ENTRY_METHODS:
        raise ValidationError({"method": f"The method is one of: {', '.join(ENTRY_METHODS)}"})


def deposit_received(
    sessions: sessionmaker[Session], booking_id: int, on: date, method: str
) -> DepositRow:
    """The hirer has paid the booking's deposit."""
    _check_method(method)
    with sessions.begin() as session:
        booking = _load(session, booking_id)
        if booking.deposit_pence <= 0:
            raise ValidationError({"deposit": "This booking does not ask for a deposit"})
        if booking.deposit_received_on is not None:
            when = format_date(booking.deposit_received_on)
            raise ValidationError({"deposit": f"The deposit was received on {when}"})
        booking.deposit_received_on = on
        _post_receipt(session, booking, method)
        session.flush()
        return _row(booking)


def deposit_returned(
    sessions: sessionmaker[Session],
    booking_id: int,
    on: date,
    kept: Money,
    method: str,
    reason: str = "",
) -> DepositRow:
    """The deposit is handed back, less any part `kept` (which stays in the books as received).
    The reason for keeping some is added to the booking's notes."""
    _check_method(method)
    with sessions.begin() as session:
        booking = _load(session, booking_id)
        problems: dict[str, str] = {}
        if booking.deposit_received_on is None:
            problems["deposit"] = "The deposit has not been received yet"
        elif booking.deposit_returned_on is not None:
            problems["deposit"] = (
                f"The deposit was settled on {format_date(booking.deposit_returned_on)}"
            )
        elif on < booking.deposit_received_on:
            problems["on"] = "A deposit cannot go back before it was received"
        if not 0 <= kept.pence <= booking.deposit_pence:
            problems["kept"] = (
                f"Keep between nothing and the whole {Money(booking.deposit_pence).format()}"
            )
        elif kept.pence and not reason.strip():
            problems["reason"] = "Say why part of the deposit is kept"
        if problems:
            raise ValidationError(problems)
        booking.deposit_returned_on = on
        booking.deposit_kept_pence = kept.pence
        if kept.pence:
            line = f"Deposit: {kept.format()} kept on {format_date(on)}: {reason.strip()}"
            booking.notes = f"{booking.notes}\n{line}".strip()
        _post_return(session, booking, method, reason.strip())
        session.flush()
        return _row(booking)


def _post_receipt(session: Session, booking: Booking, method: str) -> None:
    entry = post_hire_deposit(
        session,
        _payee(booking),
        Money(booking.deposit_pence),
        booking.deposit_received_on,
        method,
        _reference(booking),
        booking.hirer.person_id if booking.hirer else None,
    )
    booking.deposit_entry_id = entry.id if entry is not None else None


def _post_return(session: Session, booking: Booking, method: str, note: str = "") -> None:
    entry = post_hire_deposit(
        session,
        _payee(booking),
        Money(booking.deposit_pence - booking.deposit_kept_pence),
        booking.deposit_returned_on,
        method,
        _reference(booking),
        booking.hirer.person_id if booking.hirer else None,
        returned=True,
        note=f"Kept back: {note}" if note else "",
    )
    booking.deposit_return_entry_id = entry.id if entry is not None else None


def _receipt_waits(booking: Booking) -> bool:
    return booking.deposit_received_on is not None and booking.deposit_entry_id is None


def _return_waits(booking: Booking) -> bool:
    return (
        booking.deposit_returned_on is not None
        and booking.deposit_return_entry_id is None
        and booking.deposit_pence > booking.deposit_kept_pence
    )


def _open(session: Session, on: date | None) -> bool:
    """Money dated in a year the treasurer has closed can no longer go into the books, so it
    is not said to be waiting for them."""
    return on is not None and closed_year_containing(session, on) is None


def _with_deposits(session: Session) -> list[Booking]:
    return list(
        session.scalars(
            select(Booking)
            .where(Booking.deposit_pence > 0)
            .options(selectinload(Booking.room), selectinload(Booking.hirer))
            .order_by(Booking.first_on, Booking.id)
        )
    )


def _waiting(session: Session) -> list[Booking]:
    return [
        b
        for b in session.scalars(
            select(Booking).where(
                Booking.deposit_received_on.is_not(None),
                (Booking.deposit_entry_id.is_(None))
                | (
                    Booking.deposit_returned_on.is_not(None)
                    & Booking.deposit_return_entry_id.is_(None)
                ),
            )
        )
        if _receipt_waits(b) or _return_waits(b)
    ]


def _return_can_go(session: Session, booking: Booking) -> bool:
    """A return goes into the books with its receipt: one whose receipt is in a closed year
    and never went in would leave the books paying out money they never took."""
    receipt_in = booking.deposit_entry_id is not None or _open(session, booking.deposit_received_on)
    return receipt_in and _open(session, booking.deposit_returned_on)


def waiting_deposits(session: Session) -> int:
    """How many deposit receipts and returns wait for the books (inside a caller's session):
    those not yet posted, in a year still open."""
    return sum(
        (_receipt_waits(b) and _open(session, b.deposit_received_on))
        + (_return_waits(b) and _return_can_go(session, b))
        for b in _waiting(session)
    )


def post_waiting_deposits(session: Session) -> int:
    """Post waiting deposit receipts and returns into the books now open; how many went.
    How it was paid is not kept while it waits, so it goes in as "other", into the bank
    account (or the only account there is)."""
    posted = 0
    for booking in _waiting(session):
        if _receipt_waits(booking) and _open(session, booking.deposit_received_on):
            _post_receipt(session, booking, "other")
            posted += booking.deposit_entry_id is not None
        if _return_waits(booking) and _return_can_go(session, booking):
            _post_return(session, booking, "other")
            posted += booking.deposit_return_entry_id is not None
    session.flush()
    return posted


def deposits_held(sessions: sessionmaker[Session]) -> list[DepositRow]:
    """Deposits received and not yet handed back: who holds one, and since when."""
    with sessions() as session:
        return [
            _row(b)
            for b in _with_deposits(session)
            if b.deposit_received_on is not None and b.deposit_returned_on is None
        ]


def deposits_awaited(sessions: sessionmaker[Session]) -> list[DepositRow]:
    """Bookings (not cancelled) that ask for a deposit not yet received."""
    with sessions() as session:
        return [
            _row(b)
            for b in _with_deposits(session)
            if b.deposit_received_on is None and b.status != "cancelled"
        ]
