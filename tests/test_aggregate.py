"""Tests of peelmodel.analysis.aggregation: national, regional and most-similar-group figures."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peelmodel import (
    Basis,
    DocumentError,
    Figure,
    IncompatibleFiguresError,
    Inspection,
    InvalidValueError,
    OutcomeRate,
    Period,
    Pillar,
    UnknownReferenceError,
    datasets,
    dumps,
    loads,
)
from peelmodel.analysis import assess
from peelmodel.analysis.aggregation import (
    Action,
    AggregateKind,
    Method,
    by_region,
    merge,
    most_similar_group,
    national,
    regional,
    rule,
    rules,
)
from peelmodel.arithmetic import round_half_up
from peelmodel.catalogues import areas, forces, outcomes, programmes
from peelmodel.documents.records import to_records

YEAR = Period.twelve_months_to(date(2015, 6, 30))
LAST_YEAR = Period.twelve_months_to(date(2014, 6, 30))
AT = Period.as_at(date(2015, 6, 30))
ALL = tuple(force.id for force in forces.all())

#: How each generated figure is computed: key -> (numerator, denominator, scale, offset).
FORMULAS = {
    "recorded-crime.per-1000-population": ("recorded-crime", "population", 1000, 0),
    "recorded-crime.change-on-previous-year": ("recorded-crime", "recorded-crime-2014", 100, -100),
    "burglary-in-a-dwelling.per-1000-households": ("burglary", "households", 1000, 0),
    "ocgs.per-million-population": ("ocgs", "population", 1_000_000, 0),
    "ocgs-drug-activity.percent": ("ocgs-drug-activity", "ocgs", 100, 0),
    "outcomes.type-1.rate": ("charged", "recorded-crime", 100, 0),
}


def _figure(force, key, measure, period, basis, published, **extra):  # noqa: PLR0913, PLR0917 - mirrors Figure
    return Figure(
        id=f"{force}.{key}",
        label=key,
        measure=measure,
        area=areas.get(force),
        period=period,
        basis=basis,
        published=published,
        source="generated",
        **extra,
    )


def _published(value, digits, *, rounded):
    return round_half_up(value, digits) if rounded else None


def inspection(force, data, *, rounded=True, counts=True):
    """A force's inspection from exact *data*; *counts* False leaves out the population."""
    rate = data["recorded-crime"] * Fraction(1000) / data["population"]
    change = Fraction(data["recorded-crime"] * 100, data["recorded-crime-2014"]) - 100
    burglary = data["burglary"] * Fraction(1000) / data["households"]
    ocg_rate = data["ocgs"] * Fraction(1_000_000) / data["population"]
    drugs = Fraction(data["ocgs-drug-activity"] * 100, data["ocgs"])
    figures = [
        _figure(force, "recorded-crime.count", "recorded-crime", YEAR, Basis.COUNT, _count(data)),
        _figure(
            force,
            "recorded-crime.count-2014",
            "recorded-crime",
            LAST_YEAR,
            Basis.COUNT,
            Decimal(data["recorded-crime-2014"]),
        ),
        _figure(
            force,
            "recorded-crime.per-1000-population",
            "recorded-crime",
            YEAR,
            Basis.PER_1000_POPULATION,
            _published(rate, 1, rounded=rounded),
        ),
        _figure(
            force,
            "recorded-crime.change-on-previous-year",
            "recorded-crime",
            YEAR,
            Basis.PERCENTAGE_CHANGE,
            _published(change, 0, rounded=rounded),
            baseline=LAST_YEAR,
        ),
        _figure(
            force,
            "burglary.count",
            "burglary-in-a-dwelling",
            YEAR,
            Basis.COUNT,
            Decimal(data["burglary"]),
        ),
        _figure(
            force,
            "burglary-in-a-dwelling.per-1000-households",
            "burglary-in-a-dwelling",
            YEAR,
            Basis.PER_1000_HOUSEHOLDS,
            _published(burglary, 1, rounded=rounded),
        ),
        _figure(force, "ocgs.count", "ocgs", AT, Basis.COUNT, Decimal(data["ocgs"])),
        _figure(
            force,
            "ocgs.per-million-population",
            "ocgs",
            AT,
            Basis.PER_MILLION_POPULATION,
            _published(ocg_rate, 0, rounded=rounded),
        ),
        _figure(
            force,
            "ocgs-drug-activity.count",
            "ocgs-drug-activity",
            AT,
            Basis.COUNT,
            Decimal(data["ocgs-drug-activity"]),
        ),
        _figure(
            force,
            "ocgs-drug-activity.percent",
            "ocgs-drug-activity",
            AT,
            Basis.PERCENT,
            _published(drugs, 0, rounded=rounded),
            of="ocgs",
        ),
    ]
    if counts:
        figures += [
            _figure(
                force,
                "population.count",
                "population",
                AT,
                Basis.COUNT,
                Decimal(data["population"]),
            ),
            _figure(
                force,
                "households.count",
                "households",
                AT,
                Basis.COUNT,
                Decimal(data["households"]),
            ),
        ]
    row = OutcomeRate(
        area=areas.get(force),
        period=YEAR,
        outcome=outcomes.type(1),
        count=data["charged"],
        rate=round_half_up(Fraction(data["charged"] * 100, data["recorded-crime"]), 1),
        offences=data["recorded-crime"],
    )
    return Inspection(
        force=forces.get(force),
        programme=programmes.get("peel-2015"),
        pillar=Pillar.EFFECTIVENESS,
        title=f"Generated inspection of {force}",
        published=date(2016, 2, 1),
        figures=tuple(figures),
        outcome_rates=(row,),
    )


