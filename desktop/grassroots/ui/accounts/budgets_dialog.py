"""The committee's budget for a financial year: what it expects to receive and spend in each
category, typed beside last year's budget and what last year actually came to.

A treasurer usually starts from last year ("Copy last year's budgets" fills only the empty
lines) and adjusts, watching the surplus or deficit at the foot. Nothing is saved until Save,
and a figure that cannot be read keeps the dialog open with the line named, so no typing is
lost. A blank line has no budget, which the report shows differently from a budget of £0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from grassroots.accounts import books, budgets
from grassroots.accounts.treasurers_report import treasurers_report
from grassroots.core.dates import add_months
from grassroots.core.errors import GrassrootsError
from grassroots.core.money import Money
from grassroots.ui.accounts.filter_bar import year_bounds
from grassroots.ui.context import AppContext
from grassroots.ui.theme import COLOURS, set_role
from grassroots.ui.widgets.field_error import FieldError
from grassroots.ui.widgets.money_edit import MoneyEdit

BUDGET, LAST_BUDGET, LAST_ACTUAL = 1, 2, 3


@dataclass(frozen=True)
class BudgetRow:
    category_id: int
    category: str
    direction: str  # receipt | payment
    budget: Money | None
    last_budget: Money | None
    last_actual: Money


@dataclass(frozen=True)
class BudgetYear:
    """What the grid shows for one year, read off the UI thread."""

    year_starts_on: date
    rows: tuple[BudgetRow, ...]


def read_budget_year(sessions, year_starts_on: date) -> BudgetYear:
    """Every active category (and any inactive one still budgeted), with this year's budget,
    last year's budget and last year's actual."""
    last_start = add_months(year_starts_on, -12)
    this_year = budgets.budgets_for(sessions, year_starts_on)
    last_year = budgets.budgets_for(sessions, last_start)
    last = treasurers_report(sessions, last_start, year_starts_on - timedelta(days=1))
    actual = {
        line.category_id: line.actual
        for line in (*last.receipts.lines, *last.payments.lines)
        if line.category_id is not None
    }
    categories = [(c.id, c.name, c.direction) for c in books.list_categories(sessions)]
    known = {c[0] for c in categories}
    categories += [
        (line.category_id, line.category, line.direction)
        for line in budgets.budget_lines(sessions, year_starts_on)
        if line.category_id not in known
    ]
    rows = [
        BudgetRow(
            cid, name, direction, this_year.get(cid), last_year.get(cid), actual.get(cid, Money(0))
        )
        for cid, name, direction in categories
    ]
    rows.sort(key=lambda r: r.direction != "receipt")  # receipts first, chart order kept
    return BudgetYear(year_starts_on, tuple(rows))


def save_budget_year(sessions, year_starts_on: date, changes: dict[int, Money | None]) -> int:
    """Set or clear the changed lines in one transaction; returns how many changed."""
    return budgets.save_budgets(sessions, year_starts_on, changes)


def _figure(value: Money | None, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if value is None else value.format())
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    if value is not None and value.pence < 0:
        item.setForeground(QBrush(QColor(COLOURS.error)))
    return item


def _label(text: str, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


class BudgetsDialog(QDialog):
    """Edit one financial year's budget; `year_starts_on` None: the current year. `loaded`
    when a year's lines are on show."""

    loaded = Signal()

    def __init__(
        self, ctx: AppContext, year_starts_on: date | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("budgetsDialog")
        self.setWindowTitle("Budgets")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        settings = ctx.settings()
        self.fy_start = (settings.fy_start_month, settings.fy_start_day)
        current = year_bounds(date.today(), *self.fy_start)[0]
        self.year_data: BudgetYear | None = None
        self.edits: dict[int, MoneyEdit] = {}
        self.rows: dict[int, BudgetRow] = {}
        self.total_rows: dict[str, int] = {}
        self._build(year_starts_on or current, current)
        self.resize(820, 640)
        self.load()

    # ------------------------------------------------------------ building

    def _build(self, chosen: date, current: date) -> None:
        heading = QLabel("Budgets")
        set_role(heading, "title")
        explain = QLabel(
            "What the committee expects to receive and spend in each category over the "
            "financial year. Leave a line blank for no budget. The treasurer's report compares "
            "the year's figures with these."
        )
        explain.setWordWrap(True)
        set_role(explain, "muted")
        self.year = QComboBox()
        self.year.setObjectName("budgetYear")
        self.year.setAccessibleName("Financial year")
        first = min(chosen, add_months(current, -36))
        start = first
        while start <= add_months(max(chosen, current), 12):
            self.year.addItem(f"{start:%Y}/{(add_months(start, 12)):%y}", start.isoformat())
            start = add_months(start, 12)
        self.year.setCurrentIndex(max(self.year.findData(chosen.isoformat()), 0))
        year_label = QLabel("Financial &year:")
        year_label.setBuddy(self.year)
        self.copy = QPushButton("&Copy last year's budgets")
        self.copy.setObjectName("copyBudgets")
        self.copy.setToolTip("Fill the blank lines with last year's budget; typed figures stay")
        self.from_actual = QPushButton("Use last year's &actual")
        self.from_actual.setObjectName("budgetsFromActual")
        self.from_actual.setToolTip(
            "Fill the blank lines with what last year came to, in whole pounds; typed figures stay"
        )
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.copy)
        top.addWidget(self.from_actual)

        self.grid = QTableWidget(0, 4)
        self.grid.setObjectName("budgetGrid")
        self.grid.setAccessibleName("Budget by category")
        self.grid.verticalHeader().hide()
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setShowGrid(False)
        header = self.grid.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (BUDGET, LAST_BUDGET, LAST_ACTUAL):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            self.grid.setColumnWidth(c, 150)

        self.totals = QLabel()
        self.totals.setObjectName("budgetTotals")
        self.totals.setAccessibleName("Budget totals")
        self.problem = FieldError()
        self.problem.setObjectName("budgetProblem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save = self.buttons.addButton("&Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setObjectName("saveBudgets")
        set_role(self.save, "primary")
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(10)
        for widget in (heading, explain):
            column.addWidget(widget)
        column.addLayout(top)
        column.addWidget(self.grid, 1)
        column.addWidget(self.totals)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)

        self.year.currentIndexChanged.connect(self._year_chosen)
        self.copy.clicked.connect(self.copy_last_year)
        self.from_actual.clicked.connect(self.use_last_actual)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def year_starts_on(self) -> date:
        return date.fromisoformat(self.year.currentData())

    # ------------------------------------------------------------ loading

    def load(self) -> None:
        year, sessions = self.year_starts_on(), self.ctx.sessions
        self.year_data = None
        self.save.setEnabled(False)
        self.ctx.tasks.run(lambda: read_budget_year(sessions, year), self._show, parent=self)

    def _year_chosen(self, _index: int) -> None:
        self.load()

    def _show(self, data: BudgetYear) -> None:
        if not isValid(self.grid):
            return  # the dialog was closed before the year was read
        if data.year_starts_on != self.year_starts_on():
            return  # the user has moved on to another year
        self.year_data = data
        year = data.year_starts_on
        last = add_months(year, -12)
        self.grid.clear()
        self.grid.setHorizontalHeaderLabels(
            [
                "Category",
                f"Budget {year:%Y}/{add_months(year, 12):%y}",
                f"Budget {last:%Y}/{year:%y}",
                f"Actual {last:%Y}/{year:%y}",
            ]
        )
        for c in (BUDGET, LAST_BUDGET, LAST_ACTUAL):
            self.grid.horizontalHeaderItem(c).setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        self.edits, self.rows, self.total_rows = {}, {}, {}
        receipts = [r for r in data.rows if r.direction == "receipt"]
        payments = [r for r in data.rows if r.direction == "payment"]
        layout: list[tuple[str, object]] = [("heading", "Receipts")]
        layout += [("line", r) for r in receipts] + [("total", "receipt")]
        layout += [("heading", "Payments")]
        layout += [("line", r) for r in payments] + [("total", "payment")]
        layout += [("total", "surplus")]
        self.grid.setRowCount(len(layout))
        for i, (kind, what) in enumerate(layout):
            if kind == "heading":
                self._heading_row(i, str(what))
            elif kind == "line":
                self._line_row(i, what)  # type: ignore[arg-type]
            else:
                self.total_rows[str(what)] = i
        self.grid.resizeRowsToContents()
        self._update_totals()
        self._check()
        if self.edits:
            first = next(iter(self.edits.values()))
            first.setFocus()
        self.loaded.emit()

    def _heading_row(self, i: int, title: str) -> None:
        for c in range(4):
            item = _label(title if c == 0 else "", bold=True)
            item.setBackground(QColor(COLOURS.accent_soft))
            self.grid.setItem(i, c, item)

    def _line_row(self, i: int, row: BudgetRow) -> None:
        self.rows[row.category_id] = row
        self.grid.setItem(i, 0, _label(row.category))
        edit = MoneyEdit(required=False)
        edit.setObjectName(f"budget_{row.category_id}")
        edit.setAccessibleName(f"Budget for {row.category}")
        edit.setPlaceholderText("No budget")
        edit.setFrame(False)
        edit.set_value(row.budget)
        edit.textChanged.connect(self._edited)
        self.grid.setCellWidget(i, BUDGET, edit)
        self.edits[row.category_id] = edit
        self.grid.setItem(i, LAST_BUDGET, _figure(row.last_budget))
        self.grid.setItem(i, LAST_ACTUAL, _figure(row.last_actual))

    # ------------------------------------------------------------ totals and checks

    def _edited(self, _text: str) -> None:
        self._update_totals()
        self._check()

    def _value(self, cid: int, column: int) -> Money | None:
        row = self.rows[cid]
        if column == BUDGET:
            return self.edits[cid].value()
        return row.last_budget if column == LAST_BUDGET else row.last_actual

    def _sum(self, direction: str, column: int) -> Money:
        values = [
            self._value(cid, column) for cid, row in self.rows.items() if row.direction == direction
        ]
        return Money(sum(v.pence for v in values if v is not None))

    def _has_any(self, column: int) -> bool:
        return any(self._value(cid, column) is not None for cid in self.rows)

    def _update_totals(self) -> None:
        labels = {
            "receipt": "Total receipts",
            "payment": "Total payments",
            "surplus": "Surplus/(deficit)",
        }
        for key, i in self.total_rows.items():
            self.grid.setItem(i, 0, _label(labels[key], bold=True))
            for column in (BUDGET, LAST_BUDGET, LAST_ACTUAL):
                if key == "surplus":
                    value = self._sum("receipt", column) - self._sum("payment", column)
                else:
                    value = self._sum(key, column)
                item = _figure(value if self._has_any(column) else None, bold=True)
                if column == BUDGET:
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{labels[key]}: {value}")
                self.grid.setItem(i, column, item)
        receipts, payments = self._sum("receipt", BUDGET), self._sum("payment", BUDGET)
        result = receipts - payments
        word = "surplus" if result.pence >= 0 else "deficit"
        self.totals.setText(
            f"<b>This year's budget:</b> receipts {receipts.format()} · payments "
            f"{payments.format()} · {word} {Money(abs(result.pence)).format()}"
        )

    def problems(self) -> list[str]:
        """Each unreadable line, named, e.g. 'Insurance: The amount cannot be negative'."""
        return [
            f"{self.rows[cid].category}: {edit.problem()}"
            for cid, edit in self.edits.items()
            if edit.problem()
        ]

    def _check(self) -> bool:
        problems = self.problems()
        self.problem.show_error("; ".join(problems))
        self.save.setEnabled(self.year_data is not None)
        return not problems

    def changes(self) -> dict[int, Money | None]:
        """The lines whose figure differs from what is saved (None: clear the budget)."""
        return {
            cid: edit.value()
            for cid, edit in self.edits.items()
            if edit.value() != self.rows[cid].budget
        }

    # ------------------------------------------------------------ actions

    def copy_last_year(self) -> None:
        """Fill the blank lines from last year's budget, leaving typed figures alone."""
        copied = 0
        for cid, edit in self.edits.items():
            last = self.rows[cid].last_budget
            if not edit.text().strip() and last is not None:
                edit.set_value(last)
                copied += 1
        if copied == 0:
            self.problem.show_error(
                "Nothing to copy: last year had no budget on the lines that are blank here."
            )

    def use_last_actual(self) -> None:
        """Fill the blank lines with last year's actual, rounded up to whole pounds: a first
        budget for a group that has never set one."""
        for cid, edit in self.edits.items():
            actual = self.rows[cid].last_actual
            if not edit.text().strip() and actual.pence > 0:
                edit.set_value(Money(-(-actual.pence // 100) * 100))

    def submit(self) -> None:
        if self.year_data is None:
            return
        if not self._check():
            first = next(e for e in self.edits.values() if e.problem())
            first.setFocus()
            return
        changes = self.changes()
        if not changes:
            self.accept()
            return
        year, sessions = self.year_starts_on(), self.ctx.sessions
        self.save.setEnabled(False)

        def saved(_count: int) -> None:
            self.ctx.events.changed.emit("accounts")
            self.accept()

        def failed(exc: Exception) -> None:
            self.save.setEnabled(True)
            if isinstance(exc, GrassrootsError):
                self.problem.show_error(str(exc))
            else:
                self.ctx.tasks.report(exc, parent=self)

        self.ctx.tasks.run(
            lambda: save_budget_year(sessions, year, changes),
            saved,
            failed,
            label="Saving the budget…",
            parent=self,
        )
