"""Bounds with each rule left out in turn, found together, against each system propagated alone."""

from __future__ import annotations

import itertools
import threading
from decimal import Decimal
from fractions import Fraction

import pytest
from claim_making import count, percent, quantity
from counting import calls_of
from hypothesis import given
from hypothesis import strategies as st
from rule_making import random_rules

from peelmodel.analysis import _leave_one_out, reconcile
from peelmodel.analysis._components import Component
from peelmodel.analysis._leave_one_out import Halves, LeftOut
from peelmodel.analysis._propagation import Rule, System
from peelmodel.analysis._query import Query
from peelmodel.analysis._rules import holds
from peelmodel.analysis._search import Bounds, root
from peelmodel.analysis.scrutiny import Scrutiny
from peelmodel.claims import Claim

CEILING = 9


@st.composite
def systems(draw: st.DrawFn) -> tuple[System, int]:
    """Up to seven rules over up to three unknowns in ``[0, 9]``; the first few never left out."""
    size = draw(st.integers(1, 3))
    rules = draw(random_rules(size, 7, largest=3, denominators=6, terms=2))
    unknown = st.integers(0, size - 1)
    positive = draw(st.sets(unknown))
    return System(size, rules, CEILING, positive), draw(st.integers(0, len(rules)))


def _without(system: System, index: int) -> list[bool]:
    return [number != index for number in range(len(system.rules))]


def leave_one_out(system: System, first: int) -> list[Bounds | None]:
    """The bounds without each rule from *first* on, in rule order, asked for in that order."""
    halves = Halves(system, first)
    return [halves.without(index) for index in range(first, len(system.rules))]


@given(systems())
def test_the_same_bounds_as_each_system_propagated_alone(case):
    system, first = case
    found = leave_one_out(system, first)
    assert len(found) == len(system.rules) - first
    for index, bounds in enumerate(found, start=first):
        assert bounds == root(system, _without(system, index))


@given(systems())
def test_every_solution_of_the_other_rules_lies_within_the_bounds(case):
    system, first = case
    found = leave_one_out(system, first)
    for index, bounds in enumerate(found, start=first):
        others = [rule for number, rule in enumerate(system.rules) if number != index]
        for point in itertools.product(*(range(low, CEILING + 1) for low in system.low)):
            if all(holds(rule, list(point)) for rule in others):
                assert bounds is not None
                assert all(bounds[0][u] <= v <= bounds[1][u] for u, v in enumerate(point))


def test_rules_never_left_out_that_have_no_solution_leave_none():
    """x is 2 and x is 3 cannot both hold: every system keeping both has no solution."""
    two = Rule("two", (0,), -1, Fraction(2), False, Fraction(2), False)
    three = Rule("three", (0,), -1, Fraction(3), False, Fraction(3), False)
    free = Rule("free", (1,), -1, None, False, None, False)
    assert leave_one_out(System(2, [two, three, free, free], CEILING), 2) == [None, None]


def test_a_rule_the_rest_contradict_is_the_one_system_that_holds_without_it():
    """x is 2, x is 3, y is 1: only leaving out one of the first two leaves a solution."""
    two = Rule("two", (0,), -1, Fraction(2), False, Fraction(2), False)
    three = Rule("three", (0,), -1, Fraction(3), False, Fraction(3), False)
    one = Rule("one", (1,), -1, Fraction(1), False, Fraction(1), False)
    assert leave_one_out(System(2, [two, three, one], CEILING), 0) == [
        ([3, 1], [3, 1]),
        ([2, 1], [2, 1]),
        None,
    ]


@given(systems(), st.data())
def test_asked_in_any_order_the_same_bounds(case, data):
    """Whichever rule is asked about first, and however often, each has its own system's bounds."""
    system, first = case
    indexes = range(first, len(system.rules))
    order = data.draw(st.lists(st.sampled_from(indexes), max_size=12)) if indexes else []
    halves = Halves(system, first)
    for index in order:
        assert halves.without(index) == root(system, _without(system, index))


