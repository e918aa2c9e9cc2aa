"""Can student code in the grading sandbox see, reach or damage anything it should not?

Each test runs a small probe function as student code and asserts on what it could do. The
same protections hold for every submission the autograder runs (tests/test_scenarios.py shows
the cheats costing only their own points)."""

import os
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np

import pytest

from grader.paths import REPO
from grader.sandbox import Sandbox, SandboxError, SandboxSettings, filesystem_view, processes_of

TEMPLATE = REPO / "release" / "dnn_step_by_step"


def step_by_step_reference():
    """The grading process's answer to a sandbox's reference calls, for the step-by-step functions."""
    from grader.grading.assignments import load_spec
    from grader.grading.independent import reference_caller

    return reference_caller(load_spec("dnn_step_by_step"))


def run_probe(code, tmp_path=None, timeout=20, settings=None, **extra):
    """Run ``probe()`` defined by ``code`` in a fresh sandbox; return its output (or the result dict).
    The probe finds this machine's syscall numbers in NUMBERS."""
    import platform

    from grader.sandbox.child import SYSCALL_NUMBERS

    settings = settings or SandboxSettings(hide=[str(tmp_path)] if tmp_path else [])
    setup = f"import numpy as np\nNUMBERS = {SYSCALL_NUMBERS[platform.machine()]!r}"
    with Sandbox(TEMPLATE, settings, time_budget=60) as sandbox:
        result = sandbox.run({"function": "probe", "setup": setup, "cells": [textwrap.dedent(code)],
                              "cases": [()], "deps": [], **extra}, timeout)
    case = result.cases[0]
    return case.output if case.returned else case


def parents_of_visible(folder):
    """Names in ``folder`` that lead to a read-only visible path (a checkout under /tmp, say):
    the only thing a fresh scratch folder may show besides what the sandbox wrote itself."""
    visible, _ = filesystem_view(TEMPLATE)
    return {Path(p).relative_to(folder).parts[0] for p in visible if p.startswith(folder.rstrip("/") + "/")}


def test_student_code_runs_as_an_unprivileged_user_without_network():
    output = run_probe("""
        import os, socket
        def probe():
            try:
                socket.create_connection(("127.0.0.1", 22), timeout=2)
                network = "open"
            except OSError as error:
                network = type(error).__name__
            return {"uid": os.getuid(), "network": network, "interfaces": sorted(name for _, name in socket.if_nameindex()),
                    "pid": os.getpid(), "proc": os.path.exists("/proc/self")}
    """)
    if os.getuid() == 0:
        assert output["uid"] >= 62000
    assert output["network"] != "open"
    assert output["interfaces"] == ["lo"]
    # Process 1 of its own PID namespace: its end kills all it started. No /proc: not even its own
    # page-fault counts, which would tell which pages of shared files are cached.
    assert output["pid"] == 1 and not output["proc"]


def test_the_reference_the_grader_and_the_course_files_are_invisible(tmp_path):
    secret = tmp_path / "submitted" / "other_student" / "notebook.ipynb"
    secret.parent.mkdir(parents=True)
    secret.write_text("another student's work")
    output = run_probe(f"""
        import importlib, os
        def probe():
            seen = {{}}
            for path in {[str(REPO / "source_solutions" / "model.py"), str(REPO / "testCases" / "dnn_step_by_step" / "hidden" / "mistakes.py"),
                          str(REPO / "notebooks"), str(secret), "/root"]!r}:
                try:
                    seen[path] = sorted(os.listdir(path)) if os.path.isdir(path) else open(path).read()[:10]
                except OSError as error:
                    seen[path] = type(error).__name__
            for module in ("source_solutions", "grader.mistakes"):
                try:
                    importlib.import_module(module)
                    seen[module] = "imported"
                except ImportError as error:
                    seen[module] = type(error).__name__
            return seen
    """, tmp_path)
    assert output.pop("/root") in ([], [".pyenv"]), "only the Python installation may show through"
    for path, seen in output.items():
        assert seen in ("FileNotFoundError", "PermissionError", "ModuleNotFoundError", []), (path, seen)


