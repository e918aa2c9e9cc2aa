"""The grader's own record of what it has graded (a SQLite file in the output folder), and the
CSV made from it. One transaction per submission: a batch killed midway resumes where it
stopped, and nothing is lost or counted twice."""

import csv
import io
import os
import sqlite3
import tempfile
import time
from pathlib import Path

CSV_COLUMNS = ("student_id", "assignment", "item", "score", "max_score", "status")
SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    assignment TEXT NOT NULL, student_id TEXT NOT NULL, item TEXT NOT NULL,
    score REAL NOT NULL, max_score REAL NOT NULL, status TEXT NOT NULL,
    PRIMARY KEY (assignment, student_id, item));
CREATE TABLE IF NOT EXISTS submissions (
    assignment TEXT NOT NULL, student_id TEXT NOT NULL, sha256 TEXT NOT NULL, seed INTEGER NOT NULL,
    score REAL NOT NULL, graded_at REAL NOT NULL,
    PRIMARY KEY (assignment, student_id));
"""


class ResultStore:
    def __init__(self, path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        # Commits stay atomic; a power cut may undo the last few, which the next run grades again.
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def graded(self, assignment, student_id, sha256):
        """The seed this exact notebook was graded with, or None if it still needs grading."""
        row = self.db.execute(
            "SELECT seed FROM submissions WHERE assignment=? AND student_id=? AND sha256=?",
            (assignment, student_id, sha256),
        ).fetchone()
        return None if row is None else row[0]

    def save(self, result):
        """Replace the student's rows with ``result``'s, atomically. A result where the grader
        failed is kept (grades.csv shows the error) but not counted as graded: the next run grades
        that notebook again."""
        with self.db:  # BEGIN ... COMMIT, or ROLLBACK on any error
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM results WHERE assignment=? AND student_id=?", (result.assignment, result.student_id))
            self.db.executemany(
                "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?)",
                [(result.assignment, result.student_id, i.item, i.score, i.max_score, i.status) for i in result.items],
            )
            self.db.execute(
                "INSERT OR REPLACE INTO submissions VALUES (?, ?, ?, ?, ?, ?)",
                (result.assignment, result.student_id, "" if result.grader_failed else result.sha256, result.seed,
                 result.score, time.time()),
            )

    def rows(self, assignment):
        return self.db.execute(
            "SELECT student_id, assignment, item, score, max_score, status FROM results "
            "WHERE assignment=? ORDER BY student_id, rowid",
            (assignment,),
        ).fetchall()

    def close(self):
        self.db.close()


def atomic_write(path, data):
    """Write ``data`` (str or bytes) to ``path`` through a temporary file and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with tempfile.NamedTemporaryFile(mode, dir=path.parent, prefix=f".{path.name}.", delete=False) as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(f.name, path)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text):
    """``text`` as a spreadsheet shows it and never runs it: a cell that would start a formula
    gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(path, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        student, assignment, item = (spreadsheet_safe(str(v)) for v in row[:3])
        writer.writerow([student, assignment, item, f"{row[3]:g}", f"{row[4]:g}", row[5]])
    atomic_write(path, buffer.getvalue())
