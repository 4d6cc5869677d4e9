"""The JSON backends agree: the fast one (orjson) writes the same bytes and reads the same way.

Also: the quick converter, tried first, and the detailed one, which reports
problems, build the same objects and refuse the same data.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peelmodel
from peelmodel import DocumentError, OutcomeRate, UnknownReferenceError
from peelmodel import strategies as pst
from peelmodel.documents import backend
from peelmodel.documents.converter import converter, quick_converter, unstructure

FAST = "fast" in backend.available()
needs_fast = pytest.mark.skipif(not FAST, reason="the fast extra (orjson) is not installed")
ROWS = tuple[OutcomeRate, ...]

documents = st.one_of(
    pst.inspections(), pst.outcome_rates(), pst.grades_records(), pst.findings_records()
)


def on(name: str, run: Callable[[], Any]) -> Any:
    """*run* with the backend *name* in use; the previous backend afterwards."""
    previous = backend.active()
    backend.use(name)
    try:
        return run()
    finally:
        backend.use(previous)


def outcome(text: str | bytes, cls: Any) -> object:
    """What loads makes of *text*: the object, or the list of its problems."""
    try:
        return peelmodel.loads(text, cls)
    except DocumentError as error:
        return [str(problem) for problem in error.problems]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


#: Spoiled values: each replaces the value at a drawn path.
SPOILED: dict[str, Any] = {
    "null": None,
    "text": "x",
    "integer": 7,
    "above-maximum": 10**12 + 1,
    "seventeen-digits": 10**16,
    "beyond-64-bits": 2**64,
    "below-64-bits": -(2**63) - 1,
    "thirty-digits": 10**29,
    "fraction": 14.4,
    "whole-float": 7.0,
    "nan": math.nan,
    "infinity": -math.inf,
    "true": True,
    "empty-array": [],
    "empty-object": {},
    "decimal-text": "14.4",
}
_MARK = "\u0000mark\u0000"


def _duplicated(document: dict[str, Any], target: dict[str, Any], *, escaped: bool) -> str:
    """The text of *document* with the first key of the object *target* written twice.

    *escaped*, the second time with its first letter as a ``\\uXXXX`` escape.
    """
    key, value = next(iter(target.items()))
    again = f'"\\u{ord(key[0]):04x}{key[1:]}"' if escaped else json.dumps(key)
    members = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in target.items()]
    members.append(f"{again}: {json.dumps(value)}")
    target.clear()
    target[_MARK] = None
    return json.dumps(document).replace(f"{json.dumps(_MARK)}: null", ", ".join(members))


@st.composite
def spoiled_documents(draw: st.DrawFn) -> tuple[str, type]:
    """A valid document's text with one change that may or may not spoil it, and its class."""
    value = draw(documents)
    document = json.loads(peelmodel.dumps(value))
    *steps, last = draw(st.sampled_from(_paths(document)[1:]))
    parent = document
    for step in steps:
        parent = parent[step]
    change = draw(st.sampled_from(["drop", "spoil", "unknown-key", "duplicate", "escaped"]))
    if change == "drop":
        del parent[last]
    elif change == "spoil":
        parent[last] = SPOILED[draw(st.sampled_from(sorted(SPOILED)))]
    elif change == "unknown-key":
        parent["colour" if isinstance(parent, dict) else last] = "red"
    elif isinstance(parent, dict):
        return _duplicated(document, parent, escaped=change == "escaped"), type(value)
    return json.dumps(document), type(value)


class TestBackends:
    def test_pure_is_always_available(self):
        """The standard library backend is there with or without the fast extra."""
        assert backend.available()[0] == "pure"

    def test_use_switches(self):
        """use() changes the backend that active() names."""
        assert on("pure", backend.active) == "pure"

    def test_unknown_backend_refused(self):
        """An unknown name is a LookupError naming the backends there are."""
        with pytest.raises(
            UnknownReferenceError, match="unknown JSON backend 'ujson'; known: pure"
        ):
            backend.use("ujson")

    @pytest.mark.parametrize(("setting", "expected"), [("1", "pure"), ("", "fast")])
    def test_environment_variable(self, setting, expected):
        """PEELMODEL_PURE_JSON set when peelmodel is imported forces the pure backend."""
        if expected == "fast" and not FAST:
            pytest.skip("the fast extra (orjson) is not installed")
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "from peelmodel.documents import backend; print(backend.active())",
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, backend.ENVIRONMENT_VARIABLE: setting},
        )
        assert done.stdout.strip() == expected


