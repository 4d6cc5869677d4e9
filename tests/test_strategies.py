"""The strategies of peelmodel.strategies: valid values, argument checks, registration."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import peelmodel
from peelmodel import (
    FIVE_GRADE,
    FOUR_GRADE,
    AreaKind,
    Basis,
    Grade,
    Inspection,
    Pillar,
    QuestionLevel,
    RecordState,
)
from peelmodel import strategies as pst
from peelmodel._hypothesis_hook import _MODELS, _STRATEGIES, _hypothesis_setup_hook
from peelmodel.analysis.assessment import assess
from peelmodel.analysis.judging import overall_anomalies
from peelmodel.analysis.status import Status
from peelmodel.catalogues import areas, forces, programmes, questions
from peelmodel.claims import figure_claim
from peelmodel.strategies._truth import PRECISIONS, PUBLICATIONS, TRUTH, Scaled, World

_hypothesis_setup_hook()


class TestModule:
    def test_not_imported_by_the_package(self):
        """Importing peelmodel does not import peelmodel.strategies or Hypothesis."""
        code = (
            "import sys, peelmodel; "
            "assert 'peelmodel.strategies' not in sys.modules; "
            "assert 'hypothesis' not in sys.modules"
        )
        subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - fixed command

    def test_without_hypothesis_names_the_extra(self):
        """Without Hypothesis, importing the module raises ImportError naming the extra."""
        code = (
            "import sys; sys.modules['hypothesis'] = None\n"
            "try:\n"
            "    import peelmodel.strategies\n"
            "except ImportError as error:\n"
            "    print(error)\n"
        )
        done = subprocess.run(  # noqa: S603 - fixed command
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "pip install 'peelmodel[strategies]'" in done.stdout

    def test_every_name_is_public(self):
        """Every name in __all__ is a function of the module."""
        assert all(callable(getattr(pst, name)) for name in pst.__all__)


class TestLazyPackage:
    def test_import_loads_only_the_model(self):
        """import peelmodel loads the model, not the JSON documents, datasets or engines."""
        code = (
            "import sys, peelmodel\n"
            "heavy = ('peelmodel.documents', 'peelmodel.datasets', 'peelmodel.grades',\n"
            "         'peelmodel.analysis', 'cattrs')\n"
            "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
        )
        done = subprocess.run(  # noqa: S603 - fixed command
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert done.stdout == "[]\n"

    def test_every_name_imports_in_a_fresh_process(self):
        """from peelmodel import * gives every name of __all__, the lazy ones too, and dir() lists them."""
        code = (
            "from peelmodel import *\n"
            "import peelmodel\n"
            "names = peelmodel.__all__\n"
            "print([n for n in names if globals().get(n) is not getattr(peelmodel, n)],\n"
            "      sorted(set(names) - set(dir(peelmodel))))\n"
        )
        done = subprocess.run(  # noqa: S603 - fixed command
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert done.stdout == "[] []\n"

    def test_unknown_name(self):
        """An unknown attribute raises AttributeError naming it."""
        with pytest.raises(AttributeError, match="'atlantis'"):
            _ = peelmodel.atlantis  # type: ignore[attr-defined]


class TestReferenceStrategies:
    @given(pst.grades(scale=FOUR_GRADE))
    def test_grades_on_scale(self, grade):
        """grades(scale=...) draws only grades on that scale."""
        assert grade in FOUR_GRADE

    @given(pst.grading_scales())
    def test_grading_scales(self, scale):
        """grading_scales() draws the registry's scales."""
        assert scale in (FOUR_GRADE, FIVE_GRADE)

    @given(pst.forces(region="wales-region"))
    def test_forces_of_a_region(self, force):
        """forces(region=...) draws only forces of that region."""
        assert force.country is peelmodel.Country.WALES

    @given(pst.areas(kind=AreaKind.NATIONAL))
    def test_national_area(self, area):
        """areas(kind=NATIONAL) draws England and Wales."""
        assert area.id == "england-and-wales"

    @given(pst.programmes(scale=FIVE_GRADE))
    def test_programmes_on_scale(self, programme):
        """programmes(scale=...) draws programmes grading on that scale."""
        assert programme.scale is FIVE_GRADE

    @given(pst.inspection_questions(level=QuestionLevel.DIAGNOSTIC))
    def test_diagnostic_questions(self, question):
        """Diagnostic questions are never graded."""
        assert not question.graded

    @given(pst.judgments(question=pst.inspection_questions(pillar=Pillar.LEGITIMACY, graded=True)))
    def test_judgments_on_scale(self, judgment):
        """A judgment's grade is on its programme's scale."""
        assert judgment.grade in judgment.question.programme.scale

    @given(pst.periods(min_end=date(2015, 6, 30), max_end=date(2015, 6, 30)))
    def test_periods_end(self, period):
        """periods() respects its bounds on the end day."""
        assert period.end == date(2015, 6, 30)

    @given(pst.figures(basis=st.just(Basis.PERCENT)))
    def test_percent_figures_name_their_whole(self, figure):
        """A percent figure always names the measure it is a share of."""
        assert figure.of is not None

    @given(pst.causes_of_concern())
    def test_causes_have_recommendations(self, cause):
        """A cause of concern always carries a recommendation on its question."""
        assert cause.recommendations
        assert all(r.question == cause.question for r in cause.recommendations)


