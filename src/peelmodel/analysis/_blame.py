"""Which figures to set aside when the figures of a component cannot all hold.

The rule: set aside the fewest figures whose removal lets the rest hold
together (some whole numbers satisfy them all, with the limits). Among the
sets of that size, keep the figure with the smallest id in which two of them
differ; equivalently, the set whose ids, sorted, are the greatest in
dictionary order. :func:`set_aside` finds it by a depth-first search over the
figures in id order, keeping each before setting it aside, so the first set
of the least size it meets is the chosen one; it prunes with the figures the
kept ones rule out and with pairs of figures that cannot hold together.

:func:`conflicts_of` then names, for each figure set aside, the smallest
sets of kept figures it cannot hold with. Where the limits alone cannot
hold, no figure is to blame: :func:`impossible_limits` names them.
"""

from __future__ import annotations

from collections.abc import Sequence

from peelmodel.analysis._components import Component
from peelmodel.analysis._propagation import INFEASIBLE, System, propagate
from peelmodel.analysis._rules import by_id
from peelmodel.analysis._search import root, solve
from peelmodel.claims import Claim, Quantity
from peelmodel.errors import InvalidValueError
from peelmodel.limits import Limit

__all__ = ["conflicts_of", "impossible_limits", "set_aside"]


class _Pairs:
    """Which pairs of a component's claims propagation alone shows cannot hold together."""

    def __init__(self, system: System, first: int, count: int) -> None:
        self.system, self.first, self.count = system, first, count
        self.alone = [self._fails([index]) for index in range(count)]
        near: list[set[int]] = [set() for _ in range(count)]
        by_unknown: list[set[int]] = [set() for _ in range(system.size)]
        for index in range(count):
            for unknown in system.rules[first + index].unknowns:
                by_unknown[unknown].add(index)
        for limit in system.rules[:first]:  # claims linked through one limit can clash
            linked = set().union(*(by_unknown[unknown] for unknown in limit.unknowns))
            for unknown in limit.unknowns:
                by_unknown[unknown] |= linked
        self.clash: list[set[int]] = [set() for _ in range(count)]
        for index in range(count):
            for unknown in system.rules[first + index].unknowns:
                near[index] |= by_unknown[unknown]
            for other in near[index]:
                if (
                    other > index
                    and not self.alone[other]
                    and not self.alone[index]
                    and self._fails([index, other])
                ):
                    self.clash[index].add(other)
                    self.clash[other].add(index)

    def _fails(self, claims: list[int]) -> bool:
        active = [True] * self.first + [False] * self.count
        for index in claims:
            active[self.first + index] = True
        return root(self.system, active) is None


def set_aside(component: Component, ceiling: int) -> list[Claim]:
    """The figures of *component*, which cannot all hold together, to set aside by the rule above."""
    claims = component.claims
    system = component.system(claims, ceiling)
    first, count = len(component.limits), len(claims)
    single = _single(system, first, count)
    if single is not None:
        return [claims[single]]
    pairs = _Pairs(system, first, count)
    base = [True] * first + [False] * count
    start = root(system, base)
    assert start is not None  # noqa: S101 - limits alone always hold (all zero)
    best: list[int] | None = None

    def bound(index: int, kept: list[int], removed: int) -> int:
        """Figures that must still be set aside, at least: those clashing with kept ones, a matching."""
        forced = 0
        free: list[int] = []
        for other in range(index, count):
            if pairs.alone[other] or any(k in pairs.clash[other] for k in kept):
                forced += 1
            else:
                free.append(other)
        matched: set[int] = set()
        for other in free:
            if other in matched:
                continue
            partner = next(
                (p for p in pairs.clash[other] if p >= index and p not in matched and p in free),
                None,
            )
            if partner is not None:
                matched.update((other, partner))
        return removed + forced + len(matched) // 2

    stack: list[tuple[int, list[int], list[int], list[bool], list[int], list[int]]] = [
        (0, *start, base, [], [])
    ]
    while stack:
        index, low, high, active, kept, removed = stack.pop()
        if best is not None and bound(index, kept, len(removed)) >= len(best):
            continue
        if index == count:
            if solve(system, active, (low, high), ()) is not None:
                best = removed
            continue
        stack.append((index + 1, low, high, active, kept, [*removed, index]))
        if pairs.alone[index]:
            continue
        keep = list(active)
        keep[first + index] = True
        child_low, child_high = list(low), list(high)
        if propagate(system, child_low, child_high, [first + index], keep) != INFEASIBLE and (
            solve(system, keep, (child_low, child_high), ()) is not None
        ):
            stack.append((index + 1, child_low, child_high, keep, [*kept, index], removed))
    assert best is not None  # noqa: S101 - setting every figure aside always holds
    return [claims[index] for index in best]


