"""The grade table printed at the end of a run."""


def grade_table(rows, functions):
    """A plain-text table: one line per student, a column per function, the total."""
    students = {}
    for student, _, item, score, max_score, status in rows:
        students.setdefault(student, {})[item] = (score, max_score, status)
    short = [f[:10] for f in functions]
    lines = [f"{'student':<24}" + "".join(f"{s:>11}" for s in short) + f"{'total':>9}"]
    for student, items in sorted(students.items()):
        cells, total, maximum = [], 0.0, 0.0
        for function in functions:
            score, max_score, status = items.get(function, (0, 0, "missing"))
            total, maximum = total + score, maximum + max_score
            cells.append(f"{score:g}" if status == "passed" else f"{score:g} {status[:4]}")
        lines.append(f"{student[:23]:<24}" + "".join(f"{c:>11}" for c in cells) + f"{f'{total:g}/{maximum:g}':>9}")
    return "\n".join(lines)
