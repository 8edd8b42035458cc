from dataclasses import replace

from grassroots.group.service import get_settings, save_settings
from grassroots.members.documents import print_reminders
from grassroots.members.records import MembershipTypeInput
from grassroots.members.service import list_types, save_type
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person, make_household
from tests.printing.conftest import CURRENT, DUE, LAPSED, TODAY, member, pages, pdf_text


def test_one_letter_per_due_member(sessions, out):
    due = member(sessions, "Robert", "Smith", joined=DUE, preferred_name="Bob", title="Mr")
    member(sessions, "Siân", "Ŵyn-Jones", joined=DUE, kind="Household")
    member(sessions, "Not", "Yet", joined=CURRENT)
    member(sessions, "Long", "Gone", joined=LAPSED)

    count = print_reminders(sessions, out / "reminders.pdf", today=TODAY)

    assert count == 2
    assert pages(out / "reminders.pdf") == 2
    text = pdf_text(out / "reminders.pdf")
    assert "Dear Bob," in text and "Dear Siân," in text
    assert "Mr Robert Smith" in text
    assert "£10.00" in text and "£15.00" in text  # each type's own fee
    assert f"{due.expires_on:%d/%m/%Y}" in text
    assert "Yet" not in text and "Gone" not in text


def _gift_aid_eligible(sessions, name):
    kind = next(t for t in list_types(sessions) if t.name == name)
    save_type(sessions, MembershipTypeInput(kind.name, kind.fee, gift_aid_eligible=True), kind.id)


def test_letter_has_payment_help_and_a_gift_aid_slip(sessions, out):
    member(sessions, "Alan", "Abbott", joined=DUE)
    _gift_aid_eligible(sessions, "Individual")

    print_reminders(sessions, out / "default.pdf", today=TODAY)
    text = " ".join(pdf_text(out / "default.pdf").split())
    assert "cheque made payable to “Ashby Village Hall”" in text
    assert "Membership no." in text and "Standing order" in text
    assert "I am a UK taxpayer" in text
    assert "it is my responsibility to pay any difference" in text
    assert "Signature" in text

    settings = get_settings(sessions)
    save_settings(sessions, replace(settings, payment_instructions="Pay at the Tuesday café."))
    print_reminders(sessions, out / "custom.pdf", today=TODAY)
    assert "Pay at the Tuesday café." in pdf_text(out / "custom.pdf")


def test_gift_aid_only_for_types_the_committee_marked_eligible(sessions, out):
    member(sessions, "Alan", "Abbott", joined=DUE)
    member(sessions, "Beth", "Brown", joined=DUE, kind="Household")
    _gift_aid_eligible(sessions, "Individual")

    print_reminders(sessions, out / "reminders.pdf", today=TODAY)

    alan, beth = (" ".join(pdf_text(out / "reminders.pdf", page).split()) for page in (0, 1))
    assert "I am a UK taxpayer" in alan and "Alan" in alan
    assert "Gift Aid" not in beth and "Beth" in beth


def test_no_gift_aid_block_for_a_group_that_is_not_a_charity(sessions, out):
    member(sessions, "Alan", "Abbott", joined=DUE)
    _gift_aid_eligible(sessions, "Individual")
    save_settings(sessions, replace(get_settings(sessions), is_charity=False))

    print_reminders(sessions, out / "reminders.pdf", today=TODAY)

    assert "Gift Aid" not in pdf_text(out / "reminders.pdf")


def test_large_print_letters_take_more_pages_and_are_numbered_per_letter(sessions, out):
    member(sessions, "Alan", "Abbott", joined=DUE)
    member(sessions, "Beth", "Brown", joined=DUE)

    print_reminders(sessions, out / "standard.pdf", today=TODAY)
    print_reminders(sessions, out / "large.pdf", large_print=True, today=TODAY)

    assert pages(out / "large.pdf") > pages(out / "standard.pdf")
    text = pdf_text(out / "large.pdf")
    assert text.count("Page 1 of 2") == 2


def test_nobody_due_writes_a_notice(sessions, out):
    member(sessions, "Not", "Yet", joined=CURRENT)
    assert print_reminders(sessions, out / "reminders.pdf", today=TODAY) == 0
    assert "nothing to print" in pdf_text(out / "reminders.pdf")


