"""The one case evaluator, the one mistake-matching rule and the one report, shared by a
notebook's check cells and the grader.

  evaluate_case(assignment, case, expected, call)          -> CaseVerdict
  match_mistakes(assignment, function, verdicts, mistakes)  -> [KnownMistake], most likely first
  group_messages(verdicts)                                  -> [(message, [case names])]

A check cell calls the student's function itself (``checker(ASSIGNMENT)`` makes its ``check``);
the grader gets the same ``Call`` from a sandbox. Outputs are compared with the one comparison of
dnn_utils.compare; a check raises CheckFailed when a case fails, so nbgrader scores the cell as
failed.
"""

import contextlib
import copy
import io
import re
import traceback
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from dnn_utils.compare import Difference, compare, identical
from dnn_utils.i18n import say

from .assignment import seeded_call
from .hints import hint_for

MAX_DIFFERENCES = 6  # reported per case: a hostile output could otherwise fill the report
MAX_MESSAGE = 300
MAX_PRINTED = 1000


class CheckFailed(AssertionError):
    """A public check found a difference; the report was printed just before."""

    def _render_traceback_(self):
        # IPython shows this instead of a traceback: the report above already says everything.
        return [f"CheckFailed: {self}"]


def clip(text, limit):
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class Call:
    """What one call of a student's function did, in a notebook or as a sandbox reported it.

    error: the exception's type name when it raised (error_text says it in one sentence);
    not_plain: set when it returned something that is not numbers or arrays; args_after: the
    arguments after the call (None when they could not be checked, args_problem says why)."""

    args_before: tuple
    output: object = None
    error: str | None = None
    error_text: str = ""
    not_plain: str | None = None
    args_after: list | None = None
    args_problem: str = ""
    printed: str = ""

    @property
    def returned(self):
        return self.error is None and self.not_plain is None


@dataclass
class CaseVerdict:
    """How one case went: passed or not, the messages to show, and what the call returned."""

    name: str
    about: str
    hidden: bool
    passed: bool = False
    messages: list = field(default_factory=list)
    differences: list = field(default_factory=list)  # Difference
    output: object = None
    returned: bool = False
    raised: str | None = None
    mutated: bool = False
    printed: str = ""
    expected: object = None


@dataclass(frozen=True)
class KnownMistake:
    id: str
    title: str
    hint: str


_UNDEFINED_NAME = re.compile(r"name '(\w+)' is not defined")


def describe_error(function, error_type, message, raised_in=None, where="", defined_elsewhere=None):
    """One sentence for an exception raised while calling ``function``; ``raised_in`` is the
    function whose code raised it (a helper it calls may be the one not implemented yet).
    ``defined_elsewhere`` is given by the grader, which runs the exercise cells alone: the names the
    notebook's other cells define (a NameError there is explained; in a notebook it is plain)."""
    culprit = raised_in or function
    if error_type == "NotImplementedError":
        if culprit != function:
            return say("check.not_implemented_called", culprit=culprit, function=function)
        return say("check.not_implemented", function=function)
    undefined = _UNDEFINED_NAME.search(message) if error_type == "NameError" and defined_elsewhere is not None else None
    if undefined:
        name = undefined.group(1)
        elsewhere = say("check.defined_in_another_cell") if name in defined_elsewhere else ""
        return say("check.undefined_name", culprit=culprit, name=name, elsewhere=elsewhere)
    place = f" ({where})" if where else ""
    return say("check.raised", function=function, error=error_type, message=message, place=place)


def _as_labels(value, name, labels):
    """``value`` with the boolean or integer arrays named in ``labels`` (GradedFunction.labels) as
    float64, at the top or as keys of a dict."""
    if name in labels and isinstance(value, np.ndarray) and value.dtype.kind in "biu":
        return value.astype(np.float64)
    if isinstance(value, dict) and labels:
        return {key: _as_labels(item, key, labels) for key, item in value.items()}
    return value


