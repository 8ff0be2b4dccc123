#!/usr/bin/env python3
"""Convert the git history of pallets/werkzeug into Actionlytics events.csv / members.csv.

Usage: python3 scripts/convert.py /path/to/werkzeug.git [rev]   (default rev: the pinned commit below)

One event per commit reachable from the pinned commit (merges included; a merge's changed paths are
its diff against its first parent). No names or e-mail addresses are written.
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

PINNED = "1b00618e787f40dfb21eba29caf8f8be7c8e1d93"
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Rule 1: release / version housekeeping (subject line, case-insensitive)
RELEASE_RE = re.compile(
    r"^(release version\b|start version\b|bump(ed)? (the )?version\b|bump(ed)? (to )?(the )?dev\b"
    r"|bump dev version|bump to \d|version \d[\w.\-]*$|release \d|release werkzeug|released? \d|re-released? \d"
    r"|this is (now |for |ready for )?\d|prepare( for version)? \d|set release date|added release date"
    r"|new release$|ready for next dev version|rollback version|\d+\.\d+(\.\d+)?( released)?$)",
    re.I)
# Rule 2: dependency / tooling updates: a bot author, or the usual dependency-bump subjects
DEP_RE = re.compile(
    r"^(\[pre-commit\.ci\]|bump \S+ from |bump the \S+ group|update requirements|update pre-commit"
    r"|pre-commit autoupdate|update dependencies|upgrade dependencies|update dev dependencies)", re.I)
# Rule 3: documentation only: every changed path is under docs/ or is a .rst/.md file or a root
# CHANGES*/README*/AUTHORS*/LICENSE* file.
DOC_ROOT_RE = re.compile(r"^(CHANGES|README|AUTHORS|LICENSE)", re.I)


def is_doc(path):
    if path.startswith("docs/"):
        return True
    if path.lower().endswith((".rst", ".md")):
        return True
    return "/" not in path and bool(DOC_ROOT_RE.match(path))


def classify(email, subject, paths):
    if RELEASE_RE.match(subject.strip()):
        return "release"
    if "[bot]" in email or DEP_RE.match(subject.strip()):
        return "dependency_update"
    if paths and all(is_doc(p) for p in paths):
        return "docs_change"
    return "code_change"  # code, tests, CI, packaging; also commits whose diff lists no path


def content_of(paths):
    c = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]


def main():
    gitdir = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/pallets+werkzeug/repo"
    rev = sys.argv[2] if len(sys.argv) > 2 else PINNED
    out = subprocess.run(
        ["git", "--git-dir", gitdir, "-c", "core.quotepath=off", "log", rev, "--no-renames",
         "--diff-merges=first-parent", "--name-only", "--format=%x1e%H%x1f%ae%x1f%at%x1f%s"],
        check=True, capture_output=True, text=True, encoding="utf-8", errors="replace").stdout
    events, first = [], {}
    for rec in out.split("\x1e")[1:]:
        lines = rec.split("\n")
        sha, email, at, subject = lines[0].split("\x1f", 3)
        paths = [l for l in lines[1:] if l.strip()]
        mid = "c" + hashlib.sha1(email.strip().lower().encode()).hexdigest()[:10]
        dt = datetime.fromtimestamp(int(at), tz=timezone.utc)
        ts = dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        events.append((sha, mid, ts, classify(email.lower(), subject, paths), content_of(paths)))
        if mid not in first or ts < first[mid]:
            first[mid] = ts
    events.sort(key=lambda e: (e[2], e[0]))
    with open(os.path.join(HERE, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        w.writerows(events)
    with open(os.path.join(HERE, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for mid, ts in sorted(first.items(), key=lambda kv: (kv[1], kv[0])):
            w.writerow([mid, ts[:10]])
    counts = Counter(e[3] for e in events)
    print(f"{len(events)} events, {len(first)} members, {events[0][2]} .. {events[-1][2]}")
    for a, n in counts.most_common():
        print(f"  {a}: {n} ({100*n/len(events):.1f}%)")


if __name__ == "__main__":
    main()
