"""The exact ends of every unknown of a system, each with a solution that attains it."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from counting import calls_of
from hypothesis import example, given
from hypothesis import strategies as st
from rule_making import random_rules

from peelmodel.analysis import _extremes
from peelmodel.analysis._extremes import Extremes, UnsolvableError, Witness
from peelmodel.analysis._linear import Table
from peelmodel.analysis._propagation import INFEASIBLE, Rule, System, propagate
from peelmodel.analysis._rules import holds
from peelmodel.analysis._search import _halves, improve, solve, solve_within

#: 12.5 percent ≤ x ÷ y < 15 percent, with x unknown 0 and y unknown 1.
SHARE = Rule("s", (0,), 1, Fraction(1, 8), False, Fraction(3, 20), True)


#: Systems over three unknowns, each from 1 to 30, whose least values are neither the bounds
#: propagation leaves nor those of the first solution found: the search must improve on them.
SEARCHED = [
    [
        Rule("r0", (0,), 2, Fraction(3, 4), False, Fraction(7, 4), False),
        Rule("r1", (1, 2), 0, Fraction(2), True, Fraction(11, 5), True),
    ],
    [
        Rule("r0", (0,), 2, Fraction(1), False, Fraction(3), True),
        Rule("r1", (0, 1), 2, Fraction(6), True, Fraction(19, 3), True),
    ],
    [
        Rule("r0", (1, 2), 0, Fraction(6), False, Fraction(55, 9), True),
        Rule("r1", (2,), 0, Fraction(4, 3), True, Fraction(11, 6), True),
    ],
    # x0 < x1 (2 x0 + x1 < 3 x1): the greatest of unknown 0 is 29, the whole part of the
    # greatest over the reals (29.5); propagation, reading one bound at a time, leaves 30.
    [
        Rule("r0", (0, 1, 0), 1, None, False, Fraction(3), True),
        Rule("r1", (0,), -1, Fraction(5, 4), False, None, False),
    ],
    # The least of unknown 0 is 2, one above propagation's bound.
    [
        Rule("r0", (0, 1), 2, Fraction(1), True, Fraction(3, 2), False),
        Rule("r1", (1, 2), 0, Fraction(5), False, Fraction(21, 4), True),
    ],
    # The greatest of unknown 2 is 29, one below propagation's bound (the ceiling).
    [
        Rule("r0", (0, 2), 1, Fraction(4, 5), True, Fraction(22, 15), False),
        Rule("r1", (0,), 1, Fraction(1, 2), False, Fraction(5, 6), False),
    ],
]


def _share() -> Extremes:
    return Extremes(System(2, [SHARE], 100, positive=[1]))


def test_the_first_solution_is_the_least_corner_of_the_propagated_bounds():
    """Propagation leaves x in [1, 14] and y in [7, 100]; 1 of 7 is a solution."""
    assert _share().base == [1, 7]


def test_a_solution_known_already_is_the_first(monkeypatch):
    """2 of 14 is a solution: given, it is the base, and no search looks for another."""
    searches = calls_of(monkeypatch, _extremes, "solve")
    extremes = Extremes(System(2, [SHARE], 100, positive=[1]), known=[2, 14])
    assert extremes.base == [2, 14]
    assert searches == []
    assert extremes.least(0)[0] == 1  # the ends are still every solution's


def test_an_end_keeps_the_first_solution_that_attains_it():
    """1 of 8 and 13 of 100 attain ends too, but the witnesses stay the solutions found first."""
    extremes = _share()
    extremes.add([1, 8])
    extremes.add([13, 100])
    assert extremes.least(0) == (1, [1, 7])
    assert extremes.greatest(1) == (100, [14, 100])


def test_a_greatest_end_short_of_propagation_is_asked_at_the_reals_bound(monkeypatch):
    """x0 = x1 and x0 + x1 ≤ 11: propagation leaves x0 ≤ 10, the reals 5.5.

    Two questions: none reaches 10, and one reaches 5, the whole part of the
    greatest over the reals, which is the answer; galloping up from the first
    solution would take more.
    """
    asked = []

    def counted(system, bounds, changed, lean=None):
        asked.append(bounds[0][changed[0]])
        return solve_within(system, bounds, changed, lean)

    monkeypatch.setattr("peelmodel.analysis._extremes.solve_within", counted)
    equal = Rule("e", (0,), 1, Fraction(1), False, Fraction(1), False)
    total = Rule("t", (0, 1), -1, None, False, Fraction(11), False)
    extremes = Extremes(System(2, [equal, total], 100, positive=[1]))
    assert extremes.high[0] == 10
    value, witness = extremes.greatest(0)
    assert (value, witness) == (5, [5, 5])
    assert asked == [10, 5]


def test_one_table_over_the_reals_serves_every_greatest_end(monkeypatch):
    """x0 = x1 and x0 + x1 ≤ 11: both greatest ends come from one table, made at the first ask."""
    made = []

    def counted(*arguments):
        made.append(arguments)
        return Table(*arguments)

    monkeypatch.setattr("peelmodel.analysis._extremes.Table", counted)
    equal = Rule("e", (0,), 1, Fraction(1), False, Fraction(1), False)
    total = Rule("t", (0, 1), -1, None, False, Fraction(11), False)
    extremes = Extremes(System(2, [equal, total], 100, positive=[1]))
    assert extremes.greatest(0)[0] == extremes.greatest(1)[0] == 5
    assert len(made) == 1


@pytest.mark.parametrize(
    "rules",
    [
        # x ÷ y is 2, yet at most 1: propagation empties x.
        [
            Rule("twice", (0,), 1, Fraction(2), False, Fraction(2), False),
            Rule("within", (0,), 1, None, False, Fraction(1), False),
        ],
        # (x + y) ÷ z in [1, 2] and in (2/3, 5/6]: only the search finds that the two never meet.
        [
            Rule("a", (0, 1), 2, Fraction(1), False, Fraction(2), False),
            Rule("b", (0, 1), 2, Fraction(2, 3), True, Fraction(5, 6), False),
        ],
    ],
)
def test_rules_without_a_solution_are_refused(rules):
    with pytest.raises(ValueError, match=r"^the rules have no solution$"):
        Extremes(System(3, rules, 20, positive=range(3)))
    with pytest.raises(UnsolvableError):  # its own kind: reconcile sets figures aside for it alone
        Extremes(System(3, rules, 20, positive=range(3)))


def test_a_witness_reads_its_component_over_the_shared_base():
    """The component's own values stand over the base; the rest come from the base."""
    witness = Witness({"a": 1, "b": 2, "c": 3}, {"b": 0, "c": 1}, [5, 6])
    assert dict(witness) == {"a": 1, "b": 5, "c": 6}
    assert repr(witness) == "Witness({'a': 1, 'b': 5, 'c': 6})"
    assert len(witness) == 3


