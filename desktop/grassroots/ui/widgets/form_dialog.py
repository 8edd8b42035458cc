"""The frame of a small form dialog: heading, a line of explanation, the form, one line for a
problem the form cannot pin on a field, and Cancel beside the main button (which Enter presses);
and how such a dialog shows what is wrong, so every form says it the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from grassroots.core.errors import GrassrootsError, ValidationError
from grassroots.ui.widgets.field_error import FieldError

if TYPE_CHECKING:
    from grassroots.ui.tasks import Tasks

# A form's error lines by field name; None for a field laid out without one.
FieldErrors = Mapping[str, FieldError | None]


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


def show_problems(errors: FieldErrors, problems: Mapping[str, str]) -> None:
    """Show each field's problem under it, and clear the lines of fields that are now right."""
    for key, error in errors.items():
        if error is not None:
            error.show_error(problems.get(key, ""))


def show_failure(
    dialog: QDialog, tasks: Tasks, exc: Exception, errors: FieldErrors, problem: FieldError
) -> None:
    """Show why saving failed: a refusal naming a field under that field, the rest of it (or a
    refusal in words) on the problem line; anything unexpected is reported as a fault."""
    if isinstance(exc, ValidationError):
        show_problems(errors, exc.fields)
        problem.show_error(" ".join(v for k, v in exc.fields.items() if k not in errors))
    elif isinstance(exc, GrassrootsError):
        problem.show_error(str(exc))
    else:
        tasks.report(exc, parent=dialog)
