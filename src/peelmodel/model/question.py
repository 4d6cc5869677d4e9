"""Inspection questions: the question tree of a programme's pillar."""

from __future__ import annotations

import enum
import re

import attrs

from peelmodel._validators import check_text, refuse_non_text
from peelmodel.errors import InvalidTypeError, InvalidValueError
from peelmodel.model.grade import Pillar, Programme

__all__ = ["InspectionQuestion", "QuestionLevel"]

_NUMBER = re.compile(r"(?:[1-9][0-9]*(?:\.[1-9][0-9]*)*)?")


class QuestionLevel(enum.Enum):
    """Where a question sits in its pillar's tree."""

    HEADLINE = "headline"
    CORE = "core"
    DIAGNOSTIC = "diagnostic"

    @classmethod
    def _missing_(cls, value: object) -> None:
        refuse_non_text(cls, value)


@attrs.frozen(kw_only=True)
class InspectionQuestion:
    """A node of a programme's question tree.

    The *number* places the question: ``""`` is the pillar's headline question
    (whose grade is the "overall" judgment), ``"2"`` a core question and
    ``"2.2.1"`` a diagnostic question under it. The id, level and parent all
    follow from it.

    >>> from peelmodel import questions
    >>> question = questions.get("peel-2015.effectiveness.2.2.1")
    >>> question.level, question.parent_id, question.graded
    (<QuestionLevel.DIAGNOSTIC: 'diagnostic'>, 'peel-2015.effectiveness.2.2', False)
    """

    programme: Programme
    pillar: Pillar
    number: str
    text: str
    graded: bool

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.programme, Programme):
            raise InvalidTypeError("InspectionQuestion", "programme", self.programme, "a Programme")
        if not isinstance(self.pillar, Pillar):
            raise InvalidTypeError("InspectionQuestion", "pillar", self.pillar, "a Pillar")
        if not isinstance(self.number, str):
            raise InvalidTypeError(
                "InspectionQuestion",
                "number",
                self.number,
                "'' or dotted positive integers like '2.1'",
            )
        if not _NUMBER.fullmatch(self.number):
            raise InvalidValueError(
                "InspectionQuestion",
                "number",
                self.number,
                "must be '' or dotted positive integers like '2.1'",
            )
        check_text("InspectionQuestion", "text", self.text)
        if type(self.graded) is not bool:
            raise InvalidTypeError("InspectionQuestion", "graded", self.graded, "a bool")
        if self.graded and self.level is QuestionLevel.DIAGNOSTIC:
            raise InvalidValueError(
                "InspectionQuestion", "graded", self.graded, "diagnostic questions are not graded"
            )

    @property
    def id(self) -> str:
        """The stable id: ``programme.pillar`` then the number, dot-separated."""
        head = f"{self.programme.id}.{self.pillar.value}"
        return f"{head}.{self.number}" if self.number else head

    @property
    def level(self) -> QuestionLevel:
        """Headline, core or diagnostic, from the depth of the number."""
        if not self.number:
            return QuestionLevel.HEADLINE
        return QuestionLevel.CORE if "." not in self.number else QuestionLevel.DIAGNOSTIC

    @property
    def parent_id(self) -> str | None:
        """The id of the question above this one, or ``None`` for a headline question."""
        if not self.number:
            return None
        return self.id.rpartition(".")[0]

    def __str__(self) -> str:
        return self.text
