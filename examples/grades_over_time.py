"""Draw a force's PEEL pillar grades over time, from the grades record.

    python examples/grades_over_time.py [FORCE]

Prints the force's pillar grades programme by programme, with their sources,
and, with matplotlib installed (``pip install 'peelmodel[plot]'``), draws
them to ``grades-over-time-FORCE.png`` in the current directory. Grades the
record does not hold are gaps in the lines, never guesses; grades on the
four-grade and five-grade scales are not joined, because they cannot be
compared.
"""

from __future__ import annotations

import sys
from pathlib import Path

from peelmodel import Grade, Pillar, grades

try:
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:  # the plot extra is not installed: print the grades only
    plt = None

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

if plt is None:
    print("matplotlib is not installed: pip install 'peelmodel[plot]' to draw the chart")
    sys.exit(0)

figure, axes = plt.subplots(figsize=(8, 4))
positions = {programme.id: index for index, programme in enumerate(programmes)}
for pillar, colour in zip(
    (Pillar.EFFECTIVENESS, Pillar.EFFICIENCY, Pillar.LEGITIMACY), ("C0", "C1", "C2"), strict=True
):
    # One line per run of grades on one scale: a missing grade or a new scale breaks it.
    runs: list[list[tuple[int, int]]] = [[]]
    scale = None
    for entry in (e for e in history.entries if e.pillar is pillar):
        if entry.grade is None or entry.programme.scale != scale:
            runs.append([])
        if entry.grade is not None:
            runs[-1].append((positions[entry.programme.id], entry.grade.rank))
        scale = entry.programme.scale
    drawn = [run for run in runs if run]
    for index, run in enumerate(drawn):
        xs, ys = zip(*run, strict=True)
        label = pillar.value if index == 0 else None
        axes.plot(xs, ys, marker="o", color=colour, label=label)
axes.set_xticks(range(len(programmes)), [p.name for p in programmes])
shown_grades = [g for g in Grade if any(g in scale for scale in history.scales)]
axes.set_yticks([g.rank for g in shown_grades], [g.label for g in shown_grades])
axes.set_title(f"{history.force.name}: PEEL pillar grades")
axes.legend(loc="lower right")
figure.tight_layout()
output = Path(f"grades-over-time-{history.force.id}.png")
figure.savefig(output)
assert output.stat().st_size > 0
print(f"drew {output}")
