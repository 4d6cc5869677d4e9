"""Tests of typed rows (documents.records.to_records) and frames (peelmodel.tabular)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from peelmodel import DocumentError, Grade, InvalidValueError, datasets, grades, tabular
from peelmodel.analysis.aggregation import national
from peelmodel.documents.records import to_records

pd = pytest.importorskip("pandas")
api = pd.api.types


@pytest.fixture(scope="module")
def frame(assessment):
    return tabular.to_pandas(assessment)


def _table(**changes):
    """A user's own table of two outcome rows, with *changes* to its columns."""
    columns = {
        "force": ["Hampshire", "E23000030"],
        "outcome": ["type-1", "Community resolution"],
        "period_start": ["2014-07-01", "2014-07-01"],
        "period_end": [date(2015, 6, 30), date(2015, 6, 30)],
        "count": [17420, 4134],
        "rate": ["14.4", "3.4"],
    }
    return pd.DataFrame(columns | changes)


class TestToRecords:
    def test_inspection_rows_typed(self, report):
        """An inspection's rows hold Decimal values with their places, and dates."""
        rows = {row["id"]: row for row in to_records(report)}
        row = rows["hampshire.sexual-offences.per-1000-population"]
        assert row["published"] == Decimal("2.0")
        assert row["places"] == 1
        assert (row["period_start"], row["period_end"]) == (date(2014, 7, 1), date(2015, 6, 30))
        assert (row["area"], row["basis"], row["qualifier"]) == (
            "hampshire",
            "per-1000-population",
            "exactly",
        )
        assert "status" not in row

    def test_assessment_rows_exact(self, assessment):
        """An assessment's rows hold exact Fraction bounds within the published band."""
        rows = to_records(assessment)
        assert len(rows) == len(assessment.figures) + len(assessment.lost)
        for row in rows:
            result = assessment.figure(row["id"])
            assert (row["low"], row["status"]) == (result.low, result.status.value)
            assert isinstance(row["low"], Fraction)
            band = result.claim.band
            if band is not None and row["high"] is not None:
                assert row["low"] in band or row["low"] == band.low
                assert band.high is None or row["high"] <= band.high

    def test_unbounded_high_is_none(self, assessment):
        """A value nothing bounds has no high."""
        rows = to_records(assessment)
        assert {row["high"] is None for row in rows} == {True, False}
        assert all((row["high"] is None) is not row["bounded"] for row in rows)

    def test_digits(self, assessment):
        """With digits, bounds are Decimals rounded half up."""
        row = next(
            row
            for row in to_records(assessment, digits=2)
            if row["id"] == "hampshire.ocgs-drug-activity.percent"
        )
        assert (row["low"], row["high"]) == (Decimal("56.45"), Decimal("56.45"))

    def test_grades_record(self):
        """The grades record gives one row per entry, with the grade, its rank and dates."""
        record = datasets.grades_record()
        rows = to_records(record)
        assert len(rows) == len(record.entries)
        durham = next(
            row
            for row in rows
            if (row["force"], row["question"]) == ("durham", "peel-2015.effectiveness")
        )
        assert (durham["grade"], durham["rank"], durham["state"]) == ("outstanding", 4, "graded")
        assert any(isinstance(row["last_updated"], date) for row in rows)

    def test_grade_entries(self):
        """Selected entries give their own rows."""
        entries = grades.select(force="kent", programme="peel-2016")
        assert [row["question"] for row in to_records(entries)] == [
            entry.question.id for entry in entries
        ]

    def test_reconciliation(self, assessment):
        """A reconciliation gives one row per inferred quantity, stocks without a period."""
        rows = {row["id"]: row for row in to_records(assessment.reconciliation)}
        drugs = rows["hampshire.ocgs-drug-activity.at-2015-06-30"]
        assert (drugs["low"], drugs["high"], drugs["exact"]) == (35, 35, True)
        population = rows["hampshire.population"]
        assert population["period_start"] is None

    def test_outcome_rows(self, report):
        """Outcome rows give one row each, with a Decimal rate."""
        rows = to_records(report.outcome_rates)
        assert len(rows) == len(report.outcome_rates)
        assert (rows[0]["outcome"], rows[0]["count"], rows[0]["rate"]) == (
            "type-1",
            17420,
            Decimal("14.4"),
        )

    def test_aggregate(self, report):
        """An aggregate gives one row per figure, its bounds exact."""
        group = national([report])
        rows = to_records(group)
        assert len(rows) == len(group.figures)
        assert all(isinstance(row["low"], Fraction) for row in rows)
        assert {row["method"] for row in rows} == {"ratio-of-sums"}

    def test_mixed_items_refused(self, report):
        """Items of different kinds are refused, naming the first odd one."""
        entry = datasets.grades_record().entries[0]
        with pytest.raises(InvalidValueError, match=r"obj\[1\]"):
            to_records([report.outcome_rates[0], entry])

    @pytest.mark.parametrize("obj", [42, "hampshire", [42]])
    def test_other_objects_refused(self, obj):
        """Objects without rows are refused, strings included."""
        with pytest.raises(InvalidValueError, match="to_records"):
            to_records(obj)


