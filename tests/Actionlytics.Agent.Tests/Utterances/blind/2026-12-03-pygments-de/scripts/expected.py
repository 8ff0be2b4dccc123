#!/usr/bin/env python3
"""Recompute every expected figure of questions.json by SQL over events.csv
(in-memory SQLite) and rewrite questions.json.  --check: compare instead and exit 1
on any difference.  Percentages are computed from the SQL counts with Decimal,
rounded half-up to 0.1."""
import calendar, csv, json, os, sqlite3, sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EVENTS = os.path.join(ROOT, "events.csv")
QUESTIONS = os.path.join(ROOT, "questions.json")


def month(y, m):
    return [date(y, m, 1).isoformat(), date(y, m, calendar.monthrange(y, m)[1]).isoformat()]


def quarter(y, q):
    return [month(y, 3 * q - 2)[0], month(y, 3 * q)[1]]


def half(y, h):
    return [month(y, 6 * h - 5)[0], month(y, 6 * h)[1]]


def year(y):
    return [f"{y}-01-01", f"{y}-12-31"]


def days_before(d, n):
    d = date.fromisoformat(d)
    return [(d - timedelta(days=n)).isoformat(), (d - timedelta(days=1)).isoformat()]


def add_months(ym, n):
    y, m = map(int, ym.split("-"))
    t = y * 12 + m - 1 + n
    return f"{t // 12:04d}-{t % 12 + 1:02d}"


