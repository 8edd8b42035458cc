"""The background task runner: results on the UI thread, errors explained, honest Cancel."""

import threading

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from shiboken6 import isValid

from grassroots.core.errors import Cancelled, ValidationError
from grassroots.ui.tasks import Tasks


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def tasks(parent):
    """A runner that lives as long as its window, as in the app; idle before it goes."""
    runner = Tasks(parent)
    yield runner
    runner.wait()


def test_result_comes_back_on_the_ui_thread(qtbot, tasks):
    seen = {}

    def job():
        seen["worker"] = QThread.currentThread()
        return 42

    def done(result):
        seen["result"], seen["ui"] = result, QThread.currentThread()

    tasks.run(job, done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["ui"] is QApplication.instance().thread()
    assert seen["worker"] is not seen["ui"]
    assert not tasks.busy


def test_an_expected_error_is_shown_in_plain_words(qtbot, tasks, parent):
    def job():
        raise ValidationError({"postcode": "'XX1' is not a UK postcode"})

    with qtbot.waitSignal(tasks.failed) as failed:
        tasks.run(job, parent=parent)
    assert "not a UK postcode" in failed.args[0]
    box = parent.findChild(QMessageBox, "taskErrorBox")
    assert box is not None and "not a UK postcode" in box.text()


def _progress(parent: QWidget) -> QProgressDialog | None:
    dialog = parent.findChild(QProgressDialog)
    return dialog if dialog is not None and dialog.isVisible() else None


def test_a_write_shows_progress_without_a_false_cancel(qtbot, tasks, parent):
    release = threading.Event()
    tasks.run(lambda: release.wait(10), label="Saving…", parent=parent)
    qtbot.waitUntil(lambda: _progress(parent) is not None)
    assert [b for b in _progress(parent).findChildren(QPushButton) if b.isVisible()] == []
    release.set()
    qtbot.waitUntil(lambda: not tasks.busy)


def test_cancel_stops_a_cancellable_job(qtbot, tasks, parent):
    outcome = {}

    def job(should_stop):
        while not should_stop():
            threading.Event().wait(0.01)
        raise Cancelled("Import cancelled; nothing was imported.")

    tasks.run(
        job,
        outcome.setdefault,
        lambda exc: outcome.update(error=exc),
        label="Importing…",
        parent=parent,
        cancellable=True,
    )
    qtbot.waitUntil(lambda: _progress(parent) is not None)
    (cancel,) = [b for b in _progress(parent).findChildren(QPushButton) if b.isVisible()]
    assert cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "error" in outcome)
    assert isinstance(outcome["error"], Cancelled)


def test_a_result_for_a_closed_window_is_dropped_not_delivered(qtbot, tasks):
    """A page closed while its job ran must not be handed the result (a deleted widget
    touched from a slot crashes the whole program)."""
    from PySide6.QtWidgets import QLabel

    gate = threading.Event()
    page = QLabel("waiting")
    shown: list[str] = []

    def show(text: str) -> None:
        shown.append(text)
        page.setText(text)

    task = tasks.run(lambda: gate.wait(5) and "done", show, parent=page)
    page.deleteLater()
    qtbot.waitUntil(lambda: not isValid(page))
    with qtbot.waitSignal(task.finished):
        gate.set()
    assert shown == []
    assert not tasks.busy
