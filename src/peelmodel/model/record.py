"""The grades record: every published PEEL grade of the 43 forces, with its provenance."""

from __future__ import annotations

import enum
import re
from datetime import date

import attrs

from peelmodel import _html
from peelmodel._validators import check_count, check_date, check_text, check_tuple, refuse_non_text
from peelmodel.errors import InvalidTypeError, InvalidValueError
from peelmodel.model.area import Force
from peelmodel.model.grade import Grade, Pillar, Programme
from peelmodel.model.question import InspectionQuestion

__all__ = ["FORCE_COUNT", "GradeEntry", "GradesRecord", "NationalStatement", "RecordState"]

#: The number of territorial police forces of England and Wales.
FORCE_COUNT = 43

_ADDRESS = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?")


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


def _check_source(owner: str, source: object) -> None:
    check_text(owner, "source", source)
    if not isinstance(source, str) or not _ADDRESS.fullmatch(source):
        raise InvalidValueError(owner, "source", source, "must be a web address (http or https)")


@attrs.frozen(kw_only=True)
class GradeEntry:
    """What the record holds for one force and one question, and where it comes from.

    A pillar grade is the grade of the pillar's headline question. *grade* is
    set exactly when *state* is :attr:`RecordState.GRADED`; *source* is the
    address of the page that states it (required unless the state is
    unknown), and *last_updated* the date that page shows, if it shows one.

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
            _check_source(owner, self.source)
        elif self.state is not RecordState.UNKNOWN:
            raise InvalidValueError(
                owner, "source", None, "is required unless the state is unknown"
            )

    @property
    def programme(self) -> Programme:
        """The programme of the question."""
        return self.question.programme

    @property
    def pillar(self) -> Pillar:
        """The pillar of the question."""
        return self.question.pillar

    @property
    def key(self) -> tuple[str, str]:
        """``(force id, question id)``: a record holds one entry per key."""
        return (self.force.id, self.question.id)


@attrs.frozen(kw_only=True)
class NationalStatement:
    """A published count of forces given one grade for one question, and its source.

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

    def __attrs_post_init__(self) -> None:
        owner = "NationalStatement"
        _check_grade(owner, _check_question(owner, self.question), self.grade)
        check_count(owner, "count", self.count)
        if self.count > FORCE_COUNT:
            raise InvalidValueError(owner, "count", self.count, f"must be at most {FORCE_COUNT}")
        _check_source(owner, self.source)

    @property
    def programme(self) -> Programme:
        """The programme of the question."""
        return self.question.programme


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
