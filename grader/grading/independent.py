"""Independent credit: when a function is tested, the graded functions it calls (its declared
``depends_on``) are the reference ones, so one mistake costs points once.

In the sandbox they are stand-ins that ask the grader to run the reference on plain copies of
their arguments (grader/sandbox/child.py, ``call_reference`` here): the reference's code never
enters a sandbox. Functions are graded in an order where each comes after its dependencies.
"""

import contextlib
import io
import warnings

import numpy as np


def order_for_independence(spec):
    """``spec``'s graded functions reordered so that every function comes after its dependencies."""
    functions = spec.functions
    ordered = []

    def visit(name):
        for dependency in spec.dependencies(name):
            if dependency in functions:
                visit(dependency)
        if name not in ordered:
            ordered.append(name)

    for name in functions:
        visit(name)
    return ordered


def reference_caller(spec):
    """``call_reference(name, args, kwargs)`` for a sandbox's calls of ``spec``'s reference
    functions, run here on plain data: ("value", output) or ("refused", error dict)."""

    def call_reference(name, args, kwargs=None):
        try:
            function = spec.reference(name)
        except ValueError:
            return "refused", {"type": "NameError", "message": f"{str(name)[:80]!r} is not a graded function"}
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"), contextlib.redirect_stdout(io.StringIO()):
                warnings.simplefilter("ignore")
                return "value", function(*args, **(kwargs or {}))
        except Exception as error:  # the student's arguments may be anything plain
            return "refused", {"type": type(error).__name__, "message": f"{name}: {str(error)[:200]}"}

    return call_reference
