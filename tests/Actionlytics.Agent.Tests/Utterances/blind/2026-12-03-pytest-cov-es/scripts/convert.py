#!/usr/bin/env python3
"""Convert a git repository's default-branch history into Actionlytics import files.

Usage: convert.py REPO_GIT_DIR [OUT_DIR]
Writes OUT_DIR/events.csv and OUT_DIR/members.csv (OUT_DIR defaults to this script's parent folder).

One event per commit reachable from HEAD (the default branch), merges included.
  event_id    = full commit sha
  member_id   = "c" + first 10 hex digits of sha1(lower-cased author e-mail)  (no names or e-mails kept)
  occurred_at = author date converted to UTC, YYYY-MM-DDTHH:MM:SSZ
  action      = first matching rule of ACTION RULES below
  content_id  = top-level folder holding the most changed paths (ties: alphabetical first);
                empty for merges and for commits touching only root-level files
Changed paths come from `git log --no-renames --name-only` (a rename counts as a delete plus an add).
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

RELEASE_RE = re.compile(
    r"^(bump(\s+version\b.*|\.?)|release\b.*|prepare(d)?\s+(for\s+)?release\b.*|v?\d+(\.\d+)+\.?)\s*$",
    re.IGNORECASE)
DOC_NAMES = {"AUTHORS", "LICENSE", "CHANGELOG", "README"}

def is_doc(p):
    top = p.split("/", 1)[0]
    base = p.rsplit("/", 1)[-1]
    stem = base.split(".", 1)[0].upper()
    if top in ("docs", "doc", "examples", "example"):
        return True
    if base.lower().endswith((".rst", ".md")):
        return True
    if stem in DOC_NAMES:
        return True
    return False

def is_test(p):
    top = p.split("/", 1)[0]
    base = p.rsplit("/", 1)[-1]
    return top in ("tests", "test") or base.startswith("test_") or base == "conftest.py"

def classify(parents, subject, paths):
    # ACTION RULES (first match wins)
    if len(parents) > 1:
        return "merge"                       # 1. merge commit
    if RELEASE_RE.match(subject.strip()):
        return "release"                     # 2. version bump / release commit (by subject)
    if paths and all(is_doc(p) for p in paths):
        return "docs_change"                 # 3. only documentation / examples / *.rst *.md / AUTHORS, LICENSE...
    if paths and all(is_test(p) or is_doc(p) for p in paths) and any(is_test(p) for p in paths):
        return "test_change"                 # 4. only tests (plus possibly docs)
    return "code_change"                     # 5. everything else (src, packaging, CI, tooling, empty commits)

def content_of(parents, paths):
    if len(parents) > 1:
        return ""
    c = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]

def main():
    git = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    fmt = "%x00%x01%H%x1f%P%x1f%at%x1f%ae%x1f%s"
    raw = subprocess.run(["git", "--git-dir", git, "log", "HEAD", "--no-renames", "--name-only",
                          "--format=" + fmt], capture_output=True, check=True).stdout.decode("utf-8", "replace")
    rows = []
    for chunk in raw.split("\x00\x01")[1:]:
        head, _, rest = chunk.partition("\n")
        sha, par, at, email, subject = head.split("\x1f", 4)
        parents = par.split()
        paths = [l for l in rest.splitlines() if l.strip()]
        mid = "c" + hashlib.sha1(email.strip().lower().encode("utf-8")).hexdigest()[:10]
        ts = datetime.fromtimestamp(int(at), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows.append((sha, mid, ts, classify(parents, subject, paths), content_of(parents, paths)))
    rows.sort(key=lambda r: (r[2], r[0]))
    with open(os.path.join(out, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        w.writerows(rows)
    first = {}
    for r in rows:
        first.setdefault(r[1], r[2][:10])
    with open(os.path.join(out, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m, d in sorted(first.items(), key=lambda x: (x[1], x[0])):
            w.writerow([m, d])
    acts = Counter(r[3] for r in rows)
    print(f"events={len(rows)} members={len(first)} actions={dict(sorted(acts.items()))}")

if __name__ == "__main__":
    main()
