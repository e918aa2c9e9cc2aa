"""The command line (grader/__main__.py): a problem with what the user gave is one line and exit
status 2, a database password is never printed, and a genuine bug keeps its traceback."""

import signal
import subprocess
import sys

import pytest

import grader.__main__ as cli
import testCases
from grader.errors import UserError
from grader.paths import REPO


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=REPO, capture_output=True, text=True, timeout=120)


@pytest.fixture(autouse=True)
def keep_sigterm_handler():
    """main() installs its own SIGTERM handler: give pytest's back after each test."""
    handler = signal.getsignal(signal.SIGTERM)
    yield
    signal.signal(signal.SIGTERM, handler)


def test_does_an_unknown_assignment_exit_2_listing_the_declared_ones(tmp_path):
    done = run_cli("autograde", str(tmp_path), "--assignment", "nope")
    assert done.returncode == 2
    assert "unknown assignment 'nope'; declared: " + ", ".join(testCases.assignment_ids()) in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_is_a_missing_submissions_folder_one_error_line_without_a_traceback(tmp_path):
    done = run_cli("autograde", "/no/such/folder", "--assignment", "dnn_step_by_step", "--no-db",
                   "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "/no/such/folder" in lines[0]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()  # nothing written


def fake_autograde(calls):
    def autograde(submitted, options):
        calls.append(options)
        return {"graded": 0, "skipped": 0, "run_seed": 7, "rows": [], "out": options.out, "grader_failures": 0}

    return autograde


def test_is_the_gradebook_password_masked_in_the_final_summary(tmp_path, monkeypatch, capsys):
    calls = []
    monkeypatch.setattr("grader.commands.autograde.autograde", fake_autograde(calls))
    url = "postgresql://grader:s3cret-pw@db.example:5432/grades"
    status = cli.main(["autograde", str(tmp_path), "--assignment", "dnn_step_by_step", "--db", url, "--quiet",
                       "--out", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert status == 0
    assert calls[0].db_url == url  # the grader itself gets the real URL
    assert "s3cret-pw" not in out
    assert "gradebook postgresql://grader:***@db.example:5432/grades" in out
    assert out.startswith("graded 0 submissions (0 already graded, kept); hidden-case run seed 7")


def test_does_no_db_print_no_gradebook_and_pass_none(tmp_path, monkeypatch, capsys):
    calls = []
    monkeypatch.setattr("grader.commands.autograde.autograde", fake_autograde(calls))
    assert cli.main(["autograde", str(tmp_path), "--assignment", "dnn_step_by_step", "--no-db", "--quiet",
                     "--db", "postgresql://u:pw@h/db"]) == 0
    assert calls[0].db_url is None and "gradebook" not in capsys.readouterr().out


def test_is_a_password_in_a_user_error_masked_too(tmp_path, monkeypatch, capsys):
    def refusing(submitted, options):
        raise UserError(f"cannot open the gradebook {options.db_url}: connection refused")

    monkeypatch.setattr("grader.commands.autograde.autograde", refusing)
    status = cli.main(["autograde", str(tmp_path), "--assignment", "dnn_step_by_step", "--quiet",
                       "--db", "postgresql://u:hunter2@h/db"])
    err = capsys.readouterr().err
    assert status == 2
    assert err == "error: cannot open the gradebook postgresql://u:***@h/db: connection refused\n"


def test_does_a_genuine_bug_keep_its_traceback(tmp_path, monkeypatch):
    def broken(languages, outs=None):
        raise KeyError("a bug in the release builder")

    monkeypatch.setattr("grader.commands.release.build_releases", broken)
    with pytest.raises(KeyError, match="a bug in the release builder"):
        cli.main(["release", "--out", str(tmp_path)])


def test_does_an_interruption_exit_130_and_say_the_grades_are_kept(tmp_path, monkeypatch, capsys):
    def interrupted(languages, outs=None):
        raise KeyboardInterrupt

    monkeypatch.setattr("grader.commands.release.build_releases", interrupted)
    assert cli.main(["release", "--out", str(tmp_path)]) == 130
    assert "interrupted: every grade written so far is kept" in capsys.readouterr().err


def test_every_command_line_option_is_documented_in_the_graders_readme():
    """Does grader/README.md name every command and every option `python -m grader` accepts?"""
    import argparse

    from grader.__main__ import _parser
    from grader.paths import REPO

    readme = (REPO / "grader" / "README.md").read_text(encoding="utf-8")
    commands = next(a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, parser in commands.choices.items():
        assert f"`{name}" in readme or f" {name} " in readme, f"command {name} is not documented"
        for action in parser._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in readme, f"{name} {option} is not documented in grader/README.md"


def test_does_the_command_line_speak_chinese_when_asked_or_when_the_locale_is_chinese(tmp_path, monkeypatch, capsys):
    for name in ("COURSE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    missing = tmp_path / "missing.ipynb"
    assert cli.main(["--lang", "zh_CN", "check", str(missing)]) == 2
    assert capsys.readouterr().err == f"错误：{missing} 不存在\n"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert cli.main(["check", str(missing)]) == 2
    assert "不存在" in capsys.readouterr().err
    assert cli.main(["check", str(missing), "--lang", "en"]) == 2  # check's own --lang is the language of its report
    assert capsys.readouterr().err == f"error: {missing} does not exist\n"
    assert cli.main(["--lang", "fr", "check", str(missing)]) == 2
    assert "unknown language 'fr'" in capsys.readouterr().err
