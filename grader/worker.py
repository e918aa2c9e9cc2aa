"""The sandboxed grading worker. Runs student code; trusted with nothing.

grader.sandbox starts this file as a fork server (``zygote``) per grading process and release
folder: it imports numpy and runs the assignment's setup cell (our code: the release's support
modules), then waits. Each sandbox is a fork of it that works in a private, empty folder. Before
it reads any student code, a sandbox:
  1. (namespace mode) enters new mount, network, IPC and PID namespaces, hides the course
     repository, the submissions, the gradebook and the output folder under empty tmpfs mounts,
     keeping only the Python installation and the release folder visible, read-only;
  2. sets resource limits (address space, CPU seconds, file size, open files, processes);
  3. drops to its own unprivileged uid/gid (when started as root).
Then it answers tasks read from stdin, one frame each, and writes one result frame per task to
the result fd. Only plain data (dnn_utils.plain) crosses in either direction.

This file is standalone on purpose: it imports nothing from the grader, so a sandbox holds
none of the grader's code or data in memory.
"""

import contextlib
import ctypes
import gc
import io
import json
import os
import resource
import signal
import socket
import struct
import sys
import time
import traceback

CLONE_NEWNS, CLONE_NEWNET, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID = 0x00020000, 0x40000000, 0x08000000, 0x10000000, 0x20000000
MS_NOEXEC = 8
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 32, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG = 1
HEADER = struct.Struct("<Q")
MAX_PRINTED = 4000


def _libc_call(name, *args):
    libc = ctypes.CDLL(None, use_errno=True)
    if getattr(libc, name)(*args) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{name}{args[:2]}: {os.strerror(errno)}")


def _mount(source, target, fstype, flags, data=None):
    _libc_call("mount", source and source.encode(), target.encode(), fstype and fstype.encode(), flags, data and data.encode())


def isolate_filesystem(config):
    """Hide every path of config["hide"] behind an empty tmpfs, then bring back config["keep"]
    (the Python installation) and config["library"] (the release's support files) read-only at
    the same place."""
    user_namespace = os.getuid() != 0
    uid, gid = os.getuid(), os.getgid()
    flags = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | (CLONE_NEWUSER if user_namespace else 0)
    _libc_call("unshare", flags)
    if user_namespace:
        with open("/proc/self/setgroups", "w") as f:
            f.write("deny")
        with open("/proc/self/uid_map", "w") as f:
            f.write(f"{uid} {uid} 1")
        with open("/proc/self/gid_map", "w") as f:
            f.write(f"{gid} {gid} 1")
    _mount("none", "/", None, MS_REC | MS_PRIVATE)
    staging = os.path.join(config["workdir"], ".keep")
    os.makedirs(staging, exist_ok=True)
    kept = []
    for i, path in enumerate([*config["keep"], config["library"]]):
        stage = os.path.join(staging, str(i))
        os.makedirs(stage, exist_ok=True)
        _mount(path, stage, None, MS_BIND | MS_REC)
        kept.append((path, stage))
    for path in config["hide"]:
        if os.path.isdir(path):
            _mount("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755")
        elif os.path.exists(path):
            _mount("/dev/null", path, None, MS_BIND)
    for path, stage in kept:
        os.makedirs(path, exist_ok=True)
        _mount(stage, path, None, MS_BIND | MS_REC)
        _mount("none", path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
        _libc_call("umount2", stage.encode(), 2)  # MNT_DETACH: the staging copy is not needed


def limit_resources(limits):
    for name, value in limits.items():
        kind = getattr(resource, f"RLIMIT_{name.upper()}")
        resource.setrlimit(kind, (value, value))


def drop_privileges(uid, gid):
    if os.getuid() == 0:
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
    if os.getuid() == 0 or os.geteuid() == 0:
        raise RuntimeError("could not drop root privileges")


def read_frame(stream):
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    return stream.read(size)


def write_frame(fd, payload):
    data = HEADER.pack(len(payload)) + payload
    while data:
        data = data[os.write(fd, data):]


class BoundedText(io.TextIOBase):
    """A stdout that keeps the first MAX_PRINTED characters and drops the rest."""

    def __init__(self):
        self.parts, self.size, self.dropped = [], 0, 0

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        room = MAX_PRINTED - self.size
        if room > 0:
            self.parts.append(text[:room])
            self.size += min(room, len(text))
        self.dropped += max(0, len(text) - max(room, 0))
        return len(text)

    def getvalue(self):
        suffix = f"\n[... {self.dropped} more characters not kept]" if self.dropped else ""
        return "".join(self.parts) + suffix


def _ipython_free(source):
    """Cell source with IPython-only lines (magics, shell escapes) commented out."""
    lines = []
    for line in source.splitlines():
        stripped = line.lstrip()
        lines.append(f"# (not run by the grader) {stripped}" if stripped[:1] in ("%", "!") else line)
    return "\n".join(lines)


def _error(error, filename_prefix="<cell"):
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(filename_prefix)]
    where = f"{frames[-1].filename} line {frames[-1].lineno}" if frames else ""
    text = str(error)
    return {"type": type(error).__name__, "message": text[:500], "where": where}


