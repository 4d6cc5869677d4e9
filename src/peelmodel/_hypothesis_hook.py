"""Register peelmodel's strategies with Hypothesis, through its ``hypothesis`` entry point.

Hypothesis calls :func:`_hypothesis_setup_hook` whenever it is imported, in
any project where peelmodel is installed, so that
``st.from_type(peelmodel.Inspection)`` (or any other public class) gives
valid values. The hook imports only the model modules that define the
classes (they need attrs and nothing else of peelmodel's dependencies), not
the registries' data, the JSON documents or the engines; each strategy is
built, and :mod:`peelmodel.strategies` imported, only when ``from_type`` first
asks for it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["_hypothesis_setup_hook"]

#: Each public class, by the model module that defines it, with the name of the
#: strategy in :mod:`peelmodel.strategies` that builds it.
_MODELS: dict[str, dict[str, str]] = {
    "peelmodel.model.period": {"Period": "periods"},
    "peelmodel.model.grade": {
        "Grade": "grades",
        "GradingScale": "grading_scales",
        "Programme": "programmes",
    },
    "peelmodel.model.area": {"Area": "areas", "Force": "forces"},
    "peelmodel.model.question": {"InspectionQuestion": "inspection_questions"},
    "peelmodel.model.judgment": {"Judgment": "judgments"},
    "peelmodel.model.outcome": {
        "OutcomeType": "outcome_types",
        "OutcomeGroup": "outcome_groups",
        "OutcomeRate": "outcome_rates",
    },
    "peelmodel.model.finding": {
        "AreaForImprovement": "areas_for_improvement",
        "CauseOfConcern": "causes_of_concern",
        "Recommendation": "recommendations",
        "FindingEntry": "finding_entries",
        "FindingCount": "finding_counts",
        "FindingsRecord": "findings_records",
    },
    "peelmodel.model.provenance": {
        "Inference": "inferences",
        "EarlierGrade": "earlier_grades",
        "SourceConflict": "source_conflicts",
    },
    "peelmodel.model.figure": {"Figure": "figures"},
    "peelmodel.model.inspection": {"Inspection": "inspections"},
    "peelmodel.model.record": {
        "GradeEntry": "grade_entries",
        "NationalStatement": "national_statements",
        "GradesRecord": "grades_records",
    },
}

#: Each public class, by name, with the name of the strategy that builds it.
_STRATEGIES = {name: strategy for classes in _MODELS.values() for name, strategy in classes.items()}


def _resolver(strategy_name: str) -> Callable[[type], Any]:
    """A function Hypothesis calls on ``from_type``: the strategy is built only then."""

    def resolve(_cls: type) -> Any:
        module = importlib.import_module("peelmodel.strategies")
        return getattr(module, strategy_name)()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a lazily built strategy for every public class of peelmodel."""
    from hypothesis import strategies as st  # noqa: PLC0415 - Hypothesis is importing us

    for module_name, classes in _MODELS.items():
        module = importlib.import_module(module_name)
        for class_name, strategy_name in classes.items():
            st.register_type_strategy(getattr(module, class_name), _resolver(strategy_name))
