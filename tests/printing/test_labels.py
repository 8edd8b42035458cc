import pytest

from grassroots.core.errors import ValidationError
from grassroots.members.documents import print_labels
from grassroots.people.service import make_household
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


# ---------------------------------------------------------------- one label per household


def household(sessions, *people, name: str = "") -> None:
    make_household(sessions, [p.person_id for p in people], name)


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        (("Mr", "Dr"), "Mr C Allen & Dr J Allen"),
        (("Mrs", "Mr"), "Mr & Mrs Allen"),
        (("", ""), "Christopher & Jennifer Allen"),
        (("Mr", ""), "Christopher & Jennifer Allen"),  # one title alone is not a pair
    ],
)
def test_a_couple_with_one_surname_shares_a_label(sessions, out, titles, expected):
    chris = member(sessions, "Christopher", "Allen", title=titles[0])
    jen = member(sessions, "Jennifer", "Allen", title=titles[1])
    member(sessions, "Siân", "Ŵyn-Jones", title="Mrs", postcode="LL61 6AA")
    household(sessions, chris, jen)

    assert print_labels(sessions, out / "labels.pdf") == 2

    text = pdf_text(out / "labels.pdf")
    assert expected in text
    assert text.count("12 Heol y Ŵyn") == 2  # the couple once, Mrs Ŵyn-Jones once
    assert "Mrs Siân Ŵyn-Jones" in text


def test_two_surnames_share_a_label_first_names_in_order(sessions, out):
    bob = member(sessions, "Bob", "Jones", title="Mr")
    ann = member(sessions, "Ann", "Smith", title="Ms")
    household(sessions, bob, ann)

    assert print_labels(sessions, out / "labels.pdf") == 1
    assert "Ann Smith & Bob Jones" in pdf_text(out / "labels.pdf")


def test_three_or_more_are_the_household(sessions, out):
    family = [member(sessions, first, "Allen") for first in ("Christopher", "Jennifer", "Tom")]
    household(sessions, *family)

    assert print_labels(sessions, out / "labels.pdf") == 1
    text = pdf_text(out / "labels.pdf")
    assert "The Allen household" in text
    assert "Tom" not in text and text.count("LL61 5UJ") == 1


def test_each_person_gets_a_label_when_asked(sessions, out):
    family = [member(sessions, first, "Allen") for first in ("Christopher", "Jennifer", "Tom")]
    household(sessions, *family)

    assert print_labels(sessions, out / "labels.pdf", one_per_household=False) == 3
    text = pdf_text(out / "labels.pdf")
    assert "Christopher Allen" in text and "Tom Allen" in text
    assert "household" not in text and text.count("LL61 5UJ") == 3


def test_only_people_who_want_post_and_live_there_share_the_label(sessions, out):
    chris = member(sessions, "Christopher", "Allen", title="Mr")
    jen = member(sessions, "Jennifer", "Allen", title="Dr", post=False)
    tom = member(
        sessions, "Tom", "Allen", address_line1="Hall 4, Penglais", town="Aberystwyth",
        postcode="SY23 3BY",
    )  # fmt: skip
    household(sessions, chris, jen, tom)

    assert print_labels(sessions, out / "labels.pdf") == 2

    text = pdf_text(out / "labels.pdf")
    assert "Mr Christopher Allen" in text and "Jennifer" not in text
    assert "Tom Allen" in text and "SY23 3BY" in text  # away at university: a label of his own
    assert "household" not in text


def test_the_household_label_sits_where_its_first_member_sorts(sessions, out):
    member(sessions, "Alan", "Abbott")
    chris = member(sessions, "Christopher", "Allen", title="Mr")
    member(sessions, "Beth", "Brown")
    zoe = member(sessions, "Zoe", "Zander", title="Ms")
    household(sessions, chris, zoe)

    assert print_labels(sessions, out / "labels.pdf") == 3
    text = " ".join(pdf_text(out / "labels.pdf").split())  # a long name may take two lines
    at = [text.index(name) for name in ("Alan Abbott", "Christopher Allen & Zoe", "Beth Brown")]
    assert at == sorted(at)


def test_a_long_shared_name_breaks_after_the_ampersand(sessions, out):
    peter = member(sessions, "Peter", "Thompson", title="Revd")
    margaret = member(sessions, "Margaret", "Thompson", title="Mrs")
    household(sessions, peter, margaret)

    print_labels(sessions, out / "labels.pdf")

    lines = pdf_text(out / "labels.pdf").splitlines()
    assert lines[:3] == ["Mrs M Thompson &", "Revd P Thompson", "12 Heol y Ŵyn"]
