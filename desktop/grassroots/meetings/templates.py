"""The standard agendas a meeting starts from, by kind of meeting.

These follow the usual order of a small charity's meetings (as in the Charity Commission's
guidance on meetings and the model constitutions of NCVO and the CIO foundation): apologies and
declarations of interest first, the last minutes before new business, any other business last.
The AGM adds the business the law and most constitutions require of it each year.
"""

from __future__ import annotations

Item = tuple[str, str]  # (kind, title)

_OPENING: tuple[Item, ...] = (
    ("welcome", "Welcome and apologies"),
    ("declarations", "Declarations of interest"),
)

COMMITTEE: tuple[Item, ...] = (
    *_OPENING,
    ("last_minutes", "Minutes of the last meeting"),
    ("matters_arising", "Matters arising"),
    ("treasurers_report", "Treasurer's report"),
    ("reports", "Reports"),
    ("aob", "Any other business"),
    ("next_meeting", "Date of next meeting"),
)

AGM: tuple[Item, ...] = (
    *_OPENING,
    ("last_minutes", "Minutes of the last annual general meeting"),
    ("matters_arising", "Matters arising"),
    ("trustees_report", "Trustees' annual report"),
    ("accounts", "Annual accounts and the independent examiner's report"),
    ("elections", "Election of officers and trustees"),
    ("examiner", "Appointment of the independent examiner"),
    ("aob", "Any other business"),
    ("next_meeting", "Date of next annual general meeting"),
)

# An EGM may only deal with the business its notice gave, so it has no matters arising or AOB.
EGM: tuple[Item, ...] = (
    *_OPENING,
    ("standard", "Business of the meeting as given in the notice"),
)

SUBGROUP: tuple[Item, ...] = (
    ("welcome", "Welcome and apologies"),
    ("last_minutes", "Notes of the last meeting"),
    ("matters_arising", "Matters arising"),
    ("reports", "Updates"),
    ("aob", "Any other business"),
    ("next_meeting", "Date of next meeting"),
)

OPEN: tuple[Item, ...] = (
    ("welcome", "Welcome and introductions"),
    ("standard", "Main business"),
    ("aob", "Questions and any other business"),
)

TEMPLATES: dict[str, tuple[Item, ...]] = {
    "committee": COMMITTEE,
    "agm": AGM,
    "egm": EGM,
    "subgroup": SUBGROUP,
    "open": OPEN,
}

# Whose open actions a new meeting takes up into its matters arising, by the kind of meeting
# they were last minuted at: the committee follows up its own and the general meetings'.
CARRIES_FROM: dict[str, tuple[str, ...]] = {
    "committee": ("committee", "agm", "egm"),
    "agm": ("agm",),
    "egm": (),
    "subgroup": ("subgroup",),
    "open": (),
}


def template_for(kind: str) -> tuple[Item, ...]:
    return TEMPLATES[kind]
