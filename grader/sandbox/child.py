"""The untrusted side of the trust boundary: the fork server and its sandboxes, which run
student code and are trusted with nothing (roles: grader/sandbox/__init__.py).

grader/sandbox/host.py starts this file as the fork server (``fork_server``) of a grading
process for one release folder: it imports numpy and runs the assignment's setup cell (our
code: the release's support modules), then waits. Each sandbox is a fork of it. Before it reads
any student code, a sandbox:
  1. (namespace mode) enters new mount, network and IPC namespaces and builds its own root
     filesystem from an allowlist: the Python installation, the system's libraries (/usr) and
     the release folder, all read-only at their usual paths; a few device nodes; and a fresh
     private scratch (/tmp, /var/tmp, /dev/shm and its home) on one tmpfs with a total size
     cap, gone when the sandbox ends. Nothing else of the machine exists in its view;
  2. becomes process 1 of its own PID namespace (no /proc is mounted);
  3. sets resource limits (address space, CPU seconds, file size, open files, processes);
  4. drops to its own unprivileged uid/gid (when started as root).
Then it answers tasks, one frame each, with one result frame per task (grader/sandbox/wire.py).
While a task runs it may ask the grading process to call a reference function for it
(independent credit): no reference code ever enters a sandbox.

Nothing the grading process relies on is computed here: student code can replace any function
of this file, so everything sent back is checked by the grading process as an attacker's bytes.
"""

import builtins
import contextlib
import ctypes
import gc
import io
import json
import os
import platform
import resource
import signal
import socket
import sys
import time
import traceback

wire = None  # grader/sandbox/wire.py, imported by the fork server once numpy can be found

CLONE_NEWNS, CLONE_NEWNET, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID = 0x00020000, 0x40000000, 0x08000000, 0x10000000, 0x20000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 8, 32, 4096, 16384, 1 << 18
MS_NOATIME, MS_NODIRATIME, MS_RELATIME = 1024, 2048, 1 << 21
ST_TO_MS = {1: MS_RDONLY, 2: MS_NOSUID, 4: MS_NODEV, 8: MS_NOEXEC, 1024: MS_NOATIME, 2048: MS_NODIRATIME, 4096: MS_RELATIME}
MNT_DETACH = 2
PR_SET_PDEATHSIG = 1
DEVICES = ("null", "zero", "full", "random", "urandom")
HOME = "/home/student"
OLD_ROOT = "/.old-root"
MAX_PRINTED = 4000


LIBC = ctypes.CDLL(None, use_errno=True)  # loaded once, in the fork server


def _libc_call(name, *args):
    if getattr(LIBC, name)(*args) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{name}{args[:2]}: {os.strerror(errno)}")


def _mount(source, target, fstype, flags, data=None):
    _libc_call("mount", source and source.encode(), target.encode(), fstype and fstype.encode(), flags, data and data.encode())


def _bind_read_only(source, target, devices=False):
    """Bind ``source`` at ``target`` read-only (no device files unless ``devices``), keeping the
    flags the kernel locks in a user namespace."""
    if os.path.isdir(source):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        open(target, "a").close()
    _mount(source, target, None, MS_BIND | MS_REC)
    kept = 0
    flags = os.statvfs(source).f_flag
    for st, ms in ST_TO_MS.items():
        if flags & st:
            kept |= ms
    _mount(None, target, None, kept | MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | (0 if devices else MS_NODEV))


