"""The agenda: items added where business goes, reordered, renamed, removed."""

import pytest

from grassroots.core.errors import ValidationError
from grassroots.meetings import agenda, minutes, service


def _titles(rows):
    return [(r.position, r.title) for r in rows]


def test_a_new_item_goes_before_any_other_business(sessions, plan):
    meeting = plan()

    added = agenda.add_item(sessions, meeting.id, "  Hall roof repairs ")

    items = service.get_meeting(sessions, meeting.id).items
    assert added.title == "Hall roof repairs"
    assert _titles(items)[5:] == [
        (6, "Reports"),
        (7, "Hall roof repairs"),
        (8, "Any other business"),
        (9, "Date of next meeting"),
    ]


def test_an_item_can_be_added_at_a_position(sessions, plan):
    meeting = plan()

    agenda.add_item(sessions, meeting.id, "Fire safety", position=1)

    assert _titles(service.get_meeting(sessions, meeting.id).items)[:2] == [
        (1, "Fire safety"),
        (2, "Welcome and apologies"),
    ]


def test_moving_an_item_renumbers_the_agenda(sessions, plan):
    meeting = plan()
    reports = meeting.items[5]

    moved = agenda.move_item(sessions, reports.id, 2)
    back = agenda.move_item(sessions, reports.id, 99)

    assert _titles(moved)[:3] == [
        (1, "Welcome and apologies"),
        (2, "Reports"),
        (3, "Declarations of interest"),
    ]
    assert _titles(back)[-1] == (8, "Reports")
    assert [r.position for r in service.get_meeting(sessions, meeting.id).items] == list(
        range(1, 9)
    )


def test_rename_and_details(sessions, plan, committee):
    item = plan().items[4]

    agenda.rename_item(sessions, item.id, "Treasurer's report and budget")
    row = agenda.set_item_details(sessions, item.id, committee["Cath"], 15, "Budget 2026-27")

    assert (row.title, row.presenter_name, row.minutes_allowed, row.papers) == (
        "Treasurer's report and budget",
        "Cath Patel",
        15,
        "Budget 2026-27",
    )


def test_bad_item_input_is_named(sessions, plan):
    item = plan().items[0]

    with pytest.raises(ValidationError) as blank:
        agenda.rename_item(sessions, item.id, "   ")
    with pytest.raises(ValidationError) as too_long:
        agenda.set_item_details(sessions, item.id, None, 0, "")

    assert blank.value.fields == {"title": "Give the agenda item a title"}
    assert set(too_long.value.fields) == {"minutes_allowed"}


def test_an_item_with_minutes_is_only_removed_when_confirmed(sessions, plan):
    meeting = plan()
    reports = meeting.items[5]
    minutes.save_notes(sessions, reports.id, "The youth club reported a good term.")

    with pytest.raises(ValidationError) as refused:
        agenda.remove_item(sessions, reports.id)
    kept = service.get_meeting(sessions, meeting.id).items
    left = agenda.remove_item(sessions, reports.id, discard_minutes=True)

    assert "Reports" in refused.value.fields["item"]
    assert len(kept) == 8
    assert "Reports" not in [r.title for r in left]
    assert [r.position for r in left] == list(range(1, 8))


def test_an_items_title_and_details_change_together_or_not_at_all(sessions, plan, committee):
    meeting = plan()
    item = meeting.items[4]
    with pytest.raises(ValidationError) as refused:
        agenda.change_item(sessions, item.id, "Budget", committee["Cath"], 900, "Budget.pdf")
    assert set(refused.value.fields) == {"minutes_allowed"}
    unchanged = service.get_meeting(sessions, meeting.id).items[4]
    assert (unchanged.title, unchanged.papers) == (item.title, item.papers)
    row = agenda.change_item(sessions, item.id, "Budget", committee["Cath"], 20, "Budget.pdf")
    assert (row.title, row.presenter_name, row.minutes_allowed) == ("Budget", "Cath Patel", 20)
