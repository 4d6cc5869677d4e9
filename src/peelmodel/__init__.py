"""Typed, exact models of HMIC/HMICFRS PEEL police inspections.

>>> import peelmodel
>>> report = peelmodel.datasets.load("hampshire-2015")
>>> report.overall.grade
<Grade.GOOD: 'good'>
"""

from . import areas, datasets, forces, grades, outcomes, programmes, questions
from ._areas import Area, AreaKind, Force
from ._figures import Basis, Figure, Qualifier
from ._findings import AreaForImprovement, CauseOfConcern, Recommendation
from ._grades import FIVE_GRADE, FOUR_GRADE, Grade, GradingScale, Pillar, Programme
from ._inspection import Inspection
from ._judgments import Judgment
from ._outcomes import OutcomeGroup, OutcomeRate, OutcomeType
from ._periods import Period
from ._questions import InspectionQuestion, QuestionLevel
from ._record import GradeEntry, GradesRecord, NationalStatement, RecordState
from ._version import __version__
from .errors import (
    DocumentError,
    IncompatibleFiguresError,
    InvalidValueError,
    PeelModelError,
    Problem,
    UnknownReferenceError,
)
from .serialization import dumps, loads

__all__ = [
    "FIVE_GRADE",
    "FOUR_GRADE",
    "Area",
    "AreaForImprovement",
    "AreaKind",
    "Basis",
    "CauseOfConcern",
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
