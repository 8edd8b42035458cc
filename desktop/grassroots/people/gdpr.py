"""UK GDPR for one person: everything held about them (subject access), and erasure.

Both walk every table that points at a person, and the tables that point at those, so an area
added later is covered without changing this module. Each table says in its `info` what it is,
why it is held and how long it is kept; that text goes into the subject access pack.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Table, and_, delete, or_, select, true, update
from sqlalchemy.orm import Session, sessionmaker

from grassroots import schema
from grassroots.db.base import utc_now
from grassroots.group.service import get_settings
from grassroots.people.models import Consent, Person
from grassroots.people.records import full_name
from grassroots.people.service import forget_empty_household, load_person

# Columns that are internal plumbing, not information about the person.
_HIDDEN = {"search_text", "person_id", "membership_id", "household_id", "logo_png"}
ERASED_NAME = "Erased person"


@dataclass(frozen=True)
class AccessSection:
    title: str
    purpose: str
    kept: str
    rows: tuple[tuple[tuple[str, str], ...], ...]


@dataclass(frozen=True)
class SubjectAccessPack:
    person_id: int
    person_name: str
    group_name: str
    made_on: date
    sections: tuple[AccessSection, ...] = field(default_factory=tuple)

    def to_json(self) -> str:
        return json.dumps(
            {
                "person": self.person_name,
                "held_by": self.group_name,
                "made_on": self.made_on.isoformat(),
                "sections": [
                    {
                        "title": s.title,
                        "purpose": s.purpose,
                        "kept_for": s.kept,
                        "records": [dict(row) for row in s.rows],
                    }
                    for s in self.sections
                ],
            },
            indent=2,
            ensure_ascii=False,
        )


def _label(column_name: str) -> str:
    return column_name.replace("_pence", "").replace("_", " ").capitalize()


def _text(value: object, column_name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if column_name.endswith("_pence") and isinstance(value, int):
        return f"£{Decimal(value) / 100:,.2f}"
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M UTC")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _rows(session: Session, table: Table, where) -> list[dict]:
    return [dict(r._mapping) for r in session.execute(select(table).where(where))]


def _named(session: Session, table: Table, row: dict) -> dict:
    """Show a link to a named thing (a membership type, say) by its name, not its number."""
    shown = {}
    for key, value in row.items():
        column = table.c[key]
        targets = [fk.column.table for fk in column.foreign_keys]
        if value is not None and targets and "name" in targets[0].c and key not in _HIDDEN:
            target = targets[0]
            shown[key.removesuffix("_id")] = session.scalar(
                select(target.c.name).where(target.c.id == value)
            )
        else:
            shown[key] = value
    return shown


def _section(session: Session, table: Table, rows: list[dict]) -> AccessSection:
    info = table.info
    shown = tuple(
        tuple(
            (_label(k), _text(v, k))
            for k, v in _named(session, table, row).items()
            if k not in _HIDDEN and k != "id" and v not in (None, "")
        )
        for row in rows
    )
    return AccessSection(
        info.get("title", table.name.replace("_", " ").capitalize()),
        info.get("purpose", ""),
        info.get("kept", ""),
        shown,
    )


def _linked_tables(parent: Table) -> list[tuple[Table, object]]:
    return [
        (table, fk.parent)
        for table in schema.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table is parent
    ]


def _not_someone_else(table: Table, person_id: int):
    """A row reached through another record that names a different person (someone else's
    attendance at a meeting this person chaired) is that person's data, not this one's."""
    people = [fk.parent for fk in table.foreign_keys if fk.column.table is Person.__table__]
    return and_(true(), *(or_(c.is_(None), c == person_id) for c in people))


def subject_access(sessions: sessionmaker[Session], person_id: int) -> SubjectAccessPack:
    """Everything held about one person, grouped by table, with purposes and how long kept."""
    people = Person.__table__
    group = get_settings(sessions)
    with sessions() as session:
        person = load_person(session, person_id)
        sections = [_section(session, people, _rows(session, people, people.c.id == person_id))]
        if person.household is not None:
            sections.append(
                AccessSection(
                    "Household",
                    "To send one letter to people who live together.",
                    "While anyone in it is on our records.",
                    ((("Household", person.household.name),),),
                )
            )
        for table, column in _linked_tables(people):
            rows = _rows(session, table, column == person_id)
            if rows:
                sections.append(_section(session, table, rows))
            for child, child_column in _linked_tables(table):
                ids = [r["id"] for r in rows]
                mine = and_(child_column.in_(ids), _not_someone_else(child, person_id))
                child_rows = _rows(session, child, mine) if ids else []
                if child_rows:
                    sections.append(_section(session, child, child_rows))
        return SubjectAccessPack(
            person_id,
            full_name(person.title, person.first_name, person.last_name),
            group.name,
            date.today(),
            tuple(sections),
        )


def erase_person(sessions: sessionmaker[Session], person_id: int) -> None:
    """Remove a person's personal data. Records the law makes us keep (payments) stay, linked
    to an anonymous 'Erased person' so the accounts still add up; free text on those records
    (columns marked `info={"personal": True}`) is blanked, and a household left empty goes."""
    people = Person.__table__
    with sessions.begin() as session:
        person = load_person(session, person_id)
        household = person.household
        for column in people.columns:
            if column.name in {"id", "created_at", "household_id"}:
                continue
            if column.default is not None and not callable(column.default.arg):
                setattr(person, column.key, column.default.arg)
            elif column.nullable:
                setattr(person, column.key, None)
        person.last_name = ERASED_NAME
        person.household = None
        person.erased_at = utc_now()
        session.execute(delete(Consent).where(Consent.person_id == person_id))
        for table, column in _linked_tables(people):
            ids = [r["id"] for r in _rows(session, table, column == person_id)]
            _blank_personal(session, table, column == person_id)
            for child, child_column in _linked_tables(table):
                _blank_personal(session, child, child_column.in_(ids))
        for hook in schema.erase_hooks():
            hook(session, person_id)
        session.flush()
        forget_empty_household(session, household)


def _blank_personal(session: Session, table: Table, where) -> None:
    personal = [c for c in table.columns if c.info.get("personal")]
    if personal:
        session.execute(update(table).where(where).values({c.name: "" for c in personal}))
