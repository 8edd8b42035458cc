"""Reconciling an account with a bank statement: tick each entry the statement shows until the
difference is £0.00, then finish.

The treasurer starts with the statement's date and closing balance (or carries on with the one
they saved half way). Each tick is saved as it is made, so "Save and close" loses nothing and
the difference shown is always the one the books hold. Space ticks the entry under the cursor
and moves to the next, so a long statement is done from the keyboard, reading down the paper.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts import reconcile
from grassroots.accounts.reconcile import ReconciliationView, TickRow
from grassroots.accounts.records import BookAccountInfo
from grassroots.core.dates import format_date
from grassroots.core.errors import GrassrootsError, ValidationError
from grassroots.core.money import Money
from grassroots.ui.context import AppContext
from grassroots.ui.theme import COLOURS, set_role
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import FieldError, add_field
from grassroots.ui.widgets.money_edit import MoneyEdit

HEADERS = ("Seen", "Date", "Payee", "Reference", "Amount")
TICK, AMOUNT = 0, 4
Index = QModelIndex | QPersistentModelIndex


class TickModel(QAbstractTableModel):
    """The entries to tick; the tick column is checkable. `toggled(rows, ticked)` asks the
    dialog to save a change; the model shows it at once."""

    toggled = Signal(list, bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[TickRow] = []
        self.ticked: set[int] = set()

    def load(self, rows: list[TickRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.ticked = {row.entry_id for row in rows if row.ticked}
        self.endResetModel()

    def ticked_total(self) -> Money:
        return Money(sum(r.amount.pence for r in self.rows if r.entry_id in self.ticked))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: Index):
        # Not user-checkable: a click anywhere in the tick cell ticks (the dialog sees to it),
        # not only a click on the small box.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == TICK:
            seen = row.entry_id in self.ticked
            return Qt.CheckState.Checked if seen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return ("", format_date(row.on), row.payee, row.reference, row.amount.format())[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TICK:
            return "ticked" if row.entry_id in self.ticked else "not ticked"
        return None

    def set_ticked(self, rows: list[int], ticked: bool) -> None:
        ids = [self.rows[r].entry_id for r in rows]
        changed = [i for i in ids if (i in self.ticked) != ticked]
        if not changed:
            return
        (self.ticked.update if ticked else self.ticked.difference_update)(changed)
        for r in rows:
            self.dataChanged.emit(self.index(r, 0), self.index(r, len(HEADERS) - 1))
        self.toggled.emit(changed, ticked)


def _last_day_of_last_month(today: date) -> date:
    return today.replace(day=1) - timedelta(days=1)


class ReconcileDialog(QDialog):
    """Start or carry on reconciling `account`; `finished_reconciling(view)` when agreed."""

    finished_reconciling = Signal(object)

    def __init__(self, ctx: AppContext, account: BookAccountInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.account = account
        self.view: ReconciliationView | None = None
        self.setObjectName("reconcileDialog")
        self.setWindowTitle(f"Reconcile {account.name}")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._start_page())
        self.stack.addWidget(self._tick_page())
        QVBoxLayout(self).addWidget(self.stack)
        em = self.fontMetrics().horizontalAdvance("M")
        self._size_for(0)
        self.resize(int(46 * em), self.stack.widget(0).sizeHint().height() + 40)
        under_way = reconcile.unfinished_reconciliation(ctx.sessions, account.id)
        if under_way is not None:
            self._begin(under_way)
        else:
            self.statement_on.setFocus()

    def _size_for(self, shown: int) -> None:
        """Size the window for the page shown: the short form to start, the long list after."""
        for index in range(self.stack.count()):
            policy = QSizePolicy.Policy.Preferred if index == shown else QSizePolicy.Policy.Ignored
            self.stack.widget(index).setSizePolicy(policy, policy)

    # ------------------------------------------------------------ starting
    def _start_page(self) -> QWidget:
        page = QWidget()
        heading = set_role(QLabel(f"Reconcile {self.account.name}"), "heading")
        last = reconcile.finished_reconciliations(self.ctx.sessions, self.account.id)
        since = (
            f"It was last reconciled to the statement of {format_date(last[0].statement_on)}, "
            f"at {last[0].statement_balance.format()}."
            if last
            else "This is its first reconciliation: it starts from the opening balance."
        )
        self.explain = explain = set_role(
            QLabel(
                "Enter the date and the closing balance printed on the bank statement, then "
                f"tick each entry the statement shows. {since}"
            ),
            "muted",
        )
        explain.setWordWrap(True)
        self.statement_on = DateEdit(required=True)
        self.statement_on.setObjectName("statementDate")
        self.statement_on.set_date(_last_day_of_last_month(date.today()))
        self.statement_balance = MoneyEdit(required=True, allow_negative=True)
        self.statement_balance.setObjectName("statementBalance")
        form = QFormLayout()
        self.start_errors = {
            "statement_on": add_field(form, "Statement &date", self.statement_on),
            "balance": add_field(form, "&Closing balance on the statement", self.statement_balance),
        }
        em = self.fontMetrics().horizontalAdvance("M")
        for edit in (self.statement_on, self.statement_balance):
            edit.setFixedWidth(int(9 * em))
        self.start_problem = FieldError()
        self.start_button = set_role(QPushButton("&Start"), "primary")
        self.start_button.setObjectName("reconcileStart")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.start_button)
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(10)
        for item in (heading, explain):
            column.addWidget(item)
        column.addLayout(form)
        column.addWidget(self.start_problem)
        column.addStretch(1)
        column.addLayout(buttons)
        return page

    def start(self) -> None:
        on, balance = self.statement_on.date(), self.statement_balance.value()
        problems = {}
        if on is None:
            problems["statement_on"] = self.statement_on.problem() or "Enter the statement's date"
        if balance is None:
            problems["balance"] = self.statement_balance.problem() or "Enter the closing balance"
        self._show_start_problems(problems)
        if problems:
            return
        sessions, account_id = self.ctx.sessions, self.account.id
        self.start_button.setEnabled(False)
        self.ctx.tasks.run(
            lambda: reconcile.start_reconciliation(sessions, account_id, on, balance),
            self._started,
            self._start_failed,
            parent=self,
        )

    def _show_start_problems(self, problems: dict[str, str]) -> None:
        for key, error in self.start_errors.items():
            error.show_error(problems.get(key, ""))
        self.start_problem.show_error(
            " ".join(v for k, v in problems.items() if k not in self.start_errors)
        )

    def _started(self, view: ReconciliationView) -> None:
        self.ctx.events.changed.emit("accounts")
        self._begin(view)

    def _start_failed(self, exc: Exception) -> None:
        self.start_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_start_problems(dict(exc.fields))
        elif isinstance(exc, GrassrootsError):
            self.start_problem.show_error(str(exc))
        else:
            self.ctx.tasks.report(exc, parent=self)

    # ------------------------------------------------------------ ticking
    def _tick_page(self) -> QWidget:
        page = QWidget()
        self.tick_heading = set_role(QLabel(), "heading")
        self.tick_heading.setObjectName("reconcileHeading")
        hint = set_role(
            QLabel(
                "Tick each entry that is on the statement (Space ticks and moves down). Entries "
                "not on it yet, such as a cheque not yet paid in, stay unticked for next time."
            ),
            "muted",
        )
        hint.setWordWrap(True)
        self.model = TickModel(self)
        self.model.toggled.connect(self._toggled)
        self.table = QTableView()
        self.table.setObjectName("tickTable")
        self.table.setAccessibleName("Entries to tick off against the statement")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.table)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        space.activated.connect(self.toggle_current)
        self.table.clicked.connect(self._clicked)
        self.figures = self._figures()
        self.tick_imported = QPushButton("&Tick the lines from bank files")
        self.tick_imported.setObjectName("tickImported")
        self.tick_imported.setToolTip(
            "Tick every entry that came from an imported bank statement: the bank has seen them"
        )
        self.tick_imported.clicked.connect(self._tick_imported)
        self.imported_ids: set[int] = set()
        self.abandon_button = QPushButton("&Abandon…")
        self.abandon_button.setObjectName("reconcileAbandon")
        self.abandon_button.clicked.connect(self._abandon_clicked)
        self.save_button = QPushButton("&Save and close")
        self.save_button.setObjectName("reconcileSave")
        self.save_button.clicked.connect(self.save_and_close)
        self.finish_button = set_role(QPushButton("&Finish"), "primary")
        self.finish_button.setObjectName("reconcileFinish")
        self.finish_button.clicked.connect(self.finish)
        self.problem = FieldError()
        buttons = QHBoxLayout()
        buttons.addWidget(self.abandon_button)
        buttons.addWidget(self.tick_imported)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.finish_button)
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(10)
        column.addWidget(self.tick_heading)
        column.addWidget(hint)
        column.addWidget(self.table, 1)
        column.addWidget(self.figures)
        column.addWidget(self.problem)
        column.addLayout(buttons)
        return page

    def _figures(self) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        grid = QGridLayout(card)
        grid.setContentsMargins(14, 8, 14, 8)
        grid.setHorizontalSpacing(28)
        self.figure_labels: dict[str, QLabel] = {}
        for position, (key, caption) in enumerate(
            (
                ("starting", "Starting balance"),
                ("ticked", "Ticked"),
                ("statement", "Statement balance"),
                ("difference", "Difference"),
            )
        ):
            value = QLabel()
            value.setObjectName(f"{key}Figure")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * (1.5 if key == "difference" else 1.15))
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(set_role(QLabel(caption), "muted"), 0, position)
            grid.addWidget(value, 1, position)
            self.figure_labels[key] = value
        grid.setColumnStretch(4, 1)
        return card

    def _begin(self, view: ReconciliationView) -> None:
        self.view = view
        self.tick_heading.setText(
            f"{self.account.name}: the statement of {format_date(view.statement_on)}"
        )
        self._size_for(1)
        self.stack.setCurrentIndex(1)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(max(self.width(), int(72 * em)), max(self.height(), int(52 * em)))
        self._show_figures()
        self.table.setFocus()
        sessions = self.ctx.sessions

        def job() -> tuple[list[TickRow], set[int]]:
            return (
                reconcile.entries_to_tick(sessions, view.id),
                reconcile.imported_entries(sessions, view.id),
            )

        self.ctx.tasks.run(job, self._loaded, parent=self)

    def _loaded(self, loaded: tuple[list[TickRow], set[int]]) -> None:
        rows, self.imported_ids = loaded
        self.model.load(rows)
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._show_figures()

    def difference(self) -> Money:
        """What is still unexplained, with the ticks as shown (saved, or being saved)."""
        v = self.view
        return v.statement_balance - (v.starting_balance + self.model.ticked_total())

    def _show_figures(self) -> None:
        v, labels = self.view, self.figure_labels
        difference = self.difference()
        labels["starting"].setText(v.starting_balance.format())
        labels["ticked"].setText(self.model.ticked_total().format())
        labels["statement"].setText(v.statement_balance.format())
        labels["difference"].setText(difference.format())
        colour = COLOURS.error if difference else COLOURS.accent_dark
        labels["difference"].setStyleSheet(f"color: {colour};")
        labels["difference"].setAccessibleName(f"Difference {difference.format()}")
        self.finish_button.setEnabled(not difference)
        self.tick_imported.setVisible(bool(self.imported_ids))
        self.tick_imported.setEnabled(bool(self.imported_ids - self.model.ticked))
        self.finish_button.setToolTip(
            "" if not difference else "Finish when the difference is £0.00"
        )

    def toggle_current(self) -> None:
        """Space: tick (or untick) the selected entries, then move to the next one."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        current = self.table.currentIndex()
        if not rows and current.isValid():
            rows = [current.row()]
        if not rows:
            return
        tick = any(self.model.rows[r].entry_id not in self.model.ticked for r in rows)
        self.model.set_ticked(rows, tick)
        following = min(rows[-1] + 1, self.model.rowCount() - 1)
        self.table.setCurrentIndex(self.model.index(following, current.column()))
        self.table.selectRow(following)

    def _tick_imported(self) -> None:
        rows = [r for r, row in enumerate(self.model.rows) if row.entry_id in self.imported_ids]
        self.model.set_ticked(rows, True)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == TICK:
            row = index.row()
            self.model.set_ticked([row], self.model.rows[row].entry_id not in self.model.ticked)

    def _toggled(self, entry_ids: list[int], ticked: bool) -> None:
        self._show_figures()
        sessions, reconciliation_id = self.ctx.sessions, self.view.id
        self.ctx.tasks.run(
            lambda: reconcile.tick(sessions, reconciliation_id, entry_ids, ticked),
            self._saved_tick,
            self._tick_failed,
            parent=self,
        )

    def _saved_tick(self, view: ReconciliationView) -> None:
        self.view = view
        self._show_figures()

    def _tick_failed(self, exc: Exception) -> None:
        message = " ".join(exc.fields.values()) if isinstance(exc, ValidationError) else str(exc)
        self.problem.show_error(message)
        self._begin(reconcile.get_reconciliation(self.ctx.sessions, self.view.id))

    # ------------------------------------------------------------ ending
    def finish(self) -> None:
        if self.difference():
            return
        sessions, reconciliation_id = self.ctx.sessions, self.view.id
        self.finish_button.setEnabled(False)
        self.ctx.tasks.run(
            lambda: reconcile.finish_reconciliation(sessions, reconciliation_id),
            self._finished,
            self._finish_failed,
            parent=self,
        )

    def _finished(self, view: ReconciliationView) -> None:
        self.view = view
        self.ctx.events.changed.emit("accounts")
        self.finished_reconciling.emit(view)
        self.accept()

    def _finish_failed(self, exc: Exception) -> None:
        message = " ".join(exc.fields.values()) if isinstance(exc, ValidationError) else str(exc)
        self.problem.show_error(message)
        self._show_figures()

    def save_and_close(self) -> None:
        """Every tick is saved already: closing keeps the reconciliation for next time."""
        self.ctx.events.changed.emit("accounts")
        self.accept()

    def _abandon_clicked(self) -> None:  # a slot returns nothing (see the Qt binding note)
        self.abandon()

    def abandon(self) -> QWidget:
        return ask(
            self,
            "Abandon this reconciliation?",
            f"Throw away the reconciliation to the statement of "
            f"{format_date(self.view.statement_on)} and all its ticks?",
            "Abandon",
            self._abandon,
            "The entries stay in the cash book; only the ticks are lost.",
        )

    def _abandon(self) -> None:
        sessions, reconciliation_id = self.ctx.sessions, self.view.id

        def gone(_result) -> None:
            self.ctx.events.changed.emit("accounts")
            self.reject()

        self.ctx.tasks.run(
            lambda: reconcile.abandon_reconciliation(sessions, reconciliation_id),
            gone,
            parent=self,
        )
