"""Checking a person's details before they are saved: pure, so forms can call it per keystroke."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

from grassroots.core.errors import ValidationError
from grassroots.core.validate import normalise_email, normalise_phone, normalise_postcode
from grassroots.people.records import PersonInput

_NORMALISERS = {
    "postcode": normalise_postcode,
    "email": normalise_email,
    "phone": normalise_phone,
    "mobile": normalise_phone,
}
_LIMITS = {
    "title": 20,
    "first_name": 100,
    "last_name": 100,
    "preferred_name": 100,
    "address_line1": 200,
    "address_line2": 200,
    "town": 100,
    "county": 100,
    "source": 200,
}


def clean_person(data: PersonInput, today: date | None = None) -> PersonInput:
    """Trim, normalise and check; raise ValidationError naming every field that is wrong."""
    today = today or date.today()
    values = {
        f.name: getattr(data, f.name).strip()
        if isinstance(getattr(data, f.name), str)
        else getattr(data, f.name)
        for f in fields(data)
    }
    problems: dict[str, str] = {}
    if not values["first_name"] and not values["last_name"]:
        problems["last_name"] = "Give at least a first name or a last name"
    for name, normalise in _NORMALISERS.items():
        try:
            values[name] = normalise(values[name])
        except ValueError as exc:
            problems[name] = str(exc)
    for name, limit in _LIMITS.items():
        if len(values[name]) > limit:
            problems[name] = f"Keep this to {limit} characters"
    born = values["date_of_birth"]
    if born is not None and not date(1900, 1, 1) <= born <= today:
        problems["date_of_birth"] = "The date of birth must be a past date after 1900"
    if values["contact_by_email"] and not values["email"] and "email" not in problems:
        problems["email"] = "They want contact by email, so an email address is needed"
    if values["contact_by_post"] and not values["address_line1"]:
        problems["address_line1"] = "They want contact by post, so an address is needed"
    if problems:
        raise ValidationError(problems)
    return replace(data, **values)
