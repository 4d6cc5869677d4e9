"""Exact answers of the engines where a wrong answer would otherwise pass unnoticed.

Each test pins an exact value at an edge: the half-way ends of rounding
bands, open and closed ends that land on whole numbers, negative percentage
changes, bounds that must travel through several figures, quantities kept
apart by what they exclude, the limits that hold parts within their
whole, the smallest sets of figures that conflict, and answers that must
not depend on the order the figures come in. Together they make the
mutation run of the engine modules (``python3 tasks.py mutation``, see
docs/testing.md) catch almost every changed operator, constant and
argument.
"""

from __future__ import annotations

import functools
import itertools
import random
import re
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from peelmodel._validators import MAX_COUNT
from peelmodel.analysis._rules import admits_non_negative, exceeds_whole, ratio_band
from peelmodel.analysis.reconciliation import (
    Conflict,
    Reconciliation,
    holds_together,
    reconcile,
)
from peelmodel.analysis.reproduction import Comparison, compare, known_values, reproduce
from peelmodel.arithmetic import Band, band, percentage_change, places, publish, rate, round_half_up
from peelmodel.arithmetic import share as share_of
from peelmodel.catalogues import areas, outcomes
from peelmodel.claims import Claim, Formula, Quantity, figure_claim, outcome_claims
from peelmodel.errors import InvalidValueError, UnknownReferenceError
from peelmodel.limits import Limit, limits_of
from peelmodel.model.area import Area, AreaKind
from peelmodel.model.figure import Basis, Figure, Qualifier
from peelmodel.model.outcome import OutcomeRate
from peelmodel.model.period import Period

YEAR = Period.twelve_months_to(date(2015, 6, 30))
EARLIER = Period.twelve_months_to(date(2014, 6, 30))
HAMPSHIRE = areas.get("hampshire")
ENGLAND_AND_WALES = areas.get("england-and-wales")
METROPOLITAN = areas.get("metropolitan")


@functools.cache
def place(area_id: str) -> Area:
    """A made-up area of the tests, with this id."""
    return Area(id=area_id, name=f"Area {area_id}", ons_code="E99999999", kind=AreaKind.FORCE)


AREA = place("x")


def q(measure: str, *, period: Period | None = None, excluding: tuple[str, ...] = ()) -> Quantity:
    """A quantity of the test area; *excluding* names made-up areas."""
    return Quantity(
        area=AREA, measure=measure, period=period, excluding=tuple(map(place, excluding))
    )


def claim(  # noqa: PLR0913, PLR0917 - the fields of a claim, most with defaults
    claim_id: str,
    published: str | None,
    numerator: Quantity | tuple[Quantity, ...],
    denominator: Quantity | None = None,
    scale: int | Fraction = 1,
    offset: int | Fraction = 0,
    *,
    qualifier: Qualifier = Qualifier.EXACTLY,
    part_of: Quantity | None = None,
    area: str = AREA.id,
    basis: Basis = Basis.COUNT,
) -> Claim:
    """A claim ``scale × sum(numerator) ÷ denominator + offset`` published as *published*."""
    parts = numerator if isinstance(numerator, tuple) else (numerator,)
    formula = Formula(
        numerator=parts, denominator=denominator, scale=Fraction(scale), offset=Fraction(offset)
    )
    return Claim(
        id=claim_id,
        label=claim_id,
        area=place(area),
        measure=parts[0].measure if parts else "empty-group",
        basis=basis,
        period=YEAR,
        source="test",
        published=None if published is None else Decimal(published),
        formula=formula,
        qualifier=qualifier,
        part_of=part_of,
    )


def count(claim_id: str, quantity: Quantity, published: str | None, **kwargs) -> Claim:
    """A published count of *quantity*."""
    return claim(claim_id, published, quantity, **kwargs)


def percent(claim_id: str, part: Quantity, whole: Quantity, published: str | None) -> Claim:
    """*part* as a percentage of *whole*."""
    return claim(claim_id, published, part, whole, 100, basis=Basis.PERCENT)


def change(claim_id: str, now: Quantity, before: Quantity, published: str | None) -> Claim:
    """The percentage change from *before* to *now*."""
    return claim(claim_id, published, now, before, 100, -100, basis=Basis.PERCENTAGE_CHANGE)


# --- rounding ------------------------------------------------------------------------------


class TestPlaces:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [("1.50", 2), ("0.05", 2), ("12", 0), ("1E+2", 0), ("-3.7", 1)],
    )
    def test_written_places(self, text, expected):
        """Places are counted as written: trailing zeros count, an exponent above 0 gives none."""
        assert places(Decimal(text)) == expected

    @pytest.mark.parametrize("text", ["Infinity", "-Infinity", "NaN"])
    def test_special_values_have_no_places(self, text):
        """A value without digits (infinity, NaN) is written with 0 places."""
        assert places(Decimal(text)) == 0


class TestRoundHalfUp:
    @pytest.mark.parametrize(
        ("value", "digits", "expected"),
        [
            (Fraction(1, 2), 0, "1"),
            (Fraction(-1, 2), 0, "-1"),
            (Fraction(49, 100), 0, "0"),
            (Fraction(-49, 100), 0, "0"),
            (Fraction(1, 200), 2, "0.01"),
            (Fraction(-1, 200), 2, "-0.01"),
            (Fraction(-9, 2), 0, "-5"),
            (Fraction(1, 3), 3, "0.333"),
            (Fraction(2, 3), 2, "0.67"),
            (0, 2, "0.00"),
            (-3, 1, "-3.0"),
        ],
    )
    def test_exact_results(self, value, digits, expected):
        """Halves go away from zero at every precision; the result keeps the places asked for."""
        result = round_half_up(value, digits)
        assert str(result) == expected


class TestBand:
    def test_positive_band_is_exact(self):
        """14.4 is exactly [14.35, 14.45): closed below, open above, flags False and True."""
        assert band(Decimal("14.4")) == Band(Fraction(287, 20), Fraction(289, 20), False, True)

    def test_one_is_positive(self):
        """1 is [0.5, 1.5), the positive shape, not the band of zero."""
        assert band(Decimal(1)) == Band(Fraction(1, 2), Fraction(3, 2), False, True)

    def test_negative_band_is_exact(self):
        """-7 is exactly (-7.5, -6.5]: open below, closed above, flags True and False."""
        assert band(Decimal(-7)) == Band(Fraction(-15, 2), Fraction(-13, 2), True, False)

    def test_small_negative_band(self):
        """-0.5 is (-0.55, -0.45], the negative shape at one place."""
        assert band(Decimal("-0.5")) == Band(Fraction(-11, 20), Fraction(-9, 20), True, False)

    @pytest.mark.parametrize(
        ("text", "half"),
        [("0", Fraction(1, 2)), ("0.0", Fraction(1, 20)), ("0.00", Fraction(1, 200))],
    )
    def test_zero_band_is_open_at_both_ends(self, text, half):
        """Zero at any precision is (-half a step, +half a step), open at both ends."""
        assert band(Decimal(text)) == Band(-half, half, True, True)

    def test_half_step_follows_the_places(self):
        """62.55 is [62.545, 62.555): half of one step of two places."""
        assert band(Decimal("62.55")) == Band(
            Fraction(62545, 1000), Fraction(62555, 1000), False, True
        )

    def test_more_than_is_open_and_unbounded_above(self):
        """'More than 600' is (600, inf), whatever the places."""
        assert band(Decimal(600), more_than=True) == Band(Fraction(600), None, True, False)
        assert band(Decimal("2.5"), more_than=True) == Band(Fraction(5, 2), None, True, False)

    def test_exactly_by_default(self):
        """Without more_than, a figure stands for its rounding band."""
        assert band(Decimal(600)).high == Fraction(1201, 2)

    @pytest.mark.parametrize(
        ("span", "inside", "outside"),
        [
            (Band(Fraction(1), Fraction(2)), [1, 2, Fraction(3, 2)], [Fraction(99, 100), 3]),
            (Band(Fraction(1), Fraction(2), True, False), [2, Fraction(101, 100)], [1, 0]),
            (Band(Fraction(1), Fraction(2), False, True), [1, Fraction(199, 100)], [2, 3]),
            (Band(Fraction(1), Fraction(2), True, True), [Fraction(3, 2)], [1, 2]),
            (Band(None, Fraction(2)), [-(10**12), 2], [3]),
            (Band(None, Fraction(2), high_open=True), [-(10**12)], [2]),
            (Band(Fraction(1), None), [1, 10**12], [0]),
            (Band(Fraction(1), None, low_open=True), [10**12], [1]),
            (Band(None, None), [-(10**12), 0, 10**12], []),
        ],
    )
    def test_membership_at_the_ends(self, span, inside, outside):
        """Each end holds its own value exactly when it is closed; a missing end holds everything."""
        assert all(value in span for value in inside)
        assert not any(value in span for value in outside)

    @pytest.mark.parametrize(
        ("span", "text"),
        [
            (Band(None, None), "[-inf, inf]"),
            (Band(None, Fraction(1, 2), high_open=True), "[-inf, 1/2)"),
            (Band(Fraction(-3), None, low_open=True), "(-3, inf]"),
            (Band(Fraction(1), Fraction(2)), "[1, 2]"),
            (Band(Fraction(1), Fraction(2), True, True), "(1, 2)"),
        ],
    )
    def test_text(self, span, text):
        """A band prints its ends, -inf and inf for missing ones, with brackets for its flags."""
        assert str(span) == text


