#!/usr/bin/env python3
"""Convert a bare git dir's default-branch history (all commits reachable from HEAD) into events.csv / members.csv.

Usage: convert.py REPO_GIT_DIR [OUT_DIR] [REV]   (REV defaults to HEAD; this set used 60d0c2f84854ec6ef74995663dcdce3296840485)
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

RELEASE_RE = re.compile(r"^(bump (the )?version|released? v?\d|version bump|prepare (for )?(the )?release|start new cycle)", re.I)


def is_bot(name, email):
    s = (name + " " + email).lower()
    return "[bot]" in s or "dependabot" in s or "renovate" in s or "monobot" in s


def is_doc(p):
    return p.startswith("docs/") or p.startswith("newsfragments/") or p.endswith(".rst") or p.endswith(".md")


def is_test(p):
    parts = p.split("/")
    base = parts[-1]
    return any(x in ("tests", "test", "_tests") for x in parts[:-1]) or base.startswith("test_") or base.endswith("_test.py") or base == "conftest.py"


def classify(nparents, name, email, subject, paths):
    if nparents > 1:
        return "merge"
    if is_bot(name, email):
        return "bot_update"
    if RELEASE_RE.search(subject.strip()):
        return "release"
    if paths and all(is_doc(p) for p in paths):
        return "docs_change"
    if paths and all(is_test(p) for p in paths):
        return "test_change"
    return "code_change"


def content_id(nparents, paths):
    if nparents > 1:
        return ""
    c = Counter(p.split("/")[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]


def main():
    git_dir = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    rev = sys.argv[3] if len(sys.argv) > 3 else "HEAD"
    fmt = "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%s"
    raw = subprocess.run(["git", "--git-dir", git_dir, "log", rev, "--no-renames", "--name-only", "--format=" + fmt],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    rows, first = [], {}
    for rec in raw.split("\x1e")[1:]:
        head, _, rest = rec.partition("\n")
        sha, parents, name, email, at, subject = head.split("\x1f")
        nparents = len(parents.split())
        paths = [l for l in rest.split("\n") if l.strip()] if nparents <= 1 else []
        mid = "c" + hashlib.sha1(email.lower().encode()).hexdigest()[:10]
        ts = datetime.fromtimestamp(int(at), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows.append((sha, mid, ts, classify(nparents, name, email, subject, paths), content_id(nparents, paths)))
    rows.sort(key=lambda r: (r[2], r[0]))
    for r in rows:
        first.setdefault(r[1], r[2][:10])
    with open(os.path.join(out, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        w.writerows(rows)
    with open(os.path.join(out, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m, d in sorted(first.items(), key=lambda x: (x[1], x[0])):
            w.writerow([m, d])
    c = Counter(r[3] for r in rows)
    print(f"{len(rows)} events, {len(first)} members, {rows[0][2]} .. {rows[-1][2]}")
    for a, n in c.most_common():
        print(f"  {a}: {n}")


if __name__ == "__main__":
    main()
