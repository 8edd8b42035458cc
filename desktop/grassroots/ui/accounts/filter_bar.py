"""The filters above the cash book: period, account, category, fund, text, to categorise."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from grassroots.accounts.cash_book import CashBookQuery
from grassroots.accounts.records import BookAccountInfo, CategoryInfo, FundInfo
from grassroots.core.dates import financial_year_start
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.search_box import SearchBox

THIS_YEAR, LAST_YEAR, ALL_DATES, CUSTOM = "this", "last", "all", "custom"


def year_bounds(today: date, start_month: int, start_day: int, back: int = 0) -> tuple[date, date]:
    """First and last day of the financial year containing `today`, or `back` years before."""
    start = financial_year_start(today, start_month, start_day)
    start = start.replace(year=start.year - back)
    return start, start.replace(year=start.year + 1) - timedelta(days=1)


class CashBookFilters(QWidget):
    """Emits `changed()` when any filter changes (the search after a pause)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fy_start = (4, 1)
        self.search = SearchBox("Search payee, reference or note")
        self.search.setObjectName("cashBookSearch")
        self.search.setToolTip("Search as you type (Ctrl+F)")
        self.period = QComboBox()
        self.period.setObjectName("periodFilter")
        self.period.setAccessibleName("Period")
        for label, key in (
            ("This financial year", THIS_YEAR),
            ("Last financial year", LAST_YEAR),
            ("All dates", ALL_DATES),
            ("Custom dates…", CUSTOM),
        ):
            self.period.addItem(label, key)
        self.start, self.end = DateEdit(), DateEdit()
        self.start.setAccessibleName("From")
        self.end.setAccessibleName("To")
        self.to_label = QLabel("to")
        self.account = self._combo("accountFilter", "Account", "All accounts")
        self.category = self._combo("categoryFilter", "Category", "All categories")
        self.fund = self._combo("fundFilter", "Fund", "All funds")
        self.to_categorise = QCheckBox("To &categorise only")
        self.to_categorise.setObjectName("toCategoriseFilter")
        self.count = QLabel()
        self.count.setObjectName("entryCount")
        self.count.setProperty("role", "muted")
        self.count.setAccessibleName("Number of entries shown")

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.search, 1)
        top.addWidget(self.to_categorise)
        top.addStretch(0)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        period_label = QLabel("&Period:")
        period_label.setBuddy(self.period)
        bottom.addWidget(period_label)
        bottom.addWidget(self.period)
        bottom.addWidget(self.start)
        bottom.addWidget(self.to_label)
        bottom.addWidget(self.end)
        bottom.addSpacing(8)
        for combo in (self.account, self.category, self.fund):
            bottom.addWidget(combo)
        bottom.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(top)
        column.addLayout(bottom)
        em = self.fontMetrics().horizontalAdvance("M")
        for edit in (self.start, self.end):
            edit.setFixedWidth(int(7.5 * em))
        self.show_custom_dates()

        self.search.searched.connect(self.changed)
        self.period.currentIndexChanged.connect(self._period_changed)
        for edit in (self.start, self.end):
            edit.editingFinished.connect(self._dates_typed)
        for combo in (self.account, self.category, self.fund):
            combo.currentIndexChanged.connect(self.changed)
        self.to_categorise.toggled.connect(self.changed)

    @staticmethod
    def _combo(name: str, accessible: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.addItem(everything, None)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    # ------------------------------------------------------------ choices
    def set_choices(
        self,
        accounts: list[BookAccountInfo],
        categories: list[CategoryInfo],
        funds: list[FundInfo],
    ) -> None:
        """Refill the lists, keeping what was chosen where it still exists."""
        self._refill(self.account, "All accounts", [(a.name, a.id) for a in accounts])
        labelled = [
            (f"{c.name} ({'in' if c.direction == 'receipt' else 'out'})", c.id)
            for c in sorted(categories, key=lambda c: (c.direction != "receipt", c.name))
        ]
        self._refill(self.category, "All categories", labelled)
        self._refill(self.fund, "All funds", [(f.name, f.id) for f in funds])
        self.fund.setVisible(len(funds) > 1)

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list[tuple[str, int]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for label, value in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def set_financial_year(self, month: int, day: int) -> None:
        self.fy_start = (month, day)

    def set_period(self, key: str) -> None:
        self.period.setCurrentIndex(self.period.findData(key))

    # ------------------------------------------------------------ reading
    def show_custom_dates(self) -> None:
        custom = self.period.currentData() == CUSTOM
        for widget in (self.start, self.to_label, self.end):
            widget.setVisible(custom)

    def _period_changed(self) -> None:
        if self.period.currentData() == CUSTOM and not self.start.text():
            start, end = self.bounds()
            this_start, this_end = year_bounds(date.today(), *self.fy_start)
            self.start.set_date(start or this_start)
            self.end.set_date(end or this_end)
        self.show_custom_dates()
        self.changed.emit()

    def _dates_typed(self) -> None:
        if self.period.currentData() == CUSTOM:
            self.changed.emit()

    def bounds(self) -> tuple[date | None, date | None]:
        """The first and last day of the chosen period (None: open)."""
        key = self.period.currentData()
        if key == THIS_YEAR:
            return year_bounds(date.today(), *self.fy_start)
        if key == LAST_YEAR:
            return year_bounds(date.today(), *self.fy_start, back=1)
        if key == CUSTOM:
            return self.start.date(), self.end.date()
        return None, None

    def query(self) -> CashBookQuery:
        start, end = self.bounds()
        return CashBookQuery(
            start=start,
            end=end,
            account_id=self.account.currentData(),
            category_id=self.category.currentData(),
            fund_id=self.fund.currentData(),
            text=self.search.text().strip(),
            to_categorise=self.to_categorise.isChecked(),
        )

    def show_count(self, shown: int) -> None:
        self.count.setText(f"{shown:,} {'entry' if shown == 1 else 'entries'}")
