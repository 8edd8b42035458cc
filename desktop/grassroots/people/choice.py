"""Choosing a person in a form (a meeting's chair, an action's owner): the few people whose
name or details match what has been typed, so a field works the same with 50 people on record
or 100,000, and never loads them all."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.people.models import Person
from grassroots.people.records import full_name

CHOICES = 12


@dataclass(frozen=True)
class PersonChoice:
    """One line of a person field's list: the name, and a hint (postcode or email) that tells
    two people of the same name apart."""

    id: int
    name: str
    hint: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.hint})" if self.hint else self.name


def _choice(person: Person) -> PersonChoice:
    name = full_name("", person.first_name, person.last_name)
    return PersonChoice(person.id, name, person.postcode or person.email)


def people_matching(
    sessions: sessionmaker[Session], text: str, limit: int = CHOICES
) -> tuple[PersonChoice, ...]:
    """People whose every typed word is in their name, email, postcode or phone, by surname."""
    words = text.lower().replace("(", " ").replace(")", " ").split()
    if not words:
        return ()
    query = select(Person)
    for word in words[:5]:
        query = query.where(Person.search_text.contains(word, autoescape=True))
    query = query.order_by(Person.last_name, Person.first_name, Person.id).limit(limit)
    with sessions() as session:
        return tuple(_choice(p) for p in session.scalars(query))


def people_by_id(
    sessions: sessionmaker[Session], person_ids: tuple[int, ...]
) -> tuple[PersonChoice, ...]:
    """The named people, in the order asked (those no longer on record are left out)."""
    if not person_ids:
        return ()
    with sessions() as session:
        found = {
            p.id: _choice(p)
            for p in session.scalars(select(Person).where(Person.id.in_(person_ids)))
        }
    return tuple(found[i] for i in person_ids if i in found)
