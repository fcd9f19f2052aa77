# SPDX-License-Identifier: Apache-2.0
# Redis for the integration tests: a password-protected server on 127.0.0.1:26379 with an
# fsync-always append-only file (an acknowledged write survives a restart), and a
# Sentinel on 127.0.0.1:26380 that monitors it as master "helios".
# Sourced by scripts/service; uses wait_for_port, stop_pidfile and $HELIOS_SERVICES_DIR.

redis_port=$((26379 + ${HELIOS_SERVICES_PORT_OFFSET:-0}))
redis_sentinel_port=$((26380 + ${HELIOS_SERVICES_PORT_OFFSET:-0}))
redis_password=helios-test-pw

# redis_wait_ready PORT SECONDS [PASSWORD]: true once the server answers PING with PONG
# (a restarted server accepts connections while it still loads its AOF and answers LOADING).
redis_wait_ready() {
  local port=$1 deadline=$((SECONDS + $2)) password=${3:-}
  while ((SECONDS < deadline)); do
    if [ "$(REDISCLI_AUTH=$password redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; then
      return 0
    fi
    sleep 0.1
  done
  echo "service: redis on 127.0.0.1:$port does not answer PING after $2 s" >&2
  return 1
}

redis_start() {
  local dir="$HELIOS_SERVICES_DIR/redis"
  mkdir -p "$dir/data" "$dir/sentinel"
  redis-server --bind 127.0.0.1 --port "$redis_port" --requirepass "$redis_password" \
    --appendonly yes --appendfsync always --save '' \
    --dir "$dir/data" --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  wait_for_port "$redis_port" 20
  redis_wait_ready "$redis_port" 20 "$redis_password"

  # Sentinel rewrites its config file (it records what it learns), so the file is written
  # once and then left to it: a restart keeps what it knew.
  local conf="$dir/sentinel/sentinel.conf"
  if [ ! -f "$conf" ]; then
    cat >"$conf" <<EOF
bind 127.0.0.1
port $redis_sentinel_port
dir $dir/sentinel
sentinel monitor helios 127.0.0.1 $redis_port 1
sentinel auth-pass helios $redis_password
sentinel down-after-milliseconds helios 5000
EOF
  fi
  redis-server "$conf" --sentinel --daemonize yes --pidfile "$dir/sentinel.pid" \
    --logfile "$dir/sentinel.log"
  wait_for_port "$redis_sentinel_port" 20
  redis_wait_ready "$redis_sentinel_port" 20
}

redis_stop() {
  local dir="$HELIOS_SERVICES_DIR/redis"
  stop_pidfile "$dir/sentinel.pid"
  stop_pidfile "$dir/redis.pid"
}

redis_env() {
  echo "export HELIOS_TEST_REDIS_URL=redis://:$redis_password@127.0.0.1:$redis_port/0"
  echo "export HELIOS_TEST_REDIS_SENTINEL_URL=redis://127.0.0.1:$redis_sentinel_port/helios"
}
