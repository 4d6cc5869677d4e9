"""The two ends of a figure's range of published values, each found on first use.

:class:`Range` finds the least and the greatest value a figure can be
published with over the solutions of a query (see
:mod:`peelmodel.analysis.scrutiny`); :class:`Floored` is a domain whose
least value is known without a search.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal

from peelmodel.analysis._query import Query
from peelmodel.arithmetic import unchecked_places, unchecked_round_half_up
from peelmodel.claims import Claim
from peelmodel.model.figure import Qualifier

__all__ = ["Floored", "Range"]


class Range:
    """The published values of *claim* that the figures of a *query* allow, exactly.

    Each end is found on first use, over one query made on first use. Under
    the limits alone, twice any solution is a solution with the ceiling
    twice as high (limits compare sums, and doubling keeps a count at least
    1), so a growing sum of counts is unbounded without a search.
    """

    def __init__(
        self, claim: Claim, query: Callable[[], Query], *, limits_only: bool = False
    ) -> None:
        assert claim.published is not None  # noqa: S101 - only published figures have a precision
        self._claim, self._make, self._limits_only = claim, query, limits_only
        formula = claim.formula
        #: The one value a formula over no quantity takes (``None``: it varies).
        self._constant = None
        if formula.scale == 0 or not formula.quantities:
            self._constant = unchecked_round_half_up(
                formula.offset, unchecked_places(claim.published)
            )
        self._above = claim.qualifier is Qualifier.MORE_THAN

    @functools.cached_property
    def _query(self) -> Query:
        return self._make()

    @functools.cached_property
    def low(self) -> Decimal | None:
        """The least value allowed (``None``: a "more than" figure, any less is allowed)."""
        if self._constant is not None:
            return self._constant
        return None if self._above else self._query.least()

    @functools.cached_property
    def high(self) -> Decimal | None:
        """The greatest value allowed, ``None`` where only the ceiling on counts bounds it."""
        if self._constant is not None:
            return self._constant
        if self._grows:
            return None
        return self._query.greatest_bounded(above=self._above)

    @functools.cached_property
    def _grows(self) -> bool:
        """Whether the formula is a growing sum of counts under the limits alone: no end at all."""
        formula = self._claim.formula
        return self._limits_only and formula.denominator is None and formula.scale > 0

    def unbounded(self) -> bool | None:
        """Whether :attr:`high` is ``None``, where known without searching for the greatest value."""
        if self._constant is not None:
            return False
        return self._grows or self._query.moves_with_ceiling(above=self._above)


class Floored:
    """A domain whose least value is known (see :meth:`~peelmodel.analysis.scrutiny.Scrutiny._floor`); its greatest, its shape's."""

    def __init__(self, low: Decimal, shape: Callable[[], Range]) -> None:
        self.low, self._shape = low, shape

    @functools.cached_property
    def high(self) -> Decimal | None:
        """The greatest value allowed, ``None`` where only the ceiling on counts bounds it."""
        return self._shape().high

    def unbounded(self) -> bool | None:
        """Whether :attr:`high` is ``None``, where known without searching for the greatest value."""
        return self._shape().unbounded()
