"""Register peelmodel's strategies with Hypothesis, through its ``hypothesis`` entry point.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, in any
project where peelmodel is installed, so that ``st.from_type(peelmodel.Inspection)``
(or any other public class) gives valid values. The hook does no work beyond
registering: each strategy is built when ``from_type`` first asks for it, and :mod:`peelmodel.strategies` is
imported only when a value is first drawn.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["_hypothesis_setup_hook"]

#: Each public class, by the name of the strategy in :mod:`peelmodel.strategies` that builds it.
_STRATEGIES = {
    "Period": "periods",
    "Grade": "grades",
    "GradingScale": "grading_scales",
    "Area": "areas",
    "Force": "forces",
    "Programme": "programmes",
    "InspectionQuestion": "inspection_questions",
    "Judgment": "judgments",
    "OutcomeType": "outcome_types",
    "OutcomeGroup": "outcome_groups",
    "OutcomeRate": "outcome_rates",
    "AreaForImprovement": "areas_for_improvement",
    "CauseOfConcern": "causes_of_concern",
    "Recommendation": "recommendations",
    "Figure": "figures",
    "Inspection": "inspections",
    "GradeEntry": "grade_entries",
    "NationalStatement": "national_statements",
    "GradesRecord": "grades_records",
}


def _resolver(strategy_name: str) -> Callable[[type], Any]:
    """A function Hypothesis calls on ``from_type``: the strategy is built only then."""

    def resolve(_cls: type) -> Any:
        module = importlib.import_module("peelmodel.strategies")
        return getattr(module, strategy_name)()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a lazily built strategy for every public class of peelmodel."""
    from hypothesis import strategies as st  # noqa: PLC0415 - Hypothesis is importing us

    import peelmodel  # noqa: PLC0415 - imported when Hypothesis asks, not before

    for class_name, strategy_name in _STRATEGIES.items():
        st.register_type_strategy(getattr(peelmodel, class_name), _resolver(strategy_name))
