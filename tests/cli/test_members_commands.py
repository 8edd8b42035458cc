"""Members through the command line: list, export, import back, and rows with problems."""

from __future__ import annotations

import csv
from pathlib import Path


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(text.splitlines()))


def _without_ended(row: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in row.items() if key != "Status"}


def test_demo_export_and_import_round_trip(cli, group_db, tmp_path):
    made = cli("demo", "--db", group_db, "--seed", "7")
    assert made.code == 0
    assert "150 people" in made.out and "120 members" in made.out

    table = cli("members", "list", "--db", group_db)
    assert table.code == 0
    header, rule, *rows, total = table.out.splitlines()
    assert header.split() == ["No.", "Name", "Type", "Status", "Expires", "Postcode"]
    assert set(rule) == {"-", " "}
    assert len(rows) == 120 and total == "120 members"
    assert all(len(line) <= len(rule) for line in rows)

    exported = tmp_path / "members.csv"
    result = cli("members", "export", exported, "--db", group_db)
    assert result.code == 0
    assert result.out.strip() == f"Exported 120 members to {exported}."

    fresh = tmp_path / "fresh.db"
    assert cli("init", "--db", fresh, "--name", "Fresh Start").code == 0
    checked = cli("members", "import", exported, "--dry-run", "--db", fresh)
    assert checked.code == 0
    assert "120 people (120 members) would be added" in checked.out
    assert cli("members", "list", "--db", fresh).out.splitlines()[-1] == "0 members"

    imported = cli("members", "import", exported, "--db", fresh)
    assert imported.code == 0
    assert imported.out.strip() == f"Imported 120 people (120 members) from {exported}."
    original = _rows(cli("members", "list", "--format", "csv", "--db", group_db).out)
    copied = _rows(cli("members", "list", "--format", "csv", "--db", fresh).out)
    # The spreadsheet has no column for an ended membership, so those come back by dates alone.
    assert [_without_ended(row) for row in copied] == [_without_ended(row) for row in original]
    assert [
        c["Status"] for c, o in zip(copied, original, strict=True) if o["Status"] != "Ended"
    ] == [o["Status"] for o in original if o["Status"] != "Ended"]

    again = cli("members", "import", exported, "--db", fresh)
    assert again.code == 1
    assert "is already on record" in again.err
    skipped = cli("members", "import", exported, "--skip-duplicates", "--db", fresh)
    assert skipped.code == 0
    assert "skipped 120 rows already on record" in skipped.out


def test_each_bad_row_is_reported_on_its_own_line(cli, group_db, tmp_path):
    sheet = _csv(
        tmp_path / "new members.csv",
        [
            ["First name", "Surname", "Postcode", "Email", "Membership type"],
            ["Ann", "Hollis", "LE65 1AA", "ann@example.org", "Individual"],
            ["Bob", "Swain", "NOT A CODE", "bob@example.org", "Individual"],
            ["Cath", "Tebbutt", "LE65 2BB", "cath-at-example", "Individual"],
        ],
    )
    result = cli("members", "import", sheet, "--db", group_db)
    assert result.code == 1
    assert result.err_lines == [
        "Row 3, Postcode: 'NOT A CODE' is not a UK postcode",
        "Row 4, Email: 'cath-at-example' is not an email address",
        f"Nothing was imported from {sheet}: fix the rows above.",
    ]
    assert cli("members", "list", "--db", group_db).out.splitlines()[-1] == "0 members"


def test_default_type_fills_rows_that_name_none(cli, group_db, tmp_path):
    sheet = _csv(tmp_path / "names.csv", [["First name", "Surname"], ["Dot", "Varley"]])
    unknown = cli("members", "import", sheet, "--default-type", "Platinum", "--db", group_db)
    assert unknown.code == 1
    assert unknown.err_lines[0].startswith("There is no membership type called 'Platinum' (")
    done = cli("members", "import", sheet, "--default-type", "concession", "--db", group_db)
    assert done.code == 0, done.err
    assert "1 person (1 member)" in done.out
    listing = cli("members", "list", "--format", "csv", "--db", group_db).out.splitlines()
    assert listing[1].split(",")[1:5] == ["", "Dot", "Varley", "Concession"]


def test_an_unreadable_file_is_one_clear_line(cli, group_db, tmp_path):
    result = cli("members", "import", tmp_path / "absent.csv", "--db", group_db)
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert "absent.csv" in result.err


def test_list_filters_by_status_and_search(cli, group_db):
    cli("demo", "--db", group_db)
    rows = _rows(cli("members", "list", "--format", "csv", "--db", group_db).out)
    statuses = {row["Status"] for row in rows}
    assert {"Current", "Due for renewal", "Lapsed", "Ended"} <= statuses
    due = cli("members", "list", "--status", "due", "--format", "csv", "--db", group_db)
    due_rows = _rows(due.out)
    assert due_rows and {row["Status"] for row in due_rows} == {"Due for renewal"}
    someone = rows[0]
    found = cli("members", "list", "--search", someone["Postcode"], "--format", "csv",
                "--db", group_db)  # fmt: skip
    found_rows = _rows(found.out)
    assert someone["Number"] in {row["Number"] for row in found_rows}
    assert {row["Postcode"] for row in found_rows} == {someone["Postcode"]}
