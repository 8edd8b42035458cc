"""The person field: typing part of a name finds people on record to pick from."""

from __future__ import annotations

from grassroots.people.choice import PersonChoice, people_by_id, people_matching
from grassroots.people.records import PersonInput
from grassroots.people.service import add_person
from grassroots.ui.widgets.person_field import NOT_CHOSEN, PersonField


def _people(sessions) -> dict[str, int]:
    names = (("Ann", "Smith", "LE65 1AB"), ("Ann", "Smith", "DE11 9AA"), ("Bob", "Jones", ""))
    return {
        f"{first} {last} {postcode}".strip(): add_person(
            sessions, PersonInput(first_name=first, last_name=last, postcode=postcode)
        ).id
        for first, last, postcode in names
    }


def test_people_are_found_by_any_words_typed(sessions):
    people = _people(sessions)
    found = people_matching(sessions, "ann smi")
    assert [p.label for p in found] == ["Ann Smith (LE65 1AB)", "Ann Smith (DE11 9AA)"]
    assert people_matching(sessions, "jones")[0].id == people["Bob Jones"]
    assert people_matching(sessions, "   ") == ()
    assert people_matching(sessions, "100%_") == ()  # wildcards are taken literally
    assert [p.name for p in people_by_id(sessions, (people["Bob Jones"], 999))] == ["Bob Jones"]


def test_typing_offers_matches_and_picking_one_chooses_them(ctx, qtbot, sessions):
    people = _people(sessions)
    field = PersonField(sessions)
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    with qtbot.waitSignal(field.person_changed) as chosen:
        qtbot.keyClicks(field, "DE11 9")
        assert field.names.stringList() == ["Ann Smith (DE11 9AA)"]
        field.completer_.activated.emit("Ann Smith (DE11 9AA)")
    assert chosen.args == [people["Ann Smith DE11 9AA"]]
    assert field.person_id() == people["Ann Smith DE11 9AA"] and field.problem() == ""
    qtbot.keyClicks(field, "x")  # changing the text un-chooses them
    assert field.person_id() is None
    assert field.problem() == NOT_CHOSEN


def test_the_usual_people_come_first(ctx, qtbot, sessions):
    people = _people(sessions)
    field = PersonField(sessions)
    qtbot.addWidget(field)
    bob = PersonChoice(people["Bob Jones"], "Bob Jones", "present")
    field.offer((bob,))
    assert field.matches("") == (bob,)
    assert field.matches("o")[0] == bob  # then everyone else whose details hold an 'o'
