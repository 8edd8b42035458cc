"""The Reports tab of the Accounts area: the treasurer's report for a committee meeting on
screen, printed or exported, the year's budget, and charts of the money over time.

A treasurer picks the period the committee asked about (this year so far, last quarter, since
the last report...), checks the figures here, then prints the same figures to take to the
meeting. Everything on the page is read in one background job, so a ten-year book never
freezes the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from grassroots.accounts.books import list_accounts
from grassroots.accounts.documents import export_treasurers_report, print_treasurers_report
from grassroots.accounts.treasurers_report import (
    TreasurersReport,
    treasurers_report,
)
from grassroots.accounts.trends import BalanceSeries, MonthTotals, balance_series, monthly_totals
from grassroots.core.dates import add_months, format_date, format_long
from grassroots.core.money import Money
from grassroots.ui.accounts.charts import BalanceChart, IncomeSpendingChart
from grassroots.ui.accounts.filter_bar import year_bounds
from grassroots.ui.accounts.report_tables import FiguresTable, held_rows, section_rows
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.outputs import (
    PDF_FILTER,
    SHEET_FILTER,
    ask_save_path,
    dated_name,
    write_then_offer,
)

YEAR_TO_DATE, LAST_YEAR, LAST_QUARTER, LAST_MONTH, SINCE_REPORT, CUSTOM = (
    "year",
    "last_year",
    "quarter",
    "month",
    "since",
    "custom",
)
PERIODS = (
    ("This financial year to date", YEAR_TO_DATE),
    ("Last financial year", LAST_YEAR),
    ("Last quarter", LAST_QUARTER),
    ("Last month", LAST_MONTH),
    ("Since the last report printed", SINCE_REPORT),
    ("Custom dates…", CUSTOM),
)
LAST_REPORT_KEY = "accounts/last_treasurers_report_end"
THIS_PERIOD, WHOLE_BOOKS = "period", "books"


def period_bounds(
    key: str, today: date, fy_start: tuple[int, int], last_report_end: date | None = None
) -> tuple[date, date]:
    """The first and last day of a named period. Quarters are the financial year's (for an
    April year: April-June, July-September...), the last one that has ended."""
    year_start = year_bounds(today, *fy_start)[0]
    if key == LAST_YEAR:
        return year_bounds(today, *fy_start, back=1)
    if key == LAST_QUARTER:
        quarter = year_start
        while add_months(quarter, 3) <= today:
            quarter = add_months(quarter, 3)
        start = add_months(quarter, -3)
        return start, quarter - timedelta(days=1)
    if key == LAST_MONTH:
        first = today.replace(day=1)
        return add_months(first, -1), first - timedelta(days=1)
    if key == SINCE_REPORT and last_report_end is not None and last_report_end < today:
        return last_report_end + timedelta(days=1), today
    return year_start, today


@dataclass(frozen=True)
class ReportFigures:
    """Everything the page shows, read in one go off the UI thread."""

    report: TreasurersReport
    months: tuple[MonthTotals, ...]
    months_before: tuple[MonthTotals, ...]
    balances: BalanceSeries


def read_figures(sessions, start: date, end: date, whole_books: bool = False) -> ReportFigures:
    """The report, the financial year's months (and the year before's) and the balances
    through the period (or from the day the books began, for `whole_books`)."""
    report = treasurers_report(sessions, start, end)
    books_from = start
    if whole_books:
        openings = [a.opening_on for a in list_accounts(sessions, include_closed=True)]
        books_from = min([*openings, start])
    year_start, year_end = report.year_starts_on, report.year_ends_on
    if end > year_end:  # a custom period longer than a year: chart the period itself
        year_start, year_end = start, end
    before_start, before_end = add_months(year_start, -12), add_months(year_end + timedelta(1), -12)
    return ReportFigures(
        report=report,
        months=tuple(monthly_totals(sessions, year_start, year_end)),
        months_before=tuple(monthly_totals(sessions, before_start, before_end - timedelta(1))),
        balances=balance_series(sessions, books_from, end),
    )


# ---------------------------------------------------------------- the page


def _card(*widgets: QWidget) -> QFrame:
    card = QFrame()
    card.setObjectName("card")
    column = QVBoxLayout(card)
    column.setContentsMargins(14, 12, 14, 12)
    column.setSpacing(8)
    for widget in widgets:
        column.addWidget(widget)
    return card


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    set_role(label, "heading")
    return label


class ReportsPage(QWidget):
    """Page interface: built with the context; `title`; `refresh()`. `loaded` after the
    figures for the chosen period are on show."""

    title = "Reports"
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page")
        self.figures: ReportFigures | None = None
        self._asked = 0  # the latest read: an older one that finishes late is ignored
        self._build()
        self.refresh()

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        self.period.setAccessibleName("Period")
        for label, key in PERIODS:
            self.period.addItem(label, key)
        self.start, self.end = DateEdit(), DateEdit()
        self.start.setObjectName("reportFrom")
        self.end.setObjectName("reportTo")
        self.start.setAccessibleName("From")
        self.end.setAccessibleName("To")
        self.problem = QLabel()
        set_role(self.problem, "error")
        self.problem.setAccessibleName("Problem with the dates")
        self.budgets = QPushButton("&Budgets…")
        self.budgets.setObjectName("editBudgets")
        self.budgets.setToolTip("Set what the committee expects to receive and spend this year")
        self.export = QPushButton("&Export…")
        self.export.setObjectName("exportReport")
        self.export.setToolTip("Save these figures as a spreadsheet (CSV or Excel)")
        self.print = QPushButton("&Print report…")
        self.print.setObjectName("printReport")
        set_role(self.print, "primary")

        bar = QHBoxLayout()
        bar.setSpacing(8)
        period_label = QLabel("P&eriod:")
        period_label.setBuddy(self.period)
        bar.addWidget(period_label)
        bar.addWidget(self.period)
        from_label, to_label = QLabel("&From"), QLabel("&to")
        from_label.setBuddy(self.start)
        to_label.setBuddy(self.end)
        for widget in (from_label, self.start, to_label, self.end):
            bar.addWidget(widget)
        bar.addWidget(self.problem)
        bar.addStretch(1)
        for button in (self.budgets, self.export, self.print):
            bar.addWidget(button)

        self.subtitle = QLabel()
        set_role(self.subtitle, "lead")
        self.subtitle.setObjectName("reportSubtitle")
        self.summary = self._summary_strip()
        self.notice = QFrame()
        self.notice.setObjectName("notice")
        self.notice_text = QLabel()
        self.notice_text.setWordWrap(True)
        self.notice_text.setObjectName("toCategoriseNotice")
        QVBoxLayout(self.notice).addWidget(self.notice_text)
        self.notice.hide()

        self.flows = FiguresTable("receiptsAndPayments")
        self.flows.setAccessibleName("Receipts and payments by category")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        set_role(self.explain, "muted")
        self.surplus = QLabel()
        self.surplus.setObjectName("reportSurplus")
        self.accounts = FiguresTable("balancesByAccount")
        self.accounts.setAccessibleName("Balances by account")
        self.funds = FiguresTable("balancesByFund")
        self.funds.setAccessibleName("Balances by fund")
        self.check = QLabel()
        self.check.setWordWrap(True)
        self.check.setObjectName("balancesCheck")

        self.income_chart = IncomeSpendingChart()
        self.income_title = _heading("Income and spending by month")
        self.balance_chart = BalanceChart()
        self.balance_range = QComboBox()
        self.balance_range.setObjectName("balanceRange")
        self.balance_range.setAccessibleName("Balances over")
        self.balance_range.addItem("This period", THIS_PERIOD)
        self.balance_range.addItem("Since the books began", WHOLE_BOOKS)
        balance_head = QHBoxLayout()
        balance_head.addWidget(_heading("Balances over time"))
        balance_head.addStretch(1)
        balance_head.addWidget(self.balance_range)

        body = QWidget()
        body.setObjectName("pageBody")
        grid = QGridLayout(body)
        grid.setContentsMargins(12, 8, 12, 12)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        grid.addWidget(self.subtitle, 0, 0, 1, 2)
        grid.addWidget(self.summary, 1, 0, 1, 2)
        grid.addWidget(self.notice, 2, 0, 1, 2)
        grid.addWidget(
            _card(_heading("Receipts and payments"), self.flows, self.surplus, self.explain),
            3,
            0,
        )
        balances = _card(
            _heading("Balances by account"),
            self.accounts,
            _heading("Balances by fund"),
            self.funds,
            self.check,
        )
        grid.addWidget(balances, 3, 1, Qt.AlignmentFlag.AlignTop)
        income = _card(self.income_title, self.income_chart)
        balance_card = QFrame()
        balance_card.setObjectName("card")
        inner = QVBoxLayout(balance_card)
        inner.setContentsMargins(14, 12, 14, 12)
        inner.addLayout(balance_head)
        inner.addWidget(self.balance_chart)
        grid.addWidget(income, 4, 0)
        grid.addWidget(balance_card, 4, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(5, 1)
        for chart in (self.income_chart, self.balance_chart):
            chart.setMinimumHeight(260)

        scroll = QScrollArea()
        scroll.setObjectName("pageScroll")
        scroll.setAccessibleName("Treasurer's report")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 0)
        column.addLayout(bar)
        column.addWidget(scroll, 1)

        self.period.currentIndexChanged.connect(self._period_chosen)
        self.start.editingFinished.connect(self._dates_typed)
        self.end.editingFinished.connect(self._dates_typed)
        self.balance_range.currentIndexChanged.connect(self._range_chosen)
        self.print.clicked.connect(self.print_report)
        self.export.clicked.connect(self.export_report)
        self.budgets.clicked.connect(self.edit_budgets)
        self._fill_dates()

    def _summary_strip(self) -> QFrame:
        strip = QFrame()
        strip.setObjectName("card")
        row = QHBoxLayout(strip)
        row.setContentsMargins(14, 10, 14, 10)
        self.summary_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("start", "in", "out", "end"):
            caption, figure = QLabel(), QLabel()
            set_role(caption, "muted")
            set_role(figure, "big-number")
            figure.setObjectName(f"summary_{key}")
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(caption)
            cell.addWidget(figure)
            row.addLayout(cell, 1)
            self.summary_labels[key] = (caption, figure)
        return strip

    # ------------------------------------------------------------ the period

    def _fy_start(self) -> tuple[int, int]:
        settings = self.ctx.settings()
        return settings.fy_start_month, settings.fy_start_day

    def _preferences(self) -> QSettings:
        return QSettings(str(self.ctx.paths.preferences), QSettings.Format.IniFormat)

    def last_report_end(self) -> date | None:
        text = self._preferences().value(LAST_REPORT_KEY, "")
        try:
            return date.fromisoformat(str(text)) if text else None
        except ValueError:
            return None

    def _period_chosen(self, _index: int = 0) -> None:
        self._fill_dates()
        self.refresh()

    def _fill_dates(self) -> None:
        """Put the chosen period's dates in the boxes (typed ones stay, for custom dates)."""
        key = self.period.currentData()
        custom = key == CUSTOM
        for edit in (self.start, self.end):
            edit.setReadOnly(not custom)
        since = self.period.findData(SINCE_REPORT)
        last = self.last_report_end()
        self.period.setItemText(
            since,
            f"Since the last report (to {format_date(last)})"
            if last
            else "Since the last report printed",
        )
        # Nothing printed yet on this computer: there is no "last report" to start from.
        self.period.model().item(since).setEnabled(last is not None)
        if not custom:
            start, end = period_bounds(key, date.today(), self._fy_start(), last)
            self.start.set_date(start)
            self.end.set_date(end)

    def _dates_typed(self) -> None:
        if self.period.currentData() == CUSTOM:
            self.refresh()

    def _range_chosen(self, _index: int = 0) -> None:
        self.refresh()

    def chosen_period(self) -> tuple[date, date] | None:
        """The period asked for, or None (with the problem shown) when the dates are wrong."""
        start, end = self.start.date(), self.end.date()
        problem = ""
        if start is None or end is None:
            problem = "Enter both dates as dd/mm/yyyy"
        elif end < start:
            problem = f"The period ends on {format_date(end)}, before it starts"
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        for button in (self.print, self.export):
            button.setEnabled(not problem)
        return None if problem else (start, end)

    # ------------------------------------------------------------ reading and showing

    def refresh(self) -> None:
        """Reload from the books."""
        period = self.chosen_period()
        if period is None:
            return
        start, end = period
        whole_books = self.balance_range.currentData() == WHOLE_BOOKS
        self._asked += 1
        asked, sessions = self._asked, self.ctx.sessions

        def shown(figures: ReportFigures) -> None:
            # The read may end after the page is gone (the window closed) or a newer one began.
            if asked == self._asked and isValid(self.flows):
                self.show_figures(figures)

        self.ctx.tasks.run(
            lambda: read_figures(sessions, start, end, whole_books), shown, parent=self
        )

    def show_figures(self, figures: ReportFigures) -> None:
        self.figures = figures
        report = figures.report
        year = f"{report.year_starts_on:%Y}/{report.year_ends_on:%y}"
        self.subtitle.setText(
            f"{format_long(report.start)} to {format_long(report.end)}  ·  "
            f"{'part of ' if report.part_year else ''}the financial year {year}"
        )
        self._show_summary(report)
        self._show_flows(report)
        self.accounts.set_rows(
            [
                "Account",
                f"At {format_date(report.start)}",
                f"At {format_date(report.end)}",
                "Change",
            ],
            held_rows(report.accounts, "Total held"),
        )
        self.funds.set_rows(
            ["Fund", f"At {format_date(report.start)}", f"At {format_date(report.end)}", "Change"],
            held_rows(report.funds, "Total funds"),
        )
        if report.accounts_at_end == report.funds_at_end:
            self.check.setText(
                f"✓ The accounts and the funds both hold {report.accounts_at_end.format()}."
            )
            set_role(self.check, "muted")
        else:
            self.check.setText(
                f"The accounts hold {report.accounts_at_end.format()} but the funds add to "
                f"{report.funds_at_end.format()}: look for an entry without a fund."
            )
            set_role(self.check, "error")
        first, last = figures.months[0].month, figures.months[-1].month
        self.income_title.setText(f"Income and spending by month, {first:%B %Y} to {last:%B %Y}")
        self.income_chart.set_months(figures.months, figures.months_before)
        self.balance_chart.set_series(figures.balances)
        self.loaded.emit()

    def _show_summary(self, report: TreasurersReport) -> None:
        values = {
            "start": (f"Held on {format_date(report.start)}", report.accounts_at_start),
            "in": ("Received", report.receipts.total),
            "out": ("Paid out", report.payments.total),
            "end": (f"Held on {format_date(report.end)}", report.accounts_at_end),
        }
        for key, (caption, amount) in values.items():
            label, figure = self.summary_labels[key]
            label.setText(caption)
            figure.setText(amount.format())
            figure.setAccessibleName(f"{caption}: {amount.format()}")

    def _show_flows(self, report: TreasurersReport) -> None:
        lines = (*report.receipts.lines, *report.payments.lines)
        budgeted = any(line.budget is not None for line in lines)
        part = report.part_year
        columns = ["Category", "This period" if part else "Actual"]
        if part:
            columns.append("Year to date")
        if budgeted:
            columns += ["Budget for year" if part else "Budget", "Difference"]
        rows = section_rows("Receipts", report.receipts, part, budgeted, "Total receipts")
        rows += section_rows("Payments", report.payments, part, budgeted, "Total payments")
        self.flows.set_rows(columns, rows)
        word = "Surplus" if report.surplus.pence >= 0 else "Deficit"
        self.surplus.setText(
            f"<b>{word} for the period: {Money(abs(report.surplus.pence)).format()}</b>"
        )
        year = f"{report.year_starts_on:%Y}/{report.year_ends_on:%y}"
        left_out = "Transfers between the group's own accounts and between funds are left out."
        if not budgeted:
            self.explain.setText(
                f"No budget is set for {year}: press Budgets… to set one. {left_out}"
            )
        elif part:
            self.explain.setText(
                "Difference is the year to date less the budget for the year: a negative figure "
                f"is still to come in (receipts) or not yet spent (payments). {left_out}"
            )
        else:
            self.explain.setText(
                f"Difference is the actual less the budget: negative is below budget. {left_out}"
            )
        loose_in = next((ln.actual for ln in report.receipts.lines if ln.to_categorise), None)
        loose_out = next((ln.actual for ln in report.payments.lines if ln.to_categorise), None)
        if loose_in or loose_out:
            self.notice_text.setText(
                f"<b>Some money is still to categorise.</b> Received "
                f"{(loose_in or Money(0)).format()} and paid out "
                f"{(loose_out or Money(0)).format()} without a category yet (shaded below). "
                "Categorise them in the cash book so the budget lines are complete."
            )
        self.notice.setVisible(bool(loose_in or loose_out))

    # ------------------------------------------------------------ actions

    def print_report(self) -> None:
        chosen = self._ask_report_path("Save", ".pdf", PDF_FILTER)
        if chosen is None:
            return
        path, start, end = chosen
        sessions = self.ctx.sessions

        def done(out: Path) -> str:
            self._preferences().setValue(LAST_REPORT_KEY, end.isoformat())
            self._fill_dates()
            return f"Saved the treasurer's report for {format_date(start)} to {format_date(end)}."

        write_then_offer(
            self.ctx,
            self,
            path,
            lambda: print_treasurers_report(sessions, path, start, end),
            "Printing the treasurer's report…",
            done,
        )

    def export_report(self) -> None:
        chosen = self._ask_report_path("Export", ".xlsx", SHEET_FILTER)
        if chosen is None:
            return
        path, start, end = chosen
        sessions = self.ctx.sessions
        write_then_offer(
            self.ctx,
            self,
            path,
            lambda: export_treasurers_report(sessions, path, start, end),
            "Exporting the treasurer's report…",
        )

    def _ask_report_path(
        self, verb: str, suffix: str, file_filter: str
    ) -> tuple[Path, date, date] | None:
        """Where to save the chosen period's report, named for the day it ends; None when the
        dates are wrong (already said beside them) or the treasurer cancelled."""
        period = self.chosen_period()
        if period is None:
            return None
        start, end = period
        path = ask_save_path(
            self,
            f"{verb} the treasurer's report",
            dated_name("Treasurer's report", suffix, end),
            file_filter,
        )
        return None if path is None else (path, start, end)

    def edit_budgets(self) -> None:
        from grassroots.ui.accounts.budgets_dialog import BudgetsDialog

        year_start = self.figures.report.year_starts_on if self.figures else None
        dialog = BudgetsDialog(self.ctx, year_start, self)
        dialog.finished.connect(self._budgets_closed)
        dialog.open()

    def _budgets_closed(self, _result: int) -> None:
        self.refresh()
