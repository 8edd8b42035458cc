"""Members for printing tests, added through the real service into the real test database."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from grassroots.members.records import PaymentInput
from grassroots.members.service import add_member, list_types
from grassroots.people.records import PersonInput

TODAY = date.today()
# With yearly memberships and a 30-day renewal window, these joining dates give each status.
DUE = TODAY - timedelta(days=350)
CURRENT = TODAY - timedelta(days=100)
LAPSED = TODAY - timedelta(days=500)


def type_id(sessions, name: str) -> int:
    return next(t.id for t in list_types(sessions) if t.name == name)


def member(
    sessions,
    first: str,
    last: str,
    joined: date = CURRENT,
    kind: str = "Individual",
    post: bool = True,
    address: bool = True,
    **extra,
):
    where = {"address_line1": "12 Heol y Ŵyn", "town": "Llanfair", "postcode": "LL61 5UJ"}
    person = PersonInput(
        first_name=first,
        last_name=last,
        contact_by_post=post,
        **({**where, **extra} if address else extra),
    )
    kind_id = type_id(sessions, kind)
    fee = next(t.fee for t in list_types(sessions) if t.id == kind_id)
    return add_member(sessions, person, kind_id, joined, PaymentInput(joined, fee))


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of the whole PDF, or of one page (counting from 0)."""
    chosen = PdfReader(path).pages
    chosen = chosen if page is None else [chosen[page]]
    return "\n".join(p.extract_text() for p in chosen)


def pages(path: Path) -> int:
    return len(PdfReader(path).pages)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "printed"