class TestArguments:
    @pytest.mark.parametrize(
        "strategy",
        [
            pst.grades(scale="four-grade"),  # type: ignore[arg-type]
            pst.forces(country="Scotland"),
            pst.forces(region="atlantis-region"),
            pst.areas(kind="force"),  # type: ignore[arg-type]
            pst.periods(min_end=date(2020, 1, 1), max_end=date(2019, 1, 1)),
            pst.inspection_questions(programme="peel-2015", level=QuestionLevel.AREA),
            pst.judgments(question=pst.inspection_questions(level=QuestionLevel.DIAGNOSTIC)),
            pst.judgments(question="peel-2015.effectiveness"),  # type: ignore[arg-type]
            pst.causes_of_concern(max_recommendations=0),
            pst.inspections(force=pst.areas(kind=AreaKind.NATIONAL)),  # type: ignore[arg-type]
            pst.inspections(programme=programmes.get("peel-2015")),  # type: ignore[arg-type]
            pst.outcome_rates(
                period=st.just(peelmodel.Period.twelve_months_to(date(2015, 6, 30))),
                outcome=st.just(peelmodel.catalogues.outcomes.type(22)),
            ),
            pst.grade_entries(state="graded"),  # type: ignore[arg-type]
            pst.grade_entries(
                state=RecordState.GRADED,
                question=st.just(questions.get("peel-2015.legitimacy.2")),
            ),
            pst.grade_entries(force=st.just("kent")),  # type: ignore[arg-type]
            pst.grade_entries(force="kent"),  # type: ignore[arg-type]
            pst.national_statements(
                question=st.just(questions.get("peel-2018-19.effectiveness.5"))
            ),
            pst.grades_records(max_forces=-1),
        ],
    )
    def test_invalid_arguments_raise_when_drawn(self, strategy):
        """Invalid options raise InvalidArgument when drawn from, not when the call is made."""

        @settings(max_examples=1, database=None)
        @given(strategy)
        def draw(_value):
            pass

        with pytest.raises(InvalidArgument):
            draw()


class TestTruth:
    @pytest.mark.parametrize(
        "publication", PUBLICATIONS, ids=lambda p: f"{p.measure}.{p.basis.value}.{p.baseline}"
    )
    @settings(max_examples=20)
    @given(data=st.data())
    def test_every_kind_of_figure_rounds_from_the_truth(self, publication, data):
        """Each kind of figure the table lists is drawn from the truth table and rounds from it."""
        force = forces.get("kent")
        world = World(data.draw, force, date(2015, 6, 30))
        places = {table: data.draw(st.integers(0, most)) for table, most in PRECISIONS.items()}
        published = [force] if publication.force_only else [force, areas.ENGLAND_AND_WALES]
        for area in published:
            world.publish(area, publication, places)
        truth = {quantity.id: value for quantity, value in world.truth.items()}
        for figure in world.figures:
            claim = figure_claim(figure)
            band = claim.band
            assert band is not None
            values = {q: truth[q.id] for q in claim.formula.quantities}
            assert claim.formula.evaluate(values) in band

    def test_every_scaled_number_has_its_base(self):
        """Every number drawn as a proportion of another names a number the table draws."""
        bases = {(spec.base, spec.role) for spec in TRUTH.values() if isinstance(spec, Scaled)}
        assert bases <= set(TRUTH)

    def test_every_figure_has_a_truth(self):
        """Every measure and period a figure is published for is drawn by the table."""
        needed = {(p.measure, p.role) for p in PUBLICATIONS}
        needed |= {(p.measure, p.baseline) for p in PUBLICATIONS if p.baseline is not None}
        assert needed <= set(TRUTH)


