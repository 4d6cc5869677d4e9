"""peelmodel.arithmetic: exact rounding at any number of digits, and refusals that name where and what is wrong."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelmodel import InvalidTypeError, InvalidValueError
from peelmodel.arithmetic import Band, band, places, round_half_up, unchecked_affine_range


class TestRoundHalfUp:
    @pytest.mark.parametrize("digits", [-10_000, 10_000])
    def test_digits_at_the_limit(self, digits):
        rounded = round_half_up(Fraction(1, 3), digits)
        assert rounded == (0 if digits < 0 else Decimal("0." + "3" * 10_000))

    @pytest.mark.parametrize("digits", [-10_001, 10_001])
    def test_digits_past_the_limit(self, digits):
        with pytest.raises(InvalidValueError) as raised:
            round_half_up(Fraction(1, 3), digits)
        error = raised.value
        assert (error.owner, error.field, error.value) == (
            "peelmodel.arithmetic.round_half_up",
            "digits",
            digits,
        )
        assert str(error) == (
            f"peelmodel.arithmetic.round_half_up.digits: must be within ±10,000 (found {digits})"
        )


class TestBand:
    @pytest.mark.parametrize("field", ["low", "high"])
    def test_an_end_that_is_no_fraction(self, field):
        with pytest.raises(InvalidTypeError) as raised:
            Band(**{"low": None, "high": None, field: 0.5})
        error = raised.value
        assert (error.owner, error.field, error.value) == ("Band", field, 0.5)
        assert str(error).startswith(f"Band.{field}: must be a Fraction or None (found 0.5)")

    @pytest.mark.parametrize("field", ["low_open", "high_open"])
    def test_an_openness_that_is_no_bool(self, field):
        with pytest.raises(InvalidTypeError) as raised:
            Band(Fraction(0), Fraction(1), **{field: 1})
        error = raised.value
        assert (error.owner, error.field, error.value) == ("Band", field, 1)
        assert str(error).startswith(f"Band.{field}: must be a bool (found 1)")


class TestExactness:
    @given(
        st.fractions(max_denominator=10**40).filter(lambda value: abs(value) < 10**40),
        st.integers(-30, 60),
    )
    def test_the_nearest_value_at_its_places_halves_away_from_zero(self, value, digits):
        rounded = round_half_up(value, digits)
        assert rounded.as_tuple().exponent == -digits
        distance, half = abs(Fraction(rounded) - value), Fraction(10) ** -digits / 2
        assert distance < half or (distance == half and abs(rounded) > abs(value))
        if digits >= 0:
            assert places(rounded) == digits
            assert value in band(rounded)

    def test_more_digits_than_the_context_holds(self):
        assert str(round_half_up(Fraction(1, 3), 30)) == "0." + "3" * 30
        assert round_half_up(Fraction(10**40 + 1), 0) == 10**40 + 1
        assert (
            str(round_half_up(Fraction(123_456_789_012_345_678_901), -1))
            == "1.2345678901234567890E+20"
        )


@given(
    st.fractions(),
    st.fractions(),
    st.tuples(st.integers(0, 10**6), st.integers(1, 10**6)),
    st.tuples(st.integers(0, 10**6), st.integers(1, 10**6)),
)
def test_affine_range_is_the_formula_at_both_ends_in_order(scale, offset, least, most):
    """One fraction of whole numbers per end: the same as the formula in fractions."""
    ends = sorted(scale * Fraction(total, divisor) + offset for total, divisor in (least, most))
    assert unchecked_affine_range(scale, offset, least, most) == tuple(ends)
