"""The trust boundary: student code runs only in a sandbox, and what comes out of one is an
attacker's bytes.

  host.py      the grader's side: starts sandboxes, talks to them with deadlines, answers their
               calls of reference functions, kills them
  child.py     the sandbox's side (a fork server and its forks): isolates itself, runs student code
  wire.py      the bytes between them: plain data only, decoded with hard caps
  protocol.py  the messages, and the host's typed, clipped reading of a sandbox's results
"""

from .host import (
    Sandbox,
    SandboxError,
    SandboxSettings,
    SandboxUnavailable,
    filesystem_view,
    namespaces_available,
    processes_of,
)
from .protocol import CaseRun, Raised, TaskRun

__all__ = [
    "CaseRun", "Raised", "Sandbox", "SandboxError", "SandboxSettings", "SandboxUnavailable", "TaskRun",
    "filesystem_view", "namespaces_available", "processes_of",
]
