"""The trust boundary: student code runs only in a sandbox, and what comes out of one is an
attacker's bytes.

Words, one per role (used the same way in every file here):
  grading process  a process of the grader that grades submissions (one of a local run's
                   processes, or one on a Dask worker); it owns one fork server per release folder
  fork server      the long-lived process of a grading process (one per release folder) that has
                   numpy and the release's modules imported and forks sandboxes; it never runs
                   student code (not multiprocessing's "forkserver", which starts grading processes)
  sandbox          one process forked by the fork server that isolates itself and then runs one
                   submission's code
"Worker" names none of them: it means only a Dask worker.

  host.py      the grading process's side: starts the fork server and sandboxes, talks to a
               sandbox with deadlines, answers its calls of reference functions, kills it
  child.py     the untrusted side: the fork server, and in each of its forks a sandbox that
               isolates itself and runs student code
  wire.py      the bytes between them: plain data only, decoded with hard caps
  protocol.py  the messages, and the grading process's typed, clipped reading of a sandbox's results
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
