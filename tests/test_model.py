"""Invariants of the core model classes: every check their constructors make."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelmodel import (
    FIVE_GRADE,
    FOUR_GRADE,
    Area,
    AreaForImprovement,
    AreaKind,
    Basis,
    CauseOfConcern,
    Country,
    Figure,
    Force,
    Grade,
    GradingScale,
    Inspection,
    InspectionQuestion,
    InvalidValueError,
    Judgment,
    OutcomeGroup,
    OutcomeRate,
    OutcomeType,
    PeelModelError,
    Period,
    Pillar,
    Programme,
    Qualifier,
    QuestionLevel,
    Recommendation,
    datasets,
)
from peelmodel.catalogues import areas, forces, outcomes, programmes, questions

JUNE_2015 = Period(start=date(2014, 7, 1), end=date(2015, 6, 30))
PEEL_2015 = programmes.get("peel-2015")
HAMPSHIRE = forces.get("hampshire")
ENGLAND_AND_WALES = areas.get("england-and-wales")


@contextmanager
def invalid(owner: str, field: str) -> Iterator[None]:
    """Expect an InvalidValueError of *owner* that names *field* in its message."""
    with pytest.raises(InvalidValueError) as caught:
        yield
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, PeelModelError)
    assert error.owner == owner
    assert error.field == field
    assert str(error).startswith(f"{owner}.{field}: ")


def question(number: str, *, pillar: Pillar = Pillar.EFFECTIVENESS) -> InspectionQuestion:
    """A question of the shipped PEEL 2015 catalogue."""
    head = f"peel-2015.{pillar.value}"
    return questions.get(f"{head}.{number}" if number else head)


def figure(**changes: object) -> Figure:
    """A valid figure (Hampshire's recorded crime rate), with *changes* applied."""
    fields: dict[str, object] = {
        "id": "hampshire.recorded-crime.per-1000-population",
        "label": "Recorded crime (excluding fraud)",
        "measure": "recorded-crime",
        "area": HAMPSHIRE,
        "period": JUNE_2015,
        "basis": Basis.PER_1000_POPULATION,
        "published": Decimal("62.5"),
        "source": "Figure 2",
    }
    fields.update(changes)
    return Figure(**fields)  # type: ignore[arg-type]


def outcome_rate(**changes: object) -> OutcomeRate:
    """A valid outcome row (Hampshire charged/summonsed), with *changes* applied."""
    fields: dict[str, object] = {
        "area": HAMPSHIRE,
        "period": JUNE_2015,
        "outcome": outcomes.type(1),
        "count": 17_420,
        "rate": Decimal("14.4"),
    }
    fields.update(changes)
    return OutcomeRate(**fields)  # type: ignore[arg-type]


def inspection(**changes: object) -> Inspection:
    """A minimal valid PEEL 2015 effectiveness inspection, with *changes* applied."""
    fields: dict[str, object] = {
        "force": HAMPSHIRE,
        "programme": PEEL_2015,
        "pillar": Pillar.EFFECTIVENESS,
        "title": "PEEL: Police effectiveness 2015",
        "published": date(2016, 2, 1),
    }
    fields.update(changes)
    return Inspection(**fields)  # type: ignore[arg-type]


class TestPeriod:
    def test_twelve_months_to_starts_a_year_and_a_day_earlier(self):
        """Twelve months to 30 June 2015 start on 1 July 2014."""
        assert Period.twelve_months_to(date(2015, 6, 30)) == JUNE_2015

    def test_twelve_months_to_day_before_a_leap_day(self):
        """The twelve months to 28 February 2016 start on 1 March 2015."""
        assert Period.twelve_months_to(date(2016, 2, 28)).start == date(2015, 3, 1)
        assert Period.twelve_months_to(date(2016, 2, 29)).start == date(2015, 3, 1)

    def test_str_forms(self):
        """Periods print as the report writes them."""
        assert str(JUNE_2015) == "12 months to 30 June 2015"
        assert str(Period.as_at(date(2015, 6, 30))) == "as at 30 June 2015"
        odd = Period(start=date(2015, 9, 1), end=date(2015, 11, 30))
        assert str(odd) == "1 September 2015 to 30 November 2015"

    def test_slugs(self):
        """Each kind of period has its own short stable name."""
        assert JUNE_2015.slug == "12m-to-2015-06-30"
        assert Period.as_at(date(2015, 6, 30)).slug == "at-2015-06-30"
        odd = Period(start=date(2015, 9, 1), end=date(2015, 11, 30))
        assert odd.slug == "2015-09-01-to-2015-11-30"

    def test_parse_reads_isoformat(self):
        """parse() reads what isoformat() writes, for a range and an instant."""
        assert Period.parse("2014-07-01/2015-06-30") == JUNE_2015
        assert Period.parse("2015-06-30").is_instant
        assert JUNE_2015.isoformat() == "2014-07-01/2015-06-30"

    def test_end_before_start_is_rejected(self):
        """A period cannot end before it starts."""
        with invalid("Period", "end"):
            Period(start=date(2015, 6, 30), end=date(2014, 7, 1))

    def test_datetime_is_not_a_date(self):
        """A datetime is refused where a date belongs."""
        with invalid("Period", "start"):
            Period(start=datetime(2014, 7, 1), end=date(2015, 6, 30))  # noqa: DTZ001

    def test_string_is_not_a_date(self):
        """An ISO string is refused where a date object belongs."""
        with invalid("Period", "end"):
            Period(start=date(2014, 7, 1), end="2015-06-30")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "text",
        [
            "30/06/2015",
            "2015-02-30",
            "",
            "2015-06-30/",
            "20150630",
            "2015-W27-1",
            "2014-07-01/20150630",
        ],
    )
    def test_parse_rejects_bad_text(self, text):
        """parse() refuses text that is not an ISO date or range of dates."""
        with invalid("Period", "start/end"):
            Period.parse(text)

    def test_twelve_months_to_rejects_datetime(self):
        """The constructor helper checks its argument too."""
        with invalid("Period", "end"):
            Period.twelve_months_to(datetime(2015, 6, 30))  # noqa: DTZ001

    def test_is_twelve_months(self):
        """Only an exact twelve-month range counts as twelve months."""
        assert JUNE_2015.is_twelve_months
        assert not Period(start=date(2014, 7, 2), end=date(2015, 6, 30)).is_twelve_months

    def test_twelve_months_around_a_leap_day(self):
        """From 1 March to the end of February is twelve months, with or without a 29th."""
        assert Period(start=date(2015, 3, 1), end=date(2016, 2, 29)).is_twelve_months
        assert Period(start=date(2015, 3, 1), end=date(2016, 2, 28)).is_twelve_months
        assert Period(start=date(2016, 3, 1), end=date(2017, 2, 28)).is_twelve_months
        assert not Period(start=date(2015, 2, 28), end=date(2016, 2, 28)).is_twelve_months
        assert not Period(start=date(2016, 2, 29), end=date(2017, 2, 28)).is_twelve_months

    @given(st.dates(date(1903, 1, 1), date(2100, 12, 31)), st.integers(0, 800))
    def test_twelve_months_exactly_when_twelve_months_to_its_end(self, end, days):
        """A period is twelve months exactly when it is ``twelve_months_to`` its end."""
        start = date.fromordinal(end.toordinal() - days)
        period = Period(start=start, end=end)
        assert period.is_twelve_months == (period == Period.twelve_months_to(end))
        assert Period.twelve_months_to(end).is_twelve_months

    def test_frozen(self):
        """Periods are immutable."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            JUNE_2015.end = date(2016, 1, 1)  # type: ignore[misc]


class TestGrade:
    def test_order_by_merit(self):
        """Grades compare by merit, outstanding best and inadequate worst."""
        assert sorted(Grade, reverse=True) == [
            Grade.OUTSTANDING,
            Grade.GOOD,
            Grade.ADEQUATE,
            Grade.REQUIRES_IMPROVEMENT,
            Grade.INADEQUATE,
        ]
        assert Grade.REQUIRES_IMPROVEMENT < Grade.GOOD <= Grade.GOOD

    def test_labels(self):
        """Labels are written as HMIC writes them."""
        assert Grade.REQUIRES_IMPROVEMENT.label == "Requires improvement"
        assert Grade.OUTSTANDING.label == "Outstanding"

    def test_ranks(self):
        """Ranks run from 4 (outstanding) to 0 (inadequate)."""
        assert [grade.rank for grade in Grade] == [4, 3, 2, 1, 0]

    def test_no_comparison_with_strings(self):
        """A grade cannot be ordered against a plain string."""
        with pytest.raises(TypeError):
            _ = Grade.GOOD < "outstanding"  # type: ignore[operator]


class TestGradingScale:
    def test_four_grade_scale_has_no_adequate(self):
        """PEEL 2014 to 2018/19 grades have no 'adequate'."""
        assert Grade.ADEQUATE not in FOUR_GRADE
        assert Grade.ADEQUATE in FIVE_GRADE
        assert len(FOUR_GRADE.grades) == 4
        assert len(FIVE_GRADE.grades) == 5

    def test_grades_must_be_best_first(self):
        """A scale lists its grades best first."""
        with invalid("GradingScale", "grades"):
            GradingScale(id="backwards", grades=(Grade.INADEQUATE, Grade.GOOD))

    def test_grades_must_be_distinct(self):
        """A scale lists each grade once."""
        with invalid("GradingScale", "grades"):
            GradingScale(id="twice", grades=(Grade.GOOD, Grade.GOOD))

    def test_grades_must_not_be_empty(self):
        """A scale has at least one grade."""
        with invalid("GradingScale", "grades"):
            GradingScale(id="empty", grades=())

    def test_grades_must_be_grades(self):
        """Strings are not grades."""
        with invalid("GradingScale", "grades"):
            GradingScale(id="strings", grades=("good",))  # type: ignore[arg-type]

    def test_id_must_be_a_slug(self):
        """A scale id is a lower-case slug."""
        with invalid("GradingScale", "id"):
            GradingScale(id="Four Grade", grades=(Grade.GOOD,))


class TestProgramme:
    def test_peel_2015_grades_on_four_grades(self):
        """PEEL 2015 uses the four-grade scale and PEEL 2021/22 the five-grade scale."""
        assert PEEL_2015.scale is FOUR_GRADE
        assert programmes.get("peel-2021-22").scale is FIVE_GRADE

    def test_scale_must_be_a_scale(self):
        """A programme's scale is a GradingScale, not its id."""
        with invalid("Programme", "scale"):
            Programme(id="peel-x", name="PEEL X", scale="four-grade", starts=date(2015, 4, 1))  # type: ignore[arg-type]

    def test_starts_must_be_a_date(self):
        """A programme starts on a date, not a datetime."""
        with invalid("Programme", "starts"):
            Programme(
                id="peel-x",
                name="PEEL X",
                scale=FOUR_GRADE,
                starts=datetime(2015, 4, 1),  # noqa: DTZ001
            )

    def test_name_must_not_be_blank(self):
        """A programme has a name."""
        with invalid("Programme", "name"):
            Programme(id="peel-x", name=" ", scale=FOUR_GRADE, starts=date(2015, 4, 1))


