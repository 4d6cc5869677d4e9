"""The rows of every public result, with their columns even when there are none.

An assessment, an inspection, aggregates, a reconciliation, the grades
record, grade entries and outcome rows have their rows written by
:func:`peelmodel.documents.records.to_records`; a force's history, grade
distributions, the checks of national statements, coverage and changes have
theirs written here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from peelmodel.analysis.aggregation import Aggregate
from peelmodel.analysis.assessment import Assessment
from peelmodel.analysis.reconciliation import Reconciliation
from peelmodel.documents.records import grade_row, to_records
from peelmodel.errors import InvalidTypeError, InvalidValueError, UnsupportedObjectError
from peelmodel.grades import Change, Coverage, Distribution, History, StatementCheck
from peelmodel.model.finding import FindingCount, FindingEntry, FindingsRecord
from peelmodel.model.inspection import Inspection
from peelmodel.model.outcome import OutcomeRate
from peelmodel.model.record import GradeEntry, GradesRecord

__all__ = ["ACCEPTED", "COLUMNS", "Frameable", "rows_of"]

#: What :func:`rows_of` takes, in words, for its error message.
ACCEPTED: Final = (
    "a peelmodel result (an Inspection, an Assessment, a GradesRecord...) or a sequence"
)
_CLAIM = (
    *("id", "area", "label", "measure", "basis", "period_start", "period_end"),
    *("published", "places", "qualifier", "source"),
)
_GRADE = (
    *("force", "region", "programme", "pillar", "question", "level", "state", "grade"),
    *("rank", "scale", "last_updated", "source", "source_kind", "quote"),
)
_FINDING = (
    *("force", "region", "programme", "question", "area", "kind", "text", "date"),
    *("source", "source_kind"),
)
#: The columns of the rows of each kind of result, in order: a frame without rows has them too.
COLUMNS: Final[dict[type, tuple[str, ...]]] = {
    Inspection: _CLAIM,
    Assessment: (
        *_CLAIM,
        *("status", "derived", "low", "high", "exact", "bounded", "conflicts_with"),
    ),
    Aggregate: (
        *("id", "area", "label", "measure", "basis", "period_start", "period_end"),
        *("published", "low", "high", "exact", "status", "method", "forces", "missing"),
        "excluded",
    ),
    Reconciliation: (
        *("id", "area", "measure", "period_start", "period_end", "excluding", "low", "high"),
        *("exact", "bounded"),
    ),
    GradesRecord: _GRADE,
    GradeEntry: _GRADE,
    History: _GRADE,
    FindingsRecord: _FINDING,
    FindingEntry: _FINDING,
    FindingCount: (
        *("force", "region", "programme", "question", "area", "kind", "count", "source"),
        *("source_kind", "quote"),
    ),
    OutcomeRate: (
        *("id", "area", "outcome", "label", "period_start", "period_end", "count", "rate"),
        *("offences", "source"),
    ),
    Distribution: (
        *("area", "programme", "question", "scale", "state", "grade", "rank", "count"),
        "forces",
    ),
    StatementCheck: (
        *("programme", "question", "grade", "count", "status", "counted", "possible"),
        *("undetermined", "source"),
    ),
    Coverage: (
        *("programme", "question", "graded", "not_inspected", "not_graded", "unknown"),
        *("missing_count", "complete"),
    ),
    Change: (
        *("force", "pillar", "programme_before", "grade_before", "programme_after"),
        *("grade_after", "comparable", "direction"),
    ),
}
#: What :func:`rows_of` takes.
Frameable = (
    Inspection
    | Assessment
    | Aggregate
    | Reconciliation
    | GradesRecord
    | FindingsRecord
    | History
    | Distribution
    | StatementCheck
    | Coverage
    | Change
    | Iterable[Any]
)


def _distribution_rows(found: Distribution) -> list[dict[str, Any]]:
    question = found.question
    common: dict[str, Any] = {
        "area": found.area,
        "programme": question.programme.id,
        "question": question.id,
        "scale": question.programme.scale.id,
    }
    rows = [
        common
        | {"state": "graded", "grade": grade.value, "rank": grade.rank, "count": len(held)}
        | {"forces": ",".join(held)}
        for grade, held in found.by_grade
    ]
    states = {
        "not-inspected": found.not_inspected,
        "not-graded": found.not_graded,
        "unknown": found.unknown,
        "missing": found.missing,
    }
    rows += [
        common
        | {"state": state, "grade": None, "rank": None, "count": len(held)}
        | {"forces": ",".join(held)}
        for state, held in states.items()
    ]
    return rows


def _check_row(check: StatementCheck) -> dict[str, Any]:
    statement = check.statement
    return {
        "programme": statement.programme.id,
        "question": statement.question.id,
        "grade": statement.grade.value,
        "count": statement.count,
        "status": check.status.value,
        "counted": check.low,
        "possible": check.high,
        "undetermined": ",".join(check.undetermined),
        "source": statement.source,
    }


def _coverage_row(row: Coverage) -> dict[str, Any]:
    return {
        "programme": row.programme.id,
        "question": row.question.id,
        "graded": row.graded,
        "not_inspected": row.not_inspected,
        "not_graded": row.not_graded,
        "unknown": row.unknown,
        "missing_count": row.missing,
        "complete": row.complete,
    }


def _change_row(change: Change) -> dict[str, Any]:
    before, after = change.before, change.after
    return {
        "force": change.force.id,
        "pillar": None if change.pillar is None else change.pillar.value,
        "programme_before": before.programme.id,
        "grade_before": None if before.grade is None else before.grade.value,
        "programme_after": after.programme.id,
        "grade_after": None if after.grade is None else after.grade.value,
        "comparable": change.comparable,
        "direction": change.direction,
    }


def _history_rows(history: History) -> list[dict[str, Any]]:
    return [grade_row(entry) for entry in history.entries]


_ROWS: Final[dict[type, Callable[[Any], list[dict[str, Any]]]]] = {
    Distribution: _distribution_rows,
    StatementCheck: lambda check: [_check_row(check)],
    Coverage: lambda row: [_coverage_row(row)],
    Change: lambda change: [_change_row(change)],
    History: _history_rows,
}


#: The kinds of items a sequence may hold.
_ITEMS: Final = (Aggregate, GradeEntry, OutcomeRate, FindingEntry, FindingCount, *_ROWS)


def _items(obj: object, function: str) -> tuple[type, list[object]] | None:
    """The kind of *obj*'s items and the items; ``None`` for an empty sequence."""
    if isinstance(obj, tuple(_ROWS)):
        return type(obj), [obj]
    if isinstance(obj, str | bytes | Mapping) or not isinstance(obj, Iterable):
        raise UnsupportedObjectError(f"peelmodel.tabular.{function}", obj, ACCEPTED)
    items = list(obj)
    if not items:
        return None
    kind = next((base for base in _ITEMS if isinstance(items[0], base)), None)
    if kind is None:
        raise UnsupportedObjectError(f"peelmodel.tabular.{function}", items[0], ACCEPTED)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidValueError(
                function, f"obj[{index}]", type(item).__name__, f"must be a {kind.__name__}"
            )
    return kind, items


def rows_of(
    obj: Frameable, *, kind: type | None = None, function: str = "to_records"
) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
    """The typed rows of *obj*, and their columns: those of *kind* when there are no rows.

    An empty sequence has the columns of *kind*'s rows (grade entries' by
    default: the commonest empty sequence is a selection from the grades
    record that matches nothing).
    """
    if kind is not None and kind not in COLUMNS:
        known = ", ".join(sorted(cls.__name__ for cls in COLUMNS))
        raise InvalidTypeError(f"peelmodel.tabular.{function}", "kind", kind, f"one of {known}")
    if isinstance(
        obj, Inspection | Assessment | Aggregate | Reconciliation | GradesRecord | FindingsRecord
    ):
        return to_records(obj), COLUMNS[type(obj)]
    found = _items(obj, function)
    if found is None:
        return [], COLUMNS[kind or GradeEntry]
    item_kind, items = found
    if item_kind in _ROWS:
        return [row for item in items for row in _ROWS[item_kind](item)], COLUMNS[item_kind]
    # The items are all aggregates, grade entries, outcome rows, findings or counts, as checked.
    return to_records(items), COLUMNS[item_kind]  # type: ignore[arg-type]
