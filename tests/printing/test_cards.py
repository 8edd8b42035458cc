from grassroots.members.documents import print_cards
from tests.printing.conftest import DUE, LAPSED, TODAY, member, pages, pdf_text


def test_cards_for_current_and_due_members_only(sessions, out):
    current = member(sessions, "Siân", "Ŵyn-Jones")
    member(sessions, "Alan", "Abbott", joined=DUE)
    member(sessions, "Long", "Gone", joined=LAPSED)
    member(sessions, "Lifelong", "Friend", kind="Life")

    count = print_cards(sessions, out / "cards.pdf", today=TODAY)

    assert count == 3
    text = pdf_text(out / "cards.pdf")
    assert "Siân Ŵyn-Jones" in text and "Alan Abbott" in text and "Lifelong Friend" in text
    assert "Gone" not in text
    assert f"{current.expires_on:%d/%m/%Y}" in text
    assert "Life" in text and "MEMBERSHIP CARD" in text
    assert pages(out / "cards.pdf") == 1


def test_ten_cards_to_a_sheet(sessions, out):
    for i in range(11):
        member(sessions, f"Person{i}", f"Surname{i:02d}")

    assert print_cards(sessions, out / "cards.pdf", today=TODAY) == 11
    assert pages(out / "cards.pdf") == 2