def compare_outputs(assignment, function, actual, expected):
    """Differences between a function's actual and expected outputs, located by output name."""
    graded = assignment.function(function)
    names = graded.outputs
    if graded.labels:
        if isinstance(names, str):
            actual = _as_labels(actual, names, graded.labels)
        elif isinstance(actual, (tuple, list)) and len(actual) == len(names):
            actual = type(actual)(_as_labels(a, name, graded.labels) for a, name in zip(actual, names))
    if isinstance(names, str):
        differences = compare(actual, expected, name=names)
        if graded.extra_keys_allowed:
            differences = [d for d in differences if d.kind != "extra"]
        return differences
    if not isinstance(actual, (tuple, list)) or len(actual) != len(names):
        got = say("check.n_values", count=len(actual)) if isinstance(actual, (tuple, list)) else type(actual).__name__
        return [Difference("return", "length", say("check.return_count", function=function, count=len(names),
                                                   names=names, got=got))]
    differences = []
    for name, a, e in zip(names, actual, expected):
        differences += compare(a, e, name=name)
    return differences


def _mutation(assignment, function, before, after):
    """A Difference naming the inputs ``function`` changed in place, or None."""
    if identical(list(before), list(after)):
        return None
    names = list(assignment.function(function).arguments)
    changed = []
    for i, (b, a) in enumerate(zip(before, after)):
        name = names[i] if i < len(names) else say("check.argument_n", number=i + 1)
        changed += compare(a, b, name=name, tolerance="exact", check_dtype=False)
    places = sorted({d.where for d in changed})
    where = ", ".join(places[:4]) + (", …" if len(places) > 4 else "") if places else say("check.its_inputs")
    return Difference("input", "mutated", clip(say("check.changed_input", function=function, where=where), MAX_MESSAGE))


def evaluate_case(assignment, case, expected, call):
    """The CaseVerdict of ``call`` (one call of ``case.function`` on ``case``) against ``expected``."""
    function = case.function
    verdict = CaseVerdict(case.name, assignment.case_about(case), case.hidden, printed=clip(call.printed, MAX_PRINTED))
    if call.error is not None:
        verdict.raised = call.error
        verdict.messages.append(clip(call.error_text, MAX_MESSAGE))
        return verdict
    if call.not_plain is not None:
        verdict.messages.append(clip(say("check.not_plain", function=function, what=call.not_plain), MAX_MESSAGE))
        return verdict
    verdict.output, verdict.returned, verdict.expected = call.output, True, expected
    differences = []
    if call.args_after is None:
        # Fail closed: inputs that cannot be checked earn nothing.
        differences.append(Difference("input", "unchecked", say("check.inputs_unchecked", function=function,
                                                                problem=call.args_problem)))
    else:
        mutation = _mutation(assignment, function, call.args_before, call.args_after)
        if mutation is not None:
            verdict.mutated = True
            differences.append(mutation)
    # Inputs first: a long list of output differences must not hide that the inputs changed.
    differences += compare_outputs(assignment, function, call.output, expected)
    verdict.passed = not differences
    verdict.differences = differences[:MAX_DIFFERENCES]
    verdict.messages = [clip(d.message, MAX_MESSAGE) for d in verdict.differences]
    if len(differences) > MAX_DIFFERENCES:
        verdict.messages.append(say("check.more_differences", count=len(differences) - MAX_DIFFERENCES))
    return verdict


def generic_hints(assignment, function, verdicts):
    """The hints for the differences found, each once, in order of first appearance."""
    hints = []
    for verdict in verdicts:
        for difference in verdict.differences:
            hint = hint_for(assignment, function, difference.where, difference.kind)
            if hint and hint not in hints:
                hints.append(hint)
    return hints


def match_mistakes(assignment, function, verdicts, mistakes):
    """The catalogued mistakes that explain the failed cases, most likely first.

    mistakes: {id: {"title", "hint", "mutates_inputs", "outputs": {case name: output}}}, what each
    mistake returns on the cases of ``verdicts`` (a case is left out where the mistake raised).
    A mistake matches when, on every failed case, it does what the student did: the same output
    and the same in-place change of the inputs, or it raises where the student raised. At least
    one failed case must have an output (raising alone names nothing). Mistakes that agree with
    the student on more of the passed cases come first, then catalogue order."""
    failed = [v for v in verdicts if not v.passed]
    if not any(v.returned for v in failed):
        return []

    def agrees(mistake, verdict):
        outputs = mistake["outputs"]
        if not verdict.returned:
            return verdict.raised is not None and verdict.name not in outputs
        if verdict.name not in outputs or verdict.mutated != bool(mistake["mutates_inputs"]):
            return False
        return not compare_outputs(assignment, function, verdict.output, outputs[verdict.name])

    found = []
    for order, (mistake_id, mistake) in enumerate(mistakes.items()):
        if all(agrees(mistake, v) for v in failed):
            score = sum(agrees(mistake, v) for v in verdicts if v.passed)
            title, hint = assignment.mistake_text(function, mistake_id, mistake["title"], mistake["hint"])
            found.append((-score, order, KnownMistake(mistake_id, title, hint)))
    return [mistake for *_, mistake in sorted(found, key=lambda item: item[:2])]


