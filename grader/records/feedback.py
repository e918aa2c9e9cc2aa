"""Feedback for a student: JSON for machines, HTML for the student, text for the terminal.

It holds outcomes, what differed, named mistakes, hints and seeds; never the hidden checks'
code or the reference solutions.
"""

import html
import json
import math
import sys
from pathlib import Path

from testCases.checks import group_messages

from .store import atomic_write

SYMBOL = {"passed": "PASS", "failed": "FAIL", "error": "ERROR", "timeout": "TIMEOUT", "missing": "MISSING"}


def _json_safe(value):
    """Standard JSON only: non-finite numbers become null, numpy numbers Python ones, anything
    else short text."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (TypeError, ValueError):
            return str(value)[:100]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    return str(value)[:100]


def as_json(result):
    return json.dumps(_json_safe(result.as_dict()), indent=2, sort_keys=True, allow_nan=False)


def _failing(item):
    return [c for c in item.cases if not c.passed]


def _kind(case):
    return "hidden" if case.hidden else "public"


def _item_lines(item):
    lines = [f"[{SYMBOL[item.status]}] {item.item}: {item.score:g} / {item.max_score:g}"]
    failing = _failing(item)
    for case in failing:
        lines.append(f"    {_kind(case)} case {case.name}: {case.about}")
    for group in group_messages(failing):
        lines.append(f"    - {group.message} ({group.where(len(item.cases))})")
    if item.printed:
        lines.append(f"    {item.item} printed (case {item.printed_case}):")
        lines += [f"      | {line}" for line in item.printed.rstrip(chr(10)).split(chr(10))[:20]]
    for mistake in item.mistakes:
        lines.append(f"    likely mistake: {mistake['title']}")
        lines.append(f"    hint: {mistake['hint']}")
    if not item.mistakes and item.status != "passed":
        lines += [f"    hint: {hint}" for hint in item.hints[:2]]
    lines += [f"    note: {message}" for message in item.messages]
    return lines


def as_text(result):
    cases = [case for item in result.items for case in item.cases]
    if any(case.hidden for case in cases):
        graded_on = f" (hidden cases seed {result.seed})"
    else:
        graded_on = " (public cases)" if cases else ""
    lines = [f"{result.assignment} for {result.student_id}: {result.score:g} / {result.max_score:g}{graded_on}"]
    lines += [f"  note: {message}" for message in result.messages]
    for item in result.items:
        lines += ["  " + line for line in _item_lines(item)]
    return "\n".join(lines)


STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}.item{border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
.passed{border-left:6px solid #2a7}.failed,.error,.timeout,.missing{border-left:6px solid #c33}
.status{font-weight:600}.mistake{background:#fff6e0;padding:.4rem .6rem;border-radius:4px}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}li{margin:.2rem 0}.note,.cases{color:#555}
pre{background:#f6f6f6;padding:.4rem .6rem;white-space:pre-wrap}"""


def as_html(result):
    e = html.escape
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>{e(result.assignment)}: feedback for {e(result.student_id)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{e(result.assignment)}: feedback for {e(result.student_id)}</h1>",
        f"<p><b>Score: {result.score:g} / {result.max_score:g}</b>. Hidden cases were drawn with seed "
        f"<code>{result.seed}</code>; public cases are the ones your notebook's checks run.</p>",
    ]
    if result.messages:
        parts.append("<ul class='note'>" + "".join(f"<li>{e(m)}</li>" for m in result.messages) + "</ul>")
    for item in result.items:
        parts.append(f"<div class='item {item.status}'><p><span class='status'>{SYMBOL[item.status]}</span> "
                     f"<code>{e(item.item)}</code>: {item.score:g} / {item.max_score:g}</p>")
        failing = _failing(item)
        if failing:
            parts.append("<ul>" + "".join(f"<li>{_kind(c)} case <code>{e(c.name)}</code>: {e(c.about)}</li>"
                                          for c in failing) + "</ul>")
            parts.append("<ul class='messages'>" + "".join(
                f"<li>{e(group.message)} <span class='cases'>({e(group.where(len(item.cases)))})</span></li>"
                for group in group_messages(failing)) + "</ul>")
        if item.printed:
            parts.append(f"<p>{e(item.item)} printed (case <code>{e(item.printed_case)}</code>):</p>"
                         f"<pre>{e(item.printed)}</pre>")
        for mistake in item.mistakes:
            parts.append(f"<p class='mistake'>Likely mistake: <b>{e(mistake['title'])}</b>. {e(mistake['hint'])}</p>")
        if item.hints and item.status != "passed" and not item.mistakes:
            parts.append("<p>Hint: " + " ".join(e(h) for h in item.hints[:2]) + "</p>")
        parts += [f"<p class='note'>{e(m)}</p>" for m in item.messages]
        parts.append("</div>")
    parts.append("</body></html>")
    return "\n".join(parts)


MAX_FEEDBACK_CHARS = 2 << 20  # per file; past it only the scores and notes are kept


def write_feedback(out, result):
    """The student's feedback files, ``out/feedback/<student>/<assignment>.json`` and ``.html``,
    each written atomically."""
    folder = Path(out) / "feedback" / result.student_id
    text, page = as_json(result), as_html(result)
    if len(text) > MAX_FEEDBACK_CHARS or len(page) > MAX_FEEDBACK_CHARS:
        short = _scores_only(result, "the details of this feedback were too long to keep; only the scores are shown")
        text, page = as_json(short), as_html(short)
    atomic_write(folder / f"{result.assignment}.json", text)
    atomic_write(folder / f"{result.assignment}.html", page)


def _scores_only(result, note):
    summary = result.summary()
    summary.messages = [*result.messages[:20], note]
    return summary


def write_feedback_safely(out, result):
    """write_feedback, and when that fails (it should not: every text in a result is clipped and
    typed, every id is a safe file name), feedback with the scores only; and when even that
    fails, none, with a warning: one submission can never stop the batch. Returns ``result``."""
    try:
        write_feedback(out, result)
    except Exception as error:  # noqa: BLE001
        try:
            write_feedback(out, _scores_only(result, f"the grader could not write the details of this feedback "
                                                      f"({type(error).__name__}); please report it"))
        except Exception as again:  # noqa: BLE001
            print(f"warning: no feedback written for {result.student_id[:80]!r}: {type(again).__name__}: {again}",
                  file=sys.stderr)
    return result
