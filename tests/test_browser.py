"""Does the student release work in a real JupyterLab, driven by a real browser?

A JupyterLab server runs on 127.0.0.1 in a temporary copy of release/<assignment>/ (the committed
release is never modified); Debian's chromium, driven by Playwright, opens the notebook and runs
the setup cell. In dnn_step_by_step it types an answer into the linear_forward exercise, key by
key, and runs its check cell; in every assignment of the series it runs the first exercise's
check untouched (it must fail, saying why), then enters the source notebook's solution and runs
the check again (it must pass). In an nbgrader course folder graded by `python -m grader autograde`,
formgrader's Manual Grading must list every submission with our score, and a comment typed into
a submission must be saved and survive the next autograde.

Needs /usr/bin/chromium (`make services` installs it); Playwright's own browser downloads are never used.
Screenshots go to artifacts/browser/.
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from grader.grading.assignments import assignment_ids  # noqa: E402

STEP = "dnn_step_by_step"
NOTEBOOK = f"{STEP}.ipynb"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
SCREENSHOTS = REPO / "artifacts" / "browser"
SERVER_START_TIMEOUT = 60  # seconds
KERNEL_TIMEOUT_MS = 60_000  # a kernel start on a loaded 2-core machine can take 10-20 s
CELL_TIMEOUT_MS = 60_000
IDLE = re.compile(r"Python 3.*\| (Idle|空闲)")  # the status bar, in English or with the Chinese language pack

# What a student would type into the exercise cell (lines without their indentation: the
# editor indents after the `def` line by itself, as it does for a student typing).
ANSWER_LINES = ["def linear_forward(A, W, b):", "Z = np.dot(W, A) + b", "cache = (A, W, b)", "return Z, cache"]
ANSWER = "def linear_forward(A, W, b):\n    Z = np.dot(W, A) + b\n    cache = (A, W, b)\n    return Z, cache"

# JupyterLab user settings for the temporary config dir: no news or update checks (no network), and
# every cell attached to the page at once (the default windowing attaches cells lazily, in idle time,
# so the n-th cell of the page would not reliably be the notebook's n-th cell).
LAB_USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get_json(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)


def _post(url, timeout=5):
    request = urllib.request.Request(url, data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status


def _log_tail(path, lines=40):
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


class LabServer:
    def __init__(self, proc, port, token, root, log):
        self.proc, self.port, self.token, self.root, self.log = proc, port, token, root, log
        self.base = f"http://127.0.0.1:{port}"

    def api(self, path):
        return _get_json(f"{self.base}/api/{path}?token={self.token}")

    def url(self, path):
        return f"{self.base}/{path}?token={self.token}"

    def wait_for(self, condition, path, timeout):
        """Poll /api/<path> until condition(answer) holds; fail with the last answer after timeout s."""
        deadline = time.monotonic() + timeout
        while True:
            answer = self.api(path)
            if condition(answer):
                return answer
            if time.monotonic() > deadline:
                pytest.fail(f"/api/{path} still answers {answer} after {timeout} s")
            time.sleep(0.2)


def _stop(proc, server=None):
    """Ask the server to shut down (it stops its kernels), then kill its process group."""
    if proc.poll() is None and server is not None:
        try:
            _post(f"{server.base}/api/shutdown?token={server.token}")
            proc.wait(timeout=15)
        except (OSError, urllib.error.URLError, subprocess.TimeoutExpired):
            pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            break
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


@pytest.fixture
def assignment():
    return STEP


@pytest.fixture
def lab_server(tmp_path, assignment):
    """A JupyterLab server on 127.0.0.1 serving a temporary copy of ``assignment``'s release."""
    release_dir = REPO / "release" / assignment
    if not (release_dir / f"{assignment}.ipynb").is_file():
        pytest.fail(f"{release_dir / f'{assignment}.ipynb'} is missing: run `make release`")
    root = tmp_path / assignment
    shutil.copytree(release_dir, root, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    yield from serve_lab(root, tmp_path)


def serve_lab(root, tmp_path, locale=None):
    """Yield a LabServer: JupyterLab on 127.0.0.1 serving ``root``, with a private home and no
    network use, its menus in ``locale`` (a language pack's, e.g. "zh_CN") when given; stopped
    afterwards."""
    home = tmp_path / "home"
    config_dir = home / "jupyter_config"
    user_settings = dict(LAB_USER_SETTINGS)
    if locale:
        user_settings["@jupyterlab/translation-extension/plugin.jupyterlab-settings"] = {"locale": locale}
    for relative, settings in user_settings.items():
        path = config_dir / "lab" / "user-settings" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(config_dir),
        JUPYTER_DATA_DIR=str(home / "jupyter_data"),
        JUPYTER_RUNTIME_DIR=str(home / "jupyter_runtime"),
        IPYTHONDIR=str(home / "ipython"),
        JUPYTERLAB_SETTINGS_DIR=str(config_dir / "lab" / "user-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(config_dir / "lab" / "workspaces"),
        OPENBLAS_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
        MPLBACKEND="Agg",
    )
    for var in ("JUPYTER_TOKEN", "JUPYTER_PORT", "JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "PYTHONSTARTUP"):
        env.pop(var, None)

    port, token = _free_port(), secrets.token_hex(16)
    command = [
        sys.executable, "-m", "jupyter", "lab",
        "--no-browser",
        "--ServerApp.open_browser=False",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.terminals_enabled=False",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]  # fmt: skip
    if os.geteuid() == 0:  # containers and CI often run as root, which jupyter refuses by default
        command.append("--allow-root")
    log = tmp_path / "jupyter_lab.log"
    with open(log, "wb") as log_file:
        proc = subprocess.Popen(command, cwd=root, env=env, stdin=subprocess.DEVNULL, stdout=log_file,
                                stderr=subprocess.STDOUT, start_new_session=True)
    server = LabServer(proc, port, token, root, log)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited with code {proc.returncode}:\n{_log_tail(log)}")
            try:
                server.api("status")
                break
            except (OSError, urllib.error.URLError, ValueError):
                if time.monotonic() > deadline:
                    pytest.fail(f"jupyter lab did not answer within {SERVER_START_TIMEOUT} s:\n{_log_tail(log)}")
                time.sleep(0.25)
        yield server
    finally:
        _stop(proc, server)


@pytest.fixture
def browser():
    """Debian's chromium driven by Playwright (never Playwright's own downloaded browsers)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make services` (as root it apt-get installs chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _cell_index(notebook, grade_id):
    (index,) = [i for i, c in enumerate(notebook.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    return index


class NotebookPage:
    """One notebook open in JupyterLab in ``browser``, its kernel started and idle; nothing leaves
    the machine (every request that is not for our server is refused)."""

    def __init__(self, lab_server, browser, notebook):
        from playwright.sync_api import expect

        self.expect, self.executions = expect, 0
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        origin = f"127.0.0.1:{lab_server.port}"
        self.context.route(re.compile(r"^(?!https?://" + re.escape(origin) + r"/).*"), lambda route: route.abort())
        self.context.set_default_timeout(30_000)
        self.page = page = self.context.new_page()
        self.notebook_path = lab_server.root / notebook
        page.goto(lab_server.url(f"lab/tree/{notebook}"))
        cells = nbformat.read(lab_server.root / notebook, as_version=4).cells
        expect(page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first).to_be_visible(timeout=KERNEL_TIMEOUT_MS)
        expect(page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell")).to_have_count(len(cells))
        # The kernel is started, connected and idle. The status bar says so only once the page's
        # kernel connection is up ("Python 3 (ipykernel) | Idle"); the toolbar's execution indicator
        # alone is no proof: it shows "idle" before any kernel exists.
        expect(page.locator(".jp-StatusBar-Widget")).to_contain_text(IDLE,
                                                                    timeout=KERNEL_TIMEOUT_MS)
        expect(page.locator(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(1)
        # The server agrees: one kernel, connected to the page, idle (the page's first requests to
        # a new kernel keep it busy for a moment).
        lab_server.wait_for(lambda kernels: [(k["execution_state"], k["connections"] > 0) for k in kernels]
                            == [("idle", True)], "kernels", KERNEL_TIMEOUT_MS / 1000)
        expect(page.locator(".jp-StatusBar-Widget")).to_contain_text(IDLE)

    def cell(self, index):
        return self.page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").nth(index)

    def run(self, index):
        """Select the cell (command mode), press Shift+Enter and wait until the kernel ran it."""
        target = self.cell(index)
        target.scroll_into_view_if_needed()
        target.locator(".jp-InputPrompt").first.click()
        self.page.keyboard.press("Shift+Enter")
        self.executions += 1  # a fresh kernel numbers executions 1, 2, 3, ...
        self.expect(target.locator(".jp-InputPrompt").first).to_have_text(re.compile(rf"\[{self.executions}\]:"),
                                                                          timeout=CELL_TIMEOUT_MS)
        return target

    def clear_editor(self, index):
        """Click into the cell's editor and delete everything in it; the editor."""
        editor = self.cell(index).locator(".cm-content")
        editor.scroll_into_view_if_needed()
        editor.click()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.press("Delete")
        self.expect(editor).to_have_text("")
        return editor

    def close(self):
        self.context.close()


@pytest.mark.timeout(180)
def test_linear_forward_check_in_jupyterlab(lab_server, browser):
    """In JupyterLab, does the linear_forward check cell first report the untouched exercise as
    not implemented, and then pass once a correct answer is typed into the exercise cell and run?"""
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)  # the default 5 s is short on a loaded 2-core machine
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    passed_png = SCREENSHOTS / "linear_forward_check_passed.png"
    passed_cell_png = SCREENSHOTS / "linear_forward_check_cell.png"
    failure_png = SCREENSHOTS / "linear_forward_failure.png"
    for png in (passed_png, passed_cell_png, failure_png):
        png.unlink(missing_ok=True)

    notebook = nbformat.read(lab_server.root / NOTEBOOK, as_version=4)
    setup_index = _cell_index(notebook, "setup")
    exercise_index = _cell_index(notebook, "linear_forward")
    check_index = _cell_index(notebook, "check_linear_forward")
    assert notebook.cells[exercise_index].metadata.get("editable", True), "the exercise cell must be editable"
    assert "raise NotImplementedError()" in notebook.cells[exercise_index].source

    try:
        lab = NotebookPage(lab_server, browser, NOTEBOOK)
    except BaseException:
        print(f"jupyter lab log tail:\n{_log_tail(lab_server.log)}")
        raise
    page, cell, run = lab.page, lab.cell, lab.run
    try:
        # The DOM cells are the notebook's cells, in order.
        for index in (setup_index, exercise_index, check_index):
            first_line = notebook.cells[index].source.splitlines()[0]
            expect(cell(index).locator(".cm-content")).to_contain_text(first_line)

        run(setup_index)
        expect(cell(setup_index).locator(".jp-OutputArea-output")).to_have_count(0)  # imports print nothing

        # Untouched exercise: the check must fail and say so.
        run(exercise_index)
        run(check_index)
        check_output = cell(check_index).locator(".jp-OutputArea")
        expect(check_output).to_contain_text("linear_forward: 0 of 2 cases passed")
        expect(check_output).to_contain_text("not implemented yet")
        expect(check_output).to_contain_text("CheckFailed")
        expect(check_output).not_to_contain_text("All checks passed.")

        # Type the answer into the exercise cell, replacing its body.
        editor = lab.clear_editor(exercise_index)
        for number, line in enumerate(ANSWER_LINES):
            if number:
                page.keyboard.press("Enter")  # the editor indents the next line by itself
            page.keyboard.type(line)
        typed = editor.inner_text().replace("\u00a0", " ").strip("\n")
        assert typed == ANSWER, f"the editor holds {typed!r}, not the typed answer"

        run(exercise_index)
        expect(cell(exercise_index).locator(".jp-OutputArea-output")).to_have_count(0)
        run(check_index)
        expect(check_output).to_contain_text("linear_forward: 2 of 2 cases passed")
        expect(check_output).to_contain_text("All checks passed.")
        expect(check_output).not_to_contain_text("FAIL")
        expect(check_output).not_to_contain_text("CheckFailed")

        # The typed answer and the passing report, both in view.
        cell(exercise_index).evaluate("element => element.scrollIntoView({block: 'start'})")
        page.screenshot(path=str(passed_png))
        cell(check_index).screenshot(path=str(passed_cell_png))
    except BaseException:
        try:
            page.screenshot(path=str(failure_png))
        except Exception as error:  # the page may be gone; the original error matters more
            print(f"could not save {failure_png}: {error}")
        print(f"jupyter lab log tail:\n{_log_tail(lab_server.log)}")
        raise
    finally:
        lab.close()


def _solution(assignment, function):
    """The source notebook's solution of ``function``, without nbgrader's markers."""
    source = nbformat.read(REPO / "notebooks" / assignment / f"{assignment}.ipynb", as_version=4)
    (cell,) = [c for c in source.cells if c.metadata.get("nbgrader", {}).get("grade_id") == function]
    return "\n".join(line for line in cell.source.splitlines() if "### BEGIN SOLUTION" not in line
                     and "### END SOLUTION" not in line)


@pytest.mark.timeout(240)
@pytest.mark.parametrize("assignment", assignment_ids())
def test_every_assignment_opens_and_checks_its_first_exercise_in_jupyterlab(assignment, lab_server, browser):
    """Does each release open in JupyterLab, run its setup cell silently, report its untouched first
    exercise as not implemented, and pass once the solution is entered and run?"""
    from playwright.sync_api import expect

    from testCases import load

    expect.set_options(timeout=30_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    passed_png, failure_png = SCREENSHOTS / f"{assignment}_first_check_passed.png", SCREENSHOTS / f"{assignment}_failure.png"
    for png in (passed_png, failure_png):
        png.unlink(missing_ok=True)
    notebook = nbformat.read(lab_server.root / f"{assignment}.ipynb", as_version=4)
    first = load(assignment).functions[0].name
    setup_index, exercise_index = _cell_index(notebook, "setup"), _cell_index(notebook, first)
    check_index = _cell_index(notebook, f"check_{first}")
    try:
        lab = NotebookPage(lab_server, browser, f"{assignment}.ipynb")
    except BaseException:
        print(f"jupyter lab log tail:\n{_log_tail(lab_server.log)}")
        raise
    try:
        lab.run(setup_index)
        expect(lab.cell(setup_index).locator(".jp-OutputArea-output")).to_have_count(0)
        lab.run(exercise_index)
        lab.run(check_index)
        report = lab.cell(check_index).locator(".jp-OutputArea")
        expect(report).to_contain_text("not implemented yet")
        expect(report).to_contain_text("CheckFailed")

        lab.clear_editor(exercise_index)
        lab.page.keyboard.insert_text(_solution(assignment, first))  # as pasted: no auto-indentation
        lab.run(exercise_index)
        lab.run(check_index)
        expect(report).to_contain_text("All checks passed.")
        expect(report).not_to_contain_text("CheckFailed")
        lab.page.screenshot(path=str(passed_png))
    except BaseException:
        try:
            lab.page.screenshot(path=str(failure_png))
        except Exception as error:
            print(f"could not save {failure_png}: {error}")
        print(f"jupyter lab log tail:\n{_log_tail(lab_server.log)}")
        raise
    finally:
        lab.close()


def saved_comment(course_root):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gradebook:
        return gradebook.find_comment("linear_backward", STEP, STEP, "mistake-db-without-keepdims").manual_comment


@pytest.mark.timeout(300)
def test_formgrader_lists_our_grades_and_keeps_a_manual_comment_across_autograde(tmp_path, browser):
    """After `python -m grader autograde` in an nbgrader course folder: does formgrader's Manual
    Grading list every submission with our score, open one, save a comment typed into it, and
    still show that comment after autograde runs again?"""
    from playwright.sync_api import expect

    from test_instructor_workflow import ASSIGNMENT, STUDENTS, autograde_in, graded_course

    expect.set_options(timeout=30_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    course = graded_course(tmp_path / "course")
    comment = "Nearly there: look at the shape of db."
    for lab_server in serve_lab(course.root, tmp_path):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        origin = f"127.0.0.1:{lab_server.port}"
        context.route(re.compile(r"^(?!https?://" + re.escape(origin) + r"/).*"), lambda route: route.abort())
        page = context.new_page()
        try:
            page.goto(lab_server.url("tree"))  # logs the page in: formgrader's API then takes its cookie
            page.goto(f"{lab_server.base}/formgrader/gradebook/{ASSIGNMENT}/{ASSIGNMENT}")
            rows = page.locator("#main-table tr")
            expect(rows).to_have_count(len(STUDENTS))
            scores = {rows.nth(i).locator("td.score").inner_text().strip() for i in range(len(STUDENTS))}
            assert scores == {"0 / 100", "90 / 100", "100 / 100"}, "the totals autograde gave"
            page.screenshot(path=str(SCREENSHOTS / "formgrader_manual_grading.png"))

            row = rows.filter(has_text="Turing")  # the student list's names reach formgrader
            expect(row).to_have_count(1)
            row.locator("a.name-hidden, a.name-shown").first.click(force=True)
            box = page.locator("#linear_backward-comment")
            expect(box).to_be_visible(timeout=60_000)
            expect(page.locator("body")).to_contain_text("[FAIL] linear_backward: 0 / 10")
            page.wait_for_load_state("networkidle")  # its grades and comments are loaded and bound to the page
            box.click()
            page.keyboard.type(comment)
            page.locator("h1, .panel-heading").first.click()  # formgrader saves a comment when it loses the focus
            deadline = time.monotonic() + 30
            while saved_comment(course.root) != comment:  # formgrader saved it through its API
                assert time.monotonic() < deadline, "formgrader did not save the comment"
                time.sleep(0.25)
            page.screenshot(path=str(SCREENSHOTS / "formgrader_submission_commented.png"))

            autograde_in(course.root, "--regrade")
            page.reload()
            expect(page.locator("#linear_backward-comment")).to_have_value(comment, timeout=60_000)
            page.screenshot(path=str(SCREENSHOTS / "formgrader_comment_after_autograde.png"))
        except BaseException:
            page.screenshot(path=str(SCREENSHOTS / "formgrader_failure.png"))
            print(f"jupyter lab log tail:\n{_log_tail(lab_server.log)}")
            raise
        finally:
            context.close()


def _check_linear_forward_without_its_bias(lab):
    """Run the setup, type a linear_forward that forgets b (a catalogued mistake) and run its
    check; (the check's output area, the check cell's index)."""
    notebook = nbformat.read(lab.notebook_path, as_version=4)
    setup, exercise = _cell_index(notebook, "setup"), _cell_index(notebook, "linear_forward")
    check = _cell_index(notebook, "check_linear_forward")
    lab.run(setup)
    lab.clear_editor(exercise)
    lab.page.keyboard.insert_text("def linear_forward(A, W, b):\n    return np.dot(W, A), (A, W, b)")
    lab.run(exercise)
    lab.run(check)
    return lab.cell(check).locator(".jp-OutputArea"), check


@pytest.mark.timeout(180)
def test_a_failing_check_shows_its_rich_report_with_a_map_of_the_wrong_entries(lab_server, browser):
    """In JupyterLab a check shows as HTML: PASS/FAIL badges per case, the named mistake and a map
    of which entries of the wrong output differ (hover gives the values)."""
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    lab = NotebookPage(lab_server, browser, NOTEBOOK)
    try:
        report, check = _check_linear_forward_without_its_bias(lab)
        expect(report.locator("span", has_text="FAIL")).to_have_count(2)
        expect(report).to_contain_text("This looks like a known mistake")
        expect(report.locator("td[title*='expected']").first).to_be_visible()
        lab.cell(check).screenshot(path=str(SCREENSHOTS / "rich_check_report.png"))
    finally:
        lab.close()


@pytest.fixture
def chinese_lab_server(tmp_path):
    """JupyterLab, its menus in Chinese, serving a copy of the Chinese release of the step-by-step assignment."""
    release_dir = REPO / "release" / "zh_CN" / STEP
    if not (release_dir / NOTEBOOK).is_file():
        pytest.fail(f"{release_dir / NOTEBOOK} is missing: run `make release`")
    root = tmp_path / STEP
    shutil.copytree(release_dir, root, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
    yield from serve_lab(root, tmp_path, locale="zh_CN")


@pytest.mark.timeout(180)
def test_the_chinese_edition_reports_a_known_mistake_in_chinese(chinese_lab_server, browser):
    """Opened from the Chinese release, with JupyterLab's menus in Chinese, does a check with a
    catalogued mistake report in Chinese and name the mistake by its Chinese title?"""
    from playwright.sync_api import expect

    from testCases.dnn_step_by_step import ASSIGNMENT

    expect.set_options(timeout=30_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    title, _ = ASSIGNMENT.translations.MISTAKES["linear_forward", "missing_b"]
    lab = NotebookPage(chinese_lab_server, browser, NOTEBOOK)
    try:
        expect(lab.page.locator(".lm-MenuBar-itemLabel", has_text="文件")).to_be_visible()  # the language pack's menus
        # A collapsed "why?" section holds its rendered markdown, hidden until its summary is clicked.
        why = lab.page.locator(".jp-RenderedMarkdown details").first
        why.scroll_into_view_if_needed()
        inside = why.locator(":scope > :not(summary)").first
        expect(inside).to_be_hidden()
        why.locator("summary").click()
        expect(inside).to_be_visible()
        report, check = _check_linear_forward_without_its_bias(lab)
        expect(report.locator("span", has_text="失败")).to_have_count(2)
        expect(report).to_contain_text("个用例中通过了")
        expect(report).to_contain_text(f"看起来是一个常见错误：{title}")
        expect(report).not_to_contain_text("cases passed")
        lab.page.screenshot(path=str(SCREENSHOTS / "chinese_edition_page.png"))
        lab.cell(check).screenshot(path=str(SCREENSHOTS / "chinese_check_report.png"))
    finally:
        lab.close()
