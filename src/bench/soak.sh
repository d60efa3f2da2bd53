#!/usr/bin/env bash
# Runs the soak (SoakIT): the packaged service at -Xmx512m under ten minutes of mixed load, then a
# check that no acknowledged write was lost or duplicated. Defaults to PostgreSQL, as issue 13 asks.
#
#   src/bench/soak.sh [postgres|h2] [-Dsoak.duration=10m -Dsoak.connections=32 ...]
#
# Knobs are system properties, listed in SoakIT and the README ("Soak"). PostgreSQL: the defaults
# of the postgres Maven profile (127.0.0.1:5432/test, user postgres), schema <test.pg.schema>_bench
# (or -Dbenchmark.pg.schema=...), dropped before and after. The report goes to
# target/benchmark/soak-<db>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

which="${1:-postgres}"
if [[ $# -gt 0 ]]; then shift; fi

run() {
  ./mvnw -B -ntp verify -Dsoak=true -Dit.test=SoakIT -Dtest=None \
    -Dsurefire.failIfNoSpecifiedTests=false "$@"
}

case "$which" in
  h2) run "$@" ;;
  postgres) run -Ppostgres "$@" ;;
  *) echo "usage: $0 [postgres|h2] [-Dkey=value ...]" >&2; exit 2 ;;
esac
