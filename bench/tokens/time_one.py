#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Runs one command and prints "<wall ms> <peak RSS KiB> <exit code>". The clock runs from
# the spawn to the reaping of that one process (under GNU time, which reads the peak RSS
# of a child of its own: a vfork child of this interpreter would be charged its pages),
# so no shell, timeout or date process is counted against any tool: at tens of
# milliseconds those were a third of a fast tool's figure.
#
# usage: time_one.py TIMEOUT_SECONDS LOG_FILE COMMAND [ARGS...]
import os
import signal
import sys
import time

limit, log, command = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
# posix_spawn (vfork underneath): forking this interpreter would cost the child's start more.
actions = [(os.POSIX_SPAWN_DUP2, out, 1), (os.POSIX_SPAWN_DUP2, out, 2), (os.POSIX_SPAWN_CLOSE, out)]
rss_file = log + ".rss"
wrapped = ["/usr/bin/time", "-f", "%M", "-o", rss_file, *command]
start = time.perf_counter()
# Its own process group, so a timeout kills the tool and not only GNU time.
pid = os.posix_spawn(wrapped[0], wrapped, os.environ, file_actions=actions, setpgroup=0)
signal.signal(signal.SIGALRM, lambda *_: os.killpg(pid, signal.SIGKILL))
signal.setitimer(signal.ITIMER_REAL, limit)
_, status, _ = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
signal.setitimer(signal.ITIMER_REAL, 0)
os.close(out)
code = os.waitstatus_to_exitcode(status)
try:
    with open(rss_file) as f:
        rss = int(f.read().split()[-1])
except (OSError, ValueError, IndexError):
    rss = 0  # killed before GNU time wrote it
print(f"{round(elapsed * 1000)} {rss} {code if code >= 0 else 128 - code}")
