"""The arithmetic of group figures: bounds of ratios and sums, pooling, options and refusals."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from test_aggregate import KENT, SURREY, YEAR, _figure, inspections_of

from peelmodel import (
    Basis,
    IncompatibleFiguresError,
    InvalidTypeError,
    InvalidValueError,
    UnknownReferenceError,
)
from peelmodel.analysis._aggregate_engine import aggregate, between, ratio, region_members
from peelmodel.analysis._aggregates import AggregateKind, Method
from peelmodel.analysis.aggregation import (
    by_region,
    merge,
    most_similar_group,
    national,
    regional,
    rules,
)
from peelmodel.catalogues import areas
from peelmodel.errors import InconsistentInputError
from peelmodel.model.area import AreaKind
from peelmodel.model.figure import Qualifier

RATE = "recorded-crime.per-1000-population"
OCG_RATE = "ocgs.per-million-population"
COMBINE = "combine-warwickshire-west-mercia-ocg"


class TestBounds:
    def test_ratio_of_a_sum(self):
        """``3 × n + 1`` over n from 2 to 5."""
        assert ratio((2, 5), None, Fraction(3), Fraction(1)) == (7, 16)

    def test_ratio_over_a_denominator(self):
        """A change: the least numerator over the greatest denominator, less 100."""
        assert ratio((2, 5), (10, 20), Fraction(100), Fraction(-100)) == (-90, -50)

    def test_between_the_parts(self):
        """A ratio of sums lies between the least and the greatest of its parts."""
        assert between((Fraction(0), Fraction(10)), [(2, 4), (6, 8)]) == (2, 8)

    def test_between_parts_that_meet_the_bounds_at_one_value(self):
        assert between((Fraction(1), Fraction(3)), [(3, 3), (3, 5)]) == (3, 3)


class TestFigures:
    def test_a_ratio_of_sums_is_narrowed_by_its_parts(self):
        """A rate of unpublished counts: its parts' published bands bound it, not its sums."""
        rate = _figure("kent", "x.rate", "x", YEAR, Basis.PER_1000_POPULATION, Decimal("50.0"))
        figure = national([rate]).figure("x.rate")
        assert (figure.low, figure.high) == (Fraction("49.95"), Fraction("50.05"))
        sums = ratio(figure.numerator, figure.denominator, Fraction(1000), Fraction(0))
        assert sums[0] < figure.low
        assert sums[1] > figure.high

    def test_what_a_figure_says_of_itself(self):
        figure = national(inspections_of({"kent": KENT, "surrey": SURREY})).figure(RATE)
        assert (figure.id, figure.label, figure.area) == (
            f"england-and-wales.{RATE}",
            RATE,
            "england-and-wales",
        )

    def test_a_mean_has_no_sums(self):
        group = most_similar_group(
            inspections_of({"kent": KENT, "surrey": SURREY}), ["kent", "surrey"]
        )
        figure = group.figure(RATE)
        assert (figure.numerator, figure.denominator) == (None, None)
        assert figure.value == (50 + 30) / Fraction(2)

    def test_bounded_only_where_every_force_is(self):
        exactly = _figure("kent", "x.count", "x", YEAR, Basis.COUNT, Decimal(5))
        above = _figure(
            "surrey", "x.count", "x", YEAR, Basis.COUNT, Decimal(5), qualifier=Qualifier.MORE_THAN
        )
        assert national([exactly]).figure("x.count").bounded is True
        assert national([exactly, above]).figure("x.count").bounded is False

    def test_forces_of_different_shapes_are_named(self):
        kent = _figure("kent", "x.count", "x", YEAR, Basis.COUNT, Decimal(1))
        surrey = attrs.evolve(kent, id="surrey.x.count", area=SURREY_AREA, measure="y")
        with pytest.raises(IncompatibleFiguresError) as raised:
            national([surrey, kent])
        assert raised.value.figures == ("kent.x.count", "surrey.x.count")


SURREY_AREA = inspections_of({"surrey": SURREY})[0].force


