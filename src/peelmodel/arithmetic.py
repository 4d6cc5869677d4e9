"""Exact arithmetic of published figures: rates, shares, changes, rounding and bands.

Everything is computed exactly (``Fraction``) and rounded half up to the
published precision only at the end, as a report's spreadsheet would:

>>> publish(rate(17_420, 121_200, per=100), 1)
Decimal('14.4')
>>> publish(percentage_change(56_337, 60_580), 0)
Decimal('-7')

HMIC does not publish its rounding rule. peelmodel assumes round-half-up
(halves away from zero, as spreadsheets round), and the test suite checks the
assumption against every figure of the reports it ships.

>>> from fractions import Fraction
>>> round_half_up(Fraction(1445, 100), 1), round_half_up(Fraction(-145, 10), 0)
(Decimal('14.5'), Decimal('-15'))
>>> band(Decimal("14.4"))
Band(low=Fraction(287, 20), high=Fraction(289, 20), low_open=False, high_open=True)
>>> Fraction(1443, 100) in band(Decimal("14.4")), Fraction(1445, 100) in band(Decimal("14.4"))
(True, False)
"""

from __future__ import annotations

import functools
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal
from fractions import Fraction

import attrs

from peelmodel._typecheck import MAX_DIGITS, checked
from peelmodel.errors import InvalidTypeError, InvalidValueError

__all__ = [
    "Band",
    "band",
    "percentage_change",
    "places",
    "publish",
    "rate",
    "round_half_up",
    "share",
]


#: A context that never rounds: the default one keeps 28 digits.
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


@checked
def places(value: Decimal) -> int:
    """The number of decimal places *value* is written with."""
    return unchecked_places(value)


def unchecked_places(value: Decimal) -> int:
    """:func:`places` without checking its argument, for the engines' inner loops."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@checked
def round_half_up(value: Fraction | int, digits: int) -> Decimal:
    """Round an exact *value* to *digits* places, halves away from zero.

    *digits* may be negative (to tens, hundreds...), up to ``MAX_DIGITS`` (10,000) either way.
    """
    if abs(digits) > MAX_DIGITS:
        raise InvalidValueError(
            "peelmodel.arithmetic.round_half_up",
            "digits",
            digits,
            f"must be within ±{MAX_DIGITS:,}",
        )
    return unchecked_round_half_up(value, digits)


def unchecked_affine_range(
    scale: Fraction, offset: Fraction, least: tuple[int, int], most: tuple[int, int]
) -> tuple[Fraction, Fraction]:
    """``scale × sum ÷ divisor + offset`` at the *least* and *most* ``(sum, divisor)``, in order.

    Each end made as one fraction of whole numbers, for the engines' inner loops.

    >>> unchecked_affine_range(Fraction(-100), Fraction(100), (3, 4), (5, 4))
    (Fraction(-25, 1), Fraction(25, 1))
    """
    sp, sq, op, oq = scale.numerator, scale.denominator, offset.numerator, offset.denominator
    (low_sum, low_of), (high_sum, high_of) = least, most
    low = Fraction(sp * low_sum * oq + op * sq * low_of, sq * oq * low_of)
    high = Fraction(sp * high_sum * oq + op * sq * high_of, sq * oq * high_of)
    return (low, high) if low <= high else (high, low)


def unchecked_round_half_up(value: Fraction | int, digits: int) -> Decimal:
    """:func:`round_half_up` without checking its arguments, for the engines' inner loops."""
    return unchecked_decimal(unchecked_steps(value, digits), digits)


def unchecked_steps(value: Fraction | int, digits: int) -> int:
    """*value* rounded half up to *digits* places, counted in units of the last place.

    In whole numbers: ``n ÷ q`` units is ``⌊(2|n| + q) ÷ 2q⌋`` away from 0.

    >>> unchecked_steps(Fraction(-5, 4), 1), unchecked_steps(Fraction(5, 4), 1)
    (-13, 13)
    """
    numerator, denominator = value.numerator, value.denominator
    # Whole powers of ten only: 10**digits is a float when digits < 0.
    if digits >= 0:
        numerator *= 10**digits
    else:
        denominator *= 10**-digits
    magnitude = (2 * abs(numerator) + denominator) // (2 * denominator)
    return -magnitude if numerator < 0 else magnitude


def unchecked_decimal(steps: int, digits: int) -> Decimal:
    """*steps* units of the last of *digits* places, exactly.

    >>> unchecked_decimal(-13, 1), unchecked_decimal(7, -2)
    (Decimal('-1.3'), Decimal('7E+2'))
    """
    return Decimal(steps).scaleb(-digits, _EXACT)


@attrs.frozen
class Band:
    """An interval of exact values; ``None`` as a bound means unbounded."""

    low: Fraction | None
    high: Fraction | None
    low_open: bool = False
    high_open: bool = False

    def __attrs_post_init__(self) -> None:
        for field in ("low", "high"):
            value = getattr(self, field)
            if value is not None and not isinstance(value, Fraction):
                raise InvalidTypeError("Band", field, value, "a Fraction or None")
        for field in ("low_open", "high_open"):
            if type(getattr(self, field)) is not bool:
                raise InvalidTypeError("Band", field, getattr(self, field), "a bool")

    def __contains__(self, value: Fraction | int) -> bool:
        if self.low is not None and (value < self.low or (self.low_open and value == self.low)):
            return False
        return not (
            self.high is not None and (value > self.high or (self.high_open and value == self.high))
        )

    def __str__(self) -> str:
        low = "-inf" if self.low is None else str(self.low)
        high = "inf" if self.high is None else str(self.high)
        return f"{'(' if self.low_open else '['}{low}, {high}{')' if self.high_open else ']'}"


@checked
def band(published: Decimal, *, more_than: bool = False) -> Band:
    """The exact values that round half up to *published* (or exceed it, *more_than*)."""
    return unchecked_band(published, more_than)


def unchecked_band(published: Decimal, more_than: bool = False) -> Band:  # noqa: FBT001, FBT002 - the engines' hot path
    """:func:`band` without checking its arguments, for the engines' inner loops."""
    # Decimal("1.0") == Decimal("1.00"): the places are part of the key.
    return _band(published, unchecked_places(published), more_than)


@functools.lru_cache(maxsize=4096)
def _band(published: Decimal, digits: int, more_than: bool) -> Band:  # noqa: FBT001 - cached by position
    value = Fraction(published)
    if more_than:
        return Band(value, None, low_open=True)
    half = Fraction(1, 2 * 10**digits)
    if value > 0:
        return Band(value - half, value + half, low_open=False, high_open=True)
    if value < 0:
        return Band(value - half, value + half, low_open=True, high_open=False)
    return Band(-half, half, low_open=True, high_open=True)


@checked
def rate(count: int | Fraction, denominator: int | Fraction, *, per: int) -> Fraction:
    """``count`` per ``per`` of ``denominator``: per=100 for outcome rates, 1,000 for crime rates."""
    return Fraction(count) * per / Fraction(denominator)


@checked
def share(part: int | Fraction, whole: int | Fraction) -> Fraction:
    """*part* as a percentage of *whole*."""
    return rate(part, whole, per=100)


@checked
def percentage_change(current: int | Fraction, baseline: int | Fraction) -> Fraction:
    """The change from *baseline* to *current*, in percent."""
    return Fraction(current) * 100 / Fraction(baseline) - 100


@checked
def publish(value: Fraction | int, digits: int) -> Decimal:
    """Round an exact value half up to *digits* places, as published."""
    return round_half_up(value, digits)
