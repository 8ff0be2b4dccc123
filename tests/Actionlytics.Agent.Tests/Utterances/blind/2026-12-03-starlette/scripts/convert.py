#!/usr/bin/env python3
"""Convert a git repository's default-branch history into Actionlytics import files.

usage: convert.py REPO_GIT_DIR [OUT_DIR]
writes OUT_DIR/events.csv and OUT_DIR/members.csv (OUT_DIR defaults to this script's parent folder)
and prints the action counts.

One event per commit reachable from HEAD (merges included):
  event_id    = commit sha
  member_id   = "c" + first 10 hex digits of sha1(lower-cased author email)   (no names/emails kept)
  occurred_at = author date converted to UTC, YYYY-MM-DDTHH:MM:SSZ
  action      = first matching rule of RULES below
  content_id  = top-level folder holding most of the commit's changed paths (ties: alphabetical);
                empty when the commit touches only root files, or for merges (no paths listed)
members.csv: member_id, joined_at = UTC date of the member's first commit.
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

SEP = "\x1e"   # record separator between commits

BUMP = re.compile(r"^bump\b", re.I)
BUMP_VERSION = re.compile(r"^bump (the )?version\b", re.I)
RELEASE = re.compile(r"^(version|release|releasing|prepare (version|release)|bump version( to)?)\s+v?\d+\.\d+(\.\d+)?\b|^v?\d+\.\d+(\.\d+)?(\s*\(#\d+\))?$", re.I)
DOC_FILE = re.compile(r"(^docs/|\.md$|\.rst$|^mkdocs\.yml$)")

def classify(author_name, author_email, subject, paths):
    """Return the action of one commit; first matching rule wins."""
    who = (author_name + " " + author_email).lower()
    # 1 dependency_update: bot authors, or "Bump <package> ..." commits (not "Bump version")
    if "[bot]" in who or (BUMP.match(subject) and not BUMP_VERSION.match(subject)):
        return "dependency_update"
    # 2 release: version commits ("Version 0.47.3 (#2985)", "Prepare version 0.15.0 (#1202)", "0.9.10")
    if RELEASE.match(subject.strip()):
        return "release"
    # 3 docs_change: every changed path is documentation (docs/, *.md, *.rst, mkdocs.yml)
    if paths and all(DOC_FILE.search(p) for p in paths):
        return "docs_change"
    # 4 test_change: every changed path is under tests/
    if paths and all(p.startswith("tests/") for p in paths):
        return "test_change"
    # 5 code_change: everything else (library code, mixed changes, CI, packaging, merges)
    return "code_change"

def content_of(paths):
    folders = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not folders:
        return ""
    best = max(folders.values())
    return sorted(f for f, n in folders.items() if n == best)[0]

def member_of(email):
    return "c" + hashlib.sha1(email.strip().lower().encode("utf-8")).hexdigest()[:10]

def main():
    git_dir = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    fmt = SEP + "%H%x1f%an%x1f%ae%x1f%at%x1f%s"
    raw = subprocess.run(["git", "--git-dir", git_dir, "-c", "core.quotepath=off", "log", "HEAD",
                          "--no-color", "--name-only", "--format=" + fmt],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    events = []
    for chunk in raw.split(SEP)[1:]:
        head, _, rest = chunk.partition("\n")
        sha, an, ae, at, subject = head.split("\x1f", 4)
        paths = [l for l in rest.splitlines() if l.strip()]
        when = datetime.fromtimestamp(int(at), tz=timezone.utc)
        events.append({
            "event_id": sha,
            "member_id": member_of(ae),
            "occurred_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "action": classify(an, ae, subject, paths),
            "content_id": content_of(paths),
        })
    events.sort(key=lambda e: (e["occurred_at"], e["event_id"]))
    with open(os.path.join(out, "events.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, ["event_id", "member_id", "occurred_at", "action", "content_id"], lineterminator="\n")
        w.writeheader(); w.writerows(events)
    first = {}
    for e in events:
        first.setdefault(e["member_id"], e["occurred_at"][:10])
    with open(os.path.join(out, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m, d in sorted(first.items(), key=lambda kv: (kv[1], kv[0])):
            w.writerow([m, d])
    counts = Counter(e["action"] for e in events)
    print(f"events={len(events)} members={len(first)}")
    for a, n in counts.most_common():
        print(f"  {a}: {n}")

if __name__ == "__main__":
    main()
