"""How often is a wrong function's misconception named? ``python benchmarks/diagnosis.py``

Two sets, each run as a student's function on the public and hidden cases (seed 7) through the
one naming rule of the check cells and the grader (testCases.checks.name_mistake):

  catalogue   every catalogued mistake of every assignment: is it named, and named as itself?
  generated   the reference with one symptom applied to one output: a factor (-1, 2, 0.5, 10),
              a transpose, zeros, a rank-1 array or a row broadcast with a column (for a row or
              column output), or (for dicts of layers) every layer's value moved to the next
              layer's key; or to its behaviour: a float argument replaced by a constant (a rate
              written in) or an array argument by zeros (a term left out), or a random draw added
              to an output: is a misconception named, and is it the right one (that symptom, or a
              catalogued mistake that does exactly what the variant does)?

Prints the counts and the share named rightly per set, and the variants left unnamed.
"""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from grader.grading.assignments import assignment_ids, load_spec  # noqa: E402
from grader.grading.cases import hidden_cases, reference_output  # noqa: E402
from grader.grading.diagnosis import diagnose  # noqa: E402
from testCases.checks import call_here, evaluate_case  # noqa: E402

SEED, HIDDEN = 7, 3
FACTORS = (-1.0, 2.0, 0.5, 10.0)


def cases_of(spec, function):
    return list(spec.declaration.public_cases(function)) + hidden_cases(spec, function, SEED, HIDDEN)


def named(spec, function, implementation):
    cases = cases_of(spec, function)
    with np.errstate(all="ignore"):
        verdicts = [evaluate_case(spec.declaration, c, reference_output(spec, c), call_here(function, implementation, c.build(), c.seed))
                    for c in cases]
    if all(v.passed for v in verdicts):
        return None
    def run(args_list, seed):  # the probes, as the check cells and the sandbox run them
        with np.errstate(all="ignore"):
            return [call_here(function, implementation, args, seed) for args in args_list]

    found = diagnose(spec, function, verdicts, [c.build() for c in cases], [c.seed for c in cases], run)
    return found[0] if found else ""


def _map_leaf(output, names, target, change):
    """``output`` with the leaf named ``target`` (an output name, or a dict key inside one) changed."""
    if isinstance(names, str):
        names, output, single = (names,), (output,), True
    else:
        single = False
    out = []
    for name, value in zip(names, output):
        if name == target:
            value = change(value)
        elif isinstance(value, dict) and target in value:
            value = {**value, target: change(value[target])}
        out.append(value)
    return out[0] if single else tuple(out)


def always_a_row_or_column(spec, function, target):
    """Is output (or dict key) ``target`` of ``function`` a row or a column on every case?"""
    names = spec.declaration.function(function).outputs
    for case in cases_of(spec, function):
        output = reference_output(spec, case)
        for name, value in zip((names,) if isinstance(names, str) else names, (output,) if isinstance(names, str) else output):
            leaf = value.get(target) if isinstance(value, dict) else value if name == target else None
            if leaf is not None and (np.ndim(leaf) != 2 or 1 not in np.shape(leaf)):
                return False
    return True


