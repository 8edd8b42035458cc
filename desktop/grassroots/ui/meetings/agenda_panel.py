"""The agenda tab: the numbered items of a meeting, put in order by dragging or with
Ctrl+Up/Down, and the details of the chosen item (title, presenter, time allowed, papers)
edited beside the list.

Every change is written at once through ctx.tasks and the panel says `changed`, so the page
reloads the meeting and every tab shows the same agenda. The list is moved on screen before
the write lands, so pressing Ctrl+Down three times moves an item three places, and the item
being worked on stays chosen across the reload. Once the minutes are signed the agenda is
shown read-only, with a line saying why.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.clock import format_time
from grassroots.core.errors import GrassrootsError, ValidationError
from grassroots.meetings.agenda import (
    add_item,
    change_item,
    move_item,
    remove_item,
)
from grassroots.meetings.documents import papers_of
from grassroots.meetings.records import AgendaItemRow, MeetingDetail
from grassroots.people.choice import PersonChoice
from grassroots.ui.context import AppContext
from grassroots.ui.icons import icon
from grassroots.ui.meetings.panel import MeetingPanel
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.actions import page_action
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.field_error import FieldError, add_field
from grassroots.ui.widgets.form_dialog import frame_form, show_failure, show_problems
from grassroots.ui.widgets.person_field import PersonField

LOCKED_LINE = "These minutes have been signed, so the agenda can no longer change."
ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("No.", "Item", "Presenter", "Time", "Papers")


# ------------------------------------------------------------------ words
def duration(minutes: int) -> str:
    """95 -> '1 h 35 min'; 60 -> '1 h'; 20 -> '20 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def time_line(meeting: MeetingDetail) -> str:
    """'Time allowed: 1 h 35 min; 19:30 to 21:05', and how many items have no time set."""
    timed = [i.minutes_allowed for i in meeting.items if i.minutes_allowed]
    if not timed:
        return "No time allowed set for any item yet."
    total = sum(timed)
    line = f"Time allowed: {duration(total)}"
    if meeting.starts_at is not None:
        start = datetime.combine(meeting.on, meeting.starts_at)
        line += f"; {format_time(meeting.starts_at)} to {format_time(_ends(start, total))}"
    untimed = len(meeting.items) - len(timed)
    if untimed:
        line += f" ({untimed} {'item has' if untimed == 1 else 'items have'} no time set)"
    return line


def _ends(start: datetime, minutes: int) -> time:
    return (start + timedelta(minutes=minutes)).time()


def papers_text(item: AgendaItemRow) -> str:
    count = len(papers_of(item.papers))
    return "" if not count else "1 paper" if count == 1 else f"{count} papers"


def minutes_held(item: AgendaItemRow) -> str:
    """What removing the item would throw away, in words ('' for nothing)."""
    parts = []
    if item.notes.strip():
        parts.append("notes")
    for count, one, many in (
        (len(item.decisions), "a decision", "decisions"),
        (len(item.actions), "an action", "actions"),
    ):
        if count:
            parts.append(one if count == 1 else f"{count} {many}")
    if not parts:
        return ""
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


