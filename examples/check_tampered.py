"""Tamper with one number of a report and watch the check find it.

The Hampshire 2015 report says the force had 62 organised crime groups, 32
per million people. Change the rate to 40 per million and no population can
give both that and the report's other rates: the check sets aside the fewest
figures that let the rest hold, says which kept figures each conflicts
with, and shows what the others allow it to be.

Run it with ``python examples/check_tampered.py``.
"""

from __future__ import annotations

import json

import peelmodel
from peelmodel import Inspection
from peelmodel.analysis.assessment import assess
from peelmodel.analysis.status import Status

TAMPERED = "hampshire.ocgs.per-million-population"

# The shipped report, as a JSON document; it checks clean.
text = peelmodel.datasets.text("hampshire-2015")
original = assess(peelmodel.loads(text, Inspection))
assert original.is_consistent
print(f"As published: {len(original.figures)} figures, none inconsistent.")

# Publish 40 organised crime groups per million population instead of 32.
document = json.loads(text)
for figure in document["figures"]:
    if figure["id"] == TAMPERED:
        print(f"Changing {TAMPERED} from {figure['published']} to 40.")
        figure["published"] = "40"
tampered = assess(peelmodel.loads(json.dumps(document), Inspection, source="tampered.json"))

print("\nInconsistent figures:")
inconsistent = [r for r in tampered.figures if r.status is Status.INCONSISTENT]
for result in inconsistent:
    print(f"  {result.id} (published {result.claim.published})")
    for other in result.conflicts_with:
        print(f"      conflicts with {other}")

print("\nConflicts, with the unpublished number they disagree on:")
for conflict in tampered.reconciliation.conflicts:
    print(f"  {conflict}")

assert not tampered.is_consistent
assert TAMPERED in {r.id for r in inconsistent}
assert tampered.figure(TAMPERED).conflicts_with
# The population the 40 per million implies (62 groups: 1.53 to 1.57 million)
# is far below the 1.94 million the recorded crime rate implies.
assert "hampshire.recorded-crime.per-1000-population" in tampered.figure(TAMPERED).conflicts_with

# What the other figures allow the tampered one: exactly what was published.
implied = tampered.figure(TAMPERED).implied
print(f"\nThe other figures allow {TAMPERED} only {implied}.")
assert implied is not None
assert implied.low == implied.high == 32
