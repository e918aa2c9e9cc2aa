"""Scores into nbgrader's gradebook (any SQLAlchemy URL), so nbgrader's formgrader shows them.

Each graded function is a grade cell ``check_<function>`` of the assignment's notebook, as in our
source notebook. Several graders may write the same gradebook at once (parallel runs on one
class, a Dask client beside a local run):

- creating the gradebook's tables and the assignment is done by one grader at a time (a
  PostgreSQL advisory lock, or a file lock for a SQLite file), and retried besides;
- a submission's write is a series of idempotent upserts, each committed (nbgrader commits the
  student and the submission as it creates them; the scores go in one transaction); when another
  grader gets in the way (both create the same student at once, or SQLite is locked) the failed
  step is rolled back and the whole series run again, so nothing is lost or doubled (nbgrader's
  unique constraints allow one submission per student and one grade per grade cell).
"""

import contextlib
import contextvars
import hashlib
import logging
import os
import random
import re
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

from sqlalchemy.exc import DBAPIError, SAWarning

from dnn_utils.i18n import say

from ..errors import UserError

RETRIES = 10
# nbgrader logs each database error it rolls back (with a traceback) before raising InvalidEntry:
# while we retry, those are expected collisions between graders, not failures.
_RETRYING = contextvars.ContextVar("dnn_gradebook_retrying", default=False)
_ROLLBACK_MESSAGE = "Rolling back session due to database error"


_PASSWORD_IN_URL = re.compile(r"([A-Za-z][\w+.-]*://[^:/@\s]*:)([^@\s]*)(@)")


def mask_password(text):
    """``text`` with the password of every database URL in it replaced by ***."""
    return _PASSWORD_IN_URL.sub(lambda m: f"{m.group(1)}***{m.group(3)}", str(text))


def default_url(course_root="."):
    return f"sqlite:///{Path(course_root).resolve() / 'gradebook.db'}"


def engine_url(url):
    """``url`` as SQLAlchemy should open it: a bare ``postgresql://`` means psycopg (3) to
    SQLAlchemy 2.1, but the driver we install is psycopg2 (requirements.txt), so use that one
    unless psycopg is installed."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.drivername != "postgresql":
        return url
    try:
        import psycopg  # noqa: F401
    except ImportError:
        parsed = parsed.set(drivername="postgresql+psycopg2")
    return parsed.render_as_string(hide_password=False)


def _retryable():
    from nbgrader.api import InvalidEntry

    # InvalidEntry is how nbgrader reports an IntegrityError or OperationalError ("database is
    # locked") that it has already rolled back.
    return (DBAPIError, InvalidEntry)


def _pause(attempt):
    time.sleep(0.05 * 2 ** min(attempt, 6) * (0.5 + random.random()))


class _QuietWhileRetrying(logging.Filter):
    def filter(self, record):
        return not (_RETRYING.get() and record.getMessage().startswith(_ROLLBACK_MESSAGE))


_quiet_filter = _QuietWhileRetrying()


@contextlib.contextmanager
def _quiet_nbgrader():
    """Inside: nbgrader's reports of the database errors we retry are not shown."""
    token = _RETRYING.set(True)
    try:
        yield
    finally:
        _RETRYING.reset(token)


def _hide_nbgrader_noise():
    """Once per process: the filter above on nbgrader's logger, and no SQLAlchemy warning about
    nbgrader's add_submission building its rows before adding them to the session (harmless).
    Process-wide on purpose: warnings.catch_warnings is not thread-safe, and the writer may run
    on its own thread."""
    logging.getLogger("tornado.application").addFilter(_quiet_filter)  # nbgrader's app_log
    warnings.filterwarnings("ignore", message=r".*not in session, add operation along '(Student|Assignment|Notebook)\.submissions'",
                            category=SAWarning)


def _retrying(action, gradebook):
    errors = _retryable()
    with _quiet_nbgrader():
        for attempt in range(RETRIES):
            try:
                result = action()
                gradebook.db.commit()
                return result
            except errors:
                gradebook.db.rollback()
                if attempt == RETRIES - 1:
                    raise
                _pause(attempt)


def _alembic_on_path():
    """nbgrader runs the ``alembic`` command by name when it creates a gradebook: make this
    interpreter's environment findable even when it was not activated (``.venv/bin/python``)."""
    bin_dir = Path(sys.executable).parent
    if shutil.which("alembic") is None and (bin_dir / "alembic").exists():
        os.environ["PATH"] = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"


