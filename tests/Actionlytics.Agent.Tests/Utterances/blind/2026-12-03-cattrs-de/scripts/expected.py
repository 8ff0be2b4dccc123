#!/usr/bin/env python3
"""Compute every expected figure of questions.json by SQL over events.csv (SQLite, in memory).

  python3 scripts/expected.py          # rewrite questions.json
  python3 scripts/expected.py --check  # exit 1 if questions.json differs from a fresh computation
"""
import csv, json, os, sqlite3, sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
EVENTS = os.path.join(ROOT, "events.csv")
QFILE = os.path.join(ROOT, "questions.json")


def load():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events(event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT,"
               " content_id TEXT, day TEXT)")
    with open(EVENTS, newline="") as f:
        rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"],
                 r["occurred_at"][:10]) for r in csv.DictReader(f)]
    db.executemany("INSERT INTO events VALUES(?,?,?,?,?,?)", rows)
    return db


def pct(later, earlier):
    """(later - earlier) / earlier * 100, rounded half-up to 0.1 (exact decimal arithmetic)."""
    v = (Decimal(later) - Decimal(earlier)) / Decimal(earlier) * 100
    q = v.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    # guard: refuse a value exactly on a rounding half (sign convention would matter)
    assert (v * 100) % 10 != 5 or v >= 0, "ambiguous half on a negative percent"
    return float(q)


def share(part, whole):
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------- SQL builders (literals inlined)

def sql_inactive(d, i):
    return f"""WITH last AS (
  SELECT member_id, MAX(day) AS last_day FROM events WHERE day <= '{d}' GROUP BY member_id)
SELECT
  (SELECT COUNT(*) FROM last WHERE julianday('{d}') - julianday(last_day) >= {i}) AS inactive_members,
  (SELECT COUNT(*) FROM last WHERE julianday('{d}') - julianday(last_day) <  {i}) AS active_within_threshold,
  (SELECT COUNT(DISTINCT member_id) FROM events) - (SELECT COUNT(*) FROM last) AS never_active_by_as_of"""


def sql_active(a, b, action=None):
    act = f" AND action = '{action}'" if action else ""
    return f"""SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events,
  COUNT(DISTINCT day) AS active_days
FROM events WHERE day BETWEEN '{a}' AND '{b}'{act}"""


def sql_action(a, b, action):
    return f"""SELECT COUNT(*) AS events, COUNT(DISTINCT member_id) AS members
FROM events WHERE action = '{action}' AND day BETWEEN '{a}' AND '{b}'"""


def sql_new(a, b):
    return f"""WITH firsts AS (SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id)
SELECT COUNT(*) AS new_members,
  (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a}' AND '{b}') AS active_members
FROM firsts WHERE first_day BETWEEN '{a}' AND '{b}'"""


def sql_overlap_both(a1, b1, a2, b2):
    return f"""WITH p1 AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a1}' AND '{b1}'),
     p2 AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a2}' AND '{b2}')
SELECT (SELECT COUNT(*) FROM p1 WHERE member_id IN (SELECT member_id FROM p2)) AS members_in_both,
       (SELECT COUNT(*) FROM p1) AS active_first_period,
       (SELECT COUNT(*) FROM p2) AS active_second_period"""


def sql_overlap_not(a1, b1, a2, b2):
    return f"""WITH p1 AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a1}' AND '{b1}'),
     p2 AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a2}' AND '{b2}')
SELECT (SELECT COUNT(*) FROM p1 WHERE member_id NOT IN (SELECT member_id FROM p2)) AS members_first_not_second,
       (SELECT COUNT(*) FROM p1 WHERE member_id IN (SELECT member_id FROM p2)) AS members_in_both,
       (SELECT COUNT(*) FROM p1) AS active_first_period,
       (SELECT COUNT(*) FROM p2) AS active_second_period"""


def sql_change(a1, b1, a2, b2):
    return f"""SELECT
  (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a1}' AND '{b1}') AS active_earlier,
  (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a2}' AND '{b2}') AS active_later"""


