#!/usr/bin/env python3
"""Convert the git history of sqlalchemy/alembic (branch main) into events.csv and members.csv.

Usage: python3 scripts/convert.py [GIT_DIR]   (default /work/.mirror/sqlalchemy+alembic/repo)
One event per commit reachable from HEAD (merges included; their changed paths are taken against the first parent).
"""
import csv, hashlib, os, re, subprocess, sys, collections
from datetime import datetime, timezone

GIT_DIR = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/sqlalchemy+alembic/repo"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

RELEASE_RE = re.compile(r"^\s*(-\s*)?(placeholder for\s+|version\s+)?v?\d+\.\d+(\.\d+)?(\s+placeholder)?\s*$", re.I)
DOC_EXT = (".rst", ".md", ".txt")

def classify(subject, paths):
    """First matching rule wins."""
    if RELEASE_RE.match(subject):
        return "release_prep"
    if paths and all(p.startswith("docs/") or ("/" not in p and p.lower().endswith(DOC_EXT)) for p in paths):
        return "docs_update"
    if paths and all(p.startswith("tests/") for p in paths):
        return "test_update"
    return "code_change"

def content_of(paths):
    tops = collections.Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not tops:
        return ""
    best = max(tops.values())
    return sorted(t for t, n in tops.items() if n == best)[0]  # ties: alphabetical

def main():
    fmt = "\x1e%H\x1f%ae\x1f%at\x1f%s"
    out = subprocess.run(["git", "--git-dir", GIT_DIR, "log", "HEAD", "--diff-merges=first-parent",
                          "--name-only", "--format=" + fmt], capture_output=True, check=True).stdout.decode("utf-8", "replace")
    events = []
    for rec in out.split("\x1e")[1:]:
        lines = rec.split("\n")
        sha, email, ts, subject = lines[0].split("\x1f", 3)
        paths = [l for l in lines[1:] if l.strip()]
        mid = "c" + hashlib.sha1(email.strip().lower().encode()).hexdigest()[:10]
        when = datetime.fromtimestamp(int(ts), timezone.utc)
        events.append((sha, mid, when, classify(subject, paths), content_of(paths)))
    events.sort(key=lambda e: (e[2], e[0]))
    with open(os.path.join(OUT, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        for sha, mid, when, act, cid in events:
            w.writerow([sha, mid, when.strftime("%Y-%m-%dT%H:%M:%SZ"), act, cid])
    first = {}
    for sha, mid, when, act, cid in events:
        first.setdefault(mid, when)
    with open(os.path.join(OUT, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for mid, when in sorted(first.items(), key=lambda x: (x[1], x[0])):
            w.writerow([mid, when.strftime("%Y-%m-%d")])
    c = collections.Counter(e[3] for e in events)
    print(len(events), "events,", len(first), "members,", events[0][2].isoformat(), "->", events[-1][2].isoformat())
    for k, v in c.most_common():
        print(f"  {k}: {v} ({100*v/len(events):.1f}%)")

if __name__ == "__main__":
    main()
