"""``python -m grader check NOTEBOOK``: a student's local check of a whole notebook with the
public cases, in the same sandbox and with the same report as the autograder's feedback."""

from .feedback import as_text
from .grading import DEFAULT_TIMEOUT, grade_submission, public_cases, sandbox_starter
from .ingest import Submission, read_graded_code
from .nbgrader_course import ASSIGNMENTS, REPO
from .sandbox import SandboxSettings, namespaces_available
from .spec import load_spec



def guess_assignment(path):
    for assignment in ASSIGNMENTS:
        if assignment in path.name:
            return assignment
    for assignment in ASSIGNMENTS:
        if read_graded_code(path, load_spec(assignment).functions).found:
            return assignment
    raise ValueError(f"cannot tell which assignment {path.name} is; pass --assignment ({' or '.join(ASSIGNMENTS)})")


def check_notebook(path, assignment=None):
    """(SubmissionResult, report text) for the notebook at ``path``."""
    if not path.is_file():
        raise FileNotFoundError(f"{path} does not exist")
    assignment = assignment or guess_assignment(path)
    spec = load_spec(assignment)
    # Your own code on your own machine: isolated when the machine allows it, limited in any case.
    settings = SandboxSettings(mode="namespace" if namespaces_available() else "none")
    timeout = DEFAULT_TIMEOUT[assignment]
    template = REPO / "release" / assignment
    result = grade_submission(
        Submission(path.stem, path), spec, sandbox_starter(template, settings, spec, timeout),
        seed=0, timeout=timeout, cases_for=public_cases,
    )
    return result, as_text(result)
