"""Whether linear bounds have any real solution: the check behind bounds that creep.

Propagation narrows one bound at a time, so figures that can only hold with
ever larger numbers (a part above its whole that must also stay within it)
push their bounds up a little each round. :func:`real_solution` settles
such a system at once: it is the first phase of the simplex method, in whole
numbers (each row kept over one common denominator, the pivots dividing
exactly, as in Bareiss's elimination) with Bland's rule, so it ends and is
exact. Strict bounds are first made whole: ``q × sum - p × denominator > 0``
over whole numbers is ``≥ 1``, and a row whose coefficients share a divisor
is divided by it, its constant rounded up (``2x + 2y ≥ 3`` is ``x + y ≥ 2``).
No real solution means no whole-number one.

>>> from fractions import Fraction
>>> from peelmodel.analysis._rules import Rule
>>> above = Rule("a", (0,), 1, Fraction(1), True, None, False)   # x0 > x1
>>> within = Rule("w", (0,), 1, Fraction(0), False, Fraction(1), False)  # x0 <= x1
>>> real_solution([above, within], [0, 1], [10, 10]) is None
True
>>> real_solution([above], [0, 1], [10, 10])
{0: Fraction(2, 1)}
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from peelmodel.analysis._rules import Rule

__all__ = ["real_solution"]


def _rows(
    rules: Sequence[Rule], low: Sequence[int], high: Sequence[int]
) -> list[tuple[dict[int, int], int]]:
    """Each bound as ``sum(a × x) ≥ c`` with whole a and c, over the unknowns minus their lows."""
    found: list[tuple[dict[int, int], int]] = []

    def add(terms: dict[int, int], constant: int) -> None:
        shifted = constant - sum(a * low[x] for x, a in terms.items())
        free = {x: a for x, a in terms.items() if a and low[x] != high[x]}
        divisor = math.gcd(*free.values())
        if divisor > 1:  # whole unknowns: sum(a × x) ≥ c is sum(a ÷ g × x) ≥ ⌈c ÷ g⌉
            free = {x: a // divisor for x, a in free.items()}
            shifted = -(-shifted // divisor)
        if free or shifted > 0:  # a row over fixed unknowns only either holds or cannot
            found.append((free, shifted))

    for rule in rules:
        sums: dict[int, int] = {}
        for unknown in rule.numerator:
            sums[unknown] = sums.get(unknown, 0) + 1
        if rule.low is not None and rule.low >= 0:
            p, q = rule.low.numerator, rule.low.denominator
            terms = {x: q * a for x, a in sums.items()}
            extra = int(rule.low_open)
            if rule.denominator >= 0:
                terms[rule.denominator] = terms.get(rule.denominator, 0) - p
                add(terms, extra)
            else:
                add(terms, p + extra)
        if rule.high is not None:
            p, q = rule.high.numerator, rule.high.denominator
            terms = {x: -q * a for x, a in sums.items()}
            extra = int(rule.high_open)
            if rule.denominator >= 0:
                terms[rule.denominator] = terms.get(rule.denominator, 0) + p
                add(terms, extra)
            else:
                add(terms, extra - p)
    for unknown, (least, most) in enumerate(zip(low, high, strict=True)):
        if any(unknown in terms for terms, _ in found):
            found.append(({unknown: -1}, least - most))
    return found


def real_solution(  # noqa: PLR0912 - one simplex phase
    rules: Sequence[Rule], low: Sequence[int], high: Sequence[int]
) -> dict[int, Fraction] | None:
    """Real numbers within ``[low, high]`` that satisfy every rule (strict ends made whole).

    ``None`` when there are none. The values given are those of the unknowns
    the simplex method made basic; every other unknown is at its least.
    """
    rows = _rows(rules, low, high)
    if any(not terms and constant > 0 for terms, constant in rows):
        return None
    if not rows:
        return {}
    used = sorted({x for terms, _ in rows for x in terms})
    column = {x: index for index, x in enumerate(used)}
    count, width = len(used), len(used) + len(rows)
    artificial = [index for index, (_, constant) in enumerate(rows) if constant > 0]
    total = width + len(artificial)
    table: list[list[int]] = []
    basis: list[int] = []
    for index, (terms, constant) in enumerate(rows):
        row = [0] * (total + 1)
        sign = 1 if constant > 0 else -1
        for x, a in terms.items():
            row[column[x]] = sign * a
        row[count + index] = -sign  # the surplus of sum(a × x) ≥ c
        row[total] = sign * constant
        if constant > 0:
            slot = width + artificial.index(index)
            row[slot] = 1
            basis.append(slot)
        else:
            basis.append(count + index)
        table.append(row)
    # W = sum of the artificial variables, written over the others: its row holds their costs.
    objective = [0] * (total + 1)
    for index in artificial:
        for position in range(width):
            objective[position] -= table[index][position]
        objective[total] -= table[index][total]
    divisor = 1
    while True:
        entering = next((j for j in range(total) if objective[j] < 0), -1)
        if entering < 0:
            if objective[total] != 0:
                return None
            return {
                used[basis[index]]: low[used[basis[index]]]
                + Fraction(row[total], row[basis[index]])
                for index, row in enumerate(table)
                if basis[index] < count
            }
        leaving, best = -1, (0, 1)
        for index, row in enumerate(table):
            a = row[entering]
            if a > 0:
                ratio = (row[total], a)
                if (
                    leaving < 0
                    or ratio[0] * best[1] < best[0] * ratio[1]
                    or (ratio[0] * best[1] == best[0] * ratio[1] and basis[index] < basis[leaving])
                ):
                    leaving, best = index, ratio
        if leaving < 0:  # unbounded below: cannot happen for a sum of non-negative values
            return {}
        pivot_row = table[leaving]
        pivot = pivot_row[entering]
        for row in (*table, objective):
            if row is pivot_row:
                continue
            factor = row[entering]
            for j in range(total + 1):
                row[j] = (row[j] * pivot - factor * pivot_row[j]) // divisor
        divisor = pivot
        basis[leaving] = entering
