"""Gift Aid through the command line: check, then claim to the file asked for, never twice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from odfdo import Document

from grassroots.accounts import books
from grassroots.accounts.gift_aid import record_declaration
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.core.money import Money
from grassroots.db.database import open_database
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person

TODAY = date.today()


def _donation(db: Path, tmp_path: Path) -> None:
    database = open_database(str(db), tmp_path / "backups")
    sessions = database.sessions
    ann = add_person(
        sessions,
        PersonInput(
            title="Mrs",
            first_name="Ann",
            last_name="Smith",
            address_line1="12 High Street",
            postcode="LE65 1AA",
        ),
    )
    record_declaration(sessions, ann.id, TODAY.replace(day=1))
    bank = books.add_account(sessions, "Current account", opening_on=TODAY.replace(day=1))
    donations = next(c for c in books.list_categories(sessions) if c.name == "Donations")
    books.add_entry(
        sessions,
        EntryInput(
            bank.id,
            TODAY,
            (LineInput(Money(5000), donations.id),),
            payee="Ann Smith",
            person_id=ann.id,
        ),
    )
    database.close()


def test_check_then_claim_into_the_named_file(cli, group_db, tmp_path):
    _donation(group_db, tmp_path)

    checked = cli("giftaid", "schedule", "--check", "--db", group_db)
    assert checked.code == 0
    assert "1 donations (£50.00) can be claimed" in checked.out

    out = tmp_path / "claim.ods"
    claimed = cli("giftaid", "schedule", "--out", out, "--db", group_db)
    assert claimed.code == 0, claimed.err
    assert "£12.50 to reclaim" in claimed.out
    table = Document(str(out)).body.get_table(0)
    cells = [cell.text_content for row in table.get_rows() for cell in row.get_cells()]
    assert "Smith" in cells and "50.00" in cells

    again = cli("giftaid", "schedule", "--out", tmp_path / "again.ods", "--db", group_db)
    assert again.code == 1 and "no donations to claim" in again.err


def test_out_is_needed_to_claim(cli, group_db):
    assert cli("giftaid", "schedule", "--db", group_db).code == 2


def test_declaration_forms_blank_or_for_a_person(cli, group_db, tmp_path):
    from pypdf import PdfReader

    blank = tmp_path / "blank.pdf"
    made = cli("giftaid", "form", "--out", blank, "--copies", "3", "--db", group_db)
    assert made.code == 0, made.err
    assert len(PdfReader(blank).pages) == 3 and "3 blank" in made.out

    missing = cli(
        "giftaid", "form", "--out", tmp_path / "x.pdf", "--person", "999", "--db", group_db
    )
    assert missing.code == 1 and not (tmp_path / "x.pdf").exists()
