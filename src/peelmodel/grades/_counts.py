"""Counting forces per grade in the PEEL grades record, and checking national statements."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from peelmodel import _html, datasets
from peelmodel._typecheck import checked
from peelmodel.analysis.status import Status
from peelmodel.catalogues import areas, forces
from peelmodel.grades._selection import (
    resolve_force,
    resolve_programme,
    resolve_question,
    select,
)
from peelmodel.model.area import AreaKind, Force
from peelmodel.model.grade import Grade, Programme
from peelmodel.model.question import InspectionQuestion
from peelmodel.model.record import GradesRecord, NationalStatement, RecordState

__all__ = [
    "Distribution",
    "StatementCheck",
    "by_region",
    "check_statements",
    "distribution",
    "most_similar_group",
]


@attrs.frozen(kw_only=True)
class Distribution:
    """How a group of forces was graded on one question.

    *by_grade* pairs every grade of the programme's scale, best first, with
    the forces given it; the other members are not graded, not inspected
    (an earlier grade stands), unknown, or missing from the record.
    """

    area: str
    question: InspectionQuestion
    members: tuple[str, ...]
    by_grade: tuple[tuple[Grade, tuple[str, ...]], ...]
    not_graded: tuple[str, ...] = ()
    not_inspected: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def counts(self) -> dict[Grade, int]:
        """The number of forces given each grade, best grade first."""
        return {grade: len(held) for grade, held in self.by_grade}

    @property
    def graded(self) -> int:
        """The number of members with a grade: the sum of :attr:`counts`."""
        return sum(len(held) for _, held in self.by_grade)

    @property
    def undetermined(self) -> tuple[str, ...]:
        """Members whose grade for this programme the record does not hold, sorted."""
        return tuple(sorted((*self.not_inspected, *self.unknown, *self.missing)))

    def forces_with(self, grade: Grade) -> tuple[str, ...]:
        """The members given *grade*."""
        return next((held for found, held in self.by_grade if found is grade), ())

    def __repr__(self) -> str:
        counts = ", ".join(f"{grade.value} {len(held)}" for grade, held in self.by_grade)
        others = (
            ("not graded", self.not_graded),
            ("not inspected", self.not_inspected),
            ("unknown", self.unknown),
            ("missing", self.missing),
        )
        rest = "".join(f", {name} {len(held)}" for name, held in others if held)
        return f"<Distribution {self.question.id} in {self.area}: {len(self.members)} forces; {counts}{rest}>"

    def _repr_html_(self) -> str:
        """How many forces had each grade or state, and which, for notebooks."""
        rows: list[tuple[str, int, str]] = [
            (grade.label, len(held), ", ".join(held)) for grade, held in self.by_grade
        ]
        others = (
            ("not graded", self.not_graded),
            ("not inspected", self.not_inspected),
            ("unknown", self.unknown),
            ("no entry", self.missing),
        )
        rows += [(name, len(held), ", ".join(held)) for name, held in others if held]
        title = f"{self.question.programme.name} {self.question.id}: {len(self.members)} forces of {self.area}"
        return _html.block(title, _html.table(("grade", "forces", "which"), rows))


@checked
def distribution(
    question: str | InspectionQuestion,
    *,
    forces: Iterable[str | Force] | None = None,
    area: str = "england-and-wales",
    record: GradesRecord | None = None,
) -> Distribution:
    """The grades *forces* (default: all 43) were given for *question*, counted.

    >>> distribution("peel-2014.efficiency").counts[Grade.REQUIRES_IMPROVEMENT]
    3
    """
    chosen = resolve_question(question)
    members = tuple(
        sorted({resolve_force(f).id for f in (_all_forces() if forces is None else forces)})
    )
    held = {entry.force.id: entry for entry in select(question=chosen, record=record)}
    graded: dict[Grade, list[str]] = {grade: [] for grade in chosen.programme.scale.grades}
    states: dict[RecordState, list[str]] = {state: [] for state in RecordState}
    missing: list[str] = []
    for member in members:
        entry = held.get(member)
        if entry is None:
            missing.append(member)
        elif entry.grade is not None:
            graded[entry.grade].append(member)
        else:
            states[entry.state].append(member)
    return Distribution(
        area=area,
        question=chosen,
        members=members,
        by_grade=tuple((grade, tuple(held)) for grade, held in graded.items()),
        not_graded=tuple(states[RecordState.NOT_GRADED]),
        not_inspected=tuple(states[RecordState.NOT_INSPECTED]),
        unknown=tuple(states[RecordState.UNKNOWN]),
        missing=tuple(missing),
    )


def _all_forces() -> tuple[Force, ...]:
    return forces.all()


@checked
def by_region(
    question: str | InspectionQuestion, *, record: GradesRecord | None = None
) -> tuple[Distribution, ...]:
    """One :class:`Distribution` per region (Wales is one), in registry order.

    >>> [(d.area, d.counts[Grade.GOOD]) for d in by_region("peel-2015.legitimacy")][:2]
    [('north-east-region', 1), ('north-west-region', 5)]
    """
    found: list[Distribution] = []
    for region in areas.all(kind=AreaKind.REGION):
        members = [force for force in forces.all() if force.region == region]
        found.append(distribution(question, forces=members, area=region.id, record=record))
    return tuple(found)


@checked
def most_similar_group(
    question: str | InspectionQuestion,
    members: Iterable[str | Force],
    *,
    record: GradesRecord | None = None,
) -> Distribution:
    """The :class:`Distribution` of a most similar group, whose forces you name.

    >>> group = most_similar_group("peel-2016.efficiency", ["hampshire", "kent", "essex"])
    >>> group.area, group.graded
    ('most-similar-group', 3)
    """
    return distribution(question, forces=members, area="most-similar-group", record=record)


@attrs.frozen(kw_only=True)
class StatementCheck:
    """A national statement counted again from the per-force record.

    ``reproduced``: every force's grade is recorded and *counted* has the
    published count. ``inconsistent``: no grades of the *undetermined* forces
    could give the published count. ``unverifiable``: some could, so the
    record alone cannot decide.
    """

    statement: NationalStatement
    status: Status
    counted: tuple[str, ...]
    undetermined: tuple[str, ...]

    @property
    def low(self) -> int:
        """The count the record gives."""
        return len(self.counted)

    @property
    def high(self) -> int:
        """The count if every undetermined force had the grade."""
        return len(self.counted) + len(self.undetermined)

    @property
    def explanation(self) -> str:
        """What the record says, in one sentence."""
        statement = self.statement
        said = f"published {statement.count}, the record counts {self.low}"
        if not self.undetermined:
            return f"{said}; every force's grade is recorded"
        listed = ", ".join(self.undetermined)
        return f"{said}; {len(self.undetermined)} without a recorded grade ({listed}) could make it up to {self.high}"

    def __repr__(self) -> str:
        statement = self.statement
        return (
            f"<StatementCheck {statement.question.id} {statement.grade.value}: published "
            f"{statement.count}, counted {self.low} to {self.high}, {self.status.value}>"
        )

    def _repr_html_(self) -> str:
        """The statement and what the record counts, for notebooks."""
        statement = self.statement
        row = (
            statement.question.id,
            statement.grade.label,
            statement.count,
            self.low,
            self.high,
            self.status.value,
            ", ".join(self.undetermined),
        )
        headers = ("question", "grade", "published", "counted", "at most", "status", "undetermined")
        return _html.table(headers, [row])


@checked
def check_statements(
    *,
    programme: str | Programme | None = None,
    question: str | InspectionQuestion | None = None,
    record: GradesRecord | None = None,
) -> tuple[StatementCheck, ...]:
    """Count every national statement of the record again from its per-force entries.

    >>> [c.status.value for c in check_statements(question="peel-2017.efficiency")]
    ['reproduced', 'reproduced', 'reproduced', 'reproduced']
    >>> [c.status.value for c in check_statements(question="peel-2017.effectiveness")]
    ['unverifiable']
    """
    source = record or datasets.grades_record()
    wanted_programme = None if programme is None else resolve_programme(programme).id
    wanted_question = None if question is None else resolve_question(question).id
    found: list[StatementCheck] = []
    for statement in source.statements:
        if wanted_programme not in (None, statement.programme.id):
            continue
        if wanted_question not in (None, statement.question.id):
            continue
        counted_in = distribution(statement.question, record=source)
        counted = counted_in.forces_with(statement.grade)
        undetermined = counted_in.undetermined
        if not undetermined:
            status = Status.REPRODUCED if len(counted) == statement.count else Status.INCONSISTENT
        elif len(counted) <= statement.count <= len(counted) + len(undetermined):
            status = Status.UNVERIFIABLE
        else:
            status = Status.INCONSISTENT
        found.append(
            StatementCheck(
                statement=statement, status=status, counted=counted, undetermined=undetermined
            )
        )
    return tuple(found)
