"""Assess a whole inspection: every figure with its status, and what it implies.

:func:`assess` puts the engines together: :mod:`~peelmodel.analysis.reproduction` decides
which figures the published inputs reproduce, :mod:`~peelmodel.analysis.reconciliation`
infers the unpublished numbers and finds figures that cannot all hold, and
:mod:`~peelmodel.analysis.judging` checks the grades.

>>> from peelmodel import datasets
>>> result = assess(datasets.load("hampshire-2015"))
>>> result.is_consistent, result.figure("hampshire.outcomes.out-of-court-formal.count").status
(True, <Status.REPRODUCED: 'reproduced'>)
>>> groups = result.figure("hampshire.ocgs.count")
>>> groups.status, str(groups.implied), groups.caught
(<Status.CONSISTENT: 'consistent'>, '62 to 63', Decimal('64'))
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from fractions import Fraction

import attrs

from peelmodel import _html
from peelmodel._typecheck import checked
from peelmodel._validators import MAX_COUNT
from peelmodel.analysis.judging import overall_anomalies
from peelmodel.analysis.reconciliation import Interval, Reconciliation, reconcile
from peelmodel.analysis.reproduction import (
    Comparison,
    compare,
    known_values,
    unchecked_reproduce,
)
from peelmodel.analysis.scrutiny import Implied, Scrutiny
from peelmodel.analysis.status import Status
from peelmodel.arithmetic import Band
from peelmodel.catalogues import areas
from peelmodel.claims import Claim, claims_of
from peelmodel.errors import UnknownReferenceError
from peelmodel.model.inspection import Inspection

__all__ = ["Assessment", "FigureResult", "assess"]


@attrs.frozen
class FigureResult:
    """One figure's published value, what the library derives for it, and its status.

    ``derived`` is the value the published inputs give, rounded as published
    (reproduced figures only); ``low`` and ``high`` bound the exact value of the
    figure's formula over every value the unpublished inputs can take.
    ``bounded`` is false when ``high`` rests only on the engine's ceiling for
    unknown counts rather than on published figures. ``conflicts_with`` names,
    for a figure set aside, the kept figures it cannot hold with.
    """

    claim: Claim
    derived: Decimal | None
    low: Fraction
    high: Fraction
    conflicts_with: tuple[str, ...] = ()
    bounded: bool = True
    _scrutiny: Scrutiny | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def id(self) -> str:
        """The claim's id."""
        return self.claim.id

    @property
    def is_inconsistent(self) -> bool:
        """Whether the figure conflicts with others, or its published inputs give another value."""
        derived = self.derived
        return bool(self.conflicts_with) or (
            derived is not None and derived != self.claim.published
        )

    @property
    def status(self) -> Status:
        """What the library can say of the figure (see :class:`~peelmodel.analysis.status.Status`)."""
        if self.claim.published is None:
            return Status.UNVERIFIABLE
        if self.is_inconsistent:
            return Status.INCONSISTENT
        if self.derived is not None:
            return Status.REPRODUCED
        if self._scrutiny is None or not self._scrutiny.is_checked(self.claim):
            return Status.UNVERIFIABLE
        return Status.CONSISTENT

    @property
    def implied(self) -> Implied | None:
        """The published values the other kept figures allow this figure, exactly.

        From the least to the greatest value, at the figure's precision, that
        its formula rounds to over the whole numbers satisfying every other
        kept figure and the domain limits (``None`` at an end nothing but the
        ceiling on counts bounds; a "more than" figure has no low end). A
        figure is ``consistent`` when this is narrower than what the limits
        alone allow. ``None`` for a lost figure. Found on first use, then kept.
        """
        if self._scrutiny is None or self.claim.published is None:
            return None
        return self._scrutiny.implied(self.claim)

    @property
    def caught(self) -> Decimal | None:
        """A value the figure could have been published with that the other figures catch.

        The nearest value outside :attr:`implied` that the domain allows
        (above first): the evidence that a ``consistent`` figure was checked;
        ``None`` for every other status.
        """
        if self.status is not Status.CONSISTENT:
            return None
        assert self._scrutiny is not None  # noqa: S101 - a consistent figure was scrutinised
        return self._scrutiny.caught(self.claim)

    def __repr__(self) -> str:
        claim = self.claim
        high = _html.number(self.high) if self.bounded else "no bound"
        return (
            f"<FigureResult {claim.id}: published {claim.published}, {self.status.value}, "
            f"exact value {_html.number(self.low)} to {high}>"
        )

    def _repr_html_(self) -> str:
        """The figure, its status and the range of its exact value, for notebooks."""
        claim = self.claim
        row = (
            claim.id,
            claim.label,
            claim.published,
            self.status.value,
            _html.number(self.low),
            _html.number(self.high) if self.bounded else "no bound",
            ", ".join(self.conflicts_with),
        )
        headers = ("id", "label", "published", "status", "low", "high", "conflicts with")
        return _html.table(headers, [row])


