#!/usr/bin/env python3
"""Convert a bare git dir (default branch HEAD) into events.csv and members.csv.

Usage: convert.py REPO_GIT_DIR [OUT_DIR]
Actions (first matching rule wins):
  merge_commit : commit with more than one parent
  bot_update   : author name or email contains "[bot]" (pre-commit-ci, dependabot, ...)
  release      : subject starts with "Release <digit>", "Bump version", "Prepare(d) release", "Preparing release"
  docs_change  : every changed path is under docs/ or ends in .rst/.md/.txt
  code_change  : everything else
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

git_dir = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SEP = "\x1e"
fmt = SEP + "%H%x1f%P%x1f%ae%x1f%an%x1f%at%x1f%s"
raw = subprocess.run(["git", "--git-dir", git_dir, "log", "HEAD", "--name-only", "--no-renames",
                      "--format=" + fmt], capture_output=True, text=True, check=True).stdout
# merges list no paths (no -m); they get an empty content_id.
REL = re.compile(r"^(release \d|bump version|prepared? release|preparing release)", re.I)
DOC = re.compile(r"(^docs/)|(\.(rst|md|txt)$)", re.I)
rows, first = [], {}
for rec in raw.split(SEP)[1:]:
    head, _, body = rec.partition("\n")
    sha, parents, email, name, ts, subj = head.split("\x1f")
    paths = [p for p in body.split("\n") if p.strip()]
    merge = len(parents.split()) > 1
    if merge:
        action = "merge_commit"
    elif "[bot]" in email.lower() or "[bot]" in name.lower():
        action = "bot_update"
    elif REL.match(subj.strip()):
        action = "release"
    elif paths and all(DOC.search(p) for p in paths):
        action = "docs_change"
    else:
        action = "code_change"
    content = ""
    if not merge:
        c = Counter(p.split("/")[0] for p in paths if "/" in p)
        if c:
            top = max(c.values())
            content = sorted(k for k, v in c.items() if v == top)[0]
    dt = datetime.fromtimestamp(int(ts), tz=timezone.utc)
    mid = "c" + hashlib.sha1(email.lower().encode()).hexdigest()[:10]
    rows.append((sha, mid, dt.strftime("%Y-%m-%dT%H:%M:%SZ"), action, content))
rows.sort(key=lambda r: (r[2], r[0]))
for r in rows:
    first.setdefault(r[1], r[2][:10])
with open(os.path.join(out, "events.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"]); w.writerows(rows)
with open(os.path.join(out, "members.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n"); w.writerow(["member_id", "joined_at"])
    w.writerows(sorted(first.items(), key=lambda kv: (kv[1], kv[0])))
print(len(rows), "events", len(first), "members", Counter(r[3] for r in rows))
