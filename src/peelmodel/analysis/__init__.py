"""The engines: reproduce, reconcile, assess and aggregate published figures.

>>> from peelmodel import datasets
>>> from peelmodel.analysis import assess
>>> assessment = assess(datasets.load("hampshire-2015"))
>>> assessment.is_consistent, assessment.figure("hampshire.ocgs.count").status
(True, <Status.CONSISTENT: 'consistent'>)
"""

from peelmodel.analysis.assessment import Assessment, FigureResult, assess
from peelmodel.analysis.reconciliation import (
    Conflict,
    Interval,
    Reconciliation,
    holds_together,
    reconcile,
)
from peelmodel.analysis.status import Status

__all__ = [
    "Assessment",
    "Conflict",
    "FigureResult",
    "Interval",
    "Reconciliation",
    "Status",
    "assess",
    "holds_together",
    "reconcile",
]
