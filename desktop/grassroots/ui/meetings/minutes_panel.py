"""Taking the minutes live: the agenda down the side, and for the chosen item the discussion
notes, the decisions and the actions.

Notes are saved as the secretary types: a pause of NOTES_PAUSE_MS, or NOTES_MAX_WAIT_MS of
typing without a pause, saves the item's notes (one small UPDATE), and so does moving to
another item, leaving the tab or the page, or closing the window. If the laptop dies
mid-meeting, at most the last second of typing is lost. While an item is on screen the text
in the editor is the truth: a reload never overwrites what is being typed.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.dates import format_date
from grassroots.meetings.actions import complete_action, remove_action
from grassroots.meetings.minutes import remove_decision, save_notes
from grassroots.meetings.records import AgendaItemRow, MeetingDetail
from grassroots.people.choice import PersonChoice
from grassroots.ui.context import AppContext
from grassroots.ui.meetings.panel import MeetingPanel
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.actions import page_action, page_button
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.field_error import ERROR_COLOUR
from grassroots.ui.widgets.list_tree import list_tree

NOTES_PAUSE_MS = 600
NOTES_MAX_WAIT_MS = 5000
RECORD = Qt.ItemDataRole.UserRole


def vote_text(votes_for: int | None, against: int | None, abstain: int | None) -> str:
    if votes_for is None and against is None and abstain is None:
        return ""
    return f"{votes_for or 0}–{against or 0}–{abstain or 0}"


def item_marks(item: AgendaItemRow, notes: str | None = None) -> str:
    """What an item in the side list already holds, in words short enough to scan; `notes`
    is the text typed since the item was loaded, if any."""
    marks = []
    if (item.notes if notes is None else notes).strip():
        marks.append("notes")
    if item.decisions:
        marks.append(f"{len(item.decisions)} decision{'s' if len(item.decisions) > 1 else ''}")
    if item.actions:
        marks.append(f"{len(item.actions)} action{'s' if len(item.actions) > 1 else ''}")
    return ", ".join(marks)


def people_of(meeting: MeetingDetail) -> tuple[PersonChoice, ...]:
    """Who a decision or action most likely names: those present first, then the rest."""
    order = {"present": 0, "guest": 1, "invited": 2, "apologies": 3, "absent": 4}
    rows = sorted(meeting.attendance, key=lambda a: (order.get(a.status, 5), a.name.casefold()))
    return tuple(PersonChoice(a.person_id, a.name, a.status_label.lower()) for a in rows)


class MinutesPanel(MeetingPanel):
    """`current_item()` is the item on screen; `notes` its editor; `save_state` says whether
    the notes are saved."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._item_id: int | None = None
        self._typed: dict[int, str] = {}  # item id -> text typed this visit (the truth)
        self._saved: dict[int, str] = {}  # item id -> text the database last took
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(NOTES_PAUSE_MS)
        self._pause.timeout.connect(self.save_now)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(NOTES_MAX_WAIT_MS)
        self._max_wait.timeout.connect(self.save_now)
        self.dialog: QWidget | None = None
        self._build()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.items = QListWidget()
        self.items.setObjectName("minutesItems")
        self.items.setAccessibleName("Agenda items")
        self.items.setToolTip("Ctrl+Page Down / Ctrl+Page Up: next or previous item")
        self.items.setWordWrap(True)
        self.items.setSpacing(2)
        self.items.currentRowChanged.connect(self._item_chosen)
        self.item_title = set_role(QLabel(), "heading")
        self.item_title.setObjectName("minutesItemTitle")
        self.item_title.setWordWrap(True)
        self.item_about = set_role(QLabel(), "muted")
        self.item_about.setObjectName("minutesItemAbout")
        self.item_about.setWordWrap(True)
        self.lock_line = set_role(QLabel(), "muted")
        self.lock_line.setObjectName("minutesLocked")
        self.lock_line.setWordWrap(True)
        self.lock_line.hide()
        notes_label = QLabel("&Discussion")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("minutesNotes")
        self.notes.setAccessibleName("Discussion notes")
        self.notes.setPlaceholderText("What was said, briefly. Grassroots saves as you type.")
        self.notes.setTabChangesFocus(True)
        notes_label.setBuddy(self.notes)
        self.notes.textChanged.connect(self._notes_typed)
        self.save_state = set_role(QLabel(""), "muted")
        self.save_state.setObjectName("minutesSaveState")
        self.save_state.setAccessibleName("Saving")
        notes_head = QHBoxLayout()
        notes_head.addWidget(notes_label)
        notes_head.addStretch(1)
        notes_head.addWidget(self.save_state)

        self.decisions = list_tree(
            "minutesDecisions",
            "Decisions",
            ("Motion", "Proposed", "Seconded", "Votes", "Result"),
            0,
        )
        self.decisions.itemActivated.connect(lambda *_: self.change_decision())
        self.add_decision_button = self._button("Add &decision…", "addDecision", self.add_decision)
        self.add_decision_button.setToolTip("Record a motion and the vote (Ctrl+Shift+D)")
        self.remove_decision_button = self._button("Remove", "removeDecision", self.remove_decision)
        self.actions = list_tree("minutesActions", "Actions", ("Action", "Who", "Due", "Status"), 0)
        self.actions.itemActivated.connect(lambda *_: self.change_action())
        self.add_action_button = self._button("Add a&ction…", "addAction", self.add_action)
        self.add_action_button.setToolTip("Record who will do what, and by when (Ctrl+Shift+A)")
        self.remove_action_button = self._button("Remove", "removeAction", self.remove_action)
        self.done_action_button = self._button("Mark &done", "doneAction", self.mark_action_done)
        self.done_action_button.setToolTip(
            "The action was reported done at this meeting (it leaves the action tracker)"
        )
        for tree in (self.decisions, self.actions):
            tree.setMinimumHeight(int(self.fontMetrics().lineSpacing() * 6))
            tree.currentItemChanged.connect(lambda *_: self._enable())

        page_action(self, "Next item", self.next_item, "Ctrl+PgDown")
        page_action(self, "Previous item", self.previous_item, "Ctrl+PgUp")
        page_action(self, "Add decision", self.add_decision, "Ctrl+Shift+D")
        page_action(self, "Add action", self.add_action, "Ctrl+Shift+A")
        page_action(self, "Save notes", self.save_now, "Ctrl+S")

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(12, 4, 4, 4)
        column.setSpacing(6)
        column.addWidget(self.item_title)
        column.addWidget(self.item_about)
        column.addWidget(self.lock_line)
        column.addLayout(notes_head)
        column.addWidget(self.notes, 2)
        column.addLayout(
            self._section(
                "Decisions", self.decisions, self.add_decision_button, self.remove_decision_button
            )
        )
        column.addWidget(self.decisions, 1)
        column.addLayout(
            self._section(
                "Actions",
                self.actions,
                self.add_action_button,
                self.done_action_button,
                self.remove_action_button,
            )
        )
        column.addWidget(self.actions, 1)
        splitter = QSplitter()
        splitter.setObjectName("minutesSplitter")
        splitter.addWidget(self.items)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        em = self.fontMetrics().horizontalAdvance("M")
        splitter.setSizes([int(em * 16), int(em * 48)])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        return page_button(text, name, slot)

    def _section(self, title: str, tree: QTreeWidget, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(f"<b>{title}</b>")
        label.setBuddy(tree)
        row.addWidget(label)
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        return row

    # ------------------------------------------------------------ showing
    def show_meeting(self, meeting: MeetingDetail) -> None:
        if self.meeting is not None and self.meeting.id != meeting.id:
            self.save_now()
            self._typed.clear()
            self._saved.clear()
            self._item_id = None
        super().show_meeting(meeting)
        keep = self._item_id
        self.items.blockSignals(True)
        self.items.clear()
        for item in meeting.items:
            row = QListWidgetItem(self._item_label(item))
            row.setData(RECORD, item.id)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, f"{item.position}. {item.title}")
            self.items.addItem(row)
        ids = [i.id for i in meeting.items]
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.items.setCurrentRow(row)
        self.items.blockSignals(False)
        self._show_item(self.current_item(), same=keep is not None and keep in ids)

    def _item_label(self, item: AgendaItemRow) -> str:
        marks = item_marks(item, self._typed.get(item.id))
        return f"{item.position}. {item.title}" + (f"\n    {marks}" if marks else "")

    def current_item(self) -> AgendaItemRow | None:
        row = self.items.currentRow()
        if self.meeting is None or not 0 <= row < len(self.meeting.items):
            return None
        return self.meeting.items[row]

    def _item_chosen(self, _row: int) -> None:
        self.save_now()
        self._show_item(self.current_item(), same=False)

    def _show_item(self, item: AgendaItemRow | None, same: bool) -> None:
        locked = self.meeting is not None and self.meeting.locked
        self._item_id = None if item is None else item.id
        if item is None:
            self.item_title.setText("This meeting has no agenda items yet")
            self.item_about.setText("Add items on the Agenda tab, then take the minutes here.")
            self._set_notes("")
        else:
            self.item_title.setText(f"{item.position}. {item.title}")
            about = [f"Presented by {item.presenter_name}"] if item.presenter_name else []
            if item.minutes_allowed:
                about.append(f"{item.minutes_allowed} minutes allowed")
            self.item_about.setText(" · ".join(about))
            self.item_about.setVisible(bool(about))
            if not same or item.id not in self._typed:
                self._set_notes(self._typed.get(item.id, item.notes))
                self._saved.setdefault(item.id, item.notes)
        self.lock_line.setVisible(locked)
        if locked and self.meeting is not None:
            self.lock_line.setText(
                f"Signed as a true record on {format_date(self.meeting.minutes_approved_on)}; "
                "these minutes can no longer change. Record a correction with "
                "'Record an amendment…' above."
            )
        self.notes.setReadOnly(locked or item is None)
        self._fill_decisions(item)
        self._fill_actions(item)
        self._enable()

    def _set_notes(self, text: str) -> None:
        self.notes.blockSignals(True)
        self.notes.setPlainText(text)
        self.notes.blockSignals(False)

    def _fill_decisions(self, item: AgendaItemRow | None) -> None:
        self.decisions.clear()
        for d in item.decisions if item else ():
            row = QTreeWidgetItem(
                self.decisions,
                [
                    d.motion,
                    d.proposer_name,
                    d.seconder_name,
                    vote_text(d.votes_for, d.votes_against, d.votes_abstain),
                    "Carried" if d.carried else "Not carried",
                ],
            )
            row.setData(0, RECORD, d)
            row.setToolTip(0, d.motion)

    def _fill_actions(self, item: AgendaItemRow | None) -> None:
        self.actions.clear()
        for a in item.actions if item else ():
            status = {"open": "Open", "done": "Done", "dropped": "Dropped"}.get(a.status, a.status)
            if a.carried_from_action_id is not None:
                status += " (carried forward)"
            row = QTreeWidgetItem(
                self.actions, [a.what, a.owner_name, format_date(a.due_on), status]
            )
            row.setData(0, RECORD, a)
            row.setToolTip(0, a.what)

    def _enable(self) -> None:
        editable = self.meeting is not None and not self.meeting.locked
        has_item = self.current_item() is not None
        self.add_decision_button.setEnabled(editable and has_item)
        self.add_action_button.setEnabled(editable and has_item)
        self.remove_decision_button.setEnabled(
            editable and self.decisions.currentItem() is not None
        )
        self.remove_action_button.setEnabled(editable and self.actions.currentItem() is not None)
        action = self._chosen(self.actions)
        self.done_action_button.setEnabled(
            editable and action is not None and action.status == "open"
        )

    # ------------------------------------------------------------ moving
    def next_item(self) -> None:
        self.items.setCurrentRow(min(self.items.currentRow() + 1, self.items.count() - 1))
        self.notes.setFocus()

    def previous_item(self) -> None:
        self.items.setCurrentRow(max(self.items.currentRow() - 1, 0))
        self.notes.setFocus()

    # ------------------------------------------------------------ saving notes
    def _notes_typed(self) -> None:
        if self._item_id is None or self.notes.isReadOnly():
            return
        self._typed[self._item_id] = self.notes.toPlainText()
        self.save_state.setText("Not saved yet…")
        self.save_state.setStyleSheet("")
        self._pause.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    def unsaved(self) -> dict[int, str]:
        """Text typed that the database has not taken yet, by item id."""
        return {i: t for i, t in self._typed.items() if self._saved.get(i) != t}

    def save_now(self) -> None:
        """Save every item's typed notes that differ from what was last saved (in the
        background, in order, so the last keystroke wins)."""
        self._pause.stop()
        self._max_wait.stop()
        pending = self.unsaved()
        if not pending:
            return
        sessions = self.ctx.sessions
        self.save_state.setText("Saving…")

        def job() -> dict[int, str]:
            for item_id, text in pending.items():
                save_notes(sessions, item_id, text)
            return pending

        self.ctx.tasks.run(job, self._notes_saved, self._notes_failed)

    def _notes_saved(self, saved: dict[int, str]) -> None:
        self._saved.update(saved)
        if not self.unsaved():
            self.save_state.setText(f"Saved {datetime.now():%H:%M:%S}")
            self.save_state.setStyleSheet("")
            self._refresh_marks()

    def _notes_failed(self, exc: Exception) -> None:
        self.save_state.setText(f"Not saved: {exc}")
        self.save_state.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.save_state.setToolTip(
            "Your text is still here. Grassroots tries again when you next pause; "
            "you can also copy it somewhere safe."
        )

    def _refresh_marks(self) -> None:
        """Show 'notes' beside the item in the side list once its first words are saved."""
        row, item = self.items.currentItem(), self.current_item()
        if row is not None and item is not None:
            row.setText(self._item_label(item))

    def flush(self) -> None:
        """Save now, and wait for it (leaving the page, or the window closing)."""
        if self.unsaved():
            pending = self.unsaved()
            self._pause.stop()
            self._max_wait.stop()
            try:
                for item_id, text in pending.items():
                    save_notes(self.ctx.sessions, item_id, text)
            except Exception as exc:  # shown, and the text stays on screen
                self._notes_failed(exc)
                return
            self._notes_saved(pending)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    # ------------------------------------------------------------ decisions and actions
    def _chosen(self, tree: QTreeWidget):
        row = tree.currentItem()
        return row.data(0, RECORD) if row is not None else None

    def add_decision(self, decision=None) -> None:
        item = self.current_item()
        if item is None or self.meeting is None or self.meeting.locked:
            return
        from grassroots.ui.meetings.decision_dialog import DecisionDialog

        self.save_now()
        self.dialog = DecisionDialog(self.ctx, item, people_of(self.meeting), decision, self)
        self.dialog.saved.connect(lambda _: self.changed.emit())
        self.dialog.open()

    def change_decision(self) -> None:
        decision = self._chosen(self.decisions)
        if decision is not None:
            self.add_decision(decision)

    def remove_decision(self) -> None:
        decision = self._chosen(self.decisions)
        if decision is None or self.meeting is None or self.meeting.locked:
            return
        sessions = self.ctx.sessions
        self.dialog = ask(
            self,
            "Remove this decision?",
            f"Remove the decision '{decision.motion}' from the minutes?",
            "Remove decision",
            lambda: self._write(lambda: remove_decision(sessions, decision.id)),
        )

    def add_action(self, action=None) -> None:
        item = self.current_item()
        if item is None or self.meeting is None or self.meeting.locked:
            return
        from grassroots.ui.meetings.action_dialog import ActionDialog

        self.save_now()
        self.dialog = ActionDialog(self.ctx, item.id, people_of(self.meeting), action, self)
        self.dialog.saved.connect(lambda _: self.changed.emit())
        self.dialog.open()

    def change_action(self) -> None:
        action = self._chosen(self.actions)
        if action is not None:
            self.add_action(action)

    def remove_action(self) -> None:
        action = self._chosen(self.actions)
        if action is None or self.meeting is None or self.meeting.locked:
            return
        sessions = self.ctx.sessions
        self.dialog = ask(
            self,
            "Remove this action?",
            f"Remove the action '{action.what}' from the minutes?",
            "Remove action",
            lambda: self._write(lambda: remove_action(sessions, action.id)),
            detail="To record that it was done or is no longer needed, use the action "
            "tracker instead, so the minutes keep it.",
        )

    def mark_action_done(self) -> None:
        """Done as reported at this meeting: dated the meeting's day (or today, if sooner)."""
        action = self._chosen(self.actions)
        if action is None or action.status != "open" or self.meeting is None:
            return
        sessions, on = self.ctx.sessions, min(self.meeting.on, date.today())
        self._write(lambda: complete_action(sessions, action.id, on))

    def _write(self, job) -> None:
        self.ctx.tasks.run(job, lambda _: self.changed.emit(), parent=self)
