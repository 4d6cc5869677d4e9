"""Draw the charts of the pages "Gallery" and "Frames and charts" when the documentation builds.

``conf.py`` calls :func:`write` as the build starts, and the pages show the
PNG files it writes, so no image is kept in the repository and every image
is drawn by the current code. Each chart is drawn by the very call the
gallery shows beside it: :data:`GALLERY` holds the calls, and the tests
check that the page shows each of them, with its image.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from peelmodel import datasets, grades, plot
from peelmodel.analysis import assess

__all__ = ["GALLERY", "write"]

#: Each image's file name, and the call that draws it (as the gallery page shows it).
GALLERY: Final = {
    "figure-2.png": 'plot.against_national(result, source="Figure 2")',
    "figure-4.png": 'plot.against_national(result, source="Figure 4")',
    "ranges-figure-2.png": 'plot.inferred_ranges(result, source="Figure 2")',
    "ranges-figure-4.png": 'plot.inferred_ranges(result, source="Figure 4")',
    "grades-over-time.png": 'plot.grades_over_time("kent")',
    "grades-over-time-humberside.png": 'plot.grades_over_time("humberside")',
    "grades-over-time-core.png": 'plot.grades_over_time("derbyshire", core=True)',
    "grades-by-region.png": 'plot.grade_distribution("peel-2015.effectiveness")',
    "grades-by-region-2017.png": 'plot.grade_distribution("peel-2017.legitimacy")',
}


def write(folder: Path) -> None:
    """Draw every chart of :data:`GALLERY` into *folder*, one PNG file each."""
    folder.mkdir(parents=True, exist_ok=True)
    names = {"plot": plot, "grades": grades, "result": assess(datasets.load("hampshire-2015"))}
    for name, call in GALLERY.items():
        chart = eval(call, {"__builtins__": {}}, names)  # noqa: S307 - the fixed calls above
        chart.save(folder / name, dpi=96)
