"""Golden files: the exact text students read about the step-by-step example class, stored in tests/golden/ so
that any change of wording shows up in review.

  tests/golden/feedback/<student>.json and .html   what the grader writes for examples/class/dnn_step_by_step/<student>
                                                   (graded_example_class in conftest.py: seed 2026,
                                                   timeout 10 s, 2 grading processes)
  tests/golden/checks/<student>.txt                what the notebook's check cells print

Refresh them with one command, then review `git diff tests/golden`:

    make golden        # = python -m pytest tests/test_golden.py --update-golden -q

Without --update-golden the tests compare byte for byte, and a missing golden file fails (it is
never created silently); with it they rewrite every file, delete golden files of students that no
longer exist, and check what they wrote.

Normalised before storing and comparing (values that legitimately differ between runs and machines):
  * feedback JSON: ``"seconds"`` (the time spent grading; only at the top level today) becomes
    ``"<varies>"``. Nothing else differed between two gradings of the class, JSON or HTML (the
    hidden cases are drawn from the fixed seed).
  * check reports: the path of the temporary release copy becomes ``<release copy>`` and the
    checkout's path ``<checkout>`` (none occur today; a cheat's error message could hold one).

How a check report is made: in a fresh copy of release/dnn_step_by_step (what a student has),
a process per student (forked, 2 at a time, from one subprocess that imported numpy and testCases
from another copy, so it starts at once; killed after STUDENT_SECONDS) runs, in notebook order,
every code cell of the notebook except those that exercise the graded functions (a call of
``check``, ``hidden_check`` or a graded function outside a function body: the check and demo cells),
then, for each graded function in the assignment's order, ``check(name, function)`` from
testCases.dnn_step_by_step, capturing what it prints (stdout and stderr, each cut at MAX_SHOWN
characters per check) and what it raises (``CheckFailed: ...`` as Jupyter shows it). The cell
rule is by content, so it also finds the cells of notebooks whose nbgrader metadata was renamed or
stripped; definitions are those after the whole notebook ran (the last one wins, as in grading).
Cells are compiled under a ``<cell N>`` file name, as IPython does, so reports name the line.
The processes are made to look like a student's machine: the checkout is removed from sys.path and
the checkout's modules that the release does not ship (grader, source_solutions, ...) cannot be
imported; address space is limited to MEMORY_BYTES (512 MiB: a memory bomb fails fast); a cell
or check still running after CHECK_CPU_SECONDS of user CPU time (or CHECK_SECONDS of wall time) is
interrupted (a student would press stop), and a process that ends early (``os._exit``) is noted.

Which students have a check report: every student whose notebook is valid JSON (an empty or
truncated file is not a notebook Jupyter would open: no cell runs), except
cheat-read-the-reference-files, which globs the whole file system for the reference solutions:
slow, and its outcome depends on where this checkout lives. See test_check_report_selection.
"""

import ast
import difflib
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from grader.paths import REPO

ASSIGNMENT = "dnn_step_by_step"
CLASS = REPO / "examples" / "class" / ASSIGNMENT
GOLDEN = Path(__file__).resolve().parent / "golden"
# Per cell and per check: user CPU time, wall time (a public check takes milliseconds).
CHECK_CPU_SECONDS, CHECK_SECONDS = 2.0, 10.0  # generous: a memory bomb's allocations take user time on a busy machine
STUDENT_SECONDS = 20.0
MEMORY_BYTES = 512 << 20
MAX_SHOWN = {"stdout": 20_000, "stderr": 500}  # characters per check (cheat-flood-stdout writes 40 MB to stderr)
DIFF_LINES = 60
REFRESH = "run `make golden` and review the diff (`git diff tests/golden`)"

STUDENTS = sorted(p.name for p in CLASS.iterdir() if p.is_dir())
NO_CHECK_REPORT = {"cheat-read-the-reference-files": "globs the whole file system: slow, and machine-dependent"}


def _notebook(student):
    """The student's notebook: the one .ipynb in the folder (damaged-renamed-file renamed it)."""
    found = sorted((CLASS / student / ASSIGNMENT).glob("*.ipynb"))
    preferred = [p for p in found if p.name == f"{ASSIGNMENT}.ipynb"]
    return (preferred or found)[0]


def _is_json(path):
    try:
        json.loads(path.read_text(encoding="utf-8"))
        return True
    except ValueError:
        return False


