"""Ten years of the demo group's hall bookings, and six months ahead.

The group's own hall (named after the group, at its address) has a main hall, a small hall and
a committee room; St Helen's Church rooms is the outside venue where the group runs its lunch
club. The regular hirers the cash book already names book the same slot every term (each term
one row with its rule, half-terms and meeting nights skipped); the group's own coffee morning
runs all year; private hirers (people of the demo group) book parties, wakes, christenings and
wedding receptions, mostly at weekends, with a deposit.

Nothing can clash because everything is laid on a timetable of slots whose busy times (set-up
and clear-down included) never overlap: a series owns its slot on its dates, a meeting in a
room takes the slots it touches (a series skips those dates), and a one-off only takes a slot
nobody holds that day. The rows are written with bulk inserts in the demo's one transaction,
so the large demo's 20,000 bookings take a second or two.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import func, insert, select

from grassroots.bookings.deposits import post_waiting_deposits
from grassroots.bookings.models import Booking, Hirer, Room, RoomRate, SkippedDate, Venue
from grassroots.core.dates import add_months
from grassroots.core.recurrence import Repeat, dates_between, last_date, nth_weekday
from grassroots.demo.books.receipts import REGULAR_HIRERS
from grassroots.demo.context import DemoContext, DemoPerson, instant
from grassroots.meetings.models import Meeting

YEARS = 10
AHEAD_DAYS = 183
LARGE_TARGET = 20_000  # booking rows in the large demo, as the large demo group has
SMALL_ONE_OFFS = 240
RATE_RISE = 1.04  # each September, compounded
OUTSIDE = "St Helen's Church rooms"

MAIN, SMALL, COMMITTEE, CHURCH = "Main hall", "Small hall", "Committee room", "Church room"
# name: (capacity, facilities, accessibility, set-up, clear-down, {band: (hourly, session)})
ROOMS = {
    MAIN: (
        120,
        "Stage, hearing loop, kitchen hatch, 120 chairs and 20 tables, projector",
        "Step-free from the car park; hearing loop; accessible toilet next door",
        30,
        30,
        {"standard": (2400, 15000), "community": (1800, 11000), "commercial": (3000, 18000)},
    ),
    SMALL: (
        40,
        "40 chairs, 8 tables, sink and kettle",
        "Step-free; accessible toilet in the corridor",
        15,
        15,
        {"standard": (1500, 9000), "community": (1100, 6500), "commercial": (1900, 11000)},
    ),
    COMMITTEE: (
        12,
        "Boardroom table and 12 chairs, screen",
        "Step-free",
        0,
        15,
        {"standard": (1000, 5500), "community": (800, 4500), "commercial": (1300, 7000)},
    ),
}
CHURCH_ROOM = (30, "Tables and chairs, small kitchen", "Two steps at the door; ramp on request")

# The slots of a day (start, end); their busy times, set-up and clear-down included, never
# overlap in any room above.
WEEKDAY_SLOTS = {
    "morning": (time(9, 30), time(12, 0)),
    "afternoon": (time(13, 0), time(15, 30)),
    "teatime": (time(16, 30), time(18, 30)),
    "evening": (time(19, 30), time(21, 30)),
}
WEEKEND_SLOTS = {
    "morning": (time(9, 30), time(12, 0)),
    "afternoon": (time(13, 0), time(16, 0)),
    "evening": (time(17, 0), time(23, 0)),
}
MON, TUE, WED, THU, FRI = range(5)


@dataclass(frozen=True)
class Regular:
    """A regular hirer's slot: which room, day and slot, the times inside it, and how often."""

    name: str
    band: str
    room: str
    weekday: int
    slot: str
    starts: time
    ends: time
    every: str = "weekly"
    whole_year: bool = False  # one row Sept-July (breaks skipped) instead of one per term


