#!/usr/bin/env bash
# End-to-end scan benchmark on loopback: N good MTA-STS domains served by knotd (DNS, 127.0.0.1:53)
# and nginx (HTTPS, 127.0.0.1:443, one server block and certificate per policy host, a throw-away CA),
# scanned in one run by
#   floor : openssl s_time (full TLS handshake + GET of the policy, one connection at a time), once
#           alone and once as FLOOR_PROCS processes in parallel (summed): the cost of the HTTPS part only
#   ours  : ./mta-sts scan --concurrency C --nameserver 127.0.0.1:53 --ca ca.pem
#           --allow-private-addresses --no-probe-mx  (JVM start-up included, no warm-up)
#   peer  : peer_scan.py, postfix-mta-sts-resolver's STSResolver (TXT look-up + policy fetch) under an
#           asyncio.Semaphore(PEER_C)
# each under /usr/bin/time -v and timeout, every result verified (fails loudly on one bad domain), then
# one table on stdout and in WORKDIR/results.md.
#
# Usage: bash mta-sts-benchmarks/e2e/run.sh [options]     (run as root: apt-get, port 53 and 443)
#   -n, --domains N      distinct domains                              env N         (default 5000)
#   -c, --concurrency C  our --concurrency                             env C         (default 200)
#   --peer-concurrency C the peer's semaphore                          env PEER_C    (default C)
#   -w, --workdir DIR    work directory (reused if generated for the same N)
#                                                                      env WORKDIR   (default /tmp/mta-sts-bench)
#   --floor-time S       seconds of each s_time run                    env FLOOR_TIME  (default 10)
#   --floor-procs K      parallel s_time processes, concurrent floor   env FLOOR_PROCS (default 4; 1 = none)
#   --ours-only          skip the floor and the peer                   env OURS_ONLY=1
#   --memory             also: scan MEMORY_LINES lines (the N domains repeated) with
#                        -Xmx128m -Xlog:gc:file=WORKDIR/gc.log; peak heap from the GC log
#                                                                      env MEMORY=1, MEMORY_LINES (default 100000)
#   --profile            also: our scan with JFR (settings=profile) into WORKDIR/scan.jfr, top 25 hot
#                        frames and per-package inclusive shares       env PROFILE=1
#   --keep               leave knotd and nginx running at the end      env KEEP=1
#   --timeout S          limit of each tool run, seconds               env TOOL_TIMEOUT (default 900;
#                        the --memory run: env MEMORY_TIMEOUT, default 3600)
#   -h, --help
# Other environment:
#   JAVA_HOME            the JDK ./mta-sts runs on (default: the system java, 17 here); e.g.
#                        JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
#   MTA_STS_JAVA_OPTS    JVM flags for our scan (the --memory and --profile runs add theirs to these)
#   JFR_JDK              JDK whose bin/jfr reads the recording (default /usr/lib/jvm/temurin-25-jdk-amd64)
#   PYTHON               interpreter with the Debian python3-aiohttp/aiodns (default /usr/bin/python3)
#   PEER_DNS             how the peer reaches 127.0.0.1:53: resolv-conf (unmodified package, run in a private
#                        mount namespace whose /etc/resolv.conf says 127.0.0.1), patched (resolvers replaced in
#                        peer_scan.py), or auto (resolv-conf if unshare works; default)
# Network: loopback only. Our scan and the peer ask 127.0.0.1:53 only; nothing looks up a name anywhere else.
set -euo pipefail
{ # the whole script is one compound command: bash reads it all before running, so editing this file
  # while it runs cannot change what the run does


here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

N="${N:-5000}"
C="${C:-200}"
PEER_C="${PEER_C:-}"
WORKDIR="${WORKDIR:-/tmp/mta-sts-bench}"
FLOOR_TIME="${FLOOR_TIME:-10}"
FLOOR_PROCS="${FLOOR_PROCS:-4}"
OURS_ONLY="${OURS_ONLY:-0}"
MEMORY="${MEMORY:-0}"
MEMORY_LINES="${MEMORY_LINES:-100000}"
PROFILE="${PROFILE:-0}"
KEEP="${KEEP:-0}"
TOOL_TIMEOUT="${TOOL_TIMEOUT:-900}"
MEMORY_TIMEOUT="${MEMORY_TIMEOUT:-3600}"
JFR_JDK="${JFR_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
PY="${PYTHON:-/usr/bin/python3}"
PEER_DNS="${PEER_DNS:-auto}"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--domains) N="$2"; shift 2 ;;
    -c|--concurrency) C="$2"; shift 2 ;;
    --peer-concurrency) PEER_C="$2"; shift 2 ;;
    -w|--workdir) WORKDIR="$2"; shift 2 ;;
    --floor-time) FLOOR_TIME="$2"; shift 2 ;;
    --floor-procs) FLOOR_PROCS="$2"; shift 2 ;;
    --ours-only) OURS_ONLY=1; shift ;;
    --memory) MEMORY=1; shift ;;
    --profile) PROFILE=1; shift ;;
    --keep) KEEP=1; shift ;;
    --timeout) TOOL_TIMEOUT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
