"""The grading process's side of the trust boundary: have its fork server fork an isolated
sandbox per submission, talk to it with deadlines in both directions, and read what it says as
an attacker's bytes (roles: grader/sandbox/__init__.py).

See child.py for what happens inside, wire.py for the bytes and protocol.py for the messages.
Nothing here trusts a sandbox: every frame is size-capped and decoded with limits, every write
to it has a deadline (a sandbox that stops reading cannot block us), its calls for reference
functions are answered here (no reference code enters a sandbox), and a sandbox that dies because
our own fork server died is reported as ours, not the student's.
"""

import atexit
import errno
import fcntl
import json
import os
import selectors
import shutil
import signal
import site
import stat
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..paths import REPO
from . import protocol, wire

CHILD_SOURCE = Path(__file__).with_name("child.py")
UID_BASE = 62000
MAX_SLOTS = 1024
# Machine-wide sandbox slots (their uid, their cgroups): as root in /run, whatever TMPDIR says,
# so that graders with different temporary folders never share one; else per user.
SLOT_DIR = (Path("/run/dnn-grade-slots") if os.getuid() == 0 and os.access("/run", os.W_OK)
            else Path(tempfile.gettempdir()) / f"dnn-grade-slots-{os.getuid()}")
ROOT_MOUNT = SLOT_DIR / "root"  # an empty folder each sandbox mounts its own root on, in its own namespace
START_TIMEOUT = 60
RESULT_LIMITS = wire.Limits()  # what one frame from a sandbox may hold
MAX_CALLS = 20_000  # reference calls in one task
# A reference call's arguments: arrays (nested lists of numbers count as arrays) of at most 2
# axes of at most 1024 entries each (zero-size ones included: a (1024, 0) by (0, 1024) product
# is 1024 x 1024; broadcasting a (1, 1024) with a (1024, 1) too), 65536 values in all; its
# result at most 1M values. A call costs the grader milliseconds, and all the calls of one task
# at most CALL_SECONDS of its CPU time.
MAX_CALL_NDIM, MAX_CALL_DIM, MAX_CALL_ELEMENTS, MAX_CALL_RESULT = 2, 1024, 1 << 16, 1 << 20
CALL_SECONDS = 2.0
SYSTEM_FOLDERS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


