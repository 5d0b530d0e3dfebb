#!/usr/bin/env bash
# Starts the throwaway servers the test suite uses, on loopback only:
#   - PostgreSQL: its own cluster (trust auth) with the data directory under /tmp, default port 55432
#   - Redis:      no persistence, default port 56379
# Safe to call any number of times, also concurrently: a server that is already running is reused.
#
# Output (stdout), one line per server that is running:
#   SAHUT_TEST_POSTGRES=Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres
#   SAHUT_TEST_REDIS=127.0.0.1:56379
# With --shell the lines are `export NAME='VALUE'` for: eval "$(bash build/test-services.sh --shell)"
# Logs go to stderr. A server whose Debian package is not installed is skipped with a warning;
# a server that is installed but fails to start makes the script exit non-zero.
#
#   bash build/test-services.sh [--shell] [--stop]
#
# Environment: SAHUT_TEST_SERVICES_DIR (default /tmp/sahut-test-services),
#              SAHUT_TEST_PG_PORT (default 55432), SAHUT_TEST_REDIS_PORT (default 56379).
# As root, PostgreSQL runs as the `postgres` user (created by the Debian package).
set -euo pipefail

shell_format=0
stop=0
for arg in "$@"; do
  case "$arg" in
    --shell) shell_format=1 ;;
    --stop) stop=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "test-services: unknown argument $arg" >&2; exit 2 ;;
  esac
done

base_dir="${SAHUT_TEST_SERVICES_DIR:-/tmp/sahut-test-services}"
pg_port_start="${SAHUT_TEST_PG_PORT:-55432}"
redis_port_start="${SAHUT_TEST_REDIS_PORT:-56379}"

log() { echo "test-services: $*" >&2; }

emit() {
  if [ "$shell_format" -eq 1 ]; then
    printf "export %s='%s'\n" "$1" "$2"
  else
    printf '%s=%s\n' "$1" "$2"
  fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

mkdir -p "$base_dir"
chmod 0755 "$base_dir" 2>/dev/null || true

# One caller at a time (test projects may call this in parallel). Servers started below get the lock's
# file descriptor closed (9>&-) so a daemon never keeps holding it.
exec 9>"$base_dir/.lock"
if command -v flock >/dev/null 2>&1; then flock -w 120 9; fi

# ---------------------------------------------------------------- PostgreSQL
pg_bin=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then pg_bin="$d"; break; fi
done

as_pg() {
  # Runs a command as the PostgreSQL owner: `postgres` when we are root, else ourselves.
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_ready() { # $1 data dir, $2 port
  [ -f "$1/postmaster.pid" ] &&
    as_pg "$pg_bin/pg_ctl" status -D "$1" >/dev/null 2>&1 &&
    as_pg "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$2" -U postgres -d postgres -t 2 >/dev/null 2>&1
}

pg_start() { # $1 data dir, $2 port
  local dir="$1" port="$2"
  if [ ! -f "$dir/PG_VERSION" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
    chmod 0700 "$dir"
    log "initdb $dir"
    as_pg "$pg_bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 9>&- ||
      as_pg "$pg_bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --no-locale >"$dir.initdb.log" 2>&1 9>&- || {
        cat "$dir.initdb.log" >&2; return 1; }
    cat >>"$dir/postgresql.conf" <<CONF
# sahut test cluster: loopback only, fast and not durable
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 128MB
CONF
  fi
  rm -f "$dir/postmaster.pid" # stale after a crash or reboot; pg_ctl status said it is not running
  log "starting PostgreSQL on 127.0.0.1:$port ($dir)"
  as_pg "$pg_bin/pg_ctl" start -D "$dir" -l "$dir/server.log" -w -t 60 -o "-p $port" >/dev/null 2>&1 9>&- || {
    tail -n 30 "$dir/server.log" >&2 || true; return 1; }
  pg_ready "$dir" "$port"
}

pg_stop_all() {
  for dir in "$base_dir"/pg-*; do
    [ -d "$dir" ] || continue
    as_pg "$pg_bin/pg_ctl" stop -D "$dir" -m fast >/dev/null 2>&1 9>&- || true
    log "stopped PostgreSQL $dir"
  done
}

start_postgres() {
  if [ -z "$pg_bin" ]; then
    log "PostgreSQL not installed (apt-get install postgresql): SAHUT_TEST_POSTGRES not set"
    return 0
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    log "no 'postgres' user to run PostgreSQL as"; return 1
  fi
  local port dir
  for port in $(seq "$pg_port_start" $((pg_port_start + 9))); do
    dir="$base_dir/pg-$port"
    if pg_ready "$dir" "$port"; then
      log "reusing PostgreSQL on 127.0.0.1:$port"
    elif port_in_use "$port"; then
      continue # someone else's server
    else
      pg_start "$dir" "$port" || { log "PostgreSQL failed to start on port $port"; return 1; }
    fi
    emit SAHUT_TEST_POSTGRES "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    return 0
  done
  log "no free port for PostgreSQL in $pg_port_start..$((pg_port_start + 9))"
  return 1
}

# ---------------------------------------------------------------- Redis
redis_ping() { # $1 port
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" = "PONG" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'PING\r\n' >&3 && IFS= read -r -t 2 line <&3 && [[ "$line" == +PONG* ]]) 2>/dev/null
  fi
}

start_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    log "Redis not installed (apt-get install redis-server): SAHUT_TEST_REDIS not set"
    return 0
  fi
  local port dir
  for port in $(seq "$redis_port_start" $((redis_port_start + 9))); do
    dir="$base_dir/redis-$port"
    if [ -f "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null && redis_ping "$port"; then
      log "reusing Redis on 127.0.0.1:$port"
    elif port_in_use "$port"; then
      continue
    else
      mkdir -p "$dir"
      log "starting Redis on 127.0.0.1:$port"
      redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
        --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" </dev/null >/dev/null 2>&1 9>&- || {
          log "Redis failed to start"; return 1; }
      local i
      for i in $(seq 1 50); do redis_ping "$port" && break; sleep 0.1; done
      redis_ping "$port" || { tail -n 20 "$dir/redis.log" >&2 || true; log "Redis did not answer"; return 1; }
    fi
    emit SAHUT_TEST_REDIS "127.0.0.1:$port"
    return 0
  done
  log "no free port for Redis in $redis_port_start..$((redis_port_start + 9))"
  return 1
}

redis_stop_all() {
  for dir in "$base_dir"/redis-*; do
    [ -f "$dir/redis.pid" ] || continue
    kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    rm -f "$dir/redis.pid"
    log "stopped Redis $dir"
  done
}

if [ "$stop" -eq 1 ]; then
  [ -n "$pg_bin" ] && pg_stop_all
  redis_stop_all
  exit 0
fi

start_postgres
start_redis
