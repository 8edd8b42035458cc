"""Every table of Grassroots, imported in one place so the metadata is whole.

Used by the migration tests (models must equal `alembic upgrade head`) and by GDPR export,
erasure and merging, which walk every foreign key that points at a person.
"""

from grassroots.accounts import models as accounts_models
from grassroots.bookings import models as bookings_models
from grassroots.db.base import Base
from grassroots.group import models as group_models
from grassroots.meetings import models as meetings_models
from grassroots.members import models as members_models
from grassroots.people import models as people_models

__all__ = [
    "Base",
    "accounts_models",
    "bookings_models",
    "group_models",
    "meetings_models",
    "members_models",
    "people_models",
]
metadata = Base.metadata


def merge_hooks() -> tuple:
    """How areas whose tables hold at most one row per person fold the dropped person's row
    into the kept person's, before a merge re-points every other link. An area with such a
    table adds its function here."""
    from grassroots.meetings.merging import merge_attendance
    from grassroots.members.merging import merge_memberships

    return (merge_memberships, merge_attendance)


def erase_hooks() -> tuple:
    """What areas must do beyond blanking marked columns when a person is erased: copies of
    their details kept where no foreign key points at them (the books' audit trail). A hook
    may refuse by raising GrassrootsError (Gift Aid evidence HMRC may still ask for); the
    erasure then changes nothing."""
    from grassroots.accounts.audit import forget_person
    from grassroots.accounts.gift_aid import keep_gift_aid_evidence

    return (keep_gift_aid_evidence, forget_person)