TIMETABLE = (
    Regular(REGULAR_HIRERS[0], "commercial", SMALL, MON, "evening", time(19, 30), time(20, 30)),
    Regular(REGULAR_HIRERS[1], "community", MAIN, WED, "teatime", time(17, 0), time(18, 30)),
    Regular(
        REGULAR_HIRERS[2],
        "commercial",
        SMALL,
        THU,
        "teatime",
        time(17, 0),
        time(18, 30),
        whole_year=True,
    ),
    Regular(
        REGULAR_HIRERS[3],
        "community",
        COMMITTEE,
        MON,
        "evening",
        time(19, 30),
        time(21, 30),
        "fortnightly",
        whole_year=True,
    ),
    Regular(REGULAR_HIRERS[4], "commercial", MAIN, TUE, "evening", time(19, 30), time(20, 30)),
    Regular(REGULAR_HIRERS[5], "community", SMALL, FRI, "morning", time(10, 0), time(12, 0)),
    Regular(REGULAR_HIRERS[6], "community", MAIN, TUE, "morning", time(9, 30), time(11, 30)),
    Regular(
        REGULAR_HIRERS[7],
        "community",
        COMMITTEE,
        WED,
        "afternoon",
        time(13, 30),
        time(15, 30),
        whole_year=True,
    ),
    Regular(REGULAR_HIRERS[8], "community", MAIN, THU, "evening", time(19, 30), time(21, 30)),
    Regular(REGULAR_HIRERS[9], "community", SMALL, WED, "morning", time(10, 0), time(11, 0)),
    Regular(
        "Ashby Art Group (life drawing)",
        "community",
        COMMITTEE,
        FRI,
        "evening",
        time(19, 30),
        time(21, 30),
        "monthly",
    ),
)
# More regulars in the large demo's busier hall, placed in whatever weekday slots are free.
MORE_REGULARS = (
    ("Ashby Yoga", "commercial"),
    ("Little Movers", "commercial"),
    ("Ashby WI", "community"),
    ("Parkinson's UK Ashby support group", "community"),
    ("Ashby U3A", "community"),
    ("Ashby Karate Club", "commercial"),
    ("3rd Ashby Scouts", "community"),
    ("Miss Jane's Ballet School", "commercial"),
    ("Ashby Model Railway Club", "community"),
    ("Line dancing with Sue", "commercial"),
    ("Baby Sensory Ashby", "commercial"),
    ("Ashby Gardening Club", "community"),
    ("Ashby Scrabble Club", "community"),
    ("Weight Watchers Ashby", "commercial"),
)
ONE_OFF_HIRERS = (
    ("Leicestershire County Council", "standard", "Polling station"),
    ("NHS Blood and Transplant", "community", "Blood donor session"),
    ("St John Ambulance", "community", "First aid course"),
)
PARTIES = {
    "morning": ("Baby shower", "Children's birthday party", "Christening party"),
    "afternoon": ("Christening party", "Children's birthday party", "Wake", "Anniversary tea"),
    "evening": ("Birthday party", "Wedding reception", "Anniversary party", "Engagement party"),
}
WEEKDAY_ONE_OFFS = ("Wake", "Wake", "Training day", "Children's birthday party", "Retirement do")


@dataclass
class _Rows:
    """What is being written, and the (room, date, slot) cells already taken."""

    next_id: int
    bookings: list[dict]
    skipped: list[dict]
    taken: set[tuple[int, date, str]]
    meetings: dict[tuple[int, date, str], str]


def add_bookings(ctx: DemoContext, large: bool = False) -> None:
    """The hall, its rooms, rates and hirers, and ten years of bookings; a database that
    already has venues keeps them untouched."""
    session = ctx.session
    if session.scalar(select(func.count(Venue.id))):
        return
    rooms = _venues(ctx)
    _place_meetings(ctx, rooms)
    start = add_months(ctx.today, -12 * YEARS)
    end = ctx.today + timedelta(days=AHEAD_DAYS)
    first_id = (session.scalar(select(func.max(Booking.id))) or 0) + 1
    meetings = _meeting_cells(ctx, rooms)
    rows = _Rows(first_id, [], [], set(meetings), meetings)
    regulars = list(TIMETABLE)
    if large:
        regulars += _more_regulars(ctx)
    hirers = _regular_hirers(ctx, regulars)
    for regular in regulars:
        _series(ctx, rows, rooms, regular, hirers[regular.name], start, end)
    _own_series(ctx, rows, rooms, start, end)
    wanted = LARGE_TARGET - len(rows.bookings) if large else SMALL_ONE_OFFS
    _one_offs(ctx, rows, rooms, start, end, wanted)
    session.flush()
    session.execute(insert(Booking), rows.bookings)
    if rows.skipped:
        session.execute(insert(SkippedDate), rows.skipped)
    # Deposits taken and returned in the years still open go into the books, as the
    # booking secretary's would.
    ctx.add_count("entries", post_waiting_deposits(session))
    ctx.add_count("bookings", len(rows.bookings))


