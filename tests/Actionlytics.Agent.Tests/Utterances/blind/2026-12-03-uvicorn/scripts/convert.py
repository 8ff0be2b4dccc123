#!/usr/bin/env python3
"""Convert a bare git dir (default branch = HEAD) into events.csv and members.csv.

Usage: convert.py REPO_GIT_DIR [OUT_DIR]
No names or e-mails are kept: member_id = "c" + first 10 hex of sha1(lower-cased author e-mail).
"""
import csv, hashlib, os, re, subprocess, sys
from collections import Counter
from datetime import datetime, timezone

RELEASE_RE = re.compile(r'^(release( version)?|version) [-v]?\.?\d|^bump version\b', re.I)
BUMP_RE = re.compile(r'^bump\s', re.I)
DOC_RE = re.compile(r'^(docs/|mkdocs\.yml$)|\.(md|rst)$', re.I)

def classify(email, subject, paths, is_merge):
    """First matching rule wins."""
    if RELEASE_RE.search(subject):
        return 'release'
    if '[bot]' in email.lower() or BUMP_RE.search(subject):
        return 'dependency_bump'
    if not is_merge and paths and all(DOC_RE.search(p) for p in paths):
        return 'docs_change'
    if not is_merge and paths and all(p.startswith('tests/') for p in paths):
        return 'test_change'
    return 'code_change'

def content_of(paths, is_merge):
    if is_merge:
        return ''
    c = Counter(p.split('/', 1)[0] for p in paths if '/' in p)
    if not c:
        return ''
    best = max(c.values())
    return sorted(k for k, v in c.items() if v == best)[0]

def main():
    git_dir = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    SEP = '\x1e'
    fmt = SEP + '%H\x1f%P\x1f%ae\x1f%at\x1f%s'
    raw = subprocess.run(['git', '--git-dir', git_dir, 'log', 'HEAD', '--no-renames', '--name-only',
                          '--format=' + fmt], capture_output=True, check=True).stdout.decode('utf-8', 'replace')
    events = []
    for block in raw.split(SEP)[1:]:
        lines = block.split('\n')
        sha, parents, email, at, subject = lines[0].split('\x1f', 4)
        paths = [l for l in lines[1:] if l.strip()]
        is_merge = len(parents.split()) > 1
        mid = 'c' + hashlib.sha1(email.strip().lower().encode('utf-8')).hexdigest()[:10]
        ts = datetime.fromtimestamp(int(at), tz=timezone.utc)
        events.append((sha, mid, ts.strftime('%Y-%m-%dT%H:%M:%SZ'), classify(email, subject, paths, is_merge),
                       content_of(paths, is_merge)))
    events.sort(key=lambda e: (e[2], e[0]))
    with open(os.path.join(out, 'events.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['event_id', 'member_id', 'occurred_at', 'action', 'content_id'])
        w.writerows(events)
    first = {}
    for e in events:
        first.setdefault(e[1], e[2][:10])
    with open(os.path.join(out, 'members.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['member_id', 'joined_at'])
        for m, d in sorted(first.items(), key=lambda x: (x[1], x[0])):
            w.writerow([m, d])
    cnt = Counter(e[3] for e in events)
    print(f'events={len(events)} members={len(first)}')
    for a, n in cnt.most_common():
        print(f'  {a}: {n}')

if __name__ == '__main__':
    main()
