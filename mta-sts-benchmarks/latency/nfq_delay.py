#!/usr/bin/env python3
"""A fixed one-way delay for the kernels without tc netem (CONFIG_NET_SCH_NETEM unset, no modules to load).

run.sh points iptables rules of its own network namespace at one NFQUEUE (the packets that come in on the
namespace's veth end, and those that leave through it); this program is that queue's listener: it holds every
packet for --delay-ms after it reached user space, then gives the kernel the ACCEPT verdict, in arrival order.
So each direction of the veth gets the delay once, as `tc qdisc add dev ... root netem delay D` on both ends
would give it. Only the packet's id crosses to user space (copy mode META), never its payload.

It speaks nfnetlink_queue directly over a NETLINK_NETFILTER socket (no libnetfilter_queue, no pip package).
On SIGTERM or SIGINT it accepts what it still holds, writes its statistics (--stats, JSON) and exits 0.

  nfq_delay.py --queue 7 --delay-ms 25 --ready FILE --stats FILE

Run it inside the namespace (ip netns exec NS ...), as root; run.sh starts it under chrt -f when it can, so
that a busy machine delays its verdicts as little as possible (the lateness it measured is in the statistics).
"""
import argparse
import errno
import json
import os
import select
import signal
import socket
import struct
import sys
import time
from collections import deque

NETLINK_NETFILTER = 12
NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET = 0
NFQNL_MSG_VERDICT = 1
NFQNL_MSG_CONFIG = 2
NLMSG_ERROR = 2
NLMSG_HDR = struct.Struct("=IHHII")      # length, type, flags, sequence, port id
NLM_F_REQUEST = 0x1
NLM_F_ACK = 0x4
NFQA_PACKET_HDR = 1
NFQA_VERDICT_HDR = 2
NFQA_CFG_CMD = 1
NFQA_CFG_PARAMS = 2
NFQA_CFG_QUEUE_MAXLEN = 3
NFQNL_CFG_CMD_BIND = 1
NFQNL_CFG_CMD_UNBIND = 2
NFQNL_COPY_META = 1
NF_ACCEPT = 1


def nlattr(kind, payload):
    size = 4 + len(payload)
    return struct.pack("=HH", size, kind) + payload + b"\0" * (-size % 4)


def nfq_message(msg, flags, seq, queue, attrs):
    # nfgenmsg: family (AF_UNSPEC), version (NFNETLINK_V0), resource id = the queue number, big-endian
    body = struct.pack("=BB", socket.AF_UNSPEC, 0) + struct.pack(">H", queue) + b"".join(attrs)
    return NLMSG_HDR.pack(NLMSG_HDR.size + len(body), (NFNL_SUBSYS_QUEUE << 8) | msg, flags, seq, 0) + body


def messages(data):
    """Yields (type, payload after the netlink header) for each message of one datagram."""
    offset = 0
    while offset + NLMSG_HDR.size <= len(data):
        length, kind, _flags, _seq, _pid = NLMSG_HDR.unpack_from(data, offset)
        if length < NLMSG_HDR.size:
            return
        yield kind, data[offset + NLMSG_HDR.size:offset + length]
        offset += (length + 3) & ~3


def attributes(payload):
    """The attributes after the 4-byte nfgenmsg, as {type: bytes}."""
    found = {}
    offset = 4
    while offset + 4 <= len(payload):
        size, kind = struct.unpack_from("=HH", payload, offset)
        if size < 4:
            break
        found[kind & 0x3FFF] = payload[offset + 4:offset + size]
        offset += (size + 3) & ~3
    return found


