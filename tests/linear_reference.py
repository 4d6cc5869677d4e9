"""A dense reference for the engine's simplex: whole numbers, one common denominator.

Every row of the table is kept over the same denominator and each pivot
divides exactly (Bareiss's fraction-free elimination), with the same
Bland's rule as :func:`peelmodel.analysis._linear.real_solution`. It costs
rows × columns per pivot, which is why the engine keeps sparse rows
instead; on small systems the two must give the same answer, point for point.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from peelmodel.analysis._linear import _folded, _rows
from peelmodel.analysis._rules import Rule


def dense_real_solution(  # noqa: PLR0912 - one simplex phase, written out
    rules: Sequence[Rule], low: Sequence[int], high: Sequence[int]
) -> dict[int, Fraction] | None:
    """What ``real_solution`` gives, found over a dense table of whole numbers."""
    folded = _folded(_rows(rules, low, high), low, high)
    if folded is None:
        return None
    rows, least, _ = folded
    raised = {x: Fraction(value) for x, value in enumerate(least) if value != low[x]}
    if not rows:
        return raised
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
        row[count + index] = -sign
        row[total] = sign * constant
        if constant > 0:
            slot = width + artificial.index(index)
            row[slot] = 1
            basis.append(slot)
        else:
            basis.append(count + index)
        table.append(row)
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
            return raised | {
                used[basis[index]]: least[used[basis[index]]]
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
        if leaving < 0:
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
