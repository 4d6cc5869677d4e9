"""Refusing huge invalid documents: the problems found are capped, and the message with them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from peelmodel import DocumentError, Inspection, cli, datasets, loads
from peelmodel.documents.problems import MAX_BAD_ITEMS
from peelmodel.errors import LISTED_PROBLEMS, Problem

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_refusal  # noqa: E402 - the benchmark's documents, from its folder

DATASET = json.loads(datasets.text("hampshire-2015"))


def with_bad_rows(count: int) -> str:
    """The dataset with *count* outcome rows, each with its count written as text."""
    row = DATASET["outcome_rates"][0]
    rows = [{**row, "count": str(i)} for i in range(count)]
    return json.dumps({**DATASET, "outcome_rates": rows})


def refused(text: str) -> DocumentError:
    """The error of reading *text* as an inspection."""
    with pytest.raises(DocumentError) as caught:
        loads(text, Inspection)
    return caught.value


@pytest.mark.usefixtures("json_backend")
class TestCap:
    def test_every_problem_below_the_cap(self):
        """Up to the cap, every bad item is reported, and the error says it is complete."""
        error = refused(with_bad_rows(MAX_BAD_ITEMS))
        assert len(error.problems) == MAX_BAD_ITEMS
        assert error.complete
        assert error.problems[-1].path == f"$.outcome_rates[{MAX_BAD_ITEMS - 1}].count"

    def test_reading_stops_past_the_cap(self):
        """One bad item more, and reading stops: the problems found, marked incomplete."""
        error = refused(with_bad_rows(MAX_BAD_ITEMS + 1))
        assert len(error.problems) == MAX_BAD_ITEMS
        assert not error.complete
        assert "found before reading stopped, and more" in str(error)

    def test_unknown_keys_capped_in_order(self):
        """Of many unknown keys, the first in order are listed."""
        keys = {f"k{i:05d}": 0 for i in range(MAX_BAD_ITEMS + 5)}
        error = refused(json.dumps({**DATASET, **keys}))
        assert [p.path for p in error.problems] == [f"$.k{i:05d}" for i in range(MAX_BAD_ITEMS)]
        assert not error.complete

    def test_message_lists_the_first_problems(self):
        """The message lists the first problems, then counts the rest."""
        error = refused(with_bad_rows(LISTED_PROBLEMS + 5))
        message = str(error)
        assert f"({LISTED_PROBLEMS + 5} problems)" in message
        assert message.endswith("; and 5 more")
        assert f"$.outcome_rates[{LISTED_PROBLEMS - 1}].count" in message
        assert f"$.outcome_rates[{LISTED_PROBLEMS}].count" not in message


class TestDocumentError:
    def test_short_message_lists_everything(self):
        """A few problems are all in the message, without a count of the rest."""
        error = DocumentError([Problem("$.a", "bad"), Problem("$.b", "worse")], "x.json")
        assert str(error) == "x.json: invalid document (2 problems): $.a: bad; $.b: worse"
        assert error.complete

    def test_incomplete(self):
        """An incomplete list says that there are more problems."""
        error = DocumentError([Problem("$.a", "bad")] * 30, complete=False)
        assert str(error).startswith("invalid document (30 problems found before reading stopped")
        assert str(error).endswith("; and 10 more")


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    """The benchmark's invalid documents, at a small size."""
    return bench_refusal.documents(200_000)


class TestHugeDocuments:
    @pytest.mark.parametrize(
        ("kind", "path"),
        [
            ("deep", "$.figures[{last_but_2}].published"),
            ("duplicate key", "$"),
            ("bad rows", "$.outcome_rates[0].count"),
            ("bad items", "$.fieldwork[0]"),
            ("unknown keys", "$.k000000000"),
            ("duplicate ids", "$.figures[{last}].id"),
        ],
    )
    def test_refused_at_the_bad_place(self, documents, kind, path):
        """Each kind of fault is refused, its first problem at the bad place."""
        text = documents[kind]
        data: Any = json.loads(text) if kind != "duplicate key" else None
        figures = len(data["figures"]) if data else 0
        error = refused(text)
        expected = path.format(last_but_2=figures - 3, last=figures - 1)
        assert error.problems[0].path == expected
        assert len(error.problems) <= MAX_BAD_ITEMS

    def test_command_line_says_more_were_not_read(self, documents, tmp_path, capsys):
        """The command line counts the problems found and says that more were not read."""
        path = tmp_path / "bad.json"
        path.write_text(documents["bad items"], encoding="utf-8")
        assert cli.main(["check", str(path)]) == 2
        lines = capsys.readouterr().err.splitlines()
        assert (
            lines[-1]
            == f"peelmodel: {path}: ... and {MAX_BAD_ITEMS - 10} more problems, and more not read"
        )
