"""``python -m grader autograde``: grade a whole class, in parallel, resumably.

Results are written as each submission finishes: its feedback files, its gradebook rows and
the grader's own record, each atomically; grades.csv is rebuilt from that record at the end.
A notebook already graded (same student, same file content) is not graded again.
"""

import os
import secrets
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .feedback import as_html, as_json
from .grading import ItemResult, SubmissionResult, grade_submission, sandbox_starter
from .ingest import find_submissions
from .nbgrader_course import REPO
from .sandbox import SandboxSettings
from .spec import load_spec
from .store import ResultStore, atomic_write, write_csv

STATE_FILE = ".grader_state.sqlite"


@dataclass
class AutogradeOptions:
    assignment: str
    out: Path
    db_url: str | None = None
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout: float = 30.0
    seed: int | None = None
    regrade: bool = False
    progress: bool = True
    sandbox: SandboxSettings = field(default_factory=SandboxSettings)
    template: Path | None = None  # support files for the sandbox (default: release/<assignment>)
    scheduler: str | None = None  # a Dask scheduler address: grade on that cluster


def _internal_error(submission, spec, seed, error):
    """A result that records a grader failure for one submission without aborting the batch."""
    message = f"the grader failed on this submission ({type(error).__name__}: {error}); please report it"
    items = [ItemResult(f, spec.points[f], status="error", messages=[message]) for f in spec.functions]
    return SubmissionResult(submission.student_id, spec.assignment, seed, submission.sha256(), items, [message])


def _sqlite_files(db_url):
    """The gradebook's files when it is SQLite (hidden from student code)."""
    if db_url and db_url.startswith("sqlite:///"):
        path = Path(db_url.removeprefix("sqlite:///")).resolve()
        return [str(path), f"{path}-journal", f"{path}-wal", f"{path}-shm"]
    return []


def autograde(submitted, options, grade=grade_submission):
    """Grade every submission of ``options.assignment`` in ``submitted``; returns a summary dict."""
    spec = load_spec(options.assignment)
    out = Path(options.out).resolve()
    template = Path(options.template or REPO / "release" / options.assignment)
    if not template.is_dir():
        raise FileNotFoundError(f"{template} is missing: run `make release`")
    submissions, cleanup = find_submissions(submitted, options.assignment, spec.notebook_name)
    run_seed = options.seed if options.seed is not None else secrets.randbelow(2**31 - 1)
    settings = options.sandbox
    settings.hide = [*settings.hide, str(Path(submitted).resolve()), str(out)]
    settings.hide += _sqlite_files(options.db_url)
    # Either grader checks that it can work (the sandbox starts, the cluster answers) before any
    # grade is written, and returns run(submissions), which yields results as they finish.
    if options.scheduler:
        from .distributed import cluster_grader

        run = cluster_grader(options.scheduler, spec, options, settings, run_seed)
    else:
        run = _local_grader(spec, options, settings, template, run_seed, grade)
    store = ResultStore(out / STATE_FILE)
    gradebook = BackgroundGradebook(options.db_url, spec) if options.db_url else None
    todo, skipped = [], []
    for submission in submissions:
        previous = None if options.regrade else store.graded(options.assignment, submission.student_id, submission.sha256())
        (todo if previous is None else skipped).append(submission)

    progress = _progress(len(todo), options.progress)
    try:
        for result in run(todo):
            feedback = out / "feedback" / result.student_id
            atomic_write(feedback / f"{options.assignment}.json", as_json(result))
            atomic_write(feedback / f"{options.assignment}.html", as_html(result))
            if gradebook:
                gradebook.write(result.student_id, {i.item: i.score for i in result.items})
            store.save(result)
            progress.update(1)
        rows = store.rows(options.assignment)
        if gradebook:  # also bring submissions graded by an earlier run into this gradebook
            for submission in skipped:
                scores = {row[2]: row[3] for row in rows if row[0] == submission.student_id}
                gradebook.write(submission.student_id, scores)
            gradebook.close()  # waits for every write; raises if the gradebook refused one
            gradebook = None
        write_csv(out / "grades.csv", rows)
    finally:
        progress.close()
        cleanup()
        store.close()
        if gradebook:
            gradebook.close(raise_errors=False)
    return {"graded": len(todo), "skipped": len(skipped), "run_seed": run_seed, "rows": rows, "out": out}


