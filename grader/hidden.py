"""The hidden part of each check cell in the source notebooks (nbgrader strips it from the
student release): ``hidden_check("linear_forward", linear_forward)``.

Runs randomised cases compared with the reference computed now. The seed comes from the
GRADER_SEED environment variable, else it is drawn at random; it is printed so the result can be
reproduced.
"""

import os
import secrets

from dnn_utils.checks import CheckFailed, PASS, run_case

from .hidden_cases import hidden_cases
from .reference import reference_output

SEED_ENV = "GRADER_SEED"


def hidden_check(function_name, function, seed=None, count=4):
    if seed is None:
        seed = int(os.environ.get(SEED_ENV) or secrets.randbelow(2**31 - 1))
    failures = []
    for case in hidden_cases(function_name, seed, count):
        report = run_case(function_name, function, case, reference_output(case))
        if report.status != PASS:
            failures.append((case, report.lines))
    print(f"hidden checks of {function_name} (seed {seed}): {count - len(failures)} of {count} passed")
    for case, lines in failures:
        print(f"  [FAIL] {case.about}")
        print("\n".join(f"         {line}" for line in lines))
    if failures:
        raise CheckFailed(f"{function_name} failed {len(failures)} of {count} hidden cases")