def sql_top(a, b):
    return f"""WITH d AS (
  SELECT member_id, COUNT(DISTINCT day) AS active_days FROM events
  WHERE day BETWEEN '{a}' AND '{b}' GROUP BY member_id),
r AS (SELECT member_id, active_days,
        ROW_NUMBER() OVER (ORDER BY active_days DESC, member_id) AS pos FROM d)
SELECT member_id, active_days, pos,
  (SELECT active_days FROM r WHERE pos = 5) AS cut_active_days
FROM r WHERE pos <= 5 OR active_days = (SELECT active_days FROM r WHERE pos = 5)
ORDER BY pos"""


def sql_lifecycle(pa, pb, a, b):
    return f"""WITH m AS (
  SELECT member_id,
    MIN(day) AS first_day,
    MAX(day BETWEEN '{a}' AND '{b}') AS in_cur,
    MAX(day BETWEEN '{pa}' AND '{pb}') AS in_prev
  FROM events WHERE day <= '{b}' GROUP BY member_id)
SELECT
  SUM(in_cur = 1 AND first_day >= '{a}') AS "new",
  SUM(in_cur = 1 AND in_prev = 1) AS "returning",
  SUM(in_cur = 1 AND in_prev = 0 AND first_day < '{pa}') AS resurrecting,
  SUM(in_cur = 0 AND in_prev = 1) AS dormant,
  SUM(in_cur) AS active_members,
  SUM(in_prev) AS active_previous_period
FROM m"""


def sql_retention(cohort, target):
    return f"""WITH c AS (SELECT member_id FROM events GROUP BY member_id
           HAVING substr(MIN(day), 1, 7) = '{cohort}')
SELECT (SELECT COUNT(*) FROM c) AS cohort_size,
       (SELECT COUNT(DISTINCT member_id) FROM events
         WHERE substr(day, 1, 7) = '{target}' AND member_id IN (SELECT member_id FROM c)) AS retained_members"""


def sql_month(a, b):
    return f"""SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events,
  (SELECT COUNT(*) FROM (SELECT member_id FROM events GROUP BY member_id
     HAVING MIN(day) BETWEEN '{a}' AND '{b}')) AS new_members
FROM events WHERE day BETWEEN '{a}' AND '{b}'"""


def sql_month_actions(a, b):
    return f"SELECT action, COUNT(*) FROM events WHERE day BETWEEN '{a}' AND '{b}' GROUP BY action ORDER BY action"


# ---------------------------------------------------------------- evaluators

def row(db, sql):
    cur = db.execute(sql)
    names = [c[0] for c in cur.description]
    return dict(zip(names, cur.fetchone()))


def ev_inactive(db, q):
    r = row(db, q["sql"])
    return {"inactive_members": r["inactive_members"],
            "detail": {"active_within_threshold": r["active_within_threshold"],
                       "never_active_by_as_of": r["never_active_by_as_of"]}}


def ev_active(db, q):
    r = row(db, q["sql"])
    return {"active_members": r["active_members"], "detail": {"events": r["events"], "active_days": r["active_days"]}}


def ev_action(main):
    def f(db, q):
        r = row(db, q["sql"])
        other = "members" if main == "events" else "events"
        return {main: r[main], "detail": {other: r[other]}}
    return f


def ev_new(db, q):
    r = row(db, q["sql"])
    return {"new_members": r["new_members"], "detail": {"active_members_in_period": r["active_members"]}}


def ev_overlap(main):
    def f(db, q):
        r = row(db, q["sql"])
        return {main: r[main], "detail": {k: v for k, v in r.items() if k != main}}
    return f


def ev_change(db, q):
    r = row(db, q["sql"])
    return {"active_earlier": r["active_earlier"], "active_later": r["active_later"],
            "change_percent": pct(r["active_later"], r["active_earlier"]),
            "detail": {"difference": r["active_later"] - r["active_earlier"]}}


