"""Planar data classification with one hidden layer.

Its notebook imports from here: ``check`` for the check cells and the course's fixtures
(``forward_propagation_test_case()`` and the others). The logistic-regression baseline comes
ready-made in ``planar_utils`` (see ``provided`` below).
"""

from ..assignment import Assignment, GradedFunction, ProvidedPackage
from ..checks import checker
from .cases import CASES
from .course import (  # noqa: F401 (the notebook's fixtures)
    INITIALIZE_SEED,
    backward_propagation_test_case,
    compute_cost_test_case,
    forward_propagation_test_case,
    initialize_parameters_test_case,
    layer_sizes_test_case,
    predict_test_case,
    update_parameters_test_case,
)
from .hints import HINTS

BASELINE = ProvidedPackage(
    name="planar_utils",
    modules=("planar_library", "logistic_regression"),
    main="planar_library",
    doc="""The logistic regression of the first assignment, ready-made, as the linear baseline:
logistic_regression_model (its model function) and logistic_regression_predict.""",
)

ASSIGNMENT = Assignment(
    id="planar_classifier",
    title="Planar data classification with one hidden layer",
    summary="build a network with one tanh hidden layer and watch it separate a 2-D flower that no straight line can.",
    functions=(
        GradedFunction("layer_sizes", 5, ("X", "Y"), ("n_x", "n_h", "n_y")),
        GradedFunction("initialize_parameters", 10, ("n_x", "n_h", "n_y"), "parameters"),
        GradedFunction("forward_propagation", 15, ("X", "parameters"), ("A2", "cache")),
        GradedFunction("compute_cost", 10, ("A2", "Y"), "cost"),
        GradedFunction("backward_propagation", 20, ("parameters", "cache", "X", "Y"), "grads"),
        GradedFunction("update_parameters", 10, ("parameters", "grads", "learning_rate"), "parameters"),
        GradedFunction("nn_model", 20, ("X", "Y", "n_h", "num_iterations", "print_cost"), "parameters",
                       depends_on=("layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
                                   "backward_propagation", "update_parameters"), hidden_cases=4),
        GradedFunction("predict", 10, ("parameters", "X"), "predictions", depends_on=("forward_propagation",),
                       labels=("predictions",)),
    ),
    cases=CASES,
    hints=HINTS,
    seconds_per_function=30.0,
    provided=(BASELINE,),
)

check = checker(ASSIGNMENT)
