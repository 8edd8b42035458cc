"""Told plainly when a database cannot be opened: which file, why, and what to do next.

Nothing is changed on disk by showing this; the user either chooses another file or quits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.errors import (
    AlreadyOpen,
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseProblem,
    DatabaseTooNew,
)
from grassroots.ui.theme import set_role

DATABASE_FILTER = "Grassroots databases (*.db *.sqlite);;All files (*)"


def _headline(problem: DatabaseProblem) -> str:
    if isinstance(problem, AlreadyOpen):
        return "This database is already open"
    if isinstance(problem, DatabaseTooNew):
        return "This database needs a newer Grassroots"
    if isinstance(problem, DatabaseCorrupt):
        return "This database is damaged"
    if isinstance(problem, DatabaseLocked):
        return "This database is in use by another program"
    return "Grassroots can't open this file"


class DatabaseProblemDialog(QDialog):
    """Names the file and the problem; Choose another file… (accept) or Quit (reject)."""

    def __init__(
        self,
        problem: DatabaseProblem,
        file: str,
        parent: QWidget | None = None,
        can_choose: bool = True,
        reject_text: str = "Quit",
    ):
        super().__init__(parent)
        self.setObjectName("databaseProblemDialog")
        self.setWindowTitle("Grassroots")
        self.chosen: str | None = None
        icon = QLabel()
        size = self.fontMetrics().height() * 3
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        headline = set_role(QLabel(_headline(problem)), "heading")
        file_label = set_role(QLabel(f"File: {file}"), "muted")
        file_label.setObjectName("problemFile")
        message = QLabel(str(problem))
        message.setObjectName("problemMessage")
        advice = QLabel(
            "Nothing has been changed. You can choose another database file, or "
            f"{reject_text[0].lower() + reject_text[1:]}."
            if can_choose
            else "Nothing has been changed."
        )
        for label in (file_label, message, advice):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(_headline(problem))
        self.setAccessibleDescription(str(problem))
        text = QVBoxLayout()
        for widget in (headline, file_label, message, advice):
            text.addWidget(widget)
        body = QHBoxLayout()
        body.addWidget(icon)
        body.addLayout(text, 1)
        self.buttons = QDialogButtonBox()
        self.quit_button = self.buttons.addButton(
            reject_text,  # Quit, or keep the current
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.choose_button: QPushButton | None = None
        if can_choose:
            self.choose_button = self.buttons.addButton(
                "Choose another file…", QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.choose_button.setAccessibleName("Choose another database file")
            self.choose_button.setDefault(True)
            set_role(self.choose_button, "primary")
            self.choose_button.clicked.connect(self._choose)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Open or start a Grassroots database",
            "",
            DATABASE_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.chosen = path
            self.accept()
