#!/usr/bin/env bash
# Latency benchmark: does one validation take about its critical path, and no more, when the network is slow?
# A network namespace joined to the host by a veth pair (host 10.203.0.1/24, namespace 10.203.0.2/24) holds
# its own knotd (authoritative for lat.test on 10.203.0.2@53) and nginx (10.203.0.2:443, HTTPS, a throw-away
# EC P-256 CA, one leaf per policy host) for N domains dN.lat.test. Then, with no delay and then with DELAY_MS
# one way on the veth (RTT twice that), REPEAT rounds over the domains, one domain at a time, each sample:
#   ours     : ./mta-sts check --json --nameserver 10.203.0.2 --ca ca.pem --allow-private-addresses
#              --no-probe-mx dN.lat.test: the report's elapsed (and the wall time, JVM start-up included)
#   warm     : the same check run in-process again and again by WarmCheck.java, in one JVM kept up for the
#              whole run (classes loaded, code compiled; WARM_UP validations first, not counted)
#   critical : dig +tries=1 @10.203.0.2 mta-sts.dN.lat.test A (Query time)
#              + curl --tlsv1.3 --resolve ... https://mta-sts.dN.lat.test/.well-known/mta-sts.txt (time_total)
#   theory   : 4 RTT (DNS, TCP, TLS 1.3, GET)
# and prints the tables (also in WORKDIR/results.md): median and max of each, the ratio ours / critical path.
#
# Usage: bash mta-sts-benchmarks/latency/run.sh [options]       (as root: namespaces, iptables, apt-get)
#   -n, --domains N     domains d1 .. dN                          env N         (default 10)
#   -r, --repeat R      rounds over the domains                   env REPEAT    (default 3)
#   -d, --delay MS      one-way delay of the slow phase, ms       env DELAY_MS  (default 25)
#   -w, --workdir DIR   work directory, emptied at each run       env WORKDIR   (default /tmp/mta-sts-latency)
#   --shaper S          how the delay is made: netem (tc qdisc netem on both veth ends), nfqueue (nfq_delay.py
#                       holds the packets of iptables NFQUEUE rules inside the namespace), or auto: netem when
#                       the kernel has it, else nfqueue            env SHAPER    (default auto)
#   --warm-up K         validations the warm JVM makes before its first counted one
#                                                                  env WARM_UP   (default 40)
#   --cds               the cold runs with an AppCDS archive of the classes one check loads (made first by one
#                       check with -XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile in MTA_STS_JAVA_OPTS)
#                                                                  env CDS=1
#   --keep              leave the namespace, servers and canary up at the end, the delay on (to look around:
#                       ip netns exec mtalat ..., or ./mta-sts check ... yourself); --stop takes them down
#                                                                  env KEEP=1
#   --stop              only take down what an earlier run left (namespace, veth, servers, canary), then exit
#   -h, --help
# Other environment: JAVA_HOME, MTA_STS_JAVA_OPTS, MTA_STS_JVM_DEFAULTS (passed to ./mta-sts as they are).
# Network: only the namespace's veth. Every client runs in a private mount namespace whose /etc/resolv.conf names
# 10.203.0.1, where canary.py listens on port 53 and answers nothing: the run fails if anything asked it.
# Nothing here touches 127.0.0.1:53 or 127.0.0.1:443 (the e2e benchmark's), nor the host's firewall.
set -euo pipefail

main() {
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

N="${N:-10}"
REPEAT="${REPEAT:-3}"
DELAY_MS="${DELAY_MS:-25}"
WORKDIR="${WORKDIR:-/tmp/mta-sts-latency}"
SHAPER="${SHAPER:-auto}"
KEEP="${KEEP:-0}"
WARM_UP="${WARM_UP:-40}"
CDS="${CDS:-0}"
STOP=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--domains) N="$2"; shift 2 ;;
    -r|--repeat) REPEAT="$2"; shift 2 ;;
    -d|--delay) DELAY_MS="$2"; shift 2 ;;
    -w|--workdir) WORKDIR="$2"; shift 2 ;;
    --shaper) SHAPER="$2"; shift 2 ;;
    --warm-up) WARM_UP="$2"; shift 2 ;;
    --cds) CDS=1; shift ;;
    --keep) KEEP=1; shift ;;
    --stop) STOP=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

