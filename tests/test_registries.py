"""The reference catalogues: forces, areas, outcomes, programmes and questions."""

from __future__ import annotations

import pytest

from peelmodel import (
    FIVE_GRADE,
    FOUR_GRADE,
    AreaKind,
    Force,
    Grade,
    OutcomeGroup,
    OutcomeType,
    Pillar,
    QuestionLevel,
    UnknownReferenceError,
)
from peelmodel.catalogues import areas, forces, outcomes, programmes, questions
from peelmodel.errors import PeelModelError

#: A few rows of the force table in the design's domain facts, typed in by hand.
KNOWN_FORCES = [
    ("avon-and-somerset", "Avon and Somerset Constabulary", "E23000036", "England"),
    ("city-of-london", "City of London Police", "E23000034", "England"),
    ("dyfed-powys", "Dyfed-Powys Police", "W15000004", "Wales"),
    ("hampshire", "Hampshire Constabulary", "E23000030", "England"),
    ("metropolitan", "Metropolitan Police Service", "E23000001", "England"),
    ("north-wales", "North Wales Police", "W15000001", "Wales"),
    ("west-mercia", "West Mercia Police", "E23000016", "England"),
    ("wiltshire", "Wiltshire Police", "E23000038", "England"),
]


class TestForces:
    def test_forty_three(self):
        """There are 43 territorial forces, every one a Force."""
        found = forces.all()
        assert len(found) == 43
        assert all(isinstance(force, Force) for force in found)

    def test_unique_ids_and_codes(self):
        """Ids and ONS codes are unique."""
        found = forces.all()
        assert len({force.id for force in found}) == 43
        assert len({force.ons_code for force in found}) == 43

    def test_alphabetical_by_id(self):
        """forces.all() is in alphabetical order of id."""
        ids = [force.id for force in forces.all()]
        assert ids == sorted(ids)
        assert ids[0] == "avon-and-somerset"
        assert ids[-1] == "wiltshire"

    def test_four_welsh_forces(self):
        """Four forces police Wales, with W15 codes."""
        welsh = sorted(force.id for force in forces.all() if force.country.value == "Wales")
        assert welsh == ["dyfed-powys", "gwent", "north-wales", "south-wales"]
        assert all(forces.get(i).ons_code.startswith("W15") for i in welsh)

    @pytest.mark.parametrize(("force_id", "name", "code", "country"), KNOWN_FORCES)
    def test_known_force(self, force_id, name, code, country):
        """get() returns the force with its official name, ONS code and country."""
        force = forces.get(force_id)
        assert (force.id, force.name, force.ons_code, force.country.value) == (
            force_id,
            name,
            code,
            country,
        )

    @pytest.mark.parametrize(
        "name",
        [
            "hampshire",
            "HAMPSHIRE",
            "Hampshire Constabulary",
            "hampshire constabulary",
            "E23000030",
            "e23000030",
            "  Hampshire Constabulary ",
        ],
    )
    def test_lookup_by_any_name(self, name):
        """lookup() takes an id, name or ONS code, ignoring case."""
        assert forces.lookup(name).id == "hampshire"

    def test_lookup_by_alias(self):
        """The Home Office calls the City of London force 'London, City of'."""
        assert forces.lookup("London, City of").id == "city-of-london"
        assert forces.lookup("LONDON, CITY OF").id == "city-of-london"

    def test_get_is_exact(self):
        """get() takes the exact id only."""
        with pytest.raises(UnknownReferenceError):
            forces.get("Hampshire")

    @pytest.mark.parametrize(
        "key", ["atlantis", "england-and-wales", "btp", "northern-ireland", ""]
    )
    def test_unknown_force(self, key):
        """Unknown ids, England and Wales and non-territorial forces raise a LookupError."""
        with pytest.raises(UnknownReferenceError) as caught:
            forces.get(key)
        assert isinstance(caught.value, LookupError)
        assert isinstance(caught.value, PeelModelError)
        assert caught.value.kind == "force"
        assert caught.value.key == key
        assert f"unknown force {key!r}" in str(caught.value)

    def test_lookup_unknown_and_non_string(self):
        """lookup() refuses an unknown name as a LookupError and a non-string as a TypeError."""
        with pytest.raises(UnknownReferenceError):
            forces.lookup("Atlantis Police")
        with pytest.raises(TypeError, match=r"peelmodel\.forces\.lookup\.name: must be str"):
            forces.lookup(30)  # type: ignore[arg-type]

    def test_every_force_region_exists(self):
        """Each force's region is a region area."""
        for force in forces.all():
            assert force.region.kind is AreaKind.REGION

    def test_hampshire_region(self):
        """Hampshire is in the South East."""
        assert forces.get("hampshire").region.name == "South East"


