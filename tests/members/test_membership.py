"""Joining, renewing and ending memberships under both membership-year rules."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.group.service import get_settings, save_settings
from grassroots.members import service as members
from grassroots.members.records import MembershipTypeInput, MemberStatus, PaymentInput
from grassroots.people import service as people
from grassroots.people.records import PersonInput

TODAY = date.today()


def _type(sessions, name):
    return next(t for t in members.list_types(sessions) if t.name == name)


def _join(sessions, joined, kind="Individual", first="Ann"):
    return members.add_member(
        sessions,
        PersonInput(first_name=first, last_name="Smith"),
        _type(sessions, kind).id,
        joined,
        PaymentInput(joined, _type(sessions, kind).fee),
    )


def test_anniversary_membership_runs_a_year_from_joining(sessions):
    made = _join(sessions, date(2026, 3, 15))
    assert made.expires_on == date(2027, 3, 14)
    assert made.number == 1 and made.subscriptions[0].amount == Money(1000)


def test_fixed_year_memberships_run_to_the_year_end(sessions):
    save_settings(
        sessions,
        replace(
            get_settings(sessions),
            membership_rule="fixed",
            membership_year_month=4,
            membership_year_day=1,
        ),
    )
    assert _join(sessions, date(2026, 3, 15)).expires_on == date(2026, 3, 31)
    assert _join(sessions, date(2026, 4, 1), first="Bob").expires_on == date(2027, 3, 31)


def test_life_membership_never_expires(sessions):
    made = _join(sessions, date(2020, 1, 1), kind="Life")
    assert made.expires_on is None and made.status is MemberStatus.CURRENT


def test_renewal_carries_on_from_the_old_expiry(sessions):
    made = _join(sessions, TODAY - timedelta(days=350))
    assert made.status is MemberStatus.DUE
    renewed = members.renew(sessions, made.id, PaymentInput(TODAY, Money(1000), "cheque"))
    assert renewed.expires_on == made.expires_on.replace(year=made.expires_on.year + 1)
    assert renewed.status is MemberStatus.CURRENT
    assert [s.method for s in renewed.subscriptions] == ["cash", "cheque"]


def test_a_long_lapsed_member_starts_again_from_payment(sessions):
    made = _join(sessions, date(2020, 1, 1))
    renewed = members.renew(sessions, made.id, PaymentInput(TODAY, Money(1000)))
    assert renewed.subscriptions[-1].period_start == TODAY


def test_renewing_can_change_the_type(sessions):
    made = _join(sessions, TODAY - timedelta(days=360))
    concession = _type(sessions, "Concession")
    renewed = members.renew(sessions, made.id, PaymentInput(TODAY, Money(500)), concession.id)
    assert renewed.type.name == "Concession"


def test_ending_and_restarting(sessions):
    made = _join(sessions, TODAY - timedelta(days=100))
    ended = members.end_membership(sessions, made.id, TODAY, "Moved away")
    assert ended.status is MemberStatus.ENDED and ended.ended_reason == "Moved away"
    again = members.renew(sessions, made.id, PaymentInput(TODAY, Money(1000)))
    assert again.status is MemberStatus.CURRENT and again.ended_on is None


def test_one_membership_per_person(sessions):
    made = _join(sessions, TODAY)
    with pytest.raises(ValidationError, match="already a member"):
        members.join(sessions, made.person_id, _type(sessions, "Individual").id, TODAY)


def test_bad_payments_are_refused(sessions):
    person = people.add_person(sessions, PersonInput(last_name="Jones"))
    kind = _type(sessions, "Individual").id
    with pytest.raises(ValidationError) as caught:
        members.join(
            sessions,
            person.id,
            kind,
            TODAY,
            PaymentInput(TODAY + timedelta(days=9), Money(-5), "bitcoin"),
        )
    assert set(caught.value.fields) == {"amount", "method", "paid_on"}
    assert members.membership_of(sessions, person.id) is None


def test_membership_types_are_editable_and_unique(sessions):
    saved = members.save_type(sessions, MembershipTypeInput("Junior", Money(300)))
    assert saved.fee == Money(300) and saved.period_months == 12
    with pytest.raises(ValidationError, match="already a type"):
        members.save_type(sessions, MembershipTypeInput("junior", Money(300)))
    members.save_type(sessions, MembershipTypeInput("Junior", Money(300), active=False), saved.id)
    assert "Junior" not in [t.name for t in members.list_types(sessions)]
    assert "Junior" in [t.name for t in members.list_types(sessions, include_inactive=True)]


def test_renewing_several_is_all_or_nothing(sessions):
    first = _join(sessions, TODAY - timedelta(days=350))
    second = _join(sessions, TODAY - timedelta(days=340), first="Bob")
    with pytest.raises(ValidationError):
        members.renew_many(
            sessions,
            [
                (first.id, PaymentInput(TODAY, Money(1000))),
                (second.id, PaymentInput(TODAY, Money(-1))),
            ],
        )
    assert len(members.get_membership(sessions, first.id).subscriptions) == 1
    renewed = members.renew_many(
        sessions,
        [
            (first.id, PaymentInput(TODAY, Money(1000))),
            (second.id, PaymentInput(TODAY, Money(1000))),
        ],
    )
    assert [len(r.subscriptions) for r in renewed] == [2, 2]


def test_ending_and_retyping_several(sessions):
    ids = [_join(sessions, TODAY, first=name).id for name in ("Ann", "Bob")]
    life = _type(sessions, "Life")
    assert all(r.expires_on is None for r in members.change_types(sessions, ids, life.id))
    ended = members.end_memberships(sessions, ids, TODAY, "Moved away")
    assert {r.status for r in ended} == {MemberStatus.ENDED}


def test_find_a_membership_by_its_number(sessions):
    made = _join(sessions, TODAY)
    assert members.membership_by_number(sessions, made.number).person_id == made.person_id
    assert members.membership_by_number(sessions, 999) is None
