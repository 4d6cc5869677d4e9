"""Hampshire's figures as a typed pandas frame, charts of the report, and a table read back.

    python examples/frames_and_charts.py

Needs the ``tabular`` and ``plot`` extras (``pip install 'peelmodel[tabular,plot]'``).
Prints the frame's column types and a few rows, draws Figure 2 and Figure 4
of the report (Hampshire against England and Wales) into a temporary
folder, and reads a small table of outcome counts back as validated rows,
reporting a bad cell by row and column.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pandas as pd

from peelmodel import DocumentError, datasets, plot, tabular
from peelmodel.analysis import assess

# A numeric frame in one line: one row per figure, published values exact as text,
# low/high as float64 with their exact text beside them.
result = assess(datasets.load("hampshire-2015"))
frame = tabular.to_pandas(result)
print(frame.dtypes.to_string())
crime = frame[frame["source"] == "Figure 2"]
print(crime[["id", "published", "published_value", "low", "high", "status"]].to_string())
assert frame["published_value"].dtype == "float64"
assert all(
    Decimal(text) == result.figure(figure_id).claim.published
    for figure_id, text in zip(frame["id"], frame["published"], strict=True)
    if not pd.isna(text)
)

# The report's own charts, each a Chart around a matplotlib figure, saved to a temporary folder.
with tempfile.TemporaryDirectory() as folder:
    for source in ("Figure 2", "Figure 4"):
        chart = plot.against_national(result, source=source)
        path = Path(folder) / f"hampshire-{source.lower().replace(' ', '-')}.png"
        chart.save(path)
        assert path.stat().st_size > 0
        print(f"drew {source}: {len(chart.figure.axes[0].patches)} bars")

# A table of outcome counts (here two of the report's) comes back as validated OutcomeRate rows.
table = pd.DataFrame(
    {
        "force": ["Hampshire", "E23000030"],
        "outcome": ["Charged/summonsed", "type-8"],
        "period_start": ["2014-07-01", "2014-07-01"],
        "period_end": ["2015-06-30", "2015-06-30"],
        "count": [17420, 4134],
        "rate": ["14.4", "3.4"],
    }
)
for row in tabular.outcome_rates_from_frame(table, columns={"area": "force"}):
    print(f"{row.id}: {row.count} outcomes, {row.rate} per 100 offences ({row.period})")
try:
    tabular.outcome_rates_from_frame(
        table.assign(rate=["14.4", "three"]), columns={"area": "force"}
    )
except DocumentError as error:
    print(f"refused: {error.problems[0]}")
