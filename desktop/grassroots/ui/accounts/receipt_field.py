"""The receipt scan of an entry: where the picture or PDF of the receipt is kept, chosen from
the disk and opened again with one click.

The books keep the file's path, not the file: a treasurer scans receipts into a folder of their
own (often one that is backed up already), and an examiner asks to see a receipt by its entry.
A path that no longer leads anywhere is said plainly, so a moved folder is noticed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from grassroots.ui.widgets.outputs import documents_dir

SCAN_FILTER = "Receipts (*.pdf *.jpg *.jpeg *.png *.heic *.tif *.tiff);;All files (*)"


class ReceiptField(QWidget):
    """A path with Choose… and Open; `path()` is "" when there is none."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setObjectName("entryAttachment")
        self.edit.setPlaceholderText("A scan or photo of the receipt (optional)")
        self.edit.setMaxLength(500)
        self.edit.setAccessibleName("Receipt scan")
        self.choose_button = QPushButton("Choose…")
        self.choose_button.setObjectName("chooseAttachment")
        self.choose_button.setAccessibleName("Choose the receipt scan")
        self.open_button = QPushButton("Open")
        self.open_button.setObjectName("openAttachment")
        self.open_button.setAccessibleName("Open the receipt scan")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.open_button)
        self.setFocusProxy(self.edit)  # the label's shortcut and Tab land in the path
        self.choose_button.clicked.connect(self.choose)
        self.open_button.clicked.connect(self.open_file)
        self.edit.textChanged.connect(self._update)
        self._update()

    def path(self) -> str:
        return self.edit.text().strip()

    def set_path(self, path: str) -> None:
        self.edit.setText(path)

    def clear(self) -> None:
        self.edit.clear()

    def choose(self) -> None:
        start = Path(self.path()).parent if self.path() else documents_dir()
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Choose the receipt scan", str(start), SCAN_FILTER
        )
        if chosen:
            self.edit.setText(chosen)

    def open_file(self) -> None:
        if Path(self.path()).is_file():
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.path()))

    def _update(self) -> None:
        text = self.path()
        found = bool(text) and Path(text).is_file()
        self.open_button.setEnabled(found)
        self.open_button.setToolTip(
            "" if found or not text else "There is no file there now: was it moved or renamed?"
        )
        self.changed.emit()
