"""The reference catalogues as plain ids and facts, shared by the peer models.

The peers check references against the same registries peelmodel uses (read
once from peelmodel's catalogues), so every implementation accepts and rejects
the same ids.
"""

from __future__ import annotations

import enum
import re
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, Final

from peelmodel._validators import MAX_COUNT
from peelmodel.catalogues import areas, forces, outcomes, programmes, questions

__all__ = [
    "AREA_IDS",
    "DECIMAL_TEXT",
    "DOTTED_SLUG",
    "FORCE_REGION",
    "GROUP_MEMBERS",
    "MAX_COUNT",
    "PROGRAMME_SCALE",
    "QUESTIONS",
    "SLUG",
    "TYPE_VALID_FROM",
    "check_decimal",
    "check_figure",
    "check_inspection",
    "check_judgment",
    "check_outcome_rate",
    "check_question",
    "check_text",
    "parse_date",
    "parse_period",
]

SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DOTTED_SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*")
DECIMAL_TEXT: Final = re.compile(r"-?(?:0|[1-9]\d{0,15})(?:\.\d{1,6})?")
DATE_TEXT: Final = re.compile(r"\d{4}-\d{2}-\d{2}")

#: Every area id (England and Wales, regions, forces).
AREA_IDS: Final = frozenset(area.id for area in areas.all())
#: Force id → the id of its region.
FORCE_REGION: Final = {force.id: force.region.id for force in forces.all()}
#: Outcome type id → the first day it was in use.
TYPE_VALID_FROM: Final = {kind.id: kind.valid_from for kind in outcomes.types()}
#: Outcome group id → the ids of its member types.
GROUP_MEMBERS: Final = {
    group.id: tuple(f"type-{number}" for number in group.members) for group in outcomes.groups()
}
#: Programme id → the grade values of its scale.
PROGRAMME_SCALE: Final = {
    programme.id: frozenset(grade.value for grade in programme.scale.grades)
    for programme in programmes.all()
}
#: Question id → (programme id, pillar value, graded); an area of PEEL 2021/22 on has no pillar.
QUESTIONS: Final = {
    question.id: (
        question.programme.id,
        None if question.pillar is None else question.pillar.value,
        question.graded,
    )
    for question in questions.all()
}


def check_text(value: str) -> str:
    """Require non-blank text without surrounding white space."""
    if not value or value != value.strip():
        raise ValueError("must be non-blank text without surrounding spaces")
    return value


# The peers remember parsed texts as peelmodel does (documents repeat a few
# periods, dates and figures), so that neither side is measured parsing the
# same text again.


def parse_date(value: object) -> date:
    """Read ``YYYY-MM-DD``."""
    if type(value) is not str:
        raise ValueError('expected a date such as "2015-06-30"')
    return _parse_date(value)


@lru_cache(maxsize=4096)
def _parse_date(value: str) -> date:
    if not DATE_TEXT.fullmatch(value):
        raise ValueError('expected a date such as "2015-06-30"')
    return date.fromisoformat(value)


def parse_period(value: object) -> tuple[date, date]:
    """Read ``YYYY-MM-DD`` or ``start/end`` as (start, end), end not before start."""
    if type(value) is not str:
        raise ValueError('expected a period such as "2014-07-01/2015-06-30"')
    return _parse_period(value)


@lru_cache(maxsize=4096)
def _parse_period(value: str) -> tuple[date, date]:
    start_text, slash, end_text = value.partition("/")
    if not DATE_TEXT.fullmatch(start_text) or (slash and not DATE_TEXT.fullmatch(end_text)):
        raise ValueError("must be an ISO date or 'start/end' of ISO dates")
    start = date.fromisoformat(start_text)
    end = date.fromisoformat(end_text) if slash else start
    if end < start:
        raise ValueError("end must not be before start")
    return start, end


def format_period(period: tuple[date, date]) -> str:
    """Write a period as :func:`parse_period` reads it."""
    start, end = period
    return end.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def check_decimal(value: object, *, signed: bool = False) -> Decimal:
    """Read a published figure written as a string: at most 6 places, in range."""
    if type(value) is not str:
        raise ValueError('expected a decimal number written as a string, such as "14.4"')
    return _decimal(value, signed)


@lru_cache(maxsize=4096)
def _decimal(value: str, signed: bool) -> Decimal:  # noqa: FBT001 - cached positional key
    if not DECIMAL_TEXT.fullmatch(value):
        raise ValueError('expected a decimal number written as a string, such as "14.4"')
    number = Decimal(value)
    if not signed and number.is_signed():
        raise ValueError("must not be negative")
    if abs(number) > MAX_COUNT:
        raise ValueError("out of range")
    return number


# Whole-object checks, duck-typed over the peers' objects (same field names as
# peelmodel's classes; periods are (start, end) pairs, enums carry the values).


def check_outcome_rate(row: Any) -> None:
    """The cross-field rules of ``OutcomeRate``."""
    if row.area not in AREA_IDS:
        raise ValueError(f"unknown area {row.area!r}")
    valid_from = TYPE_VALID_FROM.get(row.outcome)
    if valid_from is None:
        if row.outcome not in GROUP_MEMBERS:
            raise ValueError(f"unknown outcome {row.outcome!r}")
    elif valid_from > row.period[1]:
        raise ValueError("outcome did not exist during the period")
    if row.count is None and row.rate is None:
        raise ValueError("count+rate: at least one must be given")
    if row.source is not None:
        check_text(row.source)


