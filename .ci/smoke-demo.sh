#!/usr/bin/env bash
# Smoke test of the README's first command: build, then `./mta-sts demo` (offline, a few seconds).
# Checks the exit code and that every sandbox deployment was reported, in text and in JSON.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== smoke: ./mvnw -B -q install -DskipTests && ./mta-sts demo"
# exactly the README's first command
./mvnw -B -q install -DskipTests
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

./mta-sts demo > "$out"
for expected in "enforce.good.test  ENFORCING" "expired-cert.test  BROKEN" "backup-mx.test  ENFORCING  MAIL AT RISK" \
                "Summary"; do
  if ! grep -qF "$expected" "$out"; then
    echo "smoke: demo output lacks '$expected'" >&2
    cat "$out" >&2
    exit 1
  fi
done
reports=$(grep -c '^=== ' "$out")
if [ "$reports" -lt 12 ]; then
  echo "smoke: demo showed $reports deployments, expected at least 12" >&2
  exit 1
fi

./mta-sts demo --json > "$out"
if ! grep -q '"verdict" : "ENFORCING"' "$out"; then
  echo "smoke: demo --json has no ENFORCING report" >&2
  exit 1
fi

set +e
./mta-sts check --frobnicate example.test > /dev/null 2>&1
code=$?
set -e
if [ "$code" -ne 2 ]; then
  echo "smoke: a usage error exited $code, not 2" >&2
  exit 1
fi
echo "smoke-demo: OK ($reports deployments reported, usage error exits 2)"
