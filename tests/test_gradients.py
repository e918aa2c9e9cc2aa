"""Are the reference backward functions right? Checked against central finite differences, an
oracle that shares no code with them, so a wrong fixture cannot make wrong code pass."""

import numpy as np
import pytest

from dnn_utils.activations import relu_backward, sigmoid, sigmoid_backward
from source_solutions.dnn_step_by_step import (
    L_model_backward,
    L_model_forward,
    compute_cost,
    linear_activation_backward,
    linear_activation_forward,
    linear_backward,
    linear_forward,
)

EPS = 1e-6


def numeric_gradient(f, x):
    """Central differences of the scalar f() with respect to every entry of x (changed in place)."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + EPS
        plus = f()
        x[index] = saved - EPS
        minus = f()
        x[index] = saved
        grad[index] = (plus - minus) / (2 * EPS)
    return grad


def relative_error(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_linear_backward_matches_finite_differences(seed):
    rng = np.random.RandomState(seed)
    A, W, b = rng.randn(4, 5), rng.randn(3, 4), rng.randn(3, 1)
    G = rng.randn(3, 5)  # loss = sum(G * Z) / m, so dZ = G / m ... scaled back below

    def loss():
        return np.sum(G * linear_forward(A, W, b)[0])

    dA, dW, db = linear_backward(G, (A, W, b))
    m = A.shape[1]
    # linear_backward averages dW and db over the m examples (the cost is a mean); dA_prev is not.
    assert relative_error(dW * m, numeric_gradient(loss, W)) < 1e-8
    assert relative_error(db * m, numeric_gradient(loss, b)) < 1e-8
    assert relative_error(dA, numeric_gradient(loss, A)) < 1e-8


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
@pytest.mark.parametrize("seed", range(3))
def test_linear_activation_backward_matches_finite_differences(activation, seed):
    rng = np.random.RandomState(seed)
    A, W, b = rng.randn(4, 6), rng.randn(3, 4), rng.randn(3, 1)
    G = rng.randn(3, 6)

    def loss():
        return np.sum(G * linear_activation_forward(A, W, b, activation)[0])

    _, cache = linear_activation_forward(A, W, b, activation)
    if activation == "relu":
        assert np.min(np.abs(cache[1])) > 1e-4, "a Z this close to 0 would make the check meaningless"
    dA, dW, db = linear_activation_backward(G, cache, activation)
    m = A.shape[1]
    assert relative_error(dW * m, numeric_gradient(loss, W)) < 1e-7
    assert relative_error(db * m, numeric_gradient(loss, b)) < 1e-7
    assert relative_error(dA, numeric_gradient(loss, A)) < 1e-7


@pytest.mark.parametrize("backward, forward", [(sigmoid_backward, sigmoid), (relu_backward, None)])
def test_activation_backward_matches_finite_differences(backward, forward, rng):
    Z = rng.randn(3, 4)
    assert np.min(np.abs(Z)) > 1e-4, "ReLU has a kink at 0: keep Z away from it"
    dA = rng.randn(3, 4)
    f = forward or (lambda z: (np.maximum(0, z), z))

    def loss():
        return np.sum(dA * f(Z)[0])

    assert relative_error(backward(dA, Z), numeric_gradient(loss, Z)) < 1e-8


def random_network(rng, layer_dims, m):
    X = rng.randn(layer_dims[0], m)
    Y = (rng.rand(layer_dims[-1], m) > 0.5).astype(float)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters[f"b{l}"] = rng.randn(layer_dims[l], 1) * 0.1
    return X, Y, parameters


@pytest.mark.parametrize(
    "layer_dims",
    [[4, 1], [5, 3, 1], [6, 4, 3, 1], [3, 5, 4, 3, 2, 1], [4, 3, 2]],
    ids=lambda dims: "x".join(map(str, dims)),
)
@pytest.mark.parametrize("seed", range(2))
def test_L_model_backward_matches_finite_differences_of_the_cost(layer_dims, seed):
    """End to end: every dW, db and dA0 of L_model_backward is the derivative of compute_cost
    (for several output units, the cost summed over units; each unit's cross-entropy is a mean)."""
    rng = np.random.RandomState(seed)
    X, Y, parameters = random_network(rng, layer_dims, m=5)

    def cost():
        AL, _ = L_model_forward(X, parameters)
        return sum(compute_cost(AL[k : k + 1], Y[k : k + 1]) for k in range(AL.shape[0]))

    AL, caches = L_model_forward(X, parameters)
    for _, Z in caches[:-1]:
        assert np.min(np.abs(Z)) > 1e-5, "a ReLU input this close to 0 would make the check meaningless"
    grads = L_model_backward(AL, Y, caches)
    m = X.shape[1]
    for name, value in parameters.items():
        numeric = numeric_gradient(cost, value)
        assert relative_error(grads[f"d{name}"], numeric) < 1e-6, name
    # dA0 is the gradient of the summed (not averaged) loss: linear_backward leaves dA_prev unscaled.
    assert relative_error(grads["dA0"] / m, numeric_gradient(cost, X)) < 1e-6
