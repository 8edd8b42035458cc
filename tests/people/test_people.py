"""People: checking details, duplicates, merging, households and the consent log."""

from datetime import date

import pytest
from sqlalchemy import func, select

from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.members import service as members
from grassroots.members.records import PaymentInput
from grassroots.people import service as people
from grassroots.people.checks import clean_person
from grassroots.people.models import Household, Person
from grassroots.people.records import ConsentInput, PersonInput

ANN = PersonInput(
    title="Mrs",
    first_name="Ann",
    last_name="Smith",
    address_line1="1 Main St",
    town="Ashby",
    postcode="le65 1aa",
    email="ann@example.org",
    phone="01530412345",
    contact_by_email=True,
)


def test_details_are_normalised_when_saved(sessions):
    saved = people.add_person(sessions, ANN)
    assert (saved.postcode, saved.phone) == ("LE65 1AA", "01530 412345")
    assert people.get_person(sessions, saved.id).full_name == "Mrs Ann Smith"


def test_every_wrong_field_is_named():
    bad = PersonInput(
        first_name="",
        last_name="",
        postcode="XX1",
        email="nope",
        date_of_birth=date(2099, 1, 1),
        contact_by_post=True,
    )
    with pytest.raises(ValidationError) as caught:
        clean_person(bad)
    assert set(caught.value.fields) == {
        "last_name",
        "postcode",
        "email",
        "date_of_birth",
        "address_line1",
    }


def test_update_keeps_validation(sessions):
    saved = people.add_person(sessions, ANN)
    with pytest.raises(ValidationError):
        people.update_person(sessions, saved.id, PersonInput(last_name="Smith", email="x@"))
    assert people.get_person(sessions, saved.id).email == "ann@example.org"


def test_duplicates_by_email_or_name_and_postcode(sessions):
    saved = people.add_person(sessions, ANN)
    by_email = people.find_duplicates(
        sessions, PersonInput(last_name="Jones", email="ANN@example.org")
    )
    by_name = people.find_duplicates(
        sessions, PersonInput(first_name="ann", last_name="SMITH", postcode="LE651AA")
    )
    assert [(m.person_id, m.reason) for m in by_email] == [(saved.id, "same email address")]
    assert [(m.person_id, m.reason) for m in by_name] == [(saved.id, "same name and postcode")]
    assert people.find_duplicates(sessions, saved.as_input(), exclude_id=saved.id) == []
    assert people.find_duplicates(sessions, PersonInput(last_name="Smith")) == []


def test_merge_moves_every_link_and_fills_blanks(sessions):
    keep = people.add_person(sessions, ANN)
    drop = people.add_person(
        sessions,
        PersonInput(
            first_name="Ann",
            last_name="Smith",
            postcode="LE65 1AA",
            mobile="07700900123",
            notes="met at the fete",
        ),
    )
    people.record_consent(sessions, drop.id, ConsentInput("Newsletter", date(2026, 1, 5)))
    individual = members.list_types(sessions)[0]
    members.join(
        sessions,
        drop.id,
        individual.id,
        date(2026, 1, 5),
        PaymentInput(date(2026, 1, 5), Money(1000)),
    )

    merged = people.merge_people(sessions, keep.id, drop.id)

    assert merged.mobile == "07700 900123" and "met at the fete" in merged.notes
    assert [c.purpose for c in merged.consents] == ["Newsletter"]
    assert members.membership_of(sessions, keep.id).subscriptions[0].amount == Money(1000)
    with pytest.raises(NotFound):
        people.get_person(sessions, drop.id)


def test_merging_two_members_keeps_one_membership_and_all_payments(sessions):
    individual = members.list_types(sessions)[0]
    a = members.add_member(
        sessions, ANN, individual.id, date(2025, 1, 1), PaymentInput(date(2025, 1, 1), Money(1000))
    )
    b = members.add_member(
        sessions,
        PersonInput(first_name="Ann", last_name="Smith"),
        individual.id,
        date(2026, 6, 1),
        PaymentInput(date(2026, 6, 1), Money(1200)),
    )
    people.merge_people(sessions, a.person_id, b.person_id)
    kept = members.membership_of(sessions, a.person_id)
    assert kept.joined_on == date(2025, 1, 1)
    assert kept.expires_on == date(2027, 5, 31)
    assert sorted(s.amount.pence for s in kept.subscriptions) == [1000, 1200]


