"""Subject access and erasure walk every table that points at a person."""

import json
from datetime import date

from grassroots.core.money import Money
from grassroots.members import register
from grassroots.members import service as members
from grassroots.members.records import MemberQuery, PaymentInput
from grassroots.people import gdpr
from grassroots.people import service as people
from grassroots.people.records import ConsentInput, PersonInput


def _member(sessions):
    individual = members.list_types(sessions)[0]
    made = members.add_member(
        sessions,
        PersonInput(
            first_name="Ann",
            last_name="Smith",
            email="ann@example.org",
            postcode="LE65 1AA",
            address_line1="1 Main St",
        ),
        individual.id,
        date(2026, 1, 5),
        PaymentInput(date(2026, 1, 5), Money(1000), "cheque"),
    )
    people.record_consent(
        sessions, made.person_id, ConsentInput("Newsletter", date(2026, 1, 5), source="AGM")
    )
    return made


def test_subject_access_holds_everything_with_purposes(sessions):
    made = _member(sessions)
    pack = gdpr.subject_access(sessions, made.person_id)
    titles = [s.title for s in pack.sections]
    assert titles == ["Contact details", "Consent record", "Membership", "Subscription payment"]
    assert all(s.purpose and s.kept for s in pack.sections)
    data = json.loads(pack.to_json())
    assert data["held_by"] == "Ashby Village Hall"
    assert data["sections"][0]["records"][0]["Email"] == "ann@example.org"
    assert data["sections"][2]["records"][0]["Type"] == "Individual"
    assert data["sections"][3]["records"][0]["Amount"] == "£10.00"


def test_erasure_removes_personal_data_but_keeps_payments(sessions):
    made = _member(sessions)
    gdpr.erase_person(sessions, made.person_id)
    erased = people.get_person(sessions, made.person_id)
    assert erased.erased and erased.last_name == gdpr.ERASED_NAME
    assert (erased.first_name, erased.email, erased.postcode, erased.consents) == ("", "", "", ())
    assert members.get_membership(sessions, made.id).subscriptions[0].amount == Money(1000)
    assert register.search_members(sessions, MemberQuery(text="smith")) == []
    assert register.search_members(sessions, MemberQuery(text="erased")) == []


def test_erasure_leaves_no_free_text_or_household_behind(sessions):
    made = _member(sessions)
    members.renew(sessions, made.id, PaymentInput(date.today(), Money(1000), note="paid by Tom"))
    members.end_membership(sessions, made.id, date.today(), "Moved to Leeds care home")
    home = people.make_household(sessions, [made.person_id])

    gdpr.erase_person(sessions, made.person_id)

    kept = members.get_membership(sessions, made.id)
    assert kept.ended_reason == "" and {s.note for s in kept.subscriptions} == {""}
    assert [s.amount.pence for s in kept.subscriptions] == [1000, 1000]
    assert home.name not in gdpr.subject_access(sessions, made.person_id).to_json()
    assert people.household_of(sessions, made.person_id) is None


def test_erasure_reaches_the_books_and_their_audit_trail(sessions):
    from sqlalchemy import select

    from grassroots.accounts import books
    from grassroots.accounts.models import AuditRecord
    from grassroots.accounts.records import EntryInput, LineInput

    made = _member(sessions)
    bank = books.add_account(sessions, "Current account", opening_on=date(2026, 1, 1))
    gift = books.add_entry(
        sessions,
        EntryInput(
            bank.id,
            date(2026, 2, 1),
            (LineInput(Money(2500)),),
            payee="Ann Smith",
            person_id=made.person_id,
            note="In memory of her mother",
        ),
    )

    gdpr.erase_person(sessions, made.person_id)

    kept = books.get_entry(sessions, gift.id)
    assert (kept.amount.pence, kept.payee, kept.note) == (2500, "", "")
    with sessions() as session:
        trail = " ".join(r.after for r in session.scalars(select(AuditRecord)))
    assert "Ann Smith" not in trail and "mother" not in trail and "2500" in trail