@pytest.mark.parametrize("rules", SEARCHED)
def test_each_end_is_the_end_over_every_solution(rules):
    """Least and greatest values match those of every solution, found one by one.

    A fourth unknown, in no rule, comes first: finding its ends must leave
    every later witness within the bounds of the system.
    """
    solutions = [
        [x, y, z]
        for x in range(1, 31)
        for y in range(1, 31)
        for z in range(1, 31)
        if all(holds(rule, [x, y, z]) for rule in rules)
    ]
    extremes = Extremes(System(4, rules, 30, positive=range(4)))
    assert extremes.least(3)[0] == 1
    assert extremes.greatest(3)[0] == 30
    for unknown in range(3):
        values = [solution[unknown] for solution in solutions]
        for (value, witness), expected in (
            (extremes.least(unknown), min(values)),
            (extremes.greatest(unknown), max(values)),
        ):
            assert value == expected
            assert witness[unknown] == value
            assert witness[:3] in solutions
            assert 1 <= witness[3] <= 30


class TestImprove:
    """``improve`` finds the greatest score of a monotone question, galloping from both ends."""

    @staticmethod
    def questions(answer, jump, slack=None):
        """A question answered up to *answer*, each solution scoring up to *jump* past it.

        Each answer bounds the score *slack* past the answer (without it, not at all).
        """
        asked = []
        bound = 10**9 if slack is None else answer + slack

        def beyond(k):
            asked.append(k)
            return ([min(k + jump, answer)], bound) if k <= answer else None

        return beyond, asked

    @given(
        st.integers(0, 10**6),
        st.integers(0, 10**6),
        st.integers(0, 10**6),
        st.integers(0, 50),
        st.none() | st.integers(0, 10**6),
    )
    def test_finds_the_answer_and_asks_few_questions(
        self, known, above_answer, below_limit, jump, slack
    ):
        answer = known + above_answer
        limit = answer + below_limit
        beyond, asked = self.questions(answer, jump, slack)
        assert improve(beyond, lambda found: found[0], (known, [known]), limit) == (
            answer,
            [answer] if answer > known else [known],
        )
        assert all(known < k <= limit for k in asked)
        assert len(set(asked)) == len(asked)  # no question is asked twice
        # Twice the galloping from the nearer end, then the halving of the last step.
        nearer = min(above_answer, below_limit) + 1
        assert len(asked) <= 3 * nearer.bit_length() + 2

    def test_an_answer_just_below_the_limit_takes_few_questions(self):
        beyond, asked = self.questions(999_998, 0)
        assert improve(beyond, lambda found: found[0], (0, [0]), 10**6)[0] == 999_998
        assert asked == [10**6, 1, 999_998, 999_999]

    def test_a_bound_at_the_answer_is_asked_next(self):
        """The first solution found bounds the score at the answer: that is the next question."""
        beyond, asked = self.questions(700_000, 0, slack=0)
        assert improve(beyond, lambda found: found[0], (0, [0]), 10**6)[0] == 700_000
        assert asked == [10**6, 1, 700_000]

    def test_below_a_bound_past_the_answer_the_galloping_starts_again(self):
        """After the bound, 10 past the answer, the questions gallop down from it afresh."""
        beyond, asked = self.questions(700_000, 0, slack=10)
        assert improve(beyond, lambda found: found[0], (0, [0]), 10**6)[0] == 700_000
        assert asked[:4] == [10**6, 1, 700_010, 700_009]
        assert len(asked) <= 3 + 3 * (10).bit_length() + 2

    def test_a_known_answer_asks_nothing(self):
        beyond, asked = self.questions(5, 0)
        assert improve(beyond, lambda found: found[0], (5, [5]), 5) == (5, [5])
        assert asked == []


