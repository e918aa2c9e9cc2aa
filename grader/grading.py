"""Grading one submission: run its graded cells in a sandbox, compare in the trusted parent.

Every graded function is tested on two sets of cases: the public ones (the notebook's visible
check; reported, not scored) and randomised hidden ones drawn from the run's seed and the student's id (scored:
points x the fraction passed). Student code only ever runs inside the sandbox; what comes back is
read as an attacker's (grader/sandbox/protocol.py) and compared here with the one comparison
helper. The reference functions a graded function may call (independent credit) run here too,
called by the sandbox over its pipe: no reference code ever enters a sandbox.
"""

import contextlib
import hashlib
import io
import time
import warnings
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache

import numpy as np

from dnn_utils.checks import compare_outputs
from dnn_utils.compare import Difference, identical
from dnn_utils.hints import hint_for
from testCases.cases import CASES, assignment_of, expected_outputs

from .hidden_cases import hidden_cases
from .independent import DEPENDENCIES, order_for_independence
from .ingest import GradedCode, read_graded_code
from .reference import reference_function, reference_output
from .sandbox import Sandbox, SandboxError
from .sandbox.protocol import clip

HIDDEN_COUNT = {"two_layer_model": 3, "L_layer_model": 3}
# Seconds per graded function: the application's models train, the step-by-step functions do not.
DEFAULT_TIMEOUT = {"dnn_step_by_step": 30.0, "dnn_application": 300.0}
DEFAULT_HIDDEN_COUNT = 6
STATUSES = ("passed", "failed", "error", "timeout", "missing")
MAX_DIFFERENCES = 6  # reported per case: a hostile output could otherwise fill the feedback
MAX_MESSAGE = 300


@dataclass
class CaseOutcome:
    name: str
    about: str
    scored: bool
    passed: bool
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
    printed: str = ""


@dataclass
class SubmissionResult:
    student_id: str
    assignment: str
    seed: int
    sha256: str
    items: list
    messages: list
    seconds: float = 0.0

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


@dataclass
class GradingCase:
    """A case as the grader uses it: its arguments, built once and never changed (the sandbox
    gets a copy), and the expected output."""

    case: object  # testCases.cases.Case
    args: tuple
    expected: object
    scored: bool


@lru_cache(maxsize=32)
def autograde_cases(function, seed):
    """Public cases (reported) and hidden randomised cases (scored) with their expected outputs.

    ``seed`` is one student's (submission_seed): the cases and the reference's outputs on them
    are computed once per student and function, a few milliseconds."""
    public = expected_outputs(assignment_of(function))
    cases = [GradingCase(c, c.build(), public[c.key], False) for c in CASES[function]]
    count = HIDDEN_COUNT.get(function, DEFAULT_HIDDEN_COUNT)
    for case in hidden_cases(function, seed, count):
        cases.append(GradingCase(case, case.build(), reference_output(case), True))
    return tuple(cases)


@lru_cache(maxsize=256)
def public_cases(function, seed=None):
    """Only the public cases, scored: what a student can check locally."""
    public = expected_outputs(assignment_of(function))
    return tuple(GradingCase(c, c.build(), public[c.key], True) for c in CASES[function])


def submission_seed(run_seed, student_id):
    """The seed of one student's hidden cases: drawn from the run's seed and the student's id, so
    that a grade can be reproduced and no two students meet the same inputs (an answer key made
    by one is worth nothing to another)."""
    digest = hashlib.sha256(f"{run_seed}:{student_id}".encode()).digest()
    return int.from_bytes(digest[:4], "little") % (2**31 - 1)