def ev_top(db, q):
    rows = db.execute(q["sql"]).fetchall()
    top = [{"member_id": m, "active_days": d} for m, d, pos, cut in rows if pos <= 5]
    cut = rows[0][3]
    tied = [m for m, d, pos, c in rows if d == cut]
    outside = [m for m, d, pos, c in rows if pos > 5]
    return {"top_members": top,
            "detail": {"tie_at_cut": bool(outside), "cut_active_days": cut,
                       "tied_members": tied if outside else [],
                       "tied_outside_top5": len(outside)}}


def ev_lifecycle(db, q):
    r = row(db, q["sql"])
    return {"new": r["new"], "returning": r["returning"], "resurrecting": r["resurrecting"], "dormant": r["dormant"],
            "detail": {"active_members": r["active_members"], "active_previous_period": r["active_previous_period"]}}


def ev_retention(db, q):
    r = row(db, q["sql"])
    return {"retained_members": r["retained_members"],
            "retention_percent": share(r["retained_members"], r["cohort_size"]),
            "detail": {"cohort_size": r["cohort_size"]}}


def ev_month(db, q):
    r = row(db, q["sql"])
    a, b = q["reading"]["period"]
    acts = dict(db.execute(sql_month_actions(a, b)).fetchall())
    return {"active_members": r["active_members"], "events": r["events"], "new_members": r["new_members"],
            "detail": {"events_by_action": acts}}


def ev_unanswerable(why):
    def f(db, q):
        return {"outcome": "unanswerable", "detail": why}
    return f


# ---------------------------------------------------------------- questions

Q = []


def add(id_, category, question, kind, reading, sql, ev, follows=None):
    d = {"id": id_, "language": "de", "category": category, "question": question, "expected_kind": kind}
    if follows:
        d["follows"] = follows
    d["reading"] = reading
    d["sql"] = sql
    Q.append((d, ev))


# inactive_as_of (default threshold 30 days)
add("DE-01", "inactive_as_of", "Wie viele Mitglieder waren am 15. März 2021 inaktiv?", "figure",
    {"as_of": "2021-03-15", "threshold_days": 30,
     "text": "Inaktiv zum 2021-03-15 mit Standardschwelle 30 Tage: letzter aktiver Tag L <= D und D - L >= 30."},
    sql_inactive("2021-03-15", 30), ev_inactive)
add("DE-02", "inactive_as_of", "Stand 30.06.2023 – wie viele Leute zählen bei uns als inaktiv?", "figure",
    {"as_of": "2023-06-30", "threshold_days": 30, "text": "Inaktiv zum 2023-06-30, Standardschwelle 30 Tage."},
    sql_inactive("2023-06-30", 30), ev_inactive)
add("DE-03", "inactive_as_of", "Kannst du mir sagen, wie viele inaktive Mitglieder wir Ende Februar 2019 hatten?",
    "figure",
    {"as_of": "2019-02-28", "threshold_days": 30,
     "text": "'Ende Februar 2019' = 2019-02-28 (letzter Tag des Monats); Standardschwelle 30 Tage."},
    sql_inactive("2019-02-28", 30), ev_inactive)

# threshold
add("DE-04", "threshold",
    "Wie viele Mitglieder waren zum 31.12.2022 schon seit mindestens 90 Tagen nicht mehr aktiv?", "figure",
    {"as_of": "2022-12-31", "threshold_days": 90, "text": "Inaktiv zum 2022-12-31 mit Schwelle 90 Tage."},
    sql_inactive("2022-12-31", 90), ev_inactive)
add("DE-05", "threshold",
    "Inaktive am 1. Oktober 2024, aber bitte mit einer Schwelle von 8 Wochen statt dem Standard – wie viele sind das?",
    "figure",
    {"as_of": "2024-10-01", "threshold_days": 56, "text": "8 Wochen = 56 Tage; inaktiv zum 2024-10-01."},
    sql_inactive("2024-10-01", 56), ev_inactive)
