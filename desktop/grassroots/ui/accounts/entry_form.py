"""The fields of one cash book entry, laid out for typing without the mouse.

The order is the order of a paying-in slip or a receipt: date, account, in or out, who, what
for, how much. A known payer or payee brings back the category used the last time. Ctrl+Shift+S
splits the amount across several categories or funds; the lines must add up to the amount.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts.cash_book import PayeeSuggestion
from grassroots.accounts.records import (
    BookAccountInfo,
    CategoryInfo,
    EntryInput,
    EntryView,
    FundInfo,
    LineInput,
)
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.ui.accounts.receipt_field import ReceiptField
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import FieldError, add_field
from grassroots.ui.widgets.money_edit import MoneyEdit

LATER = "To categorise later"
SPLIT_KEYS = "Ctrl+Shift+S"
Lookup = Callable[[str], Sequence[PayeeSuggestion]]


def fill_categories(combo: QComboBox, categories: Sequence[CategoryInfo], chosen=None) -> None:
    """Refill a category list, keeping `chosen` (an id) when it is still offered."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(LATER, None)
    for category in categories:
        combo.addItem(category.name, category.id)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))
    combo.blockSignals(False)


def fill_funds(combo: QComboBox, funds: Sequence[FundInfo], chosen=None) -> None:
    combo.clear()
    for fund in funds:
        combo.addItem(fund.name, fund.id)
    combo.setCurrentIndex(max(combo.findData(chosen), 0))