def test_scratch_is_private_to_each_sandbox_capped_and_gone_afterwards():
    """Students cannot share an answer key through /tmp, /dev/shm, /var/tmp or their home: each
    sandbox has its own, on one tmpfs with a total size cap, destroyed with it."""
    plant = """
        import os
        def probe():
            seen = {}
            for folder in ("/tmp", "/dev/shm", "/var/tmp", os.path.expanduser("~")):
                seen[folder] = sorted(n for n in os.listdir(folder) if n != ".mpl")
                with open(os.path.join(folder, "answer-key"), "w") as f:
                    f.write("42")
            written = 0
            try:
                for i in range(40):
                    with open(f"/tmp/fill{i}", "wb") as f:
                        f.write(b"x" * (8 << 20))
                    written += 8
            except OSError:
                pass
            seen["MiB written"] = written
            return seen
    """
    settings = SandboxSettings(scratch_bytes=32 << 20)
    with Sandbox(TEMPLATE, settings, 60) as first:  # open while the second one runs
        first_output = first.run({"function": "probe", "setup": "", "cells": [textwrap.dedent(plant)],
                                  "cases": [()], "deps": []}, 20).cases[0].output
        second_output = run_probe(plant, settings=settings)
    for output in (first_output, second_output):
        for folder in ("/tmp", "/dev/shm", "/var/tmp", "/home/student"):
            assert set(output[folder]) <= parents_of_visible(folder), output
        assert output["MiB written"] < 32
    assert not list(Path(tempfile.gettempdir()).glob("answer-key*")) and not Path("/dev/shm/answer-key").exists()


def test_only_the_python_installation_and_the_release_are_visible(tmp_path):
    """An allowlist, not a denylist: a folder nobody thought to hide (an earlier run's output, a
    gradebook's -wal file made after the sandbox started) is not there."""
    earlier_run = tmp_path / "old-run"
    earlier_run.mkdir()
    (earlier_run / ".grader_state.sqlite").write_text("every student's scores")
    (earlier_run / ".grader_state.sqlite").chmod(0o644)
    output = run_probe(f"""
        import os
        def probe():
            return {{"top": sorted(os.listdir("/")), "etc": os.path.exists("/etc/passwd"),
                    "old run": os.path.exists({str(earlier_run)!r}), "tmp": os.listdir("/tmp"),
                    "repo": sorted(os.listdir({str(REPO)!r})) if os.path.exists({str(REPO)!r}) else None}}
    """)
    assert not output["old run"] and not output["etc"] and set(output["tmp"]) <= parents_of_visible("/tmp")
    assert set(output["top"]) <= {"bin", "dev", "home", "lib", "lib32", "lib64", "libx32", "proc", "sbin", "tmp", "usr",
                                  "var", *(Path(p).resolve().parts[1] for p in (sys.prefix, sys.base_prefix, REPO))}
    assert output["repo"] is None or set(output["repo"]) <= {"release", ".venv"}


