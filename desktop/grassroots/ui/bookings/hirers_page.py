"""Hirers: who hires the rooms, found by name, with the chosen one's contact details, band
and booking history beside the list, and the way on to a new booking or their invoices."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.bookings.hirers import list_hirers, set_hirer_active
from grassroots.bookings.history import BookingSummary, hirer_history
from grassroots.bookings.records import BAND_LABELS, STATUS_LABELS, HirerRow
from grassroots.ui.context import AppContext
from grassroots.ui.theme import COLOURS, set_role
from grassroots.ui.widgets.actions import page_action, page_button
from grassroots.ui.widgets.empty_state import EmptyState
from grassroots.ui.widgets.list_page import change_note, lay_out_page
from grassroots.ui.widgets.list_tree import list_tree
from grassroots.ui.widgets.search_box import SearchBox

HIRER = Qt.ItemDataRole.UserRole
COLUMNS = ("Name", "Contact", "Email", "Phone", "Band")


class HirersPage(QWidget):
    """`reload()` fetches the hirers in the background (`loaded` says they are shown);
    `new_booking_requested(hirer_id)` and `invoices_requested(hirer_id)` ask the area to open
    the booking form or the invoices for the chosen hirer."""

    title = "Hirers"
    new_booking_requested = Signal(int)
    invoices_requested = Signal(int)
    loaded = Signal()
    history_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.hirers: list[HirerRow] = []
        self.history: list[BookingSummary] = []
        self.dialog: QWidget | None = None  # the dialog last opened (for tests)
        self._loading = self._again = False
        self.setObjectName("hirersPage")
        self._build()
        page_action(self, "Add hirer", self.add_hirer, "Ctrl+N")
        page_action(self, "Find", self.search.setFocus, "Ctrl+F")
        self._enable()
        self.reload()

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        heading = set_role(QLabel("Hirers"), "title")
        explain = set_role(
            QLabel(
                "The clubs, businesses and people who hire your rooms. Choose one to see their "
                "details and every booking they have had or have coming."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        self.search = SearchBox("Find a hirer by name")
        self.search.setObjectName("hirerSearch")
        self.search.setAccessibleName("Find a hirer")
        self.search.searched.connect(lambda _text: self.reload())
        self.former = QCheckBox("Show &former hirers")
        self.former.setObjectName("showFormerHirers")
        self.former.setToolTip("Also list hirers you have stopped using")
        self.former.toggled.connect(lambda _on: self.reload())
        self.count = set_role(QLabel("Loading…"), "muted")
        self.count.setObjectName("hirersCount")
        filters = QHBoxLayout()
        filters.setSpacing(10)
        self.search.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 28)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.former)
        filters.addStretch(1)
        filters.addWidget(self.count)

        self.add_button = _button("&Add hirer…", "addHirer", self.add_hirer)
        set_role(self.add_button, "primary")
        self.change_button = _button("C&hange…", "changeHirer", self.change_chosen)
        self.active_button = _button("&Stop using", "hirerActive", self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.tree = list_tree("hirersTree", "Hirers", COLUMNS, 0)
        self.tree.currentItemChanged.connect(lambda *_: self._chosen_changed())
        self.tree.itemActivated.connect(lambda *_: self.change_chosen())
        self.detail = HirerPanel()
        self.detail.book.clicked.connect(lambda _=False: self._ask(self.new_booking_requested))
        self.detail.invoices.clicked.connect(lambda _=False: self._ask(self.invoices_requested))
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.tree)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 3)

        self.empty = EmptyState()
        self.empty.setObjectName("hirersEmpty")
        self.empty.first.setObjectName("emptyAddHirer")
        self.empty.first.clicked.connect(lambda _=False: self._empty_action())
        self.empty.hide()
        self.note = change_note("hirersNote")

        lay_out_page(
            self,
            heading,
            explain,
            filters,
            buttons,
            body=self.split,
            empty=self.empty,
            note=self.note,
        )

    # ------------------------------------------------------------ loading
    def refresh(self) -> None:
        """The area's word for reload: a tab refreshes whenever it is shown."""
        self.reload()

    def reload(self) -> None:
        """Fetch the hirers matching the search in the background; a reload asked for while
        one runs follows it, so the list always ends up matching what is typed."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        sessions, text, former = self.ctx.sessions, self.search.text(), self.former.isChecked()
        self.ctx.tasks.run(
            lambda: list_hirers(sessions, text, include_inactive=former),
            self._loaded,
            self._failed,
            parent=self,
        )

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        self.count.setText("The hirers could not be loaded.")
        self.ctx.tasks.report(exc, parent=self)

    def _loaded(self, hirers: list[HirerRow]) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()
            return
        self.hirers = hirers
        self._fill()
        self.loaded.emit()

    def _fill(self) -> None:
        before = self.chosen()
        self.tree.blockSignals(True)
        self.tree.clear()
        muted = QBrush(QColor(COLOURS.muted))
        again = None
        for hirer in self.hirers:
            name = hirer.name if hirer.active else f"{hirer.name} (former)"
            contact = hirer.contact if hirer.organisation else "On our records"
            cells = [name, contact, hirer.email, hirer.phone, BAND_LABELS.get(hirer.band, "")]
            item = QTreeWidgetItem(self.tree, cells)
            item.setData(0, HIRER, hirer)
            if not hirer.active:
                for c in range(len(cells)):
                    item.setForeground(c, muted)
            if before is not None and hirer.id == before.id:
                again = item
        if again is None and self.tree.topLevelItemCount():
            again = self.tree.topLevelItem(0)
        self.tree.blockSignals(False)
        if again is not None:
            self.tree.setCurrentItem(again)
        n = len(self.hirers)
        self.count.setText(f"{n:,} hirer{'s' if n != 1 else ''}")
        self._show_empty(not self.hirers)
        self._chosen_changed()

    def _show_empty(self, empty: bool) -> None:
        self.split.setVisible(not empty)
        self.empty.setVisible(empty)
        if not empty:
            return
        if self.search.text().strip():
            self.empty.show_message(
                "No hirers match",
                f"No hirer's name contains “{self.search.text().strip()}”.",
                "Clear the search",
            )
        else:
            self.empty.show_message(
                "No hirers yet",
                "Add the clubs, businesses and people who hire your rooms; you can also add a "
                "hirer as you take their first booking.",
                "Add hirer…",
            )

    def _empty_action(self) -> None:
        if self.search.text().strip():
            self.search.clear()
            self.reload()
        else:
            self.add_hirer()

    # ------------------------------------------------------------ choosing
    def chosen(self) -> HirerRow | None:
        item = self.tree.currentItem()
        return item.data(0, HIRER) if item is not None else None

    def _chosen_changed(self) -> None:
        hirer = self.chosen()
        self.detail.show_hirer(hirer)
        self._enable()
        if hirer is None:
            return
        sessions = self.ctx.sessions
        self.ctx.tasks.run(
            lambda: (hirer.id, hirer_history(sessions, hirer.id)),
            self._history_loaded,
            parent=self,
        )

    def _history_loaded(self, result: tuple[int, list[BookingSummary]]) -> None:
        hirer_id, history = result
        chosen = self.chosen()
        if chosen is None or chosen.id != hirer_id:
            return  # the choice moved on while this was loading
        self.history = history
        self.detail.show_history(history)
        self.history_loaded.emit()

    def _enable(self) -> None:
        hirer = self.chosen()
        self.change_button.setEnabled(hirer is not None)
        self.active_button.setEnabled(hirer is not None)
        using = hirer is None or hirer.active
        self.active_button.setText("&Stop using" if using else "&Use again")
        self.active_button.setAccessibleName("Stop using" if using else "Use again")
        self.active_button.setToolTip(
            "Move the hirer to former hirers; their bookings and invoices stay"
            if using
            else "Bring the hirer back to the list"
        )

    def _ask(self, signal) -> None:
        hirer = self.chosen()
        if hirer is not None:
            signal.emit(hirer.id)

    # ------------------------------------------------------------ doing
    def _written(self, said: str) -> None:
        self.note.setText(said)
        self.reload()
        self.tree.setFocus()

    def add_hirer(self) -> None:
        from grassroots.ui.bookings.hirer_dialog import HirerDialog

        self.dialog = HirerDialog(self.ctx, None, self)
        self.dialog.saved.connect(self._added)
        self.dialog.open()

    def _added(self, row: HirerRow) -> None:
        if (
            self.search.text().strip()
            and self.search.text().strip().lower() not in row.name.lower()
        ):
            self.search.clear()  # so the new hirer is in the list
        self._written(f"Added {row.name}.")

    def change_chosen(self) -> None:
        hirer = self.chosen()
        if hirer is None:
            return
        from grassroots.ui.bookings.hirer_dialog import HirerDialog

        self.dialog = HirerDialog(self.ctx, hirer, self)
        self.dialog.saved.connect(lambda row: self._written(f"Changed {row.name}."))
        self.dialog.open()

    def toggle_active(self) -> None:
        hirer = self.chosen()
        if hirer is None:
            return
        sessions, active = self.ctx.sessions, not hirer.active
        said = (
            f"{hirer.name} is back among your hirers."
            if active
            else f"{hirer.name} is now a former hirer; their bookings and invoices stay. "
            "Tick Show former hirers to find them."
        )

        def done(_result: object) -> None:
            self.ctx.events.changed.emit("bookings")
            self._written(said)

        self.ctx.tasks.run(lambda: set_hirer_active(sessions, hirer.id, active), done, parent=self)


def _button(text: str, name: str, slot) -> QPushButton:
    return page_button(text, name, slot)


class HirerPanel(QFrame):
    """The chosen hirer: how to reach them, their band and notes, and their bookings."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 24)
        self.heading = set_role(QLabel(""), "heading")
        self.heading.setObjectName("hirerDetailHeading")
        self.heading.setWordWrap(True)
        self.kind = set_role(QLabel(""), "muted")
        self.kind.setObjectName("hirerKind")
        self.kind.setWordWrap(True)
        self.body = QLabel("")
        self.body.setObjectName("hirerDetail")
        self.body.setAccessibleName("The hirer's details")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.book = _button("&New booking for this hirer", "bookForHirer", lambda: None)
        self.invoices = _button("&Invoices", "hirerInvoices", lambda: None)
        actions = QHBoxLayout()
        actions.addWidget(self.book)
        actions.addWidget(self.invoices)
        actions.addStretch(1)
        self.history_heading = QLabel("Bookings")
        font = QFont(self.history_heading.font())
        font.setBold(True)
        self.history_heading.setFont(font)
        self.history_tree = QTreeWidget()
        self.history_tree.setObjectName("hirerHistory")
        self.history_tree.setAccessibleName("Booking history")
        self.history_tree.setHeaderLabels(["What", "When and where", "Status"])
        header = self.history_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.history_tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.history_tree.setUniformRowHeights(True)
        self.history_tree.setAllColumnsShowFocus(True)
        self.history_tree.setWordWrap(False)
        self.history_tree.setStyleSheet("QTreeView::item { padding: 3px 6px 3px 0; }")
        self.history_empty = set_role(QLabel(""), "muted")
        self.history_empty.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 14, 16, 14)
        column.setSpacing(8)
        column.addWidget(self.heading)
        column.addWidget(self.kind)
        column.addWidget(self.body)
        column.addLayout(actions)
        column.addSpacing(4)
        column.addWidget(self.history_heading)
        column.addWidget(self.history_empty)
        column.addWidget(self.history_tree, 1)

    def show_hirer(self, hirer: HirerRow | None) -> None:
        self.history_tree.clear()
        on = hirer is not None
        for widget in (self.book, self.invoices, self.history_heading):
            widget.setVisible(on)
        self.history_tree.setVisible(False)
        if hirer is None:
            self.heading.setText("")
            self.kind.setText("Choose a hirer to see their details and bookings.")
            self.body.setText("")
            self.history_empty.setText("")
            return
        self.heading.setText(hirer.name)
        former = "" if hirer.active else " · a former hirer"
        if hirer.organisation:
            kind = "An organisation"
            if hirer.contact:
                kind += f" · contact {hirer.contact}, on our records"
        else:
            kind = "A person on our records: their contact details come from People"
        self.kind.setText(kind + former)
        facts = [
            ("Band", BAND_LABELS.get(hirer.band, hirer.band)),
            ("Email", hirer.email or "Not recorded"),
            ("Phone", hirer.phone or "Not recorded"),
            ("Address", hirer.address or "Not recorded"),
            ("Notes", hirer.notes),
        ]
        rows = "".join(
            f"<tr><td style='padding:0 14px 6px 0; color:{COLOURS.muted}'>{escape(k)}</td>"
            f"<td style='padding:0 0 6px 0'>{escape(v).replace(chr(10), '<br>')}</td></tr>"
            for k, v in facts
            if v
        )
        self.body.setText(f"<table cellspacing='0'>{rows}</table>")
        self.history_empty.setText("Loading their bookings…")
        self.history_empty.show()

    def show_history(self, history: list[BookingSummary]) -> None:
        tree = self.history_tree
        tree.clear()
        if not history:
            self.history_empty.setText("No bookings yet.")
            self.history_empty.show()
            tree.hide()
            return
        self.history_empty.hide()
        tree.show()
        bold = QFont(tree.font())
        bold.setBold(True)
        muted = QBrush(QColor(COLOURS.muted))
        groups = (
            ("Coming up", [s for s in history if s.upcoming]),
            ("Past", [s for s in history if not s.upcoming]),
        )
        for label, shown in groups:
            if not shown:
                continue
            top = QTreeWidgetItem(tree, [f"{label} ({len(shown)})"])
            top.setFont(0, bold)
            top.setFirstColumnSpanned(True)
            for summary in shown:
                item = QTreeWidgetItem(
                    top,
                    [summary.title, summary.line, STATUS_LABELS.get(summary.status, "")],
                )
                item.setData(0, HIRER, summary)
                item.setToolTip(1, summary.line)
                if summary.status == "cancelled" or not summary.upcoming:
                    for c in range(3):
                        item.setForeground(c, muted)
            top.setExpanded(True)

    def history_lines(self) -> list[str]:
        """Each booking's line as shown, in order (for tests and screen readers)."""
        tree = self.history_tree
        lines = []
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            lines += [top.child(j).text(1) for j in range(top.childCount())]
        return lines
