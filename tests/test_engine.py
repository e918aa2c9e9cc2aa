"""Direct tests of grader/grading/: the assignment spec read from the declaration and our
source notebook, the independent-credit order and reference calls, the hidden cases, the
student's seed and the record of an internal error."""

import json
import logging
import shutil
import traceback
from types import SimpleNamespace

import numpy as np
import pytest

import testCases
from grader.grading import assignments
from grader.grading.assignments import load_spec
from grader.grading.cases import hidden_cases, reference_output
from grader.grading.grade import ERROR_LOG, internal_error, submission_seed
from grader.grading.independent import order_for_independence, reference_caller
from grader.grading.ingest import Submission
from grader.paths import NOTEBOOKS

STEP = "dnn_step_by_step"


# ---------------------------------------------------------------------------------------------
# assignments.load_spec
# ---------------------------------------------------------------------------------------------


def test_does_an_unknown_assignment_raise_a_value_error_listing_the_declared_ones():
    with pytest.raises(ValueError) as raised:
        load_spec("nope")
    message = str(raised.value)
    assert "'nope'" in message
    assert testCases.assignment_ids()  # at least one declared
    for declared in testCases.assignment_ids():
        assert declared in message


@pytest.mark.parametrize("assignment", testCases.assignment_ids())
def test_do_the_points_and_order_read_from_the_notebook_agree_with_the_declaration(assignment):
    spec = load_spec(assignment)
    declared = [(f.name, f.points) for f in spec.declaration.functions]
    assert list(spec.points.items()) == declared
    assert spec.functions == [name for name, _ in declared]
    assert spec.max_score == sum(points for _, points in declared)
    assert spec.notebook_name == f"{assignment}.ipynb" and spec.setup.strip()
    assert spec.assignment == assignment


@pytest.fixture
def notebook_copy(tmp_path, monkeypatch):
    """(the source notebook as JSON, save(document)): save() writes it as the only notebook of a
    NOTEBOOKS folder that load_spec reads instead of the course's."""
    document = json.loads((NOTEBOOKS / STEP / f"{STEP}.ipynb").read_text(encoding="utf-8"))
    folder = tmp_path / STEP
    folder.mkdir()
    monkeypatch.setattr(assignments, "NOTEBOOKS", tmp_path)
    load_spec.cache_clear()

    def save(doc):
        (folder / f"{STEP}.ipynb").write_text(json.dumps(doc), encoding="utf-8")

    yield document, save
    load_spec.cache_clear()  # never leave a spec of the tmp notebook behind


