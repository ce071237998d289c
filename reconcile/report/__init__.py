"""Render a ReconResult into the four outputs of ../shared/CONTRACT.md: workbook, two CSVs, manifest."""

from __future__ import annotations

from reconcile.report.output_folder import check_output_folder
from reconcile.report.output_names import OutputPaths
from reconcile.report.outputs import write_outputs

__all__ = ["OutputPaths", "check_output_folder", "write_outputs"]
