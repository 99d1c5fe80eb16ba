#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the tests. Installs nothing (apt: postgresql).
#
#   bash .ci/postgres.sh [ENV_FILE]      # default ENV_FILE: /tmp/pipeline-postgres.env
#   source ENV_FILE                      # exports PIPELINE_TEST_POSTGRES_URL and PIPELINE_PG_STOP
#   ... run the tests ...
#   eval "$PIPELINE_PG_STOP"             # stops the server and removes its folder
#
# As root the Debian binaries run as the `postgres` user (the server refuses to run as root).
# Trust authentication, loopback only, fsync off: a test server, never a real one.
set -euo pipefail
env_file=${1:-/tmp/pipeline-postgres.env}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "postgres.sh: PostgreSQL server binaries not found under /usr/lib/postgresql (apt package: postgresql)" >&2
  exit 1
fi

if [ "$(id -u)" = 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "postgres.sh: running as root but there is no 'postgres' user to run the server" >&2
    exit 1
  fi
  run_as=(runuser -u postgres --)
  owner=postgres
else
  run_as=()
  owner=$(id -un)
fi

dir=$(mktemp -d /tmp/pipeline-pg.XXXXXX)
chown "$owner" "$dir"
chmod 700 "$dir"
py=$(command -v python3 || echo "$(dirname "$0")/../.venv/bin/python")
port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup_on_error() {
  echo "postgres.sh: could not start PostgreSQL; server log follows" >&2
  cat "$dir/server.log" >&2 2>/dev/null || true
  "${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup_on_error ERR

"${run_as[@]}" "$bindir/initdb" -D "$dir/data" -U pipeline --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
"${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c full_page_writes=off" \
  start >/dev/null
"${run_as[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U pipeline pipeline_test
trap - ERR

url="postgresql://pipeline@127.0.0.1:$port/pipeline_test"
stop="${run_as[*]} $bindir/pg_ctl -D $dir/data -m immediate stop; rm -rf $dir"
{
  echo "export PIPELINE_TEST_POSTGRES_URL='$url'"
  echo "export PIPELINE_PG_STOP='$stop'"
} >"$env_file"
echo "PostgreSQL test server: $url (env: $env_file)"
