"""``python -m grader autograde``: grade a whole class, in parallel, resumably.

Submissions are graded by ``--jobs`` grading processes (each with its own sandboxes) or by the
workers of a Dask cluster; this process is the single writer. Results are written as each
submission finishes: its feedback files, its gradebook rows and the grader's own record, each
atomically; grades.csv is rebuilt from that record at the end. A notebook already graded (same
student, same file content) is not graded again.
"""

import os
import secrets
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from dnn_utils.i18n import checked, say

from ..errors import UserError
from ..grading.assignments import load_spec
from ..grading.ingest import find_submissions
from ..grading.local import local_grader
from ..paths import RELEASE
from ..records.autograded import submission_timestamp
from ..records.gradebook import BackgroundGradebook
from ..records.store import ResultStore, write_csv
from ..sandbox import SandboxSettings

STATE_FILE = ".grader_state.sqlite"


@dataclass
class AutogradeOptions:
    assignment: str
    out: Path
    db_url: str | None = None
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout: float | None = None  # seconds per graded function (default: the assignment's)
    seed: int | None = None
    regrade: bool = False
    progress: bool = True
    sandbox: SandboxSettings = field(default_factory=SandboxSettings)
    template: Path | None = None  # support files for the sandbox (default: release/<assignment>)
    scheduler: str | None = None  # a Dask scheduler address: grade on that cluster
    course: Path | None = None  # an nbgrader course folder: autograded/<student>/<assignment>/ written there
    lang: str | None = None  # the language of every student's feedback (default: the language of their notebook)


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
    if options.timeout is None:
        options = replace(options, timeout=spec.timeout)
    out = Path(options.out).resolve()
    template = Path(options.template or RELEASE / options.assignment)
    if not template.is_dir():
        raise UserError(say("error.release_missing", release=template))
    submissions, cleanup = find_submissions(submitted, options.assignment, spec.notebook_name)
    if options.lang:
        submissions = [replace(s, lang=checked(options.lang)) for s in submissions]
    run_seed = options.seed if options.seed is not None else secrets.randbelow(2**31 - 1)
    settings = options.sandbox
    settings.hide = [*settings.hide, str(Path(submitted).resolve()), str(out)]
    settings.hide += _sqlite_files(options.db_url)
    # Either grader checks that it can work (sandboxes start, the cluster answers) before anything
    # is written, then yields run(submissions), which yields results as they finish, each with
    # its feedback files written. Leaving the block stops its processes or its cluster client.
    if options.scheduler:
        from ..grading.cluster import cluster_grader

        grader = cluster_grader(options.scheduler, spec, options, settings, run_seed, out)
    else:
        grader = local_grader(spec, options, settings, template, run_seed, out)
    store = gradebook = progress = None
    todo, skipped, failures = [], [], 0
    paths = {s.student_id: s.path for s in submissions}
    try:
        with grader as run:
            store = ResultStore(out / STATE_FILE)
            gradebook = BackgroundGradebook(options.db_url, spec) if options.db_url else None
            for submission in submissions:
                previous = None if options.regrade else store.graded(options.assignment, submission.student_id, submission.sha256())
                (todo if previous is None else skipped).append(submission)
            progress = _progress(len(todo), options.progress)
            for result in run(todo):
                failures += result.grader_failed
                if gradebook:
                    gradebook.raise_if_failed()
                    gradebook.write(result.student_id, {i.item: i.score for i in result.items},
                                    submission_timestamp(paths[result.student_id]))
                store.save(result)
                if options.course:
                    _write_autograded(options.course, spec, template, out, result.student_id, paths[result.student_id])
                progress.update(1)
            if options.course:  # graded by an earlier run, into a course folder that lacks them
                for submission in skipped:
                    target = Path(options.course) / "autograded" / submission.student_id / spec.assignment
                    if not (target / spec.notebook_name).exists():
                        _write_autograded(options.course, spec, template, out, submission.student_id, submission.path)
        rows = store.rows(options.assignment)
        if gradebook:  # also bring submissions graded by an earlier run into this gradebook
            for submission in skipped:
                scores = {row[2]: row[3] for row in rows if row[0] == submission.student_id}
                gradebook.write(submission.student_id, scores, submission_timestamp(submission.path))
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
    return {"graded": len(todo), "skipped": len(skipped), "run_seed": run_seed, "rows": rows, "out": out,
            "grader_failures": failures}


def _write_autograded(course, spec, template, out, student_id, submission_path):
    """The student's notebook for nbgrader's formgrader (records/autograded.py); a failure is a
    warning, never the end of the batch."""
    from ..records.autograded import write_autograded

    try:
        write_autograded(course, spec.assignment, spec.notebook_name, Path(template) / spec.notebook_name,
                         submission_path, out / "feedback" / student_id / f"{spec.assignment}.json", spec.functions)
    except Exception as error:  # noqa: BLE001
        print(say("warning.no_autograded_notebook", student=repr(student_id[:80]), error=f"{type(error).__name__}: {error}"),
              file=sys.stderr)


def _progress(total, enabled):
    from tqdm import tqdm

    return tqdm(total=total, unit="submission", file=sys.stderr, disable=not enabled, dynamic_ncols=True)
