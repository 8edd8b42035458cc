"""Bank statements into the cash book: CSV layouts, OFX, duplicates, matching, refusals."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from grassroots.accounts import books
from grassroots.accounts.models import AuditRecord, BookAccount, Entry, EntryLine, StatementLine
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.accounts.statements import import_statement
from grassroots.core.money import Money

START = date(2026, 3, 1)
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "sample"


@pytest.fixture
def bank(sessions):
    return books.add_account(
        sessions, "Current account", "bank", Money(100_000), START, "30-96-34 12345678"
    )


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def count(sessions, model) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def entries(sessions) -> list[tuple[date, int, str, int | None]]:
    """(date, pence, payee, category id) of every entry, in date order."""
    with sessions() as session:
        rows = session.execute(
            select(Entry.on, Entry.amount_pence, Entry.payee, EntryLine.category_id)
            .join(EntryLine, EntryLine.entry_id == Entry.id)
            .order_by(Entry.on, Entry.id)
        ).all()
    return [tuple(row) for row in rows]


def category(sessions, name):
    return next(c for c in books.list_categories(sessions) if c.name == name)


SIGNED = """Date,Description,Amount,Balance
02/03/2026,COFFEE MORNING TAKINGS,125.50,1125.50
05/03/2026,ASHBY PRINTERS,-45.00,1080.50
10/03/2026,SO SMITH J SUBS,12.00,1092.50
"""


def test_a_signed_amount_csv_lands_as_entries_to_categorise(sessions, bank, tmp_path):
    report = import_statement(sessions, write(tmp_path / "march.csv", SIGNED), bank.id)

    assert report.errors == ()
    assert (report.new_lines, report.duplicates, report.matched, report.created) == (3, 0, 0, 3)
    assert entries(sessions) == [
        (date(2026, 3, 2), 12550, "COFFEE MORNING TAKINGS", None),
        (date(2026, 3, 5), -4500, "ASHBY PRINTERS", None),
        (date(2026, 3, 10), 1200, "SO SMITH J SUBS", None),
    ]
    viewed = books.get_entry(sessions, 1)
    assert viewed.to_categorise and viewed.lines[0].fund == "General fund"
    assert report.statement_closing == Money(109_250) and report.our_balance == Money(109_250)
    assert report.closing_balance_agrees is True and report.closing_on == date(2026, 3, 10)
    assert count(sessions, AuditRecord) == 3  # every new entry is in the audit trail
    with sessions() as session:
        remembered = json.loads(session.get(BookAccount, bank.id).statement_mapping)
    assert remembered == {
        "amount": "Amount", "balance": "Balance", "date": "Date", "description": "Description",
    }  # fmt: skip


def test_paid_in_and_out_columns_under_header_rows_in_windows_1252(sessions, bank, tmp_path):
    text = (
        "Account Name:,Ashby Village Hall Current\r\n"
        "Sort code:,30-96-34\r\n"
        "Account Balance:,£1,092.50\r\n"
        "\r\n"
        '"Date","Transaction type","Description","Paid out","Paid in","Balance"\r\n'
        '"10 Mar 2026","Credit","SO SMITH J SUBS","","£12.00","£1,092.50"\r\n'
        '"05 Mar 2026","Debit","ASHBY PRINTERS","£45.00","","£1,080.50"\r\n'
        '"02 Mar 2026","Credit","COFFEE MORNING TAKINGS","","£125.50","£1,125.50"\r\n'
    )
    path = write(tmp_path / "nationwide.csv", text, "cp1252")

    report = import_statement(sessions, path, bank.id)

    assert report.errors == () and report.created == 3
    assert [(on, pence) for on, pence, _, _ in entries(sessions)] == [
        (date(2026, 3, 2), 12550),
        (date(2026, 3, 5), -4500),
        (date(2026, 3, 10), 1200),
    ]
    # Newest first: the closing balance is the top line's, on the latest date.
    assert report.statement_closing == Money(109_250) and report.closing_balance_agrees is True


def test_debit_and_credit_columns_with_a_byte_order_mark(sessions, bank, tmp_path):
    text = (
        "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,"
        "Debit Amount,Credit Amount,Balance\n"
        "11/03/2026,DD,'30-96-34,12345678,ENERGY CO,80.25,,999.75\n"
        "03/03/2026,BGC,'30-96-34,12345678,GRANT ASHBY TRUST,,1000.00,\n"
    )
    path = write(tmp_path / "lloyds.csv", text, "utf-8-sig")

    report = import_statement(sessions, path, bank.id)

    assert report.errors == ()
    assert entries(sessions) == [
        (date(2026, 3, 3), 100_000, "GRANT ASHBY TRUST", None),
        (date(2026, 3, 11), -8025, "ENERGY CO", None),
    ]
    assert report.statement_closing == Money(99_975) and report.closing_balance_agrees is False
    assert report.our_balance == Money(191_975)


def test_the_sample_statements_read(sessions, bank):
    for name in ("statement-signed.csv", "statement-paid-in-out.csv"):
        report = import_statement(sessions, SAMPLES / name, bank.id)
        assert report.errors == () and report.closing_balance_agrees is True
    assert count(sessions, Entry) == 4  # the second sample holds the same four lines


OFX_SGML = """OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

