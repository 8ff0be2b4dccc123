#!/usr/bin/env python3
"""Recompute every expected figure by SQL over events.csv (in-memory SQLite) and rewrite questions.json.

Usage: expected.py            rewrite questions.json
       expected.py --check    exit 1 if questions.json differs from the recomputation
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from spec import SPEC  # noqa: E402


def pct(part, whole):
    if not whole:
        return None
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def load():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, content_id TEXT, day TEXT)")
    with open(os.path.join(ROOT, "events.csv"), newline="") as f:
        rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"], r["occurred_at"][:10])
                for r in csv.DictReader(f)]
    db.executemany("INSERT INTO events VALUES (?,?,?,?,?,?)", rows)
    db.execute("CREATE INDEX ix_day ON events(day, member_id)")
    return db


def month_add(ym, n):
    y, m = map(int, ym.split("-"))
    k = y * 12 + (m - 1) + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def act_filter(action):
    return f" AND action = '{action}'" if action else ""


def q_inactive(db, r):
    D, I = r["as_of"], r["threshold_days"]
    sql = (f"WITH last AS (SELECT member_id, MAX(day) AS l FROM events WHERE day <= '{D}'{act_filter(r['action'])} GROUP BY member_id) "
           f"SELECT (SELECT COUNT(*) FROM last WHERE julianday('{D}') - julianday(l) >= {I}) AS inactive, "
           f"(SELECT COUNT(*) FROM last) AS scored, "
           f"(SELECT COUNT(DISTINCT member_id) FROM events) - (SELECT COUNT(*) FROM last) AS never_active_by_as_of")
    inactive, scored, never = db.execute(sql).fetchone()
    return {"inactive_members": inactive,
            "detail": {"scored_members": scored, "not_inactive": scored - inactive, "never_active_by_as_of": never,
                       "as_of": D, "threshold_days": I}}, sql


def q_range(db, r):
    s, e = r["period"]["start"], r["period"]["end"]
    sql = (f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events FROM events "
           f"WHERE day BETWEEN '{s}' AND '{e}'{act_filter(r['action'])}")
    a, n = db.execute(sql).fetchone()
    days = (date.fromisoformat(e) - date.fromisoformat(s)).days + 1
    return {"active_members": a, "detail": {"events": n, "start": s, "end": e, "days": days}}, sql


def q_custom(db, r):
    s, e = r["period"]["start"], r["period"]["end"]
    sql = (f"SELECT COUNT(*) AS events, COUNT(DISTINCT member_id) AS members FROM events "
           f"WHERE action = '{r['action']}' AND day BETWEEN '{s}' AND '{e}'")
    n, m = db.execute(sql).fetchone()
    if r["measure"] == "events":
        return {"events": n, "detail": {"members": m, "action": r["action"], "start": s, "end": e}}, sql
    return {"members": m, "detail": {"events": n, "action": r["action"], "start": s, "end": e}}, sql


def q_new(db, r):
    s, e = r["period"]["start"], r["period"]["end"]
    sql = (f"WITH f AS (SELECT member_id, MIN(day) AS d FROM events GROUP BY member_id) "
           f"SELECT (SELECT COUNT(*) FROM f WHERE d BETWEEN '{s}' AND '{e}') AS new_members, "
           f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{s}' AND '{e}') AS active_members")
    n, a = db.execute(sql).fetchone()
    return {"new_members": n, "detail": {"active_members": a, "start": s, "end": e}}, sql


def _two(r):
    (p, q) = r["periods"]
    return p["start"], p["end"], q["start"], q["end"]


def q_overlap(db, r):
    s1, e1, s2, e2 = _two(r)
    sql = (f"WITH a AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{s1}' AND '{e1}'), "
           f"b AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{s2}' AND '{e2}') "
           f"SELECT (SELECT COUNT(*) FROM a WHERE member_id IN b) AS both_periods, "
           f"(SELECT COUNT(*) FROM a WHERE member_id NOT IN b) AS first_not_second, "
           f"(SELECT COUNT(*) FROM a) AS first_active, (SELECT COUNT(*) FROM b) AS second_active")
    both, only1, a, b = db.execute(sql).fetchone()
    det = {"first_active": a, "second_active": b, "both_periods": both, "first_not_second": only1}
    if r["measure"] == "first_not_second":
        return {"members": only1, "detail": det}, sql
    return {"members": both, "detail": det}, sql


def q_change(db, r):
    s1, e1, s2, e2 = _two(r)
    sql = (f"SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{s1}' AND '{e1}') AS earlier, "
           f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{s2}' AND '{e2}') AS later")
    a, b = db.execute(sql).fetchone()
    return {"earlier_active": a, "later_active": b, "percent_change": pct(b - a, a),
            "detail": {"difference": b - a, "rounding": "half-up to 0.1"}}, sql


def q_top5(db, r):
    s, e = r["period"]["start"], r["period"]["end"]
    sql = (f"WITH d AS (SELECT member_id, COUNT(DISTINCT day) AS n FROM events WHERE day BETWEEN '{s}' AND '{e}'{act_filter(r['action'])} GROUP BY member_id), "
           f"r AS (SELECT member_id, n, ROW_NUMBER() OVER (ORDER BY n DESC, member_id) AS rk FROM d) "
           f"SELECT member_id, n, rk, (SELECT COUNT(*) FROM d WHERE n = (SELECT n FROM r WHERE rk = 5)) AS at_cut, "
           f"(SELECT COUNT(*) FROM r WHERE rk <= 5 AND n = (SELECT n FROM r WHERE rk = 5)) AS at_cut_in_top "
           f"FROM r WHERE rk <= 5 ORDER BY rk")
    rows = db.execute(sql).fetchall()
    return {"members": [{"rank": rk, "member_id": m, "active_days": n} for m, n, rk, _, _ in rows],
            "detail": {"tie_at_cut": rows[-1][3] > rows[-1][4], "cut_value": rows[-1][1],
                       "members_at_cut_value": rows[-1][3]}}, sql


def q_lifecycle(db, r):
    ps, pe, s, e = _two(r)
    sql = (f"WITH cur AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{s}' AND '{e}'), "
           f"prev AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{ps}' AND '{pe}'), "
           f"f AS (SELECT member_id, MIN(day) AS d FROM events GROUP BY member_id) "
           f"SELECT (SELECT COUNT(*) FROM cur JOIN f USING (member_id) WHERE f.d BETWEEN '{s}' AND '{e}') AS new, "
           f"(SELECT COUNT(*) FROM cur WHERE member_id IN prev) AS returning_members, "
           f"(SELECT COUNT(*) FROM cur JOIN f USING (member_id) WHERE f.d < '{s}' AND member_id NOT IN prev) AS resurrecting, "
           f"(SELECT COUNT(*) FROM prev WHERE member_id NOT IN cur) AS dormant, "
           f"(SELECT COUNT(*) FROM cur) AS active, (SELECT COUNT(*) FROM prev) AS previous_active")
    new, ret, res, dor, act, pact = db.execute(sql).fetchone()
    return {"new": new, "returning": ret, "resurrecting": res, "dormant": dor,
            "detail": {"active": act, "previous_active": pact, "gained": new + res, "lost": dor}}, sql


def q_retention(db, r):
    M, N = r["cohort"], r["months_later"]
    T = month_add(M, N)
    sql = (f"WITH f AS (SELECT member_id, substr(MIN(day), 1, 7) AS m FROM events GROUP BY member_id), "
           f"c AS (SELECT member_id FROM f WHERE m = '{M}') "
           f"SELECT (SELECT COUNT(*) FROM c) AS cohort_size, "
           f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE substr(day, 1, 7) = '{T}' AND member_id IN c) AS retained")
    size, kept = db.execute(sql).fetchone()
    return {"retained": kept, "percent": pct(kept, size),
            "detail": {"cohort_size": size, "cohort_month": M, "target_month": T}}, sql


def q_free(db, r):
    s, e = r["period"]["start"], r["period"]["end"]
    sql = (f"WITH f AS (SELECT member_id, MIN(day) AS d FROM events GROUP BY member_id) "
           f"SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{s}' AND '{e}') AS active_members, "
           f"(SELECT COUNT(*) FROM events WHERE day BETWEEN '{s}' AND '{e}') AS events, "
           f"(SELECT COUNT(*) FROM f WHERE d BETWEEN '{s}' AND '{e}') AS new_members")
    a, n, new = db.execute(sql).fetchone()
    bya = db.execute(f"SELECT action, COUNT(*) FROM events WHERE day BETWEEN '{s}' AND '{e}' GROUP BY action ORDER BY action").fetchall()
    return {"active_members": a, "events": n, "new_members": new, "detail": {"events_by_action": dict(bya)}}, sql


HANDLERS = {"inactive_as_of": q_inactive, "threshold": q_inactive, "range": q_range, "custom_action": q_custom,
            "new_members": q_new, "overlap": q_overlap, "change": q_change, "top5": q_top5,
            "lifecycle": q_lifecycle, "retention": q_retention, "free_form": q_free}

READING_KEYS = ["as_of", "threshold_days", "period", "periods", "action", "cohort", "months_later", "measure", "text"]


def build():
    db = load()
    out = []
    for q in SPEC:
        item = {k: q[k] for k in ("id", "language", "category", "question", "expected_kind")}
        reading = {k: q["reading"].get(k) for k in READING_KEYS}
        if q["category"] == "unanswerable":
            item["expected"] = {"outcome": "unanswerable", "detail": q["why"]}
            item["sql"] = None
        else:
            exp, sql = HANDLERS[q["category"]](db, reading)
            item["expected"] = exp
            item["sql"] = sql
        item["reading"] = reading
        if q.get("follows"):
            item["follows"] = q["follows"]
        out.append(item)
    return out


def main():
    data = build()
    path = os.path.join(ROOT, "questions.json")
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv:
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if json.loads(old or "null") != data:
            olds = {q["id"]: q for q in json.loads(old or "[]")}
            for q in data:
                if olds.get(q["id"]) != q:
                    print("DIFF", q["id"])
            sys.exit(1)
        print(f"OK: {len(data)} questions match")
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {len(data)} questions")


if __name__ == "__main__":
    main()