def test_cannot_merge_someone_with_themselves(sessions):
    saved = people.add_person(sessions, ANN)
    with pytest.raises(ValidationError):
        people.merge_people(sessions, saved.id, saved.id)


def test_households_group_people_at_one_address(sessions):
    ann = people.add_person(sessions, ANN)
    bob = people.add_person(
        sessions,
        PersonInput(
            first_name="Bob", last_name="Smith", address_line1="1 main st", postcode="LE65 1AA"
        ),
    )
    assert people.people_at_address(sessions, "LE65 1AA", "1 Main St", ann.id) == [
        (bob.id, "Bob Smith")
    ]
    home = people.make_household(sessions, [ann.id, bob.id])
    assert home.name == "The Smith household"
    assert [name for _, name in home.members] == ["Ann Smith", "Bob Smith"]
    people.leave_household(sessions, bob.id)
    assert people.household_of(sessions, bob.id) is None
    assert [n for _, n in people.household_of(sessions, ann.id).members] == ["Ann Smith"]


def test_consent_log_records_and_withdraws(sessions):
    ann = people.add_person(sessions, ANN)
    entry = people.record_consent(
        sessions,
        ann.id,
        ConsentInput(
            "Newsletter by email",
            date(2026, 2, 5),
            channel="email",
            basis="soft opt-in",
            method="paper form",
            source="Summer fete",
            opt_out_offered=True,
        ),
    )
    assert entry.active
    withdrawn = people.withdraw_consent(sessions, entry.id, date(2026, 3, 1))
    assert withdrawn.withdrawn_on == date(2026, 3, 1) and not withdrawn.active
    after = people.get_person(sessions, ann.id)
    assert not after.contact_by_email
    assert after.consents[0].source == "Summer fete"


def test_consent_needs_a_purpose(sessions):
    ann = people.add_person(sessions, ANN)
    with pytest.raises(ValidationError, match="purpose"):
        people.record_consent(sessions, ann.id, ConsentInput(" ", date(2026, 1, 1)))


def test_merging_keeps_the_live_membership_over_an_ended_one(sessions):
    life, individual = (
        next(t for t in members.list_types(sessions) if t.name == n) for n in ("Life", "Individual")
    )
    ended = members.add_member(sessions, ANN, life.id, date(2020, 1, 1))
    members.end_membership(sessions, ended.id, date(2024, 1, 1), "Resigned")
    live = members.add_member(
        sessions,
        PersonInput(first_name="Ann", last_name="Smith"),
        individual.id,
        date.today(),
        PaymentInput(date.today(), Money(1000)),
    )
    people.merge_people(sessions, ended.person_id, live.person_id)
    kept = members.membership_of(sessions, ended.person_id)
    assert kept.ended_on is None and kept.type.name == "Individual"
    assert kept.joined_on == date(2020, 1, 1)
    assert [s.amount.pence for s in kept.subscriptions] == [1000]


def test_merging_forgets_a_household_left_empty(sessions):
    keep = people.add_person(sessions, ANN)
    drop = people.add_person(sessions, PersonInput(first_name="Ann", last_name="Smyth"))
    ours = people.make_household(sessions, [keep.id], "The Smith household")
    people.make_household(sessions, [drop.id], "The Smyth household")
    people.merge_people(sessions, keep.id, drop.id)
    assert people.household_of(sessions, keep.id) == ours
    with sessions() as session:
        assert session.scalars(select(Household.name)).all() == ["The Smith household"]


def test_merging_typed_details_into_a_record_is_one_step(sessions):
    existing = people.add_person(sessions, ANN)
    typed = PersonInput(first_name="Ann", last_name="Smith", mobile="07700900123")
    kept = people.merge_new_person(sessions, existing.id, typed)
    assert kept.id == existing.id and kept.mobile == "07700 900123"
    with pytest.raises(ValidationError):
        people.merge_new_person(sessions, existing.id, PersonInput(last_name="X", email="bad"))
    with sessions() as session:
        assert session.scalar(select(func.count(Person.id))) == 1
