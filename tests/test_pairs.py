"""One ratio of two whole numbers: ``tighten`` moves each end to the nearest value matched.

:func:`~peelmodel.analysis._pairs.tighten` narrows the bounds of ``x`` and
``y`` in ``low ⊲ x ÷ y ⊲ high``: first ``y``'s ends, each to the nearest value
some ``x`` within its bounds matches, then ``x``'s, against ``y``'s new bounds,
each end moving at most ``_STRIDE`` values. The brute force here finds the same
ends by trying every pair of values with the rule's exact check, ``holds``.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from peelmodel.analysis import _propagation as propagation
from peelmodel.analysis._pairs import _STRIDE, Pair, pair_of, roomy, tighten
from peelmodel.analysis._propagation import _narrow, step_of
from peelmodel.analysis._rules import Rule, holds


def _matched(rule: Rule, unknown: int, value: int, low: list[int], high: list[int]) -> bool:
    """Whether some value of the rule's other unknown, within its bounds, matches *value*."""
    other = 1 - unknown
    values = [0, 0]
    values[unknown] = value
    for candidate in range(low[other], high[other] + 1):
        values[other] = candidate
        if holds(rule, values):
            return True
    return False


def _brute_force(
    rule: Rule, low: list[int], high: list[int]
) -> tuple[list[int], list[int], bool] | None:
    """The bounds ``tighten`` must leave, found by trying values one by one, and whether an end
    stopped at the stride with no match found."""
    low, high = list(low), list(high)
    short = False
    for unknown in (rule.denominator, rule.numerator[0]):
        start, end = low[unknown], high[unknown]
        least = start
        while least <= end and least - start < _STRIDE:
            if _matched(rule, unknown, least, low, high):
                break
            least += 1
        most = end
        while most >= least and end - most < _STRIDE:
            if _matched(rule, unknown, most, low, high):
                break
            most -= 1
        if least > most:
            return None
        short = short or not (
            _matched(rule, unknown, least, low, high) and _matched(rule, unknown, most, low, high)
        )
        low[unknown], high[unknown] = least, most
    return low, high, short


def _pair(rule: Rule) -> Pair:
    found = pair_of(rule)
    assert found is not None
    return found


ratios = st.fractions(min_value=0, max_value=3, max_denominator=7)


@st.composite
def pairs(draw: st.DrawFn) -> tuple[Rule, list[int], list[int]]:
    """A ratio rule over unknowns 0 and 1 (either the numerator), and bounds up to 90 wide."""
    x = draw(st.integers(0, 1))
    least, most = draw(st.none() | ratios), draw(st.none() | ratios)
    if least is not None and most is not None and most < least:
        least, most = most, least
    rule = Rule("r", (x,), 1 - x, least, draw(st.booleans()), most, draw(st.booleans()))
    low = [draw(st.integers(0, 30)) for _ in range(2)]
    high = [value + draw(st.integers(0, 90)) for value in low]
    return rule, low, high


@given(pairs())
@example((Rule("r", (0,), 1, None, False, Fraction(0), False), [0, 0], [5, 5]))  # x ÷ y ≤ 0
@example(  # x ≤ y ÷ 100 with x at least 1: no y up to 99 is matched, the last one tried included
    (Rule("r", (0,), 1, None, False, Fraction(1, 100), False), [1, 1], [1000, 99])
)
@example(  # 2 ÷ y < 1/2: y = 4 puts x's greatest just out of reach, so y's low end moves to 5
    (Rule("r", (0,), 1, None, False, Fraction(1, 2), True), [2, 4], [2, 5])
)
@example(  # 0.5005 ≤ x ÷ y < 0.501: no y up to 500 is matched, so each end of y moves the stride
    (Rule("r", (0,), 1, Fraction(1001, 2000), False, Fraction(501, 1000), True), [0, 1], [300, 400])
)
@example(  # the same band, x 500: only y's low end moves the whole stride, and stops short
    (
        Rule("r", (0,), 1, Fraction(1001, 2000), False, Fraction(501, 1000), True),
        [500, 1],
        [500, 999],
    )
)
def test_each_end_moves_to_the_nearest_value_matched(pair):
    """The ends are those the brute force finds; the unknowns said to change are those that did.

    An end is said to stop short exactly where it moved the whole stride with no value matched;
    otherwise tightening again moves nothing.
    """
    rule, low, high = pair
    expected = _brute_force(rule, low, high)
    before = (list(low), list(high))
    found = pair_of(rule)
    tightened = ([], False) if found is None else tighten(found, low, high)
    if expected is None:
        assert tightened is None
        return
    assert (low, high, tightened is not None and tightened[1]) == expected
    moved = {u for u in (0, 1) if (low[u], high[u]) != (before[0][u], before[1][u])}
    assert tightened is not None
    assert set(tightened[0]) == moved
    if found is not None and not tightened[1]:
        settled = (list(low), list(high))
        assert tighten(found, low, high) == ([], False)
        assert (low, high) == settled


