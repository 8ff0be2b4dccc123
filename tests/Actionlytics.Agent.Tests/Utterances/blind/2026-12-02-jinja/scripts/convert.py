#!/usr/bin/env python3
"""Rebuild events.csv and members.csv from the pallets/jinja mirror.

Usage: python3 scripts/convert.py [--git-dir /work/.mirror/pallets+jinja/repo] [--rev 5ef7011...]

One event per commit reachable from the pinned revision (merges included; a merge's changed
paths are its diff against its first parent).  See README.md for the classification rules.
"""
import argparse
import csv
import hashlib
import os
import re
import subprocess
from collections import Counter
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
DEFAULT_GIT_DIR = "/work/.mirror/pallets+jinja/repo"
DEFAULT_REV = "5ef70112a1ff19c05324ff889dd30405b1002044"

RELEASE_RE = re.compile(
    r"^(release version\b|release \d|start version\b|bump(ed)? version\b|bumped jinja version\b"
    r"|set release date\b|\d+\.\d+(\.\d+)*(-?dev\d*)?$)",
    re.IGNORECASE,
)
DOC_DIRS = {"docs", "www"}
DOC_ROOT_NAMES = {"changes", "authors", "thanks", "todo", "readme", "license", "contributing"}
DOC_EXT = (".rst", ".md", ".txt")


def is_bot(email, name):
    return "[bot]" in email.lower() or "[bot]" in name.lower()


def is_doc_path(p):
    if "/" in p:
        return p.split("/", 1)[0] in DOC_DIRS
    low = p.lower()
    stem = low.rsplit(".", 1)[0] if "." in low else low
    return stem in DOC_ROOT_NAMES or low.endswith(DOC_EXT)


def classify(email, name, subject, paths):
    if is_bot(email, name):
        return "bot_update"
    if RELEASE_RE.match(subject.strip()):
        return "release"
    if paths and all(is_doc_path(p) for p in paths):
        return "docs_update"
    return "code_change"


def content_id(paths):
    c = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]


def member_id(email):
    return "c" + hashlib.sha1(email.strip().lower().encode("utf-8")).hexdigest()[:10]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--git-dir", default=DEFAULT_GIT_DIR)
    ap.add_argument("--rev", default=DEFAULT_REV)
    a = ap.parse_args()
    fmt = "%x1e%H%x1f%ae%x1f%an%x1f%at%x1f%s"
    out = subprocess.run(
        ["git", "--git-dir", a.git_dir, "-c", "core.quotepath=off", "log", a.rev,
         "--no-renames", "--diff-merges=first-parent", "--name-only", "--format=" + fmt],
        check=True, capture_output=True).stdout.decode("utf-8", "replace")
    events = []
    for rec in out.split("\x1e")[1:]:
        head, _, rest = rec.partition("\n")
        sha, email, name, at, subject = head.split("\x1f", 4)
        paths = [l for l in rest.split("\n") if l.strip()]
        ts = datetime.fromtimestamp(int(at), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        events.append((sha, member_id(email), ts, classify(email, name, subject, paths), content_id(paths)))
    events.sort(key=lambda e: (e[2], e[0]))
    with open(os.path.join(OUT, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        w.writerows(events)
    first = {}
    for e in events:
        d = e[2][:10]
        if e[1] not in first or d < first[e[1]]:
            first[e[1]] = d
    with open(os.path.join(OUT, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m in sorted(first, key=lambda m: (first[m], m)):
            w.writerow([m, first[m]])
    print(f"{len(events)} events, {len(first)} members")
    print(Counter(e[3] for e in events))


if __name__ == "__main__":
    main()
