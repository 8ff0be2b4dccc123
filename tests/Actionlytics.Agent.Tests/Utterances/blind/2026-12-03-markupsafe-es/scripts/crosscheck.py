#!/usr/bin/env python3
"""Independent re-computation (plain Python, no SQL) of questions.json figures from events.csv."""
import csv, json, os, sys
from datetime import date
from collections import defaultdict
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ev = [(r["member_id"], r["occurred_at"][:10], r["action"]) for r in csv.DictReader(open(os.path.join(OUT, "events.csv")))]
first = {}
for m, d, a in ev:
    first[m] = min(first.get(m, d), d)
D = date.fromisoformat
def active(a, b, act=None): return {m for m, d, x in ev if a <= d <= b and (act is None or x == act)}
def inactive(asof, th):
    last = {}
    for m, d, x in ev:
        if d <= asof: last[m] = max(last.get(m, d), d)
    return sum((D(asof) - D(l)).days >= th for l in last.values())
bad = 0
for q in json.load(open(os.path.join(OUT, "questions.json"))):
    r, e, c = q["reading"], q["expected"], q["category"]
    if c in ("inactive_as_of", "threshold"): got = {"inactive_members": inactive(r["as_of"], r["threshold_days"])}
    elif c == "range": got = {"active_members": len(active(*r["period"], r["action"]))}
    elif c == "custom_action":
        a, b = r["period"]; xs = [m for m, d, x in ev if a <= d <= b and x == r["action"]]
        got = {"events": len(xs)} if "events" in e else {"members": len(set(xs))}
    elif c == "new_members": got = {"new_members": sum(r["period"][0] <= f <= r["period"][1] for f in first.values())}
    elif c == "overlap":
        s1, s2 = active(*r["periods"][0]), active(*r["periods"][1])
        got = {"members_in_both": len(s1 & s2)} if "members_in_both" in e else {"members_first_not_second": len(s1 - s2)}
    elif c == "change":
        a1, a2 = len(active(*r["periods"][0])), len(active(*r["periods"][1]))
        got = {"active_earlier": a1, "active_later": a2}
    elif c == "top5":
        days = defaultdict(set)
        for m, d, x in ev:
            if r["period"][0] <= d <= r["period"][1]: days[m].add(d)
        rk = sorted(days, key=lambda m: (-len(days[m]), m))[:5]
        got = {"top_members": [{"member_id": m, "active_days": len(days[m])} for m in rk]}
    elif c == "lifecycle":
        cur, prev = active(*r["period"]), active(*r["previous"])
        got = {"new": sum(r["period"][0] <= first[m] for m in cur), "returning": len(cur & prev),
               "resurrecting": sum(first[m] < r["period"][0] and m not in prev for m in cur), "dormant": len(prev - cur)}
    elif c == "retention":
        co = {m for m, f in first.items() if f[:7] == r["cohort"]}
        got = {"retained_members": len({m for m, d, x in ev if d[:7] == r["target_month"]} & co)}
    elif c == "free_form":
        a, b = r["period"]
        got = {"active_members": len(active(a, b)), "events": sum(a <= d <= b for m, d, x in ev),
               "new_members": sum(a <= f <= b for f in first.values())}
    else: continue
    for k, v in got.items():
        if e[k] != v: print("MISMATCH", q["id"], k, e[k], v); bad += 1
print("crosscheck mismatches:", bad); sys.exit(1 if bad else 0)
