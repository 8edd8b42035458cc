"""The register on the People & Members page: search as you type, filters, keys, empty states."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from grassroots.members.records import MemberStatus
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person
from tests.ui.members.conftest import add_current_member, add_due_member


def _names(page) -> list[str]:
    model = page.model
    return [model.data(model.index(r, 1)) for r in range(model.rowCount())]


def test_search_as_you_type_narrows_the_list(qtbot, page, sessions):
    add_current_member(sessions, "Margaret", "Hollis", postcode="LE65 2AB")
    add_current_member(sessions, "Peter", "Swain", email="peter@example.org")
    add_person(sessions, PersonInput(first_name="Sanjay", last_name="Patel", phone="01530 412345"))
    page.refresh()
    assert page.filters.count.text() == "3 people"

    qtbot.keyClicks(page.filters.search, "holl")
    qtbot.waitUntil(lambda: _names(page) == ["Hollis, Margaret"])
    assert page.filters.count.text() == "1 person"

    page.filters.search.clear()
    qtbot.keyClicks(page.filters.search, "le65 2ab")  # postcode, any case
    qtbot.waitUntil(lambda: _names(page) == ["Hollis, Margaret"])

    page.filters.search.clear()
    qtbot.keyClicks(page.filters.search, "412345")  # part of a phone number
    qtbot.waitUntil(lambda: _names(page) == ["Patel, Sanjay"])

    page.filters.search.clear()
    qtbot.keyClicks(page.filters.search, "nobody-like-this")
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)
    assert "Nobody matching" in page.empty.heading.text()
    qtbot.mouseClick(page.empty.first, Qt.MouseButton.LeftButton)  # "Show everyone"
    assert len(_names(page)) == 3


def test_status_filter_shows_members_due_for_renewal(qtbot, page, sessions):
    add_due_member(sessions, "Dorothy", "Due", days_left=5)
    add_current_member(sessions, "Colin", "Current")
    add_person(sessions, PersonInput(first_name="Nora", last_name="Neverjoined"))
    page.refresh()
    assert len(_names(page)) == 3

    page.filters.status.setCurrentIndex(page.filters.status.findText("Due for renewal"))
    assert _names(page) == ["Due, Dorothy"]
    row = page.model.row_at(0)
    assert row.status is MemberStatus.DUE
    assert page.model.data(page.model.index(0, 3)) == "Due for renewal"

    page.filters.status.setCurrentIndex(page.filters.status.findText("Not members"))
    assert _names(page) == ["Neverjoined, Nora"]
    page.show_status(MemberStatus.CURRENT)
    assert _names(page) == ["Current, Colin"]
    assert page.filters.status.currentText() == "Current"


def test_ctrl_f_focuses_search_and_empty_list_says_what_to_do(qtbot, page):
    assert page.stack.currentWidget() is page.empty
    assert page.empty.heading.text() == "No people yet"
    assert page.empty.second.text().startswith("Import")
    page.table.setFocus()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.filters.search.hasFocus())


def test_sorting_by_a_header_asks_the_service(qtbot, page, sessions):
    add_current_member(sessions, "Ann", "Zeal")
    add_current_member(sessions, "Bob", "Able")
    page.refresh()
    assert _names(page) == ["Able, Bob", "Zeal, Ann"]
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # by membership number
    assert page.query().sort == "number" and page.query().descending
    assert _names(page) == ["Able, Bob", "Zeal, Ann"]  # Bob joined second: number 2 first
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert _names(page) == ["Zeal, Ann", "Able, Bob"]
