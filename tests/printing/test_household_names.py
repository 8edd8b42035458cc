"""How the people of one household are named on a shared envelope."""

from __future__ import annotations

from dataclasses import replace

import pytest

from grassroots.members.mailing import PostalDetails, addressee, addressees

ADDRESS = ("12 Heol y Ŵyn", "Llanfair", "LL61 5UJ")


def person(pid: int, first: str, last: str, title: str = "", home: int | None = 1, **extra):
    return PostalDetails(
        person_id=pid,
        title=title,
        first_name=first,
        last_name=last,
        preferred_name=extra.pop("preferred", ""),
        address_lines=extra.pop("address", ADDRESS),
        contact_by_post=True,
        has_address=True,
        household_id=home,
        household_name=extra.pop("household_name", ""),
    )


def test_initials_cover_every_first_name():
    pair = [person(1, "Mary Jane", "Allen", "Mrs"), person(2, "Christopher", "Allen", "Revd")]
    assert addressee(pair).name == "Revd C Allen & Mrs M J Allen"


def test_a_household_with_its_own_name_keeps_it():
    family = [person(i, f"Child{i}", "Allen") for i in range(3)]
    named = [replace(p, household_name="Rose Cottage") for p in family]
    assert addressee(family).name == "The Allen household"
    assert addressee(named).name == "Rose Cottage"


@pytest.mark.parametrize(
    ("count", "greeting"),
    [(1, "Al"), (2, "Al and Bo"), (4, "Al, Bo, Cy and Di"), (5, "all")],
)
def test_greetings_name_up_to_four(count, greeting):
    names = ["Al", "Bo", "Cy", "Di", "Ed"][:count]
    assert addressee([person(i, n, "Allen") for i, n in enumerate(names)]).greeting == greeting


def test_preferred_names_greet_and_addresses_compare_loosely():
    ann = person(1, "Ann", "Smith", preferred="Annie")
    bob = person(
        2, "Robert", "Jones", preferred="Bob", address=("12 heol y ŵyn", "LLANFAIR", "ll61 5uj")
    )
    cy = person(3, "Cy", "Smith", home=None)
    (home, alone) = addressees([ann, cy, bob])
    assert (home.name, home.greeting) == ("Ann Smith & Robert Jones", "Annie and Bob")
    assert home.address_lines == ADDRESS and home.person_ids == (1, 2)
    assert alone.name == "Cy Smith"
    assert len(addressees([ann, cy, bob], one_per_household=False)) == 3


def test_a_missing_first_name_falls_back_to_full_names():
    pair = [person(1, "", "Allen", "Mr"), person(2, "Jennifer", "Allen", "Dr")]
    assert addressee(pair).name == "Mr Allen & Dr Jennifer Allen"
