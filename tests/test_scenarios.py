"""Does the autograder give every example submission exactly the grade it deserves, write it
everywhere once, and survive being killed midway?

The submissions are examples/class/<assignment>/<scenario>/<assignment>/*.ipynb, each named for
what it proves; examples/scenarios/<assignment>.py holds the scenarios and their pinned grades,
and examples/make_class.py builds them from the source notebooks.
"""

import csv
import filecmp
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE_CLASS_SEED, EXAMPLE_CLASS_TIMEOUT
from grader.commands.autograde import AutogradeOptions, autograde
from grader.paths import REPO
from grader.grading.assignments import assignment_ids, load_spec

sys.path.insert(0, str(REPO / "examples"))
import make_class  # noqa: E402 (examples/ is not a package)

ASSIGNMENT = "dnn_step_by_step"  # the class the tests below look into closely; every class gets its pinned grades
CLASS = REPO / "examples" / "class" / ASSIGNMENT
SEED, TIMEOUT = EXAMPLE_CLASS_SEED, EXAMPLE_CLASS_TIMEOUT  # 10 s: long enough for the memory bomb to hit its limit on a loaded machine
SPEC = load_spec(ASSIGNMENT)
PINNED = make_class.scenarios_of(ASSIGNMENT).PINNED
OTHER_CLASSES = [a for a in make_class.assignments_with_scenarios() if a != ASSIGNMENT]


def options(out, **kw):
    return AutogradeOptions(assignment=ASSIGNMENT, out=out, db_url=f"sqlite:///{out}/gradebook.db", jobs=2,
                            timeout=TIMEOUT, seed=SEED, progress=False, **kw)


@pytest.fixture(scope="module")
def graded(graded_example_class):
    return graded_example_class


