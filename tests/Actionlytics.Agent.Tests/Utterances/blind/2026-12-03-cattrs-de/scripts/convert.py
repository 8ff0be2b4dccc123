#!/usr/bin/env python3
"""Convert a bare git dir (python-attrs/cattrs, branch main) into events.csv and members.csv.

Usage: convert.py REPO_GIT_DIR [OUT_DIR]
No names or e-mail addresses are written: member_id = "c" + first 10 hex of sha1(lower-cased author e-mail).
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

BRANCH = "main"
RELEASE_RE = re.compile(
    r"^(v?\d+(\.\d+)+\.?|bump to v?\d+(\.\d+)+\.?|v?\d+(\.\d+)+ open for business!?)$", re.I)
DOC_ROOT_RE = re.compile(r"^(readme|history|changelog|contributing|authors|code_of_conduct)[^/]*$|^\.readthedocs\.ya?ml$", re.I)

def is_doc(path):
    return path.startswith("docs/") or bool(DOC_ROOT_RE.match(path))

def classify(author, email, subject, paths, is_merge):
    # 1. bot_update: automated accounts
    if "[bot]" in author.lower() or "[bot]" in email.lower() or "pre-commit-ci" in email.lower():
        return "bot_update"
    # 2. release: version commits ("v23.1.0", "1.2.0 open for business", "Bump to 1.4.0")
    if RELEASE_RE.match(subject.strip()):
        return "release"
    if not is_merge and paths:
        # 3. docs_change: every changed path is documentation
        if all(is_doc(p) for p in paths):
            return "docs_change"
        # 4. test_change: touches tests/ but not the library (src/, cattr/, cattrs/)
        if any(p.startswith("tests/") for p in paths) and not any(
                p.startswith(("src/", "cattr/", "cattrs/")) for p in paths):
            return "test_change"
    # 5. code_change: everything else (library code, build, CI, merges)
    return "code_change"

def content_of(paths, is_merge):
    if is_merge:
        return ""
    c = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]

def main():
    git_dir = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    fmt = "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%s"
    raw = subprocess.run(["git", "--git-dir", git_dir, "log", BRANCH, "--no-renames", "--name-only",
                          "--format=" + fmt], capture_output=True, check=True).stdout.decode("utf-8", "replace")
    events = []
    for rec in raw.split("\x1e")[1:]:
        head, _, rest = rec.partition("\n")
        sha, parents, an, ae, at, subj = head.split("\x1f", 5)
        paths = [l for l in rest.splitlines() if l.strip()]
        is_merge = len(parents.split()) > 1
        mid = "c" + hashlib.sha1(ae.strip().lower().encode()).hexdigest()[:10]
        ts = datetime.fromtimestamp(int(at), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        events.append((sha, mid, ts, classify(an, ae, subj, paths, is_merge), content_of(paths, is_merge)))
    events.sort(key=lambda e: (e[2], e[0]))
    with open(os.path.join(out, "events.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
        w.writerows(events)
    first = {}
    for e in events:
        first.setdefault(e[1], e[2][:10])
    with open(os.path.join(out, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m, d in sorted(first.items(), key=lambda x: (x[1], x[0])):
            w.writerow([m, d])
    print(f"events={len(events)} members={len(first)}", Counter(e[3] for e in events))

if __name__ == "__main__":
    main()