add("DE-06", "threshold", "Und wenn wir die Schwelle auf 6 Monate setzen?", "figure",
    {"as_of": "2024-10-01", "threshold_days": 180,
     "text": "Folgefrage zu DE-05: gleicher Stichtag 2024-10-01, Schwelle 6 Monate = 180 Tage."},
    sql_inactive("2024-10-01", 180), ev_inactive, follows="DE-05")

# range
add("DE-07", "range", "Wie viele Mitglieder waren zwischen dem 15. und 30. Mai 2023 aktiv?", "figure",
    {"period": ["2023-05-15", "2023-05-30"], "text": "Aktive Mitglieder (beliebige Aktion), beide Enden inklusive."},
    sql_active("2023-05-15", "2023-05-30"), ev_active)
add("DE-08", "range", "wie viele aktive Leute hatten wir im ersten Quartal 2022?", "figure",
    {"period": ["2022-01-01", "2022-03-31"], "text": "Q1 2022 = 2022-01-01..2022-03-31, aktive Mitglieder."},
    sql_active("2022-01-01", "2022-03-31"), ev_active)
add("DE-09", "range",
    "Könnten Sie mir sagen, wie viele Mitglieder in den 90 Tagen vor dem 1. Juni 2023 aktiv waren?", "figure",
    {"period": ["2023-03-03", "2023-05-31"],
     "text": "'Die 90 Tage vor D' = [D-90, D-1] = 2023-03-03..2023-05-31."},
    sql_active("2023-03-03", "2023-05-31"), ev_active)

# custom_action
add("DE-10", "custom_action", "Wie viele Releases gab es 2021 insgesamt?", "figure",
    {"period": ["2021-01-01", "2021-12-31"], "action": "release",
     "text": "Anzahl Ereignisse der Aktion release im Jahr 2021 (events); Personen im detail."},
    sql_action("2021-01-01", "2021-12-31", "release"), ev_action("events"))
add("DE-11", "custom_action",
    "Wie viele Personen haben im ersten Halbjahr 2022 Doku-Änderungen gemacht (docs_change)?", "figure",
    {"period": ["2022-01-01", "2022-06-30"], "action": "docs_change",
     "text": "Verschiedene Mitglieder mit docs_change im H1 2022 (members); Ereignisse im detail."},
    sql_action("2022-01-01", "2022-06-30", "docs_change"), ev_action("members"))
add("DE-12", "custom_action", "Und wie viele waren es bei test_change?", "figure",
    {"period": ["2022-01-01", "2022-06-30"], "action": "test_change",
     "text": "Folgefrage zu DE-11: gleicher Zeitraum H1 2022, Aktion test_change, verschiedene Personen."},
    sql_action("2022-01-01", "2022-06-30", "test_change"), ev_action("members"), follows="DE-11")
add("DE-13", "custom_action", "wieviele bot_update events hatten wir im 1. Quartal 2026?", "figure",
    {"period": ["2026-01-01", "2026-03-31"], "action": "bot_update",
     "text": "Anzahl bot_update-Ereignisse in Q1 2026 (events); Personen im detail."},
    sql_action("2026-01-01", "2026-03-31", "bot_update"), ev_action("events"))

# new_members
add("DE-14", "new_members",
    "Wie viele neue Mitglieder sind zwischen dem 1. März und dem 30. Juni 2023 dazugekommen?", "figure",
    {"period": ["2023-03-01", "2023-06-30"], "text": "Mitglieder, deren erster aktiver Tag im Zeitraum liegt."},
    sql_new("2023-03-01", "2023-06-30"), ev_new)
add("DE-15", "new_members", "Neue Mitglieder im September 2022 – wie viele waren es?", "figure",
    {"period": ["2022-09-01", "2022-09-30"], "text": "Erster aktiver Tag im September 2022."},
    sql_new("2022-09-01", "2022-09-30"), ev_new)
