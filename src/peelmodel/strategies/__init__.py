"""Hypothesis strategies for every public class of peelmodel.

Import this module on demand (``import peelmodel.strategies``); it needs the
``strategies`` extra (``pip install 'peelmodel[strategies]'``). With the extra
installed, peelmodel also registers these strategies with Hypothesis through
its ``hypothesis`` entry point, so ``st.from_type(peelmodel.Inspection)`` works
without importing this module.

Every strategy builds its values from their parts (registry entries, hidden
true counts, the derive functions) rather than filtering, so it never yields
an invalid value. Options are keyword-only; an invalid option raises
:class:`hypothesis.errors.InvalidArgument` when the strategy is first drawn
from, as Hypothesis' own strategies do.

>>> from hypothesis import given, settings
>>> from peelmodel import strategies as pst
>>> from peelmodel.analysis.assessment import assess
>>> @settings(max_examples=20, deadline=None)
... @given(pst.inspections())
... def test_every_figure_holds(inspection):
...     assert assess(inspection).is_consistent
>>> test_every_figure_holds()

:func:`inspections` draws the numbers a report is made from (offences,
population, households, outcome counts) and publishes rounded figures from
them with :mod:`peelmodel.arithmetic`, so every figure is consistent;
:func:`inspections_with_truth` also returns those hidden numbers, and
:func:`inconsistent_inspections` tampers with exactly one figure.
"""

try:
    import hypothesis  # noqa: F401 - checked first, to name the extra when it is missing
except ImportError as error:  # pragma: no cover - exercised in a subprocess without Hypothesis
    raise ImportError(
        "peelmodel.strategies needs Hypothesis: pip install 'peelmodel[strategies]'"
    ) from error

from peelmodel.strategies._catalogue import (
    areas,
    forces,
    grades,
    grading_scales,
    inspection_questions,
    outcome_groups,
    outcome_types,
    programmes,
)
from peelmodel.strategies._findings import (
    areas_for_improvement,
    causes_of_concern,
    finding_counts,
    finding_entries,
    finding_kinds,
    findings_records,
    recommendations,
)
from peelmodel.strategies._inspections import (
    inconsistent_inspections,
    inspections,
    inspections_with_truth,
)
from peelmodel.strategies._provenance import (
    earlier_grades,
    inferences,
    source_conflicts,
    source_kinds,
)
from peelmodel.strategies._record import (
    grade_entries,
    grades_records,
    national_statements,
    record_states,
)
from peelmodel.strategies._values import figures, judgments, outcome_rates, periods

__all__ = [
    "areas",
    "areas_for_improvement",
    "causes_of_concern",
    "earlier_grades",
    "figures",
    "finding_counts",
    "finding_entries",
    "finding_kinds",
    "findings_records",
    "forces",
    "grade_entries",
    "grades",
    "grades_records",
    "grading_scales",
    "inconsistent_inspections",
    "inferences",
    "inspection_questions",
    "inspections",
    "inspections_with_truth",
    "judgments",
    "national_statements",
    "outcome_groups",
    "outcome_rates",
    "outcome_types",
    "periods",
    "programmes",
    "recommendations",
    "record_states",
    "source_conflicts",
    "source_kinds",
]
