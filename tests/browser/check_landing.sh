#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# check_landing.sh <url> <expected-subsystem>...
#
# Loads <url> in headless Chromium, lets it parse and lay out the page, and checks the
# rendered DOM: every expected subsystem must appear as an element with
# data-subsystem="<name>" and a data-health of up, down or unknown. Exits 0 when all do;
# otherwise prints what is missing to stderr and exits 1 (2 for a usage or setup error,
# 3 when Chromium fails or runs out of time).
#
# Environment:
#   CHROMIUM                   the browser binary (default /usr/bin/chromium)
#   CHECK_LANDING_TIMEOUT      seconds Chromium may run (default 60); then it is killed
#   CHECK_LANDING_SPKI         for an HTTPS page served with a test CA: the base64
#                              SHA-256 of the server key's SPKI; that key, and only it,
#                              is trusted (--ignore-certificate-errors-spki-list)
#   CHECK_LANDING_DOM_OUT      if set, the rendered DOM is also copied to this file
set -u

if [ "$#" -lt 2 ]; then
    echo "usage: $0 <url> <expected-subsystem>..." >&2
    exit 2
fi
url=$1
shift

chromium=${CHROMIUM:-/usr/bin/chromium}
limit=${CHECK_LANDING_TIMEOUT:-60}
if [ ! -x "$chromium" ]; then
    echo "check_landing: $chromium is not installed (scripts/setup installs the chromium package)" >&2
    exit 2
fi
if ! command -v timeout >/dev/null 2>&1; then
    echo "check_landing: GNU timeout is required to bound the browser" >&2
    exit 2
fi

# A fresh profile, and HOME/XDG dirs inside it, so nothing of the developer's browser
# or desktop leaks in and nothing is left behind.
work=$(mktemp -d "${TMPDIR:-/tmp}/check_landing.XXXXXX") || exit 2
browser_pid=
# shellcheck disable=SC2317 # called from the EXIT trap
cleanup() {
    # Our own browser only, by the pid we started. That pid is `timeout`, which passes
    # TERM on to Chromium's whole process group; KILL only if it lingers.
    if [ -n "$browser_pid" ] && kill -0 "$browser_pid" 2>/dev/null; then
        kill -TERM "$browser_pid" 2>/dev/null
        sleep 1
        kill -0 "$browser_pid" 2>/dev/null && kill -KILL "$browser_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work/profile" "$work/home"

spki_flag=
if [ -n "${CHECK_LANDING_SPKI:-}" ]; then
    spki_flag="--ignore-certificate-errors-spki-list=$CHECK_LANDING_SPKI"
fi

# timeout runs Chromium in a process group of its own and, when time is up, sends TERM
# to that group, then KILL 5 s later: the renderer and GPU helpers go too.
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
    timeout --kill-after=5 "$limit" "$chromium" \
    --headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" \
    ${spki_flag:+"$spki_flag"} \
    --dump-dom "$url" >"$work/dom.html" 2>"$work/chromium.log" &
browser_pid=$!
wait "$browser_pid"
status=$?
browser_pid=

if [ -n "${CHECK_LANDING_DOM_OUT:-}" ]; then
    cp "$work/dom.html" "$CHECK_LANDING_DOM_OUT"
fi
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "check_landing: Chromium did not finish within ${limit} s loading $url" >&2
    exit 3
fi
if [ "$status" -ne 0 ]; then
    echo "check_landing: Chromium exited with status $status loading $url; its last log lines:" >&2
    tail -n 5 "$work/chromium.log" >&2
    exit 3
fi
if ! grep -qi '</html>' "$work/dom.html"; then
    echo "check_landing: Chromium printed no document for $url" >&2
    tail -n 5 "$work/chromium.log" >&2
    exit 3
fi

# One start tag per line, so each subsystem's attributes can be read together.
tr '\n' ' ' <"$work/dom.html" | sed 's/</\n</g' | grep -i '^<[a-z]' >"$work/tags.txt"

failed=0
for name in "$@"; do
    tag=$(grep -F "data-subsystem=\"$name\"" "$work/tags.txt" | head -n 1)
    if [ -z "$tag" ]; then
        echo "check_landing: no element with data-subsystem=\"$name\" in the page at $url" >&2
        failed=1
        continue
    fi
    health=$(printf '%s\n' "$tag" | sed -n 's/.*data-health="\([a-z]*\)".*/\1/p')
    case "$health" in
        up|down|unknown)
            echo "check_landing: $name: $health"
            ;;
        "")
            echo "check_landing: subsystem \"$name\" has no data-health attribute" >&2
            failed=1
            ;;
        *)
            echo "check_landing: subsystem \"$name\" has data-health=\"$health\"; expected up, down or unknown" >&2
            failed=1
            ;;
    esac
done

if [ "$failed" -ne 0 ]; then
    exit 1
fi
echo "check_landing: all $# subsystems present in $url"
exit 0
