"""Printing from the command line: each document is a real PDF, and the count is told."""

from __future__ import annotations

import pytest


@pytest.fixture
def demo_db(cli, group_db):
    assert cli("demo", "--db", group_db, "--people", "60").code == 0
    return group_db


@pytest.mark.parametrize(
    ("document", "noun"),
    [("register", "members"), ("labels", "labels"), ("cards", "cards"), ("reminders", "letter")],
)
def test_each_document_is_written(cli, demo_db, tmp_path, document, noun):
    out = tmp_path / f"{document}.pdf"
    result = cli("print", document, "--out", out, "--db", demo_db)
    assert result.code == 0, result.err
    assert result.out.startswith("Wrote ") and noun in result.out and str(out) in result.out
    assert out.read_bytes().startswith(b"%PDF")


def test_register_by_status_in_large_print(cli, demo_db, tmp_path):
    everyone = cli("print", "register", "--out", tmp_path / "all.pdf", "--db", demo_db)
    current = cli("print", "register", "--status", "current", "--large-print",
                  "--out", tmp_path / "current.pdf", "--db", demo_db)  # fmt: skip
    assert everyone.out.startswith("Wrote the register of members (48 members)")
    assert current.code == 0
    printed = int(current.out.split("(")[1].split()[0])
    assert 0 < printed < 48


def test_print_refuses_what_it_cannot_do(cli, demo_db, tmp_path):
    wrong = cli("print", "cards", "--large-print", "--out", tmp_path / "c.pdf", "--db", demo_db)
    assert wrong.code == 1
    assert wrong.err_lines == ["Large print is for the register and reminders, not cards."]
    text = cli("print", "register", "--out", tmp_path / "register.txt", "--db", demo_db)
    assert text.code == 1
    assert text.err_lines == [f"{tmp_path / 'register.txt'}: the file to write must end in .pdf"]
    off_sheet = cli(
        "print", "labels", "--start", "22", "--out", tmp_path / "l.pdf", "--db", demo_db
    )
    assert off_sheet.code == 1
    assert off_sheet.err_lines == ["Start position: Start at a label from 1 to 21 (top left is 1)"]
    assert not (tmp_path / "c.pdf").exists() and not (tmp_path / "l.pdf").exists()


def test_labels_are_one_per_household_unless_each_person_is_asked(cli, demo_db, tmp_path):
    shared = cli("print", "labels", "--out", tmp_path / "homes.pdf", "--db", demo_db)
    each = cli("print", "labels", "--each-person", "--out", tmp_path / "each.pdf", "--db", demo_db)

    def count(result) -> int:
        return int(result.out.split("(")[1].split()[0])

    assert shared.code == each.code == 0
    assert 0 < count(shared) < count(each)  # the demo group has couples who share a letterbox
    wrong = cli("print", "cards", "--each-person", "--out", tmp_path / "c.pdf", "--db", demo_db)
    assert wrong.code == 1
    assert wrong.err_lines == ["--each-person is for labels, not cards."]
