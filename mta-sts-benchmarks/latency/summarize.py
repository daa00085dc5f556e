#!/usr/bin/env python3
"""The tables of run.sh, in Markdown, from its samples (samples.tsv) and ping figures (ping.tsv).

  summarize.py SAMPLES_TSV PING_TSV [TIMELINE_LOG DELAY_MS]

samples.tsv: a header line, then one line per sample: delay_ms domain rep, sample.sh's fifteen columns and the
nine of the warm check (warm_*).
ping.tsv: delay_ms rtt_min rtt_avg rtt_max (ms), one line per delay.
Per one-way delay: the median and the maximum of each column, and the ratio ours.elapsed / critical path taken
sample by sample (critical path = dig's A query time + curl's time_total of the same domain, same round).
TIMELINE_LOG: the stderr of one `./mta-sts check -v` at DELAY_MS: each query sent, answer, the fetch and the report
on one time line from the validation's start (the report's end minus its elapsed), to the millisecond.
"""
import re
import statistics
import sys


def read_samples(path):
    with open(path) as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = []
        for line in f:
            if not line.strip():
                continue
            values = line.rstrip("\n").split("\t")
            row = dict(zip(header, values))
            for key in header:
                if key not in ("domain", "ours_tls", "warm_tls"):
                    row[key] = float(row[key])
            rows.append(row)
    return rows


def read_ping(path):
    ping = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4:
                ping[float(parts[0])] = tuple(float(p) for p in parts[1:])
    return ping


def fmt(value, digits=0):
    return ("%." + str(digits) + "f") % value


def med_max(values, digits=0):
    return "%s / %s" % (fmt(statistics.median(values), digits), fmt(max(values), digits))


LOG_LINE = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) \[([^\]]+)\] DEBUG (\S+) - (.*)$")
SENT = re.compile(r"^Sending (\S+?)\.?/(\w+), id=")
ANSWERED = re.compile(r"^DNS (\S+) (A|AAAA|TXT|MX|TLSA): (\w+) in (\d+) ms")
FETCHED = re.compile(r"^(https://\S+) via .*: (\w+) in (\d+) ms")
VERDICT = re.compile(r"^(\S+): verdict (\w+) with .* in (\d+) ms")


def timeline(path, delay):
    events = []      # (ms of the day, what, thread)
    end = elapsed = None
    with open(path, errors="replace") as f:
        for line in f:
            m = LOG_LINE.match(line.rstrip("\n"))
            if not m:
                continue
            h, mi, se, ms, thread, _logger, text = m.groups()
            t = ((int(h) * 60 + int(mi)) * 60 + int(se)) * 1000 + int(ms)
            if SENT.match(text):
                name, kind = SENT.match(text).groups()
                events.append((t, "query sent: %s %s" % (name, kind), thread))
            elif ANSWERED.match(text):
                name, kind, outcome, took = ANSWERED.match(text).groups()
                events.append((t, "answer: %s %s %s (took %s ms)" % (name, kind, outcome, took), thread))
            elif FETCHED.match(text):
                url, outcome, took = FETCHED.match(text).groups()
                events.append((t - int(took), "fetch starts: %s" % url, ""))
                events.append((t, "fetch ends: %s (took %s ms)" % (outcome, took), thread))
            elif VERDICT.match(text):
                _domain, verdict, took = VERDICT.match(text).groups()
                end, elapsed = t, int(took)
                events.append((t, "report: %s (elapsed %s ms)" % (verdict, took), thread))
    if end is None:
        return ["(no verdict line in %s)" % path]
    start = end - elapsed
    out = ["One cold `./mta-sts check -v` at %s ms one-way (d1; the DEBUG log's time stamps, ms from the "
           "validation's start = the report's end minus its `elapsed`):" % delay, "",
           "| ms | gap | event | thread |", "|---|---|---|---|", "| 0 | | validation starts | |"]
    last = start
    for t, what, thread in sorted(events, key=lambda e: e[0]):
        out.append("| %d | +%d | %s | %s |" % (t - start, t - last, what, thread))
        last = t
    return out


