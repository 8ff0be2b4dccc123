#!/usr/bin/env python3
"""Compute every question's expected figures by SQL over events.csv (in-memory SQLite) and rewrite questions.json.

Usage: expected.py            rewrite questions.json
       expected.py --check    compare with the stored questions.json; exit 1 on any difference
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..")
db = sqlite3.connect(":memory:")
db.execute("create table e(event_id text primary key, member_id text, occurred_at text, action text, content_id text, day text)")
with open(os.path.join(OUT, "events.csv"), newline="") as f:
    db.executemany("insert into e values(?,?,?,?,?,substr(?,1,10))",
                   [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"], r["occurred_at"]) for r in csv.DictReader(f)])
db.execute("create table m(member_id text primary key, joined_at text)")
with open(os.path.join(OUT, "members.csv"), newline="") as f:
    db.executemany("insert into m values(?,?)", [(r["member_id"], r["joined_at"]) for r in csv.DictReader(f)])

def rows(sql):
    return db.execute(sql).fetchall()

def pct(num, den):
    """percent num/den*100 rounded half-up (towards +inf at .05) to 0.1"""
    x = Fraction(num) * 1000 / Fraction(den)   # tenths of a percent
    fl = x.numerator // x.denominator
    r = fl + (1 if x - fl >= Fraction(1, 2) else 0)
    return r / 10

def act(a):
    return f" and action = '{a}'" if a else ""

# ---------- SQL builders ----------
def q_inactive(D, I, a=None):
    sql = f"""with last as (select member_id, max(day) l from e where day <= '{D}'{act(a)} group by member_id)
select (select count(*) from last where julianday('{D}') - julianday(l) >= {I}) as inactive_members,
       (select count(*) from m) - (select count(*) from last) as never_active_by_as_of,
       (select count(*) from last) as active_by_as_of"""
    i, n, b = rows(sql)[0]
    return sql, {"inactive_members": i, "detail": {"never_active_by_as_of": n, "members_with_activity_by_as_of": b}}

def q_active(p1, p2, a=None):
    sql = f"select count(distinct member_id) as active_members, count(*) as events from e where day between '{p1}' and '{p2}'{act(a)}"
    am, ev = rows(sql)[0]
    return sql, {"active_members": am, "detail": {"events": ev}}

def q_threshold(p1, p2, n, a=None):
    sql = f"""select count(*) as members from (select member_id from e where day between '{p1}' and '{p2}'{act(a)}
 group by member_id having count(distinct day) >= {n})"""
    c = rows(sql)[0][0]
    tot = rows(f"select count(distinct member_id) from e where day between '{p1}' and '{p2}'{act(a)}")[0][0]
    return sql, {"members": c, "detail": {"active_members_in_period": tot, "min_active_days": n}}

def q_custom(p1, p2, a, main):
    sql = f"select count(*) as events, count(distinct member_id) as members from e where action = '{a}' and day between '{p1}' and '{p2}'"
    ev, mb = rows(sql)[0]
    if main == "events":
        return sql, {"events": ev, "detail": {"members": mb}}
    return sql, {"members": mb, "detail": {"events": ev}}

def q_new(p1, p2):
    sql = f"select count(*) as new_members from (select member_id, min(day) f from e group by member_id) where f between '{p1}' and '{p2}'"
    return sql, {"new_members": rows(sql)[0][0]}

def q_overlap(a1, a2, b1, b2, mode):
    op = "in" if mode == "both" else "not in"
    sql = f"""select count(*) as members from (select distinct member_id from e where day between '{a1}' and '{a2}')
 where member_id {op} (select member_id from e where day between '{b1}' and '{b2}')"""
    c = rows(sql)[0][0]
    pa = rows(f"select count(distinct member_id) from e where day between '{a1}' and '{a2}'")[0][0]
    pb = rows(f"select count(distinct member_id) from e where day between '{b1}' and '{b2}'")[0][0]
    key = "members_in_both" if mode == "both" else "members_in_first_not_second"
    return sql, {key: c, "detail": {"active_first_period": pa, "active_second_period": pb}}

def q_change(a1, a2, b1, b2):
    sql = f"""select (select count(distinct member_id) from e where day between '{a1}' and '{a2}') as earlier,
       (select count(distinct member_id) from e where day between '{b1}' and '{b2}') as later"""
    ea, la = rows(sql)[0]
    return sql + "  -- percent = (later-earlier)/earlier*100, rounded half-up to 0.1", {
        "active_earlier": ea, "active_later": la, "change_percent": pct(la - ea, ea)}

def q_top5(p1, p2):
    sql = f"""select member_id, count(distinct day) as active_days from e where day between '{p1}' and '{p2}'
 group by member_id order by active_days desc, member_id"""
    allr = rows(sql)
    top = allr[:5]
    cut = top[-1][1]
    tied = [m for m, d in allr if d == cut]
    tie = len(allr) > 5 and allr[5][1] == cut
    return sql + " limit 5", {"top_members": [{"member_id": m, "active_days": d} for m, d in top],
                              "detail": {"tie_at_cut": tie, "members_tied_at_cut": tied if tie else [],
                                         "active_days_at_cut": cut, "active_members_in_period": len(allr)}}

def q_lifecycle(c1, c2, p1, p2):
    sql = f"""with cur as (select distinct member_id from e where day between '{c1}' and '{c2}'),
 prev as (select distinct member_id from e where day between '{p1}' and '{p2}'),
 first as (select member_id, min(day) f from e group by member_id)
