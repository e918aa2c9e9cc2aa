"""The example class of dnn_application: the two models, right, untouched, and wrong in the ways
students get them wrong. PINNED is the exact grade each must get (tests/test_scenarios.py)."""

from edits import answer

PINNED_ZERO = {"two_layer_model": (0, "error"), "L_layer_model": (0, "error")}

SCENARIOS = {
    "correct": lambda nb: nb,
    "untouched-release": None,
    # The cost is recorded after the update: every entry of costs is one step late.
    "mistake-cost-recorded-after-the-update": answer("two_layer_model", '''
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")
        A2, cache2 = linear_activation_forward(A1, parameters["W2"], parameters["b2"], "sigmoid")
        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        parameters = update_parameters(parameters, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}, learning_rate)
        if i % 100 == 0:
            A2, _ = linear_activation_forward(linear_activation_forward(X, parameters["W1"], parameters["b1"], "relu")[0],
                                              parameters["W2"], parameters["b2"], "sigmoid")
            costs.append(float(compute_cost(A2, Y)))
    return parameters, costs
'''),
    # A cost recorded at every iteration, not every hundredth.
    "mistake-cost-recorded-every-iteration": answer("L_layer_model", '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        costs.append(float(compute_cost(AL, Y)))
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
'''),
    # The course's learning rate written in, whatever the caller asks for.
    "mistake-learning-rate-hard-coded": answer("L_layer_model", '''
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    parameters = initialize_parameters_deep(layers_dims)
    costs = []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        if i % 100 == 0:
            costs.append(float(cost))
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, 0.0075)
    return parameters, costs
'''),
}

PINNED = {
    "correct": {},
    "untouched-release": PINNED_ZERO,
    "mistake-cost-recorded-after-the-update": {"two_layer_model": (0, "failed")},
    "mistake-cost-recorded-every-iteration": {"L_layer_model": (0, "failed")},
    "mistake-learning-rate-hard-coded": {"L_layer_model": (0, "failed")},
}
