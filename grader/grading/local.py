"""Grading on this machine: ``--jobs`` grading processes, each with its own sandbox fork server.

Separate processes, not threads: comparing outputs and reading results is Python work that
threads of one process would do one at a time. A grading process ends when the grader that
started it ends (a killed batch leaves nothing running), and one that dies is replaced.
"""

import logging
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from ..records.feedback import write_feedback_safely
from .assignments import load_spec
from .cases import autograde_cases
from .grade import ERROR_LOG, grade_submission, internal_error, sandbox_starter

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
        _log_errors_to(out)
        spec = load_spec(assignment)
        start_sandbox = sandbox_starter(template, settings, spec, timeout)
        for function in spec.functions:  # warm up: the reference and its imports, on one student's cases
            autograde_cases(spec, function, run_seed)
        start_sandbox().close()
        _GRADING_PROCESS.update(spec=spec, start_sandbox=start_sandbox, seed=run_seed, timeout=timeout, out=out)
    except BaseException as error:  # raised again by every task: see _grade_here
        _GRADING_PROCESS["error"] = error


def _log_errors_to(out):
    """Errors a grading process logs (a failed diagnosis, say) go to ``out``'s error log, beside
    the tracebacks of grader failures: stderr would mix them into the progress bar, or lose them."""
    handler = logging.FileHandler(Path(out) / ERROR_LOG, delay=True)  # the file appears with the first error
    handler.setLevel(logging.ERROR)
    handler.setFormatter(logging.Formatter("=== %(asctime)s %(name)s (grading process %(process)d)\n%(message)s\n"))
    logging.getLogger("grader").addHandler(handler)


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
        result = internal_error(submission, state["spec"], state["seed"], error, state["out"])
    return write_feedback_safely(state["out"], result).summary()


def _ready():
    """Task that raises what stopped a grading process from starting, if anything did."""
    if "error" in _GRADING_PROCESS:
        raise _GRADING_PROCESS["error"]


@contextmanager
def local_grader(spec, options, settings, template, run_seed, out, task=None):
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
                        result = write_feedback_safely(out, internal_error(batch[index], spec, run_seed, error, out)).summary()
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
                    result = internal_error(pending.pop(index), spec, run_seed, error, out)
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


