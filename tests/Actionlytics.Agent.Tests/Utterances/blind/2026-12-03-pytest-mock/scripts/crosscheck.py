#!/usr/bin/env python3
"""Independent pure-Python recomputation of the main figures (no SQL); exits 1 on mismatch."""
import csv, json, os, sys
from collections import defaultdict
from datetime import date, timedelta
R = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
days = defaultdict(set); adays = defaultdict(lambda: defaultdict(set)); ev = []
for r in csv.DictReader(open(os.path.join(R, "events.csv"))):
    dd = r["occurred_at"][:10]; days[r["member_id"]].add(dd); adays[r["action"]][r["member_id"]].add(dd); ev.append((r["member_id"], dd, r["action"]))
first = {m: min(s) for m, s in days.items()}
act = lambda s, e: {m for m, ds in days.items() if any(s <= x <= e for x in ds)}
bad = 0
for o in json.load(open(os.path.join(R, "questions.json"))):
    c, rd, x = o["category"], o["reading"], o["expected"]
    if c in ("inactive_as_of", "threshold"):
        D = date.fromisoformat(rd["as_of"]); n = 0
        for m, ds in days.items():
            p = [x2 for x2 in ds if x2 <= rd["as_of"]]
            if p and (D - date.fromisoformat(max(p))).days >= rd["threshold_days"]: n += 1
        got = {"inactive_members": n}
    elif c == "range":
        got = {"active_members": len(act(*rd["period"]))}
    elif c == "custom_action":
        s, e = rd["period"]; sel = [t for t in ev if t[2] == rd["action"] and s <= t[1] <= e]
        got = {"events": len(sel)} if "events" in x and not isinstance(x["events"], dict) and "members" not in x else {"members": len({t[0] for t in sel})}
    elif c == "new_members":
        s, e = rd["period"]; got = {"new_members": sum(s <= f <= e for f in first.values())}
    elif c == "overlap":
        a, b = act(*rd["periods"][0]), act(*rd["periods"][1])
        got = {"members_in_both": len(a & b)} if "members_in_both" in x else {"members_in_first_not_second": len(a - b)}
    elif c == "change":
        a, b = len(act(*rd["periods"][0])), len(act(*rd["periods"][1]))
        got = {"active_members_earlier": a, "active_members_later": b}
    elif c == "top5":
        s, e = rd["period"]
        cnt = sorted(((-len([d for d in ds if s <= d <= e]), m) for m, ds in days.items() if any(s <= d <= e for d in ds)))
        got = {"top_members": [{"member_id": m, "active_days": -k} for k, m in cnt[:5]]}
    elif c == "lifecycle":
        cur, prev = act(*rd["period"]), act(*rd["previous"])
        got = {"new": sum(first[m] >= rd["period"][0] for m in cur), "returning": len(cur & prev),
               "resurrecting": sum(first[m] < rd["previous"][0] for m in cur - prev), "dormant": len(prev - cur)}
    elif c == "retention":
        y, mo = map(int, rd["cohort"].split("-")); mo += rd["months_after"]
        while mo > 12: mo -= 12; y += 1
        tgt = f"{y}-{mo:02d}"; coh = [m for m, f in first.items() if f[:7] == rd["cohort"]]
        got = {"retained_members": sum(any(d[:7] == tgt for d in days[m]) for m in coh)}
    elif c == "free_form":
        s, e = rd["period"]
        got = {"active_members": len(act(s, e)), "events": sum(s <= t[1] <= e for t in ev), "new_members": sum(s <= f <= e for f in first.values())}
    else:
        got = {"outcome": "unanswerable"}
    for k, v in got.items():
        if x.get(k) != v:
            bad += 1; print("MISMATCH", o["id"], k, x.get(k), v)
print("crosscheck", "FAILED" if bad else "OK")
sys.exit(1 if bad else 0)
