"""Shared test configuration: Hypothesis profiles.

``PEELMODEL_HYPOTHESIS_PROFILE=heavy`` runs tens of thousands of examples per
property; the default profile runs a few hundred.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile(
    "heavy", max_examples=20_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("PEELMODEL_HYPOTHESIS_PROFILE", "default"))
