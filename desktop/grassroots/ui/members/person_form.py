"""The person's details form, checked as the user types with the same rules the service uses.

Errors show under a field once the user has touched it, so a fresh form is not a wall of red;
`valid` is False whenever anything is wrong, and the dialog keeps Save disabled until it is not.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from grassroots.core.errors import ValidationError
from grassroots.people.checks import clean_person
from grassroots.people.records import PersonInput
from grassroots.ui.widgets.date_edit import DateEdit
from grassroots.ui.widgets.field_error import FieldError, add_field

TITLES = ("", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Revd", "Prof")
SOURCES = (
    "",
    "Membership form",
    "Event sign-up sheet",
    "Website",
    "Email",
    "Phone call",
    "Word of mouth",
    "Imported list",
)
_TEXT_FIELDS = (
    ("first_name", "&First name"),
    ("last_name", "&Last name"),
    ("preferred_name", "Known as"),
    ("address_line1", "&Address"),
    ("address_line2", "Address line 2"),
    ("town", "T&own"),
    ("county", "County"),
    ("postcode", "Post&code"),
    ("email", "&Email"),
    ("phone", "P&hone"),
    ("mobile", "&Mobile"),
)


class PersonForm(QWidget):
    """Fields for one person; `data()` gives a PersonInput, `validity_changed` tracks errors."""

    validity_changed = Signal(bool)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, QLineEdit] = {}
        for name, _label in _TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(name)
            self.fields[name] = edit
        self.fields["postcode"].setMaximumWidth(120)
        self.fields["postcode"].setPlaceholderText("e.g. LE65 1AA")
        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.addItems(TITLES)
        self.title.setObjectName("title")
        self.title.setMaximumWidth(110)
        self.date_of_birth = DateEdit()
        self.date_of_birth.setObjectName("date_of_birth")
        self.date_of_birth.setMaximumWidth(140)
        self.by_email = QCheckBox("&Email")
        self.by_post = QCheckBox("&Post")
        self.by_phone = QCheckBox("Phone")
        self.source = QComboBox()
        self.source.setEditable(True)
        self.source.addItems(SOURCES)
        self.source.setObjectName("source")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        self.errors: dict[str, FieldError] = {}
        self._touched: set[str] = set()
        self._valid = False
        self._problems: dict[str, str] = {}
        self._build()
        self._connect()
        self.check()

    # ------------------------------------------------------------ layout
    def _build(self) -> None:
        name_box, name = QGroupBox("Name"), QFormLayout()
        self._add(name, "Tit&le", self.title, "title")
        for key in ("first_name", "last_name", "preferred_name"):
            self._add(name, dict(_TEXT_FIELDS)[key], self.fields[key], key)
        self._add(name, "Date of &birth", self.date_of_birth, "date_of_birth")
        name_box.setLayout(name)

        contact_box, contact = QGroupBox("Contact"), QFormLayout()
        for key in ("email", "phone", "mobile"):
            self._add(contact, dict(_TEXT_FIELDS)[key], self.fields[key], key)
        ways = QWidget()
        ways.setAccessibleName("How they want to hear from us")
        row = QHBoxLayout(ways)
        row.setContentsMargins(0, 0, 0, 0)
        for box in (self.by_email, self.by_post, self.by_phone):
            box.setAccessibleName(f"Contact by {box.text().replace('&', '').lower()}")
            row.addWidget(box)
        row.addStretch(1)
        contact.addRow(QLabel("Contact them by"), ways)
        contact_box.setLayout(contact)

        address_box, address = QGroupBox("Address"), QFormLayout()
        for key in ("address_line1", "address_line2", "town", "county", "postcode"):
            self._add(address, dict(_TEXT_FIELDS)[key], self.fields[key], key)
        address_box.setLayout(address)

        more_box, more = QGroupBox("About this record"), QFormLayout()
        self._add(more, "Came &from", self.source, "source")
        self._add(more, "&Notes", self.notes, "notes")
        more_box.setLayout(more)

        for form in (name, contact, address, more):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        _align_labels(name, contact)
        _align_labels(address, more)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.addWidget(name_box, 0, 0)
        grid.addWidget(contact_box, 1, 0)
        grid.addWidget(address_box, 0, 1)
        grid.addWidget(more_box, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        chain = [
            self.title,
            self.fields["first_name"],
            self.fields["last_name"],
            self.fields["preferred_name"],
            self.date_of_birth,
            self.fields["email"],
            self.fields["phone"],
            self.fields["mobile"],
            self.by_email,
            self.by_post,
            self.by_phone,
            self.fields["address_line1"],
            self.fields["address_line2"],
            self.fields["town"],
            self.fields["county"],
            self.fields["postcode"],
            self.source,
            self.notes,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _add(self, form: QFormLayout, label: str, widget: QWidget, key: str) -> None:
        error = add_field(form, label, widget)
        if error is not None:
            self.errors[key] = error

    def _connect(self) -> None:
        for key, edit in self.fields.items():
            edit.textChanged.connect(lambda _t, k=key: self._touch(k))
        self.title.currentTextChanged.connect(lambda _t: self._touch("title"))
        self.date_of_birth.textChanged.connect(lambda _t: self._touch("date_of_birth"))
        self.by_email.toggled.connect(lambda _on: self._touch("email"))
        self.by_post.toggled.connect(lambda _on: self._touch("address_line1"))
        self.by_phone.toggled.connect(lambda _on: self._touch("phone"))
        self.source.currentTextChanged.connect(lambda _t: self._touch("source"))
        self.notes.textChanged.connect(lambda: self._touch("notes"))

    # ------------------------------------------------------------ values
    def data(self) -> PersonInput:
        text = {key: edit.text() for key, edit in self.fields.items()}
        return PersonInput(
            **text,
            title=self.title.currentText(),
            date_of_birth=self.date_of_birth.date(),
            notes=self.notes.toPlainText(),
            contact_by_email=self.by_email.isChecked(),
            contact_by_post=self.by_post.isChecked(),
            contact_by_phone=self.by_phone.isChecked(),
            source=self.source.currentText(),
        )

    def set_data(self, person: PersonInput) -> None:
        for key, edit in self.fields.items():
            edit.setText(getattr(person, key))
        self.title.setCurrentText(person.title)
        self.date_of_birth.set_date(person.date_of_birth)
        self.notes.setPlainText(person.notes)
        self.by_email.setChecked(person.contact_by_email)
        self.by_post.setChecked(person.contact_by_post)
        self.by_phone.setChecked(person.contact_by_phone)
        self.source.setCurrentText(person.source)
        self._touched.clear()
        self.check()

    @property
    def valid(self) -> bool:
        return self._valid

    def touched(self, key: str) -> bool:
        return key in self._touched

    def problems(self) -> dict[str, str]:
        return dict(self._problems)

    # ------------------------------------------------------------ checking
    def _touch(self, key: str) -> None:
        self._touched.add(key)
        if key == "first_name":
            self._touched.add("last_name")
        self.check()
        self.edited.emit()

    def check(self) -> bool:
        """Run the service's own checks on what is typed; show errors on touched fields."""
        problems: dict[str, str] = {}
        try:
            clean_person(self.data())
        except ValidationError as exc:
            problems = dict(exc.fields)
        if self.date_of_birth.problem():
            problems["date_of_birth"] = self.date_of_birth.problem()
        self._problems = problems
        for key, error in self.errors.items():
            error.show_error(problems.get(key, "") if key in self._touched else "")
        valid = not problems
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
        return valid

    def show_all_errors(self, extra: dict[str, str] | None = None) -> None:
        """After a failed save: reveal every problem, including the service's own."""
        self._touched.update(self.errors)
        self.check()
        for key, message in (extra or {}).items():
            if key in self.errors:
                self.errors[key].show_error(message)

    def first_name_edit(self) -> QLineEdit:
        return self.fields["first_name"]


def summary(problems: dict[str, str]) -> str:
    """One line for the dialog's footer explaining why Save is not available."""
    if not problems:
        return ""
    if set(problems) == {"last_name"} and "name" in problems["last_name"]:
        return "Give at least a first name or a last name to save."
    count = len(problems)
    return f"Fix the {count} field{'s' if count > 1 else ''} marked in red to save."


def _align_labels(*forms: QFormLayout) -> None:
    """Give the label columns of forms stacked one above the other the same width, so their
    fields line up."""
    labels = [
        item.widget()
        for form in forms
        for row in range(form.rowCount())
        if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
        and isinstance(item.widget(), QLabel)
    ]
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)