def pct(part, whole):
    if not whole:
        return None
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------- the questions
# Each spec: id, category, question, kind, reading (as_of, threshold_days, period,
# periods, action, cohort, months_later, text, plus `ask` for custom actions), follows.
SPECS = [
    dict(id="DE-01", category="inactive_as_of",
         question="Wie viele unserer Mitglieder waren zum Stichtag 30.06.2021 inaktiv?",
         reading=dict(as_of="2021-06-30", threshold_days=30,
                      text="members with last active day L <= 2021-06-30 and 2021-06-30 - L >= 30 (default threshold)")),
    dict(id="DE-02", category="inactive_as_of", follows="DE-01",
         question="Und ein Jahr später?",
         reading=dict(as_of="2022-06-30", threshold_days=30,
                      text="same as DE-01, as of 2022-06-30 (one year later)")),
    dict(id="DE-03", category="inactive_as_of",
         question="Ende Q3 2020: wie viele Leute hatten wir da, die nicht mehr aktiv waren?",
         reading=dict(as_of="2020-09-30", threshold_days=30,
                      text="inactive as of 2020-09-30 (end of Q3 2020) with the default 30-day threshold")),
    dict(id="DE-04", category="threshold",
         question="Wieviele Mitglieder waren am 15.03.2023 seit mindestens 6 Wochen nicht mehr aktiv?",
         reading=dict(as_of="2023-03-15", threshold_days=42,
                      text="inactive as of 2023-03-15 with threshold 6 weeks = 42 days")),
    dict(id="DE-05", category="threshold", follows="DE-04",
         question="Und wenn wir 90 Tage als Grenze nehmen?",
         reading=dict(as_of="2023-03-15", threshold_days=90,
                      text="same as DE-04 with threshold 90 days")),
    dict(id="DE-06", category="threshold",
         question="Stichtag 1. Oktober 2019, Inaktivitätsschwelle zwei Monate – wie viele Personen fallen darunter?",
         reading=dict(as_of="2019-10-01", threshold_days=60,
                      text="inactive as of 2019-10-01 with threshold 2 months = 60 days")),
    dict(id="DE-07", category="range",
         question="Wie viele Mitglieder waren zwischen dem 01.03.2021 und dem 31.05.2021 aktiv?",
         reading=dict(period=["2021-03-01", "2021-05-31"],
                      text="distinct members with at least one event in [2021-03-01, 2021-05-31]")),
    dict(id="DE-08", category="range",
         question="Aktive Leute im ersten Halbjahr 2013 – wie viele waren das?",
         reading=dict(period=half(2013, 1),
                      text="distinct members active in the first half of 2013")),
    dict(id="DE-09", category="range",
         question="wie viele waren in den 30 tagen vor dem 1.11.2021 aktiv",
         reading=dict(period=days_before("2021-11-01", 30),
                      text="the 30 days before 2021-11-01 = [2021-10-02, 2021-10-31]")),
    dict(id="DE-10", category="custom_action",
         question="Wie viele Lexer-Updates hatten wir 2014 insgesamt?",
         reading=dict(period=year(2014), action="lexer_update", ask="events",
                      text="number of lexer_update events in 2014; members doing it in detail")),
    dict(id="DE-11", category="custom_action", follows="DE-10",
         question="Und bei den Doku-Änderungen?",
         reading=dict(period=year(2014), action="docs_change", ask="events",
                      text="same as DE-10 for docs_change events")),
    dict(id="DE-12", category="custom_action",
         question="Wie viele verschiedene Personen haben im Jahr 2021 Merges gemacht?",
         reading=dict(period=year(2021), action="merge", ask="members",
                      text="distinct members with a merge event in 2021; event count in detail")),
    dict(id="DE-13", category="custom_action",
         question="Anzahl der Release-Commits von Januar 2019 bis Ende 2023?",
         reading=dict(period=["2019-01-01", "2023-12-31"], action="release", ask="events",
                      text="number of release events in [2019-01-01, 2023-12-31]")),
    dict(id="DE-14", category="new_members",
         question="Wie viele neue Mitglieder sind im Q4 2021 dazugekommen?",
         reading=dict(period=quarter(2021, 4),
                      text="members whose first active day ever is in Q4 2021")),
    dict(id="DE-15", category="new_members",
         question="Neuzugänge 2012 gesamt?",
         reading=dict(period=year(2012),
                      text="members whose first active day ever is in 2012")),
    dict(id="DE-16", category="new_members",
         question="Wie viele Personen haben im März 2014 zum allerersten Mal bei uns mitgemacht?",
         reading=dict(period=month(2014, 3),
                      text="members whose first active day ever is in March 2014")),
    dict(id="DE-17", category="overlap",
         question="Wie viele Mitgleider waren sowohl 2020 als auch 2021 aktiv?",
         reading=dict(periods=[year(2020), year(2021)], mode="both",
                      text="members active in 2020 and active in 2021")),
    dict(id="DE-18", category="overlap",
         question="Wer war im ersten Quartal 2014 dabei, im zweiten dann aber nicht mehr? Mir reicht die Anzahl.",
         reading=dict(periods=[quarter(2014, 1), quarter(2014, 2)], mode="first_not_second",
                      text="members active in Q1 2014 and not active in Q2 2014")),
    dict(id="DE-19", category="change",
         question="Um wie viel Prozent hat sich die Zahl der Aktiven von 2019 auf 2020 verändert?",
         reading=dict(periods=[year(2019), year(2020)],
                      text="active members in 2019 and in 2020, percent change (2020-2019)/2019*100")),
    dict(id="DE-20", category="change",
         question="Vergleichen Sie bitte die aktiven Mitglieder im 1. Halbjahr 2023 mit dem 2. Halbjahr – sind es mehr oder weniger geworden?",
         reading=dict(periods=[half(2023, 1), half(2023, 2)],
                      text="active members in H1 2023 and H2 2023, percent change")),
    dict(id="DE-21", category="top5", kind="list",
         question="Wer waren 2021 unsere fünf aktivsten Mitglieder?",
         reading=dict(period=year(2021),
                      text="top 5 members by distinct active days in 2021, ties by member_id")),
    dict(id="DE-22", category="top5", kind="list",
         question="Top 5 nach Anzahl aktiver Tage im Zeitraum 01.01.2014–30.06.2014, bitte.",
         reading=dict(period=["2014-01-01", "2014-06-30"],
                      text="top 5 members by distinct active days in H1 2014, ties by member_id")),
    dict(id="DE-23", category="lifecycle",
         question="Wie sieht der November 2019 im Vergleich zum Oktober aus? Also wie viele waren neu, wie viele sind geblieben, wie viele kamen nach einer Pause zurück und wie viele sind weggefallen?",
         reading=dict(periods=[month(2019, 10), month(2019, 11)],
                      text="lifecycle of Nov 2019 against Oct 2019: new, returning, resurrecting, dormant")),
    dict(id="DE-24", category="lifecycle",
         question="Q1 2021 gegenüber Q4 2020: Neue, Wiederkehrer, Reaktivierte und Abgewanderte?",
         reading=dict(periods=[quarter(2020, 4), quarter(2021, 1)],
                      text="lifecycle of Q1 2021 against Q4 2020")),
    dict(id="DE-25", category="retention",
         question="Von denen, die im Februar 2013 zum ersten Mal aktiv waren – wie viele waren drei Monate später noch aktiv?",
         reading=dict(cohort="2013-02", months_later=3,
                      text="cohort = first activity in 2013-02; retained = active in calendar month 2013-05")),
    dict(id="DE-26", category="retention", follows="DE-25",
         question="und nach zwei Monaten?",
         reading=dict(cohort="2013-02", months_later=2,
                      text="same cohort, active in calendar month 2013-04")),
    dict(id="DE-27", category="unanswerable", kind="unanswerable",
         question="Aus welchen Ländern kommen eigentlich unsere aktivsten Mitglieder?",
         reading=dict(text="the data has no country or location of members"),
         why="events.csv and members.csv hold no country, location or locale of members"),
    dict(id="DE-28", category="unanswerable", kind="unanswerable",
         question="Warum haben 2017 so viele aufgehört? Gibt's da Gründe?",
         reading=dict(text="the data records activity, not why members stopped"),
         why="the data records when members were active, not their reasons for leaving"),
    dict(id="DE-29", category="free_form",
         question="Was war im Oktober 2015 los?",
         reading=dict(period=month(2015, 10),
                      text="October 2015: active members, events and new members")),
    dict(id="DE-30", category="free_form",
         question="Kurzer Überblick Februar 2026 bitte",
         reading=dict(period=month(2026, 2),
                      text="February 2026: active members, events and new members")),
]

