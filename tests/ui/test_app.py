"""Starting Grassroots: problems with the database file are explained and change nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from grassroots.app import EXIT_WHEN_SHOWN, Launcher, open_with_lock, run
from grassroots.core.errors import AlreadyOpen
from grassroots.db.database import open_database
from grassroots.group.service import get_settings, set_up_group
from grassroots.settings import InstanceLock, resolve_paths


class DialogDriver:
    """Answers the app's modal dialogs as they appear (by object name), like a user would."""

    def __init__(self, answers: dict[str, Callable[[QWidget], None]]):
        self.answers, self.seen, self.texts = answers, [], {}
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        for widget in QApplication.topLevelWidgets():
            name = widget.objectName()
            if name in self.answers and widget.isVisible() and widget not in self.texts:
                self.seen.append(name)
                self.texts[widget] = getattr(widget, "text", lambda: "")()
                self.answers[name](widget)

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def drive(app):
    drivers = []

    def start(**answers):
        driver = DialogDriver(answers)
        drivers.append(driver)
        return driver

    yield start
    for driver in drivers:
        driver.stop()


@pytest.fixture
def exit_when_shown(monkeypatch):
    monkeypatch.setenv(EXIT_WHEN_SHOWN, "1")


def press_ok(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.Ok).click()


def test_a_file_that_is_not_a_database_is_explained_and_left_alone(drive, tmp_path):
    file = tmp_path / "members.db"
    original = b"Name,Postcode\nAnn Archer,LE65 1AA\n" * 20
    file.write_bytes(original)
    messages = []

    def quit_dialog(dialog):
        messages.append(dialog.findChild(QWidget, "problemMessage").text())
        dialog.quit_button.click()

    driver = drive(databaseProblemDialog=quit_dialog)
    assert run(str(file), []) == 1
    assert driver.seen == ["databaseProblemDialog"]
    assert str(file) in messages[0] and "not a Grassroots database" in messages[0]
    assert file.read_bytes() == original


def test_choosing_another_file_starts_a_new_group(drive, tmp_path, monkeypatch, exit_when_shown):
    bad = tmp_path / "photo.db"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not a database")
    fresh = tmp_path / "club.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))

    def finish_wizard(wizard):
        wizard.next()
        wizard.names.name.setText("Ashby Lunch Club")
        wizard.accept()

    driver = drive(
        databaseProblemDialog=lambda d: d.choose_button.click(), setupWizard=finish_wizard
    )
    assert run(str(bad), []) == 0
    assert driver.seen == ["databaseProblemDialog", "setupWizard"]
    db = open_database(str(fresh), tmp_path / "backups")
    try:
        assert get_settings(db.sessions).name == "Ashby Lunch Club"
    finally:
        db.close()


def test_a_second_copy_is_told_the_database_is_already_open(drive, database):
    file = Path(database.file)
    held = InstanceLock(file)
    held.acquire()
    try:
        with pytest.raises(AlreadyOpen):
            InstanceLock(file).acquire()
        driver = drive(alreadyOpenBox=press_ok)
        assert run(str(file), []) == 1
        assert driver.seen == ["alreadyOpenBox"]
        assert "already has" in next(iter(driver.texts.values()))
    finally:
        held.release()


def test_opens_a_set_up_group_straight_to_the_main_window(drive, database, exit_when_shown):
    driver = drive(setupWizard=lambda w: w.reject(), databaseProblemDialog=lambda d: d.reject())
    assert run(str(database.file), []) == 0
    assert driver.seen == []
    InstanceLock(Path(database.file)).acquire()  # released on the way out


def test_cloud_folder_warning_is_shown_once(drive, tmp_path, exit_when_shown):
    file = tmp_path / "Dropbox" / "group.db"
    db = open_database(str(file), tmp_path / "backups")
    set_up_group(db.sessions, "Ashby Village Hall")
    db.close()
    driver = drive(cloudFolderWarning=press_ok)
    assert run(str(file), []) == 0
    assert run(str(file), []) == 0
    assert driver.seen == ["cloudFolderWarning"]


def test_open_another_database_swaps_window_and_lock(qtbot, app, tmp_path):
    first, second = tmp_path / "hall.db", tmp_path / "club.db"
    for file, name in ((first, "Ashby Village Hall"), (second, "Ashby Lunch Club")):
        db = open_database(str(file), tmp_path / "backups")
        set_up_group(db.sessions, name)
        db.close()
    launcher = Launcher(app)
    try:
        assert launcher.start(open_with_lock(resolve_paths(str(first))))
        old = launcher.window
        qtbot.waitUntil(lambda: old.group_label.text() == "Ashby Village Hall")
        old.database_change_requested.emit(str(second))
        assert launcher.window is not old
        qtbot.waitUntil(lambda: launcher.window.group_label.text() == "Ashby Lunch Club")
        assert launcher.opened.paths.database == str(second)
        released = InstanceLock(first)
        released.acquire()  # the first database is free again
        released.release()
        with pytest.raises(AlreadyOpen):
            InstanceLock(second).acquire()
    finally:
        launcher.window.close()
        launcher.close()
