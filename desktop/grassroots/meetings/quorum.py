"""Is the meeting quorate? The group's constitution (in its settings) says how many must be
present: for committee and sub-group meetings a number, a fraction of the trustees, or the
greater of the two; for general meetings (AGM, EGM) a number of members. Open meetings take
no decisions for the group and have no quorum.

The trustees are counted as the people on the meeting's list who are not guests, since a
committee meeting invites the committee. `trustees` overrides that count when it is known
from elsewhere (once trustees are recorded as such).
"""

from __future__ import annotations

from math import ceil

from sqlalchemy.orm import Session, sessionmaker

from grassroots.group.service import GroupSettings, get_settings
from grassroots.meetings.locks import load_meeting
from grassroots.meetings.records import QuorumCheck

_FRACTION_WORDS = {(1, 2): "half", (1, 3): "one third", (2, 3): "two thirds", (1, 4): "a quarter"}


def fraction_words(numerator: int, denominator: int) -> str:
    return _FRACTION_WORDS.get((numerator, denominator), f"{numerator}/{denominator}")


def quorum_needed(settings: GroupSettings, kind: str, trustees: int) -> tuple[int, str]:
    """How many must be present, and that rule in words."""
    if kind in ("agm", "egm"):
        number = settings.general_quorum_number
        return number, f"{number} members for a general meeting"
    share = fraction_words(settings.quorum_numerator, settings.quorum_denominator)
    by_fraction = max(1, ceil(trustees * settings.quorum_numerator / settings.quorum_denominator))
    fraction_rule = f"{share} of {trustees} trustees"
    if settings.quorum_rule == "fraction":
        return by_fraction, fraction_rule
    if settings.quorum_rule == "greater":
        needed = max(settings.quorum_number, by_fraction)
        return needed, f"{fraction_rule} or {settings.quorum_number}, whichever is more"
    return settings.quorum_number, f"{settings.quorum_number} trustees"


def judge_quorum(settings: GroupSettings, kind: str, present: int, trustees: int) -> QuorumCheck:
    if kind == "open":
        return QuorumCheck(True, present, 0, "An open meeting has no quorum.")
    needed, rule = quorum_needed(settings, kind, trustees)
    people = "person" if present == 1 else "people"
    if present >= needed:
        reason = f"Quorate: {present} {people} present; the quorum is {needed} ({rule})."
        return QuorumCheck(True, present, needed, reason)
    reason = (
        f"Not quorate: {present} {people} present, but the quorum is {needed} ({rule}). "
        "The meeting cannot make decisions for the group."
    )
    return QuorumCheck(False, present, needed, reason)


def check_quorum(
    sessions: sessionmaker[Session], meeting_id: int, trustees: int | None = None
) -> QuorumCheck:
    settings = get_settings(sessions)
    with sessions() as session:
        meeting = load_meeting(session, meeting_id)
        statuses = [a.status for a in meeting.attendance]
        kind = meeting.kind
    present = statuses.count("present")
    body = trustees if trustees is not None else len([s for s in statuses if s != "guest"])
    return judge_quorum(settings, kind, present, body)
