#!/usr/bin/env python3
"""Convert the git history of psf/requests (bare mirror) into Actionlytics import files.

Rules (see ../README.md):
- commits: every commit reachable from the snapshot's HEAD (branch main), `git log --all` NOT used.
- member_id = "c" + first 10 hex chars of sha1(lowercased author email). No names or emails are written.
- occurred_at = author date (git %at, seconds since the epoch, so malformed offsets do not matter) in UTC, written as YYYY-MM-DDTHH:MM:SSZ.
- action = "merge" when the commit has more than one parent, else "commit".
- content_id = top-level folder with the most changed paths in the commit (for merges: the diff against the
  first parent); files at the repository root do not count as a folder; ties -> alphabetically first;
  empty when no folder was touched.
- event_id = the full commit sha.
- members.csv: member_id, joined_at (UTC date of the member's first commit).
"""
import csv, hashlib, subprocess, sys, os
from collections import Counter
from datetime import datetime, timezone

GIT = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/psf+requests/repo"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

SEP = "\x1e"
fmt = SEP + "%H%x1f%P%x1f%ae%x1f%at"
out = subprocess.run(["git", "--git-dir", GIT, "log", "HEAD", "--name-only", "--diff-merges=first-parent",
                      "--no-renames", "--format=" + fmt], capture_output=True, check=True).stdout.decode("utf-8", "replace")
events = []
for block in out.split(SEP)[1:]:
    lines = block.split("\n")
    sha, parents, email, adate = lines[0].split("\x1f")
    files = [l for l in lines[1:] if l.strip()]
    folders = Counter(f.split("/", 1)[0] for f in files if "/" in f)
    content = ""
    if folders:
        best = max(folders.values())
        content = sorted(k for k, v in folders.items() if v == best)[0]
    dt = datetime.fromtimestamp(int(adate), timezone.utc)
    mid = "c" + hashlib.sha1(email.strip().lower().encode("utf-8")).hexdigest()[:10]
    action = "merge" if len(parents.split()) > 1 else "commit"
    events.append((sha, mid, dt.strftime("%Y-%m-%dT%H:%M:%SZ"), action, content))

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
    for m, d in first.items():
        w.writerow([m, d])
print(len(events), "events,", len(first), "members", file=sys.stderr)
