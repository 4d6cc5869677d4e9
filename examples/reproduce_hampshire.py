"""Reproduce the figures of the Hampshire 2015 effectiveness report.

Run it with ``python examples/reproduce_hampshire.py``. It prints the figures
the published inputs reproduce exactly, those that are consistent with the
others, and what the rounded figures imply about numbers the report never
printed: Hampshire's population and its recorded crime.
"""

from __future__ import annotations

from decimal import Decimal

import peelmodel
from peelmodel.analysis.assessment import assess
from peelmodel.analysis.status import Status
from peelmodel.arithmetic import publish, rate

report = peelmodel.datasets.load("hampshire-2015")
assessment = assess(report)

print(report.title)
print(f"Overall: {report.overall.grade.label if report.overall else 'not graded'}\n")

reproduced = [r for r in assessment.figures if r.status is Status.REPRODUCED]
print("Reproduced from published inputs:")
for result in reproduced:
    print(f"  {result.id:<55} published {result.claim.published}, derived {result.derived}")

consistent = [r for r in assessment.figures if r.status is Status.CONSISTENT]
print(f"\n{len(consistent)} figures are consistent with the others, for example:")
for result in consistent[:5]:
    print(f"  {result.id:<55} {result.claim.published}")

print("\nInferred from the rounded figures:")
inferred = {}
for quantity in (
    "hampshire.population",
    "hampshire.recorded-crime.12m-to-2015-06-30",
    "england-and-wales.recorded-crime.12m-to-2015-06-30",
):
    interval = assessment.reconciliation.interval(quantity)
    inferred[quantity] = (interval.low, interval.high)
    print(f"  {quantity:<55} {interval.low:,} to {interval.high:,}")

# Out-of-court (formal) = cautions for youths + adults + penalty notices.
formal = assessment.figure("hampshire.outcomes.out-of-court-formal.count")
assert formal.status is Status.REPRODUCED
assert formal.derived == 691 + 2_938 + 766 == 4_395
assert len(reproduced) == 4
assert assessment.is_consistent

# Hampshire's mid-2015 population (about 1.94 million) lies in the inferred interval.
low, high = inferred["hampshire.population"]
assert 1_900_000 < low <= high < 2_000_000
# Any recorded-crime total in the interval gives the published charge rate, 14.4.
low, high = inferred["hampshire.recorded-crime.12m-to-2015-06-30"]
for offences in (low, high):
    assert publish(rate(17_420, offences, per=100), 1) == Decimal("14.4")