def read_csv(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def test_the_example_classes_are_built_from_the_current_source_notebooks(tmp_path):
    """examples/class/<assignment>/ (the scenarios) and examples/hostile/ (the attacks, tests/test_hostile.py)."""
    make_class.build_all(tmp_path)
    for name in ("class", "hostile"):
        committed_class = REPO / "examples" / name
        fresh = sorted(p.relative_to(tmp_path / name) for p in (tmp_path / name).rglob("*.ipynb"))
        committed = sorted(p.relative_to(committed_class) for p in committed_class.rglob("*.ipynb"))
        assert fresh == committed, "run `python examples/make_class.py`"
        stale = [str(p) for p in fresh if not filecmp.cmp(tmp_path / name / p, committed_class / p, shallow=False)]
        assert not stale, f"run `python examples/make_class.py`: {stale}"


def test_every_assignment_of_the_series_has_an_example_class():
    assert make_class.assignments_with_scenarios() == sorted(assignment_ids())


def assert_pinned_grades(rows, pinned, spec):
    assert {r["student_id"] for r in rows} == set(pinned), "a scenario without a pinned grade, or a missing one"
    assert len(rows) == len(pinned) * len(spec.functions)
    for row in rows:
        expected_score, expected_status = pinned[row["student_id"]].get(row["item"], (spec.points[row["item"]], "passed"))
        assert (float(row["score"]), row["status"]) == (expected_score, expected_status), row


def test_every_scenario_gets_its_pinned_grade(graded):
    out, _ = graded
    assert_pinned_grades(read_csv(out / "grades.csv"), PINNED, SPEC)


@pytest.mark.integration  # three more classes graded in sandboxes: the full run, not the fast tier
@pytest.mark.parametrize("assignment", OTHER_CLASSES)
def test_every_scenario_of_the_other_classes_gets_its_pinned_grade(assignment, tmp_path):
    """The class of every other assignment, graded as the step-by-step one (seed 2026, 10 s)."""
    options = AutogradeOptions(assignment=assignment, out=tmp_path, db_url=f"sqlite:///{tmp_path}/gradebook.db",
                               jobs=2, timeout=TIMEOUT, seed=SEED, progress=False)
    autograde(REPO / "examples" / "class" / assignment, options)
    assert_pinned_grades(read_csv(tmp_path / "grades.csv"), make_class.scenarios_of(assignment).PINNED,
                         load_spec(assignment))


def test_grades_csv_has_one_row_per_student_and_function(graded):
    out, _ = graded
    rows = read_csv(out / "grades.csv")
    assert list(rows[0]) == ["student_id", "assignment", "item", "score", "max_score", "status"]
    keys = [(r["student_id"], r["item"]) for r in rows]
    assert len(keys) == len(set(keys)) == len(PINNED) * len(SPEC.functions)


def test_the_gradebook_holds_the_same_totals(graded):
    from nbgrader.api import Gradebook

    out, _ = graded
    totals = {}
    for row in read_csv(out / "grades.csv"):
        totals[row["student_id"]] = totals.get(row["student_id"], 0) + float(row["score"])
    with Gradebook(f"sqlite:///{out}/gradebook.db") as gradebook:
        stored = {s.student_id: s.score for s in gradebook.assignment_submissions(ASSIGNMENT)}
    assert stored == pytest.approx(totals)


def test_feedback_explains_and_never_shows_reference_code(graded):
    out, _ = graded
    for student in PINNED:
        html = (out / "feedback" / student / f"{ASSIGNMENT}.html").read_text()
        data = json.loads((out / "feedback" / student / f"{ASSIGNMENT}.json").read_text())
        assert data["seed"] and len(data["items"]) == len(SPEC.functions)
        for text in (html, json.dumps(data)):
            assert "def " not in text and "np.dot(" not in text and "source_solutions" not in text
    keepdims = json.loads((out / "feedback" / "mistake-db-without-keepdims" / f"{ASSIGNMENT}.json").read_text())
    item = next(i for i in keepdims["items"] if i["item"] == "linear_backward")
    assert any("db has shape" in m for case in item["cases"] for m in case["messages"])
    broken = json.loads((out / "feedback" / "broken-invalid-json" / f"{ASSIGNMENT}.json").read_text())
    assert any("not valid JSON" in m for m in broken["messages"])
    for student, function, named in (("mistake-learning-rate-from-the-cell", "update_parameters", "learning_rate ignored"),
                                     ("mistake-initialisation-without-its-seed", "initialize_parameters_deep",
                                      "different results on the same inputs")):
        data = json.loads((out / "feedback" / student / f"{ASSIGNMENT}.json").read_text())
        item = next(i for i in data["items"] if i["item"] == function)
        assert [m["title"] for m in item["mistakes"]] == [named], "the probes, run in the sandbox, name it"
    renamed = json.loads((out / "feedback" / "damaged-renamed-file" / f"{ASSIGNMENT}.json").read_text())
    assert any("renamed" in m for m in renamed["messages"])


def test_running_again_grades_nothing_twice(graded):
    out, _ = graded
    before = (out / "grades.csv").read_text()
    summary = autograde(CLASS, options(out))
    assert summary["graded"] == 0 and summary["skipped"] == len(PINNED)
    assert (out / "grades.csv").read_text() == before


@pytest.mark.integration
def test_a_batch_killed_midway_resumes_without_losing_or_duplicating_grades(graded, tmp_path):
    reference_out, _ = graded
    out = tmp_path / "out"
    command = [sys.executable, "-m", "grader", "autograde", str(CLASS), "--assignment", ASSIGNMENT, "--out", str(out),
               "--db", f"sqlite:///{out}/gradebook.db", "--jobs", "2", "--timeout", str(TIMEOUT), "--seed", str(SEED),
               "--quiet"]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((out / "feedback").glob("*"))) < 5:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished = len(list((out / "feedback").glob("*")))
    assert 5 <= finished < len(PINNED), "the kill should land midway"
    assert not (out / "grades.csv").exists(), "killed before the end: no CSV yet"
    subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    resumed = read_csv(out / "grades.csv")
    assert resumed == read_csv(reference_out / "grades.csv")


def _grading_processes(root):
    """The grading processes under ``root``: children of its multiprocessing fork server."""
    import psutil

    servers = [p for p in psutil.Process(root).children(recursive=True) if "forkserver" in " ".join(p.cmdline())]
    return [child for server in servers for child in server.children()]


def _autograde_command(out):
    return [sys.executable, "-m", "grader", "autograde", str(CLASS), "--assignment", ASSIGNMENT, "--out", str(out),
            "--db", f"sqlite:///{out}/gradebook.db", "--jobs", "2", "--timeout", str(TIMEOUT), "--seed", str(SEED),
            "--quiet"]


def _wait_for_feedback(out, count, process):
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and len(list((out / "feedback").glob("*"))) < count:
        time.sleep(0.05)