NS=mtalat
VETH_HOST=vlat-h
VETH_NS=vlat-n
HOST_IP=10.203.0.1
NS_IP=10.203.0.2
NET=10.203.0.0/24
ZONE=lat.test
QUEUE=7
MARK=.mta-sts-latency-workdir

die() { echo "run.sh: ERROR: $*" >&2; exit 1; }
log() { echo "== $(date +%H:%M:%S) $*" >&2; }
for v in N REPEAT DELAY_MS WARM_UP; do [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be a whole number, got '${!v}'"; done
[ "$N" -ge 1 ] && [ "$N" -le 200 ] || die "N must be 1..200"
[ "$REPEAT" -ge 1 ] || die "REPEAT must be at least 1"
[ "$DELAY_MS" -ge 1 ] && [ "$DELAY_MS" -le 2000 ] || die "DELAY_MS must be 1..2000"
case "$SHAPER" in auto|netem|nfqueue) ;; *) die "--shaper must be auto, netem or nfqueue" ;; esac
case "$WORKDIR" in /?*) ;; *) die "WORKDIR must be an absolute path" ;; esac
[ "$(id -u)" = 0 ] || die "run as root (network namespace, veth, iptables in the namespace, apt-get)"
# no proxy for curl, whatever the caller's environment says (--noproxy too); Java reads none from it
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY no_proxy NO_PROXY
export PYTHONDONTWRITEBYTECODE=1   # no __pycache__ next to the scripts

# ---------------------------------------------------------------------------------------------
# Packages
pkg_ok() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
command -v knotd >/dev/null || missing+=(knot)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v dig >/dev/null || missing+=(bind9-dnsutils)
command -v ping >/dev/null || missing+=(iputils-ping)
command -v iptables-legacy >/dev/null || missing+=(iptables)
for p in openssl curl jq iproute2; do pkg_ok "$p" || missing+=("$p"); done
made_policy_rc=0
drop_policy_rc() { if [ "$made_policy_rc" = 1 ]; then rm -f /usr/sbin/policy-rc.d; made_policy_rc=0; fi; }
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  if [ ! -e /usr/sbin/policy-rc.d ]; then   # the packages must start no service (nginx would take port 80)
    printf '#!/bin/sh\n# latency/run.sh: no service starts while it installs packages\nexit 101\n' \
      > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy_rc=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/mta-sts-latency-apt.log 2>&1 \
    || { apt-get update -q >>/tmp/mta-sts-latency-apt.log 2>&1 || true
         apt-get install -y -q --no-install-recommends "${missing[@]}" >>/tmp/mta-sts-latency-apt.log 2>&1; } \
    || { drop_policy_rc; die "apt-get install ${missing[*]} failed (/tmp/mta-sts-latency-apt.log)"; }
  drop_policy_rc
fi
for c in ip tc knotd knotc nginx openssl curl dig ping jq unshare timeout iptables-legacy python3 awk java; do
  command -v "$c" >/dev/null || die "$c not found"
done
PY=/usr/bin/python3; [ -x "$PY" ] || PY="$(command -v python3)"
jar="$repo/mta-sts-examples/target/mta-sts.jar"
[ -f "$jar" ] || die "$jar is missing: build it first (./mvnw -B -q install -DskipTests); run.sh does not build"

