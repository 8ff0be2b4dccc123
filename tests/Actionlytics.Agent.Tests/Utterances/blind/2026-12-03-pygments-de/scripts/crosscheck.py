#!/usr/bin/env python3
"""Independent pure-Python recomputation of the main figures of questions.json
(no SQL).  Exits 1 when any figure disagrees."""
import csv, json, os, sys
from collections import defaultdict
from datetime import date
from decimal import Decimal, ROUND_HALF_UP

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
days = defaultdict(set)                       # member -> set of active days
act_days = defaultdict(lambda: defaultdict(list))  # action -> member -> list of days (one per event)
for r in csv.DictReader(open(os.path.join(ROOT, "events.csv"), newline="")):
    d = r["occurred_at"][:10]
    days[r["member_id"]].add(d)
    act_days[r["action"]][r["member_id"]].append(d)
first = {m: min(s) for m, s in days.items()}


def active(a, b, action=None):
    src = act_days[action] if action else days
    return {m for m, s in src.items() if any(a <= d <= b for d in s)}


def events(a, b, action=None):
    if action:
        src = act_days[action]
    else:
        src = defaultdict(list)
        for per in act_days.values():
            for m, l in per.items():
                src[m].extend(l)
    return sum(1 for s in src.values() for d in s if a <= d <= b)


def pct(p, w):
    return float((Decimal(p) * 100 / Decimal(w)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) if w else None


def ym_add(ym, n):
    y, m = map(int, ym.split("-")); t = y * 12 + m - 1 + n
    return f"{t // 12:04d}-{t % 12 + 1:02d}"


def figure(q):
    r, c = q["reading"], q["category"]
    if c in ("inactive_as_of", "threshold"):
        D = date.fromisoformat(r["as_of"])
        lasts = [max(d for d in s if d <= r["as_of"]) for s in days.values() if min(s) <= r["as_of"]]
        return {"value": sum((D - date.fromisoformat(l)).days >= r["threshold_days"] for l in lasts),
                "never": len(days) - len(lasts)}
    if c == "range":
        return {"value": len(active(*r["period"]))}
    if c == "custom_action":
        m, e = len(active(*r["period"], r["action"])), events(*r["period"], r["action"])
        return {"value": e if r["ask"] == "events" else m}
    if c == "new_members":
        a, b = r["period"]
        return {"value": sum(a <= f <= b for f in first.values())}
    if c == "overlap":
        p1, p2 = active(*r["periods"][0]), active(*r["periods"][1])
        return {"value": len(p1 & p2) if r["mode"] == "both" else len(p1 - p2)}
    if c == "change":
        e, l = len(active(*r["periods"][0])), len(active(*r["periods"][1]))
        return {"earlier": e, "later": l, "percent_change": pct(l - e, e)}
    if c == "top5":
        a, b = r["period"]
        n = {m: sum(a <= d <= b for d in s) for m, s in days.items()}
        ranked = sorted(((-v, m) for m, v in n.items() if v), )[:5]
        return {"members": [m for _, m in ranked]}
    if c == "lifecycle":
        (pa, pb), (a, b) = r["periods"]
        cur, prev = active(a, b), active(pa, pb)
        return {"new": sum(a <= first[m] <= b for m in cur), "returning": len(cur & prev),
                "resurrecting": sum(first[m] < pa for m in cur - prev), "dormant": len(prev - cur)}
    if c == "retention":
        coh = [m for m, f in first.items() if f[:7] == r["cohort"]]
        t = ym_add(r["cohort"], r["months_later"])
        k = sum(any(d[:7] == t for d in days[m]) for m in coh)
        return {"count": k, "percent": pct(k, len(coh))}
    if c == "free_form":
        a, b = r["period"]
        return {"active_members": len(active(a, b)), "events": events(a, b),
                "new_members": sum(a <= f <= b for f in first.values())}
    return None


def stored(q, fig):
    e = q["expected"]
    if q["category"] == "top5":
        return {"members": [x["member_id"] for x in e["members"]]}
    if q["category"] in ("inactive_as_of", "threshold"):
        return {"value": e["value"], "never": e["detail"]["never_active_by_as_of"]}
    return {k: e[k] for k in fig}


bad = 0
qs = json.load(open(os.path.join(ROOT, "questions.json")))
for q in qs:
    fig = figure(q)
    if fig is None:
        continue
    s = stored(q, fig)
    if s != fig:
        bad += 1
        print(f"MISMATCH {q['id']}: stored {s} recomputed {fig}")
print(f"crosscheck: {len(qs)} questions, {bad} mismatches")
sys.exit(1 if bad else 0)
