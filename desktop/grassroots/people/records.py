"""Plain, frozen read models and inputs for people: what services return and widgets show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class PersonInput:
    """What a form or an import row says about a person, before it is checked."""

    first_name: str = ""
    last_name: str = ""
    title: str = ""
    preferred_name: str = ""
    address_line1: str = ""
    address_line2: str = ""
    town: str = ""
    county: str = ""
    postcode: str = ""
    email: str = ""
    phone: str = ""
    mobile: str = ""
    date_of_birth: date | None = None
    notes: str = ""
    contact_by_email: bool = False
    contact_by_post: bool = False
    contact_by_phone: bool = False
    source: str = ""
    household_id: int | None = None


@dataclass(frozen=True)
class ConsentInput:
    purpose: str
    given_on: date
    channel: str = "email"
    basis: str = "consent"
    method: str = ""
    source: str = ""
    opt_out_offered: bool = False
    note: str = ""


@dataclass(frozen=True)
class ConsentEntry:
    id: int
    purpose: str
    channel: str
    basis: str
    given_on: date
    method: str
    source: str
    opt_out_offered: bool
    withdrawn_on: date | None
    note: str

    @property
    def active(self) -> bool:
        return self.withdrawn_on is None


@dataclass(frozen=True)
class PersonDetail(PersonInput):
    id: int = 0
    household_name: str = ""
    created_at: datetime | None = None
    erased: bool = False
    consents: tuple[ConsentEntry, ...] = field(default_factory=tuple)

    @property
    def full_name(self) -> str:
        return full_name(self.title, self.first_name, self.last_name)

    @property
    def display_name(self) -> str:
        """How the person is addressed day to day: preferred name if they gave one."""
        return " ".join(p for p in (self.preferred_name or self.first_name, self.last_name) if p)

    def as_input(self) -> PersonInput:
        return PersonInput(**{k: getattr(self, k) for k in PersonInput.__dataclass_fields__})


@dataclass(frozen=True)
class DuplicateMatch:
    person_id: int
    name: str
    reason: str


@dataclass(frozen=True)
class HouseholdInfo:
    id: int
    name: str
    members: tuple[tuple[int, str], ...]


def full_name(title: str, first: str, last: str) -> str:
    return " ".join(p for p in (title, first, last) if p)
