"""Do the English and Chinese editions come from one source and never drift apart?

The conventions are docs/editions.md's; the terms docs/glossary.md's."""

import json
import re

import numpy as np
import pytest

from dnn_utils.i18n import LANGUAGES, checked, command_line_language, normalise, placeholders, say, speaking
from dnn_utils.messages import MESSAGES
from grader.commands.release import release_folder
from grader.grading.assignments import assignment_ids, load_spec, source_notebook
from grader.notebooks import cell_language
from grader.paths import REPO

ASSIGNMENTS = assignment_ids()
CJK = re.compile(r"[\u4e00-\u9fff]")
WORD_BUDGET = 600  # English words a student reads before the first exercise (docs/editions.md)
CHARACTER_BUDGET = 1100  # the same for the Chinese, in characters


def chinese(text):
    return bool(CJK.search(text))


def source(assignment):
    return json.loads(source_notebook(assignment).read_text())


def prose_pairs(notebook):
    """[(English cell, its Chinese twin)] of a source notebook, in order."""
    cells = notebook["cells"]
    return [(cells[i], cells[i + 1]) for i, cell in enumerate(cells[:-1]) if cell_language(cell) == "en"]


def text(cell):
    return "".join(cell["source"])


# ---------------------------------------------------------------------------------------------
# The catalogue
# ---------------------------------------------------------------------------------------------


def test_does_every_engine_message_have_every_language_with_the_same_placeholders():
    for key, entry in MESSAGES.items():
        assert set(entry) == set(LANGUAGES), f"message {key!r} has {sorted(entry)}, needs {LANGUAGES}"
        english = entry["en"]
        for lang, message in entry.items():
            assert message.strip(), f"message {key!r} is empty in {lang}"
            assert placeholders(message) == placeholders(english), f"message {key!r}: placeholders differ in {lang}"
        assert chinese(entry["zh_CN"]) or not re.search(r"[A-Za-z]{4,}", re.sub(r"\{\w*\}", "", english)), \
            f"message {key!r} has no Chinese in zh_CN"


def english_entries(assignment):
    """{(table, key): English} of an assignment's own messages."""
    declaration = load_spec(assignment).declaration
    spec = load_spec(assignment)
    entries = {("TITLE", None): declaration.title, ("SUMMARY", None): declaration.summary}
    entries |= {("HINTS", tuple(hint[:3])): hint[3] for hint in declaration.hints}
    entries |= {("MISTAKES", (function, mistake.id)): (mistake.title, mistake.hint)
                for function, mistakes in spec.mistakes.items() for mistake in mistakes}
    entries |= {("CASES", (case.function, case.name)): case.about for case in declaration.cases}
    if declaration.release_note:
        entries["RELEASE_NOTE", None] = declaration.release_note
    return entries


def chinese_entries(assignment):
    module = load_spec(assignment).declaration.translations
    assert module is not None, f"testCases/{assignment}/zh_CN.py is missing"
    entries = {}
    for table in ("TITLE", "SUMMARY", "RELEASE_NOTE"):
        if hasattr(module, table):
            entries[table, None] = getattr(module, table)
    for table in ("HINTS", "MISTAKES", "CASES"):
        entries |= {(table, key): value for key, value in getattr(module, table, {}).items()}
    return entries


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_does_every_message_of_an_assignment_have_its_chinese(assignment):
    english, zh = english_entries(assignment), chinese_entries(assignment)
    missing = sorted(map(str, set(english) - set(zh)))
    extra = sorted(map(str, set(zh) - set(english)))
    assert not missing, f"testCases/{assignment}/zh_CN.py lacks {missing[:5]} ({len(missing)} in all)"
    assert not extra, f"testCases/{assignment}/zh_CN.py has entries for nothing English: {extra[:5]}"
    for key, english_text in english.items():
        for en, translated in zip(*((e,) if isinstance(e, str) else e for e in (english_text, zh[key]))):
            assert chinese(translated), f"{assignment} {key}: {translated!r} has no Chinese"
            assert placeholders(translated) == placeholders(en), f"{assignment} {key}: placeholders differ"


