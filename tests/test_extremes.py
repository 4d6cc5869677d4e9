"""The exact ends of every unknown of a system, each with a solution that attains it."""

from __future__ import annotations

from fractions import Fraction

import pytest

from peelmodel.analysis._extremes import Extremes, Witness
from peelmodel.analysis._propagation import Rule, System

#: 12.5 percent ≤ x ÷ y < 15 percent, with x unknown 0 and y unknown 1.
SHARE = Rule("s", (0,), 1, Fraction(1, 8), False, Fraction(3, 20), True)


def _share() -> Extremes:
    return Extremes(System(2, [SHARE], 100, positive=[1]))


def test_the_first_solution_is_the_least_corner_of_the_propagated_bounds():
    """Propagation leaves x in [1, 14] and y in [7, 100]; 1 of 7 is a solution."""
    assert _share().base == [1, 7]


def test_an_end_keeps_the_first_solution_that_attains_it():
    """1 of 8 and 13 of 100 attain ends too, but the witnesses stay the solutions found first."""
    extremes = _share()
    extremes.add([1, 8])
    extremes.add([13, 100])
    assert extremes.least(0) == (1, [1, 7])
    assert extremes.greatest(1) == (100, [14, 100])


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


def test_a_witness_reads_its_component_over_the_shared_base():
    """The component's own values stand over the base; the rest come from the base."""
    witness = Witness({"a": 1, "b": 2, "c": 3}, ("b", "c"), (5, 6))
    assert dict(witness) == {"a": 1, "b": 5, "c": 6}
    assert repr(witness) == "Witness({'a': 1, 'b': 5, 'c': 6})"
    assert len(witness) == 3
