"""Finding and reading submissions, whatever state they arrive in.

Accepts nbgrader's layout ``<student_id>/<assignment_id>/<notebook>.ipynb``, a folder of plain
notebooks named by student (``<student_id>.ipynb``), or a zip of either. Every problem becomes a
message on that student's submission; nothing here raises for one bad file.
"""

import ast
import hashlib
import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

MAX_NOTEBOOK_BYTES = 32 << 20
MAX_ZIP_BYTES = 2 << 30
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$")


@dataclass
class Submission:
    """One student's notebook for one assignment (path None when there is none)."""

    student_id: str
    path: Path | None
    messages: list = field(default_factory=list)

    def sha256(self):
        if self.path is None:
            return "none"
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


@dataclass
class GradedCode:
    """The code of a submission that the grader runs, and what was noticed finding it."""

    cells: list  # sources of the cells that define graded functions, in notebook order
    found: dict  # function -> how it was found ("grade_id", "definition", "retyped cell")
    messages: list
    fatal: str | None = None  # the notebook could not be read at all


def safe_student_id(name):
    """``name`` if it is a safe identifier for folders and the gradebook, else a cleaned one."""
    if SAFE_ID.match(name) and name not in (".", ".."):
        return name
    cleaned = re.sub(r"[^A-Za-z0-9._@+-]", "_", name).lstrip("._-")[:128]
    return cleaned or "unnamed"


def _extract_zip(path, target):
    """Extract ``path`` into ``target``, refusing unsafe names and zip bombs."""
    with zipfile.ZipFile(path) as archive:
        total = 0
        for info in archive.infolist():
            name = Path(info.filename)
            if name.is_absolute() or ".." in name.parts:
                raise ValueError(f"unsafe path in zip: {info.filename!r}")
            total += info.file_size
            if total > MAX_ZIP_BYTES:
                raise ValueError(f"zip expands to more than {MAX_ZIP_BYTES >> 20} MiB")
        for info in archive.infolist():
            if not info.is_dir() and not info.filename.startswith("__MACOSX/"):
                archive.extract(info, target)
    entries = [p for p in target.iterdir() if p.name != "__MACOSX"]
    # A zip of one folder (the class folder itself) is unwrapped.
    if len(entries) == 1 and entries[0].is_dir() and not list(entries[0].glob("*.ipynb")) and _looks_like_class(entries[0]):
        return entries[0]
    return target


def _looks_like_class(folder):
    return any(p.is_dir() for p in folder.iterdir())


def _choose_notebook(candidates, expected_name, messages):
    if not candidates:
        return None
    for path in candidates:
        if path.name == expected_name:
            if len(candidates) > 1:
                messages.append(f"several notebooks found; graded {expected_name}")
            return path
    chosen = max(candidates, key=lambda p: (p.stat().st_size, p.name)) if len(candidates) > 1 else candidates[0]
    messages.append(f"notebook renamed: graded {chosen.name} (expected {expected_name})")
    return chosen


def find_submissions(submitted, assignment, notebook_name):
    """(submissions, cleanup) for ``assignment`` in ``submitted`` (folder or zip).

    ``cleanup()`` removes what a zip was extracted to. Students are sorted by id.
    """
    submitted = Path(submitted)
    tmp = None
    if submitted.is_file() and zipfile.is_zipfile(submitted):
        tmp = Path(tempfile.mkdtemp(prefix="dnn-submissions-"))
        submitted = _extract_zip(submitted, tmp)
    elif not submitted.is_dir():
        raise FileNotFoundError(f"{submitted} is neither a folder nor a zip of submissions")

    def cleanup():
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    submissions = {}
    for entry in sorted(submitted.iterdir()):
        if entry.name.startswith("."):
            continue
        messages = []
        student = safe_student_id(entry.stem if entry.is_file() else entry.name)
        if student != (entry.stem if entry.is_file() else entry.name):
            messages.append(f"student id {entry.name!r} is not a safe name; recorded as {student!r}")
        if entry.is_dir():
            folder = entry / assignment
            if not folder.is_dir():
                folder = entry  # a student folder holding notebooks directly
            path = _choose_notebook(sorted(folder.glob("*.ipynb")), notebook_name, messages)
            if path is None:
                messages.append(f"no notebook found for {assignment}")
        elif entry.suffix == ".ipynb":
            path = entry
        else:
            continue
        if student in submissions:
            messages.append(f"two submissions map to student id {student!r}; graded {entry.name}")
        submissions[student] = Submission(student, path, messages)
    return [submissions[s] for s in sorted(submissions)], cleanup


