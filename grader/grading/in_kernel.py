"""The hidden part of each check cell of a source notebook, run by nbgrader's own ``autograde``
inside the student's kernel: ``hidden_check("<assignment>", "<function>", <function>)`` (nbgrader
strips it from the student release).

UNSANDBOXED: this path runs the student's code in the kernel nbgrader starts, with the reference
importable beside it, so a hostile notebook can read or forge anything there. Use it for trusted
notebooks (our own source, tests of the nbgrader workflow). ``python -m grader autograde`` is the
secure path, and differs from this one:

- cases: here, ``count`` hidden cases drawn from one seed for the whole class (GRADER_SEED, else
  random, printed); there, per-student cases drawn from the run's seed and the student's id;
- partial credit: here a cell passes only if every case passes (nbgrader gives all or nothing);
  there, points x the fraction of hidden cases passed;
- independent credit: here the student's own helper functions are called; there, the reference
  replaces the graded functions a function depends on, so one mistake costs points once.

Both use the same case evaluator and report (testCases.checks).
"""

import os
import secrets

from testCases.checks import CheckFailed, call_here, evaluate_case, report_lines

from .assignments import load_spec
from .cases import hidden_cases, reference_output

SEED_ENV = "GRADER_SEED"


def hidden_check(assignment, function_name, function, seed=None, count=4):
    """Run ``count`` hidden cases of ``function_name`` on ``function``; print a report and raise
    CheckFailed if any failed."""
    spec = load_spec(assignment)
    if seed is None:
        seed = int(os.environ.get(SEED_ENV) or secrets.randbelow(2**31 - 1))
    verdicts = []
    for case in hidden_cases(spec, function_name, seed, count):
        expected = reference_output(spec, case)
        verdicts.append(evaluate_case(spec.declaration, case, expected, call_here(function_name, function, case.build(), case.seed)))
    failed = sum(not v.passed for v in verdicts)
    print(f"hidden checks of {function_name} (seed {seed}): {count - failed} of {count} passed")
    if failed:
        print("\n".join(report_lines(function_name, verdicts, [], [])[1:]))
        raise CheckFailed(f"{function_name} failed {failed} of {count} hidden cases")