@attrs.frozen
class Assessment:
    """Everything peelmodel can say of one inspection."""

    inspection: Inspection
    figures: tuple[FigureResult, ...]
    lost: tuple[FigureResult, ...]
    reconciliation: Reconciliation
    comparisons: tuple[Comparison, ...]
    anomalies: tuple[str, ...]

    @property
    def is_consistent(self) -> bool:
        """Whether no figure is inconsistent."""
        return not any(result.is_inconsistent for result in self.figures)

    @property
    def inferred(self) -> tuple[Interval, ...]:
        """The interval of every quantity behind the figures."""
        return self.reconciliation.intervals

    def figure(self, figure_id: str) -> FigureResult:
        """The result of the figure with this id (published or lost)."""
        results = (*self.figures, *self.lost)
        for result in results:
            if result.id == figure_id:
                return result
        raise UnknownReferenceError("figure", figure_id, (result.id for result in results))

    def counts(self) -> dict[Status, int]:
        """How many published figures have each status."""
        found = Counter(result.status for result in self.figures)
        return {status: found[status] for status in Status}

    def __repr__(self) -> str:
        inspection = self.inspection
        inconsistent = sum(result.is_inconsistent for result in self.figures)
        return (
            f"<Assessment {inspection.force.id} {inspection.programme.id} "
            f"{inspection.pillar.value}: {len(self.figures)} figures, {len(self.lost)} lost, "
            f"{len(self.inferred)} quantities inferred, "
            f"{f'{inconsistent} inconsistent' if inconsistent else 'consistent'}>"
        )

    def _repr_html_(self) -> str:
        """Every figure with its status and the range of its exact value, for notebooks.

        The ends of each range are rounded half up to three places for display.
        """
        counts = ", ".join(f"{count} {status.value}" for status, count in self.counts().items())
        rows = [
            (
                result.id,
                result.claim.label,
                result.claim.published,
                result.status.value,
                _html.number(result.low),
                _html.number(result.high) if result.bounded else None,
                ", ".join(result.conflicts_with),
            )
            for result in (*self.figures, *self.lost)
        ]
        figures = _html.table(
            ("id", "label", "published", "status", "low", "high", "conflicts with"),
            rows,
            caption="Figures (low and high: whole or to three places; no high: unbounded)",
        )
        return _html.block(f"{repr(self)[1:-1]} ({counts})", figures)


@checked
def assess(inspection: Inspection, *, ceiling: int = MAX_COUNT) -> Assessment:
    """Derive, reconcile and check every figure and judgment of *inspection*.

    Figures come in the order of their ids, and every answer depends only on
    the inspection's content, never on the order of its lists. *ceiling* is
    the largest value an unpublished count may take.
    """
    # In the order of their ids, so that the answer never depends on the document's order.
    claims = dict(sorted(claims_of(inspection).items()))
    reconciliation = reconcile(claims.values(), ceiling=ceiling)
    blamed = reconciliation.set_aside
    kept = [claim for claim in claims.values() if claim.id not in blamed]
    known = known_values(kept)
    bands = {claim.formula: claim.band for claim in kept if claim.published is not None}
    scrutiny = Scrutiny(reconciliation)
    figures: list[FigureResult] = []
    lost: list[FigureResult] = []
    for claim in claims.values():
        band = bands.get(claim.formula)
        low, high = _narrow(reconciliation.range_of(claim), band)
        bounded = (band is not None and band.high is not None) or all(
            reconciliation.interval_of(q).is_bounded for q in claim.formula.numerator
        )
        if claim.published is None:
            lost.append(FigureResult(claim, None, low, high, bounded=bounded))
            continue
        derived = unchecked_reproduce(claim, known)
        conflicts = (
            tuple(sorted(reconciliation.conflicting(claim.id))) if claim.id in blamed else ()
        )
        figures.append(FigureResult(claim, derived, low, high, conflicts, bounded, scrutiny))
    return Assessment(
        inspection=inspection,
        figures=tuple(figures),
        lost=tuple(lost),
        reconciliation=reconciliation,
        comparisons=compare(claims.values(), inspection.force.id, areas.ENGLAND_AND_WALES.id),
        anomalies=overall_anomalies(inspection),
    )


def _narrow(bounds: tuple[Fraction, Fraction], band: Band | None) -> tuple[Fraction, Fraction]:
    """Narrow a formula's range by the band of a kept figure with the same formula.

    The two always meet: the formula's exact values, over the whole numbers
    that satisfy the kept figures, lie in both.
    """
    low, high = bounds
    if band is not None:
        low = low if band.low is None else max(low, band.low)
        high = high if band.high is None else min(high, band.high)
    return low, high
