import pytest

from grassroots.core.errors import ValidationError
from grassroots.members.documents import print_labels
from tests.printing.conftest import member, pages, pdf_text


def test_labels_only_for_members_who_want_post_and_have_an_address(sessions, out):
    member(sessions, "Siân", "Ŵyn-Jones", title="Mrs")
    member(sessions, "Email", "Only", post=False)
    # A first line alone (no town, no postcode) cannot be delivered to.
    member(sessions, "No", "Town", address=False, address_line1="Flat 2")

    count = print_labels(sessions, out / "labels.pdf")

    assert count == 1
    text = pdf_text(out / "labels.pdf")
    assert "Mrs Siân Ŵyn-Jones" in text and "LL61 5UJ" in text
    assert "Only" not in text and "Town" not in text
    assert pages(out / "labels.pdf") == 1


def test_start_position_carries_on_to_a_new_sheet(sessions, out):
    for i in range(20):
        member(sessions, f"Person{i}", f"Surname{i:02d}")

    assert print_labels(sessions, out / "fresh.pdf") == 20
    assert pages(out / "fresh.pdf") == 1
    # Starting at label 3 of 21 leaves room for 19 on the first sheet, so one spills over.
    assert print_labels(sessions, out / "used.pdf", start_position=3) == 20
    assert pages(out / "used.pdf") == 2


def test_start_position_must_be_on_the_sheet(sessions, out):
    member(sessions, "Siân", "Ŵyn-Jones")
    with pytest.raises(ValidationError) as problem:
        print_labels(sessions, out / "labels.pdf", start_position=22)
    assert "start_position" in problem.value.fields


def test_no_one_to_post_to_writes_a_notice(sessions, out):
    member(sessions, "Email", "Only", post=False)
    assert print_labels(sessions, out / "labels.pdf") == 0
    assert "nothing to print" in pdf_text(out / "labels.pdf")


def test_sheet_geometry_matches_l7160():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    from grassroots.printing.labels import L7160

    assert L7160.per_sheet == 21
    first_x, first_y = L7160.origin(0)
    last_x, last_y = L7160.origin(20)
    assert round(first_x / mm, 2) == 7.25
    assert round((A4[1] - first_y) / mm, 2) == round(15.15 + 38.1, 2)
    assert 7 < (A4[0] - last_x) / mm - 63.5 < 7.5  # a matching margin on the right
    assert round(last_y / mm, 2) == 15.15  # and at the foot
