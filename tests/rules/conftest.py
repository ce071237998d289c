"""Shared fixtures for the rule tests: the shipped rule book and a writable copy of its tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.rules import RuleBook
from tests.builders import copy_shipped_rules


@pytest.fixture(scope="session")
def rules() -> RuleBook:
    return RuleBook.load()


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    """A copy of the shipped tables an analyst (the test) may edit."""
    return copy_shipped_rules(tmp_path / "rules")
