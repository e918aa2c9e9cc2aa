"""Reading and running notebooks: nbgrader markers, execution with nbclient."""

import os
import re
from pathlib import Path

HIDDEN_TESTS = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[ \t]*\n?", re.M | re.S)
SOLUTION_MARKERS = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.M)


def nbgrader_meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def worked_solution(notebook):
    """The source notebook as a self-learner reads it: solutions kept, their markers and the
    hidden tests removed."""
    import nbformat

    notebook = nbformat.from_dict(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.source = SOLUTION_MARKERS.sub("", HIDDEN_TESTS.sub("", cell.source)).rstrip("\n")
    return notebook


def cell_language(cell):
    """The language a prose cell is written in (docs/editions.md), or None for a shared cell."""
    return cell.get("metadata", {}).get("course", {}).get("lang")


def edition(notebook, assignment, lang):
    """``notebook`` (a dict or nbformat node, changed in place) as one edition: the prose cells of
    ``lang`` and the shared cells, its metadata saying which."""
    notebook["cells"] = [cell for cell in notebook["cells"] if cell_language(cell) in (None, lang)]
    notebook["metadata"]["course"] = {"assignment": assignment, "lang": lang}
    return notebook


def execute(notebook, cwd, timeout=900, allow_errors=False, lang=None):
    """Execute ``notebook`` (an nbformat node) in ``cwd`` with the python3 kernel, which
    inherits this process's environment (with COURSE_LANG=``lang`` when given: the language of
    its checks); returns it with outputs.

    No front end is there to press a button: the kernel is told so, and the interactive cells
    (dnn_utils.interactive) draw the figure of their default setting instead of widgets."""
    from nbclient import NotebookClient

    from dnn_utils.interactive import NO_FRONT_END

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute(env={**os.environ, NO_FRONT_END: "1", **({"COURSE_LANG": lang} if lang else {})})
    return notebook


def read(path):
    import nbformat  # its validator takes a second to import: only where notebooks are run

    return nbformat.read(Path(path), as_version=4)


def error_outputs(cell):
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def text_output(cell):
    """Everything a code cell printed (stdout and stderr streams) and the plain-text form of what
    it displayed (a check shows as HTML in a kernel, with its text beside it)."""
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif output.get("output_type") in ("display_data", "execute_result"):
            text = output.get("data", {}).get("text/plain", "")
            parts.append(("".join(text) if isinstance(text, list) else text) + "\n")
    return "".join(parts)
