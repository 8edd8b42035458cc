"""Garbage is collected on the UI thread only, so a widget is never destroyed by the worker."""

import gc
import threading

from grassroots.ui.collector import collect_on_ui_thread
from grassroots.ui.tasks import Tasks


class Cycle:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self, freed: list[str]):
        self.me, self.freed = self, freed

    def __del__(self):
        self.freed.append(threading.current_thread().name)


def test_cycles_are_freed_by_the_ui_thread_not_by_a_worker(qtbot, qapp):
    collector = collect_on_ui_thread(qapp)
    assert collect_on_ui_thread(qapp) is collector  # installed once
    assert not gc.isenabled()
    freed: list[str] = []
    Cycle(freed)
    tasks = Tasks(collector)

    def allocate_a_lot() -> int:  # would trigger automatic collection in this thread
        return len([[n] for n in range(200_000)])

    with qtbot.waitSignal(tasks.run(allocate_a_lot).finished):
        pass
    main = threading.main_thread().name
    assert freed in ([], [main])  # the worker's allocations collected nothing
    kept = [[n] for n in range(gc.get_threshold()[0] * 2)]  # enough for the timer to act
    qtbot.waitUntil(lambda: freed == [main], timeout=5_000)
    assert len(kept) > 0
