"""Naming a mistake: run an assignment's catalogued mistakes (testCases/<id>/hidden/mistakes.py)
on the cases a student was graded on, then apply the one matching rule of the check cells
(testCases.checks.match_mistakes) to what the student's code did.

The same data, computed on the public cases, is what the release ships for the notebook's checks
(``public_mistake_data``): titles, hints and outputs, never code.
"""

import contextlib
import copy
import hashlib
import io
import logging
import pickle
import threading
import warnings
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from dnn_utils.compare import identical
from testCases.assignment import GLOBAL_RNG_LOCK, seeded_call
from testCases.checks import Probe, name_mistake, probe_variants

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    """What one call did: its output (None if it raised), whether it raised, whether it changed its args."""

    output: object
    raised: bool
    mutated: bool


def run_quietly(implementation, args, seed=None):
    """Call ``implementation`` on a deep copy of ``args``, silenced (numpy's global RNG seeded
    first when ``seed`` is given: Case.seed); never raises.

    The global numpy RNG state is restored afterwards (under GLOBAL_RNG_LOCK, so threads take
    turns); numpy's floating-point warnings are off."""
    call_args = copy.deepcopy(args)
    pristine = copy.deepcopy(args)
    with GLOBAL_RNG_LOCK:
        state = np.random.get_state()
        try:
            with contextlib.redirect_stdout(io.StringIO()), np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                output = seeded_call(implementation, call_args, seed)
        except Exception:
            return Outcome(None, True, False)
        finally:
            np.random.set_state(state)
    return Outcome(output, False, not identical(list(call_args), list(pristine)))


_MEMO: OrderedDict = OrderedDict()
_MEMO_SIZE = 4096
_MEMO_LOCK = threading.Lock()


def _fingerprint(args):
    try:
        return hashlib.sha256(pickle.dumps(args, protocol=4)).hexdigest()
    except Exception:  # our own case arguments: plain data, but never let a memo key fail a grade
        return None


def mistake_outcome(assignment, function, mistake, args, seed=None):
    """run_quietly of ``mistake`` on ``args``, memoised: the same cases come back for every student."""
    fingerprint = _fingerprint(args)
    if fingerprint is None:
        return run_quietly(mistake.implementation, args, seed)
    key = (assignment, function, mistake.id, fingerprint, seed)
    with _MEMO_LOCK:
        if key in _MEMO:
            _MEMO.move_to_end(key)
            return _MEMO[key]
    outcome = run_quietly(mistake.implementation, args, seed)
    with _MEMO_LOCK:
        _MEMO[key] = outcome
        while len(_MEMO) > _MEMO_SIZE:
            _MEMO.popitem(last=False)
    return outcome


class MistakeOutputs(Mapping):
    """{case name: output} of one mistake, each run only when first asked for (matching stops at
    the first case where a mistake disagrees with the student); a case where it raised is absent."""

    def __init__(self, spec, function, mistake, cases):
        self._run = lambda call: mistake_outcome(spec.assignment, function, mistake, *call)
        self._args = {name: (args, seed) for name, args, seed in cases}
        self._outcomes = {}  # matching asks `name in` then `[name]`: one run (and one fingerprint) each

    def _outcome(self, name):
        if name not in self._outcomes:
            self._outcomes[name] = self._run(self._args[name])
        return self._outcomes[name]

    def __getitem__(self, name):
        outcome = self._outcome(name)
        if outcome.raised:
            raise KeyError(name)
        return outcome.output

    def __iter__(self):
        return (name for name in self._args if name in self)

    def __len__(self):
        return sum(1 for _ in self)

    def __contains__(self, name):
        return name in self._args and not self._outcome(name).raised


def mistake_data(spec, function, cases):
    """{mistake id: {"title", "hint", "mutates_inputs", "outputs": {case name: output}}} of the
    catalogued mistakes of ``function`` on ``cases`` [(case name, args, seed)]; a case is left out
    where the mistake raised. The shape testCases.checks.match_mistakes reads; the outputs are
    computed as they are read."""
    return {
        mistake.id: {"title": mistake.title, "hint": mistake.hint, "mutates_inputs": mistake.mutates_inputs,
                     "outputs": MistakeOutputs(spec, function, mistake, cases)}
        for mistake in spec.mistakes.get(function, ())
    }


def sensitive_arguments(spec, function, args, seed, variants):
    """The names of ``variants`` [(argument name, args)] on which the reference's output differs
    from its output on ``args`` (testCases.checks.Probe.sensitive)."""
    reference = spec.reference(function)
    original = run_quietly(reference, args, seed)
    if original.raised:
        return None
    return [name for name, varied in variants
            if not (outcome := run_quietly(reference, varied, seed)).raised and not identical(outcome.output, original.output)]


def diagnose(spec, function, verdicts, args, seeds=None, run=None):
    """The catalogued mistakes (KnownMistake) that explain ``verdicts``, most likely first, else
    what the probes or the relations between the outputs show (testCases.checks.name_mistake).

    verdicts: testCases.checks.CaseVerdict per case; args: the arguments of each case; seeds:
    each case's Case.seed (default: none); run(list of args, seed) -> [Call]: the student's
    function called again (in its sandbox), for the probes; none without it. A failure here is
    logged, never raised: a diagnosis is a bonus and must not cost a grade."""
    try:
        seeds = [None] * len(verdicts) if seeds is None else seeds
        cases = [(verdict.name, case_args, seed) for verdict, case_args, seed in zip(verdicts, args, seeds)]
        probe = None if run is None else Probe(
            list(zip(args, seeds)), run, lambda index, variants: sensitive_arguments(spec, function, args[index],
                                                                                     seeds[index], variants))
        return name_mistake(spec.declaration, function, verdicts, mistake_data(spec, function, cases), probe)
    except Exception:
        log.exception("diagnosis of %s (%s) failed", function, spec.assignment)
        return []


def public_probe_data(spec):
    """{case key: [argument names]}: Probe.sensitive of every public case, as plain data for the
    check cells (testCases.assignment.Assignment.probe_sensitivity)."""
    data = {}
    for case in spec.declaration.cases:
        args = case.build()
        variants = probe_variants(spec.declaration, case.function, args)
        data[case.key] = sensitive_arguments(spec, case.function, args, case.seed, variants) or []
    return data


def public_mistake_data(spec):
    """{function: mistake_data on its public cases}, as plain data: what the release ships for the
    check cells."""
    data = {}
    for function in spec.functions:
        cases = [(case.name, case.build(), case.seed) for case in spec.declaration.public_cases(function)]
        data[function] = {mistake_id: dict(entry, outputs=copy.deepcopy(dict(entry["outputs"])))
                          for mistake_id, entry in mistake_data(spec, function, cases).items()}
    return data