def _propagations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the propagations of :mod:`~peelmodel.analysis._leave_one_out` from now on."""
    return calls_of(monkeypatch, _leave_one_out, "propagate")


def test_only_the_halves_on_the_way_to_a_rule_are_found(monkeypatch):
    """One rule of 32 costs the bounds without all of them and five halvings; all 32, 63 in all."""
    free = [Rule(f"r{n}", (n % 4,), -1, None, False, Fraction(n + 8), False) for n in range(32)]
    system = System(4, free, CEILING)
    calls = _propagations(monkeypatch)
    halves = Halves(system, 0)
    assert halves.without(17) == root(system, _without(system, 17))
    assert len(calls) == 1 + 5
    assert halves.without(16) == root(system, _without(system, 16))
    assert len(calls) == 1 + 5 + 1  # its sibling: one more
    for index in range(32):
        assert halves.without(index) == root(system, _without(system, index))
    assert len(calls) == 1 + 2 * 31
    assert len(halves._found) == 32  # a span is let go once both its halves are found


def _within(inner: Bounds, outer: Bounds) -> bool:
    return all(a <= b for a, b in zip(outer[0], inner[0], strict=True)) and all(
        a <= b for a, b in zip(inner[1], outer[1], strict=True)
    )


@given(systems(), st.data())
def test_on_the_way_to_a_rule_each_bounds_are_within_the_last(case, data):
    """Asked in any order, the bounds towards a rule narrow, down to those without it alone."""
    system, first = case
    indexes = range(first, len(system.rules))
    if not indexes:
        return
    halves = Halves(system, first)
    for index in data.draw(st.lists(st.sampled_from(indexes), min_size=1, max_size=8)):
        *on_the_way, last = halves.towards(index)
        assert last == root(system, _without(system, index))
        assert None not in on_the_way  # no solution: the last, since more rules keep it so
        ends = on_the_way if last is None else [*on_the_way, last]
        for wider, narrower in itertools.pairwise(ends):
            assert _within(narrower, wider)


def test_stopping_on_the_way_saves_the_rest(monkeypatch):
    """The first bounds towards rule 17 of 32 are those without its half: two propagations."""
    free = [Rule(f"r{n}", (n % 4,), -1, None, False, Fraction(n + 8), False) for n in range(32)]
    system = System(4, free, CEILING)
    calls = _propagations(monkeypatch)
    halves = Halves(system, 0)
    first = next(halves.towards(17))
    assert first == root(system, [index < 16 for index in range(32)])
    assert len(calls) == 1 + 1
    assert len(list(halves.towards(17))) == 5  # the half found already, then four more
    assert len(calls) == 1 + 5


def test_a_rule_never_left_out_cannot_be_asked_about():
    one = Rule("one", (0,), -1, Fraction(1), False, Fraction(1), False)
    halves = Halves(System(1, [one, one], CEILING), 1)
    assert halves.without(1) == ([1], [1])
    for index in (0, 2, -1):
        with pytest.raises(IndexError, match=f"^{index}$"):
            halves.without(index)


def test_no_rule_to_leave_out_leaves_no_bounds():
    one = Rule("one", (0,), -1, Fraction(1), False, Fraction(1), False)
    assert leave_one_out(System(1, [one], CEILING), 1) == []


def _shares() -> tuple[Component, tuple[Claim, ...], int]:
    """A count of 1,000 groups and two whole percentages of it: a component of three figures."""
    groups, drugs, guns = quantity("groups"), quantity("drugs"), quantity("guns")
    result = reconcile(
        [
            count("groups", groups, 1000),
            percent("drugs", drugs, groups, 56),
            percent("guns", guns, groups, 12),
        ]
    )
    found = result._kept_of(groups)
    assert found is not None
    return found[0], found[1], result.ceiling


def test_the_limits_over_each_quantity_found_once_and_only_read():
    component, _, _ = _shares()
    touching = component.touching
    assert component.touching is touching
    assert touching == {
        quantity: [limit for limit in component.limits if quantity in (*limit.parts, limit.whole)]
        for quantity in component.quantities
        if any(quantity in (*limit.parts, limit.whole) for limit in component.limits)
    }
    with pytest.raises(KeyError):  # a quantity no limit is over is not added by reading it
        touching[quantity("elsewhere")]
    assert quantity("elsewhere") not in touching


class TestLeftOut:
    """Every kept figure's bounds without it, for each ceiling, found by halves as figures ask."""

    def test_each_figure_s_bounds_are_those_of_its_own_system(self, monkeypatch):
        component, kept, ceiling = _shares()
        left_out = LeftOut(component, kept)
        calls = _propagations(monkeypatch)
        for claim in kept:
            others = [other for other in kept if other is not claim]
            system = component.system(others, ceiling)
            assert left_out.without(claim, ceiling) == root(system)
        assert len(calls) == 1 + 2 * 2  # the limits alone, then each of two halvings twice
        wider = component.system(kept[1:], 2 * ceiling + 1)
        assert left_out.without(kept[0], 2 * ceiling + 1) == root(wider)
        assert len(calls) == 5 + 2  # another ceiling: the limits alone, one halving to the first

    def test_one_system_of_every_kept_figure_for_each_ceiling(self):
        """The queries share it: each finds its own figure's rule at its slot."""
        component, kept, ceiling = _shares()
        left_out = LeftOut(component, kept)
        system = left_out.system(ceiling)
        assert left_out.system(ceiling) is system
        assert left_out.system(2 * ceiling + 1) is not system
        assert system.ceiling == ceiling
        assert [system.rules[left_out.slot(claim)].id for claim in kept] == [
            claim.id for claim in kept
        ]
        assert len(system.rules) == len(component.limits) + len(kept)

    def test_holds_the_kept_figures_only(self):
        component, kept, _ = _shares()
        left_out = LeftOut(component, kept[1:])
        assert [claim in left_out for claim in kept] == [False, True, True]


