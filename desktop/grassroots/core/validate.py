"""Checks and normal forms for UK postcodes, email addresses and phone numbers."""

from __future__ import annotations

import re

# The official shape of a UK postcode (outward code, space, inward code), plus GIR 0AA.
_POSTCODE = re.compile(
    r"^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPS-UW]|"
    r"[A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})$"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def normalise_postcode(text: str) -> str:
    """'sw1a1aa' -> 'SW1A 1AA'. ValueError if it cannot be a UK postcode."""
    compact = re.sub(r"\s+", "", text or "").upper()
    if not compact:
        return ""
    if not _POSTCODE.match(compact):
        raise ValueError(f"'{text.strip()}' is not a UK postcode")
    return f"{compact[:-3]} {compact[-3:]}"


def normalise_email(text: str) -> str:
    """Trim and lower-case the domain; ValueError if it is not an email address."""
    value = (text or "").strip()
    if not value:
        return ""
    if not _EMAIL.match(value):
        raise ValueError(f"'{value}' is not an email address")
    local, domain = value.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def normalise_phone(text: str) -> str:
    """UK numbers written one way: '+44 (0)1234 567890' -> '01234 567890'.

    Numbers from abroad keep their '+' form. ValueError for something that cannot be dialled.
    """
    raw = (text or "").strip()
    if not raw:
        return ""
    digits = re.sub(r"[^\d+]", "", raw.replace("(0)", ""))
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("+") or digits.startswith("00"):
        rest = digits.lstrip("+0")
        if not 7 <= len(rest) <= 15:
            raise ValueError(f"'{raw}' is not a phone number")
        return "+" + rest
    elif len(digits) == 10 and not digits.startswith("0"):
        digits = "0" + digits  # spreadsheets drop the leading zero
    if "+" in digits or not digits.startswith("0") or len(digits) not in (10, 11):
        raise ValueError(f"'{raw}' is not a UK phone number")
    if digits.startswith("02"):
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    if digits.startswith("01") and "1" in (digits[2], digits[3]):
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if digits.startswith(("01", "07")):
        return f"{digits[:5]} {digits[5:]}"
    return f"{digits[:4]} {digits[4:7]} {digits[7:]}"


def phone_digits(text: str) -> str:
    """Only the digits, for searching '07700900123' against '07700 900123'."""
    return re.sub(r"\D", "", text or "")