def test_no_reference_code_can_be_found_in_a_sandbox_that_uses_reference_functions():
    """Independent credit without reference code: the sandbox calls linear_forward and
    linear_activation_forward, which the grading process runs; nothing the student can reach (memory,
    frames, modules, files) holds their source."""
    import inspect

    call_reference = step_by_step_reference()
    from source_solutions import layer, linear

    markers = []
    for function in (linear.linear_forward, layer.linear_activation_forward):
        source = inspect.getsource(function)
        # Every long line but the signature, which the student's notebook shows too.
        markers += [line.strip() for line in source.splitlines() if len(line.strip()) > 30 and not line.strip().startswith("def ")]
    probe = textwrap.dedent(f"""
        import gc, os, sys
        MARKERS = {markers!r}

        def texts_in_memory():
            objects = gc.get_objects()
            texts = []  # made after the snapshot, so it is not walked while it grows
            for obj in objects:
                values = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, (list, tuple)) else ()
                if hasattr(obj, "co_consts"):
                    values = obj.co_consts
                texts += [value for value in list(values) if isinstance(value, str)]
            frame = sys._getframe()
            while frame is not None:
                texts += [v for v in list(frame.f_locals.values()) + list(frame.f_globals.values()) if isinstance(v, str)]
                frame = frame.f_back
            return texts

        def files():
            for module in list(sys.modules.values()):
                path = getattr(module, "__file__", None)
                if path and os.path.isfile(path):
                    yield path
            for top in ("/home", "/tmp", "/var", "/dev/shm", {str(TEMPLATE)!r}):
                for folder, _, names in os.walk(top):
                    yield from (os.path.join(folder, n) for n in names)

        def probe(A, W, b):
            Z, cache = linear_forward(A, W, b)
            A_out, _ = linear_activation_forward(A, W, b, activation="relu")
            texts = texts_in_memory()
            # The markers themselves and this cell's source are in memory by design.
            found = {{m for text in texts for m in MARKERS if m in text and text != m and "MARKERS = " not in text}}
            for path in files():
                try:
                    with open(path, "rb") as f:
                        text = f.read(4 << 20).decode("utf-8", "replace")  # sources and data, not the numpy libraries
                except OSError:
                    continue
                found |= {{path for m in MARKERS if m in text}}
            named = []
            for folder, dirs, _ in os.walk("/"):
                if folder == "/" and "proc" in dirs:
                    dirs.remove("proc")
                named += [os.path.join(folder, d) for d in dirs if d == "source_solutions"]
            return {{"Z": Z, "A": A_out, "found": sorted(set(found))[:5], "named": named}}
    """)
    A, W, b = np.ones((3, 2)), np.full((2, 3), -0.5), np.ones((2, 1))
    with Sandbox(TEMPLATE, SandboxSettings(), 120) as sandbox:
        run = sandbox.run({"function": "probe", "setup": "import numpy as np", "cells": [probe], "cases": [[A, W, b]],
                           "deps": ["linear_forward", "linear_activation_forward"]}, 100, answer=call_reference)
    output = run.cases[0].output
    assert run.cases[0].returned, run.cases[0].raised
    assert np.array_equal(output["Z"], W @ A + b) and np.array_equal(output["A"], np.maximum(W @ A + b, 0))
    assert output["found"] == [] and output["named"] == []


def test_reference_calls_are_refused_for_functions_the_task_does_not_offer():
    call_reference = step_by_step_reference()

    probe = textwrap.dedent("""
        def probe():
            try:
                return linear_backward(1, 2)
            except NameError as error:
                return "NameError"
    """)
    calls = textwrap.dedent("""
        import gc
        def probe():
            channel = next(o for o in gc.get_objects() if type(o).__name__ == "Channel")
            return [repr(e)[:60] for e in _try(channel)]

        def _try(channel):
            for name in ("linear_backward", "reference_function", "__import__"):
                try:
                    yield channel.call(name, [1], {})
                except Exception as error:
                    yield error
    """)
    with Sandbox(TEMPLATE, SandboxSettings(), 60) as sandbox:
        assert sandbox.run({"function": "probe", "setup": "", "cells": [probe], "cases": [()], "deps": []},
                           20, answer=call_reference).cases[0].output == "NameError"
        refused = sandbox.run({"function": "probe", "setup": "", "cells": [calls], "cases": [()],
                               "deps": ["linear_forward"]}, 20, answer=call_reference).cases[0].output
    assert len(refused) == 3 and all(text.startswith("NameError") for text in refused), refused


