"""Print what the records hold for one force: its findings, counts of findings and area grades.

    python examples/findings_for_a_force.py [FORCE]

Prints the areas for improvement and causes of concern the findings record
holds for the force (default: Hampshire), programme by programme, each with
its area and source; the counts of findings where a page states how many a
report has without every text; and, for PEEL 2021/22 on, the force's area
grades with the quote that states each. Then checks that Hampshire's PEEL
2015 findings are the areas for improvement of the embedded 2015 report.
"""

from __future__ import annotations

import sys

from peelmodel import datasets, findings, forces, grades
from peelmodel.model.question import QuestionLevel

force = sys.argv[1] if len(sys.argv) > 1 else "hampshire"
record = findings.query(force=force)
name = forces.lookup(force).name
print(f"{name}: {len(record.findings)} findings, {len(record.counts)} counts of findings")
for finding in record.findings:
    where = finding.area or "no area named"
    print(f"  {finding.programme.name:<13} {finding.kind.value:<21} {where}")
    print(f"    {finding.text}")
    print(f"    source ({finding.source_kind.value}): {finding.source}")
for count in record.counts:
    print(f"  {count.programme.name:<13} {count.count} x {count.kind.value}: {count.quote!r}")

areas = [e for e in grades.select(force=force) if e.question.level is QuestionLevel.AREA]
if areas:
    print(f"Area grades of PEEL 2021/22 on ({len(areas)} entries):")
for entry in areas:
    shown = entry.grade.label if entry.grade else entry.state.value
    quote = f" - {entry.quote!r}" if entry.quote else ""
    print(f"  {entry.question.id:<60} {shown:<21}{quote}")

report = datasets.load("hampshire-2015")
hampshire = findings.select(force="hampshire", programme="peel-2015")
assert [f.area_for_improvement for f in hampshire] == list(report.areas_for_improvement)
print("Hampshire 2015: the findings record holds the report's areas for improvement, word for word")