def _venues(ctx: DemoContext) -> dict[str, int]:
    """The group's hall with its three rooms and rates, and the church rooms: room ids by name."""
    settings = ctx.settings
    hall = Venue(
        name=settings.name,
        own=True,
        address=settings.address,
        postcode=settings.postcode,
        contact=settings.phone,
        accessibility="Step-free entrance from the car park; accessible toilet; hearing loop "
        "in the main hall",
        notes="Keys from the caretaker; the alarm code is on the hirer's letter.",
    )
    for position, (name, spec) in enumerate(ROOMS.items()):
        capacity, facilities, access, setup, clear, rates = spec
        room = Room(
            name=name,
            capacity=capacity,
            facilities=facilities,
            accessibility=access,
            setup_minutes=setup,
            cleardown_minutes=clear,
            position=position,
        )
        room.rates = [
            RoomRate(band=band, hourly_pence=hourly, session_pence=session_pence)
            for band, (hourly, session_pence) in rates.items()
        ]
        hall.rooms.append(room)
    church = Venue(
        name=OUTSIDE,
        own=False,
        address="Church Street\nAshby-de-la-Zouch",
        postcode="LE65 1BP",
        contact="The parish office, 01530 414404",
        accessibility="Two steps at the door; a ramp can be put out",
    )
    capacity, facilities, access = CHURCH_ROOM
    church_room = Room(
        name=CHURCH,
        capacity=capacity,
        facilities=facilities,
        accessibility=access,
        setup_minutes=15,
        cleardown_minutes=15,
    )
    church_room.rates = [RoomRate(band="standard", hourly_pence=1200, session_pence=6000)]
    church.rooms.append(church_room)
    ctx.session.add_all([hall, church])
    ctx.session.flush()
    return {room.name: room.id for room in (*hall.rooms, church_room)}


def _place_meetings(ctx: DemoContext, rooms: dict[str, int]) -> None:
    """The demo's meetings held in the hall's rooms take those rooms."""
    for meeting in ctx.session.scalars(select(Meeting).where(Meeting.venue.in_((MAIN, COMMITTEE)))):
        meeting.room_id = rooms[meeting.venue]
    ctx.session.flush()


def _busy(room: str, starts: time, ends: time) -> tuple[int, int]:
    setup, clear = ROOMS[room][3], ROOMS[room][4]
    return starts.hour * 60 + starts.minute - setup, ends.hour * 60 + ends.minute + clear


def _meeting_cells(ctx: DemoContext, rooms: dict[str, int]) -> dict[tuple[int, date, str], str]:
    """The weekday slots the meetings in the hall take, with the meeting's title."""
    taken: dict[tuple[int, date, str], str] = {}
    query = select(
        Meeting.venue, Meeting.on, Meeting.starts_at, Meeting.ends_at, Meeting.title
    ).where(Meeting.room_id.is_not(None))
    for venue, on, starts, ends, title in ctx.session.execute(query):
        lo, hi = _busy(venue, starts or time(19, 0), ends or time(21, 0))
        for slot, (s, e) in WEEKDAY_SLOTS.items():
            slot_lo, slot_hi = _busy(venue, s, e)
            if slot_lo < hi and lo < slot_hi:
                taken[(rooms[venue], on, slot)] = title
    return taken


def _more_regulars(ctx: DemoContext) -> list[Regular]:
    used = {(r.room, r.weekday, r.slot) for r in TIMETABLE} | {(MAIN, THU, "morning")}
    free = [
        (room, day, slot)
        for room in ROOMS
        for day in range(5)
        for slot in WEEKDAY_SLOTS
        if (room, day, slot) not in used
    ]
    picked = ctx.rng.sample(free, len(MORE_REGULARS))
    found = []
    for (name, band), (room, day, slot) in zip(MORE_REGULARS, picked, strict=True):
        starts, ends = WEEKDAY_SLOTS[slot]
        every = ctx.rng.choice(("weekly", "weekly", "weekly", "fortnightly", "monthly"))
        found.append(Regular(name, band, room, day, slot, starts, ends, every))
    return found


def _regular_hirers(ctx: DemoContext, regulars: list[Regular]) -> dict[str, int]:
    """Each regular hirer as an organisation, some with a contact among the demo's people."""
    rng, hirers = ctx.rng, {}
    for regular in regulars:
        if regular.name in hirers:
            continue
        slug = "".join(c for c in regular.name.lower() if c.isalnum())[:20]
        contact = rng.choice(ctx.people) if ctx.people and rng.random() < 0.5 else None
        hirer = Hirer(
            organisation=regular.name,
            person_id=contact.id if contact else None,
            email=f"bookings@{slug}.org.uk",
            phone=f"07{rng.randint(700, 999)} {rng.randint(100000, 999999)}",
            band=regular.band,
            notes="Pays by standing order each month." if rng.random() < 0.4 else "",
            created_at=instant(add_months(ctx.today, -12 * YEARS - 1)),
        )
        ctx.session.add(hirer)
        hirers[regular.name] = hirer
    ctx.session.flush()
    return {name: hirer.id for name, hirer in hirers.items()}


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _week(monday: date) -> list[date]:
    return [monday + timedelta(days=n) for n in range(7)]


