#!/usr/bin/env bash
# Runs the test suite with a throwaway PostgreSQL server when one can be started.
# pytest's exit code 5 ("no tests collected") is treated as a failure: CI must run tests.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -f .ci/postgres.sh ]; then
  env_file=$(mktemp)
  if bash .ci/postgres.sh "$env_file"; then
    # shellcheck disable=SC1090
    source "$env_file"
  elif [ "${CI:-}" = true ]; then
    echo "error: could not start PostgreSQL in CI; the PostgreSQL tests must run there" >&2
    exit 1
  else
    echo "warning: could not start PostgreSQL; PostgreSQL tests will be skipped" >&2
  fi
fi
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
status=$?
if [ -n "${PIPELINE_PG_STOP:-}" ]; then eval "$PIPELINE_PG_STOP" >/dev/null 2>&1 || true; fi
if [ "$status" = 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi
exit "$status"
