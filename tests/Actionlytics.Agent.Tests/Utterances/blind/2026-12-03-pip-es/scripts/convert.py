#!/usr/bin/env python3
"""Convert a git repository's commit history into Actionlytics import files.

usage: convert.py REPO_GIT_DIR [OUT_DIR]
writes OUT_DIR/events.csv and OUT_DIR/members.csv (OUT_DIR defaults to this script's parent folder).

Rules (first matching rule wins):
  1. pr_merge          commit with more than one parent (merge of a pull request / branch)
  2. release           subject is a version bump / release commit (RELEASE_RE)
  3. dependency_update author is a bot ([bot] in the e-mail: dependabot, pre-commit-ci) or
                       more than half of the changed paths outside news/ are inside a `_vendor/` folder
  4. docs_change       every changed path is documentation: under docs/ or news/, or a
                       .rst/.md/.txt file outside src/ and tests/ (AUTHORS.txt, NEWS.rst, README...)
  5. code_change       everything else (source, tests, tooling, CI)
No names or e-mails are kept: member_id = "c" + first 10 hex of sha1(lower-cased author e-mail).
"""
import collections
import csv
import datetime as dt
import hashlib
import os
import re
import subprocess
import sys

RELEASE_RE = re.compile(
    r"^(bump(ed)?( the)? (version|versions|for)\b"
    r"|update (news[ /and]*)?versions? (for|to)\b"
    r"|update version (in setup\.py|for)"
    r"|use dev version"
    r"|(release|releasing) (pip )?v?\d"
    r"|version bump"
    r"|prepare(d)? (for )?(the )?(release|v?\d))",
    re.I,
)
DOC_EXT = (".rst", ".md", ".txt")


def member_id(email):
    return "c" + hashlib.sha1(email.strip().lower().encode("utf-8")).hexdigest()[:10]


def classify(parents, email, subject, paths):
    if len(parents) > 1:
        return "pr_merge"
    if RELEASE_RE.search(subject):
        return "release"
    if "[bot]" in email.lower():
        return "dependency_update"
    non_news = [p for p in paths if not p.startswith("news/")]
    if non_news and sum("/_vendor/" in "/" + p for p in non_news) * 2 > len(non_news):
        return "dependency_update"
    if paths and all(
        p.startswith("docs/") or p.startswith("news/")
        or (p.lower().endswith(DOC_EXT) and not p.startswith(("src/", "tests/")))
        for p in paths
    ):
        return "docs_change"
    return "code_change"


def content_id(parents, paths):
    if len(parents) > 1:
        return ""
    folders = collections.Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not folders:
        return ""
    best = max(folders.values())
    return sorted(f for f, n in folders.items() if n == best)[0]


def main():
    git_dir = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    raw = subprocess.run(
        ["git", "--git-dir", git_dir, "-c", "core.quotepath=off", "log", "HEAD", "--no-renames",
         "--name-only", "--format=%x00%H%x1f%P%x1f%ae%x1f%at%x1f%s"],
        check=True, capture_output=True).stdout.decode("utf-8", "replace")
    events = []
    for chunk in raw.split("\x00")[1:]:
        head, _, rest = chunk.partition("\n")
        sha, parents, email, at, subject = head.split("\x1f", 4)
        parents = parents.split()
        paths = [l for l in rest.splitlines() if l.strip()]
        when = dt.datetime.fromtimestamp(int(at), dt.timezone.utc)
        events.append((sha, member_id(email), when, classify(parents, email, subject, paths),
                       content_id(parents, paths)))
    events.sort(key=lambda e: (e[2], e[0]))
    first = {}
    with open(os.path.join(out, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        for sha, mid, when, action, cid in events:
            w.writerow([sha, mid, when.strftime("%Y-%m-%dT%H:%M:%SZ"), action, cid])
            first.setdefault(mid, when.date())
    with open(os.path.join(out, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for mid, d in sorted(first.items(), key=lambda kv: (kv[1], kv[0])):
            w.writerow([mid, d.isoformat()])
    counts = collections.Counter(e[3] for e in events)
    print(f"{len(events)} events, {len(first)} members")
    for a, n in counts.most_common():
        print(f"  {a}: {n}")


if __name__ == "__main__":
    main()
