# SPDX-License-Identifier: Apache-2.0
"""Starts helios-workbench --exit-when-ready RUNS times, each with a fresh HOME, XDG
directories and HELIOS_DATA_DIR (no saved layout, project, settings or database: a first
start), and prints one Markdown table row per figure: median, min and max in ms.

  spawn to ready   from just before the process is spawned until its 'ready <ms>' line
                   is read: the window is shown, painted and takes input
  main to ready    the 'ready <ms>' figure itself: from main()'s first line, so without
                   the dynamic loader's work
  spawn to exit    until the process has exited (adds tearing the window down)
  CPU to exit      user + system CPU time of the whole run: what the start costs on an
                   idle machine, whatever else is running on this one

usage: measure_start.py LABEL RUNS WORKBENCH   (the platform comes from the environment)
"""
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

label, runs, workbench = sys.argv[1], int(sys.argv[2]), sys.argv[3]
TIMEOUT_S = 60


def fresh_environment(home):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HELIOS_", "XDG_"))}
    for name in ("config", "data", "cache", "runtime"):
        os.makedirs(os.path.join(home, name), mode=0o700)
    env.update(HOME=home, XDG_CONFIG_HOME=home + "/config", XDG_DATA_HOME=home + "/data",
               XDG_CACHE_HOME=home + "/cache", XDG_RUNTIME_DIR=home + "/runtime",
               HELIOS_DATA_DIR=home + "/helios")
    return env


def one_run():
    home = tempfile.mkdtemp(prefix="helios-startup-")
    try:
        env = fresh_environment(home)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        process = subprocess.Popen([workbench, "--exit-when-ready"], env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
        ready_at, reported = None, None
        deadline = started + TIMEOUT_S
        for line in process.stdout:
            if line.startswith("ready "):
                ready_at = time.monotonic()
                reported = int(line.split()[1])
                break
        try:
            process.wait(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            sys.exit(f"bench/startup: {workbench} did not exit within {TIMEOUT_S} s ({label})")
        exited_at = time.monotonic()
        if reported is None or process.returncode != 0:
            sys.exit(f"bench/startup: {workbench} printed no 'ready <ms>' line or exited {process.returncode} ({label})")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return (ready_at - started) * 1000, reported, (exited_at - started) * 1000, cpu * 1000
    finally:
        shutil.rmtree(home, ignore_errors=True)


results = [one_run() for _ in range(runs)]
for index, figure in enumerate(("spawn to ready", "main to ready", "spawn to exit", "CPU to exit")):
    values = [r[index] for r in results]
    print(f"| {label} | {figure} | {statistics.median(values):.0f} | {min(values):.0f} | {max(values):.0f} |")
