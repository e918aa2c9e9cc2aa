"""Regenerate testCases/expected/*.npz (expected outputs of the public cases, and what the
catalogued mistakes return on them) from the reference: ``python -m testCases.generate``."""

from dnn_utils.plain import save

from .cases import ASSIGNMENTS, EXPECTED_DIR


def public_mistake_data(assignment):
    """What the catalogued mistakes return on the public cases (the release ships this data)."""
    from grader.mistakes import public_mistake_data as data

    return data(assignment)


def compute(assignment):
    """{case key: reference output} for every case of ``assignment``."""
    from grader.reference import reference_output

    return {case.key: reference_output(case) for case in ASSIGNMENTS[assignment]}


def main():
    EXPECTED_DIR.mkdir(exist_ok=True)
    for assignment in ASSIGNMENTS:
        path = EXPECTED_DIR / f"{assignment}.npz"
        save(path, compute(assignment))
        print(f"wrote {path}")
        path = EXPECTED_DIR / f"mistakes_{assignment}.npz"
        save(path, public_mistake_data(assignment))
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
