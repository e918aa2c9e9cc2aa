"""Finding and reading submissions, whatever state they arrive in.

Accepts nbgrader's layout ``<student_id>/<assignment_id>/<notebook>.ipynb``, a folder of plain
notebooks named by student (``<student_id>.ipynb``), or a zip of either. Every problem becomes a
message on that student's submission; nothing here raises for one bad file.
"""

import ast
import hashlib
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from dnn_utils.i18n import DEFAULT, normalise, say, speaking

from ..errors import UserError

MAX_NOTEBOOK_BYTES = 16 << 20
MAX_NOTEBOOK_CONTAINERS = 500_000  # JSON lists and objects: each costs memory when parsed
MAX_CELL_CHARS = 256 << 10  # a graded cell; a long comment fits, a planted megabyte does not
MAX_GRADED_CHARS = 1 << 20  # all graded cells together
MAX_PARSED_CHARS = 64 << 10  # larger cells are searched for definitions without building a syntax tree
MAX_ZIP_BYTES = 2 << 30
MAX_ZIP_MEMBERS = 100_000
MAX_ID_BYTES = 128  # in UTF-8: the id names a folder, and file names are limited in bytes
SAFE_ID = re.compile(r"[^\W_][\w.@+-]*")
TOP_LEVEL_DEF = re.compile(r"^(?:async\s+)?def\s+(\w+)\s*\(", re.M)  # where a cell is not parsed


class NotebookUnreadable(ValueError):
    """A submitted file that is not a regular notebook file we may read. Its argument is a Said,
    put into words when the error is shown (in the language of whoever reads it)."""

    def __str__(self):
        return said(self.args[0]) if self.args else ""


