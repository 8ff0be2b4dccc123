#!/usr/bin/env python3
"""Convert the psf/black git history (bare mirror) into Actionlytics import files.

Usage: python3 scripts/convert.py [GIT_DIR] [REV]
Defaults: GIT_DIR=/work/.mirror/psf+black/repo, REV=8947c48ef2077c3a301b03c1e814dc2e3f78436e

Writes events.csv and members.csv next to the scripts/ folder. See README.md for the rules.
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

GIT_DIR = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/psf+black/repo"
REV = sys.argv[2] if len(sys.argv) > 2 else "8947c48ef2077c3a301b03c1e814dc2e3f78436e"
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

RELEASE_SUBJECT = re.compile(
    r"^(prepare|preparing)\b.*\brelease\b|^update (changes\.md|changelog)\b.*\brelease\b", re.I)
TAG_NAME = re.compile(r"^v?\d+\.\d+")


def git(*args):
    return subprocess.run(["git", "--git-dir", GIT_DIR, "-c", "core.quotepath=off", *args],
                          check=True, capture_output=True).stdout.decode("utf-8", "replace")


def release_tagged():
    """Commits (peeled) that a version tag points at."""
    out = git("for-each-ref", "refs/tags", "--format=%(refname:short) %(objectname) %(*objectname)")
    shas = set()
    for line in out.splitlines():
        parts = line.split()
        if not parts or not TAG_NAME.match(parts[0]):
            continue
        shas.add(parts[2] if len(parts) > 2 else parts[1])
    return shas


def is_doc(path):
    return path.startswith("docs/") or path.lower().endswith((".md", ".rst"))


def classify(sha, subject, email, paths, tagged):
    if sha in tagged or RELEASE_SUBJECT.search(subject):
        return "release"
    if "[bot]" in email:
        return "bot_update"
    if paths and all(is_doc(p) for p in paths):
        return "docs_update"
    return "code_change"


def content_of(paths):
    folders = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not folders:
        return ""
    best = max(folders.values())
    return min(f for f, n in folders.items() if n == best)


def main():
    tagged = release_tagged()
    raw = git("log", REV, "--no-renames", "--diff-merges=first-parent", "--name-only",
              "--format=%x1e%H%x1f%P%x1f%at%x1f%ae%x1f%s")
    events, first = [], {}
    for rec in raw.split("\x1e")[1:]:
        head, _, rest = rec.partition("\n")
        sha, parents, at, email, subject = head.split("\x1f", 4)
        paths = sorted(set(p for p in rest.splitlines() if p.strip()))
        email = email.strip().lower()
        mid = "c" + hashlib.sha1(email.encode("utf-8")).hexdigest()[:10]
        ts = datetime.fromtimestamp(int(at), tz=timezone.utc)
        events.append((ts.strftime("%Y-%m-%dT%H:%M:%SZ"), sha, mid,
                       classify(sha, subject, email, paths, tagged), content_of(paths)))
        d = ts.strftime("%Y-%m-%d")
        if mid not in first or d < first[mid]:
            first[mid] = d
    events.sort()
    assert len({e[1] for e in events}) == len(events)
    with open(os.path.join(OUT, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        for occ, sha, mid, action, content in events:
            w.writerow([sha, mid, occ, action, content])
    with open(os.path.join(OUT, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for mid in sorted(first, key=lambda m: (first[m], m)):
            w.writerow([mid, first[mid]])
    print(len(events), "events,", len(first), "members")
    print(Counter(e[3] for e in events))
    print("span", events[0][0], events[-1][0])


if __name__ == "__main__":
    main()