<OFX>
<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>
<DTSERVER>20260331120000<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>
<STMTRS><CURDEF>GBP
<BANKACCTFROM><BANKID>309634<ACCTID>{acctid}<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260301<DTEND>20260331
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260302000000[+1:BST]<TRNAMT>0.10<FITID>A1
<NAME>COFFEE MORNING</STMTTRN>
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260302<TRNAMT>0.20<FITID>A2<NAME>COFFEE MORNING</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20260305<TRNAMT>-45.00<FITID>A3<NAME>ASHBY PRINTERS
<MEMO>INV 2231</STMTTRN>
</BANKTRANLIST>
<LEDGERBAL><BALAMT>{closing}<DTASOF>20260331</LEDGERBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1>
</OFX>
"""


def test_an_ofx_statement_imports_exactly_and_keeps_fitids(sessions, bank, tmp_path):
    path = write(tmp_path / "march.ofx", OFX_SGML.format(acctid="12345678", closing="955.30"))

    report = import_statement(sessions, path, bank.id)

    assert report.errors == ()
    assert (report.new_lines, report.created) == (3, 3)
    # 0.10 and 0.20 are exact pence; a midnight in summer time keeps the bank's own date.
    assert [(on, pence) for on, pence, _, _ in entries(sessions)] == [
        (date(2026, 3, 2), 10),
        (date(2026, 3, 2), 20),
        (date(2026, 3, 5), -4500),
    ]
    with sessions() as session:
        assert session.scalars(select(StatementLine.fitid)).all() == ["A1", "A2", "A3"]
        assert session.scalar(select(Entry.reference).where(Entry.amount_pence == -4500)) == (
            "INV 2231"
        )
    assert report.statement_closing == Money(95_530) and report.closing_balance_agrees is True
    assert report.closing_on == date(2026, 3, 31)

    again = import_statement(sessions, path, bank.id)
    assert (again.new_lines, again.duplicates, again.created) == (0, 3, 0)


def test_an_ofx_2_xml_statement_reads_too(sessions, bank, tmp_path):
    xml = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
<DTSERVER>20260331</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY>
</STATUS><STMTRS><CURDEF>GBP</CURDEF><BANKACCTFROM><BANKID>309634</BANKID>
<ACCTID>12345678</ACCTID><ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
<BANKTRANLIST><DTSTART>20260301</DTSTART><DTEND>20260331</DTEND>
<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20260309</DTPOSTED><TRNAMT>250.00</TRNAMT>
<FITID>X9</FITID><NAME>HALL HIRE PATEL</NAME></STMTTRN>
</BANKTRANLIST><LEDGERBAL><BALAMT>1000.00</BALAMT><DTASOF>20260331</DTASOF></LEDGERBAL>
</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
"""
    report = import_statement(sessions, write(tmp_path / "march.xml", xml), bank.id)

    assert report.errors == () and report.created == 1
    assert entries(sessions) == [(date(2026, 3, 9), 25000, "HALL HIRE PATEL", None)]
    assert report.closing_balance_agrees is False
    assert (report.statement_closing, report.our_balance) == (Money(100_000), Money(125_000))


