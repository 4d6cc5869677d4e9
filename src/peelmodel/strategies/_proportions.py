"""How often each value occurs in the shipped records: the weights the record strategies draw with.

The tables are counted from :func:`peelmodel.datasets.grades_record` and
:func:`peelmodel.datasets.findings_record` the first time a strategy needs
them, so generated records resemble the real ones: mostly unknown entries
where the record is mostly unknown, HMICFRS sources before press ones in the
same measure as the data, and the rare inferred, changed or disputed grade
about as rare. Every option keeps some weight, so that none is never drawn.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from typing import Final, TypeVar

import attrs
from hypothesis import strategies as st

from peelmodel import datasets
from peelmodel.model.record import RecordState

__all__ = ["Table", "chance", "findings_table", "grades_table", "pool", "weighted"]

T = TypeVar("T")
#: The size of a pool of weighted options: proportions are kept to about 1 in this.
_POOL: Final = 100


@attrs.frozen(kw_only=True)
class Table:
    """Counts of the values of one part of a record, and of entries with each optional field."""

    total: int
    values: dict[str, Counter[object]]
    features: Counter[str]


def pool(options: Sequence[T], counts: Counter[object]) -> list[T]:
    """*options*, each repeated in proportion to *counts* (about 100 in all), and at least once.

    With no counts at all, each option once.

    >>> Counter(pool(["a", "b", "c"], Counter({"a": 3, "b": 1})))
    Counter({'a': 75, 'b': 25, 'c': 1})
    """
    total = sum(counts[option] for option in options)
    if total == 0:
        return list(options)
    return [
        option for option in options for _ in range(max(1, round(_POOL * counts[option] / total)))
    ]


def weighted(options: Sequence[T], counts: Counter[object]) -> st.SearchStrategy[T]:
    """*options* drawn about as often as *counts* says, each at least now and then (see :func:`pool`).

    >>> from hypothesis import find
    >>> find(weighted(["a", "b"], Counter({"a": 99, "b": 1})), lambda v: v == "b")
    'b'
    """
    return st.sampled_from(pool(options, counts))


def chance(count: int, total: int) -> st.SearchStrategy[bool]:
    """``True`` about *count* times in *total*, never never and never always; a coin without data."""
    if total == 0:
        return st.booleans()
    return weighted([False, True], Counter({False: total - count, True: count}))


@functools.cache
def grades_table(scale: str) -> Table:
    """The counts of the grades record's entries on the grading scale *scale*."""
    entries = [e for e in datasets.grades_record().entries if e.programme.scale.id == scale]
    values: dict[str, Counter[object]] = {
        "state": Counter(e.state for e in entries),
        "grade": Counter(e.grade for e in entries if e.grade is not None),
        "source_kind": Counter(e.source_kind for e in entries if e.source is not None),
    }
    graded = [e for e in entries if e.state is RecordState.GRADED]
    features = Counter(
        {
            "graded": len(graded),
            "quote": sum(1 for e in graded if e.quote is not None),
            "published": sum(1 for e in entries if e.published is not None),
            "inferred": sum(1 for e in graded if e.inferred is not None),
            "history": sum(1 for e in graded if e.history),
            "conflicts": sum(1 for e in entries if e.conflicts),
        }
    )
    return Table(total=len(entries), values=values, features=features)


@functools.cache
def findings_table() -> Table:
    """The counts of the findings record's findings and counts."""
    found = datasets.findings_record()
    values: dict[str, Counter[object]] = {
        "kind": Counter(f.kind for f in found.findings),
        "count_kind": Counter(c.kind for c in found.counts),
        "source_kind": Counter(
            [*(f.source_kind for f in found.findings), *(c.source_kind for c in found.counts)]
        ),
    }
    features = Counter(
        {
            "area": sum(1 for f in found.findings if f.question is not None),
            "dated": sum(1 for f in found.findings if f.date is not None),
            "counts": len(found.counts),
        }
    )
    return Table(total=len(found.findings), values=values, features=features)
