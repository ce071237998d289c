#!/usr/bin/env bash
# Set up (first time) and reconcile the bundled Lampung sample for 2018-02 into ./out.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/recon run --period 2018-02 \
  --payroll sample_data/2018-02/payroll \
  --participants sample_data/2018-02/bpjs \
  --out out "$@"
