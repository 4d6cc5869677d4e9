"""Checks of graded judgments, and a documented model of the overall grade.

HMIC publishes no arithmetic rule that derives a pillar's overall grade from
its question grades: inspectors make a rounded assessment. What the library
*can* check is that an overall grade is not better than every question grade,
nor worse than every one:

>>> from peelmodel import datasets
>>> overall_anomalies(datasets.load("hampshire-2015"))
()

:func:`modelled_overall` is a model, not HMIC's method: the grade most
questions received, with ties going to the lower grade.

>>> modelled_overall([Grade.GOOD, Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, Grade.GOOD])
<Grade.GOOD: 'good'>
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from peelmodel._typecheck import checked, public_name
from peelmodel.errors import InvalidValueError
from peelmodel.model.grade import Grade
from peelmodel.model.inspection import Inspection
from peelmodel.model.question import QuestionLevel

__all__ = ["modelled_overall", "overall_anomalies", "question_grades"]


@checked
def question_grades(inspection: Inspection) -> dict[str, Grade]:
    """The grade of every judged core question, by question id."""
    return {
        judgment.question.id: judgment.grade
        for judgment in inspection.judgments
        if judgment.question.level is QuestionLevel.CORE
    }


@checked
def overall_anomalies(inspection: Inspection) -> tuple[str, ...]:
    """Sentences describing an overall grade better or worse than every question grade."""
    overall = inspection.overall
    grades = list(question_grades(inspection).values())
    if overall is None or not grades:
        return ()
    if overall.grade > max(grades):
        return (f"the overall grade {overall.grade.label!r} is better than every question grade",)
    if overall.grade < min(grades):
        return (f"the overall grade {overall.grade.label!r} is worse than every question grade",)
    return ()


@checked
def modelled_overall(grades: Iterable[Grade]) -> Grade:
    """The most frequent grade, ties going to the lower grade (a model, not HMIC's rule)."""
    counts = Counter(grades)
    if not counts:
        reason = "must hold at least one question grade"
        raise InvalidValueError(public_name(modelled_overall), "grades", [], reason)
    return max(counts, key=lambda grade: (counts[grade], -grade.rank))
