"""What a sandbox may say, and the grading process's reading of it.

The messages between a grading process (host.py) and a sandbox (child.py), each one wire frame
(grader/sandbox/wire.py); the roles are those of grader/sandbox/__init__.py:

  grading process -> sandbox  {"task": {"function", "setup", "imports", "cells", "cases", "seeds", "deps"}}
                              {"value": ..., "rng": state} or {"refused": {"type", "message"}}   (answer to a call)
  sandbox -> grading process  {"ready": {"uid"}}                 (once, at start)
                              {"call": name, "args": [...], "kwargs": {...}, "rng": state}
                                                                 (a reference dependency, during a task;
                                                                  state: numpy's global RNG, both ways)
                              {"result": {"cell_errors", "missing", "cases", "sandbox_error"}}

Everything a sandbox sends is an attacker's: ``task_run`` turns a decoded result into typed
values, refusing wrong types and clipping every text, so nothing downstream (grading, diagnosis,
feedback, records) ever sees a raw value from a sandbox except a case's output and arguments,
which are plain data within the wire's limits.
"""

import re
from dataclasses import dataclass, field

MAX_TYPE = 80
MAX_MESSAGE = 300
MAX_WHERE = 80
MAX_PRINTED = 2000
MAX_CELL_ERRORS = 20
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


@dataclass
class Raised:
    """An exception raised in the sandbox, as reported (clipped text)."""

    type: str
    message: str
    where: str = ""
    function: str = ""  # the function of the student's cells whose code raised it


@dataclass
class CaseRun:
    """One call of the student's function on one case."""

    returned: bool = False  # a value came back (it may be None: a missing return)
    output: object = None
    raised: Raised | None = None
    not_plain: str | None = None  # returned something that cannot travel as plain data
    printed: str = ""
    args_after: list | None = None  # the arguments after the call; None when they did not come back
    args_problem: str = ""


@dataclass
class TaskRun:
    """What the sandbox reported for one graded function."""

    cases: list = field(default_factory=list)
    cell_errors: list = field(default_factory=list)
    missing: bool = False
    sandbox_error: Raised | None = None  # the task failed outside student code (setup cell, unsendable results)


def clip(value, limit):
    """``value`` as text of at most ``limit`` characters (non-text becomes empty)."""
    if not isinstance(value, str):
        return ""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def raised(value):
    """A Raised from a reported error, or None when it is not one."""
    if not isinstance(value, dict):
        return None
    kind = value.get("type")
    kind = kind[:MAX_TYPE] if isinstance(kind, str) and IDENTIFIER.fullmatch(kind[:MAX_TYPE]) else "UnknownError"
    function = value.get("function")
    function = function if isinstance(function, str) and len(function) <= MAX_TYPE and IDENTIFIER.fullmatch(function) else ""
    return Raised(kind, clip(value.get("message"), MAX_MESSAGE), clip(value.get("where"), MAX_WHERE), function)


NO_RESULT = Raised("GraderError", "no result came back for this case")


def case_run(value):
    if not isinstance(value, dict):
        return CaseRun(raised=NO_RESULT)
    case = CaseRun(printed=clip(value.get("printed"), MAX_PRINTED))
    if "error" in value:
        case.raised = raised(value["error"]) or NO_RESULT
    elif "not_plain" in value:
        case.not_plain = clip(value["not_plain"], MAX_MESSAGE) or "not plain data"
    elif value.get("returned") is True and "output" in value:
        case.returned, case.output = True, value["output"]
    else:
        case.raised = NO_RESULT
    if isinstance(value.get("args_after"), list):
        case.args_after = value["args_after"]
    else:
        case.args_problem = clip(value.get("args_unsendable"), MAX_MESSAGE) or "they did not come back"
    return case


def task_run(value, case_count):
    """A TaskRun with exactly ``case_count`` cases from a decoded result (any value)."""
    if not isinstance(value, dict):
        return TaskRun(sandbox_error=Raised("GraderError", "the sandbox sent no readable result"))
    if "sandbox_error" in value:
        return TaskRun(sandbox_error=raised(value["sandbox_error"]) or Raised("GraderError", "the sandbox failed"))
    errors = value.get("cell_errors")
    cell_errors = [e for e in map(raised, errors[:MAX_CELL_ERRORS]) if e] if isinstance(errors, list) else []
    if value.get("missing") is True:
        return TaskRun(cell_errors=cell_errors, missing=True)
    cases = value.get("cases")
    cases = [case_run(c) for c in cases[:case_count]] if isinstance(cases, list) else []
    cases += [CaseRun(raised=NO_RESULT) for _ in range(case_count - len(cases))]
    return TaskRun(cases=cases, cell_errors=cell_errors)
