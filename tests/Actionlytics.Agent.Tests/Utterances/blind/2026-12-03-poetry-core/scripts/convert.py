#!/usr/bin/env python3
"""Convert a poetry-core bare git dir into events.csv and members.csv.

Usage: convert.py REPO_GIT_DIR [OUT_DIR]
No names or e-mail addresses are written: member_id = "c" + sha1(lower(email))[:10].
"""
import collections, csv, datetime, hashlib, os, re, subprocess, sys

git_dir = sys.argv[1]
out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

SEP = "\x1e"
fmt = SEP + "%H%x1f%ae%x1f%at%x1f%P%x1f%s"
raw = subprocess.run(["git", "--git-dir", git_dir, "log", "HEAD",
                      "--format=" + fmt, "--name-only"],
                     check=True, capture_output=True).stdout.decode("utf-8", "replace")

RELEASE_RE = re.compile(r"^(release|relase)\b.*\bbump\b|^bump (to )?version\b|^bump version:|^bump poetry\.core\.__version__", re.I)
VENDOR_PREFIXES = ("src/poetry/core/_vendor/", "poetry/core/_vendor/", "vendors/")

def classify(email, parents, subject, paths):
    if "[bot]" in email:
        return "bot_update"
    if RELEASE_RE.search(subject):
        return "release"
    if paths:
        vend = sum(1 for p in paths if p.startswith(VENDOR_PREFIXES))
        if vend * 2 > len(paths):
            return "vendor_update"
        if all(p.startswith("tests/") for p in paths):
            return "test_change"
    return "code_change"

events, first = [], {}
counts = collections.Counter()
for block in raw.split(SEP):
    block = block.strip("\n")
    if not block:
        continue
    head, *rest = block.split("\n")
    sha, email, at, parents, subject = head.split("\x1f", 4)
    paths = [p for p in rest if p.strip()]
    parents = parents.split()
    if len(parents) > 1:
        paths = []  # merges: no path list
    member = "c" + hashlib.sha1(email.lower().encode("utf-8")).hexdigest()[:10]
    ts = datetime.datetime.fromtimestamp(int(at), datetime.timezone.utc)
    folders = collections.Counter(p.split("/", 1)[0] for p in paths if "/" in p)
    content = ""
    if folders:
        best = max(folders.values())
        content = sorted(f for f, n in folders.items() if n == best)[0]
    action = classify(email, parents, subject, paths)
    counts[action] += 1
    events.append((sha, member, ts.strftime("%Y-%m-%dT%H:%M:%SZ"), action, content))
    d = ts.date().isoformat()
    if member not in first or d < first[member]:
        first[member] = d

events.sort(key=lambda e: (e[2], e[0]))
with open(os.path.join(out_dir, "events.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["event_id", "member_id", "occurred_at", "action", "content_id"])
    w.writerows(events)
with open(os.path.join(out_dir, "members.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["member_id", "joined_at"])
    for m, d in sorted(first.items(), key=lambda x: (x[1], x[0])):
        w.writerow([m, d])
print("events", len(events), "members", len(first))
for a, n in counts.most_common():
    print(a, n)
