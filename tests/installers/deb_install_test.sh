#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The packages as a user gets them: cpack writes the DEB and the TGZ from the build tree;
# the DEB must hold the programs, the .desktop file, the icon, the systemd unit and the
# esbuild toolchain, and install with dpkg -i (its dependencies then resolved by apt) on a
# clean Debian 12 made by debootstrap, where the installed helios runs --version, creates
# and builds a project with the packaged toolchain (no source tree to fall back on) and
# serves; the TGZ unpacked anywhere runs too.
#
# usage: deb_install_test.sh <build dir> <project version>
# Needs root (chroot, a /proc mount) and debootstrap; skips (77) without them, except under CI.
# The bookworm root and the downloaded .debs are kept in <build dir>/installers-test (or
# $HELIOS_INSTALL_TEST_CACHE, a directory that outlives build trees), so only the first
# run downloads.
set -euo pipefail

build=$(cd "$1" && pwd)
version=$2
work=${HELIOS_INSTALL_TEST_CACHE:-$build/installers-test}
base="$work/bookworm"        # debootstrap's result, never changed after it is complete
root="$work/root"            # this run's copy, in which the package is installed
archives="$work/apt-archives"
mirror=http://deb.debian.org/debian

say() { echo "deb_install_test: $*"; }
fail() { echo "deb_install_test: FAIL: $*" >&2; exit 1; }
skip() {
  if [ -n "${CI:-}" ]; then fail "$* (CI must run this test)"; fi
  echo "deb_install_test: SKIP: $*"; exit 77
}
in_root() { timeout "${TIMEOUT:-300}" chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
  HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

cleanup() {
  set +e
  if [ -n "${serve_pid:-}" ]; then kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null; fi
  mountpoint -q "$root/proc" 2>/dev/null && umount -l "$root/proc"
  # --one-file-system: were an unmount to fail, nothing beyond the root is removed.
  [ -d "$root" ] && rm -rf --one-file-system "$root"
  [ -n "${tmp:-}" ] && rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$work"
tmp=$(mktemp -d)

# --- 1. the packages -----------------------------------------------------------------
rm -rf "$build/packages"
say "cpack (DEB, TGZ)"
if ! (cd "$build" && timeout 1200 cpack -G "DEB;TGZ") >"$work/cpack.log" 2>&1; then
  tail -40 "$work/cpack.log"; fail "cpack failed (log: $work/cpack.log)"
fi
deb=$(echo "$build"/packages/helios-workbench_"$version"_*.deb)
tgz=$(echo "$build"/packages/helios-workbench-"$version"-*.tar.gz)
[ -f "$deb" ] || fail "no DEB in $build/packages: $(ls "$build/packages")"
[ -f "$tgz" ] || fail "no TGZ in $build/packages: $(ls "$build/packages")"
say "DEB $(basename "$deb"): $(du -k "$deb" | cut -f1) KiB; TGZ: $(du -k "$tgz" | cut -f1) KiB"

# --- 2. what the DEB holds -----------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/contents"
for path in ./usr/bin/helios ./usr/bin/helios-workbench ./usr/libexec/helios/helios-engine \
            ./usr/share/applications/helios-workbench.desktop \
            ./usr/share/icons/hicolor/scalable/apps/helios-workbench.svg \
            ./usr/lib/systemd/system/helios-serve.service \
            ./usr/share/helios/kubernetes/20-control.yaml \
            ./usr/share/helios/toolchain/package-lock.json; do
  grep -qx "$path" "$tmp/contents" || fail "the DEB lacks $path"
done
grep -q '^\./usr/share/helios/toolchain/node_modules/@esbuild/linux-[a-z0-9]*/bin/esbuild$' "$tmp/contents" ||
  fail "the DEB lacks esbuild's binary under /usr/share/helios/toolchain"
[ "$(dpkg-deb -f "$deb" Package)" = helios-workbench ] || fail "package name: $(dpkg-deb -f "$deb" Package)"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version: $(dpkg-deb -f "$deb" Version)"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6core6 libqt6widgets6 libqt6webenginewidgets6 libgit2; do
  [[ "$depends" == *"$lib"* ]] || fail "Depends (from dpkg-shlibdeps) lacks $lib: $depends"
done

# --- 3. the TGZ, unpacked anywhere ---------------------------------------------------
tar -xzf "$tgz" -C "$tmp"
tree=$(echo "$tmp"/helios-workbench-"$version"-*/)
out=$("$tree/bin/helios" --version) || fail "the TGZ's bin/helios --version failed"
[ "$out" = "helios $version" ] || fail "the TGZ's helios --version printed '$out'"
[ -x "$tree/libexec/helios/helios-engine" ] || fail "the TGZ lacks libexec/helios/helios-engine"
say "TGZ: bin/helios --version: $out"

# --- 4. a clean Debian 12 ------------------------------------------------------------
[ "$(id -u)" -eq 0 ] || skip "installing into a chroot needs root"
command -v debootstrap >/dev/null || skip "debootstrap is not installed (apt-get install debootstrap)"
if [ ! -f "$base/.complete" ]; then
  rm -rf --one-file-system "$base"
  say "debootstrap --variant=minbase bookworm (first run only)"
  if ! timeout 1200 debootstrap --variant=minbase bookworm "$base" "$mirror" >"$work/debootstrap.log" 2>&1; then
    tail -20 "$work/debootstrap.log"; fail "debootstrap failed (log: $work/debootstrap.log)"
  fi
  # A Debian 12 as installed: its updates and security suites too.
  cat >"$base/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
  rm -f "$base"/var/cache/apt/archives/*.deb  # debootstrap's own downloads: not needed again
  touch "$base/.complete"
fi
rm -rf --one-file-system "$root"
cp -a "$base" "$root"
mkdir -p "$archives"
for f in "$archives"/*.deb; do [ -e "$f" ] && ln -f "$f" "$root/var/cache/apt/archives/"; done
cp /etc/resolv.conf "$root/etc/resolv.conf"
# debootstrap made the root's device nodes; only /proc is mounted (and always unmounted).
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/helios.deb"

started=$(date +%s%N)
TIMEOUT=600 in_root apt-get update -qq >"$work/install.log" 2>&1 || { tail -20 "$work/install.log"; fail "apt-get update in the chroot"; }
# dpkg -i leaves the package unconfigured while its dependencies are missing; apt then
# installs them and configures it, as a user would.
TIMEOUT=60 in_root dpkg -i /tmp/helios.deb >>"$work/install.log" 2>&1 || true
if ! TIMEOUT=1200 in_root apt-get -f install -y -q --no-install-recommends >>"$work/install.log" 2>&1; then
  tail -30 "$work/install.log"; fail "apt-get -f install in the chroot (log: $work/install.log)"
fi
status=$(in_root dpkg-query -W -f='${Status}' helios-workbench)
[ "$status" = "install ok installed" ] || fail "dpkg says helios-workbench is '$status'"
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
say "installed in the chroot in $((elapsed_ms / 1000)).$(printf %03d $((elapsed_ms % 1000))) s (apt-get update, dpkg -i, apt-get -f install)"
for f in "$root"/var/cache/apt/archives/*.deb; do [ -e "$archives/${f##*/}" ] || ln "$f" "$archives/"; done

# --- 5. the installed programs -------------------------------------------------------
out=$(in_root helios --version) || fail "helios --version failed in the chroot"
[ "$out" = "helios $version" ] || fail "helios --version printed '$out' in the chroot"
say "chroot: helios --version: $out"
out=$(in_root env QT_QPA_PLATFORM=offscreen helios-workbench --version 2>&1) ||
  fail "helios-workbench --version failed in the chroot: $out"
[[ "$out" == *"$version"* ]] || fail "helios-workbench --version printed '$out' in the chroot"

# A project from the built-in template, built by the packaged esbuild: the chroot has no
# source tree, so the toolchain can only come from /usr/share/helios/toolchain.
in_root sh -c 'mkdir -p /tmp/work && cd /tmp/work && export HELIOS_DATA_DIR=/tmp/work/data &&
  helios new react-library demo --param name=demo --no-install && helios build demo --quiet' \
  >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "helios new + helios build in the chroot (log: $work/build.log)"; }
[ -s "$root/tmp/work/demo/dist/manifest.json" ] || fail "helios build wrote no dist/manifest.json in the chroot"
say "chroot: helios new + helios build with the packaged toolchain"

# helios serve: every port picked free (tests may run beside it), ready once listening.
timeout 120 chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root HELIOS_DATA_DIR=/tmp/serve HELIOS_LANDING_PORT=0 HELIOS_SLATE_PORT=0 HELIOS_IGNITION_PORT=0 \
  HELIOS_SPARK_PORT=0 HELIOS_IGNIS_PORT=0 HELIOS_WAYPOINT_PORT=0 HELIOS_SITES_PORT=0 \
  helios serve --role all --ready-file /tmp/ready.json --no-access-log >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 1 300); do
  [ -s "$root/tmp/ready.json" ] && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.log"; fail "helios serve exited in the chroot"; }
  sleep 0.1
done
[ -s "$root/tmp/ready.json" ] || { cat "$work/serve.log"; fail "helios serve was not ready within 30 s in the chroot"; }
grep -q '"landing"' "$root/tmp/ready.json" || fail "helios serve's ready file names no LANDING port: $(cat "$root/tmp/ready.json")"
say "chroot: helios serve --role all listening: $(cat "$root/tmp/ready.json")"
