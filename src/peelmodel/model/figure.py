"""Published figures: a value with its precision, what it measures, where and when."""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction

import attrs

from peelmodel._validators import (
    check_decimal,
    check_instance,
    check_slug,
    check_text,
    check_tuple,
    is_decimal,
    is_slug,
    is_text,
    refuse_non_text,
)
from peelmodel.errors import InvalidTypeError, InvalidValueError
from peelmodel.model.area import Area
from peelmodel.model.period import Period

__all__ = ["Basis", "Figure", "Qualifier"]


class Basis(enum.Enum):
    """What a published number is: a count, a share, a rate or a change.

    >>> Basis.PER_1000_HOUSEHOLDS.scale, Basis.PER_1000_HOUSEHOLDS.denominator
    (Fraction(1000, 1), 'households')
    """

    COUNT = "count"
    PERCENT = "percent"
    PER_1000_POPULATION = "per-1000-population"
    PER_1000_HOUSEHOLDS = "per-1000-households"
    PER_MILLION_POPULATION = "per-million-population"
    PERCENTAGE_CHANGE = "percentage-change"

    @classmethod
    def _missing_(cls, value: object) -> None:
        refuse_non_text(cls, value)

    @property
    def scale(self) -> Fraction:
        """The factor applied to numerator ÷ denominator."""
        return _SCALES[self]

    @property
    def denominator(self) -> str | None:
        """The measure a rate is per: ``population`` or ``households``, if fixed."""
        return _DENOMINATORS.get(self)


_SCALES = {
    Basis.COUNT: Fraction(1),
    Basis.PERCENT: Fraction(100),
    Basis.PER_1000_POPULATION: Fraction(1000),
    Basis.PER_1000_HOUSEHOLDS: Fraction(1000),
    Basis.PER_MILLION_POPULATION: Fraction(1_000_000),
    Basis.PERCENTAGE_CHANGE: Fraction(100),
}
_DENOMINATORS = {
    Basis.PER_1000_POPULATION: "population",
    Basis.PER_1000_HOUSEHOLDS: "households",
    Basis.PER_MILLION_POPULATION: "population",
}


#: The bases whose figures can be a part *of* another measure.
_PARTS = frozenset({Basis.COUNT, Basis.PERCENT})


def _precise(value: Decimal | None) -> tuple[Decimal, int | str] | None:
    """What a published value is compared by: the number and its precision (``2.0`` is not ``2``)."""
    return None if value is None else (value, value.as_tuple().exponent)


class Qualifier(enum.Enum):
    """How the text states a number: exactly, or as a bound ("more than 600")."""

    EXACTLY = "exactly"
    MORE_THAN = "more-than"

    @classmethod
    def _missing_(cls, value: object) -> None:
        refuse_non_text(cls, value)


