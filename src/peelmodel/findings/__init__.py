"""The findings record: areas for improvement and causes of concern of the 43 forces, with sources.

The record ships with the package (:func:`record`); every function here
reads it unless given another :class:`~peelmodel.FindingsRecord` as
``record=``. A finding is in the page's own words, tied to its area (or,
before PEEL 2021/22, its question) where the page names one; where a page
states how many findings a report has but not every text, the record holds
the count.

>>> from peelmodel import findings
>>> [f.area for f in findings.select(force="hampshire", programme="peel-2015")]
['effectiveness.2', 'effectiveness.4']
>>> findings.select(kind="cause-of-concern", programme="peel-2015")
()
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from peelmodel import datasets
from peelmodel._typecheck import checked
from peelmodel.catalogues import forces, programmes, questions
from peelmodel.errors import UnknownReferenceError
from peelmodel.findings._checks import CountCheck, check_count
from peelmodel.model.area import Force
from peelmodel.model.finding import FindingCount, FindingEntry, FindingKind, FindingsRecord
from peelmodel.model.grade import Programme
from peelmodel.model.provenance import SourceKind
from peelmodel.model.question import InspectionQuestion

__all__ = [
    "CountCheck",
    "FindingCount",
    "FindingEntry",
    "FindingKind",
    "FindingsRecord",
    "SourceKind",
    "check_counts",
    "count_rows",
    "counts",
    "query",
    "record",
    "rows",
    "select",
]


@checked
def record() -> FindingsRecord:
    """The findings record that ships with peelmodel (every ``findings-<programme>.json``)."""
    return datasets.findings_record()


def _kind(name: str | FindingKind) -> FindingKind:
    if isinstance(name, FindingKind):
        return name
    try:
        return FindingKind(name)
    except ValueError:
        raise UnknownReferenceError("finding kind", name, (k.value for k in FindingKind)) from None


def _force(name: str | Force) -> Force:
    return name if isinstance(name, Force) else forces.lookup(name)


def _programme(name: str | Programme) -> Programme:
    return name if isinstance(name, Programme) else programmes.lookup(name)


def _area(name: str | InspectionQuestion, programme: Programme | None) -> frozenset[str]:
    """The question ids *name* stands for: a question, or an area id within *programme* (or any)."""
    if isinstance(name, InspectionQuestion):
        return frozenset((name.id,))
    held = questions.all(programme=None if programme is None else programme.id)
    local = frozenset(q.id for q in held if q.local_id == name)
    return local or frozenset((questions.lookup(name).id,))


class _Filter:
    """The filters of a query, resolved once."""

    def __init__(
        self,
        force: str | Force | None,
        programme: str | Programme | None,
        kind: str | FindingKind | None,
        area: str | InspectionQuestion | None,
    ) -> None:
        self.force = None if force is None else _force(force).id
        chosen = None if programme is None else _programme(programme)
        self.programme = None if chosen is None else chosen.id
        self.kind = None if kind is None else _kind(kind)
        self.areas = None if area is None else _area(area, chosen)

    def __call__(self, item: FindingEntry | FindingCount) -> bool:
        return (
            (self.force is None or item.force.id == self.force)
            and (self.programme is None or item.programme.id == self.programme)
            and (self.kind is None or item.kind is self.kind)
            and (
                self.areas is None or (item.question is not None and item.question.id in self.areas)
            )
        )


@checked
def select(
    *,
    force: str | Force | None = None,
    programme: str | Programme | None = None,
    kind: str | FindingKind | None = None,
    area: str | InspectionQuestion | None = None,
    record: FindingsRecord | None = None,
) -> tuple[FindingEntry, ...]:
    """The findings that match every filter given, in record order.

    Forces and programmes are found by id or name (ignoring case), *kind* by
    its value (``area-for-improvement``, ``cause-of-concern``) and *area* by
    its id within the programme (within any programme, if none is given) or
    its question id. An unknown name raises
    :class:`~peelmodel.errors.UnknownReferenceError`.

    >>> [f.text[:32] for f in select(area="peel-2015.effectiveness.4")]
    ['The force should complete its se']
    >>> len(select(area="effectiveness.4"))
    1
    >>> select(kind="praise")
    Traceback (most recent call last):
    ...
    peelmodel.errors.UnknownReferenceError: unknown finding kind 'praise'; known: area-for-improvement, cause-of-concern
    """
    wanted = _Filter(force, programme, kind, area)
    return tuple(f for f in (record or datasets.findings_record()).findings if wanted(f))


@checked
def counts(
    *,
    force: str | Force | None = None,
    programme: str | Programme | None = None,
    kind: str | FindingKind | None = None,
    area: str | InspectionQuestion | None = None,
    record: FindingsRecord | None = None,
) -> tuple[FindingCount, ...]:
    """The counts of findings that match every filter given, in record order (as :func:`select`)."""
    wanted = _Filter(force, programme, kind, area)
    return tuple(c for c in (record or datasets.findings_record()).counts if wanted(c))


@checked
def query(
    *,
    force: str | Force | None = None,
    programme: str | Programme | None = None,
    kind: str | FindingKind | None = None,
    area: str | InspectionQuestion | None = None,
    record: FindingsRecord | None = None,
) -> FindingsRecord:
    """The findings and counts that match every filter given, as a :class:`~peelmodel.FindingsRecord`.

    >>> query(force="hampshire")
    <FindingsRecord: 2 findings, 0 counts, 1 forces>
    """
    wanted = _Filter(force, programme, kind, area)
    source = record or datasets.findings_record()
    return FindingsRecord(
        findings=tuple(f for f in source.findings if wanted(f)),
        counts=tuple(c for c in source.counts if wanted(c)),
        notes=source.notes,
    )


@checked
def check_counts(
    *,
    force: str | Force | None = None,
    programme: str | Programme | None = None,
    kind: str | FindingKind | None = None,
    area: str | InspectionQuestion | None = None,
    record: FindingsRecord | None = None,
) -> tuple[CountCheck, ...]:
    """Each count of findings that matches the filters, beside the texts the record holds for it.

    >>> check_counts(force="hampshire")
    ()
    """
    source = record or datasets.findings_record()
    chosen = counts(force=force, programme=programme, kind=kind, area=area, record=source)
    return tuple(check_count(count, source) for count in chosen)


@checked
def rows(found: Iterable[FindingEntry]) -> list[dict[str, Any]]:
    """One JSON-ready dict per finding: force, programme, kind, area, text, date, source, source_kind.

    ``area`` is the area's id within its programme (or ``None``), and
    ``question`` its full question id.

    >>> rows(select(force="hampshire"))[0]["kind"]
    'area-for-improvement'
    """
    return [
        {
            "force": f.force.id,
            "programme": f.programme.id,
            "kind": f.kind.value,
            "area": f.area,
            "question": None if f.question is None else f.question.id,
            "text": f.text,
            "date": None if f.date is None else f.date.isoformat(),
            "source": f.source,
            "source_kind": f.source_kind.value,
        }
        for f in found
    ]


@checked
def count_rows(
    found: Iterable[FindingCount], *, record: FindingsRecord | None = None
) -> list[dict[str, Any]]:
    """One JSON-ready dict per count: force, programme, kind, area, count, source, source_kind, quote.

    Each also has ``recorded``, the number of texts the record holds for the
    count, and ``status``, how they compare (see :class:`CountCheck`).
    """
    source = record or datasets.findings_record()
    checks = [check_count(c, source) for c in found]
    return [
        {
            "force": check.count.force.id,
            "programme": check.count.programme.id,
            "kind": check.count.kind.value,
            "area": check.count.area,
            "question": None if check.count.question is None else check.count.question.id,
            "count": check.count.count,
            "source": check.count.source,
            "source_kind": check.count.source_kind.value,
            "quote": check.count.quote,
            "recorded": len(check.recorded),
            "status": check.status.value,
        }
        for check in checks
    ]
