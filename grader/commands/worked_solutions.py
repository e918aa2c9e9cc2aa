"""Worked solutions for self-learners: ``python -m grader solutions``.

Executes each source notebook (solutions in place, hidden tests removed) in its own folder, once
per edition (its prose, its checks' language), and renders it to HTML with every output, figure
and plot: ``<id>.html`` in English, ``<id>.zh_CN.html`` in Chinese.
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dnn_utils.i18n import DEFAULT, LANGUAGES

from ..grading.assignments import assignment_ids, source_notebook
from ..notebooks import edition, execute, read, worked_solution


def render_worked_solutions(out, assignments=None, languages=LANGUAGES):
    """Write ``out/<assignment>.html`` and ``out/<assignment>.zh_CN.html`` (and the executed
    ``.ipynb``) for each assignment, in each of ``languages``."""
    import nbformat
    from nbconvert import HTMLExporter

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for assignment in assignments or assignment_ids():
        path = source_notebook(assignment)
        # The editions run at once, each in its own kernel: the application trains its models in
        # each, and the machine has a core for each.
        with ThreadPoolExecutor(max_workers=len(languages)) as pool:
            runs = {lang: pool.submit(execute, edition(worked_solution(read(path)), assignment, lang), path.parent,
                                      lang=lang) for lang in languages}
        for lang, run in runs.items():
            notebook = run.result()
            name = path.stem if lang == DEFAULT else f"{path.stem}.{lang}"
            nbformat.write(notebook, out / f"{name}.ipynb")
            html, _ = HTMLExporter(embed_images=True).from_notebook_node(notebook)
            (out / f"{name}.html").write_text(html)
            written.append(out / f"{name}.html")
            print(f"wrote {written[-1]}")
    return written