def call_reference(name, args, kwargs=None):
    """A sandbox's call of the reference ``name`` (independent credit), run here on plain data:
    ("value", output) or ("refused", error dict)."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            return "value", reference_function(name)(*args, **(kwargs or {}))
    except Exception as error:  # the student's arguments may be anything plain
        return "refused", {"type": type(error).__name__, "message": f"{name}: {str(error)[:200]}"}


def _diagnose(function, scored):
    """Catalogued mistakes that explain the student's results on the scored cases.

    scored: [(the case's args, output or None where the call raised, inputs changed in place?)].
    """
    from .mistakes import diagnose

    try:
        return diagnose(function, [a for a, _, _ in scored], [o for _, o, _ in scored],
                        mutated=[m for _, _, m in scored])
    except Exception:  # a diagnosis is a bonus; it must never cost a grade
        return []


def _evaluate_case(function, grading, run, item):
    """(CaseOutcome, output or None, inputs changed?) of one protocol.CaseRun; hints and printing
    go to ``item``."""
    outcome = CaseOutcome(grading.case.name, grading.case.about, grading.scored, False)
    output, mutated = None, False
    if run.raised is not None:
        outcome.raised = run.raised.type
        if run.raised.type == "NotImplementedError":
            outcome.messages.append(f"{function} is not implemented yet")
        else:
            outcome.messages.append(f"raised {run.raised.type}: {run.raised.message}")
    elif run.not_plain is not None:
        outcome.messages.append(f"returned something that is not numbers or arrays ({run.not_plain})")
    else:
        output = run.output
        differences = compare_outputs(function, output, grading.expected)
        if run.args_after is None:
            # Fail closed: inputs that cannot be checked earn nothing.
            differences.append(Difference("input", "unchecked", f"the grader could not check that {function} leaves its "
                                          f"inputs unchanged: they could not be sent back ({run.args_problem})"))
        elif not identical(list(grading.args), run.args_after):  # they travelled as a list
            mutated = True
            differences.append(Difference("input", "mutated", f"{function} changed its inputs in place"))
        outcome.passed = not differences
        outcome.differences = [d.as_dict() for d in differences[:MAX_DIFFERENCES]]
        for difference in differences[:MAX_DIFFERENCES]:
            outcome.messages.append(clip(difference.message, MAX_MESSAGE))
            hint = hint_for(function, difference.where, difference.kind)
            if hint and hint not in item.hints:
                item.hints.append(hint)
        if len(differences) > MAX_DIFFERENCES:
            outcome.messages.append(f"... and {len(differences) - MAX_DIFFERENCES} more differences")
    if run.printed and not item.printed:
        item.printed = clip(run.printed, 1000)
    return outcome, output, mutated


def evaluate(function, grading_cases, run, max_score, public_results=None):
    """ItemResult of one function from the sandbox's protocol.TaskRun ``run`` for the scored cases
    of ``grading_cases``. When one of them fails, ``public_results()`` (if given) is asked for the
    public cases' CaseRuns, whose report helps explain the failure (None if they could not run)."""
    item = ItemResult(function, max_score)
    if run.worker_error is not None:
        item.status = "error"
        item.messages.append(f"the grader could not run your code: {run.worker_error.type}: {run.worker_error.message}")
        return item
    for error in run.cell_errors:
        item.messages.append(f"running your cells raised {error.type}: {error.message} ({error.where})")
    if run.missing:
        item.status = "error" if run.cell_errors else "missing"
        item.messages.append(f"{function} was not defined after running your cells")
        return item
    raised_everywhere, scored_results = True, []
    scored = [g for g in grading_cases if g.scored]
    public = [g for g in grading_cases if not g.scored]
    for grading, case_run in zip(scored, run.cases):
        outcome, output, mutated = _evaluate_case(function, grading, case_run, item)
        raised_everywhere &= outcome.raised is not None
        scored_results.append((grading.args, output, mutated))
        item.cases.append(outcome)
    if public and public_results and not all(c.passed for c in item.cases):
        more = public_results()
        if more is not None:
            for grading, case_run in zip(public, more):
                item.cases.append(_evaluate_case(function, grading, case_run, item)[0])
    scored = [c for c in item.cases if c.scored]
    passed = sum(c.passed for c in scored)
    item.score = round(max_score * passed / len(scored), 2) if scored else 0.0
    if passed == len(scored):
        item.status = "passed"
    else:
        item.status = "error" if raised_everywhere else "failed"
        item.mistakes = [{"id": m.id, "title": m.title, "hint": m.hint} for m in _diagnose(function, scored_results)[:2]]
    if function in DEPENDENCIES:
        item.messages.append(
            f"{function} was tested with the reference {', '.join(DEPENDENCIES[function])}, so a mistake there "
            "costs points only once"
        )
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


def internal_error(submission, spec, seed, error):
    """A result that records a grader failure for one submission without aborting the batch."""
    message = f"the grader failed on this submission ({type(error).__name__}: {clip(str(error), MAX_MESSAGE)}); please report it"
    items = [ItemResult(f, spec.points[f], status="error", messages=[message]) for f in spec.functions]
    return SubmissionResult(submission.student_id, spec.assignment, seed, submission.sha256(), items, [message])


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
        code = GradedCode([], {}, [], fatal=submission.refused)
    else:
        code = read_graded_code(submission.path, spec.functions)
    messages = list(submission.messages) + code.messages
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
            for function in order_for_independence(spec.functions):
                if function in code.refused:
                    items[function].status = "error"
                    items[function].messages.append(code.refused[function])
                    continue
                if function not in code.found:
                    items[function].messages.append(f"{function} is not defined in the notebook")
                    continue
                grading_cases = cases_for(function, own_seed)
                scored = [g for g in grading_cases if g.scored]
                public = [g for g in grading_cases if not g.scored]
                task = {
                    "function": function,
                    "setup": spec.setup,
                    "cells": code.cells,
                    "cases": [list(g.args) for g in scored],
                    "deps": list(DEPENDENCIES.get(function, ())),
                }
                if sandbox is None:
                    sandbox = _start_with_retry(start_sandbox)
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
                        f"{function} did not finish within {timeout:g} s (an endless loop, or far too much work?)"
                        if error.kind == "timeout" else f"{function} stopped the grader's sandbox: {error}"
                    )
                    continue

                def public_results():
                    """Run the public cases now (only a failing function needs their report), in
                    what is left of the function's time limit (a second at least)."""
                    nonlocal sandbox
                    left = max(1.0, timeout - (time.monotonic() - function_started))
                    try:
                        return sandbox.run(dict(task, cases=[list(g.args) for g in public]), left,
                                           answer=call_reference).cases
                    except SandboxError as error:  # the verdict stands on the hidden cases
                        sandbox.close()
                        sandbox = None
                        if error.kind == "infrastructure":
                            raise
                        return None

                items[function] = evaluate(function, grading_cases, run, spec.points[function], public_results)
        finally:
            if sandbox is not None:
                sandbox.close()
    return SubmissionResult(
        submission.student_id, spec.assignment, own_seed, submission.sha256(),
        [items[f] for f in spec.functions], messages, round(time.perf_counter() - started, 3),
    )