PEER_C="${PEER_C:-$C}"

die() { echo "run.sh: ERROR: $*" >&2; exit 1; }
log() { echo "== $(date +%H:%M:%S) $*" >&2; }
is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }
for v in N C PEER_C FLOOR_TIME FLOOR_PROCS MEMORY_LINES TOOL_TIMEOUT MEMORY_TIMEOUT; do
  is_uint "${!v}" || die "$v must be a whole number, got '${!v}'"
done
[ "$N" -ge 1 ] && [ "$N" -le 99999 ] || die "N must be 1..99999 (names are d00001.bench.test ...)"
[ "$C" -ge 1 ] && [ "$PEER_C" -ge 1 ] || die "concurrency must be at least 1"
[ "$(id -u)" = 0 ] || die "run as root (apt-get, and knotd/nginx bind ports 53 and 443)"
case "$WORKDIR" in /*) ;; *) die "WORKDIR must be an absolute path" ;; esac

# ---------------------------------------------------------------------------------------------
# 1. Packages
created_policy_rc=0
cleanup_policy_rc() {
  if [ "$created_policy_rc" = 1 ]; then rm -f /usr/sbin/policy-rc.d; created_policy_rc=0; fi
}
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
install_packages() {
  local missing=()
  pkg_installed knot || missing+=(knot)
  if ! pkg_installed nginx-light && ! pkg_installed nginx-full && ! pkg_installed nginx-extras \
     && ! pkg_installed nginx-core && ! pkg_installed nginx; then missing+=(nginx-light); fi
  pkg_installed openssl || missing+=(openssl)
  pkg_installed postfix-mta-sts-resolver || missing+=(postfix-mta-sts-resolver)
  pkg_installed time || missing+=(time)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt-get install ${missing[*]}"
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# run.sh (mta-sts e2e benchmark): no service starts during apt-get\nexit 101\n' \
      > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    created_policy_rc=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >"$WORKDIR/apt.log" 2>&1; then
    apt-get update -q >>"$WORKDIR/apt.log" 2>&1 || true
    apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$WORKDIR/apt.log" 2>&1 \
      || { cleanup_policy_rc; tail -20 "$WORKDIR/apt.log" >&2; die "apt-get install ${missing[*]} failed (log: $WORKDIR/apt.log)"; }
  fi
  cleanup_policy_rc
}

mkdir -p "$WORKDIR"
install_packages
for cmd in knotd knotc nginx openssl /usr/bin/time timeout ss awk; do
  command -v "$cmd" >/dev/null || die "$cmd not found after installing the packages"
done

# ---------------------------------------------------------------------------------------------
# 2. Domains, zone, certificates, nginx configuration (kept for the next run with the same N)
GEN_VERSION=1
pki="$WORKDIR/pki"; knotdir="$WORKDIR/knot"; ngx="$WORKDIR/nginx"; runs="$WORKDIR/runs"
domains="$WORKDIR/domains.txt"
stamp="$WORKDIR/generated.stamp"
want_stamp="N=$N version=$GEN_VERSION"
name_of() { printf 'd%05d' "$1"; }

generate() {
  log "generating $N domains in $WORKDIR"
  rm -rf "$pki" "$knotdir/zones" "$ngx/conf" "$domains" "$stamp"
  mkdir -p "$pki/certs" "$knotdir/zones" "$ngx/conf"
  awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++) printf "d%05d.bench.test\n", i }' > "$domains"

  # Zone bench.test: per domain the _mta-sts TXT, an MX and its A, the TLS-RPT TXT, the policy host's A.
  awk -v n="$N" 'BEGIN {
    print "$ORIGIN bench.test."
    print "$TTL 3600"
    print "@ SOA ns.bench.test. hostmaster.bench.test. 1 3600 600 86400 300"
    print "@ NS ns.bench.test."
    print "ns A 127.0.0.1"
    for (i = 1; i <= n; i++) {
      d = sprintf("d%05d", i)
      printf "_mta-sts.%s TXT \"v=STSv1; id=bench%05d;\"\n", d, i
      printf "%s MX 10 mx.%s\n", d, d
      printf "mx.%s A 127.0.0.1\n", d
      printf "_smtp._tls.%s TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@%s.bench.test\"\n", d, d
      printf "mta-sts.%s A 127.0.0.1\n", d
    }
  }' > "$knotdir/zones/bench.test.zone"

  # Throw-away CA (EC P-256) and one leaf per policy host, all leaves sharing one key, signed by the root.
  cat > "$pki/openssl.cnf" <<'EOF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca_ext]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf_ext]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  export OPENSSL_CONF="$pki/openssl.cnf"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$pki/ca.key" 2>/dev/null
  openssl req -new -x509 -key "$pki/ca.key" -subj "/CN=mta-sts e2e bench CA" -days 3650 \
    -extensions ca_ext -out "$pki/ca.pem"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$pki/leaf.key" 2>/dev/null
  local procs t0 p
  procs="$(nproc)"
  t0=$(date +%s)
  for ((p = 0; p < procs; p++)); do
    (
      for ((i = p + 1; i <= N; i += procs)); do
        d="$(name_of "$i")"
        openssl req -new -key "$pki/leaf.key" -CA "$pki/ca.pem" -CAkey "$pki/ca.key" \
          -subj "/CN=mta-sts.$d.bench.test" -days 400 -extensions leaf_ext \
          -addext "subjectAltName=DNS:mta-sts.$d.bench.test" -set_serial "$((1000000 + i))" \
          -out "$pki/certs/$d.pem" 2>>"$pki/errors.log" || { echo "certificate $d failed" >&2; exit 1; }
      done
    ) &
  done
  local failed=0
  for job in $(jobs -p); do wait "$job" || failed=1; done
  [ "$failed" = 0 ] || die "certificate generation failed, see $pki/errors.log"
  local made
  made=$(find "$pki/certs" -name 'd*.pem' | wc -l)
  [ "$made" = "$N" ] || die "made $made certificates, want $N"
  openssl verify -CAfile "$pki/ca.pem" "$pki/certs/$(name_of "$N").pem" >/dev/null \
    || die "the last certificate does not verify against the CA"
  unset OPENSSL_CONF
  log "made $N certificates in $(( $(date +%s) - t0 )) s"

  # nginx: one server block per policy host. The first one is also the default server, for s_time (no SNI).
  awk -v n="$N" -v certs="$pki/certs" 'BEGIN {
    for (i = 1; i <= n; i++) {
      d = sprintf("d%05d", i)
      printf "server {\n  listen 127.0.0.1:443 ssl%s;\n  server_name mta-sts.%s.bench.test;\n", (i == 1 ? " default_server" : ""), d
      printf "  ssl_certificate %s/%s.pem;\n", certs, d
      printf "  location = /.well-known/mta-sts.txt {\n    default_type text/plain;\n"
      printf "    return 200 \"version: STSv1\\r\\nmode: testing\\r\\nmx: mx.%s.bench.test\\r\\nmax_age: 86400\\r\\n\";\n  }\n", d
      printf "  location / { return 404; }\n}\n"
    }
  }' > "$ngx/conf/servers.conf"
  echo "$want_stamp" > "$stamp"
}
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_stamp" ] && [ -f "$domains" ] \
   && [ -f "$ngx/conf/servers.conf" ] && [ -f "$knotdir/zones/bench.test.zone" ]; then
  log "reusing the $N domains generated in $WORKDIR"
else
  generate
fi
mkdir -p "$knotdir/db" "$knotdir/run" "$ngx/tmp" "$ngx/logs" "$runs"

cat > "$knotdir/knot.conf" <<EOF
server:
    rundir: "$knotdir/run"
    listen: 127.0.0.1@53
log:
  - target: "$knotdir/knot.log"
    any: notice
database:
    storage: "$knotdir/db"
control:
    listen: "$knotdir/run/knot.sock"
template:
  - id: default
    storage: "$knotdir/zones"
    file: "%s.zone"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
zone:
  - domain: bench.test
EOF

cat > "$ngx/conf/nginx.conf" <<EOF
worker_processes auto;
worker_rlimit_nofile 20000;
pid $ngx/nginx.pid;
error_log $ngx/logs/error.log warn;
daemon on;
events { worker_connections 4096; }
http {
  client_body_temp_path $ngx/tmp/body;
  proxy_temp_path $ngx/tmp/proxy;
  fastcgi_temp_path $ngx/tmp/fastcgi;
  uwsgi_temp_path $ngx/tmp/uwsgi;
  scgi_temp_path $ngx/tmp/scgi;
  server_names_hash_max_size 262144;
  server_names_hash_bucket_size 128;
  server_tokens off;
  keepalive_timeout 5s;
  ssl_protocols TLSv1.2 TLSv1.3;
  ssl_certificate_key $pki/leaf.key;
  log_format bench "\$status\t\$ssl_server_name\t\$ssl_protocol\t\$request_uri\t\$http_user_agent\t\$msec";
  access_log $ngx/logs/access.log bench buffer=256k flush=1s;
  include $ngx/conf/servers.conf;
}
EOF

# ---------------------------------------------------------------------------------------------
# 3. Servers
pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
pid_has() { tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"; }
stop_servers() {
  local p
  if [ -f "$ngx/nginx.pid" ]; then
    p="$(cat "$ngx/nginx.pid" 2>/dev/null || true)"
    if pid_alive "$p" && pid_has "$p" "$ngx/conf/nginx.conf"; then
      kill -QUIT "$p" 2>/dev/null || true
      for _ in $(seq 50); do pid_alive "$p" || break; sleep 0.1; done
      pid_alive "$p" && kill -TERM "$p" 2>/dev/null || true
    fi
    rm -f "$ngx/nginx.pid"
  fi
  if [ -f "$knotdir/run/knot.pid" ]; then
    p="$(cat "$knotdir/run/knot.pid" 2>/dev/null || true)"
    if pid_alive "$p" && pid_has "$p" "$knotdir/knot.conf"; then
      knotc -c "$knotdir/knot.conf" -t 5 stop >/dev/null 2>&1 || kill -TERM "$p" 2>/dev/null || true
      for _ in $(seq 50); do pid_alive "$p" || break; sleep 0.1; done
    fi
    rm -f "$knotdir/run/knot.pid"
  fi
}
on_exit() {
  local rc=$?
  cleanup_policy_rc
  if [ "$KEEP" = 1 ]; then
    log "KEEP=1: knotd and nginx left running (stop: bash $0 again stops them first, or kill the pids in" \
        "$knotdir/run/knot.pid and $ngx/nginx.pid)"
  else
    stop_servers
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# Servers a previous run left behind (KEEP=1) are ours: stop them, then the ports must be free.
stop_servers
port_busy() {   # proto(t|u) port: prints the listeners that would clash with 127.0.0.1:port
  ss -Hln"$1" 2>/dev/null | awk -v p="$2" '{ a = $4; if (a ~ ("^(127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\*|\\[::\\]|\\[::ffff:127\\.0\\.0\\.1\\]):" p "$")) print }'
}
for spec in u:53 t:53 t:443; do
  busy="$(port_busy "${spec%%:*}" "${spec##*:}")"
  [ -z "$busy" ] || die "port ${spec##*:} ($([ "${spec%%:*}" = u ] && echo udp || echo tcp)) on 127.0.0.1 is taken: $busy"
done

log "starting knotd on 127.0.0.1:53"
knotd -c "$knotdir/knot.conf" -d >"$knotdir/knotd.out" 2>&1 || { cat "$knotdir/knotd.out" >&2; die "knotd did not start"; }
dns_ok=0
for _ in $(seq 100); do
  if "$PY" "$here/bench_tools.py" dns-check 127.0.0.1 53 "_mta-sts.$(name_of "$N").bench.test" >/dev/null 2>&1; then dns_ok=1; break; fi
  sleep 0.2
done
[ "$dns_ok" = 1 ] || { tail -20 "$knotdir/knot.log" >&2; die "knotd does not answer for _mta-sts.$(name_of "$N").bench.test (log: $knotdir/knot.log)"; }
knot_pid="$(cat "$knotdir/run/knot.pid")"

log "starting nginx on 127.0.0.1:443 ($N server blocks)"
nginx -t -q -e "$ngx/logs/error.log" -c "$ngx/conf/nginx.conf" -p "$ngx" 2>"$ngx/nginx-t.out" \
  || { cat "$ngx/nginx-t.out" >&2; die "nginx rejects $ngx/conf/nginx.conf"; }
nginx -e "$ngx/logs/error.log" -c "$ngx/conf/nginx.conf" -p "$ngx" || die "nginx did not start (log: $ngx/logs/error.log)"
for _ in $(seq 100); do [ -s "$ngx/nginx.pid" ] && break; sleep 0.1; done
nginx_pid="$(cat "$ngx/nginx.pid")"
smoke_host="mta-sts.$(name_of "$N").bench.test"
smoke=""
for _ in $(seq 50); do
  smoke="$(printf 'GET /.well-known/mta-sts.txt HTTP/1.0\r\nHost: %s\r\n\r\n' "$smoke_host" \
    | timeout 5 openssl s_client -quiet -connect 127.0.0.1:443 -servername "$smoke_host" \
        -CAfile "$pki/ca.pem" -verify_hostname "$smoke_host" -verify_return_error 2>/dev/null || true)"
  case "$smoke" in *"mx: mx.$(name_of "$N").bench.test"*) break ;; esac
  sleep 0.2
done
case "$smoke" in
  *"200 OK"*"text/plain"*"mx: mx.$(name_of "$N").bench.test"*) ;;
  *) echo "$smoke" >&2; die "nginx does not serve the policy of $smoke_host with a certificate the CA verifies" ;;
esac

# ---------------------------------------------------------------------------------------------
# 4. Our command line
jar="$repo/mta-sts-examples/target/mta-sts.jar"
if [ ! -f "$jar" ]; then
  log "building the command line (./mvnw -B -q -o install -DskipTests)"
  (cd "$repo" && ./mvnw -B -q -o install -DskipTests) || die "build failed"
  [ -f "$jar" ] || die "$jar still missing after the build"
fi
java_cmd=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_cmd="$JAVA_HOME/bin/java"; fi
jdk_version="$("$java_cmd" -version 2>&1 | sed -n '2p')"
jar_info="$(date -u -r "$jar" +%Y-%m-%dT%H:%M:%SZ), sha256 $(sha256sum "$jar" | cut -c1-12), git $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"
[ -n "$jdk_version" ] || die "cannot run $java_cmd"

# ---------------------------------------------------------------------------------------------
# 5. Runs
rows="$runs/rows.jsonl"
: > "$rows"
clk_tck="$(getconf CLK_TCK)"
server_ticks() {   # utime+stime of knotd, the nginx master and its workers
  local total=0 p t
  for p in "$knot_pid" "$nginx_pid" $(pgrep -P "$nginx_pid" || true); do
    t="$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk '{ print $12 + $13 }')" || t=0
    total=$((total + ${t:-0}))
  done
  echo "$total"
}
secs_between() { awk -v a="$1" -v b="$2" -v t="$clk_tck" 'BEGIN { printf "%.3f", (b - a) / t }'; }
rotate_access_log() {   # moves the access log of the run that just ended to $1 (or drops it)
  local target="$1"
  sleep 1.2   # flush=1s
  if [ -f "$ngx/logs/access.log" ]; then mv "$ngx/logs/access.log" "$target"; fi
  kill -USR1 "$nginx_pid"
  sleep 0.5
}
check_traffic() {   # label access-json expected: warns when nginx served requests the tool did not make
  local got
  got="$(json_get "$2" requests)"
  if [ "$got" != "$3" ]; then
    echo "run.sh: WARNING: $1: nginx logged $got requests, the tool made $3: someone else used 127.0.0.1:443" \
         "during this run (or the tool fetched twice), so its figures are disturbed" >&2
    traffic_warnings+="$1: nginx logged $got requests for $3 expected; "
  fi
}
traffic_warnings=""
json_get() { "$PY" -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
rotate_access_log "$runs/discard.access.log"

run_floor() {   # procs label
  local procs="$1" label="$2" i pids=() t0 t1 s0 s1 conns=0 c
  log "floor: $procs x openssl s_time -new -time $FLOOR_TIME"
  rotate_access_log "$runs/discard.access.log"
  s0="$(server_ticks)"
  t0="$(date +%s.%N)"
  for ((i = 1; i <= procs; i++)); do
    timeout $((FLOOR_TIME + 60)) /usr/bin/time -v -o "$runs/floor$procs.$i.time" \
      openssl s_time -connect 127.0.0.1:443 -new -time "$FLOOR_TIME" -www /.well-known/mta-sts.txt \
      >"$runs/floor$procs.$i.out" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || die "openssl s_time failed, see $runs/floor$procs.*.out"; done
  t1="$(date +%s.%N)"
  s1="$(server_ticks)"
  for ((i = 1; i <= procs; i++)); do
    c="$(sed -n 's/^\([0-9][0-9]*\) connections in [0-9.]* real seconds.*/\1/p' "$runs/floor$procs.$i.out" | tail -1)"
    [ -n "$c" ] || die "no 'connections in X real seconds' line in $runs/floor$procs.$i.out"
    conns=$((conns + c))
  done
  rotate_access_log "$runs/floor$procs.access.log"
  local t wall
  t="$("$PY" "$here/bench_tools.py" parse-time "$runs"/floor"$procs".*.time)"
  wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
  local acc
  acc="$("$PY" "$here/bench_tools.py" access-log "$runs/floor$procs.access.log")"
  log "floor x$procs: $conns connections in $wall s; nginx logged $(json_get "$acc" requests) requests, $(json_get "$acc" status200) with 200"
  check_traffic "floor x$procs" "$acc" "$conns"
  [ "$conns" -gt 0 ] || die "s_time made no connection"
  "$PY" "$here/bench_tools.py" row "$rows" kind="$label" tool="floor: openssl s_time x$procs" unit=conn \
    count="$conns" wall="$wall" user="$(json_get "$t" user)" sys="$(json_get "$t" sys)" \
    maxrss_kb="$(json_get "$t" maxrss_kb)" srv_cpu="$(secs_between "$s0" "$s1")"
}