class TestPooling:
    def test_a_pool_of_one_force_is_no_combination(self):
        """West Mercia publishes nothing: Warwickshire's own rate counts, uncombined."""
        items = inspections_of({"warwickshire": KENT, "kent": SURREY})
        members = ["warwickshire", "kent"]
        group = most_similar_group(items, members, rules=[COMBINE])
        assert group.figure(OCG_RATE).combined == ()
        plain = most_similar_group(items, members, rules=[]).figure(OCG_RATE)
        assert attrs.evolve(group.figure(OCG_RATE), rules=()) == plain

    def test_a_partner_of_another_shape_is_refused(self):
        """West Mercia, outside the group, has the rate for another date: it cannot be pooled."""
        items = inspections_of({"warwickshire": KENT, "west-mercia": SURREY, "kent": SURREY})
        mercia = items[1]
        figures = tuple(
            attrs.evolve(f, period=YEAR) if f.id == f"west-mercia.{OCG_RATE}" else f
            for f in mercia.figures
        )
        items[1] = attrs.evolve(mercia, figures=figures)
        with pytest.raises(IncompatibleFiguresError) as raised:
            most_similar_group(items, ["warwickshire", "kent"], rules=[COMBINE])
        assert str(raised.value) == (
            f"figures '{OCG_RATE}' of combined forces differ in basis, measure or period: "
            f"west-mercia.{OCG_RATE}, kent.{OCG_RATE}"
        )


def test_a_force_is_not_a_region():
    with pytest.raises(UnknownReferenceError) as raised:
        region_members("kent")
    assert str(raised.value) == "unknown region 'kent'; no close match among the 10 known"
    assert raised.value.known == tuple(a.id for a in areas.all(kind=AreaKind.REGION))


class TestGroup:
    def test_names_its_group_and_its_rules(self):
        items = inspections_of({"kent": KENT})
        assert national(items).name == "England and Wales"
        group = most_similar_group(items, ["kent"], rules=[COMBINE, COMBINE])
        assert group.rules == (COMBINE,)

    @pytest.mark.parametrize(
        ("options", "refused"),
        [
            ({"method": "ratio-of-sums", "rule_names": None}, "method: must be Method"),
            ({"method": Method.MEAN, "rule_names": COMBINE}, "rule_names: must be Iterable of str"),
        ],
    )
    def test_a_method_and_rule_names_of_the_wrong_type_are_refused(self, options, refused):
        with pytest.raises(InvalidTypeError, match=refused):
            aggregate({}, area="x", name="x", kind=AggregateKind.NATIONAL, members=[], **options)


def _wrong(items):
    """The first inspection with its recorded crime rate far from its counts."""
    first = items[0]
    figures = tuple(
        attrs.evolve(f, published=Decimal("90.0")) if f.id.endswith(RATE) else f
        for f in first.figures
    )
    return [attrs.evolve(first, figures=figures), *items[1:]]


