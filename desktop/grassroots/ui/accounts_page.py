"""The Accounts page: the treasurer's cash book, with each account's balance above it.

Entries are typed in a run (New entry, Ctrl+N), changed with a double-click or Enter, and
corrected by reversal once locked (reconciled, or in a closed year), because the books a
meeting approved must stay as they were. The list loads lazily and filters in SQL.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts import books
from grassroots.accounts.cash_book import CashBookQuery, CashBookRow, cash_book, count_cash_book
from grassroots.accounts.records import BookAccountInfo
from grassroots.ui.accounts.balances import BalanceStrip
from grassroots.ui.accounts.columns import (
    ACCOUNT_COLUMN,
    COLUMN_WIDTHS,
    FUND_COLUMN,
    cash_book_model,
)
from grassroots.ui.accounts.filter_bar import ALL_DATES, CashBookFilters, year_bounds
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.actions import page_action
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.empty_state import EmptyState
from grassroots.ui.widgets.lazy_table import ROW_ROLE
from grassroots.ui.widgets.record_table import RecordTable

ADD_ACCOUNT = "Add your bank account"


class AccountsPage(QWidget):
    """Page interface: built with the context; `title`; `refresh()`."""

    title = "Accounts"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None  # the last dialog or question opened (tests drive it)
        self.accounts: list[BookAccountInfo] = []
        self.last_date: date | None = None
        self.fy_start = (4, 1)
        self.model = cash_book_model(self)
        self.balances = BalanceStrip()
        self.filters = CashBookFilters()
        self.table = RecordTable("cashBookTable", "Cash book")
        self.table.setModel(self.model)
        self.empty = EmptyState()
        set_role(self.empty.first, "primary")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.toolbar = self._toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.balances)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)
        self._size_columns()
        self._connect()
        self.refresh()

    # ------------------------------------------------------------ building
    def _action(self, text: str, slot, shortcut: str | None = None, tip: str = "") -> QAction:
        return page_action(self, text, slot, shortcut, tip)

    def _toolbar(self) -> QToolBar:
        self.new_action = self._action(
            "&New entry…", self.new_entry, "Ctrl+N", "Type receipts and payments"
        )
        self.transfer_action = self._action(
            "&Transfer…", self.transfer, "Ctrl+T", "Move money between accounts"
        )
        self.edit_action = self._action("&Change…", self.edit_selected, None, "Change the entry")
        self.reverse_action = self._action(
            "&Reverse…", self.reverse_selected, None, "Correct a locked entry with a reversal"
        )
        self.delete_action = self._action("&Delete…", self.delete_selected, None, "Delete (Del)")
        self.account_action = self._action("Add &account…", self.add_account)
        bar = QToolBar("Accounts")
        bar.setObjectName("accountsToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        bar.addAction(self.new_action)
        bar.addAction(self.transfer_action)
        first = bar.addSeparator()
        for action in (self.edit_action, self.reverse_action, self.delete_action):
            bar.addAction(action)
        second = bar.addSeparator()
        bar.addAction(self.account_action)
        # Shown once there is an account to write in; until then only "Add account".
        self.book_actions = (
            self.new_action,
            self.transfer_action,
            first,
            self.edit_action,
            self.reverse_action,
            self.delete_action,
            second,
        )
        return bar

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, int(width * em))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.9))

    def _connect(self) -> None:
        self.filters.changed.connect(self.reload)
        self.table.doubleClicked.connect(self._open_index)
        self.table.open_pressed.connect(lambda: self._open_index(self.table.currentIndex()))
        self.table.delete_pressed.connect(self.delete_selected)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.balances.categorise_requested.connect(self.show_to_categorise)
        self.ctx.events.changed.connect(self._data_changed)
        self.empty.first.clicked.connect(self._empty_first)
        self.empty.second.clicked.connect(self._empty_second)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

    # ------------------------------------------------------------ the page interface
    def refresh(self) -> None:
        """Reload accounts, balances and the list (when shown and when data changed)."""
        sessions = self.ctx.sessions
        settings = self.ctx.settings()
        self.fy_start = (settings.fy_start_month, settings.fy_start_day)
        self.filters.set_financial_year(*self.fy_start)
        self.accounts = books.list_accounts(sessions)
        funds = books.list_funds(sessions)
        self.filters.set_choices(self.accounts, books.list_categories(sessions), funds)
        # A column that would say the same on every line only takes room.
        self.table.setColumnHidden(ACCOUNT_COLUMN, len(self.accounts) <= 1)
        self.table.setColumnHidden(FUND_COLUMN, len(funds) <= 1)
        to_do = count_cash_book(sessions, CashBookQuery(to_categorise=True))
        self.balances.show_balances(books.account_balances(sessions), to_do)
        self.reload()

    def reload(self) -> None:
        sessions, query = self.ctx.sessions, self.filters.query()
        self.model.load(
            lambda offset, limit: cash_book(sessions, query, offset, limit),
            lambda: count_cash_book(sessions, query),
        )
        self.filters.show_count(self.model.total)
        self._show_empty()
        self._update_actions()

    def _data_changed(self, area: str) -> None:
        if area in ("accounts", "settings"):
            self.refresh()

    def _show_empty(self) -> None:
        has_accounts = bool(self.accounts)
        self.balances.setVisible(has_accounts)
        self.filters.setVisible(has_accounts)
        for action in self.book_actions:
            action.setVisible(has_accounts)
        self.new_action.setEnabled(has_accounts)
        self.transfer_action.setEnabled(len(self.accounts) > 1)
        if self.model.total:
            self.stack.setCurrentWidget(self.table)
            return
        if not has_accounts:
            self.empty.show_message(
                "Start the cash book",
                "Add the group's bank account with its balance on the day your books start. "
                "Add petty cash or a savings account the same way.",
                ADD_ACCOUNT,
            )
        elif count_cash_book(self.ctx.sessions, CashBookQuery()):
            self.empty.show_message(
                "No entries here",
                "Nothing matches these filters in this period. Try all dates, or clear the search.",
                "Show all entries",
                "New entry",
            )
        else:
            self.empty.show_message(
                "No entries yet",
                "Type receipts and payments from the paying-in book, receipts and bank "
                "statements. Enter saves each one and starts the next.",
                "New entry",
                "Add another account",
            )
        self.stack.setCurrentWidget(self.empty)

    def _empty_first(self) -> None:
        text = self.empty.first.text()
        if text == ADD_ACCOUNT:
            self.add_account()
        elif text == "Show all entries":
            self.show_everything()
        else:
            self.new_entry()

    def _empty_second(self) -> None:
        if self.empty.second.text() == "New entry":
            self.new_entry()
        else:
            self.add_account()

    def show_everything(self) -> None:
        filters = self.filters
        for widget in (filters, filters.search, filters.to_categorise, filters.period):
            widget.blockSignals(True)
        filters.search.clear()
        filters.to_categorise.setChecked(False)
        filters.set_period(ALL_DATES)
        for combo in (filters.account, filters.category, filters.fund):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for widget in (filters, filters.search, filters.to_categorise, filters.period):
            widget.blockSignals(False)
        filters.show_custom_dates()
        self.reload()

    def show_to_categorise(self) -> None:
        """The entries still without a category, whatever their date."""
        self.filters.period.blockSignals(True)
        self.filters.set_period(ALL_DATES)
        self.filters.period.blockSignals(False)
        self.filters.show_custom_dates()
        self.filters.to_categorise.setChecked(True)
        self.reload()

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    # ------------------------------------------------------------ the selection
    def selected_row(self) -> CashBookRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        row = self.selected_row()
        self.edit_action.setEnabled(row is not None)
        self.reverse_action.setEnabled(row is not None and row.reverses_id is None)
        self.delete_action.setEnabled(row is not None and not row.locked)

    def _open_index(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        if isinstance(row, CashBookRow):
            self.open_entry(row)

    def _show(self, dialog: QWidget) -> QWidget:
        previous = self.dialog
        if previous is not None and previous is not dialog and not previous.isVisible():
            previous.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    def _context_menu(self, point: QPoint) -> None:
        row = self.selected_row()
        if row is None:
            return
        menu = QMenu(self)
        menu.addAction("&Change…", lambda: self.open_entry(row))
        menu.addAction("&Reverse…", lambda: self.reverse(row)).setEnabled(row.reverses_id is None)
        menu.addAction("&Delete…", lambda: self.delete(row)).setEnabled(not row.locked)
        menu.popup(self.table.viewport().mapToGlobal(point))

    # ------------------------------------------------------------ actions
    def new_entry(self):
        if not self.accounts:
            return self.add_account()
        from grassroots.ui.dialogs.entry_dialog import EntryDialog

        dialog = EntryDialog(
            self.ctx,
            last_date=self.last_date,
            account_id=self.filters.account.currentData(),
            parent=self,
        )
        dialog.saved.connect(self._remember_date)
        dialog.resize(dialog.sizeHint())
        return self._show(dialog)

    def _remember_date(self, view) -> None:
        self.last_date = view.on

    def edit_selected(self):
        row = self.selected_row()
        return self.open_entry(row) if row is not None else None

    def open_entry(self, row: CashBookRow):
        """Change an entry, or say why it cannot be changed and offer what can be done."""
        if row.locked:
            return self._explain_locked(row)
        if row.transfer:
            return self._show_message(
                "A transfer is changed as a pair",
                "This entry is one half of a transfer between accounts, so it is not changed "
                "on its own: delete the transfer (both halves go together) and record it again.",
            )
        from grassroots.ui.dialogs.entry_dialog import EntryDialog

        entry = books.get_entry(self.ctx.sessions, row.id)
        dialog = EntryDialog(self.ctx, entry=entry, parent=self)
        return self._show(dialog)

    def _explain_locked(self, row: CashBookRow) -> QMessageBox:
        if row.reconciled:
            why = (
                "It has been ticked off against a bank statement in a finished "
                "reconciliation, so changing it would make that reconciliation wrong."
            )
        else:
            why = (
                "Its financial year has been closed, so changing it would change accounts "
                "that have already been approved."
            )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "This entry is locked",
            f"This entry ({row.on:%d/%m/%Y}, {row.payee or 'no payee'}, "
            f"{row.amount.format()}) is locked.",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("lockedBox")
        box.setInformativeText(
            f"{why}\n\nTo correct it, reverse it: Grassroots adds a new entry dated today with "
            "the opposite amount, and you can then type the right one."
        )
        reverse = box.addButton("&Reverse it…", QMessageBox.ButtonRole.AcceptRole)
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(close)
        box.setEscapeButton(close)
        box.setProperty("reverse_button", reverse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:  # a slot returns nothing (see the Qt binding note)
            if box.clickedButton() is reverse:
                self.reverse(row)

        box.finished.connect(finished)
        return self._show(box)

    def _show_message(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("messageBox")
        return self._show(box)

    def reverse_selected(self):
        row = self.selected_row()
        return self.reverse(row) if row is not None else None

    def reverse(self, row: CashBookRow) -> QMessageBox:
        sessions, today = self.ctx.sessions, date.today()

        def go() -> None:
            self.ctx.tasks.run(
                lambda: books.reverse_entry(sessions, row.id, today),
                lambda _view: self.ctx.events.changed.emit("accounts"),
                label="Saving…",
                parent=self,
            )

        box = ask(
            self,
            "Reverse this entry",
            f"Add a reversal of {row.payee or 'this entry'} ({row.amount.format()}), "
            f"dated {today:%d/%m/%Y}?",
            "&Reverse",
            go,
            "The original entry stays as it is; the reversal cancels it out.",
            QMessageBox.Icon.Question,
        )
        self.dialog = box
        return box

    def delete_selected(self):
        row = self.selected_row()
        if row is None:
            return None
        if row.locked:
            return self._explain_locked(row)
        return self.delete(row)

    def delete(self, row: CashBookRow) -> QMessageBox:
        sessions = self.ctx.sessions

        def go() -> None:
            self.ctx.tasks.run(
                lambda: books.delete_entry(sessions, row.id),
                lambda _none: self.ctx.events.changed.emit("accounts"),
                label="Deleting…",
                parent=self,
            )

        what = f"{row.on:%d/%m/%Y}, {row.payee or 'no payee'}, {row.amount.format()}"
        box = ask(
            self,
            "Delete this entry",
            f"Delete the entry {what}?",
            "&Delete",
            go,
            "Only for an entry made by mistake. The audit trail keeps a record of it."
            + (
                "\n\nThis is a transfer: both halves, in both accounts, are deleted together."
                if row.transfer
                else ""
            ),
        )
        self.dialog = box
        return box

    def transfer(self):
        if len(self.accounts) < 2:
            return None
        from grassroots.ui.accounts.transfer_dialog import TransferDialog

        return self._show(TransferDialog(self.ctx, self.accounts, self.last_date, parent=self))

    def add_account(self):
        from grassroots.ui.dialogs.account_dialog import AccountDialog

        starts_on, _end = year_bounds(date.today(), *self.fy_start)
        return self._show(AccountDialog(self.ctx, starts_on, parent=self))
