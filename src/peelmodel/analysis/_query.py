"""The searches for one figure's values over the other figures: the parts of an implied range.

A :class:`Query` holds the system of the kept figures linked to one figure
but that figure, with one rule, a *slot*, over the figure's own formula:
each search puts a band of values in the slot and asks for whole numbers
that satisfy every rule (:func:`~peelmodel.analysis._search.solve`), so
that the least and greatest values the formula rounds to are found exactly
(see :mod:`peelmodel.analysis.scrutiny`). The slot is a rule added to a
system of the other figures, or the figure's own rule in a system of every
kept figure, which the figures of a component share: it holds the band of a
search only while the search runs, and no band at all while the bounds of
the others are propagated.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections.abc import Callable, Iterator
from decimal import Decimal
from fractions import Fraction

from peelmodel.analysis._components import Component
from peelmodel.analysis._leave_one_out import LeftOut
from peelmodel.analysis._propagation import Rule, Step, System
from peelmodel.analysis._rules import ratio_band
from peelmodel.analysis._search import Bounds, Solution, corner, improve, root, solve, solve_within
from peelmodel.analysis._values import Values
from peelmodel.arithmetic import Band
from peelmodel.arithmetic import unchecked_band as band
from peelmodel.claims import Claim

__all__ = ["Query"]

#: A band every value is in.
_ANY = Band(None, None)


class Query:
    """Searches for the values of one figure's formula over a system, at the figure's precision."""

    def __init__(  # noqa: PLR0913 - the figure, its linked figures, and what is known of them
        self,
        claim: Claim,
        component: Component,
        system: System,
        *,
        widen: Callable[[int], System],
        seed: Solution | None = None,
        highest: Callable[[], Solution | None] | None = None,
        lowest: Callable[[], Solution | None] | None = None,
        left_out: LeftOut | None = None,
    ) -> None:
        """Searches over *system*: the other figures, or with *left_out* every kept figure.

        With *left_out*, *system* is one of its shared systems, the figure's
        own rule among them; else the slot is added to *system*. *widen*
        gives the same system under another ceiling on counts; *highest* and
        *lowest* give witnesses the reconciliation found, if known.
        """
        self.claim, self.component = claim, component
        values = self.values = Values(claim, component)
        self.numerator, self.denominator = values.numerator, values.denominator
        self.step = Fraction(1, 10**values.digits)
        self.system, self.left_out, self._widen = system, left_out, widen
        if left_out is None:
            self.slot = system.add(self._rule(_ANY))
        else:
            self.slot = left_out.slot(claim)
        #: The rule the slot holds between searches: the figure's own, or one with no band.
        self._held: tuple[Rule, Step] = system.rules[self.slot], system.steps[self.slot]
        self._seed = seed
        #: The formula's bounds over the query's own bounds, once asked for.
        self._own: tuple[Fraction, Fraction] | None = None
        self._highest, self._lowest = highest, lowest
        self._wider: tuple[System, tuple[list[int], list[int]]] | None = None
        self._moves: dict[bool, bool | None] = {}

    @functools.cached_property
    def bounds(self) -> Bounds:
        """The bounds the other figures propagate to (found on first use)."""
        bounds = self._bounds(self.system)
        assert bounds is not None  # noqa: S101 - kept figures hold together
        return bounds

    @functools.cached_property
    def seed(self) -> Solution:
        """A solution of the other figures: the reconciliation's, or one found (on first use)."""
        if self._seed is not None:
            return self._seed
        with self._open(self.system):  # a figure over a quantity the reconciliation never saw
            found = solve(self.system, None, self.bounds, ())
        assert found is not None  # noqa: S101 - kept figures hold together
        return found

    @functools.cached_property
    def highest(self) -> Solution:
        """A solution whose numerator is as great as the reconciliation found it (if known)."""
        found = None if self._highest is None else self._highest()
        return self.seed if found is None else found

    @functools.cached_property
    def lowest(self) -> Solution:
        """A solution whose denominator is as small as the reconciliation found it (if known)."""
        found = None if self._lowest is None else self._lowest()
        return self.seed if found is None else found

    @contextlib.contextmanager
    def _open(self, system: System, ratio: Band = _ANY) -> Iterator[None]:
        """*system* with the slot holding *ratio* (by default no band: the other figures alone)."""
        system.replace(self.slot, self._rule(ratio))
        try:
            yield
        finally:
            system.replace(self.slot, *self._held)

    def _bounds(self, system: System) -> Bounds | None:
        """The bounds the other figures of *system* propagate to (``None``: no solution)."""
        if self.left_out is None:
            return root(system)  # the slot holds no band
        return self.left_out.without(self.claim, system.ceiling)

    def _rule(self, ratio: Band) -> Rule:
        return Rule(
            "",
            self.numerator,
            self.denominator,
            ratio.low,
            ratio.low_open,
            ratio.high,
            ratio.high_open,
        )

    def _with(
        self,
        value: Band,
        *,
        wider: bool = False,
        within: tuple[list[int], list[int]] | None = None,
    ) -> tuple[Solution, Bounds] | None:
        """A solution whose formula value lies in *value*, and bounds no such solution passes.

        ``None`` where there is none. With *wider*, under the ceiling on
        counts twice as high; *within* narrows the query's own bounds.
        """
        target, bounds = self._wider_system() if wider else (self.system, self.bounds)
        changed: list[int] = []
        if within is not None:  # the unknowns whose bounds it moved run first too
            low, high = bounds
            changed = [
                u for u in range(len(low)) if (within[0][u], within[1][u]) != (low[u], high[u])
            ]
            bounds = within
        formula = self.claim.formula
        ratio = ratio_band(value, formula.scale, formula.offset)
        assert ratio is not None  # noqa: S101 - the scale is not 0
        # Lean the formula towards the far end of the band: the solution goes further.
        up = (value.low is not None and value.high is None) == (formula.scale > 0)
        # The bounds are propagated but for the slot, the one rule that changed.
        with self._open(target, ratio):
            return solve_within(target, bounds, changed, self._lean(up), rules=(self.slot,))

    def _lean(self, up: bool) -> dict[int, bool]:  # noqa: FBT001 - the one direction
        """The formula's unknowns, each at the end that makes its ratio greatest (*up*) or least."""
        lean = dict.fromkeys(self.numerator, up)
        if self.denominator >= 0:
            lean[self.denominator] = not up
        return lean

    def _wider_system(self) -> tuple[System, tuple[list[int], list[int]]]:
        """The system under the ceiling on counts twice as high, and its propagated bounds."""
        if self._wider is None:
            wider = self._widen(2 * self.system.ceiling + 1)
            if self.left_out is None:
                wider.add(self._rule(_ANY))
            bounds = self._bounds(wider)
            assert bounds is not None  # noqa: S101 - a higher ceiling only adds solutions
            self._wider = wider, bounds
        return self._wider

    def least(self) -> Decimal:
        """The least published value some solution rounds to."""
        start = self.values.steps(self.value_bounds()[0])
        if self._least_corner():  # propagation's bound is attained, with no search
            return self.values.decimal(start)

        def at_most(score: int) -> tuple[Solution, int] | None:
            end = band(self.values.decimal(-score))
            found = self._with(Band(None, end.high, high_open=end.high_open))
            if found is None:
                return None
            return found[0], -self.values.steps(self.value_bounds(found[1])[0])

        if at_most(-start) is not None:  # propagation's bound is attained
            return self.values.decimal(start)
        mine = self.values.steps(self.values.at(self.seed))
        found = improve(
            at_most,
            lambda solution: -self.values.steps(self.values.at(solution)),
            (-mine, self.seed),
            -start - 1,
        )
        return self.values.decimal(-found[0])

    def _least_corner(self) -> bool:
        """Whether a corner of the query's bounds gives the least value of its formula.

        The numerator at its least and the denominator at its greatest, the
        other unknowns all at one end: where the other rules hold there (as
        the limits alone usually do), the bound propagation gives is attained.
        """
        low, high = self.bounds
        others = [rule for index, rule in enumerate(self.system.rules) if index != self.slot]
        found = corner(others, low, high, self._lean(up=False))
        return found is not None and self.values.at(found) == self.value_bounds()[0]

    def greatest_bounded(self, *, above: bool) -> Decimal | None:
        """The greatest published value, or ``None`` where only the ceiling on counts bounds it.

        That is where it moves with the ceiling (it is greater with a ceiling
        twice as high).
        """
        moves = self.moves_with_ceiling(above=above)
        if moves:
            return None
        steps = self._greatest(above=above)
        if moves is None and self.reaches_past(steps, above=above):
            return None
        return self.values.decimal(steps)

    def moves_with_ceiling(self, *, above: bool) -> bool | None:
        """Whether the greatest value moves with the ceiling on counts, where known without finding it.

        ``None`` where only the greatest value itself tells: whether the
        doubled ceiling allows more than it.
        """
        if above not in self._moves:
            top = self.values.steps(self.value_bounds()[1]) + 1
            moves: bool | None = None
            if self._stretched_past(top, above=above):
                moves = True
            elif self._within_ceiling():
                moves = False
            elif self.reaches_past(top, above=above):
                moves = True
            self._moves[above] = moves
        return self._moves[above]

    def _greatest(self, *, above: bool) -> int:
        """The greatest value, in steps, some solution rounds to (or is more than)."""
        top = self.values.steps(self.value_bounds()[1])

        def steps_of(value: Fraction) -> int:
            # Above: the greatest multiple of the step below the value.
            return math.ceil(value / self.step) - 1 if above else self.values.steps(value)

        def beyond(steps: int) -> tuple[Solution, int] | None:
            found = self._with(self._beyond(steps, above=above))
            if found is None:
                return None
            return found[0], steps_of(self.value_bounds(found[1])[1])

        def score(solution: Solution) -> int:
            return steps_of(self.values.at(solution))

        if beyond(top) is not None:  # propagation's bound is attained
            return top
        if self.claim.formula.scale > 0 and self._pendant():
            return score(self._greatest_sum())
        return improve(beyond, score, (score(self.seed), self.seed), top - 1)[0]

    def _pendant(self) -> bool:
        """Whether the figure's denominator is in no other rule: only the figure itself ties it."""
        divisor = self.denominator
        return (
            divisor >= 0
            and divisor not in self.numerator
            and self.system.users[divisor] == [self.slot]
        )

    def _greatest_sum(self) -> Solution:
        """A solution with the greatest numerator over the least denominator.

        The denominator being in no other rule, any solution with it set to
        its least is a solution too, and the formula is greatest there: so
        the greatest value is that of the greatest sum of the numerator,
        searched for over whole numbers, not over steps of the figure, from
        the greatest the reconciliation found (*highest*).
        """
        low, high = list(self.bounds[0]), list(self.bounds[1])
        least = max(low[self.denominator], 1)
        low[self.denominator] = high[self.denominator] = least
        formula, numerator = self.claim.formula, self.numerator

        def beyond(total: int) -> tuple[Solution, int] | None:
            # Over the least denominator, a sum of at least *total* is a value of at least this.
            value = formula.scale * Fraction(total, least) + formula.offset
            found = self._with(Band(value, None), within=(low, high))
            if found is None:
                return None
            return found[0], sum(found[1][1][u] for u in numerator)

        def total(solution: Solution) -> int:
            return sum(solution[unknown] for unknown in numerator)

        start = list(self.highest)
        start[self.denominator] = least
        return improve(beyond, total, (total(start), start), sum(high[u] for u in numerator))[1]

    def _beyond(self, steps: int, *, above: bool) -> Band:
        """The formula values that round to at least (or, *above*, are more than) *steps*."""
        value = self.values.decimal(steps)
        if above:
            return Band(Fraction(value), None, low_open=True)
        end = band(value)
        return Band(end.low, None, low_open=end.low_open)

    def reaches_past(self, steps: int, *, above: bool) -> bool:
        """Whether, with the ceiling on counts twice as high, the formula goes past *steps*.

        No search is needed where the bounds propagated under that ceiling
        already keep the formula's value out of reach.
        """
        if self._stretched_past(steps, above=above):
            return True
        past = self._beyond(steps + 1, above=above)
        least = past.low
        assert least is not None  # noqa: S101 - a band from a published value

        def short(bounds: Bounds) -> bool:
            most = self.value_bounds(bounds)[1]
            return most < least or (most == least and past.low_open)

        return not self._wider_bounds_show(short) and self._with(past, wider=True) is not None

    def _within_ceiling(self) -> bool:
        """Whether the bounds under the doubled ceiling keep every count within the usual one.

        Then the solutions under both ceilings are the same: nothing moves with it.
        """
        return self._wider_bounds_show(lambda bounds: max(bounds[1]) <= self.system.ceiling)

    def _wider_bounds_show(self, holds: Callable[[Bounds], bool]) -> bool:
        """Whether the bounds under the doubled ceiling show what *holds* tells of bounds.

        Where narrower bounds show whatever wider ones show, bounds without a
        span of the figures that show it (see :meth:`LeftOut.towards`) spare
        finding those without this figure alone.
        """
        if self.left_out is None or self._wider is not None:
            return holds(self._wider_system()[1])
        towards = self.left_out.towards(self.claim, 2 * self.system.ceiling + 1)
        return any(bounds is not None and holds(bounds) for bounds in towards)

    def _stretched_past(self, steps: int, *, above: bool) -> bool:
        """Whether the solution :meth:`_stretched` to the doubled ceiling goes past *steps*."""
        stretched = self._stretched(2 * self.system.ceiling + 1)
        return stretched is not None and self.values.at(stretched) in self._beyond(
            steps + 1, above=above
        )

    def _stretched(self, ceiling: int) -> Solution | None:
        """A solution with the least denominator known, and the numerator's free unknowns at *ceiling*.

        Free: no other rule reads them (a count published only through this
        figure). A solution of every other figure under that ceiling, where
        the formula grows with its numerator and some unknown of it is free;
        else ``None``.
        """
        users = self.system.users
        free = [unknown for unknown in self.numerator if users[unknown] == [self.slot]]
        if self.claim.formula.scale <= 0 or not free or self.denominator in free:
            return None
        stretched = list(self.lowest)  # every other rule holds, and reads none of *free*
        for unknown in free:
            stretched[unknown] = ceiling
        return stretched

    def value_bounds(
        self, bounds: tuple[list[int], list[int]] | None = None
    ) -> tuple[Fraction, Fraction]:
        """Bounds of the formula's value over the propagated *bounds* (default: the query's own)."""
        if bounds is not None:
            return self.values.over(bounds)
        if self._own is None:
            self._own = self.values.over(self.bounds)
        return self._own
