"""Typed, exact models of HMIC/HMICFRS PEEL police inspections.

>>> import peelmodel
>>> report = peelmodel.datasets.load("hampshire-2015")
>>> report.overall.grade
<Grade.GOOD: 'good'>
"""

from peelmodel import datasets, grades
from peelmodel._version import __version__
from peelmodel.catalogues import areas, forces, outcomes, programmes, questions
from peelmodel.documents import dumps, loads
from peelmodel.errors import (
    DocumentError,
    IncompatibleFiguresError,
    InvalidValueError,
    PeelModelError,
    Problem,
    UnknownReferenceError,
)
from peelmodel.model.area import Area, AreaKind, Country, Force
from peelmodel.model.figure import Basis, Figure, Qualifier
from peelmodel.model.finding import AreaForImprovement, CauseOfConcern, Recommendation
from peelmodel.model.grade import FIVE_GRADE, FOUR_GRADE, Grade, GradingScale, Pillar, Programme
from peelmodel.model.inspection import Inspection
from peelmodel.model.judgment import Judgment
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate, OutcomeType
from peelmodel.model.period import Period
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.model.record import GradeEntry, GradesRecord, NationalStatement, RecordState

__all__ = [
    "FIVE_GRADE",
    "FOUR_GRADE",
    "Area",
    "AreaForImprovement",
    "AreaKind",
    "Basis",
    "CauseOfConcern",
    "Country",
    "DocumentError",
    "Figure",
    "Force",
    "Grade",
    "GradeEntry",
    "GradesRecord",
    "GradingScale",
    "IncompatibleFiguresError",
    "Inspection",
    "InspectionQuestion",
    "InvalidValueError",
    "Judgment",
    "NationalStatement",
    "OutcomeGroup",
    "OutcomeRate",
    "OutcomeType",
    "PeelModelError",
    "Period",
    "Pillar",
    "Problem",
    "Programme",
    "Qualifier",
    "QuestionLevel",
    "Recommendation",
    "RecordState",
    "UnknownReferenceError",
    "__version__",
    "areas",
    "datasets",
    "dumps",
    "forces",
    "grades",
    "loads",
    "outcomes",
    "programmes",
    "questions",
]
