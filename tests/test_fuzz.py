"""Fuzzing: loads() and the command line meet arbitrary JSON and broken documents."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peelmodel
from peelmodel import DocumentError, Inspection, PeelModelError, cli, datasets
from peelmodel import strategies as pst
from peelmodel._hypothesis_hook import _STRATEGIES
from peelmodel._validators import MAX_COUNT
from peelmodel.cli.output import MAX_PROBLEMS

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
        """check exits 2 with a line per problem on stderr for invalid documents, 0 or 1 otherwise."""
        document_path.write_text(text, encoding="utf-8")
        code, out, err = _check(document_path)
        if _loads_or_error(text, Inspection) is None:
            assert code == 2
            assert out == ""
            assert err.endswith("\n")
            assert 1 <= err.count("\n") <= MAX_PROBLEMS + 1
            assert all(line.startswith("peelmodel: ") for line in err.splitlines())
        else:
            assert code in (0, 1)
            assert err == ""

    @given(st.binary())
    def test_check_of_arbitrary_bytes(self, document_path, data):
        """check exits 2 with its problems on stderr for bytes that are not a document."""
        document_path.write_bytes(data)
        code, _, err = _check(document_path)
        assert code == 2
        assert 1 <= err.count("\n") <= MAX_PROBLEMS + 1

    # Each example runs the whole engine on a generated report: an eighth as many.
    @settings(max_examples=max(1, settings.default.max_examples // 8))
    @given(pst.inspections())
    def test_check_of_a_valid_document(self, document_path, inspection):
        """check exits 0, printing nothing on stderr, for a generated inspection."""
        document_path.write_text(peelmodel.dumps(inspection), encoding="utf-8")
        code, out, err = _check(document_path)
        assert (code, err) == (0, "")
        assert out


# -- mutations of the real dataset ---------------------------------------------

DATASET = json.loads(datasets.text("hampshire-2015"))
#: The digits 0 to 9 in scripts other than ASCII: Arabic-Indic, Persian, Devanagari, fullwidth.
_OTHER_DIGITS = (
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f",
    "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19",
)
_ODD_CHARACTERS = st.sampled_from(
    ["\ud800", "\udbff", "\udc00", "\x00", "\x1f", "\x7f", "\x85", "\u2028", "\ufeff", "\u00e9"]
)
_ANY_DATES = st.dates(date(1, 1, 1), date(9999, 12, 31)).map(date.isoformat)
_NUMBERS = st.integers() | st.sampled_from([0, -1, MAX_COUNT, MAX_COUNT + 1, 10**16, 10**17])


def _text_mutations(text: str) -> st.SearchStrategy[str]:
    """Texts like *text*: an odd character put in, a digit from another script, a date or a number."""
    options = [
        st.builds(
            lambda at, character: text[:at] + character + text[at:],
            st.integers(0, len(text)),
            _ODD_CHARACTERS,
        ),
        _ANY_DATES,
        st.tuples(_ANY_DATES, _ANY_DATES).map("/".join),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
    ]
    digits = [at for at, character in enumerate(text) if character in "0123456789"]
    if digits:
        options.append(
            st.builds(
                lambda at, script: text[:at] + script[int(text[at])] + text[at + 1 :],
                st.sampled_from(digits),
                st.sampled_from(_OTHER_DIGITS),
            )
        )
    return st.one_of(options)


def _mutations(value: Any) -> st.SearchStrategy[Any]:
    if isinstance(value, str):
        return _text_mutations(value)
    if isinstance(value, list):
        return st.permutations(value).map(list)
    if isinstance(value, dict):
        return st.permutations(list(value.items())).map(dict)
    return _NUMBERS


@st.composite
def mutated_datasets(draw: st.DrawFn) -> dict[str, Any]:
    """The Hampshire 2015 document with one to three numbers, dates or texts changed, or lists reordered."""
    document = copy.deepcopy(DATASET)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(document)[1:]))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = draw(_mutations(parent[path[-1]]))
    return document


def _outcome(text: str | bytes) -> object:
    """What loads makes of *text*: the inspection, or the problems it found."""
    try:
        return peelmodel.loads(text, Inspection)
    except DocumentError as error:
        return error.problems


def _encoded(document: dict[str, Any], *, ascii_only: bool) -> bytes:
    """The document's JSON as bytes; raw lone surrogates are written as such (not UTF-8)."""
    return json.dumps(document, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


class TestDatasetMutations:
    @given(mutated_datasets())
    def test_loads(self, document):
        """loads raises only DocumentError, and reads str and bytes, escaped or not, alike."""
        escaped, raw = json.dumps(document), json.dumps(document, ensure_ascii=False)
        outcome, raw_outcome = _outcome(escaped), _outcome(raw)
        assert outcome == _outcome(escaped.encode())
        assert isinstance(outcome, Inspection | tuple)
        assert isinstance(raw_outcome, Inspection | tuple)
        if not any("\ud800" <= character <= "\udfff" for character in raw):
            # Escaped, two lone surrogates side by side would read as one character.
            assert raw_outcome == outcome

    @settings(max_examples=max(1, settings.default.max_examples // 10))
    @given(
        mutated_datasets(),
        st.booleans(),
        st.sampled_from(["ascii", "utf-8"]),
        st.sampled_from(["check", "report"]).flatmap(
            lambda command: st.sampled_from([[command], [command, "--format", "json"]])
        ),
    )
    def test_command_line(self, document_path, document, ascii_only, encoding, command):
        """check and report exit 0, 1 or 2, whatever the stdout encoding, a line per problem for 2."""
        document_path.write_bytes(_encoded(document, ascii_only=ascii_only))
        out, err = io.BytesIO(), io.BytesIO()
        out_text = io.TextIOWrapper(out, encoding=encoding)
        err_text = io.TextIOWrapper(err, encoding=encoding, errors="backslashreplace")
        with contextlib.redirect_stdout(out_text), contextlib.redirect_stderr(err_text):
            code = cli.main([*command, str(document_path)])
        out_text.flush()
        err_text.flush()
        if code == 2:
            assert out.getvalue() == b""
            assert 1 <= err.getvalue().count(b"\n") <= MAX_PROBLEMS + 1
        else:
            assert code in (0, 1)
            assert err.getvalue() == b""
            assert out.getvalue().decode(encoding)

    @settings(max_examples=max(1, settings.default.max_examples // 50))
    @given(mutated_datasets(), st.booleans())
    def test_real_command_line(self, tmp_path_factory, document, ascii_only):
        """The real command, ASCII or UTF-8 stdout: exit 0, 1 or 2, no traceback, a line per problem for 2."""
        path = tmp_path_factory.mktemp("mutated") / "document.json"
        path.write_bytes(_encoded(document, ascii_only=ascii_only))
        runs = [
            (
                subprocess.Popen(  # noqa: S603 - the project's own command
                    [sys.executable, "-m", "peelmodel", command, str(path), "--format", form],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    env={**os.environ, "PYTHONIOENCODING": encoding},
                ),
                encoding,
            )
            for command, form, encoding in (
                ("check", "table", "ascii"),
                ("report", "json", "ascii"),
                ("check", "json", "utf-8"),
                ("report", "table", "utf-8"),
            )
        ]
        for process, encoding in runs:
            out, err = process.communicate(timeout=300)
            assert process.returncode in (0, 1, 2)
            assert b"Traceback" not in err
            if process.returncode == 2:
                assert out == b""
                assert 1 <= err.count(b"\n") <= MAX_PROBLEMS + 1
            else:
                assert err == b""
                out.decode(encoding)
