"""The booking dialog through its real widgets on a real database: a weekly series saved with
its charge shown first, a clash listed before saving and "Book anyway?", what is wrong said by
the field, changing a series, and adding a hirer without leaving the form."""

from __future__ import annotations

import os
from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from grassroots.bookings.hirers import list_hirers
from grassroots.bookings.occurrences import Window
from grassroots.bookings.service import add_booking, booking_dates, get_booking, list_occurrences
from grassroots.core.money import Money
from grassroots.core.recurrence import Repeat
from grassroots.ui.bookings.booking_dialog import BookingDialog, charge_words
from tests.hall import evening

TODAY = date.today()
TUESDAY = TODAY + timedelta(days=(1 - TODAY.weekday()) % 7 + 7)  # a Tuesday 1-2 weeks ahead


def opened(qtbot, ctx, **kwargs) -> BookingDialog:
    dialog = BookingDialog(ctx, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=5000):
        dialog.show()
    settle_check(qtbot, dialog)
    return dialog


def settle_check(qtbot, dialog: BookingDialog) -> None:
    """Bring the preview below the form up to date (as the pause after typing does)."""
    with qtbot.waitSignal(dialog.checked, timeout=5000):
        dialog.check_now()


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered"
    combo.setCurrentIndex(index)


def save(qtbot, dialog: BookingDialog):
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.ok.click()
    return saved.args[0]


def shot(widget, name: str) -> None:
    folder = os.environ.get("GRASSROOTS_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))


def test_a_weekly_series_is_priced_before_saving_and_every_date_lands(qtbot, ctx, hall):
    dialog = opened(qtbot, ctx, on=TUESDAY, starts_at=time(19), room_id=hall.main.id)
    assert dialog.room.currentText() == "Main hall (120 people)"
    assert dialog.ends_at.text() == "21:00"
    assert dialog.setup.text() == "As the room (15 min)"
    choose(dialog.hirer, "Ashby Pilates")
    dialog.title.setText("Pilates")
    choose(dialog.basis, "By the session")
    choose(dialog.repeat.every, "Every week")
    dialog.repeat.times.setValue(13)
    assert dialog.repeat.words.text() == (f"Every Tuesday from {TUESDAY:%d/%m/%Y}, 13 times.")
    settle_check(qtbot, dialog)
    # Ashby Pilates pays the community rate: £40 a session.
    assert dialog.charge_line.text() == "Charge: £40.00 a session × 13 = £520.00"
    assert dialog.check_line.text() == "No clashes: the room is free on all 13 dates."
    assert dialog.clash_list.isHidden()

    detail = save(qtbot, dialog)
    assert detail.title == "Pilates" and detail.hirer.name == "Ashby Pilates"
    dates = booking_dates(ctx.sessions, detail.id)
    assert dates == [TUESDAY + timedelta(weeks=k) for k in range(13)]
    assert detail.charge_basis == "session" and detail.charge_each == Money(4000)


def test_hourly_charge_says_the_rate_and_an_agreed_charge_replaces_it(qtbot, ctx, hall):
    dialog = opened(qtbot, ctx, on=TUESDAY, room_id=hall.main.id)
    dialog.title.setText("Quiz night")
    settle_check(qtbot, dialog)
    assert dialog.charge_line.text() == "Charge: £30.00 a date  (£15.00 an hour, standard)"
    dialog.charge.setText("25")
    settle_check(qtbot, dialog)
    assert dialog.charge_line.text() == "Charge: £25.00 a date (agreed charge)"


def test_charge_words():
    assert charge_words(Money(6000), "session", False, 13) == "£60.00 a session × 13 = £780.00"
    assert charge_words(Money(0), "free", False, 4) == "No charge"
    assert charge_words(None, "hourly", False, 4) == ""


def test_a_clash_is_listed_before_saving_and_book_anyway_is_asked(qtbot, ctx, hall):
    add_booking(ctx.sessions, evening(hall.main.id, TUESDAY, title="Choir practice"))
    dialog = opened(
        qtbot, ctx, on=TUESDAY, starts_at=time(20), room_id=hall.main.id, hirer_id=hall.party.id
    )
    dialog.expected.setValue(150)
    settle_check(qtbot, dialog)
    assert dialog.hirer.currentText() == "Smith birthday party"
    assert dialog.check_line.text() == "This clashes with another booking."
    assert not dialog.clash_list.isHidden()
    row = dialog.clash_list.topLevelItem(0)
    assert [row.text(c) for c in range(4)] == [
        f"{TUESDAY:%a} {TUESDAY:%d/%m/%Y}",
        "19:00–21:00",
        "Main hall",
        "Choir practice",
    ]
    assert "150 people are expected; Main hall holds 120" in dialog.warnings.text()
    shot(dialog, "booking_dialog_clash.png")

    # Saving asks first; saying no saves nothing and leaves the form open.
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.question is not None, timeout=5000)
    assert dialog.question.text() == "This clashes with another booking. Book anyway?"
    assert "Choir practice" in dialog.question.informativeText()
    dialog.question.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible()
    booked = list_occurrences(ctx.sessions, Window(TUESDAY, TUESDAY, meetings=False))
    assert [o.title for o in booked] == ["Choir practice"]

    # Booking anyway saves it, clash and all.
    dialog.question = None
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.question is not None, timeout=5000)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.question.property("confirm_button").click()
    booked = list_occurrences(ctx.sessions, Window(TUESDAY, TUESDAY, meetings=False))
    assert sorted(o.title for o in booked) == ["Choir practice", "Smith birthday party"]