# ---------------------------------------------------------------- household memberships

HOME = {"address_line1": "12 Heol y Ŵyn", "town": "Llanfair", "postcode": "LL61 5UJ"}


def partner(sessions, first: str, last: str, **extra):
    return add_person(sessions, PersonInput(first_name=first, last_name=last, **HOME, **extra))


def test_a_household_membership_is_addressed_to_the_household(sessions, out):
    chris = member(sessions, "Christopher", "Allen", joined=DUE, kind="Household", title="Mr")
    jen = partner(sessions, "Jennifer", "Allen", title="Dr", preferred_name="Jen")
    make_household(sessions, [chris.person_id, jen.id])

    assert print_reminders(sessions, out / "reminders.pdf", today=TODAY) == 1

    text = " ".join(pdf_text(out / "reminders.pdf").split())
    assert "Mr C Allen & Dr J Allen" in text
    assert "Dear Christopher and Jen," in text
    assert "It covers everyone in your household: Christopher Allen and Jennifer Allen." in text
    assert text.count("LL61 5UJ") == 2  # the window and the slip
    assert "£15.00" in text
    # The slip (and its Gift Aid declaration) is the one member's who holds the membership.
    assert text.count("Mr C Allen & Dr J Allen") == 1 and "Mr Christopher Allen" in text


def test_three_or_more_are_written_to_as_the_household(sessions, out):
    chris = member(sessions, "Christopher", "Allen", joined=DUE, kind="Household")
    others = [partner(sessions, first, "Allen") for first in ("Jennifer", "Tom")]
    make_household(sessions, [chris.person_id, *(p.id for p in others)])

    assert print_reminders(sessions, out / "reminders.pdf", today=TODAY) == 1

    text = " ".join(pdf_text(out / "reminders.pdf").split())
    assert "The Allen household" in text and "Dear Christopher, Jennifer and Tom," in text
    assert "Christopher Allen, Jennifer Allen and Tom Allen." in text


def test_an_individual_membership_in_a_household_stays_personal(sessions, out):
    chris = member(sessions, "Christopher", "Allen", joined=DUE, title="Mr")
    jen = partner(sessions, "Jennifer", "Allen", title="Dr")
    make_household(sessions, [chris.person_id, jen.id])

    print_reminders(sessions, out / "reminders.pdf", today=TODAY)

    text = " ".join(pdf_text(out / "reminders.pdf").split())
    assert "Mr Christopher Allen" in text and "Dear Christopher," in text
    assert "Jennifer" not in text and "covers everyone" not in text


def test_a_household_member_living_elsewhere_is_not_on_the_letter(sessions, out):
    chris = member(sessions, "Christopher", "Allen", joined=DUE, kind="Household", title="Mr")
    tom = add_person(
        sessions,
        PersonInput(
            first_name="Tom", last_name="Allen", address_line1="Hall 4", postcode="SY23 3BY"
        ),
    )
    make_household(sessions, [chris.person_id, tom.id])

    print_reminders(sessions, out / "reminders.pdf", today=TODAY)

    text = " ".join(pdf_text(out / "reminders.pdf").split())
    assert "Dear Christopher," in text and "Tom" not in text


def test_a_long_address_on_the_slip_keeps_its_postcode(tmp_path):
    from datetime import date

    from grassroots.core.money import Money
    from grassroots.printing.letterhead import Letterhead
    from grassroots.printing.reminders import Reminder, ReminderBatch, build_reminders

    long_way = (
        "The Old Rectory Cottage, Upper Llanfihangel Lane",
        "Llanfihangel-yng-Ngwynfa",
        "Powys",
        "SY22 5JD",
    )
    reminder = Reminder(
        "Gwen", "Mrs Gwen Ap-Rhys", long_way, 12, "Individual", Money(1000), date(2026, 12, 1)
    )
    batch = ReminderBatch(Letterhead("Ashby Village Hall"), date(2026, 11, 22), (reminder,))
    build_reminders(batch, tmp_path / "slip.pdf", False)
    slip = pdf_text(tmp_path / "slip.pdf").split("Membership renewal")[-1]
    assert "The Old Rectory" in slip and "SY22 5JD" in slip
