"""The Qt binding must not corrupt Python's reference counts when a slot returns a bool.

PySide6 6.12.0 released the return value of every slot once too often; on Python 3.11 that
drains the reference count of True and crashes the app (and the test run) at exit. Slots such
as QWidget.close return a bool, so this matters to ordinary code.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_a_slot_returning_a_bool_leaves_reference_counts_alone(qapp):
    emitter = _Emitter()
    emitter.fired.connect(lambda: True)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.fired.emit()
    # The faulty binding loses one reference per emit (-200); allow for unrelated noise.
    assert sys.getrefcount(True) - before > -10
