"""A throwaway nbgrader course folder, for generating the release and for autograding with
nbgrader itself (tests, benchmarks)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "notebooks"
ASSIGNMENTS = ("dnn_step_by_step", "dnn_application")


class NbgraderCourse:
    """An nbgrader course rooted at ``root`` with copies of our source notebooks."""

    def __init__(self, root, assignments=ASSIGNMENTS):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "nbgrader_config.py").write_text(
            "c = get_config()\n"
            f"c.CourseDirectory.root = {str(self.root)!r}\n"
            "c.CourseDirectory.ignore = ['.ipynb_checkpoints', '*.pyc', '__pycache__']\n"
            "c.ClearSolutions.code_stub = {'python': '# YOUR CODE HERE\\nraise NotImplementedError()'}\n"
            "c.Execute.timeout = 600\n"
        )
        for assignment in assignments:
            target = self.root / "source" / assignment
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(SOURCE / assignment, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))

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
