#!/bin/sh
# Installs Debian's postfix for the SMTP interoperability test of mta-sts-smtp's StartTlsProbe
# (mta-sts-tests: PostfixInteropTest). Idempotent and non-interactive.
# The test starts its own postfix (its own main.cf and master.cf, smtpd on a free 127.0.0.1 port, no delivery);
# the package is installed with debconf's "No configuration", its system service is kept from starting here,
# and stopped if it is running anyway, so nothing listens on port 25 and no mail is ever sent.
set -eu

if command -v postfix >/dev/null 2>&1 || [ -x /usr/sbin/postfix ]; then
    echo "install-postfix: postfix already installed: $(/usr/sbin/postconf -d -h mail_version 2>/dev/null || echo '?')"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-postfix: WARNING: apt-get not available; PostfixInteropTest will be skipped" >&2
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-postfix: WARNING: not root and no sudo; PostfixInteropTest will be skipped" >&2
        exit 0
    fi
fi

# keep package scripts from starting the postfix service (exit 101 = action forbidden)
created_policy=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod 755 /usr/sbin/policy-rc.d
    created_policy="yes"
fi

# "No configuration": the package writes no main.cf of its own and asks nothing
if command -v debconf-set-selections >/dev/null 2>&1; then
    printf '%s\n' \
        "postfix postfix/main_mailer_type select No configuration" \
        "postfix postfix/mailname string mx1.interop.test" \
        | $SUDO debconf-set-selections || true
fi

status=0
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q || status=$?
if [ "$status" -eq 0 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postfix || status=$?
fi

if [ -n "$created_policy" ]; then
    $SUDO rm -f /usr/sbin/policy-rc.d
fi
# in case a service manager started it anyway
if command -v systemctl >/dev/null 2>&1; then
    $SUDO systemctl stop postfix >/dev/null 2>&1 || true
    $SUDO systemctl disable postfix >/dev/null 2>&1 || true
fi
if [ -x /usr/sbin/postfix ] && [ -f /etc/postfix/main.cf ] && $SUDO /usr/sbin/postfix status >/dev/null 2>&1; then
    $SUDO /usr/sbin/postfix stop >/dev/null 2>&1 || true
fi

if [ "$status" -ne 0 ] || [ ! -x /usr/sbin/postfix ]; then
    echo "install-postfix: WARNING: could not install postfix (status $status); PostfixInteropTest will be skipped" >&2
    exit 0
fi
echo "install-postfix: installed postfix $(/usr/sbin/postconf -d -h mail_version 2>/dev/null || echo '?')"
