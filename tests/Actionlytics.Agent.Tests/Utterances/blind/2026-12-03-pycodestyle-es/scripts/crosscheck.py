#!/usr/bin/env python3
"""Independent pure-Python recomputation of the main figures in questions.json (no SQL). Exit 1 on mismatch."""
import csv, json, os, sys
from collections import defaultdict
from datetime import date
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
days = defaultdict(set)            # member -> set of ISO days
acts = defaultdict(list)           # action -> [(member, day)]
all_ev = []
with open(os.path.join(HERE, "events.csv"), newline="") as f:
    for r in csv.DictReader(f):
        d = r["occurred_at"][:10]
        days[r["member_id"]].add(d)
        acts[r["action"]].append((r["member_id"], d))
        all_ev.append((r["member_id"], d))
first = {m: min(v) for m, v in days.items()}
# members.csv must agree with events
with open(os.path.join(HERE, "members.csv"), newline="") as f:
    mem = {r["member_id"]: r["joined_at"] for r in csv.DictReader(f)}
assert mem == first, "members.csv joined_at differs from first event day"


def active(a, b, action=None):
    src = acts[action] if action else all_ev
    return {m for m, d in src if a <= d <= b}


def nev(a, b, action=None):
    src = acts[action] if action else all_ev
    return sum(1 for m, d in src if a <= d <= b)


def r1(x):
    return float(Decimal(x).quantize(Decimal("0.1"), ROUND_HALF_UP))


def months_add(ym, n):
    y, m = map(int, ym.split("-")); k = y * 12 + m - 1 + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


bad = 0
for q in json.load(open(os.path.join(HERE, "questions.json"), encoding="utf-8")):
    c, r, e = q["category"], q["reading"], q["expected"]
    if c in ("inactive_as_of", "threshold"):
        D = date.fromisoformat(r["as_of"])
        lasts = [max(x for x in v if x <= r["as_of"]) for v in days.values() if min(v) <= r["as_of"]]
        got = {"inactive_members": sum(1 for l in lasts if (D - date.fromisoformat(l)).days >= r["threshold_days"]),
               "never": len(days) - len(lasts)}
        want = {"inactive_members": e["inactive_members"], "never": e["detail"]["never_active_by_as_of"]}
    elif c == "range":
        got, want = len(active(*r["period"])), e["active_members"]
    elif c == "custom_action":
        got = (len(active(*r["period"], r["action"])), nev(*r["period"], r["action"]))
        want = (e.get("members", e["detail"].get("members")), e.get("events", e["detail"].get("events")))
    elif c == "new_members":
        a, b = r["period"]; got, want = sum(1 for v in first.values() if a <= v <= b), e["new_members"]
    elif c == "free_form":
        a, b = r["period"]
        got = (len(active(a, b)), nev(a, b), sum(1 for v in first.values() if a <= v <= b))
        want = (e["active_members"], e["events"], e["new_members"])
    elif c in ("overlap", "change"):
        p1, p2 = active(*r["periods"][0]), active(*r["periods"][1])
        if c == "change":
            got = (len(p1), len(p2), r1(Decimal(len(p2) - len(p1)) * 100 / len(p1)))
            want = (e["active_earlier"], e["active_later"], e["percent_change"])
        else:
            got = len(p1 - p2) if "pero" in q["question"] else len(p1 & p2)
            want = e["members"]
    elif c == "top5":
        a, b = r["period"]
        cnt = sorted(((m, len([d for d in v if a <= d <= b])) for m, v in days.items()), key=lambda x: (-x[1], x[0]))
        cnt = [x for x in cnt if x[1] > 0]
        got = [list(x) for x in cnt[:5]]
        want = [[x["member_id"], x["active_days"]] for x in e["members"]]
    elif c == "lifecycle":
        prev, cur = active(*r["periods"][0]), active(*r["periods"][1])
        a = r["periods"][1][0]; pa = r["periods"][0][0]
        got = (sum(1 for m in cur if first[m] >= a), len(cur & prev),
               sum(1 for m in cur - prev if first[m] < pa), len(prev - cur))
        want = (e["new"], e["returning"], e["resurrecting"], e["dormant"])
    elif c == "retention":
        M = r["cohort"]; T = months_add(M, r["months_later"])
        coh = {m for m, v in first.items() if v[:7] == M}
        ret = {m for m in coh if any(d[:7] == T for d in days[m])}
        got = (len(ret), r1(Decimal(len(ret)) * 100 / len(coh)))
        want = (e["retained"], e["percent"])
    else:
        got = want = e.get("outcome")
    ok = got == want
    bad += not ok
    print(("ok  " if ok else "DIFF"), q["id"], c, got if not ok else "")
print(f"{'all match' if not bad else str(bad) + ' differences'}")
sys.exit(1 if bad else 0)
