#!/usr/bin/env python3
"""Convert the git history of Textualize/rich into events.csv and members.csv.

Usage: python3 scripts/convert.py [GIT_DIR] [REV]
Defaults: GIT_DIR=/work/.mirror/Textualize+rich/repo, REV=42899d8a0a96b121a514516f4be9db44ff7aeaf3
"""
import csv, hashlib, os, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

GIT = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/Textualize+rich/repo"
REV = sys.argv[2] if len(sys.argv) > 2 else "42899d8a0a96b121a514516f4be9db44ff7aeaf3"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def git(*args):
    return subprocess.run(["git", "--git-dir", GIT, *args], check=True,
                          capture_output=True, text=True, errors="replace").stdout


# Commits whose own diff (non-merge) adds or removes a `version = "..."` line in pyproject.toml
release = set(git("log", REV, "--format=%H", "-G", r'^version *= *"', "--", "pyproject.toml").split())

raw = git("log", REV, "--format=\x01%H\x02%ae\x02%at", "--name-only", "--diff-merges=first-parent")
commits = []
for chunk in raw.split("\x01")[1:]:
    head, _, rest = chunk.partition("\n")
    sha, email, ts = head.split("\x02")
    paths = [p for p in rest.splitlines() if p.strip()]
    commits.append((sha, email.strip().lower(), int(ts), paths))


def is_doc(p):
    return p.startswith("docs/") or p.lower().endswith((".md", ".rst"))


def action(sha, email, paths):
    if "[bot]" in email:
        return "bot_update"
    if sha in release:
        return "version_release"
    if paths and all(is_doc(p) for p in paths):
        return "docs_update"
    return "code_change"


def content(paths):
    c = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not c:
        return ""
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


rows = []
for sha, email, ts, paths in commits:
    mid = "c" + hashlib.sha1(email.encode()).hexdigest()[:10]
    when = datetime.fromtimestamp(ts, timezone.utc)
    rows.append((sha, mid, when.strftime("%Y-%m-%dT%H:%M:%SZ"), action(sha, email, paths), content(paths)))
rows.sort(key=lambda r: (r[2], r[0]))

with open(os.path.join(OUT, "events.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
    w.writerows(rows)

first = {}
for r in rows:
    first.setdefault(r[1], r[2][:10])
with open(os.path.join(OUT, "members.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["member_id", "joined_at"])
    for m, d in sorted(first.items(), key=lambda kv: (kv[1], kv[0])):
        w.writerow([m, d])

print("events", len(rows), "members", len(first), "span", rows[0][2], rows[-1][2])
for a, n in Counter(r[3] for r in rows).most_common():
    print(a, n, f"{100*n/len(rows):.1f}%")
