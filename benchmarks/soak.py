"""Soak test: a large class graded on a Dask cluster into a PostgreSQL gradebook, and proof that
every grade was written exactly once.

Makes N submissions of dnn_step_by_step in nbgrader's submitted layout: copies of the example
class's scenario notebooks (examples/class) cycled under new student ids s00001-<scenario>, ...;
the two scenarios that use up their time limit (cheat-endless-loop, cheat-memory-bomb) only once
every --slow-every submissions. Starts a dask.distributed LocalCluster (--jobs worker processes,
one thread each, on 127.0.0.1, no dashboard), creates a fresh database on the PostgreSQL server
(the tests' cluster from `make services`, or --db), and runs grader.commands.autograde.autograde with
scheduler=cluster.scheduler_address. Then prints

  * the wall time of the grading and the submissions per second;
  * the proof, from the gradebook itself: number of students == N, one submission per student,
    exactly one row of nbgrader's grade table per (student, grade cell) for all N x 10 pairs,
    every one with a score, and each student's gradebook total equal to its grades.csv total;
  * and that grades.csv has N x 10 rows, one per (student, function).

Exits 1 if any proof fails.

    make services && .venv/bin/python benchmarks/soak.py --n 200          # a quick check
    nohup .venv/bin/python benchmarks/soak.py > /tmp/soak.log 2>&1 &        # 5000 submissions
"""

import os
import sys

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"  # before numpy is imported, here and in the Dask workers

import argparse  # noqa: E402
import collections  # noqa: E402
import csv  # noqa: E402
import platform  # noqa: E402
import secrets  # noqa: E402
import shutil  # noqa: E402
import sqlite3  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from anywhere, installed or not

from grader.commands.autograde import STATE_FILE, AutogradeOptions, autograde  # noqa: E402
from grader.records.gradebook import engine_url  # noqa: E402
from grader.grading.assignments import load_spec  # noqa: E402

ASSIGNMENT = "dnn_step_by_step"
CLASS = REPO / "examples" / "class" / ASSIGNMENT
SLOW = ("cheat-endless-loop", "cheat-memory-bomb")
URL_FILE = REPO / ".services" / "postgres.url"


def say(message):
    print(f"[soak {time.strftime('%H:%M:%S')}] {message}", flush=True)


def make_submissions(folder, n, slow_every):
    """Write folder/<student>/dnn_step_by_step/<notebook>; returns {student: scenario}."""
    scenarios = sorted(p.name for p in CLASS.iterdir() if (p / ASSIGNMENT).is_dir())
    fast = [s for s in scenarios if s not in SLOW]
    slow = [s for s in SLOW if s in scenarios]
    if not fast:
        raise SystemExit("examples/class is empty: run `python examples/make_class.py`")
    students, slow_used = {}, 0
    for index in range(n):
        if slow and slow_every and index % slow_every == slow_every - 1:
            scenario, slow_used = slow[slow_used % len(slow)], slow_used + 1
        else:
            scenario = fast[index % len(fast)]
        student = f"s{index + 1:05d}-{scenario}"
        shutil.copytree(CLASS / scenario / ASSIGNMENT, folder / student / ASSIGNMENT)
        students[student] = scenario
    return students


def create_database(server_url):
    """A new database on ``server_url``'s server; returns (its URL, drop())."""
    import psycopg2
    from sqlalchemy.engine import make_url

    parts = make_url(server_url)

    def admin():
        connection = psycopg2.connect(host=parts.host, port=parts.port, user=parts.username, password=parts.password,
                                      dbname=parts.database or "postgres", connect_timeout=10)
        connection.autocommit = True
        return connection

    name = f"dnn_soak_{time.strftime('%Y%m%d_%H%M%S')}_{secrets.token_hex(3)}"
    connection = admin()
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()

    def drop():
        connection = admin()
        try:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            connection.close()

    url = parts.set(drivername="postgresql", database=name).render_as_string(hide_password=False)
    return url, name, drop


