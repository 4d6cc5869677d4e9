"""Bounds with each rule left out in turn, found together, against each system propagated alone."""

from __future__ import annotations

import itertools
from fractions import Fraction

from claim_making import count, percent, quantity
from hypothesis import given
from hypothesis import strategies as st
from rule_making import random_rules

from peelmodel.analysis import _leave_one_out, reconcile
from peelmodel.analysis._components import Component
from peelmodel.analysis._leave_one_out import LeftOut, leave_one_out
from peelmodel.analysis._propagation import Rule, System
from peelmodel.analysis._rules import holds
from peelmodel.analysis._search import root
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


class TestLeftOut:
    """The first figure to ask propagates alone; from the second, every figure's bounds are shared."""

    def test_found_together_once_a_second_figure_asks(self, monkeypatch):
        component, kept, ceiling = _shares()
        calls = []

        def counted(system, first):
            calls.append(len(system.rules) - first)
            return leave_one_out(system, first)

        monkeypatch.setattr(_leave_one_out, "leave_one_out", counted)
        left_out = LeftOut(component, kept)
        for claim in kept:
            others = [other for other in kept if other is not claim]
            system = component.system(others, ceiling)
            assert left_out.without(claim, system) == root(system)
        assert calls == [3]
        wider = component.system(kept[1:], 2 * ceiling + 1)
        assert left_out.without(kept[0], wider) == root(wider)
        assert calls == [3]  # another ceiling: the first to ask propagates alone again

    def test_holds_the_kept_figures_only(self):
        component, kept, _ = _shares()
        left_out = LeftOut(component, kept[1:])
        assert [claim in left_out for claim in kept] == [False, True, True]
