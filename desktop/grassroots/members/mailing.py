"""Names and postal addresses for members chosen from the register, for letters and labels.

The register's rows carry what the list shows; paper also needs the full address, the name a
person likes to be called, whether they asked for post and which household they live in, so
those are read here in one pass.

People of one household at one address share a letterbox, so they share an envelope:
`addressees` folds them into one `Addressee` named the way a letter to a couple or a family is
addressed in Britain ("Mr C Allen & Dr J Allen", "Ann Smith & Bob Jones", "The Allen
household"). Someone of the household living elsewhere (a student away, say) keeps their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.core.batches import chunks
from grassroots.people.models import Household, Person
from grassroots.people.records import full_name

_COUPLE_TITLES = {("mr", "mrs")}  # the pairs an envelope may address as "Mr & Mrs Allen"
_GREET_BY_NAME = 4  # more people than this are greeted "Dear all"


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
    household_id: int | None = None
    household_name: str = ""

    @property
    def full_name(self) -> str:
        """'Mrs Siân Jones': how an envelope is addressed."""
        return full_name(self.title, self.first_name, self.last_name)

    @property
    def greeting_name(self) -> str:
        """'Siân': how a letter opens (preferred name first)."""
        return self.preferred_name or self.first_name or self.full_name

    @property
    def address_key(self) -> tuple[str, ...]:
        """The address compared loosely, so 'le65 1db' and 'LE65 1DB' are one letterbox."""
        return tuple(
            " ".join(line.casefold().replace(",", " ").split()) for line in self.address_lines
        )


@dataclass(frozen=True)
class Addressee:
    """Who one envelope is for: one person, or the people of a household at one address."""

    name: str  # the envelope's first line: "Mr C Allen & Dr J Allen"
    greeting: str  # after "Dear": "Christopher and Jennifer"
    address_lines: tuple[str, ...]
    people: tuple[PostalDetails, ...]

    @property
    def person_ids(self) -> tuple[int, ...]:
        return tuple(p.person_id for p in self.people)


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
    Person.household_id,
    Household.name,
)


def _details(values) -> PostalDetails:
    pid, title, first, last, preferred, line1, line2, town, county, postcode, post, hid, hname = (
        values
    )
    lines = tuple(p.strip() for p in (line1, line2, town, county, postcode) if p and p.strip())
    deliverable = bool((line1 or line2 or "").strip()) and bool((town or postcode or "").strip())
    return PostalDetails(
        pid,
        title or "",
        first or "",
        last or "",
        preferred or "",
        lines,
        bool(post),
        deliverable,
        hid,
        hname or "",
    )


def _query():
    return select(*_COLUMNS).outerjoin(Household, Household.id == Person.household_id)


def postal_details(
    sessions: sessionmaker[Session], person_ids: Iterable[int]
) -> dict[int, PostalDetails]:
    """Postal details for each of `person_ids` (erased people are left out)."""
    ids = list(dict.fromkeys(person_ids))
    found: dict[int, PostalDetails] = {}
    with sessions() as session:
        for batch in chunks(ids):
            query = _query().where(Person.id.in_(batch), Person.erased_at.is_(None))
            for values in session.execute(query):
                found[values[0]] = _details(values)
    return found


def household_people(
    sessions: sessionmaker[Session], household_ids: Iterable[int]
) -> dict[int, tuple[PostalDetails, ...]]:
    """Everyone on record in each of `household_ids` (erased people are left out)."""
    ids = sorted(set(household_ids))
    found: dict[int, list[PostalDetails]] = {i: [] for i in ids}
    with sessions() as session:
        for batch in chunks(ids):
            query = _query().where(Person.household_id.in_(batch), Person.erased_at.is_(None))
            for values in session.execute(query.order_by(Person.id)):
                details = _details(values)
                found[details.household_id].append(details)
    return {key: tuple(people) for key, people in found.items()}


# ---------------------------------------------------------------- one envelope per letterbox


def addressees(people: Iterable[PostalDetails], one_per_household: bool = True) -> list[Addressee]:
    """One Addressee per person, or with `one_per_household` one per household and address.

    The order follows `people`: a household's envelope comes where its first person would.
    """
    groups: dict[object, list[PostalDetails]] = {}
    for person in people:
        shared = one_per_household and person.household_id is not None
        key = (person.household_id, person.address_key) if shared else person.person_id
        groups.setdefault(key, []).append(person)
    return [addressee(group) for group in groups.values()]


def addressee(people: Sequence[PostalDetails]) -> Addressee:
    """The envelope for `people` (one or more living together), at the first one's address."""
    if not people:
        raise ValueError("An envelope needs at least one person")
    ordered = tuple(sorted(people, key=_by_first_name)) if len(people) > 1 else tuple(people)
    return Addressee(
        joint_name(ordered),
        joint_greeting(ordered),
        people[0].address_lines,
        ordered,
    )


def _by_first_name(person: PostalDetails) -> tuple[str, str, int]:
    return (person.first_name.casefold(), person.last_name.casefold(), person.person_id)


def joint_name(people: Sequence[PostalDetails]) -> str:
    """The envelope's first line for people sharing it.

    One person: 'Mrs Siân Jones'. Two with one surname: 'Mr C Allen & Dr J Allen' when both
    have a title ('Mr & Mrs Allen' for that pair), else 'Christopher & Jennifer Allen'. Two
    surnames: 'Ann Smith & Bob Jones'. Three or more: the household's name, 'The Allen household'.
    """
    if len(people) == 1:
        return people[0].full_name
    if len(people) > 2:
        return _household_name(people)
    one, two = people
    if not (one.last_name and two.last_name and one.first_name and two.first_name):
        return f"{one.full_name} & {two.full_name}"
    if one.last_name.casefold() != two.last_name.casefold():
        return f"{_plain(one)} & {_plain(two)}"
    surname = one.last_name
    if one.title and two.title:
        pair = tuple(sorted(t.casefold().rstrip(".") for t in (one.title, two.title)))
        if pair in _COUPLE_TITLES:
            first, second = sorted((one.title, two.title), key=lambda t: t.casefold() != "mr")
            return f"{first} & {second} {surname}"
        return f"{_initialled(one)} & {_initialled(two)}"
    return f"{one.first_name} & {two.first_name} {surname}"


def _plain(person: PostalDetails) -> str:
    return f"{person.first_name} {person.last_name}"


def _initialled(person: PostalDetails) -> str:
    """'Mr C Allen' (or 'Mrs M J Allen' for Mary Jane): the formal envelope style."""
    initials = " ".join(word[0].upper() for word in person.first_name.split())
    return " ".join(p for p in (person.title, initials, person.last_name) if p)


def _household_name(people: Sequence[PostalDetails]) -> str:
    """The household's own name if it has one, else 'The <commonest surname> household'."""
    named = next((p.household_name.strip() for p in people if p.household_name.strip()), "")
    if named:
        return named
    surnames = Counter(p.last_name for p in people if p.last_name)
    if not surnames:
        return "The household"
    return f"The {surnames.most_common(1)[0][0]} household"


def joint_greeting(people: Sequence[PostalDetails]) -> str:
    """After 'Dear': 'Siân', 'Christopher and Jennifer', 'Chris, Jen and Tom' or 'all'."""
    names = [p.greeting_name for p in people]
    if len(names) == 1:
        return names[0]
    if len(names) > _GREET_BY_NAME:
        return "all"
    return f"{', '.join(names[:-1])} and {names[-1]}"
