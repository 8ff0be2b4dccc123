#!/usr/bin/env python3
"""Rebuild events.csv and members.csv from the encode/httpx mirror.

Usage: python3 scripts/convert.py [--git-dir /work/.mirror/encode+httpx/repo] [--rev <sha>]
"""
import argparse, csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
DEFAULT_GIT = "/work/.mirror/encode+httpx/repo"
DEFAULT_REV = "ae1b9f66238f75ced3ced5e4485408435de10768"

RELEASE_RE = re.compile(r"^(version|release)\s+v?\d+(\.\d+)*", re.I)
DOC_RE = re.compile(r"^(docs/|.*\.md$|mkdocs\.yml$)")


def classify(email, subject, paths):
    if "[bot]" in email:
        return "bot_update"
    if RELEASE_RE.match(subject):
        return "release"
    if paths and all(DOC_RE.match(p) for p in paths):
        return "docs_update"
    return "code_change"


def content_id(paths):
    c = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--git-dir", default=DEFAULT_GIT)
    ap.add_argument("--rev", default=DEFAULT_REV)
    a = ap.parse_args()
    out = subprocess.run(
        ["git", "--git-dir", a.git_dir, "log", a.rev, "--no-renames", "--diff-merges=first-parent",
         "--name-only", "--format=%x1e%H%x1f%ae%x1f%at%x1f%s"],
        check=True, capture_output=True).stdout.decode("utf-8", "replace")
    events = []
    for rec in out.split("\x1e")[1:]:
        head, _, rest = rec.partition("\n")
        sha, email, at, subject = head.split("\x1f", 3)
        paths = [p for p in rest.splitlines() if p.strip()]
        email = email.strip().lower()
        mid = "c" + hashlib.sha1(email.encode("utf-8")).hexdigest()[:10]
        ts = datetime.fromtimestamp(int(at), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        events.append((sha, mid, ts, classify(email, subject, paths), content_id(paths)))
    events.sort(key=lambda e: (e[2], e[0]))
    with open(os.path.join(OUT, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        w.writerows(events)
    first = {}
    for e in events:
        first.setdefault(e[1], e[2][:10])
    with open(os.path.join(OUT, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m in sorted(first):
            w.writerow([m, first[m]])
    print(f"{len(events)} events, {len(first)} members", file=sys.stderr)


if __name__ == "__main__":
    main()
