"""Ten years of the demo group's meetings: the committee every two months and the AGM each year.

Each meeting is what the meetings services would have made of it: the standard agenda of its
kind, the committee's attendance (a few apologies each time), short minutes under each item,
decisions with a proposer and seconder, and actions with an owner and a due date. Open actions
are carried into the next meeting's matters arising exactly as `carry_open_actions_into` does
(a new row pointing back at the one before), so the action tracker reads the demo as it reads
real minutes. Minutes are approved at the next meeting of the same kind (the committee
approves its own minutes, the AGM the last AGM's); the latest of each is still a draft, and the
next committee meeting is planned, with its invitations out.

The rows are written through the ORM in the demo's one transaction, not through the services:
each service opens its own transaction, which would wait on the demo's. About seventy meetings
of a dozen rows each take a fraction of a second this way, whatever the size of the demo.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from sqlalchemy import func, select

from grassroots.core.dates import add_months, financial_year_start, format_date
from grassroots.core.money import Money
from grassroots.demo.context import DemoContext, DemoPerson, instant
from grassroots.meetings.models import Action, AgendaItem, Attendance, Decision, Meeting
from grassroots.meetings.records import KIND_LABELS
from grassroots.meetings.templates import CARRIES_FROM, template_for

YEARS = 10
COMMITTEE_SIZE = 8
CHAIR, SECRETARY, TREASURER = 0, 1, 2
OVERDUE = 2  # open actions left past their due date, for the tracker and Home to show
VENUES = {"committee": "Committee room", "agm": "Main hall"}
STARTS = {"committee": time(19, 30), "agm": time(19, 0)}
ENDS = {"committee": time(21, 0), "agm": time(20, 30)}
FIRST_HIRE_RATE = Money(1200)  # an hour, for regular hirers, ten years ago

TREASURER_NOTES = (
    "The treasurer reported the balances at the end of last month. Hall hire income is "
    "running ahead of last year and the general fund covers six months' running costs.",
    "The treasurer reported that the electricity bill has risen again; spending is otherwise "
    "in line with the budget.",
    "The treasurer circulated the cash book summary. The Gift Aid claim has been paid and "
    "two new standing orders have started.",
    "The treasurer reported a quiet two months: income from the regular hirers is steady and "
    "no large payments are due.",
    "The treasurer reported the takings from the last event and thanked everyone who helped "
    "count the cash.",
)
REPORTS_NOTES = (
    "Bookings: the hall is fully booked on weekday evenings; two new Saturday parties.",
    "Building: the caretaker reported a leak above the kitchen, now temporarily patched.",
    "Volunteers: three new volunteers have come forward for the café rota.",
    "Events: planning for the summer fair is under way; stalls are filling up.",
    "Building: the annual fire safety check was passed with no actions.",
    "Bookings: a playgroup has asked about a regular Tuesday morning slot.",
    "Events: the quiz night raised more than last year; thanks to the organisers.",
    "Building: the car park lighting is failing again on the north side.",
)
AOB_NOTES = (
    "None.",
    "The defibrillator outside the hall has been checked and registered.",
    "A resident has asked whether the hall could host a warm space in the winter.",
    "None.",
    "The noticeboard by the door needs a new lock.",
)
ACTIONS = (
    ("reports", "Get three quotes for repairing the kitchen roof"),
    ("reports", "Book the annual PAT testing of the hall's electrical equipment"),
    ("reports", "Draw up the volunteer rota for the next fundraising event"),
    ("reports", "Write to the council about the car park lighting"),
    ("reports", "Reply to the playgroup about a Tuesday morning booking"),
    ("reports", "Arrange the fire extinguisher service"),
    ("treasurers_report", "Send the Gift Aid claim to HMRC"),
    ("treasurers_report", "Renew the hall's buildings and public liability insurance"),
    ("treasurers_report", "Move the surplus in the current account to savings"),
    ("aob", "Order a new lock for the noticeboard"),
    ("aob", "Find out what running a winter warm space would involve"),
    ("aob", "Update the website with this year's events"),
)
OTHER_DECISIONS = (
    "That the hall be closed for the week after Christmas for deep cleaning.",
    "That up to £400 be spent on new folding tables.",
    "That the café rota move to a shared online calendar.",
    "That the group apply to the community fund for a new boiler.",
)


@dataclass
class _Chain:
    """An action and its copies carried forward: `row` is the live one; `done_on` is when it
    will be done (None: still open)."""

    row: Action
    kind: str  # the kind of meeting the live row sits in
    done_on: date | None
    status: str = "done"


@dataclass
class _Diary:
    """What the builder remembers from one meeting to the next."""

    committee: list[DemoPerson]
    examiner: DemoPerson
    hire_rate: Money = FIRST_HIRE_RATE
    last_of_kind: dict[str, Meeting] = field(default_factory=dict)
    chains: list[_Chain] = field(default_factory=list)


def add_meetings(ctx: DemoContext) -> None:
    """Ten years of meetings up to `ctx.today`, and the next one planned; a group that
    already has meetings keeps them untouched, and a group of a handful of people has none."""
    session = ctx.session
    if session.scalar(select(func.count(Meeting.id))) or len(ctx.people) < COMMITTEE_SIZE + 1:
        return
    candidates = sorted(
        (p for p in ctx.people if p.first_at_address), key=lambda p: (p.known_since, p.id)
    )[:40]
    if len(candidates) < COMMITTEE_SIZE + 1:
        candidates = list(ctx.people[:40])
    picked = ctx.rng.sample(candidates, COMMITTEE_SIZE + 1)
    diary = _Diary(committee=picked[:COMMITTEE_SIZE], examiner=picked[COMMITTEE_SIZE])
    schedule = _schedule(ctx)
    held = [(kind, on) for kind, on in schedule if on < ctx.today]
    planned = next(((kind, on) for kind, on in schedule if on >= ctx.today), None)
    overdue_at = len(held) - 2  # the meeting before the latest leaves a couple overdue
    for index, (kind, on) in enumerate(held):
        following = next((d for k, d in schedule if k == kind and d > on), None)
        _hold(ctx, diary, kind, on, following, index == overdue_at)
    if planned is not None:
        _plan(ctx, diary, *planned)
    for chain in diary.chains:
        _finish(chain)
    session.flush()
    ctx.add_count("meetings", len(held) + (planned is not None))


def _schedule(ctx: DemoContext) -> list[tuple[str, date]]:
    """(kind, date) in date order from ten years ago to the first meeting after today: the
    committee on the second Tuesday of every other month, the AGM on the third Thursday of
    the fourth month after the financial year ends (when the accounts have been examined)."""
    settings = ctx.settings
    start = add_months(ctx.today, -12 * YEARS)
    agm_month = (settings.fy_start_month - 1 + 3) % 12 + 1
    meetings: list[tuple[str, date]] = []
    month = date(start.year, start.month, 1)
    end = add_months(ctx.today, 14)
    while month < end:
        if month.month == agm_month:
            meetings.append(("agm", _nth_weekday(month, calendar.THURSDAY, 3)))
        elif month.month % 2 == 1:
            meetings.append(("committee", _nth_weekday(month, calendar.TUESDAY, 2)))
        month = add_months(month, 1)
    return [(kind, on) for kind, on in meetings if on >= start]


def _nth_weekday(month: date, weekday: int, nth: int) -> date:
    first = (weekday - month.weekday()) % 7
    return month + timedelta(days=first + 7 * (nth - 1))


def _listed(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C': as minutes write a list of names."""
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def _clock(at: time) -> str:
    """7.30pm, 7pm: the way a notice gives the time."""
    hour = at.hour % 12 or 12
    minutes = f".{at.minute:02d}" if at.minute else ""
    return f"{hour}{minutes}{'pm' if at.hour >= 12 else 'am'}"


