"""The cases a graded function is run on, with the expected outputs: the public ones (the
notebook's check; stored expected outputs) and randomised hidden ones drawn per student from one
seed, so that a grade can be reproduced (expected outputs from the reference, computed here)."""

import contextlib
import io
from dataclasses import dataclass
from functools import lru_cache

from testCases.assignment import GLOBAL_RNG_LOCK, Case, case_rng, seeded_call


@dataclass(frozen=True)
class GradingCase:
    """A case as the grader uses it: its arguments, built once and never changed (a sandbox gets
    a copy), the expected output, and whether it counts towards the score."""

    case: Case
    args: tuple
    expected: object
    scored: bool


def hidden_cases(spec, function, seed, count=None):
    """``count`` random cases of ``function`` (default: as declared) drawn from ``seed``."""
    count = spec.declaration.function(function).hidden_cases if count is None else count
    rng = case_rng(seed)  # used up before any case is built (builds re-seed it)
    cases = []
    for i in range(count):
        about, build, case_seed = spec.draw_case(function, rng)
        cases.append(Case(function, f"hidden_{i + 1}", about, build, hidden=True, seed=case_seed))
    return cases


def reference_output(spec, case, args=None):
    """What the reference returns for ``case`` (its printing silenced)."""
    with GLOBAL_RNG_LOCK, contextlib.redirect_stdout(io.StringIO()):
        return seeded_call(spec.reference(case.function), case.build() if args is None else args, case.seed)


@lru_cache(maxsize=32)
def autograde_cases(spec, function, seed):
    """Public cases (reported) and hidden randomised cases (scored) with their expected outputs.

    ``seed`` is one student's (submission_seed): the cases and the reference's outputs on them
    are computed once per student and function, a few milliseconds."""
    public = spec.declaration.expected_outputs
    cases = [GradingCase(c, c.build(), public[c.key], False) for c in spec.declaration.public_cases(function)]
    for case in hidden_cases(spec, function, seed):
        args = case.build()
        cases.append(GradingCase(case, args, reference_output(spec, case), True))
    return tuple(cases)


@lru_cache(maxsize=256)
def public_cases(spec, function, seed=None):
    """Only the public cases, scored: what a student can check locally."""
    public = spec.declaration.expected_outputs
    return tuple(GradingCase(c, c.build(), public[c.key], True) for c in spec.declaration.public_cases(function))
