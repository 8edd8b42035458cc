"""Closing a year from the Year end tab: what it means, the checks that block or warn, the
trustees' approval, and the locked books and signed accounts afterwards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from grassroots.accounts import books
from grassroots.accounts.documents import print_annual_accounts
from grassroots.accounts.records import EntryInput, LineInput
from grassroots.accounts.year_end_checks import close_year
from grassroots.core.dates import format_date
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.ui.accounts.year_end_page import YearEndPage
from tests.ui.test_accessibility import unnamed_controls

from .conftest import LAST_YEAR, THIS_YEAR, category_id, enter

APPROVED_ON = LAST_YEAR[1] + timedelta(days=40)


@pytest.fixture
def year_page(qtbot, actx):
    def make() -> YearEndPage:
        page = YearEndPage(actx)
        qtbot.addWidget(page)
        page.resize(1000, 720)
        page.show()
        qtbot.waitExposed(page)
        qtbot.waitUntil(lambda: page.loaded and page.status is not None)
        return page

    return make


@pytest.fixture
def subscription(sessions, bank):
    return enter(sessions, bank, LAST_YEAR[0] + timedelta(days=10), 4_500, "Subscriptions")


def open_dialog(qtbot, page):
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def approve(qtbot, dialog, name="Margaret Ellis", role="Chair", on=APPROVED_ON):
    qtbot.keyClicks(dialog.name, name)
    qtbot.keyClicks(dialog.role, role)
    dialog.approved_on.setText("")
    qtbot.keyClicks(dialog.approved_on, format_date(on))


def test_closing_locks_the_year_and_the_accounts_carry_the_approval(
    qtbot, year_page, actx, sessions, bank, subscription, tmp_path
):
    page = year_page()
    dialog = open_dialog(qtbot, page)
    assert dialog.windowTitle() == f"Close the year {page.status.year.name}"
    assert unnamed_controls(dialog) == []
    texts = " ".join(line.text() for line in dialog.check_lines)
    assert "✔ The cash in the statement of assets, £1,045.00, agrees" in texts
    assert "Not checked against a year-end bank statement" in texts  # a warning only

    assert not dialog.ok.isEnabled()  # not before the confirmation is ticked
    approve(qtbot, dialog)
    dialog.confirm.setChecked(True)
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(actx.events.changed):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: page.status.year.closed)

    name = page.status.year.name
    assert page.year.currentText() == (
        f"{name} — closed: approved by Margaret Ellis (Chair) on {format_date(APPROVED_ON)}"
    )
    assert page.state.text().startswith("Closed: its entries are locked")
    assert not page.close_button.isEnabled()

    # An entry in the closed year refuses change through the service, and none can be added.
    entry = EntryInput(bank.id, subscription.on, (LineInput(Money(9_000)),), payee="Someone")
    with pytest.raises(ValidationError, match="closed year"):
        books.change_entry(sessions, subscription.id, entry)
    with pytest.raises(ValidationError, match="is closed"):
        books.add_entry(sessions, entry)

    # The printed accounts carry the trustee's name, position and the date of approval.
    out = print_annual_accounts(sessions, tmp_path / "signed.pdf", LAST_YEAR[0])
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(out)).pages).split())
    assert "Full name Margaret Ellis" in text
    assert "Position Chair" in text
    assert f"Date {format_date(APPROVED_ON)}" in text
    assert f"approved by the trustees on {format_date(APPROVED_ON)}" in text


def test_lines_to_categorise_block_closing(qtbot, year_page, sessions, bank, subscription):
    enter(sessions, bank, LAST_YEAR[0] + timedelta(days=12), 1_870, None, "Unknown credit")
    page = year_page()
    dialog = open_dialog(qtbot, page)
    blocking = [line.text() for line in dialog.check_lines if line.objectName() == "blockingCheck"]
    assert len(blocking) == 1 and "1 line still to categorise" in blocking[0]
    assert "This must be put right before closing" in blocking[0]
    assert not dialog.confirm.isEnabled() and not dialog.ok.isEnabled()
    assert dialog.problem.text() == "Put right the problems marked ✘ before closing the year."
    # The service refuses too, whatever a window allowed.
    with pytest.raises(ValidationError, match="still to categorise"):
        close_year(sessions, LAST_YEAR[0], "Margaret Ellis", "Chair", APPROVED_ON)


def test_a_year_still_running_cannot_be_closed(qtbot, year_page, sessions, bank, subscription):
    enter(sessions, bank, THIS_YEAR[0] + timedelta(days=1), 1_000, "Subscriptions")
    page = year_page()
    page.show_year(THIS_YEAR[0])
    qtbot.waitUntil(lambda: page.status.year.starts_on == THIS_YEAR[0])
    dialog = open_dialog(qtbot, page)
    blocking = [line.text() for line in dialog.check_lines if line.objectName() == "blockingCheck"]
    assert any("The year has not ended yet" in text for text in blocking)
    assert not dialog.ok.isEnabled()


def test_approval_needs_a_name_and_a_date_after_the_year_end(
    qtbot, year_page, sessions, subscription
):
    page = year_page()
    dialog = open_dialog(qtbot, page)
    dialog.confirm.setChecked(True)
    dialog.approved_on.setText("")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.errors["approved_by"].text().startswith("Give the name of the trustee")
    assert dialog.errors["approved_on"].isVisibleTo(dialog)

    approve(qtbot, dialog, on=LAST_YEAR[1])  # the last day of the year itself
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["approved_on"].text() != "")
    assert "approved after the year ends" in dialog.errors["approved_on"].text()
    assert dialog.isVisible() and not page.status.year.closed
    assert dialog.name.text() == "Margaret Ellis"  # nothing typed is lost


def test_the_restricted_money_carried_forward_is_named(qtbot, year_page, sessions, bank):
    roof = books.add_fund(sessions, "Roof appeal", "restricted")
    books.add_entry(
        sessions,
        EntryInput(
            bank.id,
            LAST_YEAR[0] + timedelta(days=5),
            (LineInput(Money(75_000), category_id(sessions, "Grants received"), roof.id),),
            payee="Lottery",
        ),
    )
    page = year_page()
    dialog = open_dialog(qtbot, page)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "carries forward into next year, in the same fund: Roof appeal: £750.00" in text
