"""Grading one submission: run its graded cells in a sandbox, compare in the trusted parent.

Every graded function is tested on two sets of cases: the public ones (the notebook's visible
check; reported, not scored) and randomised hidden ones drawn from the run's seed and the student's id (scored:
points x the fraction passed). Student code only ever runs inside the sandbox; what comes back is
read as an attacker's (grader/sandbox/protocol.py) and compared here with the one comparison
helper. The reference functions a graded function may call (independent credit) run here too,
called by the sandbox over its pipe: no reference code ever enters a sandbox.
"""

import hashlib
import logging
import os
import time
import traceback
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from dnn_utils.i18n import DEFAULT, say, speaking
from testCases.checks import MAX_MESSAGE, Call, describe_error, evaluate_case, generic_hints

from ..sandbox import Sandbox, SandboxError
from ..sandbox.protocol import clip
from .cases import autograde_cases
from .diagnosis import diagnose
from .independent import order_for_independence, reference_caller
from .ingest import GradedCode, read_graded_code, said

STATUSES = ("passed", "failed", "error", "timeout", "missing")
log = logging.getLogger(__name__)


@dataclass
class CaseOutcome:
    name: str
    about: str
    scored: bool
    passed: bool
    hidden: bool = False
    messages: list = field(default_factory=list)
    raised: str | None = None
    differences: list = field(default_factory=list)  # Difference.as_dict(): where, kind, shapes, indices, errors


@dataclass
class ItemResult:
    """The grade of one graded function."""

    item: str
    max_score: float
    score: float = 0.0
    status: str = "missing"
    cases: list = field(default_factory=list)
    hints: list = field(default_factory=list)
    mistakes: list = field(default_factory=list)  # [{"id", "title", "hint"}]
    messages: list = field(default_factory=list)
    printed: str = ""  # what the function printed in the first case where it printed anything
    printed_case: str = ""  # that case's name


@dataclass
class SubmissionResult:
    student_id: str
    assignment: str
    seed: int
    sha256: str
    items: list
    messages: list
    seconds: float = 0.0
    grader_failed: bool = False  # the grader, not the student, failed: graded again by the next run
    lang: str = DEFAULT  # the language of its messages: its notebook's, or the one autograde --lang forced

    @property
    def score(self):
        return round(sum(i.score for i in self.items), 2)

    @property
    def max_score(self):
        return sum(i.max_score for i in self.items)

    def summary(self):
        """This result without the per-case details (what the record and the gradebook keep)."""
        return replace(self, items=[ItemResult(i.item, i.max_score, i.score, i.status) for i in self.items])

    def as_dict(self):
        data = asdict(self)
        data["score"], data["max_score"] = self.score, self.max_score
        return data


def submission_seed(run_seed, student_id):
    """The seed of one student's hidden cases: drawn from the run's seed and the student's id, so
    that a grade can be reproduced and no two students meet the same inputs (an answer key made
    by one is worth nothing to another)."""
    digest = hashlib.sha256(f"{run_seed}:{student_id}".encode()).digest()
    return int.from_bytes(digest[:4], "little") % (2**31 - 1)


def _call(function, args, run, defined_elsewhere=frozenset()):
    """The testCases.checks.Call of one protocol.CaseRun of ``function`` on ``args``."""
    call = Call(args, printed=run.printed)
    if run.raised is not None:
        call.error = run.raised.type
        call.error_text = describe_error(function, run.raised.type, run.raised.message, run.raised.function or None,
                                         run.raised.where, defined_elsewhere)
    elif run.not_plain is not None:
        call.not_plain = run.not_plain
    else:
        call.output, call.args_after, call.args_problem = run.output, run.args_after, run.args_problem
    return call


def _outcome(verdict, scored):
    """The record of one CaseVerdict (what the feedback shows)."""
    return CaseOutcome(verdict.name, verdict.about, scored, verdict.passed, verdict.hidden, list(verdict.messages),
                       verdict.raised, [d.as_dict() for d in verdict.differences])


