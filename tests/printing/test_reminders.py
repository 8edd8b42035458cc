from dataclasses import replace

from grassroots.group.service import get_settings, save_settings
from grassroots.members.documents import print_reminders
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


def test_letter_has_payment_help_and_a_gift_aid_slip(sessions, out):
    member(sessions, "Alan", "Abbott", joined=DUE)

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


def test_no_gift_aid_block_for_a_group_that_is_not_a_charity(sessions, out):
    member(sessions, "Alan", "Abbott", joined=DUE)
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
