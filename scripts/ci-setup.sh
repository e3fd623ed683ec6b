#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine (root). Idempotent: skips what is already present.
set -euo pipefail
need_apt=()
# (packages are added here as components need them: chromium for the dashboard, redis-server for clustering, ...)
# Notebooks: the executed notebooks are validated with nbformat and rendered with nbconvert (BundledNotebooksTests).
for pkg in python3-nbformat python3-nbconvert; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
# redis-server: the cluster tests start their own on a free 127.0.0.1 port (Redis membership for Orleans).
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
# chromium: the dashboard browser tests drive Debian's chromium through Playwright (its browser download does not work here).
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
if [[ ${#need_apt[@]} -gt 0 ]]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
dotnet --version
