"""Home: what needs attention, a friendly summary, and a clean start for a new group."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from grassroots.core.dates import add_months, format_date
from grassroots.members.records import HomeSummary
from grassroots.members.service import add_member, list_types
from grassroots.people.records import PersonInput
from grassroots.ui.home_page import HomePage, summary_line
from tests.ui.conftest import add_members_current, add_members_due


def shown_home(qtbot, ctx) -> HomePage:
    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.loaded):
        page.refresh()
    return page


def test_new_group_gets_an_empty_state(qtbot, ctx):
    page = shown_home(qtbot, ctx)
    assert page.empty.isVisible()
    assert not page.due.isVisible()
    assert page.heading.text() == "Ashby Village Hall"
    assert "No members yet" in [w.text() for w in page.empty.findChildren(type(page.heading))]
    with qtbot.waitSignal(page.status_requested) as asked:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert asked.args == [None]


def test_renewals_due_soonest_first_with_uk_dates(qtbot, ctx, sessions):
    add_members_current(sessions, 4)
    add_members_due(sessions, ["Later Person"], days_left=20)
    add_members_due(sessions, ["Soon Person"], days_left=5)
    page = shown_home(qtbot, ctx)
    assert not page.empty.isVisible()
    assert page.due.count.text() == "2"
    names = [b.text() for b in page.due.findChildren(QAbstractButton, "personLink")]
    assert names == ["Soon Person", "Later Person"]
    expires = add_months(date.today(), -12) + timedelta(days=5)
    expires = add_months(expires, 12) - timedelta(days=1)
    labels = [w.text() for w in page.due.findChildren(type(page.heading))]
    assert f"due {format_date(expires)}" in labels
    assert page.summary.text().startswith("6 current members · 2 due for renewal")


def test_recently_lapsed_members_to_chase(qtbot, ctx, sessions):
    yearly = next(t for t in list_types(sessions) if t.period_months == 12)
    add_member(
        sessions,
        PersonInput(first_name="Lapsed", last_name="Lately"),
        yearly.id,
        add_months(date.today(), -13),
    )
    add_member(
        sessions,
        PersonInput(first_name="Long", last_name="Gone"),
        yearly.id,
        add_months(date.today(), -40),
    )
    page = shown_home(qtbot, ctx)
    names = [b.text() for b in page.lapsed.findChildren(QAbstractButton, "personLink")]
    assert names == ["Lapsed Lately"]
    assert page.lapsed.count.text() == "1"


def test_clicking_a_name_asks_to_open_that_person(qtbot, ctx, sessions):
    add_members_due(sessions, ["Ann Archer"])
    page = shown_home(qtbot, ctx)
    person = page.data.summary.due_soon[0].person_id
    link = page.due.findChild(QAbstractButton, "personLink")
    with qtbot.waitSignal(page.person_requested) as asked:
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert asked.args == [person]


def test_summary_line_reads_naturally():
    summary = HomeSummary(
        current=141,
        due=1,
        lapsed_recently=0,
        ended=2,
        people=145,
        due_soon=(),
        to_chase=(),
        retention_reviews=0,
    )
    assert (
        summary_line(summary) == "142 current members · 1 due for renewal · "
        "3 other people on record"
    )
    one = HomeSummary(1, 0, 0, 0, 1, (), (), 0)
    assert summary_line(one) == "1 current member"
    lapsed = HomeSummary(6, 3, 13, 0, 23, (), (), 0)
    assert summary_line(lapsed) == (
        "9 current members · 3 due for renewal · 13 lapsed recently · 1 other person on record"
    )


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _saved_box(page):
    from PySide6.QtWidgets import QMessageBox

    boxes = [b for b in page.findChildren(QMessageBox, "confirmBox") if b.isVisible()]
    return boxes[0] if boxes else None


def test_names_on_the_cards_are_shown(qtbot, ctx, sessions):
    add_members_due(sessions, ["Ann Archer"])
    page = shown_home(qtbot, ctx)
    link = page.due.findChild(QAbstractButton, "personLink")
    assert link.isVisible()  # rows added after the page is on screen must still appear
    with qtbot.waitSignal(page.loaded):
        page.refresh()  # and again after a reload replaces them
    assert [b.isVisible() for b in page.due.findChildren(QAbstractButton, "personLink")] == [True]


def test_print_reminder_letters_for_everyone_due(qtbot, ctx, sessions, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    add_members_current(sessions, 2)
    add_members_due(sessions, ["Ann Archer", "Bill Bates"])
    page = shown_home(qtbot, ctx)
    assert page.reminders_link.isVisible()
    path = tmp_path / "reminders.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.reminders_link, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _saved_box(page) is not None)
    box = _saved_box(page)
    assert box.text() == "Saved reminders.pdf: 2 letters to print and post."
    assert box.property("confirm_button").text() == "Open it"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert page.property("last_output") == str(path)
    text = _pdf_text(path)
    assert "Ann Archer" in text and "Bill Bates" in text
    assert "Member0" not in text  # current members get no letter


def test_cancelling_the_save_prints_nothing(qtbot, ctx, sessions, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    add_members_due(sessions, ["Ann Archer"])
    page = shown_home(qtbot, ctx)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    qtbot.mouseClick(page.reminders_link, Qt.MouseButton.LeftButton)
    assert not ctx.tasks.busy
    assert _saved_box(page) is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_no_reminder_link_when_nobody_is_due(qtbot, ctx, sessions):
    add_members_current(sessions, 2)
    page = shown_home(qtbot, ctx)
    assert page.due.count.text() == "0"
    assert not page.reminders_link.isVisible()
    assert not page.due.link.isVisible()


def test_clicking_a_name_opens_their_record(qtbot, main_window, sessions):
    add_members_due(sessions, ["Ann Archer"])
    home = main_window.show_area("home")
    qtbot.waitUntil(lambda: home.due.count.text() == "1")
    link = home.due.findChild(QAbstractButton, "personLink")
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "members"
    dialog = main_window.pages["members"].dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    assert dialog.heading.text() == "Ann Archer"
    assert dialog.subheading.text().endswith(
        f"Due for renewal · paid up to {format_date(home.data.summary.due_soon[0].expires_on)}"
    )


def test_the_books_card_shows_what_is_held_and_leads_to_each_job(qtbot, main_window, sessions):
    from grassroots.accounts import books
    from grassroots.accounts.records import EntryInput, LineInput
    from grassroots.core.money import Money

    add_members_current(sessions, 2)
    home = main_window.current_page()
    with qtbot.waitSignal(home.loaded):
        home.refresh()
    assert not home.books.isVisible()  # no books kept yet: nothing to say about them

    start = add_months(date.today(), -3)
    bank = books.add_account(sessions, "Current account", "bank", Money(120_000), start)
    books.add_entry(
        sessions, EntryInput(bank.id, date.today(), (LineInput(Money(4_500), None),), payee="BGC")
    )
    home.refresh()
    # A load already running when the books were written is followed by this one.
    qtbot.waitUntil(lambda: home.books.held.text() == "£1,245.00")
    assert home.books.isVisible()
    links = {b.text(): b for b in home.books.findChildren(QAbstractButton, "booksJobLink")}
    assert "Categorise 1 entry" in links
    assert "Reconcile Current account (never reconciled)" in links

    qtbot.mouseClick(links["Categorise 1 entry"], Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "accounts"
    cash_book = main_window.current_page().cash_book
    assert cash_book.filters.to_categorise.isChecked()
    assert cash_book.model.total == 1

    main_window.show_area("home")
    with qtbot.waitSignal(home.loaded):
        home.refresh()
    links = {b.text(): b for b in home.books.findChildren(QAbstractButton, "booksJobLink")}
    qtbot.mouseClick(
        links["Reconcile Current account (never reconciled)"], Qt.MouseButton.LeftButton
    )
    assert main_window.current_page().current_key() == "bank"


def test_overdue_meeting_actions_are_counted_in_the_summary(qtbot, ctx, sessions):
    from datetime import time

    from grassroots.meetings import actions, service
    from grassroots.meetings.records import ActionInput, MeetingInput

    add_members_current(sessions, 3)
    meeting = service.plan_meeting(
        sessions, MeetingInput("committee", date.today() - timedelta(days=40), starts_at=time(19))
    )
    item = meeting.items[0].id
    actions.add_action(
        sessions, item, ActionInput("Book the hall", due_on=date.today() - timedelta(days=3))
    )
    actions.add_action(
        sessions, item, ActionInput("Order chairs", due_on=date.today() + timedelta(days=9))
    )
    page = shown_home(qtbot, ctx)
    assert page.summary.text() == "3 current members · 1 meeting action overdue"


def _minute_actions(sessions, overdue: int, later: int) -> None:
    """A committee meeting last month that set `overdue` actions now late and `later` not."""
    from datetime import time

    from grassroots.meetings import actions, service
    from grassroots.meetings.records import ActionInput, MeetingInput

    meeting = service.plan_meeting(
        sessions, MeetingInput("committee", date.today() - timedelta(days=30), starts_at=time(19))
    )
    item = meeting.items[0].id
    for n in range(overdue):
        due = date.today() - timedelta(days=n + 1)
        actions.add_action(sessions, item, ActionInput(f"Late job {n}", due_on=due))
    for n in range(later):
        due = date.today() + timedelta(days=n + 1)
        actions.add_action(sessions, item, ActionInput(f"Later job {n}", due_on=due))


def test_no_overdue_actions_no_link(qtbot, ctx, sessions):
    add_members_current(sessions, 2)
    _minute_actions(sessions, overdue=0, later=2)
    page = shown_home(qtbot, ctx)
    assert not page.overdue.isVisible()
    assert "overdue" not in page.summary.text()


def test_overdue_actions_link_opens_the_tracker_filtered_to_them(qtbot, main_window, sessions):
    add_members_current(sessions, 2)
    _minute_actions(sessions, overdue=3, later=1)
    home = main_window.current_page()
    home.refresh()
    # A load already running when the actions were written is followed by this one.
    qtbot.waitUntil(lambda: home.overdue.isVisible(), timeout=5000)
    assert home.overdue_link.text() == "3 meeting actions overdue"
    assert (
        home.overdue_link.accessibleName() == "3 meeting actions overdue: open the action tracker"
    )

    qtbot.mouseClick(home.overdue_link, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "meetings"
    area = main_window.current_page()
    assert area.current_key() == "actions"
    tracker = area.page("actions")
    assert tracker.overdue_only.isChecked()
    qtbot.waitUntil(lambda: tracker.tree.topLevelItemCount() == 3, timeout=5000)
    assert tracker.count.text() == "4 open actions, 3 overdue · showing 3"
