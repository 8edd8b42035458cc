"""Group settings: saved through the service, errors shown under the field, nothing lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from grassroots.group.service import get_settings
from grassroots.ui.dialogs.settings_dialog import LOGO_MAX_SIDE, SettingsDialog

PNG_HEADER = b"\x89PNG\r\n\x1a\n"


def open_dialog(qtbot, ctx) -> SettingsDialog:
    dialog = SettingsDialog(ctx, ctx.settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def retype(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_saves_the_settings_and_says_they_changed(qtbot, ctx, sessions):
    dialog = open_dialog(qtbot, ctx)
    retype(qtbot, dialog.name, "Ashby Village Hall Trust")
    retype(qtbot, dialog.postcode, "le65 2bb")
    qtbot.keyClicks(dialog.phone, "01530 412345")
    dialog.fy_start.set_value(6, 4)
    dialog.rule.setCurrentIndex(dialog.rule.findData("fixed"))
    dialog.membership_year.set_value(1, 9)
    dialog.renewal_window.setValue(45)
    qtbot.keyClicks(dialog.payment_instructions, "Pay at the hall on Tuesdays")
    said = qtbot.waitSignal(ctx.events.changed, check_params_cb=lambda area: area == "settings")
    with said, qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = get_settings(sessions)
    assert stored.name == "Ashby Village Hall Trust"
    assert stored.postcode == "LE65 2BB"
    assert stored.phone == "01530 412345"
    assert (stored.fy_start_day, stored.fy_start_month) == (6, 4)
    assert stored.membership_rule == "fixed"
    assert (stored.membership_year_day, stored.membership_year_month) == (1, 9)
    assert stored.renewal_window_days == 45
    assert stored.payment_instructions == "Pay at the hall on Tuesdays"
    assert stored.charity_number == "1234567"  # untouched fields keep their values


def test_bad_postcode_is_shown_under_the_field_and_nothing_is_lost(qtbot, ctx, sessions):
    dialog = open_dialog(qtbot, ctx)
    retype(qtbot, dialog.name, "A New Name")
    retype(qtbot, dialog.postcode, "NOT A POSTCODE")
    dialog.tabs.setCurrentIndex(2)  # the error is on another tab: the dialog goes to it
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.errors.rows["postcode"].error
    qtbot.waitUntil(error.isVisible)
    assert "postcode" in error.text().lower()
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 0
    assert dialog.name.text() == "A New Name"
    assert dialog.postcode.text() == "NOT A POSTCODE"
    assert not dialog.errors.rows["name"].error.isVisible()
    assert get_settings(sessions).name == "Ashby Village Hall"
    retype(qtbot, dialog.postcode, "LE65 1AA")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    assert get_settings(sessions).name == "A New Name"


def test_logo_is_scaled_stored_as_png_and_can_be_removed(qtbot, ctx, sessions, tmp_path):
    picture = QImage(2000, 1000, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2c7a57"))
    path = tmp_path / "logo.jpg"
    assert picture.save(str(path), "JPEG")
    dialog = open_dialog(qtbot, ctx)
    assert dialog.logo.load_file(str(path)) is None
    assert dialog.logo.remove.isEnabled()
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    logo = get_settings(sessions).logo_png
    assert logo.startswith(PNG_HEADER)
    stored = QImage.fromData(logo)
    assert (stored.width(), stored.height()) == (LOGO_MAX_SIDE, LOGO_MAX_SIDE // 2)

    again = open_dialog(qtbot, ctx)
    qtbot.mouseClick(again.logo.remove, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(again.saved):
        again.save()
    assert get_settings(sessions).logo_png is None


def test_a_file_that_is_not_a_picture_is_refused(qtbot, ctx, tmp_path):
    path = tmp_path / "notes.png"
    path.write_text("not a picture")
    dialog = open_dialog(qtbot, ctx)
    problem = dialog.logo.load_file(str(path))
    assert problem and "not a picture" in problem
    assert dialog.logo.png is None


def test_the_meetings_rules_are_set_on_their_own_tab(qtbot, ctx, sessions):
    dialog = open_dialog(qtbot, ctx)
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles[-1] == "Meetings"
    dialog.tabs.setCurrentIndex(len(titles) - 1)
    assert dialog.quorum_number.isEnabled() and not dialog.quorum_numerator.isEnabled()
    dialog.quorum_rule.setCurrentIndex(dialog.quorum_rule.findData("fraction"))
    assert not dialog.quorum_number.isEnabled() and dialog.quorum_numerator.isEnabled()
    dialog.quorum_numerator.setValue(1)
    dialog.quorum_denominator.setValue(2)
    dialog.committee_notice.setValue(5)
    dialog.agm_notice.setValue(21)
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = get_settings(sessions)
    assert stored.quorum_rule == "fraction"
    assert (stored.quorum_numerator, stored.quorum_denominator) == (1, 2)
    assert (stored.committee_notice_days, stored.agm_notice_days) == (5, 21)


def test_an_impossible_fraction_is_refused_on_the_meetings_tab(qtbot, ctx, sessions):
    dialog = open_dialog(qtbot, ctx)
    dialog.quorum_rule.setCurrentIndex(dialog.quorum_rule.findData("fraction"))
    dialog.quorum_numerator.setValue(3)
    dialog.quorum_denominator.setValue(2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.errors.rows["quorum_numerator"].error
    qtbot.waitUntil(error.isVisible)
    assert "fraction" in error.text()
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Meetings"
    assert get_settings(sessions).quorum_rule == "number"  # nothing saved