def evaluate(spec, function, grading_cases, run, public_results=None, defined_elsewhere=frozenset(), probe_results=None):
    """ItemResult of one function from the sandbox's protocol.TaskRun ``run`` for the scored cases
    of ``grading_cases``. When one of them fails, ``public_results()`` (if given) is asked for the
    public cases' CaseRuns, whose report helps explain the failure (None if they could not run),
    and ``probe_results(list of args, seed)`` (if given) for the CaseRuns of the diagnosis's probes
    (testCases.checks.recognise_probes)."""
    item = ItemResult(function, spec.points[function])
    if run.sandbox_error is not None:
        item.status = "error"
        item.messages.append(say("grade.sandbox_failed", error=run.sandbox_error.type, message=run.sandbox_error.message))
        return item
    for error in run.cell_errors:
        item.messages.append(say("grade.cell_raised", error=error.type, message=error.message, where=error.where))
    if run.missing:
        item.status = "error" if run.cell_errors else "missing"
        item.messages.append(say("grade.not_defined_after", function=function))
        return item
    scored = [g for g in grading_cases if g.scored]
    public = [g for g in grading_cases if not g.scored]
    verdicts = [evaluate_case(spec.declaration, g.case, g.expected, _call(function, g.args, r, defined_elsewhere)) for g, r in zip(scored, run.cases)]
    shown = list(verdicts)
    if public and public_results and not all(v.passed for v in verdicts):
        more = public_results()
        if more is not None:
            shown += [evaluate_case(spec.declaration, g.case, g.expected, _call(function, g.args, r, defined_elsewhere)) for g, r in zip(public, more)]
    item.cases = [_outcome(v, i < len(verdicts)) for i, v in enumerate(shown)]
    printing = next((v for v in shown if v.printed), None)
    if printing is not None:
        item.printed, item.printed_case = printing.printed, printing.name
    passed = sum(v.passed for v in verdicts)
    item.score = round(item.max_score * passed / len(verdicts), 2) if verdicts else 0.0
    if passed == len(verdicts):
        item.status = "passed"
    else:
        item.status = "error" if all(v.raised is not None for v in verdicts) else "failed"
        def run_probes(args_list, seed):
            runs = probe_results(args_list, seed) or []
            return [_call(function, args, r, defined_elsewhere) for args, r in zip(args_list, runs)]

        found = diagnose(spec, function, verdicts, [g.args for g in scored], [g.case.seed for g in scored],
                         run_probes if probe_results else None)
        item.mistakes = [{"id": m.id, "title": m.title, "hint": m.hint} for m in found[:1]]
        item.hints = [] if found else generic_hints(spec.declaration, function, shown)
    dependencies = spec.dependencies(function)
    if dependencies:
        item.messages.append(say("grade.independent", function=function, dependencies=", ".join(dependencies)))
    return item


def sandbox_starter(template, settings, spec, timeout):
    """A function that starts a sandbox for ``spec``'s functions: its CPU budget covers every
    graded function's time limit, plus one for start-up; the setup cell's imports are done."""
    budget = timeout * (len(spec.functions) + 1)
    return lambda: Sandbox(template, settings, budget, preload=spec.setup).start()


def _start_with_retry(start_sandbox, attempts=3):
    """A sandbox that fails to start is the machine's problem, not the student's: try again."""
    for attempt in range(attempts):
        try:
            return start_sandbox()
        except SandboxError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


INFRASTRUCTURE_RETRIES = 2


ERROR_LOG = "grader-errors.log"


def internal_error(submission, spec, seed, error, out=None):
    """A result that records a grader failure for one submission without aborting the batch; the
    traceback goes to ``out/grader-errors.log`` for whoever maintains the grader."""
    with speaking(submission.lang):
        message = say("grade.internal_error", error=type(error).__name__, message=clip(str(error), MAX_MESSAGE))
    if out is not None:
        _log_traceback(Path(out) / ERROR_LOG, submission.student_id, error)
    items = [ItemResult(f, spec.points[f], status="error", messages=[message]) for f in spec.functions]
    return SubmissionResult(submission.student_id, spec.assignment, seed, submission.sha256(), items, [message],
                            grader_failed=True)


def _log_traceback(path, student_id, error):
    text = "".join(traceback.format_exception(error))
    entry = f"=== {time.strftime('%Y-%m-%d %H:%M:%S')} {_printable(student_id)}\n{text}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # One write with O_APPEND: grading processes may log at once without mixing entries.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
        try:
            os.write(fd, entry.encode("utf-8", "replace"))
        finally:
            os.close(fd)
    except OSError as failure:
        log.error("could not write %s: %s\n%s", path, failure, text)


def _printable(text):
    return text.encode("unicode_escape").decode("ascii")[:200]


