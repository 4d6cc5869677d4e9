"""Exact least and greatest values over the solutions of a system, each with a solution attaining it.

Propagation gives bounds no solution passes; :class:`Extremes` turns each
into the exact end: it looks among the solutions already found for one at
that bound, then asks for a solution at the bound itself, and otherwise
improves on the best solution known until one step further has none (see
:func:`~peelmodel.analysis._search.improve`). A greatest end is first
bounded by the greatest over the real numbers (the simplex method), which
whole numbers usually reach or nearly reach: the search then starts beside
the answer instead of at propagation's bound, which can be thousands
above it.

>>> from fractions import Fraction
>>> from peelmodel.analysis._propagation import Rule, System
>>> share = Rule("s", (0,), 1, Fraction(1, 8), False, Fraction(3, 20), True)
>>> extremes = Extremes(System(2, [share], 100, positive=[1]))
>>> extremes.least(1)[0], extremes.greatest(1)[0], extremes.greatest(0)[0]
(7, 100, 14)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence

from peelmodel.analysis._linear import Table
from peelmodel.analysis._propagation import INFEASIBLE, System, holds, propagate
from peelmodel.analysis._search import Solution, improve, root, solve, solve_within

__all__ = ["Extremes", "UnsolvableError", "Witness"]


class UnsolvableError(ValueError):
    """The rules of a system have no solution in whole numbers."""


class Extremes:
    """The exact ends of every unknown of *system*, found on demand and kept.

    Raises :class:`UnsolvableError` when the system has no solution.
    """

    def __init__(self, system: System, known: Solution | None = None) -> None:
        """The ends over *system*, from a *known* solution of it, if one is at hand."""
        self.system = system
        bounds = root(system)
        if bounds is not None and known is None:
            known = solve(system, None, bounds, ())
        if bounds is None or known is None:
            raise UnsolvableError("the rules have no solution")
        self.low, self.high = bounds
        #: The simplex method's table, made on the first greatest end that needs it.
        self._reals: Table | None = None
        self.pool_low = [(value, known) for value in known]
        self.pool_high = list(self.pool_low)
        if all(holds(rule, self.high) for rule in system.rules):
            self.add(list(self.high))

    def add(self, solution: Solution) -> None:
        """Remember a solution: it may attain the ends of other unknowns."""
        for unknown, value in enumerate(solution):
            if value < self.pool_low[unknown][0]:
                self.pool_low[unknown] = (value, solution)
            if value > self.pool_high[unknown][0]:
                self.pool_high[unknown] = (value, solution)

    @property
    def base(self) -> Solution:
        """One solution, the first found."""
        return self.pool_low[0][1] if self.pool_low else []

    def least(self, unknown: int) -> tuple[int, Solution]:
        """The least value of *unknown* over every solution, and a solution with it."""

        def at_most(value: int) -> tuple[Solution, int] | None:
            high = list(self.high)
            high[unknown] = value
            found = solve_within(self.system, (self.low, high), (unknown,), {unknown: False})
            return None if found is None else (found[0], found[1][0][unknown])

        value, solution = self.pool_low[unknown]

        def below(score: int) -> tuple[Solution, int] | None:
            found = at_most(-score)
            return None if found is None else (found[0], -found[1])

        found = self._end(
            below,
            lambda found: -found[unknown],
            (-value, solution),
            -self.low[unknown],
        )
        self.low[unknown] = -found[0]
        return -found[0], found[1]

    def greatest(self, unknown: int) -> tuple[int, Solution]:
        """The greatest value of *unknown* over every solution, and a solution with it."""

        def at_least(value: int) -> tuple[Solution, int] | None:
            low = list(self.low)
            low[unknown] = value
            found = solve_within(self.system, (low, self.high), (unknown,), {unknown: True})
            return None if found is None else (found[0], found[1][1][unknown])

        def over_the_reals(limit: int) -> int:
            # Whole numbers never pass the greatest over the reals: often the answer itself.
            if self._reals is None:  # over the bounds of the first ask, which stay sound
                self._reals = Table(self.system.rules, self.low, self.high)
            return min(limit, math.floor(self._reals.greatest(unknown)))

        found = self._end(
            at_least,
            lambda found: found[unknown],
            self.pool_high[unknown],
            self.high[unknown],
            over_the_reals,
        )
        self.high[unknown] = found[0]
        return found

    def settle(self, unknown: int) -> None:
        """Propagate the bounds from the ends of *unknown* found: the others' ends move towards theirs.

        Sound, since no solution lies beyond an exact end; the least value of
        a denominator, say, often lifts what it divides to its least.
        """
        steps = propagate(self.system, self.low, self.high, self.system.users[unknown])
        assert steps != INFEASIBLE  # noqa: S101 - the solutions found lie within the bounds

    def _end(
        self,
        beyond: Callable[[int], tuple[Solution, int] | None],
        score: Callable[[Solution], int],
        known: tuple[int, Solution],
        limit: int,
        tighter: Callable[[int], int] | None = None,
    ) -> tuple[int, Solution]:
        """The greatest score, from a *known* one, checking propagation's *limit* first.

        Where no solution attains it, *tighter* (if given) lowers the limit
        below it before the search.
        """
        if known[0] == limit:
            return known
        at_limit = beyond(limit)
        if at_limit is not None:
            found = (limit, at_limit[0])
        else:
            below = limit - 1 if tighter is None else tighter(limit - 1)
            found = improve(beyond, score, known, below)
        self.add(found[1])
        return found


class Witness(Mapping[str, int]):
    """Values of every unknown of a reconciliation: one component's solution over a shared base.

    *index* gives the position in *values* of each of the component's
    quantity ids; the component's witnesses share it.

    >>> witness = Witness({"a": 1, "b": 2}, {"b": 0}, [5])
    >>> dict(witness)
    {'a': 1, 'b': 5}
    """

    __slots__ = ("_base", "_index", "_values")

    def __init__(
        self, base: Mapping[str, int], index: Mapping[str, int], values: Sequence[int]
    ) -> None:
        self._base, self._index, self._values = base, index, values

    def __getitem__(self, key: str) -> int:
        position = self._index.get(key)
        return self._base[key] if position is None else self._values[position]

    def over(self, index: Mapping[str, int]) -> list[int]:
        """The values of the ids of *index*, in its order; :class:`KeyError` for an id not known.

        >>> Witness({"a": 1, "b": 2}, {"b": 0}, [5]).over({"b": 0, "a": 1})
        [5, 1]
        """
        if index is self._index:  # the component's own: its values as they are
            return list(self._values)
        return [self[name] for name in index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._base)

    def __len__(self) -> int:
        return len(self._base)

    def __repr__(self) -> str:
        return f"Witness({dict(self)!r})"