def test_a_statement_for_another_account_is_refused(sessions, bank, tmp_path):
    path = write(tmp_path / "other.ofx", OFX_SGML.format(acctid="87654321", closing="1.00"))

    report = import_statement(sessions, path, bank.id)

    assert report.errors == (
        "other.ofx: this statement is for account number ending 4321, but Current account "
        "is the account ending 5678; choose the right account",
    )
    assert count(sessions, Entry) == 0 and count(sessions, StatementLine) == 0


def test_reimporting_and_overlapping_statements_add_nothing_twice(sessions, bank, tmp_path):
    first = write(tmp_path / "march.csv", SIGNED)
    import_statement(sessions, first, bank.id)

    again = import_statement(sessions, first, bank.id)
    assert (again.new_lines, again.duplicates, again.created) == (0, 3, 0)

    overlap = write(
        tmp_path / "later.csv",
        "Date,Description,Amount\n"
        "10/03/2026,SO SMITH J SUBS,12.00\n"
        "12/03/2026,SO SMITH J SUBS,12.00\n",
    )
    later = import_statement(sessions, overlap, bank.id)
    assert (later.new_lines, later.duplicates, later.created) == (1, 1, 1)
    assert later.closing_balance_agrees is None  # no balance column
    assert count(sessions, Entry) == 4 and count(sessions, StatementLine) == 4


def test_two_identical_lines_in_one_file_both_land_once(sessions, bank, tmp_path):
    text = (
        "Date,Description,Amount\n"
        "07/03/2026,COFFEE MORNING,40.00\n"
        "07/03/2026,Coffee  morning,40.00\n"
    )
    path = write(tmp_path / "takings.csv", text)

    report = import_statement(sessions, path, bank.id)
    assert (report.new_lines, report.created) == (2, 2)
    assert [pence for _, pence, _, _ in entries(sessions)] == [4000, 4000]

    again = import_statement(sessions, path, bank.id)
    assert (again.new_lines, again.duplicates) == (0, 2)


def test_a_line_matches_an_entry_already_in_the_book(sessions, bank, tmp_path):
    subs = category(sessions, "Subscriptions").id
    typed = books.add_entry(
        sessions,
        EntryInput(bank.id, date(2026, 3, 8), (LineInput(Money(1200), subs),), payee="J Smith"),
    )
    too_far = books.add_entry(
        sessions,
        EntryInput(bank.id, date(2026, 3, 6), (LineInput(Money(12550), subs),), payee="Coffee"),
    )

    report = import_statement(sessions, write(tmp_path / "march.csv", SIGNED), bank.id)

    assert (report.new_lines, report.matched, report.created) == (3, 1, 2)
    with sessions() as session:
        rows = session.execute(select(StatementLine.description, StatementLine.entry_id)).all()
    claimed = {description: entry_id for description, entry_id in rows}
    assert claimed["SO SMITH J SUBS"] == typed.id  # two days apart: the same payment
    assert claimed["COFFEE MORNING TAKINGS"] not in (too_far.id, None)  # four days: a new one
    assert count(sessions, Entry) == 4
    # Matched and created lines together make the statement's closing balance.
    assert report.closing_balance_agrees is False
    assert report.our_balance == Money(109_250 + 12550)


def test_an_entry_more_than_three_days_away_is_not_matched(sessions, bank, tmp_path):
    books.add_entry(
        sessions,
        EntryInput(bank.id, date(2026, 3, 6), (LineInput(Money(1200)),), payee="J Smith"),
    )
    report = import_statement(sessions, write(tmp_path / "march.csv", SIGNED), bank.id)
    assert (report.matched, report.created) == (0, 3)