# ---------------------------------------------------------------------------------------------
# Clean-up: what a run (this one, or one that was killed) set up, found by its fixed names
pki="$WORKDIR/pki"; kdir="$WORKDIR/knot"; ndir="$WORKDIR/nginx"; runs="$WORKDIR/runs"
canary_pid=""; delayer_pid=""; shaper_on=""
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
wait_gone() { for _ in $(seq 50); do alive "$1" || return 0; sleep 0.1; done; return 1; }
ns_exists() { [ -e "/run/netns/$NS" ]; }
in_ns() { ip netns exec "$NS" "$@"; }
shaper_off() {
  case "$shaper_on" in
    netem)
      tc qdisc del dev "$VETH_HOST" root 2>/dev/null || true
      ns_exists && in_ns tc qdisc del dev "$VETH_NS" root 2>/dev/null || true ;;
    nfqueue)
      if ns_exists; then   # the rules first, then the listener (it accepts what it still holds)
        in_ns iptables-legacy -D INPUT -i "$VETH_NS" -j NFQUEUE --queue-num "$QUEUE" 2>/dev/null || true
        in_ns iptables-legacy -D OUTPUT -o "$VETH_NS" -j NFQUEUE --queue-num "$QUEUE" 2>/dev/null || true
      fi
      if alive "$delayer_pid"; then kill -TERM "$delayer_pid"; wait_gone "$delayer_pid" || kill -KILL "$delayer_pid"; fi
      delayer_pid="" ;;
  esac
  shaper_on=""
}
cleanup() {
  shaper_off
  if ns_exists; then
    local p
    if [ -s "$ndir/nginx.pid" ]; then
      p="$(cat "$ndir/nginx.pid")"
      if alive "$p"; then kill -QUIT "$p" 2>/dev/null || true; wait_gone "$p" || true; fi
    fi
    if [ -s "$kdir/run/knot.pid" ]; then
      p="$(cat "$kdir/run/knot.pid")"
      if alive "$p"; then knotc -c "$kdir/knot.conf" -t 5 stop >/dev/null 2>&1 || kill -TERM "$p" 2>/dev/null || true
        wait_gone "$p" || true; fi
    fi
    # whatever still runs in the namespace is ours (nobody else knows it): TERM, then KILL
    for p in $(ip netns pids "$NS" 2>/dev/null); do kill -TERM "$p" 2>/dev/null || true; done
    sleep 0.3
    for p in $(ip netns pids "$NS" 2>/dev/null); do kill -KILL "$p" 2>/dev/null || true; done
    ip netns delete "$NS" 2>/dev/null || true
  fi
  ip link show "$VETH_HOST" >/dev/null 2>&1 && ip link delete "$VETH_HOST" 2>/dev/null || true
  if alive "$canary_pid"; then kill -TERM "$canary_pid" 2>/dev/null || true; wait_gone "$canary_pid" || true; fi
  canary_pid=""
  if [ -s "$WORKDIR/canary.pid" ]; then   # a killed run's canary: recognised by its command line
    local c
    c="$(cat "$WORKDIR/canary.pid")"
    if alive "$c" && tr '\0' ' ' <"/proc/$c/cmdline" 2>/dev/null | grep -qF "$here/canary.py"; then
      kill -TERM "$c" 2>/dev/null || true
    fi
    rm -f "$WORKDIR/canary.pid"
  fi
  drop_policy_rc
}
on_exit() {
  local rc=$?
  trap - EXIT
  if [ "$KEEP" = 1 ] && [ "$rc" = 0 ]; then
    drop_policy_rc
    log "--keep: namespace $NS, knotd, nginx, the canary and the $SHAPER delay left up; take them down with: bash $0 --stop"
  else
    cleanup
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

shaper_on="$SHAPER"; [ "$shaper_on" = auto ] && shaper_on=nfqueue   # a kept run's delay: its rules go first
if [ -s "$WORKDIR/delayer.ready" ]; then delayer_pid="$(cat "$WORKDIR/delayer.ready")"; fi
if ! tr '\0' ' ' <"/proc/${delayer_pid:-0}/cmdline" 2>/dev/null | grep -qF "$here/nfq_delay.py"; then delayer_pid=""; fi
cleanup   # leftovers of a run that was killed or kept
if [ "$STOP" = 1 ]; then log "stopped what an earlier run left"; KEEP=0; exit 0; fi
if [ -e "$WORKDIR" ]; then
  [ -e "$WORKDIR/$MARK" ] || [ -z "$(ls -A "$WORKDIR")" ] || die "$WORKDIR exists and is not a work directory of this script"
  rm -rf "$WORKDIR"
fi
mkdir -p "$pki/certs" "$kdir/zones" "$kdir/db" "$kdir/run" "$ndir/conf" "$ndir/logs" "$ndir/tmp" "$runs"
touch "$WORKDIR/$MARK"
# the addresses must be free on the host: no other interface or route for 10.203.0.0/24
if ip -4 -o addr show | grep -qF " 10.203.0."; then die "an address of $NET is already on an interface: $(ip -4 -o addr show | grep -F ' 10.203.0.')"; fi
if [ -n "$(ip -4 route show "$NET")" ]; then die "a route for $NET exists already: $(ip -4 route show "$NET")"; fi

# ---------------------------------------------------------------------------------------------
# Zone, certificates, server configurations
log "zone $ZONE, CA and $N leaves, configurations in $WORKDIR"
{
  printf '$ORIGIN %s.\n$TTL 3600\n' "$ZONE"
  printf '@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A %s\n' "$NS_IP"
  for ((i = 1; i <= N; i++)); do
    printf '_mta-sts.d%d TXT "v=STSv1; id=lat%04d;"\n' "$i" "$i"
    printf 'd%d MX 10 mx.d%d\n' "$i" "$i"
    printf 'mx.d%d A %s\n' "$i" "$NS_IP"
    printf '_smtp._tls.d%d TXT "v=TLSRPTv1; rua=mailto:tls@d%d.%s"\n' "$i" "$i" "$ZONE"
    printf 'mta-sts.d%d A %s\n' "$i" "$NS_IP"
  done
} >"$kdir/zones/$ZONE.zone"

cat >"$pki/x509.cnf" <<'EOF'
[req]
distinguished_name = subject
prompt = no
[subject]
CN = placeholder
[root]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = DNS:${ENV::LEAF_NAME}
EOF
export LEAF_NAME=unused
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$pki/ca.key" 2>/dev/null
openssl req -config "$pki/x509.cnf" -new -x509 -key "$pki/ca.key" -subj "/CN=mta-sts latency bench CA" \
  -days 30 -extensions root -out "$pki/ca.pem" 2>"$pki/errors.log" || die "CA: $(cat "$pki/errors.log")"
for ((i = 1; i <= N; i++)); do
  h="mta-sts.d$i.$ZONE"
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$pki/certs/d$i.key" 2>/dev/null
  openssl req -config "$pki/x509.cnf" -new -key "$pki/certs/d$i.key" -subj "/CN=$h" -out "$pki/certs/d$i.csr" \
    2>>"$pki/errors.log" || die "CSR of $h: $(cat "$pki/errors.log")"
  LEAF_NAME="$h" openssl x509 -req -in "$pki/certs/d$i.csr" -CA "$pki/ca.pem" -CAkey "$pki/ca.key" \
    -set_serial "$((7000 + i))" -days 30 -extfile "$pki/x509.cnf" -extensions leaf -out "$pki/certs/d$i.pem" \
    2>>"$pki/errors.log" || die "certificate of $h: $(cat "$pki/errors.log")"
  openssl verify -CAfile "$pki/ca.pem" "$pki/certs/d$i.pem" >/dev/null || die "$h's certificate does not verify"
done
unset LEAF_NAME
ca="$pki/ca.pem"

cat >"$kdir/knot.conf" <<EOF
server:
    rundir: "$kdir/run"
    listen: $NS_IP@53
log:
  - target: "$kdir/knot.log"
    any: info
database:
    storage: "$kdir/db"
control:
    listen: "$kdir/run/knot.sock"
template:
  - id: default
    storage: "$kdir/zones"
    file: "%s.zone"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
zone:
  - domain: $ZONE
EOF

{
  for ((i = 1; i <= N; i++)); do
    cat <<EOF
server {
    listen $NS_IP:443 ssl$([ "$i" = 1 ] && echo " default_server");
    server_name mta-sts.d$i.$ZONE;
    ssl_certificate $pki/certs/d$i.pem;
    ssl_certificate_key $pki/certs/d$i.key;
    location = /.well-known/mta-sts.txt {
        default_type text/plain;
        return 200 "version: STSv1\\r\\nmode: testing\\r\\nmx: mx.d$i.$ZONE\\r\\nmax_age: 86400\\r\\n";
    }
    location / { return 404; }
}
EOF
  done
} >"$ndir/conf/servers.conf"
cat >"$ndir/conf/nginx.conf" <<EOF
worker_processes 1;
pid $ndir/nginx.pid;
error_log $ndir/logs/error.log warn;
daemon on;
events { worker_connections 256; }
http {
    client_body_temp_path $ndir/tmp/body;
    proxy_temp_path $ndir/tmp/proxy;
    fastcgi_temp_path $ndir/tmp/fastcgi;
    uwsgi_temp_path $ndir/tmp/uwsgi;
    scgi_temp_path $ndir/tmp/scgi;
    server_tokens off;
    keepalive_timeout 5s;
    ssl_protocols TLSv1.2 TLSv1.3;
    log_format lat "\$msec\t\$status\t\$ssl_server_name\t\$ssl_protocol\t\$http_user_agent";
    access_log $ndir/logs/access.log lat;
    include $ndir/conf/servers.conf;
}
EOF
printf 'nameserver %s\noptions timeout:1 attempts:1\n' "$HOST_IP" >"$WORKDIR/resolv.conf"

# ---------------------------------------------------------------------------------------------
# Network: namespace, veth, addresses, static neighbours (no ARP on the measured paths), no IPv6 on the pair
log "namespace $NS, veth $VETH_HOST ($HOST_IP) <-> $VETH_NS ($NS_IP)"
ip netns add "$NS"
ip link add "$VETH_HOST" type veth peer name "$VETH_NS"
ip link set "$VETH_NS" netns "$NS"
sysctl -q -w "net.ipv6.conf.$VETH_HOST.disable_ipv6=1" 2>/dev/null || true
in_ns sysctl -q -w "net.ipv6.conf.$VETH_NS.disable_ipv6=1" 2>/dev/null || true
ip addr add "$HOST_IP/24" dev "$VETH_HOST"
in_ns ip addr add "$NS_IP/24" dev "$VETH_NS"
ip link set "$VETH_HOST" up
in_ns ip link set lo up
in_ns ip link set "$VETH_NS" up
mac_host="$(cat "/sys/class/net/$VETH_HOST/address")"
mac_ns="$(in_ns cat "/sys/class/net/$VETH_NS/address")"
ip neigh replace "$NS_IP" lladdr "$mac_ns" dev "$VETH_HOST" nud permanent
in_ns ip neigh replace "$HOST_IP" lladdr "$mac_host" dev "$VETH_NS" nud permanent

# Every client runs under guard: a private mount namespace whose /etc/resolv.conf names the canary only
guard() { unshare --mount --propagation private /bin/sh -c 'mount --bind "$0" /etc/resolv.conf && exec "$@"' \
  "$WORKDIR/resolv.conf" "$@"; }
guard grep -q "^nameserver $HOST_IP\$" /etc/resolv.conf || die "the private resolv.conf does not take effect"
"$PY" "$here/canary.py" "$HOST_IP" "$WORKDIR/canary.log" "$WORKDIR/canary.ready" </dev/null >/dev/null \
  2>"$WORKDIR/canary.err" &
canary_pid=$!
echo "$canary_pid" >"$WORKDIR/canary.pid"
for _ in $(seq 50); do [ -s "$WORKDIR/canary.ready" ] && break; alive "$canary_pid" || break; sleep 0.1; done
[ -s "$WORKDIR/canary.ready" ] || die "canary.py did not start: $(cat "$WORKDIR/canary.err")"
touch "$WORKDIR/canary.log"

# ---------------------------------------------------------------------------------------------
# Servers, inside the namespace
log "knotd on $NS_IP@53, nginx on $NS_IP:443 (in $NS)"
in_ns knotd -c "$kdir/knot.conf" -d >"$kdir/knotd.out" 2>&1 || die "knotd did not start: $(cat "$kdir/knotd.out")"
ok=0
for _ in $(seq 50); do
  if guard dig -4 +tries=1 +time=1 +short @"$NS_IP" "mta-sts.d$N.$ZONE" A 2>/dev/null | grep -qx "$NS_IP"; then ok=1; break; fi
  sleep 0.2
done
[ "$ok" = 1 ] || die "knotd does not answer for mta-sts.d$N.$ZONE (log: $kdir/knot.log)"
in_ns nginx -t -q -c "$ndir/conf/nginx.conf" -p "$ndir" -e "$ndir/logs/error.log" 2>"$ndir/nginx-t.out" \
  || die "nginx rejects its configuration: $(cat "$ndir/nginx-t.out")"
in_ns nginx -c "$ndir/conf/nginx.conf" -p "$ndir" -e "$ndir/logs/error.log" || die "nginx did not start ($ndir/logs/error.log)"
ok=0
for _ in $(seq 50); do
  if guard curl -4 -s --noproxy '*' --max-time 5 --cacert "$ca" --resolve "mta-sts.d$N.$ZONE:443:$NS_IP" \
       "https://mta-sts.d$N.$ZONE/.well-known/mta-sts.txt" 2>/dev/null | grep -q "mx: mx.d$N.$ZONE"; then ok=1; break; fi
  sleep 0.2
done
[ "$ok" = 1 ] || die "nginx does not serve the policy of mta-sts.d$N.$ZONE ($ndir/logs/error.log)"

# ---------------------------------------------------------------------------------------------
# The delay
if [ "$SHAPER" = auto ]; then
  if tc qdisc add dev "$VETH_HOST" root netem delay 1ms 2>/dev/null; then
    tc qdisc del dev "$VETH_HOST" root; SHAPER=netem
  else
    SHAPER=nfqueue
  fi
  log "shaper: $SHAPER"
fi
shaper_set() {   # one-way delay in ms, on both directions of the veth
  local d="$1"
  case "$SHAPER" in
    netem)
      tc qdisc replace dev "$VETH_HOST" root netem delay "${d}ms" || die "tc netem on $VETH_HOST failed"
      shaper_on=netem
      in_ns tc qdisc replace dev "$VETH_NS" root netem delay "${d}ms" || die "tc netem on $VETH_NS failed" ;;
    nfqueue)
      rm -f "$WORKDIR/delayer.ready" "$WORKDIR/delayer.stats"
      local prio=()
      if chrt -f 20 true 2>/dev/null; then prio=(chrt -f 20); fi
      # ip netns exec and chrt exec in turn: $! is the delayer itself
      ip netns exec "$NS" "${prio[@]}" "$PY" "$here/nfq_delay.py" --queue "$QUEUE" --delay-ms "$d" \
        --ready "$WORKDIR/delayer.ready" --stats "$WORKDIR/delayer.stats" </dev/null >/dev/null \
        2>"$WORKDIR/delayer.err" &
      delayer_pid=$!
      shaper_on=nfqueue
      for _ in $(seq 50); do [ -s "$WORKDIR/delayer.ready" ] && break; alive "$delayer_pid" || break; sleep 0.1; done
      [ -s "$WORKDIR/delayer.ready" ] || die "nfq_delay.py did not start: $(cat "$WORKDIR/delayer.err")"
      delayer_prio="${prio[*]:-none}"
      in_ns iptables-legacy -A INPUT -i "$VETH_NS" -j NFQUEUE --queue-num "$QUEUE"
      in_ns iptables-legacy -A OUTPUT -o "$VETH_NS" -j NFQUEUE --queue-num "$QUEUE" ;;
  esac
}

