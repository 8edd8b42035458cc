"""Shared fixtures: every test gets its own data folder and database file in tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from grassroots.db.database import Database, open_database
from grassroots.group.service import set_up_group

pytest_plugins = ("tests.hall",)

# Before pytest-qt makes its (session-wide) QApplication: no test needs a real screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data folder and the database at tmp_path, so no test touches a real one."""
    data = tmp_path / "data"
    monkeypatch.setenv("GRASSROOTS_DATA_DIR", str(data))
    monkeypatch.setenv("GRASSROOTS_DB", str(data / "grassroots.db"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return data


@pytest.fixture
def database(tmp_path: Path) -> Database:
    """A real, migrated SQLite database for a group called Ashby Village Hall."""
    db = open_database(str(tmp_path / "group.db"), tmp_path / "backups")
    set_up_group(
        db.sessions,
        "Ashby Village Hall",
        address="Main Street\nAshby",
        postcode="LE65 1AA",
        charity_number="1234567",
    )
    yield db
    db.close()


@pytest.fixture
def sessions(database: Database):
    return database.sessions