@pytest.mark.integration
def test_a_grading_process_killed_from_outside_is_replaced_and_nothing_is_lost(graded, tmp_path):
    reference_out, _ = graded
    out = tmp_path / "out"
    process = subprocess.Popen(_autograde_command(out), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _wait_for_feedback(out, 3, process)
    victims = _grading_processes(process.pid)
    assert victims, "the grader should grade in separate processes"
    victims[0].kill()
    _, errors = process.communicate(timeout=300)
    assert process.returncode == 0, errors.decode()
    assert read_csv(out / "grades.csv") == read_csv(reference_out / "grades.csv")
    assert sorted(p.name for p in (out / "feedback").iterdir()) == sorted(PINNED)


@pytest.mark.integration
def test_killing_the_grader_leaves_no_process_behind(tmp_path):
    import psutil

    out = tmp_path / "out"
    process = subprocess.Popen(_autograde_command(out), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_feedback(out, 3, process)
    descendants = psutil.Process(process.pid).children(recursive=True)
    assert descendants, "grading processes, fork servers and sandboxes should be running"
    process.kill()  # the grader alone, not its process group
    process.wait()
    _, alive = psutil.wait_procs(descendants, timeout=60)
    assert not alive, [" ".join(p.cmdline())[:120] for p in alive]


POISON = "poison"


def _grade_unless_poison(submission):
    """A grading task (run in a grading process) that kills its process on the student "poison"."""
    from grader.grading.local import _grade_here

    if submission.student_id.startswith(POISON):
        os._exit(9)
    return _grade_here(submission)


def test_a_submission_that_kills_its_grading_process_gets_an_error_and_the_batch_goes_on(tmp_path):
    from grader.grading.local import local_grader as _local_grader
    from grader.grading.ingest import find_submissions
    from grader.sandbox import SandboxSettings

    students = ["amy", "bob", POISON, "cat", "dan", "eve", "fay"]
    submitted, out = tmp_path / "submitted", tmp_path / "out"
    for student in students:
        (submitted / student / ASSIGNMENT).mkdir(parents=True)
        shutil.copy(CLASS / "correct" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", submitted / student / ASSIGNMENT)
    submissions, _ = find_submissions(submitted, ASSIGNMENT, SPEC.notebook_name)
    settings = SandboxSettings(hide=[str(submitted), str(out)])
    grader = _local_grader(SPEC, options(out), settings, REPO / "release" / ASSIGNMENT, SEED, out, task=_grade_unless_poison)
    with grader as run:
        results = {result.student_id: result for result in run(submissions)}
    assert sorted(results) == sorted(students), "every submission once"
    assert all(results[s].score == SPEC.max_score for s in students if s != POISON)
    assert results[POISON].score == 0 and {i.status for i in results[POISON].items} == {"error"}
    feedback = json.loads((out / "feedback" / POISON / f"{ASSIGNMENT}.json").read_text())
    assert "grading process died" in " ".join(feedback["messages"])


@pytest.mark.integration
def test_several_submissions_that_kill_their_grading_process_never_stop_the_batch(tmp_path):
    """Four killers spread through the class: each is found out alone and gets an error; every
    other student is graded (deaths a submission explains do not count toward giving up)."""
    from grader.grading.local import local_grader as _local_grader
    from grader.grading.ingest import find_submissions
    from grader.sandbox import SandboxSettings

    students = [f"{POISON}-{i}" if i % 4 == 1 else f"student-{i:02d}" for i in range(16)]
    submitted, out = tmp_path / "submitted", tmp_path / "out"
    for student in students:
        (submitted / student / ASSIGNMENT).mkdir(parents=True)
        shutil.copy(CLASS / "correct" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", submitted / student / ASSIGNMENT)
    submissions, _ = find_submissions(submitted, ASSIGNMENT, SPEC.notebook_name)
    grader = _local_grader(SPEC, options(out), SandboxSettings(), REPO / "release" / ASSIGNMENT, SEED, out,
                           task=_grade_unless_poison)
    with grader as run:
        results = {result.student_id: result for result in run(submissions)}
    assert sorted(results) == sorted(students)
    for student, result in results.items():
        assert result.score == (0 if student.startswith(POISON) else SPEC.max_score), student


def test_a_global_from_another_cell_is_explained_and_imports_from_any_cell_are_honoured(graded):
    """The commonest real failure: a function reads a global that another cell defines. Is the
    student told which name, why (only exercise cells and imports run) and how to fix it? And does
    copy, imported in a cell of its own, reach update_parameters?"""
    out, _ = graded
    feedback = json.loads((out / "feedback" / "mistake-global-from-another-cell" / f"{ASSIGNMENT}.json").read_text())
    (item,) = [i for i in feedback["items"] if i["item"] == "linear_backward"]
    message = item["cases"][0]["messages"][0]
    assert message.startswith("linear_backward uses EPSILON_FREE_M, which is not defined when it runs on its own")
    assert "Your notebook defines it in another cell, which the grader does not run." in message
    assert "pass it as an argument" in message
    feedback = json.loads((out / "feedback" / "correct-import-in-another-cell" / f"{ASSIGNMENT}.json").read_text())
    assert feedback["score"] == feedback["max_score"]
