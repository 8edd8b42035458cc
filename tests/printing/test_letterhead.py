"""The shared letterhead and fonts, through a real document."""

import io
from dataclasses import replace

from grassroots.group.service import get_settings, save_settings
from grassroots.members.documents import print_register
from tests.printing.conftest import TODAY, member, pdf_text


def test_welsh_letters_and_currency_symbols_survive(sessions, out):
    settings = get_settings(sessions)
    save_settings(sessions, replace(settings, name="Cymdeithas Tŷ Ŵyn € £"))
    member(sessions, "Siân", "Ŷnys-Ŵâ")

    print_register(sessions, out / "register.pdf", today=TODAY)

    text = pdf_text(out / "register.pdf")
    assert "Cymdeithas Tŷ Ŵyn € £" in text
    assert "Ŷnys-Ŵâ, Siân" in text


def test_a_damaged_logo_does_not_stop_printing(sessions, out):
    save_settings(sessions, replace(get_settings(sessions), logo_png=b"not a picture"))
    member(sessions, "Siân", "Jones")

    assert print_register(sessions, out / "register.pdf", today=TODAY) == 1


def test_a_logo_is_drawn(sessions, out):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (29, 92, 99)).save(buffer, "PNG")
    save_settings(sessions, replace(get_settings(sessions), logo_png=buffer.getvalue()))
    member(sessions, "Siân", "Jones")

    print_register(sessions, out / "register.pdf", today=TODAY)

    assert b"/Subtype /Image" in (out / "register.pdf").read_bytes()
