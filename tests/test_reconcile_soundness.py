"""Soundness of the reconcile engine: it never excludes the true values.

Hidden whole numbers (a population, offences recorded, counts of outcome
types, last year's offences) are drawn at random; the figures a report would
publish from them are rounded half up at a random precision with
:mod:`peelmodel.analysis.reproduction`; and the engine, given only the rounded figures, must
keep every true value inside its inferred interval and find no conflict.
"""

from __future__ import annotations

from fractions import Fraction

from claim_making import made
from hypothesis import given
from hypothesis import strategies as st

from peelmodel.analysis.reconciliation import reconcile
from peelmodel.arithmetic import percentage_change, publish, rate, share
from peelmodel.claims import Claim, Formula, Quantity
from peelmodel.model.area import Area, AreaKind
from peelmodel.model.figure import Qualifier
from peelmodel.model.period import Period

AREA = Area(id="somewhere", name="Somewhere", ons_code="E99999999", kind=AreaKind.FORCE)
YEAR = Period.parse("2014-07-01/2015-06-30")
POPULATION = Quantity(area=AREA, measure="population")
OFFENCES = Quantity(area=AREA, measure="recorded-crime")
BASELINE = Quantity(area=AREA, measure="recorded-crime-last-year")
GROUP = "outcomes.group"


def _type(number: int) -> Quantity:
    return Quantity(area=AREA, measure=f"outcomes.type-{number}")


def _claim(
    claim_id: str,
    value: Fraction | int,
    digits: int,
    formula: Formula,
    *,
    qualifier: Qualifier = Qualifier.EXACTLY,
) -> Claim:
    published = publish(value, digits)
    return made(claim_id, published, formula, AREA, qualifier=qualifier, source="drawn")


@st.composite
def reports(draw: st.DrawFn) -> tuple[dict[Quantity, int], list[Claim]]:
    """Hidden true values, and the rounded figures a report publishes from them."""
    # Small numbers too: they land exactly on the half-way ends of bands (181 against 200
    # is a change of exactly -9.5 percent), where an off-by-one bound would show.
    population = draw(st.one_of(st.integers(1, 2_000), st.integers(1, 10_000_000)))
    offences = draw(st.one_of(st.integers(1, 400), st.integers(1, 500_000)))
    baseline = draw(st.one_of(st.integers(1, 400), st.integers(1, 500_000)))
    drawn_counts = st.integers(0, offences)
    mode = draw(st.sampled_from(["any", "change-on-a-half", "rates-on-a-half"]))
    if mode == "change-on-a-half":
        # A change of exactly k + 1/2 percent: 200j offences last year, j(201 + 2k) this year.
        j, k = draw(st.integers(1, 1_000)), draw(st.integers(-100, 99))
        offences, baseline = j * (201 + 2 * k), 200 * j
        drawn_counts = st.integers(0, offences)
    elif mode == "rates-on-a-half":
        # j(2m + 1) outcomes of 200j offences is exactly m + 1/2 per 100.
        j = draw(st.integers(1, 1_000))
        offences = 200 * j
        drawn_counts = st.integers(0, 99).map(lambda m: j * (2 * m + 1))
    counts = draw(st.lists(drawn_counts, min_size=1, max_size=5))
    # Each offence has at most one outcome: keep the types that fit in the offences.
    while sum(counts) > offences:
        counts.pop()
    digits = st.integers(0, 2)
    types = [_type(n) for n in range(len(counts))]
    truth = {POPULATION: population, OFFENCES: offences, BASELINE: baseline}
    truth.update(zip(types, counts, strict=True))

    claims = [
        _claim(
            "crime-rate",
            rate(offences, population, per=1000),
            draw(digits),
            Formula(numerator=(OFFENCES,), denominator=POPULATION, scale=Fraction(1000)),
        ),
        _claim(
            "change",
            percentage_change(offences, baseline),
            draw(digits),
            Formula(
                numerator=(OFFENCES,),
                denominator=BASELINE,
                scale=Fraction(100),
                offset=Fraction(-100),
            ),
        ),
    ]
    for quantity, number in zip(types, counts, strict=True):
        name = quantity.measure
        claims.append(
            _claim(
                f"{name}.rate",
                rate(number, offences, per=100),
                draw(digits),
                Formula(numerator=(quantity,), denominator=OFFENCES, scale=Fraction(100)),
            )
        )
        if draw(st.booleans()):
            claims.append(_claim(f"{name}.count", number, 0, Formula(numerator=(quantity,))))
        if draw(st.booleans()):
            claims.append(
                _claim(
                    f"{name}.share",
                    share(number, offences),
                    draw(digits),
                    Formula(numerator=(quantity,), denominator=OFFENCES, scale=Fraction(100)),
                )
            )
    members = tuple(types[: draw(st.integers(1, len(types)))])
    total = sum(truth[q] for q in members)
    claims.append(_claim(f"{GROUP}.count", total, 0, Formula(numerator=members)))
    claims.append(
        _claim(
            f"{GROUP}.rate",
            rate(total, offences, per=100),
            draw(digits),
            Formula(numerator=members, denominator=OFFENCES, scale=Fraction(100)),
        )
    )
    if draw(st.booleans()):
        claims.append(_claim("offences", offences, 0, Formula(numerator=(OFFENCES,))))
    if draw(st.booleans()) and population > 1:
        # "More than N people", for some N below the truth.
        below = draw(st.integers(0, population - 1))
        more_than = Formula(numerator=(POPULATION,))
        claims.append(
            _claim("population.more-than", below, 0, more_than, qualifier=Qualifier.MORE_THAN)
        )
    return truth, draw(st.permutations(claims))


class TestSoundness:
    @given(reports())
    def test_true_values_lie_in_their_intervals(self, report):
        """Every hidden true value lies inside the interval inferred for it."""
        truth, claims = report
        result = reconcile(claims)
        for quantity, value in truth.items():
            interval = result.interval(quantity.id)
            assert interval.low <= value <= interval.high, (quantity.id, value, interval)

    @given(reports())
    def test_true_figures_never_conflict(self, report):
        """Figures published from one set of true values never conflict."""
        _, claims = report
        assert reconcile(claims).conflicts == ()

    @given(reports())
    def test_range_of_holds_the_true_value(self, report):
        """The range of every figure's formula holds its exact true value."""
        truth, claims = report
        result = reconcile(claims)
        for claim in claims:
            low, high = result.range_of(claim)
            assert low <= claim.formula.evaluate(truth) <= high, claim.id

    @given(reports())
    def test_published_figures_are_inside_their_bands(self, report):
        """The drawn figures round back to themselves: the generator is faithful."""
        truth, claims = report
        for claim in claims:
            assert claim.band is not None
            assert claim.formula.evaluate(truth) in claim.band, claim.id