add("DE-16", "new_members", "Und im ganzen Jahr 2022?", "figure",
    {"period": ["2022-01-01", "2022-12-31"], "text": "Folgefrage zu DE-15: gleiche Frage für das Kalenderjahr 2022."},
    sql_new("2022-01-01", "2022-12-31"), ev_new, follows="DE-15")

# overlap
add("DE-17", "overlap", "Wie viele Mitgleider waren sowohl 2024 als auch 2025 aktiv?", "figure",
    {"periods": [["2024-01-01", "2024-12-31"], ["2025-01-01", "2025-12-31"]],
     "text": "Mitglieder, die in beiden Jahren (2024 und 2025) aktiv waren."},
    sql_overlap_both("2024-01-01", "2024-12-31", "2025-01-01", "2025-12-31"), ev_overlap("members_in_both"))
add("DE-18", "overlap",
    "Wie viele von denen, die im zweiten Halbjahr 2023 aktiv waren, waren im ersten Halbjahr 2024 nicht mehr dabei?",
    "figure",
    {"periods": [["2023-07-01", "2023-12-31"], ["2024-01-01", "2024-06-30"]],
     "text": "Aktiv im H2 2023 und nicht aktiv im H1 2024."},
    sql_overlap_not("2023-07-01", "2023-12-31", "2024-01-01", "2024-06-30"), ev_overlap("members_first_not_second"))

# change
add("DE-19", "change",
    "Um wie viel Prozent hat sich die Zahl der aktiven Mitglieder von 2022 auf 2023 verändert?", "figure",
    {"periods": [["2022-01-01", "2022-12-31"], ["2023-01-01", "2023-12-31"]],
     "text": "Aktive in 2022 (früher) und 2023 (später); Prozent = (später - früher)/früher*100, half-up auf 0,1."},
    sql_change("2022-01-01", "2022-12-31", "2023-01-01", "2023-12-31"), ev_change)
add("DE-20", "change",
    "Vergleich Q1 2024 mit Q1 2025: wie hat sich die Anzahl aktiver Mitglieder entwickelt?", "figure",
    {"periods": [["2024-01-01", "2024-03-31"], ["2025-01-01", "2025-03-31"]],
     "text": "Aktive in Q1 2024 (früher) und Q1 2025 (später) mit Prozentänderung."},
    sql_change("2024-01-01", "2024-03-31", "2025-01-01", "2025-03-31"), ev_change)

# top5
add("DE-21", "top5", "Wer waren 2023 unsere fünf aktivsten Mitglieder, gemessen an aktiven Tagen?", "list",
    {"period": ["2023-01-01", "2023-12-31"],
     "text": "Top 5 nach verschiedenen aktiven Tagen 2023, Gleichstand nach member_id."},
    sql_top("2023-01-01", "2023-12-31"), ev_top)
add("DE-22", "top5", "Top 5 nach aktiven Tagen für den Zeitraum 01.01.2021 bis 30.06.2021 bitte", "list",
    {"period": ["2021-01-01", "2021-06-30"],
     "text": "Top 5 nach verschiedenen aktiven Tagen im H1 2021, Gleichstand nach member_id."},
    sql_top("2021-01-01", "2021-06-30"), ev_top)

# lifecycle
add("DE-23", "lifecycle",
    "Zeig mir den Lebenszyklus für September 2022 im Vergleich zum August: wie viele neue, zurückkehrende, "
    "reaktivierte und ruhende Mitglieder gab es?", "figure",
    {"period": ["2022-09-01", "2022-09-30"], "previous_period": ["2022-08-01", "2022-08-31"],
     "text": "new / returning / resurrecting / dormant für September 2022 gegen August 2022."},
    sql_lifecycle("2022-08-01", "2022-08-31", "2022-09-01", "2022-09-30"), ev_lifecycle)
add("DE-24", "lifecycle", "Lifecycle fürs zweite Quartal 2023 gegenüber dem ersten Quartal?", "figure",
    {"period": ["2023-04-01", "2023-06-30"], "previous_period": ["2023-01-01", "2023-03-31"],
     "text": "new / returning / resurrecting / dormant für Q2 2023 gegen Q1 2023."},
    sql_lifecycle("2023-01-01", "2023-03-31", "2023-04-01", "2023-06-30"), ev_lifecycle)