def read_regular_file(path, size):
    """At most ``size`` bytes of the regular file ``path``, without following a symlink (a FIFO or
    a device never blocks us). OSError when it cannot be opened, ValueError when it is not a
    regular file: every file a submission brings is an attacker's."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError(f"{path} is not a regular file")
        return f.read(size)


def read_notebook_bytes(path):
    """The bytes of the notebook ``path`` (read_regular_file), at most MAX_NOTEBOOK_BYTES."""
    try:
        data = read_regular_file(path, MAX_NOTEBOOK_BYTES + 1)
    except OSError as error:
        raise NotebookUnreadable(Said("ingest.cannot_open", reason=error.strerror)) from None
    except ValueError:
        raise NotebookUnreadable(Said("ingest.not_regular")) from None
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise NotebookUnreadable(Said("ingest.too_big", limit=MAX_NOTEBOOK_BYTES >> 20))
    return data


@dataclass
class Submission:
    """One student's notebook for one assignment (path None when there is none).

    refused: why the submission cannot be graded at all (say, two folders map to this student id).
    messages and refused are found before the student's language is known: each is a plain text or
    a Said, put into words (``said``) when the submission is graded."""

    student_id: str
    path: Path | None
    messages: list = field(default_factory=list)
    refused: "str | Said | None" = None
    lang: str | None = None  # the language of its feedback, when autograde --lang forces one (else its notebook's)
    _digest: str | None = field(default=None, repr=False, compare=False)

    def sha256(self):
        if self._digest is None:
            if self.refused is not None:
                self._digest = "refused-" + hashlib.sha256(repr(self.refused).encode()).hexdigest()
            elif self.path is None:
                self._digest = "none"
            else:
                try:
                    self._digest = hashlib.sha256(read_notebook_bytes(self.path)).hexdigest()
                except NotebookUnreadable as error:
                    self._digest = "unreadable-" + hashlib.sha256(str(error).encode()).hexdigest()
        return self._digest


@dataclass
class GradedCode:
    """The code of a submission that the grader runs, and what was noticed finding it."""

    cells: list  # sources of the cells that define graded functions, in notebook order
    found: dict  # function -> how it was found ("grade_id", "definition", "retyped cell")
    messages: list
    fatal: str | None = None  # the notebook could not be read at all
    refused: dict = field(default_factory=dict)  # function -> why its cell is not run
    imports: list = field(default_factory=list)  # top-level import statements of the other code cells
    defined_elsewhere: frozenset = frozenset()  # names the cells that are not run define at top level
    sources: dict = field(default_factory=dict)  # function -> the source of the cell graded for it
    lang: str = DEFAULT  # the language its messages are in: forced, else the notebook's metadata says


class Said:
    """A catalogue message (dnn_utils.messages) not yet put into words: its id and fields."""

    __slots__ = ("message_id", "fields")

    def __init__(self, message_id, **fields):
        self.message_id, self.fields = message_id, fields

    def __reduce__(self):  # sent to grading processes and Dask workers with its submission
        return (_unpickle_said, (self.message_id, self.fields))

    def __eq__(self, other):
        return isinstance(other, Said) and (self.message_id, self.fields) == (other.message_id, other.fields)

    def __repr__(self):
        return f"Said({self.message_id!r}, {self.fields!r})"


def _unpickle_said(message_id, fields):
    return Said(message_id, **fields)


def said(message):
    """``message`` (a text or a Said) in the current language."""
    return say(message.message_id, **message.fields) if isinstance(message, Said) else message


def safe_student_id(name):
    """``name`` if it is a safe identifier for folders, the gradebook and a spreadsheet (letters
    and digits of any script, then also . _ @ + -), else a cleaned one. Never starts with a
    character a spreadsheet reads as a formula."""
    normal = unicodedata.normalize("NFC", name)
    if normal == name and SAFE_ID.fullmatch(name) and len(name.encode()) <= MAX_ID_BYTES:
        return name
    cleaned = re.sub(r"[^\w.@+-]", "_", normal)
    cleaned = re.sub(r"^[\W_]+", "", cleaned)
    while len(cleaned.encode()) > MAX_ID_BYTES:
        cleaned = cleaned[:-1]
    return cleaned or "unnamed"


def _extract_zip(path, target):
    """Extract ``path`` into ``target``, refusing unsafe names and zip bombs."""
    with zipfile.ZipFile(path) as archive:
        total = 0
        if len(archive.infolist()) > MAX_ZIP_MEMBERS:
            raise UserError(say("error.zip_members", limit=MAX_ZIP_MEMBERS))
        for info in archive.infolist():
            name = Path(info.filename)
            if name.is_absolute() or ".." in name.parts:
                raise UserError(say("error.zip_unsafe_path", name=repr(info.filename)))
            total += info.file_size
            if total > MAX_ZIP_BYTES:
                raise UserError(say("error.zip_too_big", limit=MAX_ZIP_BYTES >> 20))
        for info in archive.infolist():
            if not info.is_dir() and not info.filename.startswith("__MACOSX/"):
                try:
                    archive.extract(info, target)
                except (OSError, zipfile.BadZipFile, zlib.error, EOFError) as error:
                    # A name too long for this file system, a corrupt member: that file alone is left out.
                    print(say("warning.zip_member_left_out", name=repr(info.filename[:80]),
                              error=getattr(error, "strerror", None) or error), file=sys.stderr)
    entries = [p for p in target.iterdir() if p.name != "__MACOSX"]
    # A zip of one folder (the class folder itself) is unwrapped.
    if len(entries) == 1 and entries[0].is_dir() and not list(entries[0].glob("*.ipynb")) and _looks_like_class(entries[0]):
        return entries[0]
    return target


def _looks_like_class(folder):
    return any(p.is_dir() for p in folder.iterdir())


def _shown(name, limit=60):
    """A file or folder name as it may appear in a message: quoted, clipped."""
    return repr(name if len(name) <= limit else name[: limit - 1] + "…")


def _choose_notebook(candidates, expected_name, messages):
    candidates = [p for p in candidates if stat.S_ISREG(p.lstat().st_mode)]  # no links, FIFOs or devices
    if not candidates:
        return None
    for path in candidates:
        if path.name == expected_name:
            if len(candidates) > 1:
                messages.append(Said("collect.several_notebooks", name=expected_name))
            return path
    chosen = max(candidates, key=lambda p: (p.lstat().st_size, p.name)) if len(candidates) > 1 else candidates[0]
    messages.append(Said("collect.renamed", chosen=_shown(chosen.name), expected=expected_name))
    return chosen


def find_submissions(submitted, assignment, notebook_name):
    """(submissions, cleanup) for ``assignment`` in ``submitted`` (folder or zip).

    ``cleanup()`` removes what a zip was extracted to. Students are sorted by id.
    """
    submitted = Path(submitted)
    tmp = None
    if submitted.is_file() and zipfile.is_zipfile(submitted):
        tmp = Path(tempfile.mkdtemp(prefix="dnn-submissions-"))
        try:
            submitted = _extract_zip(submitted, tmp)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    elif not submitted.is_dir():
        raise FileNotFoundError(say("error.not_submissions", path=submitted))

    def cleanup():
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    claims = {}  # student id -> [(entry name, Submission)]
    for entry in sorted(submitted.iterdir()):
        if entry.name.startswith("."):
            continue
        raw = entry.stem if entry.is_file() else entry.name
        student = safe_student_id(raw)
        messages = []
        if student != raw:
            messages.append(Said("collect.unsafe_id", name=_shown(entry.name), student=repr(student)))
        if entry.is_symlink():
            submission = Submission(student, None, messages, refused=Said("collect.symlink", name=_shown(entry.name)))
        elif entry.is_dir():
            folder = entry / assignment
            if not folder.is_dir() or folder.is_symlink():
                folder = entry  # a student folder holding notebooks directly
            path = _choose_notebook(sorted(folder.glob("*.ipynb")), notebook_name, messages)
            if path is None:
                messages.append(Said("collect.no_notebook", assignment=assignment))
            submission = Submission(student, path, messages)
        elif entry.suffix == ".ipynb" and stat.S_ISREG(entry.lstat().st_mode):
            submission = Submission(student, entry, messages)
        else:
            continue
        claims.setdefault(student, []).append((entry.name, submission))
    return _without_collisions(claims), cleanup


def _without_collisions(claims):
    """One submission per student id. Ids claimed by several folders (``~alice`` and ``alice``
    both clean to ``alice``), or equal but for case, are refused for every student involved:
    grading one of them as the other would be worse than grading neither."""
    by_folded = {}
    for student in claims:
        by_folded.setdefault(student.casefold(), []).append(student)
    submissions = []
    for student in sorted(claims):
        names = [name for same in by_folded[student.casefold()] for name, _ in claims[same]]
        first = claims[student][0][1]
        if len(names) > 1:
            folders = ", ".join(_shown(name) for name in sorted(names))
            refusal = Said("collect.collision", folders=folders, student=repr(student))
            first = Submission(student, None, first.messages, refused=refusal)
        submissions.append(first)
    return submissions


def raw_cells(document):
    """(cell_type, source, metadata) of every cell in an nbformat 4 or 3 document."""
    if not isinstance(document, dict):
        raise NotebookUnreadable(Said("ingest.not_a_notebook"))
    if "cells" in document:
        cells = document["cells"]
    elif "worksheets" in document:  # nbformat 3
        cells = [c for sheet in document.get("worksheets") or [] for c in sheet.get("cells", [])]
    else:
        raise NotebookUnreadable(Said("ingest.no_cells"))
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
    if len(source) > MAX_PARSED_CHARS:  # a syntax tree of a huge cell costs hundreds of MB
        return set(TOP_LEVEL_DEF.findall(source))
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set(TOP_LEVEL_DEF.findall(source))
    return {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}


MAX_IMPORTS = 100


def _parsed(source):
    """The syntax tree of a cell (IPython-only lines blanked), or None."""
    if len(source) > MAX_PARSED_CHARS:
        return None
    lines = ["" if line.lstrip()[:1] in ("%", "!") else line for line in source.splitlines()]
    try:
        return ast.parse("\n".join(lines))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def imports_and_names(sources):
    """(top-level import statements, names bound at top level) of the cells ``sources``: students
    import in any cell (import copy in the setup cell, then copy.deepcopy in an exercise), and a
    function may read a global that another cell defines."""
    imports, names = [], set()
    for source in sources:
        tree = _parsed(source)
        if tree is None:
            continue
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                statement = ast.get_source_segment("\n".join(source.splitlines()), node) or ""
                if statement and len(imports) < MAX_IMPORTS and len(statement) <= 1000 and statement not in imports:
                    imports.append(statement)
                names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return imports, frozenset(names)


def _grade_id(metadata):
    nbgrader = metadata.get("nbgrader")
    return nbgrader.get("grade_id") if isinstance(nbgrader, dict) else None


def notebook_language(document):
    """The edition a notebook says it belongs to (its metadata's course.lang), or None. The
    notebook is the student's: only a language of dnn_utils.i18n.LANGUAGES is taken from it."""
    metadata = document.get("metadata") if isinstance(document, dict) else None
    course = metadata.get("course") if isinstance(metadata, dict) else None
    return normalise(course.get("lang")) if isinstance(course, dict) else None


def read_graded_code(path, functions, lang=None):
    """Find the cell that defines each graded function: by grade_id, else by its definition
    (the last one, as running the notebook would), else in a cell whose type was changed.
    Messages are in ``lang`` if given, else in the notebook's language."""
    try:
        document, cells = _read_cells(path)
    except (ValueError, RecursionError) as error:  # NotebookUnreadable, or a JSON too deep for the parser
        with speaking(lang or DEFAULT):
            return GradedCode([], {}, [], fatal=str(error), lang=lang or DEFAULT)
    lang = lang or notebook_language(document) or DEFAULT
    with speaking(lang):
        return replace(_find_graded_code(document, cells, functions), lang=lang)


def _read_cells(path):
    """(document, raw_cells) of the notebook at ``path``; NotebookUnreadable says why not."""
    if path is None:
        raise NotebookUnreadable(Said("ingest.no_notebook"))
    data = read_notebook_bytes(path)
    if not data:
        raise NotebookUnreadable(Said("ingest.empty"))
    if data.count(b"[") + data.count(b"{") > MAX_NOTEBOOK_CONTAINERS:
        raise NotebookUnreadable(Said("ingest.too_many_containers"))
    try:
        document = json.loads(data.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as error:
        raise NotebookUnreadable(Said("ingest.not_json", line=error.lineno, column=error.colno)) from None
    return document, raw_cells(document)


def _find_graded_code(document, cells, functions):
    messages = []
    if isinstance(document, dict) and document.get("nbformat") == 3:
        messages.append(say("ingest.nbformat3"))
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
                messages.append(say("ingest.defined_again", function=function))
        elif by_definition:
            index, how = by_definition[-1], "definition"
            messages.append(say("ingest.lost_grade_id", function=function))
        elif retyped:
            index, how = retyped[-1], "retyped cell"
            messages.append(say("ingest.retyped", function=function, kind=cells[index][0]))
        else:
            messages.append(say("ingest.not_anywhere", function=function))
            continue
        if len(by_definition) > 1 and how != "definition":
            messages.append(say("ingest.defined_in_cells", function=function, count=len(by_definition)))
        chosen[function], found[function] = index, how
    refused = {}
    for function, index in chosen.items():
        size = len(cells[index][1])
        if size > MAX_CELL_CHARS:
            refused[function] = say("ingest.cell_too_long", function=function, size=f"{size:,}", limit=f"{MAX_CELL_CHARS:,}")
    ordered = sorted({i for f, i in chosen.items() if f not in refused})
    graded = [cells[i][1] for i in ordered]
    if sum(map(len, graded)) > MAX_GRADED_CHARS:
        return GradedCode([], {}, messages, fatal=say("ingest.graded_too_long", limit=f"{MAX_GRADED_CHARS:,}"))
    others = [src for i, (kind, src, _) in enumerate(cells) if kind == "code" and i not in chosen.values()]
    imports, defined = imports_and_names(others)
    sources = {f: cells[i][1] for f, i in chosen.items() if f not in refused}
    return GradedCode(graded, found, messages, refused=refused, imports=imports, defined_elsewhere=defined,
                      sources=sources)
