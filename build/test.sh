#!/usr/bin/env bash
# The test command (README, .ci/run): starts the loopback test servers, then runs every test in Sahut.sln.
# Installs nothing; see README "Test prerequisites" (or run build/install-test-deps.sh once as root).
#
#   bash build/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Billing]
#
# TRX results land in $SAHUT_TEST_RESULTS (default ./TestResults); build/trx-summary.py sums them.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="${SAHUT_TEST_RESULTS:-$PWD/TestResults}"
mkdir -p "$results"
rm -f "$results"/*.trx

# PostgreSQL / Redis on loopback (reused when already running). Missing packages only skip their tests.
if [ -z "${SAHUT_TEST_POSTGRES:-}" ] || [ -z "${SAHUT_TEST_REDIS:-}" ]; then
  eval "$(bash build/test-services.sh --shell)"
fi
echo "test: SAHUT_TEST_POSTGRES=${SAHUT_TEST_POSTGRES:-<unset>} SAHUT_TEST_REDIS=${SAHUT_TEST_REDIS:-<unset>}"

exec dotnet test Sahut.sln -c Release \
  --logger trx --results-directory "$results" \
  --blame-hang-timeout 10m --blame-hang-dump-type none \
  "$@"