run_ours() {   # kind label input-file repeat extra-java-opts [timeout]
  local kind="$1" label="$2" input="$3" repeat="$4" extra="$5" limit="${6:-$TOOL_TIMEOUT}" s0 s1 rc
  local out="$runs/$kind.jsonl"
  log "ours ($label): mta-sts scan --concurrency $C, $(wc -l < "$input") lines"
  rotate_access_log "$runs/discard.access.log"
  rm -f "$out"
  s0="$(server_ticks)"
  set +e
  MTA_STS_JAVA_OPTS="${MTA_STS_JAVA_OPTS:-} $extra" /usr/bin/time -v -o "$runs/$kind.time" \
    timeout --kill-after=10 "$limit" "$repo/mta-sts" scan --concurrency "$C" \
      --nameserver 127.0.0.1:53 --ca "$pki/ca.pem" --allow-private-addresses --no-probe-mx \
      --output "$out" "$input" 2>"$runs/$kind.stderr"
  rc=$?
  set -e
  s1="$(server_ticks)"
  rotate_access_log "$runs/$kind.access.log"
  if [ "$rc" != 0 ]; then
    tail -20 "$runs/$kind.stderr" >&2
    [ "$rc" = 124 ] && die "ours ($label) timed out after $limit s"
    die "ours ($label) exited with $rc (0 = no ERROR finding); stderr: $runs/$kind.stderr"
  fi
  "$PY" "$here/bench_tools.py" verify-ours "$out" "$domains" "$repeat" >&2 \
    || die "ours ($label): the reports are not all good (above: the first bad line; all: $out)"
  local t acc
  t="$("$PY" "$here/bench_tools.py" parse-time "$runs/$kind.time")"
  acc="$("$PY" "$here/bench_tools.py" access-log "$runs/$kind.access.log")"
  log "ours ($label): nginx saw $acc"
  check_traffic "ours ($label)" "$acc" "$(wc -l < "$out")"
  log "ours ($label) stderr summary: $(tail -3 "$runs/$kind.stderr" | tr '\n' ' ')"
  local lines
  lines="$(wc -l < "$out")"
  "$PY" "$here/bench_tools.py" row "$rows" kind="$kind" tool="$label" count="$lines" \
    wall="$(json_get "$t" wall)" user="$(json_get "$t" user)" sys="$(json_get "$t" sys)" \
    maxrss_kb="$(json_get "$t" maxrss_kb)" srv_cpu="$(secs_between "$s0" "$s1")"
}

