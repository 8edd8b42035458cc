"""Taking, changing, cancelling and reading bookings; one transaction per user action.

Every change checks for clashes first and refuses with `ClashError` (naming the clashing
bookings) unless the booking secretary has seen them and chosen to book anyway
(`allow_clash`). `check_booking` gives the same answer before saving, for the form to show.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from uuid import uuid4

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from grassroots.bookings.charges import charge_for, missing_rate
from grassroots.bookings.clashes import ClashError, clashes_at
from grassroots.bookings.hirers import hirer_name, hirer_row
from grassroots.bookings.models import (
    CHARGE_BASES,
    STATUSES,
    Booking,
    Hirer,
    InvoiceLine,
    Room,
    SkippedDate,
)
from grassroots.bookings.occurrences import Window, find_occurrences
from grassroots.bookings.records import (
    BookingCheck,
    BookingDetail,
    BookingInput,
    Occurrence,
)
from grassroots.bookings.venues import room_row
from grassroots.core.clock import format_time, wall_clock_problem
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.core.recurrence import Repeat, check, dates_between, describe, last_date

MIDNIGHT_HELP = (
    "A booking must end after it starts, on the same day. For one that runs past midnight, "
    "book until 23:59 and add a second booking from 00:00 the next day"
)


def _load(session: Session, booking_id: int) -> Booking:
    booking = session.get(
        Booking,
        booking_id,
        options=[
            selectinload(Booking.skipped),
            selectinload(Booking.room).selectinload(Room.rates),
        ],
    )
    if booking is None:
        raise NotFound(f"There is no booking number {booking_id}")
    return booking


def _clean(session: Session, data: BookingInput) -> tuple[BookingInput, Room, Hirer | None]:
    """Check what was typed; ValidationError names each field that is wrong."""
    problems: dict[str, str] = {}
    room = session.get(Room, data.room_id)
    if room is None:
        problems["room_id"] = "Choose the room"
    hirer = None
    if data.hirer_id is not None:
        hirer = session.get(Hirer, data.hirer_id)
        if hirer is None:
            problems["hirer_id"] = "That hirer is no longer on our records"
    title = data.title.strip() or (hirer_name(hirer) if hirer else "")
    if not title:
        problems["title"] = "Say what the booking is for, or choose who is hiring"
    elif len(title) > 200:
        problems["title"] = "Keep the title to 200 characters"
    if data.status not in STATUSES:
        problems["status"] = "The status is provisional, confirmed or cancelled"
    if data.charge_basis not in CHARGE_BASES:
        problems["charge_basis"] = "Charge by the hour, by the session, or not at all"
    if not isinstance(data.first_on, date):
        problems["first_on"] = "Give the date"
    if not isinstance(data.starts_at, time) or not isinstance(data.ends_at, time):
        problems["starts_at"] = "Give the start and end times"
    elif data.ends_at <= data.starts_at:
        problems["ends_at"] = MIDNIGHT_HELP
    if data.expected is not None and data.expected < 0:
        problems["expected"] = "The number expected cannot be less than none"
    if data.charge is not None and data.charge.pence < 0:
        problems["charge"] = "A charge cannot be less than nothing"
    if data.deposit.pence < 0:
        problems["deposit"] = "A deposit cannot be less than nothing"
    for key in ("setup_minutes", "cleardown_minutes"):
        value = getattr(data, key)
        if value is not None and not 0 <= value <= 24 * 60:
            problems[key] = "Give minutes from 0 to 1440"
    if isinstance(data.first_on, date):
        problems.update(check(data.first_on, data.repeat))
    if not problems:
        problems.update(_clock_problems(data))
    if problems:
        raise ValidationError(problems)
    assert room is not None
    return _with(data, title=title, notes=data.notes.strip()), room, hirer


def _with(data: BookingInput, **changes: object) -> BookingInput:
    return replace(data, **changes)


def _clock_problems(data: BookingInput) -> dict[str, str]:
    """A start or end that does not exist, or happens twice, on a night the clocks change."""
    last = last_date(data.first_on, data.repeat)
    for on in dates_between(data.first_on, data.repeat, data.first_on, last, data.skipped or ()):
        if on.weekday() != 6 or on.month not in (3, 10):
            continue
        for key, at in (("starts_at", data.starts_at), ("ends_at", data.ends_at)):
            problem = wall_clock_problem(on, at)
            if problem:
                return {key: problem}
    return {}


def _dates(data: BookingInput) -> list[date]:
    last = last_date(data.first_on, data.repeat)
    return list(dates_between(data.first_on, data.repeat, data.first_on, last, data.skipped or ()))


def _check(
    session: Session, data: BookingInput, room: Room, hirer: Hirer | None, ignore: int | None
) -> BookingCheck:
    dates = _dates(data)
    clashes = ()
    if data.status != "cancelled":
        clashes = clashes_at(
            session,
            room.id,
            dates,
            data.starts_at,
            data.ends_at,
            room.setup_minutes if data.setup_minutes is None else data.setup_minutes,
            room.cleardown_minutes if data.cleardown_minutes is None else data.cleardown_minutes,
            ignore_booking=ignore,
        )
    warnings = []
    if data.expected and room.capacity and data.expected > room.capacity:
        warnings.append(f"{data.expected} people are expected; {room.name} holds {room.capacity}")
    if data.charge is None:
        problem = missing_rate(
            room_row(room), hirer.band if hirer else "standard", data.charge_basis
        )
        if problem:
            warnings.append(problem)
    if not room.active:
        warnings.append(f"{room.name} is no longer offered for bookings")
    return BookingCheck(clashes, tuple(warnings), len(dates))


def check_booking(
    sessions: sessionmaker[Session], data: BookingInput, booking_id: int | None = None
) -> BookingCheck:
    """Clashes and warnings for a booking as typed, before it is saved (ValidationError when
    what was typed cannot be booked at all)."""
    with sessions() as session:
        clean, room, hirer = _clean(session, data)
        return _check(session, clean, room, hirer, booking_id)


def _apply(session: Session, booking: Booking, data: BookingInput) -> None:
    repeat = data.repeat if data.repeat.repeats else Repeat()
    booking.room_id = data.room_id
    booking.hirer_id = data.hirer_id
    booking.title = data.title
    booking.status = data.status
    booking.first_on = data.first_on
    booking.last_on = last_date(data.first_on, repeat)
    booking.starts_at = data.starts_at
    booking.ends_at = data.ends_at
    booking.repeat = repeat.every
    booking.nth = repeat.nth if repeat.every == "monthly" else None
    booking.until = repeat.until
    booking.times = repeat.times
    booking.expected = data.expected
    booking.setup_minutes = data.setup_minutes
    booking.cleardown_minutes = data.cleardown_minutes
    booking.charge_basis = data.charge_basis
    booking.charge_pence = None if data.charge is None else data.charge.pence
    booking.deposit_pence = data.deposit.pence
    booking.notes = data.notes
    if data.skipped is not None:
        # Keep the rows of dates still skipped: replacing them with new rows for the same
        # dates would insert before deleting and break the (booking, date) unique key.
        wanted = set(data.skipped)
        kept = [s for s in booking.skipped if s.on in wanted]
        added = [SkippedDate(on=on) for on in sorted(wanted - {s.on for s in kept})]
        booking.skipped = sorted(kept + added, key=lambda s: s.on)


def _refuse_clashes(check: BookingCheck, allow_clash: bool) -> None:
    if check.clashes and not allow_clash:
        raise ClashError(check.clashes)


def add_booking(
    sessions: sessionmaker[Session], data: BookingInput, allow_clash: bool = False
) -> BookingDetail:
    """Take a booking. Refused with ClashError if it clashes, unless `allow_clash`."""
    with sessions.begin() as session:
        booking = new_booking(session, data, allow_clash)
        return _detail(session, booking)


def new_booking(session: Session, data: BookingInput, allow_clash: bool = False) -> Booking:
    """Add a booking inside the caller's transaction (an import adds many in one)."""
    clean, room, hirer = _clean(session, data)
    _refuse_clashes(_check(session, clean, room, hirer, None), allow_clash)
    booking = Booking(uid=clean.uid or f"{uuid4()}@grassroots")
    _apply(session, booking, clean)
    session.add(booking)
    session.flush()
    return booking


