#!/usr/bin/env bash
# Create .venv with Python 3.11 and install the project with its pinned dependencies.
# Idempotent: re-installs only when pyproject.toml or constraints.txt changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for c in python3.11 python3; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      PY=$c; break
    fi
  done
fi
[ -n "$PY" ] || { echo "bootstrap: Python 3.11 is required (set PYTHON=/path/to/python3.11)" >&2; exit 2; }
if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv with $PY" >&2
  "$PY" -m venv .venv
fi
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
  echo "bootstrap: installing pinned dependencies (first run takes a few minutes)" >&2
  .venv/bin/python -m pip install -qq --upgrade "pip>=24" >&2
  .venv/bin/python -m pip install -qq -c constraints.txt -e ".[test]" >&2
  touch "$stamp"
fi
# Byte-compile the project: where PYTHONDONTWRITEBYTECODE is set (this machine's image sets it), every
# `recon` start would compile the modules changed since the last install again. Quick when up to date.
.venv/bin/python -m compileall -q reconcile schemas flows >/dev/null
