"""The chart every function of :mod:`peelmodel.plot` returns, and the parts all charts share."""

from __future__ import annotations

import io
from collections.abc import Iterable
from os import PathLike
from typing import Any, Final

import attrs

try:
    import matplotlib.figure  # type: ignore[import-not-found,unused-ignore]
    import matplotlib.lines  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # without the plot extra: each function says how to install it
    _HAS_MATPLOTLIB = False
else:
    _HAS_MATPLOTLIB = True

__all__ = ["FOOTNOTE_COLOUR", "Chart", "footnote", "legend_line", "new_figure"]

#: The grey of a chart's footnote (its source and period).
FOOTNOTE_COLOUR: Final = "#555555"
#: Dots per inch of the image a notebook shows: twice the size it is shown at, for sharp screens.
_NOTEBOOK_DPI: Final = 200
#: The size a notebook shows the image at, in pixels per inch of the figure.
_SHOWN_DPI: Final = 100


def new_figure(width: float, height: float) -> matplotlib.figure.Figure:
    """A figure of *width* × *height* inches, laid out by matplotlib, outside pyplot."""
    if not _HAS_MATPLOTLIB:
        raise ImportError("peelmodel.plot needs matplotlib: pip install 'peelmodel[plot]'")
    return matplotlib.figure.Figure(figsize=(width, height), layout="constrained")


def legend_line(label: str, **style: Any) -> matplotlib.lines.Line2D:
    """A line for a legend only, drawn in no axes."""
    return matplotlib.lines.Line2D([], [], label=label, **style)


def footnote(figure: matplotlib.figure.Figure, lines: Iterable[str]) -> None:
    """Write *lines* (the source, the period) in small grey type under everything else."""
    figure.supxlabel(
        "\n".join(lines), x=0.01, ha="left", fontsize="small", color=FOOTNOTE_COLOUR, wrap=True
    )


@attrs.frozen(kw_only=True, eq=False)
class Chart:
    r"""A chart: a matplotlib figure that shows itself as an image in Jupyter and IPython.

    A notebook displays a chart that is a cell's last value with no
    ``%matplotlib`` magic (the chart gives Jupyter a PNG image, as
    ``_repr_png_``); :attr:`figure` is the matplotlib
    :class:`~matplotlib.figure.Figure` to change or lay out further, and
    :meth:`save` writes it in any format matplotlib knows, by the file's suffix.

    >>> from peelmodel import plot
    >>> chart = plot.grades_over_time("hampshire")
    >>> chart
    <Chart 'Hampshire Constabulary: PEEL grades by programme': 2 panels, 12.7 x 10.4 in>
    >>> chart.png().startswith(b"\x89PNG")
    True
    """

    #: The matplotlib figure.
    figure: matplotlib.figure.Figure
    #: The chart's title, as it is drawn above it.
    title: str

    def __repr__(self) -> str:
        width, height = self.figure.get_size_inches()
        panels = sum(1 for axes in self.figure.axes if axes.get_label() != "<colorbar>")
        plural = "" if panels == 1 else "s"
        return f"<Chart {self.title!r}: {panels} panel{plural}, {width:.1f} x {height:.1f} in>"

    def png(self, *, dpi: float = _SHOWN_DPI) -> bytes:
        """The chart as a PNG image, *dpi* pixels per inch."""
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=dpi)
        return buffer.getvalue()

    def svg(self) -> str:
        """The chart as an SVG image."""
        buffer = io.StringIO()
        self.figure.savefig(buffer, format="svg")
        return buffer.getvalue()

    def save(self, path: str | PathLike[str], *, dpi: float = _SHOWN_DPI) -> None:
        """Write the chart to *path*, in the format its suffix names (``.png``, ``.svg``, ``.pdf``)."""
        self.figure.savefig(path, dpi=dpi)

    def _repr_png_(self) -> tuple[bytes, dict[str, int]]:
        """The image Jupyter and IPython show: drawn at twice its shown size, for sharp screens."""
        width, height = self.figure.get_size_inches()
        shown = {"width": round(width * _SHOWN_DPI), "height": round(height * _SHOWN_DPI)}
        return self.png(dpi=_NOTEBOOK_DPI), shown
