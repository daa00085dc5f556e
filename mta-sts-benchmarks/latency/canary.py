#!/usr/bin/env python3
"""The stand-in system resolver of run.sh: it must never hear a thing.

Every client run.sh times (ping, dig, curl, ./mta-sts) runs in a private mount namespace whose /etc/resolv.conf
names only ADDRESS, the host's end of run.sh's veth pair. This program listens there on port 53, UDP and TCP,
answers nothing, and writes one line to LOG per datagram or connection: so a client that tried the system
resolver after all is caught (run.sh fails when LOG is not empty) and its queries went nowhere else.

  canary.py ADDRESS LOG READY_FILE
"""
import datetime
import os
import select
import signal
import socket
import sys


def main():
    address, log_path, ready_path = sys.argv[1:4]
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind((address, 53))
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    tcp.bind((address, 53))
    tcp.listen(16)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with open(ready_path, "w") as f:
        f.write("%d\n" % os.getpid())
    with open(log_path, "a", buffering=1) as log:
        while True:
            readable, _, _ = select.select([udp, tcp], [], [])
            now = datetime.datetime.now().isoformat(timespec="milliseconds")
            if udp in readable:
                data, peer = udp.recvfrom(65535)
                log.write("%s udp from %s:%d, %d bytes: %s\n" % (now, peer[0], peer[1], len(data), data[:64].hex()))
            if tcp in readable:
                conn, peer = tcp.accept()
                log.write("%s tcp connection from %s:%d\n" % (now, peer[0], peer[1]))
                conn.close()


if __name__ == "__main__":
    main()
