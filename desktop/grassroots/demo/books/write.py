"""Writing the walked plan with Core bulk inserts, one executemany per table."""

from __future__ import annotations

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from grassroots.accounts.models import (
    BookAccount,
    Entry,
    EntryLine,
    Fund,
    GiftAidClaim,
    GiftAidDeclaration,
)
from grassroots.demo.books.plan import Books, Plan
from grassroots.demo.context import DemoContext, instant


def write_books(
    ctx: DemoContext,
    books: Books,
    accounts: dict[str, dict],
    plans: list[Plan],
    declarations: list[dict],
    claims: list[dict],
) -> None:
    session = ctx.session
    next_entry = (session.scalar(select(func.max(Entry.id))) or 0) + 1
    next_claim = (session.scalar(select(func.max(GiftAidClaim.id))) or 0) + 1
    account_ids = {key: row["id"] for key, row in accounts.items()}
    plans.sort(key=lambda p: p.on)  # stable: the walk's order within a day stays
    entries, lines = [], []
    received: dict[int, int] = {}
    for offset, plan in enumerate(plans):
        entry_id = next_entry + offset
        entries.append(
            {
                "id": entry_id,
                "account_id": account_ids[plan.account],
                "on": plan.on,
                "amount_pence": plan.pence,
                "person_id": plan.person_id,
                "payee": plan.payee,
                "reference": plan.reference,
                "method": plan.method,
                "note": plan.note,
                "attachment": "",
                "transfer_key": plan.transfer_key,
                "reconciliation_id": None,
                "reverses_id": None,
                "created_at": instant(plan.on, 18),
            }
        )
        if plan.claim_received is not None:
            received[plan.claim_received] = entry_id
        for category, fund, pence, claim in plan.lines:
            lines.append(
                {
                    "entry_id": entry_id,
                    "category_id": category,
                    "fund_id": fund,
                    "amount_pence": pence,
                    "gift_aid_claim_id": None if claim is None else next_claim + claim,
                    "note": "",
                }
            )
    session.execute(insert(BookAccount.__table__), list(accounts.values()))
    if books.new_funds:
        session.execute(insert(Fund.__table__), books.new_funds)
    if declarations:
        session.execute(insert(GiftAidDeclaration.__table__), declarations)
    if claims:
        rows = [
            dict(claim, id=next_claim + index, received_entry_id=None)
            for index, claim in enumerate(claims)
        ]
        session.execute(insert(GiftAidClaim.__table__), rows)
    if entries:
        bulk_insert(session, Entry.__table__, entries)
        bulk_insert(session, EntryLine.__table__, lines)
    for index, entry_id in received.items():
        session.execute(
            GiftAidClaim.__table__.update()
            .where(GiftAidClaim.id == next_claim + index)
            .values(received_entry_id=entry_id)
        )
    ctx.add_count("entries", len(entries))


def bulk_insert(session: Session, table: Table, rows: list[dict]) -> None:
    """One executemany straight to SQLite for the two big tables.

    Each value goes through its column type's own bind processor (so dates and instants are
    stored exactly as the ORM stores them), but once per distinct value rather than once per
    row: Core's executemany spends most of its time doing that conversion for 100,000 rows.
    """
    connection = session.connection()
    names = list(rows[0])
    values = [list(row.values()) for row in rows]
    for index, name in enumerate(names):
        process = table.c[name].type.bind_processor(connection.dialect)
        if process is None:
            continue
        seen: dict = {None: None}
        for row in values:
            value = row[index]
            if value not in seen:
                seen[value] = process(value)
            row[index] = seen[value]
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    statement = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
    connection.exec_driver_sql(statement, [tuple(row) for row in values])
