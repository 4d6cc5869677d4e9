"""Grades, grading scales and inspection programmes."""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

import attrs

from peelmodel._validators import check_date, check_slug, check_text, check_tuple, refuse_non_text
from peelmodel.errors import InvalidTypeError, InvalidValueError

__all__ = ["FIVE_GRADE", "FOUR_GRADE", "Grade", "GradingScale", "Pillar", "Programme"]


class Grade(enum.Enum):
    """A graded judgment; grades compare by merit (``OUTSTANDING`` is the greatest).

    >>> Grade.GOOD > Grade.REQUIRES_IMPROVEMENT, Grade.GOOD.label
    (True, 'Good')
    >>> max(Grade.GOOD, Grade.OUTSTANDING)
    <Grade.OUTSTANDING: 'outstanding'>
    """

    OUTSTANDING = "outstanding"
    GOOD = "good"
    ADEQUATE = "adequate"
    REQUIRES_IMPROVEMENT = "requires-improvement"
    INADEQUATE = "inadequate"

    @classmethod
    def _missing_(cls, value: object) -> None:
        refuse_non_text(cls, value)

    @property
    def rank(self) -> int:
        """4 for outstanding down to 0 for inadequate."""
        return _RANKS[self]

    @property
    def label(self) -> str:
        """The grade as HMIC writes it, for example ``"Requires improvement"``."""
        return self.value.replace("-", " ").capitalize()

    def __lt__(self, other: Any) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: Any) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: Any) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: Any) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank >= other.rank


_RANKS = {grade: 4 - index for index, grade in enumerate(Grade)}


@attrs.frozen(kw_only=True)
class GradingScale:
    """An ordered set of grades, best first.

    >>> Grade.ADEQUATE in FOUR_GRADE, Grade.ADEQUATE in FIVE_GRADE
    (False, True)
    """

    id: str
    grades: tuple[Grade, ...]

    def __attrs_post_init__(self) -> None:
        check_slug("GradingScale", "id", self.id)
        check_tuple("GradingScale", "grades", self.grades)
        if not self.grades or any(not isinstance(g, Grade) for g in self.grades):
            raise InvalidValueError(
                "GradingScale", "grades", self.grades, "must be a tuple of grades"
            )
        if list(self.grades) != sorted(set(self.grades), reverse=True):
            raise InvalidValueError(
                "GradingScale", "grades", self.grades, "must be distinct, best first"
            )

    def __contains__(self, grade: object) -> bool:
        return grade in self.grades


#: PEEL 2014 to 2018/19: outstanding, good, requires improvement, inadequate.
FOUR_GRADE = GradingScale(
    id="four-grade",
    grades=(Grade.OUTSTANDING, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE),
)
#: PEEL 2021/22 onward adds "adequate"; HMICFRS says the two scales cannot be compared.
FIVE_GRADE = GradingScale(id="five-grade", grades=tuple(Grade))


class Pillar(enum.Enum):
    """The PEEL pillars."""

    EFFECTIVENESS = "effectiveness"
    EFFICIENCY = "efficiency"
    LEGITIMACY = "legitimacy"
    LEADERSHIP = "leadership"

    @classmethod
    def _missing_(cls, value: object) -> None:
        refuse_non_text(cls, value)


@attrs.frozen(kw_only=True)
class Programme:
    """An inspection programme such as PEEL 2015, and the scale it grades on.

    >>> from peelmodel import programmes
    >>> programmes.get("peel-2015").scale is FOUR_GRADE
    True
    """

    id: str
    name: str
    scale: GradingScale
    starts: date

    def __attrs_post_init__(self) -> None:
        check_slug("Programme", "id", self.id)
        check_text("Programme", "name", self.name)
        check_date("Programme", "starts", self.starts)
        if not isinstance(self.scale, GradingScale):
            raise InvalidTypeError("Programme", "scale", self.scale, "a GradingScale")
