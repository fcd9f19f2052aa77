# SPDX-License-Identifier: Apache-2.0
# OCI Distribution registries for the ArtifactStore integration tests: Debian's
# docker-registry (distribution 2.8) as the primary on 127.0.0.1:25000 and a second,
# plain one on 127.0.0.1:25001 that the tests use as REGISTRY_MIRROR_URL (they fill it
# themselves). Data lives in $HELIOS_SERVICES_DIR/registry{,-mirror}/data and survives
# a restart.

# _registry_instance_start DIR PORT
_registry_instance_start() {
  local dir=$1 port=$2
  mkdir -p "$dir/data"
  if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
    wait_for_port "$port" 10
    return
  fi
  # A fixed secret per data dir: upload URLs signed before a restart stay valid after it.
  [ -f "$dir/http-secret" ] || head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/http-secret"
  cat >"$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  secret: $(cat "$dir/http-secret")
YAML
  # Detached from the caller's stdio so that whoever started us (a test's QProcess)
  # does not wait for the server to exit.
  setsid docker-registry serve "$dir/config.yml" </dev/null >>"$dir/registry.log" 2>&1 &
  echo $! >"$dir/pid"
  wait_for_port "$port" 20 || { tail -n 20 "$dir/registry.log" >&2; return 1; }
}

registry_port=$((25000 + ${HELIOS_SERVICES_PORT_OFFSET:-0}))
registry_mirror_port=$((25001 + ${HELIOS_SERVICES_PORT_OFFSET:-0}))

registry_start() {
  command -v docker-registry >/dev/null || { echo "registry: docker-registry is not installed (scripts/setup)" >&2; return 1; }
  _registry_instance_start "$HELIOS_SERVICES_DIR/registry" "$registry_port"
  _registry_instance_start "$HELIOS_SERVICES_DIR/registry-mirror" "$registry_mirror_port"
}

registry_stop() {
  stop_pidfile "$HELIOS_SERVICES_DIR/registry/pid"
  stop_pidfile "$HELIOS_SERVICES_DIR/registry-mirror/pid"
}

registry_env() {
  echo "export HELIOS_TEST_REGISTRY_URL=http://127.0.0.1:$registry_port"
  echo "export HELIOS_TEST_REGISTRY_MIRROR_URL=http://127.0.0.1:$registry_mirror_port"
}
