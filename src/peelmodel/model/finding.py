"""Findings: areas for improvement, causes of concern and recommendations."""

from __future__ import annotations

import attrs

from peelmodel._validators import check_text, check_tuple
from peelmodel.errors import InvalidTypeError, InvalidValueError
from peelmodel.model.question import InspectionQuestion

__all__ = ["AreaForImprovement", "CauseOfConcern", "Recommendation"]


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
