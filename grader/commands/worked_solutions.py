"""Worked solutions for self-learners: ``python -m grader solutions``.

Executes each source notebook (solutions in place, hidden tests removed) in its own folder and
renders it to HTML with every output and plot.
"""

from pathlib import Path

from ..grading.assignments import assignment_ids, source_notebook
from ..notebooks import execute, read, worked_solution


def render_worked_solutions(out, assignments=None):
    """Write ``out/<assignment>.html`` (and the executed ``.ipynb``) for each assignment."""
    import nbformat
    from nbconvert import HTMLExporter

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for assignment in assignments or assignment_ids():
        path = source_notebook(assignment)
        notebook = execute(worked_solution(read(path)), cwd=path.parent)
        nbformat.write(notebook, out / f"{path.stem}.ipynb")
        html, _ = HTMLExporter(embed_images=True).from_notebook_node(notebook)
        (out / f"{path.stem}.html").write_text(html)
        written.append(out / f"{path.stem}.html")
        print(f"wrote {written[-1]}")
    return written
