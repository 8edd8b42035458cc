"""What a user can do with people: add, edit, find duplicates, merge, households, consent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, selectinload, sessionmaker

from grassroots import schema
from grassroots.core.errors import NotFound, ValidationError
from grassroots.people.checks import clean_person
from grassroots.people.models import Consent, Household, Person
from grassroots.people.records import (
    ConsentEntry,
    ConsentInput,
    DuplicateMatch,
    HouseholdInfo,
    PersonDetail,
    PersonInput,
    full_name,
)

_INPUT_FIELDS = [f.name for f in fields(PersonInput)]

MergeHook = Callable[[Session, int, int], None]


def consent_entry(row: Consent) -> ConsentEntry:
    return ConsentEntry(
        id=row.id,
        purpose=row.purpose,
        channel=row.channel,
        basis=row.basis,
        given_on=row.given_on,
        method=row.method,
        source=row.source,
        opt_out_offered=row.opt_out_offered,
        withdrawn_on=row.withdrawn_on,
        note=row.note,
    )


def person_detail(row: Person) -> PersonDetail:
    return PersonDetail(
        **{name: getattr(row, name) for name in _INPUT_FIELDS},
        id=row.id,
        household_name=row.household.name if row.household else "",
        created_at=row.created_at,
        erased=row.erased_at is not None,
        consents=tuple(consent_entry(c) for c in row.consents),
    )


def load_person(session: Session, person_id: int) -> Person:
    row = session.get(Person, person_id, options=[selectinload(Person.consents)])
    if row is None:
        raise NotFound(f"There is no person with number {person_id}")
    return row


def new_person(session: Session, data: PersonInput) -> Person:
    """Check and add a person inside the caller's transaction (used by imports and joins)."""
    cleaned = clean_person(data)
    row = Person(**{name: getattr(cleaned, name) for name in _INPUT_FIELDS})
    session.add(row)
    return row


def add_person(sessions: sessionmaker[Session], data: PersonInput) -> PersonDetail:
    with sessions.begin() as session:
        row = new_person(session, data)
        session.flush()
        return person_detail(load_person(session, row.id))


def update_person(
    sessions: sessionmaker[Session], person_id: int, data: PersonInput
) -> PersonDetail:
    cleaned = clean_person(data)
    with sessions.begin() as session:
        row = load_person(session, person_id)
        for name in _INPUT_FIELDS:
            setattr(row, name, getattr(cleaned, name))
        session.flush()
        return person_detail(row)


def get_person(sessions: sessionmaker[Session], person_id: int) -> PersonDetail:
    with sessions() as session:
        return person_detail(load_person(session, person_id))


def find_duplicates(
    sessions: sessionmaker[Session], data: PersonInput, exclude_id: int | None = None
) -> list[DuplicateMatch]:
    """People who look like `data`: the same email, or the same name and postcode."""
    tests = []
    if data.email.strip():
        tests.append(func.lower(Person.email) == data.email.strip().lower())
    if data.last_name.strip() and data.postcode.strip():
        tests.append(
            (func.lower(Person.last_name) == data.last_name.strip().lower())
            & (func.lower(Person.first_name) == data.first_name.strip().lower())
            & (
                func.replace(func.upper(Person.postcode), " ", "")
                == data.postcode.replace(" ", "").upper()
            )
        )
    if not tests:
        return []
    query = select(Person).where(or_(*tests), Person.erased_at.is_(None))
    if exclude_id is not None:
        query = query.where(Person.id != exclude_id)
    with sessions() as session:
        matches = []
        for row in session.scalars(query.limit(20)):
            same_email = data.email.strip() and row.email.lower() == data.email.strip().lower()
            reason = "same email address" if same_email else "same name and postcode"
            matches.append(
                DuplicateMatch(row.id, full_name("", row.first_name, row.last_name), reason)
            )
        return matches


def merge_people(sessions: sessionmaker[Session], keep_id: int, drop_id: int) -> PersonDetail:
    """Fold `drop_id` into `keep_id`: every link moves to the kept record, blanks are filled
    from the dropped one, notes are joined, and the dropped record is deleted."""
    if keep_id == drop_id:
        raise ValidationError({"person": "Choose two different people to merge"})
    with sessions.begin() as session:
        return person_detail(_merge(session, keep_id, drop_id))