def choose(combo: QComboBox, value, label: str) -> None:
    """Select `value`, adding it as `label` when the list no longer offers it (a retired
    category or a closed account), so changing an old entry never moves it silently."""
    index = combo.findData(value)
    if index < 0 and value is not None and label:
        combo.addItem(label, value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


class SplitLine(QWidget):
    """One part of a split entry: category, fund and amount."""

    def __init__(self, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.category = QComboBox()
        self.category.setAccessibleName(f"Line {number} category")
        self.fund = QComboBox()
        self.fund.setAccessibleName(f"Line {number} fund")
        self.amount = MoneyEdit(required=True)
        self.amount.setAccessibleName(f"Line {number} amount")
        self.remove = QToolButton()
        self.remove.setText("Remove")
        self.remove.setAutoRaise(True)
        self.remove.setAccessibleName(f"Remove line {number}")
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Lists sized by the characters they show, so they never draw over each other.
        adjust = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        for combo, characters in ((self.category, 18), (self.fund, 11)):
            combo.setSizeAdjustPolicy(adjust)
            combo.setMinimumContentsLength(characters)
        self.amount.setFixedWidth(int(7 * self.fontMetrics().horizontalAdvance("M")))


class SplitLines(QWidget):
    """The lines of a split entry, with what is left to allocate."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("splitLines")
        self.lines: list[SplitLine] = []
        self.categories: Sequence[CategoryInfo] = ()
        self.funds: Sequence[FundInfo] = ()
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        for column, text in enumerate(("Category", "Fund", "Amount")):
            self.grid.addWidget(set_role(QLabel(text), "muted"), 0, column)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.add = QPushButton(f"Add a line ({SPLIT_KEYS})")
        self.add.setObjectName("addSplitLine")
        self.add.clicked.connect(lambda: self.add_line())
        self.left = QLabel()
        self.left.setObjectName("splitLeft")
        footer = QHBoxLayout()
        footer.addWidget(self.add)
        footer.addStretch(1)
        footer.addWidget(self.left)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.grid)
        column.addLayout(footer)

    def set_choices(self, categories: Sequence[CategoryInfo], funds: Sequence[FundInfo]) -> None:
        self.categories, self.funds = categories, funds
        for line in self.lines:
            fill_categories(line.category, categories, line.category.currentData())

    def add_line(
        self,
        category_id: int | None = None,
        fund_id: int | None = None,
        amount: Money | None = None,
    ) -> SplitLine:
        line = SplitLine(len(self.lines) + 1)
        fill_categories(line.category, self.categories, category_id)
        fill_funds(line.fund, self.funds, fund_id)
        line.fund.setEnabled(len(self.funds) > 1)
        if amount is not None:
            line.amount.set_value(amount)
        row = len(self.lines) + 1
        self.grid.addWidget(line.category, row, 0)
        self.grid.addWidget(line.fund, row, 1)
        self.grid.addWidget(line.amount, row, 2)
        self.grid.addWidget(line.remove, row, 3)
        for widget in (line.category, line.fund, line.amount, line.remove):
            widget.show()  # now, not at the next layout pass, so the cursor can go there
        line.amount.textChanged.connect(self.changed)
        line.remove.clicked.connect(lambda: self.remove_line(line))
        self.lines.append(line)
        self._allow_removing()
        self.changed.emit()
        return line

    def _allow_removing(self) -> None:
        """A split has at least two lines; below that it is a plain entry again."""
        for line in self.lines:
            line.remove.setEnabled(len(self.lines) > 2)

    def remove_line(self, line: SplitLine) -> None:
        if len(self.lines) <= 2:
            return
        self.lines.remove(line)
        for widget in (line.category, line.fund, line.amount, line.remove):
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._allow_removing()
        self.changed.emit()

    def clear(self) -> None:
        for line in list(self.lines):
            for widget in (line.category, line.fund, line.amount, line.remove):
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.lines = []

    def total(self) -> Money:
        return Money(sum((line.amount.value() or Money(0)).pence for line in self.lines))

    def show_left(self, amount: Money | None) -> None:
        if amount is None:
            self.left.setText(f"The lines add up to {self.total().format()}")
            return
        left = amount.pence - self.total().pence
        if left == 0:
            self.left.setText("The lines add up to the amount")
        elif left > 0:
            self.left.setText(f"{Money(left).format()} left to allocate")
        else:
            self.left.setText(f"The lines are {Money(-left).format()} more than the amount")
        set_role(self.left, "muted" if left == 0 else "error")
        self.left.style().unpolish(self.left)
        self.left.style().polish(self.left)


class EntryForm(QWidget):
    """Reads and shows one entry; `entry_input()` gives the EntryInput or raises
    ValidationError naming the fields that are wrong (also shown under each field)."""

    def __init__(self, lookup: Lookup, parent: QWidget | None = None):
        super().__init__(parent)
        self.lookup = lookup
        self.categories: dict[str, list[CategoryInfo]] = {"receipt": [], "payment": []}
        self.funds: list[FundInfo] = []
        self.person_id: int | None = None
        self.suggestions: dict[str, PayeeSuggestion] = {}
        self._category_touched = False

        self.on = DateEdit(required=True)
        self.on.setObjectName("entryDate")
        self.account = QComboBox()
        self.account.setObjectName("entryAccount")
        self.receipt = QRadioButton("Money &in (receipt)")
        self.receipt.setObjectName("entryReceipt")
        self.payment = QRadioButton("Money &out (payment)")
        self.payment.setObjectName("entryPayment")
        for button in (self.receipt, self.payment):
            button.setToolTip("The arrow keys switch between in and out (or press I or O)")
        self.direction = QButtonGroup(self)
        self.direction.addButton(self.receipt)
        self.direction.addButton(self.payment)
        self.payment.setChecked(True)
        self.payee = QLineEdit()
        self.payee.setObjectName("entryPayee")
        self.payee.setMaxLength(200)
        self.payee.setPlaceholderText("Who paid, or who was paid")
        self.payee_names = QStringListModel(self)
        self.completer = QCompleter(self.payee_names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.payee.setCompleter(self.completer)
        self.category = QComboBox()
        self.category.setObjectName("entryCategory")
        self.fund = QComboBox()
        self.fund.setObjectName("entryFund")
        # A minus sign, as on a bank statement, means money out.
        self.amount = MoneyEdit(required=True, allow_negative=True)
        self.amount.setObjectName("entryAmount")
        self.split = SplitLines()
        self.split.hide()
        self.reference = QLineEdit()
        self.reference.setObjectName("entryReference")
        self.reference.setMaxLength(50)
        self.reference.setPlaceholderText("Cheque number, receipt or invoice")
        self.method = QComboBox()
        self.method.setObjectName("entryMethod")
        self.note = QLineEdit()
        self.note.setObjectName("entryNote")
        self.attachment = ReceiptField()
        self._layout()
        self._connect()

    # ------------------------------------------------------------ building
    def _layout(self) -> None:
        from grassroots.accounts.models import ENTRY_METHODS

        self.method.addItem("—", "")
        for method in ENTRY_METHODS:
            self.method.addItem(method.capitalize(), method)
        em = self.fontMetrics().horizontalAdvance("M")
        self.on.setFixedWidth(int(8 * em))
        self.amount.setFixedWidth(int(8 * em))
        direction = QWidget()
        row = QHBoxLayout(direction)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.receipt)
        row.addSpacing(12)
        row.addWidget(self.payment)
        row.addStretch(1)
        direction.setAccessibleName("In or out")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(6)
        self.errors: dict[str, FieldError | None] = {}
        self.errors["on"] = add_field(self.form, "&Date", self.on)
        self.errors["account"] = add_field(self.form, "A&ccount", self.account)
        add_field(self.form, "In or out", direction, with_error=False)
        self.errors["payee"] = add_field(self.form, "&Payer or payee", self.payee)
        self.errors["category"] = add_field(self.form, "Ca&tegory", self.category)
        self.errors["fund"] = add_field(self.form, "&Fund", self.fund)
        self.errors["amount"] = add_field(self.form, "&Amount (£)", self.amount)
        self.split_caption = QLabel("Split")
        self.form.addRow(self.split_caption, self.split)
        self.errors["reference"] = add_field(self.form, "&Reference", self.reference)
        self.errors["method"] = add_field(self.form, "&Method", self.method)
        self.errors["note"] = add_field(self.form, "&Note", self.note)
        self.errors["attachment"] = add_field(self.form, "Rec&eipt scan", self.attachment)
        self.form.setRowVisible(self.split, False)
        self.setTabOrder(self.on, self.account)
        self.setTabOrder(self.account, self.receipt)
        self.setTabOrder(self.receipt, self.payment)
        self.setTabOrder(self.payment, self.payee)
        self.setTabOrder(self.payee, self.category)
        self.setTabOrder(self.category, self.fund)
        self.setTabOrder(self.fund, self.amount)

    def _connect(self) -> None:
        self.payee.textEdited.connect(self._payee_typed)
        self.payee.editingFinished.connect(self._payee_done)
        self.completer.activated.connect(self._payee_chosen)
        self.receipt.toggled.connect(lambda _on: self._direction_changed())
        self.receipt.installEventFilter(self)
        self.payment.installEventFilter(self)
        for combo in (self.account, self.category, self.fund, self.method):
            combo.installEventFilter(self)
        self.category.activated.connect(lambda _i: setattr(self, "_category_touched", True))
        self.amount.textChanged.connect(lambda _t: self._show_split_left())
        self.amount.editingFinished.connect(self._amount_done)
        self.split.changed.connect(self._show_split_left)
        split = QShortcut(QKeySequence(SPLIT_KEYS), self)
        split.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        split.activated.connect(self.split_or_add_line)

    # ------------------------------------------------------------ choices
    def set_choices(
        self,
        accounts: Sequence[BookAccountInfo],
        categories: Sequence[CategoryInfo],
        funds: Sequence[FundInfo],
    ) -> None:
        chosen = self.account.currentData()
        self.account.clear()
        for account in accounts:
            self.account.addItem(account.name, account.id)
        self.account.setCurrentIndex(max(self.account.findData(chosen), 0))
        self.categories = {
            d: [c for c in categories if c.direction == d and c.active]
            for d in ("receipt", "payment")
        }
        self.funds = [f for f in funds if f.active]
        fill_funds(self.fund, self.funds)
        self.fund.setEnabled(len(self.funds) > 1)
        self._direction_changed()

    def is_receipt(self) -> bool:
        return self.receipt.isChecked()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In or out is one stop for Tab; the arrow keys (or I and O) switch it. A list
        entered afresh forgets letters typed into it before, so "Util" finds Utilities."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QComboBox):
            watched.view().keyboardSearch("")
            watched.setCurrentIndex(watched.currentIndex())
        if watched in (self.receipt, self.payment) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            choice = None
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_I, Qt.Key.Key_Plus):
                choice = self.receipt
            elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_O, Qt.Key.Key_Minus):
                choice = self.payment
            if choice is not None:
                choice.setChecked(True)
                choice.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _direction_changed(self) -> None:
        for button in (self.receipt, self.payment):
            policy = Qt.FocusPolicy.StrongFocus if button.isChecked() else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(policy)
        offered = self.categories["receipt" if self.is_receipt() else "payment"]
        fill_categories(self.category, offered, self.category.currentData())
        self.split.set_choices(offered, self.funds)

    # ------------------------------------------------------------ payees
    def _payee_typed(self, text: str) -> None:
        self.person_id = None
        found = list(self.lookup(text)) if len(text.strip()) >= 1 else []
        self.suggestions = {s.payee.lower(): s for s in found}
        self.payee_names.setStringList([s.payee for s in found])
        if found:
            self.completer.setCompletionPrefix(text)
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _payee_chosen(self, text: str) -> None:
        self.payee.setText(text)
        self.use_suggestion(text)

    def _payee_done(self) -> None:
        self.use_suggestion(self.payee.text())

    def use_suggestion(self, text: str) -> None:
        """When `text` is a known payer or payee, bring back its direction, category and
        person (unless the category was already chosen by hand)."""
        suggestion = self.suggestions.get(text.strip().lower())
        if suggestion is None:
            return
        self.person_id = suggestion.person_id
        if self._category_touched or self.is_split():
            return
        (self.receipt if suggestion.receipt else self.payment).setChecked(True)
        index = self.category.findData(suggestion.category_id)
        if suggestion.category_id is not None and index >= 0:
            self.category.setCurrentIndex(index)

    def _amount_done(self) -> None:
        amount = self.amount.value()
        if amount is not None and amount.pence < 0:
            self.payment.setChecked(True)
            self.amount.set_value(Money(-amount.pence))

    # ------------------------------------------------------------ splitting
    def is_split(self) -> bool:
        return not self.split.isHidden()

    def split_or_add_line(self) -> None:
        """Ctrl+Shift+S: split the entry into lines; pressed again, add another line."""
        if self.is_split():
            line = self.split.add_line(fund_id=self.fund.currentData())
        else:
            self.start_split()
            line = self.split.lines[-1]
        line.amount.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def start_split(self, lines: Sequence[tuple[int | None, int | None, Money | None]] = ()):
        self.split.clear()
        if not lines:
            lines = (
                (self.category.currentData(), self.fund.currentData(), self.amount.value()),
                (None, self.fund.currentData(), None),
            )
        for category_id, fund_id, amount in lines:
            self.split.add_line(category_id, fund_id, amount)
        self.split.show()
        self.form.setRowVisible(self.split, True)
        self.form.setRowVisible(self.category.parentWidget(), False)
        self.form.setRowVisible(self.fund.parentWidget(), False)
        self._show_split_left()
        self._fit_window()

    def _fit_window(self) -> None:
        """Grow the window, if need be, so the split lines get the room they ask for."""
        window = self.window()
        if window is self:
            return
        window.layout().activate()
        wanted = window.minimumSizeHint()
        window.resize(max(window.width(), wanted.width()), max(window.height(), wanted.height()))

    def end_split(self) -> None:
        self.split.clear()
        self.split.hide()
        self.form.setRowVisible(self.split, False)
        self.form.setRowVisible(self.category.parentWidget(), True)
        self.form.setRowVisible(self.fund.parentWidget(), True)

    def _show_split_left(self) -> None:
        if self.is_split():
            self.split.show_left(self.amount.value())

    # ------------------------------------------------------------ reading and showing
    def entry_input(self) -> EntryInput:
        problems: dict[str, str] = {}
        self._amount_done()
        when, amount = self.on.date(), self.amount.value()
        if when is None:
            problems["on"] = self.on.problem() or "Enter a date"
        if self.account.currentData() is None:
            problems["account"] = "Add an account first"
        if amount is None:
            problems["amount"] = self.amount.problem() or "Enter an amount"
        elif amount.pence == 0:
            problems["amount"] = "Enter an amount more than £0.00"
        sign = 1 if self.is_receipt() else -1
        if self.is_split():
            parts = [
                (line.category.currentData(), line.fund.currentData(), line.amount.value())
                for line in self.split.lines
            ]
            if any(value is None or value.pence == 0 for _c, _f, value in parts):
                problems["amount"] = "Give each line of the split an amount"
            elif amount is not None and self.split.total() != amount:
                problems["amount"] = (
                    f"The lines add up to {self.split.total().format()}, "
                    f"but the amount is {amount.format()}"
                )
            lines = tuple(
                LineInput(Money(sign * (value or Money(0)).pence), category_id, fund_id)
                for category_id, fund_id, value in parts
            )
        else:
            lines = (
                LineInput(
                    Money(sign * (amount or Money(0)).pence),
                    self.category.currentData(),
                    self.fund.currentData(),
                ),
            )
        self.show_problems(problems)
        if problems:
            raise ValidationError(problems)
        return EntryInput(
            account_id=self.account.currentData(),
            on=when,
            lines=lines,
            payee=self.payee.text().strip(),
            person_id=self.person_id,
            reference=self.reference.text().strip(),
            method=self.method.currentData() or "",
            note=self.note.text().strip(),
            attachment=self.attachment.path(),
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, error in self.errors.items():
            if error is not None:
                error.show_error(problems.get(key, ""))

    def load(self, entry: EntryView) -> None:
        """Show an existing entry for editing."""
        self.on.set_date(entry.on)
        choose(self.account, entry.account_id, entry.account)
        (self.receipt if entry.amount.pence >= 0 else self.payment).setChecked(True)
        self.payee.setText(entry.payee)
        self.person_id = entry.person_id
        self.amount.set_value(Money(abs(entry.amount.pence)))
        self.reference.setText(entry.reference)
        self.method.setCurrentIndex(max(self.method.findData(entry.method), 0))
        self.note.setText(entry.note)
        self.attachment.set_path(entry.attachment)
        if len(entry.lines) > 1:
            self.start_split(
                [(ln.category_id, ln.fund_id, Money(abs(ln.amount.pence))) for ln in entry.lines]
            )
            for line, view in zip(self.split.lines, entry.lines, strict=True):
                choose(line.category, view.category_id, view.category)
                choose(line.fund, view.fund_id, view.fund)
        elif entry.lines:
            line = entry.lines[0]
            choose(self.category, line.category_id, line.category)
            choose(self.fund, line.fund_id, line.fund)
            self._category_touched = True

    def start_next(self, on: date | None) -> None:
        """Clear for the next entry, keeping the date, account and direction."""
        if on is not None:
            self.on.set_date(on)
        for edit in (self.payee, self.amount, self.reference, self.note, self.attachment):
            edit.clear()
        self.person_id = None
        self._category_touched = False
        self.category.setCurrentIndex(0)
        self.fund.setCurrentIndex(0)
        self.method.setCurrentIndex(0)
        self.end_split()
        self.show_problems({})
        self.on.setFocus(Qt.FocusReason.OtherFocusReason)
        self.on.selectAll()
