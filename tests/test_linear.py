"""The engine's simplex: the same answers as a dense reference, and answers that check out.

:func:`~peelmodel.analysis._linear.real_solution` decides whether bounds that
creep have any real solution. It pivots over sparse rows; the reference in
``linear_reference.py`` pivots over a dense table of whole numbers with the
same rule, so the two must agree exactly, point for point. A point given
must satisfy every rule over the reals, and a system with a whole-number
solution must never be called empty. Elimination, which decides the same
question without a point, must agree with the simplex method whenever it
answers, and must answer for chains and stars however long.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from linear_reference import dense_real_solution
from rule_making import random_rules

from peelmodel.analysis._elimination import _added, eliminate
from peelmodel.analysis._linear import (
    _CONSTANT,
    Table,
    _drop_artificials,
    _folded,
    _rows,
    has_real_solution,
    real_solution,
)
from peelmodel.analysis._rules import Rule, holds

UNKNOWNS = 4


@st.composite
def systems(draw: st.DrawFn) -> tuple[list[Rule], list[int], list[int]]:
    """Up to five rules over up to four unknowns, with small bounds."""
    size = draw(st.integers(1, UNKNOWNS))
    rules = draw(random_rules(size, 5, largest=4, denominators=12, terms=3))
    low = draw(st.lists(st.integers(0, 3), min_size=size, max_size=size))
    high = [least + draw(st.integers(0, 6)) for least in low]
    return rules, low, high


def _satisfied(rule: Rule, point: list[Fraction]) -> bool:
    """Whether real values satisfy *rule*, its strict ends kept strict."""
    total = sum(point[unknown] for unknown in rule.numerator)
    whole = Fraction(1) if rule.denominator < 0 else point[rule.denominator]
    if rule.low is not None and (
        total < rule.low * whole or (rule.low_open and total == rule.low * whole)
    ):
        return False
    return rule.high is None or not (
        total > rule.high * whole or (rule.high_open and total == rule.high * whole)
    )


#: x1 ends basic at its least: its row's constant is 0, and no longer kept.
AT_ITS_LEAST = (
    [
        Rule("r1", (1, 1, 0), 2, Fraction(3), False, None, False),
        Rule("r2", (2, 1), 3, None, False, Fraction(3), False),
    ],
    [0, 2, 2, 2],
    [2, 5, 9, 2],
)


#: No real solution, shown only by a pivot on a row whose constant is 0 (no longer kept).
EMPTY_BY_A_ROW_AT_0 = (
    [
        Rule("r0", (0, 0), 0, Fraction(1), False, Fraction(5), False),
        Rule("r1", (0, 1), 1, Fraction(4, 3), False, Fraction(5, 3), False),
        Rule("r2", (1, 0, 1), -1, Fraction(3, 5), True, Fraction(4), False),
        Rule("r3", (0, 1), 1, Fraction(0), False, Fraction(1), False),
    ],
    [0, 0],
    [8, 6],
)


@given(systems())
@example(AT_ITS_LEAST)
@example(EMPTY_BY_A_ROW_AT_0)
def test_same_answer_as_the_dense_reference(system):
    """The sparse pivots give what the dense table gives, to the last fraction."""
    assert real_solution(*system) == dense_real_solution(*system)


@given(systems())
def test_a_whole_solution_is_never_missed(system):
    """Where whole numbers within the bounds satisfy every rule, a real point is given."""
    rules, low, high = system
    whole = any(
        all(holds(rule, values) for rule in rules)
        for values in itertools.product(*(range(a, b + 1) for a, b in zip(low, high, strict=True)))
    )
    if whole:
        assert real_solution(rules, low, high) is not None


@given(systems())
def test_a_point_satisfies_the_rules_over_the_reals(system):
    """Unknowns the point leaves out are at their least; together they satisfy every rule."""
    rules, low, high = system
    found = real_solution(rules, low, high)
    if found:
        point = [found.get(unknown, Fraction(least)) for unknown, least in enumerate(low)]
        assert all(low[u] <= point[u] <= high[u] for u in range(len(low)))
        assert all(_satisfied(rule, point) for rule in rules)


@given(systems(), st.data())
def test_the_greatest_real_value_is_attained_and_never_passed(system, data):
    """The point found for an unknown's greatest satisfies every rule, and nothing passes it.

    No whole-number solution has the unknown above it, and with the
    unknown's least raised past it no real point remains.
    """
    rules, low, high = system
    unknown = data.draw(st.integers(0, len(low) - 1))
    found = real_solution(rules, low, high, greatest=unknown)
    assert (found is None) == (real_solution(rules, low, high) is None)
    if found is None:
        return
    point = [found.get(u, Fraction(least)) for u, least in enumerate(low)]
    assert all(low[u] <= point[u] <= high[u] for u in range(len(low)))
    assert all(_satisfied(rule, point) for rule in rules)
    for values in itertools.product(*(range(a, b + 1) for a, b in zip(low, high, strict=True))):
        if all(holds(rule, values) for rule in rules):
            assert values[unknown] <= found[unknown]
    past = math.floor(found[unknown]) + 1
    if past <= high[unknown]:
        raised = list(low)
        raised[unknown] = past
        assert real_solution(rules, raised, high) is None


def test_the_greatest_of_an_unknown_in_no_rule_is_its_own():
    """An unknown no rule names goes as high as its bounds; one fixed stays where it is."""
    within = Rule("w", (0,), 1, None, False, Fraction(1, 2), False)
    assert real_solution([within], [0, 1, 3], [9, 9, 5], greatest=2) == {2: 5}
    assert real_solution([within], [0, 4, 3], [9, 4, 5], greatest=0)[0] == 2


def test_the_greatest_once_an_artificial_stays_basic_at_zero():
    """x0 at least 1 and at most 1, x0 + x1 at most 4: x1 is at most 3.

    The first phase ends with the artificial column of x0 ≥ 1 basic at 0
    (its row tied with that of x0 ≤ 1), which must leave before x1 is raised.
    """
    least = Rule("l", (0,), -1, Fraction(1), False, None, False)
    total = Rule("t", (0, 1), -1, None, False, Fraction(4), False)
    assert real_solution([least, total], [0, 0], [1, 9], greatest=1) == {0: 1, 1: 3}


def test_every_artificial_left_basic_gives_way_not_only_the_first():
    """(x0 + x3) ÷ x1 = 1 and (2 x1 + x0) ÷ x3 in [8/5, 4]: x0 is at most 14/5.

    The first phase leaves an artificial column basic in a row after one
    that is not; raised with it still there, x0 would reach 8.
    """
    rules = [
        Rule("r0", (0, 3), 1, Fraction(1), False, Fraction(1), False),
        Rule("r1", (1, 1, 0), 3, Fraction(8, 5), False, Fraction(4), False),
    ]
    low, high = [2, 0, 0, 2], [8, 7, 6, 8]
    found = real_solution(rules, low, high, greatest=0)
    assert found[0] == Fraction(14, 5)
    point = [found.get(u, Fraction(least)) for u, least in enumerate(low)]
    assert all(_satisfied(rule, point) for rule in rules)
    assert real_solution(rules, [3, 0, 0, 2], high) is None


def test_each_row_that_starts_with_an_artificial_column_has_its_own():
    """Rows that start above 0 each take an artificial column of their own: x1 is at most 7/2."""
    rules = [
        Rule("r0", (2, 2), -1, Fraction(5, 3), False, None, False),
        Rule("r1", (2, 1, 0), 2, Fraction(3, 4), False, None, False),
        Rule("r2", (3, 3), -1, Fraction(2), False, None, True),
        Rule("r3", (1, 2, 1), 0, None, False, Fraction(4, 3), False),
    ]
    low, high = [2, 3, 0, 2], [6, 8, 8, 7]
    assert real_solution(rules, low, high, greatest=1)[1] == Fraction(7, 2)
    assert real_solution(rules, [2, 4, 0, 2], high) is None


def test_rows_tied_in_the_ratio_test_give_way_in_the_order_of_their_basic_columns():
    """Bland's rule: of rows tied for leaving, the one with the least basic column leaves."""
    rules = [
        Rule("r0", (2, 3), 3, Fraction(2, 5), False, Fraction(2), False),
        Rule("r1", (1, 2, 2), 2, Fraction(7, 5), False, None, False),
        Rule("r3", (1, 3), 1, None, True, Fraction(5, 3), False),
    ]
    found = real_solution(rules, [3, 3, 1, 1], [4, 8, 2, 6], greatest=2)
    assert found == {2: 2, 3: 2, 1: 3}