class SandboxError(RuntimeError):
    """The sandbox did not answer as it should.

    kind: "timeout", "crashed" (it exited, crashed or went over a limit), "protocol" (it sent
    something malformed or too large) or "infrastructure" (our fork server died: not the
    student's doing)."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind

    def __reduce__(self):  # it travels back from grading processes
        return type(self), (self.kind, str(self))


class SandboxUnavailable(RuntimeError):
    """This machine cannot isolate student code."""


@dataclass
class SandboxSettings:
    """How sandboxes are isolated and limited."""

    mode: str = "auto"  # "namespace" (isolated), "none" (limits only, for trusted code) or "auto"
    memory_bytes: int = 1 << 30
    file_bytes: int = 16 << 20
    scratch_bytes: int = 64 << 20  # /tmp, /var/tmp, /dev/shm and home together
    open_files: int = 256
    processes: int = 64
    cpus: float = 1.0  # CPU time per wall-clock second, all the sandbox's processes together (cgroups)
    cgroups: str = "auto"  # "auto": use them where this process can (root), "off": rlimits only
    hide: list = field(default_factory=list)  # folders that must never be visible (checked, refused if they would be)

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


def _inside(path, folder):
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def filesystem_view(library, hidden=()):
    """(visible, links): the folders a sandbox sees read-only — the Python installation, the
    system's libraries and ``library`` (the release folder) — and the top-level symlinks of a
    merged-/usr system. Refuses a view that would show a folder that must stay hidden."""
    candidates, links = {sys.prefix, sys.base_prefix, *site.getsitepackages(), str(library)}, {}
    for folder in SYSTEM_FOLDERS:
        if os.path.islink(folder):
            links[folder] = os.readlink(folder)
        elif os.path.isdir(folder):
            candidates.add(folder)
    visible = []
    for path in sorted(str(Path(p).resolve()) for p in candidates if os.path.exists(p)):
        if not any(_inside(path, kept) for kept in visible):
            visible.append(path)
    secret = [str(Path(p).resolve()) for p in (REPO, "/root", "/home", *hidden) if os.path.exists(p)]
    library = str(Path(library).resolve())
    for path in visible:
        for folder in secret:
            if _inside(folder, path):
                raise SandboxUnavailable(
                    f"{folder} must be hidden from student code but lies inside {path}, which sandboxes see: "
                    "keep submissions, the output folder, the gradebook and the course repository outside the "
                    "Python installation and the release folder"
                )
    if _inside(library, str(SLOT_DIR)):
        raise SandboxUnavailable(f"the release folder {library} lies inside the sandboxes' own folder {SLOT_DIR}")
    return visible, links


CGROUP_ROOT = Path("/sys/fs/cgroup")
CGROUP_NAME = "dnn-grade"
CPU_PERIOD_US = 100_000


def _write(path, value):
    with open(path, "w") as f:
        f.write(str(value))


class SlotCgroups:
    """The cgroups of one sandbox slot: one CPU, one memory cap for all the sandbox's processes
    together (its scratch tmpfs included) and a process count, so that no sandbox can slow
    another student's down or take the machine's memory. cgroup v1 (cpu, memory, pids
    hierarchies) or v2; root only. ``procs`` lists the files a sandbox writes its pid to."""

    def __init__(self, number, settings):
        self.folders = []
        cpu_quota = int(CPU_PERIOD_US * settings.cpus)
        memory = settings.memory_bytes + settings.scratch_bytes
        if (CGROUP_ROOT / "cgroup.controllers").exists():  # v2, unified
            base = CGROUP_ROOT / CGROUP_NAME
            base.mkdir(exist_ok=True)
            for folder in (CGROUP_ROOT, base):
                _write(folder / "cgroup.subtree_control", "+cpu +memory +pids")
            slot = base / f"slot-{number}"
            slot.mkdir(exist_ok=True)
            self.folders = [slot]
            self.kill_all()
            _write(slot / "cpu.max", f"{cpu_quota} {CPU_PERIOD_US}")
            _write(slot / "memory.max", memory)
            if (slot / "memory.swap.max").exists():
                _write(slot / "memory.swap.max", 0)
            _write(slot / "pids.max", settings.processes)
        else:  # v1: one hierarchy per controller
            # memsw (memory + swap) may never be below the memory limit: raise it first, lower it last.
            limits = {
                "cpu": [("cpu.cfs_period_us", CPU_PERIOD_US), ("cpu.cfs_quota_us", cpu_quota)],
                "memory": [("memory.memsw.limit_in_bytes", -1), ("memory.limit_in_bytes", memory),
                           ("memory.memsw.limit_in_bytes", memory)],
                "pids": [("pids.max", settings.processes)],
            }
            self.folders = [CGROUP_ROOT / controller / CGROUP_NAME / f"slot-{number}" for controller in limits]
            for folder in self.folders:
                folder.mkdir(parents=True, exist_ok=True)
            self.kill_all()
            for folder, writes in zip(self.folders, limits.values()):
                for name, value in writes:
                    if (folder / name).exists():
                        _write(folder / name, value)

    @property
    def procs(self):
        return [str(folder / "cgroup.procs") for folder in self.folders]

    def kill_all(self):
        """SIGKILL every process in these cgroups (whatever a sandbox of this slot left: its PID
        namespace ended with it, so this is the second line of defence). A killed process runs
        no more code; it leaves the cgroup when it is reaped, so nobody waits for that."""
        pids = {int(line) for folder in self.folders for line in (folder / "cgroup.procs").read_text().split()}
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    @classmethod
    def available(cls):
        """Can this process make cgroups (root, and a cgroup file system it may write)?"""
        if os.getuid() != 0:
            return False
        if (CGROUP_ROOT / "cgroup.controllers").exists():
            return os.access(CGROUP_ROOT, os.W_OK)
        return all(os.access(CGROUP_ROOT / c, os.W_OK) for c in ("cpu", "memory", "pids"))


_WARNED = set()


def _warn_once(message):
    if message not in _WARNED:
        _WARNED.add(message)
        print(message, file=sys.stderr)


def own_folder(path):
    """``path`` as a folder of this user's alone (made with mode 0700 if missing); refuses one
    that another user made, a link, or one others may write to: they could plant links there."""
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        pass
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
        raise SandboxUnavailable(f"{path} is not a folder of this user's alone (a link, another user's, or writable "
                                 "by others): remove it and run again")
    return path


class Slot:
    """A machine-wide sandbox number, held through an exclusive lock on a file, so that sandboxes
    started by any grading process on this machine (of one grader or several) never share a uid."""

    def __init__(self):
        own_folder(SLOT_DIR)
        for number in range(MAX_SLOTS):
            try:
                fd = os.open(SLOT_DIR / f"{number}.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600)
            except OSError as error:
                raise SandboxUnavailable(f"cannot use {SLOT_DIR}/{number}.lock ({error.strerror}): remove {SLOT_DIR}") from None
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise SandboxUnavailable(f"{SLOT_DIR}/{number}.lock is not a regular file: remove {SLOT_DIR}")
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            except BaseException:
                os.close(fd)
                raise
            self.number, self._fd = number, fd
            return
        raise SandboxUnavailable(f"all {MAX_SLOTS} sandbox slots of this machine are in use")

    def release(self):
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
            self._fd = None


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


class ForkServer:
    """The fork server (child.py) of this grading process for one release folder: numpy and the
    release's support modules (what the assignment's setup cell imports) are imported once, and
    each sandbox is a fork. Started on first use, shared by every thread of this grading process,
    restarted if it dies."""

    _lock = threading.Lock()
    _servers = {}

    @classmethod
    def for_library(cls, library, preload=None):
        """The fork server for sandboxes that see ``library``, with ``preload`` (trusted code: the
        assignment's setup cell) already run."""
        key = (str(library), preload)
        with cls._lock:
            server = cls._servers.get(key)
            if server is None or not server.alive():
                server = cls._servers[key] = cls(library, preload)
            return server

    def __init__(self, library, preload=None):
        self.control, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.log = tempfile.TemporaryFile(prefix="dnn-fork-server-", suffix=".log")  # unlinked: nothing left behind
        start = {"site_packages": site.getsitepackages(), "library": str(library), "preload": preload}
        self.process = subprocess.Popen(
            [sys.executable, "-S", "-I", str(CHILD_SOURCE), str(theirs.fileno()), json.dumps(start)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log,
            pass_fds=(theirs.fileno(),), env=dict(BASE_ENV), cwd="/", start_new_session=True,
        )
        theirs.close()
        self.requests = threading.Lock()
        atexit.register(self.stop)

    def alive(self):
        return self.process.poll() is None

    def spawn(self, config, task_read, result_write):
        """Fork a sandbox with these pipe ends; returns its pid."""
        with self.requests:
            try:
                socket.send_fds(self.control, [json.dumps(config).encode()], [task_read, result_write])
                reply = self.control.recv(4096)
            except OSError as error:
                raise SandboxError("infrastructure", f"the fork server failed: {error}{self.log_tail()}") from None
        if not reply:
            raise SandboxError("infrastructure", f"the fork server ended{self.log_tail()}")
        return json.loads(reply)["pid"]

    def log_tail(self):
        try:
            self.log.seek(0, os.SEEK_END)
            size = self.log.tell()
            self.log.seek(max(0, size - 2000))
            text = self.log.read().decode(errors="replace").strip()
        except (OSError, ValueError):
            return ""
        return f"\n{text}" if text else ""

    def stop(self):
        if self.process.poll() is None:
            self.control.close()  # it exits when the control socket closes
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


def _elements(value):
    """How many scalars and array entries ``value`` (decoded plain data) holds."""
    if isinstance(value, (list, tuple)):
        return sum(_elements(v) for v in value)
    if isinstance(value, dict):
        return sum(_elements(v) for v in value.values())
    return int(getattr(value, "size", 1))


def _numeric(value):
    return isinstance(value, (bool, int, float)) or (isinstance(value, (list, tuple)) and all(map(_numeric, value)))


def _arrays(value):
    """The arrays in ``value`` as numpy would see them: nested lists of numbers are arrays too."""
    if isinstance(value, (list, tuple)) and value and _numeric(value):
        try:
            yield np.asarray(value)
        except ValueError:  # ragged: numpy refuses it in a computation too
            yield np.empty((MAX_CALL_DIM + 1,))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _arrays(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _arrays(item)
    elif isinstance(value, np.ndarray):
        yield value


def _call_too_large(args, kwargs):
    """Why a reference call's arguments are more than the grader will compute on, or None."""
    for array in _arrays([args, kwargs]):
        if array.ndim > MAX_CALL_NDIM or any(n > MAX_CALL_DIM for n in array.shape):
            return f"an argument of shape {array.shape} (at most {MAX_CALL_NDIM} axes of {MAX_CALL_DIM})"
    if _elements([args, kwargs]) > MAX_CALL_ELEMENTS:
        return f"more than {MAX_CALL_ELEMENTS} values in its arguments"
    return None


class Sandbox:
    """One sandbox, as this grading process sees it: an isolated process forked by the fork
    server, with its own root filesystem and its own uid (from its Slot)."""

    def __init__(self, template, settings, time_budget, preload=None):
        self.template = Path(template)
        self.preload = preload  # trusted setup code its fork server runs once (ForkServer)
        self.settings = settings
        self.time_budget = time_budget
        self.slot = self.pid = self.fork_server = self.workdir = self.cgroups = None
        self.uid = self.gid = None
        self.tasks = self.results = self._readable = self._writable = None

    def start(self):
        """Start the sandbox; returns self. On failure nothing is left behind."""
        try:
            return self._start()
        except BaseException:
            self.close()
            raise

    def _config(self, mode):
        library = str(self.template.resolve())
        config = {
            "mode": mode,
            "library": library,
            "uid": self.uid,
            "gid": self.gid,
            "env": dict(BASE_ENV, HOME="/home/student", MPLCONFIGDIR="/home/student/.mpl"),
            "limits": {
                "as": self.settings.memory_bytes,
                "cpu": int(self.time_budget) + 5,
                "fsize": self.settings.file_bytes,
                "nofile": self.settings.open_files,
                "nproc": self.settings.processes,
                "core": 0,
            },
        }
        if mode == "namespace":
            visible, links = filesystem_view(library, self.settings.hide)
            own_folder(ROOT_MOUNT)  # inside SLOT_DIR, which Slot() has checked
            config.update(root=str(ROOT_MOUNT), visible=visible, links=links, scratch_bytes=self.settings.scratch_bytes)
        else:  # trusted notebooks only: a plain private folder
            self.workdir = Path(tempfile.mkdtemp(prefix="dnn-grade-"))
            (self.workdir / ".mpl").mkdir()
            config["workdir"] = str(self.workdir)
            config["env"].update(HOME=str(self.workdir), MPLCONFIGDIR=str(self.workdir / ".mpl"))
        return config

    def _start(self):
        mode = self.settings.resolved_mode()
        if mode == "unavailable":
            raise SandboxUnavailable(
                "cannot isolate student code here: run as root, or enable unprivileged user namespaces "
                "(sysctl kernel.unprivileged_userns_clone=1), or pass --sandbox none for trusted submissions only"
            )
        self.slot = Slot()
        if self.settings.cgroups == "auto" and mode == "namespace" and SlotCgroups.available():
            try:
                self.cgroups = SlotCgroups(self.slot.number, self.settings)
            except OSError as error:  # a cgroup file system that refuses us: per-process limits only
                _warn_once(f"warning: sandboxes run without cgroups ({error}): their limits are per process only")
        if os.getuid() == 0 and mode == "namespace":
            self.uid = self.gid = UID_BASE + self.slot.number
        else:
            self.uid, self.gid = os.getuid(), os.getgid()
        config = self._config(mode)
        config["cgroups"] = self.cgroups.procs if self.cgroups else []
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        self.fork_server = ForkServer.for_library(config["library"], self.preload)
        try:
            self.pid = self.fork_server.spawn(config, task_read, result_write)
        finally:
            os.close(task_read)
            os.close(result_write)
        os.set_blocking(task_write, False)
        self.tasks, self.results = task_write, result_read
        self._readable, self._writable = selectors.PollSelector(), selectors.PollSelector()
        self._readable.register(result_read, selectors.EVENT_READ)
        self._writable.register(task_write, selectors.EVENT_WRITE)
        try:
            hello = self._receive(time.monotonic() + START_TIMEOUT)
        except SandboxError as error:
            raise SandboxError(error.kind, f"the sandbox did not start: {error}{self.fork_server.log_tail()}") from None
        ready = hello.get("ready") if isinstance(hello, dict) else None
        if not isinstance(ready, dict) or ready.get("uid") != self.uid:
            raise SandboxError("protocol", "the sandbox did not start as its own user")
        return self

    # --- talking to the sandbox, with deadlines -------------------------------------------

    def _send(self, message, deadline):
        data = memoryview(wire.frame(message if isinstance(message, bytes) else wire.encode(message)))
        while data:
            try:
                data = data[os.write(self.tasks, data[: 1 << 16]):]
                continue
            except BlockingIOError:
                pass
            except OSError as error:  # EPIPE: it is gone
                if error.errno in (errno.EPIPE, errno.EBADF):
                    raise self._ended() from None
                raise
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._writable.select(remaining):
                raise SandboxError("timeout", "time limit exceeded (the sandbox stopped reading)")

    def _read_exactly(self, size, deadline):
        chunks, missing = [], size
        while missing:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._readable.select(remaining):
                raise SandboxError("timeout", "time limit exceeded")
            chunk = os.read(self.results, min(missing, 1 << 20))
            if not chunk:
                raise self._ended()
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)

    def _receive(self, deadline):
        """The next message from the sandbox, decoded within RESULT_LIMITS."""
        (size,) = wire.FRAME_HEADER.unpack(self._read_exactly(wire.FRAME_HEADER.size, deadline))
        if size > RESULT_LIMITS.max_bytes:
            raise SandboxError("protocol", f"the sandbox sent a message of {size} bytes (limit {RESULT_LIMITS.max_bytes})")
        payload = self._read_exactly(size, deadline)
        try:
            message = wire.decode(payload, RESULT_LIMITS)
        except (wire.NotPlainData, RecursionError, MemoryError, ValueError) as error:
            raise SandboxError("protocol", f"the sandbox sent an unreadable message ({error})") from None
        if not isinstance(message, dict) or len(message.keys() & {"ready", "call", "result"}) != 1:
            raise SandboxError("protocol", "the sandbox sent a malformed message")
        return message

    def _ended(self):
        if self.fork_server is not None and not self.fork_server.alive():
            return SandboxError("infrastructure", "the grader's fork server stopped (not the student's doing)")
        return SandboxError("crashed", "the sandbox process ended: the code called os._exit, crashed, or went over "
                                       "a limit (CPU time, memory or file size)")

    def run(self, task, timeout, answer=None):
        """Send one task; return its protocol.TaskRun. ``answer(name, args, kwargs[, rng=state])`` runs a
        reference dependency the task names in task["deps"] and returns ("value", v), ("value", v,
        state after) when given the sandbox's random state, or ("refused", error dict). Raises
        SandboxError when the sandbox fails, stalls or misbehaves."""
        deadline = time.monotonic() + timeout
        self._send({"task": task}, deadline)
        calls, call_seconds = 0, 0.0
        while True:
            started = time.process_time()  # CPU time: waiting for the sandbox costs none
            message = self._receive(deadline)
            if "result" in message:
                return protocol.task_run(message["result"], len(task["cases"]))
            if "call" not in message:
                raise SandboxError("protocol", "the sandbox sent an unexpected message")
            calls += 1
            if calls > MAX_CALLS:
                raise SandboxError("protocol", f"more than {MAX_CALLS} calls of reference functions in one task")
            reply = self._answer(message, task, answer)
            call_seconds += time.process_time() - started  # reading the call, refused or not, and answering it
            if call_seconds > CALL_SECONDS:
                raise SandboxError("protocol", f"its calls of reference functions took more than {CALL_SECONDS:g} s "
                                               "of the grader's time in one task")
            self._send(reply, deadline)

    @staticmethod
    def _answer(message, task, answer):
        """The reply to a call: a message, or the encoded {"value": ...}."""
        name, args, kwargs = message.get("call"), message.get("args"), message.get("kwargs", {})
        if not isinstance(name, str) or name not in task.get("deps", ()) or answer is None:
            return {"refused": {"type": "NameError", "message": f"no reference function {str(name)[:40]!r} here"}}
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            return {"refused": {"type": "TypeError", "message": f"{name} was called with malformed arguments"}}
        too_large = _call_too_large(args, kwargs)
        if too_large:
            return {"refused": {"type": "ValueError", "message": f"{name} was called with {too_large}: too large for the grader"}}
        rng = message.get("rng")  # numpy's global random state in the sandbox, if it sent it
        answered = answer(name, args, kwargs) if rng is None else answer(name, args, kwargs, rng=rng)
        kind, value = answered[:2]
        if kind != "value":
            return {"refused": value}
        if _elements(value) > MAX_CALL_RESULT:
            return {"refused": {"type": "ValueError", "message": f"{name} would return more than {MAX_CALL_RESULT} values"}}
        try:
            return wire.encode({"value": value, **({"rng": answered[2]} if len(answered) > 2 else {})})
        except wire.NotPlainData:
            return {"refused": {"type": "TypeError", "message": f"{name} returned something the grader cannot send"}}

    def close(self):
        """Stop the sandbox and everything it started."""
        if self.pid is not None:
            try:
                os.killpg(self.pid, signal.SIGKILL)  # the sandbox leads its own session
            except ProcessLookupError:
                pass
            # In namespace mode the sandbox is process 1 of its own PID namespace: killing it ended
            # everything it started. Its slot's cgroups are emptied again before their next use;
            # without cgroups, a scan by uid stays as a second line of defence.
            if self.cgroups is not None:
                self.cgroups.kill_all()
            elif os.getuid() == 0 and self.uid and self.uid >= UID_BASE:
                _kill_uid(self.uid)
            self.pid = None
        self.cgroups = None
        for selector in (self._readable, self._writable):
            if selector is not None:
                selector.close()
        for fd in (self.tasks, self.results):
            if fd is not None:
                os.close(fd)
        self.tasks = self.results = self._readable = self._writable = None
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
    """Kill any process left running under a sandbox's uid (one that escaped its process group)."""
    for _ in range(3):  # a process may fork while we kill its siblings
        pids = processes_of(uid)
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
