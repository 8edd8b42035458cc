"""CSV column mappings saved under a name, so a bank's unusual headings are mapped only once.

The import window offers to save the columns a treasurer chose (named after the bank or the
account, say 'Unity Trust'); the command line then uses them as `--mapping NAME`. A mapping is
field -> heading, the same as read_csv_statement takes, kept as JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.models import StatementMapping
from grassroots.accounts.statement_csv import FIELDS
from grassroots.core.errors import NotFound, ValidationError


@dataclass(frozen=True)
class SavedMapping:
    name: str
    mapping: dict[str, str]


def _decoded(text: str) -> dict[str, str]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def list_mappings(sessions: sessionmaker[Session]) -> list[SavedMapping]:
    """Every saved mapping, by name."""
    with sessions() as session:
        rows = session.scalars(select(StatementMapping).order_by(StatementMapping.name))
        return [SavedMapping(row.name, _decoded(row.mapping)) for row in rows]


def _row_named(session: Session, name: str) -> StatementMapping | None:
    return session.scalar(
        select(StatementMapping).where(
            func.lower(StatementMapping.name) == " ".join(name.split()).lower()
        )
    )


def mapping_named(sessions: sessionmaker[Session], name: str) -> SavedMapping:
    """The mapping saved under `name` (any case); NotFound names the ones there are."""
    with sessions() as session:
        row = _row_named(session, name)
        if row is None:
            known = ", ".join(session.scalars(select(StatementMapping.name).order_by("name")))
            hint = f"the saved ones are: {known}" if known else "none has been saved yet"
            raise NotFound(f"There is no column mapping called '{name.strip()}'; {hint}")
        return SavedMapping(row.name, _decoded(row.mapping))


def save_mapping(
    sessions: sessionmaker[Session], name: str, mapping: dict[str, str]
) -> SavedMapping:
    """Save (or replace) the mapping under `name`; blank headings are left out."""
    name = " ".join(name.split())
    kept = {field: heading for field, heading in mapping.items() if heading}
    problems = {}
    if not name:
        problems["name"] = "Give the column mapping a name, e.g. the bank's"
    elif len(name) > 100:
        problems["name"] = "The name can be at most 100 characters"
    wrong = sorted(set(kept) - set(FIELDS))
    if wrong:
        problems["mapping"] = f"Unknown fields {', '.join(wrong)}; use {', '.join(FIELDS)}"
    elif "date" not in kept or not ("amount" in kept or {"paid_in", "paid_out"} <= kept.keys()):
        problems["mapping"] = "Choose a Date column and an Amount column (or Paid in and Paid out)"
    if problems:
        raise ValidationError(problems)
    with sessions.begin() as session:
        row = _row_named(session, name) or StatementMapping(name=name)
        row.name = name
        row.mapping = json.dumps(kept, sort_keys=True)
        session.add(row)
    return SavedMapping(name, kept)
