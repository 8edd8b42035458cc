"""Bookings as iCalendar (.ics): a calendar hirers and committee members can subscribe to, and
a hirer's own schedule read back in.

Export writes one VEVENT per booking, not per date: a repeating booking is one event with its
RRULE and EXDATEs, in Europe/London time, so a weekly 19:00 class stays at 19:00 across the
clocks changing. The UID is the booking's own, kept for ever, and SEQUENCE moves on with every
change, so a re-export updates a subscriber's copy; a cancelled booking stays in the file as
STATUS:CANCELLED so their calendar removes it.

Import matches events to bookings by UID, so reading the same file twice updates instead of
adding again. What Grassroots cannot keep is refused by name, never guessed at: all-day events,
events past midnight, rules it has no way to repeat (daily; several weekdays; no end), and
times the clocks skip. Everything is one transaction: a file that is not iCalendar writes
nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Event, vCalAddress
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from grassroots.bookings.clashes import ClashError
from grassroots.bookings.hirers import hirer_name
from grassroots.bookings.models import Booking, Hirer, Room
from grassroots.bookings.occurrences import meeting_times
from grassroots.bookings.records import BookingInput
from grassroots.bookings.service import booking_detail, change_booking, new_booking
from grassroots.bookings.venues import find_room
from grassroots.core.clock import LONDON, local, wall_clock_problem
from grassroots.core.errors import GrassrootsError, NotFound, ValidationError
from grassroots.core.recurrence import Repeat, nth_of
from grassroots.core.validate import normalise_email
from grassroots.group.models import GroupSettingsRow
from grassroots.meetings.models import Meeting
from grassroots.people.models import Person
from grassroots.people.records import full_name

PRODID = "-//Grassroots//Bookings//EN"
STATUS_OUT = {"provisional": "TENTATIVE", "confirmed": "CONFIRMED", "cancelled": "CANCELLED"}
STATUS_IN = {"TENTATIVE": "provisional", "CONFIRMED": "confirmed", "CANCELLED": "cancelled"}
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MEETING_UID = re.compile(r"^meeting-(\d+)@grassroots$")
NEVER_ENDS = "never ends; give an end date or count"


# ---------------------------------------------------------------------------------------------
# Export


def calendar_bytes(
    sessions: sessionmaker[Session], room_id: int | None = None, hirer_id: int | None = None
) -> bytes:
    """The bookings (of one room, or one hirer, when given) as an iCalendar file's bytes."""
    return _calendar(sessions, room_id, hirer_id)[0].to_ical()


def export_ics(
    sessions: sessionmaker[Session],
    out: Path,
    room_id: int | None = None,
    hirer_id: int | None = None,
) -> int:
    """Write the calendar to `out`; the number of events written."""
    calendar, count = _calendar(sessions, room_id, hirer_id)
    Path(out).write_bytes(calendar.to_ical())
    return count


def _calendar(
    sessions: sessionmaker[Session], room_id: int | None, hirer_id: int | None
) -> tuple[Calendar, int]:
    with sessions() as session:
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", _calendar_name(session, room_id, hirer_id))
        calendar.add("x-wr-timezone", "Europe/London")
        stamp = datetime.now(UTC).replace(microsecond=0)
        count = 0
        for booking in _bookings(session, room_id, hirer_id):
            calendar.add_component(_booking_event(booking, stamp))
            count += 1
        if hirer_id is None:
            for meeting, room in _meetings(session, room_id):
                calendar.add_component(_meeting_event(meeting, room, stamp))
                count += 1
    # One VTIMEZONE for Europe/London, made from the zone's own rules.
    calendar.add_missing_timezones()
    return calendar, count


