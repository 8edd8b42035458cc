"""The year-end lists (B2-B5) are entered through a service that checks what it is given."""

from datetime import date

import pytest

from grassroots.accounts.year_end import statement_of_assets
from grassroots.accounts.year_end_items import add_year_end_item
from grassroots.core.errors import ValidationError
from grassroots.core.money import Money

YEAR = date(2025, 4, 1)


def test_items_land_in_their_list(sessions):
    add_year_end_item(sessions, YEAR, "investment", " Charity deposit fund ", Money(500_000))
    assets = statement_of_assets(sessions, YEAR)
    assert [(i.details, i.amount) for i in assets.investments] == [
        ("Charity deposit fund", Money(500_000))
    ]


def test_a_wrong_list_or_no_details_is_refused(sessions):
    with pytest.raises(ValidationError) as caught:
        add_year_end_item(sessions, YEAR, "furniture", "  ")
    assert set(caught.value.fields) == {"section", "details"}
    with pytest.raises(ValidationError, match="fund"):
        add_year_end_item(sessions, YEAR, "liability", "Unpaid bill", Money(100), fund_id=999)