def update_booking(
    sessions: sessionmaker[Session],
    booking_id: int,
    data: BookingInput,
    allow_clash: bool = False,
) -> BookingDetail:
    """Change a booking (the whole series, for a repeating one)."""
    with sessions.begin() as session:
        booking = _load(session, booking_id)
        change_booking(session, booking, data, allow_clash)
        return _detail(session, booking)


def change_booking(
    session: Session, booking: Booking, data: BookingInput, allow_clash: bool = False
) -> None:
    """Change a booking inside the caller's transaction; its iCalendar sequence moves on."""
    if data.skipped is None:
        data = _with(data, skipped=_skips(booking))
    clean, room, hirer = _clean(session, data)
    _refuse_clashes(_check(session, clean, room, hirer, booking.id), allow_clash)
    _apply(session, booking, clean)
    booking.sequence += 1
    session.flush()


def set_status(sessions: sessionmaker[Session], booking_id: int, status: str) -> BookingDetail:
    """Confirm, cancel or mark provisional. Reinstating a cancelled booking checks clashes."""
    if status not in STATUSES:
        raise ValidationError({"status": "The status is provisional, confirmed or cancelled"})
    with sessions.begin() as session:
        booking = _load(session, booking_id)
        if booking.status == "cancelled" and status != "cancelled":
            data = _with(
                _detail(session, booking).as_input(), status=status, skipped=_skips(booking)
            )
            clean, room, hirer = _clean(session, data)
            _refuse_clashes(_check(session, clean, room, hirer, booking.id), False)
        booking.status = status
        booking.sequence += 1
        session.flush()
        return _detail(session, booking)


