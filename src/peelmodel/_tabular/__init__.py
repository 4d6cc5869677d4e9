"""What :mod:`peelmodel.tabular` is built from: the rows of every result, their columns, the frames.

``rows`` gives each public result its typed rows and its columns (also when
it has no rows), ``frames`` builds pandas and polars frames from them, and
``reading`` reads a frame of outcome counts back, cell by cell.
"""

from __future__ import annotations

__all__: list[str] = []
