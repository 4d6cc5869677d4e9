"""Typed data frames of peelmodel results, for pandas and polars (the ``tabular`` extra).

:func:`to_pandas` and :func:`to_polars` take every public result: an
inspection, an assessment, an aggregate (or several), a reconciliation, the
grades record (or some of its entries), a force's grade history, grade
distributions, checks of national statements, coverage rows, changes, or
outcome rows. They give one row per figure, grade, interval, grade count
or outcome row, with typed columns; a frame without rows has the same columns.

* Published values (``published``, ``derived``, ``rate``) keep the text
  they were published with in a string column (``"-11"``, ``"14.4"``), and
  their value beside it in ``published_value`` (``derived_value``,
  ``rate_value``): an exact ``Decimal`` column in polars (one scale per
  column: ``places`` keeps each figure's own precision), the nearest
  ``float64`` in pandas, which has no exact decimal type.
* Bounds (``low``, ``high``) are exact fractions, which neither library
  holds: both give ``float64`` columns, nearest floats, and keep the exact
  text (``"1750/31"``, ``"62.45"``) in ``low_exact`` and ``high_exact``.
* Dates are dates (``datetime64`` in pandas, ``Date`` in polars); counts and
  ranks are nullable integers; flags are booleans.
* Ids that repeat (area, force, programme, question, measure) and statuses
  are categories; ``grade`` is an ordered category, inadequate lowest; a
  row's own ``id``, labels and sources are strings.

>>> from peelmodel import datasets
>>> from peelmodel.analysis import assess
>>> frame = to_pandas(assess(datasets.load("hampshire-2015")))
>>> row = frame.set_index("id").loc["hampshire.recorded-crime.per-1000-population"]
>>> row["published"], float(row["published_value"]), row["status"], str(frame["low"].dtype)
('62.5', 62.5, 'consistent', 'float64')

A table of outcome counts of your own comes back as validated
:class:`~peelmodel.OutcomeRate` objects (:func:`outcome_rates_from_frame`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping

from peelmodel._tabular.frames import HAS_PANDAS, HAS_POLARS, pandas_frame, polars_frame
from peelmodel._tabular.reading import read_outcome_rates
from peelmodel._tabular.rows import Frameable, rows_of
from peelmodel._typecheck import checked, checked_but
from peelmodel.documents.records import to_records
from peelmodel.model.outcome import OutcomeRate

# Without the tabular extra, to_pandas and to_polars say how to install it.
with contextlib.suppress(ImportError):
    import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]
with contextlib.suppress(ImportError):
    import polars as pl  # type: ignore[import-not-found,unused-ignore]

__all__ = ["Frameable", "outcome_rates_from_frame", "to_pandas", "to_polars", "to_records"]


def _require(library: str, function: str) -> None:
    if not {"pandas": HAS_PANDAS, "polars": HAS_POLARS}[library]:
        raise ImportError(
            f"peelmodel.tabular.{function} needs {library}: pip install 'peelmodel[tabular]'"
        )


@checked_but("obj")
def to_pandas(obj: Frameable, *, kind: type | None = None) -> pd.DataFrame:
    """A pandas ``DataFrame`` of *obj*, one row per figure, grade or count, typed as the module says.

    An empty sequence gives a frame with the columns of *kind*'s rows (a
    class such as :class:`~peelmodel.OutcomeRate`; grade entries by
    default). Anything else is refused with
    :class:`~peelmodel.errors.UnsupportedObjectError`, a ``TypeError``.

    >>> from peelmodel import datasets, grades
    >>> frame = to_pandas(datasets.grades_record())
    >>> durham = frame[(frame.force == "durham") & (frame.question == "peel-2015.effectiveness")]
    >>> durham.grade.iloc[0], int(durham["rank"].iloc[0]), frame.grade.cat.ordered
    ('outstanding', 4, True)
    >>> to_pandas(grades.select(force="durham", region="london")).shape  # matches nothing
    (0, 14)
    """
    _require("pandas", "to_pandas")
    return pandas_frame(*rows_of(obj, kind=kind, function="to_pandas"))


@checked_but("obj")
def to_polars(obj: Frameable, *, kind: type | None = None) -> pl.DataFrame:
    """A polars ``DataFrame`` of *obj*, as :func:`to_pandas` gives it, typed as the module says.

    >>> from peelmodel import datasets
    >>> frame = to_polars(datasets.load("hampshire-2015"))
    >>> frame.schema["published"], frame.schema["published_value"], frame.schema["area"]
    (String, Decimal(precision=38, scale=1), Categorical)
    >>> frame.filter(frame["id"] == "hampshire.recorded-crime.change-since-2010")["published"][0]
    '-11'
    """
    _require("polars", "to_polars")
    return polars_frame(*rows_of(obj, kind=kind, function="to_polars"))


@checked
def outcome_rates_from_frame(
    frame: pd.DataFrame | pl.DataFrame, *, columns: Mapping[str, str] | None = None
) -> tuple[OutcomeRate, ...]:
    """Read a table of outcomes, one row per area, period and outcome, as validated rows.

    The columns are ``area`` (an area's id, name or ONS code), ``outcome``
    (``type-1``, a group id such as ``out-of-court-formal``, or a name),
    ``period_start`` and ``period_end`` (dates or ``YYYY-MM-DD`` text), and,
    where known, ``count``, ``rate`` (per 100 offences), ``offences`` and
    ``source``. *columns* maps these names to your frame's own.

    Numbers given as text follow the rule of JSON documents: ASCII digits,
    a minus sign and a decimal point only (no spaces, underscores, exponents
    or other scripts' digits). A ``rate`` given as text or ``Decimal`` is
    exact; a float is read by its shortest text (``14.4`` is
    ``Decimal("14.4")``), so give text to keep trailing zeros.

    Every bad cell is reported, by row (the frame's index) and column, in
    one :class:`~peelmodel.errors.DocumentError`.

    >>> import pandas as pd
    >>> table = pd.DataFrame({
    ...     "force": ["Hampshire", "hampshire"], "outcome": ["type-1", "Community resolution"],
    ...     "period_start": ["2014-07-01"] * 2, "period_end": ["2015-06-30"] * 2,
    ...     "count": [17420, 4134], "rate": ["14.4", "3.4"]})
    >>> rows = outcome_rates_from_frame(table, columns={"area": "force"})
    >>> rows[1].id, rows[1].rate, str(rows[1].period)
    ('hampshire.outcomes.type-8', Decimal('3.4'), '12 months to 30 June 2015')
    >>> outcome_rates_from_frame(table.assign(count=[17420, "1_234"]), columns={"area": "force"})
    Traceback (most recent call last):
    ...
    peelmodel.errors.DocumentError: frame: invalid document (1 problem): row 1, column 'count': expected a decimal number written as a string, such as "14.4", found '1_234'
    """
    return read_outcome_rates(frame, columns)
