"""How much of the PEEL grades record is filled in: counts per programme and question or area."""

from __future__ import annotations

from collections import Counter

import attrs

from peelmodel import _html, datasets
from peelmodel._typecheck import checked
from peelmodel.catalogues import forces, programmes, questions
from peelmodel.grades._selection import resolve_programme
from peelmodel.model.grade import Grade, Programme
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.model.record import GradesRecord, RecordState

__all__ = ["Coverage", "coverage", "coverage_table"]


@attrs.frozen(kw_only=True)
class Coverage:
    """How many of the 43 forces the record holds in each state for one question."""

    question: InspectionQuestion
    graded: int
    not_inspected: int
    not_graded: int
    unknown: int
    missing: int
    grades: tuple[tuple[Grade, int], ...]

    @property
    def programme(self) -> Programme:
        """The programme of the question."""
        return self.question.programme

    @property
    def complete(self) -> bool:
        """Whether every force has an entry and none is unknown."""
        return self.unknown == 0 and self.missing == 0

    def __repr__(self) -> str:
        return (
            f"<Coverage {self.question.id}: {self.graded} graded, {self.not_inspected} not "
            f"inspected, {self.not_graded} not graded, {self.unknown} unknown, "
            f"{self.missing} missing>"
        )

    def _repr_html_(self) -> str:
        """The counts of each state, as a one-row table, for notebooks."""
        row = (
            self.question.id,
            self.graded,
            self.not_inspected,
            self.not_graded,
            self.unknown,
            self.missing,
        )
        headers = ("question", "graded", "not inspected", "not graded", "unknown", "missing")
        return _html.table(headers, [row])


@checked
def coverage(
    record: GradesRecord | None = None, *, programme: str | Programme | None = None
) -> tuple[Coverage, ...]:
    """One :class:`Coverage` per headline or core question, or area, in catalogue order.

    Questions and areas that are never graded appear only where the record
    holds entries for them; *programme* keeps one programme's.

    >>> from peelmodel import grades
    >>> row = grades.coverage()[0]
    >>> row.question.id, row.not_graded, row.complete
    ('peel-2014.effectiveness', 43, True)
    """
    source = record or datasets.grades_record()
    wanted = None if programme is None else resolve_programme(programme).id
    states: Counter[tuple[str, RecordState]] = Counter()
    graded: Counter[tuple[str, Grade]] = Counter()
    for entry in source.entries:
        states[entry.question.id, entry.state] += 1
        if entry.grade is not None:
            graded[entry.question.id, entry.grade] += 1
    total = len(forces.all())
    found: list[Coverage] = []
    for question in questions.all(programme=wanted):
        counts = {state: states[question.id, state] for state in RecordState}
        if question.level is QuestionLevel.DIAGNOSTIC or not (
            question.graded or any(counts.values())
        ):
            continue
        found.append(
            Coverage(
                question=question,
                graded=counts[RecordState.GRADED],
                not_inspected=counts[RecordState.NOT_INSPECTED],
                not_graded=counts[RecordState.NOT_GRADED],
                unknown=counts[RecordState.UNKNOWN],
                missing=total - sum(counts.values()),
                grades=tuple(
                    (grade, graded[question.id, grade])
                    for grade in question.programme.scale.grades
                    if graded[question.id, grade]
                ),
            )
        )
    return tuple(found)


def _cells(row: Coverage) -> list[str]:
    return [
        str(row.graded),
        str(row.not_inspected),
        str(row.not_graded),
        str(row.unknown),
        str(row.missing),
        ", ".join(f"{grade.label.lower()} {count}" for grade, count in row.grades),
    ]


_COUNTS = "graded | not inspected | not graded | unknown | not in the record | grades"


def _area_table(rows: list[Coverage], programme: Programme) -> list[str]:
    return [
        "",
        f"{programme.name}, areas of policing, of the 43 forces:",
        "",
        f"| area | graded area | {_COUNTS} |",
        "|---|---|--:|--:|--:|--:|--:|---|",
        *(
            f"| {row.question.text} (`{row.question.local_id}`) | "
            f"{'yes' if row.question.graded else 'no'} | {' | '.join(_cells(row))} |"
            for row in rows
        ),
    ]


@checked
def coverage_table(record: GradesRecord | None = None) -> str:
    """The coverage of the record as Markdown: pillar grades, core questions, then areas.

    Every programme has a table: pillar grades and core questions for PEEL
    2014 to 2018/19, one table per programme of the areas of PEEL 2021/22 on.

    >>> from peelmodel import grades
    >>> print(grades.coverage_table().splitlines()[4])
    | PEEL 2014 | effectiveness | 0 | 0 | 43 | 0 | 0 |  |
    """
    rows = coverage(record)
    lines = [
        "Pillar grades (the headline question of each pillar), of the 43 forces:",
        "",
        f"| programme | pillar | {_COUNTS} |",
        "|---|---|--:|--:|--:|--:|--:|---|",
    ]
    lines += [
        f"| {row.programme.name} | {row.question.pillar.value} | {' | '.join(_cells(row))} |"
        for row in rows
        if row.question.level is QuestionLevel.HEADLINE and row.question.pillar is not None
    ]
    lines += [
        "",
        "Core questions, of the 43 forces:",
        "",
        f"| question | {_COUNTS} |",
        "|---|--:|--:|--:|--:|--:|---|",
    ]
    lines += [
        f"| `{row.question.id}` | {' | '.join(_cells(row))} |"
        for row in rows
        if row.question.level is QuestionLevel.CORE
    ]
    for programme in programmes.all():
        held = [
            r for r in rows if r.question.level is QuestionLevel.AREA and r.programme == programme
        ]
        if held:
            lines += _area_table(held, programme)
    source = record or datasets.grades_record()
    unknown = [
        f"{entry.programme.name} {entry.pillar.value}: {entry.force.id}"
        for entry in source.entries
        if entry.state is RecordState.UNKNOWN
        and entry.question.level is QuestionLevel.HEADLINE
        and entry.pillar is not None
    ]
    if unknown:
        lines += ["", f"Pillar grades no page read states: {'; '.join(unknown)}."]
    recorded = {entry.programme.id for entry in source.entries}
    absent = [p.name for p in programmes.all() if p.id not in recorded]
    if absent:
        lines += ["", f"Not recorded yet: {', '.join(absent)}."]
    return "\n".join(lines)
