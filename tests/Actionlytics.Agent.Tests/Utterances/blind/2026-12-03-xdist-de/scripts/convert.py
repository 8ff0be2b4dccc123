#!/usr/bin/env python3
"""Convert the git history of pytest-dev/pytest-xdist into events.csv and members.csv.

Usage: python3 scripts/convert.py [GIT_DIR] [COMMIT]
One event per commit reachable from COMMIT (default HEAD), merges included.
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

GIT_DIR = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/pytest-dev+pytest-xdist/repo"
COMMIT = sys.argv[2] if len(sys.argv) > 2 else "f63b6a25b4eb932385c6ee4651eac5c08fbd3a20"
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

RELEASE_RE = re.compile(r"^\s*(release|releasing|prepare release|preparing release|bump version|version bump|bump to|bumped version)\b", re.I)

def action_for(email, parents, subject):
    # first matching rule wins
    if "[bot]" in email:
        return "bot_update"
    if len(parents) > 1:
        return "merge_pr"
    if RELEASE_RE.search(subject):
        return "release"
    return "code_change"

def content_for(paths):
    c = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]

def main():
    sep = "\x1e"
    fmt = sep + "%H\x1f%P\x1f%ae\x1f%at\x1f%s"
    out = subprocess.run(["git", "--git-dir", GIT_DIR, "log", COMMIT, "--diff-merges=first-parent",
                          "--name-only", "--no-renames", "--format=" + fmt],
                         check=True, capture_output=True, text=True, encoding="utf-8", errors="replace").stdout
    events = []
    for chunk in out.split(sep)[1:]:
        lines = chunk.split("\n")
        sha, parents, email, at, subject = lines[0].split("\x1f", 4)
        paths = [l for l in lines[1:] if l.strip()]
        email = email.strip().lower()
        mid = "c" + hashlib.sha1(email.encode("utf-8")).hexdigest()[:10]
        ts = datetime.fromtimestamp(int(at), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        events.append((sha, mid, ts, action_for(email, parents.split(), subject), content_for(paths)))
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
        for m, d in sorted(first.items(), key=lambda x: (x[1], x[0])):
            w.writerow([m, d])
    print(len(events), "events,", len(first), "members")
    print(Counter(e[3] for e in events).most_common())
    print("span", events[0][2], events[-1][2])

if __name__ == "__main__":
    main()
