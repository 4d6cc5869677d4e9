"""Exact answers over a :class:`~peelmodel.analysis._propagation.System`: solutions that attain them.

:func:`solve` finds whole numbers that satisfy every active rule, or shows
that none exist: it propagates, splits the smallest open domain (first its
middle value, then the values below it, then those above) and propagates again, depth
first. Every domain is finite, so the search ends; a branch is only dropped
when propagation shows it empty, and a solution is only returned after every
rule is checked on it exactly, so the answer never depends on how far
propagation got.

:func:`least` finds the least value of a monotone question (is there a
solution with this value at most *v*?) by galloping from a bound known to be
too low and bisecting, with a solution for the answer.

>>> from fractions import Fraction
>>> from peelmodel.analysis._propagation import Rule, System
>>> share = Rule("s", (0,), 1, Fraction(1, 8), False, Fraction(3, 20), True)
>>> solve(System(2, [share], 10, positive=[1]))
[1, 7]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from peelmodel.analysis._linear import has_real_solution
from peelmodel.analysis._propagation import INFEASIBLE, System, holds, propagate

__all__ = ["Solution", "least", "root", "solve"]

#: How many branches may fail before each next one is first checked over the reals.
_FAILURES = 8

#: Values of every unknown of a system, by number.
Solution = list[int]


def root(
    system: System, active: Sequence[bool] | None = None
) -> tuple[list[int], list[int]] | None:
    """The bounds of every unknown after propagating every active rule; ``None`` if empty."""
    low, high = list(system.low), list(system.high)
    start = range(len(system.rules)) if active is None else _marked(active)
    if propagate(system, low, high, start, active) == INFEASIBLE:
        return None
    return low, high


def _marked(active: Sequence[bool]) -> list[int]:
    return [index for index, on in enumerate(active) if on]


def solve(
    system: System,
    active: Sequence[bool] | None = None,
    bounds: tuple[list[int], list[int]] | None = None,
    changed: Sequence[int] | None = None,
) -> Solution | None:
    """Whole numbers that satisfy every active rule within *bounds*, or ``None`` if there are none.

    *bounds* (default: the system's own) need not be propagated; *changed*
    names the unknowns whose bounds differ from a propagated state, so that
    only their rules run first (all rules run without it).
    """
    low, high = (list(system.low), list(system.high)) if bounds is None else bounds
    if changed is None:
        start: list[int] = list(range(len(system.rules))) if active is None else _marked(active)
    else:
        start = _users(system, changed, active)
    low, high = list(low), list(high)
    steps = propagate(system, low, high, start, active)
    if steps == INFEASIBLE:
        return None
    rules = system.rules
    checked = rules if active is None else [r for r, on in zip(rules, active, strict=True) if on]
    if steps > system.budget() and not has_real_solution(checked, low, high):
        return None  # bounds that crept: no real numbers satisfy the rules
    # Each entry: bounds, and the unknown whose bounds were just split (-1: propagated).
    stack: list[tuple[list[int], list[int], int]] = [(low, high, -1)]
    size = system.size
    failed = 0  # once branches keep failing, each next one is first checked over the reals
    while stack:
        low, high, split = stack.pop()
        if split >= 0 and (
            (steps := propagate(system, low, high, _users(system, [split], active), active))
            == INFEASIBLE
            or (
                (failed > _FAILURES or steps > system.budget())
                and not has_real_solution(checked, low, high)
            )
        ):
            failed += 1
            continue
        chosen, width = -1, 0
        for unknown in range(size):
            span = high[unknown] - low[unknown]
            if span and (chosen < 0 or span < width):
                chosen, width = unknown, span
        if chosen < 0:
            if all(holds(rule, low) for rule in checked):
                return low
            failed += 1
            continue
        least, most = low[chosen], high[chosen]
        middle = (least + most) // 2
        for start_value, end_value in ((middle + 1, most), (least, middle - 1), (middle, middle)):
            if start_value <= end_value:
                child_low, child_high = list(low), list(high)
                child_low[chosen], child_high[chosen] = start_value, end_value
                stack.append((child_low, child_high, chosen))
    return None


def _users(system: System, unknowns: Sequence[int], active: Sequence[bool] | None) -> list[int]:
    found: dict[int, None] = {}
    for unknown in unknowns:
        for user in system.users[unknown]:
            if active is None or active[user]:
                found[user] = None
    return list(found)


def least(
    feasible: Callable[[int], Solution | None], known_low: int, known: tuple[int, Solution] | None
) -> tuple[int, Solution] | None:
    """The least *v* for which ``feasible(v)`` gives a solution, with that solution.

    ``feasible`` must be monotone (a solution for *v* is one for every larger
    value); every value below *known_low* is known to give none, and *known*
    is a value known to give one, with its solution (``None``: not known, and
    the search gallops up until it finds one or passes the system's ceiling
    of interest, given as ``known_low`` plus 2⁶⁴).
    """
    found = feasible(known_low)
    if found is not None:
        return known_low, found
    low = known_low + 1  # the least value not yet shown to give none
    if known is None:
        step = 1
        while True:
            value = low + step - 1
            if value > known_low + 2**64:
                return None
            answer = feasible(value)
            if answer is not None:
                known = (value, answer)
                break
            low = value + 1
            step *= 2
    high, best = known
    while low < high:
        middle = (low + high) // 2
        answer = feasible(middle)
        if answer is None:
            low = middle + 1
        else:
            high, best = middle, answer
    return high, best
