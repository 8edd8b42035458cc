"""Hirers: adding an organisation and a person on our records through the dialog, finding
hirers by name, former hirers, and the booking history with a series on one line."""

from __future__ import annotations

import os
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from grassroots.bookings.hirers import list_hirers
from grassroots.bookings.service import add_booking, set_status
from grassroots.core.recurrence import Repeat
from grassroots.people.choice import PersonChoice
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person
from grassroots.ui.bookings.hirers_page import HirersPage
from tests.hall import evening

SHOTS = "/tmp/h7"


def shown(qtbot, ctx) -> HirersPage:
    page = HirersPage(ctx)
    qtbot.addWidget(page)
    page.resize(1250, 640)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show()
    return page


def names(page: HirersPage) -> list[str]:
    tree = page.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def choose(qtbot, page: HirersPage, name: str) -> None:
    item = page.tree.topLevelItem(names(page).index(name))
    with qtbot.waitSignal(page.history_loaded, timeout=5000):
        page.tree.setCurrentItem(item)


def search(qtbot, page: HirersPage, text: str) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.search.setText(text)


def shoot(widget, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    widget.grab().save(f"{SHOTS}/{name}.png")


@pytest.fixture
def ann(sessions) -> int:
    person = PersonInput(
        first_name="Ann", last_name="Jones", email="ann@example.org", phone="01530 111222"
    )
    return add_person(sessions, person).id


def test_adding_an_organisation_and_a_person_hirer(qtbot, ctx, sessions, hall, ann):
    page = shown(qtbot, ctx)
    assert names(page) == ["Ashby Pilates", "Smith birthday party"]

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.errors["organisation"].text() == "Name the organisation"
    qtbot.keyClicks(dialog.organisation, "Ashby Camera Club")
    qtbot.keyClicks(dialog.email, "not an email")
    dialog.contact.choose(PersonChoice(ann, "Ann Jones", ""))
    dialog.band.setCurrentIndex(dialog.band.findData("community"))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["email"].isVisible(), timeout=5000)
    assert dialog.errors["email"].text()
    dialog.email.setText("club@example.org")
    shoot(dialog, "hirer_dialog_org")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "Ashby Camera Club" in names(page)
    club = next(h for h in list_hirers(sessions) if h.name == "Ashby Camera Club")
    assert (club.person_id, club.band, club.email) == (ann, "community", "club@example.org")

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.mouseClick(dialog.is_person, Qt.MouseButton.LeftButton)
    assert not dialog.organisation.isVisible() and dialog.person.isVisible()
    assert dialog.from_record.isVisible()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.errors["person_id"].text() == "Choose the person who is hiring"
    dialog.person.choose(PersonChoice(ann, "Ann Jones", ""))
    shoot(dialog, "hirer_dialog_person")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    choose(qtbot, page, "Ann Jones")
    assert "come from People" in page.detail.kind.text()
    assert "ann@example.org" in page.detail.body.text()
    assert page.tree.topLevelItem(names(page).index("Ann Jones")).text(1) == "On our records"
    assert page.detail.history_empty.text() == "No bookings yet."


def test_search_and_former_hirers(qtbot, ctx, hall):
    page = shown(qtbot, ctx)
    search(qtbot, page, "pila")
    assert names(page) == ["Ashby Pilates"]
    search(qtbot, page, "nobody")
    assert page.empty.isVisible() and "No hirers match" in page.empty.heading.text()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.empty.first, Qt.MouseButton.LeftButton)
    assert names(page) == ["Ashby Pilates", "Smith birthday party"]

    choose(qtbot, page, "Smith birthday party")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert names(page) == ["Ashby Pilates"]
    assert "former hirer" in page.note.text()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.former.setChecked(True)
    assert names(page) == ["Ashby Pilates", "Smith birthday party (former)"]
    choose(qtbot, page, "Smith birthday party (former)")
    assert page.active_button.text() == "&Use again"


def test_history_shows_a_series_as_one_line_and_asks_for_a_booking(qtbot, ctx, sessions, hall):
    today = date.today()
    start = today - timedelta(days=today.weekday()) + timedelta(days=1 - 28)  # a Tuesday
    series = evening(
        hall.main.id,
        start,
        hirer_id=hall.pilates.id,
        title="Pilates",
        repeat=Repeat("weekly", times=30),
    )
    add_booking(sessions, series)
    last = start - timedelta(days=60)
    add_booking(sessions, evening(hall.small.id, last, hirer_id=hall.pilates.id, title="AGM"))
    off = add_booking(
        sessions,
        evening(hall.kitchen.id, today + timedelta(days=10), hirer_id=hall.pilates.id),
    )
    set_status(sessions, off.id, "cancelled")

    page = shown(qtbot, ctx)
    choose(qtbot, page, "Ashby Pilates")
    lines = page.detail.history_lines()
    assert len(lines) == 3
    end = start + timedelta(weeks=29)
    assert lines[0] == (
        f"Every Tuesday 19:00–21:00, Main hall, {start:%d/%m/%Y}–{end:%d/%m/%Y} (30 dates)"
    )
    assert lines[2].endswith("19:00–21:00, Small room") and f"{last:%d/%m/%Y}" in lines[2]
    tree = page.detail.history_tree
    assert tree.topLevelItem(0).text(0) == "Coming up (2)"
    assert tree.topLevelItem(0).child(1).text(2) == "Cancelled"
    assert "Community" in page.detail.body.text()
    shoot(page, "hirers_page")

    with qtbot.waitSignal(page.new_booking_requested, timeout=2000) as booking:
        qtbot.mouseClick(page.detail.book, Qt.MouseButton.LeftButton)
    assert booking.args == [hall.pilates.id]
    with qtbot.waitSignal(page.invoices_requested, timeout=2000) as invoices:
        qtbot.mouseClick(page.detail.invoices, Qt.MouseButton.LeftButton)
    assert invoices.args == [hall.pilates.id]
