"""Shared fixtures for the rule tests: the shipped rule book and a writable copy of its tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reconcile.rules import RuleBook
from reconcile.rules.rulebook import DEFAULT_DIRECTORY


@pytest.fixture(scope="session")
def rules() -> RuleBook:
    return RuleBook.load()


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    """A copy of the shipped tables an analyst (the test) may edit."""
    target = tmp_path / "rules"
    target.mkdir()
    for table in DEFAULT_DIRECTORY.glob("rules_*.csv"):
        shutil.copy(table, target / table.name)
    return target
