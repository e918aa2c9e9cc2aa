"""``python -m grader expected``: regenerate every assignment's testCases/<id>/expected/ from the
reference: the expected outputs of the public cases (outputs.npz), what the catalogued mistakes
return on them (mistakes.npz) and which arguments change the reference's output when varied
(probes.npz), as plain data the release ships."""

from dnn_utils.plain import save

from ..grading.assignments import assignment_ids, load_spec
from ..grading.cases import reference_output
from ..grading.diagnosis import public_mistake_data, public_probe_data


def expected_outputs(spec):
    """{case key: reference output} for every public case of ``spec``."""
    return {case.key: reference_output(spec, case) for case in spec.declaration.cases}


def write_expected(assignments=None):
    written = []
    for assignment in assignments or assignment_ids():
        spec = load_spec(assignment)
        folder = spec.declaration.expected_dir
        folder.mkdir(exist_ok=True)
        save(folder / "outputs.npz", expected_outputs(spec))
        save(folder / "mistakes.npz", public_mistake_data(spec))
        save(folder / "probes.npz", public_probe_data(spec))
        written += [folder / name for name in ("outputs.npz", "mistakes.npz", "probes.npz")]
    return written