def _single(system: System, first: int, count: int) -> int | None:
    """The one figure to set aside where one is enough (the last in id order), else ``None``.

    Every figure whose removal lets the rest hold lies in each set of figures
    that cannot hold together, so only the members of one such set, found by
    leaving out each figure in turn while the rest still fail, are tried.
    """

    def holds(claims: set[int]) -> bool:
        active = [True] * first + [index in claims for index in range(count)]
        return solve(system, active) is not None

    conflict = set(range(count))
    for index in range(count):
        if not holds(conflict - {index}):
            conflict.discard(index)
    everything = set(range(count))
    return next((i for i in sorted(conflict, reverse=True) if holds(everything - {i})), None)


def conflicts_of(
    component: Component, kept: Sequence[Claim], claim: Claim, ceiling: int
) -> list[list[Claim]]:
    """The ways *claim* cannot hold with the *kept* figures: each a smallest set, *claim* first.

    The kept figures are dropped one at a time in id order, each staying out
    while the rest still cannot hold with *claim*; the set found is recorded,
    its kept figures left out, and the search goes on until *claim* holds
    with what remains.
    """
    found: list[list[Claim]] = []
    rest = list(kept)
    system = component.system([claim, *kept], ceiling)
    first = len(component.limits)
    index_of = {id(other): first + 1 + position for position, other in enumerate(kept)}

    def fails(others: Sequence[Claim]) -> bool:
        active = [True] * first + [True] + [False] * len(kept)
        for other in others:
            active[index_of[id(other)]] = True
        return solve(system, active) is None

    while fails(rest):
        members = list(rest)
        for other in list(members):
            trial = [member for member in members if member is not other]
            if fails(trial):
                members = trial
        found.append([claim, *members])
        if not members:
            break
        rest = [other for other in rest if not any(other is member for member in members)]
    return found


def impossible_limits(component: Component, ceiling: int) -> InvalidValueError:
    """The error for a component whose limits no whole numbers satisfy, whatever its figures.

    Parts declared above their wholes (a figure given as a percentage "of"
    one of its own parts) with a part that figures divide by, so at least 1.
    It names a smallest set of limits and divided quantities that fail
    together, each left out in id order while the rest still fail.
    """
    limits = sorted(component.limits, key=by_id)
    divided = sorted(component.positive, key=lambda quantity: quantity.id)

    def fail(limits: list[Limit], divided: list[Quantity]) -> bool:
        probe = Component(component.quantities, [], limits, set(divided))
        return probe.solution([], ceiling) is None

    for quantity in list(divided):
        if fail(limits, [other for other in divided if other != quantity]):
            divided.remove(quantity)
    for limit in list(limits):
        if fail([other for other in limits if other != limit], divided):
            limits.remove(limit)
    return InvalidValueError(
        "peelmodel.reconcile",
        "limits",
        ", ".join(quantity.id for quantity in divided),
        f"no whole numbers satisfy {'; '.join(limit.id for limit in limits)} with these "
        "at least 1 (figures divide by them): check what each figure is a part of",
    )
