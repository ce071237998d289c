#!/usr/bin/env bash
# Set up (first time), then lint, type-check and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
.venv/bin/ruff check reconcile schemas flows sample_data tests benchmarks
.venv/bin/ruff format --check reconcile schemas flows sample_data tests benchmarks
.venv/bin/mypy reconcile schemas
exec .venv/bin/python -m pytest "$@"
