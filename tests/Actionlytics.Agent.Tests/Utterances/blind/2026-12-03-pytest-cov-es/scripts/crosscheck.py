#!/usr/bin/env python3
"""Second, independent computation (plain Python, no SQL) of every expected figure in questions.json,
driven by each question's `reading`. Exits 1 on any mismatch."""
import csv, json, os, sys
from collections import defaultdict
from datetime import date
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ev = list(csv.DictReader(open(os.path.join(HERE, "events.csv"))))
for e in ev:
    e["day"] = e["occurred_at"][:10]
members = {r["member_id"] for r in csv.DictReader(open(os.path.join(HERE, "members.csv")))}
first = {}
for e in sorted(ev, key=lambda e: e["day"]):
    first.setdefault(e["member_id"], e["day"])
D = date.fromisoformat

def active(a, b, act=None):
    return {e["member_id"] for e in ev if a <= e["day"] <= b and (act is None or e["action"] == act)}

def pct(n, d):
    return float((Decimal(n) * 100 / Decimal(d)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

def month_of(d):
    return d[:7]

bad = 0
for q in json.load(open(os.path.join(HERE, "questions.json"))):
    r, x, c = q["reading"], q["expected"], q["category"]
    if c in ("inactive_as_of", "threshold"):
        last = {}
        for e in ev:
            if e["day"] <= r["as_of"]:
                last[e["member_id"]] = max(last.get(e["member_id"], ""), e["day"])
        got = sum((D(r["as_of"]) - D(l)).days >= r["threshold_days"] for l in last.values())
        ok = got == x["inactive_members"] and len(members) - len(last) == x["detail"]["never_active_by_as_of"]
    elif c == "range":
        got = len(active(*r["period"])); ok = got == x["active_members"]
    elif c == "custom_action":
        a, b = r["period"]
        evs = [e for e in ev if a <= e["day"] <= b and e["action"] == r["action"]]
        ms = {e["member_id"] for e in evs}
        ok = (x.get("events", len(evs)) == len(evs) and x.get("members", len(ms)) == len(ms)
              and x["detail"].get("events", len(evs)) == len(evs) and x["detail"].get("members", len(ms)) == len(ms))
        got = (len(evs), len(ms))
    elif c == "new_members":
        a, b = r["period"]; got = sum(a <= f <= b for f in first.values()); ok = got == x["new_members"]
    elif c == "overlap":
        p1, p2 = active(*r["periods"][0]), active(*r["periods"][1])
        if "members_active_in_both" in x:
            got = len(p1 & p2); ok = got == x["members_active_in_both"]
        else:
            got = len(p1 - p2); ok = got == x["members_active_in_first_not_second"]
    elif c == "change":
        e1, l1 = len(active(*r["periods"][0])), len(active(*r["periods"][1]))
        vals = [v for k, v in x.items() if k.startswith("active_members_")]
        got = (e1, l1, pct(l1 - e1, e1)); ok = vals == [e1, l1] and x["change_pct"] == got[2]
    elif c == "top5":
        days = defaultdict(set)
        a, b = r["period"]
        for e in ev:
            if a <= e["day"] <= b:
                days[e["member_id"]].add(e["day"])
        rank = sorted(((m, len(s)) for m, s in days.items()), key=lambda t: (-t[1], t[0]))
        top = [{"member_id": m, "active_days": n} for m, n in rank[:5]]
        tie = len(rank) > 5 and rank[5][1] == rank[4][1]
        got = (top, tie); ok = top == x["top_members"] and tie == x["detail"]["tie_at_cut"]
        if tie:
            ok = ok and sorted(m for m, n in rank if n == rank[4][1]) == sorted(x["detail"]["tied_members"])
    elif c == "lifecycle":
        cur, prev = active(*r["period"]), active(*r["previous_period"])
        before = {e["member_id"] for e in ev if e["day"] < r["previous_period"][0]}
        new = {m for m in cur if first[m] >= r["period"][0]}
        got = {"new": len(new), "returning": len(cur & prev), "resurrecting": len((cur - prev - new) & before),
               "dormant": len(prev - cur)}
        ok = all(x[k] == v for k, v in got.items()) and len(new) + len(cur & prev) + got["resurrecting"] == len(cur)
    elif c == "retention":
        coh = {m for m, f in first.items() if month_of(f) == r["cohort_month"]}
        ret = {e["member_id"] for e in ev if month_of(e["day"]) == r["measured_month"]} & coh
        got = (len(coh), len(ret), pct(len(ret), len(coh)))
        ok = (x["cohort_size"], x["retained_members"], x["retention_pct"]) == got
    elif c == "free_form":
        a, b = r["period"]
        got = (len(active(a, b)), sum(a <= e["day"] <= b for e in ev), sum(a <= f <= b for f in first.values()))
        ok = (x["active_members"], x["events"], x["new_members"]) == got
    elif c == "unanswerable":
        got = x["outcome"]; ok = got == "unanswerable" and q["expected_kind"] == "unanswerable"
    else:
        got, ok = None, False
    print(("ok  " if ok else "BAD ") + q["id"], c, got)
    bad += not ok
print("all figures confirmed" if not bad else f"{bad} mismatch(es)")
sys.exit(1 if bad else 0)
