#!/usr/bin/env python3
"""Convert a bare git dir (default branch) into events.csv and members.csv.

Usage: convert.py REPO_GIT_DIR [OUT_DIR]
Actions (first matching rule wins):
  bot_update  - author email contains "[bot]" (dependabot, pre-commit-ci) or is github-actions@github.com
  merge       - commit with more than one parent
  release     - subject starts with "Release X", "Prepare release X", "Bump version" or is a bare version "vX.Y[.Z]"
  docs_change - every changed path is documentation: under docs/, or a *.rst/*.md/*.txt file, or LICENSE
  code_change - everything else (source, tests, CI, packaging)
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

git = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

REL = re.compile(r"^((prepare\s+)?release\s+v?\d|bump(ing)?\s+version|v?\d+\.\d+(\.\d+)?\s*$)", re.I)

def is_doc(p):
    low = p.lower()
    return low.startswith("docs/") or low.endswith((".rst", ".md", ".txt")) or low in ("license",)

raw = subprocess.run(["git", "--git-dir", git, "log", "HEAD", "--no-renames", "--name-only",
                      "--format=%x01%H%x02%P%x02%ae%x02%at%x02%s"], capture_output=True, text=True, check=True).stdout
rows = []
for chunk in raw.split("\x01")[1:]:
    lines = chunk.split("\n")
    sha, parents, email, ts, subj = lines[0].split("\x02", 4)
    paths = [l for l in lines[1:] if l.strip()]
    email = email.strip().lower()
    mid = "c" + hashlib.sha1(email.encode()).hexdigest()[:10]
    when = datetime.fromtimestamp(int(ts), tz=timezone.utc)
    merge = len(parents.split()) > 1
    if "[bot]" in email or email == "github-actions@github.com":
        action = "bot_update"
    elif merge:
        action = "merge"
    elif REL.search(subj.strip()):
        action = "release"
    elif paths and all(is_doc(p) for p in paths):
        action = "docs_change"
    else:
        action = "code_change"
    content = ""
    if not merge:
        tops = Counter(p.split("/")[0] for p in paths if "/" in p)
        if tops:
            content = sorted(tops.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    rows.append((sha, mid, when, action, content))

rows.sort(key=lambda r: (r[2], r[0]))
with open(os.path.join(out, "events.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
    for sha, mid, when, action, content in rows:
        w.writerow([sha, mid, when.strftime("%Y-%m-%dT%H:%M:%SZ"), action, content])
first = {}
for sha, mid, when, *_ in rows:
    first.setdefault(mid, when.date().isoformat())
with open(os.path.join(out, "members.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["member_id", "joined_at"])
    for mid, d in sorted(first.items(), key=lambda kv: (kv[1], kv[0])):
        w.writerow([mid, d])
print("events", len(rows), "members", len(first))
for a, n in Counter(r[3] for r in rows).most_common():
    print(f"  {a}: {n}")