class TestGroupings:
    """The options every grouping passes on: rules, and whether inconsistent forces are allowed."""

    REGION = "south-east-region"

    @pytest.mark.parametrize(
        "grouping",
        [
            lambda items, **options: regional(items, TestGroupings.REGION, **options),
            lambda items, **options: by_region(items, **options)[0],
            national,
        ],
        ids=["regional", "by_region", "national"],
    )
    def test_rules_and_inconsistent_forces(self, grouping):
        items = inspections_of({"kent": KENT, "surrey": SURREY})
        assert grouping(items).rules == tuple(r.name for r in rules())
        assert grouping(items, rules=[COMBINE]).rules == (COMBINE,)
        with pytest.raises(InconsistentInputError):
            grouping(_wrong(items))
        group = grouping(_wrong(items), allow_inconsistent=True)
        assert group.figure(RATE).value == Fraction(350_000, 11_000)  # from the counts kept

    def test_merge_refuses_means_naming_the_groups(self):
        items = inspections_of({"kent": KENT})
        group = most_similar_group(items, ["kent"])
        with pytest.raises(IncompatibleFiguresError) as raised:
            merge([group])
        assert str(raised.value) == "only ratios of sums can be merged: most-similar-group"

    def test_merge_refuses_groups_sharing_forces(self):
        items = inspections_of({"kent": KENT, "surrey": SURREY})
        south_east = regional(items, self.REGION)
        with pytest.raises(IncompatibleFiguresError) as raised:
            merge([south_east, national(items)])
        assert str(raised.value) == "merged groups must not share forces: england-and-wales"

    def test_merge_takes_the_members_given(self):
        group = regional(inspections_of({"kent": KENT}), self.REGION)
        merged = merge([group], area="kent-and-surrey", members=["surrey", "kent", "kent"])
        assert merged.members == ("kent", "surrey")
        assert merged.missing == ("surrey",)

    def test_merge_adds_the_sums_of_its_pieces(self):
        """Kent's count exactly and more than one in London: 6 or more, with no greatest value."""
        kent = _figure("kent", "x.count", "x", YEAR, Basis.COUNT, Decimal(5))
        london = attrs.evolve(
            kent,
            id="metropolitan.x.count",
            area=areas.get("metropolitan"),
            published=Decimal(1),
            qualifier=Qualifier.MORE_THAN,
        )
        rate = _figure("kent", "y.rate", "y", YEAR, Basis.PER_1000_POPULATION, Decimal("2.0"))
        other = attrs.evolve(rate, id="metropolitan.y.rate", area=london.area)
        south_east = regional([kent, rate], self.REGION)
        merged = merge([south_east, regional([london, other], "london-region")])
        figure = merged.figure("x.count")
        assert (figure.forces, figure.numerator[0], figure.bounded) == (
            ("kent", "metropolitan"),
            7,
            False,
        )
        assert figure.denominator is None
        sums = national([rate, other]).figure("y.rate")
        assert merged.figure("y.rate").denominator == sums.denominator
        assert sums.denominator != south_east.figure("y.rate").denominator

    def test_a_merged_group_says_what_it_is(self):
        items = inspections_of({"kent": KENT, "surrey": SURREY})
        south_east = regional(items, self.REGION)
        merged = merge([south_east])
        assert (merged.area, merged.name, merged.kind, merged.method, merged.rules) == (
            "england-and-wales",
            "England and Wales",
            AggregateKind.NATIONAL,
            Method.RATIO_OF_SUMS,
            south_east.rules,
        )
        figure = merged.figure(RATE)
        assert (figure.id, figure.area) == (f"england-and-wales.{RATE}", "england-and-wales")
        custom = merge([south_east], area="kent-and-surrey")
        assert (custom.name, custom.kind) == ("kent-and-surrey", AggregateKind.MOST_SIMILAR_GROUP)
        assert merge([]).rules == ()

    def test_a_merged_ratio_is_narrowed_by_its_pieces(self):
        """Rates of unpublished counts in two regions: between the two regions' bands."""
        kent = _figure("kent", "x.rate", "x", YEAR, Basis.PER_1000_POPULATION, Decimal("50.0"))
        london = attrs.evolve(
            kent,
            id="metropolitan.x.rate",
            area=areas.get("metropolitan"),
            published=Decimal("30.0"),
        )
        pieces = [regional([kent], self.REGION), regional([london], "london-region")]
        figure = merge(pieces).figure("x.rate")
        assert (figure.low, figure.high) == (Fraction("29.95"), Fraction("50.05"))

    def test_merge_names_pieces_of_different_shapes(self):
        kent = _figure("kent", "x.count", "x", YEAR, Basis.COUNT, Decimal(1))
        london = attrs.evolve(
            kent, id="metropolitan.x.count", area=areas.get("metropolitan"), measure="y"
        )
        pieces = [regional([kent], self.REGION), regional([london], "london-region")]
        with pytest.raises(IncompatibleFiguresError) as raised:
            merge(pieces)
        assert raised.value.figures == ("south-east-region.x.count", "london-region.x.count")


class TestMostSimilarGroup:
    @pytest.mark.parametrize(
        ("members", "refused"),
        [
            ([], "members: must name at least one force (found ())"),
            (["kent", "kent"], "members: must not repeat a force (found ('kent', 'kent'))"),
        ],
    )
    def test_members_refused(self, members, refused):
        with pytest.raises(InvalidValueError) as raised:
            most_similar_group([], members)
        assert str(raised.value) == f"peelmodel.analysis.aggregation.most_similar_group.{refused}"

    def test_inconsistent_forces_refused_unless_allowed(self):
        items = _wrong(inspections_of({"kent": KENT, "surrey": SURREY}))
        with pytest.raises(InconsistentInputError):
            most_similar_group(items, ["kent", "surrey"])
        group = most_similar_group(items, ["kent", "surrey"], allow_inconsistent=True)
        assert group.figure(RATE).forces == ("kent", "surrey")

    def test_named_group(self):
        items = inspections_of({"kent": KENT})
        assert most_similar_group(items, ["kent"]).name == "Most similar group"
        named = most_similar_group(items, ["kent"], name="kent-msg")
        assert (named.area, named.name) == ("kent-msg", "kent-msg")
        assert named.figure(RATE).id == f"kent-msg.{RATE}"
