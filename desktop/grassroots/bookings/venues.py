"""Venues, their rooms and the rooms' rates; one transaction per change."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from grassroots.bookings.models import BANDS, Room, RoomRate, Venue
from grassroots.bookings.records import RateRow, RoomInput, RoomRow, VenueInput, VenueRow
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money

OUR_HALL = "Our hall"


def room_row(room: Room) -> RoomRow:
    return RoomRow(
        id=room.id,
        venue_id=room.venue_id,
        venue=room.venue.name,
        own_venue=room.venue.own,
        name=room.name,
        capacity=room.capacity,
        facilities=room.facilities,
        accessibility=room.accessibility,
        setup_minutes=room.setup_minutes,
        cleardown_minutes=room.cleardown_minutes,
        active=room.active,
        rates=tuple(
            RateRow(
                r.band,
                None if r.hourly_pence is None else Money(r.hourly_pence),
                None if r.session_pence is None else Money(r.session_pence),
            )
            for r in sorted(room.rates, key=lambda r: BANDS.index(r.band))
        ),
    )


def _venue_row(venue: Venue) -> VenueRow:
    return VenueRow(
        id=venue.id,
        name=venue.name,
        own=venue.own,
        address=venue.address,
        postcode=venue.postcode,
        contact=venue.contact,
        accessibility=venue.accessibility,
        notes=venue.notes,
        active=venue.active,
        rooms=tuple(room_row(r) for r in venue.rooms),
    )


def _clean_venue(session: Session, data: VenueInput, venue_id: int | None) -> VenueInput:
    name = data.name.strip()
    problems = {}
    if not name:
        problems["name"] = "Give the venue a name"
    elif len(name) > 200:
        problems["name"] = "Keep the name to 200 characters"
    else:
        other = session.scalar(select(Venue.id).where(func.lower(Venue.name) == name.lower()))
        if other is not None and other != venue_id:
            problems["name"] = f"There is already a venue called {name}"
    if problems:
        raise ValidationError(problems)
    return VenueInput(
        name,
        data.own,
        data.address.strip(),
        data.postcode.strip().upper(),
        data.contact.strip(),
        data.accessibility.strip(),
        data.notes.strip(),
    )


def add_venue(sessions: sessionmaker[Session], data: VenueInput) -> VenueRow:
    with sessions.begin() as session:
        clean = _clean_venue(session, data, None)
        venue = Venue(**clean.__dict__)
        session.add(venue)
        session.flush()
        return _venue_row(venue)


def update_venue(sessions: sessionmaker[Session], venue_id: int, data: VenueInput) -> VenueRow:
    with sessions.begin() as session:
        venue = _venue(session, venue_id)
        for key, value in _clean_venue(session, data, venue_id).__dict__.items():
            setattr(venue, key, value)
        session.flush()
        return _venue_row(venue)


def list_venues(sessions: sessionmaker[Session], include_inactive: bool = False) -> list[VenueRow]:
    """The group's own venues first, then the places it goes to, with their rooms and rates."""
    with sessions() as session:
        query = select(Venue).options(selectinload(Venue.rooms).selectinload(Room.rates))
        if not include_inactive:
            query = query.where(Venue.active.is_(True))
        venues = session.scalars(query.order_by(Venue.own.desc(), Venue.name)).all()
        return [_venue_row(v) for v in venues]


def _venue(session: Session, venue_id: int) -> Venue:
    venue = session.get(Venue, venue_id)
    if venue is None:
        raise NotFound(f"There is no venue number {venue_id}")
    return venue


def _room(session: Session, room_id: int) -> Room:
    room = session.get(Room, room_id)
    if room is None:
        raise NotFound(f"There is no room number {room_id}")
    return room


def _clean_room(session: Session, data: RoomInput, room_id: int | None) -> dict:
    problems = {}
    name = data.name.strip()
    if not name:
        problems["name"] = "Give the room a name"
    elif len(name) > 100:
        problems["name"] = "Keep the name to 100 characters"
    if session.get(Venue, data.venue_id) is None:
        problems["venue_id"] = "Choose the venue the room is in"
    elif name:
        other = session.scalar(
            select(Room.id).where(
                Room.venue_id == data.venue_id, func.lower(Room.name) == name.lower()
            )
        )
        if other is not None and other != room_id:
            problems["name"] = f"That venue already has a room called {name}"
    if data.capacity is not None and data.capacity < 1:
        problems["capacity"] = "The capacity is a number of people, 1 or more (or leave it empty)"
    for key in ("setup_minutes", "cleardown_minutes"):
        if not 0 <= getattr(data, key) <= 24 * 60:
            problems[key] = "Give minutes from 0 to 1440"
    if problems:
        raise ValidationError(problems)
    return {
        "name": name,
        "venue_id": data.venue_id,
        "capacity": data.capacity,
        "facilities": data.facilities.strip(),
        "accessibility": data.accessibility.strip(),
        "setup_minutes": data.setup_minutes,
        "cleardown_minutes": data.cleardown_minutes,
    }


def _new_room(session: Session, values: dict) -> Room:
    """A room placed after its venue's others."""
    last = session.scalar(
        select(func.max(Room.position)).where(Room.venue_id == values["venue_id"])
    )
    room = Room(**values, position=(last or 0) + 1)
    session.add(room)
    session.flush()
    return room