D = "date(occurred_at)"


def q_active(a, b, action=None):
    act = f" AND action = '{action}'" if action else ""
    return (f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events "
            f"FROM events WHERE {D} BETWEEN '{a}' AND '{b}'{act}")


def build(spec):
    """Return (sql, function(rows) -> expected)."""
    c, r = spec["category"], spec["reading"]
    if c in ("inactive_as_of", "threshold"):
        asof, i = r["as_of"], r["threshold_days"]
        sql = (f"WITH last AS (SELECT member_id, MAX({D}) AS l FROM events WHERE {D} <= '{asof}' GROUP BY member_id) "
               f"SELECT SUM(julianday('{asof}') - julianday(l) >= {i}) AS inactive, COUNT(*) AS scored, "
               f"(SELECT COUNT(DISTINCT member_id) FROM events) - COUNT(*) AS never_active_by_as_of FROM last")
        return sql, lambda row: {"value": row[0][0], "detail": {
            "members_active_by_as_of": row[0][1], "still_active": row[0][1] - row[0][0],
            "never_active_by_as_of": row[0][2]}}
    if c == "range":
        a, b = r["period"]
        return q_active(a, b), lambda row: {"value": row[0][0], "detail": {"events": row[0][1]}}
    if c == "custom_action":
        a, b = r["period"]
        sql = q_active(a, b, r["action"])

        def f(row):
            members, events = row[0]
            if r["ask"] == "events":
                return {"value": events, "detail": {"members": members}}
            return {"value": members, "detail": {"events": events}}
        return sql, f
    if c == "new_members":
        a, b = r["period"]
        sql = (f"WITH f AS (SELECT member_id, MIN({D}) AS first_day FROM events GROUP BY member_id) "
               f"SELECT COUNT(*) AS new_members, "
               f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE {D} BETWEEN '{a}' AND '{b}') AS active_members "
               f"FROM f WHERE first_day BETWEEN '{a}' AND '{b}'")
        return sql, lambda row: {"value": row[0][0], "detail": {"active_members_in_period": row[0][1]}}
    if c == "overlap":
        (a1, b1), (a2, b2) = r["periods"]
        sql = (f"WITH p1 AS (SELECT DISTINCT member_id FROM events WHERE {D} BETWEEN '{a1}' AND '{b1}'), "
               f"p2 AS (SELECT DISTINCT member_id FROM events WHERE {D} BETWEEN '{a2}' AND '{b2}') "
               f"SELECT (SELECT COUNT(*) FROM p1 WHERE member_id IN (SELECT member_id FROM p2)) AS both_periods, "
               f"(SELECT COUNT(*) FROM p1 WHERE member_id NOT IN (SELECT member_id FROM p2)) AS first_not_second, "
               f"(SELECT COUNT(*) FROM p1) AS first_active, (SELECT COUNT(*) FROM p2) AS second_active")

        def f(row):
            both, fns, n1, n2 = row[0]
            v = both if r["mode"] == "both" else fns
            return {"value": v, "detail": {"both": both, "first_not_second": fns,
                                           "active_first": n1, "active_second": n2}}
        return sql, f
    if c == "change":
        (a1, b1), (a2, b2) = r["periods"]
        sql = (f"SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE {D} BETWEEN '{a1}' AND '{b1}') AS earlier, "
               f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE {D} BETWEEN '{a2}' AND '{b2}') AS later")

        def f(row):
            e, l = row[0]
            return {"earlier": e, "later": l, "percent_change": pct(l - e, e),
                    "detail": {"difference": l - e}}
        return sql, f
    if c == "top5":
        a, b = r["period"]
        sql = (f"WITH d AS (SELECT member_id, COUNT(DISTINCT {D}) AS active_days FROM events "
               f"WHERE {D} BETWEEN '{a}' AND '{b}' GROUP BY member_id), "
               f"r AS (SELECT member_id, active_days, ROW_NUMBER() OVER (ORDER BY active_days DESC, member_id) AS rk FROM d) "
               f"SELECT member_id, active_days, rk, "
               f"(SELECT active_days FROM r WHERE rk = 5) AS cut, "
               f"(SELECT COUNT(*) FROM d WHERE active_days = (SELECT active_days FROM r WHERE rk = 5)) AS at_cut, "
               f"(SELECT COUNT(*) FROM d WHERE active_days >= (SELECT active_days FROM r WHERE rk = 5)) AS at_or_above "
               f"FROM r WHERE rk <= 5 ORDER BY rk")

        def f(rows):
            cut, at_cut, at_or_above = rows[0][3], rows[0][4], rows[0][5]
            return {"members": [{"member_id": m, "active_days": n} for m, n, *_ in rows],
                    "detail": {"cut_value": cut, "tie_at_cut": at_or_above > 5,
                               "members_at_cut_value": at_cut}}
        return sql, f
    if c == "lifecycle":
        (pa, pb), (a, b) = r["periods"]
        sql = (f"WITH f AS (SELECT member_id, MIN({D}) AS first_day FROM events GROUP BY member_id), "
               f"cur AS (SELECT DISTINCT member_id FROM events WHERE {D} BETWEEN '{a}' AND '{b}'), "
               f"prev AS (SELECT DISTINCT member_id FROM events WHERE {D} BETWEEN '{pa}' AND '{pb}') "
               f"SELECT "
               f"(SELECT COUNT(*) FROM cur JOIN f USING (member_id) WHERE first_day BETWEEN '{a}' AND '{b}') AS new_members, "
               f"(SELECT COUNT(*) FROM cur WHERE member_id IN (SELECT member_id FROM prev)) AS returning_members, "
               f"(SELECT COUNT(*) FROM cur JOIN f USING (member_id) WHERE member_id NOT IN (SELECT member_id FROM prev) "
               f"AND first_day < '{pa}') AS resurrecting, "
               f"(SELECT COUNT(*) FROM prev WHERE member_id NOT IN (SELECT member_id FROM cur)) AS dormant, "
               f"(SELECT COUNT(*) FROM cur) AS active_now, (SELECT COUNT(*) FROM prev) AS active_previous")

        def f(row):
            n, ret, res, dor, now, prev = row[0]
            return {"new": n, "returning": ret, "resurrecting": res, "dormant": dor,
                    "detail": {"active_in_period": now, "active_in_previous_period": prev,
                               "gained": n + res, "lost": dor}}
        return sql, f
    if c == "retention":
        m, n = r["cohort"], r["months_later"]
        t = add_months(m, n)
        sql = (f"WITH f AS (SELECT member_id, MIN({D}) AS first_day FROM events GROUP BY member_id), "
               f"cohort AS (SELECT member_id FROM f WHERE substr(first_day, 1, 7) = '{m}') "
               f"SELECT (SELECT COUNT(*) FROM cohort) AS cohort_size, "
               f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE substr({D}, 1, 7) = '{t}' "
               f"AND member_id IN (SELECT member_id FROM cohort)) AS retained")

        def f(row):
            size, ret = row[0]
            return {"count": ret, "percent": pct(ret, size),
                    "detail": {"cohort_size": size, "target_month": t}}
        return sql, f
    if c == "free_form":
        a, b = r["period"]
        sql = (f"WITH f AS (SELECT member_id, MIN({D}) AS first_day FROM events GROUP BY member_id) "
               f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events, "
               f"(SELECT COUNT(*) FROM f WHERE first_day BETWEEN '{a}' AND '{b}') AS new_members "
               f"FROM events WHERE {D} BETWEEN '{a}' AND '{b}'")

        def f(row):
            act, ev, new = row[0]
            return {"active_members": act, "events": ev, "new_members": new,
                    "detail": {"period": [a, b]}}
        return sql, f
    if c == "unanswerable":
        return None, lambda row: {"outcome": "unanswerable", "detail": spec["why"]}
    raise ValueError(c)


