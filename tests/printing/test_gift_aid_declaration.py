"""The Gift Aid declaration form: HMRC's model wording, the person's details or blank lines,
the group's letterhead, one form a page."""

from pypdf import PdfReader

from grassroots.accounts.gift_aid_forms import print_declaration_form
from grassroots.printing.gift_aid_declaration import (
    DeclarationForm,
    Donor,
    build_declaration_form,
    declaration_wording,
)
from grassroots.printing.letterhead import Letterhead
from tests.printing.conftest import member, pages, pdf_text

HEAD = Letterhead("Cymdeithas Tŷ Ŵyn", ("1 Stryd Fawr", "LL61 5UJ"), charity_number="1234567")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_model_wording_names_the_charity():
    wording = declaration_wording("Ashby Village Hall")
    assert "any donations I make in the future or have made in the past 4 years to " in wording
    assert "Ashby Village Hall. I am a UK taxpayer" in wording
    assert "it is my responsibility to pay any difference" in wording


def test_a_filled_in_form_carries_the_name_and_home_address(tmp_path):
    donor = Donor("Mrs", "Siân", "Ŷnys-Ŵâ", ("12 Heol y Ŵyn", "Llanfair"), "LL61 5UJ")
    path = build_declaration_form(DeclarationForm(HEAD, donor), tmp_path / "form.pdf")
    text = flat(pdf_text(path))
    assert pages(path) == 1
    for shown in ("Cymdeithas Tŷ Ŵyn", "Siân", "Ŷnys-Ŵâ", "12 Heol y Ŵyn", "LL61 5UJ"):
        assert shown in text
    assert flat(declaration_wording("Cymdeithas Tŷ Ŵyn")) in text
    assert "Please notify Cymdeithas Tŷ Ŵyn if you want to cancel this declaration" in text
    fonts = PdfReader(path).pages[0]["/Resources"]["/Font"].get_object()
    names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    embedded = {name.split("+")[-1] for name in names if "+" in name}
    assert embedded == {"NotoSans-Regular", "NotoSans-Bold"}  # subset into the PDF


def test_blank_forms_come_one_a_page_each_numbered_on_its_own(tmp_path):
    path = build_declaration_form(DeclarationForm(HEAD, None, copies=4), tmp_path / "blank.pdf")
    assert pages(path) == 4
    last = flat(pdf_text(path, 3))
    assert "Page 1 of 1" in last and "First name or initial" in last
    assert "Siân" not in last


def test_the_form_for_a_person_on_the_records(sessions, tmp_path):
    person_id = member(sessions, "Siân", "Jones").person_id
    path = print_declaration_form(sessions, tmp_path / "form.pdf", person_id)
    text = flat(pdf_text(path))
    assert "Siân" in text and "Jones" in text and "12 Heol y Ŵyn" in text and "LL61 5UJ" in text
    assert "Ashby Village Hall" in text  # the group's letterhead and wording
