#!/usr/bin/env python3
"""Convert the git history of pallets/flask (branch main, snapshot commit below) into
Actionlytics import files: members.csv and events.csv (one event per commit).

Usage: python3 convert.py GIT_DIR [OUT_DIR]
Rules:
  member_id  = "c" + first 10 hex chars of sha1(lowercased author email)
  event_id   = the commit sha
  occurred_at= author date converted to UTC, "YYYY-MM-DDTHH:MM:SSZ"
  action     = "merge" if the commit has more than one parent, else "commit"
  content_id = the top-level folder with the most changed files (diff against the first parent;
               a root commit against the empty tree); files at the repository root are not in a folder;
               ties broken alphabetically; empty when no changed file is inside a folder
  channel    = "git"
"""
import csv, hashlib, os, subprocess, sys
from collections import Counter, defaultdict
from datetime import datetime, timezone

SNAPSHOT = "2ac89889f4cc330eabd50f295dcef02828522c69"
git_dir = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def git(*args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], check=True, capture_output=True).stdout.decode("utf-8", "replace")

def mid(email):
    return "c" + hashlib.sha1(email.strip().lower().encode("utf-8")).hexdigest()[:10]

log = git("log", SNAPSHOT, "--format=%H%x1f%P%x1f%ae%x1f%at")
commits = []
for line in log.splitlines():
    sha, parents, email, at = line.split("\x1f")
    commits.append((sha, parents.split(), email, int(at)))

# changed files per commit against the first parent, one pass
files = defaultdict(list)
p = subprocess.run(["git", "--git-dir", git_dir, "diff-tree", "--stdin", "-r", "--name-only", "--no-renames", "--root"],
                   input="\n".join(f"{c[0]} {c[1][0]}" if c[1] else c[0] for c in commits).encode() + b"\n",
                   capture_output=True, check=True)
cur = None
shas = {c[0] for c in commits}
for line in p.stdout.decode("utf-8", "replace").splitlines():
    if not line:
        continue
    head = line.split()[0]
    if len(head) == 40 and head in shas and (len(line.split()) <= 2):
        cur = head
        continue
    files[cur].append(line)

def top_folder(fs):
    c = Counter(f.split("/", 1)[0] for f in fs if "/" in f)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]

events = []
for sha, parents, email, at in commits:
    ts = datetime.fromtimestamp(at, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    events.append({"event_id": sha, "member_id": mid(email), "occurred_at": ts,
                   "action": "merge" if len(parents) > 1 else "commit",
                   "content_id": top_folder(files.get(sha, [])), "channel": "git"})
events.sort(key=lambda e: (e["occurred_at"], e["event_id"]))

with open(os.path.join(out, "events.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, ["event_id", "member_id", "occurred_at", "action", "content_id", "channel"], lineterminator="\n")
    w.writeheader(); w.writerows(events)

m = {}
for e in events:
    r = m.setdefault(e["member_id"], {"member_id": e["member_id"], "display_name": e["member_id"],
                                      "joined_at": e["occurred_at"][:10], "first_commit": e["occurred_at"][:10],
                                      "last_commit": e["occurred_at"][:10], "commits": 0, "merges": 0})
    r["last_commit"] = e["occurred_at"][:10]
    r["merges" if e["action"] == "merge" else "commits"] += 1
with open(os.path.join(out, "members.csv"), "w", newline="") as f:
    w = csv.DictWriter(f, ["member_id", "display_name", "joined_at", "first_commit", "last_commit", "commits", "merges"], lineterminator="\n")
    w.writeheader(); w.writerows(sorted(m.values(), key=lambda r: (r["first_commit"], r["member_id"])))
print(f"{len(events)} events, {len(m)} members, {sum(1 for e in events if e['action']=='merge')} merges")
