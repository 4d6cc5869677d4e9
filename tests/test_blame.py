"""What set-aside search prunes with: figures that fail alone, and pairs that fail together."""

from __future__ import annotations

from claim_making import count, percent, quantity

from peelmodel._validators import MAX_COUNT
from peelmodel.analysis import reconcile
from peelmodel.analysis._blame import _Pairs, _single
from peelmodel.analysis._components import Component, components_of
from peelmodel.limits import Limit

P, W, Q, Z = (quantity(name) for name in ("p", "w", "q", "z"))


def _pairs(component: Component) -> _Pairs:
    system = component.system(component.claims, MAX_COUNT)
    return _Pairs(system, len(component.limits), len(component.claims))


def test_figures_that_fail_alone_and_pairs_that_fail_together():
    """p is 150 percent of w yet within it; p is 5 and 7; z is 0 yet divides q."""
    claims = [
        percent("a", P, W, 150),
        count("b", P, 5),
        count("c", P, 7),
        count("x", Q, 3),
        percent("y", Q, Z, 10),
        count("z", Z, 0),
    ]
    within, divided = components_of(claims, [Limit(parts=(P,), whole=W)])
    assert [c.id for c in within.claims] == ["a", "b", "c"]
    pairs = _pairs(within)
    assert pairs.alone == [True, False, False]
    assert pairs.clash == [set(), {2}, {1}]
    assert [c.id for c in divided.claims] == ["x", "y", "z"]
    pairs = _pairs(divided)
    assert pairs.alone == [False, False, True]
    assert pairs.clash == [set(), set(), set()]


def test_figures_linked_through_a_limit_can_clash():
    """p and r within w: p is 60 and w 55 clash through the limit; w is 100 and 55."""
    r = quantity("r")
    claims = [count("p", P, 60), count("r", r, 50), count("w", W, 100), count("w2", W, 55)]
    (component,) = components_of(claims, [Limit(parts=(P, r), whole=W)])
    pairs = _pairs(component)
    assert pairs.alone == [False, False, False, False]
    assert pairs.clash == [{3}, set(), {3}, {0, 2}]


def test_one_figure_set_aside_holds_with_the_limits():
    """p is 60 within w, published 50 twice: p goes, though without the limit nothing would."""
    claims = [count("a", P, 60), count("b", W, 50), count("c", W, 50)]
    result = reconcile(claims, limits=[Limit(parts=(P,), whole=W)])
    assert result.set_aside == {"a"}


def test_two_figures_set_aside_hold_with_the_limits():
    """p is 60 within w, each published twice, w as 50: two must go, and a is kept first."""
    claims = [count("a", P, 60), count("b", P, 60), count("c", W, 50), count("d", W, 50)]
    result = reconcile(claims, limits=[Limit(parts=(P,), whole=W)])
    assert result.set_aside == {"c", "d"}


def test_the_fewest_are_found_past_a_larger_set_met_first():
    """p is 5 twice and 6 three times: keeping the first two (met first) costs three; two suffice."""
    claims = [count(name, P, 5) for name in "ab"] + [count(name, P, 6) for name in "cde"]
    assert reconcile(claims).set_aside == {"a", "b"}


def test_a_figure_that_fails_alone_is_counted_once():
    """p is 150 percent of w yet within it, then 5 twice and 6 three times: three must go."""
    claims = [percent("a", P, W, 150)]
    claims += [count(name, P, 5) for name in "bc"] + [count(name, P, 6) for name in "def"]
    result = reconcile(claims, limits=[Limit(parts=(P,), whole=W)])
    assert result.set_aside == {"a", "b", "c"}


def test_a_figure_already_bound_to_go_is_matched_with_no_other():
    """Five must go, though a search that paired a free figure with one already bound to go
    would stop at six: q is 7, 5, 6 and 5, p is 7, and p and q are each 150 or 40 percent of w.
    """
    claims = [
        percent("a", Q, W, 150),
        count("b", Q, 7),
        count("c", Q, 5),
        count("d", P, 7),
        percent("e", P, W, 40),
        percent("f", P, W, 150),
        count("g", Q, 6),
        count("h", Q, 5),
    ]
    limits = [Limit(parts=(P,), whole=W), Limit(parts=(Q,), whole=W)]
    assert reconcile(claims, limits=limits).set_aside == {"a", "b", "e", "f", "g"}


def test_a_pair_is_found_through_any_unknown_of_the_first():
    """a (p as a share of w) and b (p is 7) share only p, a's first unknown: 7 is no 150 percent."""
    claims = [percent("a", P, W, 150), count("b", P, 7)]
    (component,) = components_of(claims, [])
    pairs = _pairs(component)
    assert pairs.alone == [False, False]
    assert pairs.clash == [{1}, {0}]


class TestSingle:
    """Where setting one figure aside is enough, it is the last in id order that is."""

    @staticmethod
    def single(claims: list) -> int | None:
        (component,) = components_of(claims, [])
        system = component.system(component.claims, MAX_COUNT)
        return _single(system, len(component.limits), len(component.claims))

    def test_the_one_figure_that_disagrees(self):
        """p is 5, 5 and 7: only setting aside the 7 leaves figures that hold."""
        assert self.single([count("a", P, 5), count("b", P, 5), count("c", P, 7)]) == 2

    def test_the_last_of_two_that_each_suffice(self):
        """p is 5 and 7: either may go; the rule sets aside the later id."""
        assert self.single([count("a", P, 5), count("b", P, 7)]) == 1

    def test_none_where_one_is_not_enough(self):
        """p is 5, 6 and 7: two must go."""
        assert self.single([count("a", P, 5), count("b", P, 6), count("c", P, 7)]) is None


def test_components_come_in_the_order_of_their_quantity_ids():
    """Quantities in id order within each component, and components by their first id.

    The order the claims meet them in (z before q, w before p) does not decide it.
    """
    claims = [count("z", Z, 7), percent("y", Q, Z, 10), count("w", W, 90), percent("a", P, W, 50)]
    found = components_of(claims, [Limit(parts=(P,), whole=W)])
    ids = [[quantity.id for quantity in component.quantities] for component in found]
    assert all(names == sorted(names) for names in ids)
    assert [names[0] for names in ids] == sorted(names[0] for names in ids)
    assert [len(names) for names in ids] == [2, 2]
