"""What set-aside search prunes with: figures that fail alone, and pairs that fail together."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from claim_making import YEAR, made

from peelmodel._validators import MAX_COUNT
from peelmodel.analysis import reconcile
from peelmodel.analysis._blame import _Pairs
from peelmodel.analysis._components import Component, components_of
from peelmodel.catalogues import areas
from peelmodel.claims import Formula, Quantity
from peelmodel.limits import Limit

AREA = areas.get("hampshire")
P, W, Q, Z = (Quantity(area=AREA, measure=name, period=YEAR) for name in ("p", "w", "q", "z"))


def _count(claim_id: str, quantity: Quantity, value: int):
    return made(claim_id, Decimal(value), Formula(numerator=(quantity,)), AREA)


def _ratio(claim_id: str, part: Quantity, whole: Quantity, value: int):
    formula = Formula(numerator=(part,), denominator=whole, scale=Fraction(100))
    return made(claim_id, Decimal(value), formula, AREA)


def _pairs(component: Component) -> _Pairs:
    system = component.system(component.claims, MAX_COUNT)
    return _Pairs(system, len(component.limits), len(component.claims))


def test_figures_that_fail_alone_and_pairs_that_fail_together():
    """p is 150 percent of w yet within it; p is 5 and 7; z is 0 yet divides q."""
    claims = [
        _ratio("a", P, W, 150),
        _count("b", P, 5),
        _count("c", P, 7),
        _count("x", Q, 3),
        _ratio("y", Q, Z, 10),
        _count("z", Z, 0),
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
    r = Quantity(area=AREA, measure="r", period=YEAR)
    claims = [_count("p", P, 60), _count("r", r, 50), _count("w", W, 100), _count("w2", W, 55)]
    (component,) = components_of(claims, [Limit(parts=(P, r), whole=W)])
    pairs = _pairs(component)
    assert pairs.alone == [False, False, False, False]
    assert pairs.clash == [{3}, set(), {3}, {0, 2}]


def test_one_figure_set_aside_holds_with_the_limits():
    """p is 60 within w, published 50 twice: p goes, though without the limit nothing would."""
    claims = [_count("a", P, 60), _count("b", W, 50), _count("c", W, 50)]
    result = reconcile(claims, limits=[Limit(parts=(P,), whole=W)])
    assert result.set_aside == {"a"}
