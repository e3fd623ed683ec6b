#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine (root). Idempotent: skips what is already present.
set -euo pipefail
need_apt=()
# (packages are added here as components need them: chromium for the dashboard, redis-server for clustering, ...)
# chromium: the dashboard browser tests drive Debian's chromium through Playwright (its browser download does not work here).
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [[ ${#need_apt[@]} -gt 0 ]]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
dotnet --version