class TestArea:
    def test_valid_area(self):
        """England and Wales is a national area with its ONS code."""
        assert ENGLAND_AND_WALES.kind is AreaKind.NATIONAL
        assert ENGLAND_AND_WALES.ons_code == "K04000001"
        assert str(ENGLAND_AND_WALES) == "England and Wales"

    @pytest.mark.parametrize("code", ["E2300003", "X23000030", "e23000030", "E230000300", 23000030])
    def test_ons_code_form(self, code):
        """ONS codes are a letter E, K or W and eight digits."""
        with invalid("Area", "ons_code"):
            Area(id="somewhere", name="Somewhere", ons_code=code, kind=AreaKind.REGION)

    def test_id_must_be_a_slug(self):
        """Area ids are lower-case slugs."""
        with invalid("Area", "id"):
            Area(id="South East", name="South East", ons_code="E12000008", kind=AreaKind.REGION)

    def test_kind_must_be_an_area_kind(self):
        """The kind is an AreaKind, not a string."""
        with invalid("Area", "kind"):
            Area(id="somewhere", name="Somewhere", ons_code="E12000008", kind="region")  # type: ignore[arg-type]

    def test_aliases_must_be_text(self):
        """Aliases are non-blank strings."""
        with invalid("Area", "aliases"):
            Area(
                id="somewhere",
                name="Somewhere",
                ons_code="E12000008",
                kind=AreaKind.REGION,
                aliases=("",),
            )