class TestSharedSystems:
    """The queries of a component's figures share its systems, each figure's rule a slot of them."""

    def test_each_figure_s_answers_are_those_of_a_system_of_its_own(self, monkeypatch):
        _, kept, _ = _shares()
        again = [count("again", quantity("groups"), 1001), count("d", quantity("drugs"), 560)]
        claims = [*kept, *again]
        result = reconcile(claims)
        assert result.set_aside == {"groups"}  # a system of its own: its others, the slot added
        shared = Scrutiny(result)
        found = [(str(shared.implied(c)), shared.caught(c)) for c in claims]
        # Every query with a system of its own.
        monkeypatch.setattr(LeftOut, "__contains__", lambda *_: False)
        alone = Scrutiny(result)
        assert found == [(str(alone.implied(c)), alone.caught(c)) for c in claims]
        # 560 of 1,001 is 55.9 %; 55.5 % to 56.5 % of 1,001 is 555.6 to 565.6 drugs.
        expected = ["56 to 56", "1001 to 1001", "0 to unbounded", "992 to 1009", "556 to 565"]
        assert [implied for implied, _ in found] == expected

    def test_a_search_leaves_the_shared_system_as_it_found_it(self):
        _, kept, ceiling = _shares()
        scrutiny = Scrutiny(reconcile(kept))
        system = scrutiny._query(kept[1]).system
        rules = list(system.rules)
        for claim in kept:
            scrutiny.implied(claim)
        assert scrutiny._query(kept[2]).system is system
        assert system.rules == rules
        assert system.ceiling == ceiling

    def test_one_thread_searches_at_a_time(self, monkeypatch):
        """A second thread asking about another figure waits until the first's search ends."""
        _, kept, _ = _shares()
        drugs = count("d", quantity("drugs"), 560)
        claims = [*kept, drugs]
        scrutiny = Scrutiny(reconcile(claims))
        inside, other_done = threading.Event(), threading.Event()
        overlapped: list[bool] = []
        with_ = Query._with

        def first_search_waits(self, value, **options):  # type: ignore[no-untyped-def]
            if threading.current_thread() is threading.main_thread() and not inside.is_set():
                inside.set()
                overlapped.append(other_done.wait(0.5))  # the other thread, were it let in, ends
            return with_(self, value, **options)

        monkeypatch.setattr(Query, "_with", first_search_waits)
        answers: list[bool] = []

        def other() -> None:
            if inside.wait(10):  # (no search to wait for fails below, not here)
                answers.append(scrutiny.is_checked(drugs))  # 56 % of 992 groups or more: 556
            other_done.set()

        thread = threading.Thread(target=other, daemon=True)
        thread.start()
        assert scrutiny.caught(kept[1]) == Decimal(1010)  # 560 is 56.5 % of 991.2 groups
        thread.join(10)
        assert not thread.is_alive()
        assert overlapped == [False]
        assert answers == [True]