# --- derive --------------------------------------------------------------------------------


class TestForward:
    def test_rate_scales_then_divides(self):
        """1 in 3 per 1,000 is exactly 1000/3; 3 in 4 per 100 is 75."""
        assert rate(1, 3, per=1000) == Fraction(1000, 3)
        assert rate(3, 4, per=100) == 75

    def test_share_is_per_100(self):
        """1 of 8 is exactly 12.5 percent."""
        assert share_of(1, 8) == Fraction(25, 2)

    @pytest.mark.parametrize(
        ("current", "baseline", "expected"),
        [(150, 100, 50), (50, 200, -75), (1, 3, Fraction(-200, 3)), (100, 100, 0)],
    )
    def test_percentage_change(self, current, baseline, expected):
        """Rises, falls and no change, exactly: 1 after 3 is -66 2/3 percent."""
        assert percentage_change(current, baseline) == expected

    def test_publish_rounds_half_away_from_zero(self):
        """publish() rounds to the places asked for, halves away from zero."""
        assert publish(Fraction(-1, 200), 2) == Decimal("-0.01")
        assert publish(Fraction(5, 2), 0) == 3


class TestKnownValues:
    def test_only_plain_exact_published_counts_define(self):
        """Rates, sums, 'more than' and lost figures define nothing; the counts after them do."""
        a, b, c, d = q("a"), q("b"), q("c"), q("d")
        claims = [
            claim("rate", "50", a, b, 100),
            claim("sum", "9", (a, b)),
            count("more", c, "600", qualifier=Qualifier.MORE_THAN),
            count("lost", d, None),
            count("a", a, "5"),
            count("a-again", a, "5"),
            count("b", b, "10"),
        ]
        assert known_values(claims) == {a: 5, b: 10}

    def test_scaled_or_offset_single_quantity_is_not_a_count(self):
        """Twice a quantity, or a quantity plus 1, is a figure about it, not its count."""
        a = q("a")
        assert known_values([claim("twice", "4", a, None, 2)]) == {}
        assert known_values([claim("plus", "4", a, None, 1, 1)]) == {}

    def test_a_clash_drops_only_that_quantity(self):
        """Two values for one count drop it; agreeing counts of others stay."""
        a, b = q("a"), q("b")
        claims = [count("a1", a, "3"), count("b", b, "7"), count("a2", a, "4")]
        assert known_values(claims) == {b: 7}


class TestReproduce:
    def test_lost_and_plain_figures_give_none(self):
        """A lost figure and a plain count are not reproduced."""
        a, b = q("a"), q("b")
        known = {a: 1, b: 4}
        assert reproduce(claim("lost", None, a, b, 100), known) is None
        assert reproduce(count("a", a, "1"), known) is None

    def test_every_input_is_needed(self):
        """Without the denominator there is nothing to compute; with it, the rounded value."""
        a, b = q("a"), q("b")
        share = claim("share", "25.0", a, b, 100)
        assert reproduce(share, {a: 1}) is None
        assert reproduce(share, {b: 4}) is None
        assert reproduce(share, {a: 1, b: 4}) == Decimal("25.0")
        assert str(reproduce(share, {a: 1, b: 8})) == "12.5"

    def test_a_sum_is_reproduced_at_its_places(self):
        """A group's count is the sum of its members, written with no places."""
        a, b = q("a"), q("b")
        assert str(reproduce(claim("sum", "3", (a, b)), {a: 1, b: 2})) == "3"


class TestCompare:
    @staticmethod
    def figures() -> tuple[list[Claim], dict[str, Claim]]:
        """Figures for areas a and b: some pair, some do not."""

        def of(area: str, measure: str, period: Period | None = YEAR) -> Quantity:
            return Quantity(area=place(area), measure=measure, period=period)

        made = {
            "a.count": claim("a.count", "100", of("a", "crime"), area="a"),
            "a.victims": claim("a.victims", "40", of("a", "victims"), area="a"),
            "a.rate": claim(
                "a.rate", "62.5", of("a", "crime"), of("a", "population", None), 1000, area="a"
            ),
            "a.per-million": claim(
                "a.per-million", "5", of("a", "ocgs"), of("a", "population", None), 10**6, area="a"
            ),
            "a.change": claim(
                "a.change", "-11", of("a", "crime"), of("a", "crime", EARLIER), 100, -100, area="a"
            ),
            "a.ratio": claim(
                "a.ratio", "2", of("a", "crime"), of("a", "crime", EARLIER), 1, 0, area="a"
            ),
            "a.earlier": claim("a.earlier", "90", of("a", "crime", EARLIER), area="a"),
            "a.lost": claim("a.lost", None, of("a", "arrests"), area="a"),
            "b.victims": claim("b.victims", "50", of("b", "victims"), area="b"),
            "b.count": claim("b.count", "0", of("b", "crime"), area="b"),
            "b.rate": claim(
                "b.rate", "63.0", of("b", "crime"), of("b", "population", None), 1000, area="b"
            ),
            "b.per-1000": claim(
                "b.per-1000", "5", of("b", "ocgs"), of("b", "population", None), 1000, area="b"
            ),
            "b.change": claim(
                "b.change", "-13", of("b", "crime"), of("b", "crime", EARLIER), 100, -100, area="b"
            ),
            "b.arrests": claim("b.arrests", "9", of("b", "arrests"), area="b"),
            "c.count": claim("c.count", "70", of("c", "crime"), area="c"),
        }
        return list(made.values()), made

    def test_pairs_are_exact_and_in_order(self):
        """Each force figure pairs with the comparator's figure of the same shape, exactly."""
        claims, made = self.figures()
        assert compare(claims, "a", "b") == (
            Comparison(made["a.count"], made["b.count"], Decimal(100), None),
            Comparison(made["a.victims"], made["b.victims"], Decimal(-10), Fraction(4, 5)),
            Comparison(made["a.rate"], made["b.rate"], Decimal("-0.5"), Fraction(125, 126)),
            Comparison(made["a.change"], made["b.change"], Decimal(2), Fraction(11, 13)),
        )

    def test_the_other_way_round(self):
        """With the areas swapped, differences change sign and ratios invert."""
        claims, _ = self.figures()
        found = {c.force.id: c for c in compare(claims, "b", "a")}
        assert set(found) == {"b.count", "b.victims", "b.rate", "b.change"}
        assert found["b.count"].ratio == 0
        assert found["b.rate"].difference == Decimal("0.5")


# --- claims --------------------------------------------------------------------------------


class TestQuantity:
    def test_id_names_period_and_exclusions(self):
        """The id is area.measure.period.excluding-a-and-b, each part only when present."""
        assert Quantity(area=place("e"), measure="ocgs").id == "e.ocgs"
        assert (
            Quantity(area=place("e"), measure="ocgs", period=YEAR).id == "e.ocgs.12m-to-2015-06-30"
        )
        both = Quantity(
            area=place("e"), measure="ocgs", period=YEAR, excluding=(place("met"), place("city"))
        )
        assert both.id == "e.ocgs.12m-to-2015-06-30.excluding-met-and-city"
        assert str(both) == both.id
        assert (
            Quantity(area=place("e"), measure="ocgs", period=None, excluding=(place("met"),)).id
            == "e.ocgs.excluding-met"
        )

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"area": "x"}, "Quantity.area: must be Area (found 'x')"),
            ({"measure": "Crime"}, "Quantity.measure: must be a dotted lower-case slug"),
            ({"period": "2015"}, "Quantity.period: must be Period (found '2015')"),
            ({"excluding": [place("y")]}, "Quantity.excluding: must be a tuple"),
            ({"excluding": (AREA,)}, "Quantity.excluding: must be other areas"),
            ({"excluding": ("y",)}, "Quantity.excluding: must be other areas (found 'y')"),
        ],
    )
    def test_invalid_fields_are_named(self, fields, message):
        """A wrong field raises InvalidValueError naming the class, the field and the value."""
        with pytest.raises(InvalidValueError, match=re.escape(message)):
            Quantity(**{"area": AREA, "measure": "crime", **fields})

    def test_order_is_by_area_id_then_measure(self):
        """Quantities sort by their area's id first, then by measure."""
        later, earlier = (
            Quantity(area=place("b"), measure="a"),
            Quantity(area=place("a"), measure="b"),
        )
        assert sorted([later, earlier, q("c")]) == [earlier, later, q("c")]

    def test_equal_quantities_hash_alike(self):
        """Two quantities built alike are equal and find each other in a dict."""
        assert {q("a", excluding=("y",)): 1}[q("a", excluding=("y",))] == 1