def _name(person: DemoPerson) -> str:
    return f"{person.first_name} {person.last_name}"


def _new_meeting(ctx: DemoContext, diary: _Diary, kind: str, on: date) -> Meeting:
    settings = ctx.settings
    notice_days = settings.agm_notice_days if kind == "agm" else settings.committee_notice_days
    meeting = Meeting(
        kind=kind,
        title=f"{KIND_LABELS[kind]} {on.year}" if kind == "agm" else KIND_LABELS[kind],
        on=on,
        starts_at=STARTS[kind],
        ends_at=ENDS[kind],
        venue=VENUES[kind],
        chair_id=diary.committee[CHAIR].id,
        minute_taker_id=diary.committee[SECRETARY].id,
        notice_sent_on=on - timedelta(days=notice_days + ctx.rng.randint(1, 7)),
        created_at=instant(on - timedelta(days=notice_days + 8)),
    )
    for position, (item_kind, title) in enumerate(template_for(kind), start=1):
        item = AgendaItem(position=position, kind=item_kind, title=title)
        if item_kind in ("treasurers_report", "accounts"):
            item.presenter_id = diary.committee[TREASURER].id
        elif item_kind == "trustees_report":
            item.presenter_id = diary.committee[CHAIR].id
        meeting.items.append(item)
    ctx.session.add(meeting)
    return meeting


