"""The one way widgets run work off the UI thread: a job runs in a worker, its result (or error)
comes back on the UI thread, and a progress dialog shows if it takes a while.

A job is a plain callable that calls services; it must never touch a widget. Writes go through
a single worker thread, so two user actions never write to the database at once.

Cancel is offered only where it is true: a `cancellable` job is called with a `should_stop`
function, hands it to a service that checks it and rolls its transaction back, and so ends in
`Cancelled`. Other jobs show progress without a Cancel button, because stopping waiting for a
write is not the same as stopping the write.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from grassroots.core.errors import Cancelled, GrassrootsError

log = logging.getLogger(__name__)
SHOW_PROGRESS_AFTER_MS = 400


def _still_there(callback: Callable[..., Any] | None, parent: QWidget | None) -> bool:
    """Whether the widgets a result is for still exist. A page closed while its job ran (the
    user moved on, or a test ended) must not be handed the result: touching a deleted widget
    crashes Python, not just the page."""
    owner = getattr(callback, "__self__", None)
    for widget in (parent, owner):
        if isinstance(widget, QObject) and not isValid(widget):
            return False
    return True


class _Relay(QObject):
    """Lives on the UI thread; the worker emits through it so results arrive on the UI thread.

    The results are delivered by the relay's own slots, so the relay is the receiver of the
    queued call: if the runner (and so the relay) is gone before the call is taken from the
    queue, Qt drops it instead of running it against objects that no longer exist."""

    done = Signal(object)
    failed = Signal(object, str)

    def __init__(self, parent: QObject, on_done: Callable, on_failed: Callable):
        super().__init__(parent)
        self._on_done, self._on_failed = on_done, on_failed
        self.done.connect(self._deliver_done, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._deliver_failed, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        self._on_done(result)

    @Slot(object, str)
    def _deliver_failed(self, exc: Exception, trace: str) -> None:
        self._on_failed(exc, trace)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, stop: threading.Event | None):
        super().__init__()
        self.fn, self.relay, self.stop = fn, relay, stop
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.stop.is_set) if self.stop is not None else self.fn()
        except Exception as exc:  # reported on the UI thread, never swallowed
            self.relay.failed.emit(exc, traceback.format_exc())
        else:
            self.relay.done.emit(result)


class Task(QObject):
    """One job in flight; `stop` is set when the user presses Cancel on a cancellable job."""

    finished = Signal()

    def __init__(self, cancellable: bool, parent: QObject | None = None):
        super().__init__(parent)
        self.stop = threading.Event() if cancellable else None
        self.dialog: QProgressDialog | None = None
        self.timer: QTimer | None = None


class Tasks(QObject):
    """Runs jobs in one background worker and hands results back on the UI thread."""

    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: set[Task] = set()

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        job: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
        cancellable: bool = False,
    ) -> Task:
        """Run `job` in the worker. `on_done(result)` or `on_error(exc)` runs on the UI thread;
        without `on_error`, a GrassrootsError is shown as a message box over `parent`. A
        `cancellable` job is called as `job(should_stop)`; a cancelled one ends quietly."""
        task = Task(cancellable, self)
        self._running.add(task)
        self.busy_changed.emit(True)
        if label:
            self._arm_progress(task, label, parent)

        def finish() -> None:
            self._close_progress(task)
            self._running.discard(task)
            relay.deleteLater()
            task.finished.emit()
            if not self._running:
                self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finish()
            if on_done is not None and _still_there(on_done, parent):
                on_done(result)

        def failed(exc: Exception, trace: str) -> None:
            finish()
            if isinstance(exc, Cancelled) and on_error is None:
                return
            if not _still_there(on_error, parent):
                log.warning("A background task failed after its window closed:\n%s", trace)
                return
            if on_error is not None:
                on_error(exc)
            else:
                self.report(exc, trace, parent)

        relay = _Relay(self, done, failed)
        self.pool.start(_Job(job, relay, task.stop))
        return task

    def report(self, exc: Exception, trace: str = "", parent: QWidget | None = None) -> None:
        """Say what went wrong in words a volunteer can act on."""
        if isinstance(exc, GrassrootsError):
            message = str(exc)
        else:
            log.error("Unexpected error in a background task:\n%s", trace)
            message = (
                f"Something went wrong and nothing was changed.\n\n{type(exc).__name__}: {exc}"
            )
        self.failed.emit(message)
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Grassroots", message, QMessageBox.StandardButton.Ok, parent
        )
        box.setObjectName("taskErrorBox")
        box.open()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the worker is idle (for shutdown and tests); True if it finished."""
        return self.pool.waitForDone(msecs)

    def _arm_progress(self, task: Task, label: str, parent: QWidget | None) -> None:
        def show() -> None:
            if task not in self._running or not _still_there(None, parent):
                return
            dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
            dialog.setWindowTitle("Grassroots")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            if task.stop is None:
                dialog.setCancelButton(None)
            else:
                dialog.canceled.connect(task.stop.set)
            dialog.show()
            task.dialog = dialog

        task.timer = QTimer(task)
        task.timer.setSingleShot(True)
        task.timer.timeout.connect(show)
        task.timer.start(SHOW_PROGRESS_AFTER_MS)

    @staticmethod
    def _close_progress(task: Task) -> None:
        if task.timer is not None:
            task.timer.stop()
        if task.dialog is not None:
            if isValid(task.dialog):  # it went with its window if that closed first
                task.dialog.reset()
                task.dialog.deleteLater()
            task.dialog = None
