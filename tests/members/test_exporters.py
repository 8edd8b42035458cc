"""Exporting the members list to CSV and XLSX, and reading the export straight back in."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from grassroots.core.money import Money
from grassroots.db.database import open_database
from grassroots.group.service import set_up_group
from grassroots.members.exporters import ExportFailed, export_members
from grassroots.members.importers import guess_mapping, import_members
from grassroots.members.records import MemberQuery, MemberStatus, PaymentInput
from grassroots.members.register import count_members, search_members
from grassroots.members.service import add_member, end_membership, membership_by_number
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person, get_person

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "sample"
TODAY = date(2025, 10, 15)
ENDED_ON = date(2024, 6, 30)


@pytest.fixture
def register(sessions):
    """Two members (one with a £ in the notes and a payment, one who has left) and one person
    who is not."""
    add_member(
        sessions,
        PersonInput(
            title="Mrs",
            first_name="Siân",
            last_name="Brennan",
            address_line1="14 Leicester Road",
            town="Ashby",
            postcode="LE65 1DB",
            email="sian@example.org",
            phone="01632 960001",
            date_of_birth=date(1950, 3, 5),
            notes="Pays £12.50 by cheque",
            contact_by_email=True,
        ),
        3,
        date(2025, 4, 1),
        PaymentInput(date(2025, 4, 2), Money(1250), "cheque"),
    )
    bill = add_member(
        sessions, PersonInput(first_name="Bill", last_name="Turner"), 4, date(2010, 1, 1)
    )
    end_membership(sessions, bill.id, ENDED_ON, "Moved to Derby")
    add_person(sessions, PersonInput(first_name="Lucy", last_name="Hall", notes="Volunteer"))
    return sessions


def fresh_sessions(tmp_path: Path, name: str):
    db = open_database(str(tmp_path / f"{name}.db"), tmp_path / f"{name}-backups")
    set_up_group(db.sessions, "Another Group")
    return db


def test_csv_has_a_bom_uk_dates_plain_money_and_known_headers(tmp_path, register):
    path = tmp_path / "members.csv"
    assert export_members(register, path) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    sian = next(r for r in rows if r["Surname"] == "Brennan")
    assert sian["First name"] == "Siân" and sian["Notes"] == "Pays £12.50 by cheque"
    assert (sian["Joined"], sian["Expires"], sian["Date of birth"]) == (
        "01/04/2025",
        "31/03/2026",
        "05/03/1950",
    )
    assert (sian["Amount paid"], sian["Paid on"], sian["Method"]) == (
        "12.50",
        "02/04/2025",
        "cheque",
    )
    assert (sian["Membership type"], sian["Membership number"]) == ("Concession", "1")
    assert (sian["Contact by email"], sian["Contact by post"]) == ("Yes", "No")
    assert (sian["Ended on"], sian["Ended reason"]) == ("", "")
    bill = next(r for r in rows if r["Surname"] == "Turner")
    assert (bill["Ended on"], bill["Ended reason"]) == ("30/06/2024", "Moved to Derby")
    lucy = next(r for r in rows if r["Surname"] == "Hall")
    assert (lucy["Membership type"], lucy["Membership number"], lucy["Joined"]) == ("", "", "")
    headers = list(rows[0])
    assert len(guess_mapping(headers)) == len(headers)  # every column is one the import knows


def test_xlsx_has_date_cells_a_bold_frozen_header_and_widths(tmp_path, register):
    path = tmp_path / "members.xlsx"
    assert export_members(register, path) == 3
    sheet = load_workbook(path).active
    headers = [c.value for c in sheet[1]]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    joined = sheet.cell(row=2, column=headers.index("Joined") + 1)
    assert joined.is_date and joined.number_format == "DD/MM/YYYY"
    assert joined.value.date() == date(2025, 4, 1)
    amount = sheet.cell(row=2, column=headers.index("Amount paid") + 1)
    assert amount.value == 12.5 and amount.number_format == "0.00"
    assert sheet.cell(row=2, column=headers.index("Phone") + 1).value == "01632 960001"
    bill = next(
        r for r in sheet.iter_rows(min_row=2) if r[headers.index("Surname")].value == "Turner"
    )
    ended = bill[headers.index("Ended on")]
    assert ended.is_date and ended.value.date() == ENDED_ON
    assert bill[headers.index("Ended reason")].value == "Moved to Derby"
    widths = {sheet.column_dimensions[c].width for c in "ABCDEFGHIJKLMNOPQRSTUVWX"}
    assert min(widths) >= 8 and max(widths) <= 45 and len(widths) > 3


def test_a_filter_exports_only_what_the_list_shows(tmp_path, register):
    path = tmp_path / "members.csv"
    assert export_members(register, path, MemberQuery(members_only=True, sort="number")) == 2
    assert export_members(register, path, MemberQuery(status=MemberStatus.NONE)) == 1
    assert "Hall" in path.read_text(encoding="utf-8-sig")


def test_text_that_looks_like_a_formula_stays_text(tmp_path, sessions):
    add_person(sessions, PersonInput(last_name="Smith", notes="=== ring first ==="))
    path = tmp_path / "members.xlsx"
    export_members(sessions, path)
    sheet = load_workbook(path).active
    assert sheet.cell(row=2, column=len(sheet[1])).value == "=== ring first ==="


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(tmp_path, register, suffix):
    first = tmp_path / f"first.{suffix}"
    export_members(register, first)
    other = fresh_sessions(tmp_path, "other")
    try:
        report = import_members(other.sessions, first, today=TODAY)
        assert report.ok, report.errors
        assert (report.created_people, report.created_members) == (3, 2)
        # Bill left in 2024: he comes back as an ended member, not a lapsed one.
        (bill,) = search_members(other.sessions, MemberQuery(text="Turner"))
        assert bill.status == MemberStatus.ENDED
        ended = membership_by_number(other.sessions, bill.number)
        assert (ended.ended_on, ended.ended_reason) == (ENDED_ON, "Moved to Derby")
        assert _status_counts(other.sessions) == _status_counts(register)
        second = tmp_path / f"second.{suffix}"
        export_members(other.sessions, second)
    finally:
        other.close()
    assert _contents(first) == _contents(second)


def _status_counts(sessions) -> dict[MemberStatus, int]:
    return {s: count_members(sessions, MemberQuery(status=s)) for s in MemberStatus}


def _csv_rows(path: Path) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines())
    return {row["Surname"]: row for row in rows}


def test_csv_cells_a_spreadsheet_would_run_start_with_an_apostrophe(tmp_path, sessions):
    """Names and notes that would run as formulas are guarded; numbers, phone numbers and
    amounts that only start with + or - are left alone, so they stay usable."""
    add_person(
        sessions,
        PersonInput(
            last_name="Formula",
            address_line2="@home",
            notes='=HYPERLINK("http://example.com","Click")',
        ),
    )
    add_person(sessions, PersonInput(last_name="Sums", notes="-2+3+cmd|' /C calc'!A0"))
    add_person(sessions, PersonInput(last_name="Quoted", notes="'=already quoted"))
    add_person(sessions, PersonInput(last_name="Minus", notes="- ring the back door"))
    add_person(sessions, PersonInput(last_name="Owed", notes="-12.50"))
    add_person(sessions, PersonInput(last_name="Abroad", mobile="+33 6 12 34 56 78", notes="+5"))
    path = tmp_path / "members.csv"
    export_members(sessions, path)

    rows = _csv_rows(path)
    assert rows["Formula"]["Notes"] == '\'=HYPERLINK("http://example.com","Click")'
    assert rows["Formula"]["Address 2"] == "'@home"
    assert rows["Sums"]["Notes"] == "'-2+3+cmd|' /C calc'!A0"
    assert rows["Quoted"]["Notes"] == "''=already quoted"
    assert rows["Minus"]["Notes"] == "'- ring the back door"
    assert rows["Owed"]["Notes"] == "-12.50"
    assert (rows["Abroad"]["Mobile"], rows["Abroad"]["Notes"]) == ("+33612345678", "+5")
    assert rows["Formula"]["Surname"] == "Formula"  # ordinary text untouched

    xlsx = tmp_path / "members.xlsx"
    export_members(sessions, xlsx)
    sheet = load_workbook(xlsx).active
    notes = [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "-2+3+cmd|' /C calc'!A0" in notes  # an XLSX cell is typed text: no apostrophe

    other = fresh_sessions(tmp_path, "other")
    try:
        assert import_members(other.sessions, path, today=TODAY).ok
        back = {
            r.last_name: get_person(other.sessions, r.person_id)
            for r in search_members(other.sessions, MemberQuery())
        }
    finally:
        other.close()
    assert back["Formula"].notes == '=HYPERLINK("http://example.com","Click")'
    assert back["Formula"].address_line2 == "@home"
    assert back["Sums"].notes == "-2+3+cmd|' /C calc'!A0"
    assert back["Quoted"].notes == "'=already quoted"
    assert back["Minus"].notes == "- ring the back door"
    assert back["Owed"].notes == "-12.50"


def test_the_example_sample_survives_a_round_trip(tmp_path, sessions):
    import_members(sessions, SAMPLES / "members-example.csv", today=TODAY)
    export = tmp_path / "all.xlsx"
    assert export_members(sessions, export) == 20
    other = fresh_sessions(tmp_path, "other")
    try:
        report = import_members(other.sessions, export, today=TODAY)
        assert (report.ok, report.created_people, report.created_members) == (True, 20, 19)
        assert count_members(other.sessions, MemberQuery(members_only=True)) == 19
    finally:
        other.close()


def test_a_failed_export_leaves_no_file_behind(tmp_path, register):
    target = tmp_path / "missing-folder" / "members.csv"
    with pytest.raises(ExportFailed, match=r"Cannot save members\.csv"):
        export_members(register, target)
    assert not target.parent.exists()
    good = tmp_path / "members.csv"
    export_members(register, good)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _contents(path: Path) -> list[list[str]]:
    if path.suffix == ".csv":
        return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    return [[str(v) for v in row] for row in load_workbook(path).active.iter_rows(values_only=True)]