@pytest.mark.parametrize("sign", [1, -1])
def test_an_artificial_left_basic_gives_way_to_the_first_column_of_its_row(sign):
    """x0 - x1 - s0 = 0 (artificial a basic, at 0) and 2 x0 + x1 + s1 = 5.

    x0 enters in a's place, its row turned round where its entry is below
    0, and leaves the other row; the table keeps the same solutions.
    """
    table = [
        {0: sign, 1: -sign, 2: -sign, 4: 1, _CONSTANT: 0},
        {0: 2, 1: 1, 3: 1, _CONSTANT: 5},
    ]
    basis = [4, 3]
    _drop_artificials(table, basis, 4)
    assert basis == [0, 3]
    assert table == [
        {0: 1, 1: -1, 2: -1, 4: sign, _CONSTANT: 0},
        {1: 3, 2: 2, 3: 1, 4: -2 * sign, _CONSTANT: 5},
    ]


@given(systems())
def test_elimination_agrees_with_the_simplex_method(system):
    """Where elimination answers, it is whether the simplex method finds a point."""
    found = real_solution(*system) is not None
    assert eliminate(_rows(*system)) in (None, found)
    assert has_real_solution(*system) == found


class TestRows:
    """Each rule's ends as rows over the unknowns minus their lows, made whole."""

    def test_a_fixed_unknown_moves_into_the_constant(self):
        """x0 + x1 ≥ 3 with x1 fixed at 2 is x0 ≥ 1, and x0 is at most 5."""
        rule = Rule("s", (0, 1), -1, Fraction(3), False, None, False)
        assert _rows([rule], [0, 2], [5, 2]) == [({0: 1}, 1), ({0: -1}, -5)]

    def test_a_row_is_divided_by_its_common_divisor_and_its_constant_rounded_up(self):
        """2 x0 + 2 x1 ≥ 3 is x0 + x1 ≥ 2 over whole numbers."""
        rule = Rule("d", (0, 0, 1, 1), -1, Fraction(3), False, None, False)
        assert _rows([rule], [0, 0], [4, 4])[0] == ({0: 1, 1: 1}, 2)

    def test_a_row_over_fixed_unknowns_that_holds_is_left_out(self):
        """x0 ≥ 2 with x0 fixed at 2 says nothing; x0 ≥ 3 with x0 at 2 cannot hold."""
        rule = Rule("l", (0,), -1, Fraction(2), False, None, False)
        assert _rows([rule], [2], [2]) == []
        rule = Rule("l", (0,), -1, Fraction(3), False, None, False)
        assert _rows([rule], [2], [2]) == [({}, 1)]
        assert real_solution([rule], [2], [2]) is None

    def test_more_than_0_is_at_least_1(self):
        """A sum more than 0 is at least 1: with x0 at most 0, nothing satisfies it."""
        rule = Rule("p", (0,), -1, Fraction(0), True, None, False)
        assert _rows([rule], [0], [3]) == [({0: 1}, 1), ({0: -1}, -3)]
        assert real_solution([rule], [0], [0]) is None


