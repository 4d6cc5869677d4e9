"""Tests of typed rows (documents.records.to_records) and frames (peelmodel.tabular)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peelmodel import (
    DocumentError,
    Grade,
    GradeEntry,
    GradesRecord,
    Inspection,
    InvalidValueError,
    OutcomeRate,
    PeelModelError,
    UnsupportedObjectError,
    datasets,
    grades,
    tabular,
)
from peelmodel._tabular.rows import COLUMNS, rows_of
from peelmodel.analysis.aggregation import Aggregate, national
from peelmodel.documents.hooks import structure_decimal
from peelmodel.documents.problems import StructureError
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
        """Nothing gives an empty frame, with the columns of grade entries."""
        frame = tabular.to_pandas([])
        assert frame.empty
        assert list(frame.columns) == list(tabular.to_pandas(datasets.grades_record()).columns)

    def test_missing_pandas(self, monkeypatch, report):
        """Without pandas, to_pandas says which extra to install."""
        monkeypatch.setattr(tabular, "HAS_PANDAS", False)
        with pytest.raises(ImportError, match=r"pip install 'peelmodel\[tabular\]'"):
            tabular.to_pandas(report)


class TestToPolars:
    def test_dtypes(self, assessment):
        """Published text is a string, its value a Decimal; bounds floats, dates Dates."""
        pl = pytest.importorskip("polars")
        frame = tabular.to_polars(assessment)
        schema = frame.schema
        assert schema["published"] == pl.String
        assert schema["published_value"] == pl.Decimal(38, 1)
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
                assert row["published_value"] is None
            else:
                assert row["published"] == str(published)
                assert row["published_value"] == published
                value = row["published_value"].quantize(Decimal(1).scaleb(-row["places"]))
                assert value.as_tuple() == published.as_tuple()

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


def _results(report, assessment):
    """Every public result a frame is made of, by name."""
    return {
        "Inspection": report,
        "Assessment": assessment,
        "Reconciliation": assessment.reconciliation,
        "Aggregate": national([report]),
        "GradesRecord": datasets.grades_record(),
        "GradeEntry": grades.select(force="hampshire"),
        "OutcomeRate": report.outcome_rates,
        "History": grades.history("hampshire"),
        "Distribution": grades.distribution("peel-2017.legitimacy"),
        "Distributions": grades.by_region("peel-2017.legitimacy"),
        "StatementCheck": grades.check_statements(),
        "Coverage": grades.coverage(),
        "Change": grades.changes(force="humberside"),
    }


RESULTS = [
    *("Inspection", "Assessment", "Reconciliation", "Aggregate", "GradesRecord", "GradeEntry"),
    *("OutcomeRate", "History", "Distribution", "Distributions", "StatementCheck", "Coverage"),
    "Change",
]


def _pandas_kind(dtype):
    """What a pandas column holds, without the values' own categories."""
    return (
        "category" if isinstance(dtype, pd.CategoricalDtype) and not dtype.ordered else str(dtype)
    )


class TestEveryResult:
    @pytest.mark.parametrize("name", RESULTS)
    def test_pandas(self, name, report, assessment):
        """Every public result becomes a pandas frame with rows."""
        frame = tabular.to_pandas(_results(report, assessment)[name])
        assert len(frame) > 0
        assert len(frame.columns) > 3

    @pytest.mark.parametrize("name", RESULTS)
    def test_polars(self, name, report, assessment):
        """And a polars frame with the same columns and rows."""
        pytest.importorskip("polars")
        obj = _results(report, assessment)[name]
        assert tabular.to_polars(obj).columns == list(tabular.to_pandas(obj).columns)
        assert tabular.to_polars(obj).height == len(tabular.to_pandas(obj))

    def test_distribution_rows(self):
        """A distribution has one row per grade of its scale and per state, counting forces."""
        found = grades.distribution("peel-2017.legitimacy")
        frame = tabular.to_pandas(found).set_index("state")
        graded = frame.loc["graded"]
        assert list(graded["grade"]) == [grade.value for grade, _ in found.by_grade]
        assert list(graded["count"]) == [len(held) for _, held in found.by_grade]
        assert frame.loc["unknown", "count"] == len(found.unknown)
        assert int(frame["count"].sum()) == len(found.members)

    def test_history_rows(self):
        """A history has one row per entry, as the grades record has."""
        history = grades.history("hampshire")
        frame = tabular.to_pandas(history)
        assert list(frame["question"]) == [entry.question.id for entry in history.entries]
        assert list(frame.columns) == list(tabular.to_pandas(datasets.grades_record()).columns)

    def test_statement_rows(self):
        """A statement check counts what the record holds and what it could hold."""
        checks = grades.check_statements()
        frame = tabular.to_pandas(checks)
        assert list(frame["counted"]) == [check.low for check in checks]
        assert list(frame["possible"]) == [check.high for check in checks]
        assert list(frame["status"].astype(str)) == [check.status.value for check in checks]

    @pytest.mark.parametrize(
        "name", ["Inspection", "Assessment", "Reconciliation", "GradesRecord", "OutcomeRate"]
    )
    def test_columns_known(self, name, report, assessment):
        """The columns a frame without rows gets are the columns of the rows themselves."""
        obj = _results(report, assessment)[name]
        assert tuple(to_records(obj)[0]) == rows_of(obj)[1]

    def test_aggregate_columns_known(self, report):
        """Aggregates' rows have the columns an empty aggregate frame gets."""
        assert tuple(to_records(national([report]))[0]) == COLUMNS[Aggregate]


