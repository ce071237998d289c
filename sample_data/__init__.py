"""Synthetic Lampung payroll and BPJS files with planted anomalies and an answer key, for tests and demos."""

from sample_data.bundle import BundleSummary, generate_bundle

__all__ = ["BundleSummary", "generate_bundle"]