run_peer() {
  local s0 s1 rc
  peer_dns="$PEER_DNS"
  if [ "$peer_dns" = auto ]; then
    if unshare --mount --propagation private true 2>/dev/null; then peer_dns=resolv-conf; else peer_dns=patched; fi
  fi
  case "$peer_dns" in resolv-conf|patched) ;; *) die "PEER_DNS must be auto, resolv-conf or patched" ;; esac
  echo "nameserver 127.0.0.1" > "$WORKDIR/peer-resolv.conf"
  log "peer: postfix-mta-sts-resolver STSResolver, semaphore $PEER_C, DNS: $peer_dns"
  "$PY" -c 'import postfix_mta_sts_resolver.resolver' 2>/dev/null \
    || die "$PY cannot import postfix_mta_sts_resolver (package postfix-mta-sts-resolver; set PYTHON=)"
  rotate_access_log "$runs/discard.access.log"
  s0="$(server_ticks)"
  set +e
  if [ "$peer_dns" = resolv-conf ]; then
    # A private mount namespace whose /etc/resolv.conf names 127.0.0.1 only: the package runs unmodified.
    SSL_CERT_FILE="$pki/ca.pem" SSL_CERT_DIR=/nonexistent /usr/bin/time -v -o "$runs/peer.time" \
      unshare --mount --propagation private /bin/sh -c 'mount --bind "$1" /etc/resolv.conf && shift && exec "$@"' \
        sh "$WORKDIR/peer-resolv.conf" \
        timeout --kill-after=10 "$TOOL_TIMEOUT" "$PY" "$here/peer_scan.py" --concurrency "$PEER_C" \
          --dns resolv-conf --output "$runs/peer.jsonl" "$domains" 2>"$runs/peer.stderr"
    rc=$?
  else
    SSL_CERT_FILE="$pki/ca.pem" SSL_CERT_DIR=/nonexistent /usr/bin/time -v -o "$runs/peer.time" \
      timeout --kill-after=10 "$TOOL_TIMEOUT" "$PY" "$here/peer_scan.py" --concurrency "$PEER_C" \
        --dns patched --nameserver 127.0.0.1 --output "$runs/peer.jsonl" "$domains" 2>"$runs/peer.stderr"
    rc=$?
  fi
  set -e
  s1="$(server_ticks)"
  rotate_access_log "$runs/peer.access.log"
  tail -5 "$runs/peer.stderr" >&2
  [ "$rc" = 124 ] && die "peer timed out after $TOOL_TIMEOUT s"
  [ "$rc" = 0 ] || die "peer: not every domain resolved to a valid policy (exit $rc; $runs/peer.stderr, $runs/peer.jsonl)"
  local t acc
  t="$("$PY" "$here/bench_tools.py" parse-time "$runs/peer.time")"
  acc="$("$PY" "$here/bench_tools.py" access-log "$runs/peer.access.log")"
  log "peer: nginx saw $acc"
  check_traffic peer "$acc" "$N"
  [ "$(json_get "$acc" status200)" -ge "$N" ] || die "peer: nginx served $(json_get "$acc" status200) policies, want $N"
  "$PY" "$here/bench_tools.py" row "$rows" kind=peer tool="peer: postfix-mta-sts-resolver" count="$N" \
    wall="$(json_get "$t" wall)" user="$(json_get "$t" user)" sys="$(json_get "$t" sys)" \
    maxrss_kb="$(json_get "$t" maxrss_kb)" srv_cpu="$(secs_between "$s0" "$s1")"
}

