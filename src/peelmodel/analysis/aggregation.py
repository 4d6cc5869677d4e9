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

The report's footnote rules are data (:func:`rules`), applied by name; by
default every rule applies, as in the report.
"""

from __future__ import annotations

import enum
import fnmatch
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from peelmodel.analysis.reconciliation import Interval, Reconciliation, reconcile
from peelmodel.arithmetic import round_half_up
from peelmodel.catalogues import areas, forces
from peelmodel.catalogues._registry import Registry, read_data
from peelmodel.claims import Claim, Quantity, figure_claim, outcome_claims
from peelmodel.errors import (
    IncompatibleFiguresError,
    InconsistentInputError,
    InvalidValueError,
    UnknownReferenceError,
)
from peelmodel.model.area import AreaKind
from peelmodel.model.figure import Basis, Figure
from peelmodel.model.inspection import Inspection
from peelmodel.model.outcome import OutcomeRate
from peelmodel.model.period import Period

__all__ = [
    "Action",
    "Aggregate",
    "AggregateFigure",
    "Item",
    "Method",
    "Rule",
    "by_region",
    "merge",
    "most_similar_group",
    "national",
    "regional",
    "rule",
    "rules",
]

#: What :func:`national`, :func:`regional` and :func:`most_similar_group` accept.
Item = Inspection | Figure | OutcomeRate

#: The default name of a most similar group.
MSG: Final = "most-similar-group"


class Method(enum.Enum):
    """How a group's figure is computed from its forces' figures."""

    #: Σ numerators ÷ Σ denominators (a plain sum for counts): national and regional figures.
    RATIO_OF_SUMS = "ratio-of-sums"
    #: The unweighted mean of the forces' values: an MSG average.
    MEAN = "mean"


class Action(enum.Enum):
    """What a rule does to the forces it names."""

    #: Leave the forces out of the figures the rule matches.
    EXCLUDE = "exclude"
    #: Treat the forces as one area: each one's value is their pooled Σ ÷ Σ.
    COMBINE = "combine"


@attrs.frozen(kw_only=True)
class Rule:
    """An exclusion or combination rule stated by a report's footnote.

    A rule matches a figure when every numerator measure matches one of
    ``numerator`` and the denominator matches ``denominator`` (shell-style
    patterns; ``"*"`` also matches a figure without a denominator, and
    ``None`` matches only such a figure).

    >>> rule("exclude-metropolitan-from-predominant-crime-type").forces
    ('metropolitan',)
    """

    name: str
    action: Action
    forces: tuple[str, ...]
    numerator: tuple[str, ...]
    denominator: tuple[str, ...] | None
    source: str

    def matches(self, claim: Claim) -> bool:
        """Whether the rule applies to the figure behind *claim*."""
        formula = claim.formula
        if not all(
            any(fnmatch.fnmatchcase(q.measure, p) for p in self.numerator)
            for q in formula.numerator
        ):
            return False
        denominator = formula.denominator
        if self.denominator is None:
            return denominator is None
        if "*" in self.denominator:
            return True
        return denominator is not None and any(
            fnmatch.fnmatchcase(denominator.measure, p) for p in self.denominator
        )


def _build_rules() -> list[Rule]:
    built = []
    for entry in read_data("aggregation-rules.json")["rules"]:
        denominator = entry["denominator"]
        built.append(
            Rule(
                name=entry["name"],
                action=Action(entry["action"]),
                forces=tuple(forces.get(f).id for f in entry["forces"]),
                numerator=tuple(entry["numerator"]),
                denominator=None if denominator is None else tuple(denominator),
                source=entry["source"],
            )
        )
    return built


_RULES: Final = Registry[Rule]("aggregation rule", _build_rules, key=lambda r: r.name)


def rules() -> tuple[Rule, ...]:
    """Every rule the package knows, in the order of the report's footnotes.

    >>> [r.name for r in rules()]  # doctest: +NORMALIZE_WHITESPACE
    ['exclude-city-of-london-from-ocg', 'combine-warwickshire-west-mercia-ocg',
     'exclude-metropolitan-from-predominant-crime-type']
    """
    return tuple(_RULES)


def rule(name: str) -> Rule:
    """The rule with this name; raise :class:`~peelmodel.errors.UnknownReferenceError`."""
    return _RULES.get(name)


@attrs.frozen(kw_only=True)
class AggregateFigure:
    """One figure of a group of forces: an exact value or an exact interval.

    ``low`` and ``high`` bound the true value (equal when it is exact).
    ``forces`` contributed; ``missing`` are members without the figure;
    ``excluded`` are members a rule left out; ``combined`` are forces a
    combination rule pooled. ``numerator`` and ``denominator`` are the bounds
    of the sums behind a ratio of sums, which :func:`merge` adds up.
    ``bounded`` is false when ``high`` rests on the engine's ceiling for
    unknown counts rather than on published figures.
    """

    id: str
    key: str
    label: str
    area: str
    measure: str
    basis: Basis
    period: Period
    method: Method
    low: Fraction
    high: Fraction
    forces: tuple[str, ...]
    missing: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    combined: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    numerator: tuple[int, int] | None = None
    denominator: tuple[int, int] | None = None
    bounded: bool = True
    signature: tuple[Any, ...] = attrs.field(default=(), repr=False)

    @property
    def exact(self) -> bool:
        """Whether the value is known exactly."""
        return self.low == self.high

    @property
    def value(self) -> Fraction | None:
        """The exact value, or ``None`` for an interval."""
        return self.low if self.exact else None

    def rounded(self, digits: int) -> Decimal | None:
        """The value rounded half up to *digits* places, if the interval decides it.

        >>> figure = AggregateFigure(
        ...     id="x.y", key="y", label="y", area="x", measure="y", basis=Basis.COUNT,
        ...     period=Period.parse("2015-06-30"), method=Method.MEAN,
        ...     low=Fraction(1441, 100), high=Fraction(1444, 100), forces=("kent",))
        >>> figure.rounded(1), figure.rounded(2)
        (Decimal('14.4'), None)
        """
        low, high = round_half_up(self.low, digits), round_half_up(self.high, digits)
        return low if low == high else None


@attrs.frozen(kw_only=True)
class Aggregate:
    """The figures of one group of forces: England and Wales, a region or an MSG.

    ``members`` are the forces of the group; ``missing`` are members absent
    from the input, listed rather than silently dropped.
    """

    area: str
    name: str
    kind: str
    method: Method
    members: tuple[str, ...]
    missing: tuple[str, ...]
    rules: tuple[str, ...]
    figures: tuple[AggregateFigure, ...]

    def figure(self, key: str) -> AggregateFigure:
        """The figure with this key (``ocgs.count``) or id (``london-region.ocgs.count``)."""
        for figure in self.figures:
            if key in {figure.key, figure.id}:
                return figure
        raise UnknownReferenceError("aggregate figure", key, (f.key for f in self.figures))


# -- input --------------------------------------------------------------------


@attrs.frozen
class _Entry:
    """One figure of one force, ready to aggregate."""

    force: str
    key: str
    label: str
    measure: str
    basis: Basis
    period: Period
    claim: Claim

    @property
    def signature(self) -> tuple[Any, ...]:
        formula = self.claim.formula

        def strip(quantity: Quantity | None) -> object:
            if quantity is None:
                return None
            return (quantity.measure, quantity.period, quantity.excluding)

        return (
            self.basis,
            tuple(strip(q) for q in formula.numerator),
            strip(formula.denominator),
            formula.scale,
            formula.offset,
        )


def _key(figure_id: str, force: str) -> str:
    prefix = f"{force}."
    return figure_id.removeprefix(prefix)


def _figure_entry(figure: Figure) -> _Entry:
    force = figure.area.id
    return _Entry(
        force,
        _key(figure.id, force),
        figure.label,
        figure.measure,
        figure.basis,
        figure.period,
        figure_claim(figure),
    )


def _outcome_entries(row: OutcomeRate) -> Iterator[_Entry]:
    force = row.area.id
    for claim in outcome_claims(row):
        part = claim.id.rsplit(".", 1)[-1]
        measure = "recorded-crime" if part == "offences" else f"outcomes.{row.outcome_id}"
        basis = Basis.PERCENT if part == "rate" else Basis.COUNT
        yield _Entry(force, _key(claim.id, force), claim.label, measure, basis, row.period, claim)


def _entries(items: Iterable[Item]) -> Iterator[_Entry]:
    for index, item in enumerate(items):
        if isinstance(item, Inspection):
            force = item.force.id
            for figure in item.figures:
                if figure.area.id == force:
                    yield _figure_entry(figure)
            for row in item.outcome_rates:
                if row.area.id == force:
                    yield from _outcome_entries(row)
        elif isinstance(item, Figure | OutcomeRate):
            if item.area.kind is not AreaKind.FORCE:
                raise InvalidValueError(
                    "aggregate", f"items[{index}]", item.id, "must be a figure of a force"
                )
            yield from [_figure_entry(item)] if isinstance(item, Figure) else _outcome_entries(item)
        else:
            raise InvalidValueError(
                "aggregate", f"items[{index}]", item, "must be an Inspection, Figure or OutcomeRate"
            )


@attrs.frozen
class _Force:
    """Every figure of one force, and what its published figures imply."""

    entries: Mapping[str, _Entry]
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


def _collect(items: Iterable[Item], *, allow_inconsistent: bool) -> dict[str, _Force]:
    """Each force's figures, reconciled; refuse a force whose figures disagree.

    With *allow_inconsistent*, the figures that disagree are set aside and the
    rest are used.
    """
    by_force: dict[str, dict[str, _Entry]] = defaultdict(dict)
    for entry in _entries(items):
        found = by_force[entry.force].setdefault(entry.key, entry)
        if found != entry:
            raise IncompatibleFiguresError(
                f"two different figures of {entry.force} have the same id", [entry.claim.id]
            )
    collected = {}
    for force, entries in by_force.items():
        reconciliation = reconcile(entry.claim for entry in entries.values())
        if reconciliation.conflicts and not allow_inconsistent:
            blamed = {claim for conflict in reconciliation.conflicts for claim in conflict.claims}
            raise InconsistentInputError(force, sorted(blamed))
        intervals = {interval.quantity: interval for interval in reconciliation.intervals}
        collected[force] = _Force(entries, reconciliation, intervals)
    return collected


_NOTHING: Final = _Force({}, Reconciliation((), ()), {})

# -- computing ----------------------------------------------------------------


def _ratio(
    numerator: tuple[int, int],
    denominator: tuple[int, int] | None,
    scale: Fraction,
    offset: Fraction,
) -> tuple[Fraction, Fraction]:
    if denominator is None:
        return scale * numerator[0] + offset, scale * numerator[1] + offset
    return (
        scale * Fraction(numerator[0], denominator[1]) + offset,
        scale * Fraction(numerator[1], denominator[0]) + offset,
    )


def _add(bounds: Iterable[tuple[int, int]]) -> tuple[int, int]:
    pairs = list(bounds)
    return sum(low for low, _ in pairs), sum(high for _, high in pairs)


def _between(
    bounds: tuple[Fraction, Fraction], parts: Iterable[tuple[Fraction, Fraction]]
) -> tuple[Fraction, Fraction]:
    """Narrow a ratio of sums by its parts' ratios: it lies between the least and greatest."""
    ranges = list(parts)
    low = max(bounds[0], min(part[0] for part in ranges))
    high = min(bounds[1], max(part[1] for part in ranges))
    return (low, high) if low <= high else bounds


