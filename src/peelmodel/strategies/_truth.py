"""The hidden truth behind a generated report, and the figures it publishes: both tables.

:data:`TRUTH` says how each hidden whole number is drawn (most as a drawn
proportion of another, so that the numbers of one area are plausible
together); :data:`PUBLICATIONS` lists every kind of figure a report can
publish from them. A :class:`World` draws a number only when a figure needs
it, and :func:`publish_figures` picks an area's figures with a bit mask as
wide as the table. A new kind of figure is one row of :data:`PUBLICATIONS`
(with a row of :data:`TRUTH` for a number not drawn yet, and a label for a
new measure): no count or mask is kept in step with the tables by hand.

>>> len(PUBLICATIONS), sum(not p.force_only for p in PUBLICATIONS)
(18, 16)
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs
from hypothesis import strategies as st

from peelmodel.arithmetic import percentage_change, publish, rate, share
from peelmodel.claims import STOCK_MEASURES, Quantity
from peelmodel.model.area import Area, AreaKind, Force
from peelmodel.model.figure import Basis, Figure, Qualifier
from peelmodel.model.period import Period
from peelmodel.strategies._arguments import ints
from peelmodel.strategies._measures import BASIS_WORDS, LABELS, SHARE_OF
from peelmodel.strategies._values import twelve_months_before

__all__ = [
    "PRECISIONS",
    "PUBLICATIONS",
    "TRUTH",
    "Drawn",
    "Publication",
    "Scaled",
    "World",
    "publish_figures",
]


@attrs.frozen
class Drawn:
    """A number drawn directly: one range for a force, one for England and Wales."""

    force: tuple[int, int]
    national: tuple[int, int]


@attrs.frozen
class Scaled:
    """``max(minimum, base × k ÷ 1000) ÷ divisor`` for a drawn *k* in [low, high]."""

    base: str
    role: str | None
    low: int
    high: int
    minimum: int = 0
    divisor: int = 1


#: How each hidden number is drawn, by measure and period role (``None`` for
#: the stock of population and households, which has no period).
TRUTH: dict[tuple[str, str | None], Drawn | Scaled] = {
    ("population", None): Drawn((7_000, 9_000_000), (50_000_000, 60_000_000)),
    ("households", None): Scaled("population", None, 380, 480, minimum=1),
    ("recorded-crime", "current"): Scaled("population", None, 30, 130, minimum=1),
    ("recorded-crime", "previous"): Scaled("recorded-crime", "current", 750, 1300, minimum=1),
    ("recorded-crime", "since"): Scaled("recorded-crime", "current", 750, 1500, minimum=1),
    ("victim-based-crime", "current"): Scaled("recorded-crime", "current", 780, 950),
    ("victim-based-crime", "since"): Scaled("recorded-crime", "since", 780, 950),
    ("sexual-offences", "current"): Scaled("recorded-crime", "current", 10, 50),
    ("assault-with-injury", "current"): Scaled("recorded-crime", "current", 50, 150),
    ("burglary-in-a-dwelling", "current"): Scaled("recorded-crime", "current", 20, 80),
    ("domestic-abuse", "current"): Scaled("recorded-crime", "current", 70, 150),
    ("asb-incidents", "current"): Scaled("population", None, 15, 60),
    ("asb-incidents", "previous"): Scaled("asb-incidents", "current", 800, 1300, minimum=1),
    ("ocgs", "as-at"): Scaled("population", None, 2, 12, minimum=1_000, divisor=1_000),
    ("ocgs-drug-activity", "as-at"): Scaled("ocgs", "as-at", 300, 900),
    ("victims-surveyed", "survey"): Drawn((400, 3_000), (40_000, 80_000)),
    ("victims-satisfied", "survey"): Scaled("victims-surveyed", "survey", 700, 950),
    ("local-policing-areas", "fieldwork"): Drawn((1, 30), (300, 1_000)),
    ("officers-trained-in-neighbourhood-excellence", "fieldwork"): Drawn(
        (2, 2_000), (1_000, 50_000)
    ),
}

#: The most decimal places of each table of a report; each table draws one precision.
PRECISIONS = {"rates": 2, "changes": 1, "shares": 2}

_CRIME = "How much crime and anti-social behaviour is there in {force}?"
_PREVENTION = (
    "How well is the force prioritising the prevention of crime and anti-social behaviour?"
)


@attrs.frozen(kw_only=True)
class Publication:
    """A kind of figure a report publishes: a measure on a basis, and where it is printed.

    *role* is the period of the figure, *baseline* that of the comparison of a
    percentage change (whose id ends in *suffix*, formatted with the baseline's
    year); *table* names the precision in :data:`PRECISIONS` (a count has
    none); a figure of *force_only* is never published for England and Wales.
    """

    measure: str
    basis: Basis
    role: str
    source: str
    table: str | None
    baseline: str | None = None
    suffix: str = ""
    qualifier: Qualifier = Qualifier.EXACTLY
    force_only: bool = False


def _rate(measure: str, basis: Basis) -> Publication:
    return Publication(
        measure=measure, basis=basis, role="current", source="Figure 2", table="rates"
    )


def _change(measure: str, baseline: str, suffix: str) -> Publication:
    return Publication(
        measure=measure,
        basis=Basis.PERCENTAGE_CHANGE,
        role="current",
        baseline=baseline,
        suffix=suffix,
        source=_CRIME,
        table="changes",
    )


def _share(measure: str, role: str) -> Publication:
    return Publication(
        measure=measure, basis=Basis.PERCENT, role=role, source="Force in numbers", table="shares"
    )


def _count(
    measure: str,
    role: str,
    source: str,
    *,
    qualifier: Qualifier = Qualifier.EXACTLY,
    force_only: bool = False,
) -> Publication:
    return Publication(
        measure=measure,
        basis=Basis.COUNT,
        role=role,
        source=source,
        table=None,
        qualifier=qualifier,
        force_only=force_only,
    )


#: Every kind of figure a generated report can publish for an area.
PUBLICATIONS: tuple[Publication, ...] = (
    _rate("recorded-crime", Basis.PER_1000_POPULATION),
    _rate("victim-based-crime", Basis.PER_1000_POPULATION),
    _rate("sexual-offences", Basis.PER_1000_POPULATION),
    _rate("assault-with-injury", Basis.PER_1000_POPULATION),
    _rate("burglary-in-a-dwelling", Basis.PER_1000_HOUSEHOLDS),
    _rate("asb-incidents", Basis.PER_1000_POPULATION),
    _change("recorded-crime", "previous", ".on-previous-year"),
    _change("recorded-crime", "since", ".since-{year}"),
    _change("victim-based-crime", "since", ".since-{year}"),
    _change("asb-incidents", "previous", ".on-previous-year"),
    Publication(
        measure="ocgs",
        basis=Basis.PER_MILLION_POPULATION,
        role="as-at",
        source="How effective is the force at tackling serious and organised crime?",
        table="rates",
    ),
    _share("ocgs-drug-activity", "as-at"),
    _share("domestic-abuse", "current"),
    _share("victims-satisfied", "survey"),
    _count("recorded-crime", "current", _CRIME),
    _count("asb-incidents", "current", _CRIME),
    _count("local-policing-areas", "fieldwork", _PREVENTION, force_only=True),
    _count(
        "officers-trained-in-neighbourhood-excellence",
        "fieldwork",
        _PREVENTION,
        qualifier=Qualifier.MORE_THAN,
        force_only=True,
    ),
)


class World:
    """The hidden true numbers of one inspection and the figures published from them."""

    def __init__(self, draw: st.DrawFn, force: Force, end: date) -> None:
        self.draw = draw
        self.force = force
        #: The period of each role a number or a figure can have.
        self.periods = {
            "current": Period.twelve_months_to(end),
            "previous": twelve_months_before(end, 1),
            "since": twelve_months_before(end, 5),
            "as-at": Period.as_at(end),
            "survey": Period.twelve_months_to(date(end.year, 3, 31)),
            "fieldwork": Period(start=date(end.year, 9, 1), end=date(end.year, 11, 30)),
        }
        self.roles = {period: role for role, period in self.periods.items()}
        self.truth: dict[Quantity, int] = {}
        self.figures: list[Figure] = []

    def set(self, area: Area, measure: str, period: Period | None, value: int) -> int:
        """Fix a true value that :data:`TRUTH` does not draw (an outcome count)."""
        key = None if measure in STOCK_MEASURES else period
        self.truth[Quantity(area=area, measure=measure, period=key)] = value
        return value

    def get(self, area: Area, measure: str, period: Period | None = None) -> int:
        """The true value, drawn as :data:`TRUTH` says the first time it is asked for."""
        key = None if measure in STOCK_MEASURES else period
        quantity = Quantity(area=area, measure=measure, period=key)
        found = self.truth.get(quantity)
        if found is None:
            found = self.truth[quantity] = self._draw_value(area, measure, key)
        return found

    def _draw_value(self, area: Area, measure: str, period: Period | None) -> int:
        spec = TRUTH[measure, None if period is None else self.roles[period]]
        if isinstance(spec, Drawn):
            national = area.kind is AreaKind.NATIONAL
            return self.draw(ints(*(spec.national if national else spec.force)))
        base_period = None if spec.role is None else self.periods[spec.role]
        base = self.get(area, spec.base, base_period)
        scaled = base * self.draw(ints(spec.low, spec.high)) // 1000
        return max(spec.minimum, scaled) // spec.divisor

    def publish(self, area: Area, publication: Publication, places: dict[str, int]) -> None:
        """Publish one figure of *area* from the truth, rounded to its table's *places*."""
        measure, basis = publication.measure, publication.basis
        period = self.periods[publication.role]
        baseline = None if publication.baseline is None else self.periods[publication.baseline]
        value = self.get(area, measure, period)
        exact: Fraction | int
        if baseline is not None:
            exact = percentage_change(value, self.get(area, measure, baseline))
        elif basis is Basis.PERCENT:
            exact = share(value, self.get(area, SHARE_OF[measure], period))
        elif basis.denominator is not None:
            exact = rate(value, self.get(area, basis.denominator), per=int(basis.scale))
        elif publication.qualifier is Qualifier.MORE_THAN:
            exact = (value - 1) // 100 * 100 if value > 100 else value - 1
        else:
            exact = value
        label = LABELS[measure]
        if baseline is not None:
            label += f", change since the {baseline}"
        elif basis is not Basis.COUNT:
            label += f", {BASIS_WORDS[basis]}"
        digits = 0 if publication.table is None else places[publication.table]
        suffix = publication.suffix.format(year="" if baseline is None else baseline.end.year)
        self.figures.append(
            Figure(
                id=f"{area.id}.{measure}.{basis.value}{suffix}",
                label=label,
                measure=measure,
                area=area,
                period=period,
                basis=basis,
                published=publish(exact, digits),
                source=publication.source.format(force=self.force.name),
                of=SHARE_OF[measure] if basis is Basis.PERCENT else None,
                baseline=baseline,
                qualifier=publication.qualifier,
            )
        )


def publish_figures(world: World, area: Area, places: dict[str, int]) -> None:
    """Publish a drawn selection of the figures :data:`PUBLICATIONS` allows for *area*.

    The bits of one drawn integer choose them, so a selection shrinks to no figures.
    """
    national = area.kind is AreaKind.NATIONAL
    allowed = [p for p in PUBLICATIONS if not (national and p.force_only)]
    chosen = world.draw(ints(0, 2 ** len(allowed) - 1))
    for bit, publication in enumerate(allowed):
        if chosen >> bit & 1:
            world.publish(area, publication, places)
