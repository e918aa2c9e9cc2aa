"""Grading on a Dask distributed cluster: ``python -m grader autograde ... --scheduler ADDRESS``.

Each submission becomes one Dask task that grades it on a worker machine, in that machine's own
sandbox (the same isolation as locally: grader/sandbox/). Only the notebook's bytes travel to
the worker, and only the SubmissionResult travels back, to the single writer in the client that
owns the gradebook, the CSV and the feedback. A worker that dies mid-task loses nothing: Dask
runs the task again elsewhere, with the same seed, and its result is written once.
"""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from dnn_utils.i18n import say

from ..errors import UserError
from ..paths import RELEASE
from ..records.feedback import write_feedback_safely
from .assignments import load_spec
from .grade import grade_submission, internal_error, sandbox_starter
from .ingest import NotebookUnreadable, Submission, read_notebook_bytes

TASK_RETRIES = 3
IN_FLIGHT_PER_THREAD = 4


def _worker_sandbox_starter(assignment, settings, timeout):
    """On a worker: what starts a sandbox for ``assignment`` (this machine's release folder)."""
    return sandbox_starter(RELEASE / assignment, settings, load_spec(assignment), timeout)


def grade_on_worker(student_id, notebook, notebook_name, messages, assignment, seed, timeout, settings, refused=None,
                    lang=None):
    """Runs on a Dask worker: grade one notebook (bytes, or None) in a local sandbox (its feedback
    in ``lang`` when autograde forces one)."""
    with tempfile.TemporaryDirectory(prefix="dnn-submission-") as folder:
        os.chmod(folder, 0o700)
        path = None
        if notebook is not None:
            path = Path(folder) / notebook_name
            path.write_bytes(notebook)
        submission = Submission(student_id, path, list(messages), refused=refused, lang=lang)
        start_sandbox = _worker_sandbox_starter(assignment, settings, timeout)
        return grade_submission(submission, load_spec(assignment), start_sandbox, seed, timeout)


def _probe_sandbox(settings, assignment, timeout):
    """Runs on a worker: can it start a sandbox for ``assignment``? Returns None, or why not.
    (Its fork server, started here, then serves the grading.)"""
    try:
        _worker_sandbox_starter(assignment, settings, timeout)().close()
    except Exception as error:
        return f"{type(error).__name__}: {error}"
    return None


@contextmanager
def cluster_grader(address, spec, options, settings, run_seed, out):
    """Connect to the scheduler at ``address`` and check every worker can sandbox; yield
    run(submissions), which yields results as tasks finish, their feedback written into ``out``."""
    from dask.distributed import Client, as_completed

    client = Client(address, timeout="30s")
    try:
        problems = {w: p for w, p in client.run(_probe_sandbox, settings, spec.assignment, options.timeout).items() if p}
        if problems:
            raise UserError(say("error.workers_cannot_isolate", problems=problems))

        def submit(submission):
            notebook, refused = None, submission.refused
            if submission.path is not None and refused is None:
                try:
                    notebook = read_notebook_bytes(submission.path)
                except NotebookUnreadable as error:
                    refused = error.args[0]  # put into words on the worker, in the student's language
            return client.submit(
                grade_on_worker, submission.student_id, notebook, spec.notebook_name, submission.messages,
                spec.assignment, run_seed, options.timeout, settings, refused, submission.lang,
                key=f"grade-{spec.assignment}-{submission.student_id}-{run_seed}", retries=TASK_RETRIES, pure=False,
            )

        def run(todo):
            # A bounded window of tasks in flight: a class of tens of thousands never sits in memory.
            window = max(16, IN_FLIGHT_PER_THREAD * sum(client.nthreads().values()))
            pending = iter(todo)
            submitted = {}

            def start(submission):
                future = submit(submission)
                submitted[future.key] = submission
                return future

            futures = as_completed([start(s) for _, s in zip(range(window), pending)])
            try:
                for future in futures:
                    submission = submitted.pop(future.key)
                    try:
                        result = future.result()
                    except Exception as error:  # that task failed on every try: that submission alone
                        result = internal_error(submission, spec, run_seed, error, out)
                    result = write_feedback_safely(out, result)
                    future.release()
                    following = next(pending, None)
                    if following is not None:
                        futures.add(start(following))
                    yield result
            finally:
                futures.clear()

        yield run
    finally:
        client.close()