def build_root(config):
    """Enter new mount, network and IPC namespaces and a root made of config["visible"] (read-only),
    device nodes and a private scratch tmpfs; the old root stays at OLD_ROOT until leave_old_root."""
    user_namespace = os.getuid() != 0
    uid, gid = os.getuid(), os.getgid()
    _libc_call("unshare", CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | (CLONE_NEWUSER if user_namespace else 0))
    if user_namespace:
        for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
            with open(f"/proc/self/{name}", "w") as f:
                f.write(text)
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    root = config["root"]
    _mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, f"size={config['scratch_bytes']},nr_inodes=16384,mode=0755")
    for path in config["visible"]:
        _bind_read_only(path, root + path)
    for name, target in config["links"].items():  # /bin -> usr/bin and the like on merged-/usr systems
        os.symlink(target, root + name)
    os.makedirs(root + "/dev", exist_ok=True)
    for device in DEVICES:  # read-only mounts: their timestamps are the machine's, and could carry data
        if os.path.exists(f"/dev/{device}"):
            _bind_read_only(f"/dev/{device}", f"{root}/dev/{device}", devices=True)
    for folder in ("/tmp", "/var/tmp", "/dev/shm"):
        os.makedirs(root + folder, exist_ok=True)
        os.chmod(root + folder, 0o1777)
    os.makedirs(root + HOME + "/.mpl")
    for folder in (HOME, HOME + "/.mpl"):
        os.chown(root + folder, config["uid"], config["gid"])
        os.chmod(root + folder, 0o700)
    os.makedirs(root + OLD_ROOT)
    machine = platform.machine()
    if machine not in SYSCALL_NUMBERS:
        raise OSError(f"no syscall numbers known for {machine}: the sandbox supports {', '.join(SYSCALL_NUMBERS)}")
    _libc_call("syscall", SYSCALL_NUMBERS[machine]["pivot_root"], root.encode(), (root + OLD_ROOT).encode())
    os.chdir("/")


def leave_old_root():
    """Forget the machine's filesystem: only the new root stays reachable."""
    _libc_call("umount2", OLD_ROOT.encode(), MNT_DETACH)
    os.rmdir(OLD_ROOT)


