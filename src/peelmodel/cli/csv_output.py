"""CSV for the command line: the rows the JSON output prints, one line each, under a header.

The records writer (:mod:`peelmodel.documents.records`) makes the rows, so
the CSV and the JSON of a command hold the same values, written the same way
(exact numbers as :func:`~peelmodel.documents.numbers.exact` writes them). A
list becomes one cell, its items joined by commas; an object becomes one
column per key (``implied_low``, ``implied_high``); ``None`` an empty cell.
An empty answer is the header alone.

>>> print(render([{"id": "a", "conflicts_with": ["b", "c"], "implied": {"low": "1", "high": None}}],
...              ("id", "published")))
id,published,conflicts_with,implied_low,implied_high
a,,"b,c",1,
>>> print(render([], ("id", "published")))
id,published
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from peelmodel.analysis.assessment import Assessment
from peelmodel.documents import records
from peelmodel.documents.numbers import exact

__all__ = ["FIGURE_FIELDS", "assessment_csv", "render"]

#: The first columns of ``report --format csv`` and ``check --format csv``; the
#: other keys of the JSON output's figure objects follow.
FIGURE_FIELDS = (
    "id",
    "label",
    "area",
    "published",
    "status",
    "derived",
    "low",
    "high",
    "conflicts_with",
)


def assessment_csv(assessment: Assessment) -> str:
    """One row per figure of *assessment*, published then lost: the JSON output's figure objects."""
    document = records.assessment_dict(assessment)
    return render([*document["figures"], *document["lost"]], FIGURE_FIELDS)


def render(rows: Iterable[Mapping[str, Any]], fields: Sequence[str]) -> str:
    """CSV text: a header of *fields* then any other columns the rows hold, and one line per row."""
    flat = [_flatten(row) for row in rows]
    columns = list(fields)
    for row in flat:
        columns.extend(key for key in row if key not in columns)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    writer.writerows(flat)
    return buffer.getvalue().removesuffix("\n")


def _flatten(row: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    cells: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            cells |= _flatten(value, f"{name}_")
        else:
            cells[name] = _cell(value)
    return cells


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, Fraction):
        return exact(value)
    if isinstance(value, list | tuple):
        if all(not isinstance(item, Mapping | list | tuple) for item in value):
            return ",".join(str(_cell(item)) for item in value)
        return json.dumps(value, ensure_ascii=False, default=str)
    return value
