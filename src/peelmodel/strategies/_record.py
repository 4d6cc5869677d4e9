"""Strategies that draw the PEEL grades record: entries, national statements, records.

Re-exported by :mod:`peelmodel.strategies`. Every value is built from its
parts (a force and a catalogue question, a state that fits the question, a
grade on its programme's scale, a page address), never filtered.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peelmodel.catalogues import forces as _forces
from peelmodel.catalogues import questions as _questions
from peelmodel.model.area import Force
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.model.record import (
    FORCE_COUNT,
    GradeEntry,
    GradesRecord,
    NationalStatement,
    RecordState,
)
from peelmodel.strategies._arguments import check_strategy, check_type

__all__ = ["grade_entries", "grades_records", "national_statements", "record_states"]

_HOSTS = (
    "https://hmicfrs.justiceinspectorates.gov.uk",
    "https://www.justiceinspectorates.gov.uk/hmic",
)
_NEWS = (
    "https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/",
    "https://www.justiceinspectorates.gov.uk/hmicfrs/news/news-feed/",
)
_NOTES = (
    "A pillar grade is the grade of the pillar's headline question.",
    "Gaps stay unknown.",
)


def _questions_to_record() -> st.SearchStrategy[InspectionQuestion]:
    """Headline and core questions of every catalogued programme."""
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
    """Addresses of a force page or pillar page of the question's programme."""
    programme = question.programme.id.removesuffix("-19")
    page = f"/peel-assessments/{programme}/{force.id}/"
    return st.sampled_from(_HOSTS).flatmap(
        lambda host: st.sampled_from((f"{host}{page}", f"{host}{page}{question.pillar.value}/"))
    )


def _dates(question: InspectionQuestion) -> st.SearchStrategy[date]:
    starts = question.programme.starts
    return st.dates(starts, starts + timedelta(days=3 * 365))


@st.composite
def _entry(
    draw: st.DrawFn, force: Force, question: InspectionQuestion, state: RecordState | None
) -> GradeEntry:
    if state is None:
        allowed = tuple(RecordState) if question.graded else tuple(RecordState)[1:]
        state = draw(st.sampled_from(allowed))
    elif state is RecordState.GRADED and not question.graded:
        raise InvalidArgument(f"question drew {question.id!r}, which is not graded")
    graded = state is RecordState.GRADED
    known = state is not RecordState.UNKNOWN
    return GradeEntry(
        force=force,
        question=question,
        state=state,
        grade=draw(st.sampled_from(question.programme.scale.grades)) if graded else None,
        last_updated=draw(st.none() | _dates(question)) if known else None,
        source=draw(_addresses(question, force)) if known else None,
    )


def grade_entries(
    *,
    force: st.SearchStrategy[Force] | None = None,
    question: st.SearchStrategy[InspectionQuestion] | None = None,
    state: RecordState | None = None,
) -> st.SearchStrategy[GradeEntry]:
    """Entries of the record: a state that fits the question, a grade on its scale, a source.

    *question* draws the question (default: any headline or core question);
    *state* fixes the state (``GRADED`` needs graded questions).

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
        return NationalStatement(
            question=chosen,
            grade=draw(st.sampled_from(chosen.programme.scale.grades)),
            count=draw(st.integers(0, FORCE_COUNT)),
            source=draw(st.sampled_from(_NEWS)) + chosen.programme.id + "/",
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
            statements.append(
                NationalStatement(
                    question=question,
                    grade=grade,
                    count=draw(st.integers(low, low + FORCE_COUNT - settled)),
                    source=draw(st.sampled_from(_NEWS)) + question.programme.id + "/",
                )
            )
        return GradesRecord(
            entries=tuple(entries),
            statements=tuple(statements),
            notes=tuple(draw(st.lists(st.sampled_from(_NOTES), max_size=2, unique=True))),
        )

    return draw_record()
