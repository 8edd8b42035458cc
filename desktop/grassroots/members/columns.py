"""The columns of a members spreadsheet: what each field is called, and how headers are matched.

Import and export share this list, so a file Grassroots writes is one it reads back unchanged.
Headers are matched ignoring case, spaces and punctuation ("E-mail", "email", "EMAIL ADDRESS").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# (field key, label shown in the mapping dialog and used as the exported header)
IMPORT_FIELDS: tuple[tuple[str, str], ...] = (
    ("number", "Membership number"),
    ("title", "Title"),
    ("first_name", "First name"),
    ("last_name", "Surname"),
    ("name", "Name (first and last together)"),
    ("preferred_name", "Known as"),
    ("address_line1", "Address 1"),
    ("address_line2", "Address 2"),
    ("town", "Town"),
    ("county", "County"),
    ("postcode", "Postcode"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("mobile", "Mobile"),
    ("date_of_birth", "Date of birth"),
    ("membership_type", "Membership type"),
    ("joined_on", "Joined"),
    ("expires_on", "Expires"),
    ("ended_on", "Ended on"),
    ("ended_reason", "Ended reason"),
    ("amount", "Amount paid"),
    ("paid_on", "Paid on"),
    ("method", "Method"),
    ("contact_by_email", "Contact by email"),
    ("contact_by_post", "Contact by post"),
    ("contact_by_phone", "Contact by phone"),
    ("notes", "Notes"),
)
FIELD_LABELS = dict(IMPORT_FIELDS)

# The names people give these columns in their own spreadsheets, beyond the label itself.
_ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("Membership no", "Member no", "Member number", "Membership number", "Mem no"),
    "title": ("Salutation", "Honorific"),
    "first_name": ("Forename", "Forenames", "Given name", "First names", "Christian name"),
    "last_name": ("Last name", "Family name", "Surname"),
    "name": ("Name", "Full name", "Member name"),
    "preferred_name": ("Preferred name", "Nickname", "Goes by"),
    "address_line1": ("Address line 1", "Address", "Street", "Address1", "House and street"),
    "address_line2": ("Address line 2", "Address2", "Locality", "Village"),
    "town": ("City", "Town or city", "Post town"),
    "county": ("Region", "Shire"),
    "postcode": ("Post code", "Postal code", "ZIP", "Zip code"),
    "email": ("E-mail", "Email address", "E-mail address"),
    "phone": ("Telephone", "Tel", "Phone number", "Telephone number", "Home phone", "Landline"),
    "mobile": ("Mobile phone", "Mobile number", "Cell", "Mob"),
    "date_of_birth": ("DOB", "Birth date", "Birthday", "Born"),
    "membership_type": ("Type", "Membership", "Member type", "Category", "Membership category"),
    "joined_on": ("Start date", "Member since", "Date joined", "Joined on", "Join date"),
    "expires_on": ("Renewal date", "Paid until", "Expiry", "Expiry date", "Expires on", "Renewal"),
    "ended_on": (
        "Ended",
        "Left on",
        "Date left",
        "Left",
        "Leaving date",
        "Date ended",
        "Resigned on",
        "Date resigned",
    ),
    "ended_reason": (
        "Reason for leaving",
        "Reason left",
        "Why left",
        "Leaving reason",
        "End reason",
    ),
    "amount": ("Amount", "Paid", "Fee paid", "Sub paid"),
    "paid_on": ("Payment date", "Date paid", "Paid date"),
    "method": ("Payment method", "Paid by", "How paid"),
    "contact_by_email": ("Email OK", "Email consent", "OK to email"),
    "contact_by_post": ("Post OK", "OK to post", "Post consent"),
    "contact_by_phone": ("Phone OK", "OK to phone", "Phone consent"),
    "notes": ("Note", "Comments", "Comment", "Remarks"),
}


def header_key(text: str) -> str:
    """'E-mail Address ' -> 'emailaddress': how two headers are compared."""
    return re.sub(r"[^0-9a-z]", "", str(text).lower())


_KNOWN: dict[str, str] = {}
for _field, _label in IMPORT_FIELDS:
    for _name in (_label, *_ALIASES.get(_field, ())):
        _KNOWN.setdefault(header_key(_name), _field)


def field_for_header(header: str) -> str | None:
    """The field a column header names, or None for a column Grassroots does not know."""
    return _KNOWN.get(header_key(header))


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """field key -> column index for every header recognised; the first of two alike wins."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = field_for_header(header)
        if field is not None and field not in mapping:
            mapping[field] = index
    return mapping


