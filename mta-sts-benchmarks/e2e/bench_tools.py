#!/usr/bin/python3
"""Helpers for run.sh (standard library only): DNS smoke check, /usr/bin/time -v parsing, strict
verification of the mta-sts scan output, nginx access-log counts, GC-log peak heap, JFR aggregation,
and the results table.

Usage: bench_tools.py SUBCOMMAND ARGS...   (see each cmd_* function)
"""
import collections
import json
import os
import random
import re
import socket
import struct
import sys


def die(msg, code=1):
    print("bench_tools: " + msg, file=sys.stderr)
    sys.exit(code)


# ---------------------------------------------------------------------------------------------
# dns-check SERVER PORT NAME : one UDP TXT query; exit 0 if NOERROR with at least one answer.
def cmd_dns_check(args):
    server, port, name = args[0], int(args[1]), args[2]
    qid = random.randrange(65536)
    header = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0)   # RD set, one question
    qname = b"".join(bytes([len(label)]) + label.encode("ascii") for label in name.rstrip(".").split("."))
    packet = header + qname + b"\x00" + struct.pack(">HH", 16, 1)   # TXT, IN
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(1.0)
    try:
        sock.sendto(packet, (server, port))
        data, _ = sock.recvfrom(4096)
    except OSError as exc:
        die("no DNS answer from %s:%d for %s: %s" % (server, port, name, exc), 2)
    finally:
        sock.close()
    rid, flags, _qd, an, _ns, _ar = struct.unpack(">HHHHHH", data[:12])
    rcode = flags & 0xF
    if rid != qid or rcode != 0 or an < 1:
        die("DNS answer for %s TXT: id ok=%s rcode=%d answers=%d" % (name, rid == qid, rcode, an), 2)
    print("dns ok: %s TXT has %d answer(s)" % (name, an))


# ---------------------------------------------------------------------------------------------
# parse-time FILE... : sums /usr/bin/time -v reports; prints JSON {user, sys, maxrss_kb, wall, exit}.
def parse_time_file(path):
    out = {"user": 0.0, "sys": 0.0, "maxrss_kb": 0, "wall": 0.0, "exit": None}
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            line = line.strip()
            if line.startswith("User time (seconds):"):
                out["user"] = float(line.split(":")[-1])
            elif line.startswith("System time (seconds):"):
                out["sys"] = float(line.split(":")[-1])
            elif line.startswith("Maximum resident set size (kbytes):"):
                out["maxrss_kb"] = int(line.split(":")[-1])
            elif line.startswith("Elapsed (wall clock) time"):
                value = line.rsplit(" ", 1)[-1]
                seconds = 0.0
                for part in value.split(":"):
                    seconds = seconds * 60 + float(part)
                out["wall"] = seconds
            elif line.startswith("Exit status:"):
                out["exit"] = int(line.split(":")[-1])
    return out


def cmd_parse_time(args):
    total = {"user": 0.0, "sys": 0.0, "maxrss_kb": 0, "wall": 0.0, "exit": 0}
    for path in args:
        one = parse_time_file(path)
        total["user"] += one["user"]
        total["sys"] += one["sys"]
        total["maxrss_kb"] = max(total["maxrss_kb"], one["maxrss_kb"])
        total["wall"] = max(total["wall"], one["wall"])
        if one["exit"] is None or one["exit"] != 0:
            total["exit"] = one["exit"] if one["exit"] is not None else -1
    print(json.dumps(total))


# ---------------------------------------------------------------------------------------------
# verify-ours OUT.jsonl DOMAINS.txt REPEAT : strict check of the scan output.
# Correct means: exactly one JSON line per input line (REPEAT times each domain of DOMAINS.txt,
# nothing else), and every line is a report (no "error" key) for its input with verdict "TESTING"
# (a testing policy, nothing broken), atRisk and inconclusive false, promotion READY, every layer
# PASS, the published _mta-sts id, the policy fetched over HTTPS (outcome OK, status 200, text/plain,
# the certificate of mta-sts.<domain>) with mode testing, max_age 86400 and mx [mx.<domain>], the
# TLS-RPT record, the MX host covered with address 127.0.0.1, and no ERROR finding and no WARNING
# finding but one: POLICY_SLOW (the fetch took 2 s or more), which is a latency observation that
# a concurrency far above the core count produces on purpose; those are counted and reported, with
# the POLICY_FETCH layer at WARN. The first bad line is printed and the exit status is 1.
TOLERATED_WARNINGS = {"POLICY_SLOW"}