def grade_cell(document, function):
    (cell,) = [c for c in document["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == f"check_{function}"]
    return cell


def test_does_the_copied_notebook_itself_load(notebook_copy):
    document, save = notebook_copy
    save(document)
    assert load_spec(STEP).points["linear_forward"] == 5


def test_do_points_that_disagree_with_the_declaration_give_a_clear_error(notebook_copy):
    document, save = notebook_copy
    grade_cell(document, "linear_forward")["metadata"]["nbgrader"]["points"] = 7
    save(document)
    with pytest.raises(ValueError) as raised:
        load_spec(STEP)
    message = str(raised.value)
    assert "'linear_forward': 7" in message and "'linear_forward': 5" in message
    assert f"testCases/{STEP}'s declaration" in message and "fix one of them" in message


def test_do_graded_cells_in_another_order_than_declared_give_a_clear_error(notebook_copy):
    document, save = notebook_copy
    cells = document["cells"]
    first, second = cells.index(grade_cell(document, "linear_forward")), cells.index(grade_cell(document, "compute_cost"))
    cells[first], cells[second] = cells[second], cells[first]
    save(document)
    with pytest.raises(ValueError, match="same functions, order and points"):
        load_spec(STEP)


def test_does_a_notebook_without_its_setup_cell_give_a_clear_error(notebook_copy):
    document, save = notebook_copy
    document["cells"] = [c for c in document["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") != "setup"]
    save(document)
    with pytest.raises(ValueError, match="has no setup cell"):
        load_spec(STEP)


def test_does_a_folder_with_two_notebooks_give_a_clear_error(notebook_copy, tmp_path):
    document, save = notebook_copy
    save(document)
    shutil.copy(tmp_path / STEP / f"{STEP}.ipynb", tmp_path / STEP / "copy.ipynb")
    with pytest.raises(ValueError, match="exactly one notebook, found 2"):
        load_spec(STEP)


# ---------------------------------------------------------------------------------------------
# independent.order_for_independence and reference_caller
# ---------------------------------------------------------------------------------------------


def assert_dependencies_first(spec, order):
    assert sorted(order) == sorted(spec.functions) and len(order) == len(set(order))
    for function in order:
        for dependency in spec.dependencies(function):
            if dependency in spec.functions:
                assert order.index(dependency) < order.index(function), (dependency, function)


@pytest.mark.parametrize("assignment", testCases.assignment_ids())
def test_does_every_assignment_grade_dependencies_before_their_users(assignment):
    spec = load_spec(assignment)
    order = order_for_independence(spec)
    assert_dependencies_first(spec, order)
    if assignment == STEP:
        assert order.index("linear_forward") < order.index("linear_activation_forward") < order.index("L_model_forward")


def toy_spec(functions, depends):
    return SimpleNamespace(functions=functions, dependencies=lambda name: depends.get(name, ()))


def test_does_a_toy_spec_declared_backwards_come_out_dependencies_first():
    spec = toy_spec(["c", "b", "a", "d"], {"c": ("b",), "b": ("a", "outside"), "d": ("a",)})
    order = order_for_independence(spec)
    assert order == ["a", "b", "c", "d"]
    assert_dependencies_first(spec, order)


def test_does_a_spec_already_in_order_keep_its_order():
    spec = toy_spec(["a", "b", "c"], {"b": ("a",), "c": ("a", "b")})
    assert order_for_independence(spec) == ["a", "b", "c"]


def test_does_the_reference_caller_return_the_references_value():
    call = reference_caller(load_spec(STEP))
    rng = np.random.RandomState(0)
    A, W, b = rng.randn(3, 4), rng.randn(2, 3), rng.randn(2, 1)
    kind, (Z, cache) = call("linear_forward", (A, W, b))
    assert kind == "value"
    np.testing.assert_allclose(Z, W @ A + b)
    assert cache[0] is A and cache[1] is W and cache[2] is b
    kind, value = call("compute_cost", (), {"AL": np.array([[0.5]]), "Y": np.array([[1.0]])})
    assert kind == "value" and float(value) == pytest.approx(np.log(2))


def test_does_the_reference_caller_refuse_a_name_that_is_not_graded():
    call = reference_caller(load_spec(STEP))
    for name in ("os", "sigmoid", "__import__", ["linear_forward"], "x" * 500):
        kind, error = call(name, ())
        assert kind == "refused" and error["type"] == "NameError"
        assert error["message"].endswith("is not a graded function") and len(error["message"]) < 150


def test_does_the_reference_caller_refuse_bad_arguments_with_the_exception_type():
    call = reference_caller(load_spec(STEP))
    kind, error = call("linear_forward", (np.zeros((2, 3)), np.zeros((4, 5)), np.zeros((4, 1))))
    assert kind == "refused" and error["type"] == "ValueError"
    assert error["message"].startswith("linear_forward: ")
    kind, error = call("linear_forward", (1,))
    assert kind == "refused" and error["type"] == "TypeError"


# ---------------------------------------------------------------------------------------------
# cases.hidden_cases
# ---------------------------------------------------------------------------------------------


def built(cases):
    return [(c.about, c.build()) for c in cases]


def same_arguments(a, b):
    return len(a) == len(b) and all(
        about_a == about_b and len(x) == len(y) and all(np.array_equal(np.asarray(p), np.asarray(q)) for p, q in zip(x, y))
        for (about_a, x), (about_b, y) in zip(a, b))


def test_are_hidden_cases_deterministic_for_a_seed_and_different_for_another():
    spec = load_spec(STEP)
    first = hidden_cases(spec, "linear_forward", 7)
    again = hidden_cases(spec, "linear_forward", 7)
    other = hidden_cases(spec, "linear_forward", 8)
    assert same_arguments(built(first), built(again))
    assert not same_arguments(built(first), built(other))


def test_are_hidden_cases_marked_hidden_and_named_in_order_with_the_declared_count():
    spec = load_spec(STEP)
    for function in spec.functions:
        cases = hidden_cases(spec, function, 3)
        count = spec.declaration.function(function).hidden_cases
        assert count > 0 and len(cases) == count
        assert [c.name for c in cases] == [f"hidden_{i}" for i in range(1, count + 1)]
        assert all(c.hidden and c.function == function and c.about for c in cases)
    assert [c.name for c in hidden_cases(spec, "compute_cost", 3, count=2)] == ["hidden_1", "hidden_2"]


# ---------------------------------------------------------------------------------------------
# grade.submission_seed and grade.internal_error
# ---------------------------------------------------------------------------------------------


def test_is_a_students_seed_stable_and_different_per_student_and_per_run():
    seed = submission_seed(42, "alice")
    assert seed == submission_seed(42, "alice")
    assert isinstance(seed, int) and 0 <= seed < 2**31 - 1
    assert seed != submission_seed(42, "bob")
    assert seed != submission_seed(43, "alice")
    assert len({submission_seed(42, f"student{i}") for i in range(200)}) == 200


def failing_step():
    raise KeyError("bad bookkeeping")


def test_does_an_internal_error_log_its_traceback_and_the_student_and_give_error_items(tmp_path):
    spec = load_spec(STEP)
    try:
        failing_step()
    except KeyError as caught:
        error = caught
    result = internal_error(Submission("st\u00fcdent_1", None), spec, 5, error, out=tmp_path)
    log = (tmp_path / ERROR_LOG).read_text(encoding="utf-8")
    assert log.startswith("=== ") and "st\\xfcdent_1" in log.splitlines()[0]
    assert "Traceback (most recent call last)" in log and "in failing_step" in log
    assert "KeyError: 'bad bookkeeping'" in log
    assert result.student_id == "st\u00fcdent_1" and result.assignment == STEP and result.seed == 5
    assert [i.item for i in result.items] == spec.functions
    assert all(i.status == "error" and i.score == 0 for i in result.items)
    assert result.messages == ["the grader failed on this submission (KeyError: 'bad bookkeeping'); please report it"]
    assert result.items[0].messages == result.messages


def test_do_internal_errors_append_to_the_log(tmp_path):
    spec = load_spec(STEP)
    for student in ("first", "second"):
        internal_error(Submission(student, None), spec, 1, RuntimeError(student), out=tmp_path)
    log = (tmp_path / ERROR_LOG).read_text()
    assert [line.split()[-1] for line in log.splitlines() if line.startswith("=== ")] == ["first", "second"]


def test_is_an_unwritable_error_log_reported_to_the_grader_log_instead(tmp_path, caplog):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("")
    spec = load_spec(STEP)
    result = internal_error(Submission("alice", None), spec, 1, ValueError("oops"), out=blocker)
    assert all(i.status == "error" for i in result.items)
    records = [r for r in caplog.records if r.levelno == logging.ERROR and r.name.startswith("grader")]
    assert len(records) == 1 and ERROR_LOG in records[0].getMessage() and "ValueError: oops" in records[0].getMessage()
    caplog.clear()  # provoked on purpose (see conftest.no_error_is_swallowed)


def test_is_no_log_written_without_an_out_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    internal_error(Submission("alice", None), load_spec(STEP), 1, ValueError("x"))
    assert list(tmp_path.iterdir()) == []


def test_is_the_traceback_of_the_error_itself_logged_not_the_current_one(tmp_path):
    try:
        failing_step()
    except KeyError as caught:
        error = caught
    internal_error(Submission("a", None), load_spec(STEP), 1, error, out=tmp_path)
    assert "".join(traceback.format_exception(error)) in (tmp_path / ERROR_LOG).read_text()


def test_a_submission_the_grader_failed_on_is_graded_again_by_the_next_run(tmp_path, monkeypatch):
    """When the grader (not the student) fails, is the result recorded with status error, counted
    in the summary, and left for the next run to grade again instead of kept as final?"""
    import grader.grading.grade as grade
    from grader.commands.autograde import AutogradeOptions, autograde
    from grader.paths import RELEASE

    submitted = tmp_path / "submitted"
    (submitted / "alice" / "dnn_step_by_step").mkdir(parents=True)
    notebook = RELEASE / "dnn_step_by_step" / "dnn_step_by_step.ipynb"
    (submitted / "alice" / "dnn_step_by_step" / notebook.name).write_bytes(notebook.read_bytes())
    options = AutogradeOptions(assignment="dnn_step_by_step", out=tmp_path / "out", jobs=1, seed=3, progress=False)

    from grader.grading.local import local_grader

    def grade_in_this_process(spec, options, settings, template, run_seed, out):
        from contextlib import contextmanager

        @contextmanager
        def grader_here():
            yield lambda todo: (grade.internal_error(s, spec, run_seed, RuntimeError("a bug of ours"), out) for s in todo)

        return grader_here()

    monkeypatch.setattr("grader.commands.autograde.local_grader", grade_in_this_process)
    first = autograde(submitted, options)
    assert first["graded"] == 1 and first["grader_failures"] == 1
    assert all(row[5] == "error" for row in first["rows"])
    assert "RuntimeError: a bug of ours" in (tmp_path / "out" / grade.ERROR_LOG).read_text()

    monkeypatch.setattr("grader.commands.autograde.local_grader", local_grader)
    second = autograde(submitted, options)
    assert second["graded"] == 1 and second["skipped"] == 0 and second["grader_failures"] == 0


def test_does_a_missing_hidden_part_name_the_file_and_reach_the_command_line_as_one_line(monkeypatch, tmp_path, capsys):
    """An assignment without its catalogue of mistakes: is it refused at load with the file's name,
    as a user error (one line, exit 2), not a traceback from deep in the grading?"""
    import grader.grading.assignments as assignments
    from grader.__main__ import main

    fake_repo = tmp_path / "repo"
    for part in (f"source_solutions/{STEP}.py", f"testCases/{STEP}/hidden/cases.py"):
        (fake_repo / part).parent.mkdir(parents=True, exist_ok=True)
        (fake_repo / part).write_text("")
    monkeypatch.setattr(assignments, "REPO", fake_repo)
    load_spec.cache_clear()
    try:
        with pytest.raises(assignments.AssignmentError, match=f"testCases/{STEP}/hidden/mistakes.py is missing"):
            load_spec(STEP)
        assert main(["expected"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and " is missing: " in err and "Traceback" not in err and err.count("\n") == 1
    finally:
        load_spec.cache_clear()


def test_errors_a_grading_process_logs_go_to_the_error_log_in_out(tmp_path, caplog):
    """A grading process sends the errors it logs (a failed diagnosis) to --out's grader-errors.log."""
    import logging

    from grader.grading.grade import ERROR_LOG
    from grader.grading.local import _log_errors_to

    before = list(logging.getLogger("grader").handlers)
    _log_errors_to(tmp_path)
    try:
        logging.getLogger("grader.grading.diagnosis").warning("not an error")
        assert not (tmp_path / ERROR_LOG).exists()  # opened with the first error only
        logging.getLogger("grader.grading.diagnosis").error("diagnosis of f (a) failed")
        assert "diagnosis of f (a) failed" in (tmp_path / ERROR_LOG).read_text()
    finally:
        for handler in set(logging.getLogger("grader").handlers) - set(before):
            logging.getLogger("grader").removeHandler(handler)
            handler.close()
        caplog.clear()  # wanted: the suite's guard against logged errors must not see it


def test_does_a_hidden_draw_with_a_seed_give_a_seeded_case_that_every_caller_honours():
    """draw() may return (about, build, seed): the case then carries Case.seed, and the reference,
    the mistakes (run_quietly) and the check cells (call_here) all seed numpy's global RNG with it."""
    from grader.grading.diagnosis import run_quietly
    from testCases.checks import call_here

    def draw(n):
        return np.random.randn(n)

    real = load_spec(STEP)
    draws = iter([("a random draw", lambda: (3,), 41), ("no seed", lambda: (3,))])
    hidden = SimpleNamespace(draw=lambda function, rng: next(draws))
    spec = SimpleNamespace(declaration=real.declaration, reference=lambda function: draw,
                           draw_case=lambda function, rng: type(real).draw_case(
                               SimpleNamespace(_hidden_cases=hidden), function, rng))
    seeded, unseeded = hidden_cases(spec, "linear_forward", 1, count=2)
    assert (seeded.seed, unseeded.seed) == (41, None)

    expected = np.random.RandomState(41).randn(3)
    np.random.seed(0)
    assert np.array_equal(run_quietly(draw, (3,), seeded.seed).output, expected)
    assert np.array_equal(call_here("draw", draw, [3], seeded.seed).output, expected)
    assert np.array_equal(reference_output(spec, seeded), expected)
