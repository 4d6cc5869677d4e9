"""Propagated bounds with each of many rules left out in turn, found together.

A figure's implied range is over every other figure: the system with its own
rule left out. Propagating each such system from scratch repeats almost all
of the work for every figure, and costs the square of the figures for a
chain of them. :func:`leave_one_out` shares it by halves: the bounds with
one half of the rules left out are propagated once, from the bounds with
both halves left out, and each half is then split in turn, so every rule is
added about as many times as the rules can be halved.

Bounds found this way are sound (propagation only removes values no
solution takes) and, where propagation reaches its fixed point, the same as
propagating each system alone.

>>> from fractions import Fraction
>>> from peelmodel.analysis._propagation import Rule, System
>>> half = Fraction(1, 2)
>>> count = Rule("count", (0,), -1, Fraction(8), False, Fraction(8), False)
>>> share = Rule("share", (1,), 0, half, False, half, False)
>>> bounds = leave_one_out(System(2, [count, share], 100), 0)
>>> [(low, high) for low, high in bounds]
[([0, 0], [100, 50]), ([8, 0], [8, 100])]
"""

from __future__ import annotations

from collections.abc import Sequence

from peelmodel.analysis._components import Component
from peelmodel.analysis._propagation import INFEASIBLE, System, propagate
from peelmodel.analysis._search import Bounds, root
from peelmodel.claims import Claim

__all__ = ["LeftOut", "leave_one_out"]


def leave_one_out(system: System, first: int) -> list[Bounds | None]:
    """For each rule from *first* on, the bounds every other rule leaves, in rule order.

    The rules before *first* (domain limits) are never left out. ``None``
    where propagation shows that the other rules have no solution.
    """
    count = len(system.rules) - first
    active = [True] * first + [False] * count
    low, high = list(system.low), list(system.high)
    if propagate(system, low, high, range(first), active) == INFEASIBLE:
        return [None] * count
    found: list[Bounds | None] = []
    if count:
        _split(system, (first, first + count), (low, high), active, found)
    return found


def _split(
    system: System,
    span: tuple[int, int],
    bounds: Bounds,
    active: list[bool],
    found: list[Bounds | None],
) -> None:
    """Append the bounds with each rule of *span* left out, given *bounds* without all of them."""
    start, end = span
    if end - start == 1:
        found.append(bounds)
        return
    middle = (start + end) // 2
    for kept, added in (((start, middle), (middle, end)), ((middle, end), (start, middle))):
        child = list(active)
        child[added[0] : added[1]] = [True] * (added[1] - added[0])
        low, high = list(bounds[0]), list(bounds[1])
        if propagate(system, low, high, range(*added), child) == INFEASIBLE:
            found += [None] * (kept[1] - kept[0])  # more rules only keep it so
        else:
            _split(system, kept, (low, high), child, found)


class LeftOut:
    """A component's kept figures, for the queries of each: one system, bounds without each.

    The queries share one system of every kept figure for each ceiling on
    counts, in which each finds its own figure's rule. The first figure to
    ask for the bounds of the others propagates them alone; once a second
    asks, the bounds without each figure are found together.
    """

    def __init__(self, component: Component, kept: Sequence[Claim]) -> None:
        self._component, self._kept = component, kept
        self._index = {claim.id: position for position, claim in enumerate(kept)}
        self._systems: dict[int, System] = {}
        self._found: dict[int, list[Bounds | None]] = {}
        self._asked: set[int] = set()

    def __contains__(self, claim: Claim) -> bool:
        return claim.id in self._index

    def system(self, ceiling: int) -> System:
        """The system of the limits and every kept figure under *ceiling* (made once)."""
        if ceiling not in self._systems:
            self._systems[ceiling] = self._component.system(self._kept, ceiling)
        return self._systems[ceiling]

    def slot(self, claim: Claim) -> int:
        """The index of kept *claim*'s rule in the shared systems."""
        return len(self._component.limits) + self._index[claim.id]

    def without(self, claim: Claim, ceiling: int) -> Bounds | None:
        """The propagated bounds of the limits and every kept figure but *claim*, under *ceiling*.

        ``None`` where propagation shows they have no solution.
        """
        system = self.system(ceiling)
        if ceiling not in self._found:
            if ceiling not in self._asked:
                self._asked.add(ceiling)
                active = [True] * len(system.rules)
                active[self.slot(claim)] = False
                return root(system, active)
            self._found[ceiling] = leave_one_out(system, len(self._component.limits))
        return self._found[ceiling][self._index[claim.id]]
