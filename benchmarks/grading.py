"""Grading throughput: our sandboxed autograder against `nbgrader autograde`, on the same files.

Makes N honest submissions of dnn_step_by_step (copies of the example class's `correct`,
`correct-variants` and `mistake-*` notebooks, cycled, under the ids student_0001, student_0002,
...) in nbgrader's submitted layout, then grades them

  * with our grader (grader.commands.autograde.autograde: --jobs sandboxes at a time, a SQLite nbgrader
    gradebook in the temporary folder, a fixed seed), and
  * with `nbgrader autograde dnn_step_by_step --force` in a throwaway nbgrader course made from our
    source notebook (nbgrader 0.9 grades one notebook after another: it has no parallel option),

and prints the submissions per second of each, their ratio, and whether the two agree, for every
student and graded function, on "passed" (nbgrader: the check cell check_<function> got full
points; ours: the function's status in grades.csv is "passed").

    python benchmarks/grading.py                       # 60 submissions, both graders on all of them
    python benchmarks/grading.py --n 120 --n-nbgrader 20 --jobs 2

BLAS is pinned to one thread, here and in every process started from here.
"""

import os
import sys

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"  # before numpy is imported, here and in nbgrader's kernels
# nbgrader's Gradebook runs `alembic` by name: this environment's bin folder must be on PATH.
os.environ["PATH"] = f"{os.path.dirname(os.path.abspath(sys.executable))}{os.pathsep}{os.environ.get('PATH', '')}"

import argparse  # noqa: E402
import csv  # noqa: E402
import platform  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from anywhere, installed or not

from grader.commands.autograde import AutogradeOptions, autograde  # noqa: E402
from grader.grading.in_kernel import SEED_ENV  # noqa: E402
from grader.nbgrader_course import NbgraderCourse  # noqa: E402
from grader.grading.assignments import load_spec  # noqa: E402

ASSIGNMENT = "dnn_step_by_step"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
CLASS = REPO / "examples" / "class" / ASSIGNMENT
HONEST_PREFIXES = ("correct", "mistake-")  # same answers whoever grades them
TARGET = 30.0


def scenarios():
    """The example class's honest scenarios that both graders can grade as they are."""
    names = sorted(p.name for p in CLASS.iterdir() if p.is_dir() and p.name.startswith(HONEST_PREFIXES))
    missing = [n for n in names if not (CLASS / n / ASSIGNMENT / NOTEBOOK).is_file()]
    if not names or missing:
        raise SystemExit(f"examples/class is incomplete ({missing or 'no scenarios'}): run `python examples/make_class.py`")
    return names


def make_submissions(folder, n):
    """{student: scenario}, with folder/<student>/dnn_step_by_step/dnn_step_by_step.ipynb written."""
    names, students = scenarios(), {}
    for index in range(n):
        student, scenario = f"student_{index + 1:04d}", names[index % len(names)]
        target = folder / student / ASSIGNMENT
        target.mkdir(parents=True)
        shutil.copy(CLASS / scenario / ASSIGNMENT / NOTEBOOK, target / NOTEBOOK)
        students[student] = scenario
    return students


def create_gradebook(path):
    """Create our SQLite gradebook before the clock starts, as generate_assignment does for
    nbgrader's (nbgrader's Gradebook runs alembic in subprocesses: seconds, once per course).
    Returns how long it took."""
    from grader.records.gradebook import GradebookWriter

    started = time.perf_counter()
    GradebookWriter(f"sqlite:///{path}", load_spec(ASSIGNMENT)).close()
    return time.perf_counter() - started


def grade_with_ours(submitted, out, args):
    options = AutogradeOptions(
        assignment=ASSIGNMENT, out=out, db_url=f"sqlite:///{out.parent / 'ours_gradebook.db'}",
        jobs=args.jobs, timeout=args.timeout, seed=args.seed, progress=False,
    )
    started = time.perf_counter()
    summary = autograde(submitted, options)
    seconds = time.perf_counter() - started
    with open(out / "grades.csv", newline="") as f:
        verdicts = {(row["student_id"], row["item"]): row["status"] == "passed" for row in csv.DictReader(f)}
    return seconds, summary, verdicts