# --- symptoms: naming a misconception the catalogue does not know --------------------------------

def _leaves(value, path, out):
    """{path: float array} of every numeric leaf of ``value`` (dicts, tuples and lists walked)."""
    if isinstance(value, dict):
        for key, item in value.items():
            _leaves(item, f"{path}[{key!r}]", out)
    elif isinstance(value, (tuple, list)) and not (value and all(isinstance(v, (int, float)) for v in value)):
        for i, item in enumerate(value):
            _leaves(item, f"{path}[{i}]", out)
    else:
        try:
            array = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            return
        if array.size and np.isfinite(array).all():
            out[path] = array
    return out


def _named_leaves(assignment, function, value):
    names = assignment.function(function).outputs
    if isinstance(names, str):
        return _leaves(value, names, {})
    out = {}
    if isinstance(value, (tuple, list)) and len(value) == len(names):
        for name, item in zip(names, value):
            _leaves(item, name, out)
    return out


def _close(a, b):
    return a.shape == b.shape and np.allclose(a, b, rtol=1e-6, atol=1e-9)


_LAYER = re.compile(r"\d+")


def _symptoms(assignment, function, verdict):
    """{(kind, path): detail} of relations between one failed case's output and the expected one."""
    actual = _named_leaves(assignment, function, verdict.output)
    expected = _named_leaves(assignment, function, verdict.expected)
    found = {}
    for path, e in expected.items():
        a = actual.get(path)
        if a is None or _close(a, e):
            continue
        if a.shape == e.shape:
            if not a.any() and e.any():
                found["zero", path] = ""
                continue
            scale = float((a * e).sum() / (e * e).sum()) if (e * e).sum() else 0.0
            if scale and not np.isclose(scale, 1.0) and _close(a, scale * e):
                kind = "sign" if np.isclose(scale, -1.0) else "factor"
                # Any number is a multiple of another: where an output is one number, only the
                # same factor in every failed case, and more than one of them, is a symptom.
                found[kind, path] = f"{scale:.4g}" if e.size > 1 else ("one number", f"{scale:.4g}")
                continue
            if path.startswith("cost") and a.ndim == 1 and a.size > 1 and np.allclose(a, a[0]) and not np.allclose(e, e[0]):
                found["constant", path] = ""
                continue
            if a.ndim == 2 and a.shape[0] == a.shape[1] > 1 and _close(a, e.T):  # a square one keeps its shape
                found["transpose", path] = ""
                continue
        elif e.ndim == 2 and a.shape == e.T.shape and _close(a, e.T):
            found["transpose", path] = ""
            continue
        elif a.ndim == 1 and e.ndim == 2 and 1 in e.shape and _close(a, e.ravel()):
            found["rank1", path] = say("symptom.instead_of", actual=a.shape, expected=e.shape)
            continue
        elif a.ndim == 2 and e.ndim == 2 and 1 in e.shape and e.size > 1 and a.shape == (e.size, e.size):
            found["broadcast", path] = say("symptom.instead_of", actual=a.shape, expected=e.shape)
            continue
        elif a.ndim == e.ndim == 1 and path.startswith("cost") and a.size != e.size:
            found["recorded", path] = say("symptom.values_instead_of", actual=a.size, expected=e.size)
            continue
        for other, value in expected.items():
            if other != path and _close(a, value):
                shift = [int(x) - int(y) for x, y in zip(_LAYER.findall(other), _LAYER.findall(path))]
                if _LAYER.sub("#", other) == _LAYER.sub("#", path) and len(set(shift)) == 1 and shift[0]:
                    found["shift", _LAYER.sub("#", path)] = f"{shift[0]:+d}"
                else:
                    found["other", path] = other
                break
    return found


# The relations, most specific first; each is named and hinted by the messages "symptom.<kind>.title"
# and "symptom.<kind>.hint" (placeholders {path} and {detail}).
_SYMPTOMS = ("zero", "sign", "factor", "transpose", "rank1", "broadcast", "shift", "other", "constant", "recorded")