# ---------------------------------------------------------------- formulas in CSV cells

# A spreadsheet opening a CSV runs a cell that starts with one of these as a formula, so a
# name or note like "=HYPERLINK(...)" or "@SUM(...)" could act on the committee's computer.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Digits and the punctuation of numbers, phone numbers and amounts ("-12.50", "+44 (0)1530
# 412345", "-£5"): with no letter, colon or quote such a cell cannot name a function or a
# cell, so it is left as it is and stays usable as a number.
_PLAIN = re.compile(r"[0-9 .,()/+\-£€%]*")


def looks_like_formula(text: str) -> bool:
    """Whether a CSV cell holding `text` needs a leading apostrophe to stay plain text.

    Text already starting with an apostrophe is judged by what follows it, so "'=x" is
    written "''=x" and reads back unchanged.
    """
    if text.startswith("'"):
        return looks_like_formula(text[1:])
    if not text.startswith(_FORMULA_START):
        return False
    return not (text[0] in "+-" and _PLAIN.fullmatch(text))


def guard_formula(text: str) -> str:
    """'=1+2' -> "'=1+2" for a CSV cell; numbers, phone numbers and other text unchanged."""
    return f"'{text}" if looks_like_formula(text) else text


def unguard_formula(text: str) -> str:
    """The reverse of `guard_formula`, so an exported CSV imports back as it was."""
    return text[1:] if text.startswith("'") and looks_like_formula(text[1:]) else text


# ---------------------------------------------------------------- reading cells

_YES = {"yes", "y", "true", "1", "x", "ok", "✓", "✔", "agreed"}
_NO = {"no", "n", "false", "0", "", "-"}
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "rev",
    "revd",
    "prof",
    "sir",
    "dame",
    "lady",
    "lord",
    "cllr",
    "capt",
}
_PARTICLES = {"de", "da", "di", "du", "la", "le", "van", "von", "der", "den", "st", "st."}
_METHODS = {
    "cash": "cash",
    "cheque": "cheque",
    "check": "cheque",
    "chq": "cheque",
    "bank transfer": "bank transfer",
    "transfer": "bank transfer",
    "bank": "bank transfer",
    "bacs": "bank transfer",
    "online": "bank transfer",
    "standing order": "standing order",
    "so": "standing order",
    "s/o": "standing order",
    "card": "card",
    "debit card": "card",
    "credit card": "card",
    "sumup": "card",
    "other": "other",
}


def parse_yes_no(text: str) -> bool:
    """'Yes', 'Y', 'x', 'TRUE' -> True; blank or 'No' -> False; ValueError for anything else."""
    value = text.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValueError(f"'{text.strip()}' is not yes or no")


def parse_method(text: str, methods: Sequence[str]) -> str:
    """A payment method as people write it ('BACS', 'chq') -> one of `methods`."""
    value = " ".join(text.lower().split())
    if not value:
        return "cash"
    found = _METHODS.get(value, value)
    if found not in methods:
        raise ValueError(f"'{text.strip()}' is not a payment method (use {', '.join(methods)})")
    return found


def split_name(text: str) -> tuple[str, str, str]:
    """'Mrs Ann Smith' or 'Smith, Ann' -> (title, first name, surname)."""
    text = " ".join(text.split())
    if "," in text:
        last, _, first = (part.strip() for part in text.partition(","))
        words = first.split()
    else:
        words = text.split()
        cut = len(words) - 1
        while cut > 1 and words[cut - 1].lower() in _PARTICLES:
            cut -= 1
        last, words = " ".join(words[cut:]), words[:cut]
    title = ""
    if words and last and words[0].lower().rstrip(".") in _TITLES:
        title, words = words[0], words[1:]
    return title, " ".join(words), last
