"""The statement of assets' lists for one year end (B2 to B5): what the group owns or owes
besides the money in its accounts. A tab per list, each with add, change and remove; a small
form for one line, whose fields are the ones that list has on the form.

A closed year's lists are part of the accounts the trustees approved, so they show read-only
(and the service refuses a change all the same).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts import books
from grassroots.accounts.records import FundInfo
from grassroots.accounts.year_end_checks import FinancialYearInfo
from grassroots.accounts.year_end_items import (
    YearEndItemInfo,
    add_year_end_item,
    change_year_end_item,
    remove_year_end_item,
    year_end_items_for,
)
from grassroots.core.dates import format_date
from grassroots.core.money import Money
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.confirm import ask
from grassroots.ui.widgets.field_error import add_field
from grassroots.ui.widgets.form_dialog import frame_form, show_failure, show_problems
from grassroots.ui.widgets.money_edit import MoneyEdit


@dataclass(frozen=True)
class ListShape:
    """One list of the form: its fields, and words that say what belongs on it."""

    section: str
    code: str
    title: str
    example: str
    amount: str  # the label of its amount column
    amount_required: bool
    cost: bool = False
    due: bool = False


LISTS = (
    ListShape(
        "monetary",
        "B2",
        "Other monetary assets",
        "Money owed to the group at the year end: Gift Aid due from HMRC, a grant "
        "promised but not yet paid, a hirer's unpaid invoice.",
        "Amount",
        True,
    ),
    ListShape(
        "investment",
        "B3",
        "Investments",
        "Money put to work rather than kept for spending: a charity deposit fund, shares, "
        "a property let for income. Cost and current value are both optional.",
        "Current value",
        False,
        cost=True,
    ),
    ListShape(
        "own_use",
        "B4",
        "Assets for own use",
        "Things the group owns and uses: the hall, a minibus, stacking chairs, a "
        "marquee. Cost and current value are both optional.",
        "Current value",
        False,
        cost=True,
    ),
    ListShape(
        "liability",
        "B5",
        "Liabilities",
        "Money the group owes at the year end: an unpaid bill, a loan, a grant received in "
        "advance that must be paid back if unspent.",
        "Amount due",
        True,
        due=True,
    ),
)
SHAPES = {shape.section: shape for shape in LISTS}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _money(value: Money | None) -> str:
    return "" if value is None else value.format()


class ItemDialog(QDialog):
    """Add or change one line of a list."""

    saved = Signal()

    def __init__(
        self,
        ctx: AppContext,
        year: FinancialYearInfo,
        shape: ListShape,
        funds: list[FundInfo],
        item: YearEndItemInfo | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.year, self.shape, self.item = ctx, year, shape, item
        self.setObjectName("yearItemDialog")
        verb = "Change" if item else "Add to"
        self.setWindowTitle(f"{verb} {shape.title.lower()}")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.details = QLineEdit(item.details if item else "")
        self.details.setObjectName("itemDetails")
        self.details.setMaxLength(300)
        self.fund = QComboBox()
        self.fund.setObjectName("itemFund")
        self.fund.addItem("No one fund", None)
        for fund in funds:
            if fund.active or (item and item.fund_id == fund.id):
                self.fund.addItem(fund.name, fund.id)
        if item and item.fund_id is not None:
            self.fund.setCurrentIndex(max(self.fund.findData(item.fund_id), 0))
        self.cost = MoneyEdit(required=False)
        self.cost.setObjectName("itemCost")
        self.amount = MoneyEdit(required=shape.amount_required)
        self.amount.setObjectName("itemAmount")
        self.due = QLineEdit(item.due if item else "")
        self.due.setObjectName("itemDue")
        self.due.setMaxLength(100)
        self.due.setPlaceholderText("e.g. April 2025, within a month")
        if item:
            self.cost.set_value(item.cost)
            self.amount.set_value(item.amount)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = {"details": add_field(form, "&Details", self.details)}
        self.errors["fund"] = add_field(form, "&Fund", self.fund)
        if shape.cost:
            self.errors["cost"] = add_field(form, "&Cost (£)", self.cost)
        self.errors["amount"] = add_field(form, f"&{shape.amount} (£)", self.amount)
        if shape.due:
            self.errors["due"] = add_field(form, "&When due", self.due)
        heading = set_role(QLabel(f"{shape.code}  {shape.title}"), "heading")
        explain = set_role(QLabel(shape.example), "muted")
        explain.setWordWrap(True)
        self.problem, self.buttons, self.ok = frame_form(
            self, heading, explain, form, "&Save" if item else "&Add", "itemOk", self.submit
        )
        em = self.fontMetrics().horizontalAdvance("M")
        for edit in (self.cost, self.amount):
            edit.setFixedWidth(int(9 * em))
        self.details.setFocus()

    def submit(self) -> None:
        problems = {}
        if not self.details.text().strip():
            problems["details"] = "Say what it is"
        for key, edit in (("amount", self.amount), ("cost", self.cost)):
            if edit.problem():
                problems[key] = edit.problem()
        show_problems(self.errors, problems)
        if problems:
            return
        sessions, item, shape = self.ctx.sessions, self.item, self.shape
        details, fund_id = self.details.text(), self.fund.currentData()
        amount, cost = self.amount.value(), self.cost.value() if shape.cost else None
        due = self.due.text() if shape.due else ""
        starts_on = self.year.starts_on

        def save() -> None:
            if item is None:
                add_year_end_item(
                    sessions, starts_on, shape.section, details, amount, fund_id, cost, due
                )
            else:
                change_year_end_item(sessions, item.id, details, amount, fund_id, cost, due)

        self.ok.setEnabled(False)
        self.ctx.tasks.run(save, self._saved, self._failed, label="Saving…", parent=self)

    def _saved(self, _result: object) -> None:
        self.saved.emit()
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        show_failure(self, self.ctx.tasks, exc, self.errors, self.problem)


class ListTab(QWidget):
    """One list: its lines in a table, and the buttons that change them."""

    def __init__(self, shape: ListShape, parent: QWidget | None = None):
        super().__init__(parent)
        self.shape = shape
        self.items: list[YearEndItemInfo] = []
        self.editable = False
        headers = ["Details", "Fund"]
        headers += ["Cost"] if shape.cost else []
        headers += [shape.amount]
        headers += ["When due"] if shape.due else []
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName(f"{shape.section}Table")
        self.table.setAccessibleName(shape.title)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(self.fontMetrics().height() * 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.add = QPushButton("&Add…")
        self.add.setObjectName(f"{shape.section}Add")
        self.change = QPushButton("C&hange…")
        self.change.setObjectName(f"{shape.section}Change")
        self.remove = QPushButton("&Remove")
        self.remove.setObjectName(f"{shape.section}Remove")
        verbs = ((self.add, "Add to"), (self.change, "Change"), (self.remove, "Remove"))
        for button, verb in verbs:
            button.setAccessibleName(f"{verb} {shape.title.lower()}")
        explain = set_role(QLabel(shape.example), "muted")
        explain.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add, self.change, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 10, 10, 10)
        column.addWidget(explain)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def show_items(self, items: list[YearEndItemInfo], editable: bool) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            values = [item.details, item.fund or "—"]
            values += [_money(item.cost)] if self.shape.cost else []
            values += [_money(item.amount)]
            values += [item.due] if self.shape.due else []
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if col >= 2 and value.startswith(("£", "-£")):
                    cell.setTextAlignment(RIGHT)
                self.table.setItem(row, col, cell)
        self.add.setEnabled(editable)
        self.editable = editable
        self._selection_changed()

    def selected(self) -> YearEndItemInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None and self.editable
        self.change.setEnabled(chosen)
        self.remove.setEnabled(chosen)


class YearItemsDialog(QDialog):
    """The four lists for one year end; `changed` after each add, change or removal."""

    changed = Signal()

    def __init__(self, ctx: AppContext, year: FinancialYearInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.year = ctx, year
        self.funds: list[FundInfo] = []
        self.form: ItemDialog | None = None
        self.loaded = False
        self.setObjectName("yearItemsDialog")
        self.setWindowTitle(f"Assets and liabilities at {format_date(year.ends_on)}")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        heading = set_role(
            QLabel(f"Assets and liabilities at {format_date(year.ends_on)}"), "heading"
        )
        explain = set_role(
            QLabel(
                "The statement of assets and liabilities lists, besides the money in the "
                "group's accounts (which comes from the cash book), anything else the group "
                "owns or owes at the year end. Leave a list empty if it has nothing on it."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        self.locked = QFrame()
        self.locked.setObjectName("notice")
        note = QLabel(f"{year.name} is closed, so these lists stay as the trustees approved them.")
        note.setWordWrap(True)
        QVBoxLayout(self.locked).addWidget(note)
        self.locked.setVisible(year.closed)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("yearItemsTabs")
        self.tabs.setAccessibleName("Lists of the statement of assets")
        self.lists = {shape.section: ListTab(shape) for shape in LISTS}
        for shape in LISTS:
            tab = self.lists[shape.section]
            self.tabs.addTab(tab, f"{shape.code} {shape.title}")
            tab.add.clicked.connect(lambda _=False, s=shape: self.add_item(s.section))
            tab.change.clicked.connect(lambda _=False, s=shape: self.change_item(s.section))
            tab.remove.clicked.connect(lambda _=False, s=shape: self.remove_item(s.section))
            tab.table.doubleClicked.connect(lambda _=None, s=shape: self.change_item(s.section))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(10)
        for widget in (heading, explain, self.locked):
            column.addWidget(widget)
        column.addWidget(self.tabs, 1)
        column.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        self.setMinimumSize(int(62 * em), int(36 * em))
        self.reload()

    def reload(self) -> None:
        sessions, starts_on = self.ctx.sessions, self.year.starts_on
        self.ctx.tasks.run(
            lambda: (year_end_items_for(sessions, starts_on), books.list_funds(sessions)),
            self._loaded,
            parent=self,
        )

    def _loaded(self, found) -> None:
        items, self.funds = found
        for section, tab in self.lists.items():
            tab.show_items([i for i in items if i.section == section], not self.year.closed)
        self.loaded = True

    def _changed(self) -> None:
        self.changed.emit()
        self.reload()

    def add_item(self, section: str) -> None:
        """Open the form for a new line of `section` (as `self.form`)."""
        self._open_form(section, None)

    def change_item(self, section: str) -> None:
        """Open the form on the chosen line of `section`, unless the year is closed."""
        item = self.lists[section].selected()
        if item is not None and not self.year.closed:
            self._open_form(section, item)

    def _open_form(self, section: str, item: YearEndItemInfo | None) -> None:
        self.form = ItemDialog(self.ctx, self.year, SHAPES[section], self.funds, item, self)
        self.form.saved.connect(self._changed)
        self.form.open()

    def remove_item(self, section: str) -> None:
        item = self.lists[section].selected()
        if item is None:
            return
        sessions = self.ctx.sessions

        def remove() -> None:
            self.ctx.tasks.run(
                lambda: remove_year_end_item(sessions, item.id),
                lambda _r: self._changed(),
                parent=self,
            )

        ask(
            self,
            "Remove this line?",
            f"Remove “{item.details}” from {SHAPES[section].title.lower()}?",
            "Remove",
            remove,
        )
