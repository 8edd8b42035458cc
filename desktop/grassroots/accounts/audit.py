"""The audit trail of the books: every entry added, changed or removed, with before and after.

An independent examiner asks "who changed this, and from what?"; the answer is kept here in
the same transaction as the change itself, so the trail can never miss one.
"""

from __future__ import annotations

import getpass
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from grassroots.accounts.models import AuditRecord, Entry


def entry_snapshot(entry: Entry) -> dict:
    """An entry and its lines as plain values (dates as ISO text, money in pence)."""
    return {
        "account_id": entry.account_id, "on": entry.on.isoformat(),
        "amount_pence": entry.amount_pence, "payee": entry.payee, "person_id": entry.person_id,
        "reference": entry.reference, "method": entry.method, "note": entry.note,
        "lines": [
            {"category_id": line.category_id, "fund_id": line.fund_id,
             "amount_pence": line.amount_pence, "note": line.note}
            for line in entry.lines
        ],
    }  # fmt: skip


def record(session: Session, entry: Entry, action: str, before: dict | None = None) -> None:
    """Note a change to `entry` (after flushing, so it has an id) in the caller's transaction."""
    after = {} if action == "removed" else entry_snapshot(entry)
    session.add(AuditRecord(
        table_name="entries", row_id=entry.id, action=action,
        before=json.dumps(before, sort_keys=True) if before else "",
        after=json.dumps(after, sort_keys=True) if after else "",
        by=changed_by(),
    ))  # fmt: skip


def changed_by() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some services and containers)
        return ""


def forget_person(session: Session, person_id: int) -> None:
    """Erasure: blank the payee and notes that the audit trail copied from a person's entries,
    keeping dates and amounts (the accounts must still add up)."""
    entry_ids = select(Entry.id).where(Entry.person_id == person_id)
    query = select(AuditRecord).where(
        AuditRecord.table_name == "entries", AuditRecord.row_id.in_(entry_ids)
    )
    for row in session.scalars(query):
        row.before, row.after = _without_personal(row.before), _without_personal(row.after)


def _without_personal(text: str) -> str:
    if not text:
        return text
    values = json.loads(text)
    values["payee"], values["note"] = "", ""
    for line in values.get("lines", []):
        line["note"] = ""
    return json.dumps(values, sort_keys=True)