CHECKED = [s for s in STUDENTS if s not in NO_CHECK_REPORT and _is_json(_notebook(s))]


# --- comparing with a golden file ------------------------------------------------------------------


def _compare_or_update(path, actual, update):
    """Write ``actual`` to ``path`` (and read it back) when updating, else compare byte for byte."""
    data = actual.encode("utf-8")
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        assert path.read_bytes() == data, f"{path} was not written"
        return
    if not path.exists():
        pytest.fail(f"golden file {path.relative_to(REPO)} is missing: {REFRESH}", pytrace=False)
    expected = path.read_bytes()
    if expected != data:
        diff = list(difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(keepends=True),
                                         actual.splitlines(keepends=True),
                                         f"golden: {path.relative_to(REPO)}", "produced now"))
        shown = "".join(line if line.endswith("\n") else line + "\n" for line in diff[:DIFF_LINES])
        more = f"... {len(diff) - DIFF_LINES} more diff lines\n" if len(diff) > DIFF_LINES else ""
        pytest.fail(f"{path.relative_to(REPO)} differs from what the code produces now; {REFRESH}:\n{shown}{more}",
                    pytrace=False)


# --- the feedback ---------------------------------------------------------------------------------

SECONDS = re.compile(r'^(\s*"seconds": )-?[0-9][0-9.eE+-]*(,?)$', re.M)


def normalise_feedback_json(text):
    return SECONDS.sub(r'\1"<varies>"\2', text)


def _feedback_of(out):
    feedback = {}
    for student in STUDENTS:
        folder = out / "feedback" / student
        feedback[student] = {
            "json": normalise_feedback_json((folder / f"{ASSIGNMENT}.json").read_bytes().decode("utf-8")),
            "html": (folder / f"{ASSIGNMENT}.html").read_bytes().decode("utf-8"),
        }
    return feedback


# --- the check reports ----------------------------------------------------------------------------


