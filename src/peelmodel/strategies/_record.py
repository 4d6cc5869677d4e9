"""Strategies that draw the PEEL grades record: entries, national statements, records.

Re-exported by :mod:`peelmodel.strategies`. Every value is built from its
parts (a force and a catalogue question or area, a state that fits it, a
grade on its programme's scale, a page address), never filtered. States,
grades, kinds of source and the rare inferred, changed or disputed grades
come about as often as in the shipped record (:mod:`._proportions`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peelmodel.catalogues import forces as _forces
from peelmodel.catalogues import questions as _questions
from peelmodel.model.area import Force
from peelmodel.model.grade import FIVE_GRADE, Grade
from peelmodel.model.provenance import EarlierGrade, SourceConflict, SourceKind
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.model.record import (
    FORCE_COUNT,
    GradeEntry,
    GradesRecord,
    NationalStatement,
    RecordState,
)
from peelmodel.strategies._arguments import check_strategy, check_type
from peelmodel.strategies._proportions import chance, grades_table, weighted
from peelmodel.strategies._provenance import (
    NEWS,
    PRESS,
    inferences,
    source_conflicts,
    source_kinds,
)

__all__ = ["grade_entries", "grades_records", "national_statements", "record_states"]

_HOSTS = (
    "https://hmicfrs.justiceinspectorates.gov.uk",
    "https://www.justiceinspectorates.gov.uk/hmic",
)
_NOTES = (
    "A pillar grade is the grade of the pillar's headline question.",
    "Gaps stay unknown.",
)


def _questions_to_record() -> st.SearchStrategy[InspectionQuestion]:
    """Headline and core questions and areas of every catalogued programme."""
    return st.sampled_from([q for q in _questions.all() if q.level is not QuestionLevel.DIAGNOSTIC])


def _graded_questions() -> st.SearchStrategy[InspectionQuestion]:
    return st.sampled_from(
        [q for q in _questions.all() if q.graded and q.level is not QuestionLevel.DIAGNOSTIC]
    )


def record_states() -> st.SearchStrategy[RecordState]:
    """The states an entry can be in.

    >>> from hypothesis import given
    >>> @given(record_states())
    ... def test_state(state):
    ...     assert isinstance(state, RecordState)
    >>> test_state()
    """
    return st.sampled_from(RecordState)


def _addresses(question: InspectionQuestion, force: Force) -> st.SearchStrategy[str]:
    """Addresses of a force page or pillar page of the question's programme, or its report page."""
    if question.pillar is None:
        report = f"/peel-reports/{force.id}-{question.programme.id.removeprefix('peel-')}/"
        return st.sampled_from(_HOSTS).map(lambda host: f"{host}{report}")
    programme = question.programme.id.removesuffix("-19")
    page = f"/peel-assessments/{programme}/{force.id}/"
    pillar = question.pillar.value
    return st.sampled_from(_HOSTS).flatmap(
        lambda host: st.sampled_from((f"{host}{page}", f"{host}{page}{pillar}/"))
    )