def test_a_band_of_one_percent_needs_a_larger_whole():
    """94.5 to 95.5 percent of y holds no whole number for y below 19 (the module's example)."""
    share = Rule("s", (0,), 1, Fraction(189, 200), False, Fraction(191, 200), True)
    low, high = [0, 1], [100, 100]
    assert tighten(_pair(share), low, high) == ([1, 0], False)
    assert (low, high) == ([18, 19], [95, 100])


def test_more_than_none_of_y_is_at_least_one():
    """``0 < x ÷ y``: no ``y`` matches ``x = 0``, so ``x``'s low end moves from 0 to 1."""
    rule = Rule("r", (0,), 1, Fraction(0), True, None, False)
    low, high = [0, 1], [5, 5]
    assert tighten(_pair(rule), low, high) == ([0], False)
    assert (low, high) == ([1, 1], [5, 5])


def test_ends_are_exact_past_the_precision_of_floats():
    """Beyond 2**53, where a float would round them, whole numbers still match exactly."""
    at_least = Rule("r", (0,), 1, Fraction(1), False, None, False)  # x ≥ y
    assert tighten(_pair(at_least), [0, 2**53 + 1], [2**53, 2**53 + 1]) is None
    at_most = Rule("r", (0,), 1, None, False, Fraction(1), False)  # x ≤ y
    low, high = [2**53 + 4, 0], [2**53 + 200, 2**53 + 3]
    # Every y is below every x: each end moves the whole stride, and stops short.
    assert tighten(_pair(at_most), low, high) == ([1, 0], True)
    assert high[1] == 2**53 + 3 - _STRIDE
    assert (low[0], high[0]) == (2**53 + 4 + _STRIDE, 2**53 + 200 - _STRIDE)
    # Each y is matched, but x's greatest value is above every y and its least below every y.
    low, high = [2**53 - 10, 2**53 - 10], [2**53 + 1, 2**53]
    assert tighten(_pair(at_most), low, high) == ([0], False)
    assert (low, high) == ([2**53 - 10, 2**53 - 10], [2**53, 2**53])
    low, high = [2**53 + 3, 2**53 + 4], [2**53 + 10, 2**53 + 10]
    assert tighten(_pair(at_least), low, high) == ([0], False)
    assert (low, high) == ([2**53 + 4, 2**53 + 4], [2**53 + 10, 2**53 + 10])


def test_a_rule_with_no_end_above_zero_makes_no_pair():
    """A least end at or below 0 (closed) meets every pair of counts: only the other end counts."""
    assert pair_of(Rule("r", (0,), 1, Fraction(0), False, None, False)) is None
    assert pair_of(Rule("r", (0,), 1, Fraction(-1, 2), True, None, False)) is None
    assert pair_of(Rule("r", (0,), 1, Fraction(-1, 2), True, Fraction(3, 4), True)) == Pair(
        0, 1, 0, 0, True, 3, 4, True
    )
    assert pair_of(Rule("r", (1,), 0, Fraction(0), True, None, False)) == Pair(
        1, 0, 0, 1, True, 0, 0, False
    )


@given(pairs())
@example((Rule("r", (0,), 1, Fraction(1, 2), True, Fraction(1, 2), False), [0, 0], [5, 5]))
@example((Rule("r", (1,), 0, Fraction(3), False, None, False), [1, 2], [1, 90]))  # y ≥ 3 × x
# y comes out fixed at 0 (x is at most 1), after x was narrowed from y's old ends: x still moves.
@example((Rule("r", (0,), 1, Fraction(2), False, Fraction(2), False), [0, 0], [1, 1]))
@example((Rule("r", (0,), 1, Fraction(2), False, Fraction(3), False), [4, 0], [4, 9]))  # x fixed
@example((Rule("r", (0,), 1, Fraction(2), False, Fraction(3), True), [0, 3], [20, 3]))  # y fixed
def test_a_ratio_of_two_unknowns_narrows_as_any_rule_then_tightens(pair):
    """Propagation's own path for a pair: the bounds, and the unknowns changed in order.

    The same as narrowing the rule as any other, then :func:`tighten`; where
    a domain empties, it is left empty, so that propagation can name it. The
    rule may narrow again only where tightening stopped short.
    """
    rule, low, high = pair
    step = step_of(rule)
    general = (list(low), list(high))
    expected = _narrow(step._replace(pair=None), *general)
    if expected is not None and step.pair is not None:
        tightened = tighten(step.pair, *general)
        if tightened is None:
            expected = None
        else:  # settled unless tightening stopped short
            changed, (moved, short) = expected[0], tightened
            expected = (changed + [u for u in moved if u not in changed], short)
    found = _narrow(step, low, high)
    if expected is None:
        assert found is None
        assert any(low[u] > high[u] for u in (0, 1))
        return
    assert found == expected
    assert (low, high) == general