def _emptied(obj):
    """*obj* with no rows: an empty container of the same kind, or an empty sequence."""
    if isinstance(obj, GradesRecord):
        return GradesRecord(entries=())
    if isinstance(obj, grades.History):
        return attrs.evolve(obj, entries=())
    if isinstance(obj, Inspection):
        return attrs.evolve(obj, figures=(), outcome_rates=())
    return None


class TestEmptyFrames:
    @pytest.mark.parametrize("name", ["GradesRecord", "History", "Inspection"])
    def test_empty_container(self, name, report, assessment):
        """An empty record, history or report has the columns and types of a full one."""
        obj = _results(report, assessment)[name]
        full, empty = tabular.to_pandas(obj), tabular.to_pandas(_emptied(obj))
        assert empty.empty
        assert list(empty.columns) == list(full.columns)
        assert [_pandas_kind(t) for t in empty.dtypes] == [_pandas_kind(t) for t in full.dtypes]

    @pytest.mark.parametrize(
        "kind", [OutcomeRate, GradeEntry, Aggregate, grades.Distribution, grades.Change]
    )
    def test_empty_sequence_of_kind(self, kind, report, assessment):
        """An empty sequence named by kind has the columns of that kind's rows."""
        names = {OutcomeRate: "OutcomeRate", GradeEntry: "GradeEntry", Aggregate: "Aggregate"}
        names |= {grades.Distribution: "Distribution", grades.Change: "Change"}
        full = tabular.to_pandas(_results(report, assessment)[names[kind]])
        empty = tabular.to_pandas((), kind=kind)
        assert list(empty.columns) == list(full.columns)
        assert [_pandas_kind(t) for t in empty.dtypes] == [_pandas_kind(t) for t in full.dtypes]

    def test_empty_selection(self):
        """A selection that matches nothing has the grade columns, typed."""
        others = tuple(e for e in grades.record().entries if e.force.id != "hampshire")
        record = GradesRecord(entries=others)
        frame = tabular.to_pandas(grades.select(force="hampshire", record=record))
        assert frame.empty
        assert frame["grade"].cat.ordered
        assert frame["rank"].dtype == "Int64"
        assert api.is_datetime64_any_dtype(frame["last_updated"])

    def test_empty_polars(self, report):
        """polars gives an empty frame the same schema, decimals aside (their scale comes from values)."""
        pl = pytest.importorskip("polars")
        full = tabular.to_polars(report.outcome_rates)
        empty = tabular.to_polars((), kind=OutcomeRate)
        assert empty.height == 0
        assert empty.columns == full.columns
        for column in full.columns:
            if isinstance(full.schema[column], pl.Decimal):
                assert isinstance(empty.schema[column], pl.Decimal)
            else:
                assert empty.schema[column] == full.schema[column], column

    def test_unknown_kind(self):
        """A kind without rows is refused by name."""
        with pytest.raises(InvalidValueError, match="kind"):
            tabular.to_pandas((), kind=int)


class TestPublishedText:
    def test_pandas_keeps_text(self, report):
        """pandas keeps each published value's text exactly: -11 is '-11', 29.0 is '29.0'."""
        frame = tabular.to_pandas(report).set_index("id")
        for claim_id, published in _published(report).items():
            assert frame.loc[claim_id, "published"] == str(published)
        assert frame.loc["hampshire.recorded-crime.change-since-2010", "published"] == "-11"

    def test_polars_keeps_text(self, report):
        """polars keeps the text as a String column: -11 never becomes -11.0."""
        pl = pytest.importorskip("polars")
        frame = tabular.to_polars(report)
        assert frame.schema["published"] == pl.String
        texts = dict(zip(frame["id"], frame["published"], strict=True))
        for claim_id, published in _published(report).items():
            assert texts[claim_id] == str(published)
        assert texts["hampshire.recorded-crime.change-since-2010"] == "-11"

    def test_polars_value_exact(self, report):
        """The Decimal beside the text equals the published value."""
        pytest.importorskip("polars")
        frame = tabular.to_polars(report)
        for row in frame.iter_rows(named=True):
            if row["published"] is not None:
                assert row["published_value"] == Decimal(row["published"])


