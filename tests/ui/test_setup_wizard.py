"""First run: the wizard sets the group up in the database, and cannot finish without a name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from grassroots.app import make_context
from grassroots.db.database import open_database
from grassroots.group.service import get_settings
from grassroots.settings import resolve_paths
from grassroots.ui.dialogs.setup_wizard import SetupWizard


@pytest.fixture
def new_ctx(app, tmp_path):
    """A brand-new database whose group has not been set up."""
    db = open_database(str(tmp_path / "new.db"), tmp_path / "backups")
    context = make_context(db, resolve_paths(str(tmp_path / "new.db")))
    yield context
    context.tasks.wait()
    db.close()


def shown_wizard(qtbot, ctx) -> SetupWizard:
    wizard = SetupWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def click(qtbot, wizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


NEXT, FINISH = QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton


def test_wizard_sets_up_the_group(qtbot, new_ctx):
    assert not get_settings(new_ctx.sessions).set_up
    wizard = shown_wizard(qtbot, new_ctx)
    click(qtbot, wizard, NEXT)
    qtbot.keyClicks(wizard.names.name, "Ashby Lunch Club")
    qtbot.keyClicks(wizard.names.address, "The Old School")
    qtbot.keyClick(wizard.names.address, Qt.Key.Key_Return)
    qtbot.keyClicks(wizard.names.address, "Ashby")
    qtbot.keyClicks(wizard.names.postcode, "le651aa")
    click(qtbot, wizard, NEXT)
    qtbot.keyClicks(wizard.numbers.charity_number, "1098765")
    click(qtbot, wizard, NEXT)
    wizard.years.fy_start.set_value(1, 1)
    assert wizard.button(FINISH).isVisible()
    with qtbot.waitSignal(wizard.accepted):
        click(qtbot, wizard, FINISH)
    stored = get_settings(new_ctx.sessions)
    assert stored.set_up
    assert stored.name == "Ashby Lunch Club"
    assert stored.address == "The Old School\nAshby"
    assert stored.postcode == "LE65 1AA"
    assert stored.charity_number == "1098765"
    assert (stored.fy_start_day, stored.fy_start_month) == (1, 1)
    assert wizard.stored == stored


def test_cannot_go_on_without_a_name(qtbot, new_ctx):
    wizard = shown_wizard(qtbot, new_ctx)
    click(qtbot, wizard, NEXT)
    assert not wizard.button(NEXT).isEnabled()
    qtbot.keyClicks(wizard.names.name, "A")
    assert wizard.button(NEXT).isEnabled()
    wizard.names.name.clear()
    assert not wizard.button(NEXT).isEnabled()
    wizard.accept()  # even if asked directly, it refuses and says why
    assert wizard.isVisible()
    assert wizard.errors.rows["name"].error.isVisible()
    assert not get_settings(new_ctx.sessions).set_up


def test_bad_postcode_keeps_the_step_open_with_the_reason(qtbot, new_ctx):
    wizard = shown_wizard(qtbot, new_ctx)
    click(qtbot, wizard, NEXT)
    qtbot.keyClicks(wizard.names.name, "Ashby Lunch Club")
    qtbot.keyClicks(wizard.names.postcode, "ZZZ")
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.names
    error = wizard.errors.rows["postcode"].error
    assert error.isVisible() and "postcode" in error.text()
    assert wizard.names.name.text() == "Ashby Lunch Club"
    wizard.names.postcode.clear()  # a postcode is optional
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.numbers