@st.composite
def bounded_systems(draw: st.DrawFn) -> tuple[System, list[int], list[int]]:
    """A system over three unknowns up to 8, and bounds within it."""
    rules = draw(random_rules(3, 3, largest=3, denominators=4, terms=2))
    low = [draw(st.integers(0, 8)) for _ in range(3)]
    high = [value + draw(st.integers(0, 8 - value)) for value in low]
    return System(3, rules, 8), low, high


@given(bounded_systems())
def test_a_solution_within_bounds_comes_with_bounds_no_solution_passes(drawn):
    """``solve_within`` finds a solution exactly when one exists, and its bounds keep every one."""
    system, low, high = drawn
    solutions = [
        [x, y, z]
        for x in range(low[0], high[0] + 1)
        for y in range(low[1], high[1] + 1)
        for z in range(low[2], high[2] + 1)
        if all(holds(rule, [x, y, z]) for rule in system.rules)
    ]
    found = solve_within(system, (low, high), range(3))
    assert (found is None) == (not solutions)
    if found is not None:
        solution, (least, most) = found
        assert solution in solutions
        for other in solutions:
            assert all(least[u] <= other[u] <= most[u] for u in range(3))


def test_a_rule_added_or_replaced_is_propagated_as_it_now_reads():
    """``System.add`` and ``System.replace`` keep what propagation reads in step with the rules."""
    system = System(2, [SHARE], 100, positive=[1])
    slot = system.add(Rule("x", (0,), -1, Fraction(3), False, Fraction(3), False))  # x = 3
    low, high = list(system.low), list(system.high)
    assert propagate(system, low, high, range(2)) != INFEASIBLE
    assert (low, high) == ([3, 21], [3, 24])  # 12.5 % ≤ 3 ÷ y < 15 %
    system.replace(slot, Rule("x", (0,), -1, Fraction(4), False, Fraction(4), False))  # x = 4
    low, high = list(system.low), list(system.high)
    assert propagate(system, low, high, range(2)) != INFEASIBLE
    assert (low, high) == ([4, 27], [4, 32])
    assert system.users[0] == [0, slot]


