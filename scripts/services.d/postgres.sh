# SPDX-License-Identifier: Apache-2.0
# PostgreSQL 15 for the Store integration tests: a primary on 127.0.0.1:25432 and a
# streaming replica on 127.0.0.1:25433 (so analytics-read routing can be proven with
# pg_is_in_recovery()). Sourced by scripts/service; data in $HELIOS_SERVICES_DIR/postgres.
# initdb and pg_basebackup run only the first time, so a restart keeps the data.

postgres_bin=${HELIOS_POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
postgres_port=$((25432 + ${HELIOS_SERVICES_PORT_OFFSET:-0}))
postgres_replica_port=$((25433 + ${HELIOS_SERVICES_PORT_OFFSET:-0}))
postgres_user=helios
postgres_password=helios-test-pw
postgres_db=helios_test

_postgres_dir() { echo "$HELIOS_SERVICES_DIR/postgres"; }

# PostgreSQL refuses to run as root: run its tools as the `postgres` user then.
_postgres_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The server user must be able to reach its directory; `mktemp -d` makes the services
# dir 0700, so give others search (not read) permission on it and its parents.
_postgres_make_reachable() {
  local d=$1
  [ "$(id -u)" = 0 ] || return 0
  while [ "$d" != / ] && [ -n "$d" ]; do
    runuser -u postgres -- test -x "$d" 2>/dev/null || chmod o+x "$d"
    d=$(dirname "$d")
  done
}

_postgres_running() {
  _postgres_as_owner "$postgres_bin/pg_ctl" -D "$1" status >/dev/null 2>&1
}

_postgres_init_primary() {
  local dir=$1
  echo "$postgres_password" >"$dir/pwfile"
  chmod 600 "$dir/pwfile"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir/pwfile"
  # Host connections (what the engine uses) need the password; the unix socket is in
  # this private dir and only this script uses it.
  _postgres_as_owner "$postgres_bin/initdb" -D "$dir/primary" -U "$postgres_user" \
    --pwfile="$dir/pwfile" --auth-host=scram-sha-256 --auth-local=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; return 1; }
  cat >>"$dir/primary/postgresql.conf" <<EOF

# scripts/services.d/postgres.sh: a throwaway test server; speed over durability.
listen_addresses = '127.0.0.1'
port = $postgres_port
unix_socket_directories = '$dir/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = replica
max_wal_senders = 4
hot_standby = on
max_connections = 100
shared_buffers = 32MB
EOF
  # initdb's pg_hba.conf already allows "host replication all 127.0.0.1/32" with the
  # host auth method; say so explicitly in case that default ever changes.
  echo "host replication $postgres_user 127.0.0.1/32 scram-sha-256" >>"$dir/primary/pg_hba.conf"
}

_postgres_init_replica() {
  local dir=$1
  _postgres_as_owner env PGPASSWORD="$postgres_password" "$postgres_bin/pg_basebackup" \
    -h 127.0.0.1 -p "$postgres_port" -U "$postgres_user" -D "$dir/replica" -R -X stream --checkpoint=fast \
    >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; return 1; }
  # postgresql.auto.conf is read after postgresql.conf (copied from the primary).
  cat >>"$dir/replica/postgresql.auto.conf" <<EOF
port = $postgres_replica_port
primary_conninfo = 'host=127.0.0.1 port=$postgres_port user=$postgres_user password=$postgres_password application_name=helios_replica'
EOF
}

postgres_start() {
  local dir first=0
  dir=$(_postgres_dir)
  mkdir -p "$dir/sock"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir" "$dir/sock"
  _postgres_make_reachable "$dir"
  if [ ! -f "$dir/primary/PG_VERSION" ]; then
    rm -rf "$dir/primary" "$dir/replica"
    _postgres_init_primary "$dir" || return 1
    first=1
  fi
  if ! _postgres_running "$dir/primary"; then
    _postgres_as_owner "$postgres_bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -t 30 start \
      >/dev/null || { tail -n 30 "$dir/primary.log" >&2; return 1; }
  fi
  if [ "$first" = 1 ]; then
    _postgres_as_owner "$postgres_bin/psql" -h "$dir/sock" -p "$postgres_port" -U "$postgres_user" \
      -d postgres -qAt -v ON_ERROR_STOP=1 -c "CREATE DATABASE $postgres_db" >/dev/null || return 1
  fi
  if [ ! -f "$dir/replica/PG_VERSION" ]; then
    rm -rf "$dir/replica"
    _postgres_init_replica "$dir" || return 1
  fi
  if ! _postgres_running "$dir/replica"; then
    _postgres_as_owner "$postgres_bin/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w -t 30 start \
      >/dev/null || { tail -n 30 "$dir/replica.log" >&2; return 1; }
  fi
  wait_for_port "$postgres_port" 10 && wait_for_port "$postgres_replica_port" 10
}

postgres_stop() {
  local dir
  dir=$(_postgres_dir)
  local which
  for which in replica primary; do
    if [ -f "$dir/$which/postmaster.pid" ]; then
      _postgres_as_owner "$postgres_bin/pg_ctl" -D "$dir/$which" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
  done
  return 0
}

postgres_env() {
  echo "export HELIOS_TEST_DATABASE_URL=postgresql://$postgres_user:$postgres_password@127.0.0.1:$postgres_port/$postgres_db"
  echo "export HELIOS_TEST_DATABASE_REPLICA_URL=postgresql://$postgres_user:$postgres_password@127.0.0.1:$postgres_replica_port/$postgres_db"
}
