"""Building your Deep Neural Network: Step by Step.

Its notebook imports from here: ``check`` for the check cells and the course's fixtures
(``linear_forward_test_case()`` and the others, as in testCases_v2).
"""

from ..assignment import Assignment, GradedFunction
from ..checks import checker
from .cases import CASES
from .course import (  # noqa: F401 (the notebook's fixtures)
    L_model_backward_test_case,
    L_model_forward_test_case_2hidden,
    compute_cost_test_case,
    initialize_parameters_deep_test_case,
    initialize_parameters_test_case,
    linear_activation_backward_test_case,
    linear_activation_forward_test_case,
    linear_backward_test_case,
    linear_forward_test_case,
    update_parameters_test_case,
)
from .hints import HINTS

ASSIGNMENT = Assignment(
    id="dnn_step_by_step",
    title="Building your Deep Neural Network: Step by Step",
    summary="build a deep network's ten building blocks, one exercise at a time.",
    functions=(
        GradedFunction("initialize_parameters", 5, ("n_x", "n_h", "n_y"), "parameters"),
        GradedFunction("initialize_parameters_deep", 10, ("layer_dims",), "parameters"),
        GradedFunction("linear_forward", 5, ("A", "W", "b"), ("Z", "cache")),
        GradedFunction("linear_activation_forward", 10, ("A_prev", "W", "b", "activation"), ("A", "cache"),
                       depends_on=("linear_forward",)),
        GradedFunction("L_model_forward", 15, ("X", "parameters"), ("AL", "caches"),
                       depends_on=("linear_forward", "linear_activation_forward")),
        GradedFunction("compute_cost", 10, ("AL", "Y"), "cost"),
        GradedFunction("linear_backward", 10, ("dZ", "cache"), ("dA_prev", "dW", "db")),
        GradedFunction("linear_activation_backward", 10, ("dA", "cache", "activation"), ("dA_prev", "dW", "db"),
                       depends_on=("linear_backward",)),
        GradedFunction("L_model_backward", 15, ("AL", "Y", "caches"), "grads",
                       depends_on=("linear_backward", "linear_activation_backward"), extra_keys_allowed=True),
        GradedFunction("update_parameters", 10, ("parameters", "grads", "learning_rate"), "parameters"),
    ),
    cases=CASES,
    hints=HINTS,
    seconds_per_function=30.0,
)

check = checker(ASSIGNMENT)