select (select count(*) from cur join first using(member_id) where f between '{c1}' and '{c2}') as new,
       (select count(*) from cur where member_id in prev) as "returning",
       (select count(*) from cur join first using(member_id) where member_id not in prev and f < '{p1}') as resurrecting,
       (select count(*) from prev where member_id not in cur) as dormant"""
    n, r, s, d = rows(sql)[0]
    return sql, {"new": n, "returning": r, "resurrecting": s, "dormant": d,
                 "detail": {"active_current": n + r + s, "active_previous": r + d}}

def month_bounds(ym, add=0):
    y, mo = map(int, ym.split("-"))
    mo += add
    y += (mo - 1) // 12; mo = (mo - 1) % 12 + 1
    s = date(y, mo, 1)
    e = (date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1))
    return s.isoformat(), e.isoformat()

def q_retention(ym, n):
    s, e_ = month_bounds(ym); t1, t2 = month_bounds(ym, n)
    sql = f"""with cohort as (select member_id from e group by member_id having min(day) between '{s}' and '{e_}')
select (select count(*) from cohort) as cohort_size,
       (select count(distinct member_id) from e where day between '{t1}' and '{t2}' and member_id in cohort) as retained"""
    c, r = rows(sql)[0]
    return sql, {"retained_members": r, "retained_percent": pct(r, c), "detail": {"cohort_size": c, "cohort_month": ym, "target_month": t1[:7]}}

def q_free(ym):
    s, e_ = month_bounds(ym)
    sql = f"""select count(distinct member_id) as active_members, count(*) as events,
       (select count(*) from (select member_id, min(day) f from e group by member_id) where f between '{s}' and '{e_}') as new_members
 from e where day between '{s}' and '{e_}'"""
    a, ev, nw = rows(sql)[0]
    bya = dict(rows(f"select action, count(*) from e where day between '{s}' and '{e_}' group by action order by action"))
    return sql, {"active_members": a, "events": ev, "new_members": nw, "detail": {"events_by_action": bya}}

def unans(why):
    return "-- not answerable from events (member_id, occurred_at, action, content_id)", {"outcome": "unanswerable", "detail": why}

# ---------- questions ----------
Q = []
def add(id_, cat, kind, question, reading, res, follows=None):
    sql, exp = res
    d = {"id": id_, "language": "de", "category": cat, "question": question, "expected_kind": kind,
         "expected": exp, "reading": reading, "sql": sql}
    if follows: d["follows"] = follows
    Q.append(d)

add("DE-01", "inactive_as_of", "figure",
    "Wie viele Mitwirkende waren am 30. Juni 2022 inaktiv? Standardschwelle reicht.",
    {"as_of": "2022-06-30", "threshold_days": 30, "action": None, "text": "last active day L <= 2022-06-30 and 2022-06-30 - L >= 30"},
    q_inactive("2022-06-30", 30))
add("DE-02", "inactive_as_of", "figure",
    "Stand 31.12.2019: wie viele Leute haben seit mindestens 90 Tagen nichts mehr committet?",
    {"as_of": "2019-12-31", "threshold_days": 90, "action": None, "text": "inactive as of 2019-12-31 with threshold 90 days"},
    q_inactive("2019-12-31", 90))
add("DE-03", "inactive_as_of", "figure",
    "Und wenn wir die Grenze auf ein halbes Jahr setzen, also 6 Monate?",
    {"as_of": "2019-12-31", "threshold_days": 180, "action": None, "text": "same as DE-02 with threshold 6 months = 180 days"},
    q_inactive("2019-12-31", 180), follows="DE-02")
add("DE-04", "range", "figure",
    "Wie viele verschiedene Personen waren zwischen dem 2. und 20. Mai 2019 aktiv?",
    {"period": ["2019-05-02", "2019-05-20"], "action": None, "text": "distinct members with an event in the period"},
    q_active("2019-05-02", "2019-05-20"))
add("DE-05", "range", "figure",
    "aktive mitglieder im ersten halbjahr 2021 – wieviele waren das?",
    {"period": ["2021-01-01", "2021-06-30"], "action": None, "text": "H1 2021"},
    q_active("2021-01-01", "2021-06-30"))
add("DE-06", "range", "figure",
    "Können Sie mir sagen, wie viele Mitwirkende in den 60 Tagen vor dem 1. Oktober 2024 aktiv waren?",
    {"period": ["2024-08-02", "2024-09-30"], "action": None, "text": "the 60 days before 2024-10-01 = [D-60, D-1]"},
    q_active("2024-08-02", "2024-09-30"))
add("DE-07", "threshold", "figure",
    "Wie viele Contributor waren 2022 an mindestens 3 verschiedenen Tagen aktiv?",
    {"period": ["2022-01-01", "2022-12-31"], "min_active_days": 3, "action": None, "text": "members with >= 3 distinct active days in 2022"},
    q_threshold("2022-01-01", "2022-12-31", 3))
add("DE-08", "threshold", "figure",
    "Wie viele Personen haben zwischen 01.01.2019 und 31.12.2020 an mind. 2 Tagen Code geändert (code_change)?",
    {"period": ["2019-01-01", "2020-12-31"], "min_active_days": 2, "action": "code_change", "text": "members with >= 2 distinct days with a code_change event"},
    q_threshold("2019-01-01", "2020-12-31", 2, "code_change"))
add("DE-09", "threshold", "figure",
    "Und 2024?",
    {"period": ["2024-01-01", "2024-12-31"], "min_active_days": 3, "action": None, "text": "same as DE-07 for 2024"},
    q_threshold("2024-01-01", "2024-12-31", 3), follows="DE-07")
add("DE-10", "custom_action", "figure",
    "Wie viele release-Events hatten wir im Jahr 2018?",
    {"period": ["2018-01-01", "2018-12-31"], "action": "release", "text": "event count of action release"},
    q_custom("2018-01-01", "2018-12-31", "release", "events"))
add("DE-11", "custom_action", "figure",
    "Wie viele Leute haben von Anfang 2020 bis Ende 2021 Doku-Änderungen (docs_change) beigetragen?",
    {"period": ["2020-01-01", "2021-12-31"], "action": "docs_change", "text": "distinct members with a docs_change event"},
    q_custom("2020-01-01", "2021-12-31", "docs_change", "members"))
add("DE-12", "custom_action", "figure",
    "Anzahl bot_update Events im ersten Quartal 2025?",
    {"period": ["2025-01-01", "2025-03-31"], "action": "bot_update", "text": "event count of bot_update in Q1 2025"},
    q_custom("2025-01-01", "2025-03-31", "bot_update", "events"))
add("DE-13", "custom_action", "figure",
    "Und wie viele waren es bei code_change?",
    {"period": ["2020-01-01", "2021-12-31"], "action": "code_change", "text": "same as DE-11 with action code_change (distinct members)"},
    q_custom("2020-01-01", "2021-12-31", "code_change", "members"), follows="DE-11")
add("DE-14", "new_members", "figure",
    "Wie viele neue Mitwirkende sind 2020 dazugekommen?",
    {"period": ["2020-01-01", "2020-12-31"], "text": "members whose first active day ever is in 2020"},
    q_new("2020-01-01", "2020-12-31"))
add("DE-15", "new_members", "figure",
    "Neue Mitglieder im dritten Quartal 2022, bitte nur die Zahl.",
    {"period": ["2022-07-01", "2022-09-30"], "text": "first active day in Q3 2022"},
    q_new("2022-07-01", "2022-09-30"))
add("DE-16", "new_members", "figure",
    "Wie viele haben zwischen Ende April 2019 und Ende Oktober 2019 zum ersten Mal etwas beigetragen?",
    {"period": ["2019-04-30", "2019-10-31"], "text": "end of April = 2019-04-30, end of October = 2019-10-31, both included"},
    q_new("2019-04-30", "2019-10-31"))
add("DE-17", "overlap", "figure",
    "Wieviele Mitwirkende waren sowohl 2021 als auch 2022 aktiv?",
    {"periods": [["2021-01-01", "2021-12-31"], ["2022-01-01", "2022-12-31"]], "text": "members active in both years"},
    q_overlap("2021-01-01", "2021-12-31", "2022-01-01", "2022-12-31", "both"))
add("DE-18", "overlap", "figure",
    "Wie viele, die im 1. Halbjahr 2024 aktiv waren, tauchen im 2. Halbjahr 2024 gar nicht mehr auf?",
    {"periods": [["2024-01-01", "2024-06-30"], ["2024-07-01", "2024-12-31"]], "text": "active in H1 2024 and not active in H2 2024"},
    q_overlap("2024-01-01", "2024-06-30", "2024-07-01", "2024-12-31", "first_not_second"))
add("DE-19", "change", "figure",
    "Wie hat sich die Zahl der aktiven Mitwirkenden von 2023 auf 2024 verändert? Gerne mit Prozentangabe.",
    {"periods": [["2023-01-01", "2023-12-31"], ["2024-01-01", "2024-12-31"]], "text": "active members 2023 vs 2024, percent half-up 0.1"},
    q_change("2023-01-01", "2023-12-31", "2024-01-01", "2024-12-31"))
add("DE-20", "change", "figure",
    "Veränderung der aktiven Leute: Q4 2019 ggü. Q4 2020 – wie viel Prozent Unterschied?",
    {"periods": [["2019-10-01", "2019-12-31"], ["2020-10-01", "2020-12-31"]], "text": "earlier = Q4 2019, later = Q4 2020"},
    q_change("2019-10-01", "2019-12-31", "2020-10-01", "2020-12-31"))
add("DE-21", "top5", "list",
    "Wer waren 2024 die Top 5 nach Anzahl aktiver Tage?",
    {"period": ["2024-01-01", "2024-12-31"], "text": "top 5 by distinct active days, ties by member_id"},
    q_top5("2024-01-01", "2024-12-31"))
add("DE-22", "top5", "list",
    "Zeig mir bitte die fünf aktivsten Mitwirkenden vom 1.1.2016 bis 31.12.2017 (nach Tagen mit Aktivität).",
    {"period": ["2016-01-01", "2017-12-31"], "text": "top 5 by distinct active days, ties by member_id"},
    q_top5("2016-01-01", "2017-12-31"))
add("DE-23", "lifecycle", "figure",
    "Lifecycle für März 2024 im Vergleich zum Februar: wie viele neu, zurückkehrend, reaktiviert, ruhend?",
    {"period": ["2024-03-01", "2024-03-31"], "previous": ["2024-02-01", "2024-02-29"], "text": "new/returning/resurrecting/dormant"},
    q_lifecycle("2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29"))
add("DE-24", "lifecycle", "figure",
    "Wie sieht die Aufteilung neu / wiederkehrend / reaktiviert / abgewandert im 4. Quartal 2022 gegenüber dem Vorquartal aus?",
    {"period": ["2022-10-01", "2022-12-31"], "previous": ["2022-07-01", "2022-09-30"], "text": "lifecycle Q4 2022 vs Q3 2022"},
    q_lifecycle("2022-10-01", "2022-12-31", "2022-07-01", "2022-09-30"))
add("DE-25", "retention", "figure",
    "Von denen, die im Januar 2021 ihre erste Aktivität hatten: wie viele waren drei Monate später noch aktiv?",
    {"cohort_month": "2021-01", "after_months": 3, "target_month": "2021-04", "text": "cohort Jan 2021 active in April 2021"},
    q_retention("2021-01", 3))
add("DE-26", "retention", "figure",
    "Und nach zwei Monaten, also im März?",
    {"cohort_month": "2021-01", "after_months": 2, "target_month": "2021-03", "text": "same cohort as DE-25, after 2 months (March 2021)"},
    q_retention("2021-01", 2), follows="DE-25")
add("DE-27", "unanswerable", "unanswerable",
    "Aus welchen Ländern kommen eigentlich unsere Mitwirkenden? Gibt's da eine Verteilung?",
    {"text": "no location/country data"},
    unans("events and members carry no country or location; only ids, timestamps, actions and folders"))
add("DE-28", "unanswerable", "unanswerable",
    "Wie viele Stunden haben die Leute im März 2022 insgesamt in Code-Reviews gesteckt?",
    {"text": "no review or time-spent data"},
    unans("the data has commits only: no code reviews and no time spent"))
add("DE-29", "free_form", "figure",
    "Was war im September 2025 los?",
    {"period": ["2025-09-01", "2025-09-30"], "text": "active members, events, new members in the month"},
    q_free("2025-09"))
add("DE-30", "free_form", "figure",
    "Kannst du mir kurz einen Überblick über den Oktober 2019 geben?",
    {"period": ["2019-10-01", "2019-10-31"], "text": "active members, events, new members in the month"},
    q_free("2019-10"))

path = os.path.join(OUT, "questions.json")
if "--check" in sys.argv:
    stored = json.load(open(path, encoding="utf-8"))
    diff = [q["id"] for q, s in zip(Q, stored) if json.dumps(q, sort_keys=True) != json.dumps(s, sort_keys=True)]
    if len(stored) != len(Q) or diff:
        print("DIFFERENT:", diff or "count"); sys.exit(1)
    print(f"OK: {len(Q)} questions match"); sys.exit(0)
with open(path, "w", encoding="utf-8") as f:
    json.dump(Q, f, ensure_ascii=False, indent=2); f.write("\n")
print("wrote", len(Q), "questions")
