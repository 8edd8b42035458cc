"""The meetings list and the meeting page's header, driven as a secretary would."""

from __future__ import annotations

from grassroots.meetings.service import list_meetings


def test_a_planned_meeting_opens_with_its_header(open_meeting, plan):
    meeting = plan(title="December committee")
    page = open_meeting(meeting.id)
    assert page.heading.text() == "December committee"
    assert "Small hall" in page.when.text()
    assert "19:30" in page.when.text()


def test_planning_a_meeting_from_the_list(mctx, qtbot, committee, sessions):
    from grassroots.ui.meetings.meetings_page import MeetingsPage

    page = MeetingsPage(mctx)
    qtbot.addWidget(page)
    page.show()
    page.plan()
    dialog = page.dialog
    dialog.venue.setText("Small hall")
    dialog.starts_at.setText("7.30pm")
    dialog.submit()
    qtbot.waitUntil(lambda: page.meeting.view is not None, timeout=5000)
    (saved,) = list_meetings(sessions)
    assert saved.venue == "Small hall" and saved.starts_at.hour == 19
    assert page.currentWidget() is page.meeting
