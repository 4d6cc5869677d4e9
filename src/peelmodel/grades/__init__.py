"""The PEEL grades record: every published grade of the 43 forces, to select, follow and count.

The record ships with the package (:func:`record`); every function here reads
it unless given another :class:`~peelmodel.GradesRecord` as ``record=``. A pillar grade
is the grade of the pillar's headline question:

>>> from peelmodel import grades
>>> [entry.grade.label for entry in grades.select(force="durham", question="peel-2015.effectiveness")]
['Outstanding']
>>> national = grades.distribution("peel-2015.effectiveness")
>>> {grade.value: count for grade, count in national.counts.items()}
{'outstanding': 1, 'good': 24, 'requires-improvement': 18, 'inadequate': 0}

Published national counts are reproduced from the per-force record:

>>> check = grades.check_statements(question="peel-2015.effectiveness")[1]
>>> check.statement.grade.value, check.statement.count, check.status.value
('good', 24, 'reproduced')
"""

from __future__ import annotations

import itertools
from typing import Final

import attrs

from peelmodel import _html, datasets
from peelmodel._typecheck import checked
from peelmodel.catalogues import programmes
from peelmodel.grades._counts import (
    Distribution,
    StatementCheck,
    by_region,
    check_statements,
    distribution,
    most_similar_group,
)
from peelmodel.grades._coverage import Coverage, coverage, coverage_table
from peelmodel.grades._selection import order, resolve_force, row, rows, select
from peelmodel.model.area import Force
from peelmodel.model.grade import GradingScale, Pillar, Programme
from peelmodel.model.provenance import EarlierGrade, Inference, SourceConflict, SourceKind
from peelmodel.model.question import QuestionLevel
from peelmodel.model.record import GradeEntry, GradesRecord, NationalStatement, RecordState

__all__ = [
    "SCALES_WARNING",
    "Change",
    "Coverage",
    "Distribution",
    "EarlierGrade",
    "GradeEntry",
    "GradesRecord",
    "History",
    "Inference",
    "NationalStatement",
    "RecordState",
    "SourceConflict",
    "SourceKind",
    "StatementCheck",
    "by_region",
    "changes",
    "check_statements",
    "coverage",
    "coverage_table",
    "distribution",
    "history",
    "most_similar_group",
    "record",
    "row",
    "rows",
    "select",
]

#: Said of any history or change that spans the four-grade and five-grade scales.
SCALES_WARNING: Final = (
    "PEEL 2014 to 2018/19 grade on four grades and PEEL 2021/22 onward on five: "
    "HMICFRS says the two scales cannot be compared"
)


@checked
def record() -> GradesRecord:
    """The grades record that ships with peelmodel (the ``peel-grades`` dataset)."""
    return datasets.grades_record()


@attrs.frozen(kw_only=True)
class History:
    """A force's entries across programmes, oldest programme first.

    Grades on the four-grade scale (PEEL 2014 to 2018/19) and the five-grade
    scale (PEEL 2021/22 onward) cannot be compared: :attr:`warning` says so
    whenever a history holds both.
    """

    force: Force
    entries: tuple[GradeEntry, ...]

    @property
    def programmes(self) -> tuple[Programme, ...]:
        """The programmes the history covers, oldest first."""
        return tuple({entry.programme.id: entry.programme for entry in self.entries}.values())

    @property
    def scales(self) -> tuple[GradingScale, ...]:
        """The grading scales of those programmes."""
        return tuple({p.scale.id: p.scale for p in self.programmes}.values())

    @property
    def comparable(self) -> bool:
        """Whether every grade is on one scale."""
        return len(self.scales) <= 1

    @property
    def warning(self) -> str | None:
        """:data:`SCALES_WARNING` when the history spans both scales, else ``None``."""
        return None if self.comparable else SCALES_WARNING

    def __repr__(self) -> str:
        graded = sum(entry.grade is not None for entry in self.entries)
        names = [programme.name for programme in self.programmes]
        span = f"{names[0]} to {names[-1]}" if names else "no programmes"
        scales = "" if self.comparable else "; two scales that cannot be compared"
        return (
            f"<History {self.force.id}: {len(self.entries)} entries, {span}, "
            f"{graded} graded{scales}>"
        )

    def _repr_html_(self) -> str:
        """The entries, programme by programme, for notebooks."""
        rows = [
            (
                entry.programme.name,
                entry.question.id,
                entry.state.value,
                None if entry.grade is None else entry.grade.label,
                entry.last_updated,
            )
            for entry in self.entries
        ]
        entries = _html.table(("programme", "question", "state", "grade", "last updated"), rows)
        warning = _html.table(("note",), [(self.warning,)]) if self.warning else ""
        return _html.block(f"{self.force.name}: {repr(self)[1:-1]}", entries, warning)


