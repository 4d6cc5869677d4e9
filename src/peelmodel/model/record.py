"""The grades record: every published PEEL grade of the 43 forces, with its provenance."""

from __future__ import annotations

import enum
from datetime import date

import attrs

from peelmodel import _html
from peelmodel._validators import check_count, check_date, check_text, check_tuple, refuse_non_text
from peelmodel.errors import InvalidTypeError, InvalidValueError
from peelmodel.model.area import Force
from peelmodel.model.grade import Grade, Pillar, Programme
from peelmodel.model.provenance import (
    EarlierGrade,
    Inference,
    SourceConflict,
    SourceKind,
    check_address,
    check_provenance,
)
from peelmodel.model.question import InspectionQuestion

__all__ = [
    "FORCE_COUNT",
    "EarlierGrade",
    "GradeEntry",
    "GradesRecord",
    "Inference",
    "NationalStatement",
    "RecordState",
    "SourceConflict",
    "SourceKind",
]

#: The number of territorial police forces of England and Wales.
FORCE_COUNT = 43


class RecordState(enum.Enum):
    """What the record holds for one force and question."""

    #: A page states the grade.
    GRADED = "graded"
    #: Not inspected in this programme: a page says an earlier grade stands.
    NOT_INSPECTED = "not-inspected"
    #: Not graded in this programme, for this force or for every force.
    NOT_GRADED = "not-graded"
    #: No page read states the grade: a gap, never filled in by guessing.
    UNKNOWN = "unknown"

    @classmethod
    def _missing_(cls, value: object) -> None:
        refuse_non_text(cls, value)


def _check_question(owner: str, question: object) -> InspectionQuestion:
    if not isinstance(question, InspectionQuestion):
        raise InvalidTypeError(owner, "question", question, "an InspectionQuestion")
    return question


def _check_grade(owner: str, question: InspectionQuestion, grade: object) -> None:
    if not isinstance(grade, Grade):
        raise InvalidTypeError(owner, "grade", grade, "a Grade")
    if not question.graded:
        raise InvalidValueError(owner, "question", question.id, "is not a graded question")
    programme = question.programme
    if grade not in programme.scale:
        raise InvalidValueError(
            owner,
            "grade",
            grade.value,
            f"is not on the {programme.scale.id} scale of {programme.name}",
        )


def _check_scale(owner: str, field: str, question: InspectionQuestion, grade: object) -> None:
    if not isinstance(grade, Grade):
        raise InvalidTypeError(owner, field, grade, "a Grade")
    if grade not in question.programme.scale:
        raise InvalidValueError(
            owner, field, grade.value, f"is not on the {question.programme.scale.id} scale"
        )


