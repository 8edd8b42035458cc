"""Bringing in a members list from a spreadsheet: choose the file, say which column is which,
check the whole file (nothing is written), then import it in one go.

Import stays disabled until a check of the current file, mapping and options finds no
problems; every problem is listed as "Row 7, Postcode: ..." so the user can fix their file.
The user's file is only ever read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grassroots.ui.context import AppContext
from grassroots.ui.members.tables import SmallTable
from grassroots.ui.widgets.outputs import documents_dir

IGNORE = "(ignore)"
PREVIEW_ROWS = 8


def error_line(error: Any) -> str:
    """'Row 7, Postcode: ...' (or 'Row 7: ...' when no one column is to blame)."""
    where = f"Row {error.row}, {error.column}" if error.column else f"Row {error.row}"
    return f"{where}: {error.reason}"


def sample_files() -> list[Path]:
    from grassroots.settings import resources_dir

    folder = resources_dir() / "sample"
    return sorted(p for p in folder.glob("*") if p.suffix.lower() in (".csv", ".xlsx"))


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        from grassroots.members.importers import IMPORT_FIELDS
        from grassroots.members.service import list_types

        self.ctx = ctx
        self.fields = IMPORT_FIELDS
        self.path: Path | None = None
        self.sheet: Any = None
        self.checked = False
        self.report: Any = None
        self.setObjectName("importDialog")
        self.setWindowTitle("Import people and members")
        self.setMinimumSize(900, 700)
        self.resize(1040, 780)

        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setObjectName("import_file")
        self.file.setPlaceholderText("Choose a CSV or Excel (.xlsx) file")
        self.choose_button = QPushButton("&Choose file…")
        self.samples = QPushButton("Try a &sample")
        menu = QMenu(self.samples)
        for sample in sample_files():
            menu.addAction(sample.name, lambda p=sample: self.open_file(p))
        self.samples.setMenu(menu)
        self.samples.setEnabled(bool(menu.actions()))

        self.mapping = QTableWidget(0, 3)
        self.mapping.setObjectName("mapping")
        self.mapping.setHorizontalHeaderLabels(["Column in your file", "First value", "Goes into"])
        self.mapping.setAccessibleName("Column mapping")
        self.mapping.verticalHeader().hide()
        self.mapping.setAlternatingRowColors(True)
        self.mapping.setShowGrid(False)
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.preview = SmallTable((), "Preview of the first rows as they will be read")
        self.preview.setObjectName("preview")
        self.preview.setMinimumHeight(self.fontMetrics().height() * 11)

        self.skip_duplicates = QCheckBox("Skip people who are already on the list")
        self.skip_duplicates.setObjectName("skip_duplicates")
        self.default_type = QComboBox()
        self.default_type.setObjectName("default_type")
        self.default_type.setAccessibleName("Membership type for rows that give none")
        self.default_type.addItem("None — add them as people only", None)
        for kind in list_types(ctx.sessions):
            self.default_type.addItem(kind.name, kind.id)

        self.check_button = QPushButton("Chec&k file")
        self.check_button.setObjectName("check_file")
        self.import_button = QPushButton("&Import")
        self.import_button.setObjectName("import_button")
        self.close_button = QPushButton("Close")
        self.outcome = QLabel("Choose a file to begin.")
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.errors = QListWidget()
        self.errors.setObjectName("import_errors")
        self.errors.setAccessibleName("Problems found in the file")
        self.errors.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.errors.setWordWrap(True)
        self.errors.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.copy_button = QPushButton("Cop&y problems")
        self.copy_button.setObjectName("copy_errors")
        self._layout()
        self.choose_button.clicked.connect(self.choose_file)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_errors)
        self.skip_duplicates.toggled.connect(self._changed)
        self.default_type.currentIndexChanged.connect(self._changed)
        self._update()

    def _layout(self) -> None:
        file_row = QHBoxLayout()
        file_label = QLabel("&File")
        file_label.setBuddy(self.file)
        self.file.setAccessibleName("File")
        file_row.addWidget(file_label)
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.samples)
        columns = QGroupBox("Which column is which")
        box = QVBoxLayout(columns)
        box.addWidget(self.mapping)
        shown = QGroupBox("How the first rows will be read")
        box = QVBoxLayout(shown)
        box.addWidget(self.preview)
        options = QGroupBox("Options")
        form = QFormLayout(options)
        form.addRow(self.skip_duplicates)
        type_label = QLabel("&Rows with no type join as")
        type_label.setBuddy(self.default_type)
        form.addRow(type_label, self.default_type)
        check = QGroupBox("Check and import")
        box = QVBoxLayout(check)
        box.addWidget(self.outcome)
        box.addWidget(self.errors, 1)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        box.addLayout(copy_row)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("Your file is only read, never changed."))
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        top = QHBoxLayout()
        top.addWidget(columns, 3)
        right = QVBoxLayout()
        right.addWidget(options)
        right.addWidget(check, 1)
        top.addLayout(right, 2)
        column = QVBoxLayout(self)
        column.addLayout(file_row)
        column.addLayout(top, 3)
        column.addWidget(shown, 2)
        column.addLayout(buttons)

    # ------------------------------------------------------------ the file
    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            "Choose a members list",
            str(documents_dir()),
            "Spreadsheets (*.csv *.xlsx);;All files (*)",
        )
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path) -> None:
        from grassroots.members.importers import read_sheet

        self.file.setText(str(path))
        self.outcome.setText(f"Reading {path.name}…")
        self.ctx.tasks.run(
            lambda: read_sheet(path),
            lambda sheet: self._read(path, sheet),
            self._unreadable,
            label=f"Reading {path.name}…",
            parent=self,
        )

    def _unreadable(self, exc: Exception) -> None:
        self.path, self.sheet = None, None
        self.mapping.setRowCount(0)
        self._show_errors([str(exc)])
        self.outcome.setText("This file cannot be imported.")
        self._update()

    def _read(self, path: Path, sheet: Any) -> None:
        from grassroots.members.importers import guess_mapping

        self.path, self.sheet = path, sheet
        guessed = {column: field for field, column in guess_mapping(sheet.headers).items()}
        first_row = sheet.rows[0][1] if sheet.rows else ()
        self.mapping.setRowCount(len(sheet.headers))
        for index, header in enumerate(sheet.headers):
            self.mapping.setItem(index, 0, _cell(header or f"Column {index + 1}"))
            value = first_row[index] if index < len(first_row) else ""
            self.mapping.setItem(index, 1, _cell(_shown(value)))
            combo = QComboBox()
            combo.setAccessibleName(f"Field for column {header}")
            combo.addItem(IGNORE, None)
            for key, label in self.fields:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(guessed.get(index)), 0))
            combo.currentIndexChanged.connect(self._changed)
            self.mapping.setCellWidget(index, 2, combo)
        rows = len(sheet.rows)
        self.outcome.setText(
            f"{path.name}: {rows:,} row{'s' if rows != 1 else ''}. Check the columns, then "
            "press Check file."
        )
        self._changed()

    def chosen_mapping(self) -> dict[str, int]:
        mapping: dict[str, int] = {}
        for index in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(index, 2)
            key = combo.currentData() if isinstance(combo, QComboBox) else None
            if key is not None and key not in mapping:
                mapping[key] = index
        return mapping

    def _changed(self) -> None:
        """Any change means the file must be checked again before importing."""
        self.checked = False
        self.errors.clear()
        self._show_preview()
        self._update()

    def _show_preview(self) -> None:
        from grassroots.members.importers import preview_rows

        if self.sheet is None:
            return
        mapping = self.chosen_mapping()
        keys = [key for key, _label in self.fields if key in mapping]
        labels = dict(self.fields)
        self.preview.setColumnCount(len(keys))
        self.preview.setHorizontalHeaderLabels([labels[k] for k in keys])
        rows = preview_rows(self.sheet, mapping, PREVIEW_ROWS)
        self.preview.fill([[row.get(k, "") for k in keys] for row in rows])

    def _update(self) -> None:
        ready = self.sheet is not None and not self.ctx.tasks.busy
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready and self.checked)
        self.copy_button.setEnabled(self.errors.count() > 0)

    # ------------------------------------------------------------ checking and importing
    def _job(self, dry_run: bool):
        from grassroots.members.importers import import_members

        sessions, path, mapping = self.ctx.sessions, self.path, self.chosen_mapping()
        default_type, skip = self.default_type.currentData(), self.skip_duplicates.isChecked()
        return lambda should_stop: import_members(
            sessions,
            path,
            mapping,
            dry_run=dry_run,
            default_type_id=default_type,
            skip_duplicates=skip,
            should_stop=should_stop,
        )

    def check(self) -> None:
        if self.sheet is None:
            return
        self.check_button.setEnabled(False)
        self.outcome.setText("Checking every row…")
        self.ctx.tasks.run(
            self._job(True),
            self._checked,
            self._failed,
            label="Checking the file…",
            parent=self,
            cancellable=True,
        )

    def _checked(self, report: Any) -> None:
        self.report = report
        self._show_errors([error_line(e) for e in report.errors])
        if report.errors:
            count = len(report.errors)
            self.outcome.setText(
                f"Found {count:,} problem{'s' if count != 1 else ''}. Nothing has been "
                "imported. Fix them in your file (or change the columns above) and check again."
            )
            self.checked = False
        else:
            self.outcome.setText(f"No problems found. Ready to import: {_counts(report)}.")
            self.checked = True
        self._update()

    def run_import(self) -> None:
        if not self.checked:
            return
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.ctx.tasks.run(
            self._job(False),
            self._imported,
            self._failed,
            label="Importing…",
            parent=self,
            cancellable=True,
        )

    def _imported(self, report: Any) -> None:
        self.report = report
        self.checked = False
        if report.errors:  # the file changed between the check and the import
            self._checked(report)
            return
        self.ctx.events.changed.emit("members")
        self.errors.clear()
        self.outcome.setText(f"Imported: {_counts(report)}.")
        self._update()
        self.import_button.setEnabled(False)

    def _failed(self, exc: Exception) -> None:
        from grassroots.core.errors import Cancelled

        self._show_errors([str(exc)])
        stopped = "Stopped; nothing was imported." if isinstance(exc, Cancelled) else None
        self.outcome.setText(stopped or "The file could not be checked; nothing was imported.")
        self.checked = False
        self._update()

    def _show_errors(self, lines: list[str]) -> None:
        self.errors.clear()
        self.errors.addItems(lines)
        self.errors.setVisible(True)

    def copy_errors(self) -> None:
        lines = [self.errors.item(i).text() for i in range(self.errors.count())]
        QGuiApplication.clipboard().setText("\n".join(lines))


def _counts(report: Any) -> str:
    parts = [
        f"{report.created_people:,} {'person' if report.created_people == 1 else 'people'}",
        f"{report.created_members:,} membership{'s' if report.created_members != 1 else ''}",
    ]
    if report.skipped_duplicates:
        parts.append(f"{report.skipped_duplicates:,} already on the list skipped")
    if report.skipped_blank:
        parts.append(
            f"{report.skipped_blank:,} blank row{'s' if report.skipped_blank != 1 else ''} skipped"
        )
    return ", ".join(parts)


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _shown(value: object) -> str:
    from datetime import date, datetime

    from grassroots.core.dates import format_date

    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    return "" if value is None else str(value)