def _rules(names: Iterable[str] | None) -> tuple[Rule, ...]:
    if names is None:
        return rules()
    if isinstance(names, str):
        names = [names]
    return tuple(rule(name) for name in dict.fromkeys(names))


def _figure(  # noqa: PLR0913 - the parts of one group figure
    key: str,
    entries: dict[str, _Entry],
    collected: Mapping[str, _Force],
    *,
    area: str,
    members: tuple[str, ...],
    method: Method,
    active: tuple[Rule, ...],
) -> AggregateFigure | None:
    first = entries[min(entries)]
    signatures = {entry.signature for entry in entries.values()}
    if len(signatures) > 1:
        raise IncompatibleFiguresError(
            f"figures {key!r} of different forces differ in basis, measure or period",
            sorted(entry.claim.id for entry in entries.values()),
        )
    matching = tuple(r for r in active if r.matches(first.claim))
    excluded = {
        force
        for r in matching
        if r.action is Action.EXCLUDE
        for force in r.forces
        if force in members
    }
    contributing = tuple(sorted(f for f in entries if f in members and f not in excluded))
    if not contributing:
        return None
    formula = first.claim.formula
    numerator: tuple[int, int] | None = None
    denominator: tuple[int, int] | None = None
    combined: set[str] = set()
    if method is Method.RATIO_OF_SUMS:
        sums = [collected[f].sums(entries[f].claim) for f in contributing]
        numerator = _add(n for n, _ in sums)
        if formula.denominator is not None:
            denominator = _add(d for _, d in sums if d is not None)
        low, high = _ratio(numerator, denominator, formula.scale, formula.offset)
        if denominator is not None:
            low, high = _between(
                (low, high), [collected[f].value(entries[f].claim) for f in contributing]
            )
    else:
        values = []
        for force in contributing:
            pool = next(
                (
                    tuple(f for f in r.forces if key in collected.get(f, _NOTHING).entries)
                    for r in matching
                    if r.action is Action.COMBINE and force in r.forces
                ),
                (),
            )
            if len(pool) > 1:
                for partner in pool:
                    if collected[partner].entries[key].signature != first.signature:
                        raise IncompatibleFiguresError(
                            f"figures {key!r} of combined forces differ in basis, measure or period",
                            [collected[partner].entries[key].claim.id, first.claim.id],
                        )
                combined.update(pool)
                sums = [collected[f].sums(collected[f].entries[key].claim) for f in pool]
                pooled = _add(d for _, d in sums if d is not None) if formula.denominator else None
                values.append(
                    _ratio(_add(n for n, _ in sums), pooled, formula.scale, formula.offset)
                )
            else:
                values.append(collected[force].value(entries[force].claim))
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
            collected[force].bounded(collected[force].entries[key].claim)
            for force in (*contributing, *combined)
        ),
        signature=first.signature,
    )