def _published(report):
    return {
        row["id"]: row["published"] for row in to_records(report) if row["published"] is not None
    }


class TestRefused:
    @pytest.mark.parametrize(
        "obj",
        [42, "hampshire", {"a": 1}, [42], object(), 3.5, b"x"],
        ids=lambda obj: type(obj).__name__,
    )
    def test_short_type_error(self, obj):
        """Anything else is refused with a short TypeError that names its type."""
        with pytest.raises(UnsupportedObjectError) as caught:
            tabular.to_pandas(obj)
        error = caught.value
        assert isinstance(error, TypeError)
        assert isinstance(error, PeelModelError)
        assert len(str(error)) < 200
        form = r"peelmodel\.tabular\.to_pandas\.obj: takes .+, not an? (\w+); \1 given"
        assert re.fullmatch(form, str(error))

    def test_big_object(self, report):
        """A big object's value never fills the message: only its type is named."""
        with pytest.raises(UnsupportedObjectError) as caught:
            tabular.to_polars(report.figures[0])
        assert len(str(caught.value)) < 200
        assert str(caught.value).endswith("not a Figure; Figure given")

    def test_mixed_items(self, report):
        """Items of two kinds are refused at the first odd one, by type."""
        entry = datasets.grades_record().entries[0]
        with pytest.raises(InvalidValueError, match=r"obj\[1\]") as caught:
            tabular.to_pandas([report.outcome_rates[0], entry])
        assert len(str(caught.value)) < 200


NUMBERS = ["١٢", "１２", "1_4", "12 ", " 12", "1e3", "+12", "0x1f", "۱۲", "12.", ".5", "--1"]


class TestNumberRule:
    @pytest.mark.parametrize("text", NUMBERS)
    def test_rate_text(self, text):
        """Rate text that a document could not hold is refused, by row and column."""
        table = _table(rate=["14.4", text])
        with pytest.raises(DocumentError) as caught:
            tabular.outcome_rates_from_frame(table, columns={"area": "force"})
        [problem] = caught.value.problems
        assert problem.path == "row 1, column 'rate'"
        with pytest.raises(StructureError) as loader:
            structure_decimal(text, Decimal)
        assert problem.message == str(loader.value)

    @pytest.mark.parametrize("text", [*NUMBERS, "12.0", "1_234"])
    def test_count_text(self, text):
        """Count text follows the same rule, and must be whole."""
        table = _table(count=[17420, text])
        with pytest.raises(DocumentError, match=r"row 1, column 'count'"):
            tabular.outcome_rates_from_frame(table, columns={"area": "force"})

    def test_ascii_text_read(self):
        """ASCII digits as text are read, exactly."""
        rows = tabular.outcome_rates_from_frame(
            _table(count=["17420", "4134"], rate=["14.40", "0.50"]), columns={"area": "force"}
        )
        assert (rows[0].count, rows[0].rate, rows[1].rate) == (
            17420,
            Decimal("14.40"),
            Decimal("0.50"),
        )

    @pytest.mark.parametrize(
        "value",
        [Decimal("sNaN"), Decimal("NaN"), Decimal("Infinity"), float("inf"), True, 1 + 2j, [1]],
        ids=repr,
    )
    def test_odd_values(self, value):
        """Odd cell values are problems of the document, never a bare error."""
        table = _table(count=pd.Series([17420, value], dtype=object))
        with pytest.raises(DocumentError, match=r"row 1, column 'count'"):
            tabular.outcome_rates_from_frame(table, columns={"area": "force"})

    def test_numpy_bool(self):
        """numpy's booleans are not counts."""
        np = pytest.importorskip("numpy")
        table = _table(count=pd.Series([17420, np.True_], dtype=object))
        with pytest.raises(DocumentError, match=r"row 1, column 'count'"):
            tabular.outcome_rates_from_frame(table, columns={"area": "force"})

    def test_repeated_column(self):
        """A column name given twice is a problem of the frame."""
        table = _table()
        table.columns = ["force", "outcome", "period_start", "period_end", "count", "count"]
        with pytest.raises(DocumentError, match="column 'count': appears more than once"):
            tabular.outcome_rates_from_frame(table, columns={"area": "force"})

    @given(
        st.lists(
            st.one_of(
                st.text(max_size=8),
                st.integers(),
                st.floats(),
                st.decimals(),
                st.booleans(),
                st.none(),
            ),
            min_size=2,
            max_size=2,
        ),
        st.sampled_from(["count", "rate", "offences", "force", "period_start"]),
    )
    def test_never_a_bare_error(self, cells, column):
        """Whatever a cell holds, the rows are read or a DocumentError names the problems."""
        table = _table(**{column: pd.Series(cells, dtype=object)})
        try:
            tabular.outcome_rates_from_frame(table, columns={"area": "force"})
        except DocumentError as error:
            problems = error.problems
        else:
            problems = []
        assert all(p.path.startswith("row ") for p in problems)
