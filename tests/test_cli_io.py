"""The command line's input and output: exit codes, pipes, standard input and what it refuses to read."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from peelmodel import cli, datasets
from peelmodel.cli import output

DATASET_TEXT = datasets.text("hampshire-2015")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in-process; return its exit code, stdout and stderr."""
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def spawn(
    *argv: str,
    stdin: bytes | None = None,
    encoding: str = "utf-8",
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m peelmodel`` with real pipes; fail rather than hang."""
    return subprocess.run(  # noqa: S603 - the project's own command
        [sys.executable, "-m", "peelmodel", *argv],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=120,
        check=False,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": encoding},
    )


def one_line(stderr: bytes) -> str:
    """The single line a refusal prints on stderr (and never a traceback)."""
    text = stderr.decode("utf-8", "backslashreplace")
    assert "Traceback" not in text
    assert text.endswith("\n")
    assert text.count("\n") == 1, text
    return text


def document(tmp_path: Path, old: str, new: str) -> Path:
    """The dataset with one piece of text replaced, written to a file."""
    assert DATASET_TEXT.count(old) >= 1
    path = tmp_path / "document.json"
    path.write_text(DATASET_TEXT.replace(old, new, 1), encoding="utf-8")
    return path


class TestInternalErrors:
    @pytest.fixture
    def broken(self, monkeypatch):
        """An engine with a defect."""

        def assess(_inspection):
            message = "the engine\nbroke"
            raise RuntimeError(message)

        monkeypatch.setattr("peelmodel.cli.report.assess", assess)

    @pytest.mark.usefixtures("broken")
    def test_exit_3_with_one_line(self, capsys):
        """An unexpected exception exits 3 with one line naming it, and no traceback."""
        code, out, err = run(capsys, "report")
        assert (code, out) == (3, "")
        assert err == "peelmodel: internal error: RuntimeError: the engine broke\n"

    @pytest.mark.usefixtures("broken")
    @pytest.mark.parametrize("argv", [["--debug", "report"], ["report", "--debug"]])
    def test_debug_prints_the_traceback(self, capsys, argv):
        """--debug, before or after the command, adds the traceback before the line."""
        code, _, err = run(capsys, *argv)
        assert code == 3
        assert err.startswith("Traceback (most recent call last):")
        assert err.endswith("peelmodel: internal error: RuntimeError: the engine broke\n")

    def test_a_failing_dependency_is_an_internal_error(self, capsys, monkeypatch, tmp_path):
        """An exception from cattrs while loading is not reported as a problem of the file."""

        class Broken:
            def structure(self, _data, _cls):
                message = "'Converter' object has no attribute 'get_structure_hook'"
                raise AttributeError(message)

        monkeypatch.setattr("peelmodel.documents.converter.quick_converter", Broken())
        monkeypatch.setattr("peelmodel.documents.converter.converter", Broken())
        path = tmp_path / "copy.json"
        path.write_text(DATASET_TEXT, encoding="utf-8")
        code, _, err = run(capsys, "check", str(path))
        assert code == 3
        assert err.startswith("peelmodel: internal error: AttributeError: ")
        assert str(path) not in err


class TestFindingsAndRefusals:
    @pytest.mark.parametrize(
        ("old", "new", "fragment"),
        [
            ('"2014-07-01/2015-06-30"', '"9998-07-01/9999-12-31"', "must be from 1900-01-01"),
            ('"2014-07-01/2015-06-30"', '"0001-01-01/0001-06-30"', "must be from 1900-01-01"),
            ('"published": "2016-02-01"', '"published": "9999-12-31"', "$.published"),
            ('"source": "Figure 4"', '"source": "Figure \\ud800 4"', "lone surrogates"),
            ('"source": "Figure 4"', '"source": "Figure \\u0007 4"', "control characters"),
            ('"rate": "14.4"', '"rate": "1\u0664.4"', "$.outcome_rates[0].rate"),
        ],
    )
    def test_invalid_values_exit_2(self, tmp_path, old, new, fragment):
        """Out-of-range dates, bad text and non-ASCII digits exit 2 with one line, never 1."""
        done = spawn("check", str(document(tmp_path, old, new)), "--format", "json")
        assert (done.returncode, done.stdout) == (2, b"")
        assert fragment in one_line(done.stderr)

    def test_inconsistent_figures_exit_1(self, tmp_path):
        """Exit 1 is kept for a valid document whose figures disagree."""
        done = spawn("check", str(document(tmp_path, '"rate": "14.4"', '"rate": "19.4"')))
        assert done.returncode == 1, done.stderr
        assert done.stderr == b""


class TestClosedPipe:
    @pytest.mark.parametrize("argv", [["report"], ["report", "--format", "json"]])
    def test_reader_gone_before_the_output(self, argv):
        """Output to a pipe whose reader has gone is dropped quietly, with the usual exit code."""
        process = subprocess.Popen(  # noqa: S603 - the project's own command
            [sys.executable, "-m", "peelmodel", *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None
        process.stdout.close()
        _, err = process.communicate(timeout=120)
        assert err == b""
        assert process.returncode == 0

    @pytest.mark.skipif(shutil.which("head") is None, reason="needs head")
    def test_head_reads_one_line(self):
        """``peelmodel report | head -1`` prints the title and no error."""
        writer = subprocess.Popen(
            [sys.executable, "-m", "peelmodel", "report", "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert writer.stdout is not None
        head = subprocess.run(  # noqa: S603 - a fixed command
            [str(shutil.which("head")), "-1"],
            stdin=writer.stdout,
            capture_output=True,
            timeout=120,
            check=True,
        )
        writer.stdout.close()
        _, err = writer.communicate(timeout=120)
        assert head.stdout == b"{\n"
        assert (writer.returncode, err) == (0, b"")


class TestStandardInput:
    @pytest.mark.parametrize("command", ["check", "report"])
    def test_document_on_stdin(self, command):
        """FILE may be - for standard input."""
        done = spawn(command, "-", "--format", "json", stdin=DATASET_TEXT.encode())
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["inspection"]["force"] == "hampshire"

    def test_invalid_document_on_stdin(self, capsys, monkeypatch):
        """An invalid document on standard input is named <stdin> in the one line."""
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"[]")))
        code, _, err = run(capsys, "check", "-")
        assert code == 2
        assert err.startswith("peelmodel: <stdin>: $: expected an object")
        assert err.count("\n") == 1

    def test_stdin_read_once(self, capsys):
        """aggregate takes - once at most."""
        code, _, err = run(capsys, "aggregate", "-", "-")
        assert code == 2
        assert "only once" in err

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    def test_endless_stdin_is_refused(self):
        """Standard input longer than the limit exits 2 without reading it all."""
        with Path("/dev/zero").open("rb") as zeros:
            done = subprocess.run(
                [sys.executable, "-m", "peelmodel", "check", "-"],
                stdin=zeros,
                capture_output=True,
                timeout=120,
                check=False,
            )
        assert done.returncode == 2
        assert one_line(done.stderr) == "peelmodel: <stdin>: larger than the limit of 16 MiB\n"


class TestUnreadable:
    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
    def test_device(self):
        """/dev/zero is not a regular file: exit 2."""
        done = spawn("check", "/dev/zero")
        assert done.returncode == 2
        assert one_line(done.stderr) == "peelmodel: /dev/zero: not a regular file\n"

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
    def test_fifo(self, tmp_path):
        """A FIFO is refused at once, without waiting for a writer."""
        fifo = tmp_path / "fifo.json"
        os.mkfifo(fifo)
        done = spawn("check", str(fifo))
        assert done.returncode == 2
        assert "not a regular file" in one_line(done.stderr)

    def test_huge_file(self, tmp_path):
        """A 2 GB (sparse) file is refused by its size, unread."""
        big = tmp_path / "big.json"
        with big.open("wb") as file:
            file.truncate(2 * 2**30)
        done = spawn("check", str(big))
        assert done.returncode == 2
        assert one_line(done.stderr) == f"peelmodel: {big}: larger than the limit of 16 MiB\n"

    def test_just_over_the_limit(self, capsys, tmp_path):
        """The limit is exact: one byte over is refused."""
        path = tmp_path / "padded.json"
        path.write_bytes(DATASET_TEXT.encode().ljust(cli.MAX_DOCUMENT_BYTES + 1))
        code, _, err = run(capsys, "check", str(path))
        assert code == 2
        assert "larger than the limit" in err

    def test_directory(self, capsys, tmp_path):
        """A directory exits 2, naming it as not a regular file."""
        code, _, err = run(capsys, "check", str(tmp_path))
        assert code == 2
        assert err.rstrip().endswith("not a regular file")


class TestFileOrDatasetName:
    def test_a_file_shadows_the_dataset(self, capsys, monkeypatch, tmp_path):
        """An existing file named like a dataset is read as the file."""
        (tmp_path / "hampshire-2015").write_text("[]", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        code, _, err = run(capsys, "check", "hampshire-2015")
        assert code == 2
        assert err.startswith("peelmodel: hampshire-2015: $: expected an object")

    def test_a_name_without_a_file_is_the_dataset(self, capsys, monkeypatch, tmp_path):
        """A dataset name that is no file loads the embedded dataset."""
        monkeypatch.chdir(tmp_path)
        assert run(capsys, "check", "hampshire-2015")[0] == 0

    def test_report_default_ignores_files(self, capsys, monkeypatch, tmp_path):
        """report with no argument is always the embedded dataset."""
        (tmp_path / "hampshire-2015").write_text("[]", encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        assert run(capsys, "report")[0] == 0

    def test_neither_file_nor_dataset(self, capsys, tmp_path):
        """A name that is neither exits 2 and lists the datasets."""
        code, _, err = run(capsys, "check", str(tmp_path / "kent-2015"))
        assert code == 2
        assert err.endswith(
            "no such file, nor an embedded dataset (embedded datasets: hampshire-2015)\n"
        )

    @pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
    def test_dangling_link(self, capsys, tmp_path):
        """A link to nothing is a file that cannot be read, named in the one line."""
        link = tmp_path / "hampshire-2015"
        link.symlink_to(tmp_path / "gone.json")
        code, _, err = run(capsys, "check", str(link))
        assert code == 2
        assert err == f"peelmodel: {link}: cannot read: No such file or directory\n"


class TestOutputEncoding:
    def test_ascii_table(self, tmp_path):
        """With an ASCII stdout, text it cannot hold is escaped, not a crash."""
        path = document(tmp_path, '"Figure 4"', '"Figure \u00a74 \u2014 caf\u00e9"')
        done = spawn("report", str(path), encoding="ascii")
        assert done.returncode == 0, done.stderr
        assert done.stderr == b""
        assert b"Figure \\xa74 \\u2014 caf\\xe9" in done.stdout

    def test_ascii_json_is_the_same_json(self, tmp_path):
        """With an ASCII stdout, JSON uses \\u escapes and reads back the same."""
        path = document(tmp_path, '"Figure 4"', '"Figure \u00a74 \u2014 caf\u00e9"')
        ascii_out = spawn("report", str(path), "--format", "json", encoding="ascii")
        utf8_out = spawn("report", str(path), "--format", "json", encoding="utf-8")
        assert (ascii_out.returncode, utf8_out.returncode) == (0, 0)
        assert ascii_out.stdout.isascii()
        assert json.loads(ascii_out.stdout) == json.loads(utf8_out.stdout.decode("utf-8"))

    def test_stream_without_the_characters(self):
        """A Latin-1 stream gets what Latin-1 holds, and escapes for the rest."""
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding="latin-1")
        output.write(stream, "caf\u00e9 \u2014 ok")
        assert raw.getvalue() == "caf\u00e9 \\u2014 ok\n".encode("latin-1")


class TestJsonIntervals:
    def test_unbounded_high_is_null(self, capsys):
        """ "high" is null exactly when nothing bounds the interval."""
        data = json.loads(run(capsys, "report", "--format", "json")[1])
        entries = [*data["figures"], *data["lost"], *data["inferred"]]
        unbounded = [entry for entry in entries if not entry["bounded"]]
        assert unbounded
        assert all(entry["high"] is None for entry in unbounded)
        assert all(entry["high"] is not None for entry in entries if entry["bounded"])