def add_room(sessions: sessionmaker[Session], data: RoomInput) -> RoomRow:
    with sessions.begin() as session:
        room = _new_room(session, _clean_room(session, data, None))
        session.refresh(room)
        return room_row(room)


def update_room(sessions: sessionmaker[Session], room_id: int, data: RoomInput) -> RoomRow:
    with sessions.begin() as session:
        room = _room(session, room_id)
        for key, value in _clean_room(session, data, room_id).items():
            setattr(room, key, value)
        session.flush()
        session.refresh(room)
        return room_row(room)


def set_room_active(sessions: sessionmaker[Session], room_id: int, active: bool) -> None:
    """Stop offering a room for new bookings (its past bookings stay), or offer it again."""
    with sessions.begin() as session:
        _room(session, room_id).active = active


def _check_rates(rates: list[RateRow]) -> None:
    problems = {}
    for rate in rates:
        if rate.band not in BANDS:
            problems[rate.band] = "The bands are standard, community and commercial"
        for price in (rate.hourly, rate.session):
            if price is not None and price.pence < 0:
                problems[rate.band] = "A rate cannot be less than nothing"
    if len({r.band for r in rates}) != len(rates):
        problems["band"] = "Give each band one rate"
    if problems:
        raise ValidationError(problems)


def _replace_rates(session: Session, room: Room, rates: list[RateRow]) -> None:
    room.rates.clear()
    session.flush()
    for rate in rates:
        if rate.hourly is None and rate.session is None:
            continue
        room.rates.append(
            RoomRate(
                band=rate.band,
                hourly_pence=None if rate.hourly is None else rate.hourly.pence,
                session_pence=None if rate.session is None else rate.session.pence,
            )
        )
    session.flush()


def set_rates(sessions: sessionmaker[Session], room_id: int, rates: list[RateRow]) -> RoomRow:
    """Replace a room's rates: one row per band, hourly and/or per session."""
    _check_rates(rates)
    with sessions.begin() as session:
        room = _room(session, room_id)
        _replace_rates(session, room, rates)
        return room_row(room)


def save_room(
    sessions: sessionmaker[Session], room_id: int | None, data: RoomInput, rates: list[RateRow]
) -> RoomRow:
    """Add a room (`room_id` None) or change one, with its rates, in one transaction: what the
    room form saves, so a room is never left without the rates typed for it."""
    _check_rates(rates)
    with sessions.begin() as session:
        values = _clean_room(session, data, room_id)
        if room_id is None:
            room = _new_room(session, values)
        else:
            room = _room(session, room_id)
            for key, value in values.items():
                setattr(room, key, value)
        _replace_rates(session, room, rates)
        session.refresh(room)
        return room_row(room)


def list_rooms(sessions: sessionmaker[Session], include_inactive: bool = False) -> list[RoomRow]:
    """Every room, the group's own venues first, in the order they were set up."""
    with sessions() as session:
        return rooms_in(session, include_inactive)


def rooms_in(session: Session, include_inactive: bool = False) -> list[RoomRow]:
    query = (
        select(Room)
        .join(Room.venue)
        .options(selectinload(Room.rates), selectinload(Room.venue))
        .order_by(Venue.own.desc(), Venue.name, Room.position, Room.id)
    )
    if not include_inactive:
        query = query.where(Room.active.is_(True))
    return [room_row(r) for r in session.scalars(query)]


def get_room(sessions: sessionmaker[Session], room_id: int) -> RoomRow:
    with sessions() as session:
        room = _room(session, room_id)
        return room_row(room)


def find_room(session: Session, name: str) -> Room | None:
    """A room by its name (any case), or 'Room, Venue' when two venues have one so named."""
    text = name.strip().lower()
    rooms = session.scalars(select(Room).join(Room.venue)).all()
    exact = [r for r in rooms if r.name.lower() == text]
    if len(exact) == 1:
        return exact[0]
    return next((r for r in rooms if f"{r.name}, {r.venue.name}".lower() == text), None)


def room_named(
    sessions: sessionmaker[Session],
    name: str,
    venue: str | None = None,
    capacity: int | None = None,
    create: bool = False,
) -> RoomRow:
    """The room called `name` (at `venue`, when given), made when `create` is set: the
    command line's `bookings add-room` and an iCalendar import's --room use this. A new room
    with no venue goes in the group's own hall, made the first time it is needed."""
    with sessions.begin() as session:
        query = select(Room).join(Room.venue).where(func.lower(Room.name) == name.strip().lower())
        if venue:
            query = query.where(func.lower(Venue.name) == venue.strip().lower())
        found = session.scalars(query).all()
        if len(found) == 1 and not (create and capacity is not None):
            return room_row(found[0])
        if len(found) > 1:
            raise ValidationError({"room": f"More than one venue has a room called {name}"})
        if not create:
            raise NotFound(f"There is no room called {name}")
        if found:
            found[0].capacity = capacity
            session.flush()
            return room_row(found[0])
        place = session.scalar(
            select(Venue).where(func.lower(Venue.name) == (venue or OUR_HALL).strip().lower())
        )
        if place is None:
            place = Venue(name=(venue or OUR_HALL).strip(), own=True)
            session.add(place)
            session.flush()
        room = _new_room(session, _clean_room(session, RoomInput(name, place.id, capacity), None))
        session.refresh(room)
        return room_row(room)
