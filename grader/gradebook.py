"""Scores into nbgrader's gradebook (any SQLAlchemy URL), so nbgrader's formgrader shows them.

Each graded function is a grade cell ``check_<function>`` of the assignment's notebook, as in our
source notebook. Writes are upserts in one transaction per submission, retried when another
grader writing the same gradebook gets in the way.
"""

import time
from pathlib import Path

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

RETRIES = 8


def default_url(course_root="."):
    return f"sqlite:///{Path(course_root).resolve() / 'gradebook.db'}"


def _retrying(action, gradebook):
    for attempt in range(RETRIES):
        try:
            result = action()
            gradebook.db.commit()
            return result
        except (IntegrityError, OperationalError, DBAPIError):
            gradebook.db.rollback()
            if attempt == RETRIES - 1:
                raise
            time.sleep(0.05 * 2**attempt)


class GradebookWriter:
    """Keeps one gradebook connection; call write() for each graded submission."""

    def __init__(self, url, spec):
        from nbgrader.api import Gradebook

        self.url, self.spec = url, spec
        self.notebook = Path(spec.notebook_name).stem
        self.gradebook = Gradebook(url)
        _retrying(self._define_assignment, self.gradebook)

    def _define_assignment(self):
        gradebook, spec = self.gradebook, self.spec
        gradebook.update_or_create_assignment(spec.assignment)
        gradebook.update_or_create_notebook(self.notebook, spec.assignment)
        for function, points in spec.points.items():
            gradebook.update_or_create_grade_cell(
                f"check_{function}", self.notebook, spec.assignment, max_score=points, cell_type="code"
            )

    def write(self, student_id, scores):
        """Set ``student_id``'s auto scores: {function: score}."""

        def action():
            gradebook = self.gradebook
            gradebook.update_or_create_student(student_id)
            gradebook.update_or_create_submission(self.spec.assignment, student_id)
            for function, score in scores.items():
                grade = gradebook.find_grade(f"check_{function}", self.notebook, self.spec.assignment, student_id)
                grade.auto_score = score
            return None

        _retrying(action, self.gradebook)

    def close(self):
        self.gradebook.close()
