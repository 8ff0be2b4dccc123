#!/usr/bin/env python3
"""Compute every expected figure of questions.json with SQL (sqlite3) over events.csv.

python3 scripts/expected.py          rewrites questions.json
python3 scripts/expected.py --check  recomputes and exits 1 on any difference with questions.json
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_I = 30

def db():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE events(event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, content_id TEXT, day TEXT)")
    with open(os.path.join(HERE, "events.csv"), newline="") as f:
        rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"], r["occurred_at"][:10])
                for r in csv.DictReader(f)]
    con.executemany("INSERT INTO events VALUES (?,?,?,?,?,?)", rows)
    con.execute("CREATE INDEX ix_day ON events(day)")
    return con

def pct(num, den):
    if den == 0:
        return None
    return float((Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

def lit(v):
    return "'" + str(v).replace("'", "''") + "'"

def one(con, sql):
    return con.execute(sql).fetchone()[0]

# ---------- SQL builders (values inlined so the "sql" field is runnable as is) ----------

def sql_active(a, b, action=None):
    act = f" AND action = {lit(action)}" if action else ""
    return f"SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN {lit(a)} AND {lit(b)}{act}"

def sql_events(a, b, action=None):
    act = f" AND action = {lit(action)}" if action else ""
    return f"SELECT COUNT(*) FROM events WHERE day BETWEEN {lit(a)} AND {lit(b)}{act}"

def sql_inactive(d, i):
    return (f"WITH last AS (SELECT member_id, MAX(day) AS l FROM events WHERE day <= {lit(d)} GROUP BY member_id) "
            f"SELECT COUNT(*) FROM last WHERE julianday({lit(d)}) - julianday(l) >= {i}")

def sql_known(d):
    return f"SELECT COUNT(DISTINCT member_id) FROM events WHERE day <= {lit(d)}"

def sql_new(a, b):
    return (f"WITH f AS (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id) "
            f"SELECT COUNT(*) FROM f WHERE f BETWEEN {lit(a)} AND {lit(b)}")

def sql_both(p, q):
    return (f"SELECT COUNT(*) FROM (SELECT DISTINCT member_id FROM events WHERE day BETWEEN {lit(p[0])} AND {lit(p[1])} "
            f"INTERSECT SELECT DISTINCT member_id FROM events WHERE day BETWEEN {lit(q[0])} AND {lit(q[1])})")

def sql_a_not_b(p, q):
    return (f"SELECT COUNT(*) FROM (SELECT DISTINCT member_id FROM events WHERE day BETWEEN {lit(p[0])} AND {lit(p[1])} "
            f"EXCEPT SELECT DISTINCT member_id FROM events WHERE day BETWEEN {lit(q[0])} AND {lit(q[1])})")

def sql_top(a, b, n=7):
    return (f"SELECT member_id, COUNT(DISTINCT day) AS days, COUNT(*) AS events FROM events "
            f"WHERE day BETWEEN {lit(a)} AND {lit(b)} GROUP BY member_id ORDER BY days DESC, member_id ASC LIMIT {n}")

def sql_lifecycle(prev, cur):
    (pa, pb), (ca, cb) = prev, cur
    return (f"WITH m AS (SELECT member_id, MIN(day) AS first_day, "
            f"MAX(day BETWEEN {lit(pa)} AND {lit(pb)}) AS in_prev, "
            f"MAX(day BETWEEN {lit(ca)} AND {lit(cb)}) AS in_cur FROM events GROUP BY member_id) "
            f"SELECT "
            f"SUM(in_cur = 1 AND first_day BETWEEN {lit(ca)} AND {lit(cb)}) AS new_members, "
            f"SUM(in_cur = 1 AND in_prev = 1) AS returning_members, "
            f"SUM(in_cur = 1 AND in_prev = 0 AND first_day < {lit(pa)}) AS resurrecting, "
            f"SUM(in_cur = 0 AND in_prev = 1) AS dormant, "
            f"SUM(in_cur = 1) AS active FROM m")

def sql_retention(cohort_month, target_month):
    return (f"WITH c AS (SELECT member_id FROM events GROUP BY member_id HAVING substr(MIN(day),1,7) = {lit(cohort_month)}) "
            f"SELECT (SELECT COUNT(*) FROM c) AS cohort, "
            f"(SELECT COUNT(DISTINCT e.member_id) FROM events e JOIN c ON c.member_id = e.member_id "
            f"WHERE substr(e.day,1,7) = {lit(target_month)}) AS retained")

# ---------- calculators ----------

def month_end(y, m):
    return (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)).isoformat()

def add_months(ym, n):
    y, m = map(int, ym.split("-"))
    t = y * 12 + (m - 1) + n
    return f"{t // 12:04d}-{t % 12 + 1:02d}"

def calc(con, q):
    r = q["reading"]
    cat = q["category"]
    if cat in ("inactive_as_of", "threshold"):
        d, i = r["as_of"], r["threshold_days"]
        s = sql_inactive(d, i)
        n = one(con, s)
        known = one(con, sql_known(d))
        return {"inactive_members": n, "detail": {"as_of": d, "threshold_days": i, "members_active_by_as_of": known,
                                                  "not_inactive": known - n}}, s
    if cat == "range":
        a, b = r["period"]
        s = sql_active(a, b)
        return {"active_members": one(con, s), "detail": {"from": a, "to": b, "events": one(con, sql_events(a, b))}}, s
    if cat == "custom_action":
        a, b = r["period"]
        act = r["action"]
        s_ev, s_m = sql_events(a, b, act), sql_active(a, b, act)
        ev, mem = one(con, s_ev), one(con, s_m)
        if q["measure"] == "members":
            return {"members": mem, "detail": {"action": act, "from": a, "to": b, "events": ev}}, s_m
        return {"events": ev, "detail": {"action": act, "from": a, "to": b, "members": mem}}, s_ev
    if cat == "new_members":
        a, b = r["period"]
        s = sql_new(a, b)
        return {"new_members": one(con, s), "detail": {"from": a, "to": b, "active_members": one(con, sql_active(a, b))}}, s
    if cat == "overlap":
        p, qq = r["periods"]
        if q["measure"] == "both":
            s = sql_both(p, qq)
            key = "members_in_both"
        else:
            s = sql_a_not_b(p, qq)
            key = "members_in_a_not_b"
        return {key: one(con, s), "detail": {"period_a": p, "period_b": qq,
                                             "active_a": one(con, sql_active(*p)), "active_b": one(con, sql_active(*qq))}}, s
    if cat == "change":
        p, qq = r["periods"]
        s1, s2 = sql_active(*p), sql_active(*qq)
        e, l = one(con, s1), one(con, s2)
        return {"difference": l - e, "change_percent": pct(l - e, e),
                "detail": {"earlier_period": p, "earlier_active": e, "later_period": qq, "later_active": l}}, s1 + ";\n" + s2
    if cat == "top5":
        a, b = r["period"]
        s = sql_top(a, b, 1000)
        rows = con.execute(s).fetchall()
        top = [{"member_id": m, "active_days": d, "events": ev} for m, d, ev in rows[:5]]
        tie = len(rows) > 5 and rows[5][1] == rows[4][1]
        tied = [m for m, d, _ in rows if len(rows) > 4 and d == rows[4][1]]
        return {"members": [t["member_id"] for t in top],
                "detail": {"top": top, "tie_at_cut": tie,
                           "tied_at_cut_members": tied if tie else [],
                           "active_members": len(rows)}}, s
    if cat == "lifecycle":
        prev, cur = r["periods"]
        s = sql_lifecycle(prev, cur)
        new, ret, res, dor, act = con.execute(s).fetchone()
        return {"new": new or 0, "returning": ret or 0, "resurrecting": res or 0, "dormant": dor or 0,
                "detail": {"previous_period": prev, "period": cur, "active_in_period": act or 0,
                           "active_in_previous": one(con, sql_active(*prev))}}, s
    if cat == "retention":
        cm, n = r["cohort_month"], r["months_later"]
        tm = add_months(cm, n)
        s = sql_retention(cm, tm)
        cohort, kept = con.execute(s).fetchone()
        return {"retained": kept, "retained_percent": pct(kept, cohort),
                "detail": {"cohort_month": cm, "cohort_size": cohort, "months_later": n, "target_month": tm}}, s
    if cat == "free_form":
        a, b = r["period"]
        s1, s2, s3 = sql_active(a, b), sql_events(a, b), sql_new(a, b)
        by_action = dict(con.execute(f"SELECT action, COUNT(*) FROM events WHERE day BETWEEN {lit(a)} AND {lit(b)} GROUP BY action ORDER BY action").fetchall())
        return {"active_members": one(con, s1), "events": one(con, s2), "new_members": one(con, s3),
                "detail": {"from": a, "to": b, "events_by_action": by_action}}, s1 + ";\n" + s2 + ";\n" + s3
    if cat == "unanswerable":
        return {"outcome": "unanswerable"}, None
    raise ValueError(cat)

# ---------- the questions ----------

def R(text, period=None, periods=None, action=None, as_of=None, threshold_days=None, **extra):
    d = {"period": period, "periods": periods, "action": action, "as_of": as_of, "threshold_days": threshold_days, "text": text}
    d.update(extra)
    return d

Q = [
 # inactive_as_of (3)
 ("inactive_as_of", "Wie viele Mitglieder waren zum 30.06.2020 inaktiv?",
  R("as of 2020-06-30, default threshold 30 days", as_of="2020-06-30", threshold_days=30)),
 ("inactive_as_of", "Kannst du mir sagen, wie viele Leute Ende Q2 2021 inaktiv waren? Als inaktiv zählt bei uns, wer 45 Tage oder länger nichts gemacht hat.",
  R("as of 2021-06-30 (end of Q2 2021), threshold 45 days", as_of="2021-06-30", threshold_days=45)),
 ("inactive_as_of", "Stand 1. Mai 2022: Wie viele inaktive Mitglieder haben wir?",
  R("as of 2022-05-01, default threshold 30 days", as_of="2022-05-01", threshold_days=30)),
 # range (3)
 ("range", "Wie viele Mitglieder waren zwischen dem 2. April und dem 15. Juni 2021 aktiv?",
  R("active 2021-04-02..2021-06-15", period=["2021-04-02", "2021-06-15"])),
 ("range", "Wie viele aktive Mitglieder hatten wir in den 30 Tagen vor dem 1. Oktober 2018?",
  R("the 30 days before 2018-10-01 = 2018-09-01..2018-09-30", period=["2018-09-01", "2018-09-30"])),
 ("range", "Wie viele Leute waren im zweiten Halbjahr 2023 mindestens einmal aktiv?",
  R("second half of 2023 = 2023-07-01..2023-12-31", period=["2023-07-01", "2023-12-31"])),
 # threshold (3)
 ("threshold", "Wie viele Mitglieder sind zum 31. Januar 2024 seit mindestens 6 Wochen inaktiv?",
  R("as of 2024-01-31, 6 weeks = 42 days", as_of="2024-01-31", threshold_days=42)),
 ("threshold", "Mal angenommen, die Grenze liegt bei 100 Tagen ohne Aktivität – wie viele waren Ende August 2019 inaktiv?",
  R("as of 2019-08-31 (end of August 2019), threshold 100 days", as_of="2019-08-31", threshold_days=100)),
 ("threshold", "Wie viele Mitglieder waren am 15.11.2022 schon seit drei Monaten oder länger nicht mehr aktiv?",
  R("as of 2022-11-15, 3 months = 90 days", as_of="2022-11-15", threshold_days=90)),
 # custom_action (4)
 ("custom_action", "Wie viele Releases haben wir 2018 veröffentlicht?",
  R("release events in 2018", period=["2018-01-01", "2018-12-31"], action="release"), "events"),
 ("custom_action", "Wie viele verschiedene Personen haben zwischen 2019 und 2021 ein Release gemacht?",
  R("distinct members with a release event 2019-01-01..2021-12-31", period=["2019-01-01", "2021-12-31"], action="release"), "members"),
 ("custom_action", "Wie viele automatische Updates von Bots (Dependabot, pre-commit) gab es im ersten Quartal 2023?",
  R("bot_update events in Q1 2023", period=["2023-01-01", "2023-03-31"], action="bot_update"), "events"),
 ("custom_action", "Wie viele Pull Requests wurden im April 2024 gemergt?",
  R("merge_pr events in April 2024", period=["2024-04-01", "2024-04-30"], action="merge_pr"), "events"),
 # new_members (3)
 ("new_members", "Wie viele neue Mitglieder sind im ersten Quartal 2017 dazugekommen?",
  R("first activity in Q1 2017", period=["2017-01-01", "2017-03-31"])),
 ("new_members", "Wie viele Neuzugänge hatten wir 2020 insgesamt?",
  R("first activity in 2020", period=["2020-01-01", "2020-12-31"])),
 ("new_members", "Wie viele Leute haben zwischen dem 1. März und dem 31. August 2024 zum allerersten Mal etwas beigetragen?",
  R("first activity 2024-03-01..2024-08-31", period=["2024-03-01", "2024-08-31"])),
 # overlap (2)
 ("overlap", "Wie viele Mitglieder waren sowohl im ersten Halbjahr 2021 als auch im ersten Halbjahr 2022 aktiv?",
  R("active in both H1 2021 and H1 2022", periods=[["2021-01-01", "2021-06-30"], ["2022-01-01", "2022-06-30"]]), "both"),
 ("overlap", "Wie viele, die 2018 aktiv waren, haben sich 2019 überhaupt nicht mehr blicken lassen?",
  R("active in 2018 but not in 2019", periods=[["2018-01-01", "2018-12-31"], ["2019-01-01", "2019-12-31"]]), "a_not_b"),
 # change (2)
 ("change", "Wie hat sich die Zahl der aktiven Mitglieder vom 1. Quartal 2023 zum 1. Quartal 2024 entwickelt – absolut und in Prozent?",
  R("active Q1 2023 vs Q1 2024", periods=[["2023-01-01", "2023-03-31"], ["2024-01-01", "2024-03-31"]])),
 ("change", "Um wie viel Prozent ist die Zahl der Aktiven von 2016 auf 2017 gestiegen oder gefallen?",
  R("active 2016 vs 2017", periods=[["2016-01-01", "2016-12-31"], ["2017-01-01", "2017-12-31"]])),
 # top5 (2)
 ("top5", "Wer waren 2021 unsere fünf aktivsten Mitglieder, gemessen an den Tagen mit Aktivität?",
  R("top 5 by distinct active days in 2021", period=["2021-01-01", "2021-12-31"])),
 ("top5", "Zeig mir die Top 5 im Sommer 2017, also Juni bis August.",
  R("top 5 by distinct active days 2017-06-01..2017-08-31", period=["2017-06-01", "2017-08-31"])),
 # lifecycle (2)
 ("lifecycle", "Wie sieht der Lebenszyklus für Oktober 2021 im Vergleich zum September aus – neue, wiederkehrende, reaktivierte und ruhende Mitglieder?",
  R("October 2021 against September 2021", periods=[["2021-09-01", "2021-09-30"], ["2021-10-01", "2021-10-31"]])),
 ("lifecycle", "Wie verteilen sich die Mitglieder im zweiten Quartal 2024 gegenüber dem Vorquartal auf neu, zurückkehrend, wiederbelebt und abgewandert?",
  R("Q2 2024 against Q1 2024", periods=[["2024-01-01", "2024-03-31"], ["2024-04-01", "2024-06-30"]])),
 # retention (2)
 ("retention", "Von denen, die im November 2018 neu dazugekommen sind – wie viele waren zwei Monate später noch aktiv?",
  R("cohort 2018-11, active in 2019-01", period=["2019-01-01", "2019-01-31"], cohort_month="2018-11", months_later=2)),
 ("retention", "Wie viele aus der Kohorte Januar 2024 waren drei Monate danach noch dabei, und wie viel Prozent sind das?",
  R("cohort 2024-01, active in 2024-04", period=["2024-04-01", "2024-04-30"], cohort_month="2024-01", months_later=3)),
 # unanswerable (2)
 ("unanswerable", "Wie viele GitHub-Sterne hat das Projekt im Jahr 2022 dazugewonnen?",
  R("stars are not in the commit data")),
 ("unanswerable", "Aus welchen Ländern kommen unsere aktivsten Mitwirkenden im Jahr 2023?",
  R("countries are not in the commit data")),
 # free_form (2)
 ("free_form", "Was war im März 2017 bei uns los?",
  R("March 2017: active members, events, new members", period=["2017-03-01", "2017-03-31"])),
 ("free_form", "Gib mir mal einen kurzen Überblick über den November 2024.",
  R("November 2024: active members, events, new members", period=["2024-11-01", "2024-11-30"])),
]

def build():
    con = db()
    out = []
    for n, item in enumerate(Q, 1):
        cat, text, reading = item[:3]
        q = {"id": f"DE-{n:02d}", "language": "de", "category": cat, "question": text,
             "expected_kind": "unanswerable" if cat == "unanswerable" else ("list" if cat == "top5" else "figure"),
             "reading": reading}
        if len(item) > 3:
            q["measure"] = item[3]
        exp, s = calc(con, q)
        q["expected"] = exp
        q["sql"] = s
        out.append(q)
    return out

def main():
    path = os.path.join(HERE, "questions.json")
    qs = build()
    text = json.dumps(qs, ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as f:
            old = json.load(f)
        bad = 0
        olds = {q["id"]: q for q in old}
        for q in qs:
            o = olds.get(q["id"])
            if o != q:
                bad += 1
                print("DIFF", q["id"], json.dumps(o.get("expected") if o else None, ensure_ascii=False), "->",
                      json.dumps(q["expected"], ensure_ascii=False))
        if len(old) != len(qs):
            bad += 1
            print("DIFF count", len(old), "->", len(qs))
        print("check:", "OK" if not bad else f"{bad} difference(s)", f"({len(qs)} questions)")
        sys.exit(1 if bad else 0)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote", path, len(qs), "questions")

if __name__ == "__main__":
    main()