def test_a_sandbox_that_stops_reading_cannot_block_the_grader():
    """It answers early with a forged result, then sleeps without reading; the next task is
    bigger than a pipe's buffer. The grader's write times out instead of hanging forever."""
    stall = textwrap.dedent("""
        import gc, time
        channel = next(o for o in gc.get_objects() if type(o).__name__ == "Channel")
        channel.send({"result": {"cases": [{"returned": True, "output": 1.0, "args_after": []}]}})
        time.sleep(600)
        def probe():
            return 1.0
    """)
    padding = "# " + "x" * (256 << 10) + "\n"
    with Sandbox(TEMPLATE, SandboxSettings(), 60) as sandbox:
        task = {"function": "probe", "setup": "", "cells": [stall], "cases": [()], "deps": []}
        first = sandbox.run(task, 10)
        assert first.cases[0].output == 1.0  # forged, but worth no more than a correct answer
        started = time.monotonic()
        with pytest.raises(SandboxError) as error:
            sandbox.run(dict(task, cells=[stall + padding]), 3)
    assert error.value.kind == "timeout" and time.monotonic() - started < 10


def test_an_honest_cell_bigger_than_a_pipe_buffer_arrives_whole():
    cell = "# a long comment\n" * 6000 + "def probe():\n    return 2.0\n"
    assert len(cell) > 65536
    assert run_probe(cell) == 2.0


def test_reference_calls_too_large_for_the_grader_are_refused_at_once():
    """Zero-size arrays whose product is huge, and broadcasting, once cost the grader gigabytes."""
    call_reference = step_by_step_reference()

    cell = textwrap.dedent("""
        import numpy as np, time
        def probe():
            seen = []
            for args in ((np.zeros((0, 12000)), np.zeros((12000, 0)), np.zeros((1, 1))),
                         (np.ones((1, 12000)), np.ones((12000, 1)), np.zeros((1, 1))),
                         (np.ones((2, 2, 2)), np.ones((2, 2)), np.zeros((2, 1))),
                         ([[1.0]], [[1.0]] * 11000, [[1.0] * 11000])):  # nested lists are arrays too
                started = time.perf_counter()
                try:
                    linear_forward(*args)
                    seen.append("computed")
                except ValueError as error:
                    seen.append("refused" if "too large" in str(error) or "axes" in str(error) else str(error))
            return seen
    """)
    started = time.monotonic()
    with Sandbox(TEMPLATE, SandboxSettings(), 60) as sandbox:
        run = sandbox.run({"function": "probe", "setup": "", "cells": [cell], "cases": [()], "deps": ["linear_forward"]},
                          20, answer=call_reference)
    assert run.cases[0].output == ["refused"] * 4 and time.monotonic() - started < 10


@pytest.mark.slow  # it has to spend the whole per-task budget of reference calls: about 20 s
def test_reference_calls_cannot_keep_the_grader_busy_for_a_whole_time_limit():
    """Each call is small, but thousands of them would cost the grader's CPU for the whole time
    limit of every function with dependencies: their time is budgeted per task."""
    call_reference = step_by_step_reference()
    from grader.sandbox.host import CALL_SECONDS

    cell = textwrap.dedent("""
        import numpy as np
        def probe():
            A, W, b = np.ones((32, 900)), np.ones((900, 32)), np.zeros((900, 1))  # just under the caps
            for _ in range(100_000):
                linear_forward(A, W, b)
    """)
    started = time.monotonic()
    with Sandbox(TEMPLATE, SandboxSettings(), 120) as sandbox:
        with pytest.raises(SandboxError) as error:
            sandbox.run({"function": "probe", "setup": "", "cells": [cell], "cases": [()], "deps": ["linear_forward"]},
                        60, answer=call_reference)
    assert error.value.kind == "protocol" and "of the grader's time" in str(error.value)
    assert time.monotonic() - started < 60 and CALL_SECONDS <= 2


