#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Runs one command and prints "<wall ms> <peak RSS KiB> <exit code>". The command runs
# under GNU time, which reads the peak RSS of a child of its own (a vfork child of this
# interpreter would be charged its pages), through a small shell that says when it is
# ready and then waits for a go before it execs the command. The clock starts at the go
# and stops at the reaping, so neither GNU time's start nor the shell's is counted against
# any tool, nor a shell, timeout or date process: at tens of milliseconds those were a
# tenth to a third of a fast tool's figure.
#
# usage: time_one.py TIMEOUT_SECONDS LOG_FILE COMMAND [ARGS...]
import os
import signal
import sys
import time

limit, log, command = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
ready_read, ready_write = os.pipe()
go_read, go_write = os.pipe()
# posix_spawn (vfork underneath): forking this interpreter would cost the child's start more.
actions = [(os.POSIX_SPAWN_DUP2, out, 1), (os.POSIX_SPAWN_DUP2, out, 2), (os.POSIX_SPAWN_CLOSE, out),
           (os.POSIX_SPAWN_DUP2, ready_write, 3), (os.POSIX_SPAWN_DUP2, go_read, 4)]
for fd in (ready_read, ready_write, go_read, go_write):
    actions.append((os.POSIX_SPAWN_CLOSE, fd))
shim = 'echo >&3; exec 3>&-; read -r _ <&4; exec 4<&-; exec "$@"'
rss_file = log + ".rss"
wrapped = ["/usr/bin/time", "-f", "%M", "-o", rss_file, "/bin/sh", "-c", shim, "sh", *command]
# Its own process group, so a timeout kills the tool and not only GNU time.
pid = os.posix_spawn(wrapped[0], wrapped, os.environ, file_actions=actions, setpgroup=0)
os.close(ready_write)
os.close(go_read)
signal.signal(signal.SIGALRM, lambda *_: os.killpg(pid, signal.SIGKILL))
signal.setitimer(signal.ITIMER_REAL, limit)
os.read(ready_read, 1)  # the shell is up; empty if it died first
start = time.perf_counter()
try:
    os.write(go_write, b"\n")
except BrokenPipeError:
    pass  # it died before the go; its exit status says why
_, status, _ = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
signal.setitimer(signal.ITIMER_REAL, 0)
for fd in (out, ready_read, go_write):
    os.close(fd)
code = os.waitstatus_to_exitcode(status)
try:
    with open(rss_file) as f:
        rss = int(f.read().split()[-1])
except (OSError, ValueError, IndexError):
    rss = 0  # killed before GNU time wrote it
print(f"{round(elapsed * 1000)} {rss} {code if code >= 0 else 128 - code}")