def _item(meeting: Meeting, kind: str) -> AgendaItem | None:
    return next((item for item in meeting.items if item.kind == kind), None)


def _carry(diary: _Diary, meeting: Meeting) -> int:
    """What `carry_open_actions_into` would carry into this meeting; chains done before it are
    closed instead. The number carried."""
    arising = _item(meeting, "matters_arising")
    kinds = CARRIES_FROM.get(meeting.kind, ())
    carried, still = 0, []
    for chain in diary.chains:
        if chain.done_on is not None and chain.done_on < meeting.on:
            _finish(chain)
            continue
        still.append(chain)
        if arising is None or chain.kind not in kinds:
            continue
        old = chain.row
        chain.row = Action(
            what=old.what, owner_id=old.owner_id, due_on=old.due_on, carried_from_action_id=old.id
        )
        chain.kind = meeting.kind
        arising.actions.append(chain.row)
        carried += 1
    diary.chains = still
    return carried


def _finish(chain: _Chain) -> None:
    if chain.done_on is not None:
        chain.row.status, chain.row.done_on = chain.status, chain.done_on


def _hold(
    ctx: DemoContext,
    diary: _Diary,
    kind: str,
    on: date,
    following: date | None,
    leave_overdue: bool,
) -> None:
    meeting = _new_meeting(ctx, diary, kind, on)
    present, apologies = _attend(ctx, diary, meeting)
    carried = _carry(diary, meeting)
    previous = diary.last_of_kind.get(kind)
    if previous is not None:
        previous.minutes_approved_on = on
        previous.approved_by = _name(diary.committee[CHAIR])
        previous.approved_at = instant(on, 21)
    diary.last_of_kind[kind] = meeting
    notes = _notes(ctx, diary, meeting, previous, following, apologies, carried)
    for item in meeting.items:
        item.notes = notes.get(item.kind, "")
    _decide(ctx, diary, meeting, previous, present)
    _act(ctx, diary, meeting, present, leave_overdue)
    ctx.session.flush()  # the actions' ids, for the next meeting's carried copies


def _attend(
    ctx: DemoContext, diary: _Diary, meeting: Meeting
) -> tuple[list[DemoPerson], list[DemoPerson]]:
    rng = ctx.rng
    present, apologies = [], []
    for index, person in enumerate(diary.committee):
        came = index in (CHAIR, SECRETARY) or rng.random() < 0.85
        (present if came else apologies).append(person)
        meeting.attendance.append(
            Attendance(person_id=person.id, status="present" if came else "apologies")
        )
    if meeting.kind == "agm":
        taken = {p.id for p in diary.committee}
        others = [p for p in ctx.people if p.id not in taken]
        for person in rng.sample(others, min(len(others), rng.randint(8, 18))):
            meeting.attendance.append(Attendance(person_id=person.id, status="present"))
            present.append(person)
    return present, apologies


def _notes(
    ctx: DemoContext,
    diary: _Diary,
    meeting: Meeting,
    previous: Meeting | None,
    following: date | None,
    apologies: list[DemoPerson],
    carried: int,
) -> dict[str, str]:
    rng, on = ctx.rng, meeting.on
    chair = _name(diary.committee[CHAIR])
    names = _listed([_name(p) for p in apologies])
    welcome = f"{chair} welcomed everyone. " + (
        f"Apologies were received from {names}." if apologies else "There were no apologies."
    )
    last = (
        f"The minutes of the meeting held on {format_date(previous.on)} were agreed as a true "
        "record and signed by the chair."
        if previous is not None
        else "The minutes of the previous meeting were agreed and signed by the chair."
    )
    arising = (
        f"{carried} action{'s' if carried != 1 else ''} from earlier meetings still open: see "
        "the actions below."
        if carried
        else "All actions from the last meeting have been completed."
    )
    venue = VENUES[meeting.kind].lower()
    nxt = (
        f"The next meeting will be on {format_date(following)} at "
        f"{_clock(STARTS[meeting.kind])} in the {venue}."
        if following
        else "To be arranged."
    )
    year_end = financial_year_start(
        on, ctx.settings.fy_start_month, ctx.settings.fy_start_day
    ) - timedelta(days=1)
    treasurer = _name(diary.committee[TREASURER])
    return {
        "welcome": welcome,
        "declarations": "None declared.",
        "last_minutes": last,
        "matters_arising": arising,
        "treasurers_report": rng.choice(TREASURER_NOTES),
        "reports": " ".join(rng.sample(REPORTS_NOTES, 2)),
        "aob": rng.choice(AOB_NOTES),
        "next_meeting": nxt,
        "trustees_report": f"{chair} presented the trustees' annual report for the year ended "
        f"{format_date(year_end)}, thanking the volunteers and the regular hirers.",
        "accounts": f"{treasurer} presented the accounts for the year ended "
        f"{format_date(year_end)}, with the independent examiner's report. Questions on the "
        "cost of heating the hall were answered.",
        "elections": "The chair, secretary and treasurer stood again and were re-elected "
        "unopposed; the other trustees were re-elected together.",
        "examiner": f"{_name(diary.examiner)} has agreed to examine next year's accounts.",
    }


