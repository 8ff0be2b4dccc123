#!/usr/bin/env python3
"""Independent pure-Python recomputation of the main figures in questions.json (no SQL). Exit 1 on any mismatch."""
import csv, json, os, sys
from collections import defaultdict
from datetime import date
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
days = defaultdict(set)          # member -> set of active days (any action)
adays = defaultdict(lambda: defaultdict(set))  # action -> member -> days
events = []
for r in csv.DictReader(open(os.path.join(ROOT, "events.csv"), newline="")):
    d = date.fromisoformat(r["occurred_at"][:10])
    days[r["member_id"]].add(d)
    adays[r["action"]][r["member_id"]].add(d)
    events.append((r["member_id"], d, r["action"]))
first = {m: min(s) for m, s in days.items()}
D = date.fromisoformat


def active(start, end):
    s, e = start, end
    s, e = D(s), D(e)
    return {m for m, ds in days.items() if any(s <= x <= e for x in ds)}


def half_up(fr):
    q = fr * 10
    n = (abs(q.numerator) * 2 + q.denominator) // (2 * q.denominator)
    return (n if fr >= 0 else -n) / 10


def compute(q):
    r, c = q["reading"], q["category"]
    if c in ("inactive_as_of", "threshold"):
        a = D(r["as_of"])
        last = [max(x for x in ds if x <= a) for ds in days.values() if any(x <= a for x in ds)]
        return {"inactive_members": sum((a - l).days >= r["threshold_days"] for l in last)}
    if c == "range":
        return {"active_members": len(active(r["period"]["start"], r["period"]["end"]))}
    if c == "custom_action":
        s, e = D(r["period"]["start"]), D(r["period"]["end"])
        ev = [x for x in events if x[2] == r["action"] and s <= x[1] <= e]
        return {"events": len(ev)} if r["measure"] == "events" else {"members": len({x[0] for x in ev})}
    if c == "new_members":
        s, e = D(r["period"]["start"]), D(r["period"]["end"])
        return {"new_members": sum(s <= f <= e for f in first.values())}
    if c == "overlap":
        a = active(**r["periods"][0]); b = active(**r["periods"][1])
        return {"members": len(a - b) if r["measure"] == "first_not_second" else len(a & b)}
    if c == "change":
        a = len(active(**r["periods"][0])); b = len(active(**r["periods"][1]))
        return {"earlier_active": a, "later_active": b, "percent_change": half_up(Fraction(100 * (b - a), a))}
    if c == "top5":
        s, e = D(r["period"]["start"]), D(r["period"]["end"])
        cnt = {m: sum(s <= x <= e for x in ds) for m, ds in days.items()}
        ranked = sorted(((-n, m) for m, n in cnt.items() if n), key=lambda t: t)
        return {"members": [m for _, m in ranked[:5]]}
    if c == "lifecycle":
        prev = active(**r["periods"][0]); cur = active(**r["periods"][1])
        s, e = D(r["periods"][1]["start"]), D(r["periods"][1]["end"])
        new = {m for m in cur if s <= first[m] <= e}
        return {"new": len(new), "returning": len(cur & prev), "resurrecting": len(cur - prev - new), "dormant": len(prev - cur)}
    if c == "retention":
        y, mo = map(int, r["cohort"].split("-"))
        k = y * 12 + mo - 1 + r["months_later"]
        ty, tm = k // 12, k % 12 + 1
        coh = [m for m, f in first.items() if (f.year, f.month) == (y, mo)]
        kept = sum(any((x.year, x.month) == (ty, tm) for x in days[m]) for m in coh)
        return {"retained": kept, "percent": half_up(Fraction(100 * kept, len(coh)))}
    if c == "free_form":
        s, e = D(r["period"]["start"]), D(r["period"]["end"])
        return {"active_members": len(active(r["period"]["start"], r["period"]["end"])),
                "events": sum(s <= x[1] <= e for x in events),
                "new_members": sum(s <= f <= e for f in first.values())}
    return None


bad = 0
qs = json.load(open(os.path.join(ROOT, "questions.json"), encoding="utf-8"))
for q in qs:
    got = compute(q)
    if got is None:
        continue
    exp = q["expected"]
    for k, v in got.items():
        ev = exp[k]
        if k == "members" and q["category"] == "top5":
            ev = [x["member_id"] for x in ev]
        if ev != v:
            bad += 1
            print("MISMATCH", q["id"], k, ev, v)
print(f"crosscheck: {len(qs)} questions, {bad} mismatches")
sys.exit(1 if bad else 0)
