"""The action tracker: open actions across meetings, overdue ones said in words, filters, and
marking done, dropping and changing an action."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from grassroots.core.dates import format_date
from grassroots.meetings.actions import add_action, tracked_actions
from grassroots.meetings.records import ActionInput
from grassroots.ui.meetings.actions_page import ActionsPage
from grassroots.ui.theme import COLOURS

TODAY = date.today()


@pytest.fixture
def minuted(sessions, plan, committee):
    """Three open actions agreed at last month's meeting: one overdue (Ann), one due soon
    (Bob), and one with no date (nobody named)."""
    meeting = plan(on=TODAY - timedelta(days=30))
    item = meeting.items[0].id

    def add(what, owner=None, due=None):
        return add_action(sessions, item, ActionInput(what, owner, due)).id

    return meeting, {
        "hall": add("Book the hall", committee["Ann"], TODAY - timedelta(days=5)),
        "chairs": add("Order chairs", committee["Bob"], TODAY + timedelta(days=9)),
        "poster": add("Design a poster"),
    }


def shown(qtbot, mctx) -> ActionsPage:
    page = ActionsPage(mctx)  # starts loading as it is made, as a tab's page must
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        pass
    return page


def reload(qtbot, page: ActionsPage) -> None:
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()


def rows(page: ActionsPage) -> list[list[str]]:
    tree = page.tree
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


def choose(page: ActionsPage, what: str) -> None:
    tree = page.tree
    item = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == what
    )
    tree.setCurrentItem(item)


def test_lists_open_actions_soonest_first_with_overdue_in_words_and_colour(qtbot, mctx, minuted):
    meeting, _ = minuted
    page = shown(qtbot, mctx)
    where = f"{meeting.title}, {format_date(meeting.on)}"
    assert rows(page) == [
        [
            "Book the hall",
            "Ann Smith",
            f"{format_date(TODAY - timedelta(days=5))} · overdue",
            where,
        ],
        ["Order chairs", "Bob Jones", format_date(TODAY + timedelta(days=9)), where],
        ["Design a poster", "No one named", "No date set", where],
    ]
    first, second = page.tree.topLevelItem(0), page.tree.topLevelItem(1)
    assert first.foreground(2).color().name() == COLOURS.error
    assert second.foreground(2).color().name() != COLOURS.error
    assert page.count.text() == "3 open actions, 1 overdue"
    assert not page.empty.isVisible()


def test_only_overdue_filters_and_show_overdue_ticks_it(qtbot, mctx, minuted):
    page = shown(qtbot, mctx)
    page.show_overdue(True)
    assert page.overdue_only.isChecked()
    assert [r[0] for r in rows(page)] == ["Book the hall"]
    assert page.count.text() == "3 open actions, 1 overdue · showing 1"
    page.show_overdue(False)
    assert len(rows(page)) == 3


def test_owner_filter_offers_the_owners_in_the_list(qtbot, mctx, minuted):
    page = shown(qtbot, mctx)
    names = [page.owner.itemText(i) for i in range(page.owner.count())]
    assert names == ["Everyone", "Ann Smith", "Bob Jones", "No one named"]
    page.owner.setCurrentIndex(names.index("Bob Jones"))
    assert [r[0] for r in rows(page)] == ["Order chairs"]
    page.owner.setCurrentIndex(names.index("No one named"))
    assert [r[0] for r in rows(page)] == ["Design a poster"]
    reload(qtbot, page)  # the filter survives a reload
    assert page.owner.currentText() == "No one named"


def test_filter_leaving_nothing_offers_to_show_all(qtbot, mctx, minuted):
    page = shown(qtbot, mctx)
    page.owner.setCurrentIndex(page.owner.findText("Bob Jones"))
    page.show_overdue(True)
    assert page.empty.isVisible() and not page.tree.isVisible()
    assert page.empty.heading.text() == "No actions match"
    qtbot.mouseClick(page.empty.first, Qt.MouseButton.LeftButton)
    assert len(rows(page)) == 3 and not page.overdue_only.isChecked()


def test_done_persists_and_the_row_leaves(qtbot, mctx, sessions, minuted):
    page = shown(qtbot, mctx)
    choose(page, "Book the hall")
    with qtbot.waitSignal(mctx.events.changed, timeout=5000) as changed:
        qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert changed.args == ["meetings"]
    qtbot.waitUntil(lambda: "Book the hall" not in [r[0] for r in rows(page)], timeout=5000)
    assert [a.what for a in tracked_actions(sessions, TODAY)] == ["Order chairs", "Design a poster"]
    assert page.note.text() == f"Marked done today ({format_date(TODAY)}): Book the hall"
    assert page.count.text() == "2 open actions, none overdue"


def test_done_on_an_action_carried_forward_closes_the_live_copy(
    qtbot, mctx, sessions, plan, minuted
):
    later = plan(on=TODAY + timedelta(days=7))  # carries the open actions into matters arising
    page = shown(qtbot, mctx)
    assert len(rows(page)) == 3
    assert all(r[3] == f"{later.title}, {format_date(later.on)}" for r in rows(page))
    choose(page, "Order chairs")
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(rows(page)) == 2, timeout=5000)
    assert "Order chairs" not in [a.what for a in tracked_actions(sessions, TODAY)]


def test_drop_asks_first(qtbot, mctx, sessions, minuted):
    page = shown(qtbot, mctx)
    choose(page, "Design a poster")
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    box = page.dialog
    assert isinstance(box, QMessageBox) and "no longer needed" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    mctx.tasks.wait()
    assert len(tracked_actions(sessions, TODAY)) == 3

    qtbot.mouseClick(page.drop_button, Qt.MouseButton.LeftButton)
    page.dialog.property("confirm_button").click()
    qtbot.waitUntil(lambda: len(rows(page)) == 2, timeout=5000)
    assert "Design a poster" not in [a.what for a in tracked_actions(sessions, TODAY)]
    assert page.note.text() == "Dropped as no longer needed: Design a poster"


def test_change_persists_and_shows_problems_under_fields(qtbot, mctx, sessions, committee, minuted):
    page = shown(qtbot, mctx)
    choose(page, "Design a poster")
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog.what.text() == "Design a poster"
    dialog.what.setText("  ")
    dialog.due_on.setText("31/02/2026")
    dialog.submit()
    assert dialog.errors["what"].text() == "Say what is to be done"
    assert dialog.errors["due_on"].isVisible() and dialog.errors["due_on"].text()
    assert dialog.isVisible()

    due = TODAY + timedelta(days=20)
    dialog.what.setText("Design and print a poster")
    dialog.due_on.set_date(due)
    cath = next(p for p in dialog.owner.matches("Cath") if p.id == committee["Cath"])
    dialog.owner.choose(cath)
    with qtbot.waitSignal(mctx.events.changed, timeout=5000):
        dialog.ok.click()
    saved = {a.what: a for a in tracked_actions(sessions, TODAY)}["Design and print a poster"]
    assert (saved.owner_id, saved.due_on) == (committee["Cath"], due)
    qtbot.waitUntil(lambda: "Design and print a poster" in [r[0] for r in rows(page)])
    assert not dialog.isVisible()


def test_open_meeting_asks_for_the_meeting(qtbot, mctx, minuted):
    meeting, _ = minuted
    page = shown(qtbot, mctx)
    with qtbot.waitSignal(page.meeting_requested) as asked:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert asked.args == [meeting.id]


def test_nothing_open_says_where_actions_come_from(qtbot, mctx, plan):
    plan()
    page = shown(qtbot, mctx)
    assert page.empty.isVisible() and not page.tree.isVisible()
    assert page.empty.heading.text() == "No actions waiting"
    assert "minutes" in page.empty.text.text()
    assert not page.done_button.isEnabled()
    assert page.count.text() == "0 open actions, none overdue"


def test_export_saves_the_actions_shown(qtbot, mctx, minuted, tmp_path):
    import csv

    from openpyxl import load_workbook

    meeting, _ = minuted
    page = shown(qtbot, mctx)
    page.show_overdue(True)
    page.export_to(tmp_path / "late.csv")
    qtbot.waitUntil(lambda: page.property("last_output") is not None, timeout=5000)
    with (tmp_path / "late.csv").open(encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle))
    due = TODAY - timedelta(days=5)
    assert lines == [
        ["What", "Who", "Due", "Overdue", "Meeting", "Meeting date"],
        [
            "Book the hall",
            "Ann Smith",
            format_date(due),
            "Yes",
            meeting.title,
            format_date(meeting.on),
        ],
    ]

    page.show_overdue(False)
    page.export_to(tmp_path / "all.xlsx")
    qtbot.waitUntil(lambda: page.property("last_output").endswith("all.xlsx"), timeout=5000)
    sheet = load_workbook(tmp_path / "all.xlsx").active
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [v[0] for v in values] == ["Book the hall", "Order chairs", "Design a poster"]
    assert values[0][2].date() == due and values[2][2] is None