def test_an_end_before_the_start_is_said_by_the_end_time(qtbot, ctx, hall):
    dialog = opened(qtbot, ctx, on=TUESDAY, room_id=hall.small.id)
    dialog.title.setText("Yoga")
    dialog.starts_at.setText("20:00")
    dialog.ends_at.setText("19:00")
    settle_check(qtbot, dialog)
    assert dialog.check_line.text().startswith("Not checked yet: a booking must end after")
    dialog.ok.click()
    error = dialog.errors["ends_at"]
    qtbot.waitUntil(lambda: bool(error.text()), timeout=5000)
    assert error.text().startswith("A booking must end after it starts, on the same day")
    assert dialog.isVisible() and dialog.ok.isEnabled()


def test_a_repeat_with_no_end_is_refused_by_its_end(qtbot, ctx, hall):
    dialog = opened(qtbot, ctx, on=TUESDAY, room_id=hall.small.id)
    dialog.title.setText("Yoga")
    choose(dialog.repeat.every, "Every fortnight")
    dialog.repeat.by_date.setChecked(True)
    assert dialog.repeat.words.text() == "Give the last date, or how many times it runs."
    dialog.ok.click()
    error = dialog.errors["until"]
    qtbot.waitUntil(lambda: bool(error.text()), timeout=5000)
    assert error.text() == (
        "A repeating booking needs an end: give the last date or how many times it runs"
    )
    # A last date typed wrongly is said before anything is sent to be saved.
    dialog.repeat.until.setText("31/02/2027")
    dialog.ok.click()
    assert dialog.repeat.until.problem()
    assert error.text() == dialog.repeat.until.problem()


def test_a_series_is_changed_whole_with_a_date_skipped(qtbot, ctx, hall):
    made = add_booking(
        ctx.sessions,
        evening(
            hall.main.id,
            TUESDAY,
            title="Pilates",
            hirer_id=hall.pilates.id,
            repeat=Repeat("weekly", times=5),
            charge_basis="session",
        ),
    )
    dialog = opened(qtbot, ctx, booking_id=made.id)
    assert dialog.windowTitle() == "Change booking"
    assert not dialog.series_note.isHidden()
    assert dialog.title.text() == "Pilates"
    assert dialog.hirer.currentText() == "Ashby Pilates"
    assert dialog.repeat.every.currentData() == "weekly"
    assert dialog.repeat.times.value() == 5
    assert dialog.charge_line.text() == "Charge: £40.00 a session × 5 = £200.00"
    assert dialog.check_line.text() == "No clashes: the room is free on all 5 dates."

    dialog.title.setText("Pilates for beginners")
    dialog.skip_on.set_date(TUESDAY + timedelta(weeks=1))
    dialog.skip_add.click()
    assert dialog.skipped_dates() == (TUESDAY + timedelta(weeks=1),)
    settle_check(qtbot, dialog)
    assert dialog.charge_line.text() == "Charge: £40.00 a session × 4 = £160.00"
    shot(dialog, "booking_dialog_series.png")
    save(qtbot, dialog)

    after = get_booking(ctx.sessions, made.id)
    assert after.title == "Pilates for beginners"
    assert after.skipped == (TUESDAY + timedelta(weeks=1),)
    assert len(booking_dates(ctx.sessions, made.id)) == 4


def test_a_new_hirer_is_added_from_the_form_and_chosen(qtbot, ctx, hall):
    dialog = opened(qtbot, ctx, on=TUESDAY, room_id=hall.small.id)
    new = dialog.hirer.findData("new")
    assert dialog.hirer.itemText(new) == "New hirer…"
    dialog.hirer.setCurrentIndex(new)
    dialog.hirer.activated.emit(new)
    hirer_dialog = dialog.hirer_dialog
    assert dialog.hirer.currentText() == "Our own use"  # until the new one is saved
    hirer_dialog.organisation.setText("Ashby Scouts")
    choose(hirer_dialog.band, "Community")
    with qtbot.waitSignal(hirer_dialog.saved, timeout=5000):
        hirer_dialog.ok.click()
    assert dialog.hirer.currentText() == "Ashby Scouts"
    assert [h.band for h in list_hirers(ctx.sessions, "scouts")] == ["community"]


def test_a_hirer_not_on_the_list_is_refused_by_the_hirer(qtbot, ctx, hall):
    dialog = opened(qtbot, ctx, on=TUESDAY, room_id=hall.small.id)
    dialog.hirer.setEditText("Nobody we know")
    dialog.ok.click()
    assert dialog.errors["hirer_id"].text() == (
        "Choose the hirer from the list, or add a new hirer"
    )
