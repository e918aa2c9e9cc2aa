"""Feedback for a student: JSON for machines, HTML for the student, text for the terminal.

It holds outcomes, what differed, named mistakes, hints and seeds; never the hidden checks'
code or the reference solutions. Each is written in the language of the result (the student's
notebook's, or the one autograde --lang forced); the HTML uses the check cells' pieces
(testCases.rich: badges, grouped messages, the mistake box).
"""

import html
import json
import math
import sys
from pathlib import Path

from dnn_utils.i18n import say, speaking
from testCases.checks import group_messages
from testCases.rich import badge, entry_map, message_list, mistake_box

from .store import atomic_write



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


def score_line(function, status, score, max_score):
    """"[PASS] f: 5 / 5", the first line of the result of a graded function f, in the current language."""
    return f"[{say('feedback.status.' + status)}] {function}: {score:g} / {max_score:g}"


def _status(item):
    return say(f"feedback.status.{item.status}")


def _case_line(case):
    return say("feedback.hidden_case" if case.hidden else "feedback.public_case", name=case.name, about=case.about)


def _item_lines(item):
    lines = [score_line(item.item, item.status, item.score, item.max_score)]
    failing = _failing(item)
    lines += [f"    {_case_line(case)}" for case in failing]
    for group in group_messages(failing):
        lines.append(f"    - {group.message} ({group.where(len(item.cases))})")
    if item.printed:
        lines.append("    " + say("check.printed", function=item.item, case=item.printed_case))
        lines += [f"      | {line}" for line in item.printed.rstrip(chr(10)).split(chr(10))[:20]]
    for mistake in item.mistakes:
        lines.append("    " + say("feedback.likely_mistake", title=mistake["title"]))
        lines.append("    " + say("check.hint", hint=mistake["hint"]))
    if not item.mistakes and item.status != "passed":
        lines += ["    " + say("check.hint", hint=hint) for hint in item.hints[:2]]
    lines += ["    " + say("check.note", note=message) for message in item.messages]
    return lines


def _graded_on(result):
    cases = [case for item in result.items for case in item.cases]
    if any(case.hidden for case in cases):
        return say("feedback.hidden_seed", seed=result.seed)
    return say("feedback.public_only") if cases else ""


def as_text(result):
    """The feedback as terminal text, in the result's language."""
    with speaking(result.lang):
        lines = [say("feedback.headline", assignment=result.assignment, student=result.student_id,
                     score=f"{result.score:g}", max_score=f"{result.max_score:g}", graded_on=_graded_on(result))]
        lines += ["  " + say("check.note", note=message) for message in result.messages]
        for item in result.items:
            lines += ["  " + line for line in _item_lines(item)]
        return "\n".join(lines)


STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}.item{border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
.passed{border-left:6px solid #2a7}.failed,.error,.timeout,.missing{border-left:6px solid #c33}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}li{margin:.2rem 0}.note{color:#555}
pre{background:#f6f6f6;padding:.4rem .6rem;white-space:pre-wrap}"""


def _first_map(failing):
    """The map of which entries differ, for the first differing small 2-D output of the failed cases."""
    for case in failing:
        for difference in case.differences:
            if difference.get("kind") == "values" and difference.get("wrong_map"):
                return entry_map(difference["where"], difference["wrong_map"])
    return ""


def _item_html(item):
    """One graded function: its badge and score, the failed cases, what differed, the named
    mistake or the hints, as the check cells show them (testCases.rich)."""
    e = html.escape
    parts = [f"<div class='item {item.status}'><p>{badge(item.status == 'passed', _status(item))} "
             f"<code>{e(item.item)}</code>: {item.score:g} / {item.max_score:g}</p>"]
    failing = _failing(item)
    if failing:
        parts.append("<table style='border-collapse:collapse'>" + "".join(
            f"<tr><td style='padding:1px 6px 1px 0'>{badge(False)}</td><td>{e(_case_line(c))}</td></tr>"
            for c in failing) + "</table>")
        parts.append(message_list(group_messages(failing), len(item.cases)))
        parts.append(_first_map(failing))
    if item.printed:
        parts.append(f"<p>{e(say('check.printed', function=item.item, case=item.printed_case))}</p>"
                     f"<pre>{e(item.printed)}</pre>")
    for mistake in item.mistakes:
        line = say("feedback.likely_mistake", title=mistake["title"])
        parts.append(mistake_box(line, mistake["title"], mistake["hint"]))
    if item.hints and item.status != "passed" and not item.mistakes:
        parts += [f"<p>{e(say('check.hint', hint=hint))}</p>" for hint in item.hints[:2]]
    parts += [f"<p class='note'>{e(say('check.note', note=m))}</p>" for m in item.messages]
    parts.append("</div>")
    return "".join(parts)


def as_html(result):
    """The feedback as one self-contained page (no script, nothing fetched), in the result's language."""
    e = html.escape
    with speaking(result.lang):
        title = say("feedback.title", assignment=result.assignment, student=result.student_id)
        parts = [
            f"<!doctype html><html lang='{'zh-CN' if result.lang == 'zh_CN' else 'en'}'><head><meta charset='utf-8'>",
            f"<title>{e(title)}</title><style>{STYLE}</style></head><body>",
            f"<h1>{e(title)}</h1>",
            f"<p><b>{e(say('feedback.score', score=f'{result.score:g}', max_score=f'{result.max_score:g}'))}</b> "
            f"{e(say('feedback.seed_note', seed=result.seed))}</p>",
        ]
        if result.messages:
            parts.append("<ul class='note'>" + "".join(f"<li>{e(m)}</li>" for m in result.messages) + "</ul>")
        parts += [_item_html(item) for item in result.items]
        parts.append("</body></html>")
        return "\n".join(parts)


MAX_FEEDBACK_CHARS = 2 << 20  # per file; past it only the scores and notes are kept


def write_feedback(out, result):
    """The student's feedback files, ``out/feedback/<student>/<assignment>.json`` and ``.html``,
    each written atomically."""
    folder = Path(out) / "feedback" / result.student_id
    text, page = as_json(result), as_html(result)
    if len(text) > MAX_FEEDBACK_CHARS or len(page) > MAX_FEEDBACK_CHARS:
        with speaking(result.lang):
            short = _scores_only(result, say("feedback.too_long"))
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
            with speaking(result.lang):
                note = say("feedback.not_written", error=type(error).__name__)
            write_feedback(out, _scores_only(result, note))
        except Exception as again:  # noqa: BLE001
            print(say("warning.no_feedback", student=repr(result.student_id[:80]), error=f"{type(again).__name__}: {again}"),
                  file=sys.stderr)
    return result
