"""Plain forms of results: JSON-shaped dicts and flat rows, written in one place.

:func:`assessment_dict` and :func:`aggregate_dict` are what the command line
prints with ``--format json``; :func:`to_records` gives flat rows for CSV and
data frames.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from peelmodel.analysis.aggregation import Aggregate, _Entry, _figure_entry, _outcome_entries
from peelmodel.analysis.assessment import Assessment, FigureResult, assess
from peelmodel.analysis.judging import modelled_overall, question_grades
from peelmodel.arithmetic import round_half_up
from peelmodel.documents.numbers import exact
from peelmodel.errors import InvalidValueError
from peelmodel.model.inspection import Inspection

__all__ = ["aggregate_dict", "assessment_dict", "to_records"]


def assessment_dict(assessment: Assessment) -> dict[str, Any]:
    """The JSON-shaped form of *assessment*, as ``peelmodel report --format json`` prints it.

    ``"high"`` is ``None`` where nothing bounds a value.

    >>> from peelmodel import datasets
    >>> from peelmodel.analysis import assess
    >>> data = assessment_dict(assess(datasets.load("hampshire-2015")))
    >>> data["judgments"]["overall"], data["figures"][0]["status"]
    ('good', 'unverifiable')
    """
    inspection = assessment.inspection

    def figure(result: FigureResult) -> dict[str, Any]:
        claim = result.claim
        return {
            "id": claim.id,
            "label": claim.label,
            "area": claim.area,
            "source": claim.source,
            "published": None if claim.published is None else str(claim.published),
            "status": result.status.value,
            "derived": None if result.derived is None else str(result.derived),
            "low": exact(result.low),
            "high": exact(result.high) if result.bounded else None,
            "formula": str(claim.formula),
            "conflicts_with": list(result.conflicts_with),
            "bounded": result.bounded,
            "caught_value": None if result.caught is None else str(result.caught),
        }

    grades = question_grades(inspection)
    overall = inspection.overall
    return {
        "inspection": {
            "force": inspection.force.id,
            "programme": inspection.programme.id,
            "pillar": inspection.pillar.value,
            "title": inspection.title,
            "published": inspection.published.isoformat(),
        },
        "consistent": assessment.is_consistent,
        "counts": {status.value: count for status, count in assessment.counts().items()},
        "figures": [figure(result) for result in assessment.figures],
        "lost": [figure(result) for result in assessment.lost],
        "inferred": [
            {
                "id": interval.quantity.id,
                "low": interval.low,
                "high": interval.high if interval.is_bounded else None,
                "exact": interval.is_exact,
                "bounded": interval.is_bounded,
            }
            for interval in assessment.inferred
        ],
        "conflicts": [
            {
                "claims": sorted(conflict.claims),
                "quantity": conflict.quantity.id,
                "limits": sorted(conflict.limits),
            }
            for conflict in assessment.reconciliation.conflicts
        ],
        "comparisons": [
            {
                "id": comparison.force.id,
                "comparator": comparison.comparator.id,
                "difference": str(comparison.difference),
                "ratio": None if comparison.ratio is None else exact(comparison.ratio),
            }
            for comparison in assessment.comparisons
        ],
        "judgments": {
            "overall": None if overall is None else overall.grade.value,
            **{question: grades[question].value for question in sorted(grades)},
        },
        "judgment_checks": {
            "anomalies": list(assessment.anomalies),
            "modelled_overall": modelled_overall(grades.values()).value if grades else None,
        },
    }


def aggregate_dict(group: Aggregate) -> dict[str, Any]:
    """The JSON-shaped form of one aggregate, as ``peelmodel aggregate --format json`` prints it."""
    figures = []
    for figure in group.figures:
        entry: dict[str, Any] = {
            "id": figure.id,
            "key": figure.key,
            "label": figure.label,
            "measure": figure.measure,
            "basis": figure.basis.value,
            "period": figure.period.isoformat(),
            "method": figure.method.value,
            "low": exact(figure.low),
            "high": exact(figure.high) if figure.bounded else None,
            "exact": figure.exact,
        }
        if figure.exact:
            entry["value"] = exact(figure.low)
        entry |= {
            "forces": list(figure.forces),
            "missing": list(figure.missing),
            "excluded": list(figure.excluded),
            "combined": list(figure.combined),
            "rules": list(figure.rules),
        }
        figures.append(entry)
    return {
        "area": group.area,
        "name": group.name,
        "kind": group.kind,
        "method": group.method.value,
        "members": list(group.members),
        "missing": list(group.missing),
        "rules": list(group.rules),
        "figures": figures,
    }


def to_records(
    obj: Aggregate | Inspection | Iterable[Aggregate], *, digits: int | None = None
) -> list[dict[str, Any]]:
    """Flat rows, one per figure, that ``pandas.DataFrame(rows)`` and polars accept.

    Every row has ``id``, ``area``, ``label``, ``measure``, ``basis``,
    ``period_start``, ``period_end`` (dates), ``published`` (text or ``None``),
    ``low``, ``high``, ``exact`` and ``status``. ``low`` and ``high`` are exact
    text (``"125/2"`` when not a finite decimal), or ``Decimal`` values rounded
    half up to *digits* places. An aggregate's rows add ``method``,
    ``forces``, ``missing`` and ``excluded`` (comma-separated force ids); an
    inspection's rows add ``source``, and their ``status`` is the one
    :func:`peelmodel.analysis.assessment.assess` gives.

    >>> from peelmodel import datasets
    >>> rows = to_records(datasets.load("hampshire-2015"))
    >>> row = next(r for r in rows if r["id"] == "hampshire.outcomes.type-1.rate")
    >>> row["published"], row["basis"], row["status"], str(row["period_end"])
    ('14.4', 'percent', 'consistent', '2015-06-30')
    """
    if isinstance(obj, Inspection):
        return _inspection_records(obj, digits)
    groups = [obj] if isinstance(obj, Aggregate) else list(obj)
    rows: list[dict[str, Any]] = []
    for group in groups:
        if not isinstance(group, Aggregate):
            raise InvalidValueError(
                "to_records", "obj", group, "must be an Aggregate or an Inspection"
            )
        rows.extend(
            {
                "id": figure.id,
                "area": figure.area,
                "label": figure.label,
                "measure": figure.measure,
                "basis": figure.basis.value,
                "period_start": figure.period.start,
                "period_end": figure.period.end,
                "published": None,
                "low": _value(figure.low, digits),
                "high": _value(figure.high, digits),
                "exact": figure.exact,
                "status": "exact" if figure.exact else "interval",
                "method": figure.method.value,
                "forces": ",".join(figure.forces),
                "missing": ",".join(figure.missing),
                "excluded": ",".join(figure.excluded),
            }
            for figure in group.figures
        )
    return rows


def _inspection_records(inspection: Inspection, digits: int | None) -> list[dict[str, Any]]:
    assessment = assess(inspection)
    described: dict[str, _Entry] = {}
    for figure in inspection.figures:
        described[figure.id] = _figure_entry(figure)
    for row in inspection.outcome_rates:
        described.update((entry.claim.id, entry) for entry in _outcome_entries(row))
    rows: list[dict[str, Any]] = []
    for result in (*assessment.figures, *assessment.lost):
        claim, entry = result.claim, described[result.id]
        rows.append(
            {
                "id": claim.id,
                "area": claim.area,
                "label": claim.label,
                "measure": entry.measure,
                "basis": entry.basis.value,
                "period_start": entry.period.start,
                "period_end": entry.period.end,
                "published": None if claim.published is None else str(claim.published),
                "low": _value(result.low, digits),
                "high": _value(result.high, digits),
                "exact": result.low == result.high,
                "status": result.status.value,
                "source": claim.source,
            }
        )
    return rows


def _value(value: Fraction, digits: int | None) -> str | Decimal:
    return exact(value) if digits is None else round_half_up(value, digits)
