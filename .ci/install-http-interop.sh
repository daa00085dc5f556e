#!/bin/sh
# Installs Debian's nginx for the HTTPS interoperability test of mta-sts-http
# (HttpsPolicyFetcherNginxInteropTest). Idempotent and non-interactive.
# The test starts its own nginx on a free loopback port; the system service is
# kept from starting here, and stopped if it is running, so nothing listens on port 80.
set -eu

if command -v nginx >/dev/null 2>&1; then
    echo "install-http-interop: nginx already installed: $(command -v nginx)"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-http-interop: WARNING: apt-get not available; the nginx interop test will be skipped" >&2
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-http-interop: WARNING: not root and no sudo; the nginx interop test will be skipped" >&2
        exit 0
    fi
fi

# keep package scripts from starting the nginx service (exit 101 = action forbidden)
created_policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod 755 /usr/sbin/policy-rc.d
    created_policy="yes"
fi

status=0
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q || status=$?
if [ "$status" -eq 0 ]; then
    $SUDO apt-get install -y -q --no-install-recommends nginx-light \
        || $SUDO apt-get install -y -q --no-install-recommends nginx || status=$?
fi

if [ -n "$created_policy" ]; then
    $SUDO rm -f /usr/sbin/policy-rc.d
fi
# in case a service manager started it anyway
if command -v systemctl >/dev/null 2>&1; then
    $SUDO systemctl stop nginx >/dev/null 2>&1 || true
    $SUDO systemctl disable nginx >/dev/null 2>&1 || true
fi
if [ -f /run/nginx.pid ]; then
    $SUDO nginx -s stop >/dev/null 2>&1 || true
fi

if [ "$status" -ne 0 ] || ! command -v nginx >/dev/null 2>&1; then
    echo "install-http-interop: WARNING: could not install nginx (status $status); the interop test will be skipped" >&2
    exit 0
fi
echo "install-http-interop: installed $(nginx -v 2>&1)"
