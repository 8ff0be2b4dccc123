#!/usr/bin/env python3
"""Convert a bare git dir (default branch, HEAD) into events.csv and members.csv.

Usage: convert.py REPO_GIT_DIR [OUT_DIR]
Action rules (first matching rule wins):
  1. bot_update   - author name or email contains "[bot]" (dependabot, dependabot-preview, pre-commit-ci)
  2. merge        - commit with more than one parent
  3. release      - subject is a version/release step (RELEASE_RE below)
  4. docs_change  - every changed path is under docs/ or is a *.rst / *.md / *.txt file
  5. code_change  - anything else (source, tests, CI, packaging)
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

RELEASE_RE = re.compile(
    r"^(release|prerelease|start) version\b|^release \d|^next version is\b|^this is \d|"
    r"^master is \d|new release as\b|raise to \d|^version bump|^bump(ed)? (version|to) \d",
    re.I)

def main():
    git = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sep = "\x1e"
    fmt = sep + "%H\x1f%P\x1f%an\x1f%ae\x1f%at\x1f%s"
    raw = subprocess.run(["git", "--git-dir", git, "log", "HEAD", "--format=" + fmt, "--name-only", "--no-renames"],
                         capture_output=True, text=True, check=True).stdout
    events, first = [], {}
    counts = Counter()
    for block in raw.split(sep)[1:]:
        lines = block.split("\n")
        sha, parents, an, ae, at, subj = lines[0].split("\x1f", 5)
        paths = [l for l in lines[1:] if l.strip()]
        is_merge = len(parents.split()) > 1
        if is_merge:
            paths = []
        mid = "c" + hashlib.sha1(ae.lower().encode()).hexdigest()[:10]
        dt = datetime.fromtimestamp(int(at), tz=timezone.utc)
        if "[bot]" in an.lower() or "[bot]" in ae.lower():
            action = "bot_update"
        elif is_merge:
            action = "merge"
        elif RELEASE_RE.search(subj):
            action = "release"
        elif paths and all(p.startswith("docs/") or p.lower().endswith((".rst", ".md", ".txt")) for p in paths):
            action = "docs_change"
        else:
            action = "code_change"
        counts[action] += 1
        folders = Counter(p.split("/")[0] for p in paths if "/" in p)
        content = ""
        if folders:
            best = max(folders.values())
            content = sorted(f for f, c in folders.items() if c == best)[0]
        events.append((sha, mid, dt.strftime("%Y-%m-%dT%H:%M:%SZ"), action, content))
        d = dt.strftime("%Y-%m-%d")
        if mid not in first or d < first[mid]:
            first[mid] = d
    events.sort(key=lambda e: (e[2], e[0]))
    with open(os.path.join(out, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        w.writerows(events)
    with open(os.path.join(out, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m, d in sorted(first.items(), key=lambda x: (x[1], x[0])):
            w.writerow([m, d])
    print(f"events={len(events)} members={len(first)}")
    for a, c in counts.most_common():
        print(f"  {a}: {c}")

if __name__ == "__main__":
    main()
