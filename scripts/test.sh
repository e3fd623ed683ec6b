#!/usr/bin/env bash
# Runs every test project of the solution in Release and prints one closing line: "Tests: N passed, N failed, N skipped".
# Tests that need ../shared/data skip with a message when it is absent.
# Usage: scripts/test.sh [extra dotnet test args, e.g. --filter FullyQualifiedName~Data]
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
dotnet build "$ROOT/ResearchPlatform.sln" -c Release --nologo -v quiet 2>&1 | grep -E "error|warning" | sort -u
build_rc=${PIPESTATUS[0]}
if [[ $build_rc -ne 0 ]]; then
  echo "build failed"
  exit 1
fi
dotnet test "$ROOT/ResearchPlatform.sln" -c Release --no-build --nologo "$@" 2>&1 | tee "$LOG"
rc=${PIPESTATUS[0]}
# dotnet test prints per assembly: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ..."
awk '
  /(Passed|Failed)! *- *Failed:/ {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1);
      if ($i == "Passed:") p += $(i+1);
      if ($i == "Skipped:") s += $(i+1);
    }
  }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$LOG"
exit $rc