def main():
    rows = read_samples(sys.argv[1])
    ping = read_ping(sys.argv[2])
    delays = sorted({r["delay_ms"] for r in rows})
    for r in rows:
        r["critical"] = r["dig_a"] + r["curl_total"]
        r["ratio"] = r["ours_elapsed"] / r["critical"] if r["critical"] > 0 else float("inf")
        r["excess"] = r["ours_elapsed"] - r["critical"]
        r["ours_other"] = r["ours_elapsed"] - r["ours_host"] - r["ours_fetch"]
        r["host_excess"] = r["ours_host"] - r["dig_a"]
        r["fetch_excess"] = r["ours_fetch"] - r["curl_total"]
        r["warm_ratio"] = r["warm_elapsed"] / r["critical"] if r["critical"] > 0 else float("inf")
        r["warm_excess"] = r["warm_elapsed"] - r["critical"]
        r["warm_other"] = r["warm_elapsed"] - r["warm_host"] - r["warm_fetch"]
        r["warm_host_excess"] = r["warm_host"] - r["dig_a"]
        r["warm_fetch_excess"] = r["warm_fetch"] - r["curl_total"]

    out = []
    out.append("Ours against the critical path, milliseconds, **median / max** over the samples "
               "(ratio: per sample, ours.elapsed / its critical path). *cold*: `./mta-sts check`, a new JVM per "
               "validation, as a user runs it; *warm*: the same check again in one long-lived JVM:")
    out.append("")
    out.append("| one-way delay | ping RTT avg | samples | theory 4 RTT | critical path (dig A + curl total) "
               "| cold `elapsed` | **cold ratio median / worst** | cold − critical "
               "| cold wall (JVM start-up incl.) | warm `elapsed` | **warm ratio median / worst** "
               "| warm − critical |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for d in delays:
        rs = [r for r in rows if r["delay_ms"] == d]
        p = ping.get(d)
        ratio = lambda k: "**%s / %s**" % (fmt(statistics.median([r[k] for r in rs]), 2),
                                          fmt(max(r[k] for r in rs), 2))
        out.append("| %s ms | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            fmt(d), ("%.2f ms" % p[1]) if p else "?", len(rs), fmt(8 * d) + " ms",
            med_max([r["critical"] for r in rs], 1), med_max([r["ours_elapsed"] for r in rs]), ratio("ratio"),
            med_max([r["excess"] for r in rs], 1), med_max([r["ours_wall"] for r in rs]),
            med_max([r["warm_elapsed"] for r in rs]), ratio("warm_ratio"), med_max([r["warm_excess"] for r in rs], 1)))
    out.append("")
    out.append("Step by step, milliseconds, median / max: ours (from the report: `dns[].elapsed`, `fetch.elapsed`) "
               "next to the tool doing the same step:")
    out.append("")
    out.append("| one-way delay | run | policy host A/AAAA | dig A | `_mta-sts` TXT | dig TXT | MX "
               "| MX host A/AAAA | TLS-RPT TXT | fetch | curl total | curl connect / TLS / GET (medians) "
               "| A/AAAA − dig A | fetch − curl | outside A/AAAA + fetch | TLS |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for d in delays:
        rs = [r for r in rows if r["delay_ms"] == d]
        col = lambda k, n=0: med_max([r[k] for r in rs], n)
        med = lambda k: fmt(statistics.median([r[k] for r in rs]), 1)
        for run, p in (("cold", "ours"), ("warm", "warm")):
            out.append("| %s ms | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s | %s | %s | %s | %s |"
                       % (fmt(d), run, col(p + "_host"), col("dig_a"), col(p + "_sts"), col("dig_txt"),
                          col(p + "_mx"), col(p + "_mxhost"), col(p + "_rpt"), col(p + "_fetch"),
                          col("curl_total", 1), med("curl_connect"), med("curl_tls"), med("curl_get"),
                          col(("host_excess" if run == "cold" else "warm_host_excess"), 1),
                          col(("fetch_excess" if run == "cold" else "warm_fetch_excess"), 1),
                          col(p + "_other"), ", ".join(sorted({r[p + "_tls"] for r in rs}))))
    if len(delays) >= 2:
        base, top = delays[0], delays[-1]
        b = [r for r in rows if r["delay_ms"] == base]
        t = [r for r in rows if r["delay_ms"] == top]
        m = lambda rs, k: statistics.median([r[k] for r in rs])
        out.append("")
        out.append("From %s ms to %s ms one-way, the medians grow: critical path by %.1f ms (theory %.0f ms), "
                   "cold `elapsed` by %.0f ms, warm `elapsed` by %.0f ms. At %s ms (the fixed part): cold %.0f ms, "
                   "warm %.0f ms, critical path %.1f ms." % (
                       fmt(base), fmt(top), m(t, "critical") - m(b, "critical"), 8 * (top - base),
                       m(t, "ours_elapsed") - m(b, "ours_elapsed"), m(t, "warm_elapsed") - m(b, "warm_elapsed"),
                       fmt(base), m(b, "ours_elapsed"), m(b, "warm_elapsed"), m(b, "critical")))
    if len(sys.argv) > 4:
        out.append("")
        out.extend(timeline(sys.argv[3], sys.argv[4]))
    print("\n".join(out))


if __name__ == "__main__":
    main()
