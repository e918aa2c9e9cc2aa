"""Grading one submission: run its graded cells in a sandbox, compare in the trusted parent.

Every graded function is tested on two sets of cases: the public ones (the notebook's visible
check; reported, not scored) and randomised hidden ones drawn from the run's seed (scored:
points x the fraction passed). Student code only ever runs inside the sandbox; outputs come back
as plain data and are compared here with the one comparison helper.
"""

import time
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache

from dnn_utils.checks import compare_outputs
from dnn_utils.compare import Difference, identical
from dnn_utils.hints import hint_for
from testCases.cases import CASES, assignment_of, expected_outputs

from .hidden_cases import hidden_cases
from .independent import DEPENDENCIES, dependency_source, order_for_independence
from .ingest import read_graded_code
from .reference import reference_output
from .sandbox import Sandbox, SandboxError

HIDDEN_COUNT = {"two_layer_model": 3, "L_layer_model": 3}
# Seconds per graded function: the application's models train, the step-by-step functions do not.
DEFAULT_TIMEOUT = {"dnn_step_by_step": 30.0, "dnn_application": 300.0}
DEFAULT_HIDDEN_COUNT = 6
STATUSES = ("passed", "failed", "error", "timeout", "missing")


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


@lru_cache(maxsize=256)
def autograde_cases(function, seed):
    """Public cases (reported) and hidden randomised cases (scored) with their expected outputs.

    One set per run: every submission of a run meets the same hidden cases (drawn from the run's
    recorded seed), so they and the reference's outputs are computed once."""
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


def _evaluate_case(function, grading, case_result, item, missing):
    """(CaseOutcome, output or None, inputs changed?) of one case; hints and printing go to ``item``."""
    if not isinstance(case_result, dict) or not isinstance(case_result.get("error", {}), dict):
        case_result = missing  # the worker is untrusted: a malformed answer is a failed case
    outcome = CaseOutcome(grading.case.name, grading.case.about, grading.scored, False)
    output, mutated = None, False
    if "error" in case_result:
        error = case_result["error"]
        outcome.raised = error.get("type")
        if error.get("type") == "NotImplementedError":
            outcome.messages.append(f"{function} is not implemented yet")
        else:
            outcome.messages.append(f"raised {error.get('type')}: {error.get('message')}")
    elif "not_plain" in case_result:
        outcome.messages.append(f"returned something that is not numbers or arrays ({case_result['not_plain']})")
    else:
        output = case_result.get("output")
        differences = compare_outputs(function, output, grading.expected)
        after = case_result.get("args_after")
        mutated = after is not None and not identical(after, grading.args)
        if mutated:
            differences.append(Difference("input", "mutated", f"{function} changed its inputs in place"))
        outcome.passed = not differences
        outcome.differences = [d.as_dict() for d in differences]
        for difference in differences:
            outcome.messages.append(difference.message)
            hint = hint_for(function, difference.where, difference.kind)
            if hint and hint not in item.hints:
                item.hints.append(hint)
    if isinstance(case_result.get("printed"), str) and case_result["printed"] and not item.printed:
        item.printed = case_result["printed"][:1000]
    return outcome, output, mutated


def _aligned(case_results, count, missing):
    """The worker's answers, one per case: the worker is untrusted, so a short or malformed
    list is padded with failures."""
    case_results = list(case_results) if isinstance(case_results, (list, tuple)) else []
    return (case_results + [missing] * count)[:count]


def evaluate(function, grading_cases, result, max_score, public_results=None):
    """ItemResult of one function from the worker's ``result`` for the scored cases of
    ``grading_cases``. When one of them fails, ``public_results()`` (if given) is asked for the
    public cases' results, whose report helps explain the failure (None if they could not run)."""
    item = ItemResult(function, max_score)
    if result.get("worker_error"):
        error = result["worker_error"]
        item.status = "error"
        item.messages.append(f"the grader could not run your code: {error.get('type')}: {error.get('message')}")
        return item
    for error in result.get("cell_errors", []):
        item.messages.append(f"running your cells raised {error.get('type')}: {error.get('message')} ({error.get('where')})")
    if result.get("missing"):
        item.status = "error" if result.get("cell_errors") else "missing"
        item.messages.append(f"{function} was not defined after running your cells")
        return item
    raised_everywhere, scored_results = True, []
    missing = {"error": {"type": "GraderError", "message": "no result for this case"}}
    scored = [g for g in grading_cases if g.scored]
    public = [g for g in grading_cases if not g.scored]
    for grading, case_result in zip(scored, _aligned(result.get("cases"), len(scored), missing)):
        outcome, output, mutated = _evaluate_case(function, grading, case_result, item, missing)
        raised_everywhere &= outcome.raised is not None
        scored_results.append((grading.args, output, mutated))
        item.cases.append(outcome)
    if public and public_results and not all(c.passed for c in item.cases):
        more = public_results()
        if more is not None:
            for grading, case_result in zip(public, _aligned(more, len(public), missing)):
                item.cases.append(_evaluate_case(function, grading, case_result, item, missing)[0])
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


def grade_submission(submission, spec, start_sandbox, seed, timeout, cases_for=autograde_cases):
    """SubmissionResult for ``submission``; ``start_sandbox()`` returns a started Sandbox."""
    started = time.perf_counter()
    code = read_graded_code(submission.path, spec.functions)
    messages = list(submission.messages) + code.messages
    items = {f: ItemResult(f, spec.points[f]) for f in spec.functions}
    if code.fatal:
        messages.append(code.fatal)
        for item in items.values():
            item.status = "error" if submission.path is not None else "missing"
            item.messages.append(code.fatal)
    else:
        sandbox = None
        try:
            for function in order_for_independence(spec.functions):
                if function not in code.found:
                    items[function].messages.append(f"{function} is not defined in the notebook")
                    continue
                grading_cases = cases_for(function, seed)
                scored = [g for g in grading_cases if g.scored]
                public = [g for g in grading_cases if not g.scored]
                names, source = dependency_source(function)
                task = {
                    "function": function,
                    "setup": spec.setup,
                    "cells": code.cells,
                    "cases": [g.args for g in scored],
                    "deps": list(names),
                    "deps_source": source,
                }
                if sandbox is None:
                    sandbox = _start_with_retry(start_sandbox)
                try:
                    result = sandbox.run(task, timeout)
                except SandboxError as error:
                    sandbox.close()
                    sandbox = None
                    item = items[function]
                    item.status = "timeout" if error.kind == "timeout" else "error"
                    item.messages.append(
                        f"{function} did not finish within {timeout:g} s (an endless loop, or far too much work?)"
                        if error.kind == "timeout" else f"{function} stopped the grader's worker: {error}"
                    )
                    continue
                def public_results():
                    """Run the public cases now (only a failing function needs their report)."""
                    nonlocal sandbox
                    try:
                        return sandbox.run(dict(task, cases=[g.args for g in public]), timeout).get("cases")
                    except SandboxError:  # the verdict stands on the hidden cases
                        sandbox.close()
                        sandbox = None
                        return None

                item = evaluate(function, grading_cases, result, spec.points[function], public_results)
                items[function] = item
        finally:
            if sandbox is not None:
                sandbox.close()
    return SubmissionResult(
        submission.student_id, spec.assignment, seed, submission.sha256(),
        [items[f] for f in spec.functions], messages, round(time.perf_counter() - started, 3),
    )
