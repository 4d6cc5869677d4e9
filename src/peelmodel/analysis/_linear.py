"""Whether linear bounds have any real solution, and how great one unknown can be over them.

Propagation narrows one bound at a time, so figures that can only hold with
ever larger numbers (a part above its whole that must also stay within it)
push their bounds up a little each round. :func:`real_solution` settles
such a system at once: it is the first phase of the simplex method in whole
numbers, with Bland's rule, so it ends and is exact. The second phase
gives the greatest value of one unknown over the reals, which no
whole-number solution passes: a search for the greatest whole value
starts there. Its rows are sparse,
each over a scale of its own (divided by the greatest common divisor of its
entries after each pivot): a pivot costs what the rows it touches hold, not
rows × columns, so a long chain of figures stays cheap. Strict bounds are
first made whole: ``q × sum - p × denominator > 0`` over whole numbers is
``≥ 1``, and a row whose coefficients share a divisor is divided by it, its
constant rounded up (``2x + 2y ≥ 3`` is ``x + y ≥ 2``); a row over one
unknown is then a bound of it, which the simplex method never pivots over.
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

from peelmodel.analysis._elimination import eliminate
from peelmodel.analysis._rules import Rule

__all__ = ["Table", "has_real_solution", "real_solution"]


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
    used = {x for terms, _ in found for x in terms}
    found.extend(({x: -1}, low[x] - high[x]) for x in sorted(used))
    return found


def has_real_solution(rules: Sequence[Rule], low: Sequence[int], high: Sequence[int]) -> bool:
    """Whether :func:`real_solution` finds a point, decided without finding one.

    By elimination (:func:`~peelmodel.analysis._elimination.eliminate`),
    which settles a chain of figures in time near linear in its length, or,
    where its rows multiply, by the simplex method.

    >>> from peelmodel.analysis._rules import Rule
    >>> above = Rule("a", (0,), 1, Fraction(1), True, None, False)  # x0 > x1
    >>> has_real_solution([above], [0, 1], [10, 10]), has_real_solution([above], [0, 10], [10, 10])
    (True, False)
    """
    found = eliminate(_rows(rules, low, high))
    if found is None:
        return real_solution(rules, low, high) is not None
    return found


def real_solution(
    rules: Sequence[Rule],
    low: Sequence[int],
    high: Sequence[int],
    greatest: int | None = None,
) -> dict[int, Fraction] | None:
    """Real numbers within ``[low, high]`` that satisfy every rule (strict ends made whole).

    ``None`` when there are none. The values given are those of the unknowns
    the simplex method made basic, and of those a rule over them alone
    raised; every other unknown is at its least. With
    *greatest*, the point makes that unknown as great as the rules let it be
    (the second phase of the simplex method), and its value is given too:
    no whole-number solution passes it.

    >>> double = Rule("d", (0, 0), 1, None, False, Fraction(3), False)  # 2 × x0 <= 3 × x1
    >>> real_solution([double], [0, 1], [100, 7], greatest=0)
    {0: Fraction(21, 2), 1: Fraction(7, 1)}
    """
    table = Table(rules, low, high)
    if not table.feasible:
        return None
    if greatest is None:
        return table.point()
    top = table.greatest(greatest)
    return {**table.point(), greatest: top}


class Table:
    """The simplex method's table over *rules* within ``[low, high]``, past its first phase.

    ``feasible`` says whether real numbers satisfy the rules. Each
    :meth:`greatest` pivots the same table on from where the last left it,
    so a second question costs only the pivots between the two answers.

    >>> double = Rule("d", (0, 0), 1, None, False, Fraction(3), False)  # 2 × x0 <= 3 × x1
    >>> table = Table([double], [0, 1], [100, 7])
    >>> table.feasible, table.greatest(0), table.greatest(1)
    (True, Fraction(21, 2), Fraction(7, 1))
    """

    def __init__(self, rules: Sequence[Rule], low: Sequence[int], high: Sequence[int]) -> None:
        self._low = list(low)
        folded = _folded(_rows(rules, low, high), low, high)
        self.feasible = folded is not None
        if folded is None:
            return
        rows, self._least, self._most = folded
        self._used = sorted({x for terms, _ in rows for x in terms})
        self._column = {x: index for index, x in enumerate(self._used)}
        self._table, self._basis, objective = _tableau(rows, self._column)
        #: The first artificial column: at most one per row.
        self._artificial = len(self._used) + len(rows)
        objective = _minimised(self._table, self._basis, objective, self._artificial + len(rows))
        self.feasible = objective.get(_CONSTANT, 0) == 0
        self._phase_two = False

    def greatest(self, unknown: int) -> Fraction:
        """The greatest real value of *unknown* over the rules (the second phase).

        An unknown in no row (fixed, or in no rule) is as great as its bounds let it be.
        """
        assert self.feasible  # noqa: S101 - asked only of rules with a real solution
        column, table, basis = self._column, self._table, self._basis
        if unknown not in column:
            return Fraction(self._most[unknown])
        if not self._phase_two:
            _drop_artificials(table, basis, self._artificial)
            self._phase_two = True
        # Z = low - x, lowered until no column lowers it. Its row keeps v × Z = c minus the
        # columns not basic (v on the key -2, c on -1), all 0 at the end: Z = c ÷ v.
        objective = {column[unknown]: -1, _VALUE: -1}
        if column[unknown] in basis:
            row = table[basis.index(column[unknown])]
            objective = _eliminated(objective, row, column[unknown])
        objective = _minimised(table, basis, objective, self._artificial)
        return self._least[unknown] - Fraction(objective.get(_CONSTANT, 0), objective[_VALUE])

    def point(self) -> dict[int, Fraction]:
        """The table's point: the unknowns a row over them alone raised, then the basic ones."""
        assert self.feasible  # noqa: S101 - asked only of rules with a real solution
        least, used = self._least, self._used
        point = {x: Fraction(value) for x, value in enumerate(least) if value != self._low[x]}
        for index, row in enumerate(self._table):
            if self._basis[index] < len(used):
                x = used[self._basis[index]]
                point[x] = least[x] + Fraction(row.get(_CONSTANT, 0), row[self._basis[index]])
        return point


