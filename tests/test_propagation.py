"""Propagation wakes a rule only where narrowing it again could move something.

:func:`~peelmodel.analysis._propagation._narrow` says whether a rule may
narrow its unknowns again. Where it says not, the rule is at its own fixed
point, so propagation does not run it again for what it moved itself; nor
does it wake a rule whose other unknowns were fixed already
(:func:`~peelmodel.analysis._propagation._entailed`). These tests check
both halves: narrowing a rule said to be settled again moves nothing, and
propagation still ends with every rule at its fixed point.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import example, given
from hypothesis import strategies as st
from rule_making import random_rules

from peelmodel.analysis import _propagation as propagation
from peelmodel.analysis._propagation import (
    INFEASIBLE,
    System,
    _entailed,
    _narrow,
    propagate,
    step_of,
)
from peelmodel.analysis._rules import Rule

_HALF = Fraction(1, 2)


@st.composite
def bounds(draw: st.DrawFn, size: int) -> tuple[list[int], list[int]]:
    """Bounds of *size* unknowns, each from 0 to 40 and up to 60 wide."""
    low = [draw(st.integers(0, 40)) for _ in range(size)]
    return low, [value + draw(st.integers(0, 60)) for value in low]


@given(random_rules(4, 1, largest=3, denominators=7, terms=4), bounds(4))
@example(  # a count: only its one unknown moves
    [Rule("count", (0,), -1, Fraction(8), False, Fraction(8), False)], ([0, 0, 0, 0], [40] * 4)
)
@example(  # a domain limit: its lows never move, so its highs are narrowed from final lows
    [Rule("limit", (0, 1), 2, Fraction(0), False, Fraction(1), False)], ([5, 7, 0, 0], [40] * 4)
)
@example(  # a band over a sum: only the first unknown moves, from bounds that stay
    [Rule("band", (0, 1), -1, Fraction(10), False, Fraction(10), False)],
    ([0, 0, 0, 0], [10, 3, 0, 0]),
)
@example(  # a ratio of two unknowns, tightened to ends whole numbers match
    [Rule("half", (0,), 1, _HALF, False, _HALF, False)], ([0, 1, 0, 0], [40, 40, 0, 0])
)
@example(  # whole ends of a ratio, both of which move it: narrowing again moves it again
    [Rule("ratio", (1, 0), 3, Fraction(10), False, Fraction(12), True)],
    ([20, 8, 12, 1], [44, 9, 39, 5]),
)
@example(  # an unknown twice in the numerator: never said to be settled once it moves
    [Rule("twice", (0, 0), 1, Fraction(3), False, None, False)], ([0, 2, 0, 0], [40, 30, 0, 0])
)
def test_a_rule_said_settled_moves_nothing_when_narrowed_again(rules, drawn):
    """Narrowing a rule that says it will not move anything again moves nothing, and says so."""
    step = step_of(rules[0])
    low, high = list(drawn[0]), list(drawn[1])
    narrowed = _narrow(step, low, high)
    if narrowed is None or narrowed[1]:
        return
    before = (list(low), list(high))
    assert _narrow(step, low, high) == ([], False)
    assert (low, high) == before


def test_each_kind_of_settled_rule_moves_something_first():
    """The examples above move their unknowns on the first narrowing: the test is not vacuous."""
    cases = [
        (Rule("count", (0,), -1, Fraction(8), False, Fraction(8), False), [0, 0], [40, 40], [0]),
        (
            Rule("limit", (0, 1), 2, Fraction(0), False, Fraction(1), False),
            [5, 7, 0],
            [40] * 3,
            [0, 1, 2],
        ),
        (Rule("band", (0, 1), -1, Fraction(10), False, Fraction(10), False), [0, 0], [10, 3], [0]),
        (Rule("half", (0,), 1, _HALF, False, _HALF, False), [0, 1], [40, 40], [0, 1]),
        # No greatest end: both lows move, each from highs the rule never moves.
        (Rule("least", (0, 1), 2, _HALF, False, None, False), [0, 0, 40], [12, 12, 40], [0, 1]),
    ]
    for rule, low, high, moved in cases:
        assert _narrow(step_of(rule), low, high) == (moved, False), rule.id


def test_a_rule_that_may_move_again_says_so():
    """A denominator narrowed last can move a numerator; so can an unknown read twice."""
    over = Rule("over", (2, 1), 0, Fraction(6), False, Fraction(23, 3), False)
    low, high = [1, 5, 11], [9, 26, 12]
    assert _narrow(step_of(over), low, high) == ([0], True)
    assert _narrow(step_of(over), low, high) == ([1], True)  # moved by the denominator's new end
    twice = Rule("twice", (0, 0), 1, Fraction(3), False, None, False)
    assert _narrow(step_of(twice), [0, 2], [40, 30]) == ([1], True)
    ratio = Rule("ratio", (1, 0), 3, Fraction(10), False, Fraction(12), True)  # 10 ≤ sum ÷ x3 < 12
    low, high = [20, 8, 12, 1], [44, 9, 39, 5]
    assert _narrow(step_of(ratio), low, high) == ([3], True)
    assert _narrow(step_of(ratio), low, high) == ([0], True)  # from the denominator's new low


def test_a_settled_rule_is_not_woken_by_its_own_changes():
    """A count moves its unknown once: one step; a rule that may move again takes a second."""
    count = Rule("count", (0,), -1, Fraction(8), False, Fraction(8), False)
    system = System(1, [count], 40)
    low, high = list(system.low), list(system.high)
    assert propagate(system, low, high, [0]) == 1
    assert (low, high) == ([8], [8])
    # A share moves both its unknowns, each matched: settled, so neither change wakes it.
    share = Rule("share", (0,), 1, Fraction(1, 8), False, Fraction(3, 20), True)
    system = System(2, [share], 100, positive=[1])
    low, high = list(system.low), list(system.high)
    assert propagate(system, low, high, [0]) == 1
    assert (low, high) == ([1, 7], [14, 100])
    ratio = Rule("ratio", (1, 0), 3, Fraction(10), False, Fraction(12), True)
    system = System(4, [ratio], 60)
    low, high = [20, 8, 12, 1], [44, 9, 39, 5]
    assert propagate(system, low, high, [0]) == 3  # it moved the denominator, then x0, then nothing
    assert _narrow(system.steps[0], low, high) == ([], False)


@given(random_rules(4, 6, largest=3, denominators=7, terms=3))
@example(  # r4 fixes x1 and x2 in one step: r0, over both, is woken though each is now fixed
    [
        Rule("r0", (1,), 2, Fraction(3), False, None, False),
        Rule("r1", (0,), -1, None, False, None, False),
        Rule("r2", (0,), -1, None, False, None, False),
        Rule("r3", (0,), 0, None, False, None, False),
        Rule("r4", (0, 0, 1), 2, None, False, Fraction(3), True),
    ]
)
def test_propagation_ends_with_every_rule_at_its_fixed_point(rules):
    """Once propagation settles, narrowing any rule once more moves nothing."""
    divisors = [rule.denominator for rule in rules if rule.denominator >= 0]
    system = System(4, rules, 60, positive=divisors)
    low, high = list(system.low), list(system.high)
    steps = propagate(system, low, high, range(len(rules)), budget=10**6)
    if steps == INFEASIBLE:
        return
    assert steps <= 10**6
    for step in system.steps:
        before = (list(low), list(high))
        assert _narrow(step, low, high) is not None
        assert (low, high) == before


def test_a_rule_whose_other_unknowns_are_fixed_is_not_woken(monkeypatch):
    """A rate over a fixed count allows its denominator one interval: narrowing it within wakes nothing.

    x0 = 30 and 10 % ≤ x0 ÷ x1 ≤ 20 %: x1 is from 150 to 300. Then x1 ≤ 200
    (a count of its own) would wake the rate, which cannot move again.
    """
    count = Rule("count", (0,), -1, Fraction(30), False, Fraction(30), False)
    rate = Rule("rate", (0,), 1, Fraction(1, 10), False, Fraction(1, 5), False)
    most = Rule("most", (1,), -1, None, False, Fraction(200), False)
    system = System(2, [count, rate, most], 10**6, positive=[1])
    low, high = list(system.low), list(system.high)
    assert propagate(system, low, high, [0, 1]) == 2
    assert (low, high) == ([30, 150], [30, 300])
    narrowed = []

    def counted(step, *bounds):
        narrowed.append(step)
        return _narrow(step, *bounds)

    monkeypatch.setattr(propagation, "_narrow", counted)
    assert propagate(system, low, high, [2]) == 1
    assert narrowed == [system.steps[2]]
    assert (low, high) == ([30, 150], [30, 200])
    assert _narrow(system.steps[1], low, high) == ([], False)


def test_entailed_needs_every_other_unknown_fixed_before_the_change():
    """Fixed now but changed in the same step, or read twice: the rule is woken."""
    pair = step_of(Rule("r", (0,), 1, Fraction(1, 10), False, Fraction(1, 5), False))
    low, high = [30, 150], [30, 300]
    assert _entailed(pair, 1, [1], low, high)
    assert not _entailed(pair, 1, [0, 1], low, high)  # x0 moved too: the rule must check it
    assert not _entailed(pair, 0, [0], low, high)  # x1 is not fixed
    twice = step_of(Rule("t", (0, 0), 1, Fraction(3), False, None, False))
    assert not _entailed(twice, 1, [1], [4, 2], [9, 2])
