"""The findings record as typed rows: one per finding, or one per count of findings.

:func:`peelmodel.documents.records.to_records` gives these rows for a
:class:`~peelmodel.FindingsRecord`, findings or counts, and
:mod:`peelmodel.tabular` turns them into frames.
"""

from __future__ import annotations

from typing import Any

from peelmodel.model.finding import FindingCount, FindingEntry

__all__ = ["count_row", "finding_row"]


def finding_row(entry: FindingEntry) -> dict[str, Any]:
    """One finding as a typed row, its ``date`` a ``datetime.date`` (or ``None``).

    >>> from peelmodel import datasets
    >>> row = finding_row(datasets.findings_record().findings[0])
    >>> row["force"], row["programme"], row["area"], row["kind"]
    ('hampshire', 'peel-2015', 'effectiveness.2', 'area-for-improvement')
    """
    return {
        "force": entry.force.id,
        "region": entry.force.region.id,
        "programme": entry.programme.id,
        "question": None if entry.question is None else entry.question.id,
        "area": entry.area,
        "kind": entry.kind.value,
        "text": entry.text,
        "date": entry.date,
        "source": entry.source,
        "source_kind": entry.source_kind.value,
    }


def count_row(count: FindingCount) -> dict[str, Any]:
    """One count of findings as a typed row, its ``count`` an ``int``."""
    return {
        "force": count.force.id,
        "region": count.force.region.id,
        "programme": count.programme.id,
        "question": None if count.question is None else count.question.id,
        "area": count.area,
        "kind": count.kind.value,
        "count": count.count,
        "source": count.source,
        "source_kind": count.source_kind.value,
        "quote": count.quote,
    }
