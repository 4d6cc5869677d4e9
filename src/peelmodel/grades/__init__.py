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

from peelmodel import datasets
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
from peelmodel.grades._selection import order, resolve_force, rows, select
from peelmodel.model.area import Force
from peelmodel.model.grade import GradingScale, Pillar, Programme
from peelmodel.model.record import GradeEntry, GradesRecord, NationalStatement, RecordState

__all__ = [
    "SCALES_WARNING",
    "Change",
    "Coverage",
    "Distribution",
    "GradeEntry",
    "GradesRecord",
    "History",
    "NationalStatement",
    "RecordState",
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


@checked
def history(
    force: str | Force,
    *,
    pillar: str | Pillar | None = None,
    core: bool = False,
    record: GradesRecord | None = None,
) -> History:
    """The force's pillar grades (and, with *core*, core questions) across programmes.

    >>> [(e.programme.id, e.state.value, e.grade and e.grade.value)
    ...  for e in history("hampshire", pillar="efficiency").entries]  # doctest: +NORMALIZE_WHITESPACE
    [('peel-2014', 'graded', 'good'), ('peel-2015', 'graded', 'good'),
     ('peel-2016', 'graded', 'good'), ('peel-2017', 'graded', 'good'),
     ('peel-2018-19', 'graded', 'good')]
    """
    found = resolve_force(force)
    entries = select(force=found, pillar=pillar, headline=None if core else True, record=record)
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
    def pillar(self) -> Pillar:
        """The pillar."""
        return self.before.pillar

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
    [('peel-2015', 'declined'), ('peel-2016', 'improved'), ('peel-2017', None), ('peel-2018-19', None)]
    """
    headlines: dict[tuple[str, Pillar], dict[str, GradeEntry]] = {}
    for entry in select(force=force, pillar=pillar, headline=True, record=record):
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
