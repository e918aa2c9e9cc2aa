"""Does the reference reproduce the course's published "Expected output" for every fixture?

These numbers are the course's own, copied once from its expected-output tables; they are an
oracle independent of our reference (the stored fixtures in testCases/expected are not).
"""

import numpy as np
import pytest

from dnn_utils.compare import compare
from source_solutions import dnn_step_by_step as ref
import testCases.dnn_step_by_step as tc

# The course prints 8 decimals, so a printed number is within half a unit of the 8th decimal.
PRINTED = (0.0, 5.0000001e-9)


def assert_printed(actual, expected):
    differences = compare(actual, np.array(expected, dtype=float), tolerance=PRINTED)
    assert not differences, [d.message for d in differences]


def test_initialize_parameters():
    p = ref.initialize_parameters(*tc.initialize_parameters_test_case())
    assert_printed(p["W1"], [[0.01624345, -0.00611756, -0.00528172], [-0.01072969, 0.00865408, -0.02301539]])
    assert_printed(p["b1"], [[0.0], [0.0]])
    assert_printed(p["W2"], [[0.01744812, -0.00761207]])
    assert_printed(p["b2"], [[0.0]])


def test_initialize_parameters_deep():
    p = ref.initialize_parameters_deep(tc.initialize_parameters_deep_test_case())
    assert_printed(p["W1"], [
        [0.01788628, 0.0043651, 0.00096497, -0.01863493, -0.00277388],
        [-0.00354759, -0.00082741, -0.00627001, -0.00043818, -0.00477218],
        [-0.01313865, 0.00884622, 0.00881318, 0.01709573, 0.00050034],
        [-0.00404677, -0.0054536, -0.01546477, 0.00982367, -0.01101068],
    ])
    assert_printed(p["W2"], [
        [-0.01185047, -0.0020565, 0.01486148, 0.00236716],
        [-0.01023785, -0.00712993, 0.00625245, -0.00160513],
        [-0.00768836, -0.00230031, 0.00745056, 0.01976111],
    ])
    assert_printed(p["b1"], np.zeros((4, 1)))
    assert_printed(p["b2"], np.zeros((3, 1)))


def test_linear_forward():
    Z, _ = ref.linear_forward(*tc.linear_forward_test_case())
    assert_printed(Z, [[3.26295337, -1.23429987]])


@pytest.mark.parametrize("activation, expected", [("sigmoid", [[0.96890023, 0.11013289]]), ("relu", [[3.43896131, 0.0]])])
def test_linear_activation_forward(activation, expected):
    A, _ = ref.linear_activation_forward(*tc.linear_activation_forward_test_case(), activation)
    assert_printed(A, expected)


def test_L_model_forward():
    AL, caches = ref.L_model_forward(*tc.L_model_forward_test_case_2hidden())
    assert_printed(AL, [[0.03921668, 0.70498921, 0.19734387, 0.04728177]])
    assert len(caches) == 3


def test_compute_cost():
    Y, AL = tc.compute_cost_test_case()
    cost = ref.compute_cost(AL, Y)
    assert np.shape(cost) == ()
    assert abs(float(cost) - 0.2797765635793422) < 1e-15


def test_linear_backward():
    dA_prev, dW, db = ref.linear_backward(*tc.linear_backward_test_case())
    assert_printed(dA_prev, [
        [-1.15171336, 0.06718465, -0.3204696, 2.09812712],
        [0.60345879, -3.72508701, 5.81700741, -3.84326836],
        [-0.4319552, -1.30987417, 1.72354705, 0.05070578],
        [-0.38981415, 0.60811244, -1.25938424, 1.47191593],
        [-2.52214926, 2.67882552, -0.67947465, 1.48119548],
    ])
    assert_printed(dW, [
        [0.07313866, -0.0976715, -0.87585828, 0.73763362, 0.00785716],
        [0.85508818, 0.37530413, -0.59912655, 0.71278189, -0.58931808],
        [0.97913304, -0.24376494, -0.08839671, 0.55151192, -0.10290907],
    ])
    assert_printed(db, [[-0.14713786], [-0.11313155], [-0.13209101]])


def test_linear_activation_backward():
    dA, cache = tc.linear_activation_backward_test_case()
    dA_prev, dW, db = ref.linear_activation_backward(dA, cache, "sigmoid")
    assert_printed(dA_prev, [[0.11017994, 0.01105339], [0.09466817, 0.00949723], [-0.05743092, -0.00576154]])
    assert_printed(dW, [[0.10266786, 0.09778551, -0.01968084]])
    assert_printed(db, [[-0.05729622]])
    dA_prev, dW, db = ref.linear_activation_backward(dA, cache, "relu")
    assert_printed(dA_prev, [[0.44090989, 0.0], [0.37883606, 0.0], [-0.2298228, 0.0]])
    assert_printed(dW, [[0.44513824, 0.37371418, -0.10478989]])
    assert_printed(db, [[-0.20837892]])


def test_L_model_backward():
    grads = ref.L_model_backward(*tc.L_model_backward_test_case())
    assert_printed(grads["dW1"], [
        [0.41010002, 0.07807203, 0.13798444, 0.10502167],
        [0.0, 0.0, 0.0, 0.0],
        [0.05283652, 0.01005865, 0.01777766, 0.0135308],
    ])
    assert_printed(grads["db1"], [[-0.22007063], [0.0], [-0.02835349]])
    assert_printed(grads["dA1"], [[0.12913162, -0.44014127], [-0.14175655, 0.48317296], [0.01663708, -0.05670698]])
    assert sorted(grads) == ["dA0", "dA1", "dW1", "dW2", "db1", "db2"]


def test_update_parameters():
    parameters = ref.update_parameters(*tc.update_parameters_test_case())
    assert_printed(parameters["W1"], [
        [-0.59562069, -0.09991781, -2.14584584, 1.82662008],
        [-1.76569676, -0.80627147, 0.51115557, -1.18258802],
        [-1.0535704, -0.86128581, 0.68284052, 2.20374577],
    ])
    assert_printed(parameters["b1"], [[-0.04659241], [-1.28888275], [0.53405496]])
    assert_printed(parameters["W2"], [[-0.55569196, 0.0354055, 1.32964895]])
    assert_printed(parameters["b2"], [[-0.84610769]])