def _rule(name, numerator, denominator, low, high):
    return Rule(name, numerator, denominator, Fraction(low), False, Fraction(high), False)


#: Four sums of three unknowns, each over a fourth: rows elimination cannot pair without
#: multiplying them. The first has a real solution, the second none.
MULTIPLYING = [
    (
        [
            _rule("r0", (1, 0, 4), 2, 1, 2),
            _rule("r1", (2, 3, 0), 4, Fraction(5, 2), Fraction(19, 6)),
            _rule("r2", (3, 0, 2), 1, Fraction(5, 2), 4),
            _rule("r3", (3, 4), 1, Fraction(1, 2), Fraction(3, 2)),
        ],
        [1, 1, 1, 1, 1],
        [22, 26, 9, 22, 11],
        True,
    ),
    (
        [
            _rule("r0", (1, 5, 2), 4, 1, 3),
            _rule("r1", (3, 4, 2), 0, Fraction(2, 3), Fraction(2, 3)),
            _rule("r2", (5, 3, 1), 2, Fraction(1, 2), Fraction(1, 2)),
            _rule("r3", (4, 1, 0), 5, Fraction(4, 3), Fraction(17, 6)),
        ],
        [1, 1, 1, 1, 1, 1],
        [28, 28, 6, 14, 14, 29],
        False,
    ),
]