def report_progress(state_file, total, stop, every):
    """Every ``every`` seconds: how many submissions the grader has recorded so far."""
    started = time.monotonic()
    while not stop.wait(every):
        if not state_file.exists():
            continue
        try:
            with sqlite3.connect(f"file:{state_file}?mode=ro", uri=True, timeout=5) as db:
                done = db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
        except sqlite3.Error:
            continue
        elapsed = time.monotonic() - started
        rate = done / elapsed if elapsed else 0.0
        eta = (total - done) / rate if rate else float("nan")
        say(f"graded {done}/{total} ({rate:.2f}/s, about {eta / 60:.1f} min to go)")


GRADE_ROWS = """
SELECT sa.student_id, bc.name, COUNT(*), COUNT(g.auto_score), SUM(g.auto_score)
FROM grade g
JOIN base_cell bc ON bc.id = g.cell_id
JOIN submitted_notebook sn ON sn.id = g.notebook_id
JOIN submitted_assignment sa ON sa.id = sn.assignment_id
JOIN assignment a ON a.id = sa.assignment_id
WHERE a.name = :assignment AND bc.type = 'GradeCell'
GROUP BY sa.student_id, bc.name
"""


def prove(url, students, functions, csv_path):
    """Check the gradebook and grades.csv; returns [(claim, ok, detail)]."""
    from sqlalchemy import create_engine, text

    n, cells = len(students), {f"check_{f}" for f in functions}
    engine = create_engine(engine_url(url))
    with engine.connect() as db:
        student_count = db.execute(text("SELECT COUNT(*) FROM student")).scalar()
        submissions = db.execute(text(
            "SELECT sa.student_id, COUNT(*) FROM submitted_assignment sa JOIN assignment a ON a.id = sa.assignment_id "
            "WHERE a.name = :assignment GROUP BY sa.student_id"), {"assignment": ASSIGNMENT}).fetchall()
        rows = db.execute(text(GRADE_ROWS), {"assignment": ASSIGNMENT}).fetchall()
    engine.dispose()

    per_pair = {(student, cell): (count, scored, total) for student, cell, count, scored, total in rows}
    expected_pairs = {(s, c) for s in students for c in cells}
    counts = collections.Counter(count for count, _, _ in per_pair.values())
    gradebook_totals = collections.defaultdict(float)
    for (student, _), (_, _, total) in per_pair.items():
        gradebook_totals[student] += float(total or 0)

    with open(csv_path, newline="") as f:
        csv_rows = list(csv.DictReader(f))
    csv_pairs = collections.Counter((r["student_id"], r["item"]) for r in csv_rows)
    csv_totals = collections.defaultdict(float)
    for r in csv_rows:
        csv_totals[r["student_id"]] += float(r["score"])
    total_mismatch = [s for s in students if abs(gradebook_totals.get(s, -1) - csv_totals.get(s, -2)) > 1e-9]

    return [
        ("students in the gradebook == N", student_count == n, f"{student_count} == {n}"),
        ("one submission per student", len(submissions) == n and all(c == 1 for _, c in submissions) and {s for s, _ in submissions} == set(students),
         f"{len(submissions)} students with a submission, at most {max((c for _, c in submissions), default=0)} each"),
        ("one grade row per (student, grade cell)", set(per_pair) == expected_pairs and set(counts) == {1},
         f"{len(per_pair)} pairs (expected {len(expected_pairs)} = {n} x {len(cells)}); rows per pair: {dict(counts)}"),
        ("every grade row has a score", all(scored == count for count, scored, _ in per_pair.values()),
         f"{sum(s for _, s, _ in per_pair.values())} scored of {sum(c for c, _, _ in per_pair.values())}"),
        ("grades.csv has N x 10 rows, one per (student, function)",
         len(csv_rows) == n * len(functions) and set(csv_pairs.values()) == {1} and {s for s, _ in csv_pairs} == set(students),
         f"{len(csv_rows)} rows == {n} x {len(functions)}"),
        ("gradebook total == grades.csv total, for every student", not total_mismatch,
         f"{n - len(total_mismatch)} of {n} agree" + (f"; e.g. {total_mismatch[:3]}" if total_mismatch else "")),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=5000, help="submissions to grade (default 5000)")
    parser.add_argument("--db", default=None,
                        help="PostgreSQL server URL (postgresql://USER:PASS@HOST:PORT/DB); a fresh database is created "
                             "there (default: the tests' cluster, .services/postgres.url)")
    parser.add_argument("--jobs", type=int, default=2, help="Dask worker processes, one thread each (default 2)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per graded function (default 10, as the tests)")
    parser.add_argument("--seed", type=int, default=1, help="hidden cases' run seed (default 1)")
    parser.add_argument("--slow-every", type=int, default=1000,
                        help="one submission in this many is a slow scenario (endless loop, memory bomb); 0: none (default 1000)")
    parser.add_argument("--keep", action="store_true", help="keep the submissions, output and database (paths printed)")
    parser.add_argument("--progress-every", type=float, default=60.0, help="seconds between progress lines (default 60)")
    args = parser.parse_args()

    server = args.db
    if server is None:
        if not URL_FILE.exists():
            raise SystemExit(f"no PostgreSQL: run `make services` (writes {URL_FILE}) or pass --db")
        server = URL_FILE.read_text().strip()
    if not server.startswith("postgresql"):
        raise SystemExit("--db must be a postgresql:// URL")

    from dask.distributed import LocalCluster

    spec = load_spec(ASSIGNMENT)
    work = Path(tempfile.mkdtemp(prefix="dnn-soak-"))
    submitted, out = work / "submitted", work / "autograded"
    say(f"python {platform.python_version()}, {os.cpu_count()} cores, {platform.platform()}")
    started = time.perf_counter()
    students = make_submissions(submitted, args.n, args.slow_every)
    scenarios = collections.Counter(students.values())
    say(f"{len(students)} submissions written to {submitted} in {time.perf_counter() - started:.1f} s "
        f"({len(scenarios)} scenarios; slow ones: {sum(scenarios[s] for s in SLOW)})")

    url, database, drop = create_database(server)
    say(f"fresh gradebook: database {database} on {url.split('@')[-1].rsplit('/', 1)[0]}")
    cluster = None
    try:
        started = time.perf_counter()
        cluster = LocalCluster(n_workers=args.jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        say(f"Dask LocalCluster at {cluster.scheduler_address}: {args.jobs} worker processes x 1 thread "
            f"(started in {time.perf_counter() - started:.1f} s)")

        options = AutogradeOptions(assignment=ASSIGNMENT, out=out, db_url=url, jobs=args.jobs, timeout=args.timeout,
                                   seed=args.seed, progress=False, scheduler=cluster.scheduler_address)
        stop = threading.Event()
        watcher = threading.Thread(target=report_progress, args=(out / STATE_FILE, args.n, stop, args.progress_every),
                                   daemon=True)
        watcher.start()
        started = time.perf_counter()
        try:
            summary = autograde(submitted, options)
        finally:
            stop.set()
        wall = time.perf_counter() - started
        say(f"graded {summary['graded']} submissions in {wall:.1f} s wall: {summary['graded'] / wall:.2f} submissions/s "
            f"({wall / max(summary['graded'], 1) * args.jobs:.2f} s per submission per worker, {args.jobs} workers)")

        proofs = prove(url, list(students), spec.functions, out / "grades.csv")
        for claim, ok, detail in proofs:
            say(f"{'PASS' if ok else 'FAIL'}  {claim}: {detail}")
        failed = [claim for claim, ok, _ in proofs if not ok]
        say("RESULT: " + ("every submission has exactly one grade per graded function" if not failed
                          else f"{len(failed)} proof(s) failed: {failed}"))
        return 1 if failed else 0
    finally:
        if cluster is not None:
            cluster.close()
        if args.keep:
            say(f"kept: {work} and database {database}")
        else:
            drop()
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