def _terms(year: int) -> list[tuple[date, date, list[date]]]:
    """The three terms of the school year starting in September `year`: (first day, last day,
    the half-term week's dates)."""
    easter = _easter_sunday(year + 1)
    autumn = _monday_on_or_after(date(year, 9, 3))
    oct_half = nth_weekday(year, 10, MON, -1)
    spring = _monday_on_or_after(date(year + 1, 1, 4))
    feb_half = _monday_on_or_after(date(year + 1, 2, 12))
    summer = easter + timedelta(days=8)
    may_half = nth_weekday(year + 1, 5, MON, -1)
    return [
        (autumn, date(year, 12, 18), _week(oct_half)),
        (spring, easter - timedelta(days=3), _week(feb_half)),
        (summer, date(year + 1, 7, 21), _week(may_half)),
    ]


def _easter_sunday(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian computus): the spring term ends the Thursday
    before it and the summer term starts a week after Easter Monday."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    month, day = divmod(h + m - 7 * ((a + 11 * h + 22 * m) // 451) + 114, 31)
    return date(year, month, day + 1)


def _school_years(start: date, end: date) -> range:
    first = start.year - (1 if start.month < 9 else 0)
    return range(first, end.year + 1)


def _rate_then(current: int, on: date, today: date) -> int:
    """What a rate was on a date: it has risen each September, to today's."""
    rises = (today.year - (today.month < 9)) - (on.year - (on.month < 9))
    return round(current / RATE_RISE ** max(0, rises) / 50) * 50


def _uid(ctx: DemoContext) -> str:
    return f"{uuid.UUID(int=ctx.rng.getrandbits(128), version=4)}@grassroots"


def _booking(ctx: DemoContext, rows: _Rows, **fields: object) -> int:
    """A row for the bulk insert, every row with the same keys."""
    booking_id = rows.next_id
    rows.next_id += 1
    first_on = fields["first_on"]
    made = fields.pop("made_on", first_on)
    row = {
        "id": booking_id,
        "uid": _uid(ctx),
        "hirer_id": None,
        "status": "confirmed",
        "repeat": "none",
        "nth": None,
        "until": None,
        "times": None,
        "expected": None,
        "setup_minutes": None,
        "cleardown_minutes": None,
        "charge_basis": "hourly",
        "charge_pence": None,
        "deposit_pence": 0,
        "deposit_received_on": None,
        "deposit_returned_on": None,
        "deposit_kept_pence": 0,
        "notes": "",
        "sequence": 0,
        "created_at": instant(made),
        "updated_at": instant(made),
    }
    row.update(fields)
    repeat = Repeat(row["repeat"], row["until"], row["times"], row["nth"])
    row["last_on"] = last_date(row["first_on"], repeat)
    rows.bookings.append(row)
    return booking_id


