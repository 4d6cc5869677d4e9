"""JSON documents: every public class survives a round trip, and headers are checked.

The tests run on each JSON backend: the pure one and, with the ``fast``
extra, the fast one.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

import peelmodel
from peelmodel import (
    FIVE_GRADE,
    FOUR_GRADE,
    AreaForImprovement,
    Basis,
    CauseOfConcern,
    DocumentError,
    Figure,
    Grade,
    Inspection,
    Judgment,
    OutcomeRate,
    Period,
    Pillar,
    Qualifier,
    Recommendation,
    datasets,
    dumps,
    loads,
)
from peelmodel.catalogues import areas, forces, outcomes, programmes, questions

JUNE_2015 = Period.twelve_months_to(date(2015, 6, 30))
Q2 = questions.get("peel-2015.effectiveness.2")
Q3 = questions.get("peel-2015.effectiveness.3")
RECOMMENDATION = Recommendation(question=Q3, text="Act on the findings within three months.")

#: One value of every public class that dumps() writes, with an id for the test name.
VALUES = {
    "force": forces.get("hampshire"),
    "area-national": areas.get("england-and-wales"),
    "area-region": areas.get("south-east-region"),
    "scale-four": FOUR_GRADE,
    "scale-five": FIVE_GRADE,
    "programme": programmes.get("peel-2015"),
    "question-headline": questions.get("peel-2015.effectiveness"),
    "question-diagnostic": questions.get("peel-2015.effectiveness.2.2.1"),
    "judgment": Judgment(question=Q3, grade=Grade.REQUIRES_IMPROVEMENT),
    "outcome-type": outcomes.type(8),
    "outcome-group": outcomes.group("out-of-court-formal"),
    "outcome-rate-type": OutcomeRate(
        area=forces.get("hampshire"),
        period=JUNE_2015,
        outcome=outcomes.type(1),
        count=17_420,
        rate=Decimal("14.4"),
        source="Figure 4",
    ),
    "outcome-rate-group": OutcomeRate(
        area=areas.get("england-and-wales"),
        period=JUNE_2015,
        outcome=outcomes.group("out-of-court-informal"),
        rate=Decimal("4.40"),
        offences=3_615_000,
    ),
    "area-for-improvement": AreaForImprovement(question=Q2, text="Supervise investigations."),
    "recommendation": RECOMMENDATION,
    "cause-of-concern": CauseOfConcern(
        question=Q3, text="Vulnerable people are at risk.", recommendations=(RECOMMENDATION,)
    ),
    "figure-rate": Figure(
        id="hampshire.recorded-crime.per-1000-population",
        label="Recorded crime (excluding fraud)",
        measure="recorded-crime",
        area=forces.get("hampshire"),
        period=JUNE_2015,
        basis=Basis.PER_1000_POPULATION,
        published=Decimal("2.0"),
        source="Figure 2",
    ),
    "figure-change": Figure(
        id="hampshire.recorded-crime.change-since-2010",
        label="Change in recorded crime",
        measure="recorded-crime",
        area=forces.get("hampshire"),
        period=JUNE_2015,
        basis=Basis.PERCENTAGE_CHANGE,
        published=Decimal(-11),
        baseline=Period.twelve_months_to(date(2010, 6, 30)),
        source="Summary",
    ),
    "figure-percent-excluding": Figure(
        id="england-and-wales.ocgs-drug-activity.percent",
        label="Drug activity",
        measure="ocgs-drug-activity",
        area=areas.get("england-and-wales"),
        period=Period.as_at(date(2015, 6, 30)),
        basis=Basis.PERCENT,
        published=Decimal(64),
        of="ocgs",
        excluding=(forces.get("metropolitan"),),
        source="footnote 23",
    ),
    "figure-lost-bound": Figure(
        id="hampshire.officers.count",
        label="Officers trained",
        measure="officers",
        area=forces.get("hampshire"),
        period=Period(start=date(2015, 9, 1), end=date(2015, 11, 30)),
        basis=Basis.COUNT,
        published=None,
        qualifier=Qualifier.MORE_THAN,
        source="Text",
    ),
    "period-range": JUNE_2015,
    "period-instant": Period.as_at(date(2015, 6, 30)),
    "inspection-minimal": Inspection(
        force=forces.get("kent"),
        programme=programmes.get("peel-2015"),
        pillar=Pillar.EFFICIENCY,
        title="PEEL: Police efficiency 2015",
        published=date(2015, 10, 1),
    ),
    "inspection-hampshire": datasets.load("hampshire-2015"),
}


pytestmark = pytest.mark.usefixtures("json_backend")


class TestRoundTrip:
    @pytest.mark.parametrize("value", list(VALUES.values()), ids=list(VALUES))
    def test_round_trip(self, value):
        """loads(dumps(x), type(x)) == x for every public class."""
        assert loads(dumps(value), type(value)) == value

    @pytest.mark.parametrize("value", list(VALUES.values()), ids=list(VALUES))
    def test_header(self, value):
        """Every document starts with format, version and kind."""
        document = json.loads(dumps(value))
        assert list(document)[:3] == ["format", "version", "kind"]
        assert document["format"] == "peelmodel"
        assert document["version"] == 1
        assert document["kind"] == type(value).__name__

    @pytest.mark.parametrize("value", list(VALUES.values()), ids=list(VALUES))
    def test_indented_round_trip(self, value):
        """An indented document reads back the same."""
        assert loads(dumps(value, indent=2), type(value)) == value

    def test_bytes_accepted(self):
        """loads() reads UTF-8 bytes as well as text."""
        value = VALUES["judgment"]
        assert loads(dumps(value).encode(), Judgment) == value

    def test_dataset_text_reads_and_writes_back(self):
        """The shipped dataset re-serialises to the same JSON data."""
        text = datasets.text("hampshire-2015")
        assert json.loads(dumps(loads(text, Inspection))) == json.loads(text)


class TestDocumentShape:
    def test_compact_text(self):
        """A document is compact JSON: no space after a comma or a colon."""
        assert dumps(forces.get("hampshire")) == (
            '{"format":"peelmodel","version":1,"kind":"Force","id":"hampshire"}'
        )

    def test_non_ascii_text_as_it_is(self):
        """Non-ASCII characters are written as they are, quotes and backslashes escaped."""
        value = AreaForImprovement(question=Q2, text='Côte "d\\Azur" — 2015')
        assert '"text":"Côte \\"d\\\\Azur\\" — 2015"' in dumps(value)

    def test_indented_text(self):
        """With indent, the standard library indents the same data."""
        value = VALUES["figure-change"]
        expected = json.dumps(json.loads(dumps(value)), indent=2, ensure_ascii=False)
        assert dumps(value, indent=2) == expected

    def test_reference_classes_are_written_as_ids(self):
        """Forces, questions and outcomes are written as their ids."""
        assert json.loads(dumps(forces.get("hampshire"))) == {
            "format": "peelmodel",
            "version": 1,
            "kind": "Force",
            "id": "hampshire",
        }
        assert json.loads(dumps(FOUR_GRADE))["id"] == "four-grade"
        assert json.loads(dumps(outcomes.type(8)))["id"] == "type-8"

    def test_period_is_written_as_iso(self):
        """A period is one ISO 8601 string."""
        assert json.loads(dumps(JUNE_2015))["period"] == "2014-07-01/2015-06-30"

    def test_published_values_are_strings_with_precision(self):
        """'2.0' stays '2.0', never the number 2."""
        data = json.loads(dumps(VALUES["figure-rate"]))
        assert data["published"] == "2.0"
        assert json.loads(dumps(VALUES["outcome-rate-group"]))["rate"] == "4.40"

    def test_judgment_document(self):
        """A judgment is its question id and grade label."""
        data = json.loads(dumps(VALUES["judgment"]))
        assert data["question"] == "peel-2015.effectiveness.3"
        assert data["grade"] == "requires-improvement"

    def test_defaults_are_omitted(self):
        """Fields at their defaults are not written."""
        data = json.loads(dumps(VALUES["figure-rate"]))
        assert "of" not in data
        assert "baseline" not in data
        assert "qualifier" not in data

    @pytest.mark.parametrize(
        "value", [Grade.GOOD, Pillar.EFFECTIVENESS, Basis.PERCENT, "hampshire", 17_420, None]
    )
    def test_only_documents_are_written(self, value):
        """Enums and plain values are not documents: dumps() raises TypeError."""
        with pytest.raises(TypeError, match="cannot write"):
            dumps(value)


class TestHeaderChecks:
    @pytest.mark.parametrize(
        ("key", "value", "expected"),
        [
            ("format", "peel", "$.format: expected 'peelmodel', found 'peel'"),
            ("version", 2, "$.version: expected 1, found 2"),
            ("version", "1", "$.version: expected 1, found '1'"),
            ("version", True, "$.version: expected 1, found True"),
            ("kind", "Area", "$.kind: expected 'Force', found 'Area'"),
        ],
    )
    def test_bad_header(self, key, value, expected):
        """A wrong format, version or kind is a DocumentError naming the key."""
        document = json.loads(dumps(forces.get("hampshire")))
        document[key] = value
        with pytest.raises(DocumentError) as caught:
            loads(json.dumps(document), peelmodel.Force)
        assert [str(p) for p in caught.value.problems] == [expected]

    def test_subclass_document_gives_the_subclass(self):
        """A Force document read as an Area gives the Force, since a Force is an Area."""
        hampshire = forces.get("hampshire")
        assert loads(dumps(hampshire), peelmodel.Area) is hampshire

    def test_kind_must_be_the_class_or_a_subclass(self):
        """An Area document is not a Force document."""
        text = dumps(areas.get("england-and-wales"))
        with pytest.raises(DocumentError, match=r"\$\.kind: expected 'Force', found 'Area'"):
            loads(text, peelmodel.Force)

    def test_outcome_type_is_not_a_group(self):
        """An OutcomeType document naming a group is refused, never returns the group."""
        text = '{"format": "peelmodel", "version": 1, "kind": "OutcomeType", "id": "out-of-court-formal"}'
        with pytest.raises(
            DocumentError, match=r"\$\.id: unknown outcome type 'out-of-court-formal'"
        ):
            loads(text, peelmodel.OutcomeType)
        assert loads(dumps(outcomes.type(8)), peelmodel.OutcomeType) is outcomes.type(8)

    @pytest.mark.parametrize("cls", [Grade, Pillar, int, dict])
    def test_only_document_classes_are_read(self, cls):
        """Like dumps, loads refuses a class that has no documents with TypeError."""
        with pytest.raises(TypeError, match="cannot read"):
            loads('{"format": "peelmodel", "version": 1, "kind": "Grade"}', cls)

    def test_missing_header(self):
        """A document without its header lists all three keys."""
        with pytest.raises(DocumentError) as caught:
            loads('{"id": "hampshire"}', peelmodel.Force)
        assert [p.path for p in caught.value.problems] == ["$.format", "$.version", "$.kind"]

    def test_reference_document_extra_and_missing_keys(self):
        """A reference document holds exactly its id."""
        with pytest.raises(DocumentError) as caught:
            loads(
                '{"format": "peelmodel", "version": 1, "kind": "Force", "name": "Hampshire"}',
                peelmodel.Force,
            )
        assert [p.path for p in caught.value.problems] == ["$.name", "$.id"]

    def test_unknown_reference_id(self):
        """An unknown id in a reference document names its path."""
        with pytest.raises(DocumentError, match=r"\$\.id: unknown force 'atlantis'"):
            loads(
                '{"format": "peelmodel", "version": 1, "kind": "Force", "id": "atlantis"}',
                peelmodel.Force,
            )

    def test_defects_are_not_document_problems(self, monkeypatch):
        """An unexpected exception while structuring is raised as is, not as a DocumentError."""

        def broken(_self):
            message = "a defect"
            raise RuntimeError(message)

        monkeypatch.setattr(Inspection, "_check_figures", broken)
        with pytest.raises(RuntimeError, match="a defect"):
            loads(datasets.text("hampshire-2015"), Inspection)

    def test_source_in_message(self):
        """The source name prefixes the message."""
        with pytest.raises(DocumentError, match=r"^mine\.json: invalid document") as caught:
            loads("[]", peelmodel.Force, source="mine.json")
        assert caught.value.source == "mine.json"


class TestArrays:
    def test_round_trip(self):
        """A tuple of rows is written as a JSON array and read back as the same tuple."""
        rows = (VALUES["outcome-rate-type"], VALUES["outcome-rate-group"])
        text = dumps(rows)
        assert text.startswith('[{"area":"hampshire",')
        assert loads(text, tuple[OutcomeRate, ...]) == rows

    def test_items_as_fields_hold_them(self):
        """Array items are written as a field of type tuple[X, ...] holds them: no header."""
        assert dumps([JUNE_2015, Period.as_at(date(2015, 6, 30))]) == (
            '["2014-07-01/2015-06-30","2015-06-30"]'
        )
        assert loads(b'["kent"]', tuple[peelmodel.Force, ...]) == (forces.get("kent"),)

    def test_empty(self):
        """An empty tuple is an empty array, of any class."""
        assert dumps(()) == "[]"
        assert loads("[]", tuple[Judgment, ...]) == ()

    def test_problems_have_item_paths(self):
        """Every bad item is reported with its index."""
        text = '[{"question": "peel-2015.effectiveness.3", "grade": "fine"}, {"grade": "good"}]'
        with pytest.raises(DocumentError) as caught:
            loads(text, tuple[Judgment, ...], source="judgments.json")
        assert [str(p) for p in caught.value.problems] == [
            (
                "$[0].grade: expected one of 'outstanding', 'good', 'adequate', "
                "'requires-improvement', 'inadequate', found 'fine'"
            ),
            "$[1].question: required key missing",
        ]
        assert caught.value.source == "judgments.json"

    def test_not_an_array(self):
        """A document where an array is expected is refused at $."""
        with pytest.raises(DocumentError, match=r"\$: expected an array, found an object"):
            loads(dumps(VALUES["judgment"]), tuple[Judgment, ...])

    def test_one_class_only(self):
        """An array holds objects of one public class."""
        with pytest.raises(TypeError, match="arrays of one public class, not of Force, Judgment"):
            dumps((forces.get("kent"), VALUES["judgment"]))
        with pytest.raises(TypeError, match="not of int"):
            dumps([1, 2])

    @pytest.mark.parametrize("cls", [tuple[int, ...], tuple[Judgment, Judgment], list[Judgment]])
    def test_only_arrays_of_document_classes_are_read(self, cls):
        """loads reads tuple[X, ...] of a public class only."""
        with pytest.raises(TypeError, match="cannot read"):
            loads("[]", cls)
