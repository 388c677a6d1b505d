"""One case per model unit test in tests/model_tests/*.yaml (the helper and the format: tests/model_units.py)."""

import pytest

from tests.model_units import load_tests, model_test_failures

TESTS = load_tests()


@pytest.mark.parametrize("name", TESTS)
def test_model(name: str):
    if failures := model_test_failures(TESTS[name]):
        pytest.fail(f"{name}\n{failures}", pytrace=False)  # the rows say it all: no traceback through the helper
