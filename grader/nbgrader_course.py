"""A throwaway nbgrader course folder with copies of our source notebooks, for generating the
release and for autograding with nbgrader itself (tests, benchmarks). Its configuration is the
repository's nbgrader_config.py, loaded as is; only the course's root differs."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .grading.assignments import assignment_ids
from .paths import NBGRADER_CONFIG, NOTEBOOKS


class NbgraderCourse:
    """An nbgrader course rooted at ``root`` with copies of our source notebooks."""

    def __init__(self, root, assignments=None):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "nbgrader_config.py").write_text(
            "c = get_config()  # noqa: F821\n"
            f"load_subconfig({str(NBGRADER_CONFIG)!r})  # noqa: F821\n"
            f"c.CourseDirectory.root = {str(self.root)!r}\n"
        )
        for assignment in assignments or assignment_ids():
            target = self.source / assignment
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(NOTEBOOKS / assignment, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))

    @property
    def source(self):
        return self.root / "notebooks"

    def run(self, *args, env=None):
        """Run ``nbgrader ARGS`` in the course folder; raise with its output if it fails."""
        command = [sys.executable, "-m", "nbgrader", *args]
        env = dict(os.environ if env is None else env)
        # nbgrader runs alembic by name: the environment's bin folder must be on PATH.
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        result = subprocess.run(command, cwd=self.root, capture_output=True, text=True, env=env)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def released_notebooks(self, assignment):
        return sorted((self.root / "release" / assignment).glob("*.ipynb"))

    def submit(self, student, assignment, notebook):
        """Place ``notebook`` as ``student``'s submission of ``assignment``."""
        folder = self.root / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(notebook, folder / Path(notebook).name)

    def scores(self, assignment):
        """{student: (score, max_score)} from the course's gradebook."""
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gradebook:
            return {
                submission.student_id: (submission.score, submission.max_score)
                for submission in gradebook.assignment_submissions(assignment)
            }