def _skips(booking: Booking) -> tuple[date, ...]:
    return tuple(s.on for s in booking.skipped)


def skip_date(
    sessions: sessionmaker[Session], booking_id: int, on: date, reason: str = ""
) -> BookingDetail:
    """Leave one date out of a repeating booking (or cancel a one-off's only date)."""
    with sessions.begin() as session:
        booking = _load(session, booking_id)
        if booking.repeat == "none":
            booking.status = "cancelled"
        elif on not in _series_dates(booking):
            raise ValidationError({"on": f"The booking does not fall on {on:%d/%m/%Y}"})
        elif all(s.on != on for s in booking.skipped):
            booking.skipped.append(SkippedDate(on=on, reason=reason.strip()[:200]))
        booking.sequence += 1
        session.flush()
        return _detail(session, booking)


def restore_date(sessions: sessionmaker[Session], booking_id: int, on: date) -> BookingDetail:
    """Put a skipped date back into its series (checking it does not now clash)."""
    with sessions.begin() as session:
        booking = _load(session, booking_id)
        data = _detail(session, booking).as_input()
        clean, room, hirer = _clean(session, _with(data, skipped=(), repeat=Repeat(), first_on=on))
        _refuse_clashes(_check(session, clean, room, hirer, booking.id), False)
        booking.skipped = [s for s in booking.skipped if s.on != on]
        booking.sequence += 1
        session.flush()
        return _detail(session, booking)


def _series_dates(booking: Booking) -> list[date]:
    repeat = _repeat(booking)
    return list(dates_between(booking.first_on, repeat, booking.first_on, booking.last_on))


def _repeat(booking: Booking) -> Repeat:
    return Repeat(booking.repeat, booking.until, booking.times, booking.nth)


def move_occurrence(
    sessions: sessionmaker[Session],
    booking_id: int,
    on: date,
    new_on: date,
    starts_at: time,
    ends_at: time,
    room_id: int | None = None,
    allow_clash: bool = False,
) -> BookingDetail:
    """Move one date of a booking (what dragging it in the calendar does). A one-off simply
    moves; one date of a series is skipped there and becomes a one-off of its own, so the rest
    of the series stays where it was. Returns the booking that now holds the moved date."""
    with sessions.begin() as session:
        booking = _load(session, booking_id)
        base = _with(
            _detail(session, booking).as_input(),
            first_on=new_on,
            starts_at=starts_at,
            ends_at=ends_at,
            room_id=room_id or booking.room_id,
        )
        if booking.repeat == "none":
            change_booking(session, booking, _with(base, skipped=()), allow_clash)
            return _detail(session, booking)
        if on not in _series_dates(booking) or any(s.on == on for s in booking.skipped):
            raise ValidationError({"on": f"The booking does not fall on {on:%d/%m/%Y}"})
        # The date leaves the series first, so the moved copy is not checked against itself.
        booking.skipped.append(
            SkippedDate(on=on, reason=f"Moved to {new_on:%d/%m/%Y} {format_time(starts_at)}")
        )
        booking.sequence += 1
        session.flush()
        moved = new_booking(
            session, _with(base, repeat=Repeat(), skipped=(), uid=None), allow_clash
        )
        moved.detached_from_id = booking.id
        session.flush()
        return _detail(session, moved)