def test_does_the_language_follow_the_edition_the_variable_and_the_locale(monkeypatch):
    for name in ("COURSE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert say("check.all_passed") == "All checks passed."
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert command_line_language() == "zh_CN" and command_line_language("en") == "en"
    monkeypatch.setenv("COURSE_LANG", "zh_CN")
    assert say("check.all_passed") == "全部检查通过。"
    with speaking("en"):
        assert say("check.all_passed") == "All checks passed."
    assert normalise("zh-cn") == normalise("zh") == "zh_CN" and normalise("fr_FR") is None
    with pytest.raises(ValueError, match="unknown language 'fr'.*en, zh_CN"):
        checked("fr")


def test_is_a_mistake_named_in_chinese_in_a_chinese_check():
    from testCases.dnn_step_by_step import ASSIGNMENT, check
    from testCases.checks import CheckFailed

    def compute_cost(AL, Y):  # the cost not squeezed: a catalogued mistake
        m = Y.shape[1]
        return -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL), keepdims=True) / m

    title, hint = ASSIGNMENT.translations.MISTAKES["compute_cost", "cost_not_squeezed"]
    with speaking("zh_CN"):
        import contextlib
        import io

        printed = io.StringIO()
        with contextlib.redirect_stdout(printed), pytest.raises(CheckFailed, match="失败"):
            check("compute_cost", compute_cost)
    report = printed.getvalue()
    assert "个用例中通过了" in report and f"看起来是一个常见错误：{title}。" in report and f"提示：{hint}" in report
    assert "cases passed" not in report and "hint:" not in report


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_is_every_hidden_case_described_in_the_language_of_the_feedback(assignment):
    """A hidden case's description (shown in feedback) is made in the grading language: numbers and
    code names in both, every word in Chinese in the Chinese feedback."""
    spec = load_spec(assignment)
    code_words = {"sigmoid", "relu", "tanh", "dim", "n_x", "n_h", "n_y"}
    for function in spec.functions:
        for seed in range(12):
            with speaking("zh_CN"):
                chinese_about = spec.draw_case(function, np.random.RandomState(seed))[0]
            with speaking("en"):
                english_about = spec.draw_case(function, np.random.RandomState(seed))[0]
            assert sorted(re.findall(r"\d+", chinese_about)) == sorted(re.findall(r"\d+", english_about)), "the same case"
            words = set(re.findall(r"[A-Za-z_]{3,}\w*", chinese_about)) - code_words
            assert not words, f"{assignment} {function}: English words {words} in {chinese_about!r}"


