"""The committee's budget: set, replace, read by year, copy forward."""

from dataclasses import replace
from datetime import date

import pytest

from grassroots.accounts import books, budgets
from grassroots.core.errors import NotFound, ValidationError
from grassroots.core.money import Money
from grassroots.group.service import get_settings, save_settings

YEAR = date(2025, 4, 1)
NEXT = date(2026, 4, 1)


def category(sessions, name):
    return next(c for c in books.list_categories(sessions) if c.name == name)


def test_set_and_replace_a_budget(sessions):
    subs = category(sessions, "Subscriptions").id
    insurance = category(sessions, "Insurance").id
    line = budgets.set_budget(sessions, subs, YEAR, Money(60_000))
    assert (line.category, line.direction, line.amount) == (
        "Subscriptions",
        "receipt",
        Money(60_000),
    )
    budgets.set_budget(sessions, insurance, YEAR, Money(32_000))
    budgets.set_budget(sessions, subs, YEAR, Money(65_000))
    assert budgets.budgets_for(sessions, YEAR) == {subs: Money(65_000), insurance: Money(32_000)}
    assert budgets.budgets_for(sessions, NEXT) == {}
    assert [(b.category, b.amount.pence) for b in budgets.budget_lines(sessions, YEAR)] == [
        ("Subscriptions", 65_000),
        ("Insurance", 32_000),
    ]


def test_a_budget_is_for_a_whole_financial_year_and_has_no_sign(sessions):
    subs = category(sessions, "Subscriptions").id
    with pytest.raises(ValidationError) as caught:
        budgets.set_budget(sessions, subs, date(2025, 1, 1), Money(100))
    assert "01/04/2024" in caught.value.fields["year"]
    with pytest.raises(ValidationError) as caught:
        budgets.set_budget(sessions, subs, YEAR, Money(-100))
    assert "minus" in caught.value.fields["amount"]
    assert budgets.budgets_for(sessions, YEAR) == {}


def test_the_year_follows_the_groups_financial_year(sessions):
    save_settings(sessions, replace(get_settings(sessions), fy_start_month=1, fy_start_day=1))
    assert budgets.year_start_for(sessions, date(2025, 6, 30)) == date(2025, 1, 1)
    subs = category(sessions, "Subscriptions").id
    budgets.set_budget(sessions, subs, date(2025, 1, 1), Money(100))
    assert budgets.budgets_for(sessions, date(2025, 1, 1)) == {subs: Money(100)}


def test_copying_a_year_forward_keeps_figures_already_set(sessions):
    subs = category(sessions, "Subscriptions").id
    hire = category(sessions, "Hire income").id
    insurance = category(sessions, "Insurance").id
    budgets.set_budget(sessions, subs, YEAR, Money(60_000))
    budgets.set_budget(sessions, hire, YEAR, Money(120_000))
    budgets.set_budget(sessions, insurance, YEAR, Money(32_000))
    budgets.set_budget(sessions, insurance, NEXT, Money(35_000))

    assert budgets.copy_budgets(sessions, YEAR, NEXT) == 2
    assert budgets.budgets_for(sessions, NEXT) == {
        subs: Money(60_000),
        hire: Money(120_000),
        insurance: Money(35_000),
    }
    assert budgets.budgets_for(sessions, YEAR)[insurance] == Money(32_000)


def test_clearing_a_budget(sessions):
    subs = category(sessions, "Subscriptions").id
    budgets.set_budget(sessions, subs, YEAR, Money(0))
    assert budgets.budgets_for(sessions, YEAR) == {subs: Money(0)}
    budgets.clear_budget(sessions, subs, YEAR)
    assert budgets.budgets_for(sessions, YEAR) == {}


def test_a_years_budget_is_saved_whole_or_not_at_all(sessions):
    from grassroots.accounts.budgets import budgets_for, save_budgets, set_budget

    start = date(2026, 4, 1)
    ids = [c.id for c in books.list_categories(sessions)][:3]
    set_budget(sessions, ids[2], start, Money(9_900))
    assert save_budgets(sessions, start, {ids[0]: Money(50_000), ids[2]: None}) == 2
    assert budgets_for(sessions, start) == {ids[0]: Money(50_000)}
    with pytest.raises(NotFound):
        save_budgets(sessions, start, {ids[1]: Money(1_000), 999_999: Money(1)})
    assert budgets_for(sessions, start) == {ids[0]: Money(50_000)}  # nothing half-saved
