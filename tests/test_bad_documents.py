"""Bad documents: each is refused with a DocumentError naming the exact JSON path.

Every test here runs on each JSON backend: the pure one and, with the
``fast`` extra, the fast one; both must give the same problems.
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from typing import Any

import pytest

from peelmodel import DocumentError, Inspection, PeelModelError, datasets, loads
from peelmodel.documents import backend

DATASET_TEXT = datasets.text("hampshire-2015")
DATASET = json.loads(DATASET_TEXT)

Mutation = Callable[[dict[str, Any]], None]


def put(*path: str | int, value: Any) -> Mutation:
    """Set the value at *path* (keys and indexes) of the document."""

    def mutate(document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def drop(*path: str | int) -> Mutation:
    """Remove the key at *path*."""

    def mutate(document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


def append(key: str, value: Any) -> Mutation:
    """Append *value* to the array under *key*."""

    def mutate(document: dict[str, Any]) -> None:
        document[key].append(value)

    return mutate


def both(*mutations: Mutation) -> Mutation:
    """Apply several mutations."""

    def mutate(document: dict[str, Any]) -> None:
        for mutation in mutations:
            mutation(document)

    return mutate


def mutated(mutation: Mutation) -> str:
    """The dataset text with *mutation* applied (NaN and Infinity written as JSON allows)."""
    document = copy.deepcopy(DATASET)
    mutation(document)
    return json.dumps(document)


def duplicated(*path: str | int, escaped: bool = False) -> str:
    """The dataset text with the key at *path* written twice (*escaped*: as ``\\u0063ount``)."""
    marker = "\u0000duplicate\u0000"
    value: Any = DATASET
    for step in path:
        value = value[step]
    key = str(path[-1])
    again = f'"\\u{ord(key[0]):04x}{key[1:]}"' if escaped else json.dumps(key)
    written = f"{json.dumps(key)}: {json.dumps(value)}"
    return mutated(put(*path, value=marker)).replace(
        f"{json.dumps(key)}: {json.dumps(marker)}", f"{written}, {again}: {json.dumps(value)}"
    )


# The row and figure indexes below are checked against the dataset in TestFixtureIndexes.
TYPE_2_ROW = 3  # outcome_rates[3]: Hampshire, caution - youths (691, 0.6)
BURGLARY_RATE = 25  # figures[25]: Hampshire burglary in a dwelling per 1,000 households (4.8)
DRUGS_SHARE = 44  # figures[44]: Hampshire OCGs, drug activity percent (56)
OFFICERS = 33  # figures[33]: "more than 600" officers

#: (id, document text, expected JSON paths in order, a fragment of the first message)
CASES: list[tuple[str, str | bytes, list[str], str]] = [
    ("unknown-top-level-key", mutated(put("colour", value="blue")), ["$.colour"], "unknown key"),
    (
        "unknown-nested-key",
        mutated(put("outcome_rates", TYPE_2_ROW, "colour", value="blue")),
        ["$.outcome_rates[3].colour"],
        "unknown key",
    ),
    (
        "unknown-key-in-judgment",
        mutated(put("judgments", 1, "weight", value=1)),
        ["$.judgments[1].weight"],
        "unknown key",
    ),
    (
        "string-count",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value="691")),
        ["$.outcome_rates[3].count"],
        "expected an integer, found '691'",
    ),
    (
        "float-count",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value=691.0)),
        ["$.outcome_rates[3].count"],
        "expected an integer, found 691.0",
    ),
    (
        "float-rate",
        mutated(put("outcome_rates", 0, "rate", value=14.4)),
        ["$.outcome_rates[0].rate"],
        "found 14.4",
    ),
    (
        "integer-rate",
        mutated(put("outcome_rates", 0, "rate", value=14)),
        ["$.outcome_rates[0].rate"],
        'written as a string, such as "14.4"',
    ),
    (
        "float-published",
        mutated(put("figures", BURGLARY_RATE, "published", value=4.8)),
        ["$.figures[25].published"],
        "found 4.8",
    ),
    (
        "published-with-spaces",
        mutated(put("figures", BURGLARY_RATE, "published", value=" 4.8")),
        ["$.figures[25].published"],
        "found ' 4.8'",
    ),
    (
        "published-seven-places",
        mutated(put("figures", BURGLARY_RATE, "published", value="4.8000001")),
        ["$.figures[25].published"],
        "a decimal number written as a string",
    ),
    (
        "published-exponent",
        mutated(put("figures", BURGLARY_RATE, "published", value="4.8e0")),
        ["$.figures[25].published"],
        "found '4.8e0'",
    ),
    (
        "nan-count",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value=math.nan)),
        ["$.outcome_rates[3].count"],
        "found NaN",
    ),
    (
        "infinity-count",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value=math.inf)),
        ["$.outcome_rates[3].count"],
        "found Infinity",
    ),
    (
        "negative-infinity-rate",
        mutated(put("outcome_rates", TYPE_2_ROW, "rate", value=-math.inf)),
        ["$.outcome_rates[3].rate"],
        "found -Infinity",
    ),
    (
        "bool-count",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value=True)),
        ["$.outcome_rates[3].count"],
        "expected an integer, found True",
    ),
    (
        "thirty-digit-count",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value=10**29)),
        ["$.outcome_rates[3].count"],
        "(30 digits)",
    ),
    (
        "count-above-maximum",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value=10**12 + 1)),
        ["$.outcome_rates[3].count"],
        "must be at most 1,000,000,000,000",
    ),
    (
        "negative-count",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value=-1)),
        ["$.outcome_rates[3].count"],
        "must not be negative (found -1)",
    ),
    (
        "adequate-in-peel-2015",
        mutated(put("judgments", 3, "grade", value="adequate")),
        ["$.judgments[3].grade"],
        "is not on the four-grade scale of PEEL 2015 (found 'adequate')",
    ),
    (
        "unknown-grade-label",
        mutated(put("judgments", 3, "grade", value="Requires improvement")),
        ["$.judgments[3].grade"],
        "found 'Requires improvement'",
    ),
    (
        "unknown-pillar",
        mutated(put("pillar", value="speed")),
        ["$.pillar"],
        "found 'speed'",
    ),
    (
        "unknown-basis",
        mutated(put("figures", BURGLARY_RATE, "basis", value="per-100")),
        ["$.figures[25].basis"],
        "found 'per-100'",
    ),
    (
        "unknown-qualifier",
        mutated(put("figures", OFFICERS, "qualifier", value="about")),
        ["$.figures[33].qualifier"],
        "found 'about'",
    ),
    (
        "unknown-force",
        mutated(put("force", value="atlantis")),
        ["$.force"],
        "unknown force 'atlantis'",
    ),
    (
        "england-and-wales-is-not-a-force",
        mutated(put("force", value="england-and-wales")),
        ["$.force"],
        "unknown force 'england-and-wales'",
    ),
    (
        "unknown-area",
        mutated(put("figures", BURGLARY_RATE, "area", value="narnia")),
        ["$.figures[25].area"],
        "unknown area 'narnia'",
    ),
    (
        "unrelated-area",
        mutated(
            both(
                put("figures", BURGLARY_RATE, "area", value="kent"),
                put("figures", BURGLARY_RATE, "id", value="kent.burglary-in-a-dwelling"),
            )
        ),
        ["$.figures[25].area"],
        "must be hampshire, its region or england-and-wales",
    ),
    (
        "unknown-question",
        mutated(put("judgments", 2, "question", value="peel-2015.effectiveness.9")),
        ["$.judgments[2].question"],
        "unknown question 'peel-2015.effectiveness.9'",
    ),
    (
        "unknown-finding-question",
        mutated(put("areas_for_improvement", 1, "question", value="q4")),
        ["$.areas_for_improvement[1].question"],
        "unknown question 'q4'",
    ),
    (
        "judgment-of-another-pillar",
        mutated(append("judgments", {"question": "peel-2015.efficiency.1", "grade": "good"})),
        ["$.judgments[5].question"],
        "found 'peel-2015.efficiency.1'",
    ),
    (
        "duplicate-judgment",
        mutated(append("judgments", {"question": "peel-2015.effectiveness.1", "grade": "good"})),
        ["$.judgments[5].question"],
        "is judged more than once",
    ),
    (
        "ungraded-question-judged",
        mutated(put("judgments", 1, "question", value="peel-2015.effectiveness.1.1")),
        ["$.judgments[1].question"],
        "is not a graded question",
    ),
    (
        "unknown-outcome",
        mutated(put("outcome_rates", TYPE_2_ROW, "outcome", value="type-99")),
        ["$.outcome_rates[3].outcome"],
        "unknown outcome 'type-99'",
    ),
    (
        "outcome-type-22-in-2015",
        mutated(put("outcome_rates", TYPE_2_ROW, "outcome", value="type-22")),
        ["$.outcome_rates[3].outcome"],
        "did not exist during 12 months to 30 June 2015",
    ),
    (
        "outcome-type-21-in-2015",
        mutated(put("outcome_rates", TYPE_2_ROW, "outcome", value="type-21")),
        ["$.outcome_rates[3].outcome"],
        "(in use from 2016-01-01)",
    ),
    (
        "duplicate-figure-id",
        mutated(
            put("figures", BURGLARY_RATE, "id", value=DATASET["figures"][BURGLARY_RATE - 1]["id"])
        ),
        ["$.figures[25].id"],
        "is also given by $.figures[24].id",
    ),
    (
        "percent-without-of",
        mutated(drop("figures", DRUGS_SHARE, "of")),
        ["$.figures[44].of"],
        "is required for a percent figure",
    ),
    (
        "object-where-array-belongs",
        mutated(put("judgments", value={})),
        ["$.judgments"],
        "expected an array, found an object with 0 keys",
    ),
    (
        "string-where-array-belongs",
        mutated(put("fieldwork", value="2015-09-01/2015-11-30")),
        ["$.fieldwork"],
        "expected an array",
    ),
    (
        "array-where-object-belongs",
        mutated(put("judgments", 0, value=["peel-2015.effectiveness", "good"])),
        ["$.judgments[0]"],
        "expected an object, found an array of 2 items",
    ),
    (
        "null-where-array-belongs",
        mutated(put("outcome_rates", value=None)),
        ["$.outcome_rates"],
        "expected an array, found None",
    ),
    (
        "number-in-string-array",
        mutated(put("notes", 0, value=5)),
        ["$.notes[0]"],
        "expected a string, found 5",
    ),
    (
        "duplicate-key",
        DATASET_TEXT.replace(
            '"pillar": "effectiveness",', '"pillar": "effectiveness", "pillar": "efficiency",', 1
        ),
        ["$"],
        "duplicate key 'pillar'",
    ),
    (
        "impossible-date",
        mutated(put("published", value="2015-02-30")),
        ["$.published"],
        "expected a real date, found '2015-02-30'",
    ),
    (
        "british-date",
        mutated(put("published", value="30/06/2015")),
        ["$.published"],
        "found '30/06/2015'",
    ),
    (
        "compact-iso-date",
        mutated(put("published", value="20160201")),
        ["$.published"],
        "found '20160201'",
    ),
    (
        "missing-required-key",
        mutated(drop("force")),
        ["$.force"],
        "required key missing",
    ),
    (
        "missing-nested-key",
        mutated(drop("judgments", 1, "grade")),
        ["$.judgments[1].grade"],
        "required key missing",
    ),
    (
        "blank-title",
        mutated(put("title", value="  ")),
        ["$.title"],
        "must be non-blank text",
    ),
    ("wrong-format", mutated(put("format", value="peel")), ["$.format"], "found 'peel'"),
    ("wrong-version", mutated(put("version", value=2)), ["$.version"], "expected 1, found 2"),
    ("string-version", mutated(put("version", value="1")), ["$.version"], "found '1'"),
    ("wrong-kind", mutated(put("kind", value="Force")), ["$.kind"], "found 'Force'"),
    ("missing-header", mutated(drop("format")), ["$.format"], "found None"),
    ("not-json", "PEEL: Police effectiveness 2015", ["$"], "not JSON"),
    ("empty-text", "", ["$"], "not JSON"),
    ("truncated-json", DATASET_TEXT[:200], ["$"], "not JSON"),
    ("array-document", "[1, 2]", ["$"], "expected an object, found an array of 2 items"),
    ("deeply-nested-arrays", "[" * 100_000 + "]" * 100_000, ["$"], "nested too deeply"),
    (
        "deeply-nested-objects",
        '{"a": ' * 100_000 + "1" + "}" * 100_000,
        ["$"],
        "nested too deeply",
    ),
    (
        "seventeen-digit-count",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value=10**16)),
        ["$.outcome_rates[3].count"],
        "expected an integer, found 10000000000000000",
    ),
    (
        "count-beyond-64-bits",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value=2**64)),
        ["$.outcome_rates[3].count"],
        "expected an integer, found 18446744073709551616",
    ),
    (
        "count-below-64-bits",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value=-(2**63) - 1)),
        ["$.outcome_rates[3].count"],
        "expected an integer, found -9223372036854775809",
    ),
    (
        "count-with-exponent",
        mutated(put("outcome_rates", TYPE_2_ROW, "count", value=1e300)),
        ["$.outcome_rates[3].count"],
        "expected an integer, found 1e+300",
    ),
    (
        "duplicate-nested-key",
        duplicated("outcome_rates", TYPE_2_ROW, "count"),
        ["$"],
        "duplicate key 'count'",
    ),
    (
        "duplicate-key-escaped",
        duplicated("judgments", 2, "grade", escaped=True),
        ["$"],
        "duplicate key 'grade'",
    ),
    (
        "byte-order-mark",
        "\ufeff" + DATASET_TEXT,
        ["$"],
        "starts with a byte order mark",
    ),
    (
        "utf-16",
        DATASET_TEXT.encode("utf-16"),
        ["$"],
        "not UTF-8 text: invalid start byte at byte 0",
    ),
    (
        "utf-16-without-byte-order-mark",
        DATASET_TEXT.encode("utf-16-le"),
        ["$"],
        "contains NUL characters",
    ),
    (
        "lone-surrogate",
        mutated(put("title", value="PEEL \ud800")),
        ["$.title"],
        "lone surrogate",
    ),
    (
        "several-problems",
        mutated(
            both(
                put("pillar", value="speed"),
                put("outcome_rates", TYPE_2_ROW, "count", value="x"),
                put("figures", BURGLARY_RATE, "published", value=1.5),
                put("judgments", 3, "grade", value="adequate"),
            )
        ),
        ["$.pillar", "$.judgments[3].grade", "$.outcome_rates[3].count", "$.figures[25].published"],
        "found 'speed'",
    ),
]

#: Bad periods. The message of a malformed period names the model's fields
#: ("period.start/end", "period.end") after the JSON path of the period string.
PERIOD_CASES: list[tuple[str, str, str]] = [
    (
        "period-reversed",
        mutated(put("outcome_rates", TYPE_2_ROW, "period", value="2015-06-30/2014-07-01")),
        "$.outcome_rates[3].period",
    ),
    (
        "period-not-a-period",
        mutated(put("outcome_rates", TYPE_2_ROW, "period", value="last year")),
        "$.outcome_rates[3].period",
    ),
    (
        "period-impossible-end",
        mutated(put("figures", BURGLARY_RATE, "period", value="2014-07-01/2015-06-31")),
        "$.figures[25].period",
    ),
    (
        "period-open-end",
        mutated(put("figures", BURGLARY_RATE, "period", value="2014-07-01/")),
        "$.figures[25].period",
    ),
    (
        "period-as-number",
        mutated(put("figures", BURGLARY_RATE, "period", value=20150630)),
        "$.figures[25].period",
    ),
]


def problems_of(text: str | bytes) -> DocumentError:
    """Load *text* as an Inspection and return the DocumentError it raises."""
    with pytest.raises(DocumentError) as caught:
        loads(text, Inspection)
    return caught.value


@pytest.mark.usefixtures("json_backend")
class TestFixtureIndexes:
    def test_indexes_point_where_the_cases_say(self):
        """The row and figure indexes used by the cases are the intended entries."""
        assert DATASET["outcome_rates"][TYPE_2_ROW]["outcome"] == "type-2"
        assert DATASET["outcome_rates"][2]["outcome"] == "out-of-court-formal"
        assert (
            DATASET["figures"][BURGLARY_RATE]["id"]
            == "hampshire.burglary-in-a-dwelling.per-1000-households"
        )
        assert DATASET["figures"][DRUGS_SHARE]["id"] == "hampshire.ocgs-drug-activity.percent"
        assert DATASET["figures"][OFFICERS]["qualifier"] == "more-than"
        assert len(DATASET["judgments"]) == 5

    def test_enough_distinct_cases(self):
        """At least 35 distinct bad documents are tried."""
        texts = {text for _, text, _, _ in CASES} | {text for _, text, _ in PERIOD_CASES}
        assert len(texts) >= 35
        assert len({case_id for case_id, *_ in CASES}) == len(CASES)

    def test_unmodified_dataset_loads(self):
        """The unmodified text is valid, so each case fails for its own change."""
        assert loads(DATASET_TEXT, Inspection) == datasets.load("hampshire-2015")


@pytest.mark.usefixtures("json_backend")
class TestBadDocuments:
    @pytest.mark.parametrize(
        ("text", "paths", "fragment"),
        [
            pytest.param(text, paths, fragment, id=case_id)
            for case_id, text, paths, fragment in CASES
        ],
    )
    def test_refused_with_paths(self, text, paths, fragment):
        """The document is refused; every problem's JSON path is listed, in order."""
        error = problems_of(text)
        assert isinstance(error, PeelModelError)
        assert isinstance(error, ValueError)
        assert [problem.path for problem in error.problems] == paths
        assert fragment in error.problems[0].message
        for path in paths:
            assert f"{path}: " in str(error)
        count = len(paths)
        assert f"({count} problem{'s' if count > 1 else ''})" in str(error)

    @pytest.mark.parametrize(
        ("text", "path"),
        [pytest.param(text, path, id=case_id) for case_id, text, path in PERIOD_CASES],
    )
    def test_bad_period(self, text, path):
        """A bad period is refused at (or directly under) the period's JSON path."""
        error = problems_of(text)
        assert len(error.problems) == 1
        found = error.problems[0].path
        assert found == path or found.startswith(f"{path}.")

    def test_not_utf8(self):
        """Bytes that are not UTF-8 are a DocumentError, not a UnicodeDecodeError."""
        error = problems_of(b"\xff\xfe\x00{")  # type: ignore[arg-type]
        assert [problem.path for problem in error.problems] == ["$"]

    def test_source_named(self):
        """The source given to loads() starts the message."""
        with pytest.raises(DocumentError, match=r"^copy\.json: invalid document \(1 problem\)"):
            loads("{", Inspection, source="copy.json")


class TestBackendsAgree:
    @pytest.mark.skipif("fast" not in backend.available(), reason="needs the fast extra")
    @pytest.mark.parametrize(
        "text",
        [pytest.param(text, id=case_id) for case_id, text, _, _ in CASES]
        + [pytest.param(text, id=case_id) for case_id, text, _ in PERIOD_CASES],
    )
    def test_same_problems(self, text):
        """The pure and fast backends report the same problems, message for message."""
        found = {}
        previous = backend.active()
        try:
            for name in ("pure", "fast"):
                backend.use(name)
                found[name] = [str(problem) for problem in problems_of(text).problems]
        finally:
            backend.use(previous)
        assert found["pure"] == found["fast"]
