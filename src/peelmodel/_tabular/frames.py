"""pandas and polars frames of typed rows: one column type per column name, rows or none."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, Final

from peelmodel.arithmetic import places
from peelmodel.documents.numbers import exact
from peelmodel.model.grade import Grade

try:
    import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
except ImportError:  # without the tabular extra: to_pandas says how to install it
    HAS_PANDAS = False
else:
    HAS_PANDAS = True
try:
    import polars as pl  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # without the tabular extra: to_polars says how to install it
    HAS_POLARS = False
else:
    HAS_POLARS = True

__all__ = ["COLUMN_KINDS", "GRADES", "HAS_PANDAS", "HAS_POLARS", "pandas_frame", "polars_frame"]

_TEXT = (
    *("id", "label", "source", "forces", "missing", "excluded", "excluding", "conflicts_with"),
    *("undetermined", "text", "quote"),
)
_CATEGORY = (
    *("area", "measure", "basis", "qualifier", "status", "method", "outcome"),
    *("force", "region", "programme", "pillar", "question", "level", "state", "scale"),
    *("programme_before", "programme_after", "direction", "kind", "source_kind"),
)
_INT = (
    *("places", "rank", "count", "offences", "counted", "possible"),
    *("graded", "not_inspected", "not_graded", "unknown", "missing_count"),
)
#: The type of every column a row may have.
COLUMN_KINDS: Final[dict[str, str]] = {
    **dict.fromkeys(_TEXT, "text"),
    **dict.fromkeys(_CATEGORY, "category"),
    **dict.fromkeys(("period_start", "period_end", "last_updated", "date"), "date"),
    **dict.fromkeys(("published", "derived", "rate"), "decimal"),
    **dict.fromkeys(("low", "high"), "exact"),
    **dict.fromkeys(_INT, "int"),
    **dict.fromkeys(("exact", "bounded", "complete", "comparable"), "bool"),
    **dict.fromkeys(("grade", "grade_before", "grade_after"), "grade"),
}
#: Grades from the lowest to the highest: the order of the ``grade`` category.
GRADES: Final = tuple(grade.value for grade in sorted(Grade))
_PANDAS_TYPES: Final = {"text": "string", "int": "Int64", "bool": "bool"}


def _decimal_text(values: list[Any]) -> list[str | None]:
    return [None if value is None else str(value) for value in values]


def _exact_text(values: list[Any]) -> list[str | None]:
    return [None if value is None else exact(Fraction(value)) for value in values]


def _floats(values: list[Any]) -> list[float]:
    return [math.nan if value is None else float(value) for value in values]


def _values(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> dict[str, list[Any]]:
    return {name: [row[name] for row in rows] for name in columns}


def pandas_frame(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """A pandas frame of *rows* with *columns*, typed by :data:`COLUMN_KINDS`."""
    series: dict[str, pd.Series] = {}
    for name, values in _values(rows, columns).items():
        kind = COLUMN_KINDS[name]
        if kind == "decimal":
            series[name] = pd.Series(_decimal_text(values), dtype="string")
            series[f"{name}_value"] = pd.Series(_floats(values), dtype="float64")
        elif kind == "exact":
            series[name] = pd.Series(_floats(values), dtype="float64")
            series[f"{name}_exact"] = pd.Series(_exact_text(values), dtype="string")
        elif kind == "date":
            series[name] = pd.Series(pd.to_datetime(pd.Series(values, dtype="object")))
            series[name] = series[name].astype("datetime64[ns]")
        elif kind == "grade":
            series[name] = pd.Series(pd.Categorical(values, categories=GRADES, ordered=True))
        elif kind == "category":
            series[name] = pd.Series(pd.Categorical(values))
        else:
            series[name] = pd.Series(values, dtype=_PANDAS_TYPES[kind])
    frame: pd.DataFrame = pd.DataFrame(series)
    return frame


def polars_frame(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> pl.DataFrame:
    """A polars frame of *rows* with *columns*, typed by :data:`COLUMN_KINDS`."""
    series: list[pl.Series] = []
    for name, values in _values(rows, columns).items():
        kind = COLUMN_KINDS[name]
        if kind == "decimal":
            scale = max((places(value) for value in values if value is not None), default=0)
            series.append(pl.Series(name, _decimal_text(values), dtype=pl.String))
            series.append(pl.Series(f"{name}_value", values, dtype=pl.Decimal(38, scale)))
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
        "grade": pl.Enum(GRADES),
        "date": pl.Date(),
        "int": pl.Int64(),
        "bool": pl.Boolean(),
    }
    return types[kind]