def merge_new_person(
    sessions: sessionmaker[Session], existing_id: int, data: PersonInput, keep_new: bool = False
) -> PersonDetail:
    """Merge details being typed for a new person with an existing record, in one step: the
    new details are added and folded together with the existing record (kept as the survivor
    unless `keep_new`), so a failure leaves no stray half-made person behind."""
    with sessions.begin() as session:
        new = new_person(session, data)
        session.flush()
        keep, drop = (new.id, existing_id) if keep_new else (existing_id, new.id)
        return person_detail(_merge(session, keep, drop))


def _merge(session: Session, keep_id: int, drop_id: int) -> Person:
    keep, drop = load_person(session, keep_id), load_person(session, drop_id)
    dropped_household = drop.household
    for name in _INPUT_FIELDS:
        if name == "notes":
            keep.notes = "\n".join(n for n in (keep.notes, drop.notes) if n)
        elif getattr(keep, name) in ("", None, False) and getattr(drop, name):
            setattr(keep, name, getattr(drop, name))
    session.flush()
    for hook in schema.merge_hooks():
        hook(session, keep_id, drop_id)
    for column in _columns_pointing_at_people():
        session.execute(
            update(column.table).where(column == drop_id).values({column.name: keep_id})
        )
    session.expire_all()
    session.delete(load_person(session, drop_id))
    session.flush()
    forget_empty_household(session, dropped_household)
    return load_person(session, keep_id)


def forget_empty_household(session: Session, household: Household | None) -> None:
    """A household nobody lives in any more is deleted (it names the people who left)."""
    if household is None:
        return
    session.refresh(household)
    if not household.people:
        session.delete(household)


def _columns_pointing_at_people() -> list:
    return [
        fk.parent
        for table in schema.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name == Person.__tablename__
    ]


def record_consent(
    sessions: sessionmaker[Session], person_id: int, data: ConsentInput
) -> ConsentEntry:
    if not data.purpose.strip():
        raise ValidationError({"purpose": "Say what the consent is for"})
    with sessions.begin() as session:
        person = load_person(session, person_id)
        row = Consent(person=person, **{f.name: getattr(data, f.name) for f in fields(data)})
        session.add(row)
        session.flush()
        return consent_entry(row)


def withdraw_consent(
    sessions: sessionmaker[Session], consent_id: int, on: date | None = None
) -> ConsentEntry:
    with sessions.begin() as session:
        row = session.get(Consent, consent_id)
        if row is None:
            raise NotFound("That consent record no longer exists")
        row.withdrawn_on = on or date.today()
        channel_flag = f"contact_by_{row.channel}"
        still_given = any(
            c.id != row.id and c.channel == row.channel and c.withdrawn_on is None
            for c in row.person.consents
        )
        if hasattr(row.person, channel_flag) and not still_given:
            setattr(row.person, channel_flag, False)
        return consent_entry(row)


def make_household(
    sessions: sessionmaker[Session], person_ids: list[int], name: str = ""
) -> HouseholdInfo:
    """Group people at one address; a household name defaults to 'The <surname> household'."""
    if not person_ids:
        raise ValidationError({"people": "Choose at least one person for the household"})
    with sessions.begin() as session:
        people = [load_person(session, pid) for pid in person_ids]
        existing = next((p.household for p in people if p.household), None)
        household = existing or Household(
            name=name.strip() or f"The {people[0].last_name or people[0].first_name} household"
        )
        if name.strip():
            household.name = name.strip()
        for person in people:
            person.household = household
        session.flush()
        return _household_info(household)


def leave_household(sessions: sessionmaker[Session], person_id: int) -> None:
    with sessions.begin() as session:
        person = load_person(session, person_id)
        household = person.household
        person.household = None
        session.flush()
        forget_empty_household(session, household)


def household_of(sessions: sessionmaker[Session], person_id: int) -> HouseholdInfo | None:
    with sessions() as session:
        person = load_person(session, person_id)
        return _household_info(person.household) if person.household else None


def people_at_address(
    sessions: sessionmaker[Session], postcode: str, address_line1: str, exclude_id: int
) -> list[tuple[int, str]]:
    """Others at the same address: candidates to join a household."""
    if not postcode or not address_line1:
        return []
    query = select(Person).where(
        Person.postcode == postcode,
        func.lower(Person.address_line1) == address_line1.strip().lower(),
        Person.id != exclude_id,
        Person.erased_at.is_(None),
    )
    with sessions() as session:
        return [(p.id, full_name("", p.first_name, p.last_name)) for p in session.scalars(query)]


def _household_info(household: Household) -> HouseholdInfo:
    members = tuple(
        (p.id, full_name("", p.first_name, p.last_name))
        for p in sorted(household.people, key=lambda p: (p.last_name, p.first_name))
    )
    return HouseholdInfo(household.id, household.name, members)