class TestFormula:
    def test_evaluate_is_exact(self):
        """100 × (1 + 2) ÷ 4 - 100 is exactly -25; without a denominator, 100 × 3 - 100."""
        a, b, c = q("a"), q("b"), q("c")
        values = {a: 1, b: 2, c: 4}
        assert (
            Formula(
                numerator=(a, b), denominator=c, scale=Fraction(100), offset=Fraction(-100)
            ).evaluate(values)
            == -25
        )
        assert (
            Formula(numerator=(a, b), scale=Fraction(100), offset=Fraction(-100)).evaluate(values)
            == 200
        )
        assert Formula(numerator=(a,), denominator=c, scale=Fraction(3)).evaluate(
            values
        ) == Fraction(3, 4)

    def test_quantities_numerator_first(self):
        """quantities lists the numerator, then the denominator if any."""
        a, b, c = q("a"), q("b"), q("c")
        assert Formula(numerator=(a, b), denominator=c).quantities == (a, b, c)
        assert Formula(numerator=(a, b)).quantities == (a, b)

    @pytest.mark.parametrize(
        ("formula", "expected"),
        [
            (Formula(numerator=(q("a"),)), True),
            (Formula(numerator=(q("a"), q("b"))), False),
            (Formula(numerator=(q("a"),), denominator=q("b")), False),
            (Formula(numerator=(q("a"),), scale=Fraction(2)), False),
            (Formula(numerator=(q("a"),), scale=Fraction(1), offset=Fraction(1)), False),
        ],
    )
    def test_is_identity(self, formula, expected):
        """Only one quantity, undivided, unscaled and unshifted, defines that quantity."""
        assert formula.is_identity is expected

    @pytest.mark.parametrize(
        ("formula", "text"),
        [
            (Formula(numerator=(q("a"),)), "x.a"),
            (Formula(numerator=(q("a"), q("b"))), "x.a + x.b"),
            (Formula(numerator=(q("a"),), scale=Fraction(2)), "2 × x.a"),
            (Formula(numerator=(q("a"), q("b")), scale=Fraction(2)), "2 × (x.a + x.b)"),
            (Formula(numerator=(q("a"), q("b")), denominator=q("c")), "(x.a + x.b) ÷ x.c"),
            (
                Formula(numerator=(q("a"),), denominator=q("c"), scale=Fraction(100)),
                "100 × x.a ÷ x.c",
            ),
            (
                Formula(
                    numerator=(q("a"),),
                    denominator=q("c"),
                    scale=Fraction(100),
                    offset=Fraction(-100),
                ),
                "100 × x.a ÷ x.c - 100",
            ),
            (Formula(numerator=(q("a"),), scale=Fraction(1), offset=Fraction(1, 2)), "x.a + 1/2"),
            (Formula(numerator=(q("a"),), scale=Fraction(1), offset=Fraction(-1, 2)), "x.a - 1/2"),
        ],
    )
    def test_text(self, formula, text):
        """Formulas print with parentheses only around a sum that is scaled or divided."""
        assert str(formula) == text

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"numerator": [q("a")]}, "Formula.numerator: must be a tuple"),
            ({"numerator": ("x.a",)}, "Formula.numerator: must be Quantity (found 'x.a')"),
            ({"denominator": "x.b"}, "Formula.denominator: must be Quantity (found 'x.b')"),
            ({"scale": 100}, "Formula.scale: must be Fraction (found 100)"),
            ({"offset": 0.5}, "Formula.offset: must be Fraction (found 0.5)"),
        ],
    )
    def test_invalid_fields_are_named(self, fields, message):
        """A wrong field raises InvalidValueError naming the class, the field and the value."""
        with pytest.raises(InvalidValueError, match=re.escape(message)):
            Formula(**{"numerator": (q("a"),), **fields})

    def test_an_empty_numerator_sums_to_zero(self):
        """A group with no member in use is a formula over nothing, worth 0."""
        assert Formula(numerator=(), scale=Fraction(100)).evaluate({}) == 0


class TestClaim:
    def test_band_follows_value_and_qualifier(self):
        """A lost figure has no band; 'more than' is open above the value."""
        a = q("a")
        assert count("lost", a, None).band is None
        assert count("n", a, "600").band == Band(Fraction(1199, 2), Fraction(1201, 2), False, True)
        more = count("m", a, "600", qualifier=Qualifier.MORE_THAN)
        assert more.band == Band(Fraction(600), None, True, False)

    @pytest.mark.parametrize(
        ("published", "places"), [("14.40", 2), ("-11", 0), ("0.000001", 6), (None, None)]
    )
    def test_places_are_those_published(self, published, places):
        """The precision is the published value's places, trailing zeros included."""
        assert count("n", q("a"), published).places == places

    def test_key_is_the_id_within_the_area(self):
        """The key leaves out the area's id and its dot, and only those."""
        assert count("x.ocgs.count", q("ocgs"), "1").key == "ocgs.count"
        assert count("xy.ocgs.count", q("ocgs"), "1").key == "xy.ocgs.count"

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"published": 14.4}, "Claim.published: must be a Decimal (found 14.4)"),
            (
                {"published": Decimal("NaN")},
                "Claim.published: must be finite (found Decimal('NaN'))",
            ),
            ({"id": "A b"}, "Claim.id: must be a dotted lower-case slug"),
            ({"label": " x"}, "Claim.label: must be non-blank text"),
            ({"area": "x"}, "Claim.area: must be Area (found 'x')"),
            ({"measure": ""}, "Claim.measure: must be a dotted lower-case slug"),
            ({"basis": "count"}, "Claim.basis: must be Basis (found 'count')"),
            ({"period": None}, "Claim.period: must be Period (found None)"),
            ({"source": 3}, "Claim.source: must be a string (found 3)"),
            ({"formula": "x.a"}, "Claim.formula: must be Formula (found 'x.a')"),
            ({"qualifier": "exactly"}, "Claim.qualifier: must be Qualifier (found 'exactly')"),
            ({"part_of": "x.b"}, "Claim.part_of: must be Quantity (found 'x.b')"),
        ],
    )
    def test_invalid_fields_are_named(self, fields, message):
        """A wrong field raises InvalidValueError naming the class, the field and the value."""
        with pytest.raises(InvalidValueError, match=re.escape(message)):
            attrs.evolve(count("n", q("a"), "1"), **fields)


def _figure(basis: Basis, published: str | None = "5", **kwargs) -> Figure:
    """A figure of Hampshire's OCGs (or of the given area, with an id in that area)."""
    fields = {
        "id": f"{kwargs.get('area', HAMPSHIRE).id}.f",
        "label": "A figure",
        "measure": "ocgs",
        "area": HAMPSHIRE,
        "period": YEAR,
        "basis": basis,
        "published": None if published is None else Decimal(published),
        "source": "Page 1",
    }
    fields.update(kwargs)
    return Figure(**fields)  # type: ignore[arg-type]