def test_a_failed_propagation_names_the_unknown_it_emptied():
    """Not one merely fixed: of ``(x + y) ÷ 3`` between 1/2 and 3/5, x is 1 and y has no value left."""
    rules = [
        Rule("x", (0,), -1, Fraction(1), False, Fraction(1), False),
        Rule("z", (2,), -1, Fraction(3), False, Fraction(3), False),
        Rule("ratio", (0, 1), 2, Fraction(1, 2), False, Fraction(3, 5), False),
    ]
    system = System(3, rules, 100)
    assert system.failed == -1
    low, high = list(system.low), list(system.high)
    assert propagate(system, low, high, range(3)) == INFEASIBLE
    assert low[0] == high[0] == 1
    assert system.failed == 1


@given(
    random_rules(4, 4, largest=3, denominators=6, terms=3),
    st.permutations(range(4)),
)
def test_propagation_reads_nothing_into_how_the_unknowns_are_numbered(rules, order):
    """Renumbering the unknowns renumbers the bounds propagation leaves, and the one it empties."""
    renumbered = [
        rule._replace(
            numerator=tuple(order[unknown] for unknown in rule.numerator),
            denominator=order[rule.denominator] if rule.denominator >= 0 else -1,
        )
        for rule in rules
    ]
    found = []
    for drawn, number in ((rules, list(range(4))), (renumbered, order)):
        divisors = [rule.denominator for rule in drawn if rule.denominator >= 0]
        system = System(4, drawn, 30, positive=divisors)
        low, high = list(system.low), list(system.high)
        steps = propagate(system, low, high, range(len(drawn)))
        failed = system.failed if steps == INFEASIBLE else None
        found.append(
            (
                steps,
                failed if failed is None else number.index(failed),
                [(low[number[unknown]], high[number[unknown]]) for unknown in range(4)],
            )
        )
    assert found[0] == found[1]


def test_a_rule_left_out_takes_no_part_while_bounds_creep():
    """x > y and y > 0.999 x creep up one at a time; x at most 500, left out, must not cut them short."""
    more = Rule("more", (0,), 1, Fraction(1), True, None, False)
    near = Rule("near", (1,), 0, Fraction(999, 1000), True, None, False)
    cap = Rule("cap", (0,), -1, None, False, Fraction(500), False)
    system = System(2, [more, near, cap], 10**6, positive=[0, 1])
    found = solve(system, [True, True, False])
    assert found is not None
    assert holds(more, found)
    assert holds(near, found)
    assert solve(system) is None


def test_bounds_that_creep_with_every_rule_active_settle_over_the_reals():
    """x > y and y > 0.999 x, every rule on: bounds creep, are settled longer, and x passes 1,000."""
    more = Rule("more", (0,), 1, Fraction(1), True, None, False)
    near = Rule("near", (1,), 0, Fraction(999, 1000), True, None, False)
    system = System(2, [more, near], 10**6, positive=[0, 1])
    found = solve(system)
    assert found is not None
    assert holds(more, found)
    assert holds(near, found)
    assert found[0] > 1000


@pytest.mark.parametrize(("total", "solvable"), [(8193, False), (8194, True)])
def test_splits_where_the_reals_fall_between_whole_numbers(total, solvable):
    """a = b, c = d and a + b + c + d = *total*: no whole numbers when it is odd.

    Propagation leaves each unknown thousands of values, too many to split
    by size first, so once branches keep failing the search splits where a
    real solution lies between two whole numbers, until every branch fails.
    """
    one, exactly = Fraction(1), Fraction(total)
    rules = [
        Rule("ab", (0,), 1, one, False, one, False),
        Rule("cd", (2,), 3, one, False, one, False),
        Rule("sum", (0, 1, 2, 3), -1, exactly, False, exactly, False),
    ]
    found = solve(System(4, rules, 9000, positive=[1, 3]))
    assert (found is not None) == solvable
    assert found is None or all(holds(rule, found) for rule in rules)


@st.composite
def split_points(draw: st.DrawFn) -> tuple[int, int, Fraction, bool | None]:
    """A domain of at least two values, a real value within it that is not whole, and a lean."""
    least = draw(st.integers(-50, 50))
    most = least + draw(st.integers(1, 200))
    whole = draw(st.integers(least, most - 1))
    fraction = draw(st.fractions(Fraction(1, 100), Fraction(99, 100)))
    return least, most, whole + fraction, draw(st.sampled_from([None, True, False]))


