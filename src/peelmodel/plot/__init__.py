"""Charts of peelmodel results, drawn with matplotlib (the ``plot`` extra).

Each function returns a :class:`Chart`: a notebook shows it as an image when
it is a cell's last value (no ``%matplotlib`` magic needed), ``chart.save(path)``
writes it, and ``chart.figure`` is the matplotlib
:class:`~matplotlib.figure.Figure`, built with the object API and touching no
pyplot state. Every chart names its source and period in a footnote. Values
are drawn as floats (matplotlib draws nothing else); the labels print each
published value exactly as the report does.

>>> from peelmodel import datasets
>>> chart = against_national(datasets.load("hampshire-2015"), source="Figure 4")
>>> [label.get_text() for label in chart.figure.axes[0].get_yticklabels()][:2]
['Charged/summonsed', 'Taken into consideration']
"""

from __future__ import annotations

from peelmodel.plot._chart import Chart
from peelmodel.plot._grades import GRADE_COLOURS, STATE_STYLES, grade_distribution
from peelmodel.plot._history import grades_over_time
from peelmodel.plot._report import against_national, inferred_ranges

__all__ = [
    "GRADE_COLOURS",
    "STATE_STYLES",
    "Chart",
    "against_national",
    "grade_distribution",
    "grades_over_time",
    "inferred_ranges",
]
