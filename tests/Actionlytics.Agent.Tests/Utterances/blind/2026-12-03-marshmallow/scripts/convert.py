#!/usr/bin/env python3
"""Convert the git history of marshmallow-code/marshmallow into events.csv and members.csv.

Usage: python3 scripts/convert.py [GIT_DIR]   (default /work/.mirror/marshmallow-code+marshmallow/repo)
One event per commit reachable from HEAD (merges included). Actions, first matching rule wins:
  bot_update   author email or name marks a bot ([bot], dependabot, pre-commit-ci, pyup)
  release      subject announces a release / version bump
  docs_change  every changed path is documentation (docs/, *.rst, *.md, *.txt, AUTHORS, CHANGELOG...)
  code_change  everything else (library code, tests, packaging, merges without own paths)
"""
import csv, hashlib, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

GIT = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/marshmallow-code+marshmallow/repo"
OUT = Path(__file__).resolve().parent.parent

BOT = re.compile(r"\[bot\]|dependabot|pre-commit-ci|pyup", re.I)
RELEASE = re.compile(r"^\s*(bump( the)? version|bump to v?\d|release\b|releasing\b|prepare (for )?release|version bump|v?\d+\.\d+(\.\d+)?([abrc.]+\d*)?\s*$|update (the )?version|set version)", re.I)
DOC_NAMES = {"AUTHORS.rst", "CHANGELOG.rst", "README.rst", "CONTRIBUTING.rst", "LICENSE", "NOTICE", "RELEASING.md", "SECURITY.md", "CODE_OF_CONDUCT.md"}

def is_doc(p):
    return p.startswith("docs/") or p.endswith((".rst", ".md", ".txt")) and not p.startswith(("tests/", "src/", "marshmallow/")) or p.split("/")[-1] in DOC_NAMES

def main():
    fmt = "%x1e%H%x1f%ae%x1f%an%x1f%at%x1f%s"
    raw = subprocess.run(["git", f"--git-dir={GIT}", "log", "HEAD", "--name-only", "--no-renames", f"--format={fmt}"],
                         capture_output=True, text=True, check=True).stdout
    rows = []
    for rec in raw.split("\x1e")[1:]:
        head, _, rest = rec.partition("\n")
        sha, email, name, ts, subj = head.split("\x1f", 4)
        paths = [p for p in rest.splitlines() if p.strip()]
        if BOT.search(email) or BOT.search(name):
            action = "bot_update"
        elif RELEASE.search(subj):
            action = "release"
        elif paths and all(is_doc(p) for p in paths):
            action = "docs_change"
        else:
            action = "code_change"
        tops = Counter(p.split("/")[0] for p in paths if "/" in p)
        content = sorted(tops.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if tops else ""
        when = datetime.fromtimestamp(int(ts), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        mid = "c" + hashlib.sha1(email.strip().lower().encode()).hexdigest()[:10]
        rows.append((sha, mid, when, action, content))
    rows.sort(key=lambda r: (r[2], r[0]))
    with open(OUT / "events.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        w.writerows(rows)
    first = {}
    for r in rows:
        first.setdefault(r[1], r[2][:10])
    with open(OUT / "members.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m, d in sorted(first.items(), key=lambda kv: (kv[1], kv[0])):
            w.writerow([m, d])
    c = Counter(r[3] for r in rows)
    print(f"events={len(rows)} members={len(first)} span={rows[0][2]}..{rows[-1][2]}")
    for a, n in c.most_common():
        print(f"  {a}: {n} ({100*n/len(rows):.1f}%)")

if __name__ == "__main__":
    main()
