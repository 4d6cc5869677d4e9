"""The exact ends of every unknown of a system, each with a solution that attains it."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelmodel.analysis._extremes import Extremes, Witness
from peelmodel.analysis._propagation import Rule, System
from peelmodel.analysis._rules import holds
from peelmodel.analysis._search import improve

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
    def questions(answer, jump):
        """A question answered up to *answer*, each solution scoring up to *jump* past it."""
        asked = []

        def beyond(k):
            asked.append(k)
            return [min(k + jump, answer)] if k <= answer else None

        return beyond, asked

    @given(
        st.integers(0, 10**6),
        st.integers(0, 10**6),
        st.integers(0, 10**6),
        st.integers(0, 50),
    )
    def test_finds_the_answer_and_asks_few_questions(self, known, above_answer, below_limit, jump):
        answer = known + above_answer
        limit = answer + below_limit
        beyond, asked = self.questions(answer, jump)
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

    def test_a_known_answer_asks_nothing(self):
        beyond, asked = self.questions(5, 0)
        assert improve(beyond, lambda found: found[0], (5, [5]), 5) == (5, [5])
        assert asked == []
