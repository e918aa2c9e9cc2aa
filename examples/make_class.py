"""Build the example class: one nbgrader submission per scenario, each named for what it proves.

    python examples/make_class.py          # rewrite examples/class/ from the source notebook

The class is used by the README's main job (a demonstration of grading) and by the scenario
tests, which pin every student's exact grade (tests/test_scenarios.py). Each scenario is a
small, readable edit of our source notebook: a correct variant, a typical mistake, a cheat
attempt, or damage to the file itself.
"""

import copy
import json
import shutil
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CLASS = HERE / "class"
ASSIGNMENT = "dnn_step_by_step"
SOURCE = REPO / "notebooks" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"


def _cell(notebook, grade_id):
    for cell in notebook.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
            return cell
    raise KeyError(grade_id)


def answer(function, code):
    """Edit: the student's exercise cell for ``function`` holds ``code``."""

    def edit(notebook):
        _cell(notebook, function).source = code.strip("\n")
        return notebook

    return edit


def chain(*edits):
    def edit(notebook):
        for step in edits:
            notebook = step(notebook)
        return notebook

    return edit


def drop_cell(grade_id):
    def edit(notebook):
        notebook.cells = [c for c in notebook.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") != grade_id]
        return notebook

    return edit


def retype_cell(grade_id, cell_type):
    def edit(notebook):
        cell = _cell(notebook, grade_id)
        cell.cell_type = cell_type
        for key in ("outputs", "execution_count"):
            cell.pop(key, None)
        return notebook

    return edit


def rename_grade_ids(notebook):
    for cell in notebook.cells:
        meta = cell.get("metadata", {}).get("nbgrader")
        if meta:
            meta["grade_id"] = "cell-" + meta["grade_id"][::-1]
    return notebook


def strip_nbgrader_metadata(notebook):
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("nbgrader", None)
    return notebook


def reverse_cells(notebook):
    """Exercise cells in reverse order (definitions still precede the checks that we ignore)."""
    notebook.cells = list(reversed(notebook.cells))
    return notebook


def duplicate_cell(grade_id, code):
    """An extra copy of the exercise cell, further down, redefining the function."""

    def edit(notebook):
        extra = copy.deepcopy(_cell(notebook, grade_id))
        extra.source = code.strip("\n")
        extra["id"] = f"duplicate-{grade_id}"[:64]
        notebook.cells.append(extra)
        return notebook

    return edit


def gut_check_cells(notebook):
    """The student emptied every check cell and wrote `pass` in it."""
    for cell in notebook.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade"):
            cell.source = "pass"
    return notebook


# --- the scenarios -------------------------------------------------------------------------

CORRECT_VARIANTS = chain(
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
    "mistake-broken-linear-forward-costs-once": answer("linear_forward", '''
def linear_forward(A, W, b):
    Z = np.dot(W, A)
    return Z, (A, W, b)
'''),
    "cheat-monkeypatch-allclose": answer("linear_forward", '''
np.allclose = lambda *args, **kwargs: True
np.testing.assert_allclose = lambda *args, **kwargs: None
import dnn_utils.compare, dnn_utils.checks
dnn_utils.compare.compare = lambda *args, **kwargs: []
dnn_utils.checks.compare_outputs = lambda *args, **kwargs: []

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


def _as_nbformat3(notebook):
    """The notebook in the old version-3 layout (worksheets, 'input' instead of 'source')."""
    cells = []
    for cell in notebook.cells:
        old = {"cell_type": cell.cell_type, "metadata": dict(cell.metadata)}
        if cell.cell_type == "code":
            old.update(input=cell.source, language="python", outputs=[], collapsed=False)
        else:
            old["source"] = cell.source
        cells.append(old)
    return {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": ASSIGNMENT}, "worksheets": [{"cells": cells, "metadata": {}}]}


def build(target=CLASS):
    source = nbformat.read(SOURCE, as_version=4)
    released = nbformat.read(REPO / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    shutil.rmtree(target, ignore_errors=True)
    for student, recipe in SCENARIOS.items():
        folder = target / student / ASSIGNMENT
        folder.mkdir(parents=True)
        path = folder / f"{ASSIGNMENT}.ipynb"
        if recipe is None:
            nbformat.write(released, path)
        elif recipe == "INVALID_JSON":
            path.write_text(nbformat.writes(source)[:-200])
        elif recipe == "EMPTY":
            path.write_text("")
        elif recipe == "NBFORMAT3":
            path.write_text(json.dumps(_as_nbformat3(source), indent=1) + "\n")
        elif recipe == "RENAMED":
            nbformat.write(source, folder / "my_homework_final_v2.ipynb")
        else:
            nbformat.write(recipe(copy.deepcopy(source)), path)
    return sorted(p for p in target.rglob("*.ipynb"))


if __name__ == "__main__":
    files = build(Path(sys.argv[1]) if len(sys.argv) > 1 else CLASS)
    print(f"wrote {len(files)} submissions")
