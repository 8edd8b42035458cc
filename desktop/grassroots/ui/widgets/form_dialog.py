"""The frame of a small form dialog: heading, a line of explanation, the form, one line for a
problem the form cannot pin on a field, and Cancel beside the main button (which Enter presses).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from grassroots.ui.widgets.field_error import FieldError


def frame_form(
    dialog: QDialog,
    heading: QLabel,
    explain: QLabel,
    form: QFormLayout,
    ok_text: str,
    ok_name: str,
    submit: Callable[[], None],
) -> tuple[FieldError, QDialogButtonBox, QPushButton]:
    """Lay the dialog out; returns its problem line, its buttons and its main button."""
    problem = FieldError()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName(ok_name)
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    column = QVBoxLayout(dialog)
    column.setContentsMargins(20, 16, 20, 16)
    column.setSpacing(10)
    for widget in (heading, explain):
        column.addWidget(widget)
    column.addLayout(form)
    column.addWidget(problem)
    column.addStretch(1)
    column.addWidget(buttons)
    ok.setDefault(True)
    em = dialog.fontMetrics().horizontalAdvance("M")
    dialog.setMinimumWidth(int(34 * em))
    return problem, buttons, ok
