#!/usr/bin/python3
"""The peer of the e2e benchmark: postfix-mta-sts-resolver's STSResolver over a list of domains.

For each domain, STSResolver.resolve(domain) does what the daemon does on a cache miss: the
_mta-sts TXT look-up (aiodns), then the policy fetch over HTTPS (a new aiohttp.ClientSession per
domain, as the package does) and the policy checks. At most --concurrency resolve() calls are in
flight (an asyncio.Semaphore); all domains are scheduled at once, as a scanner would.

Loopback only. Two ways (--dns):
  * resolv-conf (run.sh's default): the package runs unmodified; run.sh starts this script in a
    private mount namespace (unshare --mount) where /etc/resolv.conf is a bind mount saying
    "nameserver 127.0.0.1", so both its aiodns TXT look-ups and aiohttp's default resolver
    (getaddrinfo in threads) ask knotd. This script refuses to run if /etc/resolv.conf names any
    other server.
  * patched (when unshare is not available): the resolver's aiodns.DNSResolver is replaced, before
    any query, by one asking only --nameserver, and aiohttp's default resolver by one shared
    resolver asking --nameserver for A records over aiodns (DNSResolver.query; aiodns'
    gethostbyname with AF_UNSPEC, what aiohttp's AsyncResolver does, loses about one look-up in
    seven here until its timeout).
HTTPS trust: aiohttp verifies with ssl.create_default_context(), which honours SSL_CERT_FILE;
run.sh sets it to the throw-away CA (and SSL_CERT_DIR to nowhere), so only that CA is trusted.

Correct means: every domain comes back STSFetchResult.VALID with the published id, mode testing,
max_age 86400 and mx [mx.<domain>]. Anything else: the first bad domain is printed, exit 1.
One JSON line per domain goes to --output.
"""
import argparse
import asyncio
import json
import socket
import sys
import time

import aiodns
import aiodns.error
import aiohttp
import aiohttp.abc
import aiohttp.connector
import aiohttp.resolver
from postfix_mta_sts_resolver.resolver import STSFetchResult, STSResolver


def expected_policy_problem(domain, status, result):
    if status is not STSFetchResult.VALID or result is None:
        return "status %s" % getattr(status, "name", status)
    policy_id, policy = result
    label = domain.split(".", 1)[0]
    if policy_id != "bench" + label[1:]:
        return "id %r" % policy_id
    if policy.get("mode") != "testing":
        return "mode %r" % policy.get("mode")
    if policy.get("max_age") != 86400:
        return "max_age %r" % policy.get("max_age")
    if list(policy.get("mx") or []) != ["mx." + domain]:
        return "mx %r" % policy.get("mx")
    return None


def check_resolv_conf(path="/etc/resolv.conf"):
    servers = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            fields = line.split()
            if len(fields) >= 2 and fields[0] == "nameserver":
                servers.append(fields[1])
    if not servers or any(not (s.startswith("127.") or s == "::1") for s in servers):
        sys.exit("peer_scan: --dns resolv-conf needs a /etc/resolv.conf naming loopback servers only;"
                 " it names %s (run me through run.sh, or use --dns patched)" % (servers or "none"))
    return servers


class LoopbackHostResolver(aiohttp.abc.AbstractResolver):
    """aiohttp host resolver asking only the given name server, for A records."""

    def __init__(self, nameserver, timeout, loop):
        self._dns = aiodns.DNSResolver(nameservers=[nameserver], timeout=timeout, loop=loop)

    async def resolve(self, host, port=0, family=socket.AF_INET):
        try:
            answers = await self._dns.query(host, "A")
        except aiodns.error.DNSError as exc:
            raise OSError("DNS lookup of %s failed: %s" % (host, exc)) from exc
        return [{"hostname": host, "host": a.host, "port": port, "family": socket.AF_INET, "proto": 0,
                 "flags": socket.AI_NUMERICHOST} for a in answers]

    async def close(self):
        pass


async def scan(domains, concurrency, dns_mode, nameserver, timeout):
    loop = asyncio.get_running_loop()
    resolver = STSResolver(timeout=timeout, loop=loop)
    if dns_mode == "patched":
        host_resolver = LoopbackHostResolver(nameserver, timeout, loop)
        # TCPConnector() calls DefaultResolver(loop=...) when given no resolver; the package passes none.
        aiohttp.connector.DefaultResolver = lambda *args, **kwargs: host_resolver
        resolver._resolver.cancel()   # built from /etc/resolv.conf, never asked
        resolver._resolver = aiodns.DNSResolver(nameservers=[nameserver], timeout=timeout, loop=loop)

    semaphore = asyncio.Semaphore(concurrency)

    async def one(domain):
        async with semaphore:
            started = time.monotonic()
            try:
                status, result = await resolver.resolve(domain)
            except Exception as exc:  # the package catches its own; anything here is a bug to report
                return domain, None, None, "exception %r" % exc, time.monotonic() - started
            return domain, status, result, None, time.monotonic() - started

    return await asyncio.gather(*(one(d) for d in domains))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("domains", help="file with one domain a line")
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--dns", choices=("resolv-conf", "patched"), default="resolv-conf",
                        help="how the look-ups reach the loopback name server (see above)")
    parser.add_argument("--nameserver", default="127.0.0.1", help="with --dns patched: the only name server asked")
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="the STSResolver timeout (DNS and HTTP each), seconds (package default 4)")
    parser.add_argument("--output", required=True, help="JSON Lines, one per domain")
    args = parser.parse_args()

    with open(args.domains, encoding="ascii") as handle:
        domains = [line.strip() for line in handle if line.strip() and not line.startswith("#")]
    if not domains:
        sys.exit("peer_scan: no domains in " + args.domains)

    if args.dns == "resolv-conf":
        servers = check_resolv_conf()
        print("peer: DNS via /etc/resolv.conf: %s (unmodified package)" % servers, file=sys.stderr)
    else:
        print("peer: DNS patched to %s (TXT: aiodns; policy host: A over aiodns)" % args.nameserver, file=sys.stderr)
    started = time.monotonic()
    results = asyncio.run(scan(domains, args.concurrency, args.dns, args.nameserver, args.timeout))
    elapsed = time.monotonic() - started

    good = 0
    first_bad = None
    slowest = 0.0
    with open(args.output, "w", encoding="utf-8") as out:
        for domain, status, result, error, seconds in results:
            slowest = max(slowest, seconds)
            problem = error or expected_policy_problem(domain, status, result)
            policy_id, policy = result if result else (None, None)
            out.write(json.dumps({"domain": domain, "status": getattr(status, "name", None), "id": policy_id,
                                  "policy": policy, "problem": problem, "seconds": round(seconds, 4)}) + "\n")
            if problem is None:
                good += 1
            elif first_bad is None:
                first_bad = (domain, problem, status, result)
    print("peer: %d/%d domains resolved to the expected valid policy in %.2f s (%.1f/s), slowest %.2f s"
          % (good, len(domains), elapsed, len(domains) / elapsed, slowest), file=sys.stderr)
    if first_bad is not None:
        print("peer: FIRST BAD DOMAIN %s: %s (status %s, result %r)" % first_bad, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
