"""Regenerate testCases/expected/*.npz from the reference solutions: ``python -m testCases.generate``."""

from dnn_utils.plain import dumps

from .cases import ASSIGNMENTS, EXPECTED_DIR


def compute(assignment):
    """{case key: reference output} for every case of ``assignment``."""
    from grader.reference import reference_output

    return {case.key: reference_output(case) for case in ASSIGNMENTS[assignment]}


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
