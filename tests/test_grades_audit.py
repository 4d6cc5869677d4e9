"""The audit of the PEEL 2014 - 2018/19 grades record, pinned on the JSON as shipped.

These tests read ``peel-grades.json`` and the PEEL 2014 question catalogue
directly, so they hold whatever the loader makes of the provenance keys.
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from typing import Any
from urllib.parse import urlparse

import pytest

RECORD: dict[str, Any] = json.loads(
    resources.files("peelmodel.datasets").joinpath("peel-grades.json").read_text(encoding="utf-8")
)
CATALOGUE_2014: dict[str, Any] = json.loads(
    resources.files("peelmodel.catalogues")
    .joinpath("data", "questions-peel-2014.json")
    .read_text(encoding="utf-8")
)
ENTRIES: list[dict[str, Any]] = RECORD["entries"]
STATEMENTS: list[dict[str, Any]] = RECORD["statements"]
NOTES = " ".join(RECORD["notes"])
KINDS = {"hmicfrs-report", "hmicfrs-news", "commissioner", "press", "other-public"}
HMICFRS_KINDS = {"hmicfrs-report", "hmicfrs-news"}
#: The words a quote uses for each grade (HMICFRS writes "requiring improvement" too).
GRADE_WORDS = {
    "outstanding": "outstanding",
    "good": "good",
    "requires-improvement": "improvement",
    "inadequate": "inadequate",
}
ENTRY_KEYS = ("force", "question", "state", "grade", "last_updated", "source")
PROVENANCE = ("source_kind", "quote", "inferred", "history", "conflicts")

#: Every entry the audit added or changed, with its state and grade after it.
AUDITED = {
    ("devon-and-cornwall", "peel-2014.efficiency.1"): ("graded", "good"),
    ("devon-and-cornwall", "peel-2014.efficiency.2"): ("graded", "good"),
    ("devon-and-cornwall", "peel-2014.efficiency.3"): ("graded", "good"),
    ("lincolnshire", "peel-2014.efficiency.3"): ("graded", "outstanding"),
    ("derbyshire", "peel-2016.effectiveness.2"): ("graded", "good"),
    ("derbyshire", "peel-2016.effectiveness.3"): ("graded", "good"),
    ("essex", "peel-2016.effectiveness"): ("graded", "good"),
    ("humberside", "peel-2016.effectiveness.3"): ("graded", "inadequate"),
    ("humberside", "peel-2016.effectiveness.4"): ("graded", "good"),
    ("nottinghamshire", "peel-2016.effectiveness.1"): ("graded", "requires-improvement"),
    ("bedfordshire", "peel-2017.efficiency.1"): ("graded", "requires-improvement"),
    ("bedfordshire", "peel-2017.efficiency.2"): ("graded", "good"),
    ("bedfordshire", "peel-2017.efficiency.3"): ("graded", "requires-improvement"),
    ("cambridgeshire", "peel-2017.effectiveness.4"): ("graded", "good"),
    ("durham", "peel-2017.efficiency.1"): ("graded", "outstanding"),
    ("durham", "peel-2017.efficiency.2"): ("graded", "outstanding"),
    ("durham", "peel-2017.efficiency.3"): ("graded", "outstanding"),
    ("humberside", "peel-2017.efficiency"): ("graded", "requires-improvement"),
    ("humberside", "peel-2017.legitimacy"): ("graded", "good"),
    ("lancashire", "peel-2017.efficiency.1"): ("graded", "good"),
    ("lancashire", "peel-2017.efficiency.2"): ("graded", "good"),
    ("lancashire", "peel-2017.efficiency.3"): ("graded", "good"),
    ("leicestershire", "peel-2017.effectiveness.1"): ("not-inspected", None),
    ("leicestershire", "peel-2017.effectiveness.4"): ("graded", "good"),
    ("metropolitan", "peel-2017.efficiency.2"): ("graded", "requires-improvement"),
    ("cambridgeshire", "peel-2018-19.effectiveness.1"): ("graded", "good"),
    ("durham", "peel-2018-19.efficiency.1"): ("not-inspected", None),
    ("humberside", "peel-2018-19.effectiveness"): ("graded", "good"),
    ("humberside", "peel-2018-19.efficiency"): ("graded", "good"),
    ("humberside", "peel-2018-19.effectiveness.1"): ("not-inspected", None),
    ("humberside", "peel-2018-19.effectiveness.2"): ("graded", "good"),
    ("lancashire", "peel-2018-19.efficiency.1"): ("not-inspected", None),
    ("lancashire", "peel-2018-19.efficiency.2"): ("graded", "outstanding"),
    ("leicestershire", "peel-2018-19.efficiency.1"): ("graded", "good"),
    ("metropolitan", "peel-2018-19.efficiency.1"): ("graded", "good"),
    ("surrey", "peel-2018-19.legitimacy"): ("graded", "good"),
}


def _kind_of(address: str) -> str:
    """The source kind an address gives, by its host and path."""
    parsed = urlparse(address)
    if parsed.netloc.endswith("justiceinspectorates.gov.uk"):
        news = "/news/" in parsed.path or "press-releases" in parsed.path
        return "hmicfrs-news" if news else "hmicfrs-report"
    if parsed.netloc.endswith("pcc.gov.uk"):
        return "commissioner"
    return "non-hmicfrs"


def _by_key() -> dict[tuple[str, str], dict[str, Any]]:
    return {(e["force"], e["question"]): e for e in ENTRIES}


def _inferred() -> list[dict[str, Any]]:
    return [e for e in ENTRIES if e.get("inferred")]


class TestLayout:
    def test_fields_come_first_in_order(self):
        """Every entry starts with the model's fields in order; provenance keys follow."""
        for item in ENTRIES:
            keys = tuple(item)
            assert keys[: len(ENTRY_KEYS)] == ENTRY_KEYS
            assert set(keys[len(ENTRY_KEYS) :]) <= set(PROVENANCE)

    def test_one_entry_per_key(self):
        """No force and question is recorded twice."""
        found = Counter((e["force"], e["question"]) for e in ENTRIES)
        assert max(found.values()) == 1

    def test_one_entry_per_line(self):
        """The file keeps one entry and one statement per line."""
        text = resources.files("peelmodel.datasets").joinpath("peel-grades.json").read_text("utf-8")
        lines = [line.strip() for line in text.splitlines()]
        assert sum(line.startswith('{"force": ') for line in lines) == len(ENTRIES)
        assert sum(line.startswith('{"question": ') for line in lines) == len(STATEMENTS)