@attrs.frozen(kw_only=True)
class Figure:
    """A number a report publishes, with its precision.

    ``published`` is the value as printed (``Decimal("62.5")`` has one place),
    or ``None`` when the report names the figure but its value was lost (a
    chart that was an image). A ``percent`` figure is a share *of* another
    measure; a ``count`` may name the measure it is part *of* ("9 of those
    21"), which the engines then hold it within; a ``percentage-change``
    figure compares with a *baseline* period. Two figures are equal only if
    their values have the same precision: ``2.0`` and ``2`` stand for
    different ranges. The id starts with the area's id and a dot
    (``hampshire.``), whatever areas the figure excludes.

    >>> from datetime import date
    >>> from peelmodel import areas
    >>> crime = Figure(
    ...     id="hampshire.recorded-crime.per-1000-population",
    ...     label="Recorded crime (excluding fraud)",
    ...     measure="recorded-crime",
    ...     area=areas.get("hampshire"),
    ...     period=Period.twelve_months_to(date(2015, 6, 30)),
    ...     basis=Basis.PER_1000_POPULATION,
    ...     published=Decimal("62.5"),
    ...     source="Figure 2",
    ... )
    >>> crime.places
    1
    """

    id: str
    label: str
    measure: str
    area: Area
    period: Period
    basis: Basis
    published: Decimal | None = attrs.field(eq=_precise)
    source: str
    of: str | None = None
    baseline: Period | None = None
    excluding: tuple[Area, ...] = ()
    qualifier: Qualifier = Qualifier.EXACTLY

    def __attrs_post_init__(self) -> None:
        if not self._plainly_valid():
            self._check()

    def _plainly_valid(self) -> bool:
        """A quick test, true only where :meth:`_check` passes (the test suite checks so)."""
        basis, published, of, baseline = self.basis, self.published, self.of, self.baseline
        return (
            is_slug(self.id, dotted=True)
            and is_text(self.label)
            and is_slug(self.measure, dotted=True)
            and is_text(self.source)
            and isinstance(self.area, Area)
            and self.id.startswith(f"{self.area.id}.")
            and type(self.period) is Period
            and type(basis) is Basis
            and type(self.qualifier) is Qualifier
            and (
                published is None
                or (
                    is_decimal(published, signed=basis is Basis.PERCENTAGE_CHANGE)
                    and (basis is not Basis.COUNT or self.places == 0)
                )
            )
            and (of is not None or basis is not Basis.PERCENT)
            and (of is None or basis in _PARTS)
            and (of is None or (is_slug(of, dotted=True) and of != self.measure))
            and (baseline is not None) == (basis is Basis.PERCENTAGE_CHANGE)
            and (baseline is None or (type(baseline) is Period and baseline.end < self.period.end))
            and self.excluding == ()
        )

    def _check(self) -> None:  # noqa: PLR0912 - one check per rule, in order
        """Check every rule in turn; raise :class:`InvalidValueError` at the first broken one."""
        check_slug("Figure", "id", self.id, dotted=True)
        check_text("Figure", "label", self.label)
        check_slug("Figure", "measure", self.measure, dotted=True)
        check_text("Figure", "source", self.source)
        if not isinstance(self.area, Area):
            raise InvalidTypeError("Figure", "area", self.area, "an Area")
        if not self.id.startswith(f"{self.area.id}."):
            raise InvalidValueError("Figure", "id", self.id, f"must start with '{self.area.id}.'")
        if not isinstance(self.period, Period):
            raise InvalidTypeError("Figure", "period", self.period, "a Period")
        if not isinstance(self.basis, Basis):
            raise InvalidTypeError("Figure", "basis", self.basis, "a Basis")
        if not isinstance(self.qualifier, Qualifier):
            raise InvalidTypeError("Figure", "qualifier", self.qualifier, "a Qualifier")
        change = self.basis is Basis.PERCENTAGE_CHANGE
        if self.of is not None:
            check_instance("Figure", "of", self.of, str)  # before the rules on its value
        if self.baseline is not None:
            check_instance("Figure", "baseline", self.baseline, Period)  # before its value's rules
        if self.published is not None:
            check_decimal("Figure", "published", self.published, signed=change)
            if self.basis is Basis.COUNT and self.places != 0:
                raise InvalidValueError(
                    "Figure", "published", self.published, "a count has no decimal places"
                )
        if self.of is None and self.basis is Basis.PERCENT:
            raise InvalidValueError("Figure", "of", self.of, "is required for a percent figure")
        if self.of is not None and self.basis not in _PARTS:
            raise InvalidValueError(
                "Figure", "of", self.of, "is only for a count or a percent figure"
            )
        if self.of is not None:
            check_slug("Figure", "of", self.of, dotted=True)
            if self.of == self.measure:
                raise InvalidValueError("Figure", "of", self.of, "must differ from the measure")
        if (self.baseline is not None) != change:
            raise InvalidValueError(
                "Figure",
                "baseline",
                self.baseline,
                "is required for, and only for, a percentage-change figure",
            )
        if self.baseline is not None:
            if not isinstance(self.baseline, Period):
                raise InvalidTypeError("Figure", "baseline", self.baseline, "a Period")
            if self.baseline.end >= self.period.end:
                raise InvalidValueError(
                    "Figure", "baseline", str(self.baseline), f"must end before {self.period}"
                )
        check_tuple("Figure", "excluding", self.excluding)
        for excluded in self.excluding:
            if not isinstance(excluded, Area) or excluded == self.area:
                raise InvalidValueError("Figure", "excluding", excluded, "must be other areas")

    @property
    def places(self) -> int | None:
        """The number of decimal places the value was published with."""
        if self.published is None:
            return None
        exponent = self.published.as_tuple().exponent
        return -exponent if isinstance(exponent, int) else None
