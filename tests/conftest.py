"""Shared test configuration: Hypothesis profiles, the Hampshire fixtures, the JSON backends.

``PEELMODEL_HYPOTHESIS_PROFILE=heavy`` runs tens of thousands of examples per
property, drawn afresh each run; the default profile runs a few hundred, the
same ones every run (derandomized), so that a run's answer and length do not
depend on chance: the exact engine's searches over some rare generated
reports take minutes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, settings

from peelmodel import (
    FindingsRecord,
    GradesRecord,
    Inspection,
    InspectionQuestion,
    RecordState,
    datasets,
)
from peelmodel.analysis import Assessment, assess
from peelmodel.catalogues import questions
from peelmodel.catalogues._registry import Registry
from peelmodel.documents import backend
from peelmodel.documents.converter import converter, quick_converter
from peelmodel.documents.hooks import memo_of
from peelmodel.grades import _selection as grades_selection
from peelmodel.strategies import _proportions as proportions

settings.register_profile("default", max_examples=200, deadline=None, derandomize=True)
settings.register_profile(
    "heavy", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("PEELMODEL_HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def report() -> Inspection:
    """The embedded Hampshire 2015 dataset."""
    return datasets.load("hampshire-2015")


@pytest.fixture(scope="session")
def assessment(report: Inspection) -> Assessment:
    """The assessment of the embedded dataset."""
    return assess(report)


#: Entries, by (force, question), and the state without a grade each is to be put in.
States = Mapping[tuple[str, str], RecordState]


@pytest.fixture(scope="session")
def record_with_states() -> Callable[[States], GradesRecord]:
    """A maker of the shipped grades record with chosen entries put in chosen states, without grades.

    Tests of how states are shown use it, so that they do not rest on which
    entries the shipped record happens to leave ungraded.
    """

    def make(states: States) -> GradesRecord:
        shipped = datasets.grades_record()
        assert set(states) <= {entry.key for entry in shipped.entries}
        assert RecordState.GRADED not in states.values()
        ungraded = {"grade": None, "inferred": None, "history": (), "conflicts": ()}
        entries = tuple(
            attrs.evolve(entry, state=states[entry.key], **ungraded)
            if entry.key in states
            else entry
            for entry in shipped.entries
        )
        return attrs.evolve(shipped, entries=entries)

    return make


@pytest.fixture(params=["pure", "fast"])
def json_backend(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each JSON backend in turn; the fast one only where the fast extra is installed."""
    if request.param not in backend.available():
        pytest.skip("the fast extra (orjson) is not installed")
    previous = backend.active()
    backend.use(request.param)
    yield request.param
    backend.use(previous)


#: Test data of a five-grade programme: a catalogue of three areas, grades and findings.
FIVE_GRADE_DATA = Path(__file__).resolve().parent / "data" / "five-grade"


@attrs.frozen
class FiveGrade:
    """The test data of PEEL 2021/22 that the ``five_grade`` fixture puts in place."""

    areas: tuple[InspectionQuestion, ...]
    grades: GradesRecord
    findings: FindingsRecord


def _forget_questions() -> None:
    """Empty the caches that hold questions or records read before."""
    for made in (converter, quick_converter):
        memo = memo_of(made.get_structure_hook(InspectionQuestion))
        if memo is not None:
            memo.clear()
    grades_selection._area_positions.cache_clear()
    proportions.grades_table.cache_clear()
    proportions.findings_table.cache_clear()


@pytest.fixture
def five_grade(monkeypatch: pytest.MonkeyPatch) -> Iterator[FiveGrade]:
    """The test catalogue, grades and findings of PEEL 2021/22 in place of any shipped ones."""
    text = (FIVE_GRADE_DATA / "questions-peel-2021-22.json").read_text(encoding="utf-8")
    areas = questions.areas_of(json.loads(text))
    kept = [q for q in questions.all() if q.programme.id != "peel-2021-22"]
    registry = Registry[InspectionQuestion](
        "question", lambda: [*kept, *areas], key=lambda q: q.id, names=lambda q: (q.text,)
    )
    shipped_grades, shipped_findings = datasets.grades_record(), datasets.findings_record()
    monkeypatch.setattr(questions, "_REGISTRY", registry)
    _forget_questions()
    read = datasets.read_grades((FIVE_GRADE_DATA / "grades-peel-2021-22.json").read_bytes())
    grades_record = GradesRecord(
        entries=(
            *(e for e in shipped_grades.entries if e.programme.id != "peel-2021-22"),
            *read.entries,
        ),
        statements=(
            *(s for s in shipped_grades.statements if s.programme.id != "peel-2021-22"),
            *read.statements,
        ),
        notes=shipped_grades.notes,
    )
    found = datasets.read_findings((FIVE_GRADE_DATA / "findings-peel-2021-22.json").read_bytes())
    findings_record = FindingsRecord(
        findings=(
            *(f for f in shipped_findings.findings if f.programme.id != "peel-2021-22"),
            *found.findings,
        ),
        counts=(
            *(c for c in shipped_findings.counts if c.programme.id != "peel-2021-22"),
            *found.counts,
        ),
    )
    monkeypatch.setattr(datasets, "grades_record", lambda: grades_record)
    monkeypatch.setattr(datasets, "findings_record", lambda: findings_record)
    yield FiveGrade(areas=areas, grades=read, findings=found)
    monkeypatch.undo()
    _forget_questions()