def _source(kind: SourceKind, report: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """An address of a page of *kind*: the report page, a news release or another page."""
    if kind is SourceKind.HMICFRS_REPORT:
        return report
    if kind is SourceKind.HMICFRS_NEWS:
        return st.sampled_from(NEWS).map(lambda news: f"{news}peel/")
    return st.sampled_from(PRESS).map(lambda press: f"{press}{kind.value}/")


def _dates(question: InspectionQuestion) -> st.SearchStrategy[date]:
    starts = question.programme.starts
    return st.dates(starts, starts + timedelta(days=3 * 365))


def _quote(force: Force, question: InspectionQuestion, grade: Grade | None) -> str:
    said = "not graded" if grade is None else grade.label.lower()
    return f"{force.name}: {question.text.lower()} was {said}"[:300]


@st.composite
def _history(draw: st.DrawFn, question: InspectionQuestion, last: date) -> tuple[EarlierGrade, ...]:
    """One or two earlier grades on the question's scale, oldest first, ending at *last*."""
    count = draw(st.integers(1, 2))
    found: list[EarlierGrade] = []
    end = last
    for index in range(count):
        start = end - timedelta(days=draw(st.integers(0, 400)))
        oldest = index == count - 1
        found.append(
            EarlierGrade(
                grade=draw(st.sampled_from(question.programme.scale.grades)),
                since=None if oldest and draw(st.booleans()) else start,
                until=end,
                source=f"{NEWS[0]}peel/",
                source_kind=draw(source_kinds()),
                quote="the grade was changed",
            )
        )
        end = start
    return tuple(reversed(found))


@st.composite
def _provenance(
    draw: st.DrawFn,
    force: Force,
    question: InspectionQuestion,
    state: RecordState,
    grade: Grade | None,
) -> dict[str, Any]:
    """Source, kind, quote, dates, inference, history and conflicts that fit one entry."""
    table = grades_table(question.programme.scale.id)
    features = table.features
    report = _addresses(question, force)
    if state is RecordState.UNKNOWN:
        return {"source": None}
    five = question.programme.scale == FIVE_GRADE
    options = tuple(SourceKind) if five else (None, *SourceKind)
    kind = draw(weighted(options, table.values["source_kind"]))
    found: dict[str, Any] = {"source": draw(report if kind is None else _source(kind, report))}
    graded = state is RecordState.GRADED
    if kind is not None:
        found["source_kind"] = kind
        if (five and graded) or draw(chance(features["quote"], features["graded"])):
            found["quote"] = _quote(force, question, grade)
    if draw(chance(features["published"], table.total)):
        found["published"] = draw(_dates(question))
    if graded and kind is not None and draw(chance(features["inferred"], features["graded"])):
        inference = draw(inferences())
        found["inferred"] = inference
        found["source"] = inference.statement
    if graded and draw(chance(features["history"], features["graded"])):
        found["history"] = draw(_history(question, draw(_dates(question))))
    others = [g for g in question.programme.scale.grades if g is not grade]
    if draw(chance(features["conflicts"], table.total)):
        conflict = draw(source_conflicts())
        grade_of = draw(st.sampled_from(others))
        found["conflicts"] = (
            SourceConflict(
                grade=grade_of,
                source=conflict.source,
                source_kind=conflict.source_kind,
                quote=f"rated {grade_of.label.lower()}",
                why_not_followed=conflict.why_not_followed,
            ),
        )
    return found


@st.composite
def _entry(
    draw: st.DrawFn, force: Force, question: InspectionQuestion, state: RecordState | None
) -> GradeEntry:
    table = grades_table(question.programme.scale.id)
    if state is None:
        allowed = tuple(RecordState) if question.graded else tuple(RecordState)[1:]
        state = draw(weighted(allowed, table.values["state"]))
    elif state is RecordState.GRADED and not question.graded:
        raise InvalidArgument(f"question drew {question.id!r}, which is not graded")
    graded = state is RecordState.GRADED
    known = state is not RecordState.UNKNOWN
    grade = (
        draw(weighted(question.programme.scale.grades, table.values["grade"])) if graded else None
    )
    return GradeEntry(
        force=force,
        question=question,
        state=state,
        grade=grade,
        last_updated=draw(st.none() | _dates(question)) if known else None,
        **draw(_provenance(force, question, state, grade)),
    )


def grade_entries(
    *,
    force: st.SearchStrategy[Force] | None = None,
    question: st.SearchStrategy[InspectionQuestion] | None = None,
    state: RecordState | None = None,
) -> st.SearchStrategy[GradeEntry]:
    """Entries of the record: a state that fits the question, a grade on its scale, a source.

    *question* draws the question (default: any headline or core question,
    or area of PEEL 2021/22 on); *state* fixes the state (``GRADED`` needs
    graded questions). Entries of PEEL 2021/22 on name their kind of source
    and quote it; a few are inferred, changed or disputed.

    >>> from hypothesis import given
    >>> @given(grade_entries(state=RecordState.GRADED))
    ... def test_graded(entry):
    ...     assert entry.grade in entry.programme.scale and entry.source
    >>> test_graded()
    """

    @st.composite
    def draw_entry(draw: st.DrawFn) -> GradeEntry:
        if state is not None:
            check_type("state", state, RecordState)
        chosen_force = draw(check_strategy("force", _forces_strategy() if force is None else force))
        if not isinstance(chosen_force, Force):
            raise InvalidArgument(f"force drew {chosen_force!r}, which is not a Force")
        default = _graded_questions() if state is RecordState.GRADED else _questions_to_record()
        chosen = draw(check_strategy("question", default if question is None else question))
        if not isinstance(chosen, InspectionQuestion):
            raise InvalidArgument(f"question drew {chosen!r}, which is not an InspectionQuestion")
        return draw(_entry(chosen_force, chosen, state))

    return draw_entry()


def _forces_strategy() -> st.SearchStrategy[Force]:
    return st.sampled_from(_forces.all())


def _statement(
    question: InspectionQuestion, grade: Grade, count: int, news: str
) -> NationalStatement:
    five = question.programme.scale == FIVE_GRADE
    return NationalStatement(
        question=question,
        grade=grade,
        count=count,
        source=news + question.programme.id + "/",
        source_kind=SourceKind.HMICFRS_NEWS if five else None,
        quote=f"{count} forces were {grade.label.lower()} at {question.text.lower()}"[:300]
        if five
        else None,
    )


def national_statements(
    *, question: st.SearchStrategy[InspectionQuestion] | None = None
) -> st.SearchStrategy[NationalStatement]:
    """National counts of forces per grade, each with the address of a news page.

    >>> from hypothesis import given
    >>> @given(national_statements())
    ... def test_count(statement):
    ...     assert 0 <= statement.count <= 43
    >>> test_count()
    """

    @st.composite
    def draw_statement(draw: st.DrawFn) -> NationalStatement:
        chosen = draw(
            check_strategy("question", _graded_questions() if question is None else question)
        )
        if not isinstance(chosen, InspectionQuestion) or not chosen.graded:
            raise InvalidArgument(f"question drew {chosen!r}, which is not a graded question")
        return _statement(
            chosen,
            draw(st.sampled_from(chosen.programme.scale.grades)),
            draw(st.integers(0, FORCE_COUNT)),
            draw(st.sampled_from(NEWS)),
        )

    return draw_statement()


def grades_records(
    *, max_forces: int = 4, max_questions: int = 4, max_statements: int = 3
) -> st.SearchStrategy[GradesRecord]:
    """Records over a few forces and questions, with national statements the record allows.

    Each statement's count lies between the forces the record gives that grade
    and that number plus the forces whose grade it does not hold, so no
    statement contradicts the entries.

    >>> from hypothesis import given
    >>> from peelmodel import grades
    >>> @given(grades_records())
    ... def test_never_inconsistent(record):
    ...     checks = grades.check_statements(record=record)
    ...     assert all(check.status.value != "inconsistent" for check in checks)
    >>> test_never_inconsistent()
    """

    @st.composite
    def draw_record(draw: st.DrawFn) -> GradesRecord:
        for name, value in (
            ("max_forces", max_forces),
            ("max_questions", max_questions),
            ("max_statements", max_statements),
        ):
            check_type(name, value, int)
            if value < 0:
                raise InvalidArgument(f"{name}={value!r} must be a non-negative integer")
        chosen_forces = draw(
            st.lists(_forces_strategy(), max_size=max_forces, unique_by=lambda f: f.id)
        )
        chosen_questions = draw(
            st.lists(_questions_to_record(), max_size=max_questions, unique_by=lambda q: q.id)
        )
        entries = [
            draw(_entry(force, question, None))
            for force in chosen_forces
            for question in chosen_questions
            if draw(st.booleans())
        ]
        statements: list[NationalStatement] = []
        graded = [q for q in chosen_questions if q.graded]
        for question in draw(
            st.lists(st.sampled_from(graded), max_size=max_statements, unique_by=lambda q: q.id)
            if graded
            else st.just([])
        ):
            grade = draw(st.sampled_from(question.programme.scale.grades))
            held = [e for e in entries if e.question == question]
            low = sum(1 for e in held if e.grade is grade)
            settled = sum(
                1 for e in held if e.state in (RecordState.GRADED, RecordState.NOT_GRADED)
            )
            count = draw(st.integers(low, low + FORCE_COUNT - settled))
            statements.append(_statement(question, grade, count, draw(st.sampled_from(NEWS))))
        return GradesRecord(
            entries=tuple(entries),
            statements=tuple(statements),
            notes=tuple(draw(st.lists(st.sampled_from(_NOTES), max_size=2, unique=True))),
        )

    return draw_record()
