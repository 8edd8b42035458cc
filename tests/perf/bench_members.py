"""Importing a 10,000-row register, and printing the register of 5,000 members.

The import file is made by exporting a 12,500-person demo group (10,000 members), so it has
every column a real register has; it is then imported into a new, empty database.

    python -m pytest tests/perf/bench_members.py -s
    python tests/perf/bench_members.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from grassroots.db.database import open_database
from grassroots.group.service import set_up_group
from grassroots.members.documents import print_register
from grassroots.members.exporters import export_members
from grassroots.members.importers import import_members
from grassroots.members.records import MemberQuery
from tests.perf.support import bench_dir, open_demo, report, time_once

IMPORT_TARGET_S = 2.0
REGISTER_TARGET_S = 2.0


def import_file(rows: int = 10_000, suffix: str = ".csv") -> Path:
    """A CSV or XLSX file of `rows` members, exported once from a demo group and kept."""
    path = bench_dir() / f"import-{rows}{suffix}"
    if not path.exists():
        database = open_demo(rows * 5 // 4)
        try:
            written = export_members(database.sessions, path, MemberQuery(members_only=True))
        finally:
            database.close()
        assert written == rows, written
    return path


def measure_import(rows: int = 10_000, suffix: str = ".csv") -> float:
    source = import_file(rows, suffix)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(str(Path(folder) / "new.db"), Path(folder) / "backups")
        try:
            set_up_group(database.sessions, "Benchmark Group")
            seconds, report_ = time_once(lambda: import_members(database.sessions, source))
        finally:
            database.close()
    assert report_.ok and report_.created_members == rows, report_.errors[:5]
    return seconds


def measure_register(members: int = 5000) -> tuple[float, int]:
    database = open_demo(members * 5 // 4)
    out = bench_dir() / f"register-{members}.pdf"
    try:
        seconds, printed = time_once(lambda: print_register(database.sessions, out))
    finally:
        database.close()
    assert printed == members, printed
    return seconds, out.stat().st_size


def _check_import(suffix: str = ".csv") -> bool:
    label = f"import 10,000 rows ({suffix[1:].upper()})"
    return report(label, measure_import(suffix=suffix), IMPORT_TARGET_S, "s")


def _check_register() -> bool:
    seconds, size = measure_register()
    met = report("register of 5,000 members as PDF", seconds, REGISTER_TARGET_S, "s")
    print(f"  {'':<60} {size / 1e6:.1f} MB PDF")
    return met


def test_import_10000_rows():
    assert _check_import()


def test_import_10000_rows_from_a_workbook():
    assert _check_import(".xlsx")


def test_register_of_5000_members():
    assert _check_register()


if __name__ == "__main__":
    sys.exit(0 if all([_check_import(), _check_import(".xlsx"), _check_register()]) else 1)
