"""Typed data frames of peelmodel results, for pandas and polars (the ``tabular`` extra).

:func:`to_pandas` and :func:`to_polars` take an inspection, an assessment,
an aggregate (or several), the grades record (or some of its entries), a
reconciliation, or outcome rows, and give one row per figure, grade,
interval or outcome row: the rows of :func:`to_records`, with typed columns.

* Published values (``published``, ``derived``, ``rate``) are exact
  decimals. polars holds them as ``Decimal`` columns, whose one scale per
  column may add trailing zeros (``places`` keeps each figure's own
  precision). pandas has no exact decimal type: the column holds the exact
  text (``Decimal(frame.published[i])`` gives the value back), and a
  ``float64`` column ``published_value`` (``derived_value``,
  ``rate_value``) holds the nearest float, for arithmetic and charts.
* Bounds (``low``, ``high``) are exact fractions, which neither library
  holds: both give ``float64`` columns, nearest floats, and keep the exact
  text (``"1750/31"``, ``"62.45"``) in ``low_exact`` and ``high_exact``.
* Dates are dates (``datetime64`` in pandas, ``Date`` in polars); counts and
  ranks are nullable integers; flags are booleans.
* Ids that repeat (area, force, programme, question, measure) and statuses
  are categories; ``grade`` is an ordered category, inadequate lowest; a
  row's own ``id``, labels and sources are strings.

>>> from peelmodel import datasets
>>> from peelmodel.analysis import assess
>>> frame = to_pandas(assess(datasets.load("hampshire-2015")))
>>> row = frame.set_index("id").loc["hampshire.recorded-crime.per-1000-population"]
>>> row["published"], float(row["published_value"]), row["status"], str(frame["low"].dtype)
('62.5', 62.5, 'consistent', 'float64')

A table of outcome counts of your own comes back as validated
:class:`~peelmodel.OutcomeRate` objects (:func:`outcome_rates_from_frame`).
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, SupportsIndex

from peelmodel._typecheck import checked
from peelmodel.arithmetic import places
from peelmodel.catalogues import areas, outcomes
from peelmodel.documents.numbers import exact
from peelmodel.documents.records import Recordable, to_records
from peelmodel.errors import DocumentError, InvalidValueError, PeelModelError, Problem
from peelmodel.model.area import Area
from peelmodel.model.grade import Grade
from peelmodel.model.outcome import OutcomeGroup, OutcomeRate, OutcomeType
from peelmodel.model.period import Period

try:
    import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError:  # without the tabular extra: to_pandas says how to install it
    _HAS_PANDAS = False
else:
    _HAS_PANDAS = True
try:
    import polars as pl  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # without the tabular extra: to_polars says how to install it
    _HAS_POLARS = False
else:
    _HAS_POLARS = True

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["outcome_rates_from_frame", "to_pandas", "to_polars", "to_records"]


_TEXT = ("id", "label", "source", "forces", "missing", "excluded", "excluding", "conflicts_with")
_CATEGORY = (
    *("area", "measure", "basis", "qualifier", "status", "method", "outcome"),
    *("force", "region", "programme", "pillar", "question", "level", "state", "scale"),
)
#: The type of every column :func:`to_records` writes.
_COLUMNS: Final[dict[str, str]] = {
    **dict.fromkeys(_TEXT, "text"),
    **dict.fromkeys(_CATEGORY, "category"),
    **dict.fromkeys(("period_start", "period_end", "last_updated"), "date"),
    **dict.fromkeys(("published", "derived", "rate"), "decimal"),
    **dict.fromkeys(("low", "high"), "exact"),
    **dict.fromkeys(("places", "rank", "count", "offences"), "int"),
    **dict.fromkeys(("exact", "bounded"), "bool"),
    "grade": "grade",
}
#: Grades from the lowest to the highest: the order of the ``grade`` category.
_GRADES: Final = tuple(grade.value for grade in sorted(Grade))
_PANDAS_TYPES: Final = {"text": "string", "int": "Int64", "bool": "bool"}


def _require(library: str, function: str) -> None:
    if not {"pandas": _HAS_PANDAS, "polars": _HAS_POLARS}[library]:
        raise ImportError(
            f"peelmodel.tabular.{function} needs {library}: pip install 'peelmodel[tabular]'"
        )


def _columns(rows: Sequence[Mapping[str, Any]]) -> dict[str, list[Any]]:
    return {name: [row[name] for row in rows] for name in rows[0]} if rows else {}


def _decimal_text(values: list[Any]) -> list[str | None]:
    return [None if value is None else str(value) for value in values]


def _exact_text(values: list[Any]) -> list[str | None]:
    return [None if value is None else exact(Fraction(value)) for value in values]


def _floats(values: list[Any]) -> list[float]:
    return [math.nan if value is None else float(value) for value in values]


@checked
def to_pandas(obj: Recordable) -> pd.DataFrame:
    """A pandas ``DataFrame`` of *obj*: the rows of :func:`to_records`, typed as the module says.

    >>> from peelmodel import datasets
    >>> frame = to_pandas(datasets.grades_record())
    >>> durham = frame[(frame.force == "durham") & (frame.question == "peel-2015.effectiveness")]
    >>> durham.grade.iloc[0], int(durham["rank"].iloc[0]), frame.grade.cat.ordered
    ('outstanding', 4, True)
    """
    _require("pandas", "to_pandas")
    series: dict[str, pd.Series] = {}
    for name, values in _columns(to_records(obj)).items():
        kind = _COLUMNS[name]
        if kind == "decimal":
            series[name] = pd.Series(_decimal_text(values), dtype="string")
            series[f"{name}_value"] = pd.Series(_floats(values), dtype="float64")
        elif kind == "exact":
            series[name] = pd.Series(_floats(values), dtype="float64")
            series[f"{name}_exact"] = pd.Series(_exact_text(values), dtype="string")
        elif kind == "date":
            series[name] = pd.Series(pd.to_datetime(pd.Series(values, dtype="object")))
        elif kind == "grade":
            series[name] = pd.Series(pd.Categorical(values, categories=_GRADES, ordered=True))
        elif kind == "category":
            series[name] = pd.Series(pd.Categorical(values))
        else:
            series[name] = pd.Series(values, dtype=_PANDAS_TYPES[kind])
    frame: pd.DataFrame = pd.DataFrame(series)
    return frame


@checked
def to_polars(obj: Recordable) -> pl.DataFrame:
    """A polars ``DataFrame`` of *obj*: the rows of :func:`to_records`, typed as the module says.

    A ``Decimal`` column takes the largest number of places among its values.

    >>> from peelmodel import datasets
    >>> frame = to_polars(datasets.load("hampshire-2015"))
    >>> frame.schema["published"], frame.schema["period_end"], frame.schema["area"]
    (Decimal(precision=38, scale=1), Date, Categorical)
    """
    _require("polars", "to_polars")
    series: list[pl.Series] = []
    for name, values in _columns(to_records(obj)).items():
        kind = _COLUMNS[name]
        if kind == "decimal":
            scale = max((places(value) for value in values if value is not None), default=0)
            series.append(pl.Series(name, values, dtype=pl.Decimal(38, scale)))
        elif kind == "exact":
            series.append(pl.Series(name, _floats(values), dtype=pl.Float64))
            series.append(pl.Series(f"{name}_exact", _exact_text(values), dtype=pl.String))
        else:
            series.append(pl.Series(name, values, dtype=_polars_type(kind)))
    return pl.DataFrame(series)


def _polars_type(kind: str) -> pl.DataType:
    types: dict[str, pl.DataType] = {
        "text": pl.String(),
        "category": pl.Categorical(),
        "grade": pl.Enum(_GRADES),
        "date": pl.Date(),
        "int": pl.Int64(),
        "bool": pl.Boolean(),
    }
    return types[kind]


# -- reading a table of outcome counts ------------------------------------------


class _CellError(PeelModelError):
    """A cell that cannot be read: its message goes into a :class:`Problem`."""


_REQUIRED: Final = ("area", "outcome", "period_start", "period_end")
_FIELDS: Final = (*_REQUIRED, "count", "rate", "offences", "source")
#: The fields an outcome row takes as they are read.
_ROW_FIELDS: Final = ("area", "outcome", "count", "rate", "offences", "source")
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _missing(value: object) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return _HAS_PANDAS and (value is pd.NA or value is pd.NaT)


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


def _whole(value: object) -> int:
    if isinstance(value, bool):
        raise _CellError(f"expected a whole number, found {value!r}")
    if isinstance(value, float | Decimal) and math.isfinite(value) and value == int(value):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, SupportsIndex):  # ints, and numpy's
        return operator.index(value)
    raise _CellError(f"expected a whole number, found {value!r}")


def _rate(value: object) -> Decimal:
    if isinstance(value, bool):
        raise _CellError(f"expected a decimal number, found {value!r}")
    try:
        if isinstance(value, float):  # its shortest text: 14.4 is Decimal("14.4")
            found = Decimal(repr(value))
        elif isinstance(value, str | int | Decimal):
            found = Decimal(value.strip() if isinstance(value, str) else value)
        elif isinstance(value, SupportsIndex):  # numpy's ints
            found = Decimal(operator.index(value))
        else:
            raise TypeError(value)  # noqa: TRY301 - one message for every other type
    except (InvalidOperation, TypeError):
        raise _CellError(f"expected a decimal number, found {value!r}") from None
    if not found.is_finite():
        raise _CellError(f"expected a finite number, found {value!r}")
    return found


_READERS: Final[dict[str, Callable[[object], object]]] = {
    "area": _area,
    "outcome": _outcome,
    "period_start": _date,
    "period_end": _date,
    "count": _whole,
    "rate": _rate,
    "offences": _whole,
    "source": _text,
}
#: Where a model error's field lives in the frame, by the class that raised it.
_ERROR_FIELDS: Final = {("Period", "start"): "period_start", ("Period", "end"): "period_end"}


def _rows_of(frame: object) -> tuple[list[object], Sequence[Mapping[Any, Any]], list[str]]:
    if _HAS_PANDAS and isinstance(frame, pd.DataFrame):
        columns = [str(column) for column in frame.columns]
        return list(frame.index), frame.to_dict("records"), columns
    if _HAS_POLARS and isinstance(frame, pl.DataFrame):
        return list(range(frame.height)), frame.to_dicts(), frame.columns
    raise InvalidValueError(
        "outcome_rates_from_frame", "frame", frame, "must be a pandas or polars DataFrame"
    )


def _place(label: object, columns: list[str]) -> str:
    listed = ", ".join(repr(column) for column in columns)
    return f"row {label}, column{'s' if len(columns) > 1 else ''} {listed}"


@checked
def outcome_rates_from_frame(
    frame: pd.DataFrame | pl.DataFrame, *, columns: Mapping[str, str] | None = None
) -> tuple[OutcomeRate, ...]:
    """Read a table of outcomes, one row per area, period and outcome, as validated rows.

    The columns are ``area`` (an area's id, name or ONS code), ``outcome``
    (``type-1``, a group id such as ``out-of-court-formal``, or a name),
    ``period_start`` and ``period_end`` (dates or ``YYYY-MM-DD`` text), and,
    where known, ``count``, ``rate`` (per 100 offences), ``offences`` and
    ``source``. *columns* maps these names to your frame's own. A ``rate``
    given as text or ``Decimal`` is exact; a float is read by its shortest
    text (``14.4`` is ``Decimal("14.4")``), so give text to keep trailing zeros.

    Every bad cell is reported, by row (the frame's index) and column, in
    one :class:`~peelmodel.errors.DocumentError`.

    >>> import pandas as pd
    >>> table = pd.DataFrame({
    ...     "force": ["Hampshire", "hampshire"], "outcome": ["type-1", "Community resolution"],
    ...     "period_start": ["2014-07-01"] * 2, "period_end": ["2015-06-30"] * 2,
    ...     "count": [17420, 4134], "rate": ["14.4", "3.4"]})
    >>> rows = outcome_rates_from_frame(table, columns={"area": "force"})
    >>> rows[1].id, rows[1].rate, str(rows[1].period)
    ('hampshire.outcomes.type-8', Decimal('3.4'), '12 months to 30 June 2015')
    >>> outcome_rates_from_frame(table.assign(count=[17420, -1]), columns={"area": "force"})
    Traceback (most recent call last):
    ...
    peelmodel.errors.DocumentError: frame: invalid document (1 problem): row 1, column 'count': must not be negative (found -1)
    """
    unknown = sorted(set(columns or {}) - set(_FIELDS))
    if unknown:
        raise InvalidValueError(
            "outcome_rates_from_frame", "columns", unknown[0], f"must be one of {_FIELDS}"
        )
    names = {field: field for field in _FIELDS} | dict(columns or {})
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
    for field in _FIELDS:
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
