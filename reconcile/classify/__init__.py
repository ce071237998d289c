"""Turn pairings and rule outcomes into findings, one module per kind of finding.

`classify` is the only entry point: it takes the prepared frames of both sides, the identity
pairing, and the amounts the rules give, and returns findings plus each row's outcome.
"""

from reconcile.classify.run import Classified, classify

__all__ = ["Classified", "classify"]