class TestAreas:
    def test_england_and_wales_is_an_area_not_a_force(self):
        """England and Wales is a national area."""
        national = areas.get("england-and-wales")
        assert national.kind is AreaKind.NATIONAL
        assert not isinstance(national, Force)
        assert national == areas.ENGLAND_AND_WALES
        assert areas.lookup("England and Wales") == national

    def test_kinds(self):
        """One national area, ten regions and the 43 force areas."""
        assert len(areas.all(kind=AreaKind.NATIONAL)) == 1
        assert len(areas.all(kind=AreaKind.REGION)) == 10
        assert len(areas.all(kind=AreaKind.FORCE)) == 43
        assert len(areas.all()) == 54

    def test_forces_are_the_same_objects(self):
        """A force looked up as an area equals the force registry's entry."""
        assert areas.get("hampshire") == forces.get("hampshire")

    def test_unique_codes(self):
        """Every area's ONS code is unique."""
        codes = [area.ons_code for area in areas.all()]
        assert len(codes) == len(set(codes))

    def test_unknown_area(self):
        """An unknown area id raises UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError, match="unknown area 'narnia'"):
            areas.get("narnia")


class TestOutcomes:
    def test_types_one_to_twenty_two(self):
        """Types are numbered 1 to 22."""
        assert [t.number for t in outcomes.types()] == list(range(1, 23))
        assert all(isinstance(t, OutcomeType) for t in outcomes.types())

    @pytest.mark.parametrize(
        ("number", "name"),
        [
            (1, "Charged/summonsed"),
            (2, "Caution - youths"),
            (3, "Caution - adults"),
            (6, "Penalty Notices for Disorder"),
            (7, "Cannabis/khat warning"),
            (8, "Community resolution"),
        ],
    )
    def test_figure_4_types(self, number, name):
        """The outcome types of Figure 4 have the report's names."""
        assert outcomes.type(number).name.replace("–", "-") == name

    def test_validity(self):
        """Types 21 and 22 came into use in January 2016 and April 2019."""
        assert str(outcomes.type(21).valid_from) == "2016-01-01"
        assert str(outcomes.type(22).valid_from) == "2019-04-01"

    def test_every_type_is_in_its_group(self):
        """Each type belongs to exactly the group named by its group id."""
        for outcome_type in outcomes.types():
            group = outcomes.group_of(outcome_type)
            assert outcome_type.number in group.members
            others = [g for g in outcomes.groups() if outcome_type.number in g.members]
            assert others == [group]

    def test_groups(self):
        """Figure 4's groups: formal = 2 + 3 + 6, informal = 7 + 8."""
        assert outcomes.group("out-of-court-formal").members == (2, 3, 6)
        assert outcomes.group("out-of-court-informal").members == (7, 8)
        assert all(isinstance(g, OutcomeGroup) for g in outcomes.groups())

    def test_get_type_or_group(self):
        """get() finds types by 'type-N' and groups by their id."""
        assert outcomes.get("type-4").number == 4  # type: ignore[union-attr]
        assert isinstance(outcomes.get("out-of-court-formal"), OutcomeGroup)

    def test_unknown(self):
        """Unknown outcomes raise UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError):
            outcomes.get("type-23")
        with pytest.raises(UnknownReferenceError):
            outcomes.type(0)
        with pytest.raises(UnknownReferenceError, match="outcome group"):
            outcomes.group("type-1")


class TestProgrammes:
    def test_programmes(self):
        """PEEL 2014 to 2018/19 grade on four grades, later programmes on five."""
        assert [p.id for p in programmes.all()][:2] == ["peel-2014", "peel-2015"]
        for programme in programmes.all():
            expected = FIVE_GRADE if programme.starts.year >= 2021 else FOUR_GRADE
            assert programme.scale is expected

    def test_scales(self):
        """The four-grade scale lacks 'adequate'."""
        assert programmes.scales() == (FOUR_GRADE, FIVE_GRADE)
        assert FOUR_GRADE.grades == (
            Grade.OUTSTANDING,
            Grade.GOOD,
            Grade.REQUIRES_IMPROVEMENT,
            Grade.INADEQUATE,
        )

    def test_lookup_by_name(self):
        """Programmes are found by name, ignoring case."""
        assert programmes.lookup("peel 2015").id == "peel-2015"

    def test_unknown(self):
        """An unknown programme raises UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError, match="unknown programme 'peel-1999'"):
            programmes.get("peel-1999")


