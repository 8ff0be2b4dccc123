#!/usr/bin/env python3
"""Convert a bare git dir (default branch) into Actionlytics events.csv / members.csv.

Usage: convert.py REPO_GIT_DIR [OUT_DIR]
No names or e-mails are written: member_id = "c" + first 10 hex of sha1(lower-cased author e-mail).
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

RELEASE_RE = re.compile(r"^(bump and release|release version|start version)\b", re.I)
DOC_EXT = (".md", ".rst", ".txt")


def is_doc(p):
    return p.startswith("docs/") or p.startswith("examples/") or ("/" not in p and p.lower().endswith(DOC_EXT))


def classify(author_name, author_email, subject, paths):
    # first matching rule wins
    if author_name.endswith("[bot]") or "[bot]" in author_email:
        return "bot_update"
    if RELEASE_RE.match(subject):
        return "release"
    if paths and all(p.startswith("tests/") for p in paths):
        return "test_change"
    if paths and all(is_doc(p) for p in paths):
        return "docs_change"
    return "code_change"


def content_of(paths):
    c = Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    if not c:
        return ""
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]


def main():
    git_dir = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    head = subprocess.check_output(["git", "--git-dir", git_dir, "symbolic-ref", "--short", "HEAD"], text=True).strip()
    raw = subprocess.check_output(
        ["git", "--git-dir", git_dir, "log", head, "--no-renames", "--name-only",
         "--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%s"], text=True, errors="replace")
    rows = []
    for rec in raw.split("\x1e")[1:]:
        lines = rec.strip("\n").split("\n")
        sha, parents, an, ae, ad, subj = lines[0].split("\x1f")
        merge = len(parents.split()) > 1
        paths = [] if merge else [l for l in lines[1:] if l.strip()]
        dt = datetime.fromisoformat(ad).astimezone(timezone.utc)
        mid = "c" + hashlib.sha1(ae.strip().lower().encode()).hexdigest()[:10]
        rows.append({
            "event_id": sha,
            "member_id": mid,
            "occurred_at": dt.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "action": classify(an, ae, subj, paths),
            "content_id": "" if merge else content_of(paths),
        })
    rows.sort(key=lambda r: (r["occurred_at"], r["event_id"]))
    with open(os.path.join(out, "events.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, ["event_id", "member_id", "occurred_at", "action", "content_id"], lineterminator="\n")
        w.writeheader(); w.writerows(rows)
    first = {}
    for r in rows:
        first.setdefault(r["member_id"], r["occurred_at"][:10])
    with open(os.path.join(out, "members.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["member_id", "joined_at"])
        for m, d in sorted(first.items(), key=lambda x: (x[1], x[0])):
            w.writerow([m, d])
    print(f"events={len(rows)} members={len(first)}")
    for a, n in sorted(Counter(r["action"] for r in rows).items()):
        print(f"  {a}: {n}")


if __name__ == "__main__":
    main()
