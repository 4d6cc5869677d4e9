"""The exact interval of every quantity of a component, with witnesses and explanations."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs

from peelmodel.analysis._components import Component
from peelmodel.analysis._extremes import Extremes, Witness
from peelmodel.analysis._search import solve
from peelmodel.claims import Claim, Quantity

__all__ = ["Interval", "intervals_of"]

_NONE: frozenset[str] = frozenset()


@attrs.frozen
class Interval:
    """The whole numbers a quantity can take given the kept figures, exactly.

    ``low`` and ``high`` are attained: ``witness_low`` and ``witness_high``
    give values of every quantity of the reconciliation (quantity id to
    value) that satisfy every kept figure and every limit, with this quantity
    at that end. ``is_bounded`` is false when the greatest value moves with
    the ceiling on counts (it is greater with a ceiling twice as high); then
    ``witness_high`` is ``None``. ``low_because`` and ``high_because`` name
    the kept figures an end rests on: a smallest set of them that still
    gives that end, found by leaving out each figure in id order while the
    end holds without it (found on first use). They are empty for an end no
    figure moves: 0 (1 for a denominator) below, an unbounded end above.
    """

    quantity: Quantity
    low: int
    high: int
    _low_because: frozenset[str] | None = attrs.field(default=_NONE, alias="low_because")
    _high_because: frozenset[str] | None = attrs.field(default=_NONE, alias="high_because")
    is_bounded: bool = True
    witness_low: Mapping[str, int] | None = attrs.field(default=None, eq=False, repr=False)
    witness_high: Mapping[str, int] | None = attrs.field(default=None, eq=False, repr=False)
    _explain: Callable[[Quantity, int, bool], frozenset[str]] | None = attrs.field(
        default=None, eq=False, repr=False, alias="explain"
    )

    @property
    def low_because(self) -> frozenset[str]:
        """The kept figures the low end rests on."""
        return self._because(high=False)

    @property
    def high_because(self) -> frozenset[str]:
        """The kept figures the high end rests on."""
        return self._because(high=True)

    def _because(self, *, high: bool) -> frozenset[str]:
        """The kept figures one end rests on, found on first use and kept."""
        name = "_high_because" if high else "_low_because"
        found: frozenset[str] | None = getattr(self, name)
        if found is None:
            assert self._explain is not None  # noqa: S101 - left to find only with a way to find it
            found = self._explain(self.quantity, self.high if high else self.low, high)
            object.__setattr__(self, name, found)
        return found

    @property
    def is_exact(self) -> bool:
        """Whether exactly one value is possible."""
        return self.low == self.high

    def witnesses(self) -> dict[str, dict[str, int] | None]:
        """Both witnesses as plain dicts, by end (``None`` where there is none), as JSON gives them."""
        return {
            "low": None if self.witness_low is None else dict(self.witness_low),
            "high": None if self.witness_high is None else dict(self.witness_high),
        }

    def __repr__(self) -> str:
        high = f"{self.high:,}" if self.is_bounded else "no bound"
        return f"<Interval {self.quantity.id}: {self.low:,} to {high}>"


def intervals_of(
    component: Component,
    kept: Sequence[Claim],
    extremes: Extremes,
    bases: Mapping[str, int],
    ceiling: int,
) -> list[Interval]:
    """The exact interval of every quantity of *component*, with witnesses."""
    index = component.positions
    wider = component.system(kept, 2 * ceiling + 1)
    wider_extremes: Extremes | None = None
    found: list[Interval] = []
    floor = extremes.system.low
    explain = _explainer(component, kept, ceiling)
    # The least denominators first: propagated, they are often the least of what they divide.
    for unknown in sorted({rule.denominator for rule in extremes.system.rules} - {-1}):
        extremes.least(unknown)
        extremes.settle(unknown)
    for unknown, quantity in enumerate(component.quantities):
        low, low_witness = extremes.least(unknown)
        high, high_witness = extremes.greatest(unknown)
        if wider_extremes is None:
            wider_extremes = Extremes(wider, known=extremes.base)  # a higher ceiling keeps it
        bounded = wider_extremes.high[unknown] <= high or (
            wider_extremes.pool_high[unknown][0] <= high
            and _fixed_above(wider_extremes, unknown, high)
        )
        found.append(
            Interval(
                quantity,
                low,
                high,
                None if low > floor[unknown] else _NONE,
                None if bounded else _NONE,
                bounded,
                Witness(bases, index, low_witness),
                Witness(bases, index, high_witness) if bounded else None,
                explain=explain,
            )
        )
    return found


def _explainer(
    component: Component, kept: Sequence[Claim], ceiling: int
) -> Callable[[Quantity, int, bool], frozenset[str]]:
    """A function naming the kept figures an end of a quantity rests on (see :class:`Interval`)."""

    def explain(quantity: Quantity, end: int, is_high: bool) -> frozenset[str]:  # noqa: FBT001 - called through Interval only
        unknown = component.number[quantity]
        system = component.system(kept, ceiling)
        first = len(component.limits)

        def holds_end(claims: set[int]) -> bool:
            active = [True] * first + [index in claims for index in range(len(kept))]
            low, high = list(system.low), list(system.high)
            if is_high:
                low[unknown] = end + 1
            else:
                high[unknown] = end - 1
            return low[unknown] > high[unknown] or solve(system, active, (low, high)) is None

        chosen = set(range(len(kept)))
        for index in range(len(kept)):
            if holds_end(chosen - {index}):
                chosen.discard(index)
        return frozenset(kept[index].id for index in chosen)

    return explain


def _fixed_above(extremes: Extremes, unknown: int, value: int) -> bool:
    """Whether no solution of the wider system takes *unknown* above *value*.

    A solution found is kept: leaning every unknown up, it often takes others
    above their ends too, which answers them without a search.
    """
    low = list(extremes.low)
    low[unknown] = value + 1
    lean = dict.fromkeys(range(len(low)), True)
    found = solve(extremes.system, None, (low, extremes.high), (unknown,), lean)
    if found is None:
        return True
    extremes.add(found)
    return False
