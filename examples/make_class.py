"""Build the example class: one nbgrader submission per scenario, each named for what it proves.

    python examples/make_class.py          # rewrite examples/class/ and examples/hostile/ from the source notebook

The class is used by the README's main job (a demonstration of grading) and by the scenario
tests, which pin every student's exact grade (tests/test_scenarios.py). The hostile class holds
one notebook per attack on the grader itself, next to correct controls; its outcomes are pinned
in tests/test_hostile.py. Each scenario is a
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
HOSTILE_CLASS = HERE / "hostile"
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


def extra_cell_after(grade_id, code):
    """A new code cell of the student's, right after the cell ``grade_id`` (an import, a global)."""

    def edit(notebook):
        cell = copy.deepcopy(_cell(notebook, grade_id))
        cell.source = code.strip("\n")
        cell["id"] = f"extra-after-{grade_id}"[:64]
        cell.metadata.pop("nbgrader", None)
        cell.cell_type = "code"
        cell.outputs, cell.execution_count = [], None
        notebook.cells.insert(notebook.cells.index(_cell(notebook, grade_id)) + 1, cell)
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


# --- the hostile class: one notebook per attack on the grader itself (tests/test_hostile.py) ---
# Each attacks from inside the sandbox, as a student could: the sandbox's own module is
# sys.modules["__main__"], its pipe to the grader a Channel object found with gc.

FIND_TASK = """
import gc, sys

def _task():
    frame = sys._getframe()
    while frame is not None:
        task = frame.f_locals.get("task")
        if isinstance(task, dict) and "function" in task:
            return task
        frame = frame.f_back
    return {}

def _channel():
    return next(o for o in gc.get_objects() if type(o).__name__ == "Channel")
"""


def forge_results(function, forged_result):
    """Edit: the cell of ``function`` replaces the sandbox's task runner, so that the grader
    receives ``forged_result`` (Python source of an expression in task) for that function."""
    return answer(function, FIND_TASK + f"""
_child = sys.modules["__main__"]
_honest = getattr(_child.run_task, "honest", _child.run_task)

def _forging(task, channel):
    if task["function"] == {function!r}:
        return {forged_result}
    return _honest(task, channel)

_forging.honest = _honest
_child.run_task = _forging
""" + SOLUTION_OF[function])


SOLUTION_OF = {}  # function -> the source notebook's solution cell, filled by build()

