#!/usr/bin/env python3
"""Convert a bare git directory's commit history (default branch, all commits reachable
from HEAD) into events.csv and members.csv for the blind evaluation set.

usage: convert.py REPO_GIT_DIR [OUT_DIR]
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

RELEASE_RE = re.compile(
    r"(?i)(\bprepare\b.*\brelease\b|\bbump(ed|s)?\b.*\b(version|to \d)|\brelease (of )?\d|"
    r"\bnext (development )?release\b|\bversion (number|info)\b|\breserve new version\b|"
    r"\brelease preparation\b|\brelease info\b|\badjust version\b|\bnext version is\b)")
NOT_RELEASE_RE = re.compile(r"(?i)shebang|versionadded|\bbump year\b")
DOC_ROOT_FILES = {"README", "README.rst", "CHANGES", "AUTHORS", "description.rst", "LICENSE"}


def classify(parents, subject, paths):
    """First matching rule wins."""
    if len(parents) > 1:
        return "merge"
    if RELEASE_RE.search(subject) and not NOT_RELEASE_RE.search(subject):
        return "release"
    if any(p.startswith("pygments/lexers/") for p in paths):
        return "lexer_update"
    if any(p.startswith("tests/") for p in paths):
        return "test_change"
    if any(p.startswith("doc/") or p in DOC_ROOT_FILES for p in paths):
        return "docs_change"
    return "code_change"


def content_of(parents, paths):
    if len(parents) > 1:
        return ""
    c = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]


def main():
    git_dir = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    fmt = "%x1e%H%x1f%P%x1f%ae%x1f%at%x1f%s"
    raw = subprocess.run(["git", "-c", "core.quotePath=false", "--git-dir", git_dir, "log", "HEAD",
                          "--no-renames", "--name-only", "--format=" + fmt],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    rows, first = [], {}
    for block in raw.split("\x1e")[1:]:
        head, _, rest = block.partition("\n")
        sha, parents, email, ts, subject = head.split("\x1f", 4)
        parents = parents.split()
        paths = [l for l in rest.splitlines() if l.strip()]
        member = "c" + hashlib.sha1(email.lower().encode("utf-8")).hexdigest()[:10]
        dt = datetime.fromtimestamp(int(ts), tz=timezone.utc)
        rows.append((sha, member, dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
                     classify(parents, subject, paths), content_of(parents, paths)))
        d = dt.strftime("%Y-%m-%d")
        if member not in first or d < first[member]:
            first[member] = d
    rows.sort(key=lambda r: (r[2], r[0]))
    with open(os.path.join(out, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        w.writerows(rows)
    with open(os.path.join(out, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m, d in sorted(first.items(), key=lambda x: (x[1], x[0])):
            w.writerow([m, d])
    acts = Counter(r[3] for r in rows)
    print(f"{len(rows)} events, {len(first)} members, {rows[0][2]} .. {rows[-1][2]}")
    for a, n in acts.most_common():
        print(f"  {a}: {n}")


if __name__ == "__main__":
    main()
