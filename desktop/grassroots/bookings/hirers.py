"""Hirers: people on our records or outside organisations; one transaction per change."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from grassroots.bookings.models import BANDS, Hirer
from grassroots.bookings.records import HirerInput, HirerRow
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.validate import normalise_email, normalise_phone
from grassroots.people.models import Person
from grassroots.people.records import full_name


def hirer_name(hirer: Hirer) -> str:
    """An organisation by its name; a person by theirs."""
    if hirer.organisation:
        return hirer.organisation
    if hirer.person is not None:
        return full_name("", hirer.person.first_name, hirer.person.last_name)
    return "Hirer"


def hirer_row(hirer: Hirer) -> HirerRow:
    person = hirer.person
    contact = full_name("", person.first_name, person.last_name) if person else ""
    return HirerRow(
        id=hirer.id,
        name=hirer_name(hirer),
        person_id=hirer.person_id,
        organisation=hirer.organisation,
        contact=contact if hirer.organisation else "",
        email=hirer.email or (person.email if person else ""),
        phone=hirer.phone or (person.phone if person else ""),
        address=hirer.address or (_address(person) if person else ""),
        band=hirer.band,
        notes=hirer.notes,
        active=hirer.active,
        own_details=(hirer.email, hirer.phone, hirer.address),
    )


def _address(person: Person) -> str:
    parts = (person.address_line1, person.address_line2, person.town, person.postcode)
    return "\n".join(p for p in parts if p)


def _clean(session: Session, data: HirerInput) -> dict:
    problems = {}
    organisation = data.organisation.strip()
    if data.person_id is None and not organisation:
        problems["organisation"] = "Name the organisation, or choose the person who is hiring"
    if data.person_id is not None and session.get(Person, data.person_id) is None:
        problems["person_id"] = "That person is no longer on our records"
    if len(organisation) > 200:
        problems["organisation"] = "Keep the name to 200 characters"
    if data.band not in BANDS:
        problems["band"] = "The rate band is standard, community or commercial"
    email = phone = ""
    try:
        email = normalise_email(data.email)
    except ValueError as problem:
        problems["email"] = str(problem)
    try:
        phone = normalise_phone(data.phone)
    except ValueError as problem:
        problems["phone"] = str(problem)
    if problems:
        raise ValidationError(problems)
    return {
        "person_id": data.person_id,
        "organisation": organisation,
        "email": email,
        "phone": phone,
        "address": data.address.strip(),
        "band": data.band,
        "notes": data.notes.strip(),
    }


def add_hirer(sessions: sessionmaker[Session], data: HirerInput) -> HirerRow:
    with sessions.begin() as session:
        hirer = Hirer(**_clean(session, data))
        session.add(hirer)
        session.flush()
        session.refresh(hirer)
        return hirer_row(hirer)


def update_hirer(sessions: sessionmaker[Session], hirer_id: int, data: HirerInput) -> HirerRow:
    with sessions.begin() as session:
        hirer = load_hirer(session, hirer_id)
        for key, value in _clean(session, data).items():
            setattr(hirer, key, value)
        session.flush()
        session.refresh(hirer)
        return hirer_row(hirer)


def set_hirer_active(sessions: sessionmaker[Session], hirer_id: int, active: bool) -> None:
    with sessions.begin() as session:
        load_hirer(session, hirer_id).active = active


def load_hirer(session: Session, hirer_id: int) -> Hirer:
    hirer = session.get(Hirer, hirer_id)
    if hirer is None:
        raise NotFound(f"There is no hirer number {hirer_id}")
    return hirer


def get_hirer(sessions: sessionmaker[Session], hirer_id: int) -> HirerRow:
    with sessions() as session:
        return hirer_row(load_hirer(session, hirer_id))


def list_hirers(
    sessions: sessionmaker[Session], text: str = "", include_inactive: bool = False
) -> list[HirerRow]:
    """Hirers whose name (organisation or person) contains `text`, by name."""
    with sessions() as session:
        query = select(Hirer).outerjoin(Hirer.person).options(selectinload(Hirer.person))
        if not include_inactive:
            query = query.where(Hirer.active.is_(True))
        if text.strip():
            like = f"%{text.strip().lower()}%"
            query = query.where(
                or_(
                    func.lower(Hirer.organisation).like(like),
                    func.lower(Person.first_name + " " + Person.last_name).like(like),
                )
            )
        rows = [hirer_row(h) for h in session.scalars(query)]
        return sorted(rows, key=lambda r: r.name.lower())


def hirer_named(sessions: sessionmaker[Session], name: str, create: bool = True) -> HirerRow:
    """The organisation hirer called `name` (any case), added when `create` and not found:
    an iCalendar import names hirers this way."""
    with sessions.begin() as session:
        found = session.scalar(
            select(Hirer).where(func.lower(Hirer.organisation) == name.strip().lower()).limit(1)
        )
        if found is None:
            if not create:
                raise NotFound(f"There is no hirer called {name}")
            found = Hirer(**_clean(session, HirerInput(organisation=name)))
            session.add(found)
            session.flush()
            session.refresh(found)
        return hirer_row(found)