class TestFigureClaim:
    def expected(self, formula: Formula, basis: Basis = Basis.COUNT, **kwargs) -> Claim:
        """The claim of the default figure with *formula* and *basis*."""
        fields = {
            "id": "hampshire.f",
            "label": "A figure",
            "area": HAMPSHIRE,
            "measure": "ocgs",
            "basis": basis,
            "period": YEAR,
            "source": "Page 1",
            "published": Decimal(5),
            "formula": formula,
        }
        fields.update(kwargs)
        return Claim(**fields)  # type: ignore[arg-type]

    def test_count(self):
        """A count is the identity of its measure in its area and period."""
        ocgs = Quantity(area=HAMPSHIRE, measure="ocgs", period=YEAR)
        assert figure_claim(_figure(Basis.COUNT)) == self.expected(Formula(numerator=(ocgs,)))

    def test_count_of_a_whole(self):
        """A count of a whole keeps the whole as part_of, in the same period."""
        found = figure_claim(_figure(Basis.COUNT, of="groups"))
        whole = Quantity(area=HAMPSHIRE, measure="groups", period=YEAR)
        assert found == self.expected(
            Formula(numerator=(Quantity(area=HAMPSHIRE, measure="ocgs", period=YEAR),)),
            part_of=whole,
        )

    def test_percent(self):
        """A percent is 100 × part ÷ whole, the whole being part_of."""
        found = figure_claim(_figure(Basis.PERCENT, "56", of="groups"))
        part, whole = (
            Quantity(area=HAMPSHIRE, measure="ocgs", period=YEAR),
            Quantity(area=HAMPSHIRE, measure="groups", period=YEAR),
        )
        assert found == self.expected(
            Formula(numerator=(part,), denominator=whole, scale=Fraction(100)),
            Basis.PERCENT,
            published=Decimal(56),
            part_of=whole,
        )

    def test_percentage_change(self):
        """A change is 100 × now ÷ baseline - 100, the baseline in its own period."""
        found = figure_claim(_figure(Basis.PERCENTAGE_CHANGE, "-11", baseline=EARLIER))
        now, before = (
            Quantity(area=HAMPSHIRE, measure="ocgs", period=YEAR),
            Quantity(area=HAMPSHIRE, measure="ocgs", period=EARLIER),
        )
        assert found == self.expected(
            Formula(
                numerator=(now,), denominator=before, scale=Fraction(100), offset=Fraction(-100)
            ),
            Basis.PERCENTAGE_CHANGE,
            published=Decimal(-11),
        )

    @pytest.mark.parametrize(
        ("basis", "stock", "scale"),
        [
            (Basis.PER_1000_POPULATION, "population", 1000),
            (Basis.PER_1000_HOUSEHOLDS, "households", 1000),
            (Basis.PER_MILLION_POPULATION, "population", 10**6),
        ],
    )
    def test_rates_divide_by_a_stock_without_a_period(self, basis, stock, scale):
        """A rate divides by the area's population or households, which have no period."""
        found = figure_claim(_figure(basis, "62.5"))
        subject, people = (
            Quantity(area=HAMPSHIRE, measure="ocgs", period=YEAR),
            Quantity(area=HAMPSHIRE, measure=stock),
        )
        assert found == self.expected(
            Formula(numerator=(subject,), denominator=people, scale=Fraction(scale)),
            basis,
            published=Decimal("62.5"),
        )

    def test_exclusions_reach_every_quantity(self):
        """'England and Wales excluding the Met' marks the part, the whole and the population."""
        met = (METROPOLITAN,)
        england = ENGLAND_AND_WALES
        share = figure_claim(_figure(Basis.PERCENT, "64", of="groups", area=england, excluding=met))
        assert share.formula == Formula(
            numerator=(
                Quantity(
                    area=ENGLAND_AND_WALES, measure="ocgs", period=YEAR, excluding=(METROPOLITAN,)
                ),
            ),
            denominator=Quantity(
                area=ENGLAND_AND_WALES, measure="groups", period=YEAR, excluding=(METROPOLITAN,)
            ),
            scale=Fraction(100),
        )
        assert share.part_of == share.formula.denominator
        per_million = figure_claim(
            _figure(Basis.PER_MILLION_POPULATION, "32", area=england, excluding=met)
        )
        assert per_million.formula.denominator == Quantity(
            area=ENGLAND_AND_WALES, measure="population", period=None, excluding=(METROPOLITAN,)
        )

    def test_area_excluding_another_is_reconciled_apart(self):
        """64 percent of groups outside the Met and 50 of all 100 groups are no conflict."""
        met = (METROPOLITAN,)
        england = ENGLAND_AND_WALES
        claims = [
            figure_claim(_figure(Basis.PERCENT, "64", of="groups", area=england, excluding=met)),
            figure_claim(
                _figure(
                    Basis.COUNT, "100", id="england-and-wales.g", measure="groups", area=england
                )
            ),
            figure_claim(_figure(Basis.COUNT, "50", id="england-and-wales.o", area=england)),
        ]
        result = reconcile(claims)
        assert result.conflicts == ()
        apart = Quantity(
            area=ENGLAND_AND_WALES, measure="ocgs", period=YEAR, excluding=(METROPOLITAN,)
        )
        assert bounds(result, apart)[0] == 7  # 7 of 11 is the least share that rounds to 64
        assert not result.interval_of(apart).is_bounded
        assert bounds(result, Quantity(area=ENGLAND_AND_WALES, measure="ocgs", period=YEAR)) == (
            50,
            50,
        )

    def test_qualifier_and_lost_value_pass_through(self):
        """'More than' and a lost value reach the claim unchanged."""
        more = figure_claim(_figure(Basis.COUNT, "600", qualifier=Qualifier.MORE_THAN))
        assert more.qualifier is Qualifier.MORE_THAN
        assert more.published == Decimal(600)
        assert figure_claim(_figure(Basis.COUNT, None)).published is None


class TestOutcomeClaims:
    def test_type_row_gives_count_rate_and_offences(self):
        """A type's row: its count, its rate per 100 offences, and the offences, exactly."""
        row = OutcomeRate(
            area=HAMPSHIRE,
            period=YEAR,
            outcome=outcomes.type(1),
            count=17420,
            rate=Decimal("14.4"),
            offences=121000,
            source="Figure 4",
        )
        charged = Quantity(area=HAMPSHIRE, measure="outcomes.type-1", period=YEAR)
        offences = Quantity(area=HAMPSHIRE, measure="recorded-crime", period=YEAR)
        prefix, label = "hampshire.outcomes.type-1", "Charged/summonsed"
        common = {"area": HAMPSHIRE, "period": YEAR, "source": "Figure 4"}
        assert outcome_claims(row) == (
            Claim(
                id=f"{prefix}.count",
                label=f"{label}: number",
                measure="outcomes.type-1",
                basis=Basis.COUNT,
                published=Decimal(17420),
                formula=Formula(numerator=(charged,)),
                **common,
            ),
            Claim(
                id=f"{prefix}.rate",
                label=f"{label}: rate per 100 offences",
                measure="outcomes.type-1",
                basis=Basis.PERCENT,
                published=Decimal("14.4"),
                formula=Formula(numerator=(charged,), denominator=offences, scale=Fraction(100)),
                **common,
            ),
            Claim(
                id=f"{prefix}.offences",
                label=f"{label}: offences recorded",
                measure="recorded-crime",
                basis=Basis.COUNT,
                published=Decimal(121000),
                formula=Formula(numerator=(offences,)),
                **common,
            ),
        )

    def test_group_row_sums_its_members(self):
        """A group's rate sums its member types; a row without a source cites the outcome rates."""
        row = OutcomeRate(
            area=HAMPSHIRE,
            period=YEAR,
            outcome=outcomes.group("out-of-court-formal"),
            rate=Decimal("3.6"),
        )
        (only,) = outcome_claims(row)
        members = tuple(
            Quantity(area=HAMPSHIRE, measure=f"outcomes.type-{n}", period=YEAR) for n in (2, 3, 6)
        )
        assert only.id == "hampshire.outcomes.out-of-court-formal.rate"
        assert only.source == "Outcome rates"
        assert only.formula == Formula(
            numerator=members,
            denominator=Quantity(area=HAMPSHIRE, measure="recorded-crime", period=YEAR),
            scale=Fraction(100),
        )

    def test_group_leaves_out_types_not_yet_in_use(self):
        """Type 21 began in 2016: a 2015 row of its group has no member to count."""
        row = OutcomeRate(
            area=HAMPSHIRE,
            period=YEAR,
            outcome=outcomes.group("further-investigation-not-in-the-public-interest"),
            count=0,
        )
        (only,) = outcome_claims(row)
        assert only.formula.numerator == ()
        later = attrs.evolve(row, period=Period.twelve_months_to(date(2016, 6, 30)))
        (counted,) = outcome_claims(later)
        assert [m.measure for m in counted.formula.numerator] == ["outcomes.type-21"]


