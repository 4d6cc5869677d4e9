"""Findings: areas for improvement, causes of concern and recommendations; the findings record.

An :class:`Inspection <peelmodel.Inspection>` holds the findings of one
report, each tied to its question. The findings record holds, for every
force and programme, the findings HMICFRS's pages state
(:class:`FindingEntry`) and, where a page states how many findings a report
has without their texts, the count (:class:`FindingCount`).
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from peelmodel._validators import (
    check_count,
    check_date,
    check_text,
    check_tuple,
    refuse_non_text,
)
from peelmodel.errors import InvalidTypeError, InvalidValueError
from peelmodel.model.area import Force
from peelmodel.model.grade import Programme
from peelmodel.model.provenance import (
    JSON_KEY,
    SourceKind,
    check_address,
    check_quote,
    check_source_kind,
)
from peelmodel.model.question import InspectionQuestion

__all__ = [
    "AreaForImprovement",
    "CauseOfConcern",
    "FindingCount",
    "FindingEntry",
    "FindingKind",
    "FindingsRecord",
    "Recommendation",
]


def _check_finding(owner: str, question: object, text: object) -> None:
    if not isinstance(question, InspectionQuestion):
        raise InvalidTypeError(owner, "question", question, "an InspectionQuestion")
    check_text(owner, "text", text)


@attrs.frozen(kw_only=True)
class AreaForImprovement:
    """Something the force should do better, tied to the question it belongs to.

    >>> from peelmodel import questions
    >>> finding = AreaForImprovement(
    ...     question=questions.get("peel-2015.effectiveness.2"),
    ...     text="The constabulary should ensure that there is regular and active supervision.",
    ... )
    >>> finding.question.number
    '2'
    """

    question: InspectionQuestion
    text: str

    def __attrs_post_init__(self) -> None:
        _check_finding("AreaForImprovement", self.question, self.text)


@attrs.frozen(kw_only=True)
class Recommendation:
    """A recommendation: the police and crime commissioner must publish comments within 56 days."""

    question: InspectionQuestion
    text: str

    def __attrs_post_init__(self) -> None:
        _check_finding("Recommendation", self.question, self.text)


@attrs.frozen(kw_only=True)
class CauseOfConcern:
    """A serious, critical or systemic shortcoming, always with one or more recommendations."""

    question: InspectionQuestion
    text: str
    recommendations: tuple[Recommendation, ...]

    def __attrs_post_init__(self) -> None:
        _check_finding("CauseOfConcern", self.question, self.text)
        check_tuple("CauseOfConcern", "recommendations", self.recommendations)
        if not self.recommendations:
            raise InvalidValueError(
                "CauseOfConcern",
                "recommendations",
                self.recommendations,
                "a cause of concern needs a recommendation",
            )
        check_tuple("CauseOfConcern", "recommendations", self.recommendations)
        for recommendation in self.recommendations:
            if not isinstance(recommendation, Recommendation):
                raise InvalidTypeError(
                    "CauseOfConcern", "recommendations", recommendation, "a Recommendation"
                )


class FindingKind(enum.Enum):
    """The kinds of finding the findings record holds."""

    #: Something the force should do better.
    AREA_FOR_IMPROVEMENT = "area-for-improvement"
    #: A serious, critical or systemic shortcoming (it comes with recommendations).
    CAUSE_OF_CONCERN = "cause-of-concern"

    @classmethod
    def _missing_(cls, value: object) -> None:
        refuse_non_text(cls, value)


def _check_where(owner: str, force: object, programme: object, question: object) -> None:
    if not isinstance(force, Force):
        raise InvalidTypeError(owner, "force", force, "a Force")
    if not isinstance(programme, Programme):
        raise InvalidTypeError(owner, "programme", programme, "a Programme")
    if question is None:
        return
    if not isinstance(question, InspectionQuestion):
        raise InvalidTypeError(owner, "question", question, "an InspectionQuestion or None")
    if question.programme != programme:
        raise InvalidValueError(
            owner, "question", question.id, f"is not a question of {programme.id}"
        )


def _check_kind(owner: str, kind: object) -> None:
    if not isinstance(kind, FindingKind):
        raise InvalidTypeError(owner, "kind", kind, "a FindingKind")


@attrs.frozen(kw_only=True)
class FindingEntry:
    """One finding a page states for a force and programme, in the page's own words.

    *question* is the area (or, before PEEL 2021/22, the question) the page
    ties the finding to, or ``None`` where it names none; *date* is the
    date of the report, where a source states it. A document holds *kind*
    under ``finding_kind`` (``kind`` names the document's class); the data
    files call it ``kind``.

    >>> from peelmodel import forces, programmes, questions
    >>> entry = FindingEntry(
    ...     force=forces.get("hampshire"),
    ...     programme=programmes.get("peel-2015"),
    ...     question=questions.get("peel-2015.effectiveness.2"),
    ...     kind=FindingKind.AREA_FOR_IMPROVEMENT,
    ...     text="The constabulary should ensure that there is regular and active supervision.",
    ...     date=None,
    ...     source="https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2015/hampshire/",
    ...     source_kind=SourceKind.HMICFRS_REPORT,
    ... )
    >>> entry.area, entry.area_for_improvement.question.id
    ('effectiveness.2', 'peel-2015.effectiveness.2')
    """

    force: Force
    programme: Programme
    question: InspectionQuestion | None
    kind: FindingKind = attrs.field(metadata={JSON_KEY: "finding_kind"})
    text: str
    date: dt.date | None
    source: str
    source_kind: SourceKind

    def __attrs_post_init__(self) -> None:
        owner = "FindingEntry"
        _check_where(owner, self.force, self.programme, self.question)
        _check_kind(owner, self.kind)
        check_text(owner, "text", self.text)
        if self.date is not None:
            check_date(owner, "date", self.date)
        check_address(owner, "source", self.source)
        check_source_kind(owner, "source_kind", self.source_kind)

    @property
    def area(self) -> str | None:
        """The id of the area (or question) within its programme, or ``None``."""
        return None if self.question is None else self.question.local_id

    @property
    def area_for_improvement(self) -> AreaForImprovement | None:
        """The finding as an :class:`AreaForImprovement`, if it is one tied to a question."""
        if self.kind is not FindingKind.AREA_FOR_IMPROVEMENT or self.question is None:
            return None
        return AreaForImprovement(question=self.question, text=self.text)

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """Force, programme, kind, question (``""`` for none) and text: one entry per key."""
        question = "" if self.question is None else self.question.id
        return (self.force.id, self.programme.id, self.kind.value, question, self.text)


@attrs.frozen(kw_only=True)
class FindingCount:
    """How many findings of one kind a page says a force's report has, with a quote stating it.

    >>> from peelmodel import forces, programmes
    >>> FindingCount(
    ...     force=forces.get("kent"),
    ...     programme=programmes.get("peel-2021-22"),
    ...     question=None,
    ...     kind=FindingKind.CAUSE_OF_CONCERN,
    ...     count=-1,
    ...     source="https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/kent-2021-22/",
    ...     source_kind=SourceKind.HMICFRS_REPORT,
    ...     quote="no causes of concern",
    ... )
    Traceback (most recent call last):
    ...
    peelmodel.errors.InvalidValueError: FindingCount.count: must not be negative (found -1)
    """

    force: Force
    programme: Programme
    question: InspectionQuestion | None
    kind: FindingKind = attrs.field(metadata={JSON_KEY: "finding_kind"})
    count: int
    source: str
    source_kind: SourceKind
    quote: str

    def __attrs_post_init__(self) -> None:
        owner = "FindingCount"
        _check_where(owner, self.force, self.programme, self.question)
        _check_kind(owner, self.kind)
        check_count(owner, "count", self.count)
        check_address(owner, "source", self.source)
        check_source_kind(owner, "source_kind", self.source_kind)
        check_quote(owner, "quote", self.quote)

    @property
    def area(self) -> str | None:
        """The id of the area (or question) within its programme, or ``None``."""
        return None if self.question is None else self.question.local_id

    @property
    def key(self) -> tuple[str, str, str, str]:
        """Force, programme, kind and question (``""`` for none): one count per key."""
        question = "" if self.question is None else self.question.id
        return (self.force.id, self.programme.id, self.kind.value, question)


@attrs.frozen(kw_only=True)
class FindingsRecord:
    """Findings and counts of findings of the 43 forces, each with its source.

    The record that ships with peelmodel is :func:`peelmodel.findings.record`.

    >>> FindingsRecord(findings=(), counts=(), notes=(" padded",))
    Traceback (most recent call last):
    ...
    peelmodel.errors.InvalidValueError: FindingsRecord.notes[0]: must be non-blank text without surrounding spaces (found ' padded')
    """

    findings: tuple[FindingEntry, ...]
    counts: tuple[FindingCount, ...] = ()
    notes: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        owner = "FindingsRecord"
        for field, kind in (("findings", FindingEntry), ("counts", FindingCount)):
            items = getattr(self, field)
            check_tuple(owner, field, items)
            seen: set[tuple[str, ...]] = set()
            for index, item in enumerate(items):
                if not isinstance(item, kind):
                    raise InvalidTypeError(owner, f"{field}[{index}]", item, f"a {kind.__name__}")
                if item.key in seen:
                    raise InvalidValueError(
                        owner,
                        f"{field}[{index}]",
                        " / ".join(part for part in item.key if part),
                        "is recorded more than once",
                    )
                seen.add(item.key)
        check_tuple(owner, "notes", self.notes)
        for index, note in enumerate(self.notes):
            check_text(owner, f"notes[{index}]", note)

    def __repr__(self) -> str:
        forces = len({f.force.id for f in self.findings} | {c.force.id for c in self.counts})
        return (
            f"<FindingsRecord: {len(self.findings)} findings, {len(self.counts)} counts, "
            f"{forces} forces>"
        )
