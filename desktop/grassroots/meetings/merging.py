"""How two people's places at meetings fold into one when the people are merged.

A person has at most one attendance row per meeting, so where both were recorded at the same
meeting the dropped row goes, and the kept row takes the stronger status (present beats
apologies beats absent beats invited) and both notes. `grassroots.schema.merge_hooks` names it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from grassroots.meetings.models import Attendance

_STRENGTH = ("invited", "absent", "guest", "apologies", "present")


def merge_attendance(session: Session, keep_id: int, drop_id: int) -> None:
    kept = {
        row.meeting_id: row
        for row in session.scalars(select(Attendance).where(Attendance.person_id == keep_id))
    }
    for row in session.scalars(select(Attendance).where(Attendance.person_id == drop_id)):
        keep = kept.get(row.meeting_id)
        if keep is None:
            continue
        if _STRENGTH.index(row.status) > _STRENGTH.index(keep.status):
            keep.status = row.status
        keep.note = "; ".join(n for n in (keep.note, row.note) if n)[:200]
        session.delete(row)
    session.flush()