def _local_grader(spec, options, settings, template, run_seed, grade):
    """Check that a sandbox starts here; return run(submissions), grading ``options.jobs`` at a
    time in local sandboxes and yielding results in the order they finish."""
    start_sandbox = sandbox_starter(template, settings, spec, options.timeout)
    start_sandbox().close()

    def work(submission):
        try:
            return grade(submission, spec, start_sandbox, run_seed, options.timeout)
        except Exception as error:  # one student's file never aborts the batch
            return _internal_error(submission, spec, run_seed, error)

    def run(todo):
        with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
            futures = [pool.submit(work, s) for s in todo]
            try:
                for future in as_completed(futures):
                    yield future.result()
            finally:
                for future in futures:
                    future.cancel()

    return run


class BackgroundGradebook:
    """The gradebook writer on its own thread: nbgrader's start-up (seconds) and its per-write
    ORM work overlap the grading instead of holding up the main thread.

    Nothing is lost if the process dies with writes still queued: the grader's own record is
    committed first, and the next run brings every recorded grade into the gradebook."""

    _DONE = object()
    BATCH = 64

    def __init__(self, url, spec):
        import queue
        import threading

        self.queue = queue.Queue()
        self.error = None
        self.thread = threading.Thread(target=self._run, args=(url, spec), name="gradebook-writer", daemon=True)
        self.thread.start()

    def _run(self, url, spec):
        from .gradebook import GradebookWriter

        try:
            writer = GradebookWriter(url, spec)
        except BaseException as error:  # reported by close()
            self.error = error
            return
        try:
            done = False
            while not done:
                batch = [self.queue.get()]  # wait for one, then take whatever else is queued
                while len(batch) < self.BATCH and not self.queue.empty():
                    batch.append(self.queue.get())
                done = batch[-1] is self._DONE
                items = [item for item in batch if item is not self._DONE]
                if items and self.error is None:
                    try:
                        writer.write_many(items)
                    except BaseException as error:
                        self.error = error
        finally:
            writer.close()

    def write(self, student_id, scores):
        self.queue.put((student_id, dict(scores)))

    def close(self, raise_errors=True):
        self.queue.put(self._DONE)
        self.thread.join()
        if self.error is not None and raise_errors:
            raise RuntimeError(f"the gradebook did not take every grade ({self.error}); grades.csv and the "
                               "feedback are complete, and running the same command again retries") from self.error


def _progress(total, enabled):
    from tqdm import tqdm

    return tqdm(total=total, unit="submission", file=sys.stderr, disable=not enabled, dynamic_ncols=True)


def grade_table(rows, functions):
    """A plain-text table: one line per student, a column per function, the total."""
    students = {}
    for student, _, item, score, max_score, status in rows:
        students.setdefault(student, {})[item] = (score, max_score, status)
    short = [f[:10] for f in functions]
    lines = [f"{'student':<24}" + "".join(f"{s:>11}" for s in short) + f"{'total':>9}"]
    for student, items in sorted(students.items()):
        cells, total, maximum = [], 0.0, 0.0
        for function in functions:
            score, max_score, status = items.get(function, (0, 0, "missing"))
            total, maximum = total + score, maximum + max_score
            cells.append(f"{score:g}" if status == "passed" else f"{score:g} {status[:4]}")
        lines.append(f"{student[:23]:<24}" + "".join(f"{c:>11}" for c in cells) + f"{total:>6g}/{maximum:g}")
    return "\n".join(lines)
