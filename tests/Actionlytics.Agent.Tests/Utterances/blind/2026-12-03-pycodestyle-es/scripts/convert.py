#!/usr/bin/env python3
"""Convert a bare git dir's default-branch history (all commits reachable from HEAD) to events.csv / members.csv.

Usage: convert.py REPO_GIT_DIR [OUT_DIR]
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

SEP = "\x1e"  # record separator between commits
FS = "\x1f"   # field separator

RELEASE_RE = re.compile(
    r"^(release|releasing|prepare(d)? (for )?release|bump(ed)? (the )?version|version bump|"
    r"v?\d+\.\d+(\.\d+)*( release| released)?$|(tag|tagging) (release|v?\d)|"
    r"(bump|update|set) version|preparing (for )?\d|release v?\d|\d+\.\d+(\.\d+)* release)",
    re.I)
DOC_EXT = (".rst", ".txt", ".md")
TEST_TOP = ("testing", "tests", "testsuite")


def classify(author_name, author_email, parents, subject, paths):
    """First matching rule wins."""
    if "[bot]" in author_name.lower() or "[bot]" in author_email.lower():
        return "bot_update"
    if len(parents) > 1:
        return "merge"
    if RELEASE_RE.search(subject.strip()):
        return "release"
    if paths and all(p.startswith("docs/") or (("/" not in p) and p.lower().endswith(DOC_EXT)
                                              and p != "dev-requirements.txt") for p in paths):
        return "docs_change"
    if any(p.split("/", 1)[0] in TEST_TOP for p in paths):
        return "test_change"
    return "code_change"


def content_id(parents, paths):
    if len(parents) > 1:
        return ""
    tops = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not tops:
        return ""
    best = max(tops.values())
    return sorted(t for t, n in tops.items() if n == best)[0]


def main():
    git_dir = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    fmt = SEP + FS.join(["%H", "%P", "%an", "%ae", "%at", "%s"]) + FS
    raw = subprocess.run(["git", "--git-dir", git_dir, "log", "HEAD", "--no-renames", "--name-only",
                          "--format=" + fmt, "--root"],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    events, first = [], {}
    actions = Counter()
    for rec in raw.split(SEP)[1:]:
        sha, parents, an, ae, at, subj, rest = rec.split(FS, 6)
        parents = parents.split()
        paths = [l for l in rest.splitlines() if l.strip()]
        if len(parents) > 1:
            paths = []
        mid = "c" + hashlib.sha1(ae.lower().encode("utf-8")).hexdigest()[:10]
        ts = datetime.fromtimestamp(int(at), tz=timezone.utc)
        act = classify(an, ae, parents, subj, paths)
        actions[act] += 1
        events.append((sha, mid, ts.strftime("%Y-%m-%dT%H:%M:%SZ"), act, content_id(parents, paths)))
        d = ts.strftime("%Y-%m-%d")
        if mid not in first or d < first[mid]:
            first[mid] = d
    events.sort(key=lambda e: (e[2], e[0]))
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        w.writerows(events)
    with open(os.path.join(out, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m, d in sorted(first.items(), key=lambda x: (x[1], x[0])):
            w.writerow([m, d])
    print(f"{len(events)} events, {len(first)} members", dict(actions), file=sys.stderr)


if __name__ == "__main__":
    main()
