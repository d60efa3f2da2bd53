#!/usr/bin/env bash
# Lints openapi/openapi.yaml, generates the TypeScript client from it, compiles it (strict) and
# runs it against the packaged service, then drives Swagger UI in headless Chromium. The service
# is target/quarkus-app/quarkus-run.jar (build it first, e.g. ./mvnw package -DskipTests),
# started with -Xmx384m on a free port with the demo data in a temporary folder, and stopped at
# the end.
#
#   src/test/ts/run-against-service.sh            # lint, client and browser test
#   SKIP_BROWSER=1 src/test/ts/run-against-service.sh
#
# Needs Java 17, Node 20 with npm, and /usr/bin/chromium for the browser test (.ci/run installs
# Debian's chromium package when it is missing).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../../.. && pwd)
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || { echo "No $JAR: run ./mvnw package -DskipTests first" >&2; exit 1; }

started=$SECONDS
echo "== npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "== Lint openapi/openapi.yaml (Redocly, recommended rules, config openapi/redocly.yaml)"
npm run --silent lint

echo "== Generate the client from openapi/openapi.yaml and compile it (strict)"
rm -rf generated dist
npm run --silent generate
npm run --silent build

WORK=$(mktemp -d)
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
MANAGEMENT_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
TOKEN=$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')
BASE="http://127.0.0.1:$PORT"
MANAGEMENT="http://127.0.0.1:$MANAGEMENT_PORT"
SERVICE_PID=""
stop_service() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" && wait "$SERVICE_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap stop_service EXIT

echo "== Start the packaged service on port $PORT with the demo data"
CONTENT_API_DEMO_ENABLED=true \
  CONTENT_API_DATA_DIR="$WORK/data" \
  CONTENT_API_ADMIN_BOOTSTRAP_TOKEN="$TOKEN" \
  QUARKUS_HTTP_PORT="$PORT" \
  QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
  java -Xmx384m -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 120); do
  if curl -fsS "$MANAGEMENT/q/health/ready" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
    echo "The service stopped:" >&2; tail -n 40 "$WORK/service.log" >&2; exit 1
  fi
  sleep 1
done
curl -fsS "$MANAGEMENT/q/health/ready" > /dev/null || {
  echo "The service did not become ready:" >&2; tail -n 40 "$WORK/service.log" >&2; exit 1
}
echo "ready after $((SECONDS - started)) s"

echo "== The packaged service serves the published contract"
if ! diff -q <(curl -fsS "$BASE/q/openapi?format=yaml") ../../../openapi/openapi.yaml > /dev/null; then
  echo "GET /q/openapi differs from openapi/openapi.yaml:" >&2
  diff <(curl -fsS "$BASE/q/openapi?format=yaml") ../../../openapi/openapi.yaml | head -n 40 >&2
  exit 1
fi
echo "identical"

echo "== Run the TypeScript client"
client_started=$SECONDS
API_BASE_URL="$BASE" node dist/client.js
echo "client took $((SECONDS - client_started)) s"

if [ -z "${SKIP_BROWSER:-}" ]; then
  echo "== Swagger UI in headless Chromium"
  browser_started=$SECONDS
  API_BASE_URL="$BASE" ADMIN_TOKEN="$TOKEN" CHROMIUM="${CHROMIUM:-/usr/bin/chromium}" \
    node dist/swagger-ui.js
  echo "browser test took $((SECONDS - browser_started)) s"
fi
echo "== Contract client and browser checks passed in $((SECONDS - started)) s"
