"""The public checks under every exercise: ``check("linear_forward", linear_forward)``.

Each check calls the student's function on the public cases of testCases (the course's fixture
and our extra cases), compares every output with the stored expected output using the one
comparison of dnn_utils.compare, and prints a report that says, per case, what differs, where,
and a hint. It raises CheckFailed when a case fails, so nbgrader scores the cell as failed.
"""

import contextlib
import copy
import inspect
import io
import traceback

from dataclasses import dataclass, field

from testCases.cases import CASES, OUTPUTS, assignment_of, expected_outputs, known_mistakes

from .compare import Difference, compare, identical
from .hints import hint_for

PASS, FAIL = "PASS", "FAIL"


class CheckFailed(AssertionError):
    """A public check found a difference; the report was printed just before."""

    def _render_traceback_(self):
        # IPython shows this instead of a traceback: the report above already says everything.
        return [f"CheckFailed: {self}"]


def _student_frame(error):
    """'line N: <code>' of the deepest frame of the exception inside notebook code."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "ipykernel" in f.filename or "<" in f.filename]
    if not frames:
        return ""
    frame = frames[-1]
    return f" (line {frame.lineno}: {frame.line.strip()})" if frame.line else f" (line {frame.lineno})"


def describe_exception(function, error):
    """One readable sentence for an exception raised by the student's ``function``."""
    if isinstance(error, NotImplementedError):
        return f"{function} is not implemented yet: replace `raise NotImplementedError()` with your code."
    return f"{function} raised {type(error).__name__}: {error}{_student_frame(error)}"


# Extra keys in grads do no harm (nothing downstream counts them); in parameters they would
# break L = len(parameters) // 2, so there they count.
EXTRA_KEYS_ALLOWED = {"L_model_backward"}


def compare_outputs(function, actual, expected):
    """Differences between a function's actual and expected outputs, located by output name."""
    names = OUTPUTS[function]
    if isinstance(names, str):
        differences = compare(actual, expected, name=names)
        if function in EXTRA_KEYS_ALLOWED:
            differences = [d for d in differences if d.kind != "extra"]
        return differences
    if not isinstance(actual, (tuple, list)) or len(actual) != len(names):
        got = f"{len(actual)} values" if isinstance(actual, (tuple, list)) else type(actual).__name__
        return [Difference("return", "length", f"{function} should return {len(names)} values {names}, got {got}")]
    differences = []
    for name, a, e in zip(names, actual, expected):
        differences += compare(a, e, name=name)
    return differences


def _argument_names(function, count):
    try:
        names = list(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        names = []
    return [names[i] if i < len(names) else f"argument {i + 1}" for i in range(count)]


def _mutations(function_name, function, args_before, args_after):
    """Differences showing that the function changed one of its inputs in place."""
    changed = []
    for name, before, after in zip(_argument_names(function, len(args_before)), args_before, args_after):
        if not identical(after, before):
            changed += compare(after, before, name=name, tolerance="exact", check_dtype=False)
    if not changed:
        return []
    where = ", ".join(sorted({d.where for d in changed}))
    return [Difference("input", "mutated", f"{function_name} changed its input in place: {where}")]


@dataclass
class CaseReport:
    """How one call went: PASS or FAIL, the lines to show, and what the call returned."""

    status: str
    lines: list = field(default_factory=list)
    output: object = None  # None when the call raised
    mutated: bool = False


def run_case(function_name, function, case, expected):
    """CaseReport of calling ``function`` on ``case``, compared with ``expected``."""
    args = case.build()
    pristine = copy.deepcopy(args)
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            actual = function(*args)
    except Exception as error:  # the student's code may raise anything
        return CaseReport(FAIL, [describe_exception(function_name, error)])
    mutations = _mutations(function_name, function, pristine, args)
    differences = compare_outputs(function_name, actual, expected) + mutations
    if not differences:
        return CaseReport(PASS, output=actual)
    lines, hints = [], []
    for difference in differences:
        lines.append(difference.message)
        hint = hint_for(function_name, difference.where, difference.kind)
        if hint and hint not in hints:
            hints.append(hint)
    return CaseReport(FAIL, lines + [f"hint: {hint}" for hint in hints], actual, bool(mutations))


def recognise(function_name, cases, reports):
    """The catalogued mistakes whose stored outputs on the public cases are the student's on
    every failed case (at least one of them with an output). Returns [(title, hint)]."""
    failed = [(case, report) for case, report in zip(cases, reports) if report.status == FAIL]
    if not any(report.output is not None for _, report in failed):
        return []
    named = []
    for mistake in known_mistakes(assignment_of(function_name)).get(function_name, {}).values():
        outputs = mistake["outputs"]

        def agrees(case, report):
            if report.output is None:
                return case.name not in outputs  # the mistake raises there too
            if case.name not in outputs or report.mutated != bool(mistake["mutates_inputs"]):
                return False
            return not compare_outputs(function_name, report.output, outputs[case.name])

        if all(agrees(case, report) for case, report in failed):
            named.append((mistake["title"], mistake["hint"]))
    return named


def check(function_name, function, verbose=True):
    """Run every public case of ``function_name`` on ``function``; print the report.

    Returns nothing (so a notebook shows no Out[] under the report); raises CheckFailed if any
    case failed.
    """
    if function_name not in CASES:
        raise ValueError(f"no public check for {function_name!r}; known: {', '.join(CASES)}")
    expected = expected_outputs(assignment_of(function_name))
    cases = CASES[function_name]
    reports = [run_case(function_name, function, case, expected[case.key]) for case in cases]
    passed = sum(r.status == PASS for r in reports)
    lines = [f"{function_name}: {passed} of {len(cases)} cases passed"]
    for case, result in zip(cases, reports):
        lines.append(f"  [{result.status}] {case.name}: {case.about}")
        lines += [f"         {line}" for line in result.lines]
    for title, hint in recognise(function_name, cases, reports):
        lines += [f"This looks like a known mistake: {title}.", f"  hint: {hint}"]
    if verbose:
        print("\n".join(lines))
    if passed < len(cases):
        raise CheckFailed(f"{function_name} failed {len(cases) - passed} of {len(cases)} cases (see the report above)")
    if verbose:
        print("All checks passed.")
