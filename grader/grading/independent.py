"""Independent credit: when a function is tested, the graded functions it calls (its declared
``depends_on``) are the reference ones, so one mistake costs points once.

In the sandbox they are stand-ins that ask the grader to run the reference on plain copies of
their arguments (grader/sandbox/child.py, ``call_reference`` here): the reference's code never
enters a sandbox. numpy's global RNG state travels with each call and back, so a reference that
draws random numbers (an initialisation seeded by its caller) draws what it would have drawn in
the sandbox. Functions are graded in an order where each comes after its dependencies.
"""

import contextlib
import io
import warnings

import numpy as np

from testCases.assignment import GLOBAL_RNG_LOCK


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


def rng_state(sent):
    """numpy's legacy global RNG state, as ``np.random.set_state`` takes it, from a sandbox's
    list; ValueError unless it is exactly that (the list is an attacker's)."""
    if not isinstance(sent, list) or len(sent) != 5:
        raise ValueError("not a random state")
    name, keys, position, has_gauss, cached = sent
    if (name != "MT19937" or type(keys) is not np.ndarray or keys.dtype != np.uint32 or keys.shape != (624,)
            or type(position) is not int or not 0 <= position <= 624 or has_gauss not in (0, 1)
            or type(has_gauss) is not int or type(cached) is not float):
        raise ValueError("not a random state")
    return name, keys, position, has_gauss, cached


def reference_caller(spec):
    """``call_reference(name, args, kwargs, rng=None)`` for a sandbox's calls of ``spec``'s
    reference functions, run here on plain data: ("value", output) or ("refused", error dict).
    Given the sandbox's RNG state ``rng``, the reference draws from it and the value is
    ("value", output, state after); this process's own state is left as it was."""

    def call_reference(name, args, kwargs=None, rng=None):
        try:
            function = spec.reference(name)
        except ValueError:
            return "refused", {"type": "NameError", "message": f"{str(name)[:80]!r} is not a graded function"}
        try:
            state = None if rng is None else rng_state(rng)
        except ValueError:
            return "refused", {"type": "ValueError", "message": f"{name}: numpy's random state was replaced"}
        with GLOBAL_RNG_LOCK:
            own = np.random.get_state()
            try:
                if state is not None:
                    np.random.set_state(state)
                with warnings.catch_warnings(), np.errstate(all="ignore"), contextlib.redirect_stdout(io.StringIO()):
                    warnings.simplefilter("ignore")
                    value = function(*args, **(kwargs or {}))
                after = None if state is None else list(np.random.get_state())
            except Exception as error:  # the student's arguments may be anything plain
                return "refused", {"type": type(error).__name__, "message": f"{name}: {str(error)[:200]}"}
            finally:
                np.random.set_state(own)
        return ("value", value) if state is None else ("value", value, after)

    return call_reference
