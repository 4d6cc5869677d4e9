"""Aggregate force figures into England and Wales, regional and most-similar-group figures.

HMIC's comparator figures are computed two ways (see ``domain-facts.md``):

* England and Wales and regional figures are **ratios of sums**: counts add
  up; a rate is Σ numerators ÷ Σ denominators (offences for outcome rates,
  population or households for rates per 1,000, population for rates per
  million); a share is Σ parts ÷ Σ wholes; a percentage change compares
  Σ current with Σ baseline values. Never a mean of rates.
* A most similar group (MSG) average is the **unweighted mean** of its
  member forces' values.

Every figure is computed over the numbers behind it (the quantities of
:mod:`peelmodel.claims`). When a force publishes them all exactly, the
result is exact; otherwise each force contributes the interval that
:func:`peelmodel.analysis.reconciliation.reconcile` infers from its published figures, and
the result is the exact interval ``[low, high]`` that holds the true value.

>>> from decimal import Decimal
>>> from datetime import date
>>> from peelmodel import Basis, Figure, Period, areas
>>> def count(force, measure, value):
...     return Figure(
...         id=f"{force}.{measure}.count", label=measure, measure=measure,
...         area=areas.get(force), period=Period.as_at(date(2015, 6, 30)),
...         basis=Basis.COUNT, published=Decimal(value), source="example")
>>> def rate(force, published):
...     return Figure(
...         id=f"{force}.ocgs.per-million-population", label="OCGs per million",
...         measure="ocgs", area=areas.get(force), period=Period.as_at(date(2015, 6, 30)),
...         basis=Basis.PER_MILLION_POPULATION, published=published, source="example")
>>> items = [
...     count("kent", "ocgs", 60), count("kent", "population", 1_500_000), rate("kent", None),
...     count("surrey", "ocgs", 20), count("surrey", "population", 500_000), rate("surrey", None),
... ]
>>> group = most_similar_group(items, ["kent", "surrey"], method=Method.RATIO_OF_SUMS)
>>> group.figure("ocgs.per-million-population").value
Fraction(40, 1)
>>> most_similar_group(items, ["kent", "surrey"]).figure("ocgs.per-million-population").value
Fraction(40, 1)
>>> south_east = regional(items, "south-east-region")
>>> south_east.figure("ocgs.count").value, south_east.missing
(Fraction(80, 1), ('hampshire', 'sussex', 'thames-valley'))
>>> south_east.kind, south_east.figure("ocgs.per-million-population").rounded(1)
(<AggregateKind.REGION: 'region'>, Decimal('40.0'))

The report's footnote rules are data (:func:`rules`, from
:mod:`peelmodel.catalogues.aggregation_rules`), applied by name; by default
every rule applies, as in the report. The engine reads what each figure is
from its claim (:mod:`peelmodel.claims`): area, measure, basis, period and
formula, never from its id; it pairs the forces' figures by
:attr:`~peelmodel.claims.Claim.key`, the figure's id within its area.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Final

import attrs

from peelmodel._typecheck import checked, public_name
from peelmodel.analysis._aggregate_engine import add, aggregate, between, ratio, region_members
from peelmodel.analysis._aggregate_inputs import Item, collect
from peelmodel.analysis._aggregates import (
    Aggregate,
    AggregateFigure,
    AggregateKind,
    Method,
    Shape,
    Term,
)
from peelmodel.catalogues import areas, forces
from peelmodel.catalogues.aggregation_rules import Action, Rule, rule, rules
from peelmodel.errors import IncompatibleFiguresError, InvalidValueError
from peelmodel.model.area import AreaKind

__all__ = [
    "Action",
    "Aggregate",
    "AggregateFigure",
    "AggregateKind",
    "Item",
    "Method",
    "Rule",
    "Shape",
    "Term",
    "by_region",
    "merge",
    "most_similar_group",
    "national",
    "regional",
    "rule",
    "rules",
]

#: The default name of a most similar group.
MSG: Final = "most-similar-group"

#: The kind of a merged group, by the kind of its area (any other group is an MSG).
_KINDS: Final = {AreaKind.NATIONAL: AggregateKind.NATIONAL, AreaKind.REGION: AggregateKind.REGION}


@checked
def national(
    items: Iterable[Item],
    *,
    method: Method = Method.RATIO_OF_SUMS,
    rules: Iterable[str] | None = None,
    allow_inconsistent: bool = False,
) -> Aggregate:
    """England and Wales figures over the 43 forces; absent forces are listed as missing.

    *rules* names the rules to apply (default: every rule, as the report does).
    A force whose published figures cannot all hold raises
    :class:`~peelmodel.errors.InconsistentInputError`, unless *allow_inconsistent*
    is true: then the figures that disagree are set aside.
    """
    return aggregate(
        collect(items, allow_inconsistent=allow_inconsistent),
        area=areas.ENGLAND_AND_WALES.id,
        name=areas.ENGLAND_AND_WALES.name,
        kind=AggregateKind.NATIONAL,
        members=(force.id for force in forces.all()),
        method=method,
        rule_names=rules,
    )


@checked
def regional(
    items: Iterable[Item],
    region: str,
    *,
    method: Method = Method.RATIO_OF_SUMS,
    rules: Iterable[str] | None = None,
    allow_inconsistent: bool = False,
) -> Aggregate:
    """The figures of one region (an id such as ``south-east-region``) over its forces."""
    members = region_members(region)
    return aggregate(
        collect(items, allow_inconsistent=allow_inconsistent),
        area=region,
        name=areas.get(region).name,
        kind=AggregateKind.REGION,
        members=members,
        method=method,
        rule_names=rules,
    )


@checked
def by_region(
    items: Iterable[Item],
    *,
    method: Method = Method.RATIO_OF_SUMS,
    rules: Iterable[str] | None = None,
    allow_inconsistent: bool = False,
) -> tuple[Aggregate, ...]:
    """The figures of every region that has at least one force in *items*."""
    collected = collect(items, allow_inconsistent=allow_inconsistent)
    regions = sorted({forces.get(force).region.id for force in collected})
    return tuple(
        aggregate(
            collected,
            area=region,
            name=areas.get(region).name,
            kind=AggregateKind.REGION,
            members=region_members(region),
            method=method,
            rule_names=rules,
        )
        for region in regions
    )


@checked
def most_similar_group(  # noqa: PLR0913 - the group, its members and three options
    items: Iterable[Item],
    members: Iterable[str],
    *,
    name: str = MSG,
    method: Method = Method.MEAN,
    rules: Iterable[str] | None = None,
    allow_inconsistent: bool = False,
) -> Aggregate:
    """The average of a most similar group: the unweighted mean of its forces' values.

    *members* are force ids, the force itself included; *name* is the group's
    id in figure ids. ``method=Method.RATIO_OF_SUMS`` gives the group's totals.
    """
    group, name_of = tuple(members), public_name(most_similar_group)
    if not group:
        raise InvalidValueError(name_of, "members", group, "must name at least one force")
    if len(set(group)) != len(group):
        raise InvalidValueError(name_of, "members", group, "must not repeat a force")
    ids = tuple(forces.get(force).id for force in group)
    return aggregate(
        collect(items, allow_inconsistent=allow_inconsistent),
        area=name,
        name="Most similar group" if name == MSG else name,
        kind=AggregateKind.MOST_SIMILAR_GROUP,
        members=ids,
        method=method,
        rule_names=rules,
    )


@checked
def merge(
    results: Iterable[Aggregate],
    *,
    area: str = areas.ENGLAND_AND_WALES.id,
    members: Iterable[str] | None = None,
) -> Aggregate:
    """Add up the totals of disjoint groups (regions, say) into a larger group.

    The sums behind each ratio are added, so merging every region's figures
    gives the England and Wales figures. *members* defaults to the 43 forces
    for England and Wales, a region's forces for a region, or else every
    member of *results*. Only ratios of sums can be merged. With exact
    inputs the result equals the direct aggregate; with intervals it holds
    the true value too, but may be wider.
    """
    parts = list(results)
    if any(part.method is not Method.RATIO_OF_SUMS for part in parts):
        raise IncompatibleFiguresError("only ratios of sums can be merged", [p.area for p in parts])
    seen: set[str] = set()
    for part in parts:
        if seen & set(part.members):
            raise IncompatibleFiguresError("merged groups must not share forces", [part.area])
        seen |= set(part.members)
    if members is not None:
        group = tuple(sorted(set(members)))
    elif area == areas.ENGLAND_AND_WALES.id:
        group = tuple(force.id for force in forces.all())
    elif area in {a.id for a in areas.all(kind=AreaKind.REGION)}:
        group = region_members(area)
    else:
        group = tuple(sorted(seen))
    present = seen - {force for part in parts for force in part.missing}
    by_key: dict[str, list[AggregateFigure]] = defaultdict(list)
    for part in parts:
        for figure in part.figures:
            by_key[figure.key].append(figure)
    figures = []
    for key in sorted(by_key):
        pieces = by_key[key]
        first = min(pieces, key=lambda piece: piece.forces)
        if any(piece.shape != first.shape for piece in pieces):
            raise IncompatibleFiguresError(
                f"figures {key!r} differ in basis, measure or period", [p.id for p in pieces]
            )
        numerator = add(p.numerator for p in pieces if p.numerator is not None)
        denominator = (
            add(p.denominator for p in pieces if p.denominator is not None)
            if first.denominator is not None
            else None
        )
        low, high = ratio(numerator, denominator, first.shape.scale, first.shape.offset)
        if denominator is not None:
            low, high = between((low, high), [(p.low, p.high) for p in pieces])
        contributing = tuple(sorted(f for p in pieces for f in p.forces))
        excluded = {
            force
            for name in first.rules
            if rule(name).action is Action.EXCLUDE
            for force in rule(name).forces
            if force in group
        }
        figures.append(
            attrs.evolve(
                first,
                id=f"{area}.{key}",
                area=area,
                low=low,
                high=high,
                forces=contributing,
                missing=tuple(f for f in group if f not in contributing and f not in excluded),
                excluded=tuple(sorted(excluded)),
                numerator=numerator,
                denominator=denominator,
                bounded=all(p.bounded for p in pieces),
            )
        )
    known = next((a for a in areas.all() if a.id == area), None)
    name = area if known is None else known.name
    other = AggregateKind.MOST_SIMILAR_GROUP
    kind = other if known is None else _KINDS.get(known.kind, other)
    return Aggregate(
        area=area,
        name=name,
        kind=kind,
        method=Method.RATIO_OF_SUMS,
        members=group,
        missing=tuple(f for f in group if f not in present),
        rules=next((p.rules for p in parts), ()),
        figures=tuple(figures),
    )
