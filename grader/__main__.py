"""Command line of the course tools.

  python -m grader autograde SUBMITTED --assignment ID [options]   grade a class
  python -m grader check NOTEBOOK [--assignment ID]                 a student's local check
  python -m grader demo [--out DIR]                                 the main job (make demo)
  python -m grader release [--lang en|zh_CN|all] [--out DIR]        regenerate release/ (release/zh_CN/)
  python -m grader solutions [--out DIR]                            render the worked solutions
  python -m grader expected                                         regenerate testCases/*/expected/
  python -m grader figures [--out DIR]                              redraw notebooks/*/figures/*.svg

Problems with what you gave (a missing folder, a refused zip, no sandbox on this machine) are
reported in one line with exit status 2; anything else is a bug and keeps its traceback.
"""

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from dnn_utils.i18n import LANGUAGES, UnknownLanguage, checked, command_line_language, say, speaking


def _assignment(value):
    from .grading.assignments import assignment_ids

    known = assignment_ids()
    if value not in known:
        raise argparse.ArgumentTypeError(f"unknown assignment {value!r}; declared: {', '.join(known)}")
    return value


def _parser():
    parser = argparse.ArgumentParser(prog="python -m grader", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", dest="cli_lang", default=None, help="the language of this command's own output, en or "
                                                                     "zh_CN (default: COURSE_LANG, else LANG)")
    commands = parser.add_subparsers(dest="command", required=True)

    grade = commands.add_parser("autograde", help="grade a class: feedback, grades.csv and the gradebook")
    grade.add_argument("submitted", help="nbgrader's submitted/ folder (<student>/<assignment>/*.ipynb), a folder of <student>.ipynb, or a zip")
    grade.add_argument("--assignment", required=True, type=_assignment, help="a declared assignment id (testCases/<id>/)")
    grade.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="grading processes (default: cores)")
    grade.add_argument("--db", default=None, help="gradebook SQLAlchemy URL (default: sqlite:///gradebook.db in the current folder)")
    grade.add_argument("--no-db", action="store_true", help="do not write a gradebook")
    grade.add_argument("--out", default="autograded", help="folder for grades.csv, feedback/ and grader-errors.log (default: autograded)")
    grade.add_argument("--timeout", type=float, default=None, help="time limit per graded function in seconds, wall clock (default: the assignment's)")
    grade.add_argument("--seed", type=int, default=None, help="seed of the hidden cases (default: drawn and recorded)")
    grade.add_argument("--regrade", action="store_true", help="grade again notebooks already graded in --out")
    grade.add_argument("--memory-mb", type=int, default=1024, help="memory limit of a sandbox in MiB (default 1024)")
    grade.add_argument("--sandbox", choices=("auto", "namespace", "none"), default="auto",
                       help="isolation of student code (default auto: namespaces, or refuse); 'none' keeps only the "
                            "resource limits, for trusted notebooks such as your own")
    grade.add_argument("--scheduler", default=None, help="a Dask scheduler address (tcp://host:8786): grade on that cluster")
    grade.add_argument("--release", default=None, help="the student release folder of the assignment, whose files "
                                                         "the sandbox sees (default: release/<id> of the repository)")
    grade.add_argument("--course", default=None,
                       help="an nbgrader course folder: write autograded/<student>/<assignment>/<notebook> there for "
                            "formgrader's Manual Grading and nbgrader generate_feedback (default: the current folder "
                            "when it holds nbgrader_config.py and SUBMITTED is its submitted/; 'none' for no such notebooks)")
    grade.add_argument("--quiet", action="store_true", help="no progress bar or table")
    grade.add_argument("--lang", default=None, help="write every student's feedback in this language, en or zh_CN "
                                                     "(default: the language of the notebook each student submitted)")

    check = commands.add_parser("check", help="check one notebook with the public checks; report in the terminal")
    check.add_argument("notebook")
    check.add_argument("--assignment", default=None, type=_assignment, help="default: guessed from the notebook")
    check.add_argument("--release", default=None, help="the student release folder of the assignment "
                                                       "(default: release/<id> of the repository)")
    check.add_argument("--lang", default=None, help="the report's language, en or zh_CN (default: the notebook's)")

    demo = commands.add_parser("demo", help="the main job: release, grade the example class, worked solutions")
    demo.add_argument("--out", default="artifacts", help="folder for everything it makes (default: artifacts)")
    demo.add_argument("--data-dir", help="folder holding the cat .h5 files (default: see dnn_utils/data.py)")

    release = commands.add_parser("release", help="regenerate release/, the student version, from notebooks/")
    release.add_argument("--lang", default="en", help="the edition: en (default), zh_CN, or all (both, each in its "
                                                      "default folder)")
    release.add_argument("--out", default=None, help="folder to write (default: release/ of the repository for en, "
                                                     "release/zh_CN/ for zh_CN)")
    solutions = commands.add_parser("solutions", help="execute the source notebooks and render worked solutions to HTML")
    solutions.add_argument("--out", default="worked_solutions", help="folder for the HTML (default: worked_solutions)")
    commands.add_parser("expected", help="regenerate testCases/<id>/expected/ from the reference")
    figures = commands.add_parser("figures", help="draw the diagrams of notebooks/<id>/figures.py into notebooks/<id>/figures/")
    figures.add_argument("--out", default=None, help="folder to write <id>/figures/ in (default: notebooks/)")
    return parser