class TestInspections:
    @given(pst.inspections())
    def test_round_trip(self, inspection):
        """Every generated inspection round-trips through dumps and loads."""
        assert peelmodel.loads(peelmodel.dumps(inspection), Inspection) == inspection

    @given(pst.inspections())
    def test_judgments_cover_the_pillar(self, inspection):
        """The headline and every core question of the pillar are judged on the four-grade scale."""
        judged = {j.question.id for j in inspection.judgments}
        expected = {
            q.id
            for q in questions.all(programme="peel-2015", pillar=Pillar.EFFECTIVENESS)
            if q.graded
        }
        assert judged == expected
        assert all(j.grade is not Grade.ADEQUATE for j in inspection.judgments)
        assert not overall_anomalies(inspection)

    @settings(max_examples=30)
    @given(pst.inspections(programme=pst.programmes(), pillar=st.sampled_from(Pillar)))
    def test_any_programme_and_pillar(self, inspection):
        """Other programmes and pillars give valid, consistent inspections too."""
        assert assess(inspection).is_consistent

    # Each example runs the whole engine on a generated report: an eighth as many.
    @settings(max_examples=max(1, settings.default.max_examples // 8))
    @given(pst.inconsistent_inspections())
    def test_tampered_figure_is_flagged(self, drawn):
        """assess() flags the one tampered figure as inconsistent."""
        inspection, figure_id = drawn
        assessment = assess(inspection)
        assert not assessment.is_consistent
        assert assessment.figure(figure_id).status is Status.INCONSISTENT


class TestRegistration:
    @pytest.mark.parametrize("class_name", sorted(_STRATEGIES))
    def test_from_type(self, class_name):
        """st.from_type gives instances of every public class once the hook has run."""
        cls = getattr(peelmodel, class_name)

        @settings(max_examples=10, database=None)
        @given(st.from_type(cls))
        def check(value):
            assert isinstance(value, cls)

        check()

    def test_table_covers_every_public_attrs_class(self):
        """The table names every public attrs class but Problem, whose two strings Hypothesis fills."""
        public = {
            name
            for name in peelmodel.__all__
            if isinstance(getattr(peelmodel, name), type) and attrs.has(getattr(peelmodel, name))
        }
        assert public - set(_STRATEGIES) == {"Problem"}

    @pytest.mark.parametrize("module_name", sorted(_MODELS))
    def test_table_names_where_each_class_is_defined(self, module_name):
        """Each class is defined in the module the table names, and its strategy is public."""
        module = importlib.import_module(module_name)
        for class_name, strategy_name in _MODELS[module_name].items():
            assert getattr(module, class_name) is getattr(peelmodel, class_name)
            assert strategy_name in pst.__all__

    def test_hook_does_no_eager_work(self):
        """Running the hook neither imports peelmodel.strategies nor builds a strategy."""
        code = (
            "import sys\n"
            "from peelmodel._hypothesis_hook import _hypothesis_setup_hook\n"
            "_hypothesis_setup_hook()\n"
            "assert 'peelmodel.strategies' not in sys.modules\n"
        )
        subprocess.run([sys.executable, "-c", code], check=True)  # noqa: S603 - fixed command

    def test_hook_imports_only_the_model(self):
        """The hook imports no JSON documents, datasets, engines or cattrs, only the model."""
        code = (
            "import sys\n"
            "from peelmodel._hypothesis_hook import _hypothesis_setup_hook\n"
            "_hypothesis_setup_hook()\n"
            "heavy = ('peelmodel.documents', 'peelmodel.datasets', 'peelmodel.grades',\n"
            "         'peelmodel.analysis', 'peelmodel.claims', 'cattrs')\n"
            "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
            "assert 'peelmodel.model.inspection' in sys.modules\n"
        )
        done = subprocess.run(  # noqa: S603 - fixed command
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "HYPOTHESIS_NO_PLUGINS": "1"},
        )
        assert done.stdout == "[]\n"