class TestSourceKind:
    def test_every_entry_and_statement_has_one(self):
        """Every entry with a source, and every statement, names its kind of source."""
        for item in [*ENTRIES, *STATEMENTS]:
            if item["source"] is None:
                assert item["source_kind"] is None
            else:
                assert item["source_kind"] in KINDS

    def test_kind_agrees_with_the_address(self):
        """An HMICFRS address is an HMICFRS kind, news releases apart; no other host is."""
        for item in [*ENTRIES, *STATEMENTS]:
            if item["source"] is None:
                continue
            derived = _kind_of(item["source"])
            if derived == "non-hmicfrs":
                assert item["source_kind"] not in HMICFRS_KINDS
            else:
                assert item["source_kind"] == derived

    def test_other_kinds_only_where_the_notes_allow(self):
        """A commissioner or press entry is one the notes name, and carries a quote."""
        others = [e for e in ENTRIES if e["source_kind"] not in {*HMICFRS_KINDS, None}]
        assert others
        assert "only where no stored HMIC or HMICFRS page states the grade" in NOTES
        for item in others:
            assert f"{item['force']} {item['question']}" in NOTES
            assert item.get("quote")

    def test_statements_are_hmicfrs(self):
        """National statements come from HMIC or HMICFRS pages only."""
        assert {s["source_kind"] for s in STATEMENTS} <= HMICFRS_KINDS


class TestAudited:
    @pytest.mark.parametrize(("key", "expected"), sorted(AUDITED.items()))
    def test_state_and_grade(self, key, expected):
        """Each audited entry holds the state and grade the audit found."""
        item = _by_key()[key]
        assert (item["state"], item["grade"]) == expected

    @pytest.mark.parametrize("key", sorted(AUDITED))
    def test_quote_states_the_grade(self, key):
        """Each audited entry quotes its page, and the quote names the grade."""
        item = _by_key()[key]
        quote = item["quote"]
        assert isinstance(quote, str)
        assert 0 < len(quote) <= 200
        if item["grade"] is not None:
            assert GRADE_WORDS[item["grade"]] in quote.lower()

    def test_every_quoted_entry_is_audited(self):
        """Quotes are held exactly for the entries the audit added or changed."""
        quoted = {(e["force"], e["question"]) for e in ENTRIES if "quote" in e}
        assert quoted == set(AUDITED)

    def test_every_quote_of_a_grade_names_it(self):
        """Any graded entry or statement with a quote names its grade in it."""
        for item in [*ENTRIES, *STATEMENTS]:
            if item.get("quote") and item.get("grade"):
                assert GRADE_WORDS[item["grade"]] in item["quote"].lower()

    def test_unknowns_left(self):
        """One pillar grade stays unknown: no stored page states Derbyshire's 2017 effectiveness."""
        unknown = [(e["force"], e["question"]) for e in ENTRIES if e["state"] == "unknown"]
        assert unknown == [("derbyshire", "peel-2017.effectiveness")]