def _folded(
    rows: Sequence[tuple[dict[int, int], int]], low: Sequence[int], high: Sequence[int]
) -> tuple[list[tuple[dict[int, int], int]], list[int], list[int]] | None:
    """*rows* with each row over one unknown made a bound of it; ``None`` if bounds cross.

    The rows over two or more unknowns, shifted by the new lows, then a row
    for the high of each unknown they read; and the new lows and highs. A
    bound is a row the simplex method need not pivot over, and a rate over
    a count that is fixed is such a row, on the unknown most rows share.
    """
    least, most = list(low), list(high)
    linking = []
    for terms, constant in rows:
        if len(terms) != 1:
            if not terms:  # over fixed unknowns: one that holds is never kept
                return None
            linking.append((terms, constant))
            continue
        ((x, a),) = terms.items()
        if a > 0:  # a × (x - low) ≥ c
            least[x] = max(least[x], low[x] - (-constant // a))
        else:
            most[x] = min(most[x], low[x] + constant // a)
    if any(a > b for a, b in zip(least, most, strict=True)):
        return None
    found = []
    for terms, constant in linking:
        shifted = constant - sum(a * (least[x] - low[x]) for x, a in terms.items())
        free = {x: a for x, a in terms.items() if least[x] != most[x]}
        if free:
            found.append((free, shifted))
        elif shifted > 0:
            return None
    used = sorted({x for terms, _ in found for x in terms})
    found.extend(({x: -1}, least[x] - most[x]) for x in used)
    return found, least, most


def _minimised(table: list[_Row], basis: list[int], objective: _Row, columns: int) -> _Row:
    """The objective row once no column below *columns* lowers it, pivoting *table* in place.

    Bland's rule (the least column that lowers it enters; on a tie, the
    least basic column leaves), so the pivots never cycle. Every column is
    bounded, so some row always limits the one entering.
    """
    while True:
        entering = min((j for j, a in objective.items() if a < 0 and 0 <= j < columns), default=-1)
        if entering < 0:
            return objective
        leaving = _leaving(table, basis, entering)
        pivot_row = table[leaving]
        for index, row in enumerate(table):
            if index != leaving and row.get(entering):
                table[index] = _eliminated(row, pivot_row, entering)
        if objective.get(entering):
            objective = _eliminated(objective, pivot_row, entering)
        basis[leaving] = entering


def _drop_artificials(table: list[_Row], basis: list[int], first: int) -> None:
    """Take each artificial column (from *first*) still basic, at 0, out of the basis.

    Its row's constant is 0, so another column of the row can take its
    place, the row turned round where that column's entry is below 0. One
    always can: every row has a surplus column of its own, so the other
    columns keep a rank of one per row.
    """
    for index, column in enumerate(basis):
        if column < first:
            continue
        entering = min(j for j in table[index] if 0 <= j < first)
        if table[index][entering] < 0:
            table[index] = {j: -value for j, value in table[index].items()}
        row = table[index]
        for other, below in enumerate(table):
            if other != index and below.get(entering):
                table[other] = _eliminated(below, row, entering)
        basis[index] = entering


#: The key of a row's constant.
_CONSTANT = -1

#: The key, in the objective of the second phase, of the objective itself.
_VALUE = -2

#: A sparse row of whole numbers, over a scale of its own: the coefficient of each
#: column, and the constant under the key -1.
_Row = dict[int, int]


def _tableau(
    rows: Sequence[tuple[dict[int, int], int]], column: dict[int, int]
) -> tuple[list[_Row], list[int], _Row]:
    """The first table of phase one: its rows, each row's basic column, and W's row.

    Columns: the unknowns, then a surplus per row, then an artificial per row
    whose constant is above 0; W, the sum of the artificials, is written
    over the others.
    """
    count = len(column)
    artificial = count + len(rows)
    table: list[_Row] = []
    basis: list[int] = []
    objective: _Row = {}
    for index, (terms, constant) in enumerate(rows):
        sign = 1 if constant > 0 else -1
        row = {column[x]: sign * a for x, a in terms.items()}
        row[count + index] = -sign  # the surplus of sum(a × x) ≥ c
        row[_CONSTANT] = sign * constant
        if constant > 0:
            for position, value in row.items():
                objective[position] = objective.get(position, 0) - value
            row[artificial] = 1
            basis.append(artificial)
            artificial += 1
        else:
            basis.append(count + index)
        table.append(row)
    return table, basis, {j: a for j, a in objective.items() if a}


def _leaving(table: Sequence[_Row], basis: Sequence[int], entering: int) -> int:
    """The row whose basic column leaves (least ratio, then least column; -1: none)."""
    leaving, constant, coefficient = -1, 0, 1
    for index, row in enumerate(table):
        a = row.get(entering, 0)
        if a > 0:
            # Each row has a scale of its own: compare constant ÷ a across rows.
            left, right = row.get(_CONSTANT, 0) * coefficient, constant * a
            if leaving < 0 or left < right or (left == right and basis[index] < basis[leaving]):
                leaving, constant, coefficient = index, row.get(_CONSTANT, 0), a
    return leaving


def _eliminated(row: _Row, pivot_row: _Row, entering: int) -> _Row:
    """``pivot × row − factor × pivot_row``, with no *entering* column, over its least scale.

    The pivot is above 0, so the row keeps the sign of every ratio and cost.
    """
    pivot, factor = pivot_row[entering], row[entering]
    found = {j: pivot * value for j, value in row.items()}
    for j, value in pivot_row.items():
        result = found.get(j, 0) - factor * value
        if result:
            found[j] = result
        else:
            found.pop(j, None)
    divisor = math.gcd(*found.values())
    if divisor > 1:
        found = {j: value // divisor for j, value in found.items()}
    return found