@pytest.mark.parametrize(("rules", "low", "high", "solvable"), MULTIPLYING)
def test_where_elimination_gives_up_the_simplex_method_answers(rules, low, high, solvable):
    """Elimination gives up on rows that multiply; the answer is then the simplex method's."""
    assert eliminate(_rows(rules, low, high)) is None
    assert (real_solution(rules, low, high) is not None) is solvable
    assert has_real_solution(rules, low, high) is solvable


def test_elimination_pairs_the_bounds_of_an_unknown():
    """A part above its whole that also stays within it: only the pair of rows says so."""
    above = Rule("above", (0,), 1, Fraction(1), True, None, False)  # x0 > x1
    within = Rule("within", (0,), 1, Fraction(0), False, Fraction(1), False)  # x0 ≤ x1
    assert eliminate(_rows([above, within], [0, 0], [10, 10])) is False
    assert eliminate(_rows([above], [0, 0], [10, 10])) is True
    # x0 ≥ 2 × x1 and x0 ≤ 3 × x1 - 4: x1 at least 4, x0 at least 8, within 10.
    double = Rule("double", (0,), 1, Fraction(2), False, None, False)
    assert eliminate([({0: 1, 1: -2}, 0), ({0: -1, 1: 3}, 4), ({0: -1}, -10)]) is True
    assert eliminate([({0: 1, 1: -2}, 0), ({0: -1, 1: 3}, 4), ({0: -1}, -7)]) is False
    assert has_real_solution([double], [0, 4], [8, 10]) is True


def test_elimination_keeps_rows_that_cancel_and_unknowns_without_an_upper_end():
    """x0 = x1 leaves 0 ≥ 0 behind, which holds; an unknown bounded only below is no conflict."""
    assert eliminate([({0: 1, 1: -1}, 0), ({1: 1, 0: -1}, 0)]) is True
    assert eliminate([({0: 1, 1: -1}, 0), ({1: 1, 0: -1}, 1)]) is False
    assert eliminate([({0: 1, 1: -2}, 1), ({1: 1}, 3)]) is True


def test_elimination_checks_each_bound_as_it_comes():
    """x0 ≥ 5 and x0 ≤ 3 conflict with no row to eliminate; 2 × x0 − 2 × x1 ≥ 2 is x0 − x1 ≥ 1."""
    assert eliminate([({0: 1}, 5), ({0: -1}, -3)]) is False
    assert eliminate([({0: 2, 1: -2}, 2), ({0: -1, 1: 1}, -1)]) is True
    assert eliminate([({0: 2, 1: -2}, 3), ({0: -1, 1: 1}, -1)]) is False