def recognise_symptoms(assignment, function, verdicts):
    """When no catalogued mistake matches: a misconception named from a relation between the
    student's outputs and the expected ones that holds on every failed case with an output (a
    sign, a factor, a transpose, layers shifted, another quantity, zeros, a flat cost curve)."""
    failed = [v for v in verdicts if not v.passed]
    if not failed or not all(v.returned and v.expected is not None for v in failed):
        return []
    found = [_symptoms(assignment, function, verdict) for verdict in failed]
    common = set.intersection(*(set(symptoms) for symptoms in found))
    for kind in _SYMPTOMS:  # in order of how specific they are
        for key in sorted(k for k in common if k[0] == kind):
            details = [symptoms[key] for symptoms in found]
            factors = {d[1] if isinstance(d, tuple) else d for d in details}
            if any(isinstance(d, tuple) for d in details) and (len(factors) > 1 or len(failed) < 2):
                continue  # a factor seen only on single numbers, and not the same in several cases
            if kind in ("sign", "factor"):
                detail = factors.pop() if len(factors) == 1 else say("symptom.factor.each_case")
            else:
                detail = details[0]
            title, hint = (say(f"symptom.{kind}.{part}", path=key[1], detail=detail) for part in ("title", "hint"))
            return [KnownMistake(f"symptom-{kind}", title, hint)]
    return []


# --- probes: what the student's function does with other inputs ---------------------------------

PROBE_FACTORS = (1.25, 1.75)  # every entry of a varied argument is scaled by a factor in this range


def _vary(value, rng):
    """``value`` with every float entry changed (scaled; a zero becomes 0.3), or None when it holds
    no float to change (strings, flags, layer sizes, counts)."""
    if isinstance(value, dict):
        varied = {key: _vary(item, rng) for key, item in value.items()}
        return None if all(v is None for v in varied.values()) else {
            key: value[key] if varied[key] is None else varied[key] for key in value}
    if isinstance(value, (tuple, list)):
        varied = [_vary(item, rng) for item in value]
        if all(v is None for v in varied):
            return None
        return type(value)(item if v is None else v for item, v in zip(value, varied))
    if isinstance(value, float) or (isinstance(value, np.ndarray) and value.dtype.kind == "f" and value.size):
        array = np.asarray(value, dtype=np.float64)
        changed = np.where(array == 0, 0.3, array * rng.uniform(*PROBE_FACTORS, size=array.shape))
        return float(changed) if isinstance(value, float) else changed.astype(value.dtype)
    return None


def probe_variants(assignment, function, args):
    """[(argument name, args with that one argument varied)]: the probes of one case."""
    names = assignment.function(function).arguments
    rng = np.random.RandomState(0)
    variants = []
    for i, value in enumerate(args):
        varied = _vary(copy.deepcopy(value), rng)
        if varied is not None:
            name = names[i] if i < len(names) else say("check.argument_n", number=i + 1)
            variants.append((name, (*args[:i], varied, *args[i + 1:])))
    return variants


@dataclass
class Probe:
    """How to probe a student's function beyond its cases (see recognise_probes).

    cases: (args, seed) of each verdict's case; run(list of args, seed) -> [Call]: the student's
    function called on each (in the notebook, or in the grader's sandbox); sensitive(index,
    variants) -> the names of the arguments whose variation changes the reference's output on
    that case (None: not known, and then no argument is said to be ignored)."""

    cases: list
    run: Callable
    sensitive: Callable


def recognise_probes(assignment, function, verdicts, probe):
    """A misconception named from what the student's function does on probes of its first failed
    case with an output: called again on the same inputs, it returns something else (random
    numbers drawn without the expected seed, or state kept between calls); or its output stays
    exactly the same when one argument changes that changes the reference's (a global, or a value
    written in, used instead of the argument)."""
    target = next((i for i, v in enumerate(verdicts) if not v.passed and v.returned), None)
    if target is None:
        return []
    args, seed = probe.cases[target]
    variants = probe_variants(assignment, function, args)
    # Twice in a row on the same inputs: a random draw moves the RNG between the two (unless the
    # case seeds it before each call, Case.seed, as the course's caller does).
    calls = probe.run([args, args] + [varied for _, varied in variants], seed)
    if len(calls) != len(variants) + 2 or not (calls[0].returned and calls[1].returned):
        return []
    first = calls[0].output
    if not identical(calls[1].output, first):
        return [KnownMistake("symptom-nondeterministic", say("symptom.nondeterministic.title"),
                             say("symptom.nondeterministic.hint", function=function))]
    unchanged = [name for (name, _), call in zip(variants, calls[2:]) if call.returned and identical(call.output, first)]
    sensitive = probe.sensitive(target, variants) if unchanged else None
    ignored = [name for name in unchanged if sensitive is not None and name in sensitive]
    if ignored:
        name = ignored[0]
        return [KnownMistake("symptom-ignored-argument", say("symptom.ignored.title", name=name),
                             say("symptom.ignored.hint", function=function, name=name))]
    return []