# retention
add("DE-25", "retention",
    "Von den Mitgliedern, die im Mai 2023 zum ersten Mal aktiv waren – wie viele waren einen Monat später noch aktiv?",
    "figure",
    {"cohort": "2023-05", "months_after": 1, "target_month": "2023-06",
     "text": "Kohorte Mai 2023 (erste Aktivität), aktiv im Juni 2023; Anzahl und Prozent."},
    sql_retention("2023-05", "2023-06"), ev_retention)
add("DE-26", "retention", "Und bei der Kohorte vom Januar 2022?", "figure",
    {"cohort": "2022-01", "months_after": 1, "target_month": "2022-02",
     "text": "Folgefrage zu DE-25: gleiche Frage (1 Monat später) für die Kohorte Januar 2022, aktiv im Februar 2022."},
    sql_retention("2022-01", "2022-02"), ev_retention, follows="DE-25")

# unanswerable
add("DE-27", "unanswerable", "Aus welchen Ländern kommen unsere aktivsten Mitglieder eigentlich?", "unanswerable",
    {"text": "Die Daten enthalten kein Land/keinen Standort der Mitglieder."},
    "-- no SQL: events.csv/members.csv carry no country or location", 
    ev_unanswerable("Es gibt keine Länder- oder Standortangaben: Ereignisse haben nur member_id, Zeitpunkt, Aktion, content_id; Mitglieder nur member_id und joined_at."))
add("DE-28", "unanswerable",
    "Wie zufrieden waren die Mitglieder 2023 mit der Community? Gibt's da einen Durchschnittswert?", "unanswerable",
    {"text": "Zufriedenheit (Umfragen, Bewertungen) ist nicht in den Ereignisdaten enthalten."},
    "-- no SQL: no satisfaction, rating or survey data exists",
    ev_unanswerable("Keine Zufriedenheits-, Bewertungs- oder Umfragedaten vorhanden; nur Aktivitätsereignisse."))

# free_form
add("DE-29", "free_form", "Was war im März 2021 los?", "figure",
    {"period": ["2021-03-01", "2021-03-31"], "text": "Überblick März 2021: aktive Mitglieder, Ereignisse, neue Mitglieder."},
    sql_month("2021-03-01", "2021-03-31"), ev_month)
add("DE-30", "free_form", "Gib mir mal einen kurzen Überblick über den November 2023.", "figure",
    {"period": ["2023-11-01", "2023-11-30"], "text": "Überblick November 2023: aktive Mitglieder, Ereignisse, neue Mitglieder."},
    sql_month("2023-11-01", "2023-11-30"), ev_month)


def build():
    db = load()
    out = []
    for d, ev in Q:
        d = dict(d)
        exp = ev(db, d)
        # reorder keys: expected before reading
        res = {k: d[k] for k in ("id", "language", "category", "question", "expected_kind")}
        if "follows" in d:
            res["follows"] = d["follows"]
        res["expected"] = exp
        res["reading"] = d["reading"]
        res["sql"] = d["sql"]
        out.append(res)
    return out


def main():
    fresh = build()
    if "--check" in sys.argv:
        try:
            with open(QFILE) as f:
                old = json.load(f)
        except FileNotFoundError:
            print("questions.json missing"); sys.exit(1)
        bad = 0
        if len(old) != len(fresh):
            print(f"count differs: {len(old)} vs {len(fresh)}"); bad += 1
        for o, n in zip(old, fresh):
            if o != n:
                bad += 1
                print("DIFF", n["id"], json.dumps(o.get("expected")), "->", json.dumps(n["expected"]))
        print("OK" if not bad else f"{bad} difference(s)")
        sys.exit(1 if bad else 0)
    with open(QFILE, "w") as f:
        json.dump(fresh, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {len(fresh)} questions")


if __name__ == "__main__":
    main()
