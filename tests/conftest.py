"""Settings every test shares: the hypothesis profiles, and the recorded-lane fixtures
(`recorded`, `lane` from `tests/recorded_lane.py`) that the viewer's tests use.

`fast` (the default, `make test`) keeps the property tests to seconds; `deep`
(`make test-deep`, HYPOTHESIS_PROFILE=deep) runs many more examples nightly. Neither has a
per-example deadline: a busy CI machine must not fail a correct property.
"""
import os

from hypothesis import settings

pytest_plugins = ("tests.recorded_lane",)

settings.register_profile("fast", max_examples=20, deadline=None)
settings.register_profile("deep", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