class TestForce:
    def make(self, **changes: object) -> Force:
        """A valid force (a copy of Hampshire's fields), with *changes* applied."""
        fields: dict[str, object] = {
            "id": "hampshire",
            "name": "Hampshire Constabulary",
            "ons_code": "E23000030",
            "region": areas.get("south-east-region"),
            "country": Country.ENGLAND,
        }
        fields.update(changes)
        return Force(**fields)  # type: ignore[arg-type]

    def test_equal_to_registry_entry(self):
        """A force built from the same fields equals the registry's Hampshire."""
        assert self.make() == HAMPSHIRE
        assert HAMPSHIRE.kind is AreaKind.FORCE

    def test_country_must_be_england_or_wales(self):
        """Only the 43 forces of England and Wales are modelled; a country is a Country."""
        with invalid("Force", "country"):
            self.make(country="Scotland")
        with invalid("Force", "country"):
            self.make(country="England")

    @pytest.mark.parametrize(
        "region",
        ["south-east-region", "kent", "england-and-wales"],
        ids=["slug", "force", "national"],
    )
    def test_region_must_be_a_region_area(self, region):
        """A force's region is a region Area: neither a slug nor another kind of area."""
        with invalid("Force", "region"):
            self.make(region=region if region == "south-east-region" else areas.get(region))

    def test_kind_must_be_force(self):
        """A force cannot claim to be a region."""
        with invalid("Force", "kind"):
            self.make(kind=AreaKind.REGION)

    def test_region_must_be_a_slug(self):
        """The region is the id of a region area."""
        with invalid("Force", "region"):
            self.make(region="South East")

    def test_name_checked_with_force_as_owner(self):
        """Inherited checks name the Force class."""
        with invalid("Force", "name"):
            self.make(name=" Hampshire Constabulary")

    def test_force_is_an_area(self):
        """Every force is also an area."""
        assert isinstance(HAMPSHIRE, Area)


class TestInspectionQuestion:
    def test_ids_levels_and_parents(self):
        """The number places a question: headline, core or diagnostic."""
        headline = question("")
        core = question("2")
        diagnostic = question("2.2.1")
        assert (headline.id, headline.level, headline.parent_id) == (
            "peel-2015.effectiveness",
            QuestionLevel.HEADLINE,
            None,
        )
        assert (core.level, core.parent_id) == (QuestionLevel.CORE, "peel-2015.effectiveness")
        assert (diagnostic.level, diagnostic.parent_id) == (
            QuestionLevel.DIAGNOSTIC,
            "peel-2015.effectiveness.2.2",
        )

    @pytest.mark.parametrize("number", ["0", "1.0", "01", "1.", ".1", "a", "1..2", 1])
    def test_number_form(self, number):
        """Numbers are '' or dotted positive integers."""
        with invalid("InspectionQuestion", "number"):
            InspectionQuestion(
                programme=PEEL_2015,
                pillar=Pillar.EFFECTIVENESS,
                number=number,
                text="How?",
                graded=False,
            )

    def test_diagnostic_questions_are_not_graded(self):
        """Only headline and core questions take a grade."""
        with invalid("InspectionQuestion", "graded"):
            InspectionQuestion(
                programme=PEEL_2015,
                pillar=Pillar.EFFECTIVENESS,
                number="1.1",
                text="How?",
                graded=True,
            )

    def test_graded_must_be_bool(self):
        """graded is a bool, not 1."""
        with invalid("InspectionQuestion", "graded"):
            InspectionQuestion(
                programme=PEEL_2015,
                pillar=Pillar.EFFECTIVENESS,
                number="1",
                text="How?",
                graded=1,  # type: ignore[arg-type]
            )

    def test_pillar_must_be_a_pillar(self):
        """A pillar label such as 'speed' is refused."""
        with invalid("InspectionQuestion", "pillar"):
            InspectionQuestion(
                programme=PEEL_2015,
                pillar="speed",  # type: ignore[arg-type]
                number="1",
                text="How?",
                graded=True,
            )

    def test_programme_must_be_a_programme(self):
        """The programme is a Programme, not its id."""
        with invalid("InspectionQuestion", "programme"):
            InspectionQuestion(
                programme="peel-2015",  # type: ignore[arg-type]
                pillar=Pillar.EFFECTIVENESS,
                number="1",
                text="How?",
                graded=True,
            )

    def test_text_must_not_be_blank(self):
        """Every question has its text."""
        with invalid("InspectionQuestion", "text"):
            InspectionQuestion(
                programme=PEEL_2015, pillar=Pillar.EFFECTIVENESS, number="1", text="", graded=True
            )


