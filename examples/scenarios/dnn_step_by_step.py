"""The example class of dnn_step_by_step: one submission per scenario, each a small, readable edit
of the source notebook named for what it proves (correct variants, typical mistakes, cheat
attempts, damage to the file). PINNED is the exact grade each must get (tests/test_scenarios.py)."""

from edits import (Edition, answer, chain, drop_cell, duplicate_cell, extra_cell_after, gut_check_cells,
                   rename_grade_ids, retype_cell, reverse_cells, strip_nbgrader_metadata)
from testCases import load

FUNCTIONS = [f.name for f in load("dnn_step_by_step").functions]

CORRECT_VARIANTS = chain(
    # The course template's own assert, which students keep: the contract is one sigmoid output unit.
    answer("L_model_forward", '''
def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
    caches.append(cache)
    assert AL.shape == (1, X.shape[1])
    return AL, caches
'''),
    answer("linear_forward", '''
def linear_forward(A, W, b):
    Z = W @ A + b
    return Z, (A, W, b)
'''),
    answer("update_parameters", '''
import copy

def update_parameters(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters
'''),
    answer("linear_backward", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    dW = dZ @ A_prev.T / A_prev.shape[1]
    db = np.mean(dZ, axis=1, keepdims=True)
    dA_prev = W.T @ dZ
    return dA_prev, dW, db
'''),
    answer("linear_activation_backward", '''
def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    if activation == "relu":
        dZ = dA * (Z > 0)
    else:
        s = 1 / (1 + np.exp(-Z))
        dZ = dA * s * (1 - s)
    return linear_backward(dZ, linear_cache)
'''),
    answer("compute_cost", '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return float(np.squeeze(cost))
'''),
)

