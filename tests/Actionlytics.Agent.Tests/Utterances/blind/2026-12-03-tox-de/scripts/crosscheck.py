#!/usr/bin/env python3
"""Second, independent computation (plain Python, no SQL) of every expected figure in questions.json,
from the readings. Exits 1 on any disagreement."""
import csv, json, os, sys
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

OUT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
ev = list(csv.DictReader(open(os.path.join(OUT, "events.csv"), newline="")))
days = defaultdict(set)  # member -> set of days
for e in ev:
    days[e["member_id"]].add(e["occurred_at"][:10])
first = {m: min(d) for m, d in days.items()}
D = date.fromisoformat


def active(a, b, action=None):
    return {e["member_id"] for e in ev if a <= e["occurred_at"][:10] <= b and (action is None or e["action"] == action)}


def pct(n, d):
    return float((Decimal(n) * 100 / Decimal(d)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


bad = 0
for q in json.load(open(os.path.join(OUT, "questions.json"), encoding="utf-8")):
    r, c, x = q["reading"], q["category"], q["expected"]
    if c in ("inactive_as_of", "threshold"):
        asof, thr = r["as_of"], r["threshold_days"]
        lasts = [max(d for d in ds if d <= asof) for ds in days.values() if min(ds) <= asof]
        got = {"inactive_members": sum((D(asof) - D(l)).days >= thr for l in lasts),
               "never": len(days) - len(lasts)}
        want = {"inactive_members": x["inactive_members"], "never": x["detail"]["never_active_by_as_of"]}
    elif c == "range":
        got = {"active_members": len(active(*r["period"]))}
        want = {"active_members": x["active_members"]}
    elif c == "custom_action":
        a, b = r["period"]
        evs = [e for e in ev if a <= e["occurred_at"][:10] <= b and e["action"] == r["action"]]
        got = {"events": len(evs), "members": len({e["member_id"] for e in evs})}
        want = {"events": x.get("events", x["detail"].get("events")), "members": x.get("members", x["detail"].get("members"))}
    elif c == "new_members":
        a, b = r["period"]
        got = {"n": sum(a <= f <= b for f in first.values())}
        want = {"n": x["new_members"]}
    elif c == "overlap":
        p1, p2 = active(*r["periods"][0]), active(*r["periods"][1])
        got = {"n": len(p1 & p2) if r["mode"] == "both" else len(p1 - p2)}
        want = {"n": [v for k, v in x.items() if k != "detail"][0]}
    elif c == "change":
        e1, e2 = len(active(*r["periods"][0])), len(active(*r["periods"][1]))
        got = (e1, e2, pct(e2 - e1, e1))
        want = (x["active_members_earlier"], x["active_members_later"], x["percent_change"])
    elif c == "top5":
        a, b = r["period"]
        cnt = sorted(((-len({d for d in ds if a <= d <= b}), m) for m, ds in days.items()
                      if any(a <= d <= b for d in ds)))
        got = ([(m, -n) for n, m in cnt[:5]], len(cnt) > 5 and cnt[5][0] == cnt[4][0])
        want = ([(t["member_id"], t["active_days"]) for t in x["top_members"]], x["detail"]["tie_at_cut"])
    elif c == "lifecycle":
        cur, prev = active(*r["period"]), active(*r["previous"])
        a, pa = r["period"][0], r["previous"][0]
        got = (sum(first[m] >= a for m in cur), len(cur & prev),
               sum(m not in prev and first[m] < pa for m in cur), len(prev - cur))
        want = (x["new"], x["returning"], x["resurrecting"], x["dormant"])
    elif c == "retention":
        cm, n = r["cohort_month"], r["months_after"]
        y, mo = map(int, cm.split("-"))
        mo += n
        y, mo = y + (mo - 1) // 12, (mo - 1) % 12 + 1
        tm = f"{y:04d}-{mo:02d}"
        cohort = [m for m, f in first.items() if f[:7] == cm]
        ret = sum(any(d[:7] == tm for d in days[m]) for m in cohort)
        got = (ret, pct(ret, len(cohort)), len(cohort))
        want = (x["retained_members"], x["retention_percent"], x["detail"]["cohort_size"])
    elif c == "free_form":
        a, b = r["period"]
        evs = [e for e in ev if a <= e["occurred_at"][:10] <= b]
        got = (len({e["member_id"] for e in evs}), len(evs), sum(a <= f <= b for f in first.values()))
        want = (x["active_members"], x["events"], x["new_members"])
    elif c == "unanswerable":
        got = want = x["outcome"]
    else:
        got, want = "?", c
    ok = got == want
    bad += not ok
    print(("ok  " if ok else "FAIL"), q["id"], c, got if not ok else "")
print("all agree" if not bad else f"{bad} disagreement(s)")
sys.exit(1 if bad else 0)