def test_refused_calls_count_toward_the_graders_time_too():
    """Calls of names the task does not offer, with arguments near the frame limit, are refused,
    but reading them costs the grader: that time is budgeted with the answered calls."""
    cell = textwrap.dedent("""
        import gc
        def probe():
            channel = next(o for o in gc.get_objects() if type(o).__name__ == "Channel")
            for _ in range(100_000):
                channel.send({"call": "nope", "args": list(range(199_000))})
                channel.receive()
    """)
    started = time.monotonic()
    with Sandbox(TEMPLATE, SandboxSettings(), 120) as sandbox:
        with pytest.raises(SandboxError) as error:
            sandbox.run({"function": "probe", "setup": "", "cells": [cell], "cases": [()], "deps": []}, 60)
    assert error.value.kind == "protocol" and "of the grader's time" in str(error.value)
    assert time.monotonic() - started < 45


def test_the_slot_folder_must_be_the_graders_own(tmp_path, monkeypatch):
    """Another local user who makes the slot folder first, or plants links or FIFOs in it, must
    not make the grader create files elsewhere or hang."""
    from grader.sandbox import SandboxUnavailable, host

    foreign = tmp_path / "foreign"
    foreign.mkdir(mode=0o777)
    foreign.chmod(0o777)
    monkeypatch.setattr(host, "SLOT_DIR", foreign)
    with pytest.raises(SandboxUnavailable, match="not a folder of this user's alone"):
        host.Slot()
    planted = tmp_path / "planted"
    planted.mkdir(mode=0o700)
    (planted / "0.lock").symlink_to(tmp_path / "created-by-the-grader")
    monkeypatch.setattr(host, "SLOT_DIR", planted)
    with pytest.raises(SandboxUnavailable, match="remove"):
        host.Slot()
    assert not (tmp_path / "created-by-the-grader").exists()
    (planted / "0.lock").unlink()
    os.mkfifo(planted / "0.lock")
    with pytest.raises(SandboxUnavailable, match="not a regular file"):
        host.Slot()


def test_a_flood_of_hostile_frames_costs_the_grader_little():
    """Unreadable or oversized frames are refused at once; the grader's time is bounded."""
    floods = {
        "oversized": "os.write(channel.result_fd, (1 << 40).to_bytes(8, 'little'))",
        "many values": "data = bytes([108]) + (10**6).to_bytes(4, 'little') + bytes([108, 0, 0, 0, 0]) * 10**6; "
                       "os.write(channel.result_fd, len(data).to_bytes(8, 'little') + data)",
    }
    for name, flood in floods.items():
        cell = ("import gc, os, time\n"
                "def probe():\n"
                "    channel = next(o for o in gc.get_objects() if type(o).__name__ == 'Channel')\n"
                f"    {flood}\n"
                "    time.sleep(600)\n")
        started = time.monotonic()
        with pytest.raises(SandboxError) as error:
            run_probe(cell, timeout=20)
        assert error.value.kind == "protocol" and time.monotonic() - started < 10, name


def test_an_endless_loop_is_stopped_at_the_time_limit():
    started = time.monotonic()
    with pytest.raises(SandboxError) as error:
        run_probe("def probe():\n    while True:\n        pass\n", timeout=2)
    assert error.value.kind == "timeout" and time.monotonic() - started < 15


def test_exiting_the_process_is_reported_not_obeyed():
    with pytest.raises(SandboxError) as error:
        run_probe("import os\ndef probe():\n    os._exit(0)\n")
    assert error.value.kind == "crashed" and "ended" in str(error.value)
    output = run_probe("import sys\ndef probe():\n    sys.exit(0)\n")
    assert output.raised.type == "SystemExit"


def test_memory_files_and_processes_are_limited():
    output = run_probe("""
        import os
        import numpy as np
        def probe():
            seen = {}
            try:
                np.ones((40000, 40000))
                seen["memory"] = "allocated 12.8 GB"
            except MemoryError:
                seen["memory"] = "MemoryError"
            try:
                with open("big.bin", "wb") as f:
                    f.write(b"x" * (64 << 20))
                seen["file"] = "wrote 64 MiB"
            except OSError as error:
                seen["file"] = type(error).__name__
            children = 0
            try:
                for _ in range(200):
                    if os.fork() == 0:
                        import time
                        time.sleep(30)
                        os._exit(0)
                    children += 1
            except OSError:
                pass
            seen["children"] = children
            return seen
    """, settings=SandboxSettings(file_bytes=16 << 20, processes=32))
    assert output["memory"] == "MemoryError"
    assert output["file"] in ("OSError", "PermissionError") or "error" in output
    assert output["children"] < 32


