"""Hints: what to look at when an output differs in a given way.

A hint teaches where to look; it never gives the line of code. Each assignment declares its own
(function, output, kind, hint) entries (their Chinese in its zh_CN.HINTS, by the same key); the
generic ones below apply to every assignment, their text in the catalogue (dnn_utils/messages.py).
``hint_for`` picks the most specific entry; "*" matches anything.
"""

import re
from functools import lru_cache

from dnn_utils.i18n import say

GENERIC_KINDS = ("missing", "extra", "nonfinite", "dtype", "shape", "type", "length")
GENERIC = tuple(("*", "*", kind, None) for kind in GENERIC_KINDS)  # None: the message "hint.<kind>"


def _matches(pattern, value):
    return pattern == "*" or pattern == value


def output_of(where):
    """The output name that starts a location such as ``caches[0][1]`` or ``grads['dW1']``."""
    return re.split(r"[\[.]", where, maxsplit=1)[0]


def hint_for(assignment, function, where, kind):
    """The most specific hint (``assignment``'s own, then GENERIC) for a difference of ``kind`` at
    ``where`` in ``function``'s output, in the current language, or None."""
    output = output_of(where)
    for f, o, k, hint in _by_specificity(tuple(assignment.hints)):
        if _matches(f, function) and _matches(o, output) and _matches(k, kind):
            return say(f"hint.{k}") if hint is None else assignment.text("HINTS", (f, o, k), hint)
    return None


@lru_cache(maxsize=16)
def _by_specificity(hints):
    # Entries naming more of (function, output, kind) win over those with wildcards; among equals,
    # the assignment's own come before the generic ones.
    return sorted(hints + GENERIC, key=lambda entry: -sum(part != "*" for part in entry[:3]))