@contextlib.contextmanager
def _setup_lock(url):
    """Held while the gradebook's tables and the assignment are created, so that graders
    starting together do not race nbgrader's check-then-create (tables, alembic stamp, cells)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        key = int.from_bytes(hashlib.sha256(b"dnn-from-scratch gradebook setup").digest()[:8], "big", signed=True)
        engine = create_engine(url, poolclass=NullPool)
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
                connection.commit()
                try:
                    yield
                finally:
                    connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                    connection.commit()
        finally:
            engine.dispose()
    elif backend == "sqlite" and parsed.database and parsed.database != ":memory:":
        import fcntl

        # Not beside the database (a course folder stays clean): in a private folder of ours.
        folder = Path(tempfile.gettempdir()) / f"dnn-gradebook-locks-{os.getuid()}"
        folder.mkdir(mode=0o700, exist_ok=True)
        if folder.is_symlink() or folder.stat().st_uid != os.getuid():
            yield  # not ours: rely on the retries alone
            return
        name = hashlib.sha256(str(Path(parsed.database).resolve()).encode()).hexdigest()[:32]
        with open(folder / f"{name}.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            yield  # closing the file drops the lock
    else:
        yield


def _open_gradebook(url):
    """nbgrader's Gradebook on ``url``, retried: opening can create the tables."""
    from nbgrader.api import Gradebook

    errors = _retryable()
    with _quiet_nbgrader():
        for attempt in range(RETRIES):
            gradebook = Gradebook.__new__(Gradebook)
            try:
                gradebook.__init__(url)
                return gradebook
            except errors:
                if hasattr(gradebook, "db"):
                    gradebook.close()
                if attempt == RETRIES - 1:
                    raise
                _pause(attempt)


def _fast_sqlite(gradebook):
    """A SQLite gradebook in write-ahead-log mode, synced at checkpoints rather than at every
    commit: a crash of the grader loses nothing committed (a power cut may lose the last
    commits, which the grader's own record brings back on the next run)."""
    from sqlalchemy import text

    if gradebook.db.get_bind().dialect.name == "sqlite":
        gradebook.db.execute(text("PRAGMA journal_mode=WAL"))
        gradebook.db.execute(text("PRAGMA synchronous=NORMAL"))
        gradebook.db.commit()


def solution_cells(assignment):
    """The grade_ids of the solution cells of ``assignment``'s source notebook."""
    import nbformat

    from ..grading.assignments import source_notebook

    notebook = nbformat.read(source_notebook(assignment), as_version=4)
    return [cell.metadata["nbgrader"]["grade_id"] for cell in notebook.cells
            if cell.get("metadata", {}).get("nbgrader", {}).get("solution")]


class GradebookWriter:
    """Keeps one gradebook connection; call write() for each graded submission."""

    def __init__(self, url, spec):
        _hide_nbgrader_noise()
        _alembic_on_path()
        self.url, self.spec = engine_url(url), spec
        self.notebook = Path(spec.notebook_name).stem
        with _setup_lock(self.url):
            self.gradebook = _open_gradebook(self.url)
            _fast_sqlite(self.gradebook)
            try:
                _retrying(self._define_assignment, self.gradebook)
            except BaseException:
                self.gradebook.close()
                raise

    def _define_assignment(self):
        """The assignment as nbgrader's generate_assignment records it: the grade cells (one check
        cell per graded function) and the solution cells, which formgrader's Manual Grading needs
        for its scores and comments."""
        gradebook, spec = self.gradebook, self.spec
        gradebook.update_or_create_assignment(spec.assignment)
        gradebook.update_or_create_notebook(self.notebook, spec.assignment)
        for function, points in spec.points.items():
            gradebook.update_or_create_grade_cell(
                f"check_{function}", self.notebook, spec.assignment, max_score=points, cell_type="code"
            )
        for name in solution_cells(spec.assignment):
            gradebook.update_or_create_solution_cell(name, self.notebook, spec.assignment)

    def write(self, student_id, scores, timestamp=None):
        """Set ``student_id``'s auto scores: {function: score}; ``timestamp``: the submission's time
        (records/autograded.submission_timestamp), or None."""
        self.write_many([(student_id, scores, timestamp)])

    def write_many(self, items):
        """Set the auto scores of several students, [(student_id, {function: score}, timestamp)],
        with one commit for all their scores (nbgrader commits a new student or submission itself).
        A student's name and email (``nbgrader db student import``) are left as they are."""

        def action():
            gradebook = self.gradebook
            for student_id, scores, timestamp in items:
                gradebook.update_or_create_student(student_id)
                submission = gradebook.update_or_create_submission(self.spec.assignment, student_id, timestamp=timestamp)
                (notebook,) = [n for n in submission.notebooks if n.name == self.notebook]
                grades = {grade.name: grade for grade in notebook.grades}
                for function, score in scores.items():
                    grade = grades[f"check_{function}"]
                    grade.auto_score = score
                    # nbgrader's own rule: a grade someone changed by hand stays to be reviewed.
                    grade.needs_manual_grade = grade.manual_score is not None

        _retrying(action, self.gradebook)

    def close(self):
        self.gradebook.close()


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

    def write(self, student_id, scores, timestamp=None):
        self.queue.put((student_id, dict(scores), timestamp))

    def raise_if_failed(self):
        """Stop early when the gradebook refused to open or to take a write (a wrong --db, a
        database that went away), instead of at the end of a long run."""
        if self.error is not None:
            raise UserError(say("error.gradebook_failed", error=self.error)) from self.error

    def close(self, raise_errors=True):
        self.queue.put(self._DONE)
        self.thread.join()
        if self.error is not None and raise_errors:
            raise UserError(say("error.gradebook_incomplete", error=self.error)) from self.error