def test_processes_left_behind_are_killed_with_the_sandbox():
    settings = SandboxSettings()
    sandbox = Sandbox(TEMPLATE, settings, 60).start()
    uid = sandbox.uid
    result = sandbox.run({"function": "probe", "setup": "", "cells": [textwrap.dedent("""
        import os, subprocess
        def probe():
            subprocess.Popen(["sleep", "300"], start_new_session=True)
            return os.getuid()
    """)], "cases": [()], "deps": []}, 20)
    assert result.cases[0].output == uid
    sandbox.close()
    if os.getuid() == 0:
        time.sleep(0.2)
        assert not processes_of(uid)


def test_printing_is_bounded_and_results_stay_plain():
    output = run_probe("""
        def probe():
            print("x" * 10_000_000)
            class Sneaky:
                pass
            return Sneaky()
    """)
    assert output.not_plain and len(output.printed) < 5000


def test_the_setup_imports_are_preloaded_read_only_and_private_to_each_sandbox():
    """The fork server runs the setup cell once; each sandbox gets its own copy of the modules,
    so what one student changes in them is gone for the next."""
    setup = "import numpy as np\nfrom dnn_utils.compare import compare\nimport testCases"
    probe = """
        import sys, dnn_utils.compare
        def probe():
            seen = {"preloaded": "testCases" in sys.modules, "file": dnn_utils.compare.__file__,
                    "patched before": getattr(dnn_utils.compare, "PATCHED", False)}
            dnn_utils.compare.PATCHED = True
            try:
                open(dnn_utils.compare.__file__, "a").close()
                seen["writable"] = True
            except OSError:
                seen["writable"] = False
            return seen
    """
    outputs = []
    for _ in range(2):
        with Sandbox(TEMPLATE, SandboxSettings(), 60, preload=setup) as sandbox:
            result = sandbox.run({"function": "probe", "setup": setup, "cells": [textwrap.dedent(probe)],
                                  "cases": [()], "deps": []}, 20)
        outputs.append(result.cases[0].output)
    for output in outputs:
        assert output["preloaded"] and output["file"].startswith(str(TEMPLATE.resolve()))
        assert output["patched before"] is False and output["writable"] is False