class TestJudgment:
    def test_valid(self):
        """A PEEL 2015 question can be judged Good."""
        judgment = Judgment(question=question("1"), grade=Grade.GOOD)
        assert judgment.grade is Grade.GOOD

    def test_adequate_is_not_on_the_peel_2015_scale(self):
        """'Adequate' only exists from PEEL 2021/22."""
        with invalid("Judgment", "grade") as _:
            Judgment(question=question("1"), grade=Grade.ADEQUATE)

    def test_adequate_is_on_a_five_grade_programme(self):
        """A five-grade programme accepts 'adequate'."""
        later = InspectionQuestion(
            programme=programmes.get("peel-2021-22"),
            pillar=Pillar.EFFECTIVENESS,
            number="1",
            text="How good is the force?",
            graded=True,
        )
        assert Judgment(question=later, grade=Grade.ADEQUATE).grade is Grade.ADEQUATE

    def test_ungraded_question_cannot_be_judged(self):
        """A diagnostic question takes no grade."""
        with invalid("Judgment", "question"):
            Judgment(question=question("2.2.1"), grade=Grade.GOOD)

    def test_ungraded_core_question_cannot_be_judged(self):
        """Leadership was assessed but not graded in PEEL 2015."""
        with invalid("Judgment", "question"):
            Judgment(question=question("1", pillar=Pillar.LEADERSHIP), grade=Grade.GOOD)

    def test_grade_must_be_a_grade(self):
        """A grade label string is refused."""
        with invalid("Judgment", "grade"):
            Judgment(question=question("1"), grade="good")  # type: ignore[arg-type]

    def test_question_must_be_a_question(self):
        """A question id string is refused."""
        with invalid("Judgment", "question"):
            Judgment(question="peel-2015.effectiveness.1", grade=Grade.GOOD)  # type: ignore[arg-type]


class TestOutcomeType:
    def test_registry_type(self):
        """Type 8 is community resolution, in use since April 2014."""
        community = outcomes.type(8)
        assert (community.id, community.group, community.valid_from) == (
            "type-8",
            "out-of-court-informal",
            date(2014, 4, 1),
        )

    def test_exists_during(self):
        """Types 21 and 22 did not exist in the twelve months to June 2015."""
        assert outcomes.type(1).exists_during(JUNE_2015)
        assert not outcomes.type(21).exists_during(JUNE_2015)
        assert not outcomes.type(22).exists_during(JUNE_2015)
        assert outcomes.type(22).exists_during(Period.twelve_months_to(date(2020, 3, 31)))

    @pytest.mark.parametrize("number", [0, -1, True])
    def test_number_must_be_positive_integer(self, number):
        """Type numbers start at 1; bool is not a number."""
        with invalid("OutcomeType", "number"):
            OutcomeType(number=number, name="X", group="x", valid_from=date(2014, 4, 1))

    def test_valid_from_must_be_a_date(self):
        """valid_from is a date, not a datetime."""
        with invalid("OutcomeType", "valid_from"):
            OutcomeType(number=1, name="X", group="x", valid_from=datetime(2014, 4, 1))  # noqa: DTZ001

    def test_group_must_be_a_slug(self):
        """group is a group id."""
        with invalid("OutcomeType", "group"):
            OutcomeType(number=1, name="X", group="Out of court", valid_from=date(2014, 4, 1))


class TestOutcomeGroup:
    def test_registry_groups(self):
        """Out-of-court (formal) is 2 + 3 + 6; informal is 7 + 8."""
        assert outcomes.group("out-of-court-formal").members == (2, 3, 6)
        assert outcomes.group("out-of-court-informal").members == (7, 8)

    @pytest.mark.parametrize("members", [(), (3, 2), (2, 2), (0, 1), (True,)])
    def test_members_distinct_ascending_positive(self, members):
        """Members are distinct positive type numbers, ascending."""
        with invalid("OutcomeGroup", "members"):
            OutcomeGroup(id="g", name="G", members=members)


