#!/usr/bin/env python3
"""Compute the expected figures of every DE question by SQL over events.csv (in-memory SQLite).

usage: expected.py            rewrite ../questions.json
       expected.py --check    recompute and exit 1 on any difference with questions.json
"""
import csv, json, os, sqlite3, sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, ".."))
EVENTS = os.path.join(OUT, "events.csv")
QFILE = os.path.join(OUT, "questions.json")

# Shared views: one row per member and UTC calendar day; first active day per member.
VIEWS = """
CREATE VIEW member_days AS SELECT DISTINCT member_id, substr(occurred_at,1,10) AS day FROM events;
CREATE VIEW first_days AS SELECT member_id, min(substr(occurred_at,1,10)) AS first_day FROM events GROUP BY member_id;
"""


def pct(num, den):
    return float((Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------- SQL builders
def sql_inactive(as_of, threshold):
    return f"""WITH last AS (
  SELECT member_id, max(day) AS last_day FROM member_days WHERE day <= '{as_of}' GROUP BY member_id)
SELECT
  (SELECT count(*) FROM last WHERE julianday('{as_of}') - julianday(last_day) >= {threshold}) AS inactive_members,
  (SELECT count(*) FROM last WHERE julianday('{as_of}') - julianday(last_day) <  {threshold}) AS still_active_members,
  (SELECT count(DISTINCT member_id) FROM events) - (SELECT count(*) FROM last) AS never_active_by_as_of"""


def sql_range(a, b, action=None):
    cond = f" AND action = '{action}'" if action else ""
    return f"""SELECT count(*) AS events, count(DISTINCT member_id) AS members
FROM events WHERE substr(occurred_at,1,10) BETWEEN '{a}' AND '{b}'{cond}"""


def sql_new(a, b):
    return f"""SELECT count(*) AS new_members FROM first_days WHERE first_day BETWEEN '{a}' AND '{b}'"""


def sql_overlap(a1, b1, a2, b2, mode):
    op = "INTERSECT" if mode == "both" else "EXCEPT"
    return f"""WITH p1 AS (SELECT DISTINCT member_id FROM member_days WHERE day BETWEEN '{a1}' AND '{b1}'),
     p2 AS (SELECT DISTINCT member_id FROM member_days WHERE day BETWEEN '{a2}' AND '{b2}')
SELECT (SELECT count(*) FROM (SELECT member_id FROM p1 {op} SELECT member_id FROM p2)) AS overlap,
       (SELECT count(*) FROM p1) AS active_first, (SELECT count(*) FROM p2) AS active_second"""


def sql_change(a1, b1, a2, b2):
    return f"""WITH c AS (SELECT
  (SELECT count(DISTINCT member_id) FROM member_days WHERE day BETWEEN '{a1}' AND '{b1}') AS earlier,
  (SELECT count(DISTINCT member_id) FROM member_days WHERE day BETWEEN '{a2}' AND '{b2}') AS later)
SELECT earlier, later, round((later - earlier) * 100.0 / earlier, 1) AS percent FROM c"""


def sql_top(a, b):
    return f"""SELECT member_id, count(DISTINCT day) AS active_days FROM member_days
WHERE day BETWEEN '{a}' AND '{b}' GROUP BY member_id ORDER BY active_days DESC, member_id"""


def sql_lifecycle(a, b, pa, pb):
    return f"""WITH cur AS (SELECT DISTINCT member_id FROM member_days WHERE day BETWEEN '{a}' AND '{b}'),
     prev AS (SELECT DISTINCT member_id FROM member_days WHERE day BETWEEN '{pa}' AND '{pb}')
SELECT
  (SELECT count(*) FROM cur JOIN first_days f USING(member_id) WHERE f.first_day BETWEEN '{a}' AND '{b}') AS new,
  (SELECT count(*) FROM cur WHERE member_id IN (SELECT member_id FROM prev)) AS returning_members,
  (SELECT count(*) FROM cur JOIN first_days f USING(member_id)
     WHERE member_id NOT IN (SELECT member_id FROM prev) AND f.first_day < '{pa}') AS resurrecting,
  (SELECT count(*) FROM prev WHERE member_id NOT IN (SELECT member_id FROM cur)) AS dormant,
  (SELECT count(*) FROM cur) AS active_in_period,
  (SELECT count(*) FROM prev) AS active_in_previous"""


def sql_retention(cohort_month, n):
    return f"""WITH cohort AS (SELECT member_id FROM first_days WHERE substr(first_day,1,7) = '{cohort_month}'),
     target AS (SELECT strftime('%Y-%m', '{cohort_month}-01', '+{n} months') AS m)
SELECT (SELECT count(*) FROM cohort) AS cohort_size,
       (SELECT count(DISTINCT d.member_id) FROM member_days d JOIN cohort USING(member_id)
         WHERE substr(d.day,1,7) = (SELECT m FROM target)) AS retained_members,
       (SELECT m FROM target) AS target_month"""


def sql_freeform(a, b):
    return f"""SELECT count(DISTINCT member_id) AS active_members, count(*) AS events,
  (SELECT count(*) FROM first_days WHERE first_day BETWEEN '{a}' AND '{b}') AS new_members
FROM events WHERE substr(occurred_at,1,10) BETWEEN '{a}' AND '{b}'"""


def sql_actions(a, b):
    return f"""SELECT action, count(*) FROM events WHERE substr(occurred_at,1,10) BETWEEN '{a}' AND '{b}'
GROUP BY action ORDER BY action"""


# ---------------------------------------------------------------- questions
Q = []


def q(id, category, question, reading, kind="figure", follows=None, **calc):
    d = {"id": id, "language": "de", "category": category, "question": question,
         "expected_kind": kind, "reading": reading}
    if follows:
        d["follows"] = follows
    d["_calc"] = calc
    Q.append(d)


def inactive_q(id, cat, text, as_of, thr, follows=None, note=""):
    q(id, cat, text, {"as_of": as_of, "threshold_days": thr, "action": None,
                      "text": f"Members whose last active day L <= {as_of} and {as_of} - L >= {thr} days; "
                              f"members with no event by {as_of} not counted.{note}"},
      follows=follows, kind_="inactive", as_of=as_of, thr=thr)


inactive_q("DE-01", "inactive_as_of", "Können Sie mir sagen, wie viele Mitglieder am 30. Juni 2018 inaktiv waren?", "2018-06-30", 30,
           note=" Default threshold 30 days.")
inactive_q("DE-02", "threshold",
           "Wie viele Leute waren zum 01.10.2019 seit mindestens 90 Tagen nicht mehr aktiv?", "2019-10-01", 90)
q("DE-03", "range", "Wie viele verschiedene Mitglieder waren zwischen dem 2. und 20. April 2021 aktiv?",
  {"period": ["2021-04-02", "2021-04-20"], "action": None,
   "text": "Distinct members with at least one event from 2021-04-02 to 2021-04-20 inclusive."},
  kind_="range", a="2021-04-02", b="2021-04-20")
q("DE-04", "custom_action", "wie viele release-Events hatten wir im Jahr 2022?",
  {"period": ["2022-01-01", "2022-12-31"], "action": "release",
   "text": "Number of events with action release in calendar year 2022 (members doing it in detail)."},
  kind_="custom", a="2022-01-01", b="2022-12-31", action="release", main="events")
q("DE-05", "custom_action", "Und 2023?",
  {"period": ["2023-01-01", "2023-12-31"], "action": "release",
   "text": "Follow-up of DE-04 with the year changed: release events in 2023 (members in detail)."},
  follows="DE-04", kind_="custom", a="2023-01-01", b="2023-12-31", action="release", main="events")
q("DE-06", "new_members", "Wie viele neue Mitglieder sind 2018 dazugekommen?",
  {"period": ["2018-01-01", "2018-12-31"],
   "text": "Members whose first active day ever is in 2018."},
  kind_="new", a="2018-01-01", b="2018-12-31")
q("DE-07", "overlap", "Wie viele Mitglieder waren sowohl 2021 als auch 2022 aktiv?",
  {"periods": [["2021-01-01", "2021-12-31"], ["2022-01-01", "2022-12-31"]], "mode": "both",
   "text": "Members active (any action) in 2021 and also in 2022."},
  kind_="overlap", p1=("2021-01-01", "2021-12-31"), p2=("2022-01-01", "2022-12-31"), mode="both",
  main="members_active_in_both")
q("DE-08", "change",
  "Um wie viel Prozent hat sich die Zahl der aktiven Mitglieder von 2019 auf 2020 verändert?",
  {"periods": [["2019-01-01", "2019-12-31"], ["2020-01-01", "2020-12-31"]],
   "text": "Active members in 2019 (earlier) and 2020 (later); percent = (later-earlier)/earlier*100, half-up to 0.1."},
  kind_="change", p1=("2019-01-01", "2019-12-31"), p2=("2020-01-01", "2020-12-31"))
q("DE-09", "top5", "Wer waren 2017 die Top 5 Mitglieder nach aktiven Tagen?",
  {"period": ["2017-01-01", "2017-12-31"],
   "text": "Top 5 members of 2017 by distinct active days, ties broken by member_id."},
  kind="list", kind_="top", a="2017-01-01", b="2017-12-31")
q("DE-10", "lifecycle",
  "Zeig mir den Lifecycle für Oktober 2024 im Vergleich zum Vormonat: neue, zurückkehrende, reaktivierte und ruhende Mitglieder.",
  {"period": ["2024-10-01", "2024-10-31"], "previous": ["2024-09-01", "2024-09-30"],
   "text": "new = first active ever in Oct 2024; returning = active in Oct and Sep 2024; resurrecting = active in Oct, "
           "not in Sep, but before Sep; dormant = active in Sep, not in Oct."},
  kind_="lifecycle", p=("2024-10-01", "2024-10-31"), prev=("2024-09-01", "2024-09-30"))
q("DE-11", "retention",
  "Von den Mitgliedern, die im November 2020 zum ersten Mal aktiv waren – wie viele waren 2 Monate später noch dabei?",
  {"cohort_month": "2020-11", "months_after": 2,
   "text": "Cohort = members whose first activity is in 2020-11; retained = cohort members active in 2021-01 (M+2); count and percent."},
  kind_="retention", cohort="2020-11", n=2)
q("DE-12", "unanswerable", "Aus welchen Ländern kommen die meisten unserer Mitglieder?",
  {"text": "The events carry no location or country; members have no locale/country attribute in this data set."},
  kind="unanswerable", kind_="unanswerable",
  why="The data holds only member ids, timestamps, actions and top-level folders; no country or location of members.")
q("DE-13", "free_form", "Was war im Dezember 2022 bei uns los?",
  {"period": ["2022-12-01", "2022-12-31"],
   "text": "Overview of December 2022: active members, events and new members (events by action in detail)."},
  kind_="free", a="2022-12-01", b="2022-12-31")
inactive_q("DE-14", "inactive_as_of", "kannst du mir sagen wieviele mitglieder stand 31.12.2021 inaktiv sind?",
           "2021-12-31", 30, note=" Default threshold 30 days.")
inactive_q("DE-15", "threshold",
           "Mit einer Schwelle von 8 Wochen: Wie viele inaktive Mitglieder hatten wir am 15.03.2023?",
           "2023-03-15", 56, note=" 8 weeks = 56 days.")
q("DE-16", "range", "Wie viele Mitglieder waren im zweiten Halbjahr 2020 aktiv?",
  {"period": ["2020-07-01", "2020-12-31"], "action": None,
   "text": "Distinct members with at least one event from 2020-07-01 to 2020-12-31."},
  kind_="range", a="2020-07-01", b="2020-12-31")
q("DE-17", "range", "Und im zweiten Halbjahr 2021?",
  {"period": ["2021-07-01", "2021-12-31"], "action": None,
   "text": "Follow-up of DE-16 with the year changed: distinct active members from 2021-07-01 to 2021-12-31."},
  follows="DE-16", kind_="range", a="2021-07-01", b="2021-12-31")
q("DE-18", "custom_action",
  "Wie viele Personen haben im ersten Quartal 2021 etwas an der Doku gemacht (docs_change)? Die Zahl der Leute, nicht der Commits.",
  {"period": ["2021-01-01", "2021-03-31"], "action": "docs_change",
   "text": "Distinct members with at least one docs_change event in Q1 2021 (event count in detail)."},
  kind_="custom", a="2021-01-01", b="2021-03-31", action="docs_change", main="members")
q("DE-19", "new_members", "Neue Mitglieder von Anfang Januar bis Ende April 2019 – wie viele waren das?",
  {"period": ["2019-01-01", "2019-04-30"],
   "text": "Members whose first active day ever is between 2019-01-01 and 2019-04-30."},
  kind_="new", a="2019-01-01", b="2019-04-30")
q("DE-20", "overlap",
  "Wie viele, die im ersten Halbjahr 2023 aktiv waren, waren im zweiten Halbjahr 2023 nicht mehr aktiv?",
  {"periods": [["2023-01-01", "2023-06-30"], ["2023-07-01", "2023-12-31"]], "mode": "first_not_second",
   "text": "Members active in H1 2023 and not active in H2 2023."},
  kind_="overlap", p1=("2023-01-01", "2023-06-30"), p2=("2023-07-01", "2023-12-31"), mode="first_not_second",
  main="members_active_in_first_not_second")
q("DE-21", "change",
  "Könnten Sie Q4 2022 mit Q1 2023 vergleichen? Wie viele aktive Mitglieder jeweils und wie groß ist die Veränderung in %?",
  {"periods": [["2022-10-01", "2022-12-31"], ["2023-01-01", "2023-03-31"]],
   "text": "Active members in Q4 2022 (earlier) and Q1 2023 (later); percent change half-up to 0.1."},
  kind_="change", p1=("2022-10-01", "2022-12-31"), p2=("2023-01-01", "2023-03-31"))
q("DE-22", "top5", "Top 5 der aktivsten Mitglieder im 2. Halbjahr 2018 (nach Anzahl Tage mit Aktivität), bitte.",
  {"period": ["2018-07-01", "2018-12-31"],
   "text": "Top 5 members of H2 2018 by distinct active days, ties broken by member_id; tie at the cut reported."},
  kind="list", kind_="top", a="2018-07-01", b="2018-12-31")
q("DE-23", "lifecycle",
  "Wie sieht der Lifecycle im dritten Quartal 2018 gegenüber dem zweiten Quartal aus (neu / returning / resurrecting / dormant)?",
  {"period": ["2018-07-01", "2018-09-30"], "previous": ["2018-04-01", "2018-06-30"],
   "text": "Lifecycle of Q3 2018 against Q2 2018."},
  kind_="lifecycle", p=("2018-07-01", "2018-09-30"), prev=("2018-04-01", "2018-06-30"))
q("DE-24", "retention",
  "Retention der Dezember-2022-Kohorte nach einem Monat? Also wie viele der im Dez. 2022 neu Aktiven waren im Folgemonat wieder aktiv.",
  {"cohort_month": "2022-12", "months_after": 1,
   "text": "Cohort = members whose first activity is in 2022-12; retained = cohort members active in 2023-01; count and percent."},
  kind_="retention", cohort="2022-12", n=1)
q("DE-25", "unanswerable", "Wie zufrieden waren unsere Mitglieder 2022 mit der Community? Gibt es da einen Durchschnittswert?",
  {"text": "Satisfaction is not recorded: there are no survey, rating or feedback events."},
  kind="unanswerable", kind_="unanswerable",
  why="No satisfaction, rating or survey data exists; events are commits classified into code/docs/test/release/bot actions.")
q("DE-26", "free_form", "Gib mir bitte einen kurzen Überblick über den Februar 2026.",
  {"period": ["2026-02-01", "2026-02-28"],
   "text": "Overview of February 2026: active members, events and new members (events by action in detail)."},
  kind_="free", a="2026-02-01", b="2026-02-28")
inactive_q("DE-27", "inactive_as_of", "Anzahl inaktiver Mitglieder zum Ende des ersten Quartals 2024?", "2024-03-31", 30,
           note=" End of Q1 2024 = 2024-03-31; default threshold 30 days.")
inactive_q("DE-28", "threshold", "Und wenn wir 60 Tage als Grenze nehmen?", "2024-03-31", 60, follows="DE-27",
           note=" Follow-up of DE-27 with the threshold changed to 60 days.")
q("DE-29", "custom_action", "Wie viele test_change Ereignisse gab es von Januar bis einschließlich Juni 2017?",
  {"period": ["2017-01-01", "2017-06-30"], "action": "test_change",
   "text": "Number of test_change events from 2017-01-01 to 2017-06-30 (members in detail)."},
  kind_="custom", a="2017-01-01", b="2017-06-30", action="test_change", main="events")
q("DE-30", "new_members", "Wie viele Neuzugänge hatten wir im dritten Quartal 2020?",
  {"period": ["2020-07-01", "2020-09-30"],
   "text": "Members whose first active day ever is in Q3 2020 (2020-07-01..2020-09-30)."},
  kind_="new", a="2020-07-01", b="2020-09-30")


# ---------------------------------------------------------------- evaluation
def one(db, sql):
    cur = db.execute(sql)
    cols = [c[0] for c in cur.description]
    return dict(zip(cols, cur.fetchone()))


def evaluate(db, item):
    c = item["_calc"]
    k = c["kind_"]
    if k == "inactive":
        sql = sql_inactive(c["as_of"], c["thr"])
        r = one(db, sql)
        exp = {"inactive_members": r["inactive_members"],
               "detail": {"as_of": c["as_of"], "threshold_days": c["thr"],
                          "active_within_threshold": r["still_active_members"],
                          "never_active_by_as_of": r["never_active_by_as_of"]}}
    elif k == "range":
        sql = sql_range(c["a"], c["b"])
        r = one(db, sql)
        exp = {"active_members": r["members"], "detail": {"events": r["events"]}}
    elif k == "custom":
        sql = sql_range(c["a"], c["b"], c["action"])
        r = one(db, sql)
        other = "members" if c["main"] == "events" else "events"
        exp = {c["main"]: r[c["main"]], "detail": {other: r[other], "action": c["action"]}}
    elif k == "new":
        sql = sql_new(c["a"], c["b"])
        exp = {"new_members": one(db, sql)["new_members"]}
    elif k == "overlap":
        sql = sql_overlap(*c["p1"], *c["p2"], c["mode"])
        r = one(db, sql)
        exp = {c["main"]: r["overlap"], "detail": {"active_first_period": r["active_first"],
                                                 "active_second_period": r["active_second"]}}
    elif k == "change":
        sql = sql_change(*c["p1"], *c["p2"])
        r = one(db, sql)
        p = pct(r["later"] - r["earlier"], r["earlier"])
        # guard: SQL float rounding must agree with exact half-up rounding
        assert abs(p - r["percent"]) < 1e-9, (item["id"], p, r["percent"])
        exp = {"active_members_earlier": r["earlier"], "active_members_later": r["later"], "percent_change": p}
    elif k == "top":
        sql = sql_top(c["a"], c["b"])
        rows = db.execute(sql).fetchall()
        top = [{"member_id": m, "active_days": n} for m, n in rows[:5]]
        cut = rows[4][1]
        tie = len(rows) > 5 and rows[5][1] == cut
        det = {"tie_at_cut": tie, "members_active_in_period": len(rows)}
        if tie:
            det["tied_at_cut_value"] = cut
            det["tied_members"] = [m for m, n in rows if n == cut]
        exp = {"top_members": top, "detail": det}
    elif k == "lifecycle":
        sql = sql_lifecycle(*c["p"], *c["prev"])
        r = one(db, sql)
        exp = {"new": r["new"], "returning": r["returning_members"], "resurrecting": r["resurrecting"],
               "dormant": r["dormant"], "detail": {"active_in_period": r["active_in_period"],
                                                   "active_in_previous_period": r["active_in_previous"]}}
        assert r["new"] + r["returning_members"] + r["resurrecting"] == r["active_in_period"], item["id"]
    elif k == "retention":
        sql = sql_retention(c["cohort"], c["n"])
        r = one(db, sql)
        exp = {"retained_members": r["retained_members"],
               "retention_percent": pct(r["retained_members"], r["cohort_size"]),
               "detail": {"cohort_size": r["cohort_size"], "cohort_month": c["cohort"],
                          "months_after": c["n"], "target_month": r["target_month"]}}
    elif k == "free":
        sql = sql_freeform(c["a"], c["b"])
        r = one(db, sql)
        by_action = {a: n for a, n in db.execute(sql_actions(c["a"], c["b"]))}
        exp = {"active_members": r["active_members"], "events": r["events"], "new_members": r["new_members"],
               "detail": {"events_by_action": by_action}}
        sql = sql + ";\n-- detail:\n" + sql_actions(c["a"], c["b"])
    elif k == "unanswerable":
        sql = None
        exp = {"outcome": "unanswerable", "detail": c["why"]}
    else:
        raise ValueError(k)
    return exp, sql


def build():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events(event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, content_id TEXT)")
    with open(EVENTS, newline="") as f:
        rd = csv.DictReader(f)
        db.executemany("INSERT INTO events VALUES(?,?,?,?,?)",
                       [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"]) for r in rd])
    db.executescript(VIEWS)
    out = []
    for item in Q:
        exp, sql = evaluate(db, item)
        d = {k: v for k, v in item.items() if k != "_calc"}
        d["expected"] = exp
        d["sql"] = sql
        # key order: id, language, category, question, [follows], expected_kind, expected, reading, sql
        order = ["id", "language", "category", "question", "follows", "expected_kind", "expected", "reading", "sql"]
        out.append({k: d[k] for k in order if k in d})
    return out


def main():
    new = build()
    if "--check" in sys.argv:
        old = json.load(open(QFILE, encoding="utf-8"))
        if old != new:
            oldm = {x["id"]: x for x in old}
            for x in new:
                if oldm.get(x["id"]) != x:
                    print("DIFF", x["id"])
            if len(old) != len(new):
                print("DIFF count", len(old), len(new))
            sys.exit(1)
        print(f"OK: {len(new)} questions match")
        return
    with open(QFILE, "w", encoding="utf-8") as f:
        json.dump(new, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {QFILE}: {len(new)} questions")


if __name__ == "__main__":
    main()
