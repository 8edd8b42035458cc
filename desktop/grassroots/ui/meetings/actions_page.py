"""The action tracker: every open action across meetings, soonest due first, so the secretary
can chase what is late and tick off what is done between meetings.

Only the live copy of an action is listed (an action carried into a later meeting's matters
arising is the same action); marking it done or dropped here lands on that copy, so the next
meeting's minutes show it closed. The whole open list is loaded at once and filtered here, so
the count line always speaks of every open action.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from grassroots.core.dates import format_date
from grassroots.meetings.actions import (
    complete_action,
    drop_action,
    tracked_actions,
)
from grassroots.meetings.records import TrackedAction
from grassroots.members.columns import guard_formula
from grassroots.people.choice import PersonChoice
from grassroots.ui.context import AppContext
from grassroots.ui.theme import COLOURS, set_role
from grassroots.ui.widgets.actions import page_action, page_button
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.empty_state import EmptyState
from grassroots.ui.widgets.list_page import change_note, lay_out_page
from grassroots.ui.widgets.list_tree import list_tree

ACTION = Qt.ItemDataRole.UserRole
COLUMNS = ("What", "Who", "Due", "Meeting")
EVERYONE, NO_ONE = "everyone", "no_one"  # owner filter choices that are not a person


def _plural(n: int, one: str) -> str:
    return f"{n:,} {one if n == 1 else one + 's'}"


def count_line(actions: tuple[TrackedAction, ...], shown: int) -> str:
    """'7 open actions, 2 overdue', and how many the filters leave when they hide some."""
    overdue = sum(1 for a in actions if a.overdue)
    line = (
        f"{_plural(len(actions), 'open action')}, {overdue:,} overdue"
        if overdue
        else (f"{_plural(len(actions), 'open action')}, none overdue")
    )
    if shown != len(actions):
        line += f" · showing {shown:,}"
    return line


def due_text(action: TrackedAction) -> str:
    """The due date, with 'overdue' in words (the colour is a second hint, never the only one)."""
    if action.due_on is None:
        return "No date set"
    return format_date(action.due_on) + (" · overdue" if action.overdue else "")


EXPORT_HEADERS = ("What", "Who", "Due", "Overdue", "Meeting", "Meeting date")


def export_actions(path: Path, actions: list[TrackedAction]) -> int:
    """The actions as a CSV or, for a .xlsx path, a workbook with real dates (for chasing
    people by email or taking to a meeting); returns how many rows were written."""
    rows = [
        (
            a.what,
            a.owner_name,
            a.due_on,
            "Yes" if a.overdue else "No",
            a.meeting_title,
            a.meeting_on,
        )
        for a in actions
    ]
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook  # imported here: it is slow to load and rarely needed
        from openpyxl.styles import Font

        book = Workbook()
        sheet = book.active
        sheet.title = "Open actions"
        sheet.append(EXPORT_HEADERS)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, date):
                    cell.number_format = "DD/MM/YYYY"
                elif isinstance(cell.value, str):
                    cell.data_type = "s"  # a formula-like line stays the words typed
        for letter, width in zip("ABCDEF", (50, 22, 12, 9, 30, 13), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
        book.save(path)
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(EXPORT_HEADERS)
            for row in rows:
                writer.writerow(
                    [format_date(v) if isinstance(v, date) else guard_formula(v) for v in row]
                )
    return len(rows)


@dataclass(frozen=True)
class Filters:
    overdue_only: bool
    owner: object  # EVERYONE, NO_ONE or a person id

    def keeps(self, action: TrackedAction) -> bool:
        if self.overdue_only and not action.overdue:
            return False
        if self.owner == EVERYONE:
            return True
        if self.owner == NO_ONE:
            return action.owner_id is None
        return action.owner_id == self.owner


class ActionsPage(QWidget):
    """Page interface: built with the context; `title`; `refresh()`. `show_overdue(flag)`
    steers the filter from elsewhere (Home's overdue link); `meeting_requested(id)` asks for
    the meeting an action was minuted at to be opened."""

    title = "Action tracker"
    meeting_requested = Signal(int)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.actions_: tuple[TrackedAction, ...] = ()
        self.dialog: QWidget | None = None  # the dialog or question last opened (for tests)
        self._loading = self._again = False
        self.setObjectName("actionsPage")
        self._build()
        page_action(self, "Mark done", self.mark_done, "Ctrl+D")
        page_action(self, "Drop", self.drop_chosen, "Delete")
        self._enable()
        self.refresh()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        heading = set_role(QLabel("Action tracker"), "title")
        explain = set_role(
            QLabel(
                "Everything the meetings asked someone to do that is not done yet, soonest due "
                "first. Tick actions off here as they are done; the next meeting's matters "
                "arising will show them closed."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        self.overdue_only = QCheckBox("Only &overdue")
        self.overdue_only.setObjectName("overdueOnly")
        self.overdue_only.setToolTip("Show only actions past their due date")
        self.overdue_only.toggled.connect(lambda _on: self._fill())
        self.owner = QComboBox()
        self.owner.setObjectName("ownerFilter")
        self.owner.setAccessibleName("Show the actions of")
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.owner.addItem("Everyone", EVERYONE)
        self.owner.currentIndexChanged.connect(lambda _i: self._fill())
        owner_label = QLabel("&Who:")
        owner_label.setBuddy(self.owner)
        self.count = set_role(QLabel("Loading…"), "muted")
        self.count.setObjectName("actionsCount")
        filters = QHBoxLayout()
        filters.setSpacing(10)
        filters.addWidget(owner_label)
        filters.addWidget(self.owner)
        filters.addSpacing(12)
        filters.addWidget(self.overdue_only)
        filters.addStretch(1)
        filters.addWidget(self.count)

        self.done_button = self._button("&Done", "actionDone", self.mark_done, "Ctrl+D")
        set_role(self.done_button, "primary")
        self.change_button = self._button("C&hange…", "actionChange", self.change_chosen, "Enter")
        self.drop_button = self._button("D&rop…", "actionDrop", self.drop_chosen, "Delete")
        self.open_button = self._button("Open &meeting", "actionMeeting", self.open_chosen)
        self.open_button.setToolTip("Open the meeting whose minutes record this action")
        self.export_button = self._button("E&xport…", "actionsExport", self.export)
        self.export_button.setToolTip("Save the actions shown as a spreadsheet (CSV or Excel)")
        buttons = QHBoxLayout()
        for button in (self.done_button, self.change_button, self.drop_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)

        self.tree = list_tree("actionsTree", "Open actions", COLUMNS, 0)
        self.tree.headerItem().setToolTip(
            3,
            "The meeting whose minutes record the action now (open actions are carried "
            "into each next meeting's matters arising)",
        )
        self.tree.itemActivated.connect(lambda *_: self.change_chosen())
        self.tree.currentItemChanged.connect(lambda *_: self._enable())

        self.empty = EmptyState()
        self.empty.setObjectName("actionsEmpty")
        self.empty.first.setObjectName("showAllActions")
        self.empty.first.clicked.connect(lambda _=False: self._show_all())
        self.empty.hide()
        self.note = change_note("actionsNote")

        lay_out_page(
            self,
            heading,
            explain,
            filters,
            buttons,
            body=self.tree,
            empty=self.empty,
            note=self.note,
        )

    def _button(self, text: str, name: str, slot, shortcut: str = "") -> QPushButton:
        return page_button(text, name, slot, shortcut)

    # ------------------------------------------------------------ loading
    def show_overdue(self, overdue_only: bool) -> None:
        self.overdue_only.setChecked(overdue_only)

    def refresh(self) -> None:
        """Reload in the background; a refresh asked for while one runs is done right after."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        sessions, today = self.ctx.sessions, date.today()
        self.ctx.tasks.run(
            lambda: tracked_actions(sessions, today), self._loaded, self._failed, parent=self
        )

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        self.count.setText("The actions could not be loaded.")
        self.ctx.tasks.report(exc, parent=self)

    def _loaded(self, actions: tuple[TrackedAction, ...]) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.refresh()
        self.actions_ = actions
        self._fill_owners()
        self._fill()
        self.loaded.emit()

    def _fill_owners(self) -> None:
        """The people who own an open action (and 'No one named' when some have nobody)."""
        kept = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem("Everyone", EVERYONE)
        for person in self.owners():
            self.owner.addItem(person.name, person.id)
        if any(a.owner_id is None for a in self.actions_):
            self.owner.addItem("No one named", NO_ONE)
        index = self.owner.findData(kept)
        self.owner.setCurrentIndex(max(index, 0))
        self.owner.blockSignals(False)

    def owners(self) -> tuple[PersonChoice, ...]:
        named = {a.owner_id: a.owner_name for a in self.actions_ if a.owner_id is not None}
        return tuple(
            PersonChoice(pid, name, "")
            for pid, name in sorted(named.items(), key=lambda p: p[1].lower())
        )

    def filters(self) -> Filters:
        return Filters(self.overdue_only.isChecked(), self.owner.currentData())

    def _fill(self) -> None:
        chosen = self.chosen()
        row_before = self.tree.indexOfTopLevelItem(self.tree.currentItem())
        keep = self.filters()
        shown = [a for a in self.actions_ if keep.keeps(a)]
        self.tree.clear()
        error = QBrush(QColor(COLOURS.error))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        again = None
        for action in shown:
            item = QTreeWidgetItem(
                self.tree,
                [
                    action.what,
                    action.owner_name or "No one named",
                    due_text(action),
                    f"{action.meeting_title}, {format_date(action.meeting_on)}",
                ],
            )
            item.setData(0, ACTION, action)
            if action.overdue:
                item.setForeground(2, error)
                item.setFont(2, bold)
            if chosen is not None and action.id == chosen.id:
                again = item
        count = self.tree.topLevelItemCount()
        if again is None and count:
            again = self.tree.topLevelItem(min(max(row_before, 0), count - 1))
        if again is not None:
            self.tree.setCurrentItem(again)
        self.count.setText(count_line(self.actions_, len(shown)))
        self._show_empty(not shown)
        self._enable()

    def _show_empty(self, empty: bool) -> None:
        self.tree.setVisible(not empty)
        self.empty.setVisible(empty)
        if not empty:
            return
        if self.actions_ and self.filters() == Filters(True, EVERYONE):
            self.empty.show_message(
                "Nothing overdue",
                "Every open action is still within its due date.",
                "Show all actions",
            )
        elif self.actions_:
            self.empty.show_message(
                "No actions match",
                "None of the open actions fit what you chose to show.",
                "Show all actions",
            )
        else:
            self.empty.show_message(
                "No actions waiting",
                "Actions come from the minutes: when a meeting agrees that someone will do "
                "something, record it under the agenda item and it waits here until it is done.",
            )

    def _show_all(self) -> None:
        self.overdue_only.setChecked(False)
        self.owner.setCurrentIndex(0)
        self.tree.setFocus()

    # ------------------------------------------------------------ doing
    def chosen(self) -> TrackedAction | None:
        item = self.tree.currentItem()
        return item.data(0, ACTION) if item is not None else None

    def shown_actions(self) -> list[TrackedAction]:
        tree = self.tree
        return [tree.topLevelItem(i).data(0, ACTION) for i in range(tree.topLevelItemCount())]

    def _enable(self) -> None:
        self.export_button.setEnabled(self.tree.topLevelItemCount() > 0)
        on = self.chosen() is not None
        for button in (self.done_button, self.change_button, self.drop_button, self.open_button):
            button.setEnabled(on)

    def _written(self, said: str) -> None:
        self.note.setText(said)
        self.refresh()
        self.ctx.events.changed.emit("meetings")
        self.tree.setFocus()

    def mark_done(self) -> None:
        action = self.chosen()
        if action is None:
            return
        sessions, today = self.ctx.sessions, date.today()
        self.ctx.tasks.run(
            lambda: complete_action(sessions, action.id, today),
            lambda _row: self._written(f"Marked done today ({format_date(today)}): {action.what}"),
            parent=self,
        )

    def drop_chosen(self) -> None:
        action = self.chosen()
        if action is None:
            return
        sessions, today = self.ctx.sessions, date.today()

        def drop() -> None:
            self.ctx.tasks.run(
                lambda: drop_action(sessions, action.id, today),
                lambda _row: self._written(f"Dropped as no longer needed: {action.what}"),
                parent=self,
            )

        self.dialog = ask(
            self,
            "Drop this action?",
            f"Drop “{action.what}” as no longer needed?",
            "Drop action",
            drop,
            detail="It leaves the tracker and is not carried into the next meeting. The "
            "minutes that agreed it keep it as it was.",
        )

    def change_chosen(self) -> None:
        action = self.chosen()
        if action is None:
            return
        from grassroots.ui.meetings.action_dialog import ActionDialog

        explain = (
            f"Agreed at {action.meeting_title} on {format_date(action.meeting_on)}. "
            "Once those minutes are signed, the action can only be marked done or dropped."
        )
        self.dialog = ActionDialog(self.ctx, None, self.owners(), action, self, explain)
        self.dialog.saved.connect(lambda row: self._written(f"Changed: {row.what}"))
        self.dialog.open()

    def export(self) -> None:
        from grassroots.ui.widgets.outputs import SHEET_FILTER, ask_save_path, dated_name

        name = dated_name("Open actions", ".csv")
        path = ask_save_path(self, "Save the open actions", name, SHEET_FILTER)
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the actions shown (as filtered) in the background, then offer to open them."""
        from grassroots.ui.widgets.outputs import write_then_offer

        actions = self.shown_actions()
        write_then_offer(
            self.ctx,
            self,
            path,
            lambda: export_actions(path, actions),
            "Saving the actions…",
            lambda n: f"Saved {path.name}: {_plural(n, 'action')}.",
        )

    def open_chosen(self) -> None:
        action = self.chosen()
        if action is not None:
            self.meeting_requested.emit(action.meeting_id)
