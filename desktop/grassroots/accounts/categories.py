"""The chart of categories: adding, renaming, placing under a year-end heading, retiring.

Each category sits under a heading of the receipts and payments account (the Charity
Commission's form leaves categories to the charity; OSCR's has fixed lines, so the headings
follow those). A category that entries use is never deleted, only retired: hidden from new
entries and kept on the old ones, so past years still add up the same. Its side (receipts or
payments) is fixed once used, because its entries' signs say which it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from grassroots.accounts.gift_aid_schedule import RECEIVED_CATEGORY
from grassroots.accounts.models import DIRECTIONS, Budget, Category, EntryLine
from grassroots.accounts.postings import SUBSCRIPTIONS
from grassroots.accounts.setup import clean_name, note_change, refuse_taken
from grassroots.core.errors import NotFound, ValidationError


@dataclass(frozen=True)
class Heading:
    key: str
    label: str
    direction: str  # receipt | payment


# The lines of OSCR's receipts and payments account, which also suit the CC16 form; sales and
# purchases of assets are sections of their own (A2 and A4) in both.
HEADINGS = (
    Heading("donations", "Donations", "receipt"),
    Heading("legacies", "Legacies", "receipt"),
    Heading("grants", "Grants", "receipt"),
    Heading("fundraising", "Fundraising", "receipt"),
    Heading("trading", "Gross trading", "receipt"),
    Heading("investment", "Investment income", "receipt"),
    Heading("rents", "Rents", "receipt"),
    Heading("other_charitable", "Other charitable activities", "receipt"),
    Heading("sale_fixed_assets", "Sale of fixed assets", "receipt"),
    Heading("sale_investments", "Sale of investments", "receipt"),
    Heading("charitable_activities", "Charitable activities", "payment"),
    Heading("fundraising_costs", "Fundraising costs", "payment"),
    Heading("trading_costs", "Trading costs", "payment"),
    Heading("investment_management", "Investment management", "payment"),
    Heading("grants_made", "Grants and donations made", "payment"),
    Heading("governance", "Governance (examination, accounts, legal)", "payment"),
    Heading("purchase_fixed_assets", "Purchase of fixed assets", "payment"),
    Heading("purchase_investments", "Purchase of investments", "payment"),
)
UNPLACED = "Not yet under a heading"  # the label of the old catch-all heading, "other"

# Other services find these by name (membership payments, HMRC's Gift Aid repayments).
KEPT_NAMES = {
    SUBSCRIPTIONS: "membership payments are recorded in it",
    RECEIVED_CATEGORY: "HMRC's Gift Aid repayments are recorded in it",
}


def headings(direction: str) -> tuple[Heading, ...]:
    return tuple(h for h in HEADINGS if h.direction == direction)


def heading_label(key: str) -> str:
    return next((h.label for h in HEADINGS if h.key == key), UNPLACED)


@dataclass(frozen=True)
class CategoryRow:
    """A category as the set-up tree shows it, with how many entry lines use it."""

    id: int
    name: str
    direction: str
    heading: str
    gift_aid_eligible: bool
    active: bool
    uses: int

    @property
    def heading_label(self) -> str:
        return heading_label(self.heading)


def _uses(session: Session, category_id: int) -> int:
    query = select(func.count(EntryLine.id)).where(EntryLine.category_id == category_id)
    return session.scalar(query) or 0


def _row(session: Session, row: Category, uses: int | None = None) -> CategoryRow:
    return CategoryRow(
        row.id,
        row.name,
        row.direction,
        row.heading,
        row.gift_aid_eligible,
        row.active,
        _uses(session, row.id) if uses is None else uses,
    )


def _snapshot(row: Category) -> dict:
    return {
        "name": row.name,
        "direction": row.direction,
        "heading": row.heading,
        "gift_aid_eligible": row.gift_aid_eligible,
        "active": row.active,
    }


def _load(session: Session, category_id: int) -> Category:
    row = session.get(Category, category_id)
    if row is None:
        raise NotFound("That category no longer exists")
    return row


def list_category_rows(sessions: sessionmaker[Session]) -> list[CategoryRow]:
    """Every category, retired ones too, receipts first, in the order of the headings."""
    order = {h.key: i for i, h in enumerate(HEADINGS)}
    with sessions() as session:
        counts = dict(
            session.execute(
                select(EntryLine.category_id, func.count(EntryLine.id)).group_by(
                    EntryLine.category_id
                )
            ).all()
        )
        rows = [_row(session, c, counts.get(c.id, 0)) for c in session.scalars(select(Category))]
    return sorted(
        rows,
        key=lambda c: (c.direction != "receipt", order.get(c.heading, 99), c.name.lower()),
    )


def _check(direction: str, heading: str, gift_aid: bool, old_heading: str = "") -> None:
    if direction not in DIRECTIONS:
        raise ValidationError({"direction": "Choose receipts (money in) or payments (money out)"})
    kept = bool(old_heading) and heading == old_heading  # an old catch-all stays
    if heading not in {h.key for h in headings(direction)} and not kept:
        side = "receipts" if direction == "receipt" else "payments"
        raise ValidationError(
            {"heading": f"Choose the heading of the {side} it belongs under in the accounts"}
        )
    if gift_aid and direction != "receipt":
        raise ValidationError({"gift_aid": "Only money received can be eligible for Gift Aid"})


def add_category(
    sessions: sessionmaker[Session],
    name: str,
    direction: str,
    heading: str,
    gift_aid_eligible: bool = False,
) -> CategoryRow:
    """A new category of receipts or payments, under a heading of the year-end accounts."""
    name = clean_name(name, "category", "Coffee mornings")
    _check(direction, heading, gift_aid_eligible)
    with sessions.begin() as session:
        refuse_taken(session, Category.name, name, "a category", None)
        row = Category(
            name=name, direction=direction, heading=heading, gift_aid_eligible=gift_aid_eligible
        )
        row.active = True
        session.add(row)
        session.flush()
        note_change(session, "categories", row.id, "added", {}, _snapshot(row))
        return _row(session, row, 0)


def change_category(
    sessions: sessionmaker[Session],
    category_id: int,
    name: str,
    heading: str,
    gift_aid_eligible: bool,
    direction: str | None = None,
) -> CategoryRow:
    """Rename a category, move it under another heading, or flag it for Gift Aid. Its side
    (`direction`) may change only while no entry uses it."""
    name = clean_name(name, "category", "Coffee mornings")
    with sessions.begin() as session:
        row = _load(session, category_id)
        direction = direction or row.direction
        _check(direction, heading, gift_aid_eligible, row.heading)
        refuse_taken(session, Category.name, name, "a category", row.id)
        uses = _uses(session, row.id)
        if direction != row.direction and uses:
            raise ValidationError(
                {
                    "direction": f"{row.name} is used by {uses} entr{'y' if uses == 1 else 'ies'}"
                    f" as {row.direction}s, so it stays on that side; add a new category instead"
                }
            )
        if name != row.name:
            _refuse_if_kept(row, "keeps its name")
        before = _snapshot(row)
        row.name, row.direction, row.heading = name, direction, heading
        row.gift_aid_eligible = gift_aid_eligible
        session.flush()
        note_change(session, "categories", row.id, "changed", before, _snapshot(row))
        return _row(session, row, uses)


def _refuse_if_kept(row: Category, what: str) -> None:
    why = KEPT_NAMES.get(row.name) if row.direction == "receipt" else None
    if why:
        raise ValidationError({"name": f"{row.name} {what}: {why}"})


def retire_category(sessions: sessionmaker[Session], category_id: int) -> CategoryRow:
    """Hide a category from new entries; the entries that use it keep it."""
    with sessions.begin() as session:
        row = _load(session, category_id)
        _refuse_if_kept(row, "cannot be retired")
        return _set_active(session, row, False)


def restore_category(sessions: sessionmaker[Session], category_id: int) -> CategoryRow:
    """Offer a retired category for new entries again."""
    with sessions.begin() as session:
        return _set_active(session, _load(session, category_id), True)


def _set_active(session: Session, row: Category, active: bool) -> CategoryRow:
    before = _snapshot(row)
    row.active = active
    session.flush()
    note_change(session, "categories", row.id, "changed", before, _snapshot(row))
    return _row(session, row)


def delete_category(sessions: sessionmaker[Session], category_id: int) -> None:
    """Remove a category made by mistake. One that entries or a budget use is retired
    instead, so no past figure loses its category."""
    with sessions.begin() as session:
        row = _load(session, category_id)
        _refuse_if_kept(row, "cannot be deleted")
        uses = _uses(session, row.id)
        if uses:
            raise ValidationError(
                {
                    "category": f"{row.name} is used by {uses} "
                    f"entr{'y' if uses == 1 else 'ies'}; retire it instead, so those "
                    "entries keep it"
                }
            )
        if session.scalar(select(Budget.id).where(Budget.category_id == row.id)):
            raise ValidationError(
                {"category": f"{row.name} has a budget; retire it instead of deleting it"}
            )
        note_change(session, "categories", row.id, "removed", _snapshot(row), {})
        session.delete(row)
