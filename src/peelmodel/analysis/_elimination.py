"""Whether linear rows have a real solution, by eliminating one unknown at a time.

Fourier–Motzkin elimination: an unknown ``v`` is removed by pairing every row
that bounds it from below with every row that bounds it from above (and with
its own bounds); some ``v`` fits between them exactly when every such pair
holds, so the rows left have a real solution exactly when the rows before
did. Unknowns go in the order that adds the fewest rows, and a row over one
unknown becomes a bound of it, so a chain of shares or many rates of one
population is settled in time near linear in its length, where the simplex
method pivots over the whole chain. On rows that link many unknowns the
rows can multiply; :func:`eliminate` then gives up (``None``) rather than
grow without end, and the caller asks the simplex method.

>>> eliminate([({0: 1, 1: -1}, 1), ({1: 1, 0: -1}, 0)])  # x0 ≥ x1 + 1 and x1 ≥ x0
False
>>> eliminate([({0: 1, 1: -2}, 1), ({1: 1}, 3)])  # x0 ≥ 2 × x1 + 1 and x1 ≥ 3
True
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection, Iterable, Sequence
from fractions import Fraction

__all__ = ["eliminate"]

#: A row ``sum(a × x) ≥ c``: whole coefficients by unknown, and the constant.
Row = tuple[dict[int, int], int]

#: How many rows over two or more unknowns, per row given, elimination may hold at once.
_GROWTH = 4


#: A lower or upper bound of the unknown being eliminated: its coefficient, the rest, the constant.
_Bound = tuple[int, dict[int, int], Fraction]


def eliminate(rows: Sequence[Row]) -> bool | None:
    """Whether non-negative real numbers satisfy every row; ``None`` when the rows multiply.

    Every unknown is at least 0; its other bounds are rows of its own.
    """
    system = _System()
    if not all(system.add(terms, Fraction(constant)) for terms, constant in rows):
        return False
    limit = _GROWTH * len(rows) + 16
    while system.linking:
        if len(system.linking) > limit:
            return None
        if not system.eliminate_one():
            return False
    return True  # every bound of one unknown was checked against its other end as it came


class _System:
    """Bounds of single unknowns, and rows over two or more, each kept once at its tightest."""

    def __init__(self) -> None:
        self.least: dict[int, Fraction] = {}
        self.most: dict[int, Fraction] = {}
        self.linking: dict[frozenset[tuple[int, int]], Fraction] = {}
        #: The rows over two or more unknowns each unknown is in.
        self.users: dict[int, set[frozenset[tuple[int, int]]]] = {}
        #: (rows its elimination adds, unknown), pushed whenever its rows change; stale
        #: entries are skipped when popped.
        self.queue: list[tuple[int, int]] = []

    def add(self, terms: dict[int, int], constant: Fraction) -> bool:
        """Keep the row ``sum(a × x) ≥ c``; ``False`` where it cannot hold."""
        terms = {x: a for x, a in terms.items() if a}
        if not terms:
            return constant <= 0
        if len(terms) == 1:
            ((x, a),) = terms.items()
            end = constant / a
            if a > 0:
                self.least[x] = max(self.least.get(x, _ZERO), end)
            else:
                self.most[x] = min(self.most[x], end) if x in self.most else end
            return x not in self.most or self.least.get(x, _ZERO) <= self.most[x]
        divisor = math.gcd(*terms.values())
        key = frozenset((x, a // divisor) for x, a in terms.items())
        value = constant / divisor
        if key not in self.linking:
            for x, _ in key:
                self.users.setdefault(x, set()).add(key)
            self._changed(x for x, _ in key)
        if self.linking.get(key, value) <= value:
            self.linking[key] = value
        return True

    def _changed(self, unknowns: Iterable[int]) -> None:
        for x in unknowns:
            heapq.heappush(self.queue, (_added(self.users[x], x), x))

    def _cheapest(self) -> int:
        """The unknown whose elimination adds the fewest rows (the least, among equals)."""
        while True:
            cost, x = heapq.heappop(self.queue)
            if self.users.get(x) and cost == _added(self.users[x], x):
                return x

    def eliminate_one(self) -> bool:
        """Eliminate the unknown that adds the fewest rows; ``False`` where the rows cannot hold."""
        unknown = self._cheapest()
        below: list[_Bound] = []
        above: list[_Bound] = []
        neighbours: set[int] = set()
        for key in self.users.pop(unknown):
            terms = dict(key)
            a = terms.pop(unknown)
            (below if a > 0 else above).append((a, terms, self.linking.pop(key)))
            for x in terms:
                self.users[x].discard(key)
                neighbours.add(x)
        self._changed(neighbours)
        return self._pair(unknown, below, above)

    def _pair(self, unknown: int, below: list[_Bound], above: list[_Bound]) -> bool:
        """Replace the rows of *unknown* by every pair of a lower and an upper bound of it.

        A row ``a × v + S ≥ c`` with ``a > 0`` is the lower bound
        ``v ≥ (c − S) ÷ a``; with ``a < 0``, the upper bound ``v ≤ (c − S) ÷ a``.
        """
        low = self.least.pop(unknown, _ZERO)
        high = self.most.pop(unknown, None)  # at least low: add checks every bound as it comes
        for a, terms, constant in below:  # (c − S) ÷ a ≤ high: S ≥ c − a × high
            if high is not None and not self.add(terms, constant - a * high):
                return False
        for a, terms, constant in above:  # low ≤ (c − S) ÷ a: S ≥ c − a × low
            if not self.add(terms, constant - a * low):
                return False
        for a, terms, constant in below:
            for b, others, bound in above:  # (−b) × (a v + S ≥ c) + a × (b v + T ≥ d)
                combined = {x: -b * value for x, value in terms.items()}
                for x, value in others.items():
                    combined[x] = combined.get(x, 0) + a * value
                if not self.add(combined, -b * constant + a * bound):
                    return False
        return True


_ZERO = Fraction(0)


def _added(keys: Collection[frozenset[tuple[int, int]]], unknown: int) -> int:
    """How many rows eliminating *unknown* makes, beyond those it removes."""
    up = sum(1 for key in keys if dict(key)[unknown] > 0)
    down = len(keys) - up
    return (up + 1) * (down + 1) - len(keys)
