"""Every control a keyboard can reach has a name a screen reader can speak."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QTabBar,
    QTabWidget,
    QWidget,
)

from grassroots.people.records import PersonInput
from grassroots.people.service import add_person
from tests.ui.conftest import add_members_due


def _spoken_name(widget: QWidget, labels: dict[int, QLabel]) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    if isinstance(widget, QTabBar):
        return widget.tabText(0)
    label = labels.get(id(widget))
    return label.text() if label is not None else ""


def unnamed_controls(root: QWidget) -> list[str]:
    """Focusable, visible controls with no accessible name, no text and no buddy label."""
    labels = {id(lab.buddy()): lab for lab in root.findChildren(QLabel) if lab.buddy()}
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if (
            isinstance(widget.parent(), QAbstractScrollArea)
            and widget.objectName() in ("qt_scrollarea_viewport", "")
            and not isinstance(widget, QAbstractButton)
        ):
            continue  # the viewport of a named list or table
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the text box inside a combo or spin box, which is named itself
        if not _spoken_name(widget, labels):
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_the_main_window_and_home_are_all_named(main_window, database, qtbot):
    add_members_due(database.sessions, ["Ann Archer", "Bill Bates"])
    main_window.refresh()
    assert unnamed_controls(main_window) == []


def test_the_members_page_is_all_named(main_window, qtbot):
    page = main_window.show_area("members")
    qtbot.waitUntil(lambda: page.isVisible())
    assert unnamed_controls(main_window) == []


def test_the_person_dialog_is_all_named(main_window, database, qtbot):
    person = add_person(database.sessions, PersonInput(first_name="Ann", last_name="Archer"))
    page = main_window.show_area("members")
    dialog = page.open_person(person.id)
    qtbot.waitUntil(dialog.isVisible)
    tabs = dialog.findChild(QTabBar)
    for index in range(tabs.count() if tabs else 1):
        if tabs:
            tabs.setCurrentIndex(index)
        found = unnamed_controls(dialog)
        assert found == [], f"tab {index}: {found}"
    dialog.reject()


def _every_tab_named(dialog: QWidget) -> list[str]:
    found = []
    tabs = dialog.findChild(QTabWidget)
    for index in range(tabs.count() if tabs else 1):
        if tabs:
            tabs.setCurrentIndex(index)
        found += unnamed_controls(dialog)
    return found


def test_the_settings_dialog_is_all_named(main_window, qtbot):
    main_window.open_settings()
    qtbot.waitUntil(lambda: getattr(main_window, "settings_dialog", None) is not None)
    dialog = main_window.settings_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert _every_tab_named(dialog) == []
    dialog.reject()


def test_the_import_and_types_dialogs_are_all_named(main_window, qtbot):
    page = main_window.show_area("members")
    for dialog in (page.import_members(), page.edit_types()):
        qtbot.waitUntil(dialog.isVisible)
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        dialog.reject()


def test_the_meetings_area_is_all_named(main_window, database, qtbot):
    from datetime import date, timedelta

    from grassroots.meetings.records import MeetingInput
    from grassroots.meetings.service import plan_meeting
    from tests.ui.conftest import settle

    ann = add_person(database.sessions, PersonInput(first_name="Ann", last_name="Archer"))
    meeting = plan_meeting(
        database.sessions,
        MeetingInput(kind="committee", on=date.today() + timedelta(days=10)),
        invite=(ann.id,),
    )
    area = main_window.show_area("meetings")
    settle(main_window.ctx.tasks)
    assert unnamed_controls(main_window) == []
    page = area.open_meeting(meeting.id)
    settle(main_window.ctx.tasks)
    for key in ("agenda", "attendance", "minutes"):
        page.show_tab(key)
        settle(main_window.ctx.tasks)
        assert unnamed_controls(main_window) == [], key
    for open_dialog in (page.change_details, page.minutes.add_decision, page.minutes.add_action):
        page.show_tab("minutes")
        open_dialog()
        dialog = page.dialog if open_dialog == page.change_details else page.minutes.dialog
        qtbot.waitUntil(dialog.isVisible)
        assert unnamed_controls(dialog) == [], dialog.objectName()
        dialog.reject()
    area.show_actions()
    settle(main_window.ctx.tasks)
    assert unnamed_controls(main_window) == []