ping_rtt() {   # delay: pings 10.203.0.2 (numeric: no look-up), appends "delay min avg max" to ping.tsv,
               # sets rtt_avg
  local out line
  out="$(guard ping -n -q -c 3 -i 0.2 -W 2 "$NS_IP" 2>&1)" || die "ping $NS_IP failed: $out"
  line="$(printf '%s\n' "$out" | sed -n 's|^rtt min/avg/max/mdev = \([0-9.]*\)/\([0-9.]*\)/\([0-9.]*\)/.*|\1 \2 \3|p')"
  [ -n "$line" ] || die "cannot read ping's RTT: $out"
  echo "$1 $line" >>"$WORKDIR/ping.tsv"
  log "ping -n -c 3 $NS_IP: rtt min/avg/max $line ms"
  read -r _ rtt_avg _ <<<"$line"
}

# ---------------------------------------------------------------------------------------------
# The warm JVM: WarmCheck runs the same check in-process, one request line at a time (a coprocess)
java_cmd=java; javac_cmd=javac
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_cmd="$JAVA_HOME/bin/java"; javac_cmd="$JAVA_HOME/bin/javac"; fi
jdk="$("$java_cmd" -version 2>&1 | sed -n '2p')"
jvm_defaults="${MTA_STS_JVM_DEFAULTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"   # as ./mta-sts has them
mkdir -p "$WORKDIR/warm"
"$javac_cmd" -nowarn -cp "$jar" -d "$WORKDIR/warm" "$here/WarmCheck.java" 2>"$WORKDIR/warm/javac.err" \
  || die "javac WarmCheck.java failed: $(cat "$WORKDIR/warm/javac.err")"