@pytest.mark.parametrize(
    ("low", "high", "tightened"),
    [
        ([4, 0], [4, 9], False),  # x fixed: y narrowed from it is matched already
        ([0, 3], [20, 3], False),  # y fixed on the way in: so is x
        ([0, 0], [1, 1], True),  # y fixed only on the way out: x was narrowed from y's old ends
        ([0, 0], [20, 9], True),
        ([6, 2], [60, 30], False),  # x 6 allows y from 2 to 3, y 2 allows x from 4 to 6
        ([5, 2], [60, 30], True),  # x 5 allows y only from 5/3 to 5/2
    ],
)
def test_a_pair_is_tightened_only_where_an_end_may_be_unmatched(monkeypatch, low, high, tightened):
    """2 ≤ x ÷ y ≤ 3: :func:`tighten` runs only where neither side was fixed, nor the band roomy."""
    calls = []

    def counted(*arguments):  # type: ignore[no-untyped-def]
        calls.append(arguments)
        return tighten(*arguments)

    monkeypatch.setattr(propagation, "tighten", counted)
    rule = Rule("r", (0,), 1, Fraction(2), False, Fraction(3), False)
    assert _narrow(step_of(rule), low, high) is not None
    assert bool(calls) is tightened


@given(pairs(), st.integers(0, 40), st.integers(0, 40))
@example((Rule("r", (0,), 1, Fraction(1, 2), True, Fraction(1, 1), False), [], []), 3, 3)
@example((Rule("r", (0,), 1, Fraction(1, 2), False, Fraction(1, 1), False), [], []), 2, 2)
def test_a_roomy_band_allows_every_value_from_its_ends_a_whole_number_partner(pair, x, y):
    """Where :func:`roomy` says so, each x from *x* up and each y from *y* up has a partner."""
    rule = pair[0]
    found = pair_of(rule)
    if found is None or not roomy(found, x, y):
        return
    for offset in range(6):
        greatest = 10 * (x + offset) + 1  # no ratio is below 1/7
        assert _matched(rule, rule.numerator[0], x + offset, [0, 0], [greatest, greatest])
        greatest = 3 * (y + offset) + 1  # nor above 3
        assert _matched(rule, rule.denominator, y + offset, [0, 0], [greatest, greatest])


def _spans_a_whole_number(width: Fraction, *, both_open: bool) -> bool:
    """Whether every run of values this wide holds a whole number, wherever it starts."""
    return width > 1 if both_open else width >= 1


@given(pairs(), st.integers(0, 40), st.integers(0, 40))
@example((Rule("r", (0,), 1, Fraction(1, 2), True, Fraction(1), True), [], []), 3, 2)  # (1, 2)
@example((Rule("r", (0,), 1, Fraction(1, 2), True, Fraction(1), False), [], []), 2, 2)  # (1, 2]
@example((Rule("r", (0,), 1, Fraction(1, 2), True, Fraction(1), True), [], []), 1, 3)  # x: (1, 2)
@example((Rule("r", (0,), 1, Fraction(1, 3), False, Fraction(1, 2), False), [], []), 12, 6)
@example((Rule("r", (0,), 1, Fraction(1, 3), False, Fraction(1, 2), False), [], []), 12, 2)
@example((Rule("r", (0,), 1, Fraction(2, 3), False, Fraction(3, 4), True), [], []), 10, 12)
def test_a_band_is_roomy_exactly_where_each_end_allows_a_run_of_whole_numbers(pair, x, y):
    """Over the reals: ``y`` allows x a run of ``y × (mp/mq − lp/lq)`` values, ``x`` allows y
    one of ``x × (lq/lp − mq/mp)``; a band with an end missing or at 0 is never roomy."""
    rule = pair[0]
    found = pair_of(rule)
    if found is None:
        return
    if not found.lp or not found.mp:
        assert not roomy(found, x, y)
        return
    least, most = Fraction(found.lp, found.lq), Fraction(found.mp, found.mq)
    both_open = found.least_open and found.most_open
    expected = _spans_a_whole_number(
        y * (most - least), both_open=both_open
    ) and _spans_a_whole_number(x * (1 / least - 1 / most), both_open=both_open)
    assert roomy(found, x, y) is expected