def name_mistake(assignment, function, verdicts, mistakes, probe=None):
    """The one rule for naming what went wrong: the catalogued mistakes first (most specific),
    then the relations between the outputs (they say which output is wrong and how), then the
    probes (when a Probe is given: what the function does, called again or on varied inputs)."""
    return (match_mistakes(assignment, function, verdicts, mistakes)
            or recognise_symptoms(assignment, function, verdicts)
            or (recognise_probes(assignment, function, verdicts, probe) if probe is not None else []))


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


@dataclass
class MessageGroup:
    """Messages alike but for their numbers (shapes, indices, layer numbers, values): ``message``
    is the first of them, ``cases`` the cases that gave any, ``count`` how many there were, and
    ``same`` whether they were all the very same text."""

    message: str
    cases: list
    count: int = 0
    same: bool = True

    def where(self, total):
        """Which cases, e.g. "every case", "cases course, hidden_1", or for messages only alike,
        "case course; alike in hidden_1", with "; 4 messages like it" when a case gave several."""
        if self.same or len(self.cases) == 1:
            if len(self.cases) == total and total > 1:
                text = say("check.every_case")
            else:
                text = say("check.case" if len(self.cases) == 1 else "check.cases", cases=", ".join(self.cases))
        else:
            first, others = self.cases[0], self.cases[1:]
            rest = say("check.every_other_case") if len(self.cases) == total and total > 2 else ", ".join(others)
            text = say("check.alike_in", first=first, rest=rest)
        return text if self.count <= len(self.cases) else say("check.messages_like_it", text=text, count=self.count)


def group_messages(verdicts):
    """[MessageGroup], in order of first appearance: each message once with the cases that gave it."""
    groups = {}
    for verdict in verdicts:
        for message in verdict.messages:
            group = groups.setdefault(_NUMBER.sub("#", message), MessageGroup(message, []))
            if verdict.name not in group.cases:
                group.cases.append(verdict.name)
            group.count += 1
            group.same &= message == group.message
    return list(groups.values())


def shown_mistakes(mistakes, notes):
    """The mistakes a report names: none of the symptoms when a note says a helper fails (the
    failing helper is the cause: its symptom here would only send the student astray)."""
    return [] if mistakes and notes and mistakes[0].id.startswith("symptom-") else mistakes


def report_lines(function, verdicts, mistakes, hints, notes=()):
    """The text of a check: a line per case, each message once, what the function printed, the
    notes, then the one hint: the likely mistake's, else the generic ones."""
    passed = sum(v.passed for v in verdicts)
    lines = [say("check.summary", function=function, passed=passed, total=len(verdicts))]
    lines += [f"  [{say('check.pass' if v.passed else 'check.fail')}] {v.name}: {v.about}" for v in verdicts]
    failed = [v for v in verdicts if not v.passed]
    for group in group_messages(failed):
        lines.append(f"  - {group.message} ({group.where(len(verdicts))})")
    for verdict in verdicts:
        if verdict.printed:
            lines.append("  " + say("check.printed", function=function, case=verdict.name))
            lines += [f"    | {line}" for line in verdict.printed.rstrip("\n").split("\n")]
    lines += ["  " + say("check.note", note=note) for note in notes]
    mistakes = shown_mistakes(mistakes, notes)
    if mistakes:
        lines += [lead_line(mistakes[0]), "  " + say("check.hint", hint=mistakes[0].hint)]
    elif failed and not notes:  # a note on a failing helper is the hint
        lines += ["  " + say("check.hint", hint=hint) for hint in hints[:2]]
    return lines


