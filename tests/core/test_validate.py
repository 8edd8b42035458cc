import pytest

from grassroots.core.validate import (
    normalise_email,
    normalise_phone,
    normalise_postcode,
    phone_digits,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("sw1a1aa", "SW1A 1AA"),
        ("  le65 1aa ", "LE65 1AA"),
        ("M1 1AE", "M1 1AE"),
        ("b338th", "B33 8TH"),
        ("cr26xh", "CR2 6XH"),
        ("dn551pt", "DN55 1PT"),
        ("", ""),
    ],
)
def test_postcodes_are_normalised(raw, clean):
    assert normalise_postcode(raw) == clean


@pytest.mark.parametrize("raw", ["12345", "XX1", "QQ1 1AA", "SW1A 1A"])
def test_bad_postcodes_are_named(raw):
    with pytest.raises(ValueError, match="not a UK postcode"):
        normalise_postcode(raw)


def test_email():
    assert normalise_email(" Ann.Smith@Example.ORG ") == "Ann.Smith@example.org"
    assert normalise_email("") == ""
    with pytest.raises(ValueError, match="not an email"):
        normalise_email("ann at example")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("+44 (0)1530 412345", "01530 412345"),
        ("07700900123", "07700 900123"),
        ("020 7946 0018", "020 7946 0018"),
        ("0121 496 0000", "0121 496 0000"),
        ("7700900123", "07700 900123"),
        ("+353 1 234 5678", "+35312345678"),
        ("", ""),
    ],
)
def test_phones(raw, clean):
    assert normalise_phone(raw) == clean


@pytest.mark.parametrize("raw", ["123", "phone me", "0770090012345"])
def test_bad_phones(raw):
    with pytest.raises(ValueError):
        normalise_phone(raw)


def test_phone_digits():
    assert phone_digits("07700 900123") == "07700900123"
