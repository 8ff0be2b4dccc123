#!/usr/bin/env python3
"""Convert a bare git mirror of pallets/click into Actionlytics import files.

Usage: python3 scripts/convert.py [GIT_DIR] [COMMIT]
Defaults: /work/.mirror/pallets+click/repo and the pinned commit below.

Rules (also in README.md):
- one event per commit reachable from COMMIT (all parents, `git rev-list`);
- event_id = full commit sha; member_id = "c" + first 10 hex of sha1(lowercased author email);
- occurred_at = author date (%at) in UTC, YYYY-MM-DDTHH:MM:SSZ;
- changed paths: for a non-merge commit, `git diff-tree --no-renames -r --root` against its parent;
  for a merge, the diff against its FIRST parent (used only for content_id);
- action: merge (more than one parent); otherwise docs_edit (at least one changed path and every
  changed path is under docs/ or ends in .rst or .md); otherwise test_edit (at least one changed path
  and every changed path is under tests/); otherwise commit;
- content_id = the top-level folder (first path component of a path containing "/") holding the most
  changed paths, ties broken by alphabetical order; empty when no changed path is inside a folder;
- members.csv: one row per member, joined_at = UTC date of the member's earliest author date.
"""
import csv, hashlib, os, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

GIT_DIR = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/pallets+click/repo"
COMMIT = sys.argv[2] if len(sys.argv) > 2 else "2c8cd3ac958a7eb316d67f2d316c27086c4c0369"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def git(*args):
    return subprocess.run(["git", "--git-dir", GIT_DIR, *args], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def member_id(email):
    return "c" + hashlib.sha1(email.strip().lower().encode("utf-8")).hexdigest()[:10]


def classify(parents, paths):
    if len(parents) > 1:
        return "merge"
    if paths and all(p.startswith("docs/") or p.endswith(".rst") or p.endswith(".md") for p in paths):
        return "docs_edit"
    if paths and all(p.startswith("tests/") for p in paths):
        return "test_edit"
    return "commit"


def content_of(paths):
    c = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]


def main():
    # sha, parents, author timestamp, author email
    log = git("log", COMMIT, "--format=%H%x09%P%x09%at%x09%ae")
    commits = []
    for line in log.splitlines():
        sha, parents, at, email = line.split("\t")
        commits.append((sha, parents.split(), int(at), email))
    paths_of = {}
    for sha, parents, at, email in commits:
        args = ["diff-tree", "--no-renames", "-r", "--root", "--name-only", "-z", "--no-commit-id"]
        args += [parents[0], sha] if len(parents) > 1 else [sha]
        paths_of[sha] = [p for p in git(*args).split("\0") if p]
    rows, first = [], {}
    for sha, parents, at, email in commits:
        mid = member_id(email)
        ts = datetime.fromtimestamp(at, tz=timezone.utc)
        paths = paths_of[sha]
        rows.append((ts, sha, mid, ts.strftime("%Y-%m-%dT%H:%M:%SZ"), classify(parents, paths), content_of(paths)))
        if mid not in first or ts < first[mid]:
            first[mid] = ts
    rows.sort()
    with open(os.path.join(OUT, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        for r in rows:
            w.writerow(r[1:])
    with open(os.path.join(OUT, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for mid, ts in sorted(first.items(), key=lambda kv: (kv[1], kv[0])):
            w.writerow([mid, ts.strftime("%Y-%m-%d")])
    print(f"{len(rows)} events, {len(first)} members, {Counter(r[4] for r in rows)}")


if __name__ == "__main__":
    main()
