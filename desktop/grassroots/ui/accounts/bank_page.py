"""The Bank statements tab: for one account at a time, import its statements and reconcile it.

A volunteer treasurer's monthly round is here: import the bank's file, categorise what came in
with it (in the cash book, one click away), then tick the entries off against the paper
statement. The page shows what has been done already, so a new treasurer taking over the books
can see which statements are in and to which date the account was last agreed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts import books
from grassroots.accounts.cash_book import CashBookQuery, count_cash_book
from grassroots.accounts.reconcile import finished_reconciliations, unfinished_reconciliation
from grassroots.accounts.statements import statement_imports
from grassroots.core.dates import format_date
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.empty_state import EmptyState

IMPORTS_COLUMNS = ("File", "Imported on", "New lines", "From", "To")
HISTORY_COLUMNS = ("Statement date", "Closing balance", "Finished on")


def _table(name: str, headings: tuple[str, ...], accessible: str) -> QTableWidget:
    table = QTableWidget(0, len(headings))
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(list(headings))
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]], right: set[int]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class BankPage(QWidget):
    """Page interface: built with the context; `title`; `refresh()`.

    `categorise_requested` is emitted when the treasurer asks to see the lines still to
    categorise; the Accounts area above the page (when there is one) shows them in the cash book.
    """

    title = "Bank statements"
    categorise_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bankPage")
        self.dialog: QWidget | None = None
        self.accounts = []
        self.empty = EmptyState()
        self.empty.first.clicked.connect(self._go_to_cash_book)
        self.body = self._body()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.body)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.stack)
        self.categorise_requested.connect(self._show_to_categorise)
        ctx.events.changed.connect(self._data_changed)
        self.refresh()

    # ------------------------------------------------------------ building
    def _body(self) -> QWidget:
        body = QWidget()
        self.account = QComboBox()
        self.account.setObjectName("bankAccount")
        self.account.setAccessibleName("Account")
        self.account.setMinimumContentsLength(18)
        self.account.currentIndexChanged.connect(self._account_chosen)
        caption = QLabel("&Account")
        caption.setBuddy(self.account)
        self.import_button = set_role(QPushButton("&Import a statement…"), "primary")
        self.import_button.setObjectName("importStatement")
        self.import_button.clicked.connect(self._import_clicked)
        self.reconcile_button = QPushButton("&Reconcile…")
        self.reconcile_button.setObjectName("reconcile")
        self.reconcile_button.clicked.connect(self._reconcile_clicked)
        top = QHBoxLayout()
        top.addWidget(caption)
        top.addWidget(self.account)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.reconcile_button)

        self.status = QLabel()
        self.status.setObjectName("bankStatus")
        self.status.setWordWrap(True)
        self.to_do = QLabel()
        self.to_do.setObjectName("toCategorise")
        self.to_do_button = QPushButton("Categorise them in the cash book")
        self.to_do_button.setObjectName("showToCategorise")
        self.to_do_button.clicked.connect(self.categorise_requested)
        card = QFrame()
        card.setObjectName("card")
        inside = QVBoxLayout(card)
        inside.setContentsMargins(14, 10, 14, 10)
        inside.addWidget(self.status)
        line = QHBoxLayout()
        line.addWidget(self.to_do)
        line.addStretch(1)
        line.addWidget(self.to_do_button)
        inside.addLayout(line)

        self.imports = _table("statementImports", IMPORTS_COLUMNS, "Statements imported")
        self.history = _table("reconciliations", HISTORY_COLUMNS, "Reconciliations finished")
        for table in (self.imports, self.history):
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.no_imports = set_role(QLabel("No statements imported into this account yet."), "muted")
        self.no_history = set_role(QLabel("This account has not been reconciled yet."), "muted")
        lists = QHBoxLayout()
        lists.setSpacing(16)
        for heading, table, none in (
            ("Statements imported", self.imports, self.no_imports),
            ("Reconciliations", self.history, self.no_history),
        ):
            column = QVBoxLayout()
            column.addWidget(set_role(QLabel(heading), "heading"))
            # Whichever of the two shows takes the room, so "none yet" sits under its heading.
            column.addWidget(none, 1, Qt.AlignmentFlag.AlignTop)
            column.addWidget(table, 1)
            lists.addLayout(column, 1)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(card)
        layout.addLayout(lists, 1)
        return body

    # ------------------------------------------------------------ the page interface
    def refresh(self) -> None:
        """Reload the accounts, keeping the one chosen, and what was done in it."""
        chosen = self.account_id()
        self.accounts = books.list_accounts(self.ctx.sessions)
        if not self.accounts:
            self.empty.show_message(
                "No accounts yet",
                "Bank statements are imported into one of the group's accounts. Add the bank "
                "account in the cash book first, with its balance on the day your books start.",
                "Go to the cash book",
            )
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.body)
        self.account.blockSignals(True)
        self.account.clear()
        for account in self.accounts:
            self.account.addItem(account.name, account.id)
        ids = [a.id for a in self.accounts]
        self.account.setCurrentIndex(ids.index(chosen) if chosen in ids else 0)
        self.account.blockSignals(False)
        self._load_account()

    def account_id(self) -> int | None:
        return self.account.currentData() if hasattr(self, "account") else None

    def choose_account(self, account_id: int) -> None:
        index = self.account.findData(account_id)
        if index >= 0:
            self.account.setCurrentIndex(index)

    def _account_chosen(self, _index: int) -> None:
        self._load_account()

    def _data_changed(self, area: str) -> None:
        if area in ("accounts", "settings"):
            self.refresh()

    def _load_account(self) -> None:
        account_id, sessions = self.account_id(), self.ctx.sessions
        if account_id is None:
            return
        imports = statement_imports(sessions, account_id)
        finished = finished_reconciliations(sessions, account_id)
        self.unfinished = unfinished_reconciliation(sessions, account_id)
        self.to_categorise = count_cash_book(
            sessions, CashBookQuery(account_id=account_id, to_categorise=True)
        )
        _fill(
            self.imports,
            [
                (
                    i.source,
                    format_date(i.imported_at.date()),
                    f"{i.lines:,}",
                    format_date(i.first_on),
                    format_date(i.last_on),
                )
                for i in imports
            ],
            right={2},
        )
        _fill(
            self.history,
            [
                (
                    format_date(r.statement_on),
                    r.statement_balance.format(),
                    format_date(r.finished_at.date()),
                )
                for r in finished
            ],
            right={1},
        )
        for table, none, rows in (
            (self.imports, self.no_imports, imports),
            (self.history, self.no_history, finished),
        ):
            table.setVisible(bool(rows))
            none.setVisible(not rows)
        self._show_status(finished)

    def _show_status(self, finished) -> None:
        name = self.account.currentText()
        if self.unfinished is not None:
            u = self.unfinished
            text = (
                f"A reconciliation of {name} to the statement of {format_date(u.statement_on)} "
                f"is under way; the difference is {u.difference.format()}."
            )
            self.reconcile_button.setText("Carry on &reconciling…")
        elif finished:
            last = finished[0]
            text = (
                f"{name} was last reconciled to the statement of "
                f"{format_date(last.statement_on)}, at {last.statement_balance.format()}."
            )
            self.reconcile_button.setText("&Reconcile…")
        else:
            text = f"{name} has not been reconciled with a bank statement yet."
            self.reconcile_button.setText("&Reconcile…")
        self.status.setText(text)
        count = self.to_categorise
        noun = "entry" if count == 1 else "entries"
        self.to_do.setText(
            f"{count:,} {noun} in {name} still to categorise."
            if count
            else f"Every entry in {name} is categorised."
        )
        self.to_do_button.setVisible(count > 0)

    # ------------------------------------------------------------ actions
    def _import_clicked(self) -> None:  # a slot returns nothing (see the Qt binding note)
        self.import_statement()

    def _reconcile_clicked(self) -> None:
        self.reconcile()

    def import_statement(self):
        from grassroots.ui.accounts.statement_dialog import StatementDialog

        dialog = StatementDialog(self.ctx, self.accounts, self.account_id(), parent=self)
        dialog.categorise_requested.connect(self.categorise_requested)
        return self._show(dialog)

    def reconcile(self):
        from grassroots.ui.accounts.reconcile_dialog import ReconcileDialog

        account = next(a for a in self.accounts if a.id == self.account_id())
        return self._show(ReconcileDialog(self.ctx, account, parent=self))

    def _show(self, dialog: QWidget) -> QWidget:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _area(self):
        from grassroots.ui.accounts.area import AccountsArea

        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, AccountsArea):
            widget = widget.parentWidget()
        return widget

    def _show_to_categorise(self) -> None:
        area = self._area()
        if area is None:
            return
        cash_book = area.show_tab("cash_book")
        cash_book.show_to_categorise()
        accounts = cash_book.filters.account  # narrowed to this account, as its count was
        index = accounts.findData(self.account_id())
        if index >= 0:
            accounts.setCurrentIndex(index)

    def _go_to_cash_book(self) -> None:
        area = self._area()
        if area is not None:
            area.show_tab("cash_book")
