"""Edits of a notebook, the vocabulary of the example classes' scenarios (examples/scenarios/):
each returns ``edit(notebook) -> notebook`` on an nbformat v4 notebook of an assignment's source."""

import copy


def _cell(notebook, grade_id):
    for cell in notebook.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id:
            return cell
    raise KeyError(grade_id)


def answer(function, code):
    """Edit: the student's exercise cell for ``function`` holds ``code``."""

    def edit(notebook):
        _cell(notebook, function).source = code.strip("\n")
        return notebook

    return edit


def chain(*edits):
    def edit(notebook):
        for step in edits:
            notebook = step(notebook)
        return notebook

    return edit


def drop_cell(grade_id):
    def edit(notebook):
        notebook.cells = [c for c in notebook.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") != grade_id]
        return notebook

    return edit


def retype_cell(grade_id, cell_type):
    def edit(notebook):
        cell = _cell(notebook, grade_id)
        cell.cell_type = cell_type
        for key in ("outputs", "execution_count"):
            cell.pop(key, None)
        return notebook

    return edit


def rename_grade_ids(notebook):
    for cell in notebook.cells:
        meta = cell.get("metadata", {}).get("nbgrader")
        if meta:
            meta["grade_id"] = "cell-" + meta["grade_id"][::-1]
    return notebook


def strip_nbgrader_metadata(notebook):
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("nbgrader", None)
    return notebook


def reverse_cells(notebook):
    """Exercise cells in reverse order (definitions still precede the checks that we ignore)."""
    notebook.cells = list(reversed(notebook.cells))
    return notebook


def duplicate_cell(grade_id, code):
    """An extra copy of the exercise cell, further down, redefining the function."""

    def edit(notebook):
        extra = copy.deepcopy(_cell(notebook, grade_id))
        extra.source = code.strip("\n")
        extra["id"] = f"duplicate-{grade_id}"[:64]
        notebook.cells.append(extra)
        return notebook

    return edit


def extra_cell_after(grade_id, code):
    """A new code cell of the student's, right after the cell ``grade_id`` (an import, a global)."""

    def edit(notebook):
        cell = copy.deepcopy(_cell(notebook, grade_id))
        cell.source = code.strip("\n")
        cell["id"] = f"extra-after-{grade_id}"[:64]
        cell.metadata.pop("nbgrader", None)
        cell.cell_type = "code"
        cell.outputs, cell.execution_count = [], None
        notebook.cells.insert(notebook.cells.index(_cell(notebook, grade_id)) + 1, cell)
        return notebook

    return edit


def gut_check_cells(notebook):
    """The student emptied every check cell and wrote `pass` in it."""
    for cell in notebook.cells:
        if cell.get("metadata", {}).get("nbgrader", {}).get("grade"):
            cell.source = "pass"
    return notebook


class Edition:
    """A scenario written in another edition's notebook (docs/editions.md): ``edit`` applied to the
    source notebook as that edition, say a student of the Chinese edition making the same mistake."""

    def __init__(self, lang, edit):
        self.lang, self.edit = lang, edit

    def __call__(self, notebook):
        return self.edit(notebook)
