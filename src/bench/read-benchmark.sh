#!/usr/bin/env bash
# Runs the read benchmark (ReadBenchmarkIT) on H2, on PostgreSQL, or on both, one after the other.
#
#   src/bench/read-benchmark.sh [h2|postgres|both] [-Dbenchmark.articles=10000 -D... ]
#
# Installs wrk and nginx from the Debian packages when they are missing (needs root), builds the
# packaged service for each database and writes target/benchmark/reads-<db>-<mode>.md. Knobs are
# system properties, listed in the README ("Read benchmark"). PostgreSQL: the defaults of the
# postgres Maven profile (127.0.0.1:5432/test, user postgres) and the schema <test.pg.schema>_bench,
# or -Dbenchmark.pg.schema=...; the schema is dropped before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."

which="${1:-h2}"
if [[ $# -gt 0 ]]; then shift; fi

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "wrk and nginx are needed: sudo apt-get install -y wrk nginx" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
fi

run() {
  ./mvnw -B -ntp verify -Dbenchmark=true -Dit.test=ReadBenchmarkIT -Dtest=None \
    -Dsurefire.failIfNoSpecifiedTests=false "$@"
}

case "$which" in
  h2) run "$@" ;;
  postgres) run -Ppostgres "$@" ;;
  both) run "$@" && run -Ppostgres "$@" ;;
  *) echo "usage: $0 [h2|postgres|both] [-Dkey=value ...]" >&2; exit 2 ;;
esac