def _runner(repo, jobs_file, parallel, limits):
    """Runs alone in one subprocess (its source is sent with ``python -c``), in a copy of the
    release: imports numpy and testCases once, then forks a child per student (``parallel`` at a
    time) that runs the student's cells and checks and writes the report to the job's "out" file.
    Prints {student: exit code, or None when it was killed} as JSON."""
    import io
    import json
    import linecache
    import os
    import resource
    import signal
    import sys
    import time

    # A student's machine: only the release, never the checkout's grader or solutions.
    here = os.getcwd()
    shipped = set(os.listdir(here))
    unshipped = {os.path.splitext(name)[0] for name in os.listdir(repo)
                 if not name.startswith(".") and name not in shipped}
    sys.path[:] = [here] + [p for p in sys.path if p and os.path.realpath(p) != os.path.realpath(repo)]

    class Unshipped:
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in unshipped:
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None

    sys.meta_path.insert(0, Unshipped())
    import numpy  # noqa: F401 - once, before forking: the children start at once
    import testCases.dnn_step_by_step

    assert os.path.realpath(testCases.__file__).startswith(os.path.realpath(here))

    class StillRunning(BaseException):
        pass

    def student(job):
        """In the forked child: the cells, then each check; never returns."""
        resource.setrlimit(resource.RLIMIT_AS, (limits["memory_bytes"], limits["memory_bytes"]))
        os.environ["COURSE_LANG"] = job["lang"]  # the language of the release the notebook came from
        os.chdir(job["dir"])
        sys.path[0] = job["dir"]
        report_fd = os.open(job["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)  # what a cell writes to the file descriptors themselves is not in the notebook
        os.dup2(null, 2)

        def emit(text):
            data = text.encode("utf-8", "backslashreplace")
            while data:
                data = data[os.write(report_fd, data):]

        class Shown(io.TextIOBase):
            """sys.stdout or sys.stderr: straight into the report, at most limits[name] characters
            per check (the check's own report is printed last, to stdout)."""

            def __init__(self, name):
                self.name, self.room, self.dropped = name, limits[name], 0

            def writable(self):
                return True

            def write(self, text):
                text = str(text)
                kept = text[: max(self.room, 0)]
                self.room -= len(kept)
                self.dropped += len(text) - len(kept)
                if kept:
                    emit(kept)
                return len(text)

            def end(self):
                if self.dropped:
                    emit(f"\n[... {self.dropped} more characters written to {self.name}: not stored]\n")
                self.room, self.dropped = limits[self.name], 0

        def interrupt(signum, frame):
            raise StillRunning()

        signal.signal(signal.SIGALRM, interrupt)
        signal.signal(signal.SIGVTALRM, interrupt)

        def run(what, *args):
            """what(*args) under the time limits; the line to report when it raised, else None."""
            # User CPU time: a busy machine does not count, nor the kernel's time mapping memory.
            signal.setitimer(signal.ITIMER_VIRTUAL, limits["cpu_seconds"])
            signal.setitimer(signal.ITIMER_REAL, limits["seconds"])  # and wall time, for a cell that sleeps
            try:
                what(*args)
            except StillRunning:
                return "[still running at the time limit: interrupted]"
            except BaseException as error:  # noqa: BLE001 - a student's code may raise anything
                if hasattr(error, "_render_traceback_"):
                    return "\n".join(error._render_traceback_())  # CheckFailed, as Jupyter shows it
                return f"{type(error).__name__}: {error}"
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            return None

        stdout, stderr = Shown("stdout"), Shown("stderr")
        namespace = {"__name__": "__main__", "__builtins__": __builtins__}
        for index, source in job["cells"]:
            filename = f"<cell {index}>"
            linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)

            def execute(source=source, filename=filename):
                exec(compile(source, filename, "exec"), namespace)

            sys.stdout = sys.stderr = io.StringIO()  # what the setup and exercise cells print is not a report
            problem = run(execute)
            sys.stdout, sys.stderr = stdout, stderr
            if problem:
                emit(f"cell {index} raised {problem}\n")

        from testCases.dnn_step_by_step import ASSIGNMENT, check

        for graded in ASSIGNMENT.functions:
            name = graded.name
            emit(f'\n>>> check("{name}", {name})\n')
            if name not in namespace:
                emit(f"NameError: name '{name}' is not defined\n")
                continue
            problem = run(check, name, namespace[name])
            stderr.end()
            stdout.end()
            if problem:
                emit(f"{problem}\n")
        emit(END)

    with open(jobs_file) as f:
        pending = json.load(f)
    running, codes = {}, {}
    while pending or running:
        while pending and len(running) < parallel:
            job = pending.pop(0)
            pid = os.fork()
            if pid == 0:
                try:
                    student(job)
                    code = 0
                except BaseException:  # noqa: BLE001 - the report is cut short; the exit code says so
                    code = 70
                os._exit(code)
            running[pid] = (job["student"], time.monotonic())
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid:
            name, _ = running.pop(pid)
            codes.setdefault(name, os.waitstatus_to_exitcode(status))
            continue
        for pid, (name, started) in running.items():
            if time.monotonic() - started > limits["student_seconds"] and name not in codes:
                codes[name] = None
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.005)
    print(json.dumps(codes))


END = "<<end of the checks>>\n"
RUNNER_SOURCE = f"END = {END!r}\n" + inspect.getsource(_runner)


def _exercises_the_functions(source, functions):
    """Whether a cell calls check, hidden_check or a graded function outside a function body
    (the check and demo cells); a cell that does not parse is run, to report its SyntaxError."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    names = {"check", "hidden_check", *functions}
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
            return True
        pending.extend(ast.iter_child_nodes(node))
    return False


def _cells_to_run(student, functions):
    import nbformat

    notebook = nbformat.reads(_notebook(student).read_text(encoding="utf-8"), as_version=4)
    return [[index, cell.source] for index, cell in enumerate(notebook.cells)
            if cell.cell_type == "code" and not _exercises_the_functions(cell.source, functions)]


def _edition(student):
    """The language of the edition a student's notebook belongs to (its metadata), else English."""
    try:
        metadata = json.loads(_notebook(student).read_text(encoding="utf-8")).get("metadata", {})
    except (ValueError, AttributeError):
        return "en"
    return metadata.get("course", {}).get("lang", "en") if isinstance(metadata, dict) else "en"


