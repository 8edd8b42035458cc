"""Searching and filtering the register, what needs attention, and the retention queue."""

from datetime import date, timedelta

import pytest

from grassroots.core.dates import add_months
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.members import retention
from grassroots.members import service as members
from grassroots.members.records import MemberQuery, MemberStatus, PaymentInput
from grassroots.members.register import count_members, home_summary, search_members
from grassroots.people import service as people
from grassroots.people.records import PersonInput

TODAY = date(2026, 11, 22)


@pytest.fixture
def register(sessions):
    """Five people: current, due, recently lapsed, long lapsed, ended; and one non-member."""
    kind = members.list_types(sessions)[0].id

    def member(first, last, joined, **extra):
        made = members.add_member(
            sessions,
            PersonInput(first_name=first, last_name=last, **extra),
            kind,
            joined,
            PaymentInput(joined, Money(1000)),
        )
        return made

    member("Carol", "Current", TODAY - timedelta(days=30), email="carol@example.org")
    member("Dan", "Due", TODAY - timedelta(days=350), postcode="LE65 2BB")
    member("Lara", "Lapsed", TODAY - timedelta(days=400), phone="01530 111222")
    member("Olive", "Oldlapsed", date(2022, 1, 1))
    ended = member("Ed", "Ended", TODAY - timedelta(days=100))
    members.end_membership(sessions, ended.id, TODAY, "Resigned")
    people.add_person(sessions, PersonInput(first_name="Nora", last_name="Nonmember"))
    return sessions


def names(rows):
    return [r.first_name for r in rows]


def test_search_by_name_email_postcode_and_phone(register):
    def search(text):
        return names(search_members(register, MemberQuery(text=text), today=TODAY))

    assert search("car") == ["Carol"]
    assert search("example.org") == ["Carol"]
    assert search("le652") == ["Dan"]
    assert search("le65 2bb") == ["Dan"]
    assert search("01530111") == ["Lara"]
    assert search("zzz") == []
    assert search("100%_") == []


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (MemberStatus.CURRENT, ["Carol"]),
        (MemberStatus.DUE, ["Dan"]),
        (MemberStatus.LAPSED, ["Lara", "Olive"]),
        (MemberStatus.ENDED, ["Ed"]),
        (MemberStatus.NONE, ["Nora"]),
    ],
)
def test_filter_by_status(register, status, expected):
    rows = search_members(register, MemberQuery(status=status), today=TODAY)
    assert sorted(names(rows)) == expected
    assert all(r.status is status for r in rows)
    assert count_members(register, MemberQuery(status=status), today=TODAY) == len(expected)


def test_sorting_and_paging(register):
    by_name = search_members(register, MemberQuery(), today=TODAY)
    assert [r.last_name for r in by_name] == sorted(r.last_name for r in by_name)
    newest = search_members(
        register, MemberQuery(members_only=True, sort="number", descending=True), today=TODAY
    )
    assert [r.number for r in newest] == [5, 4, 3, 2, 1]
    page = search_members(register, MemberQuery(), offset=2, limit=2, today=TODAY)
    assert page == by_name[2:4]


def test_home_summary_lists_what_needs_attention(register):
    summary = home_summary(register, TODAY)
    assert (summary.current, summary.due, summary.ended) == (1, 1, 1)
    assert names(summary.due_soon) == ["Dan"]
    assert names(summary.to_chase) == ["Lara"]
    assert summary.retention_reviews == 1


def test_retention_queue_and_review(register):
    queue = retention.retention_queue(register, TODAY)
    assert [c.name for c in queue] == ["Olive Oldlapsed"]
    with pytest.raises(ValidationError):
        retention.keep_after_review(register, queue[0].person_id, "", TODAY)
    retention.keep_after_review(register, queue[0].person_id, "Still volunteers", TODAY)
    assert retention.retention_queue(register, TODAY) == []
    assert [c.name for c in retention.retention_queue(register, add_months(TODAY, 13))] == [
        "Olive Oldlapsed"
    ]
    assert "Still volunteers" in people.get_person(register, queue[0].person_id).notes
