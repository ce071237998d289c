"""Does the policy belong to the employer the BPJS file names? A regency run on the province's policy.

The default policy is the Lampung province's. An analyst at another employer who forgets `--policy`
gets premiums checked against the province's scheme, programs and declared income. The BPJS title
usually names the employer ("PEMERINTAH KABUPATEN PRINGSEWU"); when its level and region differ
from the policy's employer, the run says so. Abbreviations (PEMPROV, PEMKAB, PEMKOT) count as the
full words, and text after the region name (a unit, "- PTHL") is not compared.
"""

from __future__ import annotations

import re

from reconcile.messages import Lang, message

_LEVEL = re.compile(
    r"\b(?:pemerintah\s+)?(provinsi|prov|kabupaten|kab|kota|pemprov|pemkab|pemkot)\b\.?\s*([a-z]+)", re.I
)
_LEVELS = {
    "provinsi": "provinsi",
    "prov": "provinsi",
    "pemprov": "provinsi",
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "pemkab": "kabupaten",
    "kota": "kota",
    "pemkot": "kota",
}


def employer_key(name: str) -> tuple[str, str] | None:
    """(level, first word of the region) of an employer name, or None when it names no region."""
    m = _LEVEL.search(name)
    if m is None:
        return None
    return _LEVELS[m.group(1).casefold()], m.group(2).casefold()


def employer_notices(policy_employer: str, titled_employer: str | None, lang: Lang = "id") -> tuple[str, ...]:
    """A notice when the BPJS title names another employer than the policy's; none when either is unknown."""
    ours, theirs = employer_key(policy_employer), employer_key(titled_employer or "")
    if ours is None or theirs is None or ours == theirs:
        return ()
    return (message("policy_other_employer", lang, policy=policy_employer, titled=titled_employer),)