def grade_submission(submission, spec, start_sandbox, seed, timeout, cases_for=autograde_cases):
    """SubmissionResult for ``submission``; ``start_sandbox()`` returns a started Sandbox.

    ``seed`` is the run's seed (the student's own is drawn from it). A sandbox that fails through
    no fault of the student (our fork server died) costs nothing: the submission is graded again."""
    for attempt in range(INFRASTRUCTURE_RETRIES + 1):
        try:
            return _grade_once(submission, spec, start_sandbox, seed, timeout, cases_for)
        except SandboxError as error:
            if error.kind != "infrastructure" or attempt == INFRASTRUCTURE_RETRIES:
                raise


def _grade_once(submission, spec, start_sandbox, seed, timeout, cases_for):
    started = time.perf_counter()
    if submission.refused:
        with speaking(submission.lang):
            code = GradedCode([], {}, [], fatal=said(submission.refused), lang=submission.lang or DEFAULT)
    else:
        code = read_graded_code(submission.path, spec.functions, submission.lang)
    with speaking(code.lang):
        return _grade_code(submission, spec, start_sandbox, seed, timeout, cases_for, code, started)


def _grade_code(submission, spec, start_sandbox, seed, timeout, cases_for, code, started):
    messages = [said(message) for message in submission.messages] + code.messages
    items = {f: ItemResult(f, spec.points[f]) for f in spec.functions}
    own_seed = submission_seed(seed, submission.student_id) if cases_for is autograde_cases else seed
    if code.fatal:
        messages.append(code.fatal)
        for item in items.values():
            item.status = "error" if submission.path is not None or submission.refused else "missing"
            item.messages.append(code.fatal)
    else:
        sandbox = None
        try:
            for function in order_for_independence(spec):
                if function in code.refused:
                    items[function].status = "error"
                    items[function].messages.append(code.refused[function])
                    continue
                if function not in code.found:
                    items[function].messages.append(say("grade.not_in_notebook", function=function))
                    continue
                grading_cases = cases_for(spec, function, own_seed)
                scored = [g for g in grading_cases if g.scored]
                public = [g for g in grading_cases if not g.scored]
                task = {
                    "function": function,
                    "setup": spec.setup,
                    "imports": code.imports,
                    "cells": code.cells,
                    "cases": [list(g.args) for g in scored],
                    "seeds": [g.case.seed for g in scored],
                    "deps": list(spec.dependencies(function)),
                }
                if sandbox is None:
                    sandbox = _start_with_retry(start_sandbox)
                call_reference = reference_caller(spec)
                function_started = time.monotonic()
                try:
                    run = sandbox.run(task, timeout, answer=call_reference)
                except SandboxError as error:
                    sandbox.close()
                    sandbox = None
                    if error.kind == "infrastructure":
                        raise
                    item = items[function]
                    item.status = "timeout" if error.kind == "timeout" else "error"
                    item.messages.append(
                        say("grade.timeout", function=function, seconds=f"{timeout:g}") if error.kind == "timeout"
                        else say("grade.sandbox_stopped", function=function, error=error))
                    continue

                def run_more(cases, seeds):
                    """More cases of this task (the public ones, the diagnosis's probes) in what is
                    left of the function's time limit (a second at least); None if they could not
                    run: the verdict stands on the hidden cases."""
                    nonlocal sandbox
                    if sandbox is None:
                        return None
                    left = max(1.0, timeout - (time.monotonic() - function_started))
                    try:
                        return sandbox.run(dict(task, cases=cases, seeds=seeds), left, answer=call_reference).cases
                    except SandboxError as error:
                        sandbox.close()
                        sandbox = None
                        if error.kind == "infrastructure":
                            raise
                        return None

                def public_results():
                    """The public cases (only a failing function needs their report)."""
                    return run_more([list(g.args) for g in public], [g.case.seed for g in public])

                def probe_results(args_list, seed):
                    return run_more([list(a) for a in args_list], [seed] * len(args_list))

                items[function] = evaluate(spec, function, grading_cases, run, public_results, code.defined_elsewhere,
                                           probe_results)
        finally:
            if sandbox is not None:
                sandbox.close()
    return SubmissionResult(
        submission.student_id, spec.assignment, own_seed, submission.sha256(),
        [items[f] for f in spec.functions], messages, round(time.perf_counter() - started, 3), lang=code.lang,
    )