# shellcheck disable=SC2086 # the JVM flags are words, as the launcher splits them
coproc WARM { guard "$java_cmd" $jvm_defaults ${MTA_STS_JAVA_OPTS:-} -cp "$jar:$WORKDIR/warm" WarmCheck \
  --json --nameserver "$NS_IP" --ca "$ca" --allow-private-addresses --no-probe-mx 2>"$WORKDIR/warm/jvm.err"; }
warm_in="${WARM[1]}"; warm_out="${WARM[0]}"
WARM_OPTS="${MTA_STS_JAVA_OPTS:-}"
warm_check() {   # domain report-file: one check in the warm JVM; sets warm_us (its wall time, microseconds)
  local rc
  printf '%s\t%s\n' "$1" "$2" >&"$warm_in" || die "the warm JVM is gone: $(tail -3 "$WORKDIR/warm/jvm.err")"
  IFS=$'\t' read -r -t 150 -u "$warm_out" rc warm_us || die "the warm JVM did not answer: $(tail -3 "$WORKDIR/warm/jvm.err")"
  [ "$rc" = 0 ] || die "the warm check of $1 exited with $rc (report: $2, stderr: $2.stderr)"
}

# ---------------------------------------------------------------------------------------------
# Samples
if [ "$CDS" = 1 ]; then
  log "AppCDS: one check with -XX:ArchiveClassesAtExit=$WORKDIR/app.jsa"
  MTA_STS_JAVA_OPTS="${MTA_STS_JAVA_OPTS:+$MTA_STS_JAVA_OPTS }-XX:ArchiveClassesAtExit=$WORKDIR/app.jsa" guard "$repo/mta-sts" check \
    --json --nameserver "$NS_IP" --ca "$ca" --allow-private-addresses --no-probe-mx "d1.$ZONE" \
    >"$runs/cds-dump.json" 2>"$runs/cds-dump.stderr" || die "the archiving check failed ($runs/cds-dump.stderr)"
  [ -s "$WORKDIR/app.jsa" ] || die "no archive $WORKDIR/app.jsa ($runs/cds-dump.stderr)"
  export MTA_STS_JAVA_OPTS="${MTA_STS_JAVA_OPTS:+$MTA_STS_JAVA_OPTS }-XX:SharedArchiveFile=$WORKDIR/app.jsa -Xshare:auto"