def _decision(item: AgendaItem, motion: str, present: list[DemoPerson], rng: random.Random) -> None:
    proposer, seconder = rng.sample(present, 2) if len(present) > 1 else (present[0], None)
    item.decisions.append(
        Decision(
            motion=motion,
            proposer_id=proposer.id,
            seconder_id=seconder.id if seconder else None,
            votes_for=len(present),
            votes_against=0,
            votes_abstain=0,
            carried=True,
        )
    )


def _decide(
    ctx: DemoContext,
    diary: _Diary,
    meeting: Meeting,
    previous: Meeting | None,
    present: list[DemoPerson],
) -> None:
    rng, on = ctx.rng, meeting.on
    if previous is not None:
        motion = (
            f"That the minutes of the meeting held on {format_date(previous.on)} be approved "
            "as a true record."
        )
        _decision(_item(meeting, "last_minutes"), motion, present, rng)
    if meeting.kind == "agm":
        year_end = financial_year_start(
            on, ctx.settings.fy_start_month, ctx.settings.fy_start_day
        ) - timedelta(days=1)
        motion = f"That the accounts for the year ended {format_date(year_end)} be adopted."
        _decision(_item(meeting, "accounts"), motion, present, rng)
        motion = f"That {_name(diary.examiner)} be appointed independent examiner for next year."
        _decision(_item(meeting, "examiner"), motion, present, rng)
        return
    if rng.random() < 0.2:
        diary.hire_rate = Money(diary.hire_rate.pence + 100)
        starts = add_months(date(on.year, on.month, 1), 2)
        motion = (
            f"That the hall hire rate for regular hirers be {diary.hire_rate.format()} an hour "
            f"from {format_date(starts)}."
        )
        _decision(_item(meeting, "treasurers_report"), motion, present, rng)
    elif rng.random() < 0.3:
        _decision(_item(meeting, "aob"), rng.choice(OTHER_DECISIONS), present, rng)


def _act(
    ctx: DemoContext,
    diary: _Diary,
    meeting: Meeting,
    present: list[DemoPerson],
    leave_overdue: bool,
) -> None:
    """One to three new actions: most done within a couple of months, those still to do at
    `ctx.today` due after it, except the couple `leave_overdue` asks for."""
    rng, on, today = ctx.rng, meeting.on, ctx.today
    if meeting.kind == "agm":
        chosen = [("accounts", "Send the annual return and accounts to the Charity Commission")]
    else:
        still_open = {c.row.what for c in diary.chains if c.done_on is None or c.done_on >= on}
        fresh = [action for action in ACTIONS if action[1] not in still_open]
        chosen = rng.sample(fresh, rng.randint(OVERDUE if leave_overdue else 1, 3))
    for number, (item_kind, what) in enumerate(chosen):
        by_treasurer = item_kind in ("treasurers_report", "accounts")
        owner = diary.committee[TREASURER] if by_treasurer else None
        owner = owner or rng.choice(present)
        due = on + timedelta(days=rng.randint(21, 56))
        done_on: date | None = on + timedelta(days=rng.randint(5, 80))
        if leave_overdue and number < OVERDUE:
            done_on, due = None, on + timedelta(days=28)
        elif done_on >= today:
            done_on, due = None, max(due, today + timedelta(days=rng.randint(7, 42)))
        row = Action(what=what, owner_id=owner.id, due_on=due)
        _item(meeting, item_kind).actions.append(row)
        status = "dropped" if rng.random() < 0.05 else "done"
        diary.chains.append(_Chain(row, meeting.kind, done_on, status))


def _plan(ctx: DemoContext, diary: _Diary, kind: str, on: date) -> None:
    """The next meeting: agenda ready, the committee invited, open actions carried in."""
    meeting = _new_meeting(ctx, diary, kind, on)
    meeting.notice_sent_on = None
    for person in diary.committee:
        meeting.attendance.append(Attendance(person_id=person.id, status="invited"))
    _carry(diary, meeting)
