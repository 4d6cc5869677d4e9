"""Reading a frame of outcome counts back as validated outcome rows, cell by cell.

Numbers written as text follow the document loader's one rule
(:func:`peelmodel.documents.hooks.structure_decimal`): ASCII digits, an
optional minus sign and decimal point, nothing else: no underscores, no
full-width or Arabic-Indic digits, no exponent, no surrounding spaces.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final, SupportsIndex

from peelmodel._tabular.frames import HAS_PANDAS, HAS_POLARS
from peelmodel.catalogues import areas, outcomes
from peelmodel.documents.hooks import structure_decimal
from peelmodel.documents.problems import StructureError
from peelmodel.errors import DocumentError, InvalidValueError, PeelModelError, Problem
from peelmodel.model.area import Area
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate, OutcomeType
from peelmodel.model.period import Period

if HAS_PANDAS:
    import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
if HAS_POLARS:
    import polars as pl  # type: ignore[import-not-found,unused-ignore]

__all__ = ["FIELDS", "read_outcome_rates"]


class _CellError(PeelModelError):
    """A cell that cannot be read: its message goes into a :class:`Problem`."""


_REQUIRED: Final = ("area", "outcome", "period_start", "period_end")
#: The columns a frame of outcome counts may have.
FIELDS: Final = (*_REQUIRED, "count", "rate", "offences", "source")
#: The fields an outcome row takes as they are read.
_ROW_FIELDS: Final = ("area", "outcome", "count", "rate", "offences", "source")
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _missing(value: object) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return HAS_PANDAS and (value is pd.NA or value is pd.NaT)


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _CellError(f"expected text, found {value!r}")
    return value.strip()


def _area(value: object) -> Area:
    try:
        return areas.lookup(_text(value))
    except LookupError as error:
        raise _CellError(str(error)) from None


def _outcome(value: object) -> OutcomeType | OutcomeGroup:
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"type-{value}"
    text = _text(value).casefold()
    everything: tuple[OutcomeType | OutcomeGroup, ...] = (*outcomes.types(), *outcomes.groups())
    for found in everything:
        if text in {found.id, found.name.casefold()}:
            return found
    known = ", ".join(found.id for found in everything)
    raise _CellError(f"expected an outcome type or group id or name ({known}), found {value!r}")


def _date(value: object) -> date:
    if isinstance(value, datetime):  # pandas gives Timestamps, a datetime subclass
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _CellError(f"expected a date (YYYY-MM-DD), found {value!r}")


def _number(value: object) -> Decimal:
    """A number from a cell: text by the document loader's rule, or a number of Python's or numpy's."""
    if isinstance(value, str):
        try:
            return structure_decimal(value, Decimal)
        except StructureError as error:
            raise _CellError(str(error)) from None
    found: Decimal | None = None
    if isinstance(value, Decimal):
        found = value
    elif isinstance(value, float):  # its shortest text: 14.4 is Decimal("14.4")
        found = Decimal(repr(value))
    elif isinstance(value, SupportsIndex) and not isinstance(value, bool):  # ints, and numpy's
        try:
            found = Decimal(operator.index(value))
        except TypeError:  # numpy's booleans claim __index__ and refuse it
            found = None
    if found is None or not found.is_finite():
        raise _CellError(f"expected a finite decimal number, found {value!r}")
    return found


def _whole(value: object) -> int:
    found = _number(value)
    if found != found.to_integral_value() or (isinstance(value, str) and "." in value):
        raise _CellError(f"expected a whole number, found {value!r}")
    return int(found)


_READERS: Final[dict[str, Callable[[object], object]]] = {
    "area": _area,
    "outcome": _outcome,
    "period_start": _date,
    "period_end": _date,
    "count": _whole,
    "rate": _number,
    "offences": _whole,
    "source": _text,
}
#: Where a model error's field lives in the frame, by the class that raised it.
_ERROR_FIELDS: Final = {("Period", "start"): "period_start", ("Period", "end"): "period_end"}


def _rows_of(frame: object) -> tuple[list[object], Sequence[Mapping[Any, Any]], list[str]]:
    if HAS_PANDAS and isinstance(frame, pd.DataFrame):
        columns = [str(column) for column in frame.columns]
        repeated = sorted({column for column in columns if columns.count(column) > 1})
        if repeated:
            problems = [Problem(f"column {name!r}", "appears more than once") for name in repeated]
            raise DocumentError(problems, source="frame")
        records = [dict(zip(columns, row, strict=True)) for row in frame.itertuples(index=False)]
        return list(frame.index), records, columns
    if HAS_POLARS and isinstance(frame, pl.DataFrame):
        return list(range(frame.height)), frame.to_dicts(), frame.columns
    raise InvalidValueError(
        "outcome_rates_from_frame",
        "frame",
        type(frame).__name__,
        "must be a pandas or polars DataFrame",
    )


def _place(label: object, columns: list[str]) -> str:
    listed = ", ".join(repr(column) for column in columns)
    return f"row {label}, column{'s' if len(columns) > 1 else ''} {listed}"


def read_outcome_rates(frame: object, columns: Mapping[str, str] | None) -> tuple[OutcomeRate, ...]:
    """The rows of *frame*, read and validated; every bad cell in one :class:`DocumentError`."""
    unknown = sorted(set(columns or {}) - set(FIELDS))
    if unknown:
        raise InvalidValueError(
            "outcome_rates_from_frame", "columns", unknown[0], f"must be one of {FIELDS}"
        )
    names = {field: field for field in FIELDS} | dict(columns or {})
    labels, rows, present = _rows_of(frame)
    problems = [
        Problem(f"column {names[field]!r}", "is required but missing")
        for field in _REQUIRED
        if names[field] not in present
    ]
    if problems:
        raise DocumentError(problems, source="frame")
    found: list[OutcomeRate] = []
    seen: dict[tuple[str, Period, str], object] = {}
    for label, row in zip(labels, rows, strict=True):
        cells, bad = _read_row(label, row, names, problems)
        if bad:
            continue
        try:
            period = Period(start=cells["period_start"], end=cells["period_end"])
            rate = OutcomeRate(period=period, **{field: cells[field] for field in _ROW_FIELDS})
        except InvalidValueError as error:
            fields = error.field.split("+")
            at = [_ERROR_FIELDS.get((error.owner, field), field) for field in fields]
            at = [names.get(field, field) for field in at]
            problems.append(Problem(_place(label, at), f"{error.reason} (found {error.value!r})"))
            continue
        key = (rate.area.id, period, rate.outcome_id)
        if key in seen:
            again = f"{rate.outcome_id} appears again for {rate.area.id}, {period}"
            problems.append(
                Problem(_place(label, [names["outcome"]]), f"{again} (row {seen[key]})")
            )
            continue
        seen[key] = label
        found.append(rate)
    if problems:
        raise DocumentError(problems, source="frame")
    return tuple(found)


def _read_row(
    label: object, row: Mapping[Any, Any], names: Mapping[str, str], problems: list[Problem]
) -> tuple[dict[str, Any], bool]:
    """The cells of one row, read; record a problem for each bad one."""
    cells: dict[str, Any] = {}
    before = len(problems)
    for field in FIELDS:
        value = row.get(names[field])
        if _missing(value):
            cells[field] = None
            if field in _REQUIRED:
                problems.append(Problem(_place(label, [names[field]]), "is required but empty"))
            continue
        try:
            cells[field] = _READERS[field](value)
        except _CellError as error:
            problems.append(Problem(_place(label, [names[field]]), str(error)))
    return cells, len(problems) > before