# ---------------------------------------------------------------------------------------------
# The source notebooks
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_is_every_prose_cell_in_a_pair_of_languages(assignment):
    cells = source(assignment)["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            assert cell_language(cell) is None, f"{assignment} cell {i}: only prose cells carry a language"
            continue
        lang = cell_language(cell)
        assert lang in LANGUAGES, f"{assignment} cell {i} is markdown without a language: {text(cell)[:60]!r}"
        assert "nbgrader" not in cell["metadata"], f"{assignment} cell {i}: a prose cell is not an nbgrader cell"
        if lang == "en":
            twin = cells[i + 1] if i + 1 < len(cells) else None
            assert twin is not None and cell_language(twin) == "zh_CN", f"{assignment} cell {i} has no Chinese twin"
        else:
            assert i > 0 and cell_language(cells[i - 1]) == "en", f"{assignment} cell {i}: Chinese without English"
            assert chinese(text(cell)), f"{assignment} cell {i} is marked zh_CN but holds no Chinese"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_do_both_languages_show_the_same_figures_and_do_they_exist(assignment):
    image = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
    for en, zh in prose_pairs(source(assignment)):
        assert image.findall(text(en)) == image.findall(text(zh)), f"{assignment}: figures differ in {text(en)[:60]!r}"
        for path in image.findall(text(en)):
            assert (source_notebook(assignment).parent / path).is_file(), f"{assignment}: {path} does not exist"


def glossary():
    rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|", (REPO / "docs" / "glossary.md").read_text(), re.M)
    return [(en, zh) for en, zh in rows if en not in ("English", "---")]


def without_code_and_formulas(markdown):
    return re.sub(r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$", " ", markdown, flags=re.S)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_does_the_chinese_use_the_glossarys_term_wherever_the_english_uses_its_term(assignment):
    terms = glossary()
    assert len(terms) > 20
    misses = []
    for en, zh in prose_pairs(source(assignment)):
        english = without_code_and_formulas(text(en))
        for term, chinese_term in terms:
            if re.search(rf"\b{re.escape(term)}(s|es)?\b", english, re.I) and chinese_term not in text(zh):
                misses.append(f"{term!r} -> {chinese_term!r} in {text(zh)[:40]!r}")
    assert not misses, f"{assignment}: {len(misses)} glossary terms not used, e.g. {misses[:3]}"


def reading_before_first_exercise(assignment, lang):
    """The prose of ``lang`` before the first exercise, collapsed <details> sections left out."""
    prose = []
    for cell in source(assignment)["cells"]:
        if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            break
        if cell_language(cell) == lang:
            prose.append(re.sub(r"<details>.*?</details>", " ", text(cell), flags=re.S))
    return "\n".join(prose)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_is_the_reading_before_the_first_exercise_short(assignment):
    english = re.sub(r"[#*|`>\-]", " ", reading_before_first_exercise(assignment, "en"))
    words = len(re.findall(r"[A-Za-z0-9][\w'’.-]*", english))
    assert words <= WORD_BUDGET, f"{assignment}: {words} English words before the first exercise (at most {WORD_BUDGET})"
    zh = reading_before_first_exercise(assignment, "zh_CN")
    characters = len(CJK.findall(zh)) + len(re.findall(r"[A-Za-z0-9]+", zh))
    assert characters <= CHARACTER_BUDGET, f"{assignment}: {characters} Chinese characters before the first exercise"


EXPECTED_LINES = re.compile(r"# ≈ (\d+)(?:–(\d+))? lines? of code / 约 (\d+)(?:–(\d+))? 行代码")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_does_each_exercise_say_how_many_lines_are_expected(assignment):
    for cell in source(assignment)["cells"]:
        if not cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            continue
        lines = text(cell).split("\n")
        starts = [i for i, line in enumerate(lines) if line.strip() == "### BEGIN SOLUTION"]
        assert starts, f"{assignment}: an exercise cell without a solution block"
        for start in starts:
            said = EXPECTED_LINES.search(lines[start - 1])
            where = f"{assignment}, {cell['metadata']['nbgrader']['grade_id']}"
            assert said, f"{where}: the line before ### BEGIN SOLUTION must say `# ≈ N lines of code / 约 N 行代码`"
            low, high = int(said[1]), int(said[2] or said[1])
            assert (low, high) == (int(said[3]), int(said[4] or said[3])), f"{where}: the two languages disagree"
            end = next(i for i in range(start, len(lines)) if lines[i].strip() == "### END SOLUTION")
            code = [line for line in lines[start + 1:end] if line.strip() and not line.strip().startswith("#")]
            assert 0.5 * low <= len(code) <= 2 * high, f"{where}: says ≈ {low}-{high} lines, the reference has {len(code)}"


# ---------------------------------------------------------------------------------------------
# The two releases (committed, proven fresh by tests/test_release.py)
# ---------------------------------------------------------------------------------------------


def released(assignment, lang):
    return json.loads((release_folder(lang) / assignment / f"{assignment}.ipynb").read_text())


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_do_the_two_releases_differ_only_in_prose_cells(assignment):
    editions = {lang: released(assignment, lang) for lang in LANGUAGES}
    shared = {lang: [c for c in nb["cells"] if c["cell_type"] != "markdown"] for lang, nb in editions.items()}
    assert shared["en"] == shared["zh_CN"], f"{assignment}: the code cells of the two editions differ"
    graded = {lang: {c["metadata"]["nbgrader"]["grade_id"]: c for c in nb["cells"] if "nbgrader" in c["metadata"]}
              for lang, nb in editions.items()}
    assert graded["en"] == graded["zh_CN"], f"{assignment}: a grade_id's cell differs between the editions"
    for lang, notebook in editions.items():
        assert notebook["metadata"]["course"] == {"assignment": assignment, "lang": lang}
        prose = [c for c in notebook["cells"] if c["cell_type"] == "markdown"]
        assert prose and all(cell_language(c) == lang for c in prose), f"{assignment} ({lang}) holds other prose"
        if lang == "zh_CN":
            assert all(chinese(text(c)) for c in prose), f"{assignment}: a Chinese release cell without Chinese"
    edition = release_folder("zh_CN") / assignment / "dnn_utils" / "edition.py"
    assert "LANGUAGE = 'zh_CN'" in edition.read_text()


def test_is_an_unreadable_notebook_explained_in_the_language_asked_for(tmp_path):
    """Why a file cannot be graded is said in the student's language too: the reading errors carry
    a message id (NotebookUnreadable holds a Said) and are put into words when shown."""
    from grader.grading.ingest import NotebookUnreadable, read_graded_code, read_notebook_bytes

    not_a_notebook, link = tmp_path / "list.ipynb", tmp_path / "link.ipynb"
    not_a_notebook.write_text("[1, 2]")
    link.symlink_to(not_a_notebook)
    assert read_graded_code(not_a_notebook, ["f"], "zh_CN").fatal == "这个文件是 JSON，但不是笔记本（没有顶层对象）"
    assert read_graded_code(not_a_notebook, ["f"]).fatal == "the file is JSON but not a notebook (no top-level object)"
    with pytest.raises(NotebookUnreadable) as raised:
        read_notebook_bytes(link)
    with speaking("zh_CN"):
        assert str(raised.value).startswith("笔记本无法打开")
    assert str(raised.value).startswith("the notebook cannot be opened")
