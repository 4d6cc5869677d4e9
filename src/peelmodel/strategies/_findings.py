"""Strategies that draw findings: recommendations, areas for improvement, causes of concern, the record.

Re-exported by :mod:`peelmodel.strategies`. The wording is built from the
phrases reports use ("The force should improve ... within six months.").
The findings record's kinds, kinds of source and the share of findings tied
to an area come about as often as in the shipped record (:mod:`._proportions`).
"""

from __future__ import annotations

import functools
from datetime import timedelta
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peelmodel.catalogues import forces as _forces
from peelmodel.catalogues import programmes as _programmes
from peelmodel.catalogues import questions as _questions
from peelmodel.model.area import Force
from peelmodel.model.finding import (
    AreaForImprovement,
    CauseOfConcern,
    FindingCount,
    FindingEntry,
    FindingKind,
    FindingsRecord,
    Recommendation,
)
from peelmodel.model.grade import Pillar, Programme
from peelmodel.model.provenance import SourceKind
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.strategies._arguments import check_strategy, choice, ints, lazy
from peelmodel.strategies._catalogue import inspection_questions
from peelmodel.strategies._proportions import chance, findings_table, weighted

__all__ = [
    "areas_for_improvement",
    "causes_of_concern",
    "draw_findings",
    "finding_counts",
    "finding_entries",
    "finding_kinds",
    "findings_records",
    "recommendations",
]

_SHOULD = (
    "The force should improve",
    "The constabulary should ensure",
    "The force should review",
    "The constabulary should strengthen",
    "The force should develop",
)
_TOPICS = (
    "the supervision of investigations",
    "its understanding of the threat from organised crime",
    "how it shares information with partner organisations",
    "the quality of its initial investigations",
    "how it identifies repeat and vulnerable victims",
    "its use of problem-solving in neighbourhoods",
    "the way it records and manages risk in domestic abuse cases",
    "how it manages registered sex offenders",
)
_SUFFIXES = (".", " across the force area.", " within six months.", " as a priority.")

#: The wording of a finding: who should do what, and by when.
_TEXTS = st.builds(
    lambda should, topic, suffix: f"{should} {topic}{suffix}",
    st.sampled_from(_SHOULD),
    st.sampled_from(_TOPICS),
    st.sampled_from(_SUFFIXES),
)


def _check_text_strategy(text: st.SearchStrategy[str] | None) -> st.SearchStrategy[str]:
    return check_strategy("text", _TEXTS if text is None else text)


_Finding = TypeVar("_Finding", Recommendation, AreaForImprovement)


def _findings(
    kind: type[_Finding],
    question: st.SearchStrategy[InspectionQuestion] | None,
    text: st.SearchStrategy[str] | None,
) -> st.SearchStrategy[_Finding]:
    """A finding of *kind*: a question (a catalogue one by default) and its wording."""
    return lazy(
        lambda: st.builds(
            kind,
            question=check_strategy(
                "question", inspection_questions() if question is None else question
            ),
            text=_check_text_strategy(text),
        )
    )


def recommendations(
    *,
    question: st.SearchStrategy[InspectionQuestion] | None = None,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Recommendation]:
    """Recommendations tied to a question, with the wording of a report.

    *text* must draw non-blank strings without surrounding white space.

    >>> from hypothesis import given
    >>> @given(recommendations(text=st.just("Within three months, the force should act.")))
    ... def test_text(finding):
    ...     assert finding.text.endswith("act.")
    >>> test_text()
    """
    return _findings(Recommendation, question, text)


