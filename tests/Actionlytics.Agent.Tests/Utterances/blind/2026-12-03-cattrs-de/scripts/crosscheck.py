#!/usr/bin/env python3
"""Second, independent computation (pure Python, no SQL) of every figure in questions.json. Exit 1 on mismatch."""
import csv, json, os, sys
from collections import defaultdict
from datetime import date
from decimal import Decimal, ROUND_HALF_UP

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
days = defaultdict(set); acts = defaultdict(lambda: defaultdict(set)); evs = []
for r in csv.DictReader(open(os.path.join(ROOT, "events.csv"))):
    d = r["occurred_at"][:10]; days[r["member_id"]].add(d); acts[r["action"]][r["member_id"]].add(d)
    evs.append((r["member_id"], d, r["action"]))
first = {m: min(s) for m, s in days.items()}
D = date.fromisoformat
act_in = lambda a, b: {m for m, s in days.items() if any(a <= x <= b for x in s)}
r1 = lambda x: float(Decimal(x).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
bad = 0
for q in json.load(open(os.path.join(ROOT, "questions.json"))):
    c, rd, e = q["category"], q["reading"], q["expected"]
    if c in ("inactive_as_of", "threshold"):
        d, i = rd["as_of"], rd["threshold_days"]
        last = {m: max(x for x in s if x <= d) for m, s in days.items() if min(s) <= d}
        got = {"inactive_members": sum((D(d) - D(l)).days >= i for l in last.values()),
               "never": len(days) - len(last)}
        want = {"inactive_members": e["inactive_members"], "never": e["detail"]["never_active_by_as_of"]}
    elif c == "range":
        a, b = rd["period"]; got = {"v": len(act_in(a, b))}; want = {"v": e["active_members"]}
    elif c == "custom_action":
        a, b = rd["period"]; x = [m for m, d, ac in evs if ac == rd["action"] and a <= d <= b]
        got = {"events": len(x), "members": len(set(x))}
        want = {"events": e.get("events", e["detail"].get("events")), "members": e.get("members", e["detail"].get("members"))}
    elif c == "new_members":
        a, b = rd["period"]; got = {"v": sum(a <= f <= b for f in first.values())}; want = {"v": e["new_members"]}
    elif c == "overlap":
        (a1, b1), (a2, b2) = rd["periods"]; p1, p2 = act_in(a1, b1), act_in(a2, b2)
        if "members_in_both" in e: got = {"v": len(p1 & p2)}; want = {"v": e["members_in_both"]}
        else: got = {"v": len(p1 - p2)}; want = {"v": e["members_first_not_second"]}
    elif c == "change":
        (a1, b1), (a2, b2) = rd["periods"]; x, y = len(act_in(a1, b1)), len(act_in(a2, b2))
        got = {"x": x, "y": y, "p": r1((Decimal(y) - x) / x * 100)}
        want = {"x": e["active_earlier"], "y": e["active_later"], "p": e["change_percent"]}
    elif c == "top5":
        a, b = rd["period"]
        cnt = sorted(((-len([x for x in s if a <= x <= b]), m) for m, s in days.items()
                      if any(a <= x <= b for x in s)))
        top = [{"member_id": m, "active_days": -n} for n, m in cnt[:5]]
        cut = -cnt[4][0]; tie = len([1 for n, m in cnt if -n == cut]) > len([1 for n, m in cnt[:5] if -n == cut])
        got = {"top": top, "tie": tie}; want = {"top": e["top_members"], "tie": e["detail"]["tie_at_cut"]}
    elif c == "lifecycle":
        a, b = rd["period"]; pa, pb = rd["previous_period"]; cur, prev = act_in(a, b), act_in(pa, pb)
        got = {"new": sum(a <= first[m] <= b for m in cur), "returning": len(cur & prev),
               "resurrecting": len([m for m in cur - prev if first[m] < pa]), "dormant": len(prev - cur)}
        want = {k: e[k] for k in got}
    elif c == "retention":
        coh = [m for m, f in first.items() if f[:7] == rd["cohort"]]
        t = rd["target_month"]; k = sum(any(x[:7] == t for x in days[m]) for m in coh)
        got = {"k": k, "p": r1(Decimal(k) * 100 / len(coh))}; want = {"k": e["retained_members"], "p": e["retention_percent"]}
    elif c == "free_form":
        a, b = rd["period"]
        got = {"a": len(act_in(a, b)), "e": sum(a <= d <= b for m, d, ac in evs), "n": sum(a <= f <= b for f in first.values())}
        want = {"a": e["active_members"], "e": e["events"], "n": e["new_members"]}
    elif c == "unanswerable":
        got = want = {"o": e["outcome"]}
    if got != want:
        bad += 1; print("MISMATCH", q["id"], got, want)
print("crosscheck OK" if not bad else f"{bad} mismatch(es)"); sys.exit(1 if bad else 0)
