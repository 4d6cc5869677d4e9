"""The input of aggregation: each force's claims, reconciled, and the bounds they give."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from typing import Final

import attrs

from peelmodel.analysis.reconciliation import Interval, Reconciliation, reconcile
from peelmodel.claims import Claim, Quantity, figure_claim, outcome_claims
from peelmodel.errors import IncompatibleFiguresError, InconsistentInputError, InvalidValueError
from peelmodel.model.area import AreaKind
from peelmodel.model.figure import Figure
from peelmodel.model.inspection import Inspection
from peelmodel.model.outcome import OutcomeRate

__all__ = ["NOTHING", "ForceFigures", "Item", "collect"]

#: What :func:`~peelmodel.analysis.aggregation.national` and the other groupings accept.
Item = Inspection | Figure | OutcomeRate


def _claims(items: Iterable[Item]) -> Iterator[Claim]:
    """The claims of the force figures among *items*; an inspection's other areas are left out."""
    for index, item in enumerate(items):
        if isinstance(item, Inspection):
            force = item.force.id
            for figure in item.figures:
                if figure.area.id == force:
                    yield figure_claim(figure)
            for row in item.outcome_rates:
                if row.area.id == force:
                    yield from outcome_claims(row, reference=item.reference_period)
        elif isinstance(item, Figure | OutcomeRate):
            if item.area.kind is not AreaKind.FORCE:
                raise InvalidValueError(
                    "aggregate", f"items[{index}]", item.id, "must be a figure of a force"
                )
            yield from (figure_claim(item),) if isinstance(item, Figure) else outcome_claims(item)
        else:
            raise InvalidValueError(
                "aggregate", f"items[{index}]", item, "must be an Inspection, Figure or OutcomeRate"
            )


@attrs.frozen
class ForceFigures:
    """Every claim of one force by its key, and what its published figures imply."""

    claims: Mapping[str, Claim]
    reconciliation: Reconciliation
    intervals: Mapping[Quantity, Interval]

    def sums(self, claim: Claim) -> tuple[tuple[int, int], tuple[int, int] | None]:
        """The bounds of the claim's numerator and denominator."""
        intervals = self.intervals
        numerator = (
            sum(intervals[q].low for q in claim.formula.numerator),
            sum(intervals[q].high for q in claim.formula.numerator),
        )
        denominator = claim.formula.denominator
        if denominator is None:
            return numerator, None
        return numerator, (intervals[denominator].low, intervals[denominator].high)

    def bounded(self, claim: Claim) -> bool:
        """Whether published figures bound the claim's value from above, not the engine's ceiling."""
        band = claim.band
        return (band is not None and band.high is not None) or all(
            self.intervals[q].is_bounded for q in claim.formula.numerator
        )

    def value(self, claim: Claim) -> tuple[Fraction, Fraction]:
        """The bounds of the claim's value, narrowed by its published band."""
        low, high = self.reconciliation.range_of(claim)
        band = claim.band
        if band is not None:
            narrowed = (
                low if band.low is None else max(low, band.low),
                high if band.high is None else min(high, band.high),
            )
            if narrowed[0] <= narrowed[1]:
                return narrowed
        return low, high


#: A force absent from the input.
NOTHING: Final = ForceFigures({}, Reconciliation((), ()), {})


def collect(items: Iterable[Item], *, allow_inconsistent: bool) -> dict[str, ForceFigures]:
    """Each force's figures by force id, reconciled; refuse a force whose figures disagree.

    With *allow_inconsistent*, the figures that disagree are set aside and the
    rest are used.
    """
    by_force: dict[str, dict[str, Claim]] = defaultdict(dict)
    for claim in _claims(items):
        force = claim.area.id
        if by_force[force].setdefault(claim.key, claim) != claim:
            raise IncompatibleFiguresError(
                f"two different figures of {force} have the same id", [claim.id]
            )
    collected = {}
    for force, claims in by_force.items():
        reconciliation = reconcile(claims.values())
        if reconciliation.conflicts and not allow_inconsistent:
            blamed = {claim for conflict in reconciliation.conflicts for claim in conflict.claims}
            raise InconsistentInputError(force, sorted(blamed))
        intervals = {interval.quantity: interval for interval in reconciliation.intervals}
        collected[force] = ForceFigures(claims, reconciliation, intervals)
    return collected
