"""Importing members from the files groups really keep: every rule checked on real files."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from grassroots.core.errors import GrassrootsError, ValidationError
from grassroots.core.money import Money
from grassroots.members.importers import (
    IMPORT_FIELDS,
    ImportReport,
    RowError,
    guess_mapping,
    import_members,
    preview_rows,
    read_sheet,
)
from grassroots.members.records import MemberQuery, MemberStatus
from grassroots.members.register import count_members, search_members
from grassroots.members.service import add_member, membership_of
from grassroots.members.sheets import UnreadableFile
from grassroots.people.records import PersonInput
from grassroots.people.service import get_person

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "sample"
TODAY = date(2025, 10, 15)
INDIVIDUAL, HOUSEHOLD, CONCESSION, LIFE = 1, 2, 3, 4


def write_csv(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def write_xlsx(tmp_path: Path, rows: list[list], name: str = "list.xlsx", title: str = "") -> Path:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.title = title
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def run(sessions, path: Path, **options) -> ImportReport:
    return import_members(sessions, path, today=TODAY, **options)


def people(sessions) -> int:
    return count_members(sessions, MemberQuery())


def find(sessions, text: str):
    (row,) = search_members(sessions, MemberQuery(text=text))
    return row


def errors(report: ImportReport) -> list[tuple[int, str, str]]:
    return [(e.row, e.column, e.reason) for e in report.errors]


# ---------------------------------------------------------------- reading files


def test_utf8_with_bom_keeps_pound_and_accents(tmp_path):
    path = write_csv(tmp_path, "Surname,Notes\nDubois,Café £5\n", "utf-8-sig")
    sheet = read_sheet(path)
    assert sheet.headers == ("Surname", "Notes")
    assert sheet.rows == ((2, ("Dubois", "Café £5")),)


def test_windows_1252_as_excel_saves_it(tmp_path):
    path = write_csv(tmp_path, "Surname,Notes\nDubois,Café £5\n", "cp1252")
    assert read_sheet(path).rows == ((2, ("Dubois", "Café £5")),)


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_the_delimiter_is_sniffed(tmp_path, delimiter):
    text = delimiter.join(["Surname", "First name", "Notes"]) + "\n"
    text += delimiter.join(["Smith", "Ann", '"Paid 1,50; cash"']) + "\n"
    sheet = read_sheet(write_csv(tmp_path, text))
    assert sheet.headers == ("Surname", "First name", "Notes")
    assert sheet.rows[0][1] == ("Smith", "Ann", "Paid 1,50; cash")


def test_rows_keep_the_numbers_the_spreadsheet_shows(tmp_path):
    path = write_csv(tmp_path, 'Surname,Notes\nSmith,"two\nlines"\n\nJones,\n')
    numbers = [number for number, _ in read_sheet(path).rows]
    assert numbers == [2, 3, 4]


def test_xlsx_date_cells_text_dates_and_numbers(tmp_path):
    path = write_xlsx(
        tmp_path,
        [["Surname", "Joined", "Phone", "Amount"], ["Smith", date(2025, 4, 1), 1632960001, 12.5]],
    )
    assert read_sheet(path).rows == ((2, ("Smith", date(2025, 4, 1), "1632960001", "12.5")),)


def test_a_named_sheet_or_a_clear_message(tmp_path):
    book = Workbook()
    book.active.append(["Notes"])
    book.create_sheet("Members").append(["Surname"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    assert read_sheet(path).headers == ("Notes",)
    assert read_sheet(path, "Members").headers == ("Surname",)
    with pytest.raises(UnreadableFile, match=r"two\.xlsx.*no sheet called 'Paid'.*Members"):
        read_sheet(path, "Paid")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"\r\n , ,\r\n", "no header row"),
        ("broken.xlsx", b"PK\x03\x04 this is not a workbook", "not a readable Excel"),
        ("damaged.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "not a readable Excel"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "not a CSV"),
    ],
)
def test_a_file_that_is_not_a_list_is_refused_by_name(tmp_path, sessions, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=reason) as caught:
        import_members(sessions, path)
    assert isinstance(caught.value, GrassrootsError)
    assert str(caught.value).startswith(f"Cannot read {name}:")


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(UnreadableFile, match=r"Cannot read gone\.csv: there is no such file"):
        read_sheet(tmp_path / "gone.csv")


# ---------------------------------------------------------------- headers and mapping


def test_common_headers_are_recognised_however_written():
    headers = [
        "SURNAME",
        "Forename",
        "E-mail",
        "Post Code",
        "D.O.B",
        "Member no.",
        "Paid until",
        "Type",
        "Email OK",
        "Tel",
        "Address line 1",
        "City",
        "Start date",
        "Known as",
    ]
    assert guess_mapping(headers) == {
        "last_name": 0, "first_name": 1, "email": 2, "postcode": 3, "date_of_birth": 4,
        "number": 5, "expires_on": 6, "membership_type": 7, "contact_by_email": 8, "phone": 9,
        "address_line1": 10, "town": 11, "joined_on": 12, "preferred_name": 13,
    }  # fmt: skip
    assert guess_mapping(["Family name", "Given name", "ZIP", "Member since", "Renewal date"]) == {
        "last_name": 0, "first_name": 1, "postcode": 2, "joined_on": 3, "expires_on": 4,
    }  # fmt: skip
    assert guess_mapping(["Favourite colour", "Name"]) == {"name": 1}


def test_import_fields_offer_every_field_with_a_label():
    keys = [key for key, _ in IMPORT_FIELDS]
    assert len(keys) == len(set(keys))
    assert {"last_name", "first_name", "name", "postcode", "membership_type", "amount"} <= set(keys)


def test_preview_shows_mapped_text_and_skips_blank_rows(tmp_path):
    sheet = read_sheet(
        write_xlsx(tmp_path, [["Who", "When"], [None, None], ["Ann", date(2025, 4, 1)], ["Bob"]])
    )
    rows = preview_rows(sheet, {"first_name": 0, "joined_on": 1}, limit=1)
    assert rows == [{"first_name": "Ann", "joined_on": "01/04/2025"}]


def test_an_explicit_mapping_reads_unrecognised_columns(tmp_path, sessions):
    path = write_csv(tmp_path, "Who,Where,Pay\nAnn Smith,LE65 1AA,Individual\nBob Jones,XX,\n")
    report = run(sessions, path, mapping={"name": 0, "postcode": 1, "membership_type": 2})
    assert errors(report) == [(3, "Where", "'XX' is not a UK postcode")]


def test_no_column_of_names_is_one_clear_error(tmp_path, sessions):
    path = write_csv(tmp_path, "Colour,Pet\nRed,Cat\n")
    report = run(sessions, path)
    assert [str(e) for e in report.errors] == [
        "Row 1: No column holds people's names: choose which column is the Surname or Name"
    ]


def test_a_mapping_that_does_not_fit_the_file_is_refused(tmp_path, sessions):
    path = write_csv(tmp_path, "Surname\nSmith\n")
    with pytest.raises(ValidationError, match="no column 4"):
        run(sessions, path, mapping={"last_name": 3})


# ---------------------------------------------------------------- the sample files


def test_the_clean_example_imports_whole(sessions):
    report = run(sessions, SAMPLES / "members-example.csv")
    assert report.ok and (report.created_people, report.created_members) == (20, 19)
    row = find(sessions, "Patel")
    assert (row.number, row.type_name, row.postcode) == (103, "Household", "LE65 1AB")
    detail = membership_of(sessions, row.person_id)
    assert detail.joined_on == date(2025, 5, 14) and detail.expires_on == date(2026, 5, 13)
    (payment,) = detail.subscriptions
    assert (payment.amount, payment.paid_on, payment.method) == (
        Money(1500),
        date(2025, 5, 14),
        "bank transfer",
    )
    assert membership_of(sessions, find(sessions, "Lucy").person_id) is None


def test_the_windows_file_keeps_its_accents_and_pounds(sessions):
    report = run(sessions, SAMPLES / "members-windows.csv")
    assert report.ok and report.created_members == 4
    person = get_person(sessions, find(sessions, "Brennan").person_id)
    assert (person.first_name, person.notes) == ("Siân", "Pays £5 each April")
    detail = membership_of(sessions, find(sessions, "Müller").person_id)
    assert detail.subscriptions[0].method == "bank transfer"


def test_the_messy_workbook_reports_every_problem_and_writes_nothing(sessions):
    report = run(sessions, SAMPLES / "members-messy.xlsx")
    types = "Individual, Household, Concession, Life, Honorary"
    assert errors(report) == [
        (4, "Post Code", "'LE6' is not a UK postcode"),
        (6, "Type", f"'Famly' is not a membership type (the types are: {types})"),
        (7, "Date joined", "'31/02/2025' is not a real date"),
        (8, "E-mail address", "The same email address as row 2"),
    ]
    assert report.skipped_blank == 1
    assert (report.created_people, report.created_members) == (0, 0)
    assert people(sessions) == 0


def test_the_messy_workbook_once_fixed_reads_names_dates_and_numbers(tmp_path, sessions):
    from openpyxl import load_workbook

    book = load_workbook(SAMPLES / "members-messy.xlsx")
    sheet = book.active
    sheet["E4"], sheet["F6"], sheet["G7"] = "LE65 3AB", "Household", "28/02/2025"
    sheet.delete_rows(8)
    book.save(tmp_path / "fixed.xlsx")
    report = run(sessions, tmp_path / "fixed.xlsx")
    assert report.ok and (report.created_people, report.created_members) == (7, 6)
    gareth = get_person(sessions, find(sessions, "Hughes").person_id)
    assert (gareth.first_name, gareth.phone, gareth.contact_by_email) == (
        "Gareth",
        "07700 900002",
        True,
    )
    joan = get_person(sessions, find(sessions, "Baker").person_id)
    assert (joan.title, joan.first_name) == ("Mrs", "Joan")
    ann = membership_of(sessions, find(sessions, "ann.smith").person_id)
    assert (ann.number, ann.joined_on, ann.expires_on) == (201, date(2025, 4, 1), date(2026, 3, 31))
    gareth_member = membership_of(sessions, gareth.id)
    assert gareth_member.expires_on == date(2026, 5, 14)
    assert gareth_member.subscriptions[0].amount == Money(1500)
    bill = membership_of(sessions, find(sessions, "Turner").person_id)
    assert (bill.type.name, bill.expires_on) == ("Life", None)
    assert membership_of(sessions, find(sessions, "Élise").person_id) is None


def test_importing_never_changes_the_users_file(sessions):
    for name in ("members-example.csv", "members-messy.xlsx", "members-windows.csv"):
        path = SAMPLES / name
        before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        run(sessions, path)
        assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


# ---------------------------------------------------------------- rows, errors and all-or-nothing


def test_one_bad_row_means_nothing_is_written(tmp_path, sessions):
    path = write_csv(
        tmp_path,
        "Surname,First name,Email,Type\nSmith,Ann,ann@example.org,Individual\n"
        "Jones,Bob,bob@,Individual\nBrown,Cat,,\n",
    )
    report = run(sessions, path)
    assert [str(e) for e in report.errors] == ["Row 3, Email: 'bob@' is not an email address"]
    assert not report.ok and people(sessions) == 0


def test_every_problem_in_a_row_is_reported_with_its_column(tmp_path, sessions):
    path = write_csv(
        tmp_path,
        "Last name,Post code,DOB,Membership type,Start date,Paid until,Amount paid,Paid on,"
        "Method,Email OK,Member no\n"
        "Smith,LE65 1AA,01/01/2030,Individual,01/05/2025,01/04/2025,ten,01/01/2027,"
        "Postal order,maybe,12a\n",
    )
    assert errors(run(sessions, path)) == [
        (2, "Email OK", "'maybe' is not yes or no"),
        (2, "DOB", "The date of birth must be a past date after 1900"),
        (2, "Member no", "'12a' is not a membership number (use a whole number)"),
        (2, "Amount paid", "'ten' is not an amount of money"),
        (2, "Method", "'Postal order' is not a payment method (use cash, cheque, "
                      "bank transfer, standing order, card, other)"),
        (2, "Paid on", "01/01/2027 is in the future"),
        (2, "Paid until", "01/04/2025 is before the joining date"),
    ]  # fmt: skip


def test_email_contact_without_an_address_names_the_consent_column(tmp_path, sessions):
    path = write_csv(tmp_path, "Surname,Email OK\nSmith,yes\n")
    assert errors(run(sessions, path)) == [
        (2, "Email OK", "They want contact by email, so an email address is needed")
    ]


def test_blank_rows_are_skipped_and_counted(tmp_path, sessions):
    path = write_csv(tmp_path, "Surname,First name\nSmith,Ann\n,\n\n  ,  \nJones,Bob\n")
    report = run(sessions, path)
    assert (report.ok, report.created_people, report.skipped_blank) == (True, 2, 3)


def test_a_dry_run_checks_everything_and_writes_nothing(sessions):
    report = run(sessions, SAMPLES / "members-example.csv", dry_run=True)
    assert report.ok and report.dry_run
    assert (report.created_people, report.created_members) == (20, 19)
    assert people(sessions) == 0
    bad = run(sessions, SAMPLES / "members-messy.xlsx", dry_run=True)
    assert len(bad.errors) == 4 and people(sessions) == 0


def test_names_are_split_from_one_column(tmp_path, sessions):
    path = write_csv(tmp_path, 'Name\n"Smith, Ann"\nMrs Joan Baker\nAnn de Souza\n')
    assert run(sessions, path).created_people == 3
    names = {(r.title, r.first_name, r.last_name) for r in search_members(sessions, MemberQuery())}
    assert names == {("", "Ann", "Smith"), ("Mrs", "Joan", "Baker"), ("", "Ann", "de Souza")}


def test_str_of_a_row_error():
    assert str(RowError(7, "Postcode", "'XX1' is not a UK postcode")) == (
        "Row 7, Postcode: 'XX1' is not a UK postcode"
    )


# ---------------------------------------------------------------- duplicates


def test_duplicates_within_the_file_name_both_rows(tmp_path, sessions):
    path = write_csv(
        tmp_path,
        "First name,Surname,Email,Postcode\nAnn,Smith,ann@example.org,LE65 1AA\n"
        "Bob,Jones,,LE65 2BB\nAnnie,Smith,ANN@example.org,\nbob,JONES,,le652bb\n",
    )
    assert errors(run(sessions, path)) == [
        (4, "Email", "The same email address as row 2"),
        (5, "Surname", "The same name and postcode as row 3"),
    ]
    report = run(sessions, path, skip_duplicates=True)
    assert (report.ok, report.created_people, report.skipped_duplicates) == (True, 2, 2)
    assert people(sessions) == 2


def test_duplicates_of_people_on_record_name_them(tmp_path, sessions):
    add_member(
        sessions,
        PersonInput(first_name="Ann", last_name="Smith", email="ann@example.org"),
        INDIVIDUAL,
        date(2025, 1, 1),
    )
    add_member(
        sessions,
        PersonInput(first_name="Bob", last_name="Jones", postcode="LE65 2BB"),
        INDIVIDUAL,
        date(2025, 1, 1),
    )
    path = write_csv(
        tmp_path,
        "First name,Surname,Email,Postcode\nA,Smith,Ann@Example.org,\nBob,Jones,,LE652BB\n"
        "Cat,Brown,,\n",
    )
    assert errors(run(sessions, path)) == [
        (2, "Email", "Ann Smith is already on record with this email address"),
        (3, "Surname", "Bob Jones is already on record with this name and postcode"),
    ]
    assert people(sessions) == 2
    report = run(sessions, path, skip_duplicates=True)
    assert (report.created_people, report.skipped_duplicates) == (1, 2)
    assert people(sessions) == 3


# ---------------------------------------------------------------- memberships


def test_unknown_types_list_the_known_ones(tmp_path, sessions):
    path = write_csv(tmp_path, "Surname,Type\nSmith,  individual \nJones,Gold\n")
    ((row, column, reason),) = errors(run(sessions, path))
    assert (row, column) == (3, "Type")
    assert reason == (
        "'Gold' is not a membership type "
        "(the types are: Individual, Household, Concession, Life, Honorary)"
    )


def test_membership_numbers_in_use_or_repeated_are_errors(tmp_path, sessions):
    add_member(sessions, PersonInput(last_name="First"), INDIVIDUAL, date(2025, 1, 1))
    path = write_csv(
        tmp_path, "Surname,Type,Member no\nA,Individual,1\nB,Individual,7\nC,Individual,7\n"
    )
    assert errors(run(sessions, path)) == [
        (2, "Member no", "Membership number 1 is already in use"),
        (4, "Member no", "Membership number 7 is also on row 3"),
    ]


def test_unnumbered_members_follow_the_highest_number(tmp_path, sessions):
    add_member(sessions, PersonInput(last_name="First"), INDIVIDUAL, date(2025, 1, 1))
    path = write_csv(tmp_path, "Surname,Type,Member no\nA,Individual,\nB,Life,40\nC,Concession,\n")
    assert run(sessions, path).created_members == 3
    assert [find(sessions, name).number for name in ("a", "b", "c")] == [41, 40, 42]


def test_rows_without_a_type_are_people_unless_a_default_is_given(tmp_path, sessions):
    path = write_csv(tmp_path, "Surname,Type,Joined\nA,,\nB,Life,01/01/2010\n")
    report = run(sessions, path)
    assert (report.created_people, report.created_members) == (2, 1)
    assert membership_of(sessions, find(sessions, "a").person_id) is None
    other = write_csv(tmp_path, "Surname,Type\nC,\nD,Life\n", name="other.csv")
    report = run(sessions, other, default_type_id=CONCESSION)
    assert report.created_members == 2
    detail = membership_of(sessions, find(sessions, "c").person_id)
    assert (detail.type.name, detail.joined_on, detail.expires_on) == (
        "Concession",
        TODAY,
        date(2026, 10, 14),
    )


def test_membership_details_without_a_type_are_not_lost_silently(tmp_path, sessions):
    path = write_csv(tmp_path, "Surname,Type,Amount paid\nSmith,,10.00\n")
    assert errors(run(sessions, path)) == [
        (2, "Type", "Amount paid is filled in but there is no membership type")
    ]


def test_an_unknown_default_type_is_refused(tmp_path, sessions):
    path = write_csv(tmp_path, "Surname\nSmith\n")
    with pytest.raises(ValidationError):
        run(sessions, path, default_type_id=999)


def test_expiry_from_the_file_is_kept_and_payment_recorded(tmp_path, sessions):
    path = write_csv(
        tmp_path,
        "Surname,Type,Joined,Expires,Amount paid,Paid on,Method\n"
        "Smith,Individual,01/04/2020,30/09/2026,£12.50,02/04/2025,BACS\n",
    )
    assert run(sessions, path).created_members == 1
    detail = membership_of(sessions, find(sessions, "smith").person_id)
    assert (detail.joined_on, detail.expires_on) == (date(2020, 4, 1), date(2026, 9, 30))
    (payment,) = detail.subscriptions
    assert (payment.amount, payment.paid_on, payment.method) == (
        Money(1250),
        date(2025, 4, 2),
        "bank transfer",
    )
    # The payment covers the one year up to the expiry, not every year since joining.
    assert (payment.period_start, payment.period_end) == (date(2025, 10, 1), date(2026, 9, 30))


# ---------------------------------------------------------------- members who have left


def test_leaving_columns_are_recognised_however_written():
    assert guess_mapping(["Surname", "Date left", "Reason for leaving"]) == {
        "last_name": 0, "ended_on": 1, "ended_reason": 2,
    }  # fmt: skip
    assert guess_mapping(["Ended", "Ended reason"]) == {"ended_on": 0, "ended_reason": 1}
    assert guess_mapping(["Left on", "Why left"]) == {"ended_on": 0, "ended_reason": 1}


def test_a_member_who_left_imports_as_ended_with_date_and_reason(tmp_path, sessions):
    path = write_csv(
        tmp_path,
        "Surname,Type,Joined,Expires,Date left,Reason for leaving\n"
        "Smith,Individual,01/04/2020,31/03/2024,30/06/2023,Moved to Derby\n"
        "Jones,Individual,01/04/2020,31/03/2026,,\n",
    )
    assert run(sessions, path).created_members == 2
    smith = find(sessions, "smith")
    assert smith.status == MemberStatus.ENDED
    detail = membership_of(sessions, smith.person_id)
    assert (detail.ended_on, detail.ended_reason) == (date(2023, 6, 30), "Moved to Derby")
    assert membership_of(sessions, find(sessions, "jones").person_id).ended_on is None


def test_leaving_details_that_do_not_fit_are_reported(tmp_path, sessions):
    path = write_csv(
        tmp_path,
        "Surname,Type,Joined,Left on,Reason for leaving\n"
        "Early,Individual,01/04/2020,31/03/2019,\n"
        "Later,Individual,01/04/2020,01/01/2030,Moving away\n"
        "Why,Individual,01/04/2020,,Died\n"
        "Typeless,,,01/01/2024,\n"
        f"Wordy,Individual,01/04/2020,01/01/2024,{'x' * 201}\n",
    )
    assert errors(run(sessions, path)) == [
        (2, "Left on", "31/03/2019 is before the joining date"),
        (3, "Left on", "01/01/2030 is in the future"),
        (4, "Reason for leaving", "A reason for leaving is given but not the date it ended"),
        (5, "Type", "Left on is filled in but there is no membership type"),
        (6, "Reason for leaving", "Keep the reason to 200 characters"),
    ]
    assert people(sessions) == 0


def test_consent_to_contact_is_logged_with_its_source(tmp_path, sessions):
    path = write_csv(tmp_path, "Surname,Email,Email OK,Post OK\nSmith,s@example.org,Y,no\n")
    run(sessions, path)
    person = get_person(sessions, find(sessions, "smith").person_id)
    assert person.contact_by_email and not person.contact_by_post
    assert person.source == "Imported from list.csv"
    ((channel, given, source),) = [(c.channel, c.given_on, c.source) for c in person.consents]
    assert (channel, given, source) == ("email", TODAY, "Imported from list.csv")


def test_imported_people_can_be_searched(tmp_path, sessions):
    path = write_csv(tmp_path, "Surname,First name,Postcode,Phone\nSmith,Ann,le651aa,01632960001\n")
    run(sessions, path)
    for text in ("ann smith", "LE651AA", "01632960001"):
        assert find(sessions, text).last_name == "Smith"
    assert get_person(sessions, find(sessions, "Ann").person_id).created_at is not None


def test_a_title_above_the_headers_is_passed_over(tmp_path, sessions):
    path = write_xlsx(
        tmp_path,
        [["Ashby Village Hall members 2025"], [], ["Surname", "Email"], ["Smith", "s@x"]],
    )
    sheet = read_sheet(path)
    assert (sheet.header_row, sheet.headers) == (3, ("Surname", "Email"))
    assert errors(run(sessions, path)) == [(4, "Email", "'s@x' is not an email address")]


def test_a_cancelled_import_writes_nothing(tmp_path, sessions):
    from grassroots.core.errors import Cancelled
    from grassroots.members.records import MemberQuery
    from grassroots.members.register import count_members

    path = tmp_path / "members.csv"
    path.write_text("First name,Surname\nAnn,Smith\nBob,Jones\n", encoding="utf-8")
    asked = []

    def stop_at_the_end():
        asked.append(1)
        return len(asked) >= 3  # let it check and write, then stop before it commits

    with pytest.raises(Cancelled, match="nothing was imported"):
        import_members(sessions, path, should_stop=stop_at_the_end)
    assert count_members(sessions, MemberQuery()) == 0


def test_a_payment_covers_one_period_not_all_the_years_since_joining(tmp_path, sessions):
    from grassroots.members.service import membership_by_number

    path = tmp_path / "members.csv"
    path.write_text(
        "Member no,First name,Surname,Type,Joined,Expires,Amount paid,Paid on\n"
        "7,Ann,Smith,Individual,01/04/2010,31/03/2027,10.00,01/04/2026\n",
        encoding="utf-8",
    )
    assert import_members(sessions, path).ok
    (payment,) = membership_by_number(sessions, 7).subscriptions
    assert (payment.period_start, payment.period_end) == (date(2026, 4, 1), date(2027, 3, 31))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            "First name,Surname,Notes\nAnn,Smith,needs large print, uses a wheelchair\n",
            "row 2, column 4",
        ),
        (
            'First name,Surname,Town\nAnn,"Smith,Bath\nBob,Jones,Leeds\nCy,Cole,Ely\n',
            "from line 2 .* quote mark",
        ),
    ],
)
def test_a_row_that_would_lose_text_is_refused_by_place(tmp_path, sessions, content, reason):
    path = tmp_path / "members.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UnreadableFile, match=reason):
        import_members(sessions, path)
