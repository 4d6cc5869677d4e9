"""How numbers are written: exactly in documents, grouped and rounded in tables.

>>> from fractions import Fraction
>>> exact(Fraction(125, 2)), exact(Fraction(1, 3)), exact(Fraction(17420))
('62.5', '1/3', '17420')
>>> display(Fraction(17420)), display(Fraction(1, 3)), display(Decimal("1234.5"))
('17,420', '0.333', '1,234.5')
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from peelmodel._typecheck import checked
from peelmodel.arithmetic import round_half_up

__all__ = ["DISPLAY_PLACES", "display", "exact"]

#: Decimal places of a value that is not a whole number, in tables.
DISPLAY_PLACES = 3


@checked
def exact(value: Fraction) -> str:
    """*value* as text that loses nothing: an integer, a finite decimal, or ``p/q``."""
    if value.denominator == 1:
        return str(value.numerator)
    decimal = Decimal(value.numerator) / Decimal(value.denominator)
    return str(decimal) if Fraction(decimal) == value else f"{value.numerator}/{value.denominator}"


@checked
def display(value: Fraction | Decimal | int) -> str:
    """*value* for a table: thousands grouped, at most :data:`DISPLAY_PLACES` places.

    A published ``Decimal`` keeps the places it was published with.
    """
    if isinstance(value, Decimal):
        return f"{value:,}"
    value = Fraction(value)
    if value.denominator == 1:
        return f"{value.numerator:,}"
    return f"{round_half_up(value, DISPLAY_PLACES):,}"