def raw_cells(document):
    """(cell_type, source, metadata) of every cell in an nbformat 4 or 3 document."""
    if not isinstance(document, dict):
        raise ValueError("the file is JSON but not a notebook (no top-level object)")
    if "cells" in document:
        cells = document["cells"]
    elif "worksheets" in document:  # nbformat 3
        cells = [c for sheet in document.get("worksheets") or [] for c in sheet.get("cells", [])]
    else:
        raise ValueError("the file is JSON but has no cells")
    out = []
    for cell in cells if isinstance(cells, list) else []:
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", cell.get("input", ""))
        if isinstance(source, list):
            source = "".join(s for s in source if isinstance(s, str))
        if not isinstance(source, str):
            continue
        metadata = cell.get("metadata") if isinstance(cell.get("metadata"), dict) else {}
        out.append((str(cell.get("cell_type", "")), source, metadata))
    return out


def defined_functions(source):
    """Names of the functions ``source`` defines at top level (by parsing; by pattern when the
    cell does not parse, so that a syntax error is reported on the right function)."""
    if "def" not in source:  # most cells, prose above all: nothing to parse
        return set()
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set(re.findall(r"^def\s+(\w+)\s*\(", source, re.M))
    return {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}


def _grade_id(metadata):
    nbgrader = metadata.get("nbgrader")
    return nbgrader.get("grade_id") if isinstance(nbgrader, dict) else None


def read_graded_code(path, functions):
    """Find the cell that defines each graded function: by grade_id, else by its definition
    (the last one, as running the notebook would), else in a cell whose type was changed."""
    if path is None:
        return GradedCode([], {}, [], fatal="no notebook was submitted")
    size = path.stat().st_size
    if size == 0:
        return GradedCode([], {}, [], fatal="the notebook file is empty")
    if size > MAX_NOTEBOOK_BYTES:
        return GradedCode([], {}, [], fatal=f"the notebook is {size >> 20} MiB, over the {MAX_NOTEBOOK_BYTES >> 20} MiB limit")
    try:
        document = json.loads(path.read_bytes().decode("utf-8", errors="replace"))
        cells = raw_cells(document)
    except json.JSONDecodeError as error:
        return GradedCode([], {}, [], fatal=f"the notebook is not valid JSON (line {error.lineno}, column {error.colno}): was it edited outside Jupyter?")
    except (ValueError, RecursionError) as error:
        return GradedCode([], {}, [], fatal=str(error))
    messages = []
    if isinstance(document, dict) and document.get("nbformat") == 3:
        messages.append("old notebook format (nbformat 3) read as version 4")
    chosen, found = {}, {}
    defines = [defined_functions(src) for _, src, _ in cells]
    for function in functions:
        by_id = [i for i, (kind, _, meta) in enumerate(cells) if kind == "code" and _grade_id(meta) == function and function in defines[i]]
        by_definition = [i for i, (kind, _, _) in enumerate(cells) if kind == "code" and function in defines[i]]
        retyped = [i for i, (kind, _, _) in enumerate(cells) if kind != "code" and function in defines[i]]
        if by_id:
            index, how = by_id[-1], "grade_id"
            later = [i for i in by_definition if i > index]
            if later:
                index, how = later[-1], "definition"
                messages.append(f"{function} is defined again after its exercise cell; the last definition is graded")
        elif by_definition:
            index, how = by_definition[-1], "definition"
            messages.append(f"the exercise cell of {function} lost its grade_id; found by its definition")
        elif retyped:
            index, how = retyped[-1], "retyped cell"
            messages.append(f"the cell defining {function} was turned into a {cells[index][0]} cell; graded as code")
        else:
            messages.append(f"{function} is not defined anywhere in the notebook")
            continue
        if len(by_definition) > 1 and how != "definition":
            messages.append(f"{function} is defined in {len(by_definition)} cells; the last definition is graded")
        chosen[function], found[function] = index, how
    ordered = sorted(set(chosen.values()))
    return GradedCode([cells[i][1] for i in ordered], found, messages)
