"""Parent side of the grading sandbox: one worker process per submission, isolated and limited.

See grader/worker.py for what happens inside. Here we prepare the worker's private folder, start
it, send it tasks and read its results with a deadline, and kill it (and anything it started)
when it misbehaves or is done.
"""

import atexit
import json
import os
import selectors
import shutil
import signal
import site
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from dnn_utils import plain

from .nbgrader_course import REPO

HEADER = struct.Struct("<Q")
MAX_RESULT_BYTES = 64 << 20
WORKER_SOURCE = Path(__file__).with_name("worker.py")
UID_BASE = 62000
MAX_SLOTS = 1024
SLOT_DIR = Path(tempfile.gettempdir()) / "dnn-grade-slots"
START_TIMEOUT = 60


class Slot:
    """A machine-wide sandbox number, held through an exclusive lock on a file, so that sandboxes
    started by any grader process (threads, parallel graders, Dask workers) never share a uid."""

    def __init__(self):
        import fcntl

        SLOT_DIR.mkdir(mode=0o700, exist_ok=True)
        for number in range(MAX_SLOTS):
            handle = open(SLOT_DIR / f"{number}.lock", "a")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            self.number, self._handle = number, handle
            return
        raise SandboxUnavailable(f"all {MAX_SLOTS} sandbox slots of this machine are in use")

    def release(self):
        if self._handle is not None:
            self._handle.close()  # closing drops the lock
            self._handle = None


