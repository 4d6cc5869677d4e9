"""The aggregation engine: one group's figures from its forces' reconciled claims.

A ratio of sums adds the bounds of the forces' numerators and denominators;
a mean averages the bounds of their values. Figures of different forces go
together when they have the same key, and must then have the same
:class:`~peelmodel.analysis._aggregates.Shape`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from fractions import Fraction

from peelmodel._typecheck import checked
from peelmodel.analysis._aggregate_inputs import NOTHING, ForceFigures
from peelmodel.analysis._aggregates import (
    Aggregate,
    AggregateFigure,
    AggregateKind,
    Method,
    Shape,
)
from peelmodel.catalogues import areas, forces
from peelmodel.catalogues.aggregation_rules import Action, Rule, rule, rules
from peelmodel.claims import Claim
from peelmodel.errors import IncompatibleFiguresError, UnknownReferenceError
from peelmodel.model.area import AreaKind

__all__ = ["add", "aggregate", "between", "ratio", "region_members"]


def ratio(
    numerator: tuple[int, int],
    denominator: tuple[int, int] | None,
    scale: Fraction,
    offset: Fraction,
) -> tuple[Fraction, Fraction]:
    """The bounds of ``scale × numerator ÷ denominator + offset`` over the bounds of each sum."""
    if denominator is None:
        return scale * numerator[0] + offset, scale * numerator[1] + offset
    return (
        scale * Fraction(numerator[0], denominator[1]) + offset,
        scale * Fraction(numerator[1], denominator[0]) + offset,
    )


def add(bounds: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """The bounds of a sum, from the bounds of its terms."""
    pairs = list(bounds)
    return sum(low for low, _ in pairs), sum(high for _, high in pairs)


def between(
    bounds: tuple[Fraction, Fraction], parts: Iterable[tuple[Fraction, Fraction]]
) -> tuple[Fraction, Fraction]:
    """Narrow a ratio of sums by its parts' ratios: it lies between the least and greatest.

    The two always meet: the sums' bounds reach past each part's on both
    sides (a ratio of sums lies between its parts), so the least part is at
    most the sums' greatest and the greatest part at least their least.
    """
    ranges = list(parts)
    low = max(bounds[0], min(part[0] for part in ranges))
    high = min(bounds[1], max(part[1] for part in ranges))
    return low, high


def region_members(region: str) -> tuple[str, ...]:
    """The ids of the forces of *region*; raise for an id that is not a region's."""
    area = areas.get(region)
    if area.kind is not AreaKind.REGION:
        raise UnknownReferenceError(
            "region", region, (a.id for a in areas.all(kind=AreaKind.REGION))
        )
    return tuple(force.id for force in forces.all() if force.region == area)


def _active(names: Iterable[str] | None) -> tuple[Rule, ...]:
    if names is None:
        return rules()
    return tuple(rule(name) for name in dict.fromkeys(names))


def _matches(found: Rule, claim: Claim) -> bool:
    denominator = claim.formula.denominator
    return found.matches(
        (quantity.measure for quantity in claim.formula.numerator),
        None if denominator is None else denominator.measure,
    )


def _pooled(
    first: Claim, force: str, matching: tuple[Rule, ...], collected: Mapping[str, ForceFigures]
) -> tuple[tuple[str, ...], tuple[Fraction, Fraction] | None]:
    """The forces a combination rule pools *force* with, and their pooled Σ ÷ Σ (if any).

    *first* is the group's first claim of the figure, which the pooled ones must match.
    """
    key, shape = first.key, Shape.of(first)
    pool = next(
        (
            tuple(f for f in r.forces if key in collected.get(f, NOTHING).claims)
            for r in matching
            if r.action is Action.COMBINE and force in r.forces
        ),
        (),
    )
    if len(pool) <= 1:
        return (), None
    claims = {partner: collected[partner].claims[key] for partner in pool}
    for claim in claims.values():
        if Shape.of(claim) != shape:
            raise IncompatibleFiguresError(
                f"figures {key!r} of combined forces differ in basis, measure or period",
                [claim.id, first.id],
            )
    sums = [collected[partner].sums(claim) for partner, claim in claims.items()]
    pooled = add(d for _, d in sums if d is not None) if shape.denominator else None
    return pool, ratio(add(n for n, _ in sums), pooled, shape.scale, shape.offset)