class TestOutcomeRate:
    def test_valid(self):
        """Hampshire's charged/summonsed row has its stable id."""
        row = outcome_rate()
        assert row.id == "hampshire.outcomes.type-1"
        assert row.outcome_id == "type-1"

    def test_bool_is_not_a_count(self):
        """True is refused as a count although bool subclasses int."""
        with invalid("OutcomeRate", "count"):
            outcome_rate(count=True)

    def test_negative_count(self):
        """Counts are not negative."""
        with invalid("OutcomeRate", "count"):
            outcome_rate(count=-1)

    def test_count_too_large(self):
        """Counts above 10**12 are refused."""
        with invalid("OutcomeRate", "count"):
            outcome_rate(count=10**12 + 1)

    def test_float_count(self):
        """A float is not a count."""
        with invalid("OutcomeRate", "count"):
            outcome_rate(count=17420.0)

    def test_float_rate(self):
        """A published rate is a Decimal, never a float."""
        with invalid("OutcomeRate", "rate"):
            outcome_rate(rate=14.4)

    def test_negative_rate(self):
        """Rates are not negative."""
        with invalid("OutcomeRate", "rate"):
            outcome_rate(rate=Decimal("-1.0"))

    def test_nan_rate(self):
        """NaN is not a rate."""
        with invalid("OutcomeRate", "rate"):
            outcome_rate(rate=Decimal("NaN"))

    def test_rate_with_too_many_places(self):
        """Rates carry at most six decimal places."""
        with invalid("OutcomeRate", "rate"):
            outcome_rate(rate=Decimal("14.4000001"))

    def test_neither_count_nor_rate(self):
        """A row gives a count, a rate or both."""
        with invalid("OutcomeRate", "count+rate"):
            outcome_rate(count=None, rate=None)

    @pytest.mark.parametrize("number", [21, 22])
    def test_type_not_in_use_during_period(self, number):
        """Types 21 (2016) and 22 (2019) cannot appear in a 2015 period."""
        with invalid("OutcomeRate", "outcome"):
            outcome_rate(outcome=outcomes.type(number))

    def test_count_above_offences_is_a_finding(self):
        """More outcomes than offences is two published numbers disagreeing: the row builds."""
        assert outcome_rate(offences=17_419).offences == 17_419

    def test_zero_offences(self):
        """The offences denominator is positive."""
        with invalid("OutcomeRate", "offences"):
            outcome_rate(offences=0)

    def test_outcome_id_string_refused(self):
        """The outcome is a type or group object, not its id."""
        with invalid("OutcomeRate", "outcome"):
            outcome_rate(outcome="type-1")

    def test_area_must_be_an_area(self):
        """The area is an Area, not its id."""
        with invalid("OutcomeRate", "area"):
            outcome_rate(area="hampshire")

    def test_period_must_be_a_period(self):
        """The period is a Period."""
        with invalid("OutcomeRate", "period"):
            outcome_rate(period=date(2015, 6, 30))

    def test_blank_source(self):
        """A source, when given, is non-blank."""
        with invalid("OutcomeRate", "source"):
            outcome_rate(source="")


class TestFigure:
    def test_valid_places(self):
        """A figure knows how many places it was published with."""
        assert figure().places == 1
        assert figure(published=Decimal("2.0")).places == 1
        assert figure(published=None).places is None

    def test_percent_needs_of(self):
        """A percent figure is a share of some other measure."""
        with invalid("Figure", "of"):
            figure(basis=Basis.PERCENT, published=Decimal(56))

    def test_of_only_for_percent(self):
        """Only percent figures have 'of'."""
        with invalid("Figure", "of"):
            figure(of="population")

    def test_of_must_be_a_slug(self):
        """'of' names a measure."""
        with invalid("Figure", "of"):
            figure(basis=Basis.PERCENT, published=Decimal(56), of="Organised crime groups")

    def test_change_needs_baseline(self):
        """A percentage change is against a baseline period."""
        with invalid("Figure", "baseline"):
            figure(basis=Basis.PERCENTAGE_CHANGE, published=Decimal(-11))

    def test_baseline_only_for_change(self):
        """Only percentage-change figures have a baseline."""
        with invalid("Figure", "baseline"):
            figure(baseline=Period.twelve_months_to(date(2010, 6, 30)))

    def test_baseline_must_end_before_period(self):
        """The baseline ends before the figure's period."""
        with invalid("Figure", "baseline"):
            figure(
                basis=Basis.PERCENTAGE_CHANGE,
                published=Decimal(-11),
                baseline=Period.twelve_months_to(date(2016, 6, 30)),
            )

    def test_change_may_be_negative(self):
        """A percentage change can be negative; a rate cannot."""
        change = figure(
            basis=Basis.PERCENTAGE_CHANGE,
            published=Decimal(-11),
            baseline=Period.twelve_months_to(date(2010, 6, 30)),
        )
        assert change.published == Decimal(-11)
        with invalid("Figure", "published"):
            figure(published=Decimal("-62.5"))

    def test_count_has_no_places(self):
        """A count is published as a whole number."""
        with invalid("Figure", "published"):
            figure(basis=Basis.COUNT, published=Decimal("62.5"))

    def test_float_published(self):
        """Published values are Decimals, never floats."""
        with invalid("Figure", "published"):
            figure(published=62.5)

    def test_infinite_published(self):
        """Infinity is not a published value."""
        with invalid("Figure", "published"):
            figure(published=Decimal("Infinity"))

    def test_excluding_must_be_other_areas(self):
        """A figure cannot exclude its own area."""
        with invalid("Figure", "excluding"):
            figure(id="england-and-wales.x", area=ENGLAND_AND_WALES, excluding=(ENGLAND_AND_WALES,))

    def test_excluding_area_accepted(self):
        """England and Wales may exclude a force (footnote 23)."""
        metropolitan = forces.get("metropolitan")
        excluding = figure(
            id="england-and-wales.x", area=ENGLAND_AND_WALES, excluding=(metropolitan,)
        )
        assert excluding.excluding == (metropolitan,)

    def test_id_must_start_with_its_area(self):
        """A Kent figure under a Surrey id is refused, the message naming the id and the prefix."""
        with pytest.raises(InvalidValueError, match=r"Figure\.id: must start with 'kent\.'"):
            figure(id="surrey.ocgs.count", area=forces.get("kent"))

    def test_id_of_a_figure_excluding_areas_starts_with_its_own_area(self):
        """England and Wales without the Met is an England and Wales figure, by its id too."""
        metropolitan = forces.get("metropolitan")
        with invalid("Figure", "id"):
            figure(id="metropolitan.x", area=ENGLAND_AND_WALES, excluding=(metropolitan,))

    @pytest.mark.parametrize("figure_id", ["Hampshire.rate", "hampshire..rate", "", "a b"])
    def test_id_must_be_a_dotted_slug(self, figure_id):
        """Figure ids are dotted lower-case slugs."""
        with invalid("Figure", "id"):
            figure(id=figure_id)

    def test_source_required(self):
        """Every figure says where in the report it stands."""
        with invalid("Figure", "source"):
            figure(source="")

    def test_basis_must_be_a_basis(self):
        """A basis label string is refused."""
        with invalid("Figure", "basis"):
            figure(basis="percent")

    def test_qualifier_must_be_a_qualifier(self):
        """A qualifier label string is refused."""
        with invalid("Figure", "qualifier"):
            figure(qualifier="more-than")

    def test_more_than_qualifier(self):
        """'more than 600 officers' is a bound."""
        bound = figure(basis=Basis.COUNT, published=Decimal(600), qualifier=Qualifier.MORE_THAN)
        assert bound.qualifier is Qualifier.MORE_THAN

    def test_basis_scales(self):
        """Each basis knows its scale and denominator."""
        assert Basis.PER_MILLION_POPULATION.scale == 1_000_000
        assert Basis.PER_1000_HOUSEHOLDS.denominator == "households"
        assert Basis.PERCENT.denominator is None