def _course(value, submitted):
    """The nbgrader course folder of --course: given; else the current folder when it is one
    (nbgrader_config.py) and SUBMITTED is its submitted/ folder; else none."""
    if value is None:
        here = Path.cwd()
        is_course = (here / "nbgrader_config.py").is_file() and Path(submitted).resolve() == (here / "submitted").resolve()
        return here if is_course else None
    return None if value.lower() == "none" else Path(value)


def _autograde(args):
    from .commands.autograde import AutogradeOptions, autograde
    from .grading.grade import ERROR_LOG
    from .grading.assignments import load_spec
    from .records.gradebook import default_url, mask_password
    from .records.tables import grade_table
    from .sandbox import SandboxSettings

    if args.sandbox == "none":
        print(say("cli.no_sandbox_warning"), file=sys.stderr)
    options = AutogradeOptions(
        assignment=args.assignment,
        out=Path(args.out),
        db_url=None if args.no_db else (args.db or default_url()),
        jobs=args.jobs,
        timeout=args.timeout,
        seed=args.seed,
        regrade=args.regrade,
        progress=not args.quiet,
        sandbox=SandboxSettings(mode=args.sandbox, memory_bytes=args.memory_mb << 20),
        scheduler=args.scheduler,
        template=Path(args.release) if args.release else None,
        course=_course(args.course, args.submitted),
        lang=checked(args.lang) if args.lang else None,
    )
    summary = autograde(args.submitted, options)
    if not args.quiet:
        print(grade_table(summary["rows"], load_spec(args.assignment).functions))
    print(say("cli.graded", graded=summary["graded"], skipped=summary["skipped"], seed=summary["run_seed"],
              grades=summary["out"] / "grades.csv", feedback=summary["out"] / "feedback",
              gradebook=say("cli.gradebook", url=mask_password(options.db_url)) if options.db_url else ""))
    if summary["grader_failures"]:
        print(say("cli.grader_failures", count=summary["grader_failures"], log=summary["out"] / ERROR_LOG), file=sys.stderr)
        return 1
    return 0


def _check(args):
    from .commands.check import check_notebook

    result, text = check_notebook(Path(args.notebook), args.assignment, Path(args.release) if args.release else None,
                                  checked(args.lang) if args.lang else None)
    print(text)
    return 0 if result.score == result.max_score else 1


def _run(args):
    from .errors import UserError

    if args.command == "autograde":
        return _autograde(args)
    if args.command == "check":
        return _check(args)
    if args.command == "demo":
        from .commands.demo import run_demo

        run_demo(Path(args.out), args.data_dir)
    elif args.command == "release":
        from .commands.release import build_releases, release_folder

        if args.lang == "all" and args.out:
            raise UserError(say("error.out_with_all"))
        languages = LANGUAGES if args.lang == "all" else (checked(args.lang),)
        written = build_releases(languages, {lang: args.out for lang in languages} if args.out else None)
        for lang, files in written.items():
            print(f"release ({lang}): {len(files)} files written to {release_folder(lang, args.out)}")
    elif args.command == "solutions":
        from .commands.worked_solutions import render_worked_solutions

        render_worked_solutions(args.out)
    elif args.command == "expected":
        from .commands.expected import write_expected

        for path in write_expected():
            print(f"wrote {path}")
    elif args.command == "figures":
        from .commands.figures import draw_figures

        for path in draw_figures(args.out):
            print(f"wrote {path}")
    return 0


def _stop_on_sigterm(signum, frame):
    """SIGTERM stops the grader like Ctrl-C: its clean-up runs (grading processes and sandboxes
    end, a zip's extracted files are removed) and every grade written so far is kept."""
    raise KeyboardInterrupt


def main(argv=None):
    args = _parser().parse_args(argv)
    from dnn_utils.data import DatasetError

    from .errors import UserError
    from .grading.ingest import NotebookUnreadable
    from .records.gradebook import mask_password
    from .sandbox import SandboxUnavailable

    try:  # the language of this command's own output; check and autograde's --lang says it too
        lang = command_line_language(args.cli_lang or (args.lang if args.command in ("autograde", "check") else None))
    except UnknownLanguage as error:
        print(say("cli.error", message=str(error)), file=sys.stderr)
        return 2
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm) if threading.current_thread() is threading.main_thread() else None
    try:
        with speaking(lang):
            try:
                return _run(args)
            except (UserError, DatasetError, SandboxUnavailable, FileNotFoundError, NotebookUnreadable, UnknownLanguage) as error:
                print(say("cli.error", message=mask_password(str(error))), file=sys.stderr)
                return 2
            except KeyboardInterrupt:
                print(say("cli.interrupted"), file=sys.stderr)
                return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
