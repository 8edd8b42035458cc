"""Opening databases: new, old, newer, damaged, foreign, locked, and in cloud folders."""

import sqlite3
from pathlib import Path

import pytest

from grassroots.core.errors import (
    AlreadyOpen,
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseTooNew,
    MigrationFailed,
    NotADatabase,
)
from grassroots.db import migrate
from grassroots.db.backup import backup_database
from grassroots.db.database import open_database
from grassroots.db.engine import make_engine
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person
from grassroots.settings import InstanceLock, cloud_folder_warning, resolve_paths


def test_new_database_is_created_at_head_in_wal_mode(tmp_path):
    db = open_database(str(tmp_path / "new" / "g.db"), tmp_path / "backups")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert db.backup is None
    db.close()


def test_a_text_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("name,email\nAnn,ann@example.org\n")
    before = path.read_bytes()
    with pytest.raises(NotADatabase, match="not an SQLite file"):
        open_database(str(path), tmp_path / "backups")
    assert path.read_bytes() == before


def test_a_database_from_another_program_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table recipes (id integer primary key)")
    conn.close()
    with pytest.raises(NotADatabase, match="did not make"):
        open_database(str(path), tmp_path / "backups")


def test_a_database_from_a_newer_version_is_refused_unchanged(tmp_path):
    path = tmp_path / "g.db"
    open_database(str(path), tmp_path / "b").close()
    with sqlite3.connect(path) as conn:
        conn.execute("update alembic_version set version_num = '9999_future'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version of Grassroots"):
        open_database(str(path), tmp_path / "b")
    assert path.read_bytes() == before


def test_a_damaged_database_is_named(tmp_path):
    path = tmp_path / "g.db"
    open_database(str(path), tmp_path / "b").close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.executemany(
            "insert into households (name) values (?)",
            [(f"household {i} " * 5,) for i in range(2000)],
        )
    conn.close()
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset + 100 : offset + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))
    with pytest.raises((DatabaseCorrupt, NotADatabase)):
        open_database(str(path), tmp_path / "b")


def test_a_failed_upgrade_changes_nothing_and_names_the_backup(tmp_path):
    path = tmp_path / "old.db"
    engine = make_engine(str(path))
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:  # a stray table where revision 0002 puts its third one
        conn.exec_driver_sql("create table subscriptions (id integer primary key)")
    engine.dispose()

    with pytest.raises(MigrationFailed, match="Nothing was changed") as caught:
        open_database(str(path), tmp_path / "backups")
    assert "before-upgrade" in str(caught.value)

    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master")}
        conn.execute("drop table subscriptions")
    conn.close()
    assert "membership_types" not in tables  # the first two tables of 0002 were rolled back
    open_database(str(path), tmp_path / "backups").close()


def test_a_database_held_by_another_program_is_explained(database):
    holder = sqlite3.connect(database.file, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLocked, match="nothing was saved"):
            add_person(database.sessions, PersonInput(last_name="Waiting"))
    finally:
        holder.rollback()
        holder.close()


def test_lock_keeps_a_second_copy_out(tmp_path):
    path = tmp_path / "g.db"
    with InstanceLock(path), pytest.raises(AlreadyOpen, match="already has"):
        InstanceLock(path).acquire()
    with InstanceLock(path):
        pass  # free again once the first copy has closed


@pytest.mark.parametrize(
    "folder",
    [
        "Dropbox",
        "OneDrive - Ashby",
        "Google Drive",
        "Library/Mobile Documents",
        "iCloud Drive",
        "Nextcloud",
        "MEGA",
    ],
)
def test_cloud_folders_are_warned_about(folder):
    warning = cloud_folder_warning(Path("/home/ann") / folder / "grassroots.db")
    assert warning is not None and "corrupt" in warning


@pytest.mark.parametrize("folder", ["/home/ann/Documents", "/home/megan", "/home/boxer/box files"])
def test_ordinary_folders_are_not_warned_about(folder):
    assert cloud_folder_warning(Path(folder) / "grassroots.db") is None


def test_paths_follow_db_then_environment(tmp_path):
    env = {"GRASSROOTS_DATA_DIR": str(tmp_path), "GRASSROOTS_DB": str(tmp_path / "env.db")}
    assert resolve_paths(None, env).database == str(tmp_path / "env.db")
    assert resolve_paths(str(tmp_path / "cli.db"), env).database == str(tmp_path / "cli.db")
    only_dir = resolve_paths(None, {"GRASSROOTS_DATA_DIR": str(tmp_path)})
    assert only_dir.database == str(tmp_path / "grassroots.db")
    assert only_dir.backups_dir == tmp_path / "backups"


def test_backup_is_a_readable_copy(database, tmp_path):
    copy = backup_database(database.file, tmp_path / "copies")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("select name from group_settings").fetchone() == ("Ashby Village Hall",)
    conn.close()


def test_a_change_made_at_the_same_moment_is_explained(database):
    from sqlalchemy import select

    from grassroots.people.models import Household

    other = make_engine(str(database.file))
    with pytest.raises(DatabaseLocked, match="same moment"), database.sessions.begin() as mine:
        mine.execute(select(Household)).all()  # this action has started reading
        with other.begin() as theirs:
            theirs.exec_driver_sql("insert into households (name) values ('Theirs')")
        mine.add(Household(name="Mine"))
        mine.flush()
    other.dispose()