started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
if [ "$OURS_ONLY" != 1 ]; then
  run_floor 1 floor1
  if [ "$FLOOR_PROCS" -gt 1 ]; then run_floor "$FLOOR_PROCS" floorK; fi
fi
run_ours ours "ours: mta-sts scan" "$domains" 1 ""
if [ "$OURS_ONLY" != 1 ]; then
  run_peer
fi

memory_report=""
if [ "$MEMORY" = 1 ]; then
  [ "$MEMORY_LINES" -ge "$N" ] || die "MEMORY_LINES must be at least N"
  repeat=$(( (MEMORY_LINES + N - 1) / N ))
  mem_lines=$((repeat * N))
  memin="$WORKDIR/domains-x$repeat.txt"
  for ((r = 0; r < repeat; r++)); do cat "$domains"; done > "$memin"
  rm -f "$WORKDIR/gc.log"
  run_ours memory "ours: memory ($repeat x $N lines, -Xmx128m)" "$memin" "$repeat" "-Xmx128m -Xlog:gc:file=$WORKDIR/gc.log" "$MEMORY_TIMEOUT"
  gc="$("$PY" "$here/bench_tools.py" gc-peak "$WORKDIR/gc.log")"
  memory_report="memory run: $mem_lines lines ($repeat x the $N distinct domains), -Xmx128m:"
  memory_report+=" peak heap used before a GC $(json_get "$gc" peak_before_mb) MB, max after a GC $(json_get "$gc" max_after_mb) MB,"
  memory_report+=" heap $(json_get "$gc" heap_mb) MB, $(json_get "$gc" pauses) GC pauses ($(json_get "$gc" full) full);"
  memory_report+=" heap after a young GC, mean over each tenth of the run: $(json_get "$gc" young_after_by_tenth_mb) MB"
  memory_report+=" (a plateau is steady state, a rise to the end a leak); GC log $WORKDIR/gc.log"
