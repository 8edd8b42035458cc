"""The frame of a small form dialog: heading, a line of explanation, the form, one line for a
problem the form cannot pin on a field, and Cancel beside the main button (which Enter presses);
and how such a dialog shows what is wrong, so every form says it the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
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


class SavingDialog(QDialog):
    """A form dialog that saves through ctx.tasks: `run_save(job)` greys the main button while
    the job runs; success says `changed(area)` to the app, gives the result in `saved` and
    closes; a refusal is shown in the form (show_failure) and the dialog stays open.
    Subclasses set `self.ctx`, `self.errors`, and call `frame` to lay themselves out."""

    saved = Signal(object)
    area = ""  # the area whose data a save changes, for ctx.events.changed

    def frame(self, heading: str, explain: str, form: QFormLayout, ok_text: str, ok_name: str):
        from grassroots.ui.theme import set_role

        self.setWindowModality(Qt.WindowModality.WindowModal)
        title = set_role(QLabel(heading), "heading")
        title.setWordWrap(True)
        words = set_role(QLabel(explain), "muted")
        words.setWordWrap(True)
        self.problem, self.buttons, self.ok = frame_form(
            self, title, words, form, ok_text, ok_name, self.submit
        )

    def submit(self) -> None:
        raise NotImplementedError

    def run_save(self, job: Callable[[], object]) -> None:
        self.ok.setEnabled(False)
        self.ctx.tasks.run(job, self._saved, self._failed, label="Saving…", parent=self)

    def _saved(self, result: object) -> None:
        if self.area:
            self.ctx.events.changed.emit(self.area)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        show_failure(self, self.ctx.tasks, exc, self.errors, self.problem)