class TestToPandas:
    def test_assessment_dtypes(self, frame):
        """Numbers are numeric, dates are dates, ids and statuses categories."""
        for column in ("published_value", "low", "high", "derived_value"):
            assert frame[column].dtype == "float64", column
        for column in ("period_start", "period_end"):
            assert api.is_datetime64_any_dtype(frame[column]), column
        for column in ("area", "measure", "basis", "status", "qualifier"):
            assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
        for column in ("id", "published", "low_exact", "high_exact", "label"):
            assert api.is_string_dtype(frame[column]), column
        assert frame["places"].dtype == "Int64"
        assert frame["exact"].dtype == bool

    def test_published_round_trip(self, frame, assessment):
        """The published text gives back each exact Decimal, precision and all."""
        for index, figure_id in enumerate(frame["id"]):
            published = assessment.figure(figure_id).claim.published
            text = frame["published"][index]
            if published is None:
                assert pd.isna(text)
            else:
                assert Decimal(text).as_tuple() == published.as_tuple()
                assert frame["published_value"][index] == float(published)

    def test_bounds_exact_text(self, frame, assessment):
        """The exact text of each bound is the Fraction; the float is its nearest float."""
        for index, figure_id in enumerate(frame["id"]):
            result = assessment.figure(figure_id)
            assert Fraction(frame["low_exact"][index]) == result.low
            assert frame["low"][index] == float(result.low)

    def test_bounds_within_band(self, frame):
        """Every published figure's bounds lie within the band its rounding allows."""
        published = frame.dropna(subset=["published"]).dropna(subset=["high"])
        half = 0.5 * 10.0 ** -published["places"].astype("float64")
        value = published["published_value"]
        more_than = published["qualifier"] == "more-than"
        assert ((published["low"] >= value - half - 1e-9) | more_than).all()
        assert ((published["high"] <= value + half + 1e-9) | more_than).all()

    def test_grades_dtypes(self):
        """Grades are an ordered category, ranks nullable integers, dates dates."""
        grades_frame = tabular.to_pandas(datasets.grades_record())
        assert grades_frame["grade"].cat.ordered
        assert list(grades_frame["grade"].cat.categories) == [
            "inadequate",
            "requires-improvement",
            "adequate",
            "good",
            "outstanding",
        ]
        assert grades_frame["rank"].dtype == "Int64"
        assert api.is_datetime64_any_dtype(grades_frame["last_updated"])
        assert grades_frame["grade"].max() == Grade.OUTSTANDING.value
        assert grades_frame["grade"].min() == Grade.INADEQUATE.value

    def test_aggregate_and_intervals(self, report, assessment):
        """Aggregates and reconciliations become numeric frames too."""
        group = tabular.to_pandas(national([report]))
        assert group["low"].dtype == "float64"
        assert isinstance(group["method"].dtype, pd.CategoricalDtype)
        intervals = tabular.to_pandas(assessment.reconciliation)
        drugs = intervals.set_index("id").loc["hampshire.ocgs-drug-activity.at-2015-06-30"]
        assert (drugs["low"], drugs["high_exact"]) == (35.0, "35")

    def test_empty(self):
        """Nothing gives an empty frame."""
        assert tabular.to_pandas([]).empty

    def test_missing_pandas(self, monkeypatch, report):
        """Without pandas, to_pandas says which extra to install."""
        monkeypatch.setattr(tabular, "_HAS_PANDAS", False)
        with pytest.raises(ImportError, match=r"pip install 'peelmodel\[tabular\]'"):
            tabular.to_pandas(report)


