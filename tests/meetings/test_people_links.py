"""Meetings and GDPR: erasure keeps the minutes but blanks what may say things about the
person; merging two records of one person keeps one place per meeting."""

from datetime import date

from grassroots.meetings import actions, attendance, minutes, service
from grassroots.meetings.records import ActionInput
from grassroots.people import gdpr
from grassroots.people import service as people
from grassroots.people.records import PersonInput


def test_erasure_keeps_the_minutes_and_blanks_personal_notes(sessions, plan, committee):
    ann = committee["Ann"]
    meeting = plan(chair_id=ann)
    attendance.mark_attendance(sessions, meeting.id, ann, "present")
    attendance.mark_attendance(sessions, meeting.id, committee["Bob"], "apologies", "In hospital")
    item = meeting.items[5]
    minutes.save_notes(sessions, item.id, "The chair thanked the volunteers.")
    actions.add_action(sessions, item.id, ActionInput("Thank the volunteers", ann))
    minutes.approve_minutes(sessions, meeting.id, date(2026, 4, 14), "Ann Smith")

    gdpr.erase_person(sessions, ann)
    gdpr.erase_person(sessions, committee["Bob"])

    after = service.get_meeting(sessions, meeting.id)
    assert after.chair_name == "Erased person" and after.approved_by == ""
    assert [(a.name, a.note) for a in after.attendance] == [
        ("Erased person", ""),
        ("Erased person", ""),
        ("Dev Khan", ""),
        ("Eve Lee", ""),
        ("Cath Patel", ""),
    ]
    assert after.items[5].notes == "The chair thanked the volunteers."
    assert after.items[5].actions[0].what == "Thank the volunteers"
    assert after.minutes_approved_on == date(2026, 4, 14)


def test_subject_access_names_the_meetings_a_person_took_part_in(sessions, plan, committee):
    meeting = plan(chair_id=committee["Ann"])
    actions.add_action(sessions, meeting.items[5].id, ActionInput("Order chairs", committee["Ann"]))

    pack = gdpr.subject_access(sessions, committee["Ann"])

    titles = [s.title for s in pack.sections]
    for title in ("Meeting you chaired or minuted", "Meeting attendance", "Action from a meeting"):
        assert title in titles


def test_merging_two_records_keeps_one_place_per_meeting(sessions, plan, committee):
    meeting = plan()
    twin = people.add_person(sessions, PersonInput(first_name="Ann", last_name="Smith")).id
    attendance.mark_attendance(sessions, meeting.id, twin, "present", "Came late")
    attendance.mark_attendance(sessions, meeting.id, committee["Ann"], "apologies", "Train")

    people.merge_people(sessions, committee["Ann"], twin)

    rows = [
        a for a in service.get_meeting(sessions, meeting.id).attendance if a.name == "Ann Smith"
    ]
    assert [(r.person_id, r.status, r.note) for r in rows] == [
        (committee["Ann"], "present", "Train; Came late")
    ]


def test_subject_access_leaves_out_other_peoples_attendance(sessions, plan, committee):
    meeting = plan(chair_id=committee["Ann"])
    attendance.mark_attendance(sessions, meeting.id, committee["Bob"], "apologies", "In hospital")

    pack = gdpr.subject_access(sessions, committee["Ann"]).to_json()

    assert "In hospital" not in pack
    assert "In hospital" in gdpr.subject_access(sessions, committee["Bob"]).to_json()
