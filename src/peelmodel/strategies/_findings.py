"""Strategies that draw findings: recommendations, areas for improvement and causes of concern.

Re-exported by :mod:`peelmodel.strategies`. The wording is built from the
phrases reports use ("The force should improve ... within six months.").
"""

from __future__ import annotations

import functools
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peelmodel.catalogues import questions as _questions
from peelmodel.model.finding import AreaForImprovement, CauseOfConcern, Recommendation
from peelmodel.model.grade import Pillar, Programme
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.strategies._arguments import check_strategy, choice, ints, lazy
from peelmodel.strategies._catalogue import inspection_questions

__all__ = [
    "areas_for_improvement",
    "causes_of_concern",
    "draw_findings",
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
