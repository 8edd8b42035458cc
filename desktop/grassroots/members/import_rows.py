"""Reading one row of an import file: what it says, or every problem that stops it.

Each problem names the spreadsheet row and the column as the user headed it, so they can find
it in their own file. A row is checked on its own here; checks across rows (duplicates,
membership numbers) come after, in import_checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from grassroots.core.dates import as_date, format_date
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money
from grassroots.group.service import GroupSettings
from grassroots.members.columns import (
    FIELD_LABELS,
    parse_method,
    parse_yes_no,
    split_name,
    unguard_formula,
)
from grassroots.members.models import PAYMENT_METHODS, MembershipType
from grassroots.members.records import PaymentInput
from grassroots.members.sheets import Cell
from grassroots.members.terms import period_from
from grassroots.people.checks import clean_person
from grassroots.people.records import PersonInput

T = TypeVar("T")

CONTACT_FLAGS = ("contact_by_email", "contact_by_post", "contact_by_phone")
# The person's fields that the file gives as plain text: all but a date and yes/no answers.
_TEXT_FIELDS = tuple(
    f.name
    for f in fields(PersonInput)
    if f.name in FIELD_LABELS and f.name not in ("date_of_birth", *CONTACT_FLAGS)
)
_MEMBERSHIP_FIELDS = (
    "number",
    "joined_on",
    "expires_on",
    "ended_on",
    "ended_reason",
    "amount",
    "paid_on",
)
_REASON_LENGTH = 200  # the longest reason for leaving a membership keeps
_FALLBACKS = {  # where a field's value came from when the file has no column of its own
    "first_name": "name",
    "last_name": "name",
    "email": "contact_by_email",
    "address_line1": "contact_by_post",
    "type": "membership_type",
}


@dataclass(frozen=True)
class RowError:
    """One problem: the spreadsheet row, the column as the user named it, and why."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"Row {self.row}, {self.column}" if self.column else f"Row {self.row}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class RowPlan:
    """A row that passed every check on its own, ready to be written."""

    row: int
    person: PersonInput
    type_id: int | None = None
    number: int | None = None
    joined_on: date | None = None
    expires_on: date | None = None
    payment: PaymentInput | None = None
    ended_on: date | None = None
    ended_reason: str = ""


@dataclass(frozen=True)
class KnownType:
    """A membership type as the import needs it: to match a name and to work out a period."""

    id: int
    name: str
    period_months: int


def load_types(session: Session) -> list[KnownType]:
    query = select(MembershipType.id, MembershipType.name, MembershipType.period_months)
    return [KnownType(*row) for row in session.execute(query.order_by(MembershipType.id))]


def cell_text(value: Cell) -> str:
    """A cell as text; the apostrophe a CSV export puts before formula-like text comes off."""
    return format_date(value) if isinstance(value, date) else unguard_formula(str(value).strip())


def _type_key(name: str) -> str:
    return " ".join(name.lower().split())