def _aggregate(  # noqa: PLR0913 - the parts of one group
    collected: Mapping[str, _Force],
    *,
    area: str,
    name: str,
    kind: str,
    members: Iterable[str],
    method: Method,
    rule_names: Iterable[str] | None,
) -> Aggregate:
    if not isinstance(method, Method):
        raise InvalidValueError("aggregate", "method", method, "must be a Method")
    group = tuple(sorted(dict.fromkeys(members)))
    active = _rules(rule_names)
    by_key: dict[str, dict[str, _Entry]] = defaultdict(dict)
    for force in group:
        if force in collected:
            for key, entry in collected[force].entries.items():
                by_key[key][force] = entry
    figures = [
        _figure(
            key,
            by_key[key],
            collected,
            area=area,
            members=group,
            method=method,
            active=active,
        )
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
    return _aggregate(
        _collect(items, allow_inconsistent=allow_inconsistent),
        area=areas.ENGLAND_AND_WALES.id,
        name=areas.ENGLAND_AND_WALES.name,
        kind="national",
        members=(force.id for force in forces.all()),
        method=method,
        rule_names=rules,
    )


def _region_members(region: str) -> tuple[str, ...]:
    area = areas.get(region)
    if area.kind is not AreaKind.REGION:
        raise UnknownReferenceError(
            "region", region, (a.id for a in areas.all(kind=AreaKind.REGION))
        )
    return tuple(force.id for force in forces.all() if force.region == area)


def regional(
    items: Iterable[Item],
    region: str,
    *,
    method: Method = Method.RATIO_OF_SUMS,
    rules: Iterable[str] | None = None,
    allow_inconsistent: bool = False,
) -> Aggregate:
    """The figures of one region (an id such as ``south-east-region``) over its forces."""
    members = _region_members(region)
    return _aggregate(
        _collect(items, allow_inconsistent=allow_inconsistent),
        area=region,
        name=areas.get(region).name,
        kind="region",
        members=members,
        method=method,
        rule_names=rules,
    )


def by_region(
    items: Iterable[Item],
    *,
    method: Method = Method.RATIO_OF_SUMS,
    rules: Iterable[str] | None = None,
    allow_inconsistent: bool = False,
) -> tuple[Aggregate, ...]:
    """The figures of every region that has at least one force in *items*."""
    collected = _collect(items, allow_inconsistent=allow_inconsistent)
    regions = sorted({forces.get(force).region.id for force in collected})
    return tuple(
        _aggregate(
            collected,
            area=region,
            name=areas.get(region).name,
            kind="region",
            members=_region_members(region),
            method=method,
            rule_names=rules,
        )
        for region in regions
    )


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
    group = tuple(members)
    if isinstance(members, str) or not group:
        raise InvalidValueError("most_similar_group", "members", members, "must be force ids")
    if len(set(group)) != len(group):
        raise InvalidValueError("most_similar_group", "members", group, "must not repeat a force")
    ids = tuple(forces.get(force).id for force in group)
    return _aggregate(
        _collect(items, allow_inconsistent=allow_inconsistent),
        area=name,
        name="Most similar group" if name == MSG else name,
        kind="msg",
        members=ids,
        method=method,
        rule_names=rules,
    )


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
        group = _region_members(area)
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
        if len({piece.signature for piece in pieces}) > 1:
            raise IncompatibleFiguresError(
                f"figures {key!r} differ in basis, measure or period", [p.id for p in pieces]
            )
        first = min(pieces, key=lambda piece: piece.forces)
        numerator = _add(p.numerator for p in pieces if p.numerator is not None)
        denominator = (
            _add(p.denominator for p in pieces if p.denominator is not None)
            if first.denominator is not None
            else None
        )
        scale, offset = first.signature[3], first.signature[4]
        low, high = _ratio(numerator, denominator, scale, offset)
        if denominator is not None:
            low, high = _between((low, high), [(p.low, p.high) for p in pieces])
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
                combined=tuple(sorted({f for p in pieces for f in p.combined})),
                numerator=numerator,
                denominator=denominator,
                bounded=all(p.bounded for p in pieces),
            )
        )
    known = areas.all()
    name = next((a.name for a in known if a.id == area), area)
    kind = next((a.kind.value for a in known if a.id == area), "msg")
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
