"""Logistic Regression with a Neural Network Mindset, the first assignment of the series.

Its notebook imports from here: ``check`` for the check cells and the course's fixtures
(``propagate_test_case()`` and the others).
"""

from ..assignment import Assignment, GradedFunction
from ..checks import checker
from .cases import CASES
from .course import (  # noqa: F401 (the notebook's fixtures)
    initialize_with_zeros_test_case,
    optimize_test_case,
    predict_test_case,
    propagate_test_case,
    sigmoid_test_case,
)
from .hints import HINTS

ASSIGNMENT = Assignment(
    id="logistic_regression",
    title="Logistic Regression with a Neural Network Mindset",
    summary="build logistic regression, the smallest neural network, and train it to recognise cat pictures.",
    functions=(
        GradedFunction("sigmoid", 10, ("z",), "s"),
        GradedFunction("initialize_with_zeros", 10, ("dim",), ("w", "b")),
        GradedFunction("propagate", 25, ("w", "b", "X", "Y"), ("grads", "cost"), depends_on=("sigmoid",)),
        GradedFunction("optimize", 20, ("w", "b", "X", "Y", "num_iterations", "learning_rate", "print_cost"),
                       ("params", "grads", "costs"), depends_on=("propagate",)),
        GradedFunction("predict", 15, ("w", "b", "X"), "Y_prediction", depends_on=("sigmoid",),
                       labels=("Y_prediction",)),
        GradedFunction("model", 20, ("X_train", "Y_train", "X_test", "Y_test", "num_iterations", "learning_rate",
                                     "print_cost"), "d", depends_on=("initialize_with_zeros", "optimize", "predict"),
                       labels=("Y_prediction_test", "Y_prediction_train")),
    ),
    cases=CASES,
    hints=HINTS,
    seconds_per_function=30.0,
)

check = checker(ASSIGNMENT)