class TestLimits:
    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"parts": ()}, "Limit.parts: must not be empty (found ())"),
            ({"parts": [q("a")]}, "Limit.parts: must be a tuple"),
            ({"parts": ("x.a",)}, "Limit.parts: must be Quantity (found 'x.a')"),
            ({"whole": "x.w"}, "Limit.whole: must be Quantity (found 'x.w')"),
        ],
    )
    def test_invalid_fields_are_named(self, fields, message):
        """A wrong field raises InvalidValueError naming the class, the field and the value."""
        with pytest.raises(InvalidValueError, match=re.escape(message)):
            Limit(**{"parts": (q("a"),), "whole": q("w"), **fields})

    def test_part_of_becomes_a_limit(self):
        """A figure that is part of a whole keeps its numerator within that whole."""
        part, whole = q("drug-groups"), q("groups")
        limits = limits_of([claim("share", "56", part, whole, 100, part_of=whole)])
        assert limits == (Limit(parts=(part,), whole=whole),)
        assert str(limits[0]) == "x.drug-groups ≤ x.groups"

    def test_catalogue_parts_in_one_place(self):
        """Parts named by the catalogue are held within their whole, in sorted order by id."""
        crime, victim = q("recorded-crime", period=YEAR), q("victim-based-crime", period=YEAR)
        type_1 = q("outcomes.type-1", period=YEAR)
        type_2 = q("outcomes.type-2", period=YEAR)
        others = [
            q("outcomes.types", period=YEAR),
            q("ocgs", period=YEAR),
            q("victim-based-crimes", period=YEAR),
        ]
        claims = [
            claim("rate-2", "1.0", type_2, crime, 100),
            claim("rate-1", "1.0", type_1, crime, 100),
            count("victim", victim, "10"),
            *(count(f"other-{n}", other, "1") for n, other in enumerate(others)),
        ]
        assert limits_of(claims) == (
            Limit(parts=(type_1, type_2), whole=crime),
            Limit(parts=(victim,), whole=crime),
        )
        assert limits_of(claims)[0].id == (
            "x.outcomes.type-1.12m-to-2015-06-30 + x.outcomes.type-2.12m-to-2015-06-30"
            " ≤ x.recorded-crime.12m-to-2015-06-30"
        )

    def test_whole_without_a_higher_whole(self):
        """Victim-based crime holds its parts even where recorded crime is not mentioned."""
        victim, sexual = q("victim-based-crime"), q("sexual-offences")
        claims = [count("victim", victim, "10"), count("sexual", sexual, "3")]
        assert limits_of(claims) == (Limit(parts=(sexual,), whole=victim),)

    def test_whole_without_parts_gives_nothing(self):
        """A whole with none of its parts present has no limit."""
        assert limits_of([count("crime", q("recorded-crime"), "10")]) == ()

    def test_places_are_kept_apart(self):
        """Another period, area or exclusion is another place: no limit joins them."""
        crime = q("recorded-crime", period=YEAR)
        claims = [
            count("crime", crime, "100"),
            count("earlier", q("victim-based-crime", period=EARLIER), "90"),
            count("excl", q("victim-based-crime", period=YEAR, excluding=("met",)), "90"),
            count(
                "other",
                Quantity(area=place("y"), measure="victim-based-crime", period=YEAR),
                "90",
                area="y",
            ),
        ]
        assert limits_of(claims) == ()


# --- reconcile -----------------------------------------------------------------------------

P, T, W = q("p"), q("t"), q("w")
A, B, C = q("a"), q("b"), q("c")
NOW, BEFORE = q("now"), q("before")


def bounds(result: Reconciliation, quantity: Quantity) -> tuple[int, int]:
    """The inferred interval of *quantity*."""
    interval = result.interval_of(quantity)
    return interval.low, interval.high


def because(result: Reconciliation, quantity: Quantity) -> tuple[set[str], set[str]]:
    """The claims each end of *quantity*'s interval rests on."""
    interval = result.interval_of(quantity)
    return set(interval.low_because), set(interval.high_because)


class TestWholeNumberEnds:
    """Band ends that land exactly on a whole number: closed keeps it, open drops it."""

    def test_closed_low_and_open_high_of_a_part(self):
        """13 percent of 200 is [25, 27): 25 stays (12.5 rounds up to 13), 27 goes (13.5 -> 14)."""
        result = reconcile([count("t", T, "200"), percent("s", P, T, "13")])
        assert bounds(result, P) == (25, 26)

    def test_open_low_and_closed_high_of_a_fall(self):
        """-10 percent from 200 is (179, 181]: 179 is -10.5 (rounds to -11), 181 is -9.5."""
        result = reconcile([count("b", BEFORE, "200"), change("c", NOW, BEFORE, "-10")])
        assert bounds(result, NOW) == (180, 181)

    def test_open_low_of_a_share_gives_the_greatest_denominator(self):
        """27 at 13 percent: 27/0.125 = 216 is allowed (12.5 -> 13), 27/0.135 = 200 is not."""
        result = reconcile([count("p", P, "27"), percent("s", P, T, "13")])
        assert bounds(result, T) == (201, 216)

    def test_fall_to_179_bounds_the_baseline_below_200(self):
        """179 after a fall of 10 percent: 179/0.905 = 197.8 up to 179/0.895 = 200, open."""
        result = reconcile([count("n", NOW, "179"), change("c", NOW, BEFORE, "-10")])
        assert bounds(result, BEFORE) == (198, 199)

    def test_fall_to_181_allows_a_baseline_of_exactly_200(self):
        """181 after a fall of 10 percent: 181/0.905 = 200 exactly, closed; 181/0.895 = 202.2."""
        result = reconcile([count("n", NOW, "181"), change("c", NOW, BEFORE, "-10")])
        assert bounds(result, BEFORE) == (200, 202)

    def test_rise_at_a_half(self):
        """+9.5 percent rounds to 10: 219 after 200 is in, 221 (+10.5 -> 11) is out."""
        result = reconcile([count("b", BEFORE, "200"), change("c", NOW, BEFORE, "10")])
        assert bounds(result, NOW) == (219, 220)

    def test_change_of_zero_is_open_at_both_ends(self):
        """No change, to the whole percent, from 200: (199, 201), so exactly 200."""
        result = reconcile([count("b", BEFORE, "200"), change("c", NOW, BEFORE, "0")])
        assert bounds(result, NOW) == (200, 200)

    def test_more_than_a_whole_number_is_the_next_one(self):
        """More than 25 percent of 100 is at least 26; 'more than' sets no upper end."""
        more = claim("s", "25", P, T, 100, qualifier=Qualifier.MORE_THAN)
        result = reconcile([count("t", T, "100"), more])
        assert bounds(result, P) == (26, MAX_COUNT)
        assert not result.interval_of(P).is_bounded

    def test_more_than_zero_percent_rests_on_the_figure_alone(self):
        """More than 0 percent of 10 is at least 1, whatever the whole: only the share is named."""
        more = claim("s", "0", P, T, 100, qualifier=Qualifier.MORE_THAN)
        result = reconcile([count("a-whole", T, "10"), more])
        assert bounds(result, P) == (1, MAX_COUNT)
        assert result.interval_of(P).low_because == {"s"}


class TestLimitsInTheEngine:
    """Parts add up to no more than their whole, and the whole to no less than its parts."""

    def test_parts_bound_each_other_within_the_whole(self):
        """More than 3 of a and more than 1 of b within 10: a <= 8, b <= 6, the whole >= 6."""
        claims = [
            count("a", A, "3", qualifier=Qualifier.MORE_THAN),
            count("b", B, "1", qualifier=Qualifier.MORE_THAN),
        ]
        limit = Limit(parts=(A, B), whole=W)
        result = reconcile([*claims, count("w", W, "10")], limits=[limit])
        assert bounds(result, A) == (4, 8)
        assert bounds(result, B) == (2, 6)
        # The figures the end rests on; the limit is a domain rule, which always holds.
        assert because(result, A)[1] == {"b", "w"}
        unknown = reconcile(claims, limits=[limit])
        assert bounds(unknown, W)[0] == 6
        assert not unknown.interval_of(W).is_bounded

    def test_default_limits_come_from_the_claims(self):
        """Without limits given, the claims' own part_of limits apply."""
        part = count("p", P, "30", part_of=W)
        assert reconcile([part, count("w", W, "20")]).conflicts != ()
        assert reconcile([part, count("w", W, "20")], limits=[]).conflicts == ()

    def test_parts_more_than_the_whole_conflict_given_the_limit(self):
        """12 of a and 9 of b cannot both lie within 20: the conflict names the limit."""
        limit = Limit(parts=(A, B), whole=W)
        claims = [count("a", A, "12"), count("b", B, "9"), count("w", W, "20")]
        (conflict,) = reconcile(claims, limits=[limit]).conflicts
        assert conflict.claims == {"a", "b", "w"}
        assert conflict.limits == {limit.id}
        assert str(conflict) == (
            f"a, b, w cannot all hold (they disagree on {conflict.quantity.id}, given {limit.id})"
        )

    @pytest.mark.parametrize(("published", "wrong"), [("101", True), ("100", False)])
    def test_share_above_all_of_its_whole_is_wrong_alone(self, published, wrong):
        """101 percent of a whole is wrong by itself; 100 percent (99.5 up to 100.5) is not."""
        limit = Limit(parts=(P,), whole=W)
        share = percent("s", P, W, published)
        result = reconcile([share], limits=[limit])
        expected = (Conflict(frozenset({"s"}), P, frozenset({limit.id})),) if wrong else ()
        assert result.conflicts == expected
        assert result.conflicting("s") == ({"s"} if wrong else set())

    def test_more_than_100_percent_of_a_whole_is_wrong_alone(self):
        """'More than 100 percent' of a whole leaves no room: the ratio is above 1 throughout."""
        limit = Limit(parts=(P,), whole=W)
        more = claim("s", "100", P, W, 100, qualifier=Qualifier.MORE_THAN)
        assert [c.claims for c in reconcile([more], limits=[limit]).conflicts] == [{"s"}]

    def test_over_100_percent_without_a_limit_is_allowed(self):
        """A ratio above 1 is no error when nothing holds the numerator within the denominator."""
        assert reconcile([percent("s", P, W, "150")], limits=[]).conflicts == ()