_COMPILED = {}


def _compiled(source, name):
    """Code objects by (source, name): the same cells run once per graded function."""
    key = (source, name)
    if key not in _COMPILED:
        _COMPILED[key] = compile(_ipython_free(source), name, "exec")
    return _COMPILED[key]


def build_namespace(task):
    """Setup cell, then the student's cells, then the reference dependencies on top."""
    namespace = {"__name__": "__main__"}
    exec(_compiled(task["setup"], "<setup>"), namespace)
    cell_errors = []
    for i, source in enumerate(task["cells"]):
        try:
            exec(_compiled(source, f"<cell {i + 1}>"), namespace)
        except BaseException as error:  # noqa: BLE001 (student code may raise anything, SystemExit too)
            if isinstance(error, KeyboardInterrupt):
                raise
            cell_errors.append(_error(error))
    if task.get("deps_source"):
        reference = {"__name__": "reference"}
        exec(compile(task["deps_source"], "<reference>", "exec"), reference)
        for name in task["deps"]:
            namespace[name] = reference[name]
    return namespace, cell_errors


def run_task(task, plain):
    """Call the student's function on every case; return plain results."""
    namespace, cell_errors = build_namespace(task)
    function = namespace.get(task["function"])
    result = {"function": task["function"], "cell_errors": cell_errors, "cases": []}
    if not callable(function):
        result["missing"] = True
        return result
    for args in task["cases"]:
        args = plain.join(*plain.split(args))  # a private copy the student may change
        printed = BoundedText()
        started = time.perf_counter()
        case = {}
        try:
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
                output = function(*args)
            try:
                plain.split(output)
                case["output"] = output
            except (plain.NotPlainData, RecursionError) as error:
                case["not_plain"] = str(error)[:300]
        except BaseException as error:  # noqa: BLE001
            if isinstance(error, KeyboardInterrupt):
                raise
            case["error"] = _error(error)
            if isinstance(error, MemoryError):
                case["error"]["message"] = "went over the memory limit"
        case["seconds"] = time.perf_counter() - started
        case["printed"] = printed.getvalue()
        try:
            plain.split(args)
            case["args_after"] = args
        except (plain.NotPlainData, RecursionError):
            case["args_after"] = None
        result["cases"].append(case)
        if isinstance(case.get("error"), dict) and case["error"]["type"] == "MemoryError":
            # The same call would only eat the memory again, and the time limit with it.
            skipped = {"type": "MemoryError", "message": "not run: an earlier case went over the memory limit", "where": ""}
            result["cases"] += [{"error": dict(skipped), "printed": ""} for _ in task["cases"][len(result["cases"]):]]
            break
    return result


def enter_pid_namespace(task_fd, result_fd):
    """Continue as process 1 of a new PID namespace, with a /proc that shows only it.

    When process 1 of a namespace dies, the kernel kills every process left in it: whatever the
    student started (in a new session or not) ends with the sandbox, and no process of the machine
    is visible from inside. The process that forks waits here and ends with it."""
    fork_server = os.getppid()
    _libc_call("unshare", CLONE_NEWPID)
    pid = os.fork()
    if pid:
        os.close(task_fd)
        os.close(result_fd)
        # When the fork server ends (because its grader ended), end the namespace: a sandbox
        # busy in an endless loop would otherwise run on until its CPU limit.
        signal.signal(signal.SIGTERM, lambda *_: os.kill(pid, signal.SIGKILL))
        _libc_call("prctl", PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        if os.getppid() != fork_server:  # it ended before prctl
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        os._exit(os.waitstatus_to_exitcode(status) & 0xFF)
    _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)


