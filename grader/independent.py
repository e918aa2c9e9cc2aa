"""Independent credit: when a function is tested, the graded functions it calls are the
reference ones, so one mistake costs points once.

For each graded function, DEPENDENCIES lists the graded functions it may call. In the sandbox
they are stand-ins that ask the grader to run the reference on plain copies of their arguments
(grader/sandbox/child.py, grading.call_reference): the reference's code never enters a sandbox.
They are offered only once those functions have been graded themselves.
"""

DEPENDENCIES = {
    "linear_activation_forward": ("linear_forward",),
    "L_model_forward": ("linear_forward", "linear_activation_forward"),
    "linear_activation_backward": ("linear_backward",),
    "L_model_backward": ("linear_backward", "linear_activation_backward"),
}


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
