"""Rooms and rates: setting up a hall from nothing through the dialogs, seeing each room with
its rates per band, changing a room, and no longer offering it."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from grassroots.bookings.records import VenueInput
from grassroots.bookings.venues import add_venue, list_rooms, list_venues
from grassroots.core.money import Money
from grassroots.ui.bookings.rooms_page import RoomsPage

SHOTS = "/tmp/h7"


def shown(qtbot, ctx) -> RoomsPage:
    page = RoomsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 620)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show()
    return page


def saved(qtbot, page: RoomsPage, dialog) -> None:
    """Press the dialog's main button and wait for the page to show the result."""
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def rows(page: RoomsPage) -> dict[str, list[str]]:
    """Each room's cells by its name, across every venue."""
    tree, found = page.tree, {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            item = top.child(j)
            found[item.text(0)] = [item.text(c) for c in range(tree.columnCount())]
    return found


def choose(page: RoomsPage, text: str) -> None:
    tree = page.tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        if top.text(0).startswith(text):
            tree.setCurrentItem(top)
            return
        for j in range(top.childCount()):
            if top.child(j).text(0) == text:
                tree.setCurrentItem(top.child(j))
                return
    raise AssertionError(f"{text} is not listed")


def shoot(widget, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    widget.grab().save(f"{SHOTS}/{name}.png")


def test_a_new_secretary_sets_up_the_hall_and_a_room_with_rates(qtbot, ctx, sessions):
    page = shown(qtbot, ctx)
    assert page.empty.isVisible() and not page.tree.isVisible()
    assert "Set up your hall" in page.empty.heading.text()
    assert not page.add_room_button.isEnabled()
    shoot(page, "rooms_empty")

    qtbot.mouseClick(page.empty.first, Qt.MouseButton.LeftButton)
    venue = page.dialog
    qtbot.mouseClick(venue.ok, Qt.MouseButton.LeftButton)  # no name yet
    assert venue.errors["name"].text() == "Give the venue a name"
    qtbot.keyClicks(venue.name, "Ashby Village Hall")
    qtbot.keyClicks(venue.postcode, "le65 1aa")
    shoot(venue, "venue_dialog")
    saved(qtbot, page, venue)
    assert list_venues(sessions)[0].postcode == "LE65 1AA"
    assert page.tree.topLevelItem(0).text(0).startswith("Ashby Village Hall")
    assert page.add_room_button.isEnabled()

    qtbot.mouseClick(page.add_room_button, Qt.MouseButton.LeftButton)
    room = page.dialog
    assert room.venue.currentText() == "Ashby Village Hall"
    qtbot.keyClicks(room.name, "Main hall")
    room.capacity.setValue(120)
    room.setup.setValue(15)
    room.cleardown.setValue(15)
    qtbot.keyClicks(room.facilities, "Stage, piano")
    qtbot.keyClicks(room.rates.edits["standard", "hourly"], "15")
    qtbot.keyClicks(room.rates.edits["standard", "session"], "£60")
    qtbot.keyClicks(room.rates.edits["community", "hourly"], "10.00")
    qtbot.keyClicks(room.rates.edits["commercial", "hourly"], "-3")
    qtbot.mouseClick(room.ok, Qt.MouseButton.LeftButton)
    assert "Commercial per hour" in room.rates_error.text()
    assert list_rooms(sessions) == []
    qtbot.keyClick(room.rates.edits["commercial", "hourly"], Qt.Key.Key_Backspace)
    qtbot.keyClick(room.rates.edits["commercial", "hourly"], Qt.Key.Key_Backspace)
    qtbot.keyClicks(room.rates.edits["commercial", "hourly"], "22")
    assert not room.rates_error.isVisible()
    shoot(room, "room_dialog")
    saved(qtbot, page, room)

    main = rows(page)["Main hall"]
    assert main[1:] == [
        "120",
        "15 / 15 min",
        "£15.00/h · £60.00 session",
        "£10.00/h",
        "£22.00/h",
    ]
    [stored] = list_rooms(sessions)
    assert stored.rate("standard").session == Money(6000)
    assert stored.rate("community").session is None
    choose(page, "Main hall")
    assert "Stage, piano" in page.detail.body.text()
    assert page.detail.heading.text() == "Main hall"
    assert page.detail.rate_values["standard"].text() == "£15.00/h · £60.00 session"
    assert page.detail.rate_values["commercial"].text() == "£22.00/h"


def test_changing_a_room_and_no_longer_offering_it(qtbot, ctx, sessions, hall):
    add_venue(sessions, VenueInput("St Helen's Church", own=False))
    page = shown(qtbot, ctx)
    tops = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert tops[0].startswith("Ashby Village Hall") and tops[1].startswith("St Helen's Church")
    assert rows(page)["Small room"][3:] == ["£8.00/h", "", ""]
    assert rows(page)["Kitchen"][3:] == ["", "", ""]
    choose(page, "Main hall")
    shoot(page, "rooms_page")

    choose(page, "Small room")
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.name.text() == "Small room"
    assert dialog.rates.edits["standard", "hourly"].text() == "£8.00"
    dialog.name.setText("Committee room")
    dialog.capacity.setValue(16)
    dialog.rates.edits["standard", "hourly"].clear()
    qtbot.keyClicks(dialog.rates.edits["community", "session"], "25")
    saved(qtbot, page, dialog)
    assert rows(page)["Committee room"][1] == "16"
    assert rows(page)["Committee room"][3:] == ["", "£25.00 session", ""]
    assert "Small room" not in rows(page)

    choose(page, "Committee room")
    assert page.active_button.text() == "&Stop offering"
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert "Committee room (not offered)" in rows(page)
    assert [r.name for r in list_rooms(sessions)] == ["Main hall", "Kitchen"]
    assert "no longer offered" in page.note.text()
    assert page.active_button.text() == "&Offer again"
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert "Committee room" in rows(page)
    assert len(list_rooms(sessions)) == 3


def test_a_venue_is_changed_and_a_clashing_name_is_refused_by_the_field(qtbot, ctx, hall):
    add_venue(ctx.sessions, VenueInput("St Helen's Church", own=False))
    page = shown(qtbot, ctx)
    choose(page, "St Helen's Church")
    assert "A place we use" in page.detail.where.text()
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.kind.currentData() is False
    dialog.name.setText("ashby village hall")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["name"].isVisible(), timeout=5000)
    assert "already a venue called" in dialog.errors["name"].text()
    dialog.name.setText("St Helen's Church Hall")
    qtbot.keyClicks(dialog.contact, "Parish office 01530 000000")
    saved(qtbot, page, dialog)
    choose(page, "St Helen's Church Hall")
    assert "Parish office" in page.detail.body.text()


def test_the_room_dialog_names_each_rate_box(qtbot, ctx, hall):
    page = shown(qtbot, ctx)
    choose(page, "Main hall")
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    edit = page.dialog.rates.edits["standard", "session"]
    assert edit.accessibleName() == "Standard rate, per session"
    assert edit.text() == "£60.00"
