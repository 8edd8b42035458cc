"""How two people's memberships fold into one when the people are merged.

A person holds at most one membership, so a merge cannot simply re-point the row; this hook
keeps the better membership (one that has not ended, then the one that runs longer) and moves
every payment onto it. `grassroots.schema.merge_hooks` names it.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from grassroots.members.models import Membership


def merge_memberships(session: Session, keep_id: int, drop_id: int) -> None:
    keep = session.scalar(select(Membership).where(Membership.person_id == keep_id))
    drop = session.scalar(select(Membership).where(Membership.person_id == drop_id))
    if keep is None or drop is None:
        return
    if _better(drop, keep):
        keep.type_id, keep.expires_on = drop.type_id, drop.expires_on
        keep.ended_on, keep.ended_reason = drop.ended_on, drop.ended_reason
    keep.joined_on = min(keep.joined_on, drop.joined_on)
    for payment in list(drop.subscriptions):
        payment.membership = keep
    session.flush()
    session.delete(drop)
    session.flush()


def _better(one: Membership, other: Membership) -> bool:
    """Is `one` the membership to keep: live before ended, then the later (or no) expiry."""

    def rank(m: Membership) -> tuple:
        return (m.ended_on is None, m.expires_on is None, m.expires_on or m.joined_on)

    return rank(one) > rank(other)