class Delayer:
    def __init__(self, queue, delay):
        self.queue = queue
        self.delay = delay
        self.seq = 0
        self.held = deque()            # (due, packet id), in arrival order: the due times only grow
        self.packets = 0
        self.late_max = 0.0
        self.late_sum = 0.0
        self.held_max = 0
        self.lost = 0                  # ENOBUFS: the kernel dropped packets the socket could not take
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        self.sock.bind((0, 0))

    def request(self, msg, attrs):
        self.seq += 1
        self.sock.send(nfq_message(msg, NLM_F_REQUEST | NLM_F_ACK, self.seq, self.queue, attrs))
        while True:
            for kind, payload in messages(self.sock.recv(65536)):
                if kind == NLMSG_ERROR:
                    code = struct.unpack_from("=i", payload, 0)[0]
                    if code != 0:
                        raise OSError(-code, "nfnetlink_queue refused the configuration: " + os.strerror(-code))
                    return

    def bind(self):
        self.request(NFQNL_MSG_CONFIG, [nlattr(NFQA_CFG_CMD, struct.pack(">BBH", NFQNL_CFG_CMD_BIND, 0,
                                                                         socket.AF_INET))])
        self.request(NFQNL_MSG_CONFIG, [nlattr(NFQA_CFG_PARAMS, struct.pack(">IB", 0, NFQNL_COPY_META)),
                                        nlattr(NFQA_CFG_QUEUE_MAXLEN, struct.pack(">I", 8192))])

    def unbind(self):
        try:
            self.request(NFQNL_MSG_CONFIG, [nlattr(NFQA_CFG_CMD, struct.pack(">BBH", NFQNL_CFG_CMD_UNBIND, 0,
                                                                             socket.AF_INET))])
        except OSError:
            pass

    def accept(self, packet_id):
        self.seq += 1
        self.sock.send(nfq_message(NFQNL_MSG_VERDICT, NLM_F_REQUEST, self.seq, self.queue,
                                   [nlattr(NFQA_VERDICT_HDR, struct.pack(">II", NF_ACCEPT, packet_id))]))

    def receive(self):
        """Takes every datagram waiting on the socket; each packet is due delay after now."""
        while True:
            try:
                data = self.sock.recv(65536, socket.MSG_DONTWAIT)
            except BlockingIOError:
                return
            except OSError as e:
                if e.errno == errno.ENOBUFS:
                    self.lost += 1
                    continue
                raise
            now = time.monotonic()
            for kind, payload in messages(data):
                if kind != (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
                    continue
                header = attributes(payload).get(NFQA_PACKET_HDR)
                if header is None or len(header) < 4:
                    continue
                self.held.append((now + self.delay, struct.unpack_from(">I", header, 0)[0]))
                self.packets += 1
            self.held_max = max(self.held_max, len(self.held))

    def release_due(self, everything=False):
        now = time.monotonic()
        while self.held and (everything or self.held[0][0] <= now):
            due, packet_id = self.held.popleft()
            if not everything:
                late = now - due
                self.late_sum += late
                self.late_max = max(self.late_max, late)
            self.accept(packet_id)

    def run(self, stop_fd):
        while True:
            self.release_due()
            timeout = max(0.0, self.held[0][0] - time.monotonic()) if self.held else None
            readable, _, _ = select.select([self.sock, stop_fd], [], [], timeout)
            if stop_fd in readable:
                return
            if self.sock in readable:
                self.receive()

    def stats(self):
        return {"queue": self.queue, "delay_ms": self.delay * 1000, "packets": self.packets,
                "late_max_ms": round(self.late_max * 1000, 3),
                "late_mean_ms": round(self.late_sum * 1000 / self.packets, 3) if self.packets else 0.0,
                "held_max": self.held_max, "enobufs": self.lost}


def main():
    parser = argparse.ArgumentParser(description="hold each packet of an NFQUEUE for a fixed time")
    parser.add_argument("--queue", type=int, required=True)
    parser.add_argument("--delay-ms", type=float, required=True)
    parser.add_argument("--ready", help="file written once the queue is bound")
    parser.add_argument("--stats", help="file the statistics (JSON) are written to on exit")
    args = parser.parse_args()
    if not 0 <= args.queue <= 65535 or not 0 <= args.delay_ms <= 10000:
        parser.error("queue 0..65535, delay 0..10000 ms")

    stop_r, stop_w = os.pipe()
    os.set_blocking(stop_w, False)

    def on_signal(_signum, _frame):
        try:
            os.write(stop_w, b"x")
        except BlockingIOError:
            pass

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    delayer = Delayer(args.queue, args.delay_ms / 1000.0)
    delayer.bind()
    if args.ready:
        with open(args.ready, "w") as f:
            f.write("%d\n" % os.getpid())
    try:
        delayer.run(stop_r)
    finally:
        delayer.receive()
        delayer.release_due(everything=True)   # nothing is left dropped when the rules go before us
        delayer.unbind()
        if args.stats:
            with open(args.stats, "w") as f:
                json.dump(delayer.stats(), f)
                f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
