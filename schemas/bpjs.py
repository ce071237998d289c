"""Format rules of a normalised BPJS frame (reconcile.model.BPJS_COLUMNS)."""

from __future__ import annotations

import pandera.pandas as pa

from reconcile.values import STATUSES
from schemas.checks import PREMIUM_PARTS, premium_part_sign_fits
from schemas.identity import amount, premium_amount, side_schema, text

#: A BPJS row: identity rules, a known status (or none: blank or unreadable, see
#: reconcile.normalize.bpjs), a reported wage that is not negative. A row whose premium (total, else
#: the sum of its parts) is negative is a correction (schemas.checks.is_correction): its total
#: decides, its parts may have either sign; on any other row they are 0 or more.
BpjsSchema = side_schema(
    "BpjsSchema",
    {
        "join_date": pa.Column(pa.DateTime, nullable=True),
        "end_date": pa.Column(pa.DateTime, nullable=True, required=False),
        "status_text": pa.Column(str, nullable=True, required=False),
        "billing_period": pa.Column(str, nullable=True, required=False),
        "program": pa.Column(str, nullable=True, required=False),
        "status": text(rules=[pa.Check(lambda s: s.isin(STATUSES), name="status_known")]),
        "reported_wage": amount(),
        "jkk": premium_amount(),
        "jkm": premium_amount(),
        "jht": premium_amount(),
        "jp": premium_amount(),
        "total": premium_amount(),
    },
    row_checks=[pa.Check(premium_part_sign_fits(f), name=f"{f}_sign_fits_premium") for f in PREMIUM_PARTS],
)
