"""Plain forms of results: JSON-shaped dicts and typed rows, written in one place.

:func:`assessment_dict` and :func:`aggregate_dict` are what the command line
prints with ``--format json``; :func:`to_records` gives tidy rows with typed
values, which :mod:`peelmodel.tabular` turns into pandas and polars frames.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeAlias

from peelmodel._typecheck import checked
from peelmodel.analysis.aggregation import Aggregate, AggregateFigure
from peelmodel.analysis.assessment import Assessment, FigureResult
from peelmodel.analysis.judging import modelled_overall, question_grades
from peelmodel.analysis.reconciliation import Interval, Reconciliation
from peelmodel.arithmetic import places, round_half_up
from peelmodel.claims import Claim, claims_of
from peelmodel.documents.finding_rows import count_row, finding_row
from peelmodel.documents.numbers import exact
from peelmodel.errors import InvalidTypeError
from peelmodel.model.finding import FindingCount, FindingEntry, FindingsRecord
from peelmodel.model.inspection import Inspection
from peelmodel.model.outcome import OutcomeRate
from peelmodel.model.record import GradeEntry, GradesRecord

__all__ = [
    "Recordable",
    "aggregate_dict",
    "assessment_dict",
    "grade_row",
    "outcome_row",
    "to_records",
]

#: What :func:`to_records` takes.
Recordable: TypeAlias = (
    Inspection
    | Assessment
    | Aggregate
    | GradesRecord
    | FindingsRecord
    | Reconciliation
    | Iterable[Aggregate]
    | Iterable[GradeEntry]
    | Iterable[OutcomeRate]
    | Iterable[FindingEntry]
    | Iterable[FindingCount]
)

_KINDS = (
    "an Inspection, an Assessment, an Aggregate, a GradesRecord, a FindingsRecord, "
    "a Reconciliation, or aggregates, grade entries, outcome rows, findings or counts"
)


@checked
def assessment_dict(assessment: Assessment) -> dict[str, Any]:
    """The JSON-shaped form of *assessment*, as ``peelmodel report --format json`` prints it.

    ``"high"`` is ``None`` where nothing bounds a value.

    >>> from peelmodel import datasets
    >>> from peelmodel.analysis import assess
    >>> data = assessment_dict(assess(datasets.load("hampshire-2015")))
    >>> data["judgments"]["overall"], data["figures"][0]["status"]
    ('good', 'consistent')
    """
    inspection = assessment.inspection

    def figure(result: FigureResult) -> dict[str, Any]:
        claim = result.claim
        return {
            "id": claim.id,
            "label": claim.label,
            "area": claim.area.id,
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
            "implied": None if result.implied is None else result.implied.as_strings(),
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
                "witness": interval.witnesses(),
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


@checked
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
        "kind": group.kind.value,
        "method": group.method.value,
        "members": list(group.members),
        "missing": list(group.missing),
        "rules": list(group.rules),
        "figures": figures,
    }


@checked
def to_records(obj: Recordable, *, digits: int | None = None) -> list[dict[str, Any]]:
    """Tidy rows with typed values, one per figure, grade, interval or outcome row.

    Values keep their types: published values are ``Decimal`` (with their
    places), bounds are exact ``Fraction`` values (or, with *digits*,
    ``Decimal`` values rounded half up to that many places), dates are
    ``datetime.date``, and ids, statuses, bases and grades are text.
    ``None`` marks a value that is not there: a lost figure's ``published``,
    the ``high`` of a value nothing bounds. What a row holds depends on *obj*:

    * an :class:`~peelmodel.Inspection`: one row per figure it publishes
      (outcome rows count as their count, rate and offences figures): ``id``,
      ``area``, ``label``, ``measure``, ``basis``, ``period_start``,
      ``period_end``, ``published``, ``places``, ``qualifier``, ``source``;
    * an :class:`~peelmodel.analysis.assessment.Assessment`: the same rows,
      published figures then lost ones, with ``status``, ``derived``, ``low``,
      ``high``, ``exact``, ``bounded`` and ``conflicts_with`` (comma-separated ids);
    * an :class:`~peelmodel.analysis.aggregation.Aggregate` or several: one row per
      group figure: ``id``, ``area``, ``label``, ``measure``, ``basis``, the
      period, ``published`` (``None``), ``low``, ``high``, ``exact``,
      ``status`` (``exact`` or ``interval``), ``method``, and ``forces``,
      ``missing`` and ``excluded`` (comma-separated force ids);
    * a :class:`~peelmodel.GradesRecord` or grade entries: one row per entry (see
      :func:`~peelmodel.documents.records.grade_row`);
    * a :class:`~peelmodel.FindingsRecord` or findings: one row per finding, and
      counts of findings: one row per count (see
      :mod:`peelmodel.documents.finding_rows`);
    * a :class:`~peelmodel.analysis.reconciliation.Reconciliation`: one row per
      inferred quantity: ``id``, ``area``, ``measure``, the period (``None``
      for a stock such as a population), ``excluding``, ``low``, ``high``
      (whole numbers), ``exact`` and ``bounded``;
    * outcome rows (:class:`~peelmodel.OutcomeRate`): one row each (see
      :func:`~peelmodel.documents.records.outcome_row`).

    >>> from peelmodel import datasets
    >>> from peelmodel.analysis import assess
    >>> rows = to_records(assess(datasets.load("hampshire-2015")))
    >>> row = next(r for r in rows if r["id"] == "hampshire.outcomes.type-1.rate")
    >>> row["published"], row["basis"], row["status"], row["period_end"]
    (Decimal('14.4'), 'percent', 'consistent', datetime.date(2015, 6, 30))
    >>> row["low"], row["high"]
    (Fraction(1742000, 121393), Fraction(1742000, 121111))
    >>> to_records(assess(datasets.load("hampshire-2015")), digits=3)[0]["low"]
    Decimal('-9.500')
    """
    if isinstance(obj, Assessment):
        return _assessment_records(obj, digits)
    if isinstance(obj, Inspection):
        return _inspection_records(obj)
    if isinstance(obj, GradesRecord):
        return [grade_row(entry) for entry in obj.entries]
    if isinstance(obj, FindingsRecord):
        return [finding_row(entry) for entry in obj.findings]
    if isinstance(obj, Reconciliation):
        return [_interval_row(interval) for interval in obj.intervals]
    if not isinstance(obj, Aggregate | Iterable) or isinstance(obj, str):
        raise InvalidTypeError("peelmodel.tabular.to_records", "obj", obj, f"one of {_KINDS}")
    items: list[object] = [obj] if isinstance(obj, Aggregate) else list(obj)
    first = type(items[0]) if items else Aggregate
    rows: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        if isinstance(item, Aggregate) and first is Aggregate:
            rows.extend(_aggregate_row(figure, digits) for figure in item.figures)
        elif isinstance(item, GradeEntry) and first is GradeEntry:
            rows.append(grade_row(item))
        elif isinstance(item, OutcomeRate) and first is OutcomeRate:
            rows.append(outcome_row(item))
        elif isinstance(item, FindingEntry | FindingCount) and first is type(item):
            rows.append(finding_row(item) if isinstance(item, FindingEntry) else count_row(item))
        else:
            raise InvalidTypeError(
                "peelmodel.tabular.to_records",
                f"obj[{index}]",
                item,
                "an item of the kind the first item is",
            )
    return rows


@checked
def grade_row(entry: GradeEntry) -> dict[str, Any]:
    """One entry of the grades record as a typed row.

    ``rank`` is the grade's rank (4 outstanding down to 0 inadequate), or
    ``None`` without a grade; ranks compare only within one ``scale``.

    >>> from peelmodel import grades
    >>> row = grade_row(grades.select(force="durham", question="peel-2015.effectiveness")[0])
    >>> row["grade"], row["rank"], row["scale"], row["region"]
    ('outstanding', 4, 'four-grade', 'north-east-region')
    """
    grade = entry.grade
    return {
        "force": entry.force.id,
        "region": entry.force.region.id,
        "programme": entry.programme.id,
        "pillar": None if entry.pillar is None else entry.pillar.value,
        "question": entry.question.id,
        "level": entry.question.level.value,
        "state": entry.state.value,
        "grade": None if grade is None else grade.value,
        "rank": None if grade is None else grade.rank,
        "scale": entry.programme.scale.id,
        "last_updated": entry.last_updated,
        "source": entry.source,
        "source_kind": None if entry.source_kind is None else entry.source_kind.value,
        "quote": entry.quote,
    }


@checked
def outcome_row(row: OutcomeRate) -> dict[str, Any]:
    """One outcome row as a typed row, with its ``rate`` a ``Decimal``.

    Its columns: ``id``, ``area``, ``outcome`` (an id), ``label``, the
    period, ``count``, ``rate``, ``offences`` and ``source``;
    :func:`peelmodel.tabular.outcome_rates_from_frame` reads them back.

    >>> from peelmodel import datasets
    >>> row = outcome_row(datasets.load("hampshire-2015").outcome_rates[0])
    >>> row["outcome"], row["count"], row["rate"], row["period_start"]
    ('type-1', 17420, Decimal('14.4'), datetime.date(2014, 7, 1))
    """
    return {
        "id": row.id,
        "area": row.area.id,
        "outcome": row.outcome_id,
        "label": row.outcome.name,
        "period_start": row.period.start,
        "period_end": row.period.end,
        "count": row.count,
        "rate": row.rate,
        "offences": row.offences,
        "source": row.source,
    }


def _aggregate_row(figure: AggregateFigure, digits: int | None) -> dict[str, Any]:
    return {
        "id": figure.id,
        "area": figure.area,
        "label": figure.label,
        "measure": figure.measure,
        "basis": figure.basis.value,
        "period_start": figure.period.start,
        "period_end": figure.period.end,
        "published": None,
        "low": _value(figure.low, digits),
        "high": _value(figure.high, digits) if figure.bounded else None,
        "exact": figure.exact,
        "status": "exact" if figure.exact else "interval",
        "method": figure.method.value,
        "forces": ",".join(figure.forces),
        "missing": ",".join(figure.missing),
        "excluded": ",".join(figure.excluded),
    }


def _interval_row(interval: Interval) -> dict[str, Any]:
    quantity = interval.quantity
    period = quantity.period
    return {
        "id": quantity.id,
        "area": quantity.area.id,
        "measure": quantity.measure,
        "period_start": None if period is None else period.start,
        "period_end": None if period is None else period.end,
        "excluding": ",".join(area.id for area in quantity.excluding),
        "low": interval.low,
        "high": interval.high if interval.is_bounded else None,
        "exact": interval.is_exact,
        "bounded": interval.is_bounded,
    }


def _claim_row(claim: Claim) -> dict[str, Any]:
    published = claim.published
    return {
        "id": claim.id,
        "area": claim.area.id,
        "label": claim.label,
        "measure": claim.measure,
        "basis": claim.basis.value,
        "period_start": claim.period.start,
        "period_end": claim.period.end,
        "published": published,
        "places": None if published is None else places(published),
        "qualifier": claim.qualifier.value,
        "source": claim.source,
    }


def _inspection_records(inspection: Inspection) -> list[dict[str, Any]]:
    return [_claim_row(claim) for claim in claims_of(inspection).values()]


def _assessment_records(assessment: Assessment, digits: int | None) -> list[dict[str, Any]]:
    return [
        {
            **_claim_row(result.claim),
            "status": result.status.value,
            "derived": result.derived,
            "low": _value(result.low, digits),
            "high": _value(result.high, digits) if result.bounded else None,
            "exact": result.low == result.high,
            "bounded": result.bounded,
            "conflicts_with": ",".join(result.conflicts_with),
        }
        for result in (*assessment.figures, *assessment.lost)
    ]


def _value(value: Fraction, digits: int | None) -> Fraction | Decimal:
    return value if digits is None else round_half_up(value, digits)
