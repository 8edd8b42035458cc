"""Names and postal addresses for members chosen from the register, for letters and labels.

The register's rows carry what the list shows; paper also needs the full address, the name a
person likes to be called and whether they asked for post, so those are read here in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.people.models import Person
from grassroots.people.records import full_name

_CHUNK = 500  # keeps each IN (...) list well inside every database's limit


@dataclass(frozen=True)
class PostalDetails:
    person_id: int
    title: str
    first_name: str
    last_name: str
    preferred_name: str
    address_lines: tuple[str, ...]
    contact_by_post: bool
    has_address: bool  # enough to deliver to: a street line and a town or postcode

    @property
    def full_name(self) -> str:
        """'Mrs Siân Jones': how an envelope is addressed."""
        return full_name(self.title, self.first_name, self.last_name)

    @property
    def greeting_name(self) -> str:
        """'Siân': how a letter opens (preferred name first)."""
        return self.preferred_name or self.first_name or self.full_name


_COLUMNS = (
    Person.id,
    Person.title,
    Person.first_name,
    Person.last_name,
    Person.preferred_name,
    Person.address_line1,
    Person.address_line2,
    Person.town,
    Person.county,
    Person.postcode,
    Person.contact_by_post,
)


def _details(values) -> PostalDetails:
    pid, title, first, last, preferred, line1, line2, town, county, postcode, post = values
    lines = tuple(p.strip() for p in (line1, line2, town, county, postcode) if p and p.strip())
    deliverable = bool((line1 or line2 or "").strip()) and bool((town or postcode or "").strip())
    return PostalDetails(
        pid, title or "", first or "", last or "", preferred or "", lines, bool(post), deliverable
    )


def postal_details(
    sessions: sessionmaker[Session], person_ids: Iterable[int]
) -> dict[int, PostalDetails]:
    """Postal details for each of `person_ids` (erased people are left out)."""
    ids = list(dict.fromkeys(person_ids))
    found: dict[int, PostalDetails] = {}
    with sessions() as session:
        for start in range(0, len(ids), _CHUNK):
            query = select(*_COLUMNS).where(
                Person.id.in_(ids[start : start + _CHUNK]), Person.erased_at.is_(None)
            )
            for values in session.execute(query):
                found[values[0]] = _details(values)
    return found