SCENARIOS = {
    "correct": lambda nb: nb,
    "correct-variants": CORRECT_VARIANTS,
    # copy is imported in a cell of its own, as students do: the grader honours imports from any cell.
    "correct-import-in-another-cell": chain(
        extra_cell_after("setup", "import copy"),
        answer("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    parameters = copy.deepcopy(parameters)
    for l in range(1, len(parameters) // 2 + 1):
        parameters[f"W{l}"] -= learning_rate * grads[f"dW{l}"]
        parameters[f"b{l}"] -= learning_rate * grads[f"db{l}"]
    return parameters
'''),
    ),
    # A global defined in another cell works in the notebook; the grader runs the exercise alone.
    "mistake-global-from-another-cell": chain(
        extra_cell_after("setup", "EPSILON_FREE_M = 1"),
        answer("linear_backward", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1] * EPSILON_FREE_M
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    return np.dot(W.T, dZ), dW, db
'''),
    ),
    "untouched-release": None,  # the student release as handed out
    "mistake-rand-instead-of-randn": answer("initialize_parameters_deep", '''
def initialize_parameters_deep(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.rand(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
'''),
    "mistake-a-cached-instead-of-z": answer("linear_activation_forward", '''
def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, _ = sigmoid(Z) if activation == "sigmoid" else relu(Z)
    return A, (linear_cache, A)
'''),
    "mistake-cost-not-squeezed": answer("compute_cost", '''
def compute_cost(AL, Y):
    m = Y.shape[1]
    return -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
'''),
    "mistake-db-without-keepdims": answer("linear_backward", '''
def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db
'''),
    "mistake-sigmoid-backward-on-hidden-layers": answer("L_model_backward", '''
def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(1, L + 1)):
        dA, grads["dW" + str(l)], grads["db" + str(l)] = linear_activation_backward(dA, caches[l - 1], "sigmoid")
        grads["dA" + str(l - 1)] = dA
    return grads
'''),
    "mistake-update-mutates-parameters": answer("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters
'''),
    # Not in the catalogue: named by the probes (the function called again, and with one argument varied).
    "mistake-learning-rate-from-the-cell": answer("update_parameters", '''
LEARNING_RATE = 0.0075

def update_parameters(parameters, grads, learning_rate):
    parameters = {key: value.copy() for key, value in parameters.items()}
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] -= LEARNING_RATE * grads["dW" + str(l)]
        parameters["b" + str(l)] -= LEARNING_RATE * grads["db" + str(l)]
    return parameters
'''),
    "mistake-initialisation-without-its-seed": answer("initialize_parameters_deep", '''
def initialize_parameters_deep(layer_dims):
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * 0.01
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters
'''),
    "mistake-broken-linear-forward-costs-once": answer("linear_forward", '''
def linear_forward(A, W, b):
    Z = np.dot(W, A)
    return Z, (A, W, b)
'''),
    "cheat-monkeypatch-allclose": answer("linear_forward", '''
np.allclose = lambda *args, **kwargs: True
np.testing.assert_allclose = lambda *args, **kwargs: None
import dnn_utils.compare, testCases.checks
dnn_utils.compare.compare = lambda *args, **kwargs: []
testCases.checks.compare_outputs = lambda *args, **kwargs: []

def linear_forward(A, W, b):
    return np.zeros((W.shape[0], A.shape[1])), (A, W, b)
'''),
    "cheat-import-the-solutions": answer("linear_forward", '''
import sys
sys.path.insert(0, "/work/main")
from source_solutions.dnn_step_by_step import linear_forward
'''),
    "cheat-read-the-reference-files": answer("linear_forward", '''
import glob, os
SOURCES = [p for p in glob.glob("/**/source_solutions/linear.py", recursive=True)]
exec(open(SOURCES[0]).read())
'''),
    "cheat-hard-coded-course-output": answer("linear_forward", '''
def linear_forward(A, W, b):
    return np.array([[3.26295337, -1.23429987]]), (A, W, b)
'''),
    "cheat-exit-the-grader": answer("compute_cost", '''
import os

def compute_cost(AL, Y):
    os._exit(0)
'''),
    "cheat-endless-loop": answer("linear_backward", '''
def linear_backward(dZ, cache):
    while True:
        pass
'''),
    "cheat-memory-bomb": answer("update_parameters", '''
def update_parameters(parameters, grads, learning_rate):
    hoard = []
    while True:
        hoard.append(np.ones((4096, 4096)))
'''),
    "cheat-flood-stdout": answer("linear_forward", '''
import os, sys

def linear_forward(A, W, b):
    for _ in range(2000):
        print("x" * 10000)
        sys.stderr.write("y" * 10000)
    os.write(1, b"z" * 100000)
    return np.dot(W, A) + b, (A, W, b)
'''),
    "broken-invalid-json": "INVALID_JSON",
    "broken-empty-file": "EMPTY",
    "damaged-deleted-exercise-cell": drop_cell("update_parameters"),
    "damaged-cells-reordered-and-retyped": chain(reverse_cells, retype_cell("linear_forward", "markdown")),
    "damaged-grade-ids-changed": rename_grade_ids,
    "damaged-metadata-stripped-and-checks-emptied": chain(strip_nbgrader_metadata, gut_check_cells),
    "damaged-duplicated-cell-last-wins": duplicate_cell("linear_forward", '''
def linear_forward(A, W, b):
    return np.dot(W, A), (A, W, b)
'''),
    "damaged-old-nbformat-3": "NBFORMAT3",
    "damaged-renamed-file": "RENAMED",
}
# A student of the Chinese edition with the same mistake: graded the same, told in Chinese.
SCENARIOS["zh-mistake-db-without-keepdims"] = Edition("zh_CN", SCENARIOS["mistake-db-without-keepdims"])

ALL_ZERO = {f: (0, "error") for f in FUNCTIONS}

# Exact grades that differ from full marks, per scenario: {function: (score, status)}.
PINNED = {
    "correct": {},
    "correct-variants": {},
    "correct-import-in-another-cell": {},
    "mistake-global-from-another-cell": {"linear_backward": (0, "error")},
    "untouched-release": ALL_ZERO,
    "broken-invalid-json": ALL_ZERO,
    "broken-empty-file": ALL_ZERO,
    "mistake-rand-instead-of-randn": {"initialize_parameters_deep": (0, "failed")},
    "mistake-a-cached-instead-of-z": {"linear_activation_forward": (0, "failed")},
    "mistake-cost-not-squeezed": {"compute_cost": (0, "failed")},
    "mistake-db-without-keepdims": {"linear_backward": (0, "failed")},
    # Right only on the hidden cases whose network has a single (sigmoid) layer: 1 of 6 with seed 2026.
    "mistake-sigmoid-backward-on-hidden-layers": {"L_model_backward": (2.5, "failed")},
    "mistake-update-mutates-parameters": {"update_parameters": (0, "failed")},
    # Independent credit: the layers above linear_forward are graded with the reference one.
    "mistake-learning-rate-from-the-cell": {"update_parameters": (0, "failed")},
    "mistake-initialisation-without-its-seed": {"initialize_parameters_deep": (0, "failed")},
    "mistake-broken-linear-forward-costs-once": {"linear_forward": (0, "failed")},
    "cheat-monkeypatch-allclose": {"linear_forward": (0, "failed")},
    "cheat-import-the-solutions": {"linear_forward": (0, "missing")},
    "cheat-read-the-reference-files": {"linear_forward": (0, "missing")},
    "cheat-hard-coded-course-output": {"linear_forward": (0, "failed")},
    "cheat-exit-the-grader": {"compute_cost": (0, "error")},
    "cheat-endless-loop": {"linear_backward": (0, "timeout")},
    # The first case to hit the memory limit stops the others (they would only do it again).
    "cheat-memory-bomb": {"update_parameters": (0, "error")},
    "cheat-flood-stdout": {},
    "damaged-deleted-exercise-cell": {"update_parameters": (0, "missing")},
    "damaged-cells-reordered-and-retyped": {},
    "damaged-grade-ids-changed": {},
    "damaged-metadata-stripped-and-checks-emptied": {},
    "damaged-duplicated-cell-last-wins": {"linear_forward": (0, "failed")},
    "damaged-old-nbformat-3": {},
    "damaged-renamed-file": {},
}
PINNED["zh-mistake-db-without-keepdims"] = PINNED["mistake-db-without-keepdims"]