fi
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
others_before="$(pgrep -f 'mta-sts-benchmarks/e2e/run.sh' | tr '\n' ' ' || true)"
log "warm-up (not counted): one ./mta-sts check of d1.$ZONE; $WARM_UP checks in the warm JVM"
guard bash "$here/sample.sh" "$repo" "$NS_IP" "$ca" "d1.$ZONE" "$runs/warmup" >/dev/null \
  || die "the warm-up sample failed"
for ((k = 1; k <= WARM_UP; k++)); do warm_check "d$(( (k - 1) % N + 1 )).$ZONE" "$runs/warmup.warm.json"; done
printf 'delay_ms\tdomain\trep\tours_elapsed\tours_wall\tours_host\tours_sts\tours_mx\tours_mxhost\tours_rpt\tours_fetch\tours_tls\tdig_a\tdig_txt\tcurl_connect\tcurl_tls\tcurl_get\tcurl_total\twarm_elapsed\twarm_wall\twarm_host\twarm_sts\twarm_mx\twarm_mxhost\twarm_rpt\twarm_fetch\twarm_tls\n' \
  >"$WORKDIR/samples.tsv"
: >"$WORKDIR/ping.tsv"
delayer_note=""
for delay in 0 "$DELAY_MS"; do
  if [ "$delay" != 0 ]; then shaper_set "$delay"; fi
  ping_rtt "$delay"
  if [ "$delay" != 0 ]; then
    awk -v a="$rtt_avg" -v d="$delay" 'BEGIN { exit !(a >= 1.9 * d && a <= 2 * d + 10 + 0.2 * d) }' \
      || die "the RTT is $rtt_avg ms, not about $((2 * delay)) ms: the delay does not work as it should"
  fi
  before="$(wc -l <"$ndir/logs/access.log")"
  log "one-way delay $delay ms: $REPEAT round(s) over $N domains, one sample at a time"
  for ((r = 1; r <= REPEAT; r++)); do
    for ((i = 1; i <= N; i++)); do
      d="d$i.$ZONE"
      line="$(guard bash "$here/sample.sh" "$repo" "$NS_IP" "$ca" "$d" "$runs/$delay-ms.$r.d$i")" \
        || die "sample $d (delay $delay ms, round $r) failed"
      warm_check "$d" "$runs/$delay-ms.$r.d$i.warm.json"
      warm="$(bash "$here/sample.sh" --report "$NS_IP" "$runs/$delay-ms.$r.d$i.warm.json" \
        "$(awk -v u="$warm_us" 'BEGIN { printf "%.1f", u / 1000 }')")" || die "the warm report of $d is not as expected"
      printf '%s\t%s\t%s\t%s\t%s\n' "$delay" "$d" "$r" "$line" "$warm" >>"$WORKDIR/samples.tsv"
      IFS=$'\t' read -r e w h _ _ _ _ f _ da _ _ _ _ ct <<<"$line"
      IFS=$'\t' read -r we _ wh _ _ _ _ wf _ <<<"$warm"
      log "  $delay ms r$r $d: ours elapsed $e ms (A/AAAA $h, fetch $f; wall $w), warm $we ($wh, $wf) | dig A $da + curl $ct ms"
    done
  done
  after="$(wc -l <"$ndir/logs/access.log")"
  ours_req="$(tail -n "$((after - before))" "$ndir/logs/access.log" | awk -F'\t' '$5 ~ /^mta-sts-java/' | wc -l)"
  curl_req="$(tail -n "$((after - before))" "$ndir/logs/access.log" | awk -F'\t' '$5 ~ /^curl\//' | wc -l)"
  [ "$ours_req" = "$((2 * N * REPEAT))" ] && [ "$curl_req" = "$((N * REPEAT))" ] && [ "$((after - before))" = "$((3 * N * REPEAT))" ] \
    || die "nginx logged $((after - before)) requests ($ours_req ours, cold and warm; $curl_req curl) for $((N * REPEAT)) samples"
  if [ "$delay" != 0 ]; then
    # one more cold check, with -v: its DEBUG log has a time stamp on each query sent, answer and fetch
    guard timeout 120 "$repo/mta-sts" check -v --json --nameserver "$NS_IP" --ca "$ca" --allow-private-addresses \
      --no-probe-mx "d1.$ZONE" >"$runs/timeline.json" 2>"$runs/timeline.log" || die "the -v check failed ($runs/timeline.log)"
    if [ "$SHAPER" = nfqueue ]; then
      shaper_off
      [ -s "$WORKDIR/delayer.stats" ] || die "nfq_delay.py left no statistics: $(cat "$WORKDIR/delayer.err")"
      delayer_note="$(cat "$WORKDIR/delayer.stats")"
    else
      shaper_off
    fi
  fi
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
exec {warm_in}>&-   # end of stdin: WarmCheck returns
wait "$WARM_PID" 2>/dev/null || true
[ ! -s "$WORKDIR/canary.log" ] || die "something asked the system resolver (the canary on $HOST_IP:53): $(head -5 "$WORKDIR/canary.log")"
others="$others_before$(pgrep -f 'mta-sts-benchmarks/e2e/run.sh' | tr '\n' ' ' || true)"

