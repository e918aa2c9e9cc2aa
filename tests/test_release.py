"""Is the student release generated, in sync, free of solutions and hidden tests, and do the
notebooks behave as students and graders expect?"""

import filecmp
import inspect
import re
import shutil
from datetime import datetime
from pathlib import Path

import nbformat
import pytest

from grader.grading.assignments import assignment_ids, load_spec, source_notebook
from grader.nbgrader_course import NbgraderCourse
from grader.paths import REPO
from grader.notebooks import HIDDEN_TESTS, error_outputs, execute, nbgrader_meta, read, text_output
from dnn_utils.i18n import LANGUAGES
from grader.commands.release import build_releases, release_folder

RELEASE = REPO / "release"
FORBIDDEN = ("### BEGIN SOLUTION", "### END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "hidden_check",
             "source_solutions", "grader.hidden", "from grader", "import grader")
SLOW_ASSIGNMENTS = {"dnn_application"}  # trains on the real data for minutes


ASSIGNMENTS = assignment_ids()


def assignment_params():
    return [pytest.param(a, marks=pytest.mark.slow) if a in SLOW_ASSIGNMENTS else a for a in ASSIGNMENTS]


def graded_functions(assignment):
    return load_spec(assignment).functions


def release_files():
    return sorted(p for p in RELEASE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


@pytest.fixture(scope="module")
def fresh_releases(tmp_path_factory):
    """Both editions generated now, from one nbgrader run: {lang: folder}."""
    root = tmp_path_factory.mktemp("fresh")
    outs = {lang: root / lang for lang in LANGUAGES}
    build_releases(LANGUAGES, outs)
    return outs


@pytest.mark.integration
@pytest.mark.parametrize("lang", LANGUAGES)
def test_regenerating_the_release_gives_no_diff(lang, fresh_releases):
    """Is each edition's committed release what `make release` generates now?"""
    fresh, committed_folder = fresh_releases[lang], release_folder(lang)
    editions = {committed_folder / other for other in LANGUAGES if other != lang}  # release/zh_CN/ sits in release/
    committed = {p.relative_to(committed_folder) for p in release_files()
                 if p.is_relative_to(committed_folder) and not any(p.is_relative_to(e) for e in editions)}
    generated = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
    assert committed == generated, f"run `make release` and commit {committed_folder.relative_to(REPO)}/"
    changed = [str(p) for p in sorted(generated) if not filecmp.cmp(committed_folder / p, fresh / p, shallow=False)]
    assert not changed, f"{committed_folder.relative_to(REPO)}/ is stale, run `make release`: {changed}"


def test_release_has_no_solution_code_hidden_tests_or_reference_imports():
    for path in release_files():
        if path.suffix == ".npz":
            continue
        text = path.read_text()
        for marker in FORBIDDEN:
            assert marker not in text, f"{path.relative_to(REPO)} contains {marker!r}"


def _lines(text):
    return {line.strip() for line in text.splitlines()}


def _solution_lines(assignment):
    """Distinctive lines of the assignment's solutions (its source notebook's solution blocks and
    the reference functions' bodies), less the lines students are given on purpose: the stubs
    and prose outside the solution blocks, the fixtures, and the application's ready-made library."""
    lines, provided = set(), set()
    for cell in read(source_notebook(assignment)).cells:
        blocks = re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", cell.source, re.S)
        for block in blocks:
            lines |= _lines(block)
        provided |= _lines(re.sub(r"### BEGIN SOLUTION\n.*?### END SOLUTION", "", cell.source, flags=re.S))
    spec = load_spec(assignment)
    for function in spec.functions:
        source = inspect.getsource(spec.reference(function))
        lines |= _lines(source.split('"""')[-1] if '"""' in source else source)
    # The fixtures build the same dicts a solution returns (parameters = {"W1": W1, ...}).
    for path in spec.declaration.folder.glob("*.py"):
        provided |= _lines(path.read_text())
    for package in spec.declaration.provided:
        for module in package.modules:
            provided |= _lines((REPO / "source_solutions" / f"{module}.py").read_text())
    return {line for line in lines - provided if len(line) > 12 and not line.startswith("#")}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_no_line_of_the_assignments_solutions_is_released(assignment, lang):
    solution_lines = _solution_lines(assignment)
    assert len(solution_lines) >= len(graded_functions(assignment))  # the check has something to look for
    for path in (release_folder(lang) / assignment).rglob("*"):
        if path.suffix not in (".py", ".ipynb"):
            continue
        texts = [path.read_text()] if path.suffix == ".py" else [c.source for c in read(path).cells]
        for text in texts:
            released = {line.strip() for line in text.splitlines()}
            leaked = solution_lines & released
            assert not leaked, f"{path.relative_to(REPO)} contains solution lines {sorted(leaked)[:3]}"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_an_assignment_folder_ships_only_its_own_package_and_no_hidden_folder(assignment):
    """Does release/<id>/ hold its own testCases/<id>/ (no other assignment's, no hidden/), and only
    the provided packages it declares?"""
    folder = RELEASE / assignment
    packages = {p.name for p in (folder / "testCases").iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert packages == {assignment}
    assert not list(folder.rglob("hidden")) and not list(folder.rglob("mistakes.py"))
    provided = {p.name for p in load_spec(assignment).declaration.provided}
    top = {p.name for p in folder.iterdir() if p.is_dir() and p.name != "__pycache__"}
    figures = {"figures"} if (REPO / "notebooks" / assignment / "figures").is_dir() else set()
    assert top == {"dnn_utils", "testCases"} | provided | figures


@pytest.mark.parametrize("path", sorted(REPO.glob("notebooks/*/*.ipynb")) + sorted(REPO.glob("release/*/*.ipynb"))
                         + sorted(REPO.glob("release/zh_CN/*/*.ipynb")),
                         ids=lambda p: str(p.relative_to(REPO)))
def test_notebooks_are_committed_without_outputs(path):
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear outputs before committing"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_source_notebook_has_an_exercise_and_a_check_per_graded_function(assignment):
    cells = read(source_notebook(assignment)).cells
    ids = [nbgrader_meta(c).get("grade_id") for c in cells]
    named = [grade_id for grade_id in ids if grade_id is not None]  # plain cells (prose, interactive) have none
    assert len(named) == len(set(named)), "grade_ids must be unique"
    for function in graded_functions(assignment):
        exercise = cells[ids.index(function)]
        assert nbgrader_meta(exercise)["solution"] and f"def {function}(" in exercise.source
        check_cell = cells[ids.index(f"check_{function}")]
        meta = nbgrader_meta(check_cell)
        assert meta["grade"] and meta["locked"] and meta["points"] > 0
        assert f'check("{function}", {function})' in check_cell.source
        assert HIDDEN_TESTS.search(check_cell.source), f"check_{function} has no hidden tests"


def _guard_against_hidden_packages(folder):
    """Packages that shadow the reference and the grader: importing them from the release fails."""
    for name in ("source_solutions", "grader"):
        (folder / name).mkdir()
        (folder / name / "__init__.py").write_text(f"raise ImportError('the release must not import {name}')\n")


@pytest.mark.integration
@pytest.mark.parametrize("assignment", assignment_params())
def test_untouched_release_raises_not_implemented_and_checks_report_failure(assignment, tmp_path):
    folder = tmp_path / assignment
    shutil.copytree(RELEASE / assignment, folder)
    _guard_against_hidden_packages(folder)
    (path,) = sorted(folder.glob("*.ipynb"))
    notebook = execute(read(path), cwd=folder, allow_errors=True)
    checks = 0
    for cell in notebook.cells:
        errors = error_outputs(cell)
        if nbgrader_meta(cell).get("grade"):
            checks += 1
            assert [e["ename"] for e in errors] == ["CheckFailed"], cell.source
            assert "is not implemented yet" in text_output(cell)
        elif nbgrader_meta(cell).get("solution"):
            assert not errors, "defining the stub must not fail"
        else:
            # Cells that use an unimplemented function fail with its NotImplementedError, and cells
            # that use what such a cell would have made, with a NameError; nothing else.
            assert all(e["ename"] in ("NotImplementedError", "NameError") for e in errors), (cell.source[:80], errors)
    assert checks == len(graded_functions(assignment))


def interactive_cells(cells):
    """The indices of the interactive cells (dnn_utils.interactive), tagged "interactive"."""
    return [i for i, cell in enumerate(cells) if "interactive" in cell.metadata.get("tags", [])]


def seconds_taken(cell):
    """How long the kernel took to run ``cell``, from the timestamps nbclient records."""
    timing = cell.metadata["execution"]
    start, end = (datetime.fromisoformat(timing[key].replace("Z", "+00:00"))
                  for key in ("iopub.execute_input", "shell.execute_reply"))
    return (end - start).total_seconds()


@pytest.mark.integration
@pytest.mark.parametrize("assignment", assignment_params())
def test_nbgrader_autograde_runs_the_solution_top_to_bottom_with_full_marks_and_gives_the_stub_zero(assignment, tmp_path):
    """nbgrader's own pipeline on the source notebook as a submission: every cell runs without an
    error, every check and hidden check passes (full marks), each interactive cell prints one line
    and takes well under a second (NBGRADER_EXECUTION), and the untouched release gets zero."""
    course = NbgraderCourse(tmp_path / "course", [assignment])
    course.run("generate_assignment", assignment, "--force")
    (released,) = course.released_notebooks(assignment)
    course.submit("solution_student", assignment, source_notebook(assignment))
    course.submit("untouched_student", assignment, released)
    course.run("autograde", assignment, "--force")
    scores = course.scores(assignment)
    max_score = sum(nbgrader_meta(c).get("points", 0) for c in read(source_notebook(assignment)).cells)
    assert scores["solution_student"] == (max_score, max_score)
    assert scores["untouched_student"] == (0, max_score)
    graded = read(course.root / "autograded" / "solution_student" / assignment / f"{assignment}.ipynb")
    for cell in graded.cells:
        if cell.cell_type == "code":
            assert not error_outputs(cell), f"{cell.source[:60]!r} raised"
        if nbgrader_meta(cell).get("grade"):
            output = text_output(cell)
            assert "All checks passed." in output and "FAIL" not in output
            assert re.search(r"hidden checks of \w+ \(seed \d+\): (\d+) of \1 passed", output)
    assert "widgets" not in graded.metadata
    for index in interactive_cells(graded.cells):
        cell = graded.cells[index]
        (output,) = cell.outputs
        assert output.output_type == "stream" and output.text.count("\n") == 1
        assert "skipped while grading" in output.text
        assert seconds_taken(cell) < 0.5, f"{cell.source!r} took {seconds_taken(cell):.2f} s while grading"


def test_release_carries_no_code_of_the_mistake_catalog():
    """The visible checks name catalogued mistakes from their stored outputs; the wrong code itself
    (one edit away from the solution) stays in the hidden folders."""
    catalog = set().union(*(_lines(p.read_text()) for p in REPO.glob("testCases/*/hidden/*.py")))
    reference = set().union(*(_lines(p.read_text()) for p in (REPO / "source_solutions").glob("*.py")))
    catalog = {line for line in catalog - reference if len(line) > 30 and not line.startswith(("#", "import", "from", '"', "def "))}
    for path in release_files():
        if path.suffix == ".py":
            leaked = catalog & {line.strip() for line in path.read_text().splitlines()}
            assert not leaked, f"{path.relative_to(REPO)}: {sorted(leaked)[:3]}"


def test_pip_install_of_the_course_gives_no_answers():
    """Does `pip install .` (the packages pyproject.toml selects) leave out the reference, the
    grader, the application's ready-made library and every assignment's hidden/ folder?"""
    import tomllib

    from setuptools import find_packages

    config = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    packages = set(find_packages(where=REPO, include=config["include"], exclude=config["exclude"]))
    assert {"dnn_utils", "testCases"} | {f"testCases.{a}" for a in ASSIGNMENTS} <= packages
    leaked = {p for p in packages if p.split(".")[0] in ("source_solutions", "grader", "dnn_app_utils")
              or "hidden" in p.split(".")}
    assert not leaked
