"""The analyst's notebook in examples/ runs from top to bottom in a fresh kernel, charts and all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "analyst_notebook.ipynb"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook, executed in a temporary folder by a fresh kernel."""
    folder = tmp_path_factory.mktemp("notebook")
    shutil.copy(NOTEBOOK, folder / NOTEBOOK.name)
    notebook = nbformat.read(folder / NOTEBOOK.name, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()
    return notebook


def _code(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


class TestAnalystNotebook:
    def test_kept_without_outputs(self):
        """The notebook is kept in the repository without outputs, so it never goes stale."""
        notebook = nbformat.read(NOTEBOOK, as_version=4)
        assert all(not cell.outputs for cell in _code(notebook))
        nbformat.validate(notebook)

    def test_every_cell_ran(self, executed):
        """Every code cell ran, in order, with no error output."""
        cells = _code(executed)
        assert [cell.execution_count for cell in cells] == list(range(1, len(cells) + 1))
        for cell in cells:
            assert all(output.output_type != "error" for output in cell.outputs), cell.source

    def test_charts_are_images(self, executed):
        """Each chart cell shows a PNG image, with no %matplotlib magic in the notebook."""
        charts = [cell for cell in _code(executed) if "chart" in cell.metadata.get("tags", [])]
        assert len(charts) == 3
        for cell in charts:
            [output] = [o for o in cell.outputs if o.output_type == "execute_result"]
            assert "image/png" in output.data
        assert not any("%matplotlib" in cell.source for cell in _code(executed))

    def test_tables_are_html(self, executed):
        """The report, the assessment, the history and the frame show as HTML tables."""
        results = [
            output
            for cell in _code(executed)
            if "chart" not in cell.metadata.get("tags", [])
            for output in cell.outputs
            if output.output_type == "execute_result"
        ]
        assert len(results) == 4
        assert all("<table" in output.data["text/html"] for output in results)
