"""Importing a spreadsheet, exporting the list and printing from the members page."""

from __future__ import annotations

import hashlib
import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from grassroots.members.records import MemberQuery
from grassroots.members.register import count_members
from grassroots.settings import resources_dir
from tests.ui.members.conftest import add_current_member, add_due_member, wait_idle

SAMPLES = resources_dir() / "sample"


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _open(qtbot, dialog, path) -> None:
    dialog.open_file(path)
    qtbot.waitUntil(lambda: dialog.sheet is not None and dialog.check_button.isEnabled())


def test_messy_file_check_lists_every_error_and_writes_nothing(
    qtbot, page, mctx, sessions, tmp_path
):
    messy = tmp_path / "members-messy.xlsx"
    shutil.copy(SAMPLES / "members-messy.xlsx", messy)
    before = _digest(messy)
    dialog = page.import_members()
    _open(qtbot, dialog, messy)
    assert not dialog.import_button.isEnabled()  # not until a clean check
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.count() > 0)
    lines = [dialog.errors.item(i).text() for i in range(dialog.errors.count())]
    assert "Row 4, Post Code: 'LE6' is not a UK postcode" in lines
    assert any(line.startswith("Row 7, Date joined:") for line in lines)
    assert "Nothing has been imported" in dialog.outcome.text()
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text().splitlines() == lines
    assert count_members(sessions, MemberQuery()) == 0
    assert _digest(messy) == before


def test_clean_file_is_checked_then_imported(qtbot, page, mctx, sessions):
    clean = SAMPLES / "members-example.csv"
    before = _digest(clean)
    dialog = page.import_members()
    _open(qtbot, dialog, clean)
    combos = [dialog.mapping.cellWidget(r, 2) for r in range(dialog.mapping.rowCount())]
    assert all(isinstance(c, QComboBox) for c in combos)
    assert combos[3].currentData() == "last_name"  # "Surname" guessed
    assert dialog.preview.rowCount() > 0
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.import_button.isEnabled)
    assert "No problems found" in dialog.outcome.text()
    assert count_members(sessions, MemberQuery()) == 0  # the check wrote nothing

    combos[0].setCurrentIndex(0)  # changing a column means checking again
    assert not dialog.import_button.isEnabled()
    combos[0].setCurrentIndex(combos[0].findData("number"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.import_button.isEnabled)
    with qtbot.waitSignal(mctx.events.changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.text().startswith("Imported: 20 people, 19 memberships")
    qtbot.waitUntil(lambda: page.model.total == 20)
    assert _digest(clean) == before


def test_export_writes_the_list_to_a_file(qtbot, page, mctx, sessions, save_to):
    add_current_member(sessions, "Sheila", "Newbold", email="sheila@example.org")
    add_due_member(sessions, "Roger", "Cartwright")
    page.refresh()
    path = save_to("People and members.csv")
    page.export_action.trigger()
    wait_idle(qtbot, mctx)
    text = path.read_text(encoding="utf-8-sig")
    assert "Newbold" in text and "Cartwright" in text and "sheila@example.org" in text

    page.table.selectRow(0)  # the context menu's "Export these…" takes the selection
    only = save_to("Selected.csv")
    page.printing.export(page.selected_rows())
    wait_idle(qtbot, mctx)
    exported = only.read_text(encoding="utf-8-sig")
    assert "Cartwright" in exported and "Newbold" not in exported


def test_printing_the_register_writes_a_pdf(qtbot, page, mctx, sessions, save_to):
    add_current_member(
        sessions, "Sheila", "Newbold", address_line1="1 Mill Lane", postcode="LE65 2AB"
    )
    page.refresh()
    path = save_to("Register of members.pdf")
    page.printing.large_print.setChecked(True)
    page.printing.actions["register"].trigger()
    wait_idle(qtbot, mctx)
    assert path.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: page.property("last_output") == str(path))


def test_default_output_name_is_dated_in_the_documents_folder():
    from datetime import date

    from grassroots.ui.widgets.outputs import dated_name

    assert dated_name("Register of members", ".pdf", date(2026, 11, 22)) == (
        "Register of members 22-11-2026.pdf"
    )


def test_labels_share_a_household_unless_the_option_is_unticked(
    qtbot, page, mctx, sessions, save_to
):
    from pypdf import PdfReader

    from grassroots.people.service import make_household

    home = {"address_line1": "1 Mill Lane", "town": "Ashby", "postcode": "LE65 2AB"}
    pair = [
        add_current_member(sessions, first, "Newbold", title=title, contact_by_post=True, **home)
        for first, title in (("Sheila", "Mrs"), ("Roger", "Mr"))
    ]
    make_household(sessions, [m.person_id for m in pair])
    page.refresh()
    assert page.printing.per_household.isChecked()  # one envelope per home unless asked

    def printed(name: str) -> str:
        path = save_to(name)
        page.printing.actions["labels"].trigger()
        wait_idle(qtbot, mctx)
        qtbot.waitUntil(lambda: page.property("last_output") == str(path))
        return PdfReader(path).pages[0].extract_text()

    shared = printed("Shared labels.pdf")
    assert "Mr & Mrs Newbold" in shared and shared.count("LE65 2AB") == 1
    page.printing.per_household.setChecked(False)
    each = printed("Each person.pdf")
    assert "Mrs Sheila Newbold" in each and "Mr Roger Newbold" in each
    assert each.count("LE65 2AB") == 2
