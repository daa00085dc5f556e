#!/bin/sh
# Installs what mta-sts-examples' browser tests of `mta-sts serve` (ServePageBrowserTest) need: Debian's
# chromium and chromium-driver (headless Chromium driven by Selenium), and the npm package axe-core (the
# accessibility checker the test injects into the page). Idempotent and non-interactive. Where a part cannot be
# installed it warns and exits 0: the browser tests then skip, saying what is missing.
#
# axe-core goes to $MTA_STS_NPM_DIR (default ~/.cache/mta-sts-java/npm), outside the work tree and outside
# target/ so `mvn clean` keeps it; the test reads node_modules/axe-core/axe.min.js there (or the file named by
# the system property or environment variable MTA_STS_AXE_CORE).
set -u
export DEBIAN_FRONTEND=noninteractive

AXE_VERSION="4.14.1"
NPM_DIR="${MTA_STS_NPM_DIR:-$HOME/.cache/mta-sts-java/npm}"

have_chromium() {
    { command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; } \
        && { command -v chromedriver >/dev/null 2>&1 || [ -x /usr/bin/chromedriver ]; }
}

if have_chromium; then
    echo "install-chromium: chromium and chromedriver already installed"
elif ! command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium: WARNING: apt-get not available; the browser tests will be skipped" >&2
else
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            SUDO="sudo -n"
        else
            echo "install-chromium: WARNING: not root and no sudo; the browser tests will be skipped" >&2
            SUDO="none"
        fi
    fi
    if [ "$SUDO" != "none" ]; then
        if ! $SUDO apt-get update -qq \
            || ! $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver; then
            echo "install-chromium: WARNING: installing chromium failed; the browser tests will be skipped" >&2
        fi
    fi
fi
if have_chromium; then
    echo "install-chromium: $(chromium --version 2>/dev/null | head -n 1); $(chromedriver --version 2>/dev/null | head -n 1)"
fi

if [ -f "$NPM_DIR/node_modules/axe-core/axe.min.js" ]; then
    echo "install-chromium: axe-core already in $NPM_DIR"
elif ! command -v npm >/dev/null 2>&1; then
    echo "install-chromium: WARNING: npm not found; the accessibility check of the browser tests will be skipped" >&2
else
    mkdir -p "$NPM_DIR"
    if npm install --prefix "$NPM_DIR" --no-audit --no-fund --no-save --silent "axe-core@$AXE_VERSION"; then
        echo "install-chromium: axe-core $AXE_VERSION in $NPM_DIR"
    else
        echo "install-chromium: WARNING: npm install axe-core failed; the accessibility check will be skipped" >&2
    fi
fi
exit 0
