"""The People & Members page: the searchable register and everything a membership secretary
does from it (add, renew, import, export, print, review)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QMenu,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from grassroots.members.records import MemberQuery, MemberRow, MemberStatus
from grassroots.ui.context import AppContext
from grassroots.ui.members.columns import MEMBER_COLUMNS, STATUS_COLUMN, StatusBadgeDelegate
from grassroots.ui.members.filter_bar import FilterBar
from grassroots.ui.members.print_actions import PrintActions
from grassroots.ui.widgets.actions import page_action
from grassroots.ui.widgets.empty_state import EmptyState
from grassroots.ui.widgets.lazy_table import ROW_ROLE, LazyTableModel
from grassroots.ui.widgets.record_table import RecordTable


class MembersPage(QWidget):
    """Page interface every area page follows: built with the context; `title`; `refresh()`."""

    title = "People & Members"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None  # the last dialog opened (tests drive it)
        self._sort: tuple[str, bool] = ("name", False)
        self.model = LazyTableModel(MEMBER_COLUMNS, parent=self)
        self.filters = FilterBar()
        self.table = RecordTable("membersTable", "People and members", several=True)
        self.table.setSortingEnabled(True)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(STATUS_COLUMN, StatusBadgeDelegate(self.table))
        self.empty = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.printing = PrintActions(ctx, self)
        self.toolbar = self._toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)
        self._size_columns()
        self._connect()
        self.refresh()

    # ------------------------------------------------------------ building
    def _action(self, text: str, slot, shortcut: str | None = None, tip: str = "") -> QAction:
        return page_action(self, text, slot, shortcut, tip)

    def _toolbar(self) -> QToolBar:
        self.add_person_action = self._action("Add &person", self.add_person, "Ctrl+N")
        self.add_member_action = self._action(
            "Add &member", lambda: self.add_person(as_member=True), "Ctrl+Shift+N"
        )
        self.renew_action = self._action(
            "&Renew…", self.renew_selected, "Ctrl+R", "Renew the selected memberships"
        )
        self.import_action = self._action("&Import…", self.import_members)
        self.export_action = self._action("E&xport…", self.printing.export)
        self.types_action = self._action("Membership &types…", self.edit_types)
        self.retention_action = self._action("Retention re&view…", self.review_retention)
        bar = QToolBar("Members")
        bar.setObjectName("membersToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        for action in (self.add_person_action, self.add_member_action, self.renew_action):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.import_action)
        bar.addAction(self.export_action)
        print_button = QToolButton()
        print_button.setText("&Print ▾")
        print_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        print_button.setObjectName("printButton")
        print_button.setAccessibleName("Print")
        print_button.setMenu(self.printing.menu)
        print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(print_button)
        bar.addSeparator()
        bar.addAction(self.types_action)
        bar.addAction(self.retention_action)
        return bar

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate((4.5, 15, 8.5, 10.5, 7.5, 7.5, 19, 9)):
            self.table.setColumnWidth(column, int(width * em))
        header.setStretchLastSection(True)
        header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.9))

    def _connect(self) -> None:
        self.filters.changed.connect(self.reload)
        self.model.sort_requested.connect(self._sorted)
        self.table.doubleClicked.connect(self._open_index)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.ctx.events.changed.connect(self._data_changed)
        focus = QShortcut(QKeySequence.StandardKey.Find, self)
        focus.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        focus.activated.connect(self.focus_search)
        self.table.open_pressed.connect(lambda: self._open_index(self.table.currentIndex()))
        self.table.delete_pressed.connect(self.erase_selected)
        self.empty.first.clicked.connect(self._empty_first)
        self.empty.second.clicked.connect(self._empty_second)

    # ------------------------------------------------------------ the page interface
    def refresh(self) -> None:
        """Reload from the services (called when shown and when data changed)."""
        from grassroots.members.service import list_types

        self.filters.set_types(list_types(self.ctx.sessions, include_inactive=True))
        self.reload()

    def show_status(self, status: MemberStatus | None) -> None:
        """Show the list filtered to one status (the Home page's links use this)."""
        self.filters.search.clear()
        self.filters.set_status(status)
        self.reload()

    def open_person(self, person_id: int):
        """Open one person's record."""
        from grassroots.ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.ctx, person_id, parent=self)
        dialog.open_requested.connect(self.open_person)
        dialog.resize(880, 640)
        self._show(dialog)
        return dialog

    # ------------------------------------------------------------ the list
    def query(self) -> MemberQuery:
        text, status, members_only, type_id = self.filters.values()
        sort, descending = self._sort
        return MemberQuery(text, status, type_id, members_only, sort, descending)

    def reload(self) -> None:
        from grassroots.members.register import count_members, search_members

        sessions, spec = self.ctx.sessions, self.query()
        self.model.load(
            lambda offset, limit: search_members(sessions, spec, offset, limit),
            lambda: count_members(sessions, spec),
        )
        self.filters.show_count(self.model.total)
        self._show_empty(spec)
        self._update_actions()

    def _sorted(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        self.reload()

    def _data_changed(self, area: str) -> None:
        if area in ("members", "settings"):
            self.refresh()

    def _show_empty(self, spec: MemberQuery) -> None:
        if self.model.total:
            self.stack.setCurrentWidget(self.table)
            return
        filtered = bool(spec.text or spec.status is not None or spec.members_only or spec.type_id)
        if filtered:
            what = f"matching “{spec.text}”" if spec.text else "with this filter"
            self.empty.show_message(
                f"Nobody {what}",
                "Check the spelling, search by postcode or email instead, or show everyone.",
                "Show everyone",
                "Add person",
            )
        else:
            self.empty.show_message(
                "No people yet",
                "Add people one at a time, or bring in your existing list from a spreadsheet "
                "(CSV or Excel).",
                "Add person",
                "Import from a spreadsheet…",
            )
        self.stack.setCurrentWidget(self.empty)

    def _empty_first(self) -> None:
        if self.empty.first.text() == "Show everyone":
            self.filters.search.clear()
            self.filters.set_status(None)
            self.filters.type.setCurrentIndex(0)
            self.reload()
        else:
            self.add_person()

    def _empty_second(self) -> None:
        if self.empty.second.text() == "Add person":
            self.add_person()
        else:
            self.import_members()

    def selected_rows(self) -> list[MemberRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    def _update_actions(self) -> None:
        rows = self.selected_rows()
        self.renew_action.setEnabled(any(r.membership_id is not None for r in rows))

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def _open_index(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        if isinstance(row, MemberRow):
            self.open_person(row.person_id)

    def _show(self, dialog: QWidget) -> None:
        """Open `dialog` window-modal; the previous one, if closed, is let go."""
        previous = self.dialog
        if previous is not None and previous is not dialog and not previous.isVisible():
            previous.deleteLater()
        self.dialog = dialog
        dialog.open()

    # ------------------------------------------------------------ actions
    def add_person(self, as_member: bool = False):
        from grassroots.ui.dialogs.person_dialog import PersonDialog

        dialog = PersonDialog(self.ctx, as_member=as_member, parent=self)
        dialog.open_requested.connect(self.open_person)
        self._show(dialog)
        return dialog

    def renew_selected(self):
        members = [r for r in self.selected_rows() if r.membership_id is not None]
        if not members:
            return None
        from grassroots.ui.dialogs.membership_dialog import MembershipDialog, Mode

        dialog = MembershipDialog(self.ctx, Mode.RENEW, members=members, parent=self)
        self._show(dialog)
        return dialog

    def join_selected(self):
        rows = [r for r in self.selected_rows() if r.membership_id is None]
        if len(rows) != 1:
            return None
        from grassroots.ui.dialogs.membership_dialog import MembershipDialog, Mode

        row = rows[0]
        dialog = MembershipDialog(self.ctx, Mode.JOIN, row.name, row.person_id, parent=self)
        self._show(dialog)
        return dialog

    def end_selected(self):
        members = [
            r
            for r in self.selected_rows()
            if r.membership_id is not None and r.status is not MemberStatus.ENDED
        ]
        if len(members) != 1:
            return None
        from grassroots.ui.dialogs.membership_dialog import MembershipDialog, Mode

        dialog = MembershipDialog(self.ctx, Mode.END, members=members, parent=self)
        self._show(dialog)
        return dialog

    def merge_selected(self):
        rows = self.selected_rows()
        if len(rows) != 2:
            return None
        from grassroots.ui.dialogs.merge_dialog import MergeDialog

        dialog = MergeDialog(self.ctx, rows[0].person_id, rows[1].person_id, parent=self)
        self._show(dialog)
        return dialog

    def erase_selected(self):
        """Delete key: open the person's Privacy tab, where erasing asks for confirmation."""
        rows = self.selected_rows()
        if len(rows) != 1:
            return None
        dialog = self.open_person(rows[0].person_id)
        if dialog.tabs is not None:
            dialog.tabs.setCurrentWidget(dialog.privacy)
        dialog.privacy.confirm_erase()
        return dialog

    def import_members(self):
        from grassroots.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, parent=self)
        self._show(dialog)
        return dialog

    def edit_types(self):
        from grassroots.ui.dialogs.types_dialog import TypesDialog

        dialog = TypesDialog(self.ctx, parent=self)
        self._show(dialog)
        return dialog

    def review_retention(self):
        from grassroots.ui.dialogs.retention_dialog import RetentionDialog

        dialog = RetentionDialog(self.ctx, parent=self)
        self._show(dialog)
        return dialog

    def _context_menu(self, point: QPoint) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        menu = self.context_menu(rows)
        menu.popup(self.table.viewport().mapToGlobal(point))

    def context_menu(self, rows: list[MemberRow]) -> QMenu:
        menu = QMenu(self)
        one, members = len(rows) == 1, [r for r in rows if r.membership_id is not None]
        menu.addAction("&Open", lambda: self.open_person(rows[0].person_id)).setEnabled(one)
        menu.addSeparator()
        if one and not members:
            menu.addAction("&Join as a member…", self.join_selected)
        menu.addAction("&Renew…", self.renew_selected).setEnabled(bool(members))
        ending = one and members and members[0].status is not MemberStatus.ENDED
        menu.addAction("&End membership…", self.end_selected).setEnabled(bool(ending))
        menu.addSeparator()
        menu.addAction("Print &labels for these…", lambda: self.printing.print("labels", rows))
        menu.addAction("Print &cards for these…", lambda: self.printing.print("cards", rows))
        menu.addAction(
            "Print reminder le&tters for these…", lambda: self.printing.print("reminders", rows)
        )
        menu.addAction("E&xport these…", lambda: self.printing.export(rows))
        menu.addSeparator()
        menu.addAction("&Merge these two…", self.merge_selected).setEnabled(len(rows) == 2)
        menu.addAction("Erase this person…", self.erase_selected).setEnabled(one)
        return menu
