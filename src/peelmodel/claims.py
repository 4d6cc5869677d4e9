"""What a report claims: each published number and the formula it must equal.

Every figure of an :class:`~peelmodel.Inspection` becomes a :class:`Claim`:
*published* equals *formula*, evaluated over :class:`Quantity` values and
rounded half up to the published precision. Quantities are the numbers behind
the figures, most of which a report never prints: offences recorded, the
population, a count behind a share. Figures that share a quantity share it by
construction: one population per area behind every rate per 1,000 population
and per million, one recorded-crime total per area and period behind the
crime rate and every outcome rate.

A claim carries what its figure is (area, measure, basis, period), so the
engines never read it back out of an id.

>>> from peelmodel import datasets
>>> claim = claims_of(datasets.load("hampshire-2015"))["hampshire.outcomes.type-1.rate"]
>>> str(claim.formula)
'100 × hampshire.outcomes.type-1.12m-to-2015-06-30 ÷ hampshire.recorded-crime.12m-to-2015-06-30'
>>> claim.area.id, claim.measure, claim.basis, claim.places
('hampshire', 'outcomes.type-1', <Basis.PERCENT: 'percent'>, 1)
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from peelmodel._typecheck import checked
from peelmodel._validators import (
    check_instance,
    check_slug,
    check_text,
    check_tuple,
    is_slug,
    is_text,
)
from peelmodel.arithmetic import Band, places, unchecked_band
from peelmodel.catalogues import outcomes
from peelmodel.errors import InvalidTypeError, InvalidValueError
from peelmodel.model.area import Area
from peelmodel.model.figure import Basis, Figure, Qualifier
from peelmodel.model.inspection import Inspection
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate
from peelmodel.model.period import Period

__all__ = [
    "STOCK_MEASURES",
    "Claim",
    "Formula",
    "Quantity",
    "claims_of",
    "figure_claim",
    "outcome_claims",
]

#: Measures that are stocks of an area rather than counts over a period: one
#: value per area stands behind every rate per 1,000 or per million.
STOCK_MEASURES = frozenset({"population", "households"})


def _area_ids(excluded: tuple[Area, ...]) -> tuple[str, ...]:
    return tuple(area.id for area in excluded)


@attrs.frozen(kw_only=True, order=True, cache_hash=True)
class Quantity:
    """A whole number behind published figures: a count of something in an area and period.

    A quantity's area is known by its id: quantities compare, hash and order
    by area id, measure, period and excluded areas.

    >>> from peelmodel import areas
    >>> Quantity(area=areas.get("hampshire"), measure="population").id
    'hampshire.population'
    >>> Quantity(area=areas.get("hampshire"), measure=7)
    Traceback (most recent call last):
    ...
    peelmodel.errors.InvalidTypeError: Quantity.measure: must be a string (found 7); int given
    """

    area: Area = attrs.field(eq=operator.attrgetter("id"))
    measure: str
    period: Period | None = None
    excluding: tuple[Area, ...] = attrs.field(default=(), order=_area_ids)
    _id: str | None = attrs.field(default=None, init=False, eq=False, order=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not (
            isinstance(self.area, Area)
            and is_slug(self.measure, dotted=True)
            and (self.period is None or type(self.period) is Period)
            and self.excluding == ()
        ):
            self._check()

    def _check(self) -> None:
        check_instance("Quantity", "area", self.area, Area)
        check_slug("Quantity", "measure", self.measure, dotted=True)
        if self.period is not None:
            check_instance("Quantity", "period", self.period, Period)
        check_tuple("Quantity", "excluding", self.excluding)
        for excluded in self.excluding:
            if not isinstance(excluded, Area) or excluded == self.area:
                raise InvalidValueError("Quantity", "excluding", excluded, "must be other areas")

    @property
    def id(self) -> str:
        """A stable dotted name: ``area.measure[.period][.excluding-areas]``."""
        if self._id is None:  # made on first use: the engines read it often
            parts = [self.area.id, self.measure]
            if self.period is not None:
                parts.append(self.period.slug)
            if self.excluding:
                parts.append("excluding-" + "-and-".join(_area_ids(self.excluding)))
            object.__setattr__(self, "_id", ".".join(parts))  # frozen: set once, in place
        return str(self._id)

    def __str__(self) -> str:
        return self.id


@attrs.frozen(kw_only=True, cache_hash=True)
class Formula:
    """``scale × (sum of numerator) ÷ denominator + offset``, over quantities.

    Counts, shares, rates and percentage changes all take this one form, which
    is what lets one engine derive, reconcile and aggregate them. An empty
    numerator sums to 0 (an outcome group none of whose types was in use).

    >>> from peelmodel import areas
    >>> crime = Quantity(area=areas.get("hampshire"), measure="recorded-crime")
    >>> people = Quantity(area=areas.get("hampshire"), measure="population")
    >>> rate = Formula(numerator=(crime,), denominator=people, scale=Fraction(1000))
    >>> rate.evaluate({crime: 121_000, people: 1_936_000})
    Fraction(125, 2)
    """

    numerator: tuple[Quantity, ...]
    denominator: Quantity | None = None
    scale: Fraction = Fraction(1)
    offset: Fraction = Fraction(0)

    def __attrs_post_init__(self) -> None:
        if not (
            type(self.numerator) is tuple
            and (self.denominator is None or type(self.denominator) is Quantity)
            and type(self.scale) is Fraction
            and type(self.offset) is Fraction
        ):
            self._check()
            return
        for quantity in self.numerator:
            if type(quantity) is not Quantity:
                self._check()
                return

    def _check(self) -> None:
        check_tuple("Formula", "numerator", self.numerator)
        for quantity in self.numerator:
            check_instance("Formula", "numerator", quantity, Quantity)
        if self.denominator is not None:
            check_instance("Formula", "denominator", self.denominator, Quantity)
        check_instance("Formula", "scale", self.scale, Fraction)
        check_instance("Formula", "offset", self.offset, Fraction)

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        """Every quantity the formula reads, numerator first."""
        return (*self.numerator, self.denominator) if self.denominator else self.numerator

    @property
    def is_identity(self) -> bool:
        """Whether the formula is one quantity itself: the claim *defines* that quantity."""
        return (
            len(self.numerator) == 1
            and self.denominator is None
            and self.scale == 1
            and self.offset == 0
        )

    def evaluate(self, values: Mapping[Quantity, Fraction | int]) -> Fraction:
        """The exact value for the given quantity values."""
        total = Fraction(sum(values[q] for q in self.numerator))
        if self.denominator is not None:
            total /= values[self.denominator]
        return self.scale * total + self.offset

    def __str__(self) -> str:
        text = " + ".join(q.id for q in self.numerator)
        if len(self.numerator) > 1 and (self.denominator or self.scale != 1):
            text = f"({text})"
        if self.scale != 1:
            text = f"{self.scale} × {text}"
        if self.denominator is not None:
            text = f"{text} ÷ {self.denominator.id}"
        if self.offset:
            text = f"{text} {'-' if self.offset < 0 else '+'} {abs(self.offset)}"
        return text


@attrs.frozen(kw_only=True)
class Claim:
    """A published number and the formula whose rounded value it must be.

    *area*, *measure*, *basis* and *period* say what the figure is;
    ``published`` is ``None`` for a figure the report names but whose value
    was lost. ``part_of`` is the quantity the claim's subject is a part of,
    where the figure says so (a share *of* a count, "9 of those 21").

    >>> from peelmodel import areas
    >>> hampshire = areas.get("hampshire")
    >>> ocgs = Formula(numerator=(Quantity(area=hampshire, measure="ocgs"),))
    >>> Claim(
    ...     id="hampshire.ocgs.count", label="OCGs", area=hampshire, measure="ocgs",
    ...     basis=Basis.COUNT, period=Period.parse("2015-06-30"), source="Figure 6",
    ...     published=14.4, formula=ocgs)
    Traceback (most recent call last):
    ...
    peelmodel.errors.InvalidTypeError: Claim.published: must be a Decimal (found 14.4); float given
    """

    id: str
    label: str
    area: Area
    measure: str
    basis: Basis
    period: Period
    source: str
    published: Decimal | None
    formula: Formula
    qualifier: Qualifier = Qualifier.EXACTLY
    part_of: Quantity | None = None

    def __attrs_post_init__(self) -> None:
        published = self.published
        if not (
            is_slug(self.id, dotted=True)
            and is_text(self.label)
            and isinstance(self.area, Area)
            and is_slug(self.measure, dotted=True)
            and type(self.basis) is Basis
            and type(self.period) is Period
            and is_text(self.source)
            and (published is None or (type(published) is Decimal and published.is_finite()))
            and type(self.formula) is Formula
            and type(self.qualifier) is Qualifier
            and (self.part_of is None or type(self.part_of) is Quantity)
        ):
            self._check()

    def _check(self) -> None:
        check_slug("Claim", "id", self.id, dotted=True)
        check_text("Claim", "label", self.label)
        check_instance("Claim", "area", self.area, Area)
        check_slug("Claim", "measure", self.measure, dotted=True)
        check_instance("Claim", "basis", self.basis, Basis)
        check_instance("Claim", "period", self.period, Period)
        check_text("Claim", "source", self.source)
        if self.published is not None:
            if not isinstance(self.published, Decimal):
                raise InvalidTypeError("Claim", "published", self.published, "a Decimal")
            if not self.published.is_finite():
                raise InvalidValueError("Claim", "published", self.published, "must be finite")
        check_instance("Claim", "formula", self.formula, Formula)
        check_instance("Claim", "qualifier", self.qualifier, Qualifier)
        if self.part_of is not None:
            check_instance("Claim", "part_of", self.part_of, Quantity)

    @property
    def key(self) -> str:
        """The id within the claim's area, which the same figure of every area shares.

        >>> from peelmodel import datasets
        >>> claims_of(datasets.load("hampshire-2015"))["hampshire.ocgs.count"].key
        'ocgs.count'
        """
        return self.id.removeprefix(f"{self.area.id}.")

    @property
    def places(self) -> int | None:
        """The number of decimal places the value was published with."""
        return None if self.published is None else places(self.published)

    @property
    def band(self) -> Band | None:
        """The exact values the published number stands for."""
        if self.published is None:
            return None
        return unchecked_band(self.published, self.qualifier is Qualifier.MORE_THAN)


@checked
def figure_claim(figure: Figure) -> Claim:
    """The claim of one :class:`~peelmodel.Figure`."""

    def quantity(measure: str, period: Period | None = figure.period) -> Quantity:
        return Quantity(
            area=figure.area,
            measure=measure,
            period=None if measure in STOCK_MEASURES else period,
            excluding=figure.excluding,
        )

    subject = quantity(figure.measure)
    basis = figure.basis
    part_of = None if figure.of is None else quantity(figure.of)
    if basis is Basis.COUNT:
        formula = Formula(numerator=(subject,))
    elif basis is Basis.PERCENT:
        formula = Formula(numerator=(subject,), denominator=part_of, scale=basis.scale)
    elif basis is Basis.PERCENTAGE_CHANGE:
        baseline = quantity(figure.measure, figure.baseline)
        formula = Formula(
            numerator=(subject,), denominator=baseline, scale=basis.scale, offset=-basis.scale
        )
    else:
        assert basis.denominator is not None  # noqa: S101 - every other basis is a rate
        formula = Formula(
            numerator=(subject,), denominator=quantity(basis.denominator), scale=basis.scale
        )
    return Claim(
        id=figure.id,
        label=figure.label,
        area=figure.area,
        measure=figure.measure,
        basis=basis,
        period=figure.period,
        source=figure.source,
        published=figure.published,
        formula=formula,
        qualifier=figure.qualifier,
        part_of=part_of,
    )


@checked
def outcome_claims(row: OutcomeRate, *, reference: Period | None = None) -> tuple[Claim, ...]:
    """The claims of one outcome row: its count, its rate, and its offences when given.

    A group's count is the sum of its member types in use during the period.
    Ids start with the row's id for the *reference* period of its report
    (:meth:`~peelmodel.OutcomeRate.id_in`).
    """
    area, period = row.area, row.period
    if isinstance(row.outcome, OutcomeGroup):
        members = tuple(
            Quantity(area=area, measure=f"outcomes.type-{n}", period=period)
            for n in row.outcome.members
            if outcomes.type(n).exists_during(period)
        )
    else:
        members = (Quantity(area=area, measure=f"outcomes.{row.outcome_id}", period=period),)
    offences = Quantity(area=area, measure="recorded-crime", period=period)
    measure, source = f"outcomes.{row.outcome_id}", row.source or "Outcome rates"
    row_id = row.id_in(reference)

    def claim(part: str, label: str, basis: Basis, published: Decimal, formula: Formula) -> Claim:
        return Claim(
            id=f"{row_id}.{part}",
            label=f"{row.outcome.name}: {label}",
            area=area,
            measure=offences.measure if part == "offences" else measure,
            basis=basis,
            period=period,
            source=source,
            published=published,
            formula=formula,
        )

    found: list[Claim] = []
    if row.count is not None:
        count = Formula(numerator=members)
        found.append(claim("count", "number", Basis.COUNT, Decimal(row.count), count))
    if row.rate is not None:
        rate = Formula(numerator=members, denominator=offences, scale=Fraction(100))
        found.append(claim("rate", "rate per 100 offences", Basis.PERCENT, row.rate, rate))
    if row.offences is not None:
        recorded, total = Formula(numerator=(offences,)), Decimal(row.offences)
        found.append(claim("offences", "offences recorded", Basis.COUNT, total, recorded))
    return tuple(found)


@checked
def claims_of(inspection: Inspection) -> dict[str, Claim]:
    """Every claim of an inspection by id: its figures in order, then its outcome rows.

    No claim hides another: an :class:`~peelmodel.Inspection` refuses an id
    given twice, a row's or a figure's (:class:`~peelmodel.errors.DuplicateIdError`).
    """
    reference = inspection.reference_period
    listed = [figure_claim(figure) for figure in inspection.figures]
    for row in inspection.outcome_rates:
        listed += outcome_claims(row, reference=reference)
    found = {claim.id: claim for claim in listed}
    assert len(found) == len(listed)  # noqa: S101 - an Inspection refuses an id given twice
    return found
