"""`grassroots print agenda MEETING` and `print minutes MEETING`: real PDFs of a real meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from grassroots.db.database import open_database
from grassroots.meetings import minutes
from tests.printing.test_agenda_minutes import realistic_meeting


@pytest.fixture
def meeting_db(group_db: Path, tmp_path: Path) -> tuple[Path, int]:
    database = open_database(str(group_db), tmp_path / "backups")
    try:
        meeting_id = realistic_meeting(database.sessions)
    finally:
        database.close()
    return group_db, meeting_id


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_agenda_is_printed(cli, meeting_db, tmp_path):
    db, meeting_id = meeting_db
    out = tmp_path / "agenda.pdf"

    result = cli("print", "agenda", str(meeting_id), "--out", out, "--db", db)

    assert result.code == 0, result.err
    assert (
        result.out
        == f"Wrote the notice and agenda of the Committee meeting, 14/04/2026, to {out}.\n"
    )
    assert "Notice of the committee meeting" in _text(out)


def test_the_minutes_say_whether_they_are_a_draft(cli, meeting_db, tmp_path):
    db, meeting_id = meeting_db
    draft = cli("print", "minutes", str(meeting_id), "--out", tmp_path / "d.pdf", "--db", db)
    assert draft.code == 0, draft.err
    assert "the minutes (draft: not yet approved)" in draft.out
    assert "DRAFT" in _text(tmp_path / "d.pdf")

    database = open_database(str(db), tmp_path / "backups")
    try:
        minutes.approve_minutes(database.sessions, meeting_id, date(2026, 5, 12), "M Okonkwo")
    finally:
        database.close()
    signed = cli("print", "minutes", str(meeting_id), "--out", tmp_path / "s.pdf", "--db", db)

    assert signed.code == 0 and "draft" not in signed.out
    assert "Approved as a true record" in _text(tmp_path / "s.pdf")


def test_an_unknown_meeting_is_a_clear_problem(cli, meeting_db, tmp_path):
    db, _ = meeting_db
    out = tmp_path / "m.pdf"

    result = cli("print", "minutes", "999", "--out", out, "--db", db)

    assert result.code == 1
    assert result.err_lines == [
        "There is no meeting 999; `grassroots meetings list` shows each meeting's id."
    ]
    assert not out.exists()


def test_the_meeting_must_be_given_and_only_for_meeting_papers(cli, meeting_db, tmp_path):
    db, meeting_id = meeting_db

    missing = cli("print", "agenda", "--out", tmp_path / "a.pdf", "--db", db)
    stray = cli("print", "register", str(meeting_id), "--out", tmp_path / "r.pdf", "--db", db)
    not_pdf = cli("print", "agenda", str(meeting_id), "--out", tmp_path / "a.txt", "--db", db)

    assert missing.code == 1 and "Say which meeting" in missing.err
    assert stray.code == 1
    assert stray.err_lines == [
        "A meeting is given only for the agenda, minutes, sign-in sheet or AGM pack, not register."
    ]
    assert not_pdf.code == 1 and "must end in .pdf" in not_pdf.err


def test_the_sign_in_sheet_lists_everyone_invited_in_name_order(cli, meeting_db, tmp_path):
    db, meeting_id = meeting_db
    out = tmp_path / "sign-in.pdf"

    result = cli("print", "sign-in", str(meeting_id), "--out", out, "--db", db)

    assert result.code == 0, result.err
    assert "attendance sign-in sheet of the Committee meeting, 14/04/2026" in result.out
    text = _text(out)
    assert "Attendance sign-in sheet" in text and "Signature" in text
    names = ["Bob Jones", "Cath Patel", "Dev Khan", "Eve Lee", "Fran Hughes"]
    places = [text.index(name) for name in names]
    assert places == sorted(places)  # in name order, so a member finds their line
    assert "Margaret Okonkwo-Fairweather" in text


def test_the_agm_pack_is_only_for_a_general_meeting(cli, meeting_db, tmp_path):
    db, meeting_id = meeting_db
    out = tmp_path / "pack.pdf"

    result = cli("print", "agm-pack", str(meeting_id), "--out", out, "--db", db)

    assert result.code == 1
    assert result.err_lines == [
        f"The AGM pack is for a general meeting; meeting {meeting_id} is a committee meeting."
    ]
    assert not out.exists()


def test_the_minutes_as_a_word_document_to_edit(cli, meeting_db, tmp_path):
    from docx import Document

    db, meeting_id = meeting_db
    out = tmp_path / "minutes.docx"

    result = cli("print", "minutes", str(meeting_id), "--out", out, "--db", db)
    wrong = cli("print", "minutes", str(meeting_id), "--out", tmp_path / "m.odt", "--db", db)

    assert result.code == 0, result.err
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Minutes of the committee meeting (draft)" in text
    assert "Present: " in text and "Bob Jones" in text
    assert "CARRIED" in text and "Chair's signature" in text
    actions = document.tables[-1]
    assert [c.text for c in actions.rows[0].cells] == ["Item", "Action", "Owner", "Due"]
    assert len(actions.rows) > 1
    assert wrong.code == 1 and "(or .docx for the minutes)" in wrong.err
