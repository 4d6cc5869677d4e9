"""Deterministic inputs: 430 inspection documents and a flat list of outcome rows.

Inspections: the Hampshire 2015 document for each of the 43 forces and ten
years (offset 0 to 9): the force, its figure ids and title are replaced and
every date moves on by the offset; figures and outcome rows are otherwise the
same. Each inspection is its own JSON document with its header, because a
document is what ``peelmodel.loads`` reads; the text is spaced as
``json.dumps`` writes it (``peelmodel.dumps`` writes it compactly).

Outcome rows: one JSON array of row objects (no header), drawn with a fixed
seed from every area, twelve-month periods to 30 June 2015-2024, and the
outcome types and groups in use in each period.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date
from typing import Any

from peelmodel import datasets
from peelmodel.catalogues import areas, forces, outcomes

__all__ = ["inspection_documents", "outcome_rows"]

_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _shift(text: str, years: int) -> str:
    def move(match: re.Match[str]) -> str:
        year, month, day = (int(part) for part in match.groups())
        if (month, day) == (2, 29):
            day = 28
        return date(year + years, month, day).isoformat()

    return _DATE.sub(move, text)


def _inspection(template: dict[str, Any], force_id: str, years: int) -> dict[str, Any]:
    force = forces.get(force_id)
    document = json.loads(_shift(json.dumps(template), years))
    document["force"] = force_id
    document["title"] = document["title"].replace("Hampshire Constabulary", force.name)
    for row in document["outcome_rates"]:
        if row["area"] == "hampshire":
            row["area"] = force_id
    for figure in document["figures"]:
        if figure["area"] == "hampshire":
            figure["area"] = force_id
        figure["id"] = re.sub(r"^hampshire\.", f"{force_id}.", figure["id"])
        figure["excluding"] = [
            force_id if a == "hampshire" else a for a in figure.get("excluding", [])
        ]
        if not figure["excluding"]:
            del figure["excluding"]
    return document


def inspection_documents(count: int = 430) -> list[str]:
    """*count* inspection documents (43 forces × 10 years for 430), as JSON text."""
    template = json.loads(datasets.text("hampshire-2015"))
    ids = [force.id for force in forces.all()]
    pairs = [(force_id, years) for years in range(10) for force_id in ids]
    return [
        json.dumps(_inspection(template, force_id, years), ensure_ascii=False)
        for force_id, years in pairs[:count]
    ]


def outcome_rows(count: int = 100_000, *, seed: int = 2015) -> list[dict[str, Any]]:
    """*count* valid outcome row objects, JSON-shaped, the same for every seed."""
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
    area_ids = [area.id for area in areas.all()]
    ends = [date(year, 6, 30) for year in range(2015, 2025)]
    in_use = {
        end: [o.id for o in outcomes.types() if o.valid_from <= end]
        + [g.id for g in outcomes.groups()]
        for end in ends
    }
    rows: list[dict[str, Any]] = []
    for _ in range(count):
        end = rng.choice(ends)
        row: dict[str, Any] = {
            "area": rng.choice(area_ids),
            "period": f"{end.replace(year=end.year - 1, month=7, day=1)}/{end}",
            "outcome": rng.choice(in_use[end]),
        }
        count_value = rng.randrange(0, 50_000)
        if rng.random() < 0.9:
            row["count"] = count_value
        if "count" not in row or rng.random() < 0.8:
            row["rate"] = f"{rng.randrange(0, 1000) / 10:.1f}"
        if rng.random() < 0.3:
            row["offences"] = count_value + rng.randrange(1, 200_000)
        if rng.random() < 0.7:
            row["source"] = f"Figure {rng.randrange(1, 12)}"
        rows.append(row)
    return rows
