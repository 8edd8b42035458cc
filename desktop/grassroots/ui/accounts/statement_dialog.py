"""Importing a bank statement: choose the file and the account, see what Grassroots reads from
it and what an import would do, then import it in one go and see what happened.

Nothing is written until Import is pressed. The preview is a dry run of the real import (read in
the background), so what it promises is what Import does: the same new lines, the same
duplicates left out, the same matches with entries typed by hand, and the same check of the
closing balance. A CSV shows its columns as the bank wrote them beside the lines as Grassroots
reads them, so a wrongly chosen column is plain to see and can be changed there and then.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts.records import BookAccountInfo
from grassroots.accounts.statement_mappings import list_mappings, save_mapping
from grassroots.accounts.statements import (
    StatementImportReport,
    StatementPreview,
    import_statement,
    preview_statement,
)
from grassroots.core.dates import format_date
from grassroots.core.money import Money
from grassroots.ui.context import AppContext
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.field_error import FieldError

STATEMENT_FILTER = "Bank statements (*.ofx *.qfx *.csv);;All files (*)"
# The fields a CSV column can be, as the treasurer reads them.
COLUMN_FIELDS = (
    ("date", "&Date"),
    ("description", "D&escription"),
    ("amount", "A&mount"),
    ("paid_in", "Paid &in"),
    ("paid_out", "Paid &out"),
    ("balance", "&Balance"),
)
NOT_IN_FILE = "(none)"


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


def _table(name: str, accessible: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, headings, rows, numbers=(), right: set[int] = frozenset()):
    table.clear()
    table.setColumnCount(len(headings))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels([h or " " for h in headings])
    table.setVerticalHeaderLabels([str(n) for n in numbers] or [])
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def preview_summary(preview: StatementPreview) -> str:
    """'312 lines: 298 new, 14 already imported, 3 match entries you typed; ...'"""
    report = preview.report
    total = preview.total or report.new_lines + report.duplicates
    text = (
        f"{_count(total, 'line')}: {report.new_lines:,} new, {report.duplicates:,} already "
        f"imported, {_matches(report.matched)}"
    )
    text += "; " + _closing_text(report) + "."
    if report.created:
        text += (
            f" {_count(report.created, 'new entry', 'new entries')} would be added "
            "for you to categorise"
        )
        text += f" ({report.suggested:,} with a suggested category)." if report.suggested else "."
    return text


def _matches(number: int) -> str:
    if number == 1:
        return "1 matches an entry you typed"
    return f"{number:,} match entries you typed"


def _closing_text(report: StatementImportReport) -> str:
    if report.closing_balance_agrees is None:
        return "the statement gives no closing balance to check against"
    bank, on = report.statement_closing.format(), format_date(report.closing_on)
    if report.closing_balance_agrees:
        return f"the closing balance agrees with the bank's {bank} on {on}"
    return (
        f"the books would show {report.our_balance.format()} on {on}, but the bank's closing "
        f"balance is {bank}: look for lines missing from the file or typed twice"
    )


def report_figures(report: StatementImportReport) -> list[tuple[int, str]]:
    """What an import did: (how many, what) a line each, leaving out a suggestion count of 0."""
    left = report.created - report.suggested
    figures = [
        (report.new_lines, "new lines from the bank" if report.new_lines != 1 else "new line"),
        (report.duplicates, "left out: already imported"),
        (report.matched, "matched to entries already in the cash book"),
        (left, "new entries to categorise" if left != 1 else "new entry to categorise"),
    ]
    if report.suggested:
        figures.append((report.suggested, "given the category used before for the same payee"))
    return figures


class StatementDialog(QDialog):
    """`imported(report)` after a successful import; `categorise_requested` from its report."""

    imported = Signal(object)
    categorise_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        accounts: list[BookAccountInfo],
        account_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("statementDialog")
        self.setWindowTitle("Import a bank statement")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.path: Path | None = None
        self.preview: StatementPreview | None = None
        self.report: StatementImportReport | None = None
        self.generation = 0  # the preview asked for last; older answers are dropped
        self.saved = {m.name: m.mapping for m in list_mappings(ctx.sessions)}
        self.stack = QStackedWidget()
        self.stack.addWidget(self._preview_page(accounts, account_id))
        self.stack.addWidget(self._report_page())
        QVBoxLayout(self).addWidget(self.stack)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(int(74 * em), int(54 * em))
        line = self.fontMetrics().height()
        for table in (self.raw, self.read):  # room for the first lines, compactly
            table.verticalHeader().setDefaultSectionSize(int(line * 1.6))
            table.setMinimumHeight(int(line * 1.6 * 5.5))
        read_header = self.read.horizontalHeader()
        read_header.setStretchLastSection(False)
        self.columns.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.choose.setFocus()

    # ------------------------------------------------------------ building
    def _preview_page(self, accounts, account_id) -> QWidget:
        page = QWidget()
        heading = set_role(QLabel("Import a bank statement"), "heading")
        explain = set_role(
            QLabel(
                "Choose the file your online banking saved (OFX, QFX or CSV). Grassroots checks "
                "it first; nothing is saved until you press Import."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setObjectName("statementFile")
        self.file.setReadOnly(True)
        self.file.setPlaceholderText("No file chosen")
        self.choose = QPushButton("&Choose file…")
        self.choose.setObjectName("chooseStatement")
        self.choose.clicked.connect(self.choose_file)
        self.account = QComboBox()
        self.account.setObjectName("statementAccount")
        for account in accounts:
            self.account.addItem(account.name, account.id)
        if account_id is not None and self.account.findData(account_id) >= 0:
            self.account.setCurrentIndex(self.account.findData(account_id))
        self.account.currentIndexChanged.connect(self._account_changed)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose)
        file_label = QLabel("&File")
        file_label.setBuddy(self.choose)
        self.file.setAccessibleName("Statement file")
        self.choose.setAccessibleName("Choose the statement file")
        account_label = QLabel("Acc&ount")
        account_label.setBuddy(self.account)
        self.account.setAccessibleName("Account")
        self.account.setMinimumContentsLength(16)
        form = QHBoxLayout()  # one line: the file, then the account it goes into
        form.addWidget(file_label)
        form.addLayout(file_row, 3)
        form.addSpacing(16)
        form.addWidget(account_label)
        form.addWidget(self.account, 1)

        self.columns = self._columns_box()
        self.raw = _table("bankRows", "The first lines as the bank wrote them")
        self.read = _table("readRows", "The first lines as Grassroots reads them")
        self.raw_label = set_role(QLabel("As the bank wrote them"), "muted")
        self.read_label = set_role(QLabel("As Grassroots reads them"), "muted")
        tables = QGridLayout()
        tables.addWidget(self.raw_label, 0, 0)
        tables.addWidget(self.read_label, 0, 1)
        tables.addWidget(self.raw, 1, 0)
        tables.addWidget(self.read, 1, 1)
        tables.setColumnStretch(0, 2)
        tables.setColumnStretch(1, 1)
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setAccessibleName("What an import would do")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors = FieldError()
        self.errors.setObjectName("previewErrors")
        self.errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importOk")
        set_role(self.import_button, "primary")
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self.do_import)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(10)
        for widget in (heading, explain):
            column.addWidget(widget)
        column.addLayout(form)
        column.addWidget(self.columns)
        column.addLayout(tables, 1)
        column.addWidget(self.summary)
        column.addWidget(self.errors)
        column.addWidget(buttons)
        self._show_tables(False)
        self.columns.hide()
        return page

    def _columns_box(self) -> QGroupBox:
        box = QGroupBox("Which column is which")
        box.setObjectName("columnMapping")
        grid = QGridLayout(box)
        self.field_combos: dict[str, QComboBox] = {}
        for position, (field, label) in enumerate(COLUMN_FIELDS):
            combo = QComboBox()
            combo.setObjectName(f"column_{field}")
            combo.setAccessibleName(f"Column for {label.replace('&', '')}")
            combo.setMinimumContentsLength(12)
            combo.activated.connect(self._mapping_changed)
            caption = QLabel(label)
            caption.setBuddy(combo)
            grid.addWidget(caption, 0, position)
            grid.addWidget(combo, 1, position)
            self.field_combos[field] = combo
        hint = set_role(
            QLabel(
                "Use Amount when the bank gives one column (money out shown as minus), or Paid "
                "in and Paid out when it gives two."
            ),
            "muted",
        )
        hint.setWordWrap(True)
        grid.addWidget(hint, 2, 0, 1, len(COLUMN_FIELDS))
        self.saved_combo = QComboBox()
        self.saved_combo.setObjectName("savedMappings")
        self.saved_combo.setAccessibleName("Use saved columns")
        self.saved_combo.addItem("(choose)", "")
        for name in self.saved:
            self.saved_combo.addItem(name, name)
        self.saved_combo.activated.connect(self._saved_chosen)
        saved_label = QLabel("&Use saved columns")
        saved_label.setBuddy(self.saved_combo)
        self.remember = QCheckBox("&Save these columns as")
        self.remember.setObjectName("saveMapping")
        self.mapping_name = QLineEdit()
        self.mapping_name.setObjectName("mappingName")
        self.mapping_name.setAccessibleName("Name for these columns")
        self.mapping_name.setPlaceholderText("e.g. the bank's name")
        self.mapping_name.textEdited.connect(lambda _text: self.remember.setChecked(True))
        row = QHBoxLayout()
        row.addWidget(saved_label)
        row.addWidget(self.saved_combo)
        if self.saved:
            row.addSpacing(24)
        row.addWidget(self.remember)
        row.addWidget(self.mapping_name)
        row.addStretch(1)
        self.mapping_name.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 18)
        grid.addLayout(row, 3, 0, 1, len(COLUMN_FIELDS))
        saved_label.setVisible(bool(self.saved))
        self.saved_combo.setVisible(bool(self.saved))
        return box

    def _report_page(self) -> QWidget:
        page = QWidget()
        self.report_heading = set_role(QLabel(), "heading")
        self.report_heading.setObjectName("reportHeading")
        card = QFrame()
        card.setObjectName("card")
        self.report_grid = QGridLayout(card)
        self.report_grid.setContentsMargins(18, 14, 18, 14)
        self.report_grid.setHorizontalSpacing(14)
        self.report_grid.setColumnStretch(1, 1)
        self.report_closing = QLabel()
        self.report_closing.setObjectName("reportClosing")
        self.report_closing.setAccessibleName("The closing balance")
        self.report_closing.setWordWrap(True)
        self.categorise = QPushButton("&Categorise the new lines")
        self.categorise.setObjectName("reportCategorise")
        self.categorise.clicked.connect(self._categorise)
        self.done_button = set_role(QPushButton("&Done"), "primary")
        self.done_button.setObjectName("reportDone")
        self.done_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.categorise)
        buttons.addWidget(self.done_button)
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 8, 12, 8)
        column.setSpacing(12)
        column.addWidget(self.report_heading)
        column.addWidget(card)
        column.addWidget(self.report_closing)
        column.addStretch(1)
        column.addLayout(buttons)
        return page

    def _show_report(self, report: StatementImportReport) -> None:
        """The counts as big figures beside what they mean; the closing balance under them."""
        figures = report_figures(report)
        for row, (number, text) in enumerate(figures):
            value = QLabel(f"{number:,}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.4)
            font.setBold(True)
            value.setFont(font)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.report_grid.addWidget(value, row, 0)
            self.report_grid.addWidget(QLabel(text), row, 1)
        self.report_text = "\n".join(f"{number:,} {text}" for number, text in figures)
        closing = _closing_text(report)
        self.report_closing.setText(closing[0].upper() + closing[1:] + ".")
        role = "error" if report.closing_balance_agrees is False else "muted"
        set_role(self.report_closing, role)
        self.report_closing.style().polish(self.report_closing)

    # ------------------------------------------------------------ choosing
    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Choose a bank statement", str(Path.home()), STATEMENT_FILTER
        )
        if chosen:
            self.set_file(Path(chosen))

    def set_file(self, path: Path) -> None:
        """Preview `path` (the columns remembered for the account, or recognised)."""
        self.path = Path(path)
        self.file.setText(str(self.path))
        self.preview = None
        self.load_preview(None)

    def mapping(self) -> dict[str, str]:
        """The columns chosen: field -> heading as the bank wrote it."""
        return {f: c.currentData() for f, c in self.field_combos.items() if c.currentData()}

    def _mapping_changed(self, _index: int) -> None:
        self.saved_combo.setCurrentIndex(0)
        self.load_preview(self.mapping())

    def _saved_chosen(self, _index: int) -> None:
        name = self.saved_combo.currentData()
        if name:
            self.mapping_name.setText(name)
            self.load_preview(dict(self.saved[name]))

    def _account_changed(self, _index: int) -> None:
        if self.path is not None:
            csv_shown = self.preview is not None and self.preview.kind == "csv"
            self.load_preview(self.mapping() if csv_shown else None)

    # ------------------------------------------------------------ the preview
    def load_preview(self, mapping: dict[str, str] | None) -> None:
        if self.path is None or self.account.currentData() is None:
            return
        self.generation += 1
        generation, sessions = self.generation, self.ctx.sessions
        path, account_id = self.path, self.account.currentData()
        self.import_button.setEnabled(False)
        self.summary.setText("Reading the statement…")
        self.errors.show_error("")

        def show(preview: StatementPreview) -> None:
            if generation == self.generation:
                self._show_preview(preview, mapping)

        self.ctx.tasks.run(
            lambda: preview_statement(sessions, path, account_id, mapping),
            show,
            self._failed,
            parent=self,
        )

    def _show_preview(self, preview: StatementPreview, asked: dict[str, str] | None) -> None:
        self.preview = preview
        csv = preview.csv
        self.columns.setVisible(csv is not None)
        self.raw.setVisible(csv is not None)
        self.raw_label.setVisible(csv is not None)
        if csv is not None:
            self._fill_columns(csv.headings, asked if asked else csv.recognised)
            numbers = range(csv.heading_row + 1, csv.heading_row + 1 + len(csv.rows))
            _fill(self.raw, csv.headings, csv.rows, numbers)
            if not self.mapping_name.text():
                self.mapping_name.setText(self.account.currentText())
        self._show_tables(bool(preview.lines))
        self.raw.setVisible(csv is not None)
        _fill(
            self.read,
            ("Date", "Description", "Amount"),
            [
                (format_date(x.posted_on), x.description, Money(x.pence).format())
                for x in preview.lines
            ],
            [line.row for line in preview.lines],
            right={2},
        )
        self.read.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        report = preview.report
        if report.errors:
            self.summary.setText("This statement cannot be imported as it is:")
            self.errors.show_error("\n".join(report.errors))
            self.import_button.setEnabled(False)
            return
        self.summary.setText(preview_summary(preview))
        self.errors.show_error("")
        self.import_button.setEnabled(report.new_lines > 0)
        if not report.new_lines:
            self.summary.setText(
                self.summary.text() + " Every line is already in the books: nothing to import."
            )

    def _fill_columns(self, headings: tuple[str, ...], chosen: dict[str, str]) -> None:
        lowered = {h.lower(): h for h in headings if h}
        for field, combo in self.field_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NOT_IN_FILE, "")
            for heading in headings:
                if heading:
                    combo.addItem(heading, heading)
            wanted = lowered.get((chosen.get(field) or "").strip().lower(), "")
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
            combo.blockSignals(False)

    def _show_tables(self, shown: bool) -> None:
        for widget in (self.raw, self.read, self.read_label):
            widget.setVisible(shown)

    def _failed(self, exc: Exception) -> None:
        self.summary.setText("This statement cannot be imported:")
        self.errors.show_error(str(exc))
        self.import_button.setEnabled(False)

    # ------------------------------------------------------------ importing
    def do_import(self) -> None:
        if self.path is None or self.preview is None or not self.import_button.isEnabled():
            return
        sessions, path, account_id = self.ctx.sessions, self.path, self.account.currentData()
        mapping = self.mapping() if self.preview.kind == "csv" else None
        name = self.mapping_name.text().strip() if self.remember.isChecked() and mapping else ""

        def job() -> StatementImportReport:
            report = import_statement(sessions, path, account_id, mapping)
            if name and not report.errors:
                save_mapping(sessions, name, mapping)
            return report

        self.import_button.setEnabled(False)
        self.summary.setText("Importing…")
        self.ctx.tasks.run(job, self._imported, self._failed, label="Importing…", parent=self)

    def _imported(self, report: StatementImportReport) -> None:
        if report.errors:
            self.summary.setText("Nothing was imported:")
            self.errors.show_error("\n".join(report.errors))
            return
        self.report = report
        self.ctx.events.changed.emit("accounts")
        self.imported.emit(report)
        self.report_heading.setText(f"Imported {self.path.name} into {self.account.currentText()}")
        self._show_report(report)
        preview = self.stack.widget(0)  # the report needs less room than the preview had
        preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.stack.setCurrentIndex(1)
        self.categorise.setVisible(report.created > 0)
        self.setMinimumHeight(0)
        self.resize(self.width(), self.stack.widget(1).sizeHint().height() + 40)
        self.done_button.setFocus()

    def _categorise(self) -> None:
        self.categorise_requested.emit()
        self.accept()
