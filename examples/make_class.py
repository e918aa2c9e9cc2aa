"""Build the example classes: one nbgrader submission per scenario, each named for what it proves.

    python examples/make_class.py          # rewrite examples/class/ and examples/hostile/ from the source notebooks

examples/class/<assignment>/ is one class per assignment of the series, in nbgrader's layout
<student>/<assignment>/<assignment>.ipynb; its scenarios and their pinned grades are
examples/scenarios/<assignment>.py (edits of the source notebook from examples/edits.py). The
classes are used by the README's main job (a demonstration of grading) and by the scenario tests
(tests/test_scenarios.py). The hostile class, examples/hostile/, holds one dnn_step_by_step
notebook per attack on the grader itself, next to correct controls; its outcomes are pinned in
tests/test_hostile.py.
"""

import copy
import importlib
import json
import shutil
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CLASS = HERE / "class"
HOSTILE_CLASS = HERE / "hostile"
HOSTILE_ASSIGNMENT = "dnn_step_by_step"
sys.path[:0] = [str(HERE), str(REPO)]

from edits import Edition, _cell, answer  # noqa: E402 (examples/ and the checkout go on the path first)
from grader.notebooks import edition  # noqa: E402
from scenarios.dnn_step_by_step import CORRECT_VARIANTS  # noqa: E402


def assignments_with_scenarios():
    """The assignments with a scenario module, examples/scenarios/<id>.py."""
    return sorted(p.stem for p in (HERE / "scenarios").glob("*.py") if not p.stem.startswith("_"))


def scenarios_of(assignment):
    """The scenario module of ``assignment``: SCENARIOS and PINNED."""
    return importlib.import_module(f"scenarios.{assignment}")


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


def _as_nbformat3(notebook, assignment):
    """The notebook in the old version-3 layout (worksheets, 'input' instead of 'source')."""
    cells = []
    for cell in notebook.cells:
        old = {"cell_type": cell.cell_type, "metadata": dict(cell.metadata)}
        if cell.cell_type == "code":
            old.update(input=cell.source, language="python", outputs=[], collapsed=False)
        else:
            old["source"] = cell.source
        cells.append(old)
    return {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": assignment}, "worksheets": [{"cells": cells, "metadata": {}}]}


def build(target, assignment, scenarios):
    """Write one submission per scenario into ``target``/<student>/<assignment>/; the paths written.

    A scenario is an edit of the source notebook, None (or "RELEASE") for the untouched student
    release, or a damaged file: "INVALID_JSON", "EMPTY", "NBFORMAT3", "RENAMED"."""
    def source_of(lang):
        """The source notebook as a student of the edition ``lang`` has it, solutions included."""
        return edition(nbformat.read(REPO / "notebooks" / assignment / f"{assignment}.ipynb", as_version=4),
                       assignment, lang)

    source = source_of("en")
    released = nbformat.read(REPO / "release" / assignment / f"{assignment}.ipynb", as_version=4)
    if assignment == HOSTILE_ASSIGNMENT:
        SOLUTION_OF.update({f: _cell(source, f).source for f in ("linear_forward", "compute_cost", "update_parameters",
                                                                   "L_model_backward")})
    shutil.rmtree(target, ignore_errors=True)
    for student, recipe in scenarios.items():
        folder = target / student / assignment
        folder.mkdir(parents=True)
        path = folder / f"{assignment}.ipynb"
        if recipe is None or recipe == "RELEASE":
            nbformat.write(released, path)
        elif recipe == "INVALID_JSON":
            path.write_text(nbformat.writes(source)[:-200])
        elif recipe == "EMPTY":
            path.write_text("")
        elif recipe == "NBFORMAT3":
            path.write_text(json.dumps(_as_nbformat3(source, assignment), indent=1) + "\n")
        elif recipe == "RENAMED":
            nbformat.write(source, folder / "my_homework_final_v2.ipynb")
        elif isinstance(recipe, Edition):
            nbformat.write(recipe(source_of(recipe.lang)), path)
        else:
            nbformat.write(recipe(copy.deepcopy(source)), path)
    return sorted(p for p in target.rglob("*.ipynb"))


def build_all(root=HERE):
    """examples/class/<assignment>/ for every scenario module, and examples/hostile/."""
    shutil.rmtree(root / "class", ignore_errors=True)
    files = []
    for assignment in assignments_with_scenarios():
        files += build(root / "class" / assignment, assignment, scenarios_of(assignment).SCENARIOS)
    return files + build(root / "hostile", HOSTILE_ASSIGNMENT, HOSTILE)


if __name__ == "__main__":
    files = build_all(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
    print(f"wrote {len(files)} submissions")
