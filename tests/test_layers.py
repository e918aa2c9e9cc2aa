"""Do the packages depend on each other in one direction only?

shared helpers (dnn_utils) <- reference (source_solutions) and public checks (testCases) <- the
hidden parts (testCases/<id>/hidden/) <- grader. Nothing that ships to students imports the
grader or the reference, and the grader names no assignment.
"""

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from grader.paths import REPO

# package (or folder) -> the first-party packages it may import
ALLOWED = {
    "dnn_utils": {"dnn_utils"},
    "source_solutions": {"dnn_utils", "source_solutions"},
    "testCases": {"dnn_utils", "testCases"},  # its hidden/ folders: see below
    "testCases/*/hidden": {"dnn_utils", "testCases", "source_solutions"},
    "dnn_app_utils": {"source_solutions"},
    "grader": {"dnn_utils", "testCases", "source_solutions", "grader"},
}
FIRST_PARTY = {"dnn_utils", "source_solutions", "testCases", "dnn_app_utils", "grader"}


def imported_packages(path):
    """First-party top-level packages ``path`` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(REPO).parts[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                names = [".".join(base) + (f".{node.module}" if node.module else "")]
            else:
                names = [node.module]
        else:
            continue
        found |= {name.split(".")[0] for name in names if name.split(".")[0] in FIRST_PARTY}
    return found


def layer_of(path):
    relative = path.relative_to(REPO)
    if relative.parts[0] == "testCases" and "hidden" in relative.parts:
        return "testCases/*/hidden"
    return relative.parts[0]


SOURCES = sorted(p for name in FIRST_PARTY for p in (REPO / name).rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_module_imports_only_the_layers_below_it(path):
    forbidden = imported_packages(path) - ALLOWED[layer_of(path)]
    assert not forbidden, f"{path.relative_to(REPO)} ({layer_of(path)}) imports {sorted(forbidden)}"


def names_in_code(path):
    """The identifiers and the whole string literals of a Python file, and the back-quoted words
    of a Markdown file: where an assignment or function name would be code, not prose."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        return set(re.findall(r"`([^`\s]+)`", text)) | set(re.findall(r"\b\w+\b", " ".join(re.findall(r"`([^`]+)`", text))))
    found = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.NAME:
            found.add(token.string)
        elif token.type == tokenize.STRING:
            found |= set(re.findall(r"\w+", token.string))
    return found


def test_the_grader_names_no_assignment_and_no_graded_function():
    """Adding an assignment touches no file of grader/: no assignment id or graded function name
    appears in its code (identifiers, strings, code in its README); and the issue's grep for five
    of them, over all of grader/'s text, finds nothing."""
    import testCases

    names = set(testCases.assignment_ids())
    for assignment in testCases.assignment_ids():
        names |= set(testCases.load(assignment).names)
    issue_grep = re.compile(r"\b(dnn_step_by_step|dnn_application|linear_backward|L_model_backward|two_layer_model)\b")
    for path in sorted((REPO / "grader").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".md"):
            hits = sorted(names & names_in_code(path))
            assert not hits, f"{path.relative_to(REPO)} names {hits}"
            assert not issue_grep.search(path.read_text(encoding="utf-8")), path
