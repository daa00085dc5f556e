#!/usr/bin/env bash
# Installs Knot DNS (knotd) for mta-sts-dns's KnotInteropTest. Idempotent and non-interactive.
# Where apt is unavailable (or the install fails) it warns and exits 0: the interop tests then skip.
set -u
export DEBIAN_FRONTEND=noninteractive

if command -v knotd >/dev/null 2>&1 || [ -x /usr/sbin/knotd ]; then
  echo "install-dns-interop: knotd already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-dns-interop: WARNING: apt-get not found; KnotInteropTest will be skipped" >&2
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "install-dns-interop: WARNING: not root and no sudo; KnotInteropTest will be skipped" >&2
    exit 0
  fi
fi

# Only the binary is needed: the tests start their own knotd on a free loopback port, whatever the
# package's own service does.
if ! $SUDO apt-get update -qq \
    || ! $SUDO apt-get install -y -q --no-install-recommends knot; then
  echo "install-dns-interop: WARNING: installing knot failed; KnotInteropTest will be skipped" >&2
  exit 0
fi

echo "install-dns-interop: installed $(/usr/sbin/knotd --version 2>/dev/null | head -n 1)"
exit 0
