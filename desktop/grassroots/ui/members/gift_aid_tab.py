"""The Gift Aid tab of a person's record: their declarations, adding and cancelling one, and a
warning when the record lacks what HMRC needs to accept a claim on their donations.

A declaration is never deleted: HMRC may ask for it for six years after a claim, so a
withdrawn one is cancelled from a date and stays in the list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grassroots.accounts.gift_aid import Declaration
from grassroots.core.dates import format_date
from grassroots.core.errors import GrassrootsError
from grassroots.ui.context import AppContext
from grassroots.ui.members.tables import SmallTable
from grassroots.ui.theme import set_role
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import FieldError, add_field
from grassroots.ui.widgets.form_dialog import frame_form, show_failure
from grassroots.ui.widgets.outputs import PDF_FILTER, ask_save_path, write_then_offer

METHOD_LABELS = {"written": "Written", "online": "Online", "oral": "Oral (written record kept)"}
# What a declaration covers, as the treasurer reads it, and the flags it is kept as.
COVERS = (
    ("The past four years and all future donations", True, True),
    ("All future donations, not past ones", False, True),
    ("Only the donation given on that day", False, False),
)


def covers_text(item: Declaration) -> str:
    for label, past, future in COVERS:
        if (item.covers_past, item.covers_future) == (past, future):
            return label
    return "The past four years and that day's donation"


def status_text(declarations: list[Declaration]) -> str:
    """One line on where the person stands today."""
    today = date.today()
    if any(d.covers(today) for d in declarations):
        return "Their donations today can be Gift Aided."
    if declarations:
        return "No declaration covers donations today (cancelled or for one donation only)."
    return "No declaration on record: their donations cannot be Gift Aided until they make one."


class WarningNote(QLabel):
    """A soft amber note, for something to put right that does not stop the work."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("giftAidWarning")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            "#giftAidWarning { background: #fff8e1; border: 1px solid #e0c36c;"
            " border-radius: 6px; padding: 8px; color: #4a3b00; }"
        )
        self.hide()


class GiftAidTab(QWidget):
    def __init__(self, ctx: AppContext, person_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.person_id, self.person_name = ctx, person_id, ""
        self.declarations: list[Declaration] = []
        self.missing: tuple[str, ...] = ()
        self.dialog: QWidget | None = None
        intro = QLabel(
            "A Gift Aid declaration lets the group claim 25p from HMRC on every £1 this person "
            "gives. Declarations are kept, even when cancelled, because HMRC may ask to see them."
        )
        intro.setWordWrap(True)
        self.warning = WarningNote()
        self.status = QLabel()
        self.status.setObjectName("giftAidStatus")
        self.status.setWordWrap(True)
        self.table = SmallTable(("Made on", "How", "Covers", "Cancelled on", "Note"), "Gift Aid")
        self.table.setObjectName("declarations")
        self.add_button = QPushButton("&Add declaration…")
        self.add_button.setObjectName("add_declaration")
        self.cancel_button = QPushButton("Ca&ncel declaration…")
        self.cancel_button.setObjectName("cancel_declaration")
        self.print_button = QPushButton("&Print a declaration form…")
        self.print_button.setObjectName("print_declaration")
        self.add_button.clicked.connect(self.add)
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button.clicked.connect(self.print_form)
        self.table.itemSelectionChanged.connect(self._update)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.warning)
        column.addWidget(self.status)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        ctx.events.changed.connect(self._changed)
        self.load()

    def load(self) -> None:
        """Read the declarations and what the record lacks (small reads, one person)."""
        from grassroots.accounts.gift_aid import declarations_of, missing_for_hmrc
        from grassroots.people.service import get_person

        sessions = self.ctx.sessions
        try:
            self.person_name = get_person(sessions, self.person_id).display_name
            self.declarations = declarations_of(sessions, self.person_id)
            self.missing = missing_for_hmrc(sessions, self.person_id)
        except GrassrootsError:  # erased or merged away while the window was open
            return
        rows = [
            (
                format_date(d.made_on),
                METHOD_LABELS.get(d.method, d.method),
                covers_text(d),
                format_date(d.cancelled_on),
                d.note,
            )
            for d in reversed(self.declarations)
        ]
        self.table.fill(rows, [d.id for d in reversed(self.declarations)])
        self._show_warning()
        self.status.setText(status_text(self.declarations))
        self._update()

    def _show_warning(self) -> None:
        if not self.missing:
            self.warning.hide()
            return
        missing = ", ".join(item.removeprefix("no ") for item in self.missing)
        self.warning.setText(
            "HMRC needs the donor's full name and home address (house name or number and "
            f"postcode) to accept a claim. This record is missing: {missing}. Add them on the "
            "Details tab, or their donations cannot be claimed."
        )
        self.warning.show()

    def _changed(self, area: str) -> None:
        if area in ("members", "accounts"):
            self.load()

    def _selected(self) -> Declaration | None:
        key = self.table.current_key()
        return next((d for d in self.declarations if d.id == key), None)

    def _update(self) -> None:
        chosen = self._selected()
        self.cancel_button.setEnabled(chosen is not None and chosen.cancelled_on is None)

    # ------------------------------------------------------------ actions
    def add(self) -> None:
        self.dialog = DeclarationDialog(self.ctx, self.person_id, self.person_name, self)
        self.dialog.open()

    def cancel(self) -> None:
        chosen = self._selected()
        if chosen is None or chosen.cancelled_on is not None:
            return
        self.dialog = CancelDialog(self.ctx, chosen, self.person_name, self)
        self.dialog.open()

    def print_form(self) -> None:
        from grassroots.ui.widgets.outputs import dated_name

        name = dated_name(f"Gift Aid declaration {self.person_name}", ".pdf")
        path = ask_save_path(self, "Save the declaration form", name, PDF_FILTER)
        if path is None:
            return
        sessions, person_id = self.ctx.sessions, self.person_id

        def job() -> None:
            from grassroots.accounts.gift_aid_forms import print_declaration_form

            print_declaration_form(sessions, path, person_id)

        write_then_offer(self.ctx, self, path, job, "Printing the declaration form…")


