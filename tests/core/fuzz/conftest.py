"""The fuzz tests reuse the real signed package built once for the package tests."""

from tests.core.package.conftest import exported  # noqa: F401 - the session fixture