def _check_reports(students):
    """{student: the text of its check report} (see the module's docstring)."""
    from grader.grading.assignments import load_spec

    functions = list(load_spec(ASSIGNMENT).functions)
    release = REPO / "release" / ASSIGNMENT

    def copy(target):
        shutil.copytree(release, target, ignore=shutil.ignore_patterns("__pycache__"))

    with tempfile.TemporaryDirectory(prefix="golden-checks-") as scratch:
        scratch = Path(scratch)
        jobs = []
        for student in students:
            folder = scratch / "students" / student
            copy(folder)
            jobs.append({"student": student, "dir": str(folder), "out": str(scratch / f"{student}.out"),
                         "cells": _cells_to_run(student, functions), "lang": _edition(student)})
        (scratch / "jobs.json").write_text(json.dumps(jobs))
        copy(scratch / "runner")
        limits = {"cpu_seconds": CHECK_CPU_SECONDS, "seconds": CHECK_SECONDS, "memory_bytes": MEMORY_BYTES,
                  "student_seconds": STUDENT_SECONDS, **MAX_SHOWN}
        call = f"_runner({str(REPO)!r}, {str(scratch / 'jobs.json')!r}, 2, {limits!r})"
        done = subprocess.run([sys.executable, "-c", f"{RUNNER_SOURCE}\n{call}"], cwd=scratch / "runner",
                              capture_output=True, timeout=STUDENT_SECONDS * len(jobs),
                              env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        assert done.returncode == 0, f"the check runner failed:\n{done.stderr.decode(errors='replace')}"
        codes = json.loads(done.stdout)
        reports = {}
        for job in jobs:
            out = Path(job["out"])
            text = out.read_bytes().decode("utf-8", "replace") if out.exists() else ""
            code = codes[job["student"]]
            if code is None:
                text += f"\n[the process was killed after {STUDENT_SECONDS:g} s]\n"
            elif text.endswith(END) and code == 0:
                text = text[: -len(END)]
            else:
                text += f"\n[the process ended here, exit code {code}: nothing after this ran]\n"
            text = text.replace(job["dir"], "<release copy>").replace(str(REPO), "<checkout>")
            cells = ", ".join(str(index) for index, _ in job["cells"]) or "none"
            header = f"# What the check cells print for examples/class/{ASSIGNMENT}/{job['student']} (tests/test_golden.py).\n"
            reports[job["student"]] = f"{header}# Cells run first: {cells}\n{text}"
        return reports


# --- fixtures and tests ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def produced(request):
    """Everything the golden files hold, made once: {"feedback": {student: {"json", "html"}},
    "checks": {student: text}}. The check reports are made while the class is graded (the
    session's graded_example_class; grading spends most of its time waiting for
    cheat-endless-loop's 10 s timeout)."""
    with ThreadPoolExecutor(1) as background:
        checks = background.submit(_check_reports, CHECKED)
        out, _ = request.getfixturevalue("graded_example_class")
        return {"feedback": _feedback_of(out), "checks": checks.result()}


@pytest.mark.parametrize("kind", ["json", "html"])
@pytest.mark.parametrize("student", STUDENTS)
def test_feedback_matches_its_golden_file(student, kind, produced, update_golden):
    _compare_or_update(GOLDEN / "feedback" / f"{student}.{kind}", produced["feedback"][student][kind], update_golden)


@pytest.mark.parametrize("student", CHECKED)
def test_check_report_matches_its_golden_file(student, produced, update_golden):
    _compare_or_update(GOLDEN / "checks" / f"{student}.txt", produced["checks"][student], update_golden)


def test_check_report_selection():
    """Only the unreadable notebooks and the documented exception have no check report: a
    scenario that stops being valid JSON must be noticed, not silently dropped."""
    unreadable = {"broken-empty-file", "broken-invalid-json"}
    assert sorted(set(STUDENTS) - set(CHECKED)) == sorted(unreadable | set(NO_CHECK_REPORT))


def test_no_golden_file_without_a_student(update_golden):
    expected = {GOLDEN / "feedback" / f"{s}.{kind}" for s in STUDENTS for kind in ("json", "html")}
    expected |= {GOLDEN / "checks" / f"{s}.txt" for s in CHECKED}
    stale = sorted(p for p in GOLDEN.rglob("*") if p.is_file() and p not in expected)
    if update_golden:
        for path in stale:
            path.unlink()
        stale = sorted(p for p in GOLDEN.rglob("*") if p.is_file() and p not in expected)
    assert not stale, f"golden files of no current student: {[str(p.relative_to(REPO)) for p in stale]}; {REFRESH}"