class TestFindings:
    @pytest.mark.parametrize("kind", [AreaForImprovement, Recommendation])
    def test_question_must_be_a_question(self, kind):
        """A finding belongs to a question object."""
        with invalid(kind.__name__, "question"):
            kind(question="peel-2015.effectiveness.2", text="Do better.")

    @pytest.mark.parametrize("kind", [AreaForImprovement, Recommendation])
    def test_text_must_not_be_blank(self, kind):
        """A finding has its text."""
        with invalid(kind.__name__, "text"):
            kind(question=question("2"), text="  ")

    def test_cause_of_concern_needs_a_recommendation(self):
        """A cause of concern always comes with a recommendation."""
        with invalid("CauseOfConcern", "recommendations"):
            CauseOfConcern(question=question("3"), text="Serious shortcoming.", recommendations=())

    def test_cause_of_concern_recommendations_typed(self):
        """Recommendations of a cause of concern are Recommendation objects."""
        with invalid("CauseOfConcern", "recommendations"):
            CauseOfConcern(
                question=question("3"),
                text="Serious shortcoming.",
                recommendations=("Act now.",),  # type: ignore[arg-type]
            )

    def test_valid_cause_of_concern(self):
        """A cause of concern with one recommendation is valid."""
        recommendation = Recommendation(question=question("3"), text="Act now.")
        cause = CauseOfConcern(
            question=question("3"), text="Serious shortcoming.", recommendations=(recommendation,)
        )
        assert cause.recommendations == (recommendation,)


