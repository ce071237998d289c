"""The native Excel charts of the summary: findings by category, coverage per unit, month-over-month trend."""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reconcile.report import styles


def _bar(title: str, height_cm: float) -> BarChart:
    chart = BarChart()
    chart.type = "bar"  # horizontal: long category and unit names stay readable
    chart.style = 10
    chart.title = title
    chart.legend = None
    chart.width = 20
    chart.height = height_cm
    chart.x_axis.delete = False  # openpyxl hides both axes unless told otherwise
    chart.y_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"  # first row on top, as in the table
    chart.y_axis.majorGridlines = None
    return chart


def findings_chart(ws: WriteOnlyWorksheet, title: str, first_row: int, last_row: int) -> BarChart:
    """Counts in column B against the category labels in column A."""
    chart = _bar(title, 7.5)
    chart.add_data(Reference(ws, min_col=2, min_row=first_row, max_row=last_row), titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=1, min_row=first_row, max_row=last_row))
    chart.y_axis.number_format = styles.INTEGER
    chart.series[0].graphicalProperties.solidFill = "C55A11"
    return chart


def coverage_chart(ws: WriteOnlyWorksheet, title: str, first_row: int, last_row: int) -> BarChart:
    """Coverage (column E, 0-1) against the unit names in column A."""
    units = last_row - first_row + 1
    chart = _bar(title, max(7.5, 0.55 * units + 2.5))
    chart.add_data(Reference(ws, min_col=5, min_row=first_row, max_row=last_row), titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=1, min_row=first_row, max_row=last_row))
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.number_format = "0%"
    chart.series[0].graphicalProperties.solidFill = "2E75B6"
    return chart


def trend_chart(
    ws: WriteOnlyWorksheet, title: str, header_row: int, first_row: int, last_row: int
) -> BarChart:
    """Month over month: uninsured persons (column B, bars) and overpayment (column D, line, right axis).

    Periods are in column A; series names come from the table's header row, so they are translated.
    """
    bars = BarChart()
    bars.type = "col"
    bars.style = 10
    bars.title = title
    bars.width = 20
    bars.height = 8
    bars.add_data(Reference(ws, min_col=2, min_row=header_row, max_row=last_row), titles_from_data=True)
    bars.set_categories(Reference(ws, min_col=1, min_row=first_row, max_row=last_row))
    bars.series[0].graphicalProperties.solidFill = "C55A11"
    bars.x_axis.delete = False
    bars.y_axis.delete = False
    bars.y_axis.number_format = styles.INTEGER
    bars.y_axis.scaling.min = 0
    bars.y_axis.majorGridlines = None

    line = LineChart()
    line.add_data(Reference(ws, min_col=4, min_row=header_row, max_row=last_row), titles_from_data=True)
    line.series[0].graphicalProperties.line.solidFill = "2E75B6"
    line.series[0].graphicalProperties.line.width = 28575  # 2.25 pt
    line.series[0].marker.symbol = "circle"
    line.series[0].smooth = False
    line.y_axis.axId = 200  # a second value axis, on the right: Rupiah and persons differ in scale
    line.y_axis.crosses = "max"
    line.y_axis.delete = False
    line.y_axis.number_format = styles.RUPIAH
    line.y_axis.scaling.min = 0
    line.y_axis.majorGridlines = None

    bars += line
    bars.legend.position = "b"
    return bars