def test_a_payee_categorised_before_suggests_the_category(sessions, bank, tmp_path):
    printing = category(sessions, "Printing and postage")
    books.add_entry(
        sessions,
        EntryInput(
            bank.id,
            date(2026, 3, 1),
            (LineInput(Money(-900), printing.id),),
            payee="Ashby Printers",
        ),
    )

    report = import_statement(sessions, write(tmp_path / "march.csv", SIGNED), bank.id)

    assert report.suggested == 1
    by_payee = {payee: category_id for _, _, payee, category_id in entries(sessions)}
    assert by_payee["ASHBY PRINTERS"] == printing.id
    assert by_payee["COFFEE MORNING TAKINGS"] is None


def test_a_bad_date_names_the_row_and_nothing_is_written(sessions, bank, tmp_path):
    text = SIGNED + "31/02/2026,BAD DAY,1.00,1093.50\n2026/13/01,WORSE,1.00,1094.50\n"
    report = import_statement(sessions, write(tmp_path / "march.csv", text), bank.id)

    assert report.errors == (
        "march.csv row 5, Date: '31/02/2026' is not a real date",
        "march.csv row 6, Date: '2026/13/01' is not a date (use dd/mm/yyyy)",
    )
    assert report.created == 0
    assert count(sessions, Entry) == 0 and count(sessions, StatementLine) == 0


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "amount.csv",
            "Date,Description,Amount\n01/03/2026,OK,1.00\n02/03/2026,TEA,1,50\n",
            "amount.csv row 3, column 4: there is something in a column with no heading",
        ),
        (
            "headings.csv",
            "When,Who,How much\n01/03/2026,TEA,1.00\n",
            "headings.csv: cannot find the headings",
        ),
        ("empty.csv", "\n\n", "empty.csv: the file is empty"),
        ("broken.ofx", "OFXHEADER:100\nDATA:OFXSGML\n<OFX><BANKMSGSRSV1>", "broken.ofx: this is"),
        (
            "early.csv",
            "Date,Description,Amount\n28/02/2026,BEFORE,1.00\n",
            "early.csv row 2: 28/02/2026 is before Current account's books start (01/03/2026)",
        ),
    ],
)
def test_a_malformed_file_writes_nothing(sessions, bank, tmp_path, name, text, message):
    import_statement(sessions, write(tmp_path / "march.csv", SIGNED), bank.id)

    report = import_statement(sessions, write(tmp_path / name, text), bank.id)

    assert report.errors and report.errors[0].startswith(message)
    assert (report.new_lines, report.created) == (0, 0)
    assert count(sessions, Entry) == 3 and count(sessions, StatementLine) == 3


def test_a_mapping_is_used_and_remembered_for_the_account(sessions, bank, tmp_path):
    text = "When,Who,How much\n01/03/2026,TEA URN,-30.00\n"
    mapping = {"date": "When", "description": "Who", "amount": "How much"}

    wrong = import_statement(
        sessions, write(tmp_path / "a.csv", text), bank.id, {**mapping, "amount": "Value"}
    )
    assert wrong.errors == (
        "a.csv: there is no column headed 'Value' (the headings are: When, Who, How much)",
    )

    first = import_statement(sessions, write(tmp_path / "a.csv", text), bank.id, mapping)
    assert first.created == 1
    later = write(tmp_path / "b.csv", "When,Who,How much\n04/03/2026,HALL HIRE,80.00\n")
    second = import_statement(sessions, later, bank.id)
    assert second.errors == () and second.created == 1
    assert [payee for _, _, payee, _ in entries(sessions)] == ["TEA URN", "HALL HIRE"]


def test_a_dry_run_reports_everything_and_saves_nothing(sessions, bank, tmp_path):
    report = import_statement(
        sessions, write(tmp_path / "march.csv", SIGNED), bank.id, dry_run=True
    )
    assert report.dry_run and (report.new_lines, report.created) == (3, 3)
    assert report.closing_balance_agrees is True
    assert count(sessions, Entry) == 0 and count(sessions, StatementLine) == 0
    with sessions() as session:
        assert session.get(BookAccount, bank.id).statement_mapping == ""
