"""Can a hostile class break the grader's promise that student code only costs the points of
the function it sits in?

The class is examples/hostile/<scenario>/ (built by examples/make_class.py, proven current by
tests/test_scenarios.py): one notebook per attack, beside correct controls that must keep full
marks in the same batch. Attacks that need
files a repository should not hold (links, FIFOs, megabyte cells) are made here in tmp folders.
"""

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from grader.commands.autograde import AutogradeOptions, autograde
from grader.paths import REPO
from grader.grading.assignments import load_spec
from grader.records.store import write_csv

ASSIGNMENT = "dnn_step_by_step"
HOSTILE = REPO / "examples" / "hostile"
CORRECT = REPO / "examples" / "class" / ASSIGNMENT / "correct" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
SEED, TIMEOUT = 1, 5.0
SPEC = load_spec(ASSIGNMENT)
ALL_ERRORS = {f: (0, "error") for f in SPEC.functions}

# Exact grades that differ from full marks, per student id: {function: (score, status)}.
PINNED = {
    "correct": {},
    "correct-variants": {},
    "honest-65-kb-comment-in-a-graded-cell": {},
    "attack-forged-result-with-complex-fields": {"compute_cost": (0, "error")},
    "attack-stall-after-answering-early": {"linear_forward": (0, "error")},
    "attack-result-flood-nested-lists": {"update_parameters": (0, "error")},
    "attack-result-flood-dict-keys": {"update_parameters": (0, "error")},
    "attack-result-oversized-frame": {"update_parameters": (0, "error")},
    "attack-feedback-blow-up": {"L_model_backward": (0, "error")},
    "attack-feedback-blow-up-past-the-frame-limit": {"L_model_backward": (0, "error")},
    "attack-mutation-check-switched-off": {"update_parameters": (0, "failed")},
    "attack-read-the-reference-from-memory": {"linear_activation_forward": (0, "error")},
    "attack-answer-key-writer": {},
    "attack-answer-key-reader": {"linear_forward": (0, "error")},
    "attack-look-for-grades-and-other-submissions": {"linear_forward": (0, "error")},
    "alice": ALL_ERRORS,  # "alice" and "~alice" both claim it: neither is graded
    "1+2": {},  # from "=1+2"
    "SUM_A1_": {},  # from "@SUM(A1)"
    "mistake-returns-python-lists": {"linear_forward": (0, "failed")},
    "mistake-integer-biases": {"initialize_parameters": (0, "failed")},
    "mistake-np-matrix": {"linear_forward": (0, "failed")},
}


def options(out, **kw):
    return AutogradeOptions(assignment=ASSIGNMENT, out=out, db_url=f"sqlite:///{out}/gradebook.db", jobs=2,
                            timeout=TIMEOUT, seed=SEED, progress=False, **kw)


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def feedback(out, student):
    return json.loads((out / "feedback" / student / f"{ASSIGNMENT}.json").read_text())


def item(out, student, function):
    return next(i for i in feedback(out, student)["items"] if i["item"] == function)


def case_messages(out, student, function):
    return [m for case in item(out, student, function)["cases"] for m in case["messages"]]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    autograde(HOSTILE, options(out))
    return out


def test_every_attack_costs_only_its_own_points_and_the_controls_keep_full_marks(graded):
    rows = read_csv(graded / "grades.csv")
    assert {r["student_id"] for r in rows} == set(PINNED), "the batch must finish and record every student"
    for row in rows:
        expected = PINNED[row["student_id"]].get(row["item"], (SPEC.points[row["item"]], "passed"))
        assert (float(row["score"]), row["status"]) == expected, row


def test_the_gradebook_holds_every_student(graded):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{graded}/gradebook.db") as gradebook:
        stored = {s.student_id for s in gradebook.assignment_submissions(ASSIGNMENT)}
    assert stored == set(PINNED)


def test_forged_and_flooding_results_leave_feedback_small_and_readable(graded):
    for student in PINNED:
        for suffix in ("json", "html"):
            size = (graded / "feedback" / student / f"{ASSIGNMENT}.{suffix}").stat().st_size
            assert size < 100_000, (student, suffix, size)
    blown = feedback(graded, "attack-feedback-blow-up")
    assert max(len(m) for i in blown["items"] for m in i["messages"]) <= 600
    flood = item(graded, "attack-result-flood-dict-keys", "update_parameters")["messages"]
    assert any("unreadable message" in m and "4096" in m for m in flood)
    oversized = item(graded, "attack-result-oversized-frame", "update_parameters")["messages"]
    assert any("bytes (limit" in m for m in oversized)


def test_the_input_check_fails_closed(graded):
    messages = case_messages(graded, "attack-mutation-check-switched-off", "update_parameters")
    assert any("could not check that update_parameters leaves its inputs unchanged" in m for m in messages)