def areas_for_improvement(
    *,
    question: st.SearchStrategy[InspectionQuestion] | None = None,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[AreaForImprovement]:
    """Areas for improvement tied to a question.

    >>> from hypothesis import given
    >>> @given(areas_for_improvement())
    ... def test_worded(finding):
    ...     assert finding.text.startswith("The ")
    >>> test_worded()
    """
    return _findings(AreaForImprovement, question, text)


def causes_of_concern(
    *,
    question: st.SearchStrategy[InspectionQuestion] | None = None,
    text: st.SearchStrategy[str] | None = None,
    max_recommendations: int = 3,
) -> st.SearchStrategy[CauseOfConcern]:
    """Causes of concern, each with one to *max_recommendations* recommendations on its question.

    >>> from hypothesis import given
    >>> @given(causes_of_concern(max_recommendations=1))
    ... def test_recommended(cause):
    ...     assert [r.question for r in cause.recommendations] == [cause.question]
    >>> test_recommended()
    """

    @st.composite
    def draw_cause(draw: st.DrawFn) -> CauseOfConcern:
        if type(max_recommendations) is not int or max_recommendations < 1:
            raise InvalidArgument(
                f"max_recommendations={max_recommendations!r} must be a positive integer"
            )
        chosen = draw(
            check_strategy("question", inspection_questions() if question is None else question)
        )
        texts = _check_text_strategy(text)
        listed = draw(
            st.lists(
                st.builds(Recommendation, question=st.just(chosen), text=texts),
                min_size=1,
                max_size=max_recommendations,
            )
        )
        return CauseOfConcern(question=chosen, text=draw(texts), recommendations=tuple(listed))

    return draw_cause()


def draw_findings(
    draw: st.DrawFn, programme: Programme, pillar: Pillar
) -> tuple[list[AreaForImprovement], list[CauseOfConcern], list[Recommendation]]:
    """Up to three areas for improvement and a cause of concern with its recommendations.

    Each is on a core or diagnostic question of the programme's *pillar*; a
    pillar without such questions has no findings.
    """
    pool = _finding_questions(programme.id, pillar)
    if not pool:
        return [], [], []
    question = choice(pool)
    improvements = [
        AreaForImprovement(question=draw(question), text=draw(_TEXTS))
        for _ in range(draw(ints(0, 3)))
    ]
    causes: list[CauseOfConcern] = []
    if draw(ints(0, 3)) == 0:
        concern = draw(question)
        recommended = tuple(
            Recommendation(question=concern, text=draw(_TEXTS)) for _ in range(draw(ints(1, 2)))
        )
        causes.append(
            CauseOfConcern(question=concern, text=draw(_TEXTS), recommendations=recommended)
        )
    return improvements, causes, [r for cause in causes for r in cause.recommendations]


@functools.cache
def _finding_questions(programme: str, pillar: Pillar) -> tuple[InspectionQuestion, ...]:
    return tuple(
        q
        for q in _questions.all(programme=programme, pillar=pillar)
        if q.level is not QuestionLevel.HEADLINE
    )


def finding_kinds() -> st.SearchStrategy[FindingKind]:
    """Kinds of finding, about as often as the findings record holds them.

    >>> from hypothesis import given
    >>> @given(finding_kinds())
    ... def test_kind(kind):
    ...     assert isinstance(kind, FindingKind)
    >>> test_kind()
    """
    return lazy(lambda: weighted(tuple(FindingKind), findings_table().values["kind"]))


@functools.cache
def _areas_of(programme: str) -> tuple[InspectionQuestion, ...]:
    """What a finding of *programme* can be tied to: its areas, or its core and diagnostic questions."""
    return tuple(
        q for q in _questions.all(programme=programme) if q.level is not QuestionLevel.HEADLINE
    )


def _where(
    force: st.SearchStrategy[Force] | None, programme: st.SearchStrategy[Programme] | None
) -> st.SearchStrategy[tuple[Force, Programme, InspectionQuestion | None]]:
    """A force, a programme and, as often as in the record, an area of it."""

    @st.composite
    def draw_where(draw: st.DrawFn) -> tuple[Force, Programme, InspectionQuestion | None]:
        chosen_force = draw(
            check_strategy("force", st.sampled_from(_forces.all()) if force is None else force)
        )
        if not isinstance(chosen_force, Force):
            raise InvalidArgument(f"force drew {chosen_force!r}, which is not a Force")
        chosen = draw(
            check_strategy(
                "programme", st.sampled_from(_programmes.all()) if programme is None else programme
            )
        )
        if not isinstance(chosen, Programme):
            raise InvalidArgument(f"programme drew {chosen!r}, which is not a Programme")
        table = findings_table()
        pool = _areas_of(chosen.id)
        tied = bool(pool) and draw(chance(table.features["area"], table.total))
        return chosen_force, chosen, draw(st.sampled_from(pool)) if tied else None

    return draw_where()


def _report(force: Force, programme: Programme) -> str:
    return (
        "https://hmicfrs.justiceinspectorates.gov.uk/peel-reports/"
        f"{force.id}-{programme.id.removeprefix('peel-')}/"
    )


def _source_kinds() -> st.SearchStrategy[SourceKind]:
    return weighted(tuple(SourceKind), findings_table().values["source_kind"])


def finding_entries(
    *,
    force: st.SearchStrategy[Force] | None = None,
    programme: st.SearchStrategy[Programme] | None = None,
) -> st.SearchStrategy[FindingEntry]:
    """Findings of the record: a force, a programme, its area or none, a kind, words and a source.

    >>> from hypothesis import given
    >>> @given(finding_entries())
    ... def test_area(finding):
    ...     assert finding.question is None or finding.question.programme == finding.programme
    >>> test_area()
    """

    @st.composite
    def draw_entry(draw: st.DrawFn) -> FindingEntry:
        chosen_force, chosen, question = draw(_where(force, programme))
        table = findings_table()
        dated = draw(chance(table.features["dated"], table.total))
        return FindingEntry(
            force=chosen_force,
            programme=chosen,
            question=question,
            kind=draw(finding_kinds()),
            text=draw(_TEXTS),
            date=chosen.starts + timedelta(days=draw(ints(0, 900))) if dated else None,
            source=_report(chosen_force, chosen),
            source_kind=draw(_source_kinds()),
        )

    return draw_entry()


def finding_counts(
    *,
    force: st.SearchStrategy[Force] | None = None,
    programme: st.SearchStrategy[Programme] | None = None,
) -> st.SearchStrategy[FindingCount]:
    """Counts of findings a page states, with a quote that gives the number.

    >>> from hypothesis import given
    >>> @given(finding_counts())
    ... def test_quoted(count):
    ...     assert str(count.count) in count.quote
    >>> test_quoted()
    """

    @st.composite
    def draw_count(draw: st.DrawFn) -> FindingCount:
        chosen_force, chosen, question = draw(_where(force, programme))
        table = findings_table()
        kind = draw(weighted(tuple(FindingKind), table.values["count_kind"]))
        number = draw(ints(0, 20))
        words = (
            kind.value.replace("-", " ")
            .replace("area for", "areas for")
            .replace("cause of", "causes of")
        )
        return FindingCount(
            force=chosen_force,
            programme=chosen,
            question=question,
            kind=kind,
            count=number,
            source=_report(chosen_force, chosen),
            source_kind=draw(_source_kinds()),
            quote=f"We found {number} {words}.",
        )

    return draw_count()


def findings_records(
    *, max_findings: int = 5, max_counts: int = 3
) -> st.SearchStrategy[FindingsRecord]:
    """Findings records of a few findings and counts, none recorded twice.

    >>> from hypothesis import given
    >>> @given(findings_records())
    ... def test_sizes(record):
    ...     assert len(record.findings) <= 5 and len(record.counts) <= 3
    >>> test_sizes()
    """

    @st.composite
    def draw_record(draw: st.DrawFn) -> FindingsRecord:
        for name, value in (("max_findings", max_findings), ("max_counts", max_counts)):
            if type(value) is not int or value < 0:
                raise InvalidArgument(f"{name}={value!r} must be a non-negative integer")
        return FindingsRecord(
            findings=tuple(
                draw(st.lists(finding_entries(), max_size=max_findings, unique_by=lambda f: f.key))
            ),
            counts=tuple(
                draw(st.lists(finding_counts(), max_size=max_counts, unique_by=lambda c: c.key))
            ),
        )

    return draw_record()
