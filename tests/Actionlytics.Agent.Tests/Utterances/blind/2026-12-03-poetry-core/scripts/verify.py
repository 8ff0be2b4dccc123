#!/usr/bin/env python3
"""Second, independent check: recompute every figure in questions.json in plain Python
(no SQL) from events.csv and each question's `reading`. Exits 1 on any mismatch."""
import csv, collections, datetime, json, os, sys
from decimal import Decimal, ROUND_HALF_UP

OUT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
days = collections.defaultdict(set)          # member -> set of days
adays = collections.defaultdict(lambda: collections.defaultdict(set))  # action -> member -> days
evs = []
for r in csv.DictReader(open(os.path.join(OUT, "events.csv"))):
    d = datetime.date.fromisoformat(r["occurred_at"][:10])
    days[r["member_id"]].add(d); adays[r["action"]][r["member_id"]].add(d); evs.append((r["member_id"], d, r["action"]))
first = {m: min(v) for m, v in days.items()}
D = datetime.date.fromisoformat
def per(p): return D(p[0]), D(p[1])
def active(p, action=None):
    a, b = per(p); src = adays[action] if action else days
    return {m for m, v in src.items() if any(a <= x <= b for x in v)}
def pct(n, d): return float((Decimal(n) * 100 / Decimal(d)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
def tie_warn(n, d, qid):
    if (Decimal(n) * 1000 / Decimal(d)) % 1 == Decimal("0.5"): print("WARNING exact half in", qid)

bad = 0
for q in json.load(open(os.path.join(OUT, "questions.json"))):
    r, c, e = q["reading"], q["category"], q["expected"]
    if c in ("inactive_as_of", "threshold"):
        d = D(r["as_of"]); src = adays[r["action"]] if r.get("action") else days
        last = {m: max(x for x in v if x <= d) for m, v in src.items() if any(x <= d for x in v)}
        got = {"inactive_members": sum(1 for L in last.values() if (d - L).days >= r["threshold_days"]),
               "never": len(days) - len(last)}
        want = {"inactive_members": e["inactive_members"], "never": e["detail"]["never_active_by_as_of"]}
    elif c == "range":
        got = {"a": len(active(r["period"]))}; want = {"a": e["active_members"]}
    elif c == "custom_action":
        a, b = per(r["period"])
        sel = [x for x in evs if x[2] == r["action"] and a <= x[1] <= b]
        got = {"events": len(sel), "members": len({x[0] for x in sel})}
        want = {r["figure"]: e[r["figure"]], **e["detail"]}
    elif c == "new_members":
        a, b = per(r["period"]); got = {"n": sum(1 for f in first.values() if a <= f <= b)}; want = {"n": e["new_members"]}
    elif c == "overlap":
        s1, s2 = active(r["periods"][0]), active(r["periods"][1])
        got = {"x": len(s1 & s2) if r["mode"] == "both" else len(s1 - s2)}; want = {"x": e[r["figure"]]}
    elif c == "change":
        n1, n2 = len(active(r["periods"][0])), len(active(r["periods"][1]))
        tie_warn(n2 - n1, n1, q["id"])
        got = {"e": n1, "l": n2, "p": pct(n2 - n1, n1)}; want = {"e": e["active_earlier"], "l": e["active_later"], "p": e["change_percent"]}
    elif c == "top5":
        a, b = per(r["period"])
        cnt = {m: sum(1 for x in v if a <= x <= b) for m, v in days.items()}
        ranked = sorted(((m, n) for m, n in cnt.items() if n), key=lambda t: (-t[1], t[0]))
        cut = ranked[4][1]
        got = {"top": [[m, n] for m, n in ranked[:5]], "tie": len(ranked) > 5 and ranked[5][1] == cut,
               "tied": sorted(m for m, n in ranked if n == cut)}
        want = {"top": [[x["member_id"], x["active_days"]] for x in e["top_members"]], "tie": e["detail"]["tie_at_cut"],
                "tied": e["detail"]["tied_members"]}
    elif c == "lifecycle":
        cur, prev = active(r["period"]), active(r["previous_period"]); a, b = per(r["period"]); qa = D(r["previous_period"][0])
        new = {m for m in cur if a <= first[m] <= b}
        got = {"new": len(new), "returning": len(cur & prev),
               "resurrecting": len({m for m in cur - prev if first[m] < qa}), "dormant": len(prev - cur)}
        want = {k: e[k] for k in got}
        if got["new"] + got["returning"] + got["resurrecting"] != len(cur): print("lifecycle does not add up", q["id"])
    elif c == "retention":
        coh = [m for m, f in first.items() if f.strftime("%Y-%m") == r["cohort_month"]]
        y, mo = map(int, r["cohort_month"].split("-")); t = y * 12 + mo - 1 + r["months_after"]
        tgt = f"{t // 12:04d}-{t % 12 + 1:02d}"; assert tgt == r["target_month"], q["id"]
        ret = sum(1 for m in coh if any(x.strftime("%Y-%m") == tgt for x in days[m]))
        got = {"n": ret, "p": pct(ret, len(coh)), "s": len(coh)}
        want = {"n": e["retained_members"], "p": e["retention_percent"], "s": e["detail"]["cohort_size"]}
    elif c == "free_form":
        a, b = per(r["period"])
        got = {"a": len(active(r["period"])), "e": sum(1 for x in evs if a <= x[1] <= b),
               "n": sum(1 for f in first.values() if a <= f <= b)}
        want = {"a": e["active_members"], "e": e["events"], "n": e["new_members"]}
    elif c == "unanswerable":
        got = want = {"o": e["outcome"] == "unanswerable"}
    else:
        got, want = {"?": 1}, {"?": 0}
    if got != want:
        bad += 1; print("MISMATCH", q["id"], got, want)
    if "follows" in q:
        ids = [x["id"] for x in json.load(open(os.path.join(OUT, "questions.json")))]
        prev = ids[ids.index(q["id"]) - 1]
        if prev != q["follows"]: bad += 1; print("follows is not the previous question", q["id"])
print("verify:", "OK" if not bad else f"{bad} mismatches")
sys.exit(1 if bad else 0)