# ------------------------------------------------------------------ the list
class AgendaList(QTreeWidget):
    """The numbered items. A drop moves the chosen item to where it was dropped and says
    `dropped(item_id, position)`; the list itself never re-parents or deletes a row."""

    dropped = Signal(int, int)  # item id, new position (1 is first)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agendaList")
        self.setAccessibleName("Agenda items")
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(COLUMNS)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropOverwriteMode(False)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.set_editable(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        em = self.fontMetrics().horizontalAdvance("M")
        modes = QHeaderView.ResizeMode
        for column, mode, width in (
            (0, modes.Fixed, 3.2),
            (1, modes.Stretch, 0),
            (2, modes.Interactive, 9),
            (3, modes.Fixed, 4.6),
            (4, modes.Fixed, 5.6),
        ):
            header.setSectionResizeMode(column, mode)
            if width:
                header.resizeSection(column, int(width * em))
        self.row_height = int(self.fontMetrics().height() * 1.55)

    def set_editable(self, editable: bool) -> None:
        mode = QAbstractItemView.DragDropMode
        self.setDragDropMode(mode.InternalMove if editable else mode.NoDragDrop)
        self.setDragEnabled(editable)

    def target_row(self, point: QPoint) -> int:
        """The row a drop at `point` goes before (the row count for the end of the list)."""
        item = self.itemAt(point)
        if item is None:
            return self.topLevelItemCount()
        row = self.indexOfTopLevelItem(item)
        rect = self.visualItemRect(item)
        return row if point.y() < rect.center().y() else row + 1

    def dropEvent(self, event: QDropEvent) -> None:  # Qt names it
        moving = self.currentItem()
        if self.dragDropMode() == QAbstractItemView.DragDropMode.NoDragDrop or moving is None:
            event.ignore()
            return
        before = self.target_row(event.position().toPoint())
        row = self.indexOfTopLevelItem(moving)
        new_row = before - 1 if before > row else before
        # Never a "move" to Qt, which would then delete the dragged row itself: the panel
        # moves it, and the reload shows the order as written.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if new_row != row:
            self.dropped.emit(moving.data(0, ID_ROLE), new_row + 1)


# ------------------------------------------------------------------ adding
class AddItemDialog(QDialog):
    """Asks for the new item's title; the item goes before any other business."""

    added = Signal(int)  # the new item's id

    def __init__(self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.meeting_id = ctx, meeting_id
        self.setObjectName("addItemDialog")
        self.setWindowTitle("Add an agenda item")
        heading = set_role(QLabel("Add an agenda item"), "heading")
        explain = set_role(
            QLabel("The item goes before any other business; drag it elsewhere afterwards."),
            "muted",
        )
        explain.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setObjectName("newItemTitle")
        self.title.setMaxLength(200)
        self.title.setPlaceholderText("e.g. Village fete: stalls and volunteers")
        form = QFormLayout()
        self.errors = {"title": add_field(form, "&Title:", self.title)}
        self.problem, _buttons, self.ok = frame_form(
            self, heading, explain, form, "Add item", "addItemOk", self.submit
        )
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def submit(self) -> None:
        title = self.title.text()
        if not title.strip():
            show_problems(self.errors, {"title": "Give the agenda item a title"})
            return
        self.ok.setEnabled(False)
        sessions, meeting_id = self.ctx.sessions, self.meeting_id
        self.ctx.tasks.run(
            lambda: add_item(sessions, meeting_id, title),
            self._done,
            self._failed,
            parent=self,
        )

    def _done(self, row: AgendaItemRow) -> None:
        self.added.emit(row.id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        show_failure(self, self.ctx.tasks, exc, self.errors, self.problem)


# ------------------------------------------------------------------ the panel
class AgendaPanel(MeetingPanel):
    """The agenda tab; `selected_id()` is the item being edited (kept across reloads)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._selected: int | None = None
        self._shown: AgendaItemRow | None = None  # the item whose details are in the editor
        self._dirty = False
        self._loading = False
        self.dialog: AddItemDialog | None = None
        self._build()
        self._set_editable(False)

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.locked_line = QLabel(LOCKED_LINE)
        self.locked_line.setObjectName("agendaLocked")
        set_role(self.locked_line, "muted")
        lock = QLabel()
        lock.setPixmap(icon("lock").pixmap(16, 16))
        self.locked_row = QWidget()
        locked_layout = QHBoxLayout(self.locked_row)
        locked_layout.setContentsMargins(0, 0, 0, 0)
        locked_layout.addWidget(lock)
        locked_layout.addWidget(self.locked_line, 1)
        self.locked_row.hide()

        self.list = AgendaList()
        self.list.setToolTip(
            "Drag an item, or press Ctrl+Up / Ctrl+Down, to change the order; "
            "Insert adds an item, Delete removes the chosen one"
        )
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.dropped.connect(self._move_to)
        self.total = set_role(QLabel(), "muted")
        self.total.setObjectName("agendaTotal")

        self.add_button = self._button("&Add item…", "addItem", self.add, "Ctrl+Shift+N")
        self.add_button.setToolTip("Add an item before any other business (Ctrl+Shift+N or Insert)")
        set_role(self.add_button, "primary")
        self.up_button = self._button("Move &up", "moveUp", self.move_up, "Ctrl+Up")
        self.down_button = self._button("Move do&wn", "moveDown", self.move_down, "Ctrl+Down")
        self.remove_button = self._button("&Remove…", "removeItem", self.remove, "Delete")
        for text, slot, keys in (
            ("Move up", self.move_up, "Ctrl+Up"),
            ("Move down", self.move_down, "Ctrl+Down"),
            ("Remove item", self.remove, "Delete"),
            ("Add item", self.add, "Insert"),
        ):
            action = page_action(self.list, text, slot, keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        page_action(self, "Add item", self.add, "Ctrl+Shift+N")
        page_action(self, "Save item", self.save, "Ctrl+S")

        tools = QHBoxLayout()
        tools.setSpacing(6)
        tools.addWidget(self.add_button)
        tools.addStretch(1)
        for button in (self.up_button, self.down_button, self.remove_button):
            tools.addWidget(button)

        heading = set_role(QLabel("Agenda"), "heading")
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(heading)
        left.addLayout(tools)
        left.addWidget(self.list, 1)
        left.addWidget(self.total)

        column = QVBoxLayout(self)
        column.setContentsMargins(14, 12, 14, 12)
        column.setSpacing(8)
        column.addWidget(self.locked_row)
        body = QHBoxLayout()
        body.setSpacing(18)
        body.addLayout(left, 3)
        body.addWidget(self._build_editor(), 2)
        column.addLayout(body, 1)

    def _button(self, text: str, name: str, slot, keys: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        plain = text.replace("&", "").rstrip("…")
        button.setAccessibleName(plain)
        button.setToolTip(f"{plain} ({QKeySequence(keys).toString()})")
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build_editor(self) -> QWidget:
        editor = QWidget()
        editor.setObjectName("agendaEditor")
        self.editor = editor
        self.item_heading = set_role(QLabel("Choose an item"), "heading")
        self.item_heading.setObjectName("itemHeading")
        self.item_hint = set_role(QLabel(), "muted")
        self.item_hint.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setObjectName("itemTitle")
        self.title.setMaxLength(200)
        self.presenter = PersonField(self.ctx.sessions)
        self.presenter.setObjectName("itemPresenter")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("itemMinutes")
        self.minutes.setRange(0, 600)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(" min")
        self.minutes.setSpecialValueText("No time set")
        self.papers = QPlainTextEdit()
        self.papers.setObjectName("itemPapers")
        self.papers.setTabChangesFocus(True)
        self.papers.setPlaceholderText("One paper a line, e.g.\nTreasurer's report March.pdf")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        self.errors: dict[str, FieldError | None] = {
            "title": add_field(form, "&Title:", self.title),
            "presenter_id": add_field(form, "&Presenter:", self.presenter),
            "minutes_allowed": add_field(form, "Time &allowed:", self.minutes),
            "papers": add_field(form, "Pape&rs:", self.papers),
        }
        self.problem = FieldError()
        self.save_button = self._button("&Save item", "saveItem", self.save, "Ctrl+S")
        set_role(self.save_button, "primary")
        self.saved_note = set_role(QLabel(), "muted")
        self.saved_note.setObjectName("itemSaved")
        self.saved_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_note, 1)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.item_heading)
        column.addWidget(self.item_hint)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addLayout(buttons)
        column.addStretch(1)
        self.title.textEdited.connect(self._edited)
        self.presenter.textEdited.connect(self._edited)
        self.presenter.person_changed.connect(self._edited)
        self.minutes.valueChanged.connect(self._edited)
        self.papers.textChanged.connect(self._edited)
        return editor

    # ------------------------------------------------------------ showing
    def selected_id(self) -> int | None:
        return self._selected

    def show_meeting(self, meeting: MeetingDetail) -> None:
        keep_typing = self._dirty and self._shown is not None
        super().show_meeting(meeting)
        self.presenter.offer(
            tuple(PersonChoice(a.person_id, a.name, "") for a in meeting.attendance)
        )
        ids = [item.id for item in meeting.items]
        if self._selected not in ids:
            self._selected = ids[0] if ids else None
        self._loading = True
        try:
            self.list.clear()
            for item in meeting.items:
                self.list.addTopLevelItem(self._row(item))
            chosen = self._tree_item(self._selected)
            if chosen is not None:
                self.list.setCurrentItem(chosen)
        finally:
            self._loading = False
        self.total.setText(time_line(meeting))
        self.locked_row.setVisible(meeting.locked)
        self._set_editable(not meeting.locked)
        row = self._row_of(self._selected)
        if keep_typing and row is not None and self._shown is not None and row.id == self._shown.id:
            self._shown = row  # keep what is being typed; only the facts behind it moved on
            self._show_heading(row)
        else:
            self._load_editor(row)
        self._update_buttons()

    def _row(self, item: AgendaItemRow) -> QTreeWidgetItem:
        papers = papers_of(item.papers)
        tree_item = QTreeWidgetItem(
            [
                f"{item.position}.",
                item.title,
                item.presenter_name,
                f"{item.minutes_allowed} min" if item.minutes_allowed else "",
                papers_text(item),
            ]
        )
        tree_item.setData(0, ID_ROLE, item.id)
        tree_item.setSizeHint(0, QSize(0, self.list.row_height))
        tree_item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tree_item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if papers:
            tree_item.setToolTip(4, "\n".join(papers))
        tree_item.setToolTip(1, item.title)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.meeting is not None and not self.meeting.locked:
            flags |= Qt.ItemFlag.ItemIsDragEnabled  # never a drop target: drops go between
        tree_item.setFlags(flags)
        return tree_item

    def _tree_item(self, item_id: int | None) -> QTreeWidgetItem | None:
        for row in range(self.list.topLevelItemCount()):
            tree_item = self.list.topLevelItem(row)
            if tree_item.data(0, ID_ROLE) == item_id:
                return tree_item
        return None

    def _row_of(self, item_id: int | None) -> AgendaItemRow | None:
        items = self.meeting.items if self.meeting is not None else ()
        return next((i for i in items if i.id == item_id), None)

    def _show_heading(self, row: AgendaItemRow) -> None:
        self.item_heading.setText(f"Item {row.position}")
        held = minutes_held(row)
        self.item_hint.setText(f"Minuted so far: {held}." if held else "")
        self.item_hint.setVisible(bool(held))

    def _load_editor(self, row: AgendaItemRow | None) -> None:
        self._shown = row
        self._loading = True
        try:
            show_problems(self.errors, {})
            self.problem.show_error("")
            if row is None:
                self.item_heading.setText("No items yet")
                self.item_hint.setText("Add the first item with “Add item…”.")
                self.item_hint.show()
                for field in (self.title, self.presenter):
                    field.clear()
                self.presenter.set_person(None)
                self.minutes.setValue(0)
                self.papers.clear()
            else:
                self._show_heading(row)
                self.title.setText(row.title)
                self.presenter.set_person(row.presenter_id, row.presenter_name)
                self.minutes.setValue(row.minutes_allowed or 0)
                self.papers.setPlainText(row.papers)
        finally:
            self._loading = False
        self._dirty = False
        self.saved_note.setText(
            "Kept when you choose another item; Ctrl+S saves now."
            if self._editable() and row is not None
            else ""
        )
        self._set_editable(self._editable())

    def _set_editable(self, editable: bool) -> None:
        has_item = self._shown is not None
        self.list.set_editable(editable)
        self.add_button.setEnabled(editable)
        for field in (self.title, self.presenter, self.papers):
            field.setReadOnly(not (editable and has_item))
        self.minutes.setReadOnly(not (editable and has_item))
        self.presenter.setClearButtonEnabled(editable and has_item)
        self.save_button.setEnabled(editable and has_item)
        self.save_button.setVisible(editable)
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = self.meeting is not None and not self.meeting.locked
        current = self.list.currentItem()
        row = -1 if current is None else self.list.indexOfTopLevelItem(current)
        count = self.list.topLevelItemCount()
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < count - 1)
        self.remove_button.setEnabled(editable and row >= 0)

    def _editable(self) -> bool:
        return self.meeting is not None and not self.meeting.locked

    # ------------------------------------------------------------ choosing
    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if self._loading:
            return
        if self._dirty and self._editable() and not self.save():
            return  # the item left has a problem to put right first; it is chosen again
        self._selected = None if current is None else current.data(0, ID_ROLE)
        self._load_editor(self._row_of(self._selected))
        self._update_buttons()

    def _edited(self, *_args) -> None:
        if not self._loading and self._shown is not None:
            self._dirty = True
            self.saved_note.setText("Not saved yet")

    # ------------------------------------------------------------ saving
    def flush(self) -> None:
        if self._dirty and self._editable():
            self.save()

    def save(self) -> bool:
        """Write the chosen item's title and details in one go; problems show under fields.
        False when something typed must be put right first (nothing is written then)."""
        row = self._shown
        if row is None or not self._editable():
            return True
        title, presenter_id = self.title.text(), self.presenter.person_id()
        minutes = self.minutes.value() or None
        papers = self.papers.toPlainText()
        problems = {}
        if not title.strip():
            problems["title"] = "Give the agenda item a title"
        if self.presenter.problem():
            problems["presenter_id"] = self.presenter.problem()
        show_problems(self.errors, problems)
        if problems:
            self._choose_item(row.id)
            return False
        self._dirty = False
        self.saved_note.setText("Saving…")
        sessions = self.ctx.sessions

        def job() -> AgendaItemRow:
            return change_item(sessions, row.id, title, presenter_id, minutes, papers)

        person = self.presenter.person()
        typed = (title, person, minutes, papers)
        self.ctx.tasks.run(
            job, self._saved, lambda exc: self._save_failed(row.id, typed, exc), parent=self
        )
        return True

    def _saved(self, _row: AgendaItemRow) -> None:
        self.saved_note.setText("Saved")
        self.changed.emit()

    def _save_failed(self, item_id: int, typed: tuple, exc: Exception) -> None:
        if self._shown is None or self._shown.id != item_id:  # moved on: go back to it
            self._choose_item(item_id)
            self._load_editor(self._row_of(item_id))
            title, person, minutes, papers = typed
            self._loading = True
            try:
                self.title.setText(title)
                if person is None:
                    self.presenter.set_person(None)
                else:
                    self.presenter.choose(person)
                self.minutes.setValue(minutes or 0)
                self.papers.setPlainText(papers)
            finally:
                self._loading = False
        self._dirty = True
        self.saved_note.setText("Not saved")
        if isinstance(exc, ValidationError):
            show_problems(self.errors, exc.fields)
            self.problem.show_error(
                " ".join(v for k, v in exc.fields.items() if k not in self.errors)
            )
        elif isinstance(exc, GrassrootsError):
            self.problem.show_error(str(exc))
        else:
            self.ctx.tasks.report(exc, parent=self)

    def _choose_item(self, item_id: int) -> None:
        """Go back to an item whose details could not be saved, keeping what was typed."""
        self._selected = item_id
        QTimer.singleShot(0, lambda: self._choose_quietly(item_id))

    def _choose_quietly(self, item_id: int) -> None:
        tree_item = self._tree_item(item_id)
        if tree_item is None or tree_item is self.list.currentItem():
            return
        self._loading = True
        try:
            self.list.setCurrentItem(tree_item)
        finally:
            self._loading = False
        self._update_buttons()

    # ------------------------------------------------------------ moving
    def move_up(self) -> None:
        self._step(-1)

    def move_down(self) -> None:
        self._step(1)

    def _step(self, by: int) -> None:
        current = self.list.currentItem()
        if current is None or not self._editable():
            return
        row = self.list.indexOfTopLevelItem(current) + by
        if 0 <= row < self.list.topLevelItemCount():
            self._move_to(current.data(0, ID_ROLE), row + 1)

    def _move_to(self, item_id: int, position: int) -> None:
        """Move the item on screen at once, then write the move in the background."""
        tree_item = self._tree_item(item_id)
        if tree_item is None or not self._editable():
            return
        self.flush()
        self._loading = True
        try:
            self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(tree_item))
            self.list.insertTopLevelItem(position - 1, tree_item)
            for row in range(self.list.topLevelItemCount()):
                self.list.topLevelItem(row).setText(0, f"{row + 1}.")
            self.list.setCurrentItem(tree_item)
        finally:
            self._loading = False
        self._selected = item_id
        self.item_heading.setText(f"Item {position}")
        self._update_buttons()
        sessions = self.ctx.sessions
        self.ctx.tasks.run(
            lambda: move_item(sessions, item_id, position),
            lambda _rows: self.changed.emit(),
            self._write_failed,
            parent=self,
        )

    def _write_failed(self, exc: Exception) -> None:
        self.changed.emit()  # show the agenda as it really stands
        self.ctx.tasks.report(exc, parent=self)

    # ------------------------------------------------------------ adding
    def add(self) -> None:
        if not self._editable() or self.meeting is None:
            return
        self.flush()
        self.dialog = AddItemDialog(self.ctx, self.meeting.id, self)
        self.dialog.added.connect(self._added)
        self.dialog.open()

    def _added(self, item_id: int) -> None:
        self._selected = item_id
        self.changed.emit()
        self.list.setFocus()

    # ------------------------------------------------------------ removing
    def remove(self):
        """Ask, then remove the chosen item; one already minuted says what would be lost."""
        row = self._row_of(self._selected)
        if row is None or not self._editable():
            return None
        held = minutes_held(row)
        detail = (
            f"It already has minutes ({held}). These will be deleted with it."
            if held
            else "Nothing has been minuted under it yet."
        )
        return ask(
            self,
            "Remove agenda item",
            f"Remove item {row.position}, “{row.title}”, from the agenda?",
            "Remove item and its minutes" if held else "Remove item",
            lambda: self._remove(row, bool(held)),
            detail,
        )

    def _remove(self, row: AgendaItemRow, discard: bool) -> None:
        items = self.meeting.items if self.meeting is not None else ()
        others = [i.id for i in items if i.id != row.id]
        index = min(row.position - 1, len(others) - 1)
        self._selected = others[index] if others else None
        self._dirty = False
        sessions = self.ctx.sessions
        self.ctx.tasks.run(
            lambda: remove_item(sessions, row.id, discard_minutes=discard),
            lambda _rows: self.changed.emit(),
            self._write_failed,
            parent=self,
        )
