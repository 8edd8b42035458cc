"""A field for choosing one person: type part of a name and pick from the list that drops
down. The people of the task at hand (a meeting's attendees) are offered first; anyone else on
record is found as you type, a dozen at a time, so the field is as quick with 100,000 people
as with 50."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from grassroots.people.choice import PersonChoice, people_matching

NOT_CHOSEN = "Choose someone from the list (type part of their name)"


class PersonField(QLineEdit):
    """`person_id()` is the chosen person or None; `problem()` says when what is typed is not a
    person on record."""

    person_changed = Signal(object)  # the person id, or None

    def __init__(self, sessions: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.sessions = sessions
        self._usual: tuple[PersonChoice, ...] = ()
        self._shown: dict[str, PersonChoice] = {}
        self._person: PersonChoice | None = None
        self.setMaxLength(120)
        self.setPlaceholderText("Type part of a name")
        self.setClearButtonEnabled(True)
        self.names = QStringListModel(self)
        self.completer_ = QCompleter(self.names, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self.completer_)
        self.completer_.activated.connect(self._picked)
        self.textEdited.connect(self._typed)

    # ------------------------------------------------------------ choosing
    def offer(self, people: tuple[PersonChoice, ...]) -> None:
        """The people most likely wanted (shown first, and on an empty field)."""
        self._usual = people

    def person_id(self) -> int | None:
        return None if self._person is None else self._person.id

    def person(self) -> PersonChoice | None:
        return self._person

    def set_person(self, person_id: int | None, name: str = "") -> None:
        """Show a person already chosen (or nobody)."""
        self._person = None if person_id is None else PersonChoice(person_id, name, "")
        self.setText(name if person_id is not None else "")

    def choose(self, person: PersonChoice) -> None:
        """Choose `person` as if picked from the list."""
        self._person = person
        self.setText(person.name)
        self.person_changed.emit(person.id)

    def problem(self) -> str:
        return NOT_CHOSEN if self.text().strip() and self._person is None else ""

    def matches(self, text: str) -> tuple[PersonChoice, ...]:
        """What the list offers for `text`: the usual people who match, then others on record."""
        words = text.lower().split()
        usual = tuple(p for p in self._usual if all(w in p.label.lower() for w in words))
        if not words:
            return self._usual
        found = people_matching(self.sessions, text)
        seen = {p.id for p in usual}
        return usual + tuple(p for p in found if p.id not in seen)

    def _typed(self, text: str) -> None:
        if self._person is not None:
            self._person = None
            self.person_changed.emit(None)
        choices = self.matches(text)
        self._shown = {p.label: p for p in choices}
        self.names.setStringList(list(self._shown))
        if choices and self.hasFocus():
            self.completer_.complete()

    def _picked(self, label: str) -> None:
        person = self._shown.get(label)
        if person is not None:
            self.choose(person)