def test_elimination_carries_the_bounds_of_the_unknown_it_removes():
    """An unknown's ends reach those linked to it; a row given twice keeps the tighter end."""
    assert eliminate([({0: 1}, 5), ({1: 1, 0: -1}, 0), ({1: -1}, -3)]) is False  # x1 ≥ x0 ≥ 5
    assert eliminate([({0: -1}, -3), ({0: 1, 1: -1}, 0), ({1: 1}, 5)]) is False  # x1 ≤ x0 ≤ 3
    assert eliminate([({0: 1}, 5), ({0: -1}, -5), ({1: 1, 0: -1}, 0)]) is True  # x0 = 5
    assert eliminate([({0: 1, 1: -1}, 1), ({0: 1, 1: -1}, 0), ({0: -1, 1: 1}, 0)]) is False


def test_elimination_removes_first_the_unknown_that_adds_fewest_rows():
    """In 2 rows from below and 3 from above, with its own two ends: 3 × 4 rows for 5 removed."""
    keys = [frozenset({(0, 1), (n, -1)}) for n in (1, 2)]
    keys += [frozenset({(0, -1), (n, 1)}) for n in (3, 4, 5)]
    assert _added(keys, 0) == 3 * 4 - 5
    assert _added(keys[:1], 0) == 2 * 1 - 1


def _chain(size: int, first: int) -> tuple[list[Rule], list[int], list[int]]:
    """Shares of 90 to 99 percent, each unknown of the one before, the first fixed."""
    rules = [
        Rule(f"s{n}", (n + 1,), n, Fraction(90, 100), False, Fraction(99, 100), False)
        for n in range(size - 1)
    ]
    low, high = [1] * size, [10**9] * size
    low[0] = high[0] = first
    return rules, low, high


def test_elimination_answers_for_a_long_chain():
    """A chain of 400 shares is settled without the simplex method, both ways."""
    assert eliminate(_rows(*_chain(400, 10**9))) is True
    rules, low, high = _chain(400, 10**9)
    low[-1] = high[-1] = 10**9  # as large as the first, 399 shares below 99 percent later
    assert eliminate(_rows(rules, low, high)) is False


def test_elimination_answers_for_many_rates_of_one_population():
    """400 rates per 1,000 of one unpublished population, all between 5 and 6."""
    rules = [
        Rule(f"r{n}", (n,), 400, Fraction(5, 1000), False, Fraction(6, 1000), True)
        for n in range(400)
    ]
    low, high = [0] * 401, [10**6] * 401
    assert eliminate(_rows(rules, low, high)) is True
    high[400] = 100  # a count of 1 or more is over 6 per 1,000 of at most 100 people
    assert eliminate(_rows(rules, [1] * 401, high)) is False


def test_a_chain_of_shares_has_a_point():
    """A chain of 60 shares, each within 90 to 99 percent of the one before, has a point."""
    size = 60
    rules, low, high = _chain(size, 10**9)
    found = real_solution(rules, low, high)
    assert found is not None
    point = [found.get(unknown, Fraction(low[unknown])) for unknown in range(size)]
    assert all(_satisfied(rule, point) for rule in rules)


