#!/usr/bin/env bash
# Installs, once, what the tests need and the .NET SDK does not bring: Debian's Chromium, a Java runtime for the
# W3C Nu Html Checker, a C toolchain to link the native release build, and the npm checkers (axe-core, vnu-jar)
# pinned in tests/Browser/package-lock.json. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || need+=(npm)
# A C toolchain links the natively compiled release build (NativeBinaryTests publishes it).
command -v gcc >/dev/null 2>&1 || command -v clang >/dev/null 2>&1 || need+=(gcc libc6-dev)
# ICU: the tool writes page dates with each language's culture data (the .NET SDK needs it too, unless run invariant).
icu=""
ls /usr/lib/*/libicuuc.so.* /usr/lib/libicuuc.so.* >/dev/null 2>&1 || icu=missing
if [ ${#need[@]} -gt 0 ] || [ -n "$icu" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  # Debian names the package by ICU's version (libicu72 on Debian 12).
  [ -z "$icu" ] || need+=("$(apt-cache pkgnames libicu | grep -E '^libicu[0-9]+$' | sort -V | tail -1)")
  echo "Installing ${need[*]} with apt-get"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ ! -f Browser/node_modules/axe-core/axe.min.js ] || [ ! -f Browser/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  npm ci --prefix Browser --no-audit --no-fund --loglevel=error
fi