def test_a_sandbox_ends_when_its_grading_process_ends():
    """A grading process killed while student code loops forever leaves nothing running."""
    import subprocess
    import sys

    import psutil

    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(REPO)!r})
        from grader.sandbox import Sandbox, SandboxSettings
        sandbox = Sandbox({str(TEMPLATE)!r}, SandboxSettings(), 600).start()
        print("started", flush=True)
        sandbox.run({{"function": "probe", "setup": "", "cells": ["def probe():\\n    while True:\\n        pass\\n"],
                     "cases": [()], "deps": []}}, 600)
    """)
    grading_process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert grading_process.stdout.readline().strip() == "started"
    time.sleep(1)
    descendants = psutil.Process(grading_process.pid).children(recursive=True)
    assert len(descendants) >= 2, "a fork server and a sandbox"
    grading_process.kill()
    grading_process.wait()
    _, alive = psutil.wait_procs(descendants, timeout=30)
    assert not alive, [" ".join(p.cmdline())[:100] for p in alive]


def test_locks_and_page_cache_state_of_shared_files_cannot_carry_data_between_sandboxes():
    """Every sandbox sees the same read-only files: a lock on one, or which of its pages are
    cached, would be a channel between two students' sandboxes (found by a red team: a helper
    answered another student's compute_cost through fcntl locks; code travelled in page-cache
    state read with RWF_NOWAIT, then with move_pages after fault-around). Locks, cache control,
    page-fault counters and page-presence reports are refused."""
    output = run_probe("""
        import errno, fcntl, os, resource
        def attempt(action):
            try:
                action()
                return "allowed"
            except OSError as error:
                return errno.errorcode.get(error.errno, "?")
        def probe():
            fd = os.open("/usr/bin/env", os.O_RDONLY)
            buffer = bytearray(4096)
            child = os.fork()
            if child == 0:
                os._exit(0)
            return {
                "lockf": attempt(lambda: fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)),
                "flock": attempt(lambda: fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)),
                "fadvise": attempt(lambda: os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)),
                "nowait read": attempt(lambda: os.preadv(fd, [buffer], 0, os.RWF_NOWAIT)),
                "getrusage": attempt(lambda: resource.getrusage(resource.RUSAGE_SELF)),
                "wait4": attempt(lambda: os.wait4(child, 0)),
                "plain read": attempt(lambda: os.pread(fd, 16, 0)),
                "cloexec": attempt(lambda: fcntl.fcntl(fd, fcntl.F_SETFD, fcntl.FD_CLOEXEC)),
                "dnotify": attempt(lambda: fcntl.fcntl(os.open("/usr", os.O_RDONLY), fcntl.F_NOTIFY, fcntl.DN_ACCESS)),
                "inotify": attempt(lambda: inotify()),
                "device timestamps": attempt(lambda: os.utime("/dev/zero")),
                "device write": attempt(lambda: os.write(os.open("/dev/null", os.O_WRONLY), b"x")),
                "move_pages": attempt(lambda: move_pages()),
            }

        def move_pages():
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.syscall(NUMBERS["move_pages"], 0, 0, None, None, None, 0) < 0:  # reports which pages are mapped
                raise OSError(ctypes.get_errno(), "move_pages")

        def inotify():
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.inotify_init1(0) < 0:
                raise OSError(ctypes.get_errno(), "inotify_init1")
    """)
    assert output == {"lockf": "EPERM", "flock": "EPERM", "fadvise": "EPERM", "nowait read": "EPERM",
                      "getrusage": "EPERM", "wait4": "EPERM", "plain read": "allowed", "cloexec": "allowed",
                      "dnotify": "EPERM", "inotify": "EPERM", "device timestamps": "EROFS", "device write": "allowed",
                      "move_pages": "EPERM"}, output


def test_kernel_keyrings_and_namespace_syscalls_are_blocked():
    """The kernel keeps keyrings per uid, not per namespace: two sandboxes of one slot's uid
    could pass an answer key through one. Those calls, and the ones that rebuild a view of the
    machine (mount, unshare, ptrace...), fail."""
    output = run_probe("""
        import ctypes, errno
        def probe():
            libc = ctypes.CDLL(None, use_errno=True)
            seen = {}
            for name, args in (("add_key", (b"user", b"answers", b"42", 2, -4)), ("keyctl", (0, -4)),
                               ("unshare", (0x00020000,)), ("mount", (b"none", b"/tmp", b"tmpfs", 0, None)),
                               ("ptrace", (16, 1, 0, 0))):
                result = libc.syscall(NUMBERS[name], *args)
                seen[name] = errno.errorcode.get(ctypes.get_errno(), "?") if result == -1 else "allowed"
            return seen
    """)
    assert output == {"add_key": "EPERM", "keyctl": "EPERM", "unshare": "EPERM", "mount": "EPERM", "ptrace": "EPERM"}


@pytest.mark.slow  # runs each cap to its limit
@pytest.mark.skipif(os.getuid() != 0, reason="cgroups are made by a grader running as root")
def test_memory_cpu_and_processes_are_capped_for_the_whole_sandbox():
    """Limits per process are not enough: eight processes of 200 MB each would each stay under
    a per-process limit. The sandbox's cgroups cap them together, give it one CPU and a number
    of processes."""
    settings = SandboxSettings(memory_bytes=512 << 20)
    with Sandbox(TEMPLATE, settings, 60) as sandbox:
        cgroups = sandbox.cgroups.procs
        assert all(str(sandbox.pid) in Path(procs).read_text().split() for procs in cgroups)
    assert all("dnn-grade/slot-" in p for p in cgroups) and len(cgroups) in (1, 3)
    output = run_probe("""
        import os, time
        import numpy as np
        def probe():
            children = []
            for _ in range(8):
                pid = os.fork()
                if pid == 0:
                    block = np.ones(25_000_000)  # 200 MB, touched
                    time.sleep(5)
                    os._exit(0)
                children.append(pid)
            statuses = [os.waitpid(pid, 0)[1] for pid in children]
            return {"killed": sum(os.WIFSIGNALED(s) for s in statuses)}
    """, settings=settings, timeout=60)
    assert output["killed"] >= 4, output


def test_a_case_seed_seeds_numpys_global_rng_right_before_each_call():
    """Case.seed: a function whose caller seeds (the course's initialisations without a seed
    inside) draws from np.random.seed(seed) in the sandbox; a case without one is left alone."""
    probe = "import numpy as np\ndef probe():\n    return np.random.randn(3)\n"
    with Sandbox(TEMPLATE, SandboxSettings(), 60) as sandbox:
        run = sandbox.run({"function": "probe", "setup": "", "cells": [probe], "cases": [(), (), ()],
                           "seeds": [5, 2, 5], "deps": []}, 20)
    first, second, third = (case.output for case in run.cases)
    np.testing.assert_array_equal(first, np.random.RandomState(5).randn(3))
    np.testing.assert_array_equal(second, np.random.RandomState(2).randn(3))
    np.testing.assert_array_equal(third, first)


def test_a_reference_dependency_draws_from_and_advances_the_sandboxs_random_state():
    """A reference stand-in that draws random numbers (initialize_parameters_deep seeds 3 inside,
    then draws) leaves the sandbox's global RNG exactly where the reference itself would have, and
    the grading process's own state untouched."""
    probe = textwrap.dedent("""
        import numpy as np
        def probe():
            np.random.seed(11)
            parameters = initialize_parameters_deep([4, 3, 2])
            return parameters["W2"], np.random.randn(2)
    """)
    np.random.seed(99)
    own = np.random.get_state()
    with Sandbox(TEMPLATE, SandboxSettings(), 60) as sandbox:
        run = sandbox.run({"function": "probe", "setup": "", "cells": [probe], "cases": [()],
                           "deps": ["initialize_parameters_deep"]}, 20, answer=step_by_step_reference())
    W2, after = run.cases[0].output
    from source_solutions.dnn_step_by_step import initialize_parameters_deep

    expected_W2 = initialize_parameters_deep([4, 3, 2])["W2"]
    expected_after = np.random.randn(2)
    np.testing.assert_array_equal(W2, expected_W2)
    np.testing.assert_array_equal(after, expected_after)
    np.random.set_state(own)
    assert np.random.randn() == np.random.RandomState(99).randn()


def test_a_forged_random_state_is_refused_by_the_reference_caller():
    call = step_by_step_reference()
    good = list(np.random.RandomState(0).get_state())
    for forged in ([], "MT19937", good[:4], ["PCG64", *good[1:]], [good[0], good[1][:10], *good[2:]],
                   [good[0], good[1].astype(np.int64), *good[2:]], [*good[:2], 10_000, *good[3:]],
                   [*good[:4], "nan"]):
        kind, error = call("initialize_parameters_deep", ([3, 2],), {}, rng=forged)
        assert kind == "refused" and "random state" in error["message"], forged
    kind, value, state = call("initialize_parameters_deep", ([3, 2],), {}, rng=good)
    assert kind == "value" and value["W1"].shape == (2, 3) and len(state) == 5