def generated_variants(spec, function):
    """[(label, implementation, expected symptom kind)] for one graded function."""
    graded = spec.declaration.function(function)
    reference = spec.reference(function)
    sample = reference_output(spec, spec.declaration.public_cases(function)[0])
    names = graded.outputs
    leaves = {}
    for name, value in zip((names,) if isinstance(names, str) else names, (sample,) if isinstance(names, str) else sample):
        if isinstance(value, dict):
            leaves.update({key: item for key, item in value.items() if isinstance(item, np.ndarray)})
        elif isinstance(value, np.ndarray) or np.isscalar(value):
            leaves[name] = np.asarray(value)
    variants = []

    def make(target, change):
        return lambda *args: _map_leaf(reference(*args), names, target, change)

    for target, value in leaves.items():
        for factor in FACTORS:
            kind = "sign" if factor == -1 else "factor"
            variants.append((f"{target} x {factor:g}", make(target, lambda v, k=factor: v * k), kind))
        if value.ndim == 2 and value.shape[0] != value.shape[1]:
            variants.append((f"{target} transposed", make(target, lambda v: v.T), "transpose"))
        if value.size > 1:
            variants.append((f"{target} zeros", make(target, np.zeros_like), "zero"))
        if value.ndim == 2 and 1 in value.shape and value.size > 1 and always_a_row_or_column(spec, function, target):
            variants.append((f"{target} rank-1", make(target, np.ravel), "rank1"))
            variants.append((f"{target} broadcast", make(target, lambda v: v + v.T - v.T), "broadcast"))
    arguments = spec.declaration.public_cases(function)[0].build()
    for i, (argument, value) in enumerate(zip(graded.arguments, arguments)):
        if isinstance(value, float):  # a rate written in
            variants.append((f"{argument} ignored", lambda *args, i=i: reference(*args[:i], 0.0123, *args[i + 1:]),
                             "ignored-argument"))
        elif isinstance(value, np.ndarray) and value.dtype.kind == "f":  # a term left out
            variants.append((f"{argument} left out", lambda *args, i=i: reference(*args[:i], np.zeros_like(args[i]),
                                                                                 *args[i + 1:]), "ignored-argument|zero"))

    def noisy(*args):  # a random draw nobody seeded (fresh entropy: a reference or its caller may seed)
        noise = 1e-3 * np.random.default_rng().standard_normal()
        return _map_leaf(reference(*args), names, next(iter(leaves)), lambda v: v + noise)

    variants.append(("a random draw", noisy, "nondeterministic"))
    if isinstance(sample, dict) and any(key[-1].isdigit() for key in sample):
        def shifted(*args):
            out = reference(*args)
            return {k: out.get(k.rstrip("0123456789") + str(int(k[len(k.rstrip("0123456789")):]) + 1), v)
                    if k[-1].isdigit() else v for k, v in out.items()}
        variants.append(("layers shifted", shifted, "shift"))
    return variants


def measure():
    """{"catalogue": (right, named, total, misses), "generated": (...)}."""
    results = {}
    right = hits = total = 0
    misses = []
    for assignment in assignment_ids():
        spec = load_spec(assignment)
        for function, mistakes in spec.mistakes.items():
            for mistake in mistakes:
                total += 1
                found = named(spec, function, mistake.implementation)
                hits += bool(found)
                right += bool(found) and found.id == mistake.id
                if not (found and found.id == mistake.id):
                    misses.append(f"{function}:{mistake.id} -> {found and found.id}")
    results["catalogue"] = (right, hits, total, misses)
    right = hits = total = 0
    misses = []
    for assignment in assignment_ids():
        spec = load_spec(assignment)
        for function in spec.functions:
            if spec.declaration.function(function).hidden_cases < 6:
                continue  # the trained models: a symptom of their outputs is not one of their code
            for label, implementation, kind in generated_variants(spec, function):
                found = named(spec, function, implementation)
                if found is None:
                    continue  # the variant is not wrong on these cases (a factor of a zero output)
                total += 1
                hits += bool(found)
                # "a|b": either name is true of the variant (an argument left out may leave an output at zero)
                good = bool(found) and (found.id in {f"symptom-{k}" for k in kind.split("|")}
                                        or not found.id.startswith("symptom-"))
                right += good
                if not good:
                    misses.append(f"{function}: {label} -> {found and found.id}")
    results["generated"] = (right, hits, total, misses)
    return results


def main():
    for name, (right, hits, total, misses) in measure().items():
        print(f"{name:10} {total} wrong functions: named {hits} ({hits / total:.1%}), named rightly {right} "
              f"({right / total:.1%})")
        for miss in misses[:20]:
            print(f"    not named rightly: {miss}")


if __name__ == "__main__":
    main()