def _series(
    ctx: DemoContext,
    rows: _Rows,
    rooms: dict[str, int],
    regular: Regular,
    hirer_id: int | None,
    start: date,
    end: date,
) -> None:
    """One row per term (or per school year) for a regular slot."""
    rng, room_id = ctx.rng, rooms[regular.room]
    rates = ROOMS[regular.room][5] if regular.room in ROOMS else None
    for year in _school_years(start, end):
        terms = _terms(year)
        if regular.whole_year:
            breaks = [d for _, _, half in terms for d in half]
            breaks += _between(terms[0][1] + timedelta(days=1), terms[1][0])
            breaks += _between(terms[1][1] + timedelta(days=1), terms[2][0])
            spans = [(terms[0][0], terms[2][1], breaks)]
        else:
            spans = list(terms)
        for lo, hi, breaks in spans:
            first = max(lo, start)
            first += timedelta(days=(regular.weekday - first.weekday()) % 7)
            if first > hi or first > end:
                continue
            repeat = Repeat(regular.every, until=hi)
            if regular.every == "monthly":
                repeat = Repeat("monthly", until=hi, nth=2)
                month = first.replace(day=1)
                first = nth_weekday(month.year, month.month, regular.weekday, 2)
                if first < max(lo, start):
                    month = add_months(month, 1)
                    first = nth_weekday(month.year, month.month, regular.weekday, 2)
                if first > hi:
                    continue
            status = "confirmed"
            if first > ctx.today and rng.random() < 0.3:
                status = "provisional"
            elif rng.random() < 0.015:
                status = "cancelled"
            dates = list(dates_between(first, repeat, first, hi))
            closed = set(breaks)
            skip = {d: "Half-term or holiday" for d in dates if d in closed}
            for on in dates:
                meeting = rows.meetings.get((room_id, on, regular.slot))
                if on not in skip and meeting:
                    skip[on] = f"{meeting} in this room"
            charge = None
            if rates is not None and first < ctx.today:
                hourly = _rate_then(rates[regular.band][0], first, ctx.today)
                if hourly != rates[regular.band][0]:
                    charge = hourly * _minutes(regular.starts, regular.ends) // 60
            booking_id = _booking(
                ctx,
                rows,
                room_id=room_id,
                hirer_id=hirer_id,
                title=regular.name,
                status=status,
                first_on=first,
                starts_at=regular.starts,
                ends_at=regular.ends,
                repeat=repeat.every,
                nth=repeat.nth,
                until=hi,
                expected=rng.randint(8, 40),
                charge_pence=charge,
                made_on=min(first - timedelta(days=rng.randint(20, 60)), ctx.today),
            )
            for on, reason in sorted(skip.items()):
                rows.skipped.append({"booking_id": booking_id, "on": on, "reason": reason})
            if status != "cancelled":
                for on in dates:
                    if on not in skip:
                        rows.taken.add((room_id, on, regular.slot))


def _minutes(starts: time, ends: time) -> int:
    return (ends.hour * 60 + ends.minute) - (starts.hour * 60 + starts.minute)


def _between(lo: date, hi: date) -> list[date]:
    return [lo + timedelta(days=n) for n in range((hi - lo).days)]


def _own_series(
    ctx: DemoContext, rows: _Rows, rooms: dict[str, int], start: date, end: date
) -> None:
    """The group's own coffee morning every Thursday (all year but Christmas week) and its
    monthly lunch club at the church rooms, one row per year."""
    for year in range(start.year, end.year + 1):
        lo, hi = max(date(year, 1, 5), start), min(date(year, 12, 20), end)
        coffee = lo + timedelta(days=(THU - lo.weekday()) % 7)
        if coffee <= hi:
            _booking(
                ctx,
                rows,
                room_id=rooms[MAIN],
                title="Thursday coffee morning",
                first_on=coffee,
                starts_at=time(10, 0),
                ends_at=time(12, 0),
                repeat="weekly",
                until=hi,
                charge_basis="free",
                notes="The group's own; subscriptions taken at the door.",
                made_on=min(coffee, ctx.today),
            )
            for on in dates_between(coffee, Repeat("weekly", until=hi), coffee, hi):
                rows.taken.add((rooms[MAIN], on, "morning"))
        lunch = _third_wednesday(lo)
        if lunch <= hi:
            _booking(
                ctx,
                rows,
                room_id=rooms[CHURCH],
                title="Lunch club",
                first_on=lunch,
                starts_at=time(12, 0),
                ends_at=time(14, 0),
                repeat="monthly",
                nth=3,
                until=hi,
                charge_basis="session",
                charge_pence=_rate_then(6000, lunch, ctx.today),
                notes="Our lunch club at the church rooms; the parish invoices us.",
                made_on=min(lunch, ctx.today),
            )


def _third_wednesday(day: date) -> date:
    """The first lunch club on or after `day`: the third Wednesday of a month."""
    found = nth_weekday(day.year, day.month, WED, 3)
    if found < day:
        following = add_months(day.replace(day=1), 1)
        found = nth_weekday(following.year, following.month, WED, 3)
    return found


