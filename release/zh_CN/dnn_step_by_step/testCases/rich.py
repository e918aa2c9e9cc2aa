"""The check report as HTML, for JupyterLab: the same content as testCases.checks.report_lines
(each case with a PASS/FAIL badge, what differs, the named mistake and its hint), plus, for a
wrong array, a small map of which entries differ. Inline styles only: nothing is fetched.

Every text comes from a student's run (messages, printed output) and is escaped; the words are the
catalogue's (dnn_utils/messages.py), in the current language.
"""

from html import escape

import numpy as np

from dnn_utils.i18n import say

from .checks import lead_line

GREEN, RED, GREY = "#1a7f37", "#cf222e", "#6e7781"


def badge(passed, text=None):
    """A green or red label: PASS / FAIL in the current language, or ``text``."""
    colour = GREEN if passed else RED
    text = text or say("check.pass" if passed else "check.fail")
    return (f"<span style='background:{colour};color:white;border-radius:3px;padding:0 .4em;"
            f"font-size:.85em;font-weight:600'>{text}</span>")


def entry_map(where, wrong_map, tip=None, shade=None):
    """A grid of the entries of a 2-D output, red where ``wrong_map`` (compare's Difference.wrong_map)
    says an entry differs; ``tip(i, j)`` the hover text and ``shade(i, j)`` the red's strength
    (0..1) of an entry, when the values are at hand."""
    rows = []
    for i, row in enumerate(wrong_map):
        cells = []
        for j, wrong in enumerate(entry == "1" for entry in row):
            colour = f"rgba(207,34,46,{shade(i, j) if shade else 0.85:.2f})" if wrong else "rgba(26,127,55,.25)"
            title = f" title='{escape(tip(i, j), quote=True)}'" if tip else ""
            cells.append(f"<td{title} style='width:14px;height:14px;background:{colour};padding:0'></td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    title = escape(say("check.error_map", where="\0")).replace("\0", f"<code>{escape(where)}</code>")
    return (f"<div style='margin:.3em 0'>{title}<table style='border-collapse:separate;border-spacing:1px;margin:.2em 0'>"
            f"{''.join(rows)}</table></div>")


def _error_map(difference, actual, expected):
    """The entry map of one differing 2-D output, with each entry's values on hover and its
    relative error as the shade; '' when the output is too big for a map."""
    if difference.wrong_map is None:
        return ""
    try:
        actual, expected = np.asarray(actual, dtype=np.float64), np.asarray(expected, dtype=np.float64)
    except (TypeError, ValueError):
        return ""
    if actual.shape != expected.shape or actual.shape != (len(difference.wrong_map), len(difference.wrong_map[0])):
        return ""
    with np.errstate(all="ignore"):
        relative = np.nan_to_num(np.abs(actual - expected) / np.maximum(np.abs(expected), 1e-12), nan=1.0, posinf=1.0)

    def tip(i, j):
        return say("check.error_map_tip", i=i, j=j, got=f"{actual[i, j]:.6g}", expected=f"{expected[i, j]:.6g}")

    return entry_map(difference.where, difference.wrong_map, tip, lambda i, j: min(1.0, 0.35 + 0.65 * min(1.0, relative[i, j])))


def _first_map(verdicts, leaves):
    """The error map of the first differing 2-D output of the first failed case that has one."""
    for verdict in verdicts:
        if verdict.passed or not verdict.returned:
            continue
        actual, expected = leaves(verdict.output), leaves(verdict.expected)
        for difference in verdict.differences:
            if difference.kind == "values" and difference.where in actual and difference.where in expected:
                picture = _error_map(difference, actual[difference.where], expected[difference.where])
                if picture:
                    return picture
    return ""


def mistake_box(line, title, hint):
    """The named mistake: ``line`` (which says ``title``, shown in bold) and its hint, boxed."""
    before, found, after = line.partition(title)
    said = escape(before) + (f"<b>{escape(title)}</b>" if found else "") + escape(after)
    return (f"<div style='margin-top:.4em;padding:.4em .6em;border-left:3px solid {RED};background:#fff5f5'>"
            f"{said}<br>{escape(say('check.hint', hint=hint))}</div>")


def message_list(groups, total):
    """The grouped messages of the failed cases, each with the cases that gave it."""
    if not groups:
        return ""
    return "<ul style='margin:.2em 0;padding-left:1.3em'>" + "".join(
        f"<li>{escape(g.message)} <span style='color:{GREY}'>({escape(g.where(total))})</span></li>"
        for g in groups) + "</ul>"


def report_html(function, verdicts, mistakes, hints, notes, groups, leaves):
    """The check report as one HTML fragment. groups: testCases.checks.group_messages of the failed
    cases; leaves(output) -> {path: array}: an output's arrays by the paths differences name."""
    passed = sum(v.passed for v in verdicts)
    failed = [v for v in verdicts if not v.passed]
    parts = [f"<div style='font-family:system-ui,sans-serif;font-size:13px;line-height:1.45'>",
             f"<div style='font-weight:600'>{escape(say('check.summary', function=function, passed=passed, total=len(verdicts)))}</div>",
             "<table style='border-collapse:collapse;margin:.3em 0'>"]
    parts += [f"<tr><td style='padding:1px 6px 1px 0'>{badge(v.passed)}</td><td style='padding:1px 6px'>"
              f"<code>{escape(v.name)}</code></td><td style='padding:1px 6px;color:{GREY}'>{escape(v.about)}</td></tr>"
              for v in verdicts]
    parts.append("</table>")
    parts.append(message_list(groups, len(verdicts)))
    parts.append(_first_map(failed, leaves))
    for verdict in verdicts:
        if verdict.printed:
            parts.append(f"<div>{escape(say('check.printed', function=function, case=verdict.name))}</div>"
                         f"<pre style='margin:.2em 0;padding:.3em;background:#f6f8fa'>{escape(verdict.printed)}</pre>")
    parts += [f"<div>{escape(say('check.note', note=note))}</div>" for note in notes]
    if mistakes:
        parts.append(mistake_box(lead_line(mistakes[0]), mistakes[0].title, mistakes[0].hint))
    elif failed and not notes:
        parts += [f"<div>{escape(say('check.hint', hint=hint))}</div>" for hint in hints[:2]]
    if not failed:
        parts.append(f"<div style='color:{GREEN};font-weight:600'>{escape(say('check.all_passed'))}</div>")
    parts.append("</div>")
    return "".join(parts)