class TestQuestions:
    def test_parents_exist(self):
        """Each parent is in the catalogue, same programme and pillar; headlines and areas have none."""
        for question in questions.all():
            if question.parent_id is None:
                assert question.level in {QuestionLevel.HEADLINE, QuestionLevel.AREA}
                continue
            parent = questions.get(question.parent_id)
            assert (parent.programme, parent.pillar) == (question.programme, question.pillar)

    def test_areas_only_in_five_grade_programmes(self):
        """Five-grade programmes hold areas (no pillar, no number) and nothing else; others none."""
        for question in questions.all():
            is_area = question.level is QuestionLevel.AREA
            assert is_area == (question.programme.scale is FIVE_GRADE)
            if is_area:
                assert (question.pillar, question.number) == (None, "")
            else:
                assert question.pillar is not None
        for programme in programmes.all():
            held = questions.all(programme=programme.id)
            assert questions.areas(programme.id) == (held if programme.scale is FIVE_GRADE else ())

    def test_only_headline_core_and_areas_are_graded(self):
        """Diagnostic questions are never graded; headline and core questions and areas may be."""
        levels = {q.level for q in questions.all() if q.graded}
        assert levels == {QuestionLevel.HEADLINE, QuestionLevel.CORE, QuestionLevel.AREA}

    def test_unique_ids(self):
        """Question ids are unique."""
        ids = [q.id for q in questions.all()]
        assert len(ids) == len(set(ids))

    def test_effectiveness_core_questions(self):
        """The four effectiveness questions, as the report numbers them."""
        core = questions.children(questions.headline("peel-2015", Pillar.EFFECTIVENESS))
        assert [q.number for q in core] == ["1", "2", "3", "4"]
        assert all(q.graded for q in core)
        assert core[1].text == (
            "How effective is the force at investigating crime and managing offenders?"
        )

    def test_leadership_not_graded(self):
        """Leadership was assessed but not graded in PEEL 2015."""
        leadership = questions.all(programme="peel-2015", pillar=Pillar.LEADERSHIP)
        assert len(leadership) == 5
        assert not any(q.graded for q in leadership)

    def test_legitimacy_2_not_graded(self):
        """The crime-recording question of legitimacy was not graded."""
        assert not questions.get("peel-2015.legitimacy.2").graded
        assert questions.get("peel-2015.legitimacy.1").graded

    def test_lookup_by_text(self):
        """A question can be found by its text, ignoring case."""
        found = questions.lookup(
            "HOW EFFECTIVE IS THE FORCE AT INVESTIGATING CRIME AND MANAGING OFFENDERS?"
        )
        assert found.id == "peel-2015.effectiveness.2"

    def test_unknown(self):
        """An unknown question raises UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError, match="unknown question"):
            questions.get("peel-2015.effectiveness.5")