def _one_offs(
    ctx: DemoContext,
    rows: _Rows,
    rooms: dict[str, int],
    start: date,
    end: date,
    wanted: int,
) -> None:
    """Parties, wakes and the odd outside body, each in a slot nobody holds that day."""
    rng = ctx.rng
    hall = [MAIN, SMALL, COMMITTEE]
    weekend, weekday = [], []
    day = start
    while day <= end:
        if day.weekday() >= 5:
            weekend += [(room, day, slot) for room in hall for slot in WEEKEND_SLOTS]
        else:
            weekday += [
                (room, day, slot)
                for room in hall
                for slot in WEEKDAY_SLOTS
                if (rooms[room], day, slot) not in rows.taken
            ]
        day += timedelta(days=1)
    # Most at weekends, but never every weekend slot of ten years.
    at_weekend = min(round(len(weekend) * 0.7), max(0, round(wanted * 0.85)))
    picked = rng.sample(weekend, at_weekend)
    picked += rng.sample(weekday, min(len(weekday), max(0, wanted - at_weekend)))
    picked.sort(key=lambda cell: (cell[1], hall.index(cell[0]), cell[2]))
    private = _private_hirers(ctx, wanted)
    outside = _outside_hirers(ctx)
    for room, on, slot in picked:
        _one_off(ctx, rows, rooms, room, on, slot, private, outside)


def _private_hirers(ctx: DemoContext, wanted: int) -> list[tuple[int, DemoPerson]]:
    people = ctx.people
    if not people:
        return []
    size = max(1, min(len(people) // 4 or 1, wanted // 3 or 1))
    chosen = ctx.rng.sample(people, min(size, len(people)))
    hirers = [
        Hirer(person_id=p.id, band="standard", created_at=instant(p.known_since)) for p in chosen
    ]
    ctx.session.add_all(hirers)
    ctx.session.flush()
    return [(h.id, p) for h, p in zip(hirers, chosen, strict=True)]


def _outside_hirers(ctx: DemoContext) -> list[tuple[int, str, str]]:
    hirers = [
        Hirer(organisation=name, band=band, created_at=instant(ctx.today - timedelta(days=3650)))
        for name, band, _ in ONE_OFF_HIRERS
    ]
    ctx.session.add_all(hirers)
    ctx.session.flush()
    return [(h.id, band, what) for h, (_, band, what) in zip(hirers, ONE_OFF_HIRERS, strict=True)]


def _one_off(
    ctx: DemoContext,
    rows: _Rows,
    rooms: dict[str, int],
    room: str,
    on: date,
    slot: str,
    private: list[tuple[int, DemoPerson]],
    outside: list[tuple[int, str, str]],
) -> None:
    rng, today = ctx.rng, ctx.today
    weekend = on.weekday() >= 5
    starts, ends = (WEEKEND_SLOTS if weekend else WEEKDAY_SLOTS)[slot]
    band, basis, deposit = "standard", "hourly", 0
    if not weekend and (rng.random() < 0.3 or not private):
        hirer_id, band, title = rng.choice(outside)
        basis = "session"
    elif private:
        hirer_id, person = rng.choice(private)
        kinds = PARTIES[slot] if weekend else WEEKDAY_ONE_OFFS
        title = f"{rng.choice(kinds)} ({person.last_name})"
        basis = "session" if room == MAIN and slot == "evening" else "hourly"
        deposit = 10000 if room == MAIN else 5000
    else:
        return
    made = min(
        on - timedelta(days=rng.randint(10, 150)), today - timedelta(days=rng.randint(0, 20))
    )
    status = "confirmed"
    if rng.random() < 0.03:
        status = "cancelled"
    elif on > today and rng.random() < 0.15:
        status = "provisional"
    received = made + timedelta(days=rng.randint(0, 10)) if deposit else None
    if received is not None and (received > today or status == "provisional"):
        received = None
    returned, kept = None, 0
    if received is not None:
        back = (
            on + timedelta(days=rng.randint(2, 7))
            if status == "confirmed"
            else made + timedelta(14)
        )
        if back <= today:
            returned = back
            if status == "confirmed" and rng.random() < 0.05:
                kept = 2500
    rate = ROOMS[room][5][band]
    current = rate[1] if basis == "session" else rate[0]
    charge = None
    then = _rate_then(current, on, today)
    if then != current:
        charge = then if basis == "session" else then * _minutes(starts, ends) // 60
    _booking(
        ctx,
        rows,
        room_id=rooms[room],
        hirer_id=hirer_id,
        title=title,
        status=status,
        first_on=on,
        starts_at=starts,
        ends_at=ends,
        expected=rng.randint(ROOMS[room][0] // 3, ROOMS[room][0]),
        charge_basis=basis,
        charge_pence=charge,
        deposit_pence=deposit,
        deposit_received_on=received,
        deposit_returned_on=returned,
        deposit_kept_pence=kept,
        notes="£25 kept from the deposit for extra cleaning." if kept else "",
        made_on=made,
    )
    rows.taken.add((rooms[room], on, slot))
