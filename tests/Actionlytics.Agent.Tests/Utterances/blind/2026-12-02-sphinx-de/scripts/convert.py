#!/usr/bin/env python3
"""Rebuild events.csv and members.csv from the bare git mirror of sphinx-doc/sphinx.

Usage: python3 scripts/convert.py [--git-dir DIR] [--rev SHA]

One row per commit reachable from the pinned commit (merge commits included; their changed
paths are taken against their first parent).
"""
import argparse
import collections
import csv
import datetime as dt
import hashlib
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
GIT_DIR = "/work/.mirror/sphinx-doc+sphinx/repo"
REV = "e44a40eb2f810558ccd9da1425421270ccb81351"

RELEASE_RE = re.compile(
    r"^(bump (version|to v?\d)|release( preparation|\s+v?\d)|prepare (for )?(release|v?\d)|prepare release)",
    re.IGNORECASE,
)
ROOT_DOC_RE = re.compile(r"^([A-Z_]+|.*\.(rst|md|txt))$")


def is_doc_path(p):
    if p.startswith("doc/"):
        return True
    if "/" not in p and ROOT_DOC_RE.match(p):
        return True
    return False


def classify(subject, paths):
    if RELEASE_RE.match(subject.strip()):
        return "release"
    if not paths:
        return "code_change"
    if all(is_doc_path(p) for p in paths):
        return "docs_update"
    if any(p.startswith("tests/") for p in paths) and all(
        p.startswith("tests/") or is_doc_path(p) for p in paths
    ):
        return "test_change"
    return "code_change"


def content_id(paths):
    counts = collections.Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not counts:
        return ""
    # most changed paths; ties broken by folder name (alphabetical)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--git-dir", default=GIT_DIR)
    ap.add_argument("--rev", default=REV)
    a = ap.parse_args()
    raw = subprocess.run(
        ["git", "-c", "core.quotepath=off", "--git-dir", a.git_dir, "log", a.rev,
         "--diff-merges=first-parent", "--no-renames", "--name-only",
         "--format=%x01%H%x1f%ae%x1f%at%x1f%s"],
        check=True, capture_output=True,
    ).stdout.decode("utf-8", "replace")
    rows = []
    for chunk in raw.split("\x01")[1:]:
        lines = chunk.split("\n")
        sha, email, at, subject = lines[0].split("\x1f", 3)
        paths = [l for l in lines[1:] if l.strip()]
        member = "c" + hashlib.sha1(email.strip().lower().encode("utf-8")).hexdigest()[:10]
        when = dt.datetime.fromtimestamp(int(at), dt.timezone.utc)
        rows.append((sha, member, when.strftime("%Y-%m-%dT%H:%M:%SZ"), classify(subject, paths), content_id(paths)))
    rows.sort(key=lambda r: (r[2], r[0]))
    with open(os.path.join(OUT, "events.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        w.writerows(rows)
    first = {}
    for r in rows:
        d = r[2][:10]
        if r[1] not in first or d < first[r[1]]:
            first[r[1]] = d
    with open(os.path.join(OUT, "members.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m in sorted(first, key=lambda m: (first[m], m)):
            w.writerow([m, first[m]])
    print(f"{len(rows)} events, {len(first)} members")


if __name__ == "__main__":
    main()
