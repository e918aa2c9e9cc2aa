"""Do the reference models reproduce the course's published training on the real cat data?"""

import numpy as np
import pytest

from source_solutions.dnn_application import L_layer_model, predict, two_layer_model

# The course's published costs at iterations 0, 100, ..., 2400 (2500 iterations, rate 0.0075).
TWO_LAYER_COSTS = [
    0.6930497356599888, 0.6464320953428849, 0.6325140647912677, 0.6015024920354665, 0.5601966311605747,
    0.5158304772764729, 0.4754901313943325, 0.43391631512257495, 0.4007977536203886, 0.3580705011323798,
    0.3394281538366413, 0.30527536361962654, 0.2749137728213015, 0.2468176821061484, 0.19850735037466102,
    0.17448318112556638, 0.1708076297809692, 0.11306524562164715, 0.09629426845937156, 0.0834261795972687,
    0.07439078704319085, 0.06630748132267933, 0.05919329501038172, 0.053361403485605606, 0.04855478562877019,
]
# Printed by the course to 6 decimals.
L_LAYER_COSTS = [
    0.771749, 0.672053, 0.648263, 0.611507, 0.567047, 0.540138, 0.527930, 0.465477, 0.369126, 0.391747,
    0.315187, 0.272700, 0.237419, 0.199601, 0.189263, 0.161189, 0.148214, 0.137775, 0.129740, 0.121225,
    0.113821, 0.107839, 0.102855, 0.100897, 0.092878,
]
TWO_LAYER_DIMS = (12288, 7, 1)
L_LAYER_DIMS = [12288, 20, 7, 5, 1]


def accuracy(X, Y, parameters, capsys):
    p = predict(X, Y, parameters)
    assert p.shape == Y.shape and set(np.unique(p)) <= {0.0, 1.0}
    assert "Accuracy" in capsys.readouterr().out
    return np.mean(p == Y)


def test_data_has_the_course_shapes(cat_data):
    train_x, train_y, test_x, test_y, classes = cat_data
    assert train_x.shape == (12288, 209) and test_x.shape == (12288, 50)
    assert train_y.shape == (1, 209) and test_y.shape == (1, 50)
    assert 0 <= train_x.min() and train_x.max() <= 1
    assert list(classes) == [b"non-cat", b"cat"]


def test_two_layer_model_follows_the_published_curve_for_300_iterations(cat_data):
    train_x, train_y, *_ = cat_data
    _, costs = two_layer_model(train_x, train_y, TWO_LAYER_DIMS, num_iterations=300)
    np.testing.assert_allclose(costs, TWO_LAYER_COSTS[:3], rtol=1e-12)
    assert costs[0] > costs[1] > costs[2]


def test_L_layer_model_follows_the_published_curve_for_300_iterations(cat_data, capsys):
    train_x, train_y, *_ = cat_data
    _, costs = L_layer_model(train_x, train_y, L_LAYER_DIMS, num_iterations=300, print_cost=True)
    np.testing.assert_allclose(costs, L_LAYER_COSTS[:3], atol=5.1e-7)
    assert costs[0] > costs[1] > costs[2]
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("Cost after iteration 0: 0.7717") and len(printed) == 3


@pytest.mark.slow
def test_two_layer_model_full_course_run(cat_data, capsys):
    train_x, train_y, test_x, test_y, _ = cat_data
    parameters, costs = two_layer_model(train_x, train_y, TWO_LAYER_DIMS, num_iterations=2500)
    np.testing.assert_allclose(costs, TWO_LAYER_COSTS, rtol=1e-11)
    assert accuracy(train_x, train_y, parameters, capsys) == 1.0
    assert accuracy(test_x, test_y, parameters, capsys) == 0.72


@pytest.mark.slow
def test_L_layer_model_full_course_run(cat_data, capsys):
    train_x, train_y, test_x, test_y, _ = cat_data
    parameters, costs = L_layer_model(train_x, train_y, L_LAYER_DIMS, num_iterations=2500)
    np.testing.assert_allclose(costs, L_LAYER_COSTS, atol=5.1e-7)
    assert round(accuracy(train_x, train_y, parameters, capsys) * 209) == 206
    assert accuracy(test_x, test_y, parameters, capsys) == 0.8
