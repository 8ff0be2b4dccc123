#!/usr/bin/env python3
"""Convert a bare git repository's default-branch history into Actionlytics import files.

usage: convert.py REPO_GIT_DIR [OUT_DIR]

Writes OUT_DIR/events.csv (event_id,member_id,occurred_at,action,content_id) and
OUT_DIR/members.csv (member_id,joined_at). No names or e-mail addresses are kept:
member_id = "c" + first 10 hex digits of sha1(lower-cased author e-mail).

Action of each commit (first matching rule wins):
  1. pr_merge     commit with more than one parent (merge of a pull request / branch)
  2. bot_update   author name or e-mail contains "[bot]" (pre-commit-ci, dependabot, ...)
  3. release      subject is a release-preparation commit (see RELEASE_RE)
  4. docs_change  every changed path is documentation: under docs/ or changelog/, or a
                  root file ending in .rst/.md/.txt, or named CHANGELOG / LICENSE / AUTHORS
  5. code_change  everything else (library code, tests, CI, packaging)
content_id = the top-level folder holding most of the commit's changed paths (ties: alphabetical
first); empty for merges and for commits that only touch root files.
"""
import collections
import csv
import datetime as dt
import hashlib
import os
import re
import subprocess
import sys

RELEASE_RE = re.compile(
    r"^(\([^)]*\)\s*)?("
    r"preparing release\b|prepare (pluggy-)?\d|prepare \S*\s*for next .*release|prepare for next .*release|"
    r"stamp \d|\d+\.\d+(\.\d+)?\s+(patch|minor|major)\s+release|"
    r"bump version\b|update version to\b|update changelog and version\b)",
    re.IGNORECASE,
)
DOC_ROOT_RE = re.compile(r"(\.(rst|md|txt)$)|^(CHANGELOG|LICENSE|AUTHORS)$", re.IGNORECASE)

SEP = "\x1e"


def member_id(email):
    return "c" + hashlib.sha1(email.strip().lower().encode("utf-8")).hexdigest()[:10]


def is_doc(path):
    if path.startswith("docs/") or path.startswith("changelog/"):
        return True
    return "/" not in path and bool(DOC_ROOT_RE.search(path))


def classify(parents, name, email, subject, paths):
    if len(parents) > 1:
        return "pr_merge"
    if "[bot]" in name.lower() or "[bot]" in email.lower():
        return "bot_update"
    if RELEASE_RE.search(subject.strip()):
        return "release"
    if paths and all(is_doc(p) for p in paths):
        return "docs_change"
    return "code_change"


def content_of(parents, paths):
    if len(parents) > 1:
        return ""
    folders = collections.Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not folders:
        return ""
    best = max(folders.values())
    return sorted(f for f, n in folders.items() if n == best)[0]


def main():
    git_dir = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    fmt = SEP + "%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%s"
    raw = subprocess.run(
        ["git", "--git-dir", git_dir, "log", "HEAD", "--no-renames", "--name-only", "--format=" + fmt],
        check=True, capture_output=True, text=True, encoding="utf-8", errors="replace",
    ).stdout
    rows = []
    for chunk in raw.split(SEP)[1:]:
        head, _, rest = chunk.partition("\n")
        sha, parents, name, email, at, subject = head.split("\x1f", 5)
        parents = parents.split()
        paths = [p for p in rest.splitlines() if p.strip()]
        when = dt.datetime.fromtimestamp(int(at), tz=dt.timezone.utc)
        rows.append({
            "event_id": sha,
            "member_id": member_id(email),
            "occurred_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "action": classify(parents, name, email, subject, paths),
            "content_id": content_of(parents, paths),
        })
    rows.sort(key=lambda r: (r["occurred_at"], r["event_id"]))
    with open(os.path.join(out, "events.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["event_id", "member_id", "occurred_at", "action", "content_id"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    first = {}
    for r in rows:
        d = r["occurred_at"][:10]
        if r["member_id"] not in first or d < first[r["member_id"]]:
            first[r["member_id"]] = d
    with open(os.path.join(out, "members.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m, d in sorted(first.items(), key=lambda kv: (kv[1], kv[0])):
            w.writerow([m, d])
    counts = collections.Counter(r["action"] for r in rows)
    print(f"{len(rows)} events, {len(first)} members")
    for a, n in counts.most_common():
        print(f"  {a}: {n}")


if __name__ == "__main__":
    main()