def test_no_reference_can_be_found_and_nothing_is_shared_between_students(graded):
    assert any("no reference source found" in m
               for m in case_messages(graded, "attack-read-the-reference-from-memory", "linear_activation_forward"))
    assert any("no answer key: []" in m for m in case_messages(graded, "attack-answer-key-reader", "linear_forward"))
    assert any("found: []" in m
               for m in case_messages(graded, "attack-look-for-grades-and-other-submissions", "linear_forward"))
    for student in PINNED:
        text = (graded / "feedback" / student / f"{ASSIGNMENT}.json").read_text()
        assert "np.dot(W, A) + b" not in text and "source_solutions" not in text


def test_students_whose_folders_collide_are_all_refused_with_the_folders_named(graded):
    messages = feedback(graded, "alice")["messages"]
    assert any("'alice'" in m and "'~alice'" in m and "none of them is graded" in m for m in messages)


def test_no_grades_csv_cell_starts_a_spreadsheet_formula(graded, tmp_path):
    for row in read_csv(graded / "grades.csv"):
        assert not any(value.startswith(("=", "+", "-", "@")) for value in row.values()), row
    write_csv(tmp_path / "g.csv", [("=HYPERLINK(1)", "a", "-x", 1.0, 2.0, "passed")])
    assert read_csv(tmp_path / "g.csv")[0]["student_id"] == "'=HYPERLINK(1)"


def test_wrong_types_are_named(graded):
    assert any("got list" in m for m in case_messages(graded, "mistake-returns-python-lists", "linear_forward"))
    assert any("np.matrix" in m for m in case_messages(graded, "mistake-np-matrix", "linear_forward"))
    assert any("dtype int64" in m for m in case_messages(graded, "mistake-integer-biases", "initialize_parameters"))


# --- attacks built here: links, FIFOs, huge cells, and faults that are ours ------------------------

def _submit(folder, student, notebook=CORRECT):
    target = folder / student / ASSIGNMENT
    target.mkdir(parents=True)
    shutil.copy(notebook, target / f"{ASSIGNMENT}.ipynb")
    return target / f"{ASSIGNMENT}.ipynb"


