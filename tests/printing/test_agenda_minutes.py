"""The notice and agenda and the minutes of a meeting, printed and read back from the PDF."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from grassroots.core.errors import NotFound
from grassroots.meetings import actions, agenda, attendance, minutes, service
from grassroots.meetings.documents import papers_of, print_agenda, print_minutes
from grassroots.meetings.records import ActionInput, DecisionInput, MeetingInput
from grassroots.people import service as people
from grassroots.people.records import PersonInput

COMMITTEE = (
    ("Margaret", "Okonkwo-Fairweather"),
    ("Bob", "Jones"),
    ("Cath", "Patel"),
    ("Dev", "Khan"),
    ("Eve", "Lee"),
    ("Fran", "Hughes"),
)


def realistic_meeting(sessions) -> int:
    """A committee meeting as a secretary would really minute it; returns its id."""
    ids = {
        first: people.add_person(sessions, PersonInput(first_name=first, last_name=last)).id
        for first, last in COMMITTEE
    }
    meeting = service.plan_meeting(
        sessions,
        MeetingInput(
            kind="committee",
            on=date(2026, 4, 14),
            starts_at=time(19, 30),
            ends_at=time(21, 0),
            venue="The Committee Room, Ashby Village Hall",
            chair_id=ids["Margaret"],
            minute_taker_id=ids["Cath"],
            notice_sent_on=date(2026, 3, 31),
        ),
        invite=tuple(ids.values()),
    )
    for name in ("Margaret", "Bob", "Cath", "Dev"):
        attendance.mark_attendance(sessions, meeting.id, ids[name], "present")
    attendance.mark_attendance(sessions, meeting.id, ids["Eve"], "apologies", "On holiday")
    attendance.mark_attendance(sessions, meeting.id, ids["Fran"], "absent")
    guest = people.add_person(sessions, PersonInput(first_name="Gill", last_name="Roberts")).id
    attendance.mark_attendance(sessions, meeting.id, guest, "guest")
    roof = agenda.add_item(sessions, meeting.id, "Hall roof repairs")
    items = service.get_meeting(sessions, meeting.id).items
    allowed = {1: 5, 2: 5, 3: 5, 4: 10, 5: 15, 6: 10}
    for item in items:
        presenter = {5: ids["Bob"], 6: ids["Dev"]}.get(item.position)
        papers = ""
        if item.kind == "treasurers_report":
            papers = "Treasurer's report to 31 March 2026; Budget 2026/27"
        if item.id == roof.id:
            presenter, papers = ids["Dev"], "Quotes from two roofers"
        agenda.set_item_details(
            sessions, item.id, presenter, allowed.get(item.position, 10), papers
        )
    notes = {
        "welcome": "The chair welcomed everyone, and Gill Roberts from the parish council.",
        "last_minutes": "The minutes of 10 March 2026 were agreed as a true record.",
        "treasurers_report": (
            "Bob presented the report. Income for the year was up on last year, mainly from "
            "hall hire; the boiler service came in under budget.\n\nThe committee thanked Bob."
        ),
    }
    by_kind = {item.kind: item for item in items}
    for kind, text in notes.items():
        minutes.save_notes(sessions, by_kind[kind].id, text)
    minutes.add_decision(
        sessions,
        by_kind["treasurers_report"].id,
        DecisionInput(
            "To adopt the budget for 2026/27 as presented.",
            proposer_id=ids["Bob"],
            seconder_id=ids["Dev"],
            votes_for=4,
            votes_against=0,
            votes_abstain=0,
        ),
    )
    minutes.save_notes(
        sessions,
        roof.id,
        "Two quotes were received for the flat roof over the kitchen. The lower quote does "
        "not include guttering, which will need doing within two years.",
    )
    minutes.add_decision(
        sessions,
        roof.id,
        DecisionInput(
            "To accept the lower quote of £4,200 from Ashby Roofing.",
            proposer_id=ids["Dev"],
            seconder_id=ids["Cath"],
            votes_for=1,
            votes_against=3,
            votes_abstain=0,
            carried=False,
        ),
    )
    actions.add_action(
        sessions,
        roof.id,
        ActionInput("Ask both roofers to quote for guttering", ids["Dev"], date(2026, 5, 1)),
    )
    actions.add_action(
        sessions,
        by_kind["treasurers_report"].id,
        ActionInput("Send the adopted budget to the bank", ids["Bob"], date(2026, 4, 30)),
    )
    return meeting.id


@pytest.fixture
def meeting_id(sessions) -> int:
    return realistic_meeting(sessions)


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_agenda_gives_the_notice_and_numbered_items(sessions, meeting_id, tmp_path):
    out = print_agenda(sessions, meeting_id, tmp_path / "agenda.pdf")

    text = text_of(out)
    assert "Ashby Village Hall" in text
    assert "Notice of the committee meeting" in text
    assert "Tuesday 14 April 2026" in text
    assert "7.30pm to 9pm" in text
    assert "The Committee Room, Ashby Village Hall" in text
    titles = [i.title for i in service.get_meeting(sessions, meeting_id).items]
    numbered = [int(n) for n in re.findall(r"^(\d+)\.(?=\s|$)", text, re.MULTILINE)]
    assert numbered == list(range(1, len(titles) + 1))
    assert "Presented by Bob Jones" in text
    assert "Paper: Budget 2026/27" in text
    assert "Paper: Quotes from two roofers" in text
    assert "Notice given 31/03/2026" in text


def test_agenda_items_carry_a_running_clock(sessions, meeting_id, tmp_path):
    text = text_of(print_agenda(sessions, meeting_id, tmp_path / "agenda.pdf"))

    # 7.30 start, then 5 + 5 + 5 + 10 minutes before item 5.
    assert "7.30pm" in text and "7.55pm" in text
    assert "15 min" in text


def test_minutes_show_attendance_quorum_decisions_and_actions(sessions, meeting_id, tmp_path):
    text = text_of(print_minutes(sessions, meeting_id, tmp_path / "minutes.pdf"))

    assert "Minutes of the committee meeting" in text
    assert "Bob Jones, Dev Khan, Margaret Okonkwo-Fairweather, Cath Patel" in text
    assert "Eve Lee" in text and "Fran Hughes" in text and "Gill Roberts" in text
    assert "Quorate: 4 people present" in text
    assert "Income for the year was up on last year" in text
    assert "To adopt the budget for 2026/27 as presented." in text
    assert "Proposed by Bob Jones, seconded by Dev Khan" in text
    assert "For 4" in text and "Against 3" in text
    assert re.search(r"\bCARRIED\b", text.replace("NOT CARRIED", ""))
    assert "NOT CARRIED" in text
    table = text[text.rindex("Actions") :]
    assert "Ask both roofers to quote for guttering" in table
    assert "01/05/2026" in table and "30/04/2026" in table
    assert "Signed as a true record" in text
    assert "Chair's signature" in text and "Date" in text


def test_minutes_are_draft_until_approved_then_list_amendments(sessions, meeting_id, tmp_path):
    draft = text_of(print_minutes(sessions, meeting_id, tmp_path / "draft.pdf"))
    assert "DRAFT" in draft
    assert "Draft minutes" in draft

    minutes.approve_minutes(sessions, meeting_id, date(2026, 5, 12), "Margaret Okonkwo")
    minutes.record_amendment(
        sessions, meeting_id, "Item 3: the date should read 10 March 2026.", date(2026, 6, 9)
    )
    signed = text_of(print_minutes(sessions, meeting_id, tmp_path / "signed.pdf"))

    assert "DRAFT" not in signed
    assert "Approved as a true record of the meeting on 12/05/2026" in signed
    assert "Margaret Okonkwo" in signed
    assert "Amendments recorded after approval" in signed
    assert "the date should read 10 March 2026" in signed


def test_a_meeting_with_nothing_recorded_still_prints(sessions, tmp_path):
    meeting = service.plan_meeting(sessions, MeetingInput(kind="agm", on=date(2026, 6, 1)))

    agenda_text = text_of(print_agenda(sessions, meeting.id, tmp_path / "a.pdf"))
    minutes_text = text_of(print_minutes(sessions, meeting.id, tmp_path / "m.pdf"))

    assert "Notice of the annual general meeting" in agenda_text
    assert "Time to be confirmed" in agenda_text
    assert "Nothing was minuted." in minutes_text
    assert "Quorate" not in minutes_text


def test_an_unknown_meeting_is_not_found(sessions, tmp_path):
    with pytest.raises(NotFound):
        print_minutes(sessions, 999, tmp_path / "m.pdf")
    assert not (tmp_path / "m.pdf").exists()


def test_papers_are_split_by_line_or_semicolon():
    assert papers_of("Report; Budget\n\nQuotes ") == ("Report", "Budget", "Quotes")
