"""Judgments: a grade given to an inspection question."""

from __future__ import annotations

import attrs

from peelmodel.errors import InvalidTypeError, InvalidValueError
from peelmodel.model.grade import Grade
from peelmodel.model.question import InspectionQuestion

__all__ = ["Judgment"]


@attrs.frozen(kw_only=True)
class Judgment:
    """A grade given to a graded question for one force.

    The grade must belong to the scale of the question's programme:

    >>> from peelmodel import questions
    >>> Judgment(question=questions.get("peel-2015.effectiveness.1"), grade=Grade.GOOD).grade.label
    'Good'
    >>> Judgment(question=questions.get("peel-2015.effectiveness.1"), grade=Grade.ADEQUATE)
    Traceback (most recent call last):
    ...
    peelmodel.errors.InvalidValueError: Judgment.grade: is not on the four-grade scale of PEEL 2015 (found 'adequate')
    """

    question: InspectionQuestion
    grade: Grade

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.question, InspectionQuestion):
            raise InvalidTypeError("Judgment", "question", self.question, "an InspectionQuestion")
        if not isinstance(self.grade, Grade):
            raise InvalidTypeError("Judgment", "grade", self.grade, "a Grade")
        if not self.question.graded:
            raise InvalidValueError(
                "Judgment", "question", self.question.id, "is not a graded question"
            )
        programme = self.question.programme
        if self.grade not in programme.scale:
            raise InvalidValueError(
                "Judgment",
                "grade",
                self.grade.value,
                f"is not on the {programme.scale.id} scale of {programme.name}",
            )