class TestRatioBand:
    def test_negative_change_flips_nothing_for_a_positive_scale(self):
        """-11 percent is (-11.5, -10.5], so now ÷ before is in (0.885, 0.895]."""
        found = ratio_band(band(Decimal(-11)), Fraction(100), Fraction(-100))
        assert found == Band(Fraction(177, 200), Fraction(179, 200), True, False)

    def test_negative_scale_swaps_ends_and_flags(self):
        """-x in [1, 2) means x in (-2, -1]."""
        found = ratio_band(Band(Fraction(1), Fraction(2), False, True), Fraction(-1), Fraction(0))
        assert found == Band(Fraction(-2), Fraction(-1), True, False)
        solved = ratio_band(Band(Fraction(1), None, True), Fraction(-2), Fraction(4))
        assert solved == Band(None, Fraction(3, 2), False, True)

    def test_scale_zero_is_a_constant(self):
        """A formula with scale 0 is its offset: any ratio if the offset fits, else none."""
        assert ratio_band(band(Decimal(5)), Fraction(0), Fraction(5)) == Band(None, None)
        assert ratio_band(band(Decimal(5)), Fraction(0), Fraction(6)) is None

    def test_constant_figures_in_reconcile(self):
        """A constant figure that is its own value holds; one that is not is wrong alone."""
        right, wrong = claim("r", "5", A, None, 0, 5), claim("w", "6", A, None, 0, 5)
        assert reconcile([right]).conflicts == ()
        assert [c.claims for c in reconcile([wrong]).conflicts] == [{"w"}]

    @pytest.mark.parametrize(
        ("ratio", "expected"),
        [
            (Band(None, Fraction(-1)), False),
            (Band(Fraction(-1), None), True),
            (Band(Fraction(-2), Fraction(-1)), False),
            (Band(Fraction(-1), Fraction(0)), True),
            (Band(Fraction(-1), Fraction(0), False, True), False),
            (Band(Fraction(0), Fraction(0)), True),
            (Band(Fraction(0), Fraction(0), True, False), False),
            (Band(Fraction(1), Fraction(1), False, True), False),
            (Band(Fraction(1), Fraction(1)), True),
            (Band(Fraction(2), Fraction(1)), False),
            (Band(Fraction(-1), Fraction(1, 10**9), False, True), True),
        ],
    )
    def test_admits_non_negative(self, ratio, expected):
        """A sum of counts over a count is at least 0: a band admits it only if it reaches 0."""
        assert admits_non_negative(ratio) is expected

    @pytest.mark.parametrize(
        ("ratio", "expected"),
        [
            (Band(None, Fraction(2)), False),
            (Band(Fraction(1), Fraction(2)), False),
            (Band(Fraction(1), None, True), True),
            (Band(Fraction(101, 100), Fraction(2)), True),
            (Band(Fraction(99, 100), Fraction(2), True), False),
        ],
    )
    def test_exceeds_whole(self, ratio, expected):
        """Only a band wholly above 1 is a part larger than its whole."""
        assert exceeds_whole(ratio) is expected

    def test_ratio_of_at_most_zero(self):
        """A ratio of at most exactly 0 makes the numerator 0 and leaves the denominator be."""
        shifted = claim("z", "-0.1", P, T, 1, Fraction(-1, 20))
        assert ratio_band(band(Decimal("-0.1")), Fraction(1), Fraction(-1, 20)) == Band(
            Fraction(-1, 10), Fraction(0), True, False
        )
        result = reconcile([shifted])
        assert result.conflicts == ()
        assert bounds(result, P) == (0, 0)
        assert bounds(result, T) == (1, MAX_COUNT)

    def test_impossible_fall_alone(self):
        """A fall of 100.5 percent or more needs a negative count: wrong alone; -100 is not."""
        assert reconcile([change("c", NOW, BEFORE, "-101")]).conflicting("c") == {"c"}
        assert reconcile([change("c", NOW, BEFORE, "-100")]).conflicts == ()
        assert bounds(reconcile([change("c", NOW, BEFORE, "-100")]), NOW)[0] == 0


class TestMinimalConflicts:
    """Conflicts name claims none of which can be spared, and every way a claim is wrong."""

    def test_a_claim_the_bound_did_not_need_is_left_out(self):
        """More than 1 of the whole raised the share's bound first, but 'none' conflicts without it."""
        claims = [
            count("a-whole", T, "1", qualifier=Qualifier.MORE_THAN),
            count("d", P, "0"),
            percent("s", P, T, "50"),
        ]
        result = reconcile(claims)
        assert result.conflicts == (Conflict(frozenset({"d", "s"}), P),)
        assert bounds(result, T) == (2, MAX_COUNT)

    def test_each_way_a_set_aside_claim_is_wrong(self):
        """3, 3 and 4 for one count: 4 conflicts with each 3 in turn; the second 3 stands."""
        claims = [count("a1", A, "3"), count("a2", A, "3"), count("a3", A, "4")]
        result = reconcile(claims)
        assert result.conflicts == (
            Conflict(frozenset({"a1", "a3"}), A),
            Conflict(frozenset({"a2", "a3"}), A),
        )
        assert bounds(result, A) == (3, 3)
        assert because(result, A) == ({"a2"}, {"a2"})
        assert result.conflicting("a3") == {"a1", "a2"}
        assert result.conflicting("a1") == {"a3"}

    def test_set_aside_claim_against_the_rest(self):
        """51 conflicts with 50 directly, and with the share that makes it 50 of 100."""
        claims = [
            count("a", P, "50"),
            count("b", T, "100"),
            percent("c", P, T, "50"),
            count("d", P, "51"),
        ]
        result = reconcile(claims)
        assert result.conflicts == (
            Conflict(frozenset({"a", "d"}), P),
            Conflict(frozenset({"b", "c", "d"}), P),
        )
        assert because(result, P) == ({"b", "c"}, {"b", "c"})

    def test_the_quantity_named_is_the_one_propagation_empties(self):
        """Rules run in id order, swept up then down: the first quantity left with no value is named."""
        p, q_, t, u = q("p"), q("q"), q("t"), q("u")
        # t = u, u = 2q, q = 10 % of u and t = q.
        claims = [
            percent("s0", t, u, "100"),
            change("h1", u, q_, "100"),
            percent("s2", q_, u, "10"),
            change("h3", t, q_, "0"),
        ]
        assert reconcile(claims).conflicts == (
            Conflict(frozenset({"h1", "h3", "s0"}), t),
            Conflict(frozenset({"h1", "s2"}), u),
        )
        # p = 100, 25 % of u, u 10 % more than q, and q = p.
        claims = [
            count("c0", t, "13"),
            count("c1", p, "100"),
            percent("s2", p, u, "25"),
            change("h3", u, q_, "10"),
            change("h4", q_, p, "0"),
        ]
        assert reconcile(claims).conflicts == (Conflict(frozenset({"h3", "h4", "s2"}), p),)
        # q is 33 % of p, p 10 % of q: p, the divisor of the first, is left with no value.
        claims = [percent("s0", q_, p, "33"), percent("s1", p, q_, "10")]
        assert reconcile(claims).conflicts == (Conflict(frozenset({"s0", "s1"}), p),)
        # u = 5 is 10 % more than p: no whole p, which the change divides by.
        claims = [change("h1", u, p, "10"), count("c2", u, "5")]
        assert reconcile(claims).conflicts == (Conflict(frozenset({"c2", "h1"}), u),)
        # p is 67 % of u, p = 3 and u = 40: each count leaves the other with no value.
        claims = [percent("s0", p, u, "67"), count("c1", p, "3"), count("c2", u, "40")]
        assert reconcile(claims).conflicts == (
            Conflict(frozenset({"c1", "s0"}), u),
            Conflict(frozenset({"c2", "s0"}), p),
        )

    def test_set_aside_claim_wrong_in_two_more_ways(self):
        """51, set aside against 50, is also wrong with the share and with the second 50."""
        # Each of the two is found once the claims of the other are left out.
        claims = [
            count("a", P, "50"),
            count("b", T, "100"),
            percent("c", P, T, "50"),
            count("d", P, "51"),
            count("e", P, "50"),
        ]
        assert [sorted(c.claims) for c in reconcile(claims).conflicts] == [
            ["a", "d"],
            ["b", "c", "d"],
            ["d", "e"],
        ]

    def test_claims_wrong_alone_are_not_tried_again(self):
        """A fall of 101 percent is wrong alone and is not paired with the others."""
        claims = [count("b", BEFORE, "50"), change("c", NOW, BEFORE, "-101"), count("n", NOW, "1")]
        result = reconcile(claims)
        assert result.conflicts == (Conflict(frozenset({"c"}), NOW),)
        assert bounds(result, NOW) == (1, 1)

    def test_independent_conflicts_in_canonical_order(self):
        """Conflicts are ordered by their sorted claim ids, then the quantity."""
        claims = [
            count("z1", B, "1"),
            count("z2", B, "2"),
            count("a1", A, "1"),
            count("a2", A, "2"),
        ]
        result = reconcile(claims)
        assert [sorted(c.claims) for c in result.conflicts] == [["a1", "a2"], ["z1", "z2"]]
        assert [c.quantity for c in result.conflicts] == [A, B]

    def test_counts_of_a_denominator_conflict_without_its_rates(self):
        """Offences published as 4 and as 6 conflict; the rate per offence plays no part."""
        claims = [count("t1", T, "4"), count("t2", T, "6"), percent("r", P, T, "50")]
        assert reconcile(claims).conflicts[0] == Conflict(frozenset({"t1", "t2"}), T)

    def test_a_divider_that_bounds_the_denominator_is_named_alone(self):
        """More than 1 percent of t leaves p >= 1; with p + t <= w = 1, t is 0: r, w, the limit."""
        limit = Limit(parts=(T, P), whole=W)
        more = claim("r", "1", P, T, 100, qualifier=Qualifier.MORE_THAN)
        claims = [count("w", W, "1"), more, percent("r2", q("o"), T, "0.0")]
        (conflict,) = reconcile(claims, limits=[limit]).conflicts
        assert conflict == Conflict(frozenset({"r", "w"}), T, frozenset({limit.id}))

    def test_zero_denominator_names_every_figure_dividing_by_it(self):
        """Offences published as 0 conflict with each published rate per offence, named together."""
        claims = [
            count("crime", T, "0"),
            percent("rate-1", A, T, "0.0"),
            percent("rate-2", B, T, "0.0"),
            percent("lost", C, T, None),
        ]
        result = reconcile(claims)
        assert [c.claims for c in result.conflicts] == [{"crime", "rate-1", "rate-2"}]
        assert reconcile([count("crime", T, "0"), percent("lost", C, T, None)]).conflicts != ()