@checked
def history(
    force: str | Force,
    *,
    pillar: str | Pillar | None = None,
    core: bool = False,
    areas: bool = False,
    record: GradesRecord | None = None,
) -> History:
    """The force's pillar grades (and, with *core*, core questions) across programmes.

    With *areas*, the grades of the areas of PEEL 2021/22 on follow them
    (areas have no pillar; the history then spans both grading scales).

    >>> [(e.programme.id, e.state.value, e.grade and e.grade.value)
    ...  for e in history("hampshire", pillar="efficiency").entries]  # doctest: +NORMALIZE_WHITESPACE
    [('peel-2014', 'graded', 'good'), ('peel-2015', 'graded', 'good'),
     ('peel-2016', 'graded', 'good'), ('peel-2017', 'graded', 'good'),
     ('peel-2018-19', 'graded', 'good')]
    """
    found = resolve_force(force)
    entries = select(force=found, pillar=pillar, headline=None if core else True, record=record)
    if core:
        entries = tuple(e for e in entries if e.question.level is not QuestionLevel.AREA)
    if areas:
        held = select(force=found, headline=False, record=record)
        entries += tuple(e for e in held if e.question.level is QuestionLevel.AREA)
    return History(force=found, entries=tuple(sorted(entries, key=order)))


@attrs.frozen(kw_only=True)
class Change:
    """A force's pillar grade in one programme and in the next."""

    before: GradeEntry
    after: GradeEntry

    @property
    def force(self) -> Force:
        """The force."""
        return self.before.force

    @property
    def pillar(self) -> Pillar | None:
        """The pillar."""
        return self.before.pillar

    @property
    def _subject(self) -> str:
        """The pillar's name, or the area's id within its programme."""
        pillar = self.pillar
        return pillar.value if pillar is not None else self.before.question.id.partition(".")[2]

    @property
    def comparable(self) -> bool:
        """Whether both are grades on the same scale."""
        return (
            self.before.grade is not None
            and self.after.grade is not None
            and self.before.programme.scale == self.after.programme.scale
        )

    @property
    def direction(self) -> str | None:
        """``"improved"``, ``"declined"`` or ``"unchanged"``; ``None`` when not :attr:`comparable`."""
        before, after = self.before.grade, self.after.grade
        if not self.comparable or before is None or after is None:
            return None
        if after == before:
            return "unchanged"
        return "improved" if after > before else "declined"

    @property
    def warning(self) -> str | None:
        """:data:`SCALES_WARNING` when the two programmes grade on different scales."""
        same = self.before.programme.scale == self.after.programme.scale
        return None if same else SCALES_WARNING

    def __repr__(self) -> str:
        def shown(entry: GradeEntry) -> str:
            grade = (
                entry.state.value.replace("-", " ") if entry.grade is None else entry.grade.label
            )
            return f"{grade} ({entry.programme.name})"

        direction = self.direction or "not comparable"
        return (
            f"<Change {self.force.id} {self._subject}: {shown(self.before)} to "
            f"{shown(self.after)}, {direction}>"
        )

    def _repr_html_(self) -> str:
        """The two entries and the direction, as a one-row table, for notebooks."""
        before, after = self.before, self.after
        row = (
            self.force.name,
            self._subject,
            before.programme.name,
            before.state.value if before.grade is None else before.grade.label,
            after.programme.name,
            after.state.value if after.grade is None else after.grade.label,
            self.direction,
            self.warning,
        )
        headers = ("force", "pillar", "before", "grade", "after", "grade", "direction", "note")
        return _html.table(headers, [row])


@checked
def changes(
    *,
    force: str | Force | None = None,
    pillar: str | Pillar | None = None,
    record: GradesRecord | None = None,
) -> tuple[Change, ...]:
    """Pillar grades in consecutive programmes, for every force (or one) and pillar.

    A pair is given only where the record holds both entries; its
    :attr:`~Change.direction` is ``None`` unless both are grades on one scale.

    >>> [(c.after.programme.id, c.direction) for c in changes(force="humberside", pillar="efficiency")]
    [('peel-2015', 'declined'), ('peel-2016', 'improved'), ('peel-2017', 'unchanged'), ('peel-2018-19', 'improved')]
    """
    headlines: dict[tuple[str, Pillar], dict[str, GradeEntry]] = {}
    for entry in select(force=force, pillar=pillar, headline=True, record=record):
        if entry.pillar is not None:
            headlines.setdefault((entry.force.id, entry.pillar), {})[entry.programme.id] = entry
    order = [p.id for p in programmes.all()]
    found: list[Change] = []
    for key in sorted(headlines, key=lambda k: (k[0], tuple(Pillar).index(k[1]))):
        held = headlines[key]
        found.extend(
            Change(before=held[first], after=held[second])
            for first, second in itertools.pairwise(order)
            if first in held and second in held
        )
    return tuple(found)