def grade_with_nbgrader(course, students, submitted, functions, seed):
    for student in students:
        course.submit(student, ASSIGNMENT, submitted / student / ASSIGNMENT / NOTEBOOK)
    env = dict(os.environ, **{SEED_ENV: str(seed)})
    started = time.perf_counter()
    course.run("autograde", ASSIGNMENT, "--force", env=env)
    seconds = time.perf_counter() - started
    from nbgrader.api import Gradebook

    verdicts = {}
    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}") as gradebook:
        for student in students:
            for function in functions:
                grade = gradebook.find_grade(f"check_{function}", Path(NOTEBOOK).stem, ASSIGNMENT, student)
                verdicts[student, function] = grade.score == grade.max_score
    return seconds, verdicts


def nbgrader_parallel_option():
    """The option names of `nbgrader autograde` that sound like parallelism (none in 0.9)."""
    text = subprocess.run([sys.executable, "-m", "nbgrader", "autograde", "--help-all"],
                          capture_output=True, text=True).stdout
    words = ("parallel", "jobs", "n_jobs", "workers", "processes", "concurren")
    return sorted({line.split("=")[0].strip() for line in text.splitlines()
                   if line.startswith("--") and any(w in line.lower() for w in words)})


def verdict(passed):
    return "missing" if passed is None else ("passed" if passed else "failed")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=60, help="submissions to grade (default 60)")
    parser.add_argument("--n-nbgrader", type=int, default=None,
                        help="grade only the first this many with nbgrader (default: all N); its rate comes from them")
    parser.add_argument("--jobs", type=int, default=2, help="our grader's parallel sandboxes (default 2)")
    parser.add_argument("--timeout", type=float, default=30.0, help="our per-function time limit (default 30 s)")
    parser.add_argument("--seed", type=int, default=20240611, help="hidden cases' seed, both graders")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args()
    n_nbgrader = args.n if args.n_nbgrader is None else max(1, min(args.n_nbgrader, args.n))

    import nbgrader
    import nbgrader.api  # noqa: F401 (imported before any clock starts, as nbgrader imports it in its own timed run)
    import numpy

    # nbgrader's api warns (SAWarning) on every gradebook write; the writes themselves succeed.
    warnings.filterwarnings("ignore", module="nbgrader")
    warnings.filterwarnings("ignore", message=".*not in session.*")

    functions = load_spec(ASSIGNMENT).functions
    parallel = nbgrader_parallel_option()
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"Python {platform.python_version()}, numpy {numpy.__version__}, nbgrader {nbgrader.__version__}; "
          f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}")
    tmp = Path(tempfile.mkdtemp(prefix="bench-grading-"))
    try:
        submitted = tmp / "submitted"
        students = make_submissions(submitted, args.n)
        names = sorted(set(students.values()))
        print(f"{args.n} submissions of {ASSIGNMENT} ({len(functions)} graded functions each), cycling through "
              f"{len(names)} honest scenarios: {', '.join(names)}")

        # nbgrader's one-off setup (not timed): the course folder and generate_assignment.
        course = NbgraderCourse(tmp / "course", [ASSIGNMENT])
        course.run("generate_assignment", ASSIGNMENT, "--force")

        print(f"\nours: autograde(jobs={args.jobs}, timeout={args.timeout:g}, seed={args.seed}, SQLite gradebook) ...",
              flush=True)
        creation = create_gradebook(tmp / "ours_gradebook.db")
        ours_seconds, summary, ours = grade_with_ours(submitted, tmp / "ours", args)
        if summary["graded"] != args.n:
            raise SystemExit(f"our grader graded {summary['graded']} of {args.n} submissions")

        subset = sorted(students)[:n_nbgrader]
        mode = f"in parallel ({', '.join(parallel)})" if parallel else "sequentially (nbgrader autograde has no parallel option)"
        print(f"nbgrader: `nbgrader autograde {ASSIGNMENT} --force` on {len(subset)} submissions, {mode}, "
              f"{SEED_ENV}={args.seed} ...", flush=True)
        nb_seconds, theirs = grade_with_nbgrader(course, subset, submitted, functions, args.seed)

        ours_rate, nb_rate = args.n / ours_seconds, len(subset) / nb_seconds
        ratio = ours_rate / nb_rate
        print("\nthroughput (wall clock):")
        print(f"  ours     {args.n:4d} submissions in {ours_seconds:8.2f} s = {ours_rate:7.3f} submissions/s "
              f"({ours_seconds / args.n:.3f} s each, {args.jobs} jobs)")
        print(f"  nbgrader {len(subset):4d} submissions in {nb_seconds:8.2f} s = {nb_rate:7.3f} submissions/s "
              f"({nb_seconds / len(subset):.3f} s each, {'parallel' if parallel else 'sequential'})"
              + ("" if len(subset) == args.n else f"  [rate from a subset of {len(subset)} of {args.n}]"))
        print(f"  ratio ours / nbgrader: {ratio:.2f}x")
        with_creation = args.n / (ours_seconds + creation)
        print(f"  (both gradebooks exist before the clock starts, as in a course: nbgrader's generate_assignment\n"
              f"   made its; ours was made beforehand in {creation:.2f} s. Counting that one-off second too: ours\n"
              f"   {with_creation:.3f} submissions/s, {with_creation / nb_rate:.2f}x.)")
        print(f"  target: >= {TARGET:g}x nbgrader's throughput on this {os.cpu_count()}-core machine: "
              f"{'MET' if ratio >= TARGET else 'NOT MET'}")
        print("  timed, ours: the whole autograde() call in this process: finding and hashing the submissions,\n"
              "    starting the grading processes (each: interpreter, hidden cases, sandbox fork server, a probe\n"
              "    sandbox), opening the SQLite gradebook, every sandbox start, grading, diagnosis, feedback\n"
              "    files, the grader's state DB, the gradebook writes and grades.csv (this process's Python\n"
              "    modules, nbgrader's api included, were imported before the clock started).\n"
              "  timed, nbgrader: the whole `python -m nbgrader autograde` process: interpreter start and imports,\n"
              "    one kernel per notebook, the visible and hidden checks, and its gradebook writes.\n"
              "  not timed: writing the submissions, the nbgrader course folder, generate_assignment.")

        agree, explained, unexplained = 0, [], []
        for student in subset:
            for function in functions:
                nb_passed, our_passed = theirs[student, function], ours.get((student, function))
                if nb_passed == our_passed:
                    agree += 1
                    continue
                row = (student, students[student], function, verdict(nb_passed), verdict(our_passed))
                # Independent credit: we test a function with the reference versions of the graded
                # functions it calls; nbgrader runs it in the student's kernel, with the student's.
                wrong = [d for d in load_spec(ASSIGNMENT).dependencies(function) if not ours.get((student, d))]
                if our_passed and not nb_passed and wrong:
                    explained.append((*row, f"ours uses the reference {', '.join(wrong)}"))
                else:
                    unexplained.append((*row, ""))
        total = len(subset) * len(functions)
        print(f"\nverdicts (passed / not passed) on the {len(subset)} submissions both graded, "
              f"{len(functions)} functions each: {agree} of {total} agree "
              f"({'AGREE' if agree == total else 'DISAGREE'})")
        print(f"  disagreements explained by independent credit (nbgrader fails a function because the student's\n"
              f"  own dependency is wrong; we test it with the reference dependency): {len(explained)}")
        print(f"  other disagreements: {len(unexplained)}")
        for title, rows in (("explained by independent credit", explained), ("NOT explained", unexplained)):
            if not rows:
                continue
            print(f"\n  {title}:")
            print(f"  {'student':<14}{'scenario':<43}{'function':<28}{'nbgrader':<12}{'ours':<8}why")
            for student, scenario, function, nb, our, why in rows:
                print(f"  {student:<14}{scenario:<43}{function:<28}{nb:<12}{our:<8}{why}")
        if args.keep:
            print(f"\nkept: {tmp}")
        print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        return 1 if unexplained else 0
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