class SandboxError(RuntimeError):
    """The worker did not answer as it should: it crashed, exited, timed out or sent garbage."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind  # "timeout", "crashed" or "protocol"

    def __reduce__(self):  # it travels back from grading processes
        return type(self), (self.kind, str(self))


class SandboxUnavailable(RuntimeError):
    """This machine cannot isolate student code."""


@dataclass
class SandboxSettings:
    """How workers are isolated and limited."""

    mode: str = "auto"  # "namespace" (isolated), "none" (limits only, for trusted code) or "auto"
    memory_bytes: int = 1 << 30
    file_bytes: int = 16 << 20
    open_files: int = 256
    processes: int = 64
    hide: list = field(default_factory=list)  # extra folders to hide from student code
    base_dir: str | None = None  # where workers' private folders are made (default: system temp)

    def resolved_mode(self):
        if self.mode != "auto":
            return self.mode
        return "namespace" if namespaces_available() else "unavailable"


_NAMESPACES = None


def namespaces_available():
    """Can we make mount and network namespaces here (as root, or through a user namespace)?"""
    global _NAMESPACES
    if _NAMESPACES is None:
        probe = "import ctypes,sys;libc=ctypes.CDLL(None);sys.exit(libc.unshare(0x00020000|0x40000000|(0 if __import__('os').getuid()==0 else 0x10000000)))"
        _NAMESPACES = subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0
    return _NAMESPACES


def _hidden_paths(extra, workdir):
    """Paths student code must not see: the repository (reference, hidden checks, gradebook),
    home folders, and whatever the caller adds (submissions, output, database files)."""
    paths = [REPO, Path("/root"), Path("/home"), *map(Path, extra)]
    hidden = sorted({str(Path(p).resolve()) for p in paths if Path(p).exists()})
    for path in hidden:
        if str(workdir) == path or str(workdir).startswith(path + os.sep):
            raise SandboxUnavailable(
                f"the sandbox folder {workdir} lies inside {path}, which must be hidden from student code: "
                "choose an output or submissions folder that is not a parent of the temporary folder"
            )
    return hidden


def _kept_paths(hidden):
    """The Python installation and environment, where they lie inside a hidden folder."""
    kept = set()
    for prefix in {sys.prefix, sys.base_prefix}:
        real = str(Path(prefix).resolve())
        if any(real == h or real.startswith(h + os.sep) for h in hidden):
            kept.add(real)
    return sorted(kept)


BASE_ENV = {
    "PATH": "/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "MPLBACKEND": "Agg",
    "PYTHONDONTWRITEBYTECODE": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    # Machine-specific BLAS fixes stay (see the machine notes: older OpenBLAS builds need them).
    **{name: os.environ[name] for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if name in os.environ},
}


class Zygote:
    """A fork server (grader/worker.py) for one release folder: numpy and the release's support
    modules (what the assignment's setup cell imports) are imported once, and each sandbox is a
    fork. Started on first use, shared by every thread of this process, restarted if it dies."""

    _lock = threading.Lock()
    _servers = {}

    @classmethod
    def for_library(cls, library, preload=None):
        """The fork server for sandboxes that see ``library``, with ``preload`` (trusted code: the
        assignment's setup cell) already run."""
        key = (str(library), preload)
        with cls._lock:
            server = cls._servers.get(key)
            if server is None or server.process.poll() is not None:
                server = cls._servers[key] = cls(library, preload)
            return server

    def __init__(self, library, preload=None):
        self.control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.log = tempfile.NamedTemporaryFile(prefix="dnn-zygote-", suffix=".log")
        start = {"site_packages": site.getsitepackages(), "library": str(library), "preload": preload}
        self.process = subprocess.Popen(
            [sys.executable, "-S", "-I", str(WORKER_SOURCE), str(theirs.fileno()), json.dumps(start)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log,
            pass_fds=(theirs.fileno(),), env=dict(BASE_ENV), cwd="/", start_new_session=True,
        )
        theirs.close()
        self.requests = threading.Lock()
        atexit.register(self.stop)

    def spawn(self, config, task_read, result_write):
        """Fork a sandbox with these pipe ends; returns its pid."""
        with self.requests:
            try:
                socket.send_fds(self.control, [json.dumps(config).encode()], [task_read, result_write])
                reply = self.control.recv(4096)
            except OSError as error:
                raise SandboxError("crashed", f"the sandbox fork server failed: {error}{self.log_tail()}") from None
        if not reply:
            raise SandboxError("crashed", f"the sandbox fork server ended{self.log_tail()}")
        return json.loads(reply)["pid"]

    def log_tail(self):
        try:
            text = Path(self.log.name).read_text(errors="replace")[-2000:].strip()
        except OSError:
            return ""
        return f"\n{text}" if text else ""

    def stop(self):
        if self.process.poll() is None:
            self.control.close()  # it exits when the control socket closes
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


class Sandbox:
    """One isolated worker process with its own folder and its own uid (from its Slot)."""

    def __init__(self, template, settings, time_budget, preload=None):
        self.template = Path(template)
        self.preload = preload  # trusted setup code its fork server runs once (Zygote)
        self.slot = None
        self.settings = settings
        self.time_budget = time_budget
        self.pid = None
        self.workdir = None
        self.uid = self.gid = None

    def start(self):
        """Start the worker; returns self. On failure nothing is left behind."""
        try:
            return self._start()
        except BaseException:
            self.close()
            raise

    def _start(self):
        mode = self.settings.resolved_mode()
        if mode == "unavailable":
            raise SandboxUnavailable(
                "cannot isolate student code here: run as root, or enable unprivileged user namespaces "
                "(sysctl kernel.unprivileged_userns_clone=1), or pass --sandbox none for trusted submissions only"
            )
        self.slot = Slot()
        self.workdir = Path(tempfile.mkdtemp(prefix=f"dnn-grade-{self.slot.number}-", dir=self.settings.base_dir))
        (self.workdir / ".mpl").mkdir()
        if os.getuid() == 0 and mode == "namespace":
            self.uid = self.gid = UID_BASE + self.slot.number
            for path in (self.workdir, self.workdir / ".mpl"):
                os.chown(path, self.uid, self.gid)
        else:
            self.uid, self.gid = os.getuid(), os.getgid()
        os.chmod(self.workdir, 0o700)
        hidden = _hidden_paths(self.settings.hide, self.workdir.resolve())
        env = dict(BASE_ENV, HOME=str(self.workdir), MPLCONFIGDIR=str(self.workdir / ".mpl"))
        config = {
            "mode": mode,
            "workdir": str(self.workdir),
            "library": str(self.template.resolve()),
            "hide": hidden,
            "keep": _kept_paths(hidden),
            "uid": self.uid,
            "gid": self.gid,
            "env": env,
            "limits": {
                "as": self.settings.memory_bytes,
                "cpu": int(self.time_budget) + 5,
                "fsize": self.settings.file_bytes,
                "nofile": self.settings.open_files,
                "nproc": self.settings.processes,
                "core": 0,
            },
        }
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        zygote = Zygote.for_library(config["library"], self.preload)
        try:
            self.pid = zygote.spawn(config, task_read, result_write)
        finally:
            os.close(task_read)
            os.close(result_write)
        self.tasks = os.fdopen(task_write, "wb", buffering=0)
        self.results = os.fdopen(result_read, "rb", buffering=0)
        try:
            hello = self._read(START_TIMEOUT)
        except SandboxError as error:
            raise SandboxError(error.kind, f"the sandbox did not start: {error}{zygote.log_tail()}") from None
        if not hello.get("ready"):
            raise SandboxError("protocol", "the worker did not start")
        if hello.get("uid") != self.uid:
            raise SandboxError("protocol", "the worker did not drop privileges")
        return self

    def run(self, task, timeout):
        """Send one task, return its result dict; SandboxError when the worker fails."""
        payload = plain.dumps(task)
        try:
            self.tasks.write(HEADER.pack(len(payload)) + payload)
        except (BrokenPipeError, OSError):
            raise SandboxError("crashed", self._death_note()) from None
        return self._read(timeout)

    def _read_exactly(self, size, deadline):
        data = bytearray()
        with selectors.DefaultSelector() as selector:
            selector.register(self.results, selectors.EVENT_READ)
            while len(data) < size:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not selector.select(remaining):
                    raise SandboxError("timeout", "time limit exceeded")
                chunk = self.results.read(min(size - len(data), 1 << 20))
                if not chunk:
                    raise SandboxError("crashed", self._death_note())
                data += chunk
        return bytes(data)

    def _read(self, timeout):
        deadline = time.monotonic() + timeout
        (size,) = HEADER.unpack(self._read_exactly(HEADER.size, deadline))
        if size > MAX_RESULT_BYTES:
            raise SandboxError("protocol", f"the worker sent {size} bytes of results (limit {MAX_RESULT_BYTES})")
        try:
            result = plain.loads(self._read_exactly(size, deadline))
        except SandboxError:
            raise
        except Exception as error:
            raise SandboxError("protocol", f"unreadable results: {type(error).__name__}") from None
        if not isinstance(result, dict):
            raise SandboxError("protocol", "results are not a dict")
        return result

    def _death_note(self):
        return ("the worker process ended: it called os._exit, crashed, or went over a limit "
                "(CPU time, memory or file size)")

    def close(self):
        """Stop the worker and everything it started; remove its folder."""
        if self.pid is not None:
            try:
                os.killpg(self.pid, signal.SIGKILL)  # the sandbox leads its own session
            except ProcessLookupError:
                pass
            self.tasks.close()
            self.results.close()
            # In namespace mode the sandbox is process 1 of its own PID namespace: killing it ended
            # everything it started. A scan by uid stays as a second line of defence, cheap when
            # nothing is left.
            if os.getuid() == 0 and self.uid and self.uid >= UID_BASE:
                _kill_uid(self.uid)
            self.pid = None
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None
        if self.slot is not None:
            self.slot.release()
            self.slot = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()


def processes_of(uid):
    """PIDs of the live (not zombie) processes whose real uid is ``uid``.

    Read from /proc/PID/status: after dropping root a process is not dumpable, so its /proc
    folder is owned by root whatever its uid."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = dict(line.split(":", 1) for line in (entry / "status").read_text().splitlines() if ":" in line)
                if int(fields["Uid"].split()[0]) == uid and not fields["State"].strip().startswith("Z"):
                    pids.append(int(entry.name))
            except (FileNotFoundError, ProcessLookupError, PermissionError, ValueError, KeyError):
                pass
    return pids


def _kill_uid(uid):
    """Kill any process left running under a worker's uid (one that escaped its process group)."""
    for _ in range(3):  # a process may fork while we kill its siblings
        pids = processes_of(uid)
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