def check_figure(figure: Any) -> None:
    """The cross-field rules of ``Figure``."""
    for slug in (
        (figure.id, figure.measure) if figure.of is None else (figure.id, figure.measure, figure.of)
    ):
        if not DOTTED_SLUG.fullmatch(slug):
            raise ValueError("must be a dotted lower-case slug")
    check_text(figure.label)
    check_text(figure.source)
    if figure.area not in AREA_IDS:
        raise ValueError(f"unknown area {figure.area!r}")
    basis = figure.basis.value
    change = basis == "percentage-change"
    if figure.published is not None:
        if figure.published.is_signed() and not change:
            raise ValueError("must not be negative")
        if basis == "count" and figure.published.as_tuple().exponent != 0:
            raise ValueError("a count has no decimal places")
    if figure.of is None and basis == "percent":
        raise ValueError("of is required for a percent figure")
    if figure.of is not None and basis not in {"count", "percent"}:
        raise ValueError("of is only for a count or a percent figure")
    if (figure.baseline is not None) != change:
        raise ValueError("baseline is required for, and only for, a percentage-change figure")
    if figure.baseline is not None and figure.baseline[1] >= figure.period[1]:
        raise ValueError("baseline must end before the period")
    for excluded in figure.excluding:
        if excluded not in AREA_IDS or excluded == figure.area:
            raise ValueError("excluding must be other areas")


def check_question(question_id: str) -> tuple[str, str | None, bool]:
    """Look a question id up."""
    try:
        return QUESTIONS[question_id]
    except KeyError:
        raise ValueError(f"unknown question {question_id!r}") from None


def check_judgment(judgment: Any) -> None:
    """The rules of ``Judgment``: a graded question, a grade on its programme's scale."""
    programme, _, graded = check_question(judgment.question)
    if not graded:
        raise ValueError("is not a graded question")
    if judgment.grade.value not in PROGRAMME_SCALE[programme]:
        raise ValueError("grade is not on the scale of the programme")


def check_inspection(inspection: Any) -> None:  # noqa: PLR0912 - one check per rule
    """The cross-field rules of ``Inspection``."""
    if inspection.force not in FORCE_REGION:
        raise ValueError(f"unknown force {inspection.force!r}")
    if inspection.programme not in PROGRAMME_SCALE:
        raise ValueError(f"unknown programme {inspection.programme!r}")
    check_text(inspection.title)
    for period in inspection.fieldwork:
        if period[1] > inspection.published:
            raise ValueError("must be a period before publication")
    for note in inspection.notes:
        check_text(note)
    pillar = inspection.pillar.value
    seen: set[str] = set()
    for judgment in inspection.judgments:
        programme, question_pillar, _ = QUESTIONS[judgment.question]
        if programme != inspection.programme:
            raise ValueError("is not a question of the programme")
        if question_pillar != pillar:
            raise ValueError("is not a question of the pillar")
        if judgment.question in seen:
            raise ValueError("is judged more than once")
        seen.add(judgment.question)
    for findings in (
        inspection.areas_for_improvement,
        inspection.causes_of_concern,
        inspection.recommendations,
    ):
        for finding in findings:
            if check_question(finding.question)[0] != inspection.programme:
                raise ValueError("is not a question of the programme")
    allowed = {inspection.force, FORCE_REGION[inspection.force], "england-and-wales"}
    keys: set[tuple[str, tuple[date, date], str]] = set()
    for row in inspection.outcome_rates:
        if row.area not in allowed:
            raise ValueError("must be the force, its region or england-and-wales")
        key = (row.area, row.period, row.outcome)
        if key in keys:
            raise ValueError("appears twice for the same area and period")
        keys.add(key)
    reserved = {
        f"{row.area}.outcomes.{row.outcome}.{part}"
        for row in inspection.outcome_rates
        for part in ("count", "rate")
    }
    ids: set[str] = set()
    for figure in inspection.figures:
        if figure.id in ids or figure.id in reserved:
            raise ValueError("is not unique")
        ids.add(figure.id)
        if figure.area not in allowed:
            raise ValueError("must be the force, its region or england-and-wales")


# The value sets of peelmodel's enumerations, shared by both peers.
class Basis(enum.Enum):
    COUNT = "count"
    PERCENT = "percent"
    PER_1000_POPULATION = "per-1000-population"
    PER_1000_HOUSEHOLDS = "per-1000-households"
    PER_MILLION_POPULATION = "per-million-population"
    PERCENTAGE_CHANGE = "percentage-change"


class Qualifier(enum.Enum):
    EXACTLY = "exactly"
    MORE_THAN = "more-than"


class Pillar(enum.Enum):
    EFFECTIVENESS = "effectiveness"
    EFFICIENCY = "efficiency"
    LEGITIMACY = "legitimacy"
    LEADERSHIP = "leadership"


class Grade(enum.Enum):
    OUTSTANDING = "outstanding"
    GOOD = "good"
    ADEQUATE = "adequate"
    REQUIRES_IMPROVEMENT = "requires-improvement"
    INADEQUATE = "inadequate"