READING_KEYS = ["as_of", "threshold_days", "period", "periods", "action", "cohort", "months_later"]


def load():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, content_id TEXT)")
    with open(EVENTS, newline="") as fh:
        rd = csv.DictReader(fh)
        db.executemany("INSERT INTO events VALUES (?,?,?,?,?)",
                       ((r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"]) for r in rd))
    return db


def compute():
    db = load()
    out = []
    for s in SPECS:
        sql, f = build(s)
        rows = db.execute(sql).fetchall() if sql else None
        reading = {k: s["reading"].get(k) for k in READING_KEYS}
        for k in ("mode", "ask"):
            if k in s["reading"]:
                reading[k] = s["reading"][k]
        reading["text"] = s["reading"]["text"]
        item = {"id": s["id"], "language": "de", "category": s["category"], "question": s["question"],
                "expected_kind": s.get("kind", "figure"), "expected": f(rows), "reading": reading, "sql": sql}
        if s.get("follows"):
            item["follows"] = s["follows"]
        out.append(item)
    return out


def main():
    new = compute()
    if "--check" in sys.argv:
        try:
            old = json.load(open(QUESTIONS))
        except FileNotFoundError:
            print("questions.json missing"); sys.exit(1)
        bad = 0
        oldd = {q["id"]: q for q in old}
        for q in new:
            if oldd.get(q["id"]) != q:
                bad += 1
                print(f"DIFF {q['id']}: stored {json.dumps(oldd.get(q['id'], {}).get('expected'))} "
                      f"computed {json.dumps(q['expected'])}")
        if len(old) != len(new):
            bad += 1; print(f"DIFF count {len(old)} != {len(new)}")
        print(f"{len(new)} questions, {bad} differences")
        sys.exit(1 if bad else 0)
    with open(QUESTIONS, "w", encoding="utf-8") as fh:
        json.dump(new, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    print(f"wrote {len(new)} questions to {QUESTIONS}")


if __name__ == "__main__":
    main()
