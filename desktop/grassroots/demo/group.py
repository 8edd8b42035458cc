"""The demo group's own settings: a name, an address and the words on its renewal letters."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session, sessionmaker

from grassroots.group.service import GroupSettings, get_settings, save_settings

DEMO_SETTINGS = GroupSettings(
    name="Ashby Community Association",
    address="The Old Grammar School\nMarket Street\nAshby-de-la-Zouch",
    postcode="LE65 1AH",
    email="hello@ashbycommunity.org.uk",
    phone="01530 412345",
    website="https://ashbycommunity.org.uk",
    charity_number="1187654",
    is_charity=True,
    fy_start_month=4,
    fy_start_day=1,
    membership_rule="anniversary",
    renewal_window_days=30,
    retention_months=24,
    set_up=True,
)
PAYMENT_INSTRUCTIONS = (
    "Pay by bank transfer to {name}, sort code 30-94-57, account 01234567, quoting your "
    "membership number as the reference. Cash and cheques (payable to {name}) are welcome "
    "at the Thursday coffee morning in the Old Grammar School."
)


def fill_group(sessions: sessionmaker[Session]) -> GroupSettings:
    """Fill in the group's settings; a group already named keeps its name."""
    current = get_settings(sessions)
    name = current.name if current.set_up and current.name else DEMO_SETTINGS.name
    instructions = PAYMENT_INSTRUCTIONS.format(name=name)
    filled = replace(
        DEMO_SETTINGS, name=name, logo_png=current.logo_png, payment_instructions=instructions
    )
    return save_settings(sessions, filled)
