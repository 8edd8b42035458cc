"""`grassroots accounts import FILE --account NAME --mapping NAME`: a bank whose CSV headings
are not recognised, imported with the column mapping saved under a name in the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from grassroots.accounts.statement_mappings import save_mapping
from grassroots.db.database import open_database

ODD = """Posted,Narrative,Value,Running total
02/03/2026,HALL HIRE PATEL,55.00,1055.00
05/03/2026,ASHBY PRINTERS,-45.00,1010.00
"""


@pytest.fixture
def odd_statement(tmp_path: Path) -> Path:
    path = tmp_path / "unity.csv"
    path.write_text(ODD, encoding="utf-8")
    return path


@pytest.fixture
def with_account(cli, group_db: Path) -> Path:
    added = cli("accounts", "add", "Current account", "--opening", "1,000", "--on",
                "01/03/2026", "--db", group_db)  # fmt: skip
    assert added.code == 0
    return group_db


def _save(db: Path, tmp_path: Path, name: str, mapping: dict[str, str]) -> None:
    database = open_database(str(db), tmp_path / "backups")
    try:
        save_mapping(database.sessions, name, mapping)
    finally:
        database.close()


def test_unrecognised_headings_are_refused_without_a_mapping(cli, with_account, odd_statement):
    result = cli("accounts", "import", odd_statement, "--account", "Current account",
                 "--db", with_account)  # fmt: skip
    assert result.code == 1
    assert "cannot find the headings" in result.err
    assert result.err_lines[-1] == f"Nothing was imported from {odd_statement}."


def test_a_saved_mapping_named_on_the_command_line_reads_the_columns(
    cli, with_account, odd_statement, tmp_path
):
    mapping = {"date": "Posted", "description": "Narrative", "amount": "Value",
               "balance": "Running total"}  # fmt: skip
    _save(with_account, tmp_path, "Unity Trust", mapping)

    result = cli("accounts", "import", odd_statement, "--account", "Current account",
                 "--mapping", "unity trust", "--db", with_account)  # fmt: skip

    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"Imported {odd_statement} into Current account: 2 new lines, 0 duplicates (already "
        "imported), 0 matched to entries already in the book, 2 new entries.",
        "The statement's closing balance on 05/03/2026, £1,010.00, agrees with the book's "
        "£1,010.00.",
    ]


def test_an_unknown_mapping_name_says_which_there_are(cli, with_account, odd_statement, tmp_path):
    _save(with_account, tmp_path, "Unity Trust", {"date": "Posted", "amount": "Value"})

    result = cli("accounts", "import", odd_statement, "--account", "Current account",
                 "--mapping", "Lloyds", "--db", with_account)  # fmt: skip

    assert result.code == 1
    assert result.err_lines == [
        "There is no column mapping called 'Lloyds'; the saved ones are: Unity Trust"
    ]
