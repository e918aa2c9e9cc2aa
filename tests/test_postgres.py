"""Does a PostgreSQL gradebook hold exactly what a SQLite one holds, and do graders writing the
same gradebook at once neither lose, double nor tear a grade?

PostgreSQL is the tests' private cluster (`make services`, scripts/services.sh); each test gets
a database of its own. Without it these tests fail, never skip.
"""

import collections
import csv
import shutil
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.integration
from test_scenarios import ASSIGNMENT, CLASS, PINNED, SEED, SPEC, TIMEOUT

from grader.commands.autograde import AutogradeOptions, autograde
from grader.records.gradebook import engine_url
from grader.paths import REPO

# The two scenarios that use up their time limit; the concurrent runs leave them out.
SLOW = {"cheat-endless-loop", "cheat-memory-bomb"}
# Graded by both concurrent graders: their writes of the same student collide.
SHARED = ["correct", "broken-empty-file", "untouched-release"]
CELLS = sorted(f"check_{f}" for f in SPEC.functions)


def pinned_totals(students):
    return {s: sum(PINNED[s].get(f, (SPEC.points[f], "passed"))[0] for f in SPEC.functions) for s in students}


def gradebook_contents(url):
    """(submissions per student, total per student, {student: [(grade cell, auto score)]})."""
    from nbgrader.api import Gradebook

    with Gradebook(engine_url(url)) as gradebook:
        submissions = gradebook.assignment_submissions(ASSIGNMENT)
        counts = collections.Counter(s.student_id for s in submissions)
        totals = {s.student_id: s.score for s in submissions}
        cells = {s.student_id: sorted((g.name, g.auto_score) for nb in s.notebooks for g in nb.grades) for s in submissions}
    return counts, totals, cells


def read_csv(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def sqlite_url(folder):
    return f"sqlite:///{folder}/gradebook.db"


def test_postgres_and_sqlite_gradebooks_get_the_same_grades(tmp_path, fresh_postgres_url):
    """Does grading the example class into PostgreSQL give the same grades.csv, and the same
    per-student totals and per-cell scores in the gradebook, as grading it into SQLite?"""
    runs = {"postgresql": (tmp_path / "postgresql", fresh_postgres_url), "sqlite": (tmp_path / "sqlite", sqlite_url(tmp_path / "sqlite"))}
    for out, url in runs.values():
        autograde(CLASS, AutogradeOptions(assignment=ASSIGNMENT, out=out, db_url=url, jobs=2, timeout=TIMEOUT, seed=SEED, progress=False))

    postgres_csv = (runs["postgresql"][0] / "grades.csv").read_text()
    assert postgres_csv == (runs["sqlite"][0] / "grades.csv").read_text()
    assert len(read_csv(runs["postgresql"][0] / "grades.csv")) == len(PINNED) * len(SPEC.functions)

    pg_counts, pg_totals, pg_cells = gradebook_contents(runs["postgresql"][1])
    lite_counts, lite_totals, lite_cells = gradebook_contents(runs["sqlite"][1])
    assert pg_counts == lite_counts == {s: 1 for s in PINNED}
    assert pg_totals == lite_totals
    assert pg_totals == pytest.approx(pinned_totals(PINNED))
    assert pg_cells == lite_cells


def _class_folder(folder, students):
    for student in students:
        shutil.copytree(CLASS / student, folder / student)
    return folder


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_two_graders_writing_one_gradebook_at_once_lose_and_double_nothing(backend, tmp_path, request):
    """Two `python -m grader autograde` started together on one new gradebook, each on half the
    class and both on a few of the same students: does the gradebook end with exactly one
    submission per student, with the right total, and each grader's grades.csv right?"""
    url = request.getfixturevalue("fresh_postgres_url") if backend == "postgresql" else sqlite_url(tmp_path)
    students = sorted(s for s in PINNED if s not in SLOW)
    halves = {
        "a": sorted(set(students[0::2]) | set(SHARED)),
        "b": sorted(set(students[1::2]) | set(SHARED)),
    }
    processes = {}
    for name, members in halves.items():
        submitted = _class_folder(tmp_path / f"submitted-{name}", members)
        command = [sys.executable, "-m", "grader", "autograde", str(submitted), "--assignment", ASSIGNMENT,
                   "--out", str(tmp_path / f"out-{name}"), "--db", url, "--jobs", "1", "--timeout", str(TIMEOUT),
                   "--seed", str(SEED), "--quiet"]
        processes[name] = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for name, process in processes.items():
        try:
            stdout, stderr = process.communicate(timeout=240)
        except subprocess.TimeoutExpired:
            for other in processes.values():
                other.kill()
            pytest.fail(f"grader {name} did not finish in 240 s")
        assert process.returncode == 0, f"grader {name} failed:\n{stdout}\n{stderr}"
        assert "Traceback" not in stderr, f"grader {name}:\n{stderr}"

    for name, members in halves.items():
        rows = read_csv(tmp_path / f"out-{name}" / "grades.csv")
        assert {r["student_id"] for r in rows} == set(members)
        assert len(rows) == len(members) * len(SPEC.functions)
        for row in rows:
            expected = PINNED[row["student_id"]].get(row["item"], (SPEC.points[row["item"]], "passed"))
            assert (float(row["score"]), row["status"]) == expected, (name, row)

    counts, totals, cells = gradebook_contents(url)
    assert counts == {s: 1 for s in students}, "a student missing, or with two submissions"
    assert totals == pytest.approx(pinned_totals(students))
    assert all([name for name, _ in grades] == CELLS for grades in cells.values()), "one grade per grade cell"


# One writer: GradebookWriter.write for every student, in its own order, each cell = its number.
WRITER = """
import random, sys, time
from grader.records.gradebook import GradebookWriter
from grader.grading.assignments import load_spec
url, number, start, students = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4:]
spec = load_spec("dnn_step_by_step")
random.Random(number).shuffle(students)
time.sleep(max(0.0, start - time.time()))
writer = GradebookWriter(url, spec)
for student in students:
    writer.write(student, {function: float(number) for function in spec.functions})
writer.close()
"""


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_writers_racing_on_the_same_students_leave_one_whole_submission_each(backend, tmp_path, request):
    """Three writers open one new gradebook at the same instant and each writes the same 20
    students, in its own order, every score equal to its own number: does each student end with
    one submission whose ten scores all come from the same writer (no lost, doubled or torn
    write), with no writer failing?"""
    url = request.getfixturevalue("fresh_postgres_url") if backend == "postgresql" else sqlite_url(tmp_path)
    students = [f"student-{i:02d}" for i in range(20)]
    start = time.time() + 4  # all three have imported nbgrader by then, and open the gradebook together
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, url, str(n), str(start), *students], cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in (1, 2, 3)]
    for writer in writers:
        stdout, stderr = writer.communicate(timeout=120)
        assert writer.returncode == 0, stderr
        assert "Traceback" not in stderr, stderr

    counts, totals, cells = gradebook_contents(url)
    assert counts == {s: 1 for s in students}
    for student, grades in cells.items():
        assert [name for name, _ in grades] == CELLS, student
        assert len({score for _, score in grades}) == 1, f"{student}'s scores come from several writers: {grades}"
        assert grades[0][1] in (1, 2, 3)
