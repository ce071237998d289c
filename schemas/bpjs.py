"""Format rules of a normalised BPJS frame (reconcile.model.BPJS_COLUMNS)."""

from __future__ import annotations

import pandera.pandas as pa

from reconcile.values import STATUSES
from schemas.identity import amount, side_schema, text

#: A BPJS participant row: identity rules, a known status (or none: blank or unreadable, see
#: reconcile.normalize.bpjs), amounts that are not negative.
BpjsSchema = side_schema(
    "BpjsSchema",
    {
        "join_date": pa.Column(pa.DateTime, nullable=True),
        "end_date": pa.Column(pa.DateTime, nullable=True, required=False),
        "status_text": pa.Column(str, nullable=True, required=False),
        "status": text(rules=[pa.Check(lambda s: s.isin(STATUSES), name="status_known")]),
        "reported_wage": amount(),
        "jkk": amount(),
        "jkm": amount(),
        "jht": amount(),
        "jp": amount(),
        "total": amount(),
    },
)
