from grassroots.members.documents import print_register
from grassroots.members.records import MemberQuery, MemberStatus
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person
from tests.printing.conftest import DUE, LAPSED, TODAY, member, pages, pdf_text


def test_register_lists_members_by_surname_with_totals(sessions, out):
    member(sessions, "Siân", "Ŵyn-Jones")
    member(sessions, "Alan", "Abbott", joined=DUE)
    member(sessions, "Dafydd", "Ŷnys", joined=LAPSED)
    add_person(sessions, PersonInput(first_name="Never", last_name="Joined"))

    count = print_register(sessions, out / "register.pdf", today=TODAY)

    assert count == 3
    text = pdf_text(out / "register.pdf")
    assert text.index("Abbott, Alan") < text.index("Ŵyn-Jones, Siân") < text.index("Ŷnys")
    assert "Never" not in text
    assert "Ashby Village Hall" in text and "Register of members" in text
    assert f"printed {TODAY:%d/%m/%Y}" in text
    assert "Totals: 3 members" in text
    assert "Due for renewal" in text and "Lapsed" in text
    assert "Registered charity no. 1234567" in text
    assert "Page 1 of 1" in text


def test_register_follows_the_query(sessions, out):
    member(sessions, "Alan", "Abbott", joined=DUE)
    member(sessions, "Beth", "Brown")

    count = print_register(
        sessions, out / "due.pdf", MemberQuery(status=MemberStatus.DUE), today=TODAY
    )

    assert count == 1
    text = pdf_text(out / "due.pdf")
    assert "Abbott" in text and "Brown" not in text


def test_large_print_register_takes_more_pages(sessions, out):
    for i in range(40):
        member(sessions, f"Person{i}", f"Surname{i:02d}")

    print_register(sessions, out / "standard.pdf", today=TODAY)
    print_register(sessions, out / "large.pdf", large_print=True, today=TODAY)

    assert pages(out / "large.pdf") > pages(out / "standard.pdf") >= 2
    assert f"Page 1 of {pages(out / 'large.pdf')}" in pdf_text(out / "large.pdf")


def test_nothing_to_print_writes_a_notice(sessions, out):
    count = print_register(sessions, out / "none.pdf", MemberQuery(text="nobody"), today=TODAY)

    assert count == 0
    assert "nothing to print" in pdf_text(out / "none.pdf")
