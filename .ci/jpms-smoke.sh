#!/usr/bin/env bash
# Checks mta-sts-core as a JPMS module: a module-path application can use the API, the providers of the dns and
# http jars (automatic modules) are found through ServiceLoader, and the internal package stays closed.
# Needs the jars built (./mvnw -B -q install -DskipTests) and their dependencies in the local repository.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }
version="$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml)"
path="mta-sts-core/target/mta-sts-core-$version.jar:mta-sts-dns/target/mta-sts-dns-$version.jar"
path="$path:mta-sts-http/target/mta-sts-http-$version.jar"
path="$path:$repo/dnsjava/dnsjava/$(prop dnsjava.version)/dnsjava-$(prop dnsjava.version).jar"
path="$path:$repo/org/slf4j/slf4j-api/$(prop slf4j.version)/slf4j-api-$(prop slf4j.version).jar"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac -d "$out" --module-path "$path" $(find .ci/jpms-smoke -name '*.java')
result="$(java --module-path "$out:$path" --add-modules ALL-MODULE-PATH -m app/demo.Main 2>/dev/null)"
expected="name xn--bcher-kva.example
mode NONE
resolver dev.mtasts.dns.DnsjavaResolver
fetcher dev.mtasts.http.HttpsPolicyFetcher
validator PT1M15S
internal closed"
if [ "$result" != "$expected" ]; then
  echo "jpms-smoke: unexpected output:" >&2
  echo "$result" >&2
  exit 1
fi
echo "jpms-smoke: OK (API on the module path, providers found, internal package closed)"
