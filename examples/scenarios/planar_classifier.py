"""The example class of planar_classifier: the network with one tanh hidden layer, right (as the
source and written otherwise), untouched, and wrong in the ways students get it wrong. PINNED is
the exact grade each must get (tests/test_scenarios.py)."""

from edits import answer, chain, extra_cell_after
from testCases import load

FUNCTIONS = [f.name for f in load("planar_classifier").functions]

CORRECT_VARIANTS = chain(
    answer("layer_sizes", '''
def layer_sizes(X, Y):
    n_x, _ = X.shape
    n_y, _ = Y.shape
    return n_x, 4, n_y
'''),
    # np.random.normal(0, 1, size) draws the very numbers randn does.
    answer("initialize_parameters", '''
def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.normal(0.0, 1.0, (n_h, n_x)) * 0.01
    W2 = np.random.normal(0.0, 1.0, (n_y, n_h)) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}
'''),
    answer("forward_propagation", '''
def forward_propagation(X, parameters):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
'''),
    # A row times a column is the sum of the products: a (1, 1) array, squeezed.
    answer("compute_cost", '''
def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.dot(Y, np.log(A2).T) + np.dot(1 - Y, np.log(1 - A2).T)
    return float(np.squeeze(-logprobs / m))
'''),
    answer("backward_propagation", '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dW2 = dZ2 @ cache["A1"].T / m
    db2 = np.mean(dZ2, axis=1, keepdims=True)
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - cache["A1"] ** 2)
    dW1 = dZ1 @ X.T / m
    db1 = np.mean(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
'''),
    answer("nn_model", '''
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate=1.2)
        if print_cost and i % 1000 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
    return parameters
'''),
    answer("predict", '''
def predict(parameters, X):
    A2, _ = forward_propagation(X, parameters)
    return np.where(A2 > 0.5, 1.0, 0.0)
'''),
)

SCENARIOS = {
    "correct": lambda nb: nb,
    "correct-variants": CORRECT_VARIANTS,
    # The course's own predict returns the comparison's booleans: 0/1 labels of any dtype are right.
    "correct-boolean-predictions": answer("predict", '''
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = (A2 > 0.5)
    return predictions
'''),
    # A deep copy, with `import copy` in a cell of the student's own above the exercise.
    "correct-import-in-another-cell": chain(
        extra_cell_after("setup", "import copy"),
        answer("update_parameters", '''
def update_parameters(parameters, grads, learning_rate=1.2):
    parameters = copy.deepcopy(parameters)
    for key in ["W1", "b1", "W2", "b2"]:
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
'''),
    ),
    "untouched-release": None,
    # The step-by-step habit: a seed inside. It passes the course's example (seed 2), nothing else.
    "mistake-seed-inside-initialize-parameters": answer("initialize_parameters", '''
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    W2 = np.random.randn(n_y, n_h) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}
'''),
    # tanh' recomputed from Z1: right on the student's own caches, wrong on the checks' caches.
    "mistake-tanh-derivative-from-Z1": answer("backward_propagation", '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dW2 = (1 / m) * np.dot(dZ2, cache["A1"].T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.tanh(cache["Z1"]) ** 2)
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
'''),
    # Arguments renamed, so X and Y inside are the notebook's globals: the flower, or nothing at all.
    "mistake-global-X-Y-in-nn-model": answer("nn_model", '''
def nn_model(X_train, Y_train, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    parameters = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters
'''),
    "mistake-sigmoid-on-hidden-layer": answer("forward_propagation", '''
def forward_propagation(X, parameters):
    Z1 = np.dot(parameters["W1"], X) + parameters["b1"]
    A1 = sigmoid(Z1)[0]
    Z2 = np.dot(parameters["W2"], A1) + parameters["b2"]
    A2 = sigmoid(Z2)[0]
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
'''),
    # (1, m) times (m, 1) broadcasts into an (m, m) matrix.
    "mistake-cost-broadcast-into-m-by-m": answer("compute_cost", '''
def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = Y * np.log(A2).T + (1 - Y) * np.log(1 - A2).T
    return float(-np.sum(logprobs) / m)
'''),
    "mistake-db-without-keepdims": answer("backward_propagation", '''
def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    dZ2 = cache["A2"] - Y
    dW2 = (1 / m) * np.dot(dZ2, cache["A1"].T)
    db2 = (1 / m) * np.sum(dZ2, axis=1)
    dZ1 = np.dot(parameters["W2"].T, dZ2) * (1 - np.power(cache["A1"], 2))
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
'''),
    "mistake-update-mutates-parameters": answer("update_parameters", '''
def update_parameters(parameters, grads, learning_rate=1.2):
    for key in ["W1", "b1", "W2", "b2"]:
        parameters[key] -= learning_rate * grads["d" + key]
    return parameters
'''),
    "mistake-nn-model-seeds-after-initialising": answer("nn_model", '''
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    n_x, _, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    np.random.seed(3)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters
'''),
    # layer_sizes' fixed 4 instead of the argument n_h.
    "mistake-nn-model-ignores-n-h": answer("nn_model", '''
def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x, n_h, n_y = layer_sizes(X, Y)
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
    return parameters
'''),
    "mistake-predict-threshold-inclusive": answer("predict", '''
def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    return (A2 >= 0.5).astype(float)
'''),
}

PINNED = {
    "correct": {},
    "correct-variants": {},
    "correct-boolean-predictions": {},
    "correct-import-in-another-cell": {},
    "untouched-release": {function: (0, "error") for function in FUNCTIONS},
    "mistake-seed-inside-initialize-parameters": {"initialize_parameters": (0, "failed")},
    "mistake-tanh-derivative-from-Z1": {"backward_propagation": (0, "failed")},
    "mistake-global-X-Y-in-nn-model": {"nn_model": (0, "error")},
    "mistake-sigmoid-on-hidden-layer": {"forward_propagation": (0, "failed")},
    "mistake-cost-broadcast-into-m-by-m": {"compute_cost": (0, "failed")},
    "mistake-db-without-keepdims": {"backward_propagation": (0, "failed")},
    "mistake-update-mutates-parameters": {"update_parameters": (0, "failed")},
    "mistake-nn-model-seeds-after-initialising": {"nn_model": (0, "failed")},
    "mistake-nn-model-ignores-n-h": {"nn_model": (0, "failed")},
    "mistake-predict-threshold-inclusive": {"predict": (0, "failed")},
}