class DeclarationForm(QDialog):
    """What adding and cancelling a declaration share: saving in the background, then the
    person's record reloads; a refusal is shown under the field it names (`errors`, by the
    name the books give it) or else on the problem line."""

    ctx: AppContext
    ok: QPushButton
    problem: FieldError
    errors: dict[str, FieldError]

    def _save(self, job: Callable[[], object]) -> None:
        self.ok.setEnabled(False)
        self.ctx.tasks.run(job, self._saved, self._failed, parent=self)

    def _saved(self, _declaration: object) -> None:
        self.ctx.events.changed.emit("members")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        show_failure(self, self.ctx.tasks, exc, self.errors, self.problem)


class DeclarationDialog(DeclarationForm):
    """Record a declaration the person has given."""

    def __init__(self, ctx: AppContext, person_id: int, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person_id
        self.setObjectName("declarationDialog")
        self.setWindowTitle("Add a Gift Aid declaration")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.made_on = DateEdit(required=True)
        self.made_on.setObjectName("declarationMadeOn")
        self.made_on.set_date(date.today())
        self.made_on.setMaximumWidth(140)
        self.method = QComboBox()
        self.method.setObjectName("declarationMethod")
        for key, label in METHOD_LABELS.items():
            self.method.addItem(label, key)
        self.covers = QComboBox()
        self.covers.setObjectName("declarationCovers")
        for label, past, future in COVERS:
            self.covers.addItem(label, (past, future))
        self.note = QLineEdit()
        self.note.setObjectName("declarationNote")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText("e.g. form kept in the Gift Aid file; call notes for oral")
        heading = set_role(QLabel(f"Gift Aid declaration from {name}"), "heading")
        explain = set_role(
            QLabel(
                "Record the declaration as it was given. An oral declaration needs a written "
                "record of it, kept with the date it was made."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        self.made_error = add_field(form, "&Made on", self.made_on)
        self.errors = {"made_on": self.made_error}
        add_field(form, "&How", self.method, with_error=False)
        add_field(form, "&Covers", self.covers, with_error=False)
        add_field(form, "N&ote", self.note, with_error=False)
        self.problem, _buttons, self.ok = frame_form(
            self, heading, explain, form, "&Add declaration", "saveDeclaration", self.submit
        )
        self.made_on.problem_changed.connect(self.made_error.show_error)

    def submit(self) -> None:
        self.made_error.show_error(self.made_on.problem())
        on = self.made_on.date()
        if on is None:
            return
        from grassroots.accounts.gift_aid import record_declaration

        sessions, person_id = self.ctx.sessions, self.person_id
        method, (past, future) = self.method.currentData(), self.covers.currentData()
        note = self.note.text()
        self._save(lambda: record_declaration(sessions, person_id, on, method, past, future, note))


class CancelDialog(DeclarationForm):
    """The donor withdrew a declaration: it stops covering donations after a date."""

    def __init__(
        self, ctx: AppContext, item: Declaration, name: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx, self.item = ctx, item
        self.setObjectName("cancelDeclarationDialog")
        self.setWindowTitle("Cancel a Gift Aid declaration")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.on = DateEdit(required=True)
        self.on.setObjectName("cancelledOn")
        self.on.set_date(date.today())
        self.on.setMaximumWidth(140)
        heading = set_role(QLabel(f"Cancel {name}'s declaration"), "heading")
        explain = set_role(
            QLabel(
                f"Made on {format_date(item.made_on)}. Donations up to the day it is cancelled "
                "are still covered and can still be claimed; later ones are not. The "
                "declaration stays on record."
            ),
            "muted",
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        self.on_error = add_field(form, "Cancelled &on", self.on)
        self.errors = {"cancelled_on": self.on_error}
        self.problem, _buttons, self.ok = frame_form(
            self, heading, explain, form, "Cancel &declaration", "confirmCancel", self.submit
        )
        self.on.problem_changed.connect(self.on_error.show_error)

    def submit(self) -> None:
        self.on_error.show_error(self.on.problem())
        on = self.on.date()
        if on is None:
            return
        from grassroots.accounts.gift_aid import cancel_declaration

        sessions, declaration_id = self.ctx.sessions, self.item.id
        self._save(lambda: cancel_declaration(sessions, declaration_id, on))
