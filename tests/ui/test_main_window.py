"""The main window: Home with real renewals, areas by mouse and keyboard, remembered layout."""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QListWidget

from grassroots.app import build_main_window
from grassroots.group.service import get_settings, save_settings
from grassroots.members.records import MemberStatus
from tests.ui.conftest import add_members_due


def wait_home(qtbot, window):
    home = window.pages["home"]
    qtbot.waitUntil(lambda: home.data is not None and window.status_info is not None)
    return home


def test_home_shows_due_renewals_from_real_members(qtbot, main_window, sessions):
    add_members_due(sessions, ["Ann Archer", "Bob Baker", "Cath Cole"], days_left=10)
    main_window.refresh()
    home = wait_home(qtbot, main_window)
    qtbot.waitUntil(lambda: home.due.count.text() == "3")
    names = [b.text() for b in home.due.findChildren(QAbstractButton, "personLink")]
    assert sorted(names) == ["Ann Archer", "Bob Baker", "Cath Cole"]
    assert main_window.current_area() == "home"
    qtbot.waitUntil(lambda: main_window.members_label.text() == "3 members")
    assert main_window.group_label.text() == "Ashby Village Hall"


def test_show_all_due_link_opens_members_filtered_to_due(qtbot, main_window, sessions):
    add_members_due(sessions, ["Ann Archer"])
    main_window.refresh()
    home = wait_home(qtbot, main_window)
    qtbot.waitUntil(lambda: home.due.link.isVisible())
    qtbot.mouseClick(home.due.link, Qt.MouseButton.LeftButton)
    assert main_window.current_area() == "members"
    members = main_window.pages["members"]
    assert main_window.current_page() is members
    assert members.query().status is MemberStatus.DUE


def test_areas_by_keyboard(qtbot, main_window):
    main_window.show()
    qtbot.waitExposed(main_window)
    main_window.activateWindow()
    main_window.sidebar.setFocus()
    qtbot.keyClick(main_window.sidebar, Qt.Key.Key_Down)
    assert main_window.current_area() == "members"
    qtbot.keyClick(main_window.sidebar, Qt.Key.Key_Up)
    assert main_window.current_area() == "home"
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == "members"
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_area() == "home"


def test_geometry_is_remembered_across_windows(qtbot, database, paths):
    first = build_main_window(database, paths)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    em = first.fontMetrics().height()  # small enough for the offscreen test screen
    first.resize(em * 36, em * 26)
    size = first.size()
    first.close()
    first.ctx.tasks.wait()
    assert paths.preferences.exists()
    second = build_main_window(database, paths)
    qtbot.addWidget(second)
    assert second.size() == size
    second.close()


def test_changed_settings_refresh_the_status_bar(qtbot, main_window, sessions):
    wait_home(qtbot, main_window)
    save_settings(sessions, replace(get_settings(sessions), name="Ashby Lunch Club"))
    main_window.ctx.events.changed.emit("settings")
    qtbot.waitUntil(lambda: main_window.group_label.text() == "Ashby Lunch Club")
    assert "Ashby Lunch Club" in main_window.windowTitle()
    qtbot.waitUntil(lambda: main_window.pages["home"].heading.text() == "Ashby Lunch Club")


def test_backup_now_writes_a_copy(qtbot, main_window, paths):
    wait_home(qtbot, main_window)
    main_window.backup_action.trigger()
    qtbot.waitUntil(lambda: "Backup saved" in main_window.statusBar().currentMessage())
    copies = list(paths.backups_dir.glob("*-manual.db"))
    assert len(copies) == 1
    assert copies[0].read_bytes()[:16] == b"SQLite format 3\x00"


def test_backup_note_from_opening_is_shown(qtbot, database, paths):
    database.notes.append("A backup was taken before upgrading: old.db")
    window = build_main_window(database, paths)
    qtbot.addWidget(window)
    assert "backup was taken" in window.statusBar().currentMessage()
    window.ctx.tasks.wait()


def test_shell_controls_have_accessible_names(qtbot, main_window, sessions):
    add_members_due(sessions, ["Ann Archer"])
    main_window.refresh()
    home = wait_home(qtbot, main_window)
    qtbot.waitUntil(lambda: home.due.link.isVisible())
    members = main_window.page("members")
    controls = [
        w
        for w in main_window.findChildren(QAbstractButton)
        + main_window.findChildren(QLineEdit)
        + main_window.findChildren(QListWidget)
        if not members.isAncestorOf(w) and w.isVisibleTo(main_window)
    ]
    assert main_window.sidebar in controls and home.due.link in controls
    unnamed = [
        w.objectName() or type(w).__name__
        for w in controls
        if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
    ]
    assert unnamed == []
    assert all(action.text() for action in main_window.actions())


def test_status_bar_says_working_while_a_job_runs(qtbot, main_window):
    wait_home(qtbot, main_window)
    release = threading.Event()
    main_window.ctx.tasks.run(lambda: release.wait(10))
    qtbot.waitUntil(main_window.busy_label.isVisible)
    assert main_window.busy_label.text() == "Working…"
    release.set()
    qtbot.waitUntil(lambda: not main_window.busy_label.isVisible())


def test_f5_reloads_the_current_page(qtbot, main_window, sessions):
    home = wait_home(qtbot, main_window)
    assert home.empty.isVisible()
    add_members_due(sessions, ["Ann Archer"])
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: home.due.count.text() == "1")
    assert not home.empty.isVisible()