HOSTILE = {
    "correct": lambda nb: nb,
    "correct-variants": CORRECT_VARIANTS,
    "honest-65-kb-comment-in-a-graded-cell": lambda nb: _pad(nb, "linear_backward", 65_000),
    # 1: a numpy complex where the grader expects an exception's type name, in every field.
    "attack-forged-result-with-complex-fields": lambda nb: forge_results("compute_cost", """{
        "cell_errors": [{"type": np.complex128(1j), "message": np.complex128(2j), "where": np.complex128(3j)}],
        "cases": [{"error": {"type": np.complex128(1j), "message": np.complex128(2j)}, "printed": np.complex128(4j)}
                  for _ in task["cases"]]}""")(nb),
    # 2: answer early, then sleep without reading; the next task is bigger than a pipe's buffer.
    "attack-stall-after-answering-early": lambda nb: _pad(answer("linear_forward", FIND_TASK + """
import time

if _task().get("function") == "linear_forward":
    _channel().send({"result": {"cases": []}})
    time.sleep(3600)
""" + SOLUTION_OF["linear_forward"])(nb), "linear_forward", 70_000),
    # 3: results that cost the parser: a million nested lists, 100k distinct keys, a 1 TiB frame.
    "attack-result-flood-nested-lists": lambda nb: forge_results("update_parameters", "[[]] * 1_000_000")(nb),
    "attack-result-flood-dict-keys": lambda nb: forge_results("update_parameters", "{str(i): i for i in range(100_000)}")(nb),
    "attack-result-oversized-frame": lambda nb: answer("update_parameters", FIND_TASK + """
import os, time

if _task().get("function") == "update_parameters":
    os.write(_channel().result_fd, (1 << 40).to_bytes(8, "little"))
    time.sleep(3600)
""" + SOLUTION_OF["update_parameters"])(nb),
    # 4: 256 KiB messages everywhere, to blow up the feedback.
    "attack-feedback-blow-up": lambda nb: forge_results("L_model_backward", """{
        "cell_errors": [{"type": "E" * 60000, "message": "m" * 60000, "where": "w" * 60000}] * 30,
        "cases": [{"error": {"type": "ValueError", "message": "x" * 60000, "where": "y" * 60000},
                   "printed": "p" * 60000} for _ in task["cases"]]}""")(nb),
    "attack-feedback-blow-up-past-the-frame-limit": lambda nb: forge_results("L_model_backward", """{
        "cases": [{"error": {"type": "ValueError", "message": "x" * 262144}, "printed": "p" * 262144}] * 200}""")(nb),
    # 6: mutate the inputs, and make them impossible to send back.
    "attack-mutation-check-switched-off": answer("update_parameters", """
def update_parameters(parameters, grads, learning_rate):
    grads["not plain"] = lambda: None
    L = len(parameters) // 2
    for l in range(1, L + 1):
        parameters["W" + str(l)] -= learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] -= learning_rate * grads["db" + str(l)]
    return parameters
"""),
    # 7: look for the reference in the sandbox's memory and frames, and print it.
    "attack-read-the-reference-from-memory": answer("linear_activation_forward", FIND_TASK + """
MARKER = "def linear_forward("

def _reference_sources():
    mine = set(_task().get("cells", ()))
    texts = []
    for obj in gc.get_objects():
        values = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, (list, tuple)) else ()
        texts += [v for v in list(values) if isinstance(v, str) and MARKER in v and v != MARKER and v not in mine]
    return texts

def linear_activation_forward(A_prev, W, b, activation):
    found = _reference_sources()
    print("REFERENCE FOUND:", found[:1])
    if not found:
        raise RuntimeError("no reference source found in the sandbox")
    namespace = {}
    exec(found[0], namespace)
    return namespace["linear_activation_forward"](A_prev, W, b, activation)
"""),
    # 8: a correct notebook that leaves an answer key in every shared-looking folder...
    "attack-answer-key-writer": answer("linear_forward", """
import hashlib, os, pickle

def _key(*arrays):
    return hashlib.sha256(b"".join(a.tobytes() for a in arrays)).hexdigest()

def linear_forward(A, W, b):
    Z = np.dot(W, A) + b
    for folder in ("/tmp", "/dev/shm", "/var/tmp"):
        with open(os.path.join(folder, "answers-" + _key(A, W, b)), "wb") as f:
            pickle.dump(Z, f)
    return Z, (A, W, b)
"""),
    # ...and a notebook with no code of its own that reads it.
    "attack-answer-key-reader": answer("linear_forward", """
import hashlib, os, pickle

def _key(*arrays):
    return hashlib.sha256(b"".join(a.tobytes() for a in arrays)).hexdigest()

def linear_forward(A, W, b):
    for folder in ("/tmp", "/dev/shm", "/var/tmp"):
        path = os.path.join(folder, "answers-" + _key(A, W, b))
        if os.path.exists(path):
            with open(path, "rb") as f:
                return pickle.load(f), (A, W, b)
    keys = [name for folder in ("/tmp", "/dev/shm", "/var/tmp") for name in os.listdir(folder) if name.startswith("answers")]
    raise FileNotFoundError("no answer key: " + repr(keys))
"""),
    # 9: look for other students' notebooks and the grader's records anywhere on the machine.
    "attack-look-for-grades-and-other-submissions": answer("linear_forward", """
import os, sys
import dnn_utils

# The Python installation and the release are public anyway.
PUBLIC = (sys.base_prefix, os.path.dirname(os.path.dirname(np.__file__)), os.path.dirname(os.path.dirname(dnn_utils.__file__)))

def linear_forward(A, W, b):
    found = []
    for folder, dirs, files in os.walk("/"):
        if folder == "/":
            dirs[:] = [d for d in dirs if d not in ("proc", "usr")]
        if folder.startswith(PUBLIC):
            continue
        found += [os.path.join(folder, f) for f in files
                  if f.endswith((".ipynb", ".sqlite", ".db", ".csv", ".db-wal")) or f.startswith("gradebook")]
    raise RuntimeError("found: " + repr(found[:5]))
"""),
    # 10: two folders that clean to one student id: the attacker's notebook must not be graded as alice's.
    "alice": "RELEASE",
    "~alice": lambda nb: nb,
    # 11: ids a spreadsheet would run as formulas.
    "=1+2": lambda nb: nb,
    "@SUM(A1)": lambda nb: nb,
    # 11: the wrong types where the course's contract says float64 arrays.
    "mistake-returns-python-lists": answer("linear_forward", """
def linear_forward(A, W, b):
    Z = np.dot(W, A) + b
    return Z.tolist(), (A, W, b)
"""),
    "mistake-integer-biases": answer("initialize_parameters", """
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    W2 = np.random.randn(n_y, n_h) * 0.01
    return {"W1": W1, "b1": np.zeros((n_h, 1), dtype=int), "W2": W2, "b2": np.zeros((n_y, 1), dtype=int)}
"""),
    "mistake-np-matrix": answer("linear_forward", """
def linear_forward(A, W, b):
    Z = np.matrix(W) * np.matrix(A) + b
    return Z, (A, W, b)
"""),
}


def _pad(notebook, grade_id, size):
    """The exercise cell of ``grade_id`` with a comment of ``size`` characters on top."""
    cell = _cell(notebook, grade_id)
    cell.source = "# " + ("notes " * (size // 6 + 1))[:size] + "\n" + cell.source
    return notebook


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


def build(target=CLASS, scenarios=None):
    scenarios = SCENARIOS if scenarios is None else scenarios
    source = nbformat.read(SOURCE, as_version=4)
    released = nbformat.read(REPO / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    SOLUTION_OF.update({f: _cell(source, f).source for f in ("linear_forward", "compute_cost", "update_parameters",
                                                               "L_model_backward")})
    shutil.rmtree(target, ignore_errors=True)
    for student, recipe in scenarios.items():
        folder = target / student / ASSIGNMENT
        folder.mkdir(parents=True)
        path = folder / f"{ASSIGNMENT}.ipynb"
        if recipe is None or recipe == "RELEASE":
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
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    files = build(target / "class") + build(target / "hostile", HOSTILE)
    print(f"wrote {len(files)} submissions")
