"""Quorum from the constitution's rule, and a warning when notice is too short."""

from dataclasses import replace
from datetime import date

import pytest

from grassroots.core.errors import ValidationError
from grassroots.group.service import get_settings, save_settings
from grassroots.meetings import attendance, notice, quorum


def _rules(sessions, **changes):
    save_settings(sessions, replace(get_settings(sessions), **changes))


def _present(sessions, meeting, committee, *names):
    for name in names:
        attendance.mark_attendance(sessions, meeting.id, committee[name], "present")


def test_a_number_quorum(sessions, plan, committee):
    meeting = plan()
    _present(sessions, meeting, committee, "Ann", "Bob")

    short = quorum.check_quorum(sessions, meeting.id)
    _present(sessions, meeting, committee, "Cath")
    met = quorum.check_quorum(sessions, meeting.id)

    assert (short.met, short.present, short.needed) == (False, 2, 3)
    assert "Not quorate: 2 people present, but the quorum is 3 (3 trustees)" in short.reason
    assert (met.met, met.needed) == (True, 3)


def test_a_fraction_of_the_trustees(sessions, plan, committee):
    _rules(sessions, quorum_rule="fraction", quorum_numerator=1, quorum_denominator=2)
    meeting = plan()  # five invited: half of five rounds up to three
    _present(sessions, meeting, committee, "Ann", "Bob")

    check = quorum.check_quorum(sessions, meeting.id)
    with_guest = attendance.mark_attendance(sessions, meeting.id, _guest(sessions), "guest")
    still = quorum.check_quorum(sessions, meeting.id)
    told = quorum.check_quorum(sessions, meeting.id, trustees=4)

    assert (check.met, check.needed) == (False, 3)
    assert "half of 5 trustees" in check.reason
    assert with_guest.status == "guest" and (still.present, still.needed) == (2, 3)
    assert (told.met, told.needed) == (True, 2)


def test_the_greater_of_number_and_fraction(sessions, plan, committee):
    _rules(sessions, quorum_rule="greater", quorum_number=4)
    meeting = plan()
    _present(sessions, meeting, committee, "Ann", "Bob", "Cath")

    check = quorum.check_quorum(sessions, meeting.id)

    assert (check.met, check.needed) == (False, 4)
    assert "whichever is more" in check.reason


def test_general_meetings_use_the_members_quorum_and_open_meetings_none(sessions, plan):
    _rules(sessions, general_quorum_number=12)

    agm = quorum.check_quorum(sessions, plan("agm").id)
    open_meeting = quorum.check_quorum(sessions, plan("open").id)

    assert (agm.met, agm.needed) == (False, 12)
    assert "12 members for a general meeting" in agm.reason
    assert open_meeting.met and open_meeting.reason == "An open meeting has no quorum."


def test_a_quorum_rule_that_cannot_work_is_refused(sessions):
    with pytest.raises(ValidationError) as refused:
        _rules(sessions, quorum_rule="most", quorum_numerator=3, quorum_denominator=2)

    assert set(refused.value.fields) == {"quorum_rule", "quorum_numerator"}


def _guest(sessions):
    from grassroots.people import service as people
    from grassroots.people.records import PersonInput

    return people.add_person(sessions, PersonInput(first_name="Gus", last_name="Visitor")).id


def test_short_notice_is_warned_with_the_last_day_to_send(sessions, plan):
    meeting = plan("agm", on=date(2026, 6, 20))  # AGM: 14 clear days by default

    late = notice.check_notice(sessions, meeting.id, today=date(2026, 6, 10))
    in_time = notice.check_notice(sessions, meeting.id, today=date(2026, 6, 5))

    assert not late.ok and late.clear_days == 9 and late.required_days == 14
    assert late.send_by == date(2026, 6, 5)
    assert "Too short" in late.message and "05/06/2026" in late.message
    assert in_time.ok and in_time.clear_days == 14


def test_the_recorded_notice_date_is_the_one_judged(sessions, plan):
    meeting = plan(on=date(2026, 3, 10), notice_sent_on=date(2026, 3, 5))

    check = notice.check_notice(sessions, meeting.id, today=date(2026, 1, 1))

    assert (check.ok, check.sent_on, check.clear_days) == (False, date(2026, 3, 5), 4)
    assert "recorded as sent" in check.message


def test_the_committee_notice_period_comes_from_settings(sessions, plan):
    _rules(sessions, committee_notice_days=3)
    meeting = plan(on=date(2026, 3, 10), notice_sent_on=date(2026, 3, 6))

    assert notice.check_notice(sessions, meeting.id).ok


def test_notice_helpers_count_clear_days():
    assert notice.clear_days(date(2026, 3, 1), date(2026, 3, 9)) == 7
    assert notice.clear_days(date(2026, 3, 9), date(2026, 3, 9)) == 0
