#!/usr/bin/env bash
# One sample of run.sh, for one domain, the tools one after the other (never two at once):
#   ours : ./mta-sts check --json --nameserver IP --ca CA --allow-private-addresses --no-probe-mx DOMAIN
#          (the report must say TESTING, with no ERROR finding, the policy fetched, every DNS answer from IP)
#   dig  : the policy host's A, then the _mta-sts TXT, one query each (+tries=1), the "Query time"
#   curl : the policy over HTTPS (TLS 1.3, the CA, --resolve: no look-up), connect / TLS / total times
# and prints one tab-separated line, in milliseconds:
#   ours_elapsed ours_wall ours_host ours_sts ours_mx ours_mxhost ours_rpt ours_fetch ours_tls
#   dig_a dig_txt curl_connect curl_tls curl_get curl_total
# (ours_host: the report's POLICY_HOST look-up, A and AAAA in parallel; ours_mxhost: the slowest MX host's;
#  curl_tls = time_appconnect - time_connect, curl_get = time_total - time_appconnect).
#
# Usage: sample.sh REPO IP CA DOMAIN OUT_PREFIX      (OUT_PREFIX.json, .stderr, .dig-a, .dig-txt, .curl kept)
#        sample.sh --report IP REPORT_JSON WALL_MS   (checks a report made elsewhere, prints its nine ours columns)
# run.sh runs it inside a private mount namespace whose /etc/resolv.conf names its canary only.
set -euo pipefail

# The report must say TESTING with no ERROR finding, the policy fetched, every DNS answer from IP; prints
# elapsed, the wall time given, each look-up's elapsed, the fetch's, the TLS version (milliseconds).
report_fields() {   # ip report.json wall_ms
  local verdict
  verdict="$(jq -r --arg ip "$1" '
    if .verdict != "TESTING" then "verdict \(.verdict)"
    elif ([.findings[] | select(.severity == "ERROR")] | length) > 0
      then "ERROR finding(s): \([.findings[] | select(.severity == "ERROR") | .code] | join(", "))"
    elif (.fetch.outcome // "none") != "OK" then "fetch \(.fetch.outcome // "none")"
    elif ([.dns[] | .server.address // "none"] | unique) != [$ip]
      then "DNS answers from \([.dns[] | .server.address // "none"] | unique | join(", ")), not only \($ip)"
    else "ok" end' "$2")" || { echo "sample.sh: cannot read the report $2" >&2; return 1; }
  [ "$verdict" = ok ] || { echo "sample.sh: $verdict (report: $2)" >&2; return 1; }
  jq -r --arg w "$3" '
    def ms: . * 1000 | round;
    def lookup(p): [.dns[] | select(.purpose == p) | .elapsed] | if length == 0 then -1 else (max | ms) end;
    [(.elapsed | ms), ($w | tonumber), lookup("POLICY_HOST"), lookup("STS_RECORD"), lookup("MX"),
     lookup("MX_HOST"), lookup("TLS_RPT_RECORD"), (.fetch.elapsed | ms), (.fetch.tlsVersion // "?")] | @tsv' "$2"
}
if [ "${1:-}" = --report ]; then report_fields "$2" "$3" "$4"; exit; fi

repo="$1" ip="$2" ca="$3" domain="$4" out="$5"
host="mta-sts.$domain"
fail() { echo "sample.sh: $domain: $*" >&2; exit 1; }

# --- ours: JVM start-up included in the wall time; the report's elapsed is the library's own measure
t0=$(date +%s%N)
set +e
timeout --kill-after=5 120 "$repo/mta-sts" check --json --nameserver "$ip" --ca "$ca" \
  --allow-private-addresses --no-probe-mx "$domain" >"$out.json" 2>"$out.stderr"
rc=$?
set -e
t1=$(date +%s%N)
[ "$rc" = 0 ] || fail "./mta-sts check exited with $rc (stderr: $out.stderr, report: $out.json)"
ours="$(report_fields "$ip" "$out.json" "$(awk -v n="$((t1 - t0))" 'BEGIN { printf "%.1f", n / 1e6 }')")" \
  || fail "the report is not as expected"

# --- dig: one query each, the server's own answer (authoritative), its Query time
dig_ms() {   # name type expect file
  dig -4 +tries=1 +time=3 @"$ip" "$1" "$2" >"$4" 2>&1 || fail "dig $1 $2 failed: $(tail -3 "$4")"
  grep -q 'status: NOERROR' "$4" || fail "dig $1 $2: not NOERROR ($4)"
  grep -qF -- "$3" "$4" || fail "dig $1 $2: the answer lacks $3 ($4)"
  sed -n 's/^;; Query time: \([0-9][0-9]*\) msec.*/\1/p' "$4" | head -1
}
dig_a="$(dig_ms "$host" A "$ip" "$out.dig-a")"
dig_txt="$(dig_ms "_mta-sts.$domain" TXT "v=STSv1; id=" "$out.dig-txt")"
[ -n "$dig_a" ] && [ -n "$dig_txt" ] || fail "no Query time in dig's output ($out.dig-a, $out.dig-txt)"

# --- curl: TCP connect + TLS 1.3 + GET, no name look-up (--resolve), no proxy
w="$(curl -4 -sS --noproxy '*' --tlsv1.3 --max-time 30 --cacert "$ca" --resolve "$host:443:$ip" \
  -o "$out.curl" -w '%{http_code} %{content_type} %{time_connect} %{time_appconnect} %{time_total}' \
  "https://$host/.well-known/mta-sts.txt")" || fail "curl failed"
read -r code ctype t_conn t_app t_total <<<"$w"
[ "$code" = 200 ] || fail "curl: HTTP $code"
case "$ctype" in text/plain*) ;; *) fail "curl: Content-Type $ctype" ;; esac
[ "$(cat "$out.curl")" = "$(printf 'version: STSv1\r\nmode: testing\r\nmx: mx.%s\r\nmax_age: 86400\r' "$domain")" ] \
  || fail "curl: not the policy of $domain ($out.curl)"

curl_ms="$(awk -v c="$t_conn" -v a="$t_app" -v t="$t_total" \
  'BEGIN { printf "%.1f\t%.1f\t%.1f\t%.1f", c * 1000, (a - c) * 1000, (t - a) * 1000, t * 1000 }')"
printf '%s\t%s\t%s\t%s\n' "$ours" "$dig_a" "$dig_txt" "$curl_ms"
