"""The demo group: the same for a seed, believable, and complete enough to show every feature."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from sqlalchemy import func, select

from grassroots.core.validate import normalise_email, normalise_phone, normalise_postcode
from grassroots.demo import make_demo
from grassroots.group.service import get_settings
from grassroots.members.records import MemberQuery, MemberStatus
from grassroots.members.register import all_members, count_members, search_members, status_counts
from grassroots.members.retention import retention_queue
from grassroots.people.models import Consent, Household, Person, search_key

TODAY = date(2026, 3, 15)


@pytest.fixture
def demo(sessions):
    return make_demo(sessions, "small", seed=3, today=TODAY)


def _people(sessions) -> list[Person]:
    with sessions() as session:
        return list(session.scalars(select(Person).order_by(Person.id)))


def test_small_demo_has_the_promised_size(sessions, demo):
    assert demo.people == 150
    assert demo.members == 120
    assert count_members(sessions, MemberQuery()) == 150
    assert count_members(sessions, MemberQuery(members_only=True)) == 120
    assert demo.subscriptions > demo.members


def test_same_seed_same_group(database, tmp_path):
    from grassroots.db.database import open_database

    make_demo(database.sessions, seed=11, today=TODAY)
    other = open_database(str(tmp_path / "other.db"), tmp_path / "backups")
    try:
        make_demo(other.sessions, seed=11, today=TODAY)
        first = all_members(database.sessions, MemberQuery(), TODAY)
        second = all_members(other.sessions, MemberQuery(), TODAY)
    finally:
        other.close()
    assert first == second


def test_a_different_seed_makes_different_people(database, tmp_path):
    from grassroots.db.database import open_database

    make_demo(database.sessions, seed=1, today=TODAY, people=30)
    other = open_database(str(tmp_path / "other.db"), tmp_path / "backups")
    try:
        make_demo(other.sessions, seed=2, today=TODAY, people=30)
        names_1 = [r.name for r in all_members(database.sessions, MemberQuery(), TODAY)]
        names_2 = [r.name for r in all_members(other.sessions, MemberQuery(), TODAY)]
    finally:
        other.close()
    assert names_1 != names_2


def test_contact_details_pass_the_same_checks_as_typed_ones(sessions, demo):
    people = _people(sessions)
    for person in people:
        assert normalise_postcode(person.postcode) == person.postcode
        assert normalise_email(person.email) == person.email
        assert normalise_phone(person.phone) == person.phone
        assert normalise_phone(person.mobile) == person.mobile
        assert person.first_name and person.last_name and person.address_line1 and person.town
    with_email = sum(bool(p.email) for p in people) / len(people)
    assert 0.55 <= with_email <= 0.85
    assert len({p.email for p in people if p.email}) == sum(bool(p.email) for p in people)


def test_search_text_is_filled_as_the_orm_would(sessions, demo):
    people = _people(sessions)
    assert all(p.search_text == search_key(p) for p in people)
    someone = people[10]
    found = search_members(sessions, MemberQuery(text=someone.postcode.replace(" ", "")))
    assert someone.id in {row.person_id for row in found}


def test_households_share_an_address(sessions, demo):
    with sessions() as session:
        households = list(session.scalars(select(Household)))
        assert households
        for household in households:
            people = household.people
            assert len(people) >= 2
            assert len({(p.address_line1, p.postcode) for p in people}) == 1
            assert household.name.startswith("The ") and household.name.endswith(" household")


def test_consent_log_uses_soft_opt_in_with_opt_out_offered(sessions, demo):
    with sessions() as session:
        consents = list(session.scalars(select(Consent)))
        assert consents
        assert {c.basis for c in consents} == {"soft opt-in"}
        assert all(c.opt_out_offered and c.source and c.method for c in consents)
        withdrawn = [c for c in consents if c.withdrawn_on is not None]
        assert withdrawn
        assert all(c.given_on < c.withdrawn_on <= TODAY for c in withdrawn)
        assert not any(c.person.contact_by_email for c in withdrawn)
        active = [c for c in consents if c.withdrawn_on is None]
        assert all(c.person.contact_by_email and c.person.email for c in active)


def test_members_cover_every_status_and_the_retention_queue(sessions, demo):
    counts = status_counts(sessions, TODAY)
    for status in (MemberStatus.CURRENT, MemberStatus.DUE, MemberStatus.LAPSED):
        assert counts[status] > 0, status
    assert counts[MemberStatus.ENDED] > 0
    assert counts[MemberStatus.NONE] == 30
    assert retention_queue(sessions, TODAY)
    rows = all_members(sessions, MemberQuery(members_only=True), TODAY)
    assert {r.type_name for r in rows} >= {"Individual", "Household", "Concession"}
    assert any(r.expires_on is None for r in rows)  # life or honorary
    joined = [r.joined_on for r in rows]
    assert min(joined) < date(2017, 3, 15) and max(joined) > date(2025, 3, 15)
    assert all(r.joined_on <= TODAY for r in rows)


def test_subscriptions_run_back_to_back_up_to_the_expiry(sessions, demo):
    from grassroots.members.service import get_membership

    rows = all_members(sessions, MemberQuery(status=MemberStatus.CURRENT), TODAY)
    for row in rows[:40]:
        detail = get_membership(sessions, row.membership_id)
        payments = detail.subscriptions
        if detail.expires_on is None:
            continue
        assert payments[0].period_start == detail.joined_on
        assert payments[-1].period_end == detail.expires_on
        for before, after in pairwise(payments):
            assert (after.period_start - before.period_end).days == 1
        assert all(p.paid_on <= TODAY and p.amount == detail.type.fee for p in payments)


def test_group_settings_are_filled_in(sessions, demo):
    settings = get_settings(sessions)
    # The conftest group was already named, so the demo keeps that name.
    assert settings.name == "Ashby Village Hall"
    assert settings.charity_number and settings.payment_instructions and settings.address


def test_a_new_database_gets_the_demo_name(tmp_path):
    from grassroots.db.database import open_database

    fresh = open_database(str(tmp_path / "fresh.db"), tmp_path / "backups")
    try:
        summary = make_demo(fresh.sessions, people=10, today=TODAY)
        assert summary.group_name == "Ashby Community Association"
        assert get_settings(fresh.sessions).set_up
        with fresh.sessions() as session:
            assert session.scalar(select(func.count(Person.id))) == 10
    finally:
        fresh.close()


def test_large_demo_counts(sessions):
    summary = make_demo(sessions, "large", today=TODAY)
    assert (summary.people, summary.members) == (5000, 4000)


def test_bad_size_is_refused(sessions):
    with pytest.raises(ValueError, match="small, large"):
        make_demo(sessions, "enormous")
