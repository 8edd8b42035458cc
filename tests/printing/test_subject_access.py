from grassroots.members.documents import print_subject_access
from tests.printing.conftest import member, pdf_text


def test_subject_access_pack_shows_everything_held_with_purposes(sessions, out):
    detail = member(sessions, "Siân", "Ŵyn-Jones", email="sian@example.org")

    path = print_subject_access(sessions, detail.person_id, out / "sar.pdf")

    assert path.exists()
    text = " ".join(pdf_text(path).split())
    assert "Your personal information" in text
    assert "Siân Ŵyn-Jones" in text and "sian@example.org" in text
    assert "Contact details" in text and "Membership" in text
    assert "Subscription payment" in text and "£10.00" in text
    assert "Why we hold it:" in text and "How long we keep it:" in text
    assert "Private and confidential" in text and "Page 1 of" in text
