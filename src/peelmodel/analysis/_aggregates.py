"""What aggregation gives: the figures of a group of forces, and what they are made of."""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction

import attrs

from peelmodel import _html
from peelmodel.arithmetic import round_half_up
from peelmodel.claims import Claim, Quantity
from peelmodel.errors import UnknownReferenceError
from peelmodel.model.area import Area
from peelmodel.model.figure import Basis
from peelmodel.model.period import Period

__all__ = ["Aggregate", "AggregateFigure", "AggregateKind", "Method", "Shape", "Term"]


class Method(enum.Enum):
    """How a group's figure is computed from its forces' figures."""

    #: Σ numerators ÷ Σ denominators (a plain sum for counts): national and regional figures.
    RATIO_OF_SUMS = "ratio-of-sums"
    #: The unweighted mean of the forces' values: an MSG average.
    MEAN = "mean"


class AggregateKind(enum.Enum):
    """What group of forces an aggregate is."""

    #: England and Wales: the 43 forces.
    NATIONAL = "national"
    #: One region's forces.
    REGION = "region"
    #: A most similar group, or any other group of forces.
    MOST_SIMILAR_GROUP = "msg"


@attrs.frozen(kw_only=True)
class Term:
    """A quantity apart from its area: what the same figure of every force reads."""

    measure: str
    period: Period | None
    excluding: tuple[Area, ...]

    @classmethod
    def of(cls, quantity: Quantity) -> Term:
        """The term of *quantity*."""
        return cls(measure=quantity.measure, period=quantity.period, excluding=quantity.excluding)


@attrs.frozen(kw_only=True)
class Shape:
    """A figure apart from its area: figures of different forces aggregate only if their shapes agree.

    >>> from peelmodel import datasets
    >>> from peelmodel.claims import claims_of
    >>> shape = Shape.of(claims_of(datasets.load("hampshire-2015"))["hampshire.ocgs.count"])
    >>> shape.basis, [term.measure for term in shape.numerator], shape.denominator
    (<Basis.COUNT: 'count'>, ['ocgs'], None)
    """

    basis: Basis
    numerator: tuple[Term, ...]
    denominator: Term | None
    scale: Fraction
    offset: Fraction

    @classmethod
    def of(cls, claim: Claim) -> Shape:
        """The shape of *claim*'s figure."""
        formula = claim.formula
        denominator = formula.denominator
        return cls(
            basis=claim.basis,
            numerator=tuple(Term.of(quantity) for quantity in formula.numerator),
            denominator=None if denominator is None else Term.of(denominator),
            scale=formula.scale,
            offset=formula.offset,
        )


@attrs.frozen(kw_only=True)
class AggregateFigure:
    """One figure of a group of forces: an exact value or an exact interval.

    ``area`` is the group's id and ``key`` the figure's id within it.
    ``low`` and ``high`` bound the true value (equal when it is exact).
    ``forces`` contributed; ``missing`` are members without the figure;
    ``excluded`` are members a rule left out; ``combined`` are forces a
    combination rule pooled. ``numerator`` and ``denominator`` are the bounds
    of the sums behind a ratio of sums, which
    :func:`~peelmodel.analysis.aggregation.merge` adds up. ``bounded`` is
    false when ``high`` rests on the engine's ceiling for unknown counts rather
    than on published figures. ``shape`` is what the forces' figures share.
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
    shape: Shape = attrs.field(repr=False)

    @property
    def exact(self) -> bool:
        """Whether the value is known exactly."""
        return self.low == self.high

    @property
    def value(self) -> Fraction | None:
        """The exact value, or ``None`` for an interval."""
        return self.low if self.exact else None

    def rounded(self, digits: int) -> Decimal | None:
        """The value rounded half up to *digits* places, if the interval decides it."""
        low, high = round_half_up(self.low, digits), round_half_up(self.high, digits)
        return low if low == high else None

    def __repr__(self) -> str:
        high = _html.number(self.high) if self.bounded else "no bound"
        value = f"{_html.number(self.low)} to {high}" if not self.exact else _html.number(self.low)
        return f"<AggregateFigure {self.id}: {value} ({self.method.value}, {len(self.forces)} of the forces)>"

    def _repr_html_(self) -> str:
        """The figure and its value or range, for notebooks."""
        return _html.table(_FIGURE_HEADERS, [_figure_row(self)])


@attrs.frozen(kw_only=True)
class Aggregate:
    """The figures of one group of forces: England and Wales, a region or an MSG.

    ``area`` is the group's id: an area id, or the name of a most similar
    group. ``members`` are the forces of the group; ``missing`` are members
    absent from the input, listed rather than silently dropped.
    """

    area: str
    name: str
    kind: AggregateKind
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

    def __repr__(self) -> str:
        missing = f", {len(self.missing)} missing" if self.missing else ""
        return (
            f"<Aggregate {self.area} ({self.kind.value}, {self.method.value}): "
            f"{len(self.figures)} figures, {len(self.members)} members{missing}>"
        )

    def _repr_html_(self) -> str:
        """Every figure of the group, for notebooks."""
        figures = _html.table(
            _FIGURE_HEADERS,
            [_figure_row(figure) for figure in self.figures],
            caption="Figures (low and high: whole or to three places; no high: unbounded)",
        )
        missing = _html.table(("missing members",), [(", ".join(self.missing),)])
        return _html.block(f"{self.name}: {repr(self)[1:-1]}", figures, missing)


_FIGURE_HEADERS = ("id", "label", "period", "method", "low", "high", "forces", "missing")


def _figure_row(figure: AggregateFigure) -> tuple[object, ...]:
    """An aggregate figure as a row of a notebook table."""
    return (
        figure.id,
        figure.label,
        figure.period,
        figure.method.value,
        _html.number(figure.low),
        _html.number(figure.high) if figure.bounded else None,
        len(figure.forces),
        ", ".join(figure.missing),
    )
