"""Can student code in the grading sandbox see, reach or damage anything it should not?

Each test runs a small probe function as student code and asserts on what it could do. The
same protections hold for every submission the autograder runs (tests/test_scenarios.py shows
the cheats costing only their own points)."""

import os
import textwrap
import time

import pytest

from grader.nbgrader_course import REPO
from grader.sandbox import Sandbox, SandboxError, SandboxSettings, processes_of

TEMPLATE = REPO / "release" / "dnn_step_by_step"


def run_probe(code, tmp_path=None, timeout=20, settings=None, **extra):
    """Run ``probe()`` defined by ``code`` in a fresh sandbox; return its output (or the result dict)."""
    settings = settings or SandboxSettings(hide=[str(tmp_path)] if tmp_path else [])
    with Sandbox(TEMPLATE, settings, time_budget=60) as sandbox:
        result = sandbox.run({"function": "probe", "setup": "import numpy as np", "cells": [textwrap.dedent(code)],
                              "cases": [()], "deps": [], **extra}, timeout)
    case = result.cases[0]
    return case.output if case.returned else case


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
                    "pid": os.getpid(), "processes": sorted(int(p) for p in os.listdir("/proc") if p.isdigit())}
    """)
    if os.getuid() == 0:
        assert output["uid"] >= 62000
    assert output["network"] != "open"
    assert output["interfaces"] == ["lo"]
    # Process 1 of its own PID namespace: it sees no other process, and its end kills all it started.
    assert output["pid"] == 1 and output["processes"] == [1]


def test_the_reference_the_grader_and_the_course_files_are_invisible(tmp_path):
    secret = tmp_path / "submitted" / "other_student" / "notebook.ipynb"
    secret.parent.mkdir(parents=True)
    secret.write_text("another student's work")
    output = run_probe(f"""
        import importlib, os
        def probe():
            seen = {{}}
            for path in {[str(REPO / "source_solutions" / "model.py"), str(REPO / "grader" / "mistakes.py"),
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


def test_two_sandboxes_cannot_read_each_others_folders():
    settings = SandboxSettings()
    with Sandbox(TEMPLATE, settings, 60) as first:
        output = run_probe(f"""
            import os
            def probe():
                try:
                    return sorted(os.listdir({str(first.workdir)!r}))
                except OSError as error:
                    return type(error).__name__
        """)
    assert output in ("PermissionError", "FileNotFoundError")


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
    assert output["error"]["type"] == "SystemExit"


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
    assert "not_plain" in output and len(output["printed"]) < 5000


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


def test_a_sandbox_ends_when_its_grader_ends():
    """A grader killed while student code loops forever leaves nothing running."""
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
    grader = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert grader.stdout.readline().strip() == "started"
    time.sleep(1)
    descendants = psutil.Process(grader.pid).children(recursive=True)
    assert len(descendants) >= 2, "a fork server and a sandbox"
    grader.kill()
    grader.wait()
    _, alive = psutil.wait_procs(descendants, timeout=30)
    assert not alive, [" ".join(p.cmdline())[:100] for p in alive]
