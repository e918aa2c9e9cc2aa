"""Are the committed diagrams exactly what `python -m grader figures` draws, one per name in each
assignment's table, well-formed SVG, the same bytes whatever the user's matplotlib settings, and
free of words (symbols, numbers and function names only, so one file serves both editions)?"""

import re
import xml.etree.ElementTree as ElementTree

import matplotlib
import pytest

from course_figures.build import FOLDER, figure_tables, write_figures
from course_figures.canvas import STYLE, render
from grader.paths import NOTEBOOKS

REGENERATE = "run `python -m grader figures` (or `make figures`) and commit notebooks/*/figures/"
# Names from the code and the course's function names: the same in both editions.
ALLOWED_WORDS = {"LINEAR", "RELU", "SIGMOID", "tanh", "cache", "caches", "relu_backward", "sigmoid_backward",
                 "linear_backward"}

TABLES = figure_tables(NOTEBOOKS)
NAMED = sorted((assignment, name) for assignment, figures in TABLES.items() for name in figures)


def test_does_every_assignment_have_its_figures():
    assert set(TABLES) == {"logistic_regression", "planar_classifier", "dnn_step_by_step", "dnn_application"}
    assert {name for _, name in NAMED} >= {"forward_backward_caches.svg", "flatten_picture.svg"}


def test_is_every_named_figure_committed_and_no_other():
    for assignment, figures in TABLES.items():
        committed = {path.name for path in (NOTEBOOKS / assignment / FOLDER).glob("*.svg")}
        assert committed == set(figures), f"{assignment}: {REGENERATE}"


@pytest.fixture(scope="module")
def redrawn(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    write_figures(NOTEBOOKS, out)
    return out


@pytest.mark.parametrize(("assignment", "name"), NAMED)
def test_is_the_committed_figure_what_the_command_draws(redrawn, assignment, name):
    committed = NOTEBOOKS / assignment / FOLDER / name
    assert committed.is_file(), f"{committed} is missing: {REGENERATE}"
    assert committed.read_bytes() == (redrawn / assignment / FOLDER / name).read_bytes(), \
        f"{committed} differs from what the code draws: {REGENERATE}"


@pytest.mark.parametrize(("assignment", "name"), NAMED)
def test_is_each_figure_small_well_formed_svg(assignment, name):
    path = NOTEBOOKS / assignment / FOLDER / name
    root = ElementTree.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert float(root.get("width").removesuffix("pt")) > 100
    assert path.stat().st_size < 150_000
    assert b"<dc:date>" not in path.read_bytes() and b"matplotlib.org" not in path.read_bytes()


def test_do_the_users_matplotlib_settings_leave_the_bytes_unchanged(tmp_path):
    draw = TABLES["planar_classifier"]["one_hidden_layer.svg"]
    render(draw, tmp_path / "plain.svg")
    with matplotlib.rc_context({"font.size": 20, "font.family": "serif", "mathtext.fontset": "cm",
                                "svg.hashsalt": None, "svg.fonttype": "none", "lines.linewidth": 3}):
        render(draw, tmp_path / "styled.svg")
        assert matplotlib.rcParams["font.size"] == 20, "render must give the user's settings back"
    assert (tmp_path / "plain.svg").read_bytes() == (tmp_path / "styled.svg").read_bytes()


def test_does_the_command_remove_a_figure_no_table_names(tmp_path):
    stale = tmp_path / "planar_classifier" / FOLDER / "renamed_long_ago.svg"
    stale.parent.mkdir(parents=True)
    stale.write_text("<svg/>")
    written = write_figures(NOTEBOOKS, tmp_path)
    assert not stale.exists()
    assert {path.name for path in written} == {name for _, name in NAMED}


def _words(figure):
    """The words (two letters or more: a lone letter is a symbol) of a figure's texts outside mathtext."""
    words = set()
    for item in figure.findobj(matplotlib.text.Text):
        plain = re.sub(r"\$[^$]*\$", " ", item.get_text())
        words |= set(re.findall(r"[^\W\d]\w+", plain))
    return words


@pytest.mark.parametrize(("assignment", "name"), NAMED)
def test_are_the_labels_symbols_numbers_and_function_names_only(assignment, name):
    with matplotlib.rc_context(STYLE):
        figure = TABLES[assignment][name]()
    words = _words(figure)
    assert words <= ALLOWED_WORDS, f"{assignment}/{name} has words: {sorted(words - ALLOWED_WORDS)}"
