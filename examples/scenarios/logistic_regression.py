"""The example class of logistic_regression: right (as written in the source, and written in other
ways), untouched, and wrong in the ways students get logistic regression wrong. PINNED is the exact
grade each must get (tests/test_scenarios.py)."""

from edits import answer, chain, extra_cell_after
from testCases import load

FUNCTIONS = [f.name for f in load("logistic_regression").functions]

CORRECT_VARIANTS = chain(
    answer("sigmoid", '''
def sigmoid(z):
    # the same function, through tanh: sigmoid(z) = (1 + tanh(z / 2)) / 2
    return 0.5 * (1 + np.tanh(0.5 * z))
'''),
    answer("initialize_with_zeros", '''
def initialize_with_zeros(dim):
    w = np.zeros(shape=(dim, 1), dtype=float)
    b = float(0)
    return w, b
'''),
    # Row-times-transposed-row products, as the course's lectures write the cost.
    answer("propagate", '''
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(w.T @ X + b)
    cost = -(1 / m) * (np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T))
    dw = (1 / m) * X @ (A - Y).T
    db = np.mean(A - Y)
    return {"dw": dw, "db": db}, np.squeeze(cost)
'''),
    # A deep copy first, so the in-place update touches only the copy; the cost kept as propagate returns it.
    answer("optimize", '''
import copy

def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w = copy.deepcopy(w)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw, db = grads["dw"], grads["db"]
        w -= learning_rate * dw
        b -= learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs
'''),
    # The course template's loop over the examples.
    answer("predict", '''
def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        if A[0, i] > 0.5:
            Y_prediction[0, i] = 1
        else:
            Y_prediction[0, i] = 0
    return Y_prediction
'''),
    answer("model", '''
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations=num_iterations,
                                    learning_rate=learning_rate, print_cost=print_cost)
    w, b = params["w"], params["b"]
    return dict(costs=costs, Y_prediction_test=predict(w, b, X_test), Y_prediction_train=predict(w, b, X_train),
                w=w, b=b, learning_rate=learning_rate, num_iterations=num_iterations)
'''),
)

SCENARIOS = {
    "correct": lambda nb: nb,
    "correct-variants": CORRECT_VARIANTS,
    # Integer labels are right too: 0/1 labels of any dtype (the checks compare their values).
    "correct-integer-predictions": answer("predict", '''
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A > 0.5).astype(int)
'''),
    # copy is imported in a cell of its own, as students do: the grader honours imports from any cell.
    "correct-import-in-another-cell": chain(
        extra_cell_after("setup", "import copy"),
        answer("optimize", '''
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    w, b = copy.deepcopy(w), copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(float(cost))
    return {"w": w, "b": b}, grads, costs
'''),
    ),
    "untouched-release": None,
    # model trains on the notebook's global cat data instead of its arguments: right by accident in the
    # notebook, a NameError in the grader, which runs the exercise cells alone (and explains it).
    "mistake-global-data-in-model": answer("model", '''
def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(train_set_x.shape[0])
    params, grads, costs = optimize(w, b, train_set_x, train_set_y, num_iterations, learning_rate, print_cost)
    w, b = params["w"], params["b"]
    return {"costs": costs, "Y_prediction_test": predict(w, b, X_test), "Y_prediction_train": predict(w, b, X_train),
            "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations}
'''),
    # The right value, the wrong type: b = 0 is an int.
    "mistake-b-int": answer("initialize_with_zeros", '''
def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0
    return w, b
'''),
    # A row times a column: Y * log(A).T broadcasts into an (m, m) matrix, right only when m = 1.
    "mistake-cost-square-matrix": answer("propagate", '''
def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(Y * np.log(A).T + (1 - Y) * np.log(1 - A).T)
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    return {"dw": dw, "db": db}, np.squeeze(cost)
'''),
    # Independent credit: propagate and predict are graded with the reference sigmoid.
    "mistake-sigmoid-exp-of-z": answer("sigmoid", '''
def sigmoid(z):
    return 1 / (1 + np.exp(z))
'''),
    # `w -= ...` on the caller's array: right outputs, but the caller's w has changed.
    "mistake-update-mutates-w": answer("optimize", '''
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw, db = grads["dw"], grads["db"]
        w -= learning_rate * dw
        b -= learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, {"dw": dw, "db": db}, costs
'''),
    # Iterations counted from 1: each cost is recorded one update late (and none under 100 iterations).
    "mistake-costs-counted-from-1": answer("optimize", '''
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(1, num_iterations + 1):
        grads, cost = propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs
'''),
    # >= instead of >: wrong only where a probability is exactly 0.5.
    "mistake-threshold-at-or-above-half": answer("predict", '''
def predict(w, b, X):
    A = sigmoid(np.dot(w.T, X) + b)
    return (A >= 0.5).astype(float)
'''),
}

ALL_ZERO = {function: (0, "error") for function in FUNCTIONS}

PINNED = {
    "correct": {},
    "correct-variants": {},
    "correct-integer-predictions": {},
    "correct-import-in-another-cell": {},
    "untouched-release": ALL_ZERO,
    "mistake-global-data-in-model": {"model": (0, "error")},
    "mistake-b-int": {"initialize_with_zeros": (0, "failed")},
    # Right only on the hidden cases with one example: 1 of 6 with seed 2026.
    "mistake-cost-square-matrix": {"propagate": (4.17, "failed")},
    "mistake-sigmoid-exp-of-z": {"sigmoid": (0, "failed")},
    "mistake-update-mutates-w": {"optimize": (0, "failed")},
    "mistake-costs-counted-from-1": {"optimize": (0, "failed")},
    # Wrong only on the hidden cases with an example exactly on the boundary: 4 of 6 with seed 2026.
    "mistake-threshold-at-or-above-half": {"predict": (5, "failed")},
}
