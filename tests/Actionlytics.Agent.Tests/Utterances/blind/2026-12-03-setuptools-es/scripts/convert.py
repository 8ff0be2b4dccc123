#!/usr/bin/env python3
"""Convert the git history of pypa/setuptools into Actionlytics events.csv / members.csv.

Usage: python3 scripts/convert.py [GIT_DIR] [COMMIT]
  GIT_DIR defaults to /work/.mirror/pypa+setuptools/repo (a bare clone, e.g. from
  `git clone --bare https://github.com/pypa/setuptools`), COMMIT to the pinned one below.

One event per commit reachable from COMMIT (merges included, their changed paths taken
against the first parent). No names or e-mails are written.
"""
import csv
import hashlib
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone

PINNED = "7d531288b7c8708d4cc186213da93eaf5d11833d"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

# ---- action rules: first matching rule wins -------------------------------------------
RELEASE_RE = re.compile(
    r"^(bump version(:| to | ?\d|\.?$)|bumped to \d|bumping to \d|bump to v?\d|bumped revision"
    r"|version (number )?bump|release bump|added tag \S+ for changeset|merge tag 'v)",
    re.IGNORECASE,
)
DOC_DIRS = {"docs", "doc", "newsfragments", "changelog.d"}
DOC_ROOT_RE = re.compile(r"^(readme|changes|news|changelog|history)[^/]*$|^[^/]+\.(rst|md)$", re.I)
TEST_NAME_RE = re.compile(r"(^test_.*|.*_test\.py$|^conftest\.py$)")


def is_doc(path):
    parts = path.split("/")
    if parts[0] in DOC_DIRS:
        return True
    return len(parts) == 1 and bool(DOC_ROOT_RE.match(path))


def is_test(path):
    parts = path.split("/")
    if any(p in ("tests", "test", "testing") for p in parts[:-1]):
        return True
    return bool(TEST_NAME_RE.match(parts[-1]))


def classify(subject, paths):
    if RELEASE_RE.match(subject.strip()):
        return "release"
    if paths and all(is_doc(p) for p in paths):
        return "docs_change"
    if paths and all(is_test(p) for p in paths):
        return "test_change"
    return "code_change"


def content_of(paths):
    c = Counter(p.split("/")[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]


def main():
    git_dir = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/pypa+setuptools/repo"
    commit = sys.argv[2] if len(sys.argv) > 2 else PINNED
    out = subprocess.run(
        ["git", "--git-dir", git_dir, "log", commit, "--diff-merges=first-parent", "--no-renames",
         "--name-only", "--format=%x00%H%x1f%ae%x1f%at%x1f%s"],
        check=True, capture_output=True, cwd="/",
    ).stdout.decode("utf-8", "replace")
    rows = []
    seen = set()
    for block in out.split("\x00")[1:]:
        header, _, rest = block.partition("\n")
        sha, email, at, subject = header.split("\x1f", 3)
        if sha in seen:  # a merge can print its header once only, but be safe
            continue
        seen.add(sha)
        paths = [p for p in rest.split("\n") if p.strip()]
        member = "c" + hashlib.sha1(email.strip().lower().encode("utf-8")).hexdigest()[:10]
        ts = datetime.fromtimestamp(int(at), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows.append((sha, member, ts, classify(subject, paths), content_of(paths)))
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
    acts = Counter(r[3] for r in rows)
    print(f"{len(rows)} events, {len(first)} members, {rows[0][2]} .. {rows[-1][2]}")
    for a, n in acts.most_common():
        print(f"  {a}: {n} ({100*n/len(rows):.1f}%)")


if __name__ == "__main__":
    main()
