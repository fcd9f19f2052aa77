# SPDX-License-Identifier: Apache-2.0
# nats-server with JetStream for the Bus integration tests. Sourced by scripts/service.
# Data (the JetStream file store) lives in $HELIOS_SERVICES_DIR/nats and survives a
# stop/start, so a restart keeps the stream and its durable consumers.

nats_port=$((24222 + ${HELIOS_SERVICES_PORT_OFFSET:-0}))

nats_start() {
  local dir="$HELIOS_SERVICES_DIR/nats"
  mkdir -p "$dir/js"
  if [ -f "$dir/nats.pid" ] && kill -0 "$(cat "$dir/nats.pid")" 2>/dev/null; then
    return 0  # already running
  fi
  # Every descriptor goes to the log, so a caller reading our output (QProcess, ctest)
  # never waits on a pipe the server keeps open.
  nohup nats-server -a 127.0.0.1 -p "$nats_port" -js -sd "$dir/js" \
    --user helios --pass helios-test-pw \
    -P "$dir/nats.pid" -l "$dir/nats.log" </dev/null >>"$dir/nats.out" 2>&1 &
  wait_for_port "$nats_port" 15
}

nats_stop() {
  stop_pidfile "$HELIOS_SERVICES_DIR/nats/nats.pid"
}

nats_env() {
  echo "export HELIOS_TEST_NATS_URL=nats://helios:helios-test-pw@127.0.0.1:$nats_port"
}