class RowReader:
    """Turns one row into a RowPlan, or into the errors that stop it, naming the user's columns."""

    def __init__(
        self,
        headers: Sequence[str],
        mapping: dict[str, int],
        types: list[KnownType],
        default_type_id: int | None,
        settings: GroupSettings,
        today: date,
    ):
        self.headers, self.mapping, self.today = headers, mapping, today
        self.types = {_type_key(t.name): t for t in types}
        self.type_names = ", ".join(t.name for t in types)
        self.default_type_id, self.settings = default_type_id, settings
        self.names_mapped = any(f in mapping for f in ("first_name", "last_name", "name"))

    def column(self, field: str) -> str:
        """The header the user gave the column holding `field` (or where its value came from)."""
        for candidate in (field, _FALLBACKS.get(field)):
            if candidate in self.mapping:
                index = self.mapping[candidate]
                return self.headers[index] or f"Column {_letters(index)}"
        return FIELD_LABELS.get(field, FIELD_LABELS.get(_FALLBACKS.get(field, ""), field))

    def read_all(
        self, rows: Iterable[tuple[int, tuple[Cell, ...]]]
    ) -> tuple[list[RowPlan], list[RowError], int]:
        """Plans for the good rows, errors for the rest, and how many rows were blank."""
        plans: list[RowPlan] = []
        errors: list[RowError] = []
        blank = 0
        for number, values in rows:
            texts = tuple(cell_text(v) for v in values)
            if not any(texts):
                blank += 1
                continue
            result = self.read(number, values, texts)
            if isinstance(result, RowPlan):
                plans.append(result)
            else:
                errors.extend(result)
        return plans, errors, blank

    def read(
        self, row: int, values: tuple[Cell, ...], texts: tuple[str, ...] | None = None
    ) -> RowPlan | list[RowError]:
        """A plan for one row, or its errors. `texts` is each cell as text, if already known
        (every cell is read as text once per row, however many checks look at it)."""
        self.row, self.values, self.errors = row, values, []
        self.texts = texts if texts is not None else tuple(cell_text(v) for v in values)
        person = self._person()
        plan = self._membership(person or PersonInput())  # checked even so, to report it all
        return self.errors if self.errors or person is None else plan

    def _cell(self, field: str) -> Cell:
        index = self.mapping.get(field)
        return self.values[index] if index is not None else ""

    def _str(self, field: str) -> str:
        index = self.mapping.get(field)
        return self.texts[index] if index is not None else ""

    def _fail(self, field: str, reason: str) -> None:
        self.errors.append(RowError(self.row, self.column(field), reason))

    def _parsed(self, field: str, parse: Callable[[Cell], T]) -> T | None:
        """parse(cell) for a non-blank cell, None for a blank one; a ValueError is an error."""
        cell = self._cell(field)
        if not self._str(field):
            return None
        try:
            return parse(cell)
        except ValueError as exc:
            self._fail(field, str(exc))
            return None

    def _person(self) -> PersonInput | None:
        values: dict[str, object] = {name: self._str(name) for name in _TEXT_FIELDS}
        if not values["first_name"] and not values["last_name"] and self._str("name"):
            title, values["first_name"], values["last_name"] = split_name(self._str("name"))
            values["title"] = values["title"] or title
        values["date_of_birth"] = self._parsed("date_of_birth", as_date)
        for flag in CONTACT_FLAGS:
            values[flag] = bool(self._parsed(flag, lambda c: parse_yes_no(cell_text(c))))
        try:
            return clean_person(PersonInput(**values), self.today)
        except ValidationError as exc:
            for field, reason in exc.fields.items():
                self._fail(field, reason)
            return None

    def _membership(self, person: PersonInput) -> RowPlan | None:
        kind = self._kind()
        number = self._parsed("number", _member_number)
        joined = self._parsed("joined_on", as_date)
        expires = self._parsed("expires_on", as_date)
        amount = self._parsed("amount", lambda c: Money.parse(cell_text(c)))
        paid_on = self._parsed("paid_on", as_date)
        method = self._parsed("method", lambda c: parse_method(cell_text(c), PAYMENT_METHODS))
        if kind is None:
            given = [self.column(f) for f in _MEMBERSHIP_FIELDS if self._str(f)]
            if given and not self._str("membership_type"):
                reason = f"{given[0]} is filled in but there is no membership type"
                self._fail("membership_type", reason)
            return RowPlan(self.row, person)
        if amount is not None and amount.pence < 0:
            self._fail("amount", "A payment cannot be negative")
        self._not_future("paid_on", paid_on)
        if paid_on is not None and not self._str("amount"):
            self._fail("amount", "A payment date is given but no amount paid")
        joined = joined or paid_on or self.today
        if expires is None:
            expires = period_from(joined, kind.period_months, self.settings)
        else:
            self._not_before_joining("expires_on", expires, joined)
        payment = None
        if amount is not None:
            payment = PaymentInput(paid_on or joined, amount, method or "cash")
        ended_on, reason = self._ended(joined)
        return RowPlan(
            self.row, person, kind.id, number, joined, expires, payment, ended_on, reason
        )

    def _ended(self, joined: date) -> tuple[date | None, str]:
        """When and why a membership ended, so a past member comes back ended, not lapsed."""
        ended_on = self._parsed("ended_on", as_date)
        reason = self._str("ended_reason")
        self._not_before_joining("ended_on", ended_on, joined)
        self._not_future("ended_on", ended_on)
        if reason and ended_on is None and not self._str("ended_on"):
            self._fail("ended_reason", "A reason for leaving is given but not the date it ended")
        if len(reason) > _REASON_LENGTH:
            self._fail("ended_reason", f"Keep the reason to {_REASON_LENGTH} characters")
        return ended_on, reason

    def _not_future(self, field: str, when: date | None) -> None:
        """A date after tomorrow has not happened yet (tomorrow is let through)."""
        if when is not None and when > self.today + timedelta(days=1):
            self._fail(field, f"{format_date(when)} is in the future")

    def _not_before_joining(self, field: str, when: date | None, joined: date) -> None:
        if when is not None and when < joined:
            self._fail(field, f"{format_date(when)} is before the joining date")

    def _kind(self) -> KnownType | None:
        name = self._str("membership_type")
        if not name:
            default = self.default_type_id
            return next((t for t in self.types.values() if t.id == default), None)
        kind = self.types.get(_type_key(name))
        if kind is None:
            self._fail(
                "membership_type",
                f"'{name}' is not a membership type (the types are: {self.type_names})",
            )
        return kind


def _member_number(cell: Cell) -> int:
    text = cell_text(cell).lstrip("#")
    if not text.isdigit() or int(text) == 0:
        raise ValueError(f"'{cell_text(cell)}' is not a membership number (use a whole number)")
    return int(text)


def _letters(index: int) -> str:
    """0 -> 'A', 26 -> 'AA': how a spreadsheet names a column."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name
