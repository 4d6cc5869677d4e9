"""Counts of findings checked against the findings whose texts the record holds."""

from __future__ import annotations

import attrs

from peelmodel.analysis.status import Status
from peelmodel.model.finding import FindingCount, FindingEntry, FindingsRecord

__all__ = ["CountCheck", "check_count"]


@attrs.frozen(kw_only=True)
class CountCheck:
    """A published count of findings beside the findings the record holds for it.

    ``reproduced``: the record holds exactly as many texts. ``inconsistent``:
    it holds more than the page says there are. ``unverifiable``: fewer, so
    the rest are texts no page read states.
    """

    count: FindingCount
    status: Status
    recorded: tuple[FindingEntry, ...]

    @property
    def explanation(self) -> str:
        """What the record says, in one sentence."""
        return f"published {self.count.count}, the record holds {len(self.recorded)} texts"


def check_count(count: FindingCount, record: FindingsRecord) -> CountCheck:
    """Check *count* against the findings of *record* for its force, programme, kind and area.

    A count without an area counts the findings of every area.
    """
    recorded = tuple(
        f
        for f in record.findings
        if f.force == count.force
        and f.programme == count.programme
        and f.kind is count.kind
        and (count.question is None or f.question == count.question)
    )
    if len(recorded) == count.count:
        status = Status.REPRODUCED
    elif len(recorded) > count.count:
        status = Status.INCONSISTENT
    else:
        status = Status.UNVERIFIABLE
    return CountCheck(count=count, status=status, recorded=recorded)