def test_links_fifos_and_oversized_notebooks_are_refused_without_blocking(tmp_path):
    submitted = tmp_path / "submitted"
    _submit(submitted, "victim")
    linked = submitted / "copycat" / ASSIGNMENT
    linked.mkdir(parents=True)
    (linked / f"{ASSIGNMENT}.ipynb").symlink_to(submitted / "victim" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")
    (submitted / "linked-folder").symlink_to(submitted / "victim")
    fifo = submitted / "fifo" / ASSIGNMENT
    fifo.mkdir(parents=True)
    os.mkfifo(fifo / f"{ASSIGNMENT}.ipynb")
    brackets = _submit(submitted, "brackets")
    notebook = json.loads(brackets.read_text())
    notebook["cells"][0]["outputs"] = [[]] * 600_000
    notebook["cells"][0]["cell_type"] = "code"
    brackets.write_text(json.dumps(notebook))
    out = tmp_path / "out"
    autograde(submitted, options(out))
    rows = {(r["student_id"], r["item"]): (float(r["score"]), r["status"]) for r in read_csv(out / "grades.csv")}
    assert all(rows[("victim", f)] == (SPEC.points[f], "passed") for f in SPEC.functions)
    for student in ("copycat", "linked-folder", "fifo", "brackets"):
        assert all(rows[(student, f)][0] == 0 for f in SPEC.functions), student
    assert "symbolic link" in " ".join(feedback(out, "linked-folder")["messages"])
    assert "clear its outputs" in " ".join(feedback(out, "brackets")["messages"])


def test_a_two_megabyte_cell_is_refused_for_its_function_only(tmp_path):
    """A 2 MiB cell once made the grader's parser peak at 1.7 GB: it is never parsed into a
    syntax tree, and the function it defines is refused with the reason."""
    submitted = tmp_path / "submitted"
    path = _submit(submitted, "huge-cell")
    notebook = json.loads(path.read_text())
    cell = next(c for c in notebook["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "linear_backward")
    cell["source"] = "x = " + "1+" * (1 << 20) + "1\n" + "".join(cell["source"])
    path.write_text(json.dumps(notebook))
    out = tmp_path / "out"
    autograde(submitted, options(out))
    rows = {r["item"]: (float(r["score"]), r["status"]) for r in read_csv(out / "grades.csv")}
    assert rows.pop("linear_backward") == (0, "error")
    assert all(status == "passed" for _, status in rows.values())
    assert any("over the limit" in m for m in item(out, "huge-cell", "linear_backward")["messages"])


def test_a_fork_server_killed_mid_task_is_our_fault_and_the_submission_is_graded_again(tmp_path):
    import psutil

    submitted = tmp_path / "submitted"
    path = _submit(submitted, "slow-but-right")
    notebook = json.loads(path.read_text())
    cell = next(c for c in notebook["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "linear_forward")
    cell["source"] = "import time\n" + "".join(cell["source"]).replace("def linear_forward(A, W, b):",
                                                                         "def linear_forward(A, W, b):\n    time.sleep(0.4)")
    path.write_text(json.dumps(notebook))
    killed = []

    def kill_the_fork_server_once():
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            for process in psutil.process_iter(["cmdline"]):
                cmdline = " ".join(process.info["cmdline"] or [])
                if "sandbox/child.py" in cmdline and process.children():
                    time.sleep(1.0)  # a task is running in one of its sandboxes
                    process.kill()
                    killed.append(process.pid)
                    return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_the_fork_server_once)
    killer.start()
    out = tmp_path / "out"
    autograde(submitted, options(out))
    killer.join()
    assert killed, "the fork server should have been killed mid-task"
    rows = read_csv(out / "grades.csv")
    assert all(r["status"] == "passed" for r in rows), rows
    assert "crashed" not in json.dumps(feedback(out, "slow-but-right"))


def _cli(out, submitted, env=None):
    return [sys.executable, "-m", "grader", "autograde", str(submitted), "--assignment", ASSIGNMENT, "--out", str(out),
            "--no-db", "--jobs", "2", "--timeout", str(TIMEOUT), "--seed", str(SEED), "--quiet"]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_and_sigterm_stop_the_grader_and_leave_nothing_in_the_temporary_folder(tmp_path, stop):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    out = tmp_path / "out"
    env = dict(os.environ, TMPDIR=str(temporary))
    process = subprocess.Popen(_cli(out, HOSTILE), cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((out / "feedback").glob("*"))) < 3:
        time.sleep(0.05)
    process.send_signal(stop)
    try:
        _, errors = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("the grader did not stop")
    assert process.returncode == 130 and "run the same command again" in errors, errors
    time.sleep(0.5)
    slots = f"dnn-grade-slots-{os.getuid()}"  # as root the slots live in /run, not in TMPDIR
    assert [p.name for p in temporary.iterdir()] in ([], [slots])
    if (temporary / slots).exists():
        assert sorted(p.name for p in (temporary / slots).iterdir() if not p.name.endswith(".lock")) in ([], ["root"])


def test_a_refused_zip_leaves_no_extracted_folder(tmp_path):
    import zipfile

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("fine/dnn_step_by_step.ipynb", "{}")
        z.writestr("../escape", "boom")
    result = subprocess.run(_cli(tmp_path / "out", archive), cwd=REPO, capture_output=True, text=True,
                            env=dict(os.environ, TMPDIR=str(temporary)))
    assert result.returncode == 2 and "unsafe path" in result.stderr
    assert list(temporary.iterdir()) == []


@pytest.mark.slow
def test_a_dask_cluster_grades_the_hostile_class_exactly_as_locally(graded, tmp_path):
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster):
        out = tmp_path / "out"
        autograde(HOSTILE, options(out, scheduler=cluster.scheduler_address))
    assert read_csv(out / "grades.csv") == read_csv(graded / "grades.csv")
    for student in PINNED:
        assert (out / "feedback" / student / f"{ASSIGNMENT}.json").stat().st_size < 100_000


@pytest.mark.slow  # grades a whole class of its own
def test_names_too_long_for_the_file_system_cost_nothing_to_the_others(tmp_path):
    """A folder name of 255 bytes whose NFC form is longer, and a zip member of 300 bytes (legal
    on other file systems), once stopped the whole batch."""
    import zipfile

    submitted = tmp_path / "submitted"
    _submit(submitted, "\uFA6C" * 85)  # 255 bytes; NFC turns each into a 4-byte character
    _submit(submitted, "control")
    out = tmp_path / "out"
    autograde(submitted, options(out))
    rows = read_csv(out / "grades.csv")
    assert {r["student_id"] for r in rows} >= {"control"} and len({r["student_id"] for r in rows}) == 2
    assert all(len(r["student_id"].encode()) <= 128 and r["status"] == "passed" for r in rows)
    archive = tmp_path / "class.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(CORRECT, f"alice/{ASSIGNMENT}/{ASSIGNMENT}.ipynb")
        z.write(CORRECT, f"mallory/{ASSIGNMENT}/" + "作业" * 50 + ".ipynb")
    out = tmp_path / "zip-out"
    autograde(archive, options(out))
    rows = {(r["student_id"], r["status"]) for r in read_csv(out / "grades.csv")}
    assert {status for student, status in rows if student == "alice"} == {"passed"}
    assert {status for student, status in rows if student == "mallory"} == {"missing"}