def _calendar_name(session: Session, room_id: int | None, hirer_id: int | None) -> str:
    settings = session.get(GroupSettingsRow, 1)
    group = (settings.name if settings else "") or "Bookings"
    if room_id is not None:
        room = session.get(Room, room_id)
        if room is None:
            raise NotFound(f"There is no room number {room_id}")
        return f"{group}: {_location(room)}"
    if hirer_id is not None:
        hirer = session.get(Hirer, hirer_id)
        if hirer is None:
            raise NotFound(f"There is no hirer number {hirer_id}")
        return f"{group}: bookings for {hirer_name(hirer)}"
    return f"{group}: room bookings"


def _bookings(session: Session, room_id: int | None, hirer_id: int | None) -> Iterable[Booking]:
    query = (
        select(Booking)
        .options(
            selectinload(Booking.skipped),
            selectinload(Booking.room).selectinload(Room.venue),
            selectinload(Booking.hirer).selectinload(Hirer.person),
        )
        .order_by(Booking.first_on, Booking.starts_at, Booking.id)
    )
    if room_id is not None:
        query = query.where(Booking.room_id == room_id)
    if hirer_id is not None:
        query = query.where(Booking.hirer_id == hirer_id)
    return session.scalars(query).all()


def _meetings(session: Session, room_id: int | None) -> Iterable[tuple[Meeting, Room]]:
    query = (
        select(Meeting, Room)
        .join(Room, Meeting.room_id == Room.id)
        .options(selectinload(Room.venue))
        .order_by(Meeting.on, Meeting.id)
    )
    if room_id is not None:
        query = query.where(Meeting.room_id == room_id)
    return [(meeting, room) for meeting, room in session.execute(query)]


def _location(room: Room) -> str:
    """'Main hall, Ashby Village Hall': what `find_room` reads back on import."""
    return f"{room.name}, {room.venue.name}"


def _utc(value: datetime | None, fallback: datetime) -> datetime:
    if value is None:
        return fallback
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).replace(microsecond=0)


