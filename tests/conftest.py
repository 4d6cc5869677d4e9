"""Shared test configuration: Hypothesis profiles, the Hampshire fixtures, the JSON backends.

``PEELMODEL_HYPOTHESIS_PROFILE=heavy`` runs tens of thousands of examples per
property; the default profile runs a few hundred.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from peelmodel import Inspection, datasets
from peelmodel.analysis import Assessment, assess
from peelmodel.documents import backend

settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile(
    "heavy", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("PEELMODEL_HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def report() -> Inspection:
    """The embedded Hampshire 2015 dataset."""
    return datasets.load("hampshire-2015")


@pytest.fixture(scope="session")
def assessment(report: Inspection) -> Assessment:
    """The assessment of the embedded dataset."""
    return assess(report)


@pytest.fixture(params=["pure", "fast"])
def json_backend(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each JSON backend in turn; the fast one only where the fast extra is installed."""
    if request.param not in backend.available():
        pytest.skip("the fast extra (orjson) is not installed")
    previous = backend.active()
    backend.use(request.param)
    yield request.param
    backend.use(previous)
