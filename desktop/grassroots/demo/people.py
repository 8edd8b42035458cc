"""Made-up people for the demo group: addresses, households, contact details, consent log.

Rows go in as Core bulk inserts (one executemany per table), which skip the ORM's
before_insert event, so each row's search_text is filled here with the same `search_key` the
event would use.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from types import SimpleNamespace

from sqlalchemy import func, insert, select

from grassroots.demo import names
from grassroots.demo.context import DemoContext, DemoPerson, instant
from grassroots.people.models import Consent, Household, Person, search_key

HISTORY_DAYS = 10 * 365
HOUSEHOLD_SIZES = (1, 2, 3, 4)
HOUSEHOLD_WEIGHTS = (55, 32, 8, 5)
EMAIL_SHARE = 0.7
_TOWN_INDEX = {town[0]: index for index, town in enumerate(names.TOWNS)}
CONSENT_METHODS = (
    "Tick box on the membership form",
    "Signed up at a stall",
    "Form on the website",
    "Asked at a coffee morning",
)


@dataclass
class _Taken:
    """Emails and (first name, surname, postcode) already given, so the demo has no duplicates."""

    emails: set[str] = field(default_factory=set)
    names: set[tuple[str, str, str]] = field(default_factory=set)


@dataclass(frozen=True)
class Street:
    name: str
    town: str
    county: str
    postcodes: tuple[str, ...]


def add_people(ctx: DemoContext, count: int) -> None:
    """Add `count` people living at made-up addresses, some sharing a household."""
    session, rng = ctx.session, ctx.rng
    next_person = (session.scalar(select(func.max(Person.id))) or 0) + 1
    next_household = (session.scalar(select(func.max(Household.id))) or 0) + 1
    streets = _streets(rng, max(12, count // 40))
    weights = list(accumulate(names.TOWN_WEIGHTS[_TOWN_INDEX[s.town]] for s in streets))
    people: list[dict] = []
    households: list[dict] = []
    used_addresses: set[tuple[str, str]] = set()
    taken = _Taken()
    while len(people) < count:
        street = rng.choices(streets, cum_weights=weights)[0]
        line1 = _house(rng, street)
        if (line1, street.town) in used_addresses:
            continue
        used_addresses.add((line1, street.town))
        size = min(rng.choices(HOUSEHOLD_SIZES, HOUSEHOLD_WEIGHTS)[0], count - len(people))
        household_id = None
        surname = rng.choice(names.SURNAMES)
        if size > 1:
            household_id = next_household
            next_household += 1
            households.append({"id": household_id, "name": f"The {surname} household"})
        postcode = rng.choice(street.postcodes)
        known_since = ctx.today - timedelta(days=rng.randint(0, HISTORY_DAYS))
        for position in range(size):
            last = surname if position == 0 or rng.random() < 0.8 else rng.choice(names.SURNAMES)
            row = _person(rng, next_person, last, line1, street, postcode, known_since, taken)
            row["household_id"] = household_id
            people.append(row)
            ctx.people.append(
                DemoPerson(
                    id=next_person,
                    first_name=row["first_name"],
                    last_name=last,
                    household_id=household_id,
                    first_at_address=position == 0,
                    known_since=known_since,
                    has_email=bool(row["email"]),
                )
            )
            next_person += 1
    consents = _consents(ctx, people)
    if households:
        session.execute(insert(Household.__table__), households)
    session.execute(insert(Person.__table__), people)
    if consents:
        session.execute(insert(Consent.__table__), consents)
    ctx.add_count("people", len(people))
    ctx.add_count("households", len(households))
    ctx.add_count("consents", len(consents))


def _streets(rng: random.Random, number: int) -> list[Street]:
    streets, seen = [], set()
    while len(streets) < number:
        town, county, districts = rng.choices(names.TOWNS, names.TOWN_WEIGHTS)[0]
        name = f"{rng.choice(names.STREET_NAMES)} {rng.choice(names.STREET_KINDS)}"
        if (name, town) in seen and len(seen) < 10 * len(names.STREET_NAMES):
            continue
        seen.add((name, town))
        district = rng.choice(districts)
        postcodes = tuple(_postcode(rng, district) for _ in range(rng.randint(1, 3)))
        streets.append(Street(name, town, county, postcodes))
    return streets


def _postcode(rng: random.Random, district: str) -> str:
    letters = names.INWARD_LETTERS
    return f"{district} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def _house(rng: random.Random, street: Street) -> str:
    if rng.random() < 0.05:
        return f"{rng.choice(names.HOUSE_NAMES)}, {street.name}"
    return f"{rng.randint(1, 180)} {street.name}"


def _person(
    rng: random.Random,
    person_id: int,
    last: str,
    line1: str,
    street: Street,
    postcode: str,
    known_since: date,
    taken: _Taken,
) -> dict:
    woman = rng.random() < 0.55
    first = rng.choice(names.WOMEN if woman else names.MEN)
    while (first, last, postcode) in taken.names:  # no two people look like one duplicate
        woman = not woman if rng.random() < 0.5 else woman
        first = rng.choice(names.WOMEN if woman else names.MEN)
    taken.names.add((first, last, postcode))
    title = rng.choice(names.TITLES_WOMEN if woman else names.TITLES_MEN)
    email = _email(rng, first, last, taken.emails) if rng.random() < EMAIL_SHARE else ""
    phone = _landline(rng, street.town) if rng.random() < 0.45 else ""
    mobile = _mobile(rng) if rng.random() < 0.6 else ""
    born = None
    if rng.random() < 0.3:
        born = date(rng.randint(1935, 2004), rng.randint(1, 12), rng.randint(1, 28))
    created = instant(known_since)
    row = {
        "id": person_id,
        "title": title,
        "first_name": first,
        "last_name": last,
        "preferred_name": "",
        "address_line1": line1,
        "address_line2": "",
        "town": street.town,
        "county": street.county,
        "postcode": postcode,
        "email": email,
        "phone": phone,
        "mobile": mobile,
        "date_of_birth": born,
        "notes": "",
        "contact_by_email": False,
        "contact_by_post": rng.random() < 0.9,
        "contact_by_phone": bool(phone or mobile) and rng.random() < 0.4,
        "source": rng.choice(names.SOURCES),
        "created_at": created,
        "updated_at": created,
        "erased_at": None,
        "retention_reviewed_on": None,
    }
    row["search_text"] = search_key(SimpleNamespace(**row))
    return row


def _email(rng: random.Random, first: str, last: str, used: set[str]) -> str:
    local = f"{first}.{last}".lower().replace("'", "").replace(" ", "")
    local = local.translate(str.maketrans("âêîôûŵŷáéíóúàèëïöüç", "aeiouwyaeiouaeeiouc"))
    domain = rng.choice(names.EMAIL_DOMAINS)
    email = f"{local}@{domain}"
    while email in used:
        email = f"{local}{rng.randint(1, 999)}@{domain}"
    used.add(email)
    return email


def _landline(rng: random.Random, town: str) -> str:
    code = names.LANDLINE_CODES.get(town, "01530")
    return f"{code} {rng.randint(200000, 899999)}"


def _mobile(rng: random.Random) -> str:
    return f"07{rng.randint(400, 999)} {rng.randint(100000, 999999)}"


def _consents(ctx: DemoContext, people: list[dict]) -> list[dict]:
    """Newsletter sign-ups for most people with an email address; a few later withdrawn."""
    rng, today = ctx.rng, ctx.today
    basis = "soft opt-in" if ctx.settings.is_charity else "consent"
    rows = []
    for person in people:
        if not person["email"] or rng.random() > 0.85:
            continue
        given_on = person["created_at"].date()
        withdrawn = None
        if rng.random() < 0.12 and given_on < today:
            withdrawn = given_on + timedelta(days=rng.randint(1, (today - given_on).days))
        person["contact_by_email"] = withdrawn is None
        rows.append(
            {
                "person_id": person["id"],
                "purpose": "Email newsletter",
                "channel": "email",
                "basis": basis,
                "given_on": given_on,
                "method": rng.choice(CONSENT_METHODS),
                "source": person["source"],
                "opt_out_offered": True,
                "withdrawn_on": withdrawn,
                "note": "",
                "recorded_at": person["created_at"],
            }
        )
    return rows
