"""How two people's memberships fold into one when the people are merged.

A person holds at most one membership, so a merge cannot simply re-point the row; this hook
keeps the membership that runs longer and moves every payment onto it. `grassroots.schema`
imports this module, so the hook is in place wherever the tables are.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from grassroots.members.models import Membership
from grassroots.people import service as people_service


def merge_memberships(session: Session, keep_id: int, drop_id: int) -> None:
    keep = session.scalar(select(Membership).where(Membership.person_id == keep_id))
    drop = session.scalar(select(Membership).where(Membership.person_id == drop_id))
    if keep is None or drop is None:
        return
    keep_runs_longer = keep.expires_on is None or (
        drop.expires_on is not None and keep.expires_on >= drop.expires_on
    )
    if not keep_runs_longer and drop.ended_on is None:
        keep.type_id, keep.expires_on, keep.ended_on = drop.type_id, drop.expires_on, None
    keep.joined_on = min(keep.joined_on, drop.joined_on)
    for payment in list(drop.subscriptions):
        payment.membership = keep
    session.flush()
    session.delete(drop)
    session.flush()


if merge_memberships not in people_service.MERGE_HOOKS:
    people_service.MERGE_HOOKS.append(merge_memberships)
