"""Draw a force's PEEL grades over time, from the grades record.

    python examples/grades_over_time.py [FORCE]

Prints the force's pillar grades programme by programme, with their sources,
and, with matplotlib installed (``pip install 'peelmodel[plot]'``), draws
them, and the grades of the areas of policing of PEEL 2021/22 onward, with
:func:`peelmodel.plot.grades_over_time` to
``grades-over-time-FORCE.png`` in the current directory. Grades the record
does not hold are gaps in the lines, never guesses; grades on the four-grade
and five-grade scales are not joined, because they cannot be compared.
"""

from __future__ import annotations

import sys
from pathlib import Path

from peelmodel import grades, plot

force = sys.argv[1] if len(sys.argv) > 1 else "hampshire"
history = grades.history(force)
programmes = history.programmes
print(f"{history.force.name}: pillar grades, {programmes[0].name} to {programmes[-1].name}")
for entry in history.entries:
    shown = entry.grade.label if entry.grade else entry.state.value
    print(
        f"  {entry.programme.name:<13} {entry.pillar.value:<14} {shown:<21} {entry.source or '-'}"
    )
if history.warning:
    print(f"note: {history.warning}")

try:
    chart = plot.grades_over_time(history.force)
except ImportError as error:  # the plot extra is not installed: the grades are printed
    print(error)
    sys.exit(0)
output = Path(f"grades-over-time-{history.force.id}.png")
chart.save(output)
assert output.stat().st_size > 0
print(f"drew {output}")