fi

profile_report=""
if [ "$PROFILE" = 1 ]; then
  rm -f "$WORKDIR/scan.jfr"
  run_ours profile "ours: with JFR profile" "$domains" 1 "-XX:StartFlightRecording=filename=$WORKDIR/scan.jfr,settings=profile"
  [ -x "$JFR_JDK/bin/jfr" ] || die "no $JFR_JDK/bin/jfr to read $WORKDIR/scan.jfr (set JFR_JDK)"
  { echo "### Hot methods (jfr view hot-methods)"; echo '```'
    "$JFR_JDK/bin/jfr" view --width 160 hot-methods "$WORKDIR/scan.jfr" 2>&1 | head -40
    echo '```'; } > "$runs/profile.md"
  "$JFR_JDK/bin/jfr" print --json --stack-depth 64 --events jdk.ExecutionSample "$WORKDIR/scan.jfr" > "$runs/samples.json"
  { echo; echo "### Execution samples by package (any frame) and by top frame"; echo
    "$PY" "$here/bench_tools.py" jfr-any "$runs/samples.json" 25; } >> "$runs/profile.md"
  rm -f "$runs/samples.json"
  profile_report="$(cat "$runs/profile.md")"
fi

# ---------------------------------------------------------------------------------------------
# 6. Table
{
  echo "## mta-sts e2e scan benchmark, $started_at"
  echo
  echo "N=$N distinct domains, ours --concurrency $C, peer semaphore $PEER_C, nproc $(nproc), JDK: $jdk_version"
  echo "MTA_STS_JAVA_OPTS: '${MTA_STS_JAVA_OPTS:-}'; peer DNS: ${peer_dns:-not run}; peer: postfix-mta-sts-resolver $(dpkg-query -W -f='${Version}' postfix-mta-sts-resolver 2>/dev/null || echo '?'), $("$PY" --version 2>&1)"
  echo "jar: mta-sts-examples/target/mta-sts.jar built $jar_info"
  echo "floor: openssl s_time -new -time $FLOOR_TIME (full handshake + GET, one connection at a time per process); 'domains' = connections"
  echo
  "$PY" "$here/bench_tools.py" table "$rows"
  echo
  echo "CPU ms/domain = (user+sys of the client process tree) / domains; server CPU = knotd + nginx during the run; max RSS of the client."
  echo "Client, knotd and nginx share the same $(nproc) cores. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  [ -z "$traffic_warnings" ] || { echo; echo "WARNING, disturbed runs: $traffic_warnings"; }
  [ -z "$memory_report" ] || { echo; echo "$memory_report"; }
  [ -z "$profile_report" ] || { echo; echo "$profile_report"; }
} | tee "$WORKDIR/results.md"
log "results in $WORKDIR/results.md; outputs in $runs"
exit 0
}
