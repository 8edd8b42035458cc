"""The Year end tab of the Accounts area: the year's receipts and payments accounts at a glance,
what is still to put right, and the treasurer's year-end jobs — print the accounts for the
trustees, export the figures for the examiner, list the other assets and liabilities, and close
the year once the trustees have approved it.

The figures on screen are in pounds and pence, from the same services as the printed accounts
(which round to whole pounds), so a difference the treasurer must find is never hidden by
rounding.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts.documents import export_annual_accounts, print_annual_accounts
from grassroots.accounts.year_end import Columns
from grassroots.accounts.year_end_checks import (
    FinancialYearInfo,
    YearEndStatus,
    financial_years,
    year_end_status,
)
from grassroots.core.dates import format_date
from grassroots.group.service import GroupSettings
from grassroots.ui.context import AppContext
from grassroots.ui.theme import COLOURS, set_role
from grassroots.ui.widgets.confirm import tell
from grassroots.ui.widgets.empty_state import EmptyState
from grassroots.ui.widgets.outputs import (
    PDF_FILTER,
    SHEET_FILTER,
    ask_save_path,
    write_then_offer,
)

LAYOUTS = (
    ("England & Wales (Charity Commission CC16)", "cc16"),
    ("Scotland (OSCR)", "oscr"),
)
COLUMNS = (
    ("unrestricted", "Unrestricted"),
    ("restricted", "Restricted"),
    ("endowment", "Endowment"),
    ("total", "Total"),
)
GOOD = "#2f6b3a"


def default_layout(settings: GroupSettings) -> str:
    """OSCR for a Scottish charity (its number starts 'SC'), else the Charity Commission's."""
    return "oscr" if settings.charity_number.strip().upper().startswith("SC") else "cc16"


def year_label(year: FinancialYearInfo, today: date | None = None) -> str:
    """'2024/25 — closed: approved by Margaret Ellis (Chair) on 12/06/2025'."""
    if year.closed:
        who = f" by {year.approved_by}" if year.approved_by else ""
        when = f" on {format_date(year.approved_on)}" if year.approved_on else ""
        return f"{year.name} — closed: approved{who}{when}"
    running = year.ends_on >= (today or date.today())
    return f"{year.name} — open{' (the year has not ended)' if running else ''}"


def file_stem(year: FinancialYearInfo) -> str:
    return f"Accounts {year.name.replace('/', '-')}"