def serve(config, task_fd, result_fd):
    """A forked sandbox: isolate, limit, drop privileges, then answer tasks until stdin closes."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.environ.clear()
    os.environ.update(config["env"])
    if config["mode"] == "namespace":
        isolate_filesystem(config)
        enter_pid_namespace(task_fd, result_fd)
    else:  # trusted code only: it could undo this, as it could anything else
        _libc_call("prctl", PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    os.chdir(config["workdir"])
    # The release's folder, where the fork server found the modules it preloaded.
    sys.path[:0] = [config["library"], config["workdir"]]
    from dnn_utils import plain  # the release's copy

    limit_resources(config["limits"])
    if config["mode"] == "namespace":
        drop_privileges(config["uid"], config["gid"])
    # Until here a failure is ours and goes to the fork server's log; from here on, output is
    # the student's and goes nowhere.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    tasks = os.fdopen(task_fd, "rb", buffering=0)
    write_frame(result_fd, plain.dumps({"ready": True, "uid": os.getuid()}))
    while True:
        frame = read_frame(tasks)
        if frame is None:
            return
        task = plain.loads(frame)
        try:
            result = run_task(task, plain)
            payload = plain.dumps(result)
        except BaseException as error:  # noqa: BLE001 (the setup itself failed, or results would not serialise)
            payload = plain.dumps({"function": task.get("function"), "worker_error": _error(error, "")})
        write_frame(result_fd, payload)


def preload(library, setup):
    """Run the assignment's setup cell (trusted: from our source notebook) once in the fork server,
    so that every sandbox starts with its imports done. The modules stay valid in a sandbox: it
    sees ``library`` at the same path, read-only."""
    sys.path.insert(0, library)
    try:
        exec(_compiled(setup, "<preload>"), {"__name__": "__preload__"})
    except BaseException:  # noqa: BLE001 (then each sandbox imports what is missing itself)
        traceback.print_exc()
    finally:
        sys.path.remove(library)


def zygote(control_fd, start):
    """The fork server: numpy (and the release's modules) are imported once here, then every
    sandbox is a fork of this process.

    Runs as the grader's user and never runs student code itself. Each request on the control
    socket carries a sandbox's config and two file descriptors (its task and result pipes); the
    reply is the new sandbox's pid. A sandbox isolates itself right after the fork (serve)."""
    sys.path[:0] = start["site_packages"]
    import numpy  # noqa: F401 (the point of the fork server: imported once, shared by every sandbox)
    import numpy.random  # noqa: F401 (numpy imports it on first use: every initialisation uses it)

    if start.get("preload"):
        preload(start["library"], start["preload"])
    # Sandboxes share this process's memory until they write to it; a garbage collection in a
    # sandbox would write to every object it visits, so what is here now is left out of them.
    gc.freeze()
    control = socket.socket(fileno=control_fd)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # sandboxes are reaped automatically
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(control, 1 << 20, 2)
        except (ConnectionError, OSError):
            return
        if not message:
            return  # the grader went away
        config = json.loads(message)
        pid = os.fork()
        if pid == 0:
            control.close()
            os.setsid()
            devnull = os.open(os.devnull, os.O_RDWR)
            for target in (0, 1):
                os.dup2(devnull, target)
            code = 0
            try:
                serve(config, fds[0], fds[1])
            except BaseException:  # noqa: BLE001 (the parent sees the closed result pipe)
                traceback.print_exc()  # to the fork server's log while stderr is still ours
                code = 1
            os._exit(code)
        for fd in fds:
            os.close(fd)
        control.sendall(json.dumps({"pid": pid}).encode())


if __name__ == "__main__":
    zygote(int(sys.argv[1]), json.loads(sys.argv[2]))