class TestInspection:
    def test_dataset_is_an_inspection(self):
        """The embedded dataset builds; its overall judgment is Good."""
        report = datasets.load("hampshire-2015")
        assert isinstance(report, Inspection)
        assert report.overall is not None
        assert report.overall.grade is Grade.GOOD
        assert report.areas[0] == HAMPSHIRE

    def test_minimal(self):
        """An inspection needs only its force, programme, pillar, title and date."""
        assert inspection().overall is None

    def test_duplicate_judgment(self):
        """A question is judged at most once."""
        judgment = Judgment(question=question("1"), grade=Grade.GOOD)
        with invalid("Inspection", "judgments[1].question"):
            inspection(judgments=(judgment, judgment))

    def test_judgment_of_another_pillar(self):
        """An effectiveness report cannot grade an efficiency question."""
        other = Judgment(question=question("1", pillar=Pillar.EFFICIENCY), grade=Grade.GOOD)
        with invalid("Inspection", "judgments[0].question"):
            inspection(judgments=(other,))

    def test_judgment_of_another_programme(self):
        """A PEEL 2015 report cannot hold a PEEL 2016 judgment."""
        later = InspectionQuestion(
            programme=programmes.get("peel-2016"),
            pillar=Pillar.EFFECTIVENESS,
            number="1",
            text="How effective is the force?",
            graded=True,
        )
        with invalid("Inspection", "judgments[0].question"):
            inspection(judgments=(Judgment(question=later, grade=Grade.GOOD),))

    def test_finding_of_another_programme(self):
        """Findings must belong to the inspection's programme too."""
        later = InspectionQuestion(
            programme=programmes.get("peel-2016"),
            pillar=Pillar.EFFECTIVENESS,
            number="2",
            text="How effective is the force?",
            graded=True,
        )
        with invalid("Inspection", "areas_for_improvement[0].question"):
            inspection(areas_for_improvement=(AreaForImprovement(question=later, text="Do."),))

    def test_group_count_off_its_members_is_a_finding(self):
        """A group total that is not the sum of its members loads: check names it instead."""
        rows = (
            outcome_rate(outcome=outcomes.type(2), count=691, rate=None),
            outcome_rate(outcome=outcomes.type(3), count=2938, rate=None),
            outcome_rate(outcome=outcomes.type(6), count=766, rate=None),
            outcome_rate(outcome=outcomes.group("out-of-court-formal"), count=4396, rate=None),
        )
        assert inspection(outcome_rates=rows).outcome_rates == rows

    def test_group_with_a_member_missing_is_not_checked(self):
        """A group whose members are not all given cannot be summed."""
        rows = (
            outcome_rate(outcome=outcomes.type(7), count=1370, rate=None),
            outcome_rate(outcome=outcomes.group("out-of-court-informal"), count=9999, rate=None),
        )
        assert len(inspection(outcome_rates=rows).outcome_rates) == 2

    def test_duplicate_outcome_row(self):
        """One row per outcome, area and period."""
        with invalid("Inspection", "outcome_rates[1]"):
            inspection(outcome_rates=(outcome_rate(), outcome_rate(count=1)))

    def test_outcome_row_of_an_unrelated_area(self):
        """Rows are for the force, its region or England and Wales."""
        with invalid("Inspection", "outcome_rates[0].area"):
            inspection(outcome_rates=(outcome_rate(area=forces.get("kent")),))

    def test_region_is_a_comparator(self):
        """The force's own region is an accepted comparator."""
        south_east = areas.get("south-east-region")
        assert inspection(outcome_rates=(outcome_rate(area=south_east),)).comparators == (
            ENGLAND_AND_WALES,
            south_east,
        )

    def test_duplicate_figure_id(self):
        """Figure ids are unique."""
        with invalid("Inspection", "figures[1].id"):
            inspection(figures=(figure(), figure()))

    def test_figure_id_clashing_with_outcome_row(self):
        """Figure ids cannot take an outcome row's count or rate id."""
        with invalid("Inspection", "figures[0].id"):
            inspection(
                outcome_rates=(outcome_rate(),),
                figures=(figure(id="hampshire.outcomes.type-1.rate"),),
            )

    def test_figure_of_an_unrelated_area(self):
        """Figures are for the force or its comparators."""
        with invalid("Inspection", "figures[0].area"):
            inspection(figures=(figure(id="kent.x", area=forces.get("kent")),))

    def test_fieldwork_after_publication(self):
        """Fieldwork happens before the report is published."""
        with invalid("Inspection", "fieldwork[0]"):
            inspection(fieldwork=(Period.as_at(date(2016, 3, 1)),))

    def test_force_must_be_a_force(self):
        """England and Wales is not a force."""
        with invalid("Inspection", "force"):
            inspection(force=ENGLAND_AND_WALES)

    def test_published_must_be_a_date(self):
        """The publication date is a date, not a datetime."""
        with invalid("Inspection", "published"):
            inspection(published=datetime(2016, 2, 1))  # noqa: DTZ001

    def test_items_must_have_their_types(self):
        """A judgment list holds Judgment objects."""
        with invalid("Inspection", "judgments[0]"):
            inspection(judgments=("good",))

    def test_blank_note(self):
        """Notes are non-blank text."""
        with invalid("Inspection", "notes[0]"):
            inspection(notes=("",))

    def test_judgment_and_figure_lookup(self):
        """judgment() and figure() find entries by id."""
        report = datasets.load("hampshire-2015")
        found = report.judgment("peel-2015.effectiveness.3")
        assert found is not None
        assert found.grade is Grade.REQUIRES_IMPROVEMENT
        assert report.judgment("peel-2015.effectiveness.2.1") is None
        assert report.figure("hampshire.ocgs.count").published == Decimal(62)
        with pytest.raises(LookupError, match=re.escape("unknown figure 'nope'")):
            report.figure("nope")


class TestQuickValidation:
    """The constructors' quick test accepts nothing that the full checks refuse."""

    _ODD_VALUES = (
        None,
        True,
        -1,
        0,
        5,
        10**13,
        "",
        " padded ",
        "Not A Slug",
        "recorded-crime",
        "ocgs",
        Decimal(-1),
        Decimal("1.5"),
        Decimal("NaN"),
        Decimal("0.0000001"),
        Decimal(12),
        1.5,
        Period.as_at(date(2010, 6, 30)),
        Period.as_at(date(2020, 6, 30)),
        Basis.COUNT,
        Basis.PERCENT,
        Basis.PERCENTAGE_CHANGE,
        Qualifier.MORE_THAN,
        (areas.get("hampshire"),),
        areas.get("kent"),
        outcomes.type(22),
        outcomes.group("out-of-court-formal"),
    )

    @given(data=st.data())
    def test_figures(self, data):
        """A Figure the quick test passes also passes every rule."""
        originals = datasets.load("hampshire-2015").figures
        figure = data.draw(st.sampled_from(originals))
        for _ in range(data.draw(st.integers(1, 3))):
            name = data.draw(st.sampled_from([f.name for f in attrs.fields(Figure)]))
            mutant = copy.copy(figure)  # a copy, not a new instance: no checks run
            own = (figure.measure, figure.period, figure.area)  # values of its other fields
            value = data.draw(st.sampled_from(self._ODD_VALUES + own))
            object.__setattr__(mutant, name, value)
            figure = mutant
        if figure._plainly_valid():
            figure._check()

    @given(data=st.data())
    def test_outcome_rates(self, data):
        """An OutcomeRate the quick test passes also passes every rule."""
        row = data.draw(st.sampled_from(datasets.load("hampshire-2015").outcome_rates))
        for _ in range(data.draw(st.integers(1, 3))):
            name = data.draw(st.sampled_from([f.name for f in attrs.fields(OutcomeRate)]))
            mutant = copy.copy(row)  # a copy, not a new instance: no checks run
            object.__setattr__(mutant, name, data.draw(st.sampled_from(self._ODD_VALUES)))
            row = mutant
        if row._plainly_valid():
            row._check()

    def test_of_must_differ_from_measure(self):
        """A share of its own measure is refused, on the quick path too."""
        figure = datasets.load("hampshire-2015").figure("hampshire.ocgs-drug-activity.percent")
        with pytest.raises(InvalidValueError, match=r"Figure\.of: must differ from the measure"):
            attrs.evolve(figure, of=figure.measure)


