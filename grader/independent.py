"""Independent credit: when a function is tested, the graded functions it calls are the
reference ones, so one mistake costs points once.

For each graded function, DEPENDENCIES lists the graded functions it may call. Their reference
source (with the private helpers it uses) is sent to the sandbox as text and put in the
student's namespace, only after those functions have been graded themselves.
"""

import inspect
from functools import lru_cache
import textwrap
import types

from .reference import reference_function

DEPENDENCIES = {
    "linear_activation_forward": ("linear_forward",),
    "L_model_forward": ("linear_forward", "linear_activation_forward"),
    "linear_activation_backward": ("linear_backward",),
    "L_model_backward": ("linear_backward", "linear_activation_backward"),
}
PRELUDE = "import numpy as np\nfrom dnn_utils.activations import ACTIVATIONS, relu, relu_backward, sigmoid, sigmoid_backward\n"


def _reference_helpers(function, seen):
    """``function`` and every source_solutions function it uses, dependencies first."""
    for name in function.__code__.co_names:
        value = function.__globals__.get(name)
        if isinstance(value, types.FunctionType) and value.__module__.startswith("source_solutions") and value not in seen:
            seen.append(value)  # placed before recursing so cycles stop
            _reference_helpers(value, seen)
    return seen


@lru_cache(maxsize=None)
def dependency_source(function_name):
    """(names, source) of the reference dependencies of ``function_name``; ("", ()) if none."""
    names = DEPENDENCIES.get(function_name, ())
    if not names:
        return (), ""
    functions = []
    for name in names:
        reference = reference_function(name)
        for helper in [reference, *_reference_helpers(reference, [])]:
            if helper not in functions:
                functions.append(helper)
    return names, PRELUDE + "\n\n".join(textwrap.dedent(inspect.getsource(f)) for f in functions)


def order_for_independence(functions):
    """``functions`` reordered so that every function comes after its dependencies."""
    ordered = []

    def visit(name):
        for dependency in DEPENDENCIES.get(name, ()):
            if dependency in functions:
                visit(dependency)
        if name not in ordered:
            ordered.append(name)

    for name in functions:
        visit(name)
    return ordered