@attrs.frozen(kw_only=True)
class GradeEntry:
    """What the record holds for one force and one question, and where it comes from.

    A pillar grade is the grade of the pillar's headline question; from PEEL
    2021/22 on, a grade is an area's. *grade* is set exactly when *state* is
    :attr:`RecordState.GRADED`; *source* is the address of the page that
    states it (required unless the state is unknown), and *last_updated* the
    date that page shows, if it shows one.

    The provenance fields are optional for PEEL 2014 to 2018/19 and filled in
    from PEEL 2021/22 on: *source_kind* (the kind of that page), *quote* (a
    short extract of it that states the grade), *published* (the report's
    publication date), *inferred* (for a grade deduced by elimination from a
    national statement), *history* (grades the entry held before, oldest
    first; the entry holds the current one) and *conflicts* (grades other
    sources state, not followed).

    >>> from peelmodel import forces, questions
    >>> entry = GradeEntry(
    ...     force=forces.get("durham"),
    ...     question=questions.get("peel-2015.effectiveness"),
    ...     state=RecordState.GRADED,
    ...     grade=Grade.OUTSTANDING,
    ...     last_updated=None,
    ...     source="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2015/durham/?",
    ... )
    >>> entry.programme.id, entry.pillar.value, entry.grade.label
    ('peel-2015', 'effectiveness', 'Outstanding')
    >>> GradeEntry(
    ...     force=forces.get("durham"),
    ...     question=questions.get("peel-2015.effectiveness"),
    ...     state=RecordState.UNKNOWN,
    ...     grade=Grade.GOOD,
    ...     last_updated=None,
    ...     source=None,
    ... )
    Traceback (most recent call last):
    ...
    peelmodel.errors.InvalidValueError: GradeEntry.grade: must be null unless the state is graded (found 'good')
    """

    force: Force
    question: InspectionQuestion
    state: RecordState
    grade: Grade | None
    last_updated: date | None
    source: str | None
    source_kind: SourceKind | None = None
    quote: str | None = None
    published: date | None = None
    inferred: Inference | None = None
    history: tuple[EarlierGrade, ...] = ()
    conflicts: tuple[SourceConflict, ...] = ()

    def __attrs_post_init__(self) -> None:
        owner = "GradeEntry"
        if not isinstance(self.force, Force):
            raise InvalidTypeError(owner, "force", self.force, "a Force")
        question = _check_question(owner, self.question)
        if not isinstance(self.state, RecordState):
            raise InvalidTypeError(owner, "state", self.state, "a RecordState")
        if self.grade is not None and not isinstance(self.grade, Grade):
            raise InvalidTypeError(owner, "grade", self.grade, "a Grade")
        if self.state is RecordState.GRADED:
            if self.grade is None:
                raise InvalidValueError(
                    owner, "grade", None, "is required when the state is graded"
                )
            _check_grade(owner, question, self.grade)
        elif self.grade is not None:
            value = self.grade.value if isinstance(self.grade, Grade) else self.grade
            raise InvalidValueError(
                owner, "grade", value, "must be null unless the state is graded"
            )
        if self.last_updated is not None:
            check_date(owner, "last_updated", self.last_updated)
        if self.source is not None:
            check_address(owner, "source", self.source)
        elif self.state is not RecordState.UNKNOWN:
            raise InvalidValueError(
                owner, "source", None, "is required unless the state is unknown"
            )
        check_provenance(owner, self.source, self.source_kind, self.quote)
        if self.published is not None:
            check_date(owner, "published", self.published)
        self._check_inferred()
        self._check_history()
        self._check_conflicts()

    def _check_inferred(self) -> None:
        inferred = self.inferred
        if inferred is None:
            return
        if not isinstance(inferred, Inference):
            raise InvalidTypeError("GradeEntry", "inferred", inferred, "an Inference or None")
        if self.state is not RecordState.GRADED:
            raise InvalidValueError(
                "GradeEntry", "inferred", inferred.statement, "is only for a graded entry"
            )
        if self.source != inferred.statement:
            raise InvalidValueError(
                "GradeEntry",
                "source",
                self.source,
                f"must be the inferred statement's address ({inferred.statement})",
            )

    def _check_history(self) -> None:
        owner = "GradeEntry"
        check_tuple(owner, "history", self.history)
        if self.history and self.state is not RecordState.GRADED:
            raise InvalidValueError(owner, "history", self.history, "is only for a graded entry")
        previous: EarlierGrade | None = None
        for index, earlier in enumerate(self.history):
            field = f"history[{index}]"
            if not isinstance(earlier, EarlierGrade):
                raise InvalidTypeError(owner, field, earlier, "an EarlierGrade")
            _check_scale(owner, f"{field}.grade", self.question, earlier.grade)
            if previous is not None and (earlier.since or earlier.until) < previous.until:
                raise InvalidValueError(
                    owner,
                    f"{field}.from",
                    (earlier.since or earlier.until).isoformat(),
                    f"must not be before the until of the grade before ({previous.until.isoformat()}): oldest first",
                )
            previous = earlier

    def _check_conflicts(self) -> None:
        owner = "GradeEntry"
        check_tuple(owner, "conflicts", self.conflicts)
        for index, conflict in enumerate(self.conflicts):
            field = f"conflicts[{index}]"
            if not isinstance(conflict, SourceConflict):
                raise InvalidTypeError(owner, field, conflict, "a SourceConflict")
            _check_scale(owner, f"{field}.grade", self.question, conflict.grade)
            if conflict.grade is self.grade:
                raise InvalidValueError(
                    owner,
                    f"{field}.grade",
                    conflict.grade.value,
                    "is the grade recorded: no conflict",
                )

    @property
    def programme(self) -> Programme:
        """The programme of the question."""
        return self.question.programme

    @property
    def pillar(self) -> Pillar | None:
        """The pillar of the question (``None`` for an area of PEEL 2021/22 on)."""
        return self.question.pillar

    @property
    def key(self) -> tuple[str, str]:
        """``(force id, question id)``: a record holds one entry per key."""
        return (self.force.id, self.question.id)

    def __repr__(self) -> str:
        shown = self.grade.label if self.grade is not None else self.state.value.replace("-", " ")
        return f"<GradeEntry {self.force.id} {self.question.id}: {shown}>"

    def _repr_html_(self) -> str:
        """The entry as a one-row table, for notebooks."""
        grade = None if self.grade is None else self.grade.label
        row = (
            self.force.name,
            self.question.id,
            self.state.value,
            grade,
            self.last_updated,
            self.source,
        )
        return _html.table(("force", "question", "state", "grade", "last updated", "source"), [row])