class SummaryCard(QFrame):
    """Receipts and payments by fund column, with the cash at the start and the end."""

    ROWS = (
        ("cash_at_start", "Cash funds at the start of the year"),
        ("receipts", "Receipts"),
        ("payments", "Payments"),
        ("transfers", "Transfers between funds"),
        ("cash_at_end", "Cash funds at the end of the year"),
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.cells: dict[tuple[str, str], QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(6)
        self.heading = set_role(QLabel(), "heading")
        grid.addWidget(self.heading, 0, 0, 1, len(COLUMNS) + 1)
        for col, (_key, title) in enumerate(COLUMNS, start=1):
            head = set_role(QLabel(f"{title}\nfunds" if title != "Total" else "Total"), "muted")
            head.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(head, 1, col)
        row = 2
        for key, title in self.ROWS:
            if key == "cash_at_end":  # a rule above the year's result, as in the accounts
                rule = QFrame()
                rule.setFrameShape(QFrame.Shape.HLine)
                rule.setStyleSheet(f"color: {COLOURS.border};")
                grid.addWidget(rule, row, 0, 1, len(COLUMNS) + 1)
                row += 1
            name = QLabel(title)
            grid.addWidget(name, row, 0)
            for col, (column, heading) in enumerate(COLUMNS, start=1):
                cell = QLabel()
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                cell.setAccessibleName(f"{title}, {heading.lower()} funds")
                grid.addWidget(cell, row, col)
                self.cells[(key, column)] = cell
            if key == "cash_at_end":
                for widget in (name, *(self.cells[(key, c)] for c, _ in COLUMNS)):
                    font = widget.font()
                    font.setBold(True)
                    widget.setFont(font)
            row += 1
        grid.setColumnStretch(0, 1)
        em = self.fontMetrics().horizontalAdvance("M")
        for col in range(1, len(COLUMNS) + 1):
            grid.setColumnMinimumWidth(col, int(7 * em))

    def show_status(self, status: YearEndStatus) -> None:
        accounts = status.accounts
        so_far = " (the year so far)" if accounts.ends_on >= date.today() else ""
        self.heading.setText(
            f"Receipts and payments, {format_date(accounts.starts_on)} to "
            f"{format_date(accounts.ends_on)}{so_far}"
        )
        figures: dict[str, Columns] = {
            "cash_at_start": accounts.cash_at_start,
            "receipts": accounts.total_receipts,
            "payments": accounts.total_payments,
            "transfers": accounts.transfers,
            "cash_at_end": accounts.cash_at_end,
        }
        for key, columns in figures.items():
            for column, _title in COLUMNS:
                amount = getattr(columns, column)
                cell = self.cells[(key, column)]
                cell.setText("–" if amount.pence == 0 else amount.format())
                colour = COLOURS.error if amount.pence < 0 else COLOURS.text
                cell.setStyleSheet(f"color: {colour};")

    def text_of(self, key: str, column: str) -> str:
        return self.cells[(key, column)].text()


class ChecksPanel(QFrame):
    """The cash check (a green tick, or a red explanation) and what is still to put right,
    with a link to the tab where each is put right."""

    categorise_requested = Signal()
    bank_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.cash = QLabel()
        self.cash.setObjectName("cashCheck")
        self.cash.setWordWrap(True)
        self.cash.setTextFormat(Qt.TextFormat.RichText)
        self.notice = QFrame()
        self.notice.setObjectName("notice")
        self.list = QVBoxLayout(self.notice)
        self.list.setContentsMargins(14, 10, 14, 10)
        self.list.setSpacing(6)
        self.lines: list[QLabel] = []
        self.to_categorise = set_role(QPushButton("Show the lines to categorise"), "link")
        self.to_categorise.setObjectName("showToCategorise")
        self.to_categorise.clicked.connect(self.categorise_requested)
        self.to_bank = set_role(QPushButton("Open Bank statements"), "link")
        self.to_bank.setObjectName("openBankStatements")
        self.to_bank.clicked.connect(self.bank_requested)
        links = QHBoxLayout()
        links.addWidget(self.to_categorise)
        links.addSpacing(16)
        links.addWidget(self.to_bank)
        links.addStretch(1)
        self.links = links
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.cash)
        column.addWidget(self.notice)

    def show_status(self, status: YearEndStatus) -> None:
        if status.cash_agrees:
            self.cash.setText(
                f"<span style='color:{GOOD}; font-size:large'>✔</span> "
                f"<span style='color:{GOOD}'>{status.cash_check}</span>"
            )
        else:
            self.cash.setText(
                f"<span style='color:{COLOURS.error}; font-size:large'>✘</span> "
                f"<span style='color:{COLOURS.error}'><b>The cash in the statement of assets "
                f"does not agree with the accounts.</b> {status.cash_check}</span>"
            )
        self.cash.setAccessibleName(status.cash_check)
        for line in self.lines:
            self.list.removeWidget(line)
            line.deleteLater()
        shown = [c for c in status.checks if c.key not in ("cash", "closed")]
        self.lines = [self._line(check.title, check.explanation, check.blocking) for check in shown]
        for line in self.lines:
            self.list.addWidget(line)
        self.list.removeItem(self.links)
        self.list.addLayout(self.links)
        keys = {check.key for check in shown}
        self.to_categorise.setVisible("uncategorised" in keys)
        self.to_bank.setVisible(bool(keys & {"unfinished_reconciliation", "not_reconciled"}))
        self.notice.setVisible(bool(self.lines))

    @staticmethod
    def _line(title: str, explanation: str, blocking: bool) -> QLabel:
        mark = (
            f"<span style='color:{COLOURS.error}'>✘ Put right before closing:</span> "
            if blocking
            else f"<span style='color:{COLOURS.warning}'>⚠</span> "
        )
        line = QLabel(f"{mark}<b>{title}.</b> {explanation}")
        line.setTextFormat(Qt.TextFormat.RichText)
        line.setWordWrap(True)
        line.setObjectName("blockingCheck" if blocking else "warningCheck")
        return line

    def texts(self) -> list[str]:
        return [line.text() for line in self.lines]


class YearEndPage(QWidget):
    """Page interface: built with the context; `title`; `refresh()`."""

    title = "Year end"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("yearEndPage")
        self.years: tuple[FinancialYearInfo, ...] = ()
        self.status: YearEndStatus | None = None
        self.loaded = False  # the years have been read at least once
        self.dialog: QWidget | None = None
        self._asked = 0  # the latest year asked for; older answers are dropped
        self.empty = EmptyState()
        self.empty.show_message(
            "No books yet",
            "The year-end accounts are made from the cash book. Add your bank account and "
            "the year's entries there first.",
            "Open the cash book",
        )
        self.empty.first.clicked.connect(self._open_cash_book)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._body())
        QVBoxLayout(self).addWidget(self.stack)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.refresh()

    # ------------------------------------------------------------ layout

    def _body(self) -> QWidget:
        body = QWidget()
        body.setObjectName("pageBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(12)
        intro = set_role(
            QLabel(
                "At the end of the financial year: check the accounts, list what else the "
                "group owns or owes, print the accounts for the trustees to approve, then "
                "close the year."
            ),
            "muted",
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        column.addLayout(self._year_row())
        self.summary = SummaryCard()
        self.checks = ChecksPanel()
        self.checks.categorise_requested.connect(self._show_to_categorise)
        self.checks.bank_requested.connect(self._open_bank)
        column.addWidget(self.summary)
        column.addWidget(self.checks)
        column.addLayout(self._buttons())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("pageScroll")
        scroll.setAccessibleName("Year end")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        return scroll

    def _year_row(self) -> QHBoxLayout:
        self.year = QComboBox()
        self.year.setObjectName("yearEndYear")
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year.currentIndexChanged.connect(self._year_chosen)
        label = QLabel("Financial &year")
        label.setBuddy(self.year)
        self.year.setAccessibleName("Financial year")
        self.state = QLabel()
        self.state.setObjectName("yearState")
        self.state.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.year)
        row.addSpacing(12)
        row.addWidget(self.state, 1)
        return row

    def _buttons(self) -> QVBoxLayout:
        def button(text: str, name: str, slot) -> QPushButton:
            made = QPushButton(text)
            made.setObjectName(name)
            made.clicked.connect(slot)
            return made

        self.layout_choice = QComboBox()
        self.layout_choice.setObjectName("accountsLayout")
        for text, key in LAYOUTS:
            self.layout_choice.addItem(text, key)
        self.layout_choice.setAccessibleName("Layout of the accounts")
        layout_label = QLabel("&Layout")
        layout_label.setBuddy(self.layout_choice)
        self.print_button = set_role(
            button("&Print accounts…", "printAccounts", self.print_accounts), "primary"
        )
        self.export_button = button("E&xport figures…", "exportFigures", self.export_figures)
        self.items_button = button(
            "&Assets and liabilities…", "assetsAndLiabilities", self.edit_items
        )
        self.pack_button = button("Examiner &pack…", "examinerPack", self.examiner_pack)
        self.close_button = button("&Close the year…", "closeYear", self.close_year)
        documents = QHBoxLayout()
        documents.addWidget(layout_label)
        documents.addWidget(self.layout_choice)
        documents.addWidget(self.print_button)
        documents.addWidget(self.export_button)
        documents.addStretch(1)
        year_end = QHBoxLayout()
        for made in (self.items_button, self.pack_button, self.close_button):
            year_end.addWidget(made)
        year_end.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addLayout(documents)
        column.addLayout(year_end)
        return column

    # ------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Reload the years, then the chosen year's figures, from the books."""
        sessions = self.ctx.sessions
        self.ctx.tasks.run(
            lambda: (financial_years(sessions), self.ctx.settings()),
            self._years_loaded,
        )

    def _years_loaded(self, found) -> None:
        years, settings = found
        if not self.years:  # the first load: the group's own form
            index = self.layout_choice.findData(default_layout(settings))
            self.layout_choice.setCurrentIndex(max(index, 0))
        chosen = self.chosen_year()
        self.years, self.loaded = years, True
        if not years:
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentIndex(1)
        today = date.today()
        self.year.blockSignals(True)
        self.year.clear()
        for year in years:
            self.year.addItem(year_label(year, today))
        starts = [year.starts_on for year in years]
        if chosen is not None and chosen.starts_on in starts:
            index = starts.index(chosen.starts_on)
        else:  # the year a treasurer closes next: the latest that has ended
            index = next((i for i, y in enumerate(years) if y.ends_on < today), 0)
        self.year.setCurrentIndex(index)
        self.year.blockSignals(False)
        self._year_chosen()

    def chosen_year(self) -> FinancialYearInfo | None:
        index = self.year.currentIndex()
        return self.years[index] if 0 <= index < len(self.years) else None

    def show_year(self, starts_on: date) -> None:
        """Choose the year that starts on `starts_on` (as the combo would)."""
        starts = [year.starts_on for year in self.years]
        self.year.setCurrentIndex(starts.index(starts_on))

    def _year_chosen(self, _index: int = 0) -> None:
        year = self.chosen_year()
        if year is None:
            return
        self._asked += 1
        asked, sessions = self._asked, self.ctx.sessions
        self._set_enabled(False)
        self.state.setText(f"Reading the books for {year.name}…")
        self.ctx.tasks.run(
            lambda: year_end_status(sessions, year.starts_on),
            lambda status: self._status_loaded(asked, status),
        )

    def _status_loaded(self, asked: int, status: YearEndStatus) -> None:
        if asked != self._asked:
            return  # the treasurer has chosen another year since
        self.status = status
        self.summary.show_status(status)
        self.checks.show_status(status)
        self.state.setText(self._state_text(status))
        self._set_enabled(True)

    @staticmethod
    def _state_text(status: YearEndStatus) -> str:
        year = status.year
        if year.closed:
            return (
                "Closed: its entries are locked. Corrections go in as new entries in an open year."
            )
        if status.blocking:
            return "Open. Some things need putting right before the year can be closed."
        return "Open, and ready to close once the trustees have approved the accounts."

    def _set_enabled(self, ready: bool) -> None:
        for made in (self.print_button, self.export_button, self.items_button, self.pack_button):
            made.setEnabled(ready)
        closed = self.status is not None and self.status.year.closed
        self.close_button.setEnabled(ready and not closed)
        self.close_button.setToolTip("This year is already closed" if closed else "")

    # ------------------------------------------------------------ the other tabs

    def _area(self):
        from grassroots.ui.accounts.area import AccountsArea

        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, AccountsArea):
            widget = widget.parentWidget()
        return widget

    def _go_to(self, key: str) -> QWidget | None:
        area = self._area()
        return area.show_tab(key) if area is not None else None

    def _open_cash_book(self) -> None:
        self._go_to("cash_book")

    def _open_bank(self) -> None:
        self._go_to("bank")

    def _show_to_categorise(self) -> None:
        cash_book = self._go_to("cash_book")
        if cash_book is not None:
            cash_book.show_to_categorise()

    # ------------------------------------------------------------ the buttons

    def chosen_layout(self) -> str:
        return self.layout_choice.currentData()

    def print_accounts(self) -> None:
        year = self.chosen_year()
        if year is None:
            return
        suffix = "" if self.chosen_layout() == "cc16" else " (OSCR)"
        path = ask_save_path(
            self, "Print the accounts", f"{file_stem(year)}{suffix}.pdf", PDF_FILTER
        )
        if path is None:
            return
        sessions, layout = self.ctx.sessions, self.chosen_layout()
        write_then_offer(
            self.ctx,
            self,
            path,
            lambda: print_annual_accounts(sessions, path, year.starts_on, layout),
            "Printing the accounts…",
            lambda _out: f"Saved {path.name}, ready for the trustees to approve and sign.",
        )

    def export_figures(self) -> None:
        year = self.chosen_year()
        if year is None:
            return
        path = ask_save_path(self, "Export the figures", f"{file_stem(year)}.xlsx", SHEET_FILTER)
        if path is None:
            return
        sessions, layout = self.ctx.sessions, self.chosen_layout()
        write_then_offer(
            self.ctx,
            self,
            path,
            lambda: export_annual_accounts(sessions, Path(path), year.starts_on, layout),
            "Exporting the figures…",
        )

    def edit_items(self) -> None:
        from grassroots.ui.accounts.year_items_dialog import YearItemsDialog

        year = self.chosen_year()
        if year is None:
            return
        self.dialog = YearItemsDialog(self.ctx, year, self)
        self.dialog.changed.connect(self._year_chosen)
        self.dialog.open()

    def close_year(self) -> None:
        from grassroots.ui.accounts.close_year_dialog import CloseYearDialog

        if self.status is None or self.status.year.closed:
            return
        self.dialog = CloseYearDialog(self.ctx, self.status, self)
        self.dialog.closed.connect(self._year_closed)
        self.dialog.open()

    def _year_closed(self, _year: object) -> None:
        self.ctx.events.changed.emit("accounts")
        self.refresh()

    def examiner_pack(self) -> None:
        year = self.chosen_year()
        if year is None:
            return
        try:  # made in its own module; the page works without it
            from grassroots.ui.accounts.examiner_pack import make_examiner_pack
        except ImportError:
            tell(
                self,
                "Examiner pack",
                "The examiner pack is not available in this version of Grassroots.",
                "Print the accounts and export the figures for the examiner instead.",
            )
            return
        make_examiner_pack(self, self.ctx, year.starts_on)
