"""What the import window is shown before anything is written: the top of a CSV as the bank
wrote it, the columns recognised or remembered, a dry run; and named column mappings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from grassroots.accounts import books
from grassroots.accounts.statement_csv import preview_csv
from grassroots.accounts.statement_mappings import list_mappings, mapping_named, save_mapping
from grassroots.accounts.statements import (
    import_statement,
    preview_statement,
    remembered_mapping,
    statement_imports,
)
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money

START = date(2026, 3, 1)
HEADED = """Account name:,Ashby Village Hall
Sort code:,30-96-34

Date,Description,Paid in,Paid out,Balance
02/03/2026,HALL HIRE PATEL,55.00,,1055.00
05/03/2026,ASHBY PRINTERS,,45.00,1010.00
"""
ODD = """Posted,Narrative,Value
02/03/2026,HALL HIRE PATEL,55.00
"""


@pytest.fixture
def bank(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(100_000), START)


def write(tmp_path: Path, text: str, name: str = "march.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_csv_preview_finds_the_headings_under_the_lines_above_them(tmp_path):
    preview = preview_csv(write(tmp_path, HEADED))
    assert preview.headings == ("Date", "Description", "Paid in", "Paid out", "Balance")
    assert preview.heading_row == 4
    assert preview.rows[1] == ("05/03/2026", "ASHBY PRINTERS", "", "45.00", "1010.00")
    assert preview.recognised == {
        "date": "Date", "description": "Description", "paid_in": "Paid in",
        "paid_out": "Paid out", "balance": "Balance",
    }  # fmt: skip


def test_unknown_headings_are_still_shown_and_a_mapping_that_fits_is_used(tmp_path):
    path = write(tmp_path, ODD)
    assert preview_csv(path).headings == ("Posted", "Narrative", "Value")
    assert preview_csv(path).recognised == {}
    mapped = preview_csv(path, {"date": "posted", "amount": "VALUE"})
    assert mapped.recognised == {"date": "Posted", "amount": "Value"}


def test_a_preview_is_a_dry_run_with_the_first_lines(sessions, bank, tmp_path):
    path = write(tmp_path, HEADED)
    preview = preview_statement(sessions, path, bank.id)
    assert preview.kind == "csv" and preview.total == 2
    assert [(line.description, line.pence) for line in preview.lines] == [
        ("HALL HIRE PATEL", 5500), ("ASHBY PRINTERS", -4500),
    ]  # fmt: skip
    assert preview.report.dry_run and preview.report.new_lines == 2
    assert preview.report.closing_balance_agrees is True
    assert statement_imports(sessions, bank.id) == []  # nothing written
    assert remembered_mapping(sessions, bank.id) == {}

    import_statement(sessions, path, bank.id)
    assert remembered_mapping(sessions, bank.id)["paid_in"] == "Paid in"
    (done,) = statement_imports(sessions, bank.id)
    assert (done.source, done.lines, done.first_on, done.last_on) == (
        "march.csv", 2, date(2026, 3, 2), date(2026, 3, 5),
    )  # fmt: skip
    again = preview_statement(sessions, path, bank.id)
    assert (again.report.new_lines, again.report.duplicates) == (0, 2)


def test_named_mappings_are_saved_replaced_and_found_in_any_case(sessions):
    save_mapping(sessions, " Unity  Trust ", {"date": "Posted", "amount": "Value", "balance": ""})
    save_mapping(sessions, "unity trust", {"date": "Posted", "amount": "Amount"})
    (saved,) = list_mappings(sessions)
    assert (saved.name, saved.mapping) == ("unity trust", {"date": "Posted", "amount": "Amount"})
    assert mapping_named(sessions, "UNITY TRUST").mapping == {"date": "Posted", "amount": "Amount"}
    with pytest.raises(NotFound, match="the saved ones are: unity trust"):
        mapping_named(sessions, "Lloyds")


def test_a_mapping_without_a_date_or_an_amount_is_refused(sessions):
    with pytest.raises(ValidationError) as caught:
        save_mapping(sessions, "Odd", {"date": "Posted", "paid_in": "In"})
    assert caught.value.fields == {
        "mapping": "Choose a Date column and an Amount column (or Paid in and Paid out)"
    }
    with pytest.raises(ValidationError) as caught:
        save_mapping(sessions, "", {"date": "Posted", "amount": "Value"})
    assert set(caught.value.fields) == {"name"}
