"""Typed, exact models of HMIC/HMICFRS PEEL police inspections.

>>> import peelmodel
>>> report = peelmodel.datasets.load("hampshire-2015")
>>> report.overall.grade
<Grade.GOOD: 'good'>

The model classes and errors load with the package. The registries
(:mod:`peelmodel.forces` and the rest), :func:`dumps` and :func:`loads`,
:mod:`peelmodel.datasets`, :mod:`peelmodel.grades` and :mod:`peelmodel.findings` load on first use, so
that a program (or Hypothesis, through the entry point) that needs only the
model does not import the JSON document layer or the engines.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from peelmodel._version import __version__
from peelmodel.errors import (
    AmbiguousReferenceError,
    DocumentError,
    DuplicateIdError,
    IncompatibleFiguresError,
    InvalidTypeError,
    InvalidValueError,
    PeelModelError,
    Problem,
    UnknownReferenceError,
    UnsupportedObjectError,
)
from peelmodel.model.area import Area, AreaKind, Country, Force
from peelmodel.model.figure import Basis, Figure, Qualifier
from peelmodel.model.finding import (
    AreaForImprovement,
    CauseOfConcern,
    FindingCount,
    FindingEntry,
    FindingKind,
    FindingsRecord,
    Recommendation,
)
from peelmodel.model.grade import FIVE_GRADE, FOUR_GRADE, Grade, GradingScale, Pillar, Programme
from peelmodel.model.inspection import Inspection
from peelmodel.model.judgment import Judgment
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate, OutcomeType
from peelmodel.model.period import Period
from peelmodel.model.provenance import EarlierGrade, Inference, SourceConflict, SourceKind
from peelmodel.model.question import InspectionQuestion, QuestionLevel
from peelmodel.model.record import GradeEntry, GradesRecord, NationalStatement, RecordState

if TYPE_CHECKING:
    from peelmodel import datasets, findings, grades
    from peelmodel.catalogues import areas, forces, outcomes, programmes, questions
    from peelmodel.documents import dumps, loads

__all__ = [
    "FIVE_GRADE",
    "FOUR_GRADE",
    "AmbiguousReferenceError",
    "Area",
    "AreaForImprovement",
    "AreaKind",
    "Basis",
    "CauseOfConcern",
    "Country",
    "DocumentError",
    "DuplicateIdError",
    "EarlierGrade",
    "Figure",
    "FindingCount",
    "FindingEntry",
    "FindingKind",
    "FindingsRecord",
    "Force",
    "Grade",
    "GradeEntry",
    "GradesRecord",
    "GradingScale",
    "IncompatibleFiguresError",
    "Inference",
    "Inspection",
    "InspectionQuestion",
    "InvalidTypeError",
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
    "SourceConflict",
    "SourceKind",
    "UnknownReferenceError",
    "UnsupportedObjectError",
    "__version__",
    "areas",
    "datasets",
    "dumps",
    "findings",
    "forces",
    "grades",
    "loads",
    "outcomes",
    "programmes",
    "questions",
]

#: The names loaded on first use: the module that holds each, and the attribute
#: of it (``None`` for the module itself).
_LAZY: dict[str, tuple[str, str | None]] = {
    "areas": ("peelmodel.catalogues.areas", None),
    "datasets": ("peelmodel.datasets", None),
    "dumps": ("peelmodel.documents", "dumps"),
    "findings": ("peelmodel.findings", None),
    "forces": ("peelmodel.catalogues.forces", None),
    "grades": ("peelmodel.grades", None),
    "loads": ("peelmodel.documents", "loads"),
    "outcomes": ("peelmodel.catalogues.outcomes", None),
    "programmes": ("peelmodel.catalogues.programmes", None),
    "questions": ("peelmodel.catalogues.questions", None),
}


def __getattr__(name: str) -> Any:
    """Load a registry, :func:`dumps`, :func:`loads`, the datasets or the grades the first time.

    >>> import peelmodel
    >>> peelmodel.forces.get("kent").name
    'Kent Police'
    """
    try:
        module_name, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    module = importlib.import_module(module_name)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
