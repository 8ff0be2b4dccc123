#!/usr/bin/env python3
"""Rebuild events.csv and members.csv from the python-attrs/attrs mirror.

Usage: python3 scripts/convert.py [--git-dir DIR] [--commit SHA]
One event per commit reachable from COMMIT (default: the pinned commit below),
merges included (their paths are taken against the first parent).
"""
import argparse, csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

GIT_DIR = "/work/.mirror/python-attrs+attrs/repo"
COMMIT = "c1dc5dcba16ed827aa6dcad896b41a3afedb4e32"
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

RELEASE_RE = re.compile(
    r"^(prepare|release)\s+v?\d"            # "Prepare 25.4.0", "Release 15.0.0"
    r"|^start\s+new\s+((development|release)\s+)?cycle"   # "Start new development/release cycle", "Start new cycle"
    r"|^start\s+v?\d[\d.]*\s+cycle",        # "Start 19.4.0 cycle"
    re.I)
DOC_DIRS = ("docs/", "changelog.d/")
DOC_EXT = (".rst", ".md", ".txt")


def is_doc(path):
    if path.startswith(DOC_DIRS):
        return True
    return "/" not in path and path.lower().endswith(DOC_EXT) and not path.lower().endswith("requirements.txt")


def classify(email, name, subject, paths):
    if "[bot]" in email.lower() or name.lower().endswith("[bot]"):
        return "bot_update"
    if RELEASE_RE.search(subject.strip()):
        return "release"
    if paths and all(is_doc(p) for p in paths):
        return "docs_update"
    return "code_change"


def content_of(paths):
    c = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--git-dir", default=GIT_DIR)
    ap.add_argument("--commit", default=COMMIT)
    a = ap.parse_args()
    fmt = "%x1e%H%x1f%ae%x1f%an%x1f%at%x1f%s"
    out = subprocess.run(["git", "--git-dir", a.git_dir, "log", a.commit, "--diff-merges=first-parent",
                          "--name-only", "--no-renames", f"--format={fmt}"],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    events, first = [], {}
    for rec in out.split("\x1e")[1:]:
        head, _, body = rec.partition("\n")
        sha, email, name, ts, subject = head.split("\x1f")
        paths = [l for l in body.splitlines() if l.strip()]
        email = email.strip().lower()
        mid = "c" + hashlib.sha1(email.encode("utf-8")).hexdigest()[:10]
        dt = datetime.fromtimestamp(int(ts), tz=timezone.utc)
        events.append((sha, mid, dt.strftime("%Y-%m-%dT%H:%M:%SZ"), classify(email, name, subject, paths), content_of(paths), email))
        if mid not in first or dt < first[mid][0]:
            first[mid] = (dt, email)
    # sanity: member_id must be unique per email
    emails = {}
    for e in events:
        emails.setdefault(e[1], set()).add(e[5])
    clash = {k: v for k, v in emails.items() if len(v) > 1}
    if clash:
        sys.exit(f"member_id collision: {clash}")
    events.sort(key=lambda e: (e[2], e[0]))
    with open(os.path.join(OUT, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        for e in events:
            w.writerow(e[:5])
    with open(os.path.join(OUT, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for mid, (dt, _) in sorted(first.items(), key=lambda kv: (kv[1][0], kv[0])):
            w.writerow([mid, dt.strftime("%Y-%m-%d")])
    print(f"{len(events)} events, {len(first)} members, "
          f"{events[0][2]} .. {events[-1][2]}, actions {dict(Counter(e[3] for e in events))}")


if __name__ == "__main__":
    main()