class TestCanonicalOrder:
    """The answer depends on the claims, never on the order they come in."""

    @staticmethod
    def claims() -> list[Claim]:
        """Conflicts, a creeping share, a chain, a sum and a lost figure, together."""
        return [
            count("a1", A, "3"),
            count("a2", A, "3"),
            count("a3", A, "4"),
            percent("creep", P, T, "99.9"),
            count("w", W, "200"),
            percent("s", B, W, "13"),
            claim("sum", "30", (A, B, C)),
            change("c", NOW, BEFORE, "-10"),
            count("before", BEFORE, "200"),
            percent("lost", C, NOW, None),
        ]

    def test_shuffled_input_gives_the_same_result(self):
        """Every shuffle gives equal intervals (with their reasons) and equal conflicts."""
        expected = reconcile(self.claims())
        shuffler = random.Random(2015)  # noqa: S311 - a fixed shuffle, not a secret
        for _ in range(6):
            claims = self.claims()
            shuffler.shuffle(claims)
            assert reconcile(claims) == expected

    def test_reverse_order(self):
        """The reversed input gives the same result, conflicts in the same order."""
        assert reconcile(self.claims()[::-1]) == reconcile(self.claims())

    def test_intervals_are_sorted_by_quantity_id(self):
        """Intervals come sorted by their quantity's id, not by area, measure and period."""
        ids = [i.quantity.id for i in reconcile(self.claims()).intervals]
        assert ids == sorted(ids)
        other_area = Quantity(area=place("x-y"), measure="b")
        claims = [count("a", A, "1"), count("a-year", q("a", period=YEAR), "2")]
        claims.append(count("x-y", other_area, "3", area="x-y"))
        found = [i.quantity for i in reconcile(claims).intervals]
        assert found == [other_area, A, q("a", period=YEAR)]

    def test_limits_are_kept_in_order(self):
        """The limits of the result are sorted by id, whatever order they were given in."""
        first, second = Limit(parts=(A,), whole=W), Limit(parts=(B,), whole=W)
        result = reconcile([count("w", W, "5")], limits=[second, first])
        assert result.limits == (first, second)

    def test_bounds_do_not_depend_on_the_order_of_the_figures(self):
        """Two shares of the same whole, given in either order, leave the same bounds."""
        claims = [percent("b-share", P, T, "99.9"), percent("a-share", P, T, "50.1")]
        for order in itertools.permutations(claims):
            result = reconcile(list(order))
            assert bounds(result, P)[0] == bounds(reconcile(claims), P)[0]


class TestRangeOf:
    def test_percentage_change_is_exact(self):
        """110 after 100 is exactly +10 percent; 90 after 100 exactly -10."""
        rise = change("c", NOW, BEFORE, None)
        result = reconcile([count("n", NOW, "110"), count("b", BEFORE, "100"), rise])
        assert result.range_of(rise) == (10, 10)
        result = reconcile([count("n", NOW, "90"), count("b", BEFORE, "100"), rise])
        assert result.range_of(rise) == (-10, -10)

    def test_percentage_change_over_intervals(self):
        """Now in [180, 181] after 200: the change lies in [-10, -9.5]."""
        lost = change("lost", NOW, BEFORE, None)
        claims = [count("b", BEFORE, "200"), change("c", NOW, BEFORE, "-10"), lost]
        assert reconcile(claims).range_of(lost) == (-10, Fraction(-19, 2))

    def test_denominator_interval_ends_cross(self):
        """A share's least value divides the least part by the greatest whole, and vice versa."""
        lost = percent("lost", A, B, None)
        claims = [
            count("t", T, "200"),
            percent("a", A, T, "13"),
            count("b", B, "4", qualifier=Qualifier.MORE_THAN),
            percent("b-of-t", B, T, "3"),
            lost,
        ]
        result = reconcile(claims)
        assert bounds(result, A) == (25, 26)
        assert bounds(result, B) == (5, 6)
        assert result.range_of(lost) == (Fraction(2500, 6), Fraction(2600, 5))

    def test_denominator_of_one(self):
        """1 of 1 is 100 percent: a denominator of exactly 1 divides by 1."""
        lost = percent("lost", P, T, None)
        result = reconcile([count("p", P, "1"), count("t", T, "1"), lost])
        assert result.range_of(lost) == (100, 100)

    def test_sum_and_negative_scale(self):
        """10 - (a + b) with a exactly 1 and b in [1, 2] lies in [7, 8], ends in order."""
        lost = claim("lost", None, (A, B), None, -1, 10)
        claims = [count("a", A, "1"), count("w", W, "200"), percent("b", B, W, "1"), lost]
        result = reconcile(claims)
        assert bounds(result, B) == (1, 2)
        assert result.range_of(lost) == (7, 8)