@needs_fast
class TestSameText:
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(documents)
    def test_documents(self, value):
        """Both backends write the same bytes for every generated document."""
        assert on("fast", lambda: peelmodel.dumps(value)) == on(
            "pure", lambda: peelmodel.dumps(value)
        )

    @given(st.lists(pst.outcome_rates(), max_size=20))
    def test_arrays(self, rows):
        """Both backends write the same bytes for an array of rows."""
        assert on("fast", lambda: peelmodel.dumps(rows)) == on(
            "pure", lambda: peelmodel.dumps(rows)
        )

    @given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1))
    def test_any_text(self, text):
        """Both encoders escape every character the same way (control characters included)."""
        data = {text: [text, 1, None, True]}
        assert on("fast", lambda: backend.encode(data)) == on("pure", lambda: backend.encode(data))


@needs_fast
class TestSameReading:
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(documents)
    def test_valid_documents(self, value):
        """Both backends read a generated document back as the same object."""
        text = peelmodel.dumps(value, indent=1)
        assert on("fast", lambda: peelmodel.loads(text, type(value))) == value
        assert on("pure", lambda: peelmodel.loads(text, type(value))) == value

    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(spoiled_documents())
    def test_spoiled_documents(self, drawn):
        """Both backends give the same object, or the same problems, for a changed document."""
        text, cls = drawn
        assert on("fast", lambda: outcome(text, cls)) == on("pure", lambda: outcome(text, cls))

    @given(st.lists(pst.outcome_rates(), max_size=10), st.sampled_from(sorted(SPOILED)))
    def test_arrays(self, rows, spoiled):
        """Both backends read an array of rows, whole or with a spoiled count, the same way."""
        data = json.loads(peelmodel.dumps(rows))
        assert on("fast", lambda: outcome(json.dumps(data), ROWS)) == tuple(rows)
        for row in data[:1]:
            row["count"] = SPOILED[spoiled]
        text = json.dumps(data)
        assert on("fast", lambda: outcome(text, ROWS)) == on("pure", lambda: outcome(text, ROWS))


@needs_fast
class TestDuplicateKeys:
    def test_duplicate_refused(self):
        """A key given twice is not read by orjson's last-wins rule."""
        with pytest.raises(ValueError, match="duplicate keys"):
            backend.decode('{"a": 1, "a": 2}')

    def test_duplicate_behind_an_escaped_colon(self):
        """An escaped colon in the kept value cannot make up for the member lost."""
        with pytest.raises(ValueError, match="duplicate keys"):
            backend.decode('{"a": 1, "a": "\\u003a"}')

    def test_escaped_colons_counted(self):
        """A colon written as \\u003a (or \\u003A) is a colon: the text is read at once."""
        assert backend.decode(b'{"a": "\\u003a\\u003A:"}') == {"a": ":::"}

    def test_backslash_before_u003a(self):
        """A backslash before u003a is not an escaped colon: the strict parser reads the text."""
        text = '{"format": "peelmodel", "version": 1, "kind": "Force", "id": "kent\\\\u003a"}'
        with pytest.raises(ValueError, match="duplicate keys, or an escaped colon"):
            backend.decode(text)
        assert outcome(text, peelmodel.Force) == on("pure", lambda: outcome(text, peelmodel.Force))
        problems = outcome(text, peelmodel.Force)
        assert isinstance(problems, list)
        assert problems[0].startswith("$.id: unknown force 'kent\\\\u003a'")


class TestQuickAndDetailedConverters:
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(documents)
    def test_same_objects(self, value):
        """The quick and detailed converters build the same object from valid data."""
        data = unstructure(value)
        assert quick_converter.structure(data, type(value)) == value
        assert converter.structure(data, type(value)) == value

    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(spoiled_documents())
    def test_same_verdict(self, drawn):
        """Both converters refuse the same data, and build the same object from the rest."""
        text, cls = drawn
        document = json.loads(text)  # the last of duplicate keys, numbers as Python reads them
        data = {k: v for k, v in document.items() if k not in {"format", "version", "kind"}}
        assert _verdict(quick_converter, data, cls) == _verdict(converter, data, cls)


def _verdict(made: Any, data: Any, cls: type) -> object:
    """The object *made* builds from *data*, or ``None`` if it raises."""
    try:
        return made.structure(data, cls)
    except Exception:  # noqa: BLE001 - the verdicts are compared, not the errors
        return None
