"""Checks across the rows of an import: people already on record, repeats, membership numbers.

Each check asks the database once per batch of values, not once per row, so that a register of
10,000 rows is checked in a fraction of a second.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from grassroots.core.batches import chunks
from grassroots.members.import_rows import RowError, RowPlan, RowReader
from grassroots.members.models import Membership
from grassroots.people.models import Person
from grassroots.people.records import PersonInput, full_name

NameKey = tuple[str, str, str]  # first name, surname, postcode without spaces


def _email_key(person: PersonInput) -> str:
    return person.email.lower()


def _name_key(person: PersonInput) -> NameKey | None:
    if not person.last_name or not person.postcode:
        return None
    return (person.first_name.lower(), person.last_name.lower(), person.postcode.replace(" ", ""))


def _people_on_record(
    session: Session, plans: list[RowPlan]
) -> tuple[dict[str, str], dict[NameKey, str]]:
    """Names of people already held with any of the file's emails or name-and-postcodes."""
    emails = sorted({_email_key(p.person) for p in plans if p.person.email})
    postcodes = sorted({p.person.postcode.replace(" ", "") for p in plans if p.person.postcode})
    columns = (Person.first_name, Person.last_name, Person.email, Person.postcode)
    live = Person.erased_at.is_(None)
    by_email: dict[str, str] = {}
    by_name: dict[NameKey, str] = {}
    for batch in chunks(emails):
        query = select(*columns).where(live, func.lower(Person.email).in_(batch))
        for first, last, email, _ in session.execute(query):
            by_email.setdefault(email.lower(), full_name("", first, last))
    compact = func.replace(func.upper(Person.postcode), " ", "")
    for batch in chunks(postcodes):
        query = select(*columns).where(live, compact.in_(batch))
        for first, last, _, postcode in session.execute(query):
            key = (first.lower(), last.lower(), postcode.upper().replace(" ", ""))
            by_name.setdefault(key, full_name("", first, last))
    return by_email, by_name


def drop_duplicates(
    session: Session, plans: list[RowPlan], reader: RowReader, skip: bool
) -> tuple[list[RowPlan], list[RowError], int]:
    """Rows that repeat an earlier row or someone on record: errors, or skipped when asked."""
    by_email, by_name = _people_on_record(session, plans)
    seen_email: dict[str, int] = {}
    seen_name: dict[NameKey, int] = {}
    kept, errors, skipped = [], [], 0
    for plan in plans:
        problem = _duplicate_of(plan, by_email, by_name, seen_email, seen_name, reader)
        if problem is None:
            kept.append(plan)
            if plan.person.email:
                seen_email[_email_key(plan.person)] = plan.row
            if (key := _name_key(plan.person)) is not None:
                seen_name[key] = plan.row
        elif skip:
            skipped += 1
        else:
            errors.append(problem)
    return kept, errors, skipped


def _duplicate_of(
    plan: RowPlan,
    by_email: dict[str, str],
    by_name: dict[NameKey, str],
    seen_email: dict[str, int],
    seen_name: dict[NameKey, int],
    reader: RowReader,
) -> RowError | None:
    """Why `plan` repeats an earlier row of the file or someone on record; None if it does not."""
    email, name = _email_key(plan.person), _name_key(plan.person)
    email_column, surname = reader.column("email"), reader.column("last_name")
    for key, found, column, reason in (
        (email, seen_email, email_column, "The same email address as row {}"),
        (name, seen_name, surname, "The same name and postcode as row {}"),
        (email, by_email, email_column, "{} is already on record with this email address"),
        (name, by_name, surname, "{} is already on record with this name and postcode"),
    ):
        if key and key in found:
            return RowError(plan.row, column, reason.format(found[key]))
    return None


def check_numbers(session: Session, plans: list[RowPlan], reader: RowReader) -> list[RowError]:
    """A membership number may be used once: not twice in the file, not one already given."""
    numbered = [p for p in plans if p.number is not None]
    used: set[int] = set()
    for batch in chunks(sorted({p.number for p in numbered})):
        used.update(session.scalars(select(Membership.number).where(Membership.number.in_(batch))))
    column, first_row, errors = reader.column("number"), {}, []
    for plan in numbered:
        if plan.number in used:
            reason = f"Membership number {plan.number} is already in use"
        elif plan.number in first_row:
            reason = f"Membership number {plan.number} is also on row {first_row[plan.number]}"
        else:
            first_row[plan.number] = plan.row
            continue
        errors.append(RowError(plan.row, column, reason))
    return errors


def number_members(session: Session, plans: list[RowPlan]) -> list[RowPlan]:
    """Members without a number get the next free ones after the highest in use or in the file."""
    highest = session.scalar(select(func.max(Membership.number))) or 0
    highest = max([highest, *(p.number for p in plans if p.number is not None)])
    numbered = []
    for plan in plans:
        if plan.type_id is not None and plan.number is None:
            highest += 1
            plan = replace(plan, number=highest)
        numbered.append(plan)
    return numbered