class TestToPolars:
    def test_dtypes(self, assessment):
        """Published values are Decimals, bounds floats, dates Dates, ids categories."""
        pl = pytest.importorskip("polars")
        frame = tabular.to_polars(assessment)
        schema = frame.schema
        assert schema["published"] == pl.Decimal(38, 1)
        assert schema["low"] == pl.Float64
        assert schema["low_exact"] == pl.String
        assert schema["period_end"] == pl.Date
        assert schema["status"] == pl.Categorical
        assert schema["places"] == pl.Int64

    def test_values_exact(self, assessment):
        """Each Decimal is the published value; places gives its precision back."""
        pytest.importorskip("polars")
        frame = tabular.to_polars(assessment)
        for row in frame.iter_rows(named=True):
            published = assessment.figure(row["id"]).claim.published
            if published is None:
                assert row["published"] is None
            else:
                assert row["published"] == published
                assert row["published"].quantize(Decimal(1).scaleb(-row["places"])).as_tuple() == (
                    published.as_tuple()
                )

    def test_grades_enum(self):
        """Grades are an ordered enumeration."""
        pl = pytest.importorskip("polars")
        frame = tabular.to_polars(datasets.grades_record())
        assert frame.schema["grade"] == pl.Enum(
            ["inadequate", "requires-improvement", "adequate", "good", "outstanding"]
        )
        assert frame.schema["last_updated"] == pl.Date


class TestOutcomeRatesFromFrame:
    def test_round_trip_pandas(self, report):
        """The outcome rows of a report come back equal from their own frame."""
        frame = tabular.to_pandas(report.outcome_rates)
        assert tabular.outcome_rates_from_frame(frame) == report.outcome_rates

    def test_round_trip_polars(self, report):
        """And from a polars frame."""
        pytest.importorskip("polars")
        frame = tabular.to_polars(report.outcome_rates)
        assert tabular.outcome_rates_from_frame(frame) == report.outcome_rates

    def test_own_table(self):
        """A user's table reads by area name or ONS code, outcome id or name, text or dates."""
        rows = tabular.outcome_rates_from_frame(_table(), columns={"area": "force"})
        assert [row.id for row in rows] == [
            "hampshire.outcomes.type-1",
            "hampshire.outcomes.type-8",
        ]
        assert rows[0].rate == Decimal("14.4")
        assert str(rows[0].period) == "12 months to 30 June 2015"

    def test_float_cells(self):
        """A float rate is read by its shortest text, an integral float count as a whole number."""
        table = _table(rate=[14.4, 3.4], count=[17420.0, 4134.0])
        rows = tabular.outcome_rates_from_frame(table, columns={"area": "force"})
        assert (rows[0].rate, rows[0].count) == (Decimal("14.4"), 17420)

    def test_bad_cell_by_row_and_column(self):
        """A bad cell is reported with its row label and column."""
        table = _table(rate=["14.4", "three"]).set_axis(["first", "second"])
        with pytest.raises(DocumentError) as caught:
            tabular.outcome_rates_from_frame(table, columns={"area": "force"})
        [problem] = caught.value.problems
        assert problem.path == "row second, column 'rate'"
        assert "'three'" in problem.message

    def test_every_problem(self):
        """Every bad cell is reported, model rules included."""
        table = _table(force=["Atlantis", "hampshire"], count=[1.5, -2])
        with pytest.raises(DocumentError) as caught:
            tabular.outcome_rates_from_frame(table, columns={"area": "force"})
        paths = [problem.path for problem in caught.value.problems]
        assert paths == ["row 0, column 'force'", "row 0, column 'count'", "row 1, column 'count'"]

    def test_period_rule(self):
        """A period that ends before it starts is reported at its end column."""
        table = _table(period_start=["2016-07-01", "2014-07-01"])
        with pytest.raises(DocumentError) as caught:
            tabular.outcome_rates_from_frame(table, columns={"area": "force"})
        assert [p.path for p in caught.value.problems] == ["row 0, column 'period_end'"]

    def test_duplicates(self):
        """The same outcome twice for one area and period is reported."""
        table = _table(outcome=["type-1", "Charged/summonsed"])
        with pytest.raises(DocumentError, match=r"row 1, column 'outcome': type-1 appears again"):
            tabular.outcome_rates_from_frame(table, columns={"area": "force"})

    def test_missing_column(self):
        """A required column that is missing is reported by name."""
        with pytest.raises(DocumentError, match="column 'area': is required but missing"):
            tabular.outcome_rates_from_frame(_table())

    def test_empty_required_cell(self):
        """An empty required cell is reported."""
        table = _table(outcome=["type-1", None])
        with pytest.raises(DocumentError, match="row 1, column 'outcome': is required but empty"):
            tabular.outcome_rates_from_frame(table, columns={"area": "force"})

    def test_unknown_field(self):
        """Columns can only be named for the fields of an outcome row."""
        with pytest.raises(InvalidValueError, match="columns"):
            tabular.outcome_rates_from_frame(_table(), columns={"force": "area"})

    def test_not_a_frame(self):
        """Only data frames are read."""
        with pytest.raises(InvalidValueError, match="DataFrame"):
            tabular.outcome_rates_from_frame([{"area": "kent"}])