class TestHalves:
    """How the search splits a domain where a real solution lies between two whole numbers."""

    @staticmethod
    def halves(least: int, most: int, value: Fraction, up: bool | None) -> list[tuple[int, int]]:
        lean = {} if up is None else {1: up}
        return _halves(1, value, [0, least], [0, most], lean)

    # 32 values: a cut after the second leaves it exactly a sixteenth, after the first less.
    @example((0, 31, Fraction(3, 2), None))
    @example((0, 31, Fraction(1, 2), None))
    # 33 values: two is less than a sixteenth.
    @example((0, 32, Fraction(3, 2), None))
    @example((10, 41, Fraction(23, 2), None))
    @example((0, 31, Fraction(61, 2), True))
    @given(split_points())
    def test_the_halves_split_at_the_real_value_unless_one_keeps_too_few(self, drawn):
        """Two halves that hold every value once, each at least a sixteenth of them.

        They meet at the real value where that leaves each side a sixteenth
        of the values, else in the middle. The side searched first (the last)
        is the one *lean* names, else the one holding the value rounded half down.
        """
        least, most, value, up = drawn
        first, second = self.halves(least, most, value, up)[::-1]
        lower, upper = sorted([first, second])
        count = most - least + 1
        assert lower[0] == least
        assert upper[1] == most
        assert lower[1] + 1 == upper[0]
        assert lower[0] <= lower[1]
        assert upper[0] <= upper[1]
        cut = math.floor(value)
        if min(cut - least + 1, most - cut) * 16 >= count:
            assert lower[1] == cut
        else:
            assert lower[1] == (least + most) // 2
        nearest = math.ceil(value - Fraction(1, 2))
        if up is None:
            assert first[0] <= nearest <= first[1]
        else:
            assert first == (upper if up else lower)


def test_a_solution_past_a_split_at_a_real_point_that_fails():
    """a = b, c = d and a + b + c + d + e = 8,193, with e at most 1: a solution needs e = 1.

    The branches with e = 0 are split where the reals fall between whole
    numbers and all fail; the search goes on past them to the one
    solution's branch.
    """
    one, exactly = Fraction(1), Fraction(8193)
    rules = [
        Rule("ab", (0,), 1, one, False, one, False),
        Rule("cd", (2,), 3, one, False, one, False),
        Rule("sum", (0, 1, 2, 3, 4), -1, exactly, False, exactly, False),
        Rule("e", (4,), -1, None, False, one, False),
    ]
    found = solve(System(5, rules, 9000, positive=[1, 3]))
    assert found is not None
    assert all(holds(rule, found) for rule in rules)
    assert found[4] == 1


def test_a_rule_changed_since_the_bounds_runs_first():
    """Bounds propagated with ``x1 ÷ x0`` unbounded, then the rule asks at least 2: ``rules`` names it."""
    count = Rule("n", (0,), -1, Fraction(5), False, Fraction(5), False)
    anything = Rule("r", (1,), 0, None, False, None, False)
    system = System(2, [count, anything], 100, positive=[0])
    bounds = (list(system.low), list(system.high))
    assert propagate(system, *bounds, range(2)) != INFEASIBLE
    assert bounds == ([5, 0], [5, 100])
    system.replace(1, anything._replace(low=Fraction(2)))
    found = solve_within(system, bounds, (), rules=(1,))
    assert found is not None
    assert found[1] == ([5, 10], [5, 100])
    assert bounds == ([5, 0], [5, 100])  # the bounds given are left as they were


def test_a_settled_end_moves_the_ends_of_what_it_bounds():
    """``x0 ÷ x1`` is 1/3 and ``x1`` at least 7 (so 9): an end of x1 settled at 30 makes x0's 10."""
    third = Rule("t", (0,), 1, Fraction(1, 3), False, Fraction(1, 3), False)
    floor = Rule("f", (1,), -1, Fraction(7), False, None, False)
    extremes = Extremes(System(2, [third, floor], 100, positive=[1]))
    assert (extremes.low, extremes.high) == ([3, 9], [33, 99])
    extremes.low[1] = 30  # as if the least of x1 were found to be 30
    extremes.settle(1)
    assert (extremes.low, extremes.high) == ([10, 30], [33, 99])
