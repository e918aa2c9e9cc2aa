"""``python -m grader autograde``: grade a whole class, in parallel, resumably.

Submissions are graded by ``--jobs`` grading processes (each with its own sandboxes) or by the
workers of a Dask cluster; this process is the single writer. Results are written as each
submission finishes: its feedback files, its gradebook rows and the grader's own record, each
atomically; grades.csv is rebuilt from that record at the end. A notebook already graded (same
student, same file content) is not graded again.
"""

import multiprocessing
import os
import secrets
import signal
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .feedback import write_feedback_safely
from .grading import autograde_cases, grade_submission, internal_error, sandbox_starter
from .ingest import find_submissions
from .nbgrader_course import REPO
from .sandbox import SandboxSettings
from .spec import load_spec
from .store import ResultStore, write_csv

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


def _sqlite_files(db_url):
    """The gradebook's files when it is SQLite (hidden from student code)."""
    if db_url and db_url.startswith("sqlite:///"):
        path = Path(db_url.removeprefix("sqlite:///")).resolve()
        return [str(path), f"{path}-journal", f"{path}-wal", f"{path}-shm"]
    return []


def autograde(submitted, options):
    """Grade every submission of ``options.assignment`` in ``submitted``; returns a summary dict.

    It starts grading processes (multiprocessing's forkserver): a script that calls it needs the
    usual ``if __name__ == "__main__":`` guard."""
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
    # Either grader checks that it can work (sandboxes start, the cluster answers) before anything
    # is written, then yields run(submissions), which yields results as they finish, each with
    # its feedback files written. Leaving the block stops its processes or its cluster client.
    if options.scheduler:
        from .distributed import cluster_grader

        grader = cluster_grader(options.scheduler, spec, options, settings, run_seed, out)
    else:
        grader = _local_grader(spec, options, settings, template, run_seed, out)
    store = gradebook = progress = None
    todo, skipped = [], []
    try:
        with grader as run:
            store = ResultStore(out / STATE_FILE)
            gradebook = BackgroundGradebook(options.db_url, spec) if options.db_url else None
            for submission in submissions:
                previous = None if options.regrade else store.graded(options.assignment, submission.student_id, submission.sha256())
                (todo if previous is None else skipped).append(submission)
            progress = _progress(len(todo), options.progress)
            for result in run(todo):
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
        if progress is not None:
            progress.close()
        cleanup()
        if store is not None:
            store.close()
        if gradebook:
            gradebook.close(raise_errors=False)
    return {"graded": len(todo), "skipped": len(skipped), "run_seed": run_seed, "rows": rows, "out": out}


GRADING_PROCESS_RESTARTS = 2
_GRADING_PROCESS = {}  # in a grading process: what _grade_here needs, or the error that stopped it


def _start_grading_process(grader, assignment, template, settings, timeout, run_seed, out):
    """Initializer of a grading process: its BLAS on one thread, the run's hidden cases computed
    and its sandbox fork server started, so that grading starts at full speed."""
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the grader's to handle
        _end_with(grader)
        spec = load_spec(assignment)
        start_sandbox = sandbox_starter(template, settings, spec, timeout)
        for function in spec.functions:  # warm up: the reference and its imports, on one student's cases
            autograde_cases(function, run_seed)
        start_sandbox().close()
        _GRADING_PROCESS.update(spec=spec, start_sandbox=start_sandbox, seed=run_seed, timeout=timeout, out=out)
    except BaseException as error:  # raised again by every task: see _grade_here
        _GRADING_PROCESS["error"] = error


def _end_with(pid):
    """End this process as soon as process ``pid`` (the grader that started it) ends: a killed
    batch leaves nothing running. (Its fork server, sandboxes and their processes end with it.)"""
    import select
    import threading
    import time

    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(1)
    except OSError:  # no pidfd (a kernel older than 5.3): look once a second
        handle = None

    def watch():
        if handle is not None:
            select.select([handle], [], [])
        else:
            while _alive(pid):
                time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-the-grader", daemon=True).start()


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _grade_here(submission):
    """Task of a grading process: grade one submission and write its feedback; returns the
    result's summary. A failure on the submission becomes its result; a grading process that
    cannot grade at all raises, which stops the batch."""
    _ready()
    state = _GRADING_PROCESS
    try:
        result = grade_submission(submission, state["spec"], state["start_sandbox"], state["seed"], state["timeout"])
    except Exception as error:  # one student's file never aborts the batch
        result = internal_error(submission, state["spec"], state["seed"], error)
    return write_feedback_safely(state["out"], result).summary()