def _count(data):
    return Decimal(data["recorded-crime"])


@st.composite
def force_data(draw):
    """Exact counts and denominators of one force."""
    population = draw(st.integers(1_000, 5_000_000))
    crime = draw(st.integers(1, population))
    ocgs = draw(st.integers(1, 300))
    households = draw(st.integers(1, population))
    return {
        "population": population,
        "households": households,
        "recorded-crime": crime,
        "recorded-crime-2014": draw(st.integers(1, 2 * population)),
        "burglary": draw(st.integers(0, households)),
        "charged": draw(st.integers(0, crime)),
        "ocgs": ocgs,
        "ocgs-drug-activity": draw(st.integers(0, ocgs)),
    }


#: Fewer examples for the properties that aggregate many forces several times.
FEWER = settings(max_examples=max(25, settings.default.max_examples // 4))

#: Forces the rules name, drawn more often than the rest.
RULED = ("city-of-london", "metropolitan", "warwickshire", "west-mercia")


@st.composite
def force_sets(draw, *, min_size=1, max_size=8, among=ALL):
    """A few forces with exact data, the forces the rules name among them often."""
    chosen = draw(
        st.lists(st.sampled_from(among), min_size=min_size, max_size=max_size, unique=True)
    )
    if among is ALL:
        chosen += [f for f in RULED if f not in chosen and draw(st.booleans())]
    return {force: draw(force_data()) for force in chosen}


def inspections_of(data, **options):
    return [inspection(force, values, **options) for force, values in data.items()]


def exact_value(values, key):
    numerator, denominator, scale, offset = FORMULAS[key]
    return Fraction(values[numerator] * scale, values[denominator]) + offset


def _summary(group):
    return [
        (f.key, f.low, f.high, f.forces, f.missing, f.excluded) for f in group.figures
    ], group.missing


KENT = {
    "population": 1000,
    "households": 400,
    "recorded-crime": 50,
    "recorded-crime-2014": 40,
    "burglary": 4,
    "charged": 10,
    "ocgs": 10,
    "ocgs-drug-activity": 5,
}
SURREY = {
    "population": 10_000,
    "households": 4000,
    "recorded-crime": 300,
    "recorded-crime-2014": 300,
    "burglary": 20,
    "charged": 30,
    "ocgs": 30,
    "ocgs-drug-activity": 24,
}


class TestRatioOfSums:
    def test_rate_is_sum_over_sum_not_mean(self):
        """Kent 50 per 1,000 and Surrey 30 per 1,000 give 350/11 together, not 40."""
        items = inspections_of({"kent": KENT, "surrey": SURREY})
        group = regional(items, "south-east-region")
        assert group.figure("recorded-crime.per-1000-population").value == Fraction(350, 11)
        assert group.figure("recorded-crime.count").value == 350

    def test_mean_of_rates_for_an_msg(self):
        """An MSG average is the unweighted mean of the forces' rates."""
        items = inspections_of({"kent": KENT, "surrey": SURREY})
        group = most_similar_group(items, ["kent", "surrey"])
        assert group.figure("recorded-crime.per-1000-population").value == 40
        assert group.method is Method.MEAN

    def test_outcome_rate_over_offences(self):
        """The outcome rate is Σ outcomes ÷ Σ offences × 100."""
        group = national(inspections_of({"kent": KENT, "surrey": SURREY}))
        assert group.figure("outcomes.type-1.rate").value == Fraction(40 * 100, 350)
        assert group.figure("outcomes.type-1.count").value == 40

    def test_percentage_change_from_summed_values(self):
        """A change compares Σ current with Σ baseline values."""
        group = national(inspections_of({"kent": KENT, "surrey": SURREY}))
        assert (
            group.figure("recorded-crime.change-on-previous-year").value
            == Fraction(350 * 100, 340) - 100
        )

    def test_share_from_summed_counts(self):
        """A share is Σ parts ÷ Σ wholes."""
        group = national(inspections_of({"kent": KENT, "surrey": SURREY}), rules=[])
        assert group.figure("ocgs-drug-activity.percent").value == Fraction(29 * 100, 40)

    def test_households_denominator(self):
        """Burglary in a dwelling is per 1,000 households."""
        group = national(inspections_of({"kent": KENT, "surrey": SURREY}))
        assert group.figure("burglary-in-a-dwelling.per-1000-households").value == Fraction(
            24_000, 4400
        )

    def test_rounded_to_a_chosen_precision(self):
        """An exact result rounds half up."""
        group = national(inspections_of({"kent": KENT, "surrey": SURREY}))
        assert group.figure("recorded-crime.per-1000-population").rounded(1) == Decimal("31.8")


class TestMissing:
    def test_national_lists_absent_forces(self):
        """Every one of the 43 forces absent from the input is listed."""
        group = national(inspections_of({"kent": KENT}))
        assert len(group.missing) == 42
        assert "kent" not in group.missing
        assert group.figure("recorded-crime.count").missing == group.missing
        assert "city-of-london" not in group.figure("ocgs.count").missing

    def test_region_lists_its_absent_forces(self):
        """A region lists only its own absent forces."""
        group = regional(inspections_of({"kent": KENT, "essex": SURREY}), "south-east-region")
        assert group.missing == ("hampshire", "surrey", "sussex", "thames-valley")
        assert group.figure("ocgs.count").forces == ("kent",)

    def test_figure_lists_forces_without_it(self):
        """A present force that lacks a figure is missing from that figure only."""
        kent = inspection("kent", KENT)
        surrey = attrs.evolve(inspection("surrey", SURREY), outcome_rates=())
        group = regional([kent, surrey], "south-east-region")
        assert "surrey" in group.figure("outcomes.type-1.rate").missing
        assert "surrey" not in group.figure("ocgs.count").missing

    def test_hampshire_dataset(self):
        """The embedded report aggregates to itself for the region, with four forces missing."""
        group = regional([datasets.load("hampshire-2015")], "south-east-region")
        figure = group.figure("ocgs.count")
        assert (figure.value, figure.forces) == (62, ("hampshire",))
        assert len(group.missing) == 4


class TestRules:
    def test_rules_are_data_with_sources(self):
        """The three rules of the report ship with their footnotes."""
        assert [r.name for r in rules()] == [
            "exclude-city-of-london-from-ocg",
            "combine-warwickshire-west-mercia-ocg",
            "exclude-metropolitan-from-predominant-crime-type",
        ]
        assert all("Footnote" in r.source for r in rules())
        assert rule("combine-warwickshire-west-mercia-ocg").action is Action.COMBINE

    def test_unknown_rule_refused(self):
        """An unknown rule name is an UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError):
            national([], rules=["exclude-everyone"])

    def test_city_of_london_out_of_ocg_figures_only(self):
        """City of London leaves the OCG figures and stays in recorded crime."""
        items = inspections_of({"kent": KENT, "city-of-london": SURREY})
        group = national(items, rules=["exclude-city-of-london-from-ocg"])
        assert group.figure("ocgs.count").value == 10
        assert group.figure("ocgs.count").excluded == ("city-of-london",)
        assert "city-of-london" not in group.figure("ocgs.count").missing
        assert group.figure("recorded-crime.count").value == 350

    def test_metropolitan_out_of_predominant_type_share_only(self):
        """The Met leaves the drug-activity share but not the OCG count."""
        items = inspections_of({"kent": KENT, "metropolitan": SURREY})
        group = national(items, rules=["exclude-metropolitan-from-predominant-crime-type"])
        assert group.figure("ocgs-drug-activity.percent").value == 50
        assert group.figure("ocgs.count").value == 40
        assert group.figure("ocgs-drug-activity.count").value == 29

    def test_warwickshire_west_mercia_combined_in_msg(self):
        """Each combined force counts with the combined rate per million."""
        items = inspections_of({"warwickshire": KENT, "west-mercia": SURREY, "kent": SURREY})
        members = ["warwickshire", "west-mercia", "kent"]
        combined = Fraction(40 * 1_000_000, 11_000)
        group = most_similar_group(items, members, rules=["combine-warwickshire-west-mercia-ocg"])
        figure = group.figure("ocgs.per-million-population")
        assert figure.value == (2 * combined + 3000) / 3
        assert figure.combined == ("warwickshire", "west-mercia")
        plain = most_similar_group(items, members, rules=[])
        assert plain.figure("ocgs.per-million-population").value == Fraction(
            10_000 + 3000 + 3000, 3
        )
        assert group.figure("recorded-crime.per-1000-population") == plain.figure(
            "recorded-crime.per-1000-population"
        )


class TestIncompatible:
    def test_mixed_bases_refused(self):
        """The same figure per 1,000 population and per 1,000 households is refused."""
        kent = _figure("kent", "x.rate", "x", YEAR, Basis.PER_1000_POPULATION, Decimal("1.0"))
        surrey = _figure("surrey", "x.rate", "x", YEAR, Basis.PER_1000_HOUSEHOLDS, Decimal("1.0"))
        with pytest.raises(IncompatibleFiguresError, match="basis"):
            national([kent, surrey])

    def test_mixed_periods_refused(self):
        """The same figure for different periods is refused."""
        kent = _figure("kent", "x.count", "x", YEAR, Basis.COUNT, Decimal(1))
        surrey = _figure("surrey", "x.count", "x", LAST_YEAR, Basis.COUNT, Decimal(1))
        with pytest.raises(IncompatibleFiguresError):
            national([kent, surrey])

    def test_mixed_measures_refused(self):
        """The same figure id over different measures is refused."""
        kent = _figure("kent", "x.count", "x", YEAR, Basis.COUNT, Decimal(1))
        surrey = _figure("surrey", "x.count", "y", YEAR, Basis.COUNT, Decimal(1))
        with pytest.raises(IncompatibleFiguresError):
            national([kent, surrey])

    def test_conflicting_duplicate_refused(self):
        """Two different figures with one id for one force are refused."""
        one = _figure("kent", "x.count", "x", YEAR, Basis.COUNT, Decimal(1))
        two = _figure("kent", "x.count", "x", YEAR, Basis.COUNT, Decimal(2))
        with pytest.raises(IncompatibleFiguresError):
            national([one, two])

    def test_non_force_figure_refused(self):
        """A figure of England and Wales is not a force figure."""
        figure = _figure("england-and-wales", "x.count", "x", YEAR, Basis.COUNT, Decimal(1))
        with pytest.raises(InvalidValueError):
            national([figure])

    def test_bad_msg_refused(self):
        """An MSG needs distinct, known forces."""
        with pytest.raises(InvalidValueError):
            most_similar_group([], ["kent", "kent"])
        with pytest.raises(UnknownReferenceError):
            most_similar_group([], ["atlantis"])

    def test_region_must_be_a_region(self):
        """A force id is not a region."""
        with pytest.raises(UnknownReferenceError):
            regional([], "kent")

    def test_merge_refuses_means(self):
        """Means cannot be added up."""
        group = most_similar_group(inspections_of({"kent": KENT}), ["kent"])
        with pytest.raises(IncompatibleFiguresError):
            merge([group])


class TestKinds:
    def test_each_grouping_has_its_kind(self):
        """National, regional and MSG aggregates say what group they are, as enum members."""
        items = inspections_of({"kent": KENT, "surrey": SURREY})
        assert national(items).kind is AggregateKind.NATIONAL
        assert regional(items, "south-east-region").kind is AggregateKind.REGION
        assert (
            most_similar_group(items, ["kent", "surrey"]).kind is AggregateKind.MOST_SIMILAR_GROUP
        )

    def test_kind_values_are_the_output_strings(self):
        """The values are the strings the command line prints."""
        assert [kind.value for kind in AggregateKind] == ["national", "region", "msg"]

    def test_merge_takes_the_kind_of_its_area(self):
        """Merged regions are national by default, a region when named, else a group."""
        regions = by_region(inspections_of({"kent": KENT, "surrey": SURREY}))
        assert merge(regions).kind is AggregateKind.NATIONAL
        assert merge(regions, area="south-east-region").kind is AggregateKind.REGION
        assert merge(regions, area="kent").kind is AggregateKind.MOST_SIMILAR_GROUP
        assert merge(regions, area="pair").kind is AggregateKind.MOST_SIMILAR_GROUP


class TestTypedFigures:
    def test_what_a_figure_is_comes_from_its_fields_not_its_id(self):
        """A key that names no measure or basis still aggregates as the rate its fields say."""
        items = []
        for force, data in (("kent", KENT), ("surrey", SURREY)):
            crime, people = Decimal(data["recorded-crime"]), Decimal(data["population"])
            items += [
                _figure(
                    force,
                    "in-numbers.crime",
                    "recorded-crime",
                    YEAR,
                    Basis.PER_1000_POPULATION,
                    None,
                ),
                _figure(force, "crimes", "recorded-crime", YEAR, Basis.COUNT, crime),
                _figure(force, "people", "population", AT, Basis.COUNT, people),
            ]
        figure = national(items).figure("in-numbers.crime")
        assert (figure.measure, figure.basis, figure.period) == (
            "recorded-crime",
            Basis.PER_1000_POPULATION,
            YEAR,
        )
        assert figure.value == Fraction(350 * 1000, 11_000)
        assert figure.shape.denominator.measure == "population"

    def test_a_document_with_a_figure_of_another_area_is_invalid(self):
        """Loading a figure whose id names another area reports the figure's path."""
        document = json.loads(dumps(inspection("kent", KENT)))
        document["figures"][0]["id"] = "surrey.recorded-crime.count"
        with pytest.raises(DocumentError, match=r"\$\.figures\[0\]"):
            loads(json.dumps(document), Inspection)

    def test_merge_refuses_different_shapes(self):
        """Groups whose figures of one key differ in period cannot be merged."""
        kent = national([_figure("kent", "x.count", "x", YEAR, Basis.COUNT, Decimal(1))])
        surrey = national([_figure("surrey", "x.count", "x", LAST_YEAR, Basis.COUNT, Decimal(1))])
        south_east = attrs.evolve(kent, members=("kent",))
        other = attrs.evolve(surrey, members=("surrey",))
        with pytest.raises(IncompatibleFiguresError, match="differ"):
            merge([south_east, other])


class TestIntervals:
    def test_rounded_inputs_give_an_interval_holding_the_truth(self):
        """Without populations, the rate is an interval around the true value."""
        items = inspections_of({"kent": KENT, "surrey": SURREY}, counts=False)
        figure = regional(items, "south-east-region").figure("recorded-crime.per-1000-population")
        assert not figure.exact
        assert figure.value is None
        assert figure.low <= Fraction(350, 11) <= figure.high
        assert figure.low >= 30
        assert figure.high <= 51

    def test_counts_still_exact(self):
        """Published counts stay exact when denominators are unknown."""
        items = inspections_of({"kent": KENT, "surrey": SURREY}, counts=False)
        assert regional(items, "south-east-region").figure("ocgs.count").value == 40

    def test_lost_rates_aggregate_from_counts(self):
        """Rates published as lost still aggregate from the counts behind them."""
        items = inspections_of({"kent": KENT}, rounded=False)
        figure = national(items).figure("recorded-crime.per-1000-population")
        assert figure.value == 50


class TestRecords:
    def test_aggregate_records_in_pandas(self):
        """Rows of an aggregate make a DataFrame with one row per figure."""
        group = national(inspections_of({"kent": KENT, "surrey": SURREY}))
        frame = pd.DataFrame(to_records(group))
        assert len(frame) == len(group.figures)
        row = frame.set_index("id").loc["england-and-wales.recorded-crime.per-1000-population"]
        assert row["low"] == Fraction(350, 11)
        assert bool(row["exact"]) is True
        assert row["status"] == "exact"
        assert row["basis"] == "per-1000-population"

    def test_rounded_records(self):
        """With digits, the bounds are rounded Decimals."""
        group = national(inspections_of({"kent": KENT, "surrey": SURREY}))
        rows = to_records([group], digits=2)
        row = next(r for r in rows if r["id"].endswith("recorded-crime.per-1000-population"))
        assert row["low"] == Decimal("31.82")

    def test_inspection_records(self):
        """Rows of an assessed inspection carry the published value and status."""
        frame = pd.DataFrame(to_records(assess(datasets.load("hampshire-2015"))))
        row = frame.set_index("id").loc["hampshire.recorded-crime.per-1000-population"]
        assert row["published"] == Decimal("62.5")
        assert row["status"] in {"consistent", "unverifiable", "reproduced"}
        assert {"low", "high", "exact", "period_start", "period_end"} <= set(frame.columns)

    def test_records_refuse_other_objects(self):
        """Only the kinds of result that have rows become records."""
        with pytest.raises(InvalidValueError):
            to_records([42])


class TestProperties:
    @FEWER
    @given(force_sets(), st.randoms(use_true_random=False))
    def test_order_independent(self, data, rnd):
        """The result does not depend on the order of the input."""
        items = inspections_of(data)
        shuffled = list(items)
        rnd.shuffle(shuffled)
        assert national(shuffled) == national(items)

    @FEWER
    @given(force_sets(max_size=12))
    def test_regions_merge_to_national(self, data):
        """Adding up the regional totals gives the national figures."""
        items = inspections_of(data)
        assert _summary(merge(by_region(items))) == _summary(national(items))

    @given(st.sampled_from(ALL), force_data())
    def test_single_force_aggregates_to_itself(self, force, values):
        """A group of one force has that force's exact values, by either method."""
        items = [inspection(force, values)]
        for method in Method:
            group = most_similar_group(items, [force], method=method, rules=[])
            for key in FORMULAS:
                assert group.figure(key).value == exact_value(values, key)

    @given(force_data(), force_data())
    def test_sum_ratio_differs_from_mean_exactly_when_weights_matter(self, one, two):
        """Σ/Σ equals the mean of two rates exactly when the populations or the rates are equal."""
        items = inspections_of({"kent": one, "surrey": two})
        key = "recorded-crime.per-1000-population"
        pooled = most_similar_group(items, ["kent", "surrey"], method=Method.RATIO_OF_SUMS)
        mean = most_similar_group(items, ["kent", "surrey"])
        rates_differ = exact_value(one, key) != exact_value(two, key)
        populations_differ = one["population"] != two["population"]
        assert (pooled.figure(key).value != mean.figure(key).value) == (
            rates_differ and populations_differ
        )

    @FEWER
    @given(force_sets(), st.sampled_from([r.name for r in rules() if r.action is Action.EXCLUDE]))
    def test_exclusions_change_exactly_the_figures_they_name(self, data, name):
        """An exclusion rule removes its forces from the figures it matches, and nothing else."""
        items = inspections_of(data)
        plain, ruled = national(items, rules=[]), national(items, rules=[name])
        named = rule(name)
        without = national([i for i in items if i.force.id not in named.forces], rules=[])
        kept = {figure.key: figure for figure in ruled.figures}
        for before in plain.figures:
            after = kept.get(before.key)
            if after is None:  # every contributing force was excluded
                assert set(before.forces) <= set(named.forces)
            elif name in after.rules:
                assert after.excluded == named.forces
                reference = without.figure(after.key)
                assert (after.low, after.high) == (reference.low, reference.high)
            else:
                assert after == before

    @FEWER
    @given(force_sets(among=ALL))
    def test_combination_changes_exactly_the_figures_it_names(self, data):
        """Combining two forces changes only their OCG rate, and only in a mean."""
        items = inspections_of(data)
        members = sorted(data)
        name = "combine-warwickshire-west-mercia-ocg"
        plain = most_similar_group(items, members, rules=[])
        ruled = most_similar_group(items, members, rules=[name])
        both = {"warwickshire", "west-mercia"} <= set(members)
        for before, after in zip(plain.figures, ruled.figures, strict=True):
            if name in after.rules and both:
                pooled = Fraction(
                    sum(data[f]["ocgs"] for f in ("warwickshire", "west-mercia")) * 1_000_000,
                    sum(data[f]["population"] for f in ("warwickshire", "west-mercia")),
                )
                others = [
                    exact_value(data[f], after.key) for f in members if f not in rule(name).forces
                ]
                assert after.value == (2 * pooled + sum(others)) / len(members)
            else:
                assert (after.low, after.high) == (before.low, before.high)
        assert _summary(national(items, rules=[name])) == _summary(national(items, rules=[]))

    @FEWER
    @given(force_sets(max_size=6), st.sampled_from(list(Method)))
    def test_interval_holds_the_true_value(self, data, method):
        """With populations unpublished, every result interval holds the exact value."""
        items = inspections_of(data, counts=False)
        group = most_similar_group(items, sorted(data), method=method, rules=[])
        for key, (numerator, denominator, scale, offset) in FORMULAS.items():
            if method is Method.MEAN:
                truth = sum(exact_value(values, key) for values in data.values()) / len(data)
            else:
                total = sum(values[numerator] for values in data.values())
                truth = Fraction(total * scale, sum(v[denominator] for v in data.values())) + offset
            figure = group.figure(key)
            assert figure.low <= truth <= figure.high
