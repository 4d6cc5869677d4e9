"""Validate a PEEL inspection document and see every problem with its JSON path.

Run it with ``python examples/validate_document.py``.
"""

from __future__ import annotations

import json

import peelmodel
from peelmodel import DocumentError, Inspection

# The shipped Hampshire 2015 report, as a JSON document.
text = peelmodel.datasets.text("hampshire-2015")
report = peelmodel.loads(text, Inspection)
print(f"{report.title}: valid, {len(report.figures)} figures")

# Break it in three places, as a careless spreadsheet export might.
document = json.loads(text)
document["outcome_rates"][0]["rate"] = 14.4  # a float loses the published precision
document["outcome_rates"][3]["count"] = "691"  # a number written as text
document["judgments"][3]["grade"] = "adequate"  # not a grade of PEEL 2015
broken = json.dumps(document)

try:
    peelmodel.loads(broken, Inspection, source="broken.json")
except DocumentError as error:
    print(f"\n{len(error.problems)} problems in {error.source}:")
    for problem in error.problems:
        print(f"  {problem.path}: {problem.message}")
    paths = [problem.path for problem in error.problems]
else:
    raise SystemExit("the broken document was accepted")

assert paths == [
    "$.judgments[3].grade",
    "$.outcome_rates[0].rate",
    "$.outcome_rates[3].count",
], paths

# Every error is a PeelModelError, and a ValueError too.
assert issubclass(DocumentError, peelmodel.PeelModelError)
assert issubclass(DocumentError, ValueError)
