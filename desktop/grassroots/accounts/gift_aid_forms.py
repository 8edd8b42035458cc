"""Printing a Gift Aid declaration form, filled in for one person or blank for a stack.

The people service and the group's settings give plain data; `grassroots.printing` lays it out.
The UI and the command line both call this.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from grassroots.group.service import get_settings
from grassroots.members.documents import letterhead_of
from grassroots.people.records import PersonDetail
from grassroots.people.service import get_person
from grassroots.printing.gift_aid_declaration import DeclarationForm, Donor, build_declaration_form


def donor_of(person: PersonDetail) -> Donor:
    """The person's name and home address as the form shows them."""
    lines = [person.address_line1, person.address_line2, person.town, person.county]
    return Donor(
        title=person.title.strip(),
        first_name=person.first_name.strip(),
        last_name=person.last_name.strip(),
        address_lines=tuple(line.strip() for line in lines if line.strip()),
        postcode=person.postcode.strip().upper(),
    )


def print_declaration_form(
    sessions: sessionmaker[Session], out: Path, person_id: int | None = None, copies: int = 1
) -> Path:
    """A declaration form for `person_id`, filled in, or `copies` blank ones."""
    head = letterhead_of(get_settings(sessions))
    donor = donor_of(get_person(sessions, person_id)) if person_id is not None else None
    return build_declaration_form(DeclarationForm(head, donor, copies), Path(out))