def delete_booking(sessions: sessionmaker[Session], booking_id: int) -> None:
    """Remove a booking made in error. One that has been invoiced is cancelled instead, so
    the invoice still says what it was for."""
    with sessions.begin() as session:
        booking = _load(session, booking_id)
        invoiced = session.scalar(
            select(InvoiceLine.id).where(InvoiceLine.booking_id == booking_id).limit(1)
        )
        if invoiced is not None:
            raise ValidationError(
                {"booking": "This booking has been invoiced: cancel it instead of deleting it"}
            )
        session.execute(delete(SkippedDate).where(SkippedDate.booking_id == booking_id))
        session.delete(booking)


def booking_details(
    sessions: sessionmaker[Session], booking_ids: set[int]
) -> dict[int, BookingDetail]:
    """Many bookings at once (a list's charges), in a few queries however many there are;
    a booking deleted meanwhile is simply not there."""
    with sessions() as session:
        found = session.scalars(
            select(Booking)
            .where(Booking.id.in_(booking_ids))
            .options(
                selectinload(Booking.skipped),
                selectinload(Booking.room).selectinload(Room.rates),
                selectinload(Booking.room).selectinload(Room.venue),
                selectinload(Booking.hirer).selectinload(Hirer.person),
            )
        )
        return {b.id: _detail(session, b) for b in found}


def get_booking(sessions: sessionmaker[Session], booking_id: int) -> BookingDetail:
    with sessions() as session:
        return _detail(session, _load(session, booking_id))


def booking_detail(session: Session, booking: Booking) -> BookingDetail:
    return _detail(session, booking)


def _detail(session: Session, booking: Booking) -> BookingDetail:
    room = room_row(booking.room)
    hirer = booking.hirer
    repeat = _repeat(booking)
    setup = room.setup_minutes if booking.setup_minutes is None else booking.setup_minutes
    clear = (
        room.cleardown_minutes if booking.cleardown_minutes is None else booking.cleardown_minutes
    )
    override = None if booking.charge_pence is None else Money(booking.charge_pence)
    each = charge_for(
        room,
        hirer.band if hirer else "standard",
        booking.charge_basis,
        booking.first_on,
        booking.starts_at,
        booking.ends_at,
        override,
    )
    return BookingDetail(
        id=booking.id,
        uid=booking.uid,
        room=room,
        hirer=hirer_row(hirer) if hirer else None,
        title=booking.title,
        status=booking.status,
        first_on=booking.first_on,
        last_on=booking.last_on,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        repeat=repeat,
        description=describe(booking.first_on, repeat),
        skipped=tuple(s.on for s in booking.skipped),
        expected=booking.expected,
        setup_minutes=setup,
        cleardown_minutes=clear,
        setup_override=booking.setup_minutes,
        cleardown_override=booking.cleardown_minutes,
        charge_basis=booking.charge_basis,
        charge_override=override,
        charge_each=each if each is not None else Money(0),
        deposit=Money(booking.deposit_pence),
        deposit_received_on=booking.deposit_received_on,
        deposit_returned_on=booking.deposit_returned_on,
        deposit_kept=Money(booking.deposit_kept_pence),
        notes=booking.notes,
        sequence=booking.sequence,
        detached_from_id=booking.detached_from_id,
    )


def list_occurrences(sessions: sessionmaker[Session], window: Window) -> list[Occurrence]:
    """Each date of each booking (and each meeting in a booked room) in the window."""
    with sessions() as session:
        return find_occurrences(session, window)


def booking_dates(
    sessions: sessionmaker[Session], booking_id: int, lo: date | None = None, hi: date | None = None
) -> list[date]:
    """The dates a booking falls on (skipped ones left out), within [lo, hi] when given."""
    with sessions() as session:
        booking = _load(session, booking_id)
        return list(
            dates_between(
                booking.first_on,
                _repeat(booking),
                lo or booking.first_on,
                hi or booking.last_on,
                [s.on for s in booking.skipped],
            )
        )