def _ready():
    """Task that raises what stopped a grading process from starting, if anything did."""
    if "error" in _GRADING_PROCESS:
        raise _GRADING_PROCESS["error"]


@contextmanager
def _local_grader(spec, options, settings, template, run_seed, out, task=None):
    """Start ``options.jobs`` grading processes and check that they can sandbox; yield
    run(submissions), which yields results in the order they finish, their feedback written.

    Separate processes, not threads: comparing outputs and reading results is Python work that
    threads of one process would do one at a time. When a grading process dies (killed from
    outside, or by a submission: none is known to do it), the pool is replaced; the submissions
    that may have been in its hands are graded again one at a time, and one that kills a grading
    process on its own gets an error result instead of stopping the batch. ``task`` replaces
    _grade_here in tests."""
    task = task or _grade_here
    context = multiprocessing.get_context("forkserver")
    # Grading processes are forked from a server that has imported the grader once.
    context.set_forkserver_preload(["__main__", __name__])
    arguments = (os.getpid(), spec.assignment, template, settings, options.timeout, run_seed, out)
    jobs = max(1, options.jobs)

    def start_pool():
        """A pool whose processes have all started (one probe each: every submit finds no idle
        process and starts one); raises what stops a process from grading."""
        pool = ProcessPoolExecutor(jobs, context, _start_grading_process, arguments)
        try:
            for probe in [pool.submit(_ready) for _ in range(jobs)]:
                probe.result()
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
        return pool

    pool = start_pool()

    def stop_now():
        """Kill the grading processes: a task stuck in one must not hold up Ctrl-C or an error
        (shutdown() alone waits for running tasks)."""
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def run(todo):
        nonlocal pool
        pending = dict(enumerate(todo))  # in submission order
        suspects, deaths = [], 0  # suspects are graded alone, the first of them now
        while pending:
            pool = pool or start_pool()
            batch = {suspects[0]: pending[suspects[0]]} if suspects else pending
            futures = {pool.submit(task, submission): index for index, submission in batch.items()}
            try:
                for future in as_completed(futures):
                    index = futures[future]
                    try:
                        result = future.result()
                    except (BrokenProcessPool, KeyboardInterrupt):
                        raise
                    except Exception as error:  # a task that failed on one submission: only that one
                        result = write_feedback_safely(out, internal_error(batch[index], spec, run_seed, error)).summary()
                    del pending[index]
                    if suspects and suspects[0] == index:
                        suspects.pop(0)
                    yield result
            except BrokenProcessPool:
                pool.shutdown(cancel_futures=True)
                pool = None
                for future, index in futures.items():  # finished before the death: keep them
                    if index in pending and future.done() and not future.cancelled() and future.exception() is None:
                        del pending[index]
                        yield future.result()
                if suspects:  # it died grading this submission alone: that death is explained
                    index = suspects.pop(0)
                    deaths = max(0, deaths - 1)
                    error = RuntimeError("its grading process died while grading it alone")
                    result = internal_error(pending.pop(index), spec, run_seed, error)
                    yield write_feedback_safely(out, result).summary()
                    continue
                deaths += 1
                if deaths > GRADING_PROCESS_RESTARTS:
                    raise RuntimeError(
                        f"grading processes died {deaths} times (killed from outside, or out of memory?); "
                        "every grade written so far is kept: run the same command again to resume"
                    ) from None
                # Each process holds one submission and the pool's queue at most jobs + 1 more.
                suspects = list(pending)[: 2 * jobs + 1]

    try:
        yield run
    except BaseException:
        if pool is not None:
            stop_now()
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


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
