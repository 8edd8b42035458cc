"""Importing a statement from the window: the preview of a CSV with its columns, the dry-run
summary, choosing columns by hand and saving them under a name, refusals, and the report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from grassroots.accounts import books
from grassroots.accounts.models import Entry
from grassroots.accounts.statement_mappings import list_mappings, save_mapping
from grassroots.core.money import Money
from tests.ui.test_accessibility import unnamed_controls

from .conftest import enter

START = date(2026, 3, 1)

SIGNED = """Date,Description,Amount,Balance
02/03/2026,COFFEE MORNING TAKINGS,125.50,1125.50
05/03/2026,ASHBY PRINTERS,-45.00,1080.50
10/03/2026,SO SMITH J SUBS,12.00,1092.50
"""

ODD = """Unity Trust Bank,Account 20123456
Posted,Narrative,Value,Running total
02/03/2026,HALL HIRE PATEL,55.00,1055.00
05/03/2026,ASHBY PRINTERS,-45.00,1010.00
"""


@pytest.fixture
def current(sessions):
    return books.add_account(sessions, "Current account", "bank", Money(100_000), START)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def entry_count(sessions) -> int:
    with sessions() as session:
        return session.scalar(select(func.count(Entry.id)))


@pytest.fixture
def open_dialog(qtbot, actx, current):
    def make():
        from grassroots.ui.accounts.statement_dialog import StatementDialog

        dialog = StatementDialog(actx, books.list_accounts(actx.sessions), current.id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def wait_for_preview(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.summary.text() not in ("", "Reading the statement…"))


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_a_csv_preview_shows_the_columns_the_lines_and_what_an_import_would_do(
    qtbot, open_dialog, sessions, current, tmp_path
):
    enter(sessions, current, date(2026, 3, 4), -4500, "Bank charges", "Printers")
    dialog = open_dialog()
    dialog.set_file(write(tmp_path, "march.csv", SIGNED))
    wait_for_preview(qtbot, dialog)

    assert dialog.columns.isVisible()
    assert dialog.mapping() == {
        "date": "Date", "description": "Description", "amount": "Amount", "balance": "Balance",
    }  # fmt: skip
    assert dialog.field_combos["paid_in"].currentText() == "(none)"
    # As the bank wrote it, with the file's row numbers; and as Grassroots reads it.
    assert cells(dialog.raw, 1) == ["05/03/2026", "ASHBY PRINTERS", "-45.00", "1080.50"]
    assert dialog.raw.verticalHeaderItem(1).text() == "3"
    assert cells(dialog.read, 1) == ["05/03/2026", "ASHBY PRINTERS", "-£45.00"]
    assert dialog.summary.text() == (
        "3 lines: 3 new, 0 already imported, 1 matches an entry you typed; the closing balance "
        "agrees with the bank's £1,092.50 on 10/03/2026. 2 new entries would be added for you "
        "to categorise."
    )
    assert dialog.import_button.isEnabled()
    assert entry_count(sessions) == 1  # the preview wrote nothing
    assert unnamed_controls(dialog) == []

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1)

    assert dialog.report_heading.text() == "Imported march.csv into Current account"
    assert dialog.report_text.splitlines() == [
        "3 new lines from the bank",
        "0 left out: already imported",
        "1 matched to entries already in the cash book",
        "2 new entries to categorise",
    ]
    assert dialog.report_closing.text() == (
        "The closing balance agrees with the bank's £1,092.50 on 10/03/2026."
    )
    assert entry_count(sessions) == 3
    assert dialog.categorise.isVisible()


def test_the_same_file_again_has_nothing_to_import(qtbot, open_dialog, tmp_path):
    path = write(tmp_path, "march.csv", SIGNED)
    first = open_dialog()
    first.set_file(path)
    wait_for_preview(qtbot, first)
    qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.stack.currentIndex() == 1)

    again = open_dialog()
    again.set_file(path)
    wait_for_preview(qtbot, again)
    assert again.summary.text().startswith("3 lines: 0 new, 3 already imported")
    assert again.summary.text().endswith("Every line is already in the books: nothing to import.")
    assert not again.import_button.isEnabled()


def test_unknown_headings_are_chosen_by_hand_and_saved_under_a_name(
    qtbot, open_dialog, sessions, tmp_path
):
    dialog = open_dialog()
    dialog.set_file(write(tmp_path, "unity.csv", ODD))
    wait_for_preview(qtbot, dialog)

    # Nothing recognised: the headings row is still found and shown, and nothing can be imported.
    assert [dialog.raw.horizontalHeaderItem(c).text() for c in range(4)] == [
        "Posted", "Narrative", "Value", "Running total",
    ]  # fmt: skip
    assert "cannot find the headings" in dialog.errors.text()
    assert not dialog.import_button.isEnabled()

    for field, heading in (("date", "Posted"), ("description", "Narrative"), ("amount", "Value"),
                           ("balance", "Running total")):  # fmt: skip
        combo = dialog.field_combos[field]
        combo.setCurrentIndex(combo.findText(heading))
        combo.activated.emit(combo.currentIndex())
    wait_for_preview(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    assert cells(dialog.read, 0) == ["02/03/2026", "HALL HIRE PATEL", "£55.00"]
    assert dialog.errors.isHidden()

    assert dialog.mapping_name.text() == "Current account"  # the default name
    dialog.mapping_name.clear()
    qtbot.keyClicks(dialog.mapping_name, "Unity Trust")
    assert dialog.remember.isChecked()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1)

    assert [(m.name, m.mapping) for m in list_mappings(sessions)] == [
        ("Unity Trust", {"date": "Posted", "description": "Narrative", "amount": "Value",
                         "balance": "Running total"}),
    ]  # fmt: skip
    assert entry_count(sessions) == 2


def test_a_saved_mapping_can_be_chosen(qtbot, open_dialog, sessions, tmp_path):
    save_mapping(sessions, "Unity Trust", {"date": "Posted", "amount": "Value"})
    dialog = open_dialog()
    dialog.set_file(write(tmp_path, "unity.csv", ODD))
    wait_for_preview(qtbot, dialog)
    assert dialog.saved_combo.isVisible()

    dialog.saved_combo.setCurrentIndex(dialog.saved_combo.findText("Unity Trust"))
    dialog.saved_combo.activated.emit(dialog.saved_combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled())
    assert dialog.mapping() == {"date": "Posted", "amount": "Value"}
    assert cells(dialog.read, 1) == ["05/03/2026", "", "-£45.00"]


def test_a_bad_row_is_shown_by_number_and_nothing_is_imported(
    qtbot, open_dialog, sessions, tmp_path
):
    text = SIGNED.replace("05/03/2026,ASHBY PRINTERS,-45.00", "5th March,ASHBY PRINTERS,-45.00")
    dialog = open_dialog()
    dialog.set_file(write(tmp_path, "march.csv", text))
    wait_for_preview(qtbot, dialog)

    assert dialog.summary.text() == "This statement cannot be imported as it is:"
    assert dialog.errors.text().startswith("march.csv row 3, Date:")
    assert not dialog.import_button.isEnabled()
    dialog.do_import()  # even if asked, nothing happens
    assert entry_count(sessions) == 0


OFX = """OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20260331
<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0
<SEVERITY>INFO</STATUS><STMTRS><CURDEF>GBP<BANKACCTFROM><BANKID>309634<ACCTID>30963499998888
<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST><DTSTART>20260301<DTEND>20260331
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20260302<TRNAMT>125.50<FITID>A1<NAME>COFFEE MORNING</STMTTRN>
</BANKTRANLIST><LEDGERBAL><BALAMT>1125.50<DTASOF>20260331</LEDGERBAL></STMTRS></STMTTRNRS>
</BANKMSGSRSV1></OFX>
"""


def test_an_ofx_for_another_account_is_refused_plainly(qtbot, actx, sessions, tmp_path):
    from grassroots.ui.accounts.statement_dialog import StatementDialog

    other = books.add_account(sessions, "Savings", "savings", Money(0), START, "20-00-00 1234")
    dialog = StatementDialog(actx, books.list_accounts(sessions), other.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(write(tmp_path, "march.ofx", OFX))
    wait_for_preview(qtbot, dialog)

    assert not dialog.columns.isVisible()  # an OFX names its own columns
    assert dialog.errors.text() == (
        "march.ofx: this statement is for account number ending 8888, but Savings is the "
        "account ending 1234; choose the right account"
    )
    assert not dialog.import_button.isEnabled()
    assert entry_count(sessions) == 0