@attrs.frozen(kw_only=True)
class NationalStatement:
    """A published count of forces given one grade for one question, and its source.

    *source_kind* and *quote* (a short extract stating the count) are
    optional for PEEL 2014 to 2018/19 and filled in from PEEL 2021/22 on.

    >>> from peelmodel import questions
    >>> statement = NationalStatement(
    ...     question=questions.get("peel-2015.effectiveness"),
    ...     grade=Grade.GOOD,
    ...     count=24,
    ...     source="https://hmicfrs.justiceinspectorates.gov.uk/news/news-feed/"
    ...     "most-police-forces-are-good-at-preventing-crime-and-anti-social-behaviour/",
    ... )
    >>> statement.programme.name, statement.count
    ('PEEL 2015', 24)
    """

    question: InspectionQuestion
    grade: Grade
    count: int
    source: str
    source_kind: SourceKind | None = None
    quote: str | None = None

    def __attrs_post_init__(self) -> None:
        owner = "NationalStatement"
        _check_grade(owner, _check_question(owner, self.question), self.grade)
        check_count(owner, "count", self.count)
        if self.count > FORCE_COUNT:
            raise InvalidValueError(owner, "count", self.count, f"must be at most {FORCE_COUNT}")
        check_address(owner, "source", self.source)
        check_provenance(owner, self.source, self.source_kind, self.quote)

    @property
    def programme(self) -> Programme:
        """The programme of the question."""
        return self.question.programme

    def __repr__(self) -> str:
        return f"<NationalStatement {self.question.id}: {self.count} forces {self.grade.value}>"


@attrs.frozen(kw_only=True)
class GradesRecord:
    """Grade entries, one per force and question, and the national statements beside them.

    The record that ships with peelmodel is :func:`peelmodel.datasets.grades_record`.

    >>> from peelmodel import forces, questions
    >>> durham = GradeEntry(
    ...     force=forces.get("durham"),
    ...     question=questions.get("peel-2014.effectiveness"),
    ...     state=RecordState.NOT_GRADED,
    ...     grade=None,
    ...     last_updated=None,
    ...     source="https://www.justiceinspectorates.gov.uk/hmicfrs/news/news-feed/peel-news-update-3/",
    ... )
    >>> GradesRecord(entries=(durham, durham))
    Traceback (most recent call last):
    ...
    peelmodel.errors.InvalidValueError: GradesRecord.entries[1].question: is recorded more than once for durham (found 'peel-2014.effectiveness')
    """

    entries: tuple[GradeEntry, ...]
    statements: tuple[NationalStatement, ...] = ()
    notes: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        owner = "GradesRecord"
        for field, kind in (("entries", GradeEntry), ("statements", NationalStatement)):
            items = getattr(self, field)
            check_tuple(owner, field, items)
            for index, item in enumerate(items):
                if not isinstance(item, kind):
                    raise InvalidTypeError(owner, f"{field}[{index}]", item, f"{kind.__name__}")
        check_tuple(owner, "notes", self.notes)
        for index, note in enumerate(self.notes):
            check_text(owner, f"notes[{index}]", note)
        seen: set[tuple[str, str]] = set()
        for index, entry in enumerate(self.entries):
            if entry.key in seen:
                raise InvalidValueError(
                    owner,
                    f"entries[{index}].question",
                    entry.question.id,
                    f"is recorded more than once for {entry.force.id}",
                )
            seen.add(entry.key)
        stated: set[tuple[str, Grade]] = set()
        for index, statement in enumerate(self.statements):
            key = (statement.question.id, statement.grade)
            if key in stated:
                raise InvalidValueError(
                    owner,
                    f"statements[{index}].grade",
                    statement.grade.value,
                    f"is stated more than once for {statement.question.id}",
                )
            stated.add(key)

    def __repr__(self) -> str:
        forces = len({entry.force.id for entry in self.entries})
        programmes = len({entry.programme.id for entry in self.entries})
        return (
            f"<GradesRecord: {len(self.entries)} entries, {forces} forces, "
            f"{programmes} programmes, {len(self.statements)} national statements>"
        )

    def _repr_html_(self) -> str:
        """What the record holds, programme by programme, for notebooks."""
        held: dict[str, dict[RecordState, int]] = {}
        names: dict[str, str] = {}
        for entry in self.entries:
            names[entry.programme.id] = entry.programme.name
            states = held.setdefault(entry.programme.id, dict.fromkeys(RecordState, 0))
            states[entry.state] += 1
        rows = [
            (names[programme], sum(states.values()), *states.values())
            for programme, states in held.items()
        ]
        summary = _html.table(
            ("programme", "entries", *(state.value for state in RecordState)),
            rows,
            caption="Entries by programme and state",
        )
        return _html.block(repr(self)[1:-1], summary)
