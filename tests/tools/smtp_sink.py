#!/usr/bin/env python3
"""A real SMTP server for the tests (Debian's python3-aiosmtpd): every message it accepts is written to a directory
as one .eml file (the envelope recipients in an X-Envelope-To header), renamed into place so a reader never sees half
a message. Prints "PORT <n>" when it listens; runs until killed.

    python3 smtp_sink.py DIRECTORY [--reject-first N]

--reject-first N answers the first N messages with a 451 (transient) error, to exercise retries.
"""
import argparse
import asyncio
import itertools
import os
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory, reject_first):
        self.directory = directory
        self.counter = itertools.count(1)
        self.rejects_left = reject_first

    async def handle_DATA(self, server, session, envelope):
        if self.rejects_left > 0:
            self.rejects_left -= 1
            return "451 4.3.0 Try again later"
        number = next(self.counter)
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        header = ("X-Envelope-To: " + ", ".join(envelope.rcpt_tos) + "\r\n").encode("utf-8")
        final = os.path.join(self.directory, f"{os.getpid()}-{number:06d}.eml")
        with open(final + ".tmp", "wb") as f:
            f.write(header + content)
        os.replace(final + ".tmp", final)
        return "250 2.0.0 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--reject-first", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.directory, exist_ok=True)
    port = free_port()
    controller = Controller(Sink(args.directory, args.reject_first), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"PORT {port}", flush=True)
    try:
        asyncio.run(asyncio.Event().wait())
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
