"""Regenerate testCases/expected/*.npz from the reference solutions: ``python -m testCases.generate``."""

import contextlib
import io

from dnn_utils.plain import dumps

from .cases import ASSIGNMENTS, EXPECTED_DIR


def reference_function(assignment, function):
    if assignment == "dnn_step_by_step":
        from source_solutions import dnn_step_by_step as module
    else:
        from source_solutions import dnn_application as module
    return getattr(module, function)


def compute(assignment):
    """{case key: reference output} for every case of ``assignment``."""
    outputs = {}
    for case in ASSIGNMENTS[assignment]:
        with contextlib.redirect_stdout(io.StringIO()):
            outputs[case.key] = reference_function(assignment, case.function)(*case.build())
    return outputs


def encoded(assignment):
    return dumps(compute(assignment))


def main():
    EXPECTED_DIR.mkdir(exist_ok=True)
    for assignment in ASSIGNMENTS:
        path = EXPECTED_DIR / f"{assignment}.npz"
        path.write_bytes(encoded(assignment))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