def lead_line(mistake):
    """"This looks like ...": a named symptom, or a catalogued ("known") mistake."""
    key = "check.looks_like" if mistake.id.startswith("symptom-") else "check.looks_like_known"
    return say(key, title=mistake.title)


def _notebook_frame(error):
    """(function name, "line N: code") of the innermost frame of the student's notebook that
    ``error`` passed through; ("", "") when none did. The function name is "" at a cell's top level."""
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if "ipykernel" in f.filename or f.filename.startswith("<")]
    if not frames:
        return "", ""
    frame = frames[-1]
    where = (say("check.line_code", number=frame.lineno, code=frame.line.strip()) if frame.line
             else say("check.line", number=frame.lineno))
    return ("" if frame.name == "<module>" else frame.name), where


def call_here(function_name, function, args, seed=None):
    """Call the student's ``function`` on ``args`` in this process (numpy's global RNG seeded
    first when ``seed`` is given: Case.seed): the Call it made."""
    pristine = copy.deepcopy(args)
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            output = seeded_call(function, args, seed)
    except Exception as error:  # the student's code may raise anything
        raised_in, where = _notebook_frame(error)
        text = describe_error(function_name, type(error).__name__, str(error), raised_in or None, where)
        return Call(pristine, error=type(error).__name__, error_text=text, printed=printed.getvalue())
    return Call(pristine, output, args_after=list(args), printed=printed.getvalue())


def failing_dependencies(assignment, function_name, function):
    """The graded functions ``function`` calls, as the student defined them beside it, that fail
    their own public cases: a failure here may be theirs (the grader, which gives independent
    credit, runs the reference ones instead)."""
    defined = getattr(function, "__globals__", {})
    failing = []
    for name in assignment.function(function_name).depends_on:
        helper = defined.get(name)
        if not callable(helper):
            continue
        expected = assignment.expected_outputs
        cases = assignment.public_cases(name)
        if not all(evaluate_case(assignment, case, expected[case.key], call_here(name, helper, case.build(), case.seed)).passed
                   for case in cases):
            failing.append(name)
    # Only the first link of a chain: when a helper fails because a helper of its own does, that
    # one is the thing to fix.
    return [name for name in failing if not set(assignment.function(name).depends_on) & set(failing)]


def _in_a_kernel():
    """Is this a Jupyter kernel, which shows HTML (not a terminal, nor a notebook run without one)?"""
    import sys

    shell = sys.modules["IPython"].get_ipython() if "IPython" in sys.modules else None
    return shell is not None and getattr(shell, "kernel", None) is not None


def checker(assignment):
    """The ``check(function_name, function)`` of a notebook's check cells for ``assignment``."""

    def check(function_name, function, verbose=True):
        """Run every public case of ``function_name`` on ``function`` and print the report.

        Returns nothing (so a notebook shows no Out[] under the report); raises CheckFailed if
        any case failed."""
        cases = assignment.public_cases(assignment.function(function_name).name)
        expected = assignment.expected_outputs
        verdicts = [evaluate_case(assignment, case, expected[case.key], call_here(function_name, function, case.build(), case.seed))
                    for case in cases]

        probe = Probe([(case.build(), case.seed) for case in cases],
                      lambda args_list, seed: [call_here(function_name, function, args, seed) for args in args_list],
                      lambda index, variants: assignment.probe_sensitivity.get(cases[index].key))
        mistakes = name_mistake(assignment, function_name, verdicts, assignment.known_mistakes.get(function_name, {}), probe)
        failed = sum(not v.passed for v in verdicts)
        notes = [say("check.helper_fails", helper=name, function=function_name)
                 for name in (failing_dependencies(assignment, function_name, function) if failed else [])]
        hints = generic_hints(assignment, function_name, verdicts)
        text = "\n".join(report_lines(function_name, verdicts, mistakes, hints, notes) + ([] if failed else [say("check.all_passed")]))
        if verbose and _in_a_kernel():
            from IPython.display import display

            from .rich import report_html

            html = report_html(function_name, verdicts, shown_mistakes(mistakes, notes), hints, notes,
                               group_messages([v for v in verdicts if not v.passed]),
                               lambda output: _named_leaves(assignment, function_name, output))
            display({"text/html": html, "text/plain": text}, raw=True)
        elif verbose:
            print(text)
        if failed:
            raise CheckFailed(say("check.failed", function=function_name, failed=failed, total=len(cases)))

    return check