def enter_pid_namespace(task_fd, result_fd):
    """Continue as process 1 of a new PID namespace.

    When process 1 of a namespace dies, the kernel kills every process left in it: whatever the
    student started ends with the sandbox, and no process of the machine can be signalled from
    inside. The process that forks waits here and ends with it. No /proc is mounted: even the
    sandbox's own would show its page-fault counts, which tell which pages of the shared
    read-only files are cached (a channel between sandboxes that needs no clock)."""
    fork_server_pid = os.getppid()
    _libc_call("unshare", CLONE_NEWPID)
    pid = os.fork()
    if pid:
        os.close(task_fd)
        os.close(result_fd)
        # When the fork server ends (because its grading process ended), end the namespace: a sandbox
        # busy in an endless loop would otherwise run on until its CPU limit.
        signal.signal(signal.SIGTERM, lambda *_: os.kill(pid, signal.SIGKILL))
        _libc_call("prctl", PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        if os.getppid() != fork_server_pid:  # it ended before prctl
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        os._exit(os.waitstatus_to_exitcode(status) & 0xFF)


# Syscalls a sandbox never needs and that reach past its namespaces. The kernel keeps keyrings
# per uid, not per namespace; locks on the read-only files every sandbox shares (/usr, the
# Python installation, the release) are seen by every other sandbox; the page cache of those
# files outlives a sandbox, and these calls would let one set it or read it without timing;
# watching those files (inotify, fanotify, dnotify) would show what another sandbox opens;
# move_pages and its kin report which pages are mapped, and fault-around maps the cached ones;
# the rest would let code with namespace capabilities (user-namespace mode) rebuild its view.
# A rule is a syscall name, or (name, argument index, values of its low 32 bits refused) where
# "nonzero" refuses any non-zero argument (a resource-usage pointer: page-fault counts).
# F_GETLK, F_SETLK, F_SETLKW and their open-file-description forms; leases and F_NOTIFY (dnotify).
F_LOCKS = (5, 6, 7, 36, 37, 38, 1024, 1025, 1026)
BLOCKED = ("add_key", "request_key", "keyctl", "ptrace", "process_vm_readv", "process_vm_writev", "perf_event_open",
           "bpf", "userfaultfd", "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "open_tree",
           "move_mount", "fsopen", "fsconfig", "fsmount", "fspick", "io_uring_setup", "io_uring_enter",
           "io_uring_register", "flock", ("fcntl", 1, F_LOCKS), "fadvise64", "readahead", "preadv2", "pwritev2",
           "mincore", "cachestat", "getrusage", ("wait4", 3, "nonzero"), ("waitid", 4, "nonzero"),
           "inotify_init", "inotify_init1", "inotify_add_watch", "fanotify_init", "fanotify_mark",
           "move_pages", "migrate_pages", "get_mempolicy")
SYSCALL_NUMBERS = {
    "x86_64": {"add_key": 248, "request_key": 249, "keyctl": 250, "ptrace": 101, "process_vm_readv": 310,
               "process_vm_writev": 311, "perf_event_open": 298, "bpf": 321, "userfaultfd": 323, "mount": 165,
               "umount2": 166, "pivot_root": 155, "chroot": 161, "unshare": 272, "setns": 308, "open_tree": 428,
               "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
               "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "flock": 73, "fcntl": 72,
               "fadvise64": 221, "readahead": 187, "preadv2": 327, "pwritev2": 328, "mincore": 27, "cachestat": 451,
               "getrusage": 98, "wait4": 61, "waitid": 247, "inotify_init": 253, "inotify_init1": 294,
               "inotify_add_watch": 254, "fanotify_init": 300, "fanotify_mark": 301, "move_pages": 279,
               "migrate_pages": 256, "get_mempolicy": 239},
    "aarch64": {"add_key": 217, "request_key": 218, "keyctl": 219, "ptrace": 117, "process_vm_readv": 270,
                "process_vm_writev": 271, "perf_event_open": 241, "bpf": 280, "userfaultfd": 282, "mount": 40,
                "umount2": 39, "pivot_root": 41, "chroot": 51, "unshare": 97, "setns": 268, "open_tree": 428,
                "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433,
                "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "flock": 32, "fcntl": 25,
                "fadvise64": 223, "readahead": 213, "preadv2": 286, "pwritev2": 287, "mincore": 232, "cachestat": 451,
                "getrusage": 165, "wait4": 260, "waitid": 95, "inotify_init1": 26, "inotify_add_watch": 27,
                "fanotify_init": 262, "fanotify_mark": 263, "move_pages": 239, "migrate_pages": 238,
                "get_mempolicy": 236},
}
AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
X32_SYSCALL_BIT = 0x40000000
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, PR_CAPBSET_DROP = 38, 22, 2, 24
SECCOMP_RET_KILL_PROCESS, SECCOMP_RET_ERRNO, SECCOMP_RET_ALLOW = 0x80000000, 0x00050000, 0x7FFF0000
BPF_LD_W_ABS, BPF_JEQ_K, BPF_JGE_K, BPF_RET_K = 0x20, 0x15, 0x35, 0x06
EPERM = 1
ALLOW, REFUSE = (BPF_RET_K, 0, 0, SECCOMP_RET_ALLOW), (BPF_RET_K, 0, 0, SECCOMP_RET_ERRNO | EPERM)


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def _argument(index, high=False):
    """Load the low (or high) 32 bits of a syscall argument (struct seccomp_data, little-endian)."""
    return (BPF_LD_W_ABS, 0, 0, 16 + 8 * index + (4 if high else 0))


def _rule_body(rule):
    """Instructions run once the syscall number matched; each ends in a return."""
    if isinstance(rule, str):
        return [REFUSE]
    _, index, values = rule
    if values == "nonzero":
        return [_argument(index), (BPF_JEQ_K, 0, 3, 0), _argument(index, high=True), (BPF_JEQ_K, 0, 1, 0), ALLOW, REFUSE]
    tests = [(BPF_JEQ_K, len(values) - i, 0, value) for i, value in enumerate(values)]
    return [_argument(index), *tests, ALLOW, REFUSE]


def seccomp_program(machine):
    """The BPF program of block_syscalls for ``machine``: (code, jt, jf, k) instructions."""
    numbers = SYSCALL_NUMBERS[machine]
    program = [(BPF_LD_W_ABS, 0, 0, 4), (BPF_JEQ_K, 1, 0, AUDIT_ARCH[machine]),
               (BPF_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS), (BPF_LD_W_ABS, 0, 0, 0)]
    if machine == "x86_64":
        program += [(BPF_JGE_K, 0, 1, X32_SYSCALL_BIT), REFUSE]
    for rule in BLOCKED:
        name = rule if isinstance(rule, str) else rule[0]
        if name not in numbers:  # aarch64 has no inotify_init, say
            continue
        body = _rule_body(rule)
        program += [(BPF_JEQ_K, 0, len(body), numbers[name]), *body]
    return program + [ALLOW]


def block_syscalls():
    """Install the seccomp filter (BLOCKED fail with EPERM, a foreign architecture or an x32 call
    kills the process, everything else is allowed). Inherited by every process the sandbox starts."""
    program = seccomp_program(platform.machine())
    filters = (_SockFilter * len(program))(*[_SockFilter(*instruction) for instruction in program])
    prog = _SockFprog(len(program), filters)
    _libc_call("prctl", PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    _libc_call("prctl", PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0)


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def drop_bounding_capabilities():
    """Empty the capability bounding set (while this process may still: before it drops root)."""
    for capability in range(64):
        LIBC.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0)  # past the last capability: EINVAL, ignored


def clear_capabilities():
    """No effective, permitted or inheritable capabilities, not even those a user namespace gives
    its creator."""
    header = _CapHeader(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3
    _libc_call("capset", ctypes.byref(header), ctypes.byref((_CapData * 2)()))


def join_cgroups(procs_files):
    """Move this process (and so all it will start) into the sandbox's cgroups: one CPU, a memory
    cap for all its processes together, a process count."""
    for path in procs_files:
        with open(path, "w") as f:
            f.write(str(os.getpid()))


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


class Channel:
    """Frames to and from the grading process over two pipes."""

    def __init__(self, task_fd, result_fd):
        self.task_fd, self.result_fd = task_fd, result_fd

    def _read_exactly(self, size):
        chunks, missing = [], size
        while missing:
            chunk = os.read(self.task_fd, min(missing, 1 << 20))
            if not chunk:
                return None
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)

    def receive(self):
        """The next message from the grading process, or None when it closed the pipe."""
        header = self._read_exactly(wire.FRAME_HEADER.size)
        if header is None:
            return None
        payload = self._read_exactly(wire.FRAME_HEADER.unpack(header)[0])
        return None if payload is None else wire.decode(payload, wire.TRUSTED)

    def send(self, message):
        data = wire.frame(wire.encode(message))
        while data:
            data = data[os.write(self.result_fd, data):]

    def call(self, name, args, kwargs):
        """Ask the grading process to run the reference ``name`` on ``args``; its value, or raise its error.

        numpy's global RNG state travels both ways, so a reference that draws random numbers
        draws exactly what it would here."""
        import numpy

        try:
            self.send({"call": name, "args": list(args), "kwargs": dict(kwargs),
                       "rng": list(numpy.random.get_state())})
        except wire.NotPlainData as error:
            raise TypeError(f"{name} was called with something that is not numbers or arrays ({error})") from None
        reply = self.receive()
        if reply is None:
            raise SystemExit("the grader went away")
        if "rng" in reply:
            numpy.random.set_state(tuple(reply["rng"]))
        if "refused" in reply:
            error = reply["refused"]
            kind = getattr(builtins, error["type"], None)
            raise (kind if isinstance(kind, type) and issubclass(kind, Exception) else RuntimeError)(error["message"])
        return reply["value"]


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
    function = frames[-1].name if frames and frames[-1].name != "<module>" else ""
    return {"type": type(error).__name__, "message": str(error)[:500], "where": where, "function": function}


_COMPILED = {}


def _compiled(source, name):
    """Code objects by (source, name): the same cells run once per graded function."""
    key = (source, name)
    if key not in _COMPILED:
        _COMPILED[key] = compile(_ipython_free(source), name, "exec")
    return _COMPILED[key]


def _remote(channel, name):
    """A stand-in for the reference ``name``: the grading process runs it on plain copies of the arguments."""

    def reference(*args, **kwargs):
        return channel.call(name, args, kwargs)

    reference.__name__ = reference.__qualname__ = name
    return reference


def build_namespace(task, channel):
    """Setup cell, then the student's cells, then the reference dependencies on top."""
    namespace = {"__name__": "__main__"}
    exec(_compiled(task["setup"], "<setup>"), namespace)
    for source in task.get("imports", ()):
        # The student's imports from cells that are not run (import copy beside the setup): those
        # that work here are honoured, and one that cannot (a module of another course version) is
        # no fault of the exercises.
        try:
            exec(_compiled(source, "<import>"), namespace)
        except Exception:  # noqa: BLE001
            pass
    cell_errors = []
    for i, source in enumerate(task["cells"]):
        try:
            exec(_compiled(source, f"<cell {i + 1}>"), namespace)
        except BaseException as error:  # noqa: BLE001 (student code may raise anything, SystemExit too)
            if isinstance(error, KeyboardInterrupt):
                raise
            cell_errors.append(_error(error))
    for name in task["deps"]:
        namespace[name] = _remote(channel, name)
    return namespace, cell_errors


def _sendable(value):
    """``value`` encoded once, to travel back inside the result; NotPlainData if it cannot."""
    return wire.Encoded(wire.encode(value))


def run_task(task, channel):
    """Call the student's function on every case; return plain results."""
    namespace, cell_errors = build_namespace(task, channel)
    function = namespace.get(task["function"])
    result = {"cell_errors": cell_errors, "cases": []}
    if not callable(function):
        result["missing"] = True
        return result
    import numpy

    seeds = task.get("seeds") or [None] * len(task["cases"])
    for case_args, seed in zip(task["cases"], seeds):
        args = wire.decode(wire.encode(list(case_args)), wire.TRUSTED)  # a private copy the student may change
        printed = BoundedText()
        started = time.perf_counter()
        case = {}
        try:
            with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
                if seed is not None:  # testCases.assignment.Case.seed: the course's caller seeds
                    numpy.random.seed(seed)
                output = function(*args)
            try:
                case["output"] = _sendable(output)
                case["returned"] = True
            except (wire.NotPlainData, RecursionError) as error:
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
            case["args_after"] = _sendable(list(args))
        except (wire.NotPlainData, RecursionError) as error:
            case["args_unsendable"] = str(error)[:300]
        result["cases"].append(case)
        if "error" in case and case["error"]["type"] == "MemoryError":
            # The same call would only eat the memory again, and the time limit with it.
            skipped = {"type": "MemoryError", "message": "not run: an earlier case went over the memory limit", "where": ""}
            result["cases"] += [{"error": dict(skipped), "printed": ""} for _ in task["cases"][len(result["cases"]):]]
            break
    return result


def serve(config, task_fd, result_fd):
    """A forked sandbox: isolate, limit, drop privileges, then answer tasks until the grading
    process closes its pipe."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    os.environ.clear()
    os.environ.update(config["env"])
    join_cgroups(config.get("cgroups", ()))
    if config["mode"] == "namespace":
        build_root(config)
        enter_pid_namespace(task_fd, result_fd)
        leave_old_root()
        os.chdir(HOME)
    else:  # trusted code only: it could undo this, as it could anything else
        _libc_call("prctl", PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        os.chdir(config["workdir"])
    # The release's folder, where the fork server found the modules it preloaded.
    sys.path[:0] = [config["library"], os.getcwd()]
    limit_resources(config["limits"])
    if config["mode"] == "namespace":
        drop_bounding_capabilities()
        drop_privileges(config["uid"], config["gid"])
        clear_capabilities()
        block_syscalls()
    # Until here a failure is ours and goes to the fork server's log; from here on, output is
    # the student's and goes nowhere.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    channel = Channel(task_fd, result_fd)
    channel.send({"ready": {"uid": os.getuid()}})
    while True:
        message = channel.receive()
        if message is None:
            return
        task = message["task"]
        try:
            result = run_task(task, channel)
            channel.send({"result": result})
        except BaseException as error:  # noqa: BLE001 (the setup itself failed, or results would not serialise)
            if isinstance(error, SystemExit) and str(error) == "the grader went away":
                return
            channel.send({"result": {"sandbox_error": _error(error, "")}})


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


def fork_server(control_fd, start):
    """The fork server: numpy (and the release's modules) are imported once here, then every
    sandbox is a fork of this process.

    Runs as the grader's user and never runs student code itself. Each request on the control
    socket carries a sandbox's config and two file descriptors (its task and result pipes); the
    reply is the new sandbox's pid. A sandbox isolates itself right after the fork (serve)."""
    global wire
    sys.path[:0] = [os.path.dirname(os.path.abspath(__file__)), *start["site_packages"]]
    import wire as wire_module  # beside this file

    wire = wire_module
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
            return  # the grading process went away
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
            except BaseException:  # noqa: BLE001 (the grading process sees the closed result pipe)
                traceback.print_exc()  # to the fork server's log while stderr is still ours
                code = 1
            os._exit(code)
        for fd in fds:
            os.close(fd)
        control.sendall(json.dumps({"pid": pid}).encode())


if __name__ == "__main__":
    fork_server(int(sys.argv[1]), json.loads(sys.argv[2]))