class TestTupleFields:
    """Collection fields are immutable tuples; a list or None is refused, never kept."""

    @pytest.mark.parametrize(
        ("make", "field"),
        [
            (lambda r: attrs.evolve(r.figures[0], excluding=None), "Figure.excluding"),
            (lambda r: attrs.evolve(r.figures[0], excluding=[]), "Figure.excluding"),
            (lambda r: attrs.evolve(r, judgments=list(r.judgments)), "Inspection.judgments"),
            (lambda r: attrs.evolve(r, notes=None), "Inspection.notes"),
            (lambda r: attrs.evolve(r, fieldwork=list(r.fieldwork)), "Inspection.fieldwork"),
            (lambda _: attrs.evolve(forces.get("kent"), aliases=["Kent"]), "Force.aliases"),
            (
                lambda _: attrs.evolve(outcomes.group("out-of-court-formal"), members=[2, 3, 6]),
                "OutcomeGroup.members",
            ),
            (
                lambda _: attrs.evolve(FOUR_GRADE, grades=list(FOUR_GRADE.grades)),
                "GradingScale.grades",
            ),
        ],
        ids=[
            "figure-none",
            "figure-list",
            "judgments",
            "notes",
            "fieldwork",
            "aliases",
            "members",
            "grades",
        ],
    )
    def test_non_tuple_refused(self, make, field):
        """A non-tuple collection raises InvalidValueError naming the field."""
        with pytest.raises(InvalidValueError, match=rf"^{re.escape(field)}: must be a tuple"):
            make(datasets.load("hampshire-2015"))


_HAMPSHIRE_2015 = datasets.load("hampshire-2015")
#: A valid instance of every public class, to change one field of.
_SAMPLES = (
    ENGLAND_AND_WALES,
    HAMPSHIRE,
    JUNE_2015,
    FOUR_GRADE,
    PEEL_2015,
    question("2"),
    _HAMPSHIRE_2015.judgments[0],
    outcomes.type(1),
    outcomes.group("out-of-court-formal"),
    *_HAMPSHIRE_2015.outcome_rates[:3],
    _HAMPSHIRE_2015.areas_for_improvement[0],
    Recommendation(question=question("2"), text="Act now."),
    CauseOfConcern(
        question=question("2"),
        text="A concern.",
        recommendations=(Recommendation(question=question("2"), text="Act now."),),
    ),
    *_HAMPSHIRE_2015.figures[:5],
    _HAMPSHIRE_2015,
)
_bad_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=8),
    st.binary(max_size=4),
    st.dates(),
    st.datetimes(),
    st.decimals(),
    st.fractions(),
    st.lists(st.integers() | st.text(max_size=3), max_size=3),
    st.lists(st.integers() | st.text(max_size=3), max_size=3).map(tuple),
    st.builds(object),
    st.sampled_from([*Grade, *Pillar, *AreaKind, *Basis, *Qualifier]),
    st.sampled_from(_SAMPLES),
    st.sampled_from(_SAMPLES).map(lambda sample: (sample,)),
)


class TestBadValues:
    """Every constructor refuses a bad value with a PeelModelError, never another exception."""

    @given(data=st.data())
    def test_one_bad_field(self, data):
        """Changing any one field to any value either builds an object or raises PeelModelError."""
        sample = data.draw(st.sampled_from(_SAMPLES), label="sample")
        fields = attrs.fields(type(sample))
        fields = [f for f in fields if f.init]
        field = data.draw(st.sampled_from(fields))
        value = data.draw(_bad_values, label="value")
        with suppress(PeelModelError):
            attrs.evolve(sample, **{field.alias: value})

    @given(
        st.sampled_from([Period.parse, Period.twelve_months_to, Period.as_at]),
        _bad_values | st.dates(date.min, date.max) | st.dates().map(date.isoformat),
    )
    def test_period_builders(self, build, value):
        """Period's class methods raise PeelModelError for any bad argument."""
        with suppress(PeelModelError):
            build(value)

    @pytest.mark.parametrize(
        ("make", "field"),
        [
            (lambda: attrs.evolve(HAMPSHIRE, country=["England"]), "Force.country"),
            (lambda: Period.parse(None), "Period.start/end"),
            (lambda: Period.parse(b"2015-06-30"), "Period.start/end"),
            (lambda: Period.twelve_months_to(date.max), "Period.end"),
            (lambda: Period.twelve_months_to(date.min), "Period.end"),
        ],
        ids=["country-list", "parse-none", "parse-bytes", "date-max", "date-min"],
    )
    def test_crashes_found_by_fuzzing(self, make, field):
        """Values that once raised TypeError, AttributeError or OverflowError."""
        with pytest.raises(InvalidValueError, match=rf"^{re.escape(field)}: "):
            make()

    @pytest.mark.parametrize("members", [(1, "2"), ([1],), (2, 1), ()])
    def test_group_members_of_any_kind(self, members):
        """Members that are not ascending type numbers are an InvalidValueError, never a TypeError."""
        with pytest.raises(InvalidValueError):
            OutcomeGroup(id="mixed", name="Mixed", members=members)
