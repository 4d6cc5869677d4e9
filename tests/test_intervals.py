"""An interval's ends, the figures each rests on, and its witnesses as JSON gives them."""

from __future__ import annotations

from fractions import Fraction

from claim_making import count, percent, quantity

from peelmodel.analysis import Interval, reconcile
from peelmodel.analysis._extremes import Extremes
from peelmodel.analysis._intervals import _fixed_above
from peelmodel.analysis._propagation import Rule, System
from peelmodel.claims import Quantity

GROUPS, DRUGS = quantity("ocgs"), quantity("ocgs-drug-activity")


def test_an_interval_made_by_hand_has_no_witnesses_and_rests_on_nothing():
    interval = Interval(GROUPS, 60, 62)
    assert interval.witnesses() == {"low": None, "high": None}
    assert interval.low_because == interval.high_because == frozenset()
    assert repr(interval) == f"<Interval {GROUPS.id}: 60 to 62>"
    assert repr(Interval(GROUPS, 1_000, 1_000_000, is_bounded=False)) == (
        f"<Interval {GROUPS.id}: 1,000 to no bound>"
    )


def test_what_an_end_rests_on_is_found_once():
    calls = []

    def explain(quantity: Quantity, end: int, high: bool) -> frozenset[str]:
        calls.append((quantity, end, high))
        return frozenset({"count"})

    interval = Interval(GROUPS, 60, 62, low_because=None, high_because=None, explain=explain)
    assert interval.low_because == interval.low_because == frozenset({"count"})
    assert interval.high_because == frozenset({"count"})
    assert calls == [(GROUPS, 60, False), (GROUPS, 62, True)]


def test_both_witnesses_reach_json():
    """10 percent of 200 groups: drug-activity groups 19 or 20, each end with its own witness."""
    claims = [count("count", GROUPS, 200), percent("share", DRUGS, GROUPS, 10)]
    interval = next(i for i in reconcile(claims).intervals if i.quantity == DRUGS)
    assert (interval.low, interval.high) == (19, 20)
    assert interval.witnesses() == {
        "low": {GROUPS.id: 200, DRUGS.id: 19},
        "high": {GROUPS.id: 200, DRUGS.id: 20},
    }


def test_fixed_above_asks_for_one_value_more():
    """x within [0, 10] by a rule: nothing lies above 10, but 10 lies above 9."""
    at_most_ten = Rule("ten", (0,), 1, None, False, Fraction(10), False)  # x ÷ y ≤ 10, y = 1
    extremes = Extremes(
        System(2, [at_most_ten, Rule("one", (1,), -1, Fraction(1), False, Fraction(1), False)], 100)
    )
    assert _fixed_above(extremes, 0, 10)
    assert not _fixed_above(extremes, 0, 9)


def test_an_end_rests_on_the_figures_without_which_it_moves_by_one():
    """Drug-activity groups are 10 percent of 200 and 5 percent of 400: 19 or 20.

    Without ``a`` (or the 200 it divides by) the greatest value is 21, one
    more; without ``b`` it is still 20.
    """
    other = quantity("ocgs-other")
    claims = [
        percent("a", DRUGS, GROUPS, 10),
        percent("b", DRUGS, other, 5),
        count("c1", GROUPS, 200),
        count("c2", other, 400),
    ]
    interval = next(i for i in reconcile(claims).intervals if i.quantity == DRUGS)
    assert (interval.low, interval.high) == (19, 20)
    assert interval.high_because == {"a", "c1"}


def test_a_part_of_a_share_alone_moves_with_the_ceiling():
    """78 percent of groups, counts at most 9: 7 of 9 at most, none more below 18, 14 of 18."""
    share = percent("share", DRUGS, GROUPS, 78)
    interval = next(i for i in reconcile([share], ceiling=9).intervals if i.quantity == DRUGS)
    assert (interval.high, interval.is_bounded) == (7, False)
