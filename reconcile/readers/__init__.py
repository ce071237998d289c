"""Input readers: find the input files and read each into an InputTable (structure, not value types).

`discover_inputs` expands the PATHs of the command line; `read_input` finds the header of every
sheet, maps columns through the alias table, and keeps the data rows with their Excel row numbers.
"""

from reconcile.readers.discover import discover_inputs
from reconcile.readers.input_table import read_input

__all__ = ["discover_inputs", "read_input"]