class TestInferred:
    def test_there_are_inferred_entries(self):
        """Humberside's PEEL 2017 efficiency and legitimacy grades are inferred."""
        assert {(e["force"], e["question"]) for e in _inferred()} == {
            ("humberside", "peel-2017.efficiency"),
            ("humberside", "peel-2017.legitimacy"),
        }

    @pytest.mark.parametrize("index", range(2))
    def test_arithmetic_holds(self, index):
        """The statement's count less the forces recorded with that grade is exactly one."""
        item = _inferred()[index]
        inferred = item["inferred"]
        assert item["state"] == "graded"
        assert item["source"] == inferred["statement"]
        assert item["source_kind"] in HMICFRS_KINDS
        stated = [
            s
            for s in STATEMENTS
            if (s["question"], s["grade"], s["source"])
            == (item["question"], item["grade"], inferred["statement"])
        ]
        assert len(stated) == 1
        others = [
            e for e in ENTRIES if e["question"] == item["question"] and e["force"] != item["force"]
        ]
        recorded = sum(e["grade"] == item["grade"] for e in others)
        assert stated[0]["count"] - recorded == 1
        assert str(stated[0]["count"]) in inferred["arithmetic"]
        assert str(recorded) in inferred["arithmetic"]

    @pytest.mark.parametrize("index", range(2))
    def test_no_other_force_is_open(self, index):
        """Every other force has a grade or was not graded: the inferred one is the only gap."""
        item = _inferred()[index]
        others = [
            e for e in ENTRIES if e["question"] == item["question"] and e["force"] != item["force"]
        ]
        assert len(others) == 42
        assert {e["state"] for e in others} <= {"graded", "not-graded"}


class TestConflicts:
    def test_conflicts_name_a_followed_source(self):
        """A recorded conflict keeps the followed source on the entry and says why not the other."""
        for item in ENTRIES:
            for conflict in item.get("conflicts", []):
                assert item["source"]
                assert item["source_kind"] in KINDS
                assert conflict["source"] != item["source"]
                assert conflict["grade"] != item["grade"]
                assert (
                    conflict["source_kind"] not in HMICFRS_KINDS
                    or item["source_kind"] in HMICFRS_KINDS
                )
                assert conflict["source_kind"] in KINDS
                assert conflict["quote"]
                assert conflict["why_not_followed"]

    def test_the_conflict_found(self):
        """Leicestershire's 2017 preventing-crime entry follows HMICFRS over a press report."""
        conflicted = [e for e in ENTRIES if e.get("conflicts")]
        assert [(e["force"], e["question"]) for e in conflicted] == [
            ("leicestershire", "peel-2017.effectiveness.1")
        ]
        item = conflicted[0]
        assert (item["state"], item["source_kind"]) == ("not-inspected", "hmicfrs-report")
        assert [c["source_kind"] for c in item["conflicts"]] == ["press"]
        assert "HMICFRS page is followed" in item["conflicts"][0]["why_not_followed"]

    def test_rule_is_stated(self):
        """The notes state which page a conflict follows."""
        assert "Conflicts:" in NOTES


class TestCatalogue2014:
    def test_affordable_policing_question(self):
        """PEEL 2014 efficiency question 3 is in the catalogue, graded, in HMIC's words."""
        found = [
            q
            for q in CATALOGUE_2014["questions"]
            if (q["pillar"], q["number"]) == ("efficiency", "3")
        ]
        assert found == [
            {
                "pillar": "efficiency",
                "number": "3",
                "text": "To what extent has the force got an affordable way of providing policing?",
                "graded": True,
            }
        ]
        assert any("question 3" in source for source in CATALOGUE_2014["sources"])

    def test_entries_for_it_are_recorded(self):
        """The record holds the grades pages state for the new question."""
        held = {
            e["force"]: e["grade"] for e in ENTRIES if e["question"] == "peel-2014.efficiency.3"
        }
        assert held == {"devon-and-cornwall": "good", "lincolnshire": "outstanding"}