# ---------------------------------------------------------------------------------------------
# Tables
{
  echo "# MTA-STS latency benchmark: one validation against its critical path"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $load_before before, $load_after after" \
       "${others:+(the e2e benchmark was running at the same time: pid(s) $others)}"
  echo
  echo "- $N domains x $REPEAT rounds per delay, one sample at a time (ours, then dig A, dig TXT, curl, then ours warm);" \
       "one-way delay 0 ms, then $DELAY_MS ms on both directions of the veth (shaper: $SHAPER${delayer_note:+; nfq_delay.py under ${delayer_prio:-none}: $delayer_note})"
  echo "- ours: \`./mta-sts check --json --nameserver $NS_IP --ca ca.pem --allow-private-addresses --no-probe-mx dN.$ZONE\`," \
       "a new JVM each time ($jdk; launcher defaults \`$jvm_defaults\`${MTA_STS_JAVA_OPTS:+, MTA_STS_JAVA_OPTS=$MTA_STS_JAVA_OPTS});" \
       "warm: the same check in one JVM (WarmCheck.java; launcher defaults${WARM_OPTS:+, $WARM_OPTS}), after $WARM_UP checks not counted;" \
       "jar $(date -u -r "$jar" +%Y-%m-%dT%H:%M:%SZ), sha256 $(sha256sum "$jar" | cut -c1-12), git $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "- critical path: \`dig +tries=1 @$NS_IP mta-sts.dN.$ZONE A\` Query time + \`curl --tlsv1.3 --resolve ...\`" \
       "time_total (TCP connect + TLS 1.3 + GET); theory 4 RTT; nginx logged exactly one fetch per tool and sample;" \
       "the canary resolver heard nothing"
  echo
  "$PY" "$here/summarize.py" "$WORKDIR/samples.tsv" "$WORKDIR/ping.tsv" "$runs/timeline.log" "$DELAY_MS"
  echo
  echo "Raw samples: $WORKDIR/samples.tsv; reports: $runs/*.json"
} >"$WORKDIR/results.md"
echo
cat "$WORKDIR/results.md"
if [ "$KEEP" = 1 ]; then shaper_set "$DELAY_MS"; fi
}
main "$@"; exit $?
