"""Propagated bounds with each of many rules left out in turn, found by halves as they are asked for.

A figure's implied range is over every other figure: the system with its own
rule left out. Propagating each such system from scratch repeats almost all
of the work for every figure, and costs the square of the figures for a
chain of them. :class:`Halves` shares it: the bounds with one half of the
rules left out are propagated once, from the bounds with both halves left
out, and each half is split in turn, so that every rule is added about as
many times as the rules can be halved. Only the halves on the way to a rule
asked about are found: the bounds without a few of many rules cost a few
times the logarithm of their number.

Bounds found this way are sound (propagation only removes values no
solution takes) and, where propagation reaches its fixed point, the same as
propagating each system alone.

>>> from fractions import Fraction
>>> from peelmodel.analysis._propagation import Rule, System
>>> half = Fraction(1, 2)
>>> count = Rule("count", (0,), -1, Fraction(8), False, Fraction(8), False)
>>> share = Rule("share", (1,), 0, half, False, half, False)
>>> halves = Halves(System(2, [count, share], 100), 0)
>>> halves.without(0), halves.without(1)
(([0, 0], [100, 50]), ([8, 0], [8, 100]))
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from peelmodel.analysis._components import Component
from peelmodel.analysis._propagation import INFEASIBLE, System, propagate
from peelmodel.analysis._search import Bounds
from peelmodel.claims import Claim

__all__ = ["Halves", "LeftOut"]

#: A run of rules, from the first to before the second.
_Span = tuple[int, int]


class Halves:
    """The bounds of a system with each rule from *first* on left out, each found on first ask.

    The rules before *first* (domain limits) are never left out.
    """

    def __init__(self, system: System, first: int) -> None:
        self._system, self._first = system, first
        whole = (first, len(system.rules))
        active = [True] * first + [False] * (whole[1] - first)
        low, high = list(system.low), list(system.high)
        failed = propagate(system, low, high, range(first), active) == INFEASIBLE
        #: The bounds with each span of rules left out, kept until both its halves are found.
        self._found: dict[_Span, Bounds | None] = {whole: None if failed else (low, high)}
        #: The spans let go, both halves found.
        self._split: set[_Span] = set()

    def without(self, index: int) -> Bounds | None:
        """The propagated bounds of every rule but rule *index*; ``None``: they have no solution."""
        *_, found = self.towards(index)
        return found

    def towards(self, index: int) -> Iterator[Bounds | None]:
        """Bounds on the way to those without rule *index*, each at least as narrow as the last.

        Without one span of rules holding rule *index*, then without half of
        it, and so on down to rule *index* alone, the last; each is found as
        it is asked for, so a caller that stops early saves the rest (a span
        whose halves are both found already is passed over). ``None`` where
        they have no solution, and then nothing after it.
        """
        start, end = self._first, len(self._system.rules)
        if not start <= index < end:
            raise IndexError(index)
        found, split = self._found, self._split
        if end - start == 1:
            yield found[start, end]
        while end - start > 1:
            middle = (start + end) // 2
            kept, added = ((start, middle), (middle, end))[:: 1 if index < middle else -1]
            if kept not in found and kept not in split:  # the span itself is still kept
                bounds = found[start, end]
                if bounds is None:
                    yield None  # more rules only keep it so
                    return
                found[kept] = self._add(bounds, kept, added)
                if added in found or added in split:
                    del found[start, end]
                    split.add((start, end))
            start, end = kept
            if kept in found:
                yield found[kept]
                if found[kept] is None:
                    return

    def _add(self, bounds: Bounds, kept: _Span, added: _Span) -> Bounds | None:
        """*bounds* (without both spans) propagated with the *added* rules: without *kept*."""
        system = self._system
        active = [True] * len(system.rules)
        active[kept[0] : kept[1]] = [False] * (kept[1] - kept[0])
        low, high = list(bounds[0]), list(bounds[1])
        if propagate(system, low, high, range(*added), active) == INFEASIBLE:
            return None
        return low, high


class LeftOut:
    """A component's kept figures, for the queries of each: one system, bounds without each.

    The queries share one system of every kept figure for each ceiling on
    counts, in which each finds its own figure's rule, and the bounds
    without each figure found by halves (:class:`Halves`).
    """

    def __init__(self, component: Component, kept: Sequence[Claim]) -> None:
        self._component, self._kept = component, kept
        self._index = {claim.id: position for position, claim in enumerate(kept)}
        self._systems: dict[int, System] = {}
        self._halves: dict[int, Halves] = {}

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
        return self._of(ceiling).without(self.slot(claim))

    def towards(self, claim: Claim, ceiling: int) -> Iterator[Bounds | None]:
        """Wider bounds than :meth:`without` on the way to them, then those (see :meth:`Halves.towards`)."""
        return self._of(ceiling).towards(self.slot(claim))

    def _of(self, ceiling: int) -> Halves:
        if ceiling not in self._halves:
            self._halves[ceiling] = Halves(self.system(ceiling), len(self._component.limits))
        return self._halves[ceiling]
