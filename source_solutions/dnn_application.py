"""The graded models of "Deep Neural Network for Image Classification: Application".

Here ``initialize_parameters_deep`` is the application's version (seed 1, scaled by
1/sqrt(n[l-1])), as in the course; the step-by-step one lives in ``dnn_step_by_step``.
"""

import numpy as np

from .app_library import (
    L_model_backward,
    L_model_forward,
    compute_cost,
    initialize_parameters,
    initialize_parameters_deep,
    linear_activation_backward,
    linear_activation_forward,
    predict,
    update_parameters,
)

__all__ = ["two_layer_model", "L_layer_model", "initialize_parameters_deep", "predict"]

PRINT_EVERY = 100


def _record(costs, i, cost, print_cost):
    """Keep (and optionally print) the cost of iterations 0, 100, 200, ..."""
    if i % PRINT_EVERY == 0:
        costs.append(float(cost))
        if print_cost:
            print(f"Cost after iteration {i}: {float(cost)}")


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """Train LINEAR -> RELU -> LINEAR -> SIGMOID by batch gradient descent.

    X: (n_x, m); Y: (1, m); layers_dims = (n_x, n_h, n_y).
    Returns ``(parameters, costs)``; costs[k] is the cost at iteration 100 k, before its update.
    """
    np.random.seed(1)
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
        parameters = update_parameters(parameters, grads, learning_rate)
        _record(costs, i, cost, print_cost)
    return parameters, costs


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """Train [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID by batch gradient descent.

    X: (n[0], m); Y: (1, m); layers_dims = [n[0], ..., n[L]].
    Returns ``(parameters, costs)``; costs[k] is the cost at iteration 100 k, before its update.
    """
    np.random.seed(1)
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        _record(costs, i, cost, print_cost)
    return parameters, costs