class TestReconciliationQueries:
    def test_unknown_quantity_message(self):
        """An unknown quantity is named, with the known ones, in the library's own error."""
        result = reconcile([count("a", A, "1")])
        with pytest.raises(UnknownReferenceError) as raised:
            result.interval_of(B)
        assert str(raised.value) == "unknown quantity 'x.b'; known: x.a"
        with pytest.raises(UnknownReferenceError) as raised:
            result.interval("x.b")
        assert str(raised.value) == "unknown quantity 'x.b'; known: x.a"
        assert result.interval("x.a") == result.interval_of(A)

    def test_conflict_text(self):
        """A conflict reads: the sorted claims, the quantity, and the sorted limits if any."""
        plain = Conflict(frozenset({"b", "a"}), A)
        assert str(plain) == "a, b cannot all hold (they disagree on x.a)"
        limited = Conflict(frozenset({"b", "a"}), A, frozenset({"l2", "l1"}))
        assert str(limited) == "a, b cannot all hold (they disagree on x.a, given l1; l2)"

    def test_conflict_views(self):
        """A conflict's repr counts its claims and any limits; its notebook view lists them."""
        plain = Conflict(frozenset({"b", "a"}), A)
        assert repr(plain) == "<Conflict on x.a: 2 claims>"
        limited = Conflict(frozenset({"b", "a"}), A, frozenset({"l2", "l1"}))
        assert repr(limited) == "<Conflict on x.a: 2 claims, 2 limits>"
        html = limited._repr_html_()
        assert re.findall(r"<th>(.*?)</th>", html) == ["claims", "quantity", "limits"]
        assert re.findall(r"<td>(.*?)</td>", html) == ["a, b", "x.a", "l1; l2"]

    def test_notebook_view(self):
        """A reconciliation's notebook view: its summary, every interval, then any conflicts."""
        claims = [count("z", W, "1000"), percent("x", P, W, "1"), count("lost", T, None)]
        html = reconcile(claims)._repr_html_()
        assert re.findall(r"<strong>(.*?)</strong>", html) == [
            "Reconciliation: 3 quantities (1 exact, 1 unbounded), 0 conflicts, 0 limits"
        ]
        assert re.findall(r"<caption>(.*?)</caption>", html) == [
            "Inferred quantities (no high: unbounded)"
        ]
        assert re.findall(r"<th>(.*?)</th>", html) == ["quantity", "low", "high", "exact"]
        cells = ["x.p", "5", "14", "", "x.t", "0", "", "", "x.w", "1000", "1000", "yes"]
        assert re.findall(r"<td>(.*?)</td>", html) == cells
        assert html.endswith("</tr></tbody></table></div>")  # no conflicts, no table of them
        limits = (Limit(parts=(A,), whole=B), Limit(parts=(B,), whole=W))
        wrong = [count("a", A, "30"), count("w", W, "20"), claim("c", "5", ())]
        html = reconcile(wrong, limits=limits)._repr_html_()
        assert re.findall(r"<caption>(.*?)</caption>", html)[1] == "Conflicts"
        assert re.findall(r"<th>(.*?)</th>", html)[4:] == ["claims", "quantity", "limits"]
        assert re.findall(r"<td>(.*?)</td>", html)[-6:] == [
            *("a, w", "x.a", "x.a ≤ x.b; x.b ≤ x.w"),
            *("c", "x.empty-group.12m-to-2015-06-30", ""),
        ]

    def test_a_figure_no_number_satisfies_after_a_lost_one(self):
        """A fall of more than 100 percent is named however the figures before it read."""
        result = reconcile([count("a", A, None), change("b", NOW, BEFORE, "-101")])
        assert result.set_aside == {"b"}
        assert result.conflicts == (Conflict(frozenset({"b"}), NOW),)

    @pytest.mark.parametrize(
        ("published", "holds"), [("0", True), ("0.0", True), ("0.4", False), ("5", False)]
    )
    def test_a_count_of_an_empty_group(self, published, holds):
        """A group with no member is 0: a count of it holds only where it rounds from 0."""
        empty = claim("c", published, ())
        result = reconcile([empty])
        assert result.set_aside == (frozenset() if holds else {"c"})
        named = Quantity(area=AREA, measure="empty-group", period=YEAR)
        assert result.conflicts == (() if holds else (Conflict(frozenset({"c"}), named),))
        assert holds_together([empty], []) is holds

    def test_lost_denominator_is_exactly_one_at_least(self):
        """A lost figure's denominator starts at 1, resting on no claim."""
        result = reconcile([percent("lost", P, T, None)])
        assert bounds(result, T) == (1, MAX_COUNT)
        assert because(result, T) == (set(), set())
        assert bounds(result, P) == (0, MAX_COUNT)

    def test_unbounded_when_a_part_of_a_sum_rests_on_the_prior(self):
        """(a + b) ÷ t at least 9.5 with b unbounded: t's upper end rests on the prior."""
        claims = [
            count("a", A, "5"),
            percent("u", B, W, "50"),
            claim("r", "10", (A, B), T),
        ]
        result = reconcile(claims)
        assert not result.interval_of(T).is_bounded
        assert bounds(result, T)[1] < MAX_COUNT


class TestAdmits:
    def test_lost_value_is_always_admitted(self):
        """A figure without a value cannot disagree."""
        result = reconcile([count("a", A, "62")])
        assert result.admits(count("lost", A, None))

    def test_wrong_alone_is_never_admitted(self):
        """A fall of more than 100 percent is refused before the engine runs."""
        assert not reconcile([]).admits(change("c", NOW, BEFORE, "-101"))

    def test_goes_on_from_the_inferred_intervals(self):
        """62 groups admit 62 again, not 63; new quantities are admitted freely."""
        result = reconcile([count("a", A, "62")])
        assert result.admits(count("again", A, "62"))
        assert not result.admits(count("other", A, "63"))
        assert result.admits(percent("s", B, A, "50"))
        assert result.admits(count("new", B, "5"))

    def test_a_new_figure_propagates_through_the_old_ones(self):
        """p is 50 percent of t, p is 50, t is 50 percent of u: u = 150 leaves t at 75, not 100."""
        result = reconcile(
            [percent("s", P, T, "50"), count("p", P, "50"), percent("u", T, W, "50")]
        )
        assert bounds(result, T) == (100, 101)
        assert not result.admits(count("w", W, "150"))
        assert result.admits(count("w", W, "200"))
        assert bounds(result, T) == (100, 101)

    def test_a_value_the_old_figures_cannot_reach(self):
        """x is 1 percent of 1,000 and y 50 percent of x (x in 6..14); x = 11 leaves no y."""
        # Half of 11 is 5.5, and y would have to lie in [5.445, 5.555): no whole number does.
        x, y, z = q("x"), q("y"), q("z")
        result = reconcile(
            [count("z", z, "1000"), percent("x", x, z, "1"), percent("y", y, x, "50")]
        )
        assert bounds(result, x) == (6, 14)
        assert not result.admits(count("x-count", x, "11"))
        assert result.admits(count("x-count", x, "12"))

    def test_a_new_denominator_is_at_least_one(self):
        """A new figure's denominator is at least 1: 1 of it at 100 percent makes it exactly 1."""
        result = reconcile([count("p", P, "1")])
        assert result.admits(percent("s", P, T, "100"))
        assert not result.admits(percent("s", P, T, "49"))

    def test_a_change_from_nothing_is_not_admitted(self):
        """A fall of 10 percent from a baseline known to be 0 is refused."""
        assert not reconcile([count("b", BEFORE, "0")]).admits(change("c", NOW, BEFORE, "-10"))

    def test_a_rate_of_an_empty_group_is_not_admitted(self):
        """A group with no member type in use has no outcomes: its rate cannot be 14.4."""
        result = reconcile([])
        assert not result.admits(claim("r", "14.4", (), T, 100))
        assert result.admits(claim("r", "0.0", (), T, 100))
        assert not reconcile([count("t", T, "0")]).admits(claim("r", "0.0", (), T, 100))

    def test_more_than_a_share_of_nothing_is_not_admitted(self):
        """'More than 5 percent' of offences known to be 0 fails, as reconcile finds."""
        more = claim("m", "5", P, T, 100, qualifier=Qualifier.MORE_THAN)
        zero = count("t", T, "0")
        assert not holds_together([zero, more], [])
        assert not reconcile([zero]).admits(more)
        assert reconcile([count("t", T, "1")]).admits(more)

    def test_dividing_by_zero_is_not_admitted(self):
        """A new rate per offence is refused when the offences are known to be 0."""
        result = reconcile([count("crime", T, "0")])
        assert not result.admits(percent("rate", P, T, "0.0"))
        assert result.admits(count("again", T, "0"))

    def test_goes_on_under_its_own_ceiling(self):
        """Under a ceiling of 100 a count of 500 is no value a quantity can take."""
        assert not reconcile([count("a", A, "5")], ceiling=100).admits(count("b", B, "500"))
        assert reconcile([count("a", A, "5")]).admits(count("b", B, "500"))

    def test_divides_as_its_lost_figures_do(self):
        """A lost rate per offence keeps offences at least 1 for a figure added after."""
        result = reconcile([percent("lost", P, T, None)])
        assert not result.admits(count("t", T, "0"))

    def test_built_by_hand_uses_its_limits(self):
        """Without an engine to go on from, the claim is checked alone against the limits."""
        limits = (Limit(parts=(A,), whole=B),)
        inside_out = percent("s", B, A, "50")
        assert not Reconciliation((), (), limits).admits(inside_out)
        assert Reconciliation((), (), ()).admits(inside_out)


class TestHoldsTogether:
    def test_limits_are_applied(self):
        """12 and 9 fit no whole of 20 under the limit, and fit without it."""
        claims = [count("a", A, "12"), count("b", B, "9"), count("w", W, "20")]
        assert not holds_together(claims, [Limit(parts=(A, B), whole=W)])
        assert holds_together(claims, [])

    def test_wrong_alone_fails(self):
        """101 percent of a whole fails at once."""
        assert not holds_together([percent("s", P, W, "101")], [Limit(parts=(P,), whole=W)])
        assert not holds_together([change("c", NOW, BEFORE, "-101")], [])

    def test_lost_figures_still_divide(self):
        """A lost rate per offence makes offences published as 0 fail."""
        assert not holds_together([count("t", T, "0"), percent("lost", P, T, None)], [])
        assert holds_together([count("t", T, "1"), percent("lost", P, T, None)], [])


# --- scrutiny ------------------------------------------------------------------------------
