"""What the benchmarks share: demo databases built once and kept, timing, and the report line.

Demo databases are kept in GRASSROOTS_BENCH_DIR (default: the system temp folder), one per
size and per day (the demo is dated relative to today), so a second run starts at once.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from grassroots.db.database import Database, open_database
from grassroots.demo import make_demo

SEED = 1


def bench_dir() -> Path:
    default = Path(tempfile.gettempdir()) / "grassroots-bench"
    path = Path(os.environ.get("GRASSROOTS_BENCH_DIR") or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_file(people: int) -> Path:
    """A demo group of `people` (80% of them members), made once per day and kept."""
    path = bench_dir() / f"demo-{people}-{date.today():%Y%m%d}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".partial.db")
    for leftover in bench_dir().glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    database = open_database(str(partial), bench_dir() / "backups")
    try:
        make_demo(database.sessions, "large", seed=SEED, people=people)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        database.close()
    partial.rename(path)
    print(f"  (made the {people:,}-person demo group in {time.perf_counter() - started:.1f} s)")
    return path


def open_demo(people: int) -> Database:
    return open_database(str(demo_file(people)), bench_dir() / "backups")


def time_once(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of `runs` (seconds): the figure least disturbed by the rest of the machine."""
    return min(time_once(action)[0] for _ in range(runs))


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def report(name: str, value: float, target: float, unit: str) -> bool:
    """Print one figure against its target; True when it is met."""
    met = value <= target
    verdict = "ok" if met else f"MISSED by {value - target:,.1f} {unit}"
    print(f"  {name:<60} {value:>9,.1f} {unit:<3} (target <= {target:,.0f} {unit}) {verdict}")
    return met