def _figure(  # noqa: PLR0913 - the parts of one group figure
    key: str,
    claims: dict[str, Claim],
    collected: Mapping[str, ForceFigures],
    *,
    area: str,
    members: tuple[str, ...],
    method: Method,
    active: tuple[Rule, ...],
) -> AggregateFigure | None:
    first = claims[min(claims)]
    shape = Shape.of(first)
    if any(Shape.of(claim) != shape for claim in claims.values()):
        raise IncompatibleFiguresError(
            f"figures {key!r} of different forces differ in basis, measure or period",
            sorted(claim.id for claim in claims.values()),
        )
    matching = tuple(r for r in active if _matches(r, first))
    excluded = {
        force
        for r in matching
        if r.action is Action.EXCLUDE
        for force in r.forces
        if force in members
    }
    contributing = tuple(sorted(f for f in claims if f in members and f not in excluded))
    if not contributing:
        return None
    numerator: tuple[int, int] | None = None
    denominator: tuple[int, int] | None = None
    combined: set[str] = set()
    if method is Method.RATIO_OF_SUMS:
        sums = [collected[f].sums(claims[f]) for f in contributing]
        numerator = add(n for n, _ in sums)
        if shape.denominator is not None:
            denominator = add(d for _, d in sums if d is not None)
        low, high = ratio(numerator, denominator, shape.scale, shape.offset)
        if denominator is not None:
            low, high = between((low, high), [collected[f].value(claims[f]) for f in contributing])
    else:
        values = []
        for force in contributing:
            pool, pooled = _pooled(first, force, matching, collected)
            combined.update(pool)
            values.append(collected[force].value(claims[force]) if pooled is None else pooled)
        count = len(values)
        low = Fraction(sum(v[0] for v in values)) / count
        high = Fraction(sum(v[1] for v in values)) / count
    return AggregateFigure(
        id=f"{area}.{key}",
        key=key,
        label=first.label,
        area=area,
        measure=first.measure,
        basis=first.basis,
        period=first.period,
        method=method,
        low=low,
        high=high,
        forces=contributing,
        missing=tuple(f for f in members if f not in contributing and f not in excluded),
        excluded=tuple(sorted(excluded)),
        combined=tuple(sorted(combined)),
        rules=tuple(r.name for r in matching),
        numerator=numerator,
        denominator=denominator,
        bounded=all(
            collected[force].bounded(collected[force].claims[key])
            for force in (*contributing, *combined)
        ),
        shape=shape,
    )


@checked
def aggregate(  # noqa: PLR0913 - the parts of one group
    collected: Mapping[str, ForceFigures],
    *,
    area: str,
    name: str,
    kind: AggregateKind,
    members: Iterable[str],
    method: Method,
    rule_names: Iterable[str] | None,
) -> Aggregate:
    """The figures of one group of forces, from every force's collected figures."""
    group = tuple(sorted(dict.fromkeys(members)))
    active = _active(rule_names)
    by_key: dict[str, dict[str, Claim]] = defaultdict(dict)
    for force in group:
        if force in collected:
            for key, claim in collected[force].claims.items():
                by_key[key][force] = claim
    figures = [
        _figure(key, by_key[key], collected, area=area, members=group, method=method, active=active)
        for key in sorted(by_key)
    ]
    return Aggregate(
        area=area,
        name=name,
        kind=kind,
        method=method,
        members=group,
        missing=tuple(f for f in group if f not in collected),
        rules=tuple(r.name for r in active),
        figures=tuple(f for f in figures if f is not None),
    )
