"""Inspection questions: the question tree of a programme's pillar, or an area of policing."""

from __future__ import annotations

import enum
import re

import attrs

from peelmodel._validators import check_slug, check_text, refuse_non_text
from peelmodel.errors import InvalidTypeError, InvalidValueError
from peelmodel.model.grade import Pillar, Programme

__all__ = ["InspectionQuestion", "QuestionLevel"]

_NUMBER = re.compile(r"(?:[1-9][0-9]*(?:\.[1-9][0-9]*)*)?")


class QuestionLevel(enum.Enum):
    """Where a question sits: in its pillar's tree, or an area of a five-grade programme."""

    HEADLINE = "headline"
    CORE = "core"
    DIAGNOSTIC = "diagnostic"
    #: An area of policing of PEEL 2021/22 onward: graded on its own, with no pillar above it.
    AREA = "area"

    @classmethod
    def _missing_(cls, value: object) -> None:
        refuse_non_text(cls, value)


@attrs.frozen(kw_only=True)
class InspectionQuestion:
    """A node of a programme's question tree, or an area of policing.

    PEEL 2014 to 2018/19 ask questions under pillars. The *number* places
    such a question: ``""`` is the pillar's headline question (whose grade
    is the "overall" judgment), ``"2"`` a core question and ``"2.2.1"`` a
    diagnostic question under it. The id, level and parent all follow from it.

    >>> from peelmodel import questions
    >>> question = questions.get("peel-2015.effectiveness.2.2.1")
    >>> question.level, question.parent_id, question.graded
    (<QuestionLevel.DIAGNOSTIC: 'diagnostic'>, 'peel-2015.effectiveness.2.2', False)

    PEEL 2021/22 onward grade *areas* of policing instead: an area has an
    *area* id and neither pillar nor number, and its id is
    ``programme.area``:

    >>> from peelmodel import programmes
    >>> area = InspectionQuestion(
    ...     programme=programmes.get("peel-2023-25"),
    ...     area="investigating-crime",
    ...     text="Investigating crime",
    ...     graded=True,
    ... )
    >>> area.id, area.level.value, area.pillar, area.parent_id
    ('peel-2023-25.investigating-crime', 'area', None, None)
    """

    programme: Programme
    pillar: Pillar | None = None
    number: str = ""
    text: str
    graded: bool
    area: str | None = None

    def __attrs_post_init__(self) -> None:
        owner = "InspectionQuestion"
        if not isinstance(self.programme, Programme):
            raise InvalidTypeError(owner, "programme", self.programme, "a Programme")
        if self.area is None:
            if not isinstance(self.pillar, Pillar):
                raise InvalidTypeError(
                    owner, "pillar", self.pillar, "a Pillar (or an area instead)"
                )
        else:
            check_slug(owner, "area", self.area)
            if self.pillar is not None:
                raise InvalidValueError(
                    owner, "pillar", self.pillar.value, "must be None for an area of policing"
                )
            if self.number != "":
                raise InvalidValueError(
                    owner, "number", self.number, "must be '' for an area of policing"
                )
        if not isinstance(self.number, str):
            raise InvalidTypeError(
                owner, "number", self.number, "'' or dotted positive integers like '2.1'"
            )
        if not _NUMBER.fullmatch(self.number):
            raise InvalidValueError(
                owner, "number", self.number, "must be '' or dotted positive integers like '2.1'"
            )
        check_text(owner, "text", self.text)
        if type(self.graded) is not bool:
            raise InvalidTypeError(owner, "graded", self.graded, "a bool")
        if self.graded and self.level is QuestionLevel.DIAGNOSTIC:
            raise InvalidValueError(
                owner, "graded", self.graded, "diagnostic questions are not graded"
            )

    @property
    def id(self) -> str:
        """The stable id: ``programme.pillar`` then the number, or ``programme.area``."""
        if self.area is not None:
            return f"{self.programme.id}.{self.area}"
        head = f"{self.programme.id}.{self.pillar.value if self.pillar else ''}"
        return f"{head}.{self.number}" if self.number else head

    @property
    def level(self) -> QuestionLevel:
        """Headline, core or diagnostic, from the depth of the number; or an area."""
        if self.area is not None:
            return QuestionLevel.AREA
        if not self.number:
            return QuestionLevel.HEADLINE
        return QuestionLevel.CORE if "." not in self.number else QuestionLevel.DIAGNOSTIC

    @property
    def parent_id(self) -> str | None:
        """The id of the question above this one, or ``None`` for a headline question or an area."""
        if not self.number:
            return None
        return self.id.rpartition(".")[0]

    @property
    def local_id(self) -> str:
        """The id within the programme: the area id, or ``pillar`` then the number.

        >>> from peelmodel import questions
        >>> questions.get("peel-2015.effectiveness.2").local_id
        'effectiveness.2'
        """
        return self.id.removeprefix(f"{self.programme.id}.")

    def __str__(self) -> str:
        return self.text
