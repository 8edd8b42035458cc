"""The command line's contract: exit codes, --db anywhere, clear messages, one per line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from grassroots.settings import InstanceLock

EVERY_COMMAND = [
    [],
    ["init"],
    ["demo"],
    ["backup"],
    ["members"],
    ["members", "list"],
    ["members", "import"],
    ["members", "export"],
    ["members", "renew"],
    ["print"],
]


@pytest.mark.parametrize("command", EVERY_COMMAND, ids=lambda c: " ".join(c) or "grassroots")
def test_every_command_has_help(cli, command):
    result = cli(*command, "--help")
    assert result.code == 0
    assert "usage: grassroots" in result.out
    assert "--db" in result.out


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["members", "frob"],
        ["members"],
        ["demo", "--size", "huge"],
        ["members", "renew", "seven", "--amount", "10"],
        ["members", "list", "--status", "sleeping"],
        ["print", "register"],
        ["init"],
    ],
)
def test_usage_errors_exit_two(cli, args):
    result = cli(*args)
    assert result.code == 2
    assert "usage:" in result.err


def test_db_may_come_before_or_after_the_command(cli, tmp_path):
    after, before = tmp_path / "after.db", tmp_path / "before.db"
    assert cli("init", "--name", "After Group", "--db", after).code == 0
    assert cli("--db", before, "init", "--name", "Before Group").code == 0
    assert after.exists() and before.exists()
    assert cli("--db", after, "members", "list").code == 0
    assert cli("members", "--db", before, "list").code == 0
    again = cli("--db", after, "init", "--name", "Renamed")
    assert again.code == 1
    assert "already set up for After Group" in again.err


def test_init_renames_only_with_force(cli, group_db):
    refused = cli("init", "--db", group_db, "--name", "New Name")
    assert refused.code == 1
    assert refused.err_lines == [
        f"{group_db} is already set up for Ashby Village Hall. Use --force to rename the group."
    ]
    renamed = cli("init", "--db", group_db, "--name", "New Name", "--force")
    assert renamed.code == 0
    assert "Set up New Name" in renamed.out


def test_init_reports_a_bad_name_by_field(cli, tmp_path):
    result = cli("init", "--db", tmp_path / "x.db", "--name", "   ")
    assert result.code == 1
    assert result.err_lines == ["Name: The group needs a name"]


def test_a_file_that_is_not_a_database_is_refused_clearly(cli, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("Shopping: milk, eggs\n")
    result = cli("members", "list", "--db", notes)
    assert result.code == 1
    assert result.err_lines == [
        f"{notes} is not a Grassroots database (it is not an SQLite file at all). "
        "Choose the .db file Grassroots made, or a new file name to start afresh."
    ]
    assert notes.read_text() == "Shopping: milk, eggs\n"


def test_a_folder_is_refused_and_no_lock_is_left_beside_it(cli, tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    result = cli("members", "list", "--db", folder)
    assert (result.code, result.err_lines) == (1, [f"{folder} is a folder, not a database file."])
    assert not (tmp_path / "records.lock").exists()


def test_a_reader_that_stops_early_is_not_an_error(cli, tmp_path):
    big = tmp_path / "big.db"
    assert cli("demo", "--db", big, "--people", "3000").code == 0  # far more than a pipe holds
    done = subprocess.run(
        f'"{sys.executable}" -m grassroots members list --db "{big}" | head -n 1',
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.split()[:2] == ["No.", "Name"]
    assert done.stderr == ""


def test_a_database_from_a_newer_version_is_refused(cli, group_db):
    with sqlite3.connect(group_db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()
    result = cli("members", "list", "--db", group_db)
    assert result.code == 1
    assert "written by a newer version of Grassroots" in result.err
    assert "9999_from_the_future" in result.err


def test_a_missing_database_is_reported_not_created(cli, tmp_path):
    missing = tmp_path / "typo.db"
    result = cli("members", "list", "--db", missing)
    assert result.code == 1
    assert result.err_lines == [
        f"There is no database at {missing}. Start one with: grassroots init --db {missing} "
        '--name "Your group"'
    ]
    assert not missing.exists()


def test_a_database_open_in_the_app_is_left_alone(cli, group_db):
    with InstanceLock(group_db):
        result = cli("members", "list", "--db", group_db)
    assert result.code == 1
    assert "Grassroots already has" in result.err
    assert cli("members", "list", "--db", group_db).code == 0


def test_a_database_in_a_synced_folder_gets_a_warning(cli, tmp_path):
    synced = tmp_path / "Dropbox" / "group.db"
    result = cli("init", "--db", synced, "--name", "Synced Group")
    assert result.code == 0
    assert "inside a Dropbox folder" in result.err
    assert result.out.startswith("Set up Synced Group")


def test_demo_refuses_a_database_with_people_in_it(cli, group_db):
    assert cli("demo", "--db", group_db).code == 0
    again = cli("demo", "--db", group_db)
    assert again.code == 1
    assert "already holds 150 people" in again.err


def test_renew_moves_the_expiry_on_and_checks_its_input(cli, group_db):
    cli("demo", "--db", group_db, "--people", "20")
    listing = cli("members", "list", "--db", group_db, "--format", "csv").out.splitlines()
    number = listing[1].split(",")[0]
    done = cli("members", "renew", number, "--amount", "£12.50", "--method", "cheque",
               "--db", group_db)  # fmt: skip
    assert done.code == 0
    assert f"Renewed member {number}," in done.out
    assert "£12.50 by cheque, paid up to" in done.out

    bad = cli("members", "renew", number, "--amount", "lots", "--date", "today", "--db", group_db)
    assert bad.code == 1
    assert bad.err_lines == ["Amount: 'lots' is not an amount of money"]
    unknown = cli("members", "renew", "9999", "--amount", "5", "--db", group_db)
    assert unknown.code == 1
    assert unknown.err_lines == ["There is no member number 9999."]


def test_backup_copies_the_database(cli, group_db, tmp_path):
    result = cli("backup", "--db", group_db, "--out", tmp_path / "copies")
    assert result.code == 0
    copies = list((tmp_path / "copies").glob("group-*-manual.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as connection:
        name = connection.execute("SELECT name FROM group_settings").fetchone()[0]
    connection.close()
    assert name == "Ashby Village Hall"


def test_backup_of_nothing_says_so(cli, tmp_path):
    result = cli("backup", "--db", tmp_path / "none.db")
    assert result.code == 1
    assert result.err_lines == [f"There is no database at {tmp_path / 'none.db'} to back up."]


def test_runs_as_a_real_program():
    done = subprocess.run(
        [sys.executable, "-m", "grassroots", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    assert "usage: grassroots" in done.stdout


def test_the_command_line_never_loads_qt(tmp_path: Path):
    script = (
        "import sys; from grassroots.__main__ import main; "
        "code = main(['init', '--db', sys.argv[1], '--name', 'Qt Free']); "
        "assert code == 0, code; "
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'grassroots.ui'))]"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "g.db")],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_no_command_opens_the_window(cli, group_db, tmp_path):
    env = {
        **os.environ,
        "GRASSROOTS_EXIT_WHEN_SHOWN": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "grassroots", "--db", str(group_db)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_without_the_desktop_part_commands_still_work(cli, group_db, monkeypatch):
    monkeypatch.setitem(sys.modules, "grassroots.app", None)
    result = cli("--db", group_db)
    assert result.code == 1
    assert result.err_lines == [
        "The Grassroots window cannot start: this installation has no desktop part "
        "(grassroots.app is missing). Commands still work: see grassroots --help."
    ]
    assert cli("members", "list", "--db", group_db).code == 0