def check_report(obj, domain):
    """Returns None if obj is a good report for domain, else the reason."""
    if "error" in obj:
        return "line is an error, not a report: %r" % obj.get("error")
    if obj.get("input") != domain:
        return "input %r is not the domain %r" % (obj.get("input"), domain)
    if obj.get("domain") != domain:
        return "domain %r is not %r" % (obj.get("domain"), domain)
    if obj.get("verdict") != "TESTING":
        return "verdict %r is not TESTING" % obj.get("verdict")
    if obj.get("atRisk") is not False or obj.get("inconclusive") is not False:
        return "atRisk %r, inconclusive %r" % (obj.get("atRisk"), obj.get("inconclusive"))
    findings = obj.get("findings")
    if not isinstance(findings, list):
        return "no findings list"
    for finding in findings:
        severity = finding.get("severity")
        if severity == "ERROR" or (severity == "WARNING" and finding.get("code") not in TOLERATED_WARNINGS):
            return "%s finding %s: %s" % (severity, finding.get("code"), finding.get("message"))
    slow = any(f.get("code") == "POLICY_SLOW" for f in findings)
    layers = {layer.get("layer"): layer.get("status") for layer in obj.get("layers") or []}
    for name in ("DNS_RECORD", "POLICY_FETCH", "POLICY_PARSE", "MX_COVERAGE", "TLS_RPT", "PROMOTION"):
        want = ("WARN",) if (slow and name == "POLICY_FETCH") else ("PASS",)
        if layers.get(name) not in want:
            return "layer %s is %r, not %s" % (name, layers.get(name), want[0])
    if (obj.get("promotion") or {}).get("status") != "READY":
        return "promotion %r is not READY" % (obj.get("promotion") or {}).get("status")
    label = domain.split(".", 1)[0]
    if obj.get("stsRecord") != "v=STSv1; id=bench" + label[1:]:
        return "stsRecord %r is not the published one" % obj.get("stsRecord")
    if obj.get("tlsRptRecord") != "v=TLSRPTv1; rua=mailto:tlsrpt@" + domain:
        return "tlsRptRecord %r is not the published one" % obj.get("tlsRptRecord")
    fetch = obj.get("fetch") or {}
    if fetch.get("outcome") != "OK" or fetch.get("status") != 200 or fetch.get("contentType") != "text/plain":
        return "fetch outcome %r status %r type %r" % (fetch.get("outcome"), fetch.get("status"), fetch.get("contentType"))
    certificates = fetch.get("certificates") or [{}]
    if certificates[0].get("dnsNames") != ["mta-sts." + domain]:
        return "policy host certificate names %r" % certificates[0].get("dnsNames")
    policy = obj.get("policy") or {}
    if policy.get("mode") != "testing" or policy.get("maxAge") != 86400 or policy.get("mx") != ["mx." + domain]:
        return "policy %r is not the served one" % policy
    mx = obj.get("mx") or []
    if len(mx) != 1 or mx[0].get("host") != "mx." + domain or mx[0].get("covered") is not True \
            or mx[0].get("addresses") != ["127.0.0.1"]:
        return "mx %r" % mx
    return None


def percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def cmd_verify_ours(args):
    out_path, domains_path, repeat = args[0], args[1], int(args[2])
    with open(domains_path, encoding="ascii") as handle:
        domains = [line.strip() for line in handle if line.strip()]
    expected = collections.Counter({d: repeat for d in domains})
    seen = collections.Counter()
    lines = 0
    verdicts = collections.Counter()
    info_codes = collections.Counter()
    fetch_times = []
    total_times = []
    with open(out_path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            lines += 1
            try:
                obj = json.loads(line)
            except ValueError as exc:
                print("FIRST BAD LINE %d (not JSON: %s):\n%s" % (number, exc, line.rstrip()), file=sys.stderr)
                sys.exit(1)
            domain = obj.get("input")
            if domain not in expected:
                print("FIRST BAD LINE %d (input %r is not one of the domains):\n%s"
                      % (number, domain, line.rstrip()), file=sys.stderr)
                sys.exit(1)
            reason = check_report(obj, domain)
            if reason is not None:
                print("FIRST BAD LINE %d (%s):\n%s" % (number, reason, line.rstrip()), file=sys.stderr)
                sys.exit(1)
            seen[domain] += 1
            if seen[domain] > expected[domain]:
                print("FIRST BAD LINE %d (%s reported more than %d times):\n%s"
                      % (number, domain, repeat, line.rstrip()), file=sys.stderr)
                sys.exit(1)
            verdicts[obj.get("verdict")] += 1
            fetch_times.append(float((obj.get("fetch") or {}).get("elapsed") or 0))
            total_times.append(float(obj.get("elapsed") or 0))
            for finding in obj.get("findings"):
                info_codes[finding.get("severity") + " " + str(finding.get("code"))] += 1
    missing = [d for d in domains if seen[d] != expected[d]]
    if missing or lines != len(domains) * repeat:
        die("ours: %d lines for %d expected; %d domain(s) missing or short, first: %s"
            % (lines, len(domains) * repeat, len(missing), missing[:1]))
    codes = ", ".join("%s x%d" % kv for kv in sorted(info_codes.items())) or "none"
    fetch_times.sort()
    total_times.sort()
    print("ours verified: %d lines, %d distinct domains, verdicts %s, findings: %s"
          % (lines, len(domains), dict(verdicts), codes))
    print("ours latency per domain (report 'elapsed'): p50 %.3f s, p90 %.3f s, max %.3f s;"
          " policy fetch: p50 %.3f s, p90 %.3f s, max %.3f s"
          % (percentile(total_times, 0.5), percentile(total_times, 0.9), total_times[-1],
             percentile(fetch_times, 0.5), percentile(fetch_times, 0.9), fetch_times[-1]))


# ---------------------------------------------------------------------------------------------
# access-log FILE : counts nginx requests of one run (log_format bench, see run.sh).
def cmd_access_log(args):
    requests = 0
    ok = 0
    snis = set()
    agents = collections.Counter()
    protocols = collections.Counter()
    if os.path.exists(args[0]):
        with open(args[0], encoding="utf-8", errors="replace") as handle:
            for line in handle:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 5:
                    continue
                requests += 1
                status, sni, proto, _uri, agent = parts[:5]
                if status == "200":
                    ok += 1
                if sni not in ("", "-"):
                    snis.add(sni)
                agents[agent] += 1
                protocols[proto] += 1
    print(json.dumps({"requests": requests, "status200": ok, "distinct_sni": len(snis),
                      "agents": dict(agents.most_common(3)), "tls": dict(protocols)}))


# ---------------------------------------------------------------------------------------------
# gc-peak GCLOG : max heap used before a GC, max after, the heap size, the pause count (unified
# logging lines such as "GC(3) Pause Young (Normal) (G1 Evacuation Pause) 60M->12M(128M) 3.456ms").
UNITS = {"K": 1.0 / 1024, "M": 1.0, "G": 1024.0}


def cmd_gc_peak(args):
    pattern = re.compile(r"(\d+)([KMG])->(\d+)([KMG])\((\d+)([KMG])\)")
    before_max = after_max = heap_max = 0.0
    afters = []
    pauses = 0
    full = 0
    with open(args[0], encoding="utf-8", errors="replace") as handle:
        for line in handle:
            match = pattern.search(line)
            if not match:
                continue
            if "Pause" in line:
                pauses += 1
            if "Pause Full" in line:
                full += 1
            before = int(match.group(1)) * UNITS[match.group(2)]
            after = int(match.group(3)) * UNITS[match.group(4)]
            heap = int(match.group(5)) * UNITS[match.group(6)]
            if "Pause Young" in line:
                afters.append(after)
            before_max = max(before_max, before)
            after_max = max(after_max, after)
            heap_max = max(heap_max, heap)
    # Heap after a young GC, mean over each tenth of the young pauses: a plateau is steady state,
    # a rise to the end would be a leak.
    tenths = []
    for k in range(10):
        part = afters[k * len(afters) // 10:(k + 1) * len(afters) // 10]
        if part:
            tenths.append("%.0f" % (sum(part) / len(part)))
    print(json.dumps({"peak_before_mb": before_max, "max_after_mb": after_max,
                      "heap_mb": heap_max, "pauses": pauses, "full": full,
                      "young_after_by_tenth_mb": " ".join(tenths) or "none"}))


# ---------------------------------------------------------------------------------------------
# jfr-any EVENTS.json TOP : from `jfr print --json --stack-depth 64 --events jdk.ExecutionSample`,
# the share of samples with at least one frame in each key package, and the top frames.
KEY_PACKAGES = [
    "dev.mtasts.",
    "dev.mtasts.dns.",
    "dev.mtasts.http.",
    "dev.mtasts.json.",
    "org.xbill.DNS.",
    "com.fasterxml.jackson.",
    "sun.security.ssl.",
    "sun.security.ec.",
    "sun.security.provider.certpath.",
    "sun.security.x509.",
    "sun.security.util.",
    "java.net.http.",
    "jdk.internal.net.http.",
    "sun.nio.ch.",
    "java.util.concurrent.",
    "java.util.regex.",
    "picocli.",
]


def frame_name(frame):
    method = frame.get("method") or {}
    owner = (method.get("type") or {}).get("name") or "?"
    return owner.replace("/", ".") + "." + str(method.get("name"))


def cmd_jfr_any(args):
    with open(args[0], encoding="utf-8") as handle:
        data = json.load(handle)
    top = int(args[1]) if len(args) > 1 else 25
    events = data.get("recording", {}).get("events", [])
    total = 0
    per_package = collections.Counter()
    top_frames = collections.Counter()
    threads = collections.Counter()
    for event in events:
        values = event.get("values", {})
        frames = (values.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        total += 1
        names = [frame_name(f) for f in frames]
        top_frames[names[0]] += 1
        thread = (values.get("sampledThread") or {}).get("javaName") or "?"
        threads[re.sub(r"\d+", "N", thread)] += 1
        for package in KEY_PACKAGES:
            if any(n.startswith(package) for n in names):
                per_package[package] += 1
    if total == 0:
        die("no execution samples in " + args[0])
    print("%d execution samples" % total)
    print("\nSamples with any frame in the package (inclusive, a sample counts in several rows):")
    print("| package | samples | share |")
    print("|---|---:|---:|")
    for package in KEY_PACKAGES:
        if per_package[package]:
            print("| %s* | %d | %.1f%% |" % (package, per_package[package], 100.0 * per_package[package] / total))
    print("\nTop %d frames (self time):" % top)
    print("| frame | samples | share |")
    print("|---|---:|---:|")
    for name, count in top_frames.most_common(top):
        print("| %s | %d | %.1f%% |" % (name, count, 100.0 * count / total))
    print("\nSampled threads (digits folded to N):")
    for name, count in threads.most_common(8):
        print("  %-50s %6d  %.1f%%" % (name, count, 100.0 * count / total))


# ---------------------------------------------------------------------------------------------
# row ROWS.jsonl key=value... : appends one result row.   table ROWS.jsonl : prints the table.
def cmd_row(args):
    row = {}
    for arg in args[1:]:
        key, _, value = arg.partition("=")
        try:
            row[key] = float(value) if key not in ("tool", "note", "unit") else value
        except ValueError:
            row[key] = value
    with open(args[0], "a", encoding="utf-8") as handle:
        handle.write(json.dumps(row) + "\n")


def fmt(value, digits=2):
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if abs(value) >= 100:
        return "%.0f" % value
    if abs(value) >= 10:
        return "%.1f" % value
    return ("%." + str(digits) + "f") % value


def cmd_table(args):
    rows = []
    with open(args[0], encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
    by_kind = {r.get("kind"): r for r in rows}

    def rate(r):
        return r["count"] / r["wall"] if r.get("wall") else None

    ours = by_kind.get("ours")
    peer = by_kind.get("peer")
    floor_k = by_kind.get("floorK")
    floor_1 = by_kind.get("floor1")
    print("| tool | domains | wall s | domains/s | CPU ms/domain | max RSS MB | server CPU ms/domain "
          "| ratio ours/peer | ratio ours/floor |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        count = r["count"]
        cpu = (r["user"] + r["sys"]) * 1000.0 / count if count else None
        srv = r.get("srv_cpu")
        srv_ms = srv * 1000.0 / count if (srv is not None and count) else None
        vs_peer = vs_floor = None
        if r.get("kind") in ("ours",):
            if peer:
                vs_peer = rate(r) / rate(peer)
            if floor_k:
                vs_floor = rate(r) / rate(floor_k)
            elif floor_1:
                vs_floor = rate(r) / rate(floor_1)
        count_text = "%d" % count + (" " + r["unit"] if r.get("unit") else "")
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["tool"], count_text, fmt(r["wall"]), fmt(rate(r)), fmt(cpu, 3), fmt(r["maxrss_kb"] / 1024.0, 0),
            fmt(srv_ms, 3), fmt(vs_peer), fmt(vs_floor)))
    if ours and floor_1 and floor_k:
        print("\nours ÷ single-connection floor: %.2f; ours ÷ %s: %.2f"
              % (rate(ours) / rate(floor_1), floor_k["tool"], rate(ours) / rate(floor_k)))


COMMANDS = {
    "dns-check": cmd_dns_check,
    "parse-time": cmd_parse_time,
    "verify-ours": cmd_verify_ours,
    "access-log": cmd_access_log,
    "gc-peak": cmd_gc_peak,
    "jfr-any": cmd_jfr_any,
    "row": cmd_row,
    "table": cmd_table,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        die("usage: bench_tools.py {%s} ARGS..." % ",".join(COMMANDS), 2)
    COMMANDS[sys.argv[1]](sys.argv[2:])