def _booking_event(booking: Booking, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", booking.uid)
    event.add("sequence", booking.sequence)
    event.add("dtstamp", _utc(booking.updated_at, stamp))
    event.add("dtstart", local(booking.first_on, booking.starts_at))
    event.add("dtend", local(booking.first_on, booking.ends_at))
    rule = _rrule(booking)
    if rule:
        event.add("rrule", rule)
    skipped = [local(s.on, booking.starts_at) for s in booking.skipped]
    if skipped and rule:
        event.add("exdate", skipped)
    event.add("summary", booking.title)
    event.add("location", _location(booking.room))
    lines = []
    if booking.hirer is not None:
        name = hirer_name(booking.hirer)
        lines.append(f"Hirer: {name}")
        email = booking.hirer.email or (booking.hirer.person.email if booking.hirer.person else "")
        if email:
            organizer = vCalAddress(f"mailto:{email}")
            organizer.params["cn"] = name
            event.add("organizer", organizer)
    if booking.expected is not None:
        lines.append(f"Expected: {booking.expected} people")
    if lines:
        event.add("description", "\n".join(lines))
    event.add("status", STATUS_OUT.get(booking.status, "CONFIRMED"))
    return event


def _rrule(booking: Booking) -> dict | None:
    if booking.repeat == "none":
        return None
    if booking.repeat == "monthly":
        nth = booking.nth if booking.nth is not None else nth_of(booking.first_on)
        rule: dict = {"freq": "monthly", "byday": f"{nth}{DAYS[booking.first_on.weekday()]}"}
    else:
        rule = {"freq": "weekly"}
        if booking.repeat == "fortnightly":
            rule["interval"] = 2
    if booking.times is not None and booking.until is None:
        rule["count"] = booking.times
    else:
        # UNTIL is in UTC when DTSTART has a TZID (RFC 5545); the last date the series
        # really falls on covers an end given as a date, a count, or both.
        rule["until"] = local(booking.last_on, booking.starts_at).astimezone(UTC)
    return rule


def _meeting_event(meeting: Meeting, room: Room, stamp: datetime) -> Event:
    starts, ends = meeting_times(meeting.starts_at, meeting.ends_at)
    event = Event()
    event.add("uid", f"meeting-{meeting.id}@grassroots")
    event.add("sequence", 0)
    event.add("dtstamp", stamp)
    event.add("dtstart", local(meeting.on, starts))
    event.add("dtend", local(meeting.on, ends))
    event.add("summary", meeting.title or "Meeting")
    event.add("location", _location(room))
    event.add("status", "CONFIRMED")
    return event


# ---------------------------------------------------------------------------------------------
# Import


@dataclass(frozen=True)
class ImportReport:
    """What an import did. `clashes` are readable lines (the event, then what it clashes
    with); such events were kept as provisional for the booking secretary to resolve.
    `skipped` pairs an event's summary and date with why it was not imported."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    clashes: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()


@dataclass
class _Tally:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    clashes: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def report(self) -> ImportReport:
        return ImportReport(
            self.added, self.updated, self.unchanged, tuple(self.clashes), tuple(self.skipped)
        )


class Refused(Exception):
    """One event Grassroots cannot keep; the message says why."""


def import_ics(
    sessions: sessionmaker[Session],
    data: bytes | Path,
    room_id: int | None = None,
    hirer_id: int | None = None,
) -> ImportReport:
    """Read an iCalendar file into bookings, in one transaction (see the module's notes)."""
    name = str(data) if isinstance(data, Path) else "The calendar file"
    raw = Path(data).read_bytes() if isinstance(data, Path) else data
    events = _parse(raw, name)
    tally = _Tally()
    with sessions.begin() as session:
        if room_id is not None and session.get(Room, room_id) is None:
            raise NotFound(f"There is no room number {room_id}")
        if hirer_id is not None and session.get(Hirer, hirer_id) is None:
            raise NotFound(f"There is no hirer number {hirer_id}")
        for event in events:
            label = _label(event)
            try:
                _import_event(session, event, room_id, hirer_id, tally, label)
            except Refused as why:
                tally.skipped.append((label, str(why)))
            except ValidationError as why:
                tally.skipped.append((label, "; ".join(why.fields.values())))
    return tally.report()


def _parse(raw: bytes, name: str) -> list[Event]:
    """The file's events; GrassrootsError naming the file when it cannot be read as a whole."""
    if not raw.strip():
        raise GrassrootsError(f"{name} is empty: it is not an iCalendar (.ics) file")
    if not raw.lstrip().upper().startswith(b"BEGIN:VCALENDAR"):
        raise GrassrootsError(
            f"{name} is not an iCalendar (.ics) file: it should start with BEGIN:VCALENDAR"
        )
    try:
        calendar = Calendar.from_ical(raw)
    except ValueError as exc:
        if b"END:VCALENDAR" not in raw.upper():
            raise GrassrootsError(
                f"{name} is cut short: it has no END:VCALENDAR, so part of it is missing"
            ) from None
        raise GrassrootsError(f"{name} cannot be read as iCalendar: {exc}") from None
    events = list(calendar.walk("VEVENT"))
    for event in events:
        broken = [key for key, _ in event.errors]
        for key in ("DTSTART", "DTEND", "RRULE", "EXDATE", "DURATION"):
            if key in event and _decoded(event, key) is None and key not in broken:
                broken.append(key)
        if broken:
            raise GrassrootsError(
                f"{name}: the event '{event.get('summary', 'with no title')}' has a "
                f"{', '.join(sorted(set(broken)))} that cannot be read as a date, time or rule"
            )
        if "DTSTART" not in event:
            raise GrassrootsError(
                f"{name}: the event '{event.get('summary', 'with no title')}' has no start"
            )
    return events


def _decoded(event: Event, key: str):
    try:
        return event.decoded(key)
    except (ValueError, TypeError, KeyError):
        return None


def _label(event: Event) -> str:
    summary = str(event.get("summary", "")).strip() or "Untitled event"
    start = _decoded(event, "DTSTART")
    if isinstance(start, datetime):
        start = _wall(start)[0]
    return f"{summary} ({start:%d/%m/%Y})" if isinstance(start, date) else summary


def _wall(value: datetime) -> tuple[date, time]:
    """A date-time as UK wall-clock: floating times are taken as the hall's own."""
    if value.tzinfo is not None:
        value = value.astimezone(LONDON)
    return value.date(), value.time().replace(second=0, microsecond=0)


def _uid(event: Event) -> str:
    uid = str(event.get("uid", "")).strip()
    if uid:
        return uid[:255]
    # No UID: one made from what the event says, so the same file read twice still matches.
    seed = f"{event.get('summary', '')}|{event.get('dtstart').to_ical()!r}|{event.get('location')}"
    return f"{hashlib.sha1(seed.encode()).hexdigest()[:20]}@import.grassroots"


def _times(event: Event) -> tuple[date, time, time]:
    start = event.decoded("DTSTART")
    if not isinstance(start, datetime):
        raise Refused("it lasts all day; Grassroots books rooms by the hour: give it times")
    if "DTEND" in event:
        end = event.decoded("DTEND")
    elif "DURATION" in event:
        end = start + event.decoded("DURATION")
    else:
        end = start
    if not isinstance(end, datetime):
        raise Refused("it lasts all day; Grassroots books rooms by the hour: give it times")
    if start.tzinfo is None or getattr(start.tzinfo, "key", "") == "Europe/London":
        # Written in UK time: check the time exists (and happens once) as written.
        for value in (start, end):
            problem = wall_clock_problem(value.date(), value.time().replace(tzinfo=None))
            if problem:
                raise Refused(problem)
    on, starts = _wall(start)
    end_on, ends = _wall(end)
    if end_on != on or ends <= starts:
        if end_on == on + timedelta(days=1) and ends == time(0):
            ends = time(23, 59)
        else:
            raise Refused(
                "it runs past midnight (or ends before it starts); book until 23:59 and "
                "add a second booking from 00:00 the next day"
            )
    return on, starts, ends


def _repeat(event: Event, first: date) -> Repeat:
    if "RDATE" in event:
        raise Refused("it has extra dates (RDATE), which Grassroots cannot keep in a series")
    rules = event.get("RRULE")
    if rules is None:
        return Repeat()
    if isinstance(rules, list):
        if len(rules) > 1:
            raise Refused("it has more than one repeat rule")
        rules = rules[0]
    rule = {k.upper(): v for k, v in rules.items()}
    freq = str(rule.get("FREQ", [""])[0]).upper()
    interval = int(rule.get("INTERVAL", [1])[0])
    byday = [str(d).upper() for d in rule.get("BYDAY", [])]
    extra = set(rule) - {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"}
    if freq not in ("WEEKLY", "MONTHLY"):
        raise Refused(
            f"it repeats {freq.lower() or 'in a way Grassroots does not know'}; Grassroots "
            "repeats bookings weekly, fortnightly or monthly: add them that way"
        )
    if extra:
        raise Refused(
            f"its repeat rule uses {', '.join(sorted(extra))}, which Grassroots cannot keep"
        )
    if len(byday) > 1:
        raise Refused("it repeats on several days of the week; make one booking for each day")
    until = rule.get("UNTIL", [None])[0]
    count = rule.get("COUNT", [None])[0]
    if until is None and count is None:
        raise Refused(NEVER_ENDS)
    if isinstance(until, datetime):
        until = _wall(until)[0]
    weekday = DAYS[first.weekday()]
    if freq == "WEEKLY":
        if interval not in (1, 2):
            raise Refused(
                f"it repeats every {interval} weeks; Grassroots repeats weekly or fortnightly"
            )
        if byday and byday[0] != weekday:
            raise Refused("it repeats on a different weekday from its first date")
        every = "weekly" if interval == 1 else "fortnightly"
        return Repeat(every, until, None if count is None else int(count), None)
    if interval != 1:
        raise Refused(f"it repeats every {interval} months; Grassroots repeats monthly")
    match = re.fullmatch(r"([+-]?\d)?([A-Z]{2})", byday[0]) if byday else None
    if match is None or match[1] is None:
        raise Refused(
            "it repeats on the same date each month; Grassroots repeats monthly on a weekday "
            "(such as the 2nd Tuesday)"
        )
    nth = int(match[1])
    if match[2] != weekday or nth not in (1, 2, 3, 4, -1):
        raise Refused("its monthly weekday does not match its first date")
    return Repeat("monthly", until, None if count is None else int(count), nth)


def _skipped(event: Event) -> tuple[date, ...]:
    found: set[date] = set()
    values = event.get("EXDATE")
    if values is None:
        return ()
    for entry in values if isinstance(values, list) else [values]:
        for item in entry.dts:
            value = item.dt
            found.add(_wall(value)[0] if isinstance(value, datetime) else value)
    return tuple(sorted(found))


def _hirer(session: Session, event: Event, current: Booking | None) -> int | None:
    """The hirer the event names (ORGANIZER's CN, else a 'Hirer:' line in the description):
    an existing one of that name, or a new organisation; None when it names nobody."""
    name = ""
    organizer = event.get("ORGANIZER")
    if organizer is not None:
        name = str(organizer.params.get("CN", "")).strip()
    if not name:
        found = re.search(r"^Hirer:\s*(.+)$", str(event.get("DESCRIPTION", "")), re.MULTILINE)
        name = found[1].strip() if found else ""
    if not name:
        return current.hirer_id if current is not None else None
    if current is not None and current.hirer is not None and hirer_name(current.hirer) == name:
        return current.hirer_id
    hirer = session.scalar(
        select(Hirer).where(func.lower(Hirer.organisation) == name.lower()).limit(1)
    )
    if hirer is None:
        people = session.execute(
            select(Hirer, Person)
            .join(Person, Hirer.person_id == Person.id)
            .where(Hirer.organisation == "")
        ).all()
        hirer = next(
            (
                h
                for h, p in people
                if full_name("", p.first_name, p.last_name).lower() == name.lower()
            ),
            None,
        )
    if hirer is None:
        hirer = Hirer(organisation=name[:200], email=_email(organizer))
        session.add(hirer)
        session.flush()
    return hirer.id


def _email(organizer) -> str:
    """The organiser's address, kept for a new hirer when it is a usable email."""
    address = str(organizer or "").strip()
    if address.lower().startswith("mailto:"):
        address = address[7:]
    try:
        return normalise_email(address)
    except ValueError:
        return ""


def _notes(event: Event) -> str:
    """The event's description, less the 'Hirer:' and 'Expected:' lines an export writes."""
    lines = str(event.get("DESCRIPTION", "")).splitlines()
    kept = [line for line in lines if not re.match(r"^(Hirer|Expected):", line)]
    return "\n".join(kept).strip()


def _room(session: Session, event: Event, room_id: int | None, current: Booking | None) -> int:
    if room_id is not None:
        return room_id
    location = str(event.get("LOCATION", "")).strip()
    if not location:
        if current is not None:
            return current.room_id
        raise Refused("it names no room: give one with --room, or set the event's location")
    room = find_room(session, location) or find_room(session, location.split(",")[0])
    if room is None:
        raise Refused(f"there is no room called '{location}': add it first, or give --room")
    return room.id


def _expected(event: Event) -> int | None:
    found = re.search(r"^Expected:\s*(\d+)", str(event.get("DESCRIPTION", "")), re.MULTILINE)
    return int(found[1]) if found else None


def _import_event(
    session: Session,
    event: Event,
    room_id: int | None,
    hirer_id: int | None,
    tally: _Tally,
    label: str,
) -> None:
    uid = _uid(event)
    meeting = MEETING_UID.match(uid)
    if meeting:
        # One of our own meetings (from our export): it is changed in Meetings, not here.
        if session.get(Meeting, int(meeting[1])) is None:
            raise Refused("it was a meeting of the group that is no longer on our records")
        tally.unchanged += 1
        return
    if "RECURRENCE-ID" in event:
        raise Refused(
            "it changes one date of a repeating event; change that date in Grassroots instead"
        )
    current = session.scalar(
        select(Booking).where(Booking.uid == uid).options(selectinload(Booking.skipped))
    )
    on, starts, ends = _times(event)
    repeat = _repeat(event, on)
    status = STATUS_IN.get(str(event.get("STATUS", "CONFIRMED")).upper(), "confirmed")
    if current is None and status == "cancelled":
        raise Refused("it is cancelled, and was never booked here")
    wanted = {
        "room_id": _room(session, event, room_id, current),
        "hirer_id": hirer_id if hirer_id is not None else _hirer(session, event, current),
        "title": str(event.get("SUMMARY", "")).strip()[:200],
        "status": status,
        "first_on": on,
        "starts_at": starts,
        "ends_at": ends,
        "repeat": repeat,
        "expected": _expected(event),
        "skipped": _skipped(event) if repeat.repeats else (),
        "uid": uid,
        "notes": _notes(event),
    }
    if current is None:
        _add(session, BookingInput(**wanted), tally, label)
        return
    base = booking_detail(session, current).as_input()
    # Our own export leaves out the number expected when none was given, and never writes
    # the booking's private notes: an event without them keeps what the booking has.
    for key in ("expected", "notes"):
        if not wanted[key]:
            wanted[key] = getattr(base, key)
    data = replace(base, **wanted)
    if _same(current, data):
        tally.unchanged += 1
        return
    try:
        change_booking(session, current, data, allow_clash=False)
    except ClashError as clash:
        held = replace(data, status="provisional")
        _note_clash(tally, label, clash)
        if _same(current, held):
            tally.unchanged += 1
            return
        change_booking(session, current, held, allow_clash=True)
    tally.updated += 1


def _add(session: Session, data: BookingInput, tally: _Tally, label: str) -> None:
    try:
        new_booking(session, data, allow_clash=False)
    except ClashError as clash:
        _note_clash(tally, label, clash)
        new_booking(session, replace(data, status="provisional"), allow_clash=True)
    tally.added += 1


def _note_clash(tally: _Tally, label: str, clash: ClashError) -> None:
    others = "; ".join(c.describe() for c in clash.clashes[:3])
    more = f" and {len(clash.clashes) - 3} more" if len(clash.clashes) > 3 else ""
    tally.clashes.append(f"{label} clashes with {others}{more}: kept as provisional")


def _same(booking: Booking, data: BookingInput) -> bool:
    """Whether the booking already says what the event says (then it is left alone, and its
    SEQUENCE does not move)."""
    repeat = data.repeat if data.repeat.repeats else Repeat()
    nth = repeat.nth if repeat.every == "monthly" else None
    title = data.title or (hirer_name(booking.hirer) if booking.hirer else "")
    return (
        booking.room_id == data.room_id
        and booking.hirer_id == data.hirer_id
        and booking.title == title
        and booking.status == data.status
        and booking.first_on == data.first_on
        and booking.starts_at == data.starts_at
        and booking.ends_at == data.ends_at
        and booking.repeat == repeat.every
        and booking.nth == nth
        and _end_same(booking, repeat)
        and booking.expected == data.expected
        and booking.notes == data.notes.strip()
        and tuple(sorted(s.on for s in booking.skipped)) == tuple(sorted(set(data.skipped or ())))
    )


def _end_same(booking: Booking, repeat: Repeat) -> bool:
    """The same end: as stored, or (from our own export, which writes UNTIL as the last date
    a series with both an end date and a count falls on) the same last date."""
    if (booking.until, booking.times) == (repeat.until, repeat.times):
        return True
    return repeat.times is None and repeat.until == booking.last_on
