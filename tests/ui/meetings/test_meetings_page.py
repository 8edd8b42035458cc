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


def test_the_print_menu_writes_each_paper(open_meeting, plan, qtbot, tmp_path, sessions):
    import pytest
    from pypdf import PdfReader

    meeting = plan(kind="agm", title="Annual general meeting 2026")
    page = open_meeting(meeting.id)
    assert page.print_menu.entries["agm_pack"].isVisible()
    for key, name in (
        ("agenda", "agenda.pdf"),
        ("minutes", "minutes.pdf"),
        ("minutes_docx", "minutes.docx"),
        ("sign_in", "sign-in.pdf"),
        ("agm_pack", "pack.pdf"),
    ):
        path = tmp_path / name
        page.print_menu.save(key, path)
        qtbot.waitUntil(lambda p=path: page.property("last_output") == str(p), timeout=10000)
        assert path.stat().st_size > 0
    text = PdfReader(tmp_path / "agenda.pdf").pages[0].extract_text()
    assert "Annual general meeting 2026" in text
    assert "Election" in text or "election" in text
    if not (tmp_path / "minutes.docx").read_bytes().startswith(b"PK"):
        pytest.fail("the Word minutes are not a .docx (zip) file")


def test_a_committee_meeting_has_no_agm_pack(open_meeting, plan):
    page = open_meeting(plan().id)
    assert not page.print_menu.entries["agm_pack"].isVisible()


def test_deleting_a_planned_meeting_asks_first(mctx, qtbot, plan, sessions):
    from PySide6.QtWidgets import QMessageBox

    from grassroots.ui.meetings.meetings_page import MeetingsPage

    plan(title="Planned by mistake")
    page = MeetingsPage(mctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.list.chosen() is not None, timeout=5000)
    page.delete_chosen()
    box = page.dialog
    assert "Planned by mistake" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(list_meetings(sessions)) == 1
    page.delete_chosen()
    page.dialog.buttons()[0].click()
    qtbot.waitUntil(lambda: not list_meetings(sessions), timeout=5000)


def test_the_tracker_opens_the_meeting_an_action_is_minuted_at(main_window, qtbot, plan, sessions):
    from datetime import date, timedelta

    from grassroots.meetings.actions import add_action
    from grassroots.meetings.records import ActionInput

    meeting = plan(on=date.today() - timedelta(days=20), title="October committee")
    add_action(sessions, meeting.items[3].id, ActionInput("Mend the gate"))
    main_window.show_meetings("actions")
    tracker = main_window.current_page().page("actions")
    qtbot.waitUntil(lambda: tracker.chosen() is not None, timeout=5000)
    tracker.open_button.click()
    shown = main_window.current_page().meetings.meeting
    qtbot.waitUntil(lambda: shown.view is not None, timeout=5000)
    assert shown.heading.text() == "October committee"
