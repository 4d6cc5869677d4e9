"""Exact answers over a :class:`~peelmodel.analysis._propagation.System`: solutions that attain them.

:func:`solve` finds whole numbers that satisfy every active rule, or shows
that none exist: it propagates, tries the corners of the bounds, splits the
smallest open domain (each end alone first, then the two halves between)
and propagates again, depth first. Every domain is finite, so the search
ends; a branch is only dropped when propagation (or, for bounds that creep,
the reals) shows it empty, and a solution is only returned after every rule
is checked on it exactly, so the answer never depends on how far
propagation got.

:func:`improve` finds the greatest score of a monotone question (is there a
solution scoring at least *k*?) from a solution known, with a solution for
the answer.

>>> from fractions import Fraction
>>> from peelmodel.analysis._propagation import Rule, System
>>> share = Rule("s", (0,), 1, Fraction(1, 8), False, Fraction(3, 20), True)
>>> solve(System(2, [share], 10, positive=[1]))
[1, 7]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction

from peelmodel.analysis._linear import has_real_solution, real_solution
from peelmodel.analysis._propagation import INFEASIBLE, Rule, System, holds, propagate

__all__ = ["Bounds", "Solution", "corner", "improve", "root", "solve", "solve_within"]

#: How many branches may fail before each next one is first checked over the reals.
_FAILURES = 8

#: A split by a real solution leaves at least one in this many values on each side.
_SHARE = 16

#: A denominator with fewer values than this is split before any other unknown.
_FEW = 4096

#: How many times the usual steps bounds that crept may take to settle.
_SETTLE = 16

#: Values of every unknown of a system, by number.
Solution = list[int]

#: The least and the greatest value of every unknown of a system, by number.
Bounds = tuple[list[int], list[int]]


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
    lean: Mapping[int, bool] | None = None,
) -> Solution | None:
    """Whole numbers that satisfy every active rule within *bounds*, or ``None`` if there are none.

    *bounds* (default: the system's own) need not be propagated; *changed*
    names the unknowns whose bounds differ from a propagated state, so that
    only their rules run first (all rules run without it). *lean* names
    unknowns to try first at their greatest (``True``) or least (``False``)
    value: a solution found there goes further in that direction.
    """
    low, high = (list(system.low), list(system.high)) if bounds is None else bounds
    if changed is None:
        start: list[int] = list(range(len(system.rules))) if active is None else _marked(active)
    else:
        start = _users(system, changed, active)
    rules = system.rules
    checked = rules if active is None else [r for r, on in zip(rules, active, strict=True) if on]
    # Denominators are split first: once they are fixed, every rule bounds a plain sum.
    divisors = sorted({rule.denominator for rule in checked if rule.denominator >= 0})
    # Each entry: bounds, and the rules to propagate first (those of the unknown just split).
    stack: list[tuple[list[int], list[int], list[int]]] = [(list(low), list(high), start)]
    failed = 0  # once branches keep failing, each next one is first checked over the reals
    while stack:
        low, high, first = stack.pop()
        steps = propagate(system, low, high, first, active)
        if steps == INFEASIBLE:
            failed += 1
            continue
        point = None
        crept = steps > system.budget()
        if failed > _FAILURES or crept:  # bounds that crept, or branches that keep failing
            possible, point = _over_the_reals(system, checked, (low, high), active, crept=crept)
            if not possible:
                failed += 1
                continue
        found = corner(checked, low, high, lean or {})
        if found is not None:
            return found
        chosen = _narrowest(low, high, divisors, below=_FEW)
        if chosen < 0 and point and (chosen := _fractional(point, low, high)) >= 0:
            # Split where the real solution lies between two whole numbers.
            users = _users(system, [chosen], active)
            for start_value, end_value in _halves(chosen, point[chosen], low, high, lean or {}):
                child_low, child_high = list(low), list(high)
                child_low[chosen], child_high[chosen] = start_value, end_value
                stack.append((child_low, child_high, users))
            continue
        if chosen < 0 and (chosen := _narrowest(low, high, range(len(low)))) < 0:
            failed += 1
            continue
        least, most = low[chosen], high[chosen]
        middle = (least + most) // 2
        users = _users(system, [chosen], active)
        # Popped in turn: each end alone, then the two halves of what lies between.
        for start_value, end_value in (
            (middle + 1, most - 1),
            (least + 1, middle),
            (most, most),
            (least, least),
        ):
            if start_value <= end_value:
                child_low, child_high = list(low), list(high)
                child_low[chosen], child_high[chosen] = start_value, end_value
                stack.append((child_low, child_high, users))
    return None


def _over_the_reals(
    system: System,
    checked: Sequence[Rule],
    bounds: tuple[list[int], list[int]],
    active: Sequence[bool] | None,
    *,
    crept: bool,
) -> tuple[bool, dict[int, Fraction] | None]:
    """Whether real numbers within *bounds* satisfy the rules, and where to split by them.

    Bounds that *crept*, where the reals allow them, go on narrowing (in
    place) for longer: bounds creeping towards a whole number the real
    solutions leave room for (the least population that 100 rates per 1,000
    all fit) usually settle within a few times the usual number of steps;
    those that would creep on for ever stop again and are split by size.
    """
    low, high = bounds
    if not crept:
        point = real_solution(checked, low, high)
        return point is not None, point
    if not has_real_solution(checked, low, high):
        return False, None
    every = range(len(system.rules)) if active is None else _marked(active)
    budget = _SETTLE * system.budget()
    return propagate(system, low, high, every, active, budget=budget) != INFEASIBLE, None


def _halves(
    chosen: int, value: Fraction, low: list[int], high: list[int], lean: Mapping[int, bool]
) -> list[tuple[int, int]]:
    """The values of *chosen* up to *value* and above it, the side to search first last.

    First the side *lean* names, else the side nearer the real solution. A
    cut that leaves one side with less than a sixteenth of the values moves
    to the middle, so that the splits of one unknown are never more than
    about 16 times as many as its bits.
    """
    least, most = low[chosen], high[chosen]
    cut = math.floor(value)
    if min(cut - least + 1, most - cut) * _SHARE < most - least + 1:
        cut = (least + most) // 2
    halves = [(cut + 1, high[chosen]), (low[chosen], cut)]
    up = lean.get(chosen)
    if up or (up is None and value - cut > Fraction(1, 2)):
        halves.reverse()
    return halves


def _fractional(point: Mapping[int, Fraction], low: list[int], high: list[int]) -> int:
    """The unknown with the fewest values whose real value is not whole (-1: none)."""
    chosen, width = -1, 0
    for unknown, value in point.items():
        span = high[unknown] - low[unknown]
        if value.denominator != 1 and span and (chosen < 0 or span < width):
            chosen, width = unknown, span
    return chosen


def _narrowest(
    low: list[int], high: list[int], unknowns: Iterable[int], below: int | None = None
) -> int:
    """The unknown of *unknowns* with the fewest values left, more than one (and fewer than *below*).

    -1 where there is none.
    """
    chosen, width = -1, 0 if below is None else below
    for unknown in unknowns:
        span = high[unknown] - low[unknown]
        if span and ((chosen < 0 and below is None) or span < width):
            chosen, width = unknown, span
    return chosen


def corner(
    rules: Sequence[Rule], low: list[int], high: list[int], lean: Mapping[int, bool]
) -> Solution | None:
    """A corner of the bounds that satisfies every rule, if one of those tried does.

    Every unknown at its least, or every one at its greatest, each time with
    the unknowns of *lean* at the end it names first. Where the rules are
    monotone (shares, rates, limits), propagation leaves bounds whose
    corners are solutions, and no search is needed.
    """
    tried = []
    for base in (low, high):
        if lean:
            leaning = list(base)
            for unknown, up in lean.items():
                leaning[unknown] = high[unknown] if up else low[unknown]
            tried.append(leaning)
        tried.append(base)
    for point in tried:
        if all(holds(rule, point) for rule in rules):
            return list(point)
    return None


def _users(system: System, unknowns: Sequence[int], active: Sequence[bool] | None) -> list[int]:
    found: dict[int, None] = {}
    for unknown in unknowns:
        for user in system.users[unknown]:
            if active is None or active[user]:
                found[user] = None
    return list(found)


def solve_within(
    system: System,
    bounds: Bounds,
    changed: Sequence[int],
    lean: Mapping[int, bool] | None = None,
    *,
    rules: Sequence[int] = (),
) -> tuple[Solution, Bounds] | None:
    """A solution within *bounds* (propagated but for *changed*) and the bounds propagated.

    ``None`` where there is no solution. No solution within *bounds* passes
    the bounds returned, so they bound what any other solution could reach.
    *rules* names rules that changed since *bounds* were propagated: they
    run first, with the users of *changed*.

    >>> from fractions import Fraction
    >>> from peelmodel.analysis._propagation import Rule, System
    >>> share = Rule("s", (0,), 1, Fraction(1, 8), False, Fraction(3, 20), True)
    >>> solve_within(System(2, [share], 100, positive=[1]), ([2, 1], [100, 100]), [0])
    ([2, 14], ([2, 14], [14, 100]))
    """
    low, high = list(bounds[0]), list(bounds[1])
    steps = propagate(system, low, high, [*_users(system, changed, None), *rules])
    if steps == INFEASIBLE:
        return None
    # Bounds that crept go on narrowing within the search, from every rule.
    found = solve(system, None, (low, high), None if steps > system.budget() else (), lean)
    return None if found is None else (found, (low, high))


def improve(
    beyond: Callable[[int], tuple[Solution, int] | None],
    score: Callable[[Solution], int],
    known: tuple[int, Solution],
    limit: int,
) -> tuple[int, Solution]:
    """The greatest score some solution reaches, from a *known* one, with a solution reaching it.

    ``beyond(k)`` gives a solution scoring at least *k* and a score no
    solution scoring at least *k* passes, or ``None`` where there is no
    such solution; no solution scores above *limit*. Each solution found
    raises the best score to its own (often far past what was asked) and
    lowers *limit* to its bound. While galloping, a lowered limit is asked
    about next: bounds propagated from near the answer are often the answer
    (if not, the galloping from above starts again from the new limit). The
    questions gallop from both ends in turn, each step twice the last:
    down from *limit* (propagation's bound, which the answer is often just
    below) and up from the best score. Once one from above is answered or
    one from below is not, the answer lies within the last step, and each
    question halves what is left. The cost is about twice the logarithm of
    the answer's distance from the nearer end, plus that of the last step.

    >>> answer = 1000
    >>> improve(lambda k: ([k], 10**6) if k <= answer else None, lambda s: s[0], (0, [0]), 10**6)
    (1000, [1000])
    >>> improve(lambda k: ([k], answer) if k <= answer else None, lambda s: s[0], (0, [0]), 10**6)
    (1000, [1000])
    """
    best, solution = known
    steps = [1, 1]  # the next step from above, and from below
    above, halving, at_limit = True, False, False
    while best < limit:
        jump = at_limit
        if jump:
            probe = limit
        elif halving:
            probe = best + (limit - best + 1) // 2
        elif above:
            probe = max(limit - steps[0] + 1, best + 1)
        else:
            probe = min(best + steps[1], limit)
        found = beyond(probe)
        at_limit = False
        if found is None:
            limit = probe - 1
            if jump:  # the answer is likely just below the bound: gallop down from it afresh
                steps[0], above = 1, True
            else:
                halving = halving or not above
        else:
            solution, most = found
            best = max(probe, score(solution))
            halving = halving or above
            at_limit = most < limit and not halving
            limit = min(limit, most)
        if not jump:
            steps[not above] *= 2
            above = not above
    return best, solution
