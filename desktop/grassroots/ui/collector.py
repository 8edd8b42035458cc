"""Python's garbage collector, run on the UI thread only.

The collector normally runs whenever any thread allocates enough, including the worker that
runs `ui/tasks.py` jobs. A widget caught in a reference cycle would then be destroyed from the
worker thread, in the middle of whatever the UI thread is doing with it, and Qt crashes the
whole program. So automatic collection is switched off and a timer on the UI thread collects
instead, generation by generation, when the same thresholds the collector uses are passed.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
_INSTALLED = "grassrootsCollector"


class UiThreadCollector(QObject):
    """Owned by the application; collects on its timer, never from another thread."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] > thresholds[0]:
            generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
            gc.collect(generation)


def collect_on_ui_thread(app: QObject) -> UiThreadCollector:
    """Install the collector on `app` once; later calls give back the same one."""
    found = app.findChild(UiThreadCollector, _INSTALLED)
    if found is None:
        found = UiThreadCollector(app)
        found.setObjectName(_INSTALLED)
    return found