class TestFolded:
    """Rows over one unknown become its bounds; the simplex method pivots over the rest."""

    def test_a_rate_over_a_fixed_count_bounds_its_denominator(self):
        """x0 fixed at 30 and 1/10 ≤ x0 ÷ x1 ≤ 1/5: x1 is from 150 to 300, and no row is left."""
        rule = _rule("r", (0,), 1, Fraction(1, 10), Fraction(1, 5))
        assert _folded(_rows([rule], [30, 1], [30, 1000]), [30, 1], [30, 1000]) == (
            [],
            [30, 150],
            [30, 300],
        )

    def test_the_other_rows_are_shifted_by_the_new_lows(self):
        """x0 ≥ 3 alone, and x0 + x1 ≥ 5: over x0 - 3, the sum row needs only 2 more."""
        alone = Rule("a", (0,), -1, Fraction(3), False, None, False)
        total = Rule("t", (0, 1), -1, Fraction(5), False, None, False)
        rows, least, most = _folded(_rows([alone, total], [0, 0], [9, 9]), [0, 0], [9, 9])
        assert rows == [({0: 1, 1: 1}, 2), ({0: -1}, -6), ({1: -1}, -9)]
        assert (least, most) == ([3, 0], [9, 9])

    def test_bounds_stay_whole_numbers_however_large(self):
        """At least and at most 2⁶⁰ + 1 alone: both ends exactly that, as whole numbers."""
        end = Fraction(2**60 + 1)
        rule = Rule("r", (0,), -1, end, False, end, False)
        _, least, most = _folded(_rows([rule], [0], [2**61]), [0], [2**61])
        assert least == most == [2**60 + 1]
        assert type(least[0]) is type(most[0]) is int

    def test_a_row_its_bounds_fix_holds_at_its_end(self):
        """x0 is 3 and x1 is 2, each alone: x0 + x1 at most 5 and at least 6 leave, then lose, a point."""
        alone = [_rule("a", (0,), -1, 3, 3), _rule("b", (1,), -1, 2, 2)]
        most = Rule("m", (0, 1), -1, None, False, Fraction(5), False)
        assert real_solution([*alone, most], [0, 0], [9, 9]) == {0: 3, 1: 2}
        least = Rule("l", (0, 1), -1, Fraction(6), False, None, False)
        assert real_solution([*alone, least], [0, 0], [9, 9]) is None

    def test_bounds_that_cross_have_no_solution(self):
        """x0 ≥ 6 and x0 ≤ 4 from two rules: ``None``, and no real point."""
        rules = [
            Rule("a", (0,), -1, Fraction(6), False, None, False),
            Rule("b", (0,), -1, None, False, Fraction(4), False),
        ]
        assert _folded(_rows(rules, [0], [9]), [0], [9]) is None
        assert real_solution(rules, [0], [9]) is None

    def test_a_raised_unknown_is_in_the_point_at_its_new_least(self):
        """x0 ≥ 3 alone: the point gives x0 at 3, where its least was 0."""
        alone = Rule("a", (0,), -1, Fraction(3), False, None, False)
        assert real_solution([alone], [0, 0], [9, 9]) == {0: 3}
        assert real_solution([alone], [0, 0], [9, 9], greatest=0) == {0: 9}


@given(systems(), st.permutations(range(UNKNOWNS)))
def test_one_table_gives_each_greatest_in_any_order(system, order):
    """Each question pivots on from the last answer, and gives what a table of its own gives."""
    rules, low, high = system
    table = Table(rules, low, high)
    assert table.feasible == (real_solution(rules, low, high) is not None)
    if not table.feasible:
        return
    for unknown in (u for u in order if u < len(low)):
        assert table.greatest(unknown) == real_solution(rules, low, high, greatest=unknown)[unknown]


def test_a_table_keeps_the_bounds_it_was_made_over():
    """Bounds narrowed after the table is made leave its answers alone: they bound the narrower."""
    within = Rule("w", (0,), 1, None, False, Fraction(1, 2), False)  # 2 × x0 ≤ x1
    low, high = [0, 0], [9, 9]
    table = Table([within], low, high)
    low[0] = high[1] = 4
    assert table.point() == {}  # every unknown at its least, as made
    assert table.greatest(0) == Fraction(9, 2)
    assert table.point() == {0: Fraction(9, 2), 1: 9}  # the vertex the question pivoted to


def test_an_unknown_that_cannot_rise_has_its_least_as_greatest():
    """x0 + x1 at most 5, each at least 3 and 2: neither can rise, so each greatest is its least."""
    total = Rule("t", (0, 1), -1, None, False, Fraction(5), False)
    table = Table([total], [3, 2], [9, 9])
    assert (table.greatest(0), table.greatest(1)) == (3, 2)
    assert real_solution([total], [3, 2], [9, 9], greatest=0)[0] == 3
