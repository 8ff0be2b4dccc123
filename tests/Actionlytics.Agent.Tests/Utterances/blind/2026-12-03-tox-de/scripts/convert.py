#!/usr/bin/env python3
"""Convert the tox-dev/tox commit history (branches main + legacy) into
Actionlytics events.csv / members.csv.

usage: convert.py REPO_GIT_DIR [OUT_DIR]

Keeps no names or e-mails: member_id = "c" + first 10 hex of sha1(lower-cased author e-mail).
Action rules (first matching rule wins):
  1. bot_update   author name or e-mail contains "[bot]", or the author name ends in "bot"/"Bot"
                  (pre-commit-ci[bot], dependabot[bot], LaRoyBot)
  2. release      subject starts with "release <version>", "prepare(ing) release",
                  "release preparation", "release preps", "release announcement", or is a bare version
                  number ("1.4.3"), or contains "bump version(s)" / "bump to version"
  3. docs_change  non-merge commit whose changed paths are all documentation: under docs/, doc/,
                  changelog/, newsfragments/, or a file named *.rst, *.md, *.txt (not requirements*.txt),
                  CONTRIBUTORS, AUTHORS, CHANGELOG, README, LICENSE
  4. test_change  non-merge commit whose changed paths are all under tests/
  5. code_change  everything else (incl. merge commits and commits listing no path)
content_id = top-level folder with the most changed paths (ties: alphabetical), empty when only root
files changed and for merges (git log lists no paths for merges).
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

REFS = ["main", "legacy"]
DOC_DIRS = {"docs", "doc", "changelog", "newsfragments"}
DOC_NAMES = {"CONTRIBUTORS", "AUTHORS", "CHANGELOG", "README", "LICENSE"}
RELEASE_RE = re.compile(r"^\s*release\s+v?\d|^\s*(prepare|preparing) release|^\s*release (preparation|preps|announcement)"
                        r"|^\s*v?\d+(\.\d+)+\s*$|bump (to )?versions?\b", re.I)


def is_doc(p):
    parts = p.split("/")
    if len(parts) > 1 and parts[0] in DOC_DIRS:
        return True
    base = parts[-1]
    if base in DOC_NAMES:
        return True
    if re.search(r"\.(rst|md|txt)$", base) and not base.lower().startswith("requirements"):
        return True
    return False


def classify(name, email, subject, parents, paths):
    if "[bot]" in name.lower() or "[bot]" in email.lower() or re.search(r"bot$", name, re.I) and not " " in name:
        return "bot_update"
    if RELEASE_RE.search(subject):
        return "release"
    merge = len(parents) > 1
    if not merge and paths:
        if all(is_doc(p) for p in paths):
            return "docs_change"
        if all(p.startswith("tests/") for p in paths):
            return "test_change"
    return "code_change"


def content_of(parents, paths):
    if len(parents) > 1:
        return ""
    c = Counter(p.split("/")[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]


def main():
    git_dir = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    fmt = "%x00%H%x1f%ae%x1f%an%x1f%at%x1f%P%x1f%s"
    raw = subprocess.run(["git", "--git-dir", git_dir, "-c", "core.quotepath=off", "log", *REFS,
                          "--no-renames", "--name-only", "--format=" + fmt],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    events = []
    for chunk in raw.split("\x00")[1:]:
        lines = chunk.split("\n")
        sha, email, name, at, parents, subject = lines[0].split("\x1f", 5)
        paths = [l for l in lines[1:] if l.strip()]
        parents = parents.split()
        ts = datetime.fromtimestamp(int(at), tz=timezone.utc)
        mid = "c" + hashlib.sha1(email.strip().lower().encode("utf-8")).hexdigest()[:10]
        events.append((ts.strftime("%Y-%m-%dT%H:%M:%SZ"), sha, mid,
                       classify(name, email, subject, parents, paths), content_of(parents, paths)))
    events.sort()
    with open(os.path.join(out, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        for ts, sha, mid, act, cid in events:
            w.writerow([sha, mid, ts, act, cid])
    first = {}
    for ts, sha, mid, act, cid in events:
        first.setdefault(mid, ts[:10])
    with open(os.path.join(out, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for mid, d in sorted(first.items(), key=lambda x: (x[1], x[0])):
            w.writerow([mid, d])
    counts = Counter(e[3] for e in events)
    print(f"events={len(events)} members={len(first)} days={len({e[0][:10] for e in events})} "
          f"span={events[0][0][:10]}..{events[-1][0][:10]}")
    for a, n in counts.most_common():
        print(f"  {a}: {n}")


if __name__ == "__main__":
    main()
