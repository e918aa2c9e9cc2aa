"""Hints: what to look at when an output differs in a given way.

A hint teaches where to look; it never gives the line of code. Each assignment declares its own
(function, output, kind, hint) entries; the generic ones below apply to every assignment.
``hint_for`` picks the most specific entry; "*" matches anything.
"""

import re
from functools import lru_cache

GENERIC = (
    ("*", "*", "missing", "Every key the course expects must be there, with its exact name."),
    ("*", "*", "extra", "Return only the keys the course asks for; helper values belong in local variables."),
    ("*", "*", "nonfinite", "NaN or inf usually come from log(0), a division by zero or an overflow: check the formula and the inputs it uses."),
    ("*", "*", "dtype", "Keep the arrays float64, as numpy creates them (np.zeros gives float64)."),
    ("*", "*", "shape", "Compare the shape you get with the one the docstring gives."),
    ("*", "*", "type", "Return what the docstring describes, in the same structure."),
    ("*", "*", "length", "Return exactly the values the docstring lists."),
)


def _matches(pattern, value):
    return pattern == "*" or pattern == value


def output_of(where):
    """The output name that starts a location such as ``caches[0][1]`` or ``grads['dW1']``."""
    return re.split(r"[\[.]", where, maxsplit=1)[0]


def hint_for(hints, function, where, kind):
    """The most specific hint of ``hints`` (an assignment's, then GENERIC) for a difference of
    ``kind`` at ``where`` in ``function``'s output, or None."""
    output = output_of(where)
    for f, o, k, hint in _by_specificity(tuple(hints)):
        if _matches(f, function) and _matches(o, output) and _matches(k, kind):
            return hint
    return None


@lru_cache(maxsize=16)
def _by_specificity(hints):
    # Entries naming more of (function, output, kind) win over those with wildcards; among equals,
    # the assignment's own come before the generic ones.
    return sorted(hints + GENERIC, key=lambda entry: -sum(part != "*" for part in entry[:3]))
