"""Fuzzing: loads() and the command line meet arbitrary JSON and broken documents."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peelmodel
from peelmodel import Inspection, PeelModelError, cli
from peelmodel import strategies as pst
from peelmodel._hypothesis_hook import _STRATEGIES

_CLASSES = [getattr(peelmodel, name) for name in sorted(_STRATEGIES) if name != "Grade"]
_FIELDS = sorted(
    {"format", "version", "kind", "id", "period"}
    | {field.name for cls in _CLASSES for field in attrs.fields(cls)}
)
_DEEP = "\u0000deep\u0000"

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-(10**40), 10**40)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["14.4", "2015-06-30", "2014-07-01/2015-06-30", "hampshire", "type-1"])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.sampled_from(_FIELDS) | st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=25,
)


def _text(value: Any) -> str:
    """JSON text for *value*, NaN and Infinity included, deep nesting spliced in."""
    return json.dumps(value, ensure_ascii=False).replace(
        json.dumps(_DEEP), "[" * 5_000 + "]" * 5_000
    )


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _swap(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return 10**30
    return str(value)


_MUTATIONS = {
    "drop": None,
    "replace": None,
    "swap": _swap,
    "huge": lambda _value: 10**30,
    "negative": lambda value: -abs(value) - 1 if isinstance(value, int) else -1,
    "nan": lambda _value: float("nan"),
    "infinity": lambda _value: float("-inf"),
    "float": lambda value: float(value) if isinstance(value, int) else 14.4,
    "deep": lambda _value: _DEEP,
    "empty": lambda value: type(value)() if isinstance(value, list | dict | str) else None,
}


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[str, bool]:
    """A valid Inspection document with one mutation, and whether it was mutated at all."""
    inspection = draw(pst.inspections())
    document = json.loads(peelmodel.dumps(inspection))
    path = draw(st.sampled_from(_paths(document)))
    kind = draw(st.sampled_from(sorted(_MUTATIONS)))
    if not path:
        return _text(draw(json_values) if kind == "replace" else document), kind == "replace"
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if kind == "drop":
        del parent[last]
    elif kind == "replace":
        parent[last] = draw(json_values)
    else:
        parent[last] = _MUTATIONS[kind](parent[last])
    return _text(document), True


def _loads_or_error(text: str | bytes, cls: type) -> object | None:
    """Load *text*; return ``None`` if loads refused it (with a PeelModelError only)."""
    try:
        return peelmodel.loads(text, cls)
    except PeelModelError:
        return None


class TestLoads:
    @given(json_values, st.sampled_from(_CLASSES))
    def test_arbitrary_json(self, value, cls):
        """loads raises only PeelModelError on arbitrary JSON values."""
        _loads_or_error(_text(value), cls)

    @given(st.dictionaries(st.sampled_from(_FIELDS), json_values), st.sampled_from(_CLASSES))
    def test_arbitrary_fields_under_a_valid_header(self, fields, cls):
        """loads raises only PeelModelError on arbitrary fields under a valid header."""
        document = {**fields, "format": "peelmodel", "version": 1, "kind": cls.__name__}
        result = _loads_or_error(_text(document), cls)
        assert result is None or isinstance(result, cls)

    @given(st.binary() | st.text(), st.sampled_from(_CLASSES))
    def test_arbitrary_text(self, text, cls):
        """loads raises only PeelModelError on arbitrary bytes and text."""
        _loads_or_error(text, cls)

    @given(mutated_documents())
    def test_mutated_documents(self, drawn):
        """A mutated document either loads as an Inspection or raises PeelModelError."""
        text, _ = drawn
        result = _loads_or_error(text, Inspection)
        assert result is None or isinstance(result, Inspection)

    @pytest.mark.parametrize("depth", [10, 1_000, 100_000])
    def test_deep_nesting(self, depth):
        """Deeply nested arrays and objects are refused with a PeelModelError."""
        for text in ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth):
            with pytest.raises(PeelModelError):
                peelmodel.loads(text, Inspection)


def _check(path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", str(path)])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def document_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "document.json"


class TestCommandLine:
    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(text=mutated_documents().map(lambda drawn: drawn[0]) | json_values.map(_text))
    def test_check_never_raises(self, document_path, text):
        """check exits 2 with one line on stderr for invalid documents, 0 or 1 otherwise."""
        document_path.write_text(text, encoding="utf-8")
        code, out, err = _check(document_path)
        if _loads_or_error(text, Inspection) is None:
            assert code == 2
            assert out == ""
            assert err.endswith("\n")
            assert err.count("\n") == 1
            assert err.strip()
        else:
            assert code in (0, 1)
            assert err == ""

    @given(st.binary())
    def test_check_of_arbitrary_bytes(self, document_path, data):
        """check exits 2 with one line on stderr for bytes that are not a document."""
        document_path.write_bytes(data)
        code, _, err = _check(document_path)
        assert code == 2
        assert err.count("\n") == 1

    @given(pst.inspections())
    def test_check_of_a_valid_document(self, document_path, inspection):
        """check exits 0, printing nothing on stderr, for a generated inspection."""
        document_path.write_text(peelmodel.dumps(inspection), encoding="utf-8")
        code, out, err = _check(document_path)
        assert (code, err) == (0, "")
        assert out
