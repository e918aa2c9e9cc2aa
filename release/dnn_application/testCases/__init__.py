"""Inputs for every graded function, in the style of the course's testCases_v2.

The ``*_test_case`` functions rebuild the course's fixtures with the course's recipes (the
legacy global RNG, seeded, then randn in a fixed order), so their expected outputs are the
numbers learners know. ``CASES`` adds what the course lacks: several output units, more
examples, other shapes and a real probability AL for the backward pass. Expected outputs are
generated from the reference by ``python -m testCases.generate`` into ``testCases/expected``.
"""

from .cases import CASES, Case, expected_outputs
from .course import (
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
