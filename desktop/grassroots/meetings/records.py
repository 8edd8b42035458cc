"""What the meetings services hand back and take in: plain frozen dataclasses, never rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

KIND_LABELS = {
    "committee": "Committee meeting",
    "agm": "Annual general meeting",
    "egm": "Extraordinary general meeting",
    "subgroup": "Sub-group meeting",
    "open": "Open meeting",
}
ITEM_KIND_LABELS = {
    "standard": "Item",
    "welcome": "Welcome and apologies",
    "declarations": "Declarations of interest",
    "last_minutes": "Minutes of the last meeting",
    "matters_arising": "Matters arising",
    "treasurers_report": "Treasurer's report",
    "reports": "Reports",
    "trustees_report": "Trustees' annual report",
    "accounts": "Annual accounts",
    "elections": "Elections",
    "examiner": "Independent examiner",
    "aob": "Any other business",
    "next_meeting": "Date of next meeting",
}
STATUS_LABELS = {
    "invited": "Invited",
    "present": "Present",
    "apologies": "Apologies",
    "absent": "Absent",
    "guest": "Guest",
}


@dataclass(frozen=True)
class MeetingInput:
    """What a secretary types to plan a meeting; `title` defaults to the kind's name."""

    kind: str
    on: date
    title: str = ""
    starts_at: time | None = None
    ends_at: time | None = None
    venue: str = ""
    chair_id: int | None = None
    minute_taker_id: int | None = None
    notice_sent_on: date | None = None
    room_id: int | None = None


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    kind: str
    title: str
    on: date
    starts_at: time | None
    venue: str
    minutes_approved_on: date | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def locked(self) -> bool:
        return self.minutes_approved_on is not None


@dataclass(frozen=True)
class AttendeeRow:
    person_id: int
    name: str
    status: str
    note: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class DecisionInput:
    motion: str
    proposer_id: int | None = None
    seconder_id: int | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    carried: bool = True


@dataclass(frozen=True)
class DecisionRow:
    id: int
    item_id: int
    motion: str
    proposer_id: int | None
    proposer_name: str
    seconder_id: int | None
    seconder_name: str
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    carried: bool


@dataclass(frozen=True)
class ActionInput:
    what: str
    owner_id: int | None = None
    due_on: date | None = None


@dataclass(frozen=True)
class ActionRow:
    id: int
    item_id: int
    what: str
    owner_id: int | None
    owner_name: str
    due_on: date | None
    status: str
    done_on: date | None
    carried_from_action_id: int | None


@dataclass(frozen=True)
class AgendaItemRow:
    id: int
    position: int
    kind: str
    title: str
    presenter_id: int | None
    presenter_name: str
    minutes_allowed: int | None
    papers: str
    notes: str
    decisions: tuple[DecisionRow, ...] = ()
    actions: tuple[ActionRow, ...] = ()


@dataclass(frozen=True)
class AmendmentRow:
    id: int
    item_id: int | None
    made_on: date
    text: str
    agreed_at_meeting_id: int | None
    recorded_at: datetime


@dataclass(frozen=True)
class MeetingDetail:
    """A whole meeting as the agenda, the minutes and their printouts need it."""

    id: int
    kind: str
    title: str
    on: date
    starts_at: time | None
    ends_at: time | None
    venue: str
    chair_id: int | None
    chair_name: str
    minute_taker_id: int | None
    minute_taker_name: str
    notice_sent_on: date | None
    minutes_approved_on: date | None
    approved_by: str
    approved_at: datetime | None
    attendance: tuple[AttendeeRow, ...] = ()
    items: tuple[AgendaItemRow, ...] = ()
    amendments: tuple[AmendmentRow, ...] = ()
    room_id: int | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def locked(self) -> bool:
        return self.minutes_approved_on is not None

    def with_status(self, status: str) -> tuple[AttendeeRow, ...]:
        return tuple(a for a in self.attendance if a.status == status)

    def as_input(self) -> MeetingInput:
        """The meeting's details as the form that plans it (for changing them)."""
        return MeetingInput(
            self.kind, self.on, self.title, self.starts_at, self.ends_at, self.venue,
            self.chair_id, self.minute_taker_id, self.notice_sent_on, self.room_id,
        )  # fmt: skip


@dataclass(frozen=True)
class QuorumCheck:
    """Whether the meeting is quorate, with the sum behind it in words for the chair."""

    met: bool
    present: int
    needed: int
    reason: str


@dataclass(frozen=True)
class NoticeCheck:
    """Whether the notice given (or, if none is recorded yet, notice sent on `sent_on`) is
    long enough; `send_by` is the last day notice can go out and still be in time."""

    ok: bool
    sent_on: date
    clear_days: int
    required_days: int
    send_by: date
    message: str


@dataclass(frozen=True)
class ApprovalResult:
    """Minutes approved; `warnings` says what the secretary should still look at (an earlier
    meeting whose minutes were never approved), without having stopped the approval."""

    meeting: MeetingDetail
    warnings: tuple[str, ...] = field(default_factory=tuple)
    previous_unapproved: MeetingSummary | None = None


@dataclass(frozen=True)
class TrackedAction:
    """An action still to do, wherever it now stands, with the meeting it was last minuted at."""

    id: int
    what: str
    owner_id: int | None
    owner_name: str
    due_on: date | None
    status: str
    meeting_id: int
    meeting_title: str
    meeting_on: date
    overdue: bool
