"""Draw the charts of the page "Frames and charts" when the documentation builds.

``conf.py`` calls :func:`write` as the build starts, and the page shows the
PNG files it writes, so no image is kept in the repository. Each chart is
drawn by the call the page shows beside it.
"""

from __future__ import annotations

from pathlib import Path

from peelmodel import datasets, plot
from peelmodel.analysis import assess

__all__ = ["write"]


def write(folder: Path) -> None:
    """Draw the page's charts into *folder*, one PNG file each."""
    folder.mkdir(parents=True, exist_ok=True)
    result = assess(datasets.load("hampshire-2015"))
    charts = {
        "figure-2.png": plot.against_national(result, source="Figure 2"),
        "figure-4.png": plot.against_national(result, source="Figure 4"),
        "grades-over-time.png": plot.grades_over_time("hampshire"),
        "grades-by-region.png": plot.grade_distribution("peel-2015.effectiveness"),
    }
    for name, chart in charts.items():
        chart.savefig(folder / name, dpi=96)
