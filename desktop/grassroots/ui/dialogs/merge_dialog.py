"""Merging two records of one person, side by side: the user chooses which record to keep.

The kept record's details win where both have something; its blanks are filled from the other;
notes are joined; memberships, payments, consents and every other link move to the kept record.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from grassroots.core.dates import format_date
from grassroots.people.records import PersonInput
from grassroots.ui.context import AppContext
from grassroots.ui.widgets.field_error import FieldError

_LABELS = {
    "title": "Title",
    "first_name": "First name",
    "last_name": "Last name",
    "preferred_name": "Known as",
    "address_line1": "Address",
    "address_line2": "Address line 2",
    "town": "Town",
    "county": "County",
    "postcode": "Postcode",
    "email": "Email",
    "phone": "Phone",
    "mobile": "Mobile",
    "date_of_birth": "Date of birth",
    "source": "Came from",
    "notes": "Notes",
}


def _shown(person: PersonInput, name: str) -> str:
    value = getattr(person, name)
    if name == "date_of_birth":
        return format_date(value)
    return str(value or "").replace("\n", " · ")


class MergeDialog(QDialog):
    """Merge `existing_id` with another saved person (`other_id`) or with details not yet saved
    (`pending`). Emits `merged(kept_person_id)`."""

    merged = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        existing_id: int,
        other_id: int | None = None,
        pending: PersonInput | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        from grassroots.people.service import get_person

        self.ctx, self.existing_id, self.other_id, self.pending = (
            ctx,
            existing_id,
            other_id,
            pending,
        )
        self.setObjectName("mergeDialog")
        self.setWindowTitle("Merge two records")
        self.setMinimumSize(640, 520)
        left = get_person(ctx.sessions, existing_id)
        right = get_person(ctx.sessions, other_id).as_input() if other_id else pending
        assert right is not None, "give another person or the details being added"
        intro = QLabel(
            "Choose the record to keep. Where both have something, the kept record's details "
            "win; its blanks are filled from the other, notes are joined, and memberships, "
            "payments and consents all move to the kept record. The other record is removed."
        )
        intro.setWordWrap(True)
        self.keep_left = QRadioButton("Keep the existing record")
        self.keep_left.setObjectName("keep_existing")
        right_title = "Keep the second record" if other_id else "Keep the details just typed"
        self.keep_right = QRadioButton(right_title)
        self.keep_right.setObjectName("keep_other")
        self.keep_left.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.keep_left)
        group.addButton(self.keep_right)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.keep_left, 0, 1)
        grid.addWidget(self.keep_right, 0, 2)
        left_input = left.as_input()
        names = list(_LABELS)
        for row, name in enumerate(names, start=1):
            a, b = _shown(left_input, name), _shown(right, name)
            caption = QLabel(_LABELS[name])
            caption.setStyleSheet("color: palette(placeholder-text);")
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            for col, text in ((1, a), (2, b)):
                cell = QLabel(text or "—")
                cell.setWordWrap(True)
                cell.setTextFormat(Qt.TextFormat.PlainText)
                if a and b and a != b:
                    cell.setStyleSheet("font-weight: 600;")
                grid.addWidget(cell, row, col, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        sheet = QWidget()
        sheet.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(sheet)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        note = QLabel("Details in bold differ between the two records.")
        note.setStyleSheet("color: palette(placeholder-text);")
        self.problem = FieldError()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText("&Merge")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(scroll, 1)
        column.addWidget(note)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)

    def submit(self) -> None:
        from grassroots.people.service import merge_new_person, merge_people

        sessions, existing, other, pending = (
            self.ctx.sessions,
            self.existing_id,
            self.other_id,
            self.pending,
        )
        keep_existing = self.keep_left.isChecked()

        def job() -> int:
            if other is None:
                return merge_new_person(sessions, existing, pending, not keep_existing).id
            keep, drop = (existing, other) if keep_existing else (other, existing)
            return merge_people(sessions, keep, drop).id

        self.merge_button.setEnabled(False)
        self.ctx.tasks.run(job, self._done, self._failed, label="Merging…", parent=self)

    def _done(self, kept_id: int) -> None:
        self.ctx.events.changed.emit("members")
        self.merged.emit(kept_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.problem.show_error(str(exc))
        self.merge_button.setEnabled(True)
