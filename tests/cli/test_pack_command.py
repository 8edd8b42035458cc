"""`grassroots accounts pack`: the examiner pack from the command line."""

from __future__ import annotations

import zipfile
from datetime import date

from grassroots.accounts import books
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.money import Money
from grassroots.db.database import open_database


def _books(db_path, tmp_path) -> None:
    """A current account with one receipt in the year from 01/04/2025."""
    database = open_database(str(db_path), tmp_path / "backups")
    try:
        sessions = database.sessions
        account = books.add_account(sessions, "Current account", "bank", Money(0), date(2025, 4, 1))
        category = next(c.id for c in books.list_categories(sessions) if c.name == "Donations")
        books.add_entry(
            sessions,
            EntryInput(account.id, date(2025, 5, 1), (LineInput(Money(2_500), category),)),
        )
    finally:
        database.close()


def test_pack_writes_the_zip_and_says_what_is_missing(cli, group_db, tmp_path):
    _books(group_db, tmp_path)
    out = tmp_path / "pack.zip"
    result = cli("--db", group_db, "accounts", "pack", "--year", "2025", "--out", out)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].startswith(
        f"Wrote the examiner pack for the year from 01/04/2025 to {out} ("
    )
    assert "Note: No reconciliation finished for Current account in this year." in result.out
    with zipfile.ZipFile(out) as archive:
        inside = archive.namelist()
    assert "Ashby Village Hall accounts 2025-26/README.txt" in inside
    assert "Ashby Village Hall accounts 2025-26/2 Cash book/Cash book 2025-26.pdf" in inside


def test_pack_with_the_oscr_layout(cli, group_db, tmp_path):
    _books(group_db, tmp_path)
    out = tmp_path / "pack.zip"
    result = cli(
        "--db", group_db, "accounts", "pack", "--year", "2025", "--out", out, "--layout", "oscr"
    )
    assert result.code == 0, result.err
    with zipfile.ZipFile(out) as archive:
        readme = archive.read("Ashby Village Hall accounts 2025-26/README.txt").decode()
    assert "OSCR layout (Scotland)" in readme


def test_pack_refuses_a_file_that_is_not_a_zip(cli, group_db, tmp_path):
    result = cli(
        "--db", group_db, "accounts", "pack", "--year", "2025", "--out", tmp_path / "x.pdf"
    )
    assert result.code == 1
    assert "save the examiner pack as a .zip file" in result.err
    assert not (tmp_path / "x.pdf").exists()


def test_pack_needs_a_year(cli, group_db, tmp_path):
    result = cli("--db", group_db, "accounts", "pack", "--out", tmp_path / "x.zip")
    assert result.code == 2
    assert "--year" in result.err
