#!/usr/bin/env python3
"""Recompute every expected figure of questions.json from events.csv and members.csv.

    python3 scripts/expected.py            # print the computed questions as JSON
    python3 scripts/expected.py --write    # (re)write questions.json
    python3 scripts/expected.py --check    # compare with questions.json, exit 1 on any difference

All figures come from SQL (sqlite3, in memory) over the two CSV files. Days are UTC calendar days:
the day of an event is the first 10 characters of its occurred_at (which is written in UTC, with Z).
Readings (as in docs/analytics.md):
- active in a period: at least one event on a day in it (any action unless one is named);
- new in a period: first active day ever falls in it;
- lifecycle vs the previous period of the same kind: new / returning / resurrecting / dormant;
- inactive as of D with threshold I: last active day L <= D and D - L >= I (never active by D: not counted);
- retention of cohort M after N months: first active day in M and active in calendar month M+N;
- the N days before D: [D-N, D-1];
- segments and inactivity score: docs/analytics.md, window W = 180, threshold I = 30 unless named,
  weights 0.5 recency, 0.25 constancy, 0.25 frequency.
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
QFILE = os.path.join(ROOT, "questions.json")


def load():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events(event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, content_id TEXT)")
    db.execute("CREATE TABLE members(member_id TEXT PRIMARY KEY, joined_at TEXT)")
    with open(os.path.join(ROOT, "events.csv"), newline="") as f:
        r = csv.DictReader(f)
        db.executemany("INSERT INTO events VALUES(?,?,?,?,?)",
                       [(x["event_id"], x["member_id"], x["occurred_at"], x["action"], x["content_id"]) for x in r])
    with open(os.path.join(ROOT, "members.csv"), newline="") as f:
        r = csv.DictReader(f)
        db.executemany("INSERT INTO members VALUES(?,?)", [(x["member_id"], x["joined_at"]) for x in r])
    # one row per member, UTC day and action
    db.execute("CREATE VIEW days AS SELECT DISTINCT member_id, substr(occurred_at,1,10) AS day, action FROM events")
    return db


DB = None


def one(sql):
    return DB.execute(sql).fetchone()[0]


def rows(sql):
    return DB.execute(sql).fetchall()


def pct(a, b):
    return None if b == 0 else round(100.0 * a / b, 1)


def act(action):
    return f" AND action = '{action}'" if action else ""


# ---------------------------------------------------------------- period helpers
def month_bounds(y, m):
    a = date(y, m, 1)
    b = date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
    return a.isoformat(), b.isoformat()


def add_months(y, m, n):
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def quarter_bounds(y, q):
    a, _ = month_bounds(y, 3 * q - 2)
    _, b = month_bounds(y, 3 * q)
    return a, b


def minus_days(d, n):
    return (date.fromisoformat(d) - timedelta(days=n)).isoformat()


# ---------------------------------------------------------------- SQL builders
def sql_active(p, action=None):
    return (f"SELECT COUNT(DISTINCT member_id) FROM days WHERE day BETWEEN '{p[0]}' AND '{p[1]}'{act(action)}")


def sql_events(p, action=None):
    return (f"SELECT COUNT(*) FROM events WHERE substr(occurred_at,1,10) BETWEEN '{p[0]}' AND '{p[1]}'{act(action)}")


def sql_new(p):
    return ("SELECT COUNT(*) FROM (SELECT member_id, MIN(day) AS first_day FROM days GROUP BY member_id) "
            f"WHERE first_day BETWEEN '{p[0]}' AND '{p[1]}'")


def sql_inactive(d, i):
    return ("SELECT COUNT(*) FROM (SELECT member_id, MAX(day) AS last_day FROM days "
            f"WHERE day <= '{d}' GROUP BY member_id) "
            f"WHERE julianday('{d}') - julianday(last_day) >= {i}")


def sql_set(p, action=None):
    return f"SELECT member_id FROM days WHERE day BETWEEN '{p[0]}' AND '{p[1]}'{act(action)}"


def sql_both(p1, p2):
    return f"SELECT COUNT(*) FROM ({sql_set(p1)} INTERSECT {sql_set(p2)})"


def sql_first_not_second(p1, p2):
    return f"SELECT COUNT(*) FROM ({sql_set(p1)} EXCEPT {sql_set(p2)})"


def sql_top(p, action=None):
    return ("SELECT member_id, COUNT(DISTINCT day) AS active_days FROM days "
            f"WHERE day BETWEEN '{p[0]}' AND '{p[1]}'{act(action)} "
            "GROUP BY member_id ORDER BY active_days DESC, member_id")


def sql_lifecycle(p, prev):
    cur, pre = sql_set(p), sql_set(prev)
    first = "SELECT member_id, MIN(day) AS first_day FROM days GROUP BY member_id"
    return (
        f"WITH cur AS ({cur}), pre AS ({pre}), f AS ({first}) SELECT "
        f"(SELECT COUNT(*) FROM f WHERE first_day BETWEEN '{p[0]}' AND '{p[1]}') AS new, "
        "(SELECT COUNT(*) FROM (SELECT member_id FROM cur INTERSECT SELECT member_id FROM pre)) AS \"returning\", "
        "(SELECT COUNT(*) FROM f WHERE member_id IN (SELECT member_id FROM cur) "
        f"AND member_id NOT IN (SELECT member_id FROM pre) AND first_day < '{p[0]}') AS resurrecting, "
        "(SELECT COUNT(*) FROM (SELECT member_id FROM pre EXCEPT SELECT member_id FROM cur)) AS dormant")


def sql_retention(cohort, target):
    first = "SELECT member_id, MIN(day) AS first_day FROM days GROUP BY member_id"
    return (f"WITH c AS (SELECT member_id FROM ({first}) WHERE first_day BETWEEN '{cohort[0]}' AND '{cohort[1]}') "
            "SELECT (SELECT COUNT(*) FROM c) AS cohort_size, "
            f"(SELECT COUNT(*) FROM c WHERE member_id IN ({sql_set(target)})) AS retained")


def sql_scored(d, i=30, w=180):
    """One row per member active on or before d: recency, active days in window, constancy, days ever."""
    start = minus_days(d, w - 1)
    return (
        "WITH upto AS (SELECT DISTINCT member_id, day FROM days WHERE day <= '" + d + "'), "
        "m AS (SELECT member_id, MAX(day) AS last_day, COUNT(*) AS days_ever FROM upto GROUP BY member_id), "
        "win AS (SELECT member_id, COUNT(*) AS active_days, "
        "CAST(julianday(MAX(day)) - julianday(MIN(day)) AS INTEGER) + 1 AS constancy_days "
        f"FROM upto WHERE day >= '{start}' GROUP BY member_id) "
        f"SELECT m.member_id, CAST(julianday('{d}') - julianday(m.last_day) AS INTEGER) AS recency_days, "
        "COALESCE(win.active_days,0) AS active_days, COALESCE(win.constancy_days,0) AS constancy_days, "
        "m.days_ever FROM m LEFT JOIN win USING(member_id)")


def sql_segments(d, i=30, w=180):
    return (
        f"WITH s AS ({sql_scored(d, i, w)}), ina AS (SELECT *, recency_days - {i} AS past FROM s "
        f"WHERE recency_days >= {i}) SELECT CASE "
        "WHEN days_ever <= 2 THEN 'one_timers' "
        "WHEN past <= 30 AND active_days >= 10 THEN 'recently_lapsed_regulars' "
        "WHEN past <= 30 THEN 'recently_lapsed' "
        "WHEN past <= 90 THEN 'fading' "
        "ELSE 'long_gone' END AS segment, COUNT(*) FROM ina GROUP BY segment")


def clamp(x):
    return max(0.0, min(1.0, x))


# ---------------------------------------------------------------- computations
def c_active(p, action=None, alt=None):
    sql = sql_active(p, action)
    e = {"active_members": one(sql)}
    for name, (pp, aa) in (alt or {}).items():
        e["alternative_" + name] = one(sql_active(pp, aa))
    return e, {"period": list(p), "action": action}, sql


def c_events(p, action):
    sql = sql_events(p, action)
    e = {"events": one(sql),
         "alternative_members": one(sql_active(p, action)),
         "alternative_member_days": one(f"SELECT COUNT(*) FROM days WHERE day BETWEEN '{p[0]}' AND '{p[1]}'{act(action)}")}
    return e, {"period": list(p), "action": action}, sql


def c_new(p):
    sql = sql_new(p)
    e = {"new_members": one(sql),
         "detail": {"joined_at_in_period": one(f"SELECT COUNT(*) FROM members WHERE joined_at BETWEEN '{p[0]}' AND '{p[1]}'")}}
    return e, {"period": list(p)}, sql


def c_inactive(d, i, alts=()):
    sql = sql_inactive(d, i)
    e = {"inactive_members": one(sql)}
    for a in alts:
        e[f"alternative_threshold_{a}"] = one(sql_inactive(d, a))
    e["detail"] = {"members_active_by_as_of": one(f"SELECT COUNT(DISTINCT member_id) FROM days WHERE day <= '{d}'")}
    return e, {"as_of": d, "threshold_days": i}, sql


def c_overlap(p1, p2, mode):
    sql = sql_both(p1, p2) if mode == "both" else sql_first_not_second(p1, p2)
    key = "active_in_both" if mode == "both" else "active_in_first_not_second"
    e = {key: one(sql),
         "detail": {"active_first": one(sql_active(p1)), "active_second": one(sql_active(p2))}}
    if mode == "both":
        e["detail"]["percent_of_first"] = pct(e[key], e["detail"]["active_first"])
    else:
        e["detail"]["percent_of_first"] = pct(e[key], e["detail"]["active_first"])
    return e, {"periods": [list(p1), list(p2)]}, sql


def c_change(p1, p2, l1, l2, action=None):
    a, b = one(sql_active(p1, action)), one(sql_active(p2, action))
    e = {f"active_{l1}": a, f"active_{l2}": b, "change": b - a, "change_percent": pct(b - a, a)}
    sql = f"SELECT ({sql_active(p2, action)}) - ({sql_active(p1, action)})"
    return e, {"periods": [list(p1), list(p2)], "action": action}, sql


def c_top(p, n=5, action=None, key="active_days"):
    sql = sql_top(p, action)
    r = rows(sql)
    top = r[:n]
    cut = top[-1][1]
    tied = [x for x in r[n:] if x[1] == cut]
    e = {"members": [{"member_id": m, key: c} for m, c in top], "note_tie_at_cut": bool(tied)}
    if tied:
        e["tied_at_cut"] = [{"member_id": m, key: c} for m, c in tied]
    return e, {"period": list(p), "action": action}, sql


def c_list(p, action):
    sql = sql_top(p, action)
    r = rows(sql)
    e = {"members": [{"member_id": m, "active_days": c} for m, c in r],
         "detail": {"member_count": len(r), "events": one(sql_events(p, action))}}
    return e, {"period": list(p), "action": action}, sql


def c_lifecycle(p, prev):
    sql = sql_lifecycle(p, prev)
    new, ret, res, dor = DB.execute(sql).fetchone()
    e = {"new": new, "returning": ret, "resurrecting": res, "dormant": dor,
         "detail": {"active": one(sql_active(p)), "active_previous": one(sql_active(prev)),
                    "gained": new + res, "lost": dor}}
    return e, {"period": list(p), "previous_period": list(prev)}, sql


def c_retention(y, m, n):
    cohort = month_bounds(y, m)
    target = month_bounds(*add_months(y, m, n))
    sql = sql_retention(cohort, target)
    size, kept = DB.execute(sql).fetchone()
    e = {"retained": kept, "retained_percent": pct(kept, size), "detail": {"cohort_size": size}}
    return e, {"period": list(cohort), "target_month": list(target), "months_after": n}, sql


def c_segment(d, seg, i=30, w=180):
    sql = sql_segments(d, i, w)
    counts = dict(rows(sql))
    e = {seg: counts.get(seg, 0),
         "detail": {k: counts.get(k, 0) for k in
                    ["one_timers", "recently_lapsed_regulars", "recently_lapsed", "fading", "long_gone"]}}
    e["detail"]["inactive_total"] = sum(counts.values())
    return e, {"as_of": d, "threshold_days": i, "window_days": w}, sql


def c_score_top(d, n=5, i=30, w=180):
    sql = sql_scored(d, i, w)
    scored = []
    for mid, rd, ad, cd, ever in rows(sql):
        if rd < i:
            continue
        r = clamp(1 - (rd - i) / w)
        c = clamp(cd / (w - i))
        f = clamp(ad / (w - i))
        s = 100 * (0.5 * r + 0.25 * c + 0.25 * f) / 1.0
        scored.append((round(s, 1), mid, rd, ad, cd))
    scored.sort(key=lambda x: (-x[0], x[1]))
    top = scored[:n]
    tied = [x for x in scored[n:] if x[0] == top[-1][0]]
    mk = lambda x: {"member_id": x[1], "score": x[0], "recency_days": x[2], "active_days": x[3], "constancy_days": x[4]}
    e = {"members": [mk(x) for x in top], "note_tie_at_cut": bool(tied),
         "detail": {"inactive_scored": len(scored)}}
    if tied:
        e["tied_at_cut"] = [mk(x) for x in tied]
    return e, {"as_of": d, "threshold_days": i, "window_days": w}, sql


def c_unanswerable():
    return {"outcome": "unanswerable"}, {}, None


# ---------------------------------------------------------------- the questions
Y = lambda y: (f"{y}-01-01", f"{y}-12-31")
H1 = lambda y: (f"{y}-01-01", f"{y}-06-30")
H2 = lambda y: (f"{y}-07-01", f"{y}-12-31")
Q = quarter_bounds
M = month_bounds

# (id, language, kind, categories, question, computation)
QUESTIONS = [
    # ------------------------------------------------------------ English (33)
    ("EN-01", "en", "figure", ["inactive_as_of"],
     "How many contributors were inactive as of March 3, 2019?",
     lambda: c_inactive("2019-03-03", 30)),
    ("EN-02", "en", "figure", ["inactive_as_of", "threshold_words"],
     "how many members have been idle for 100+ days as of 2021-06-30",
     lambda: c_inactive("2021-06-30", 100, alts=(101,))),
    ("EN-03", "en", "figure", ["inactive_as_of", "threshold_words"],
     "Inactive contributors at the end of Q3 2018, using a 45-day cut-off?",
     lambda: c_inactive("2018-09-30", 45)),
    ("EN-04", "en", "figure", ["inactive_as_of", "threshold_words"],
     "How many people had gone quiet for at least 6 weeks on 15/01/2020?",
     lambda: c_inactive("2020-01-15", 42)),
    ("EN-05", "en", "figure", ["range"],
     "How many contributors were active between April 2 and June 15, 2016?",
     lambda: c_active(("2016-04-02", "2016-06-15"))),
    ("EN-06", "en", "figure", ["range"],
     "active contributors in the 30 days before September 1, 2020?",
     lambda: c_active(("2020-08-02", "2020-08-31"),
                      alt={"including_sept_1": (("2020-08-03", "2020-09-01"), None),
                           "whole_august": (("2020-08-01", "2020-08-31"), None)})),
    ("EN-07", "en", "figure", ["custom_action"],
     "How many docs changes were there in 2019?",
     lambda: c_events(Y(2019), "docs_edit")),
    ("EN-08", "en", "list", ["custom_action", "range"],
     "Who merged PRs in Q1 2020?",
     lambda: c_list(Q(2020, 1), "merge")),
    ("EN-09", "en", "figure", ["new_members"],
     "How many new contributors did we get in 2018?",
     lambda: c_new(Y(2018))),
    ("EN-10", "en", "figure", ["new_members", "range"],
     "New members in H1 2021 - how many?",
     lambda: c_new(H1(2021))),
    ("EN-11", "en", "figure", ["overlap"],
     "How many people contributed in both 2019 and 2020?",
     lambda: c_overlap(Y(2019), Y(2020), "both")),
    ("EN-12", "en", "figure", ["overlap"],
     "Of the folks who were active in 2021, how many didn't show up at all in 2022?",
     lambda: c_overlap(Y(2021), Y(2022), "first_not_second")),
    ("EN-13", "en", "comparison", ["change"],
     "What was the change in active contributors from 2018 to 2019?",
     lambda: c_change(Y(2018), Y(2019), "2018", "2019")),
    ("EN-14", "en", "comparison", ["change"],
     "Compare active members in Q2 2020 vs Q2 2021 - how much did it move, in numbers and %?",
     lambda: c_change(Q(2020, 2), Q(2021, 2), "q2_2020", "q2_2021")),
    ("EN-15", "en", "list", ["top"],
     "Who were the most active contributors in 2017 by active days? Top 5 please.",
     lambda: c_top(Y(2017))),
    ("EN-16", "en", "list", ["top", "range"],
     "top 5 contributors by number of active days in the first half of 2025",
     lambda: c_top(H1(2025))),
    ("EN-17", "en", "figure", ["lifecycle"],
     "Give me the lifecycle for March 2021: new, returning, resurrecting and dormant contributors.",
     lambda: c_lifecycle(M(2021, 3), M(2021, 2))),
    ("EN-18", "en", "figure", ["lifecycle"],
     "Break Q4 2018 down into new / returning / resurrecting / dormant compared with Q3.",
     lambda: c_lifecycle(Q(2018, 4), Q(2018, 3))),
    ("EN-19", "en", "figure", ["retention"],
     "What's the retention of the May 2019 cohort after 1 month?",
     lambda: c_retention(2019, 5, 1)),
    ("EN-20", "en", "unanswerable", ["unanswerable"],
     "What was our revenue per contributor in 2020?",
     c_unanswerable),
    ("EN-21", "en", "unanswerable", ["unanswerable"],
     "What were the email open rates on the newsletter we sent to contributors in 2021?",
     c_unanswerable),
    ("EN-22", "en", "figure", ["custom_action"],
     "How many test-only commits landed in 2025?",
     lambda: c_events(Y(2025), "test_edit")),
    ("EN-23", "en", "figure", ["range"],
     "how many peple were active in july 2023",
     lambda: c_active(M(2023, 7))),
    ("EN-24", "en", "figure", ["inactive_as_of", "threshold_words"],
     "How many contributors hadn't done anything for 90 days or more as of December 31, 2016?",
     lambda: c_inactive("2016-12-31", 90)),
    ("EN-25", "en", "figure", ["segment", "inactive_as_of"],
     "Among the inactive members on 2022-01-01, how many are one-timers?",
     lambda: c_segment("2022-01-01", "one_timers")),
    ("EN-26", "en", "figure", ["inactive_as_of"],
     "How many members were inactive on 1 July 2024?",
     lambda: c_inactive("2024-07-01", 30)),
    ("EN-27", "en", "figure", ["custom_action"],
     "How many different people did merges in 2021?",
     lambda: c_active(Y(2021), "merge")),
    ("EN-28", "en", "figure", ["new_members", "range"],
     "How many first-time contributors showed up between October 2 and October 20, 2018?",
     lambda: c_new(("2018-10-02", "2018-10-20"))),
    ("EN-29", "en", "figure", ["overlap"],
     "How many members active in Q1 2019 were also active in Q1 2020?",
     lambda: c_overlap(Q(2019, 1), Q(2020, 1), "both")),
    ("EN-30", "en", "comparison", ["change"],
     "Did the number of active contributors go up or down between 2023 and 2024? by how much?",
     lambda: c_change(Y(2023), Y(2024), "2023", "2024")),
    ("EN-31", "en", "list", ["top", "custom_action"],
     "top 5 mergers in 2021 (by days with a merge)",
     lambda: c_top(Y(2021), action="merge")),
    ("EN-32", "en", "list", ["score", "inactive_as_of"],
     "Which 5 inactive members have the highest reactivation score as of December 31, 2019?",
     lambda: c_score_top("2019-12-31")),
    ("EN-33", "en", "figure", ["inactive_as_of", "threshold_words"],
     "With a two-week cutoff, how many contributors were inactive on Feb 28, 2025?",
     lambda: c_inactive("2025-02-28", 14)),
    # ------------------------------------------------------------ French (22)
    ("FR-01", "fr", "figure", ["inactive_as_of"],
     "Combien de contributeurs étaient inactifs au 3 mars 2017 ?",
     lambda: c_inactive("2017-03-03", 30)),
    ("FR-02", "fr", "figure", ["inactive_as_of", "threshold_words"],
     "Combien de membres sont inactifs depuis plus de 2 mois, fin juin 2020 ?",
     lambda: c_inactive("2020-06-30", 60, alts=(61,))),
    ("FR-03", "fr", "figure", ["range"],
     "Combien de membres actifs du 3 au 20 mai 2019 ?",
     lambda: c_active(("2019-05-03", "2019-05-20"))),
    ("FR-04", "fr", "figure", ["new_members"],
     "Combien de nouveaux contributeurs en 2020 ?",
     lambda: c_new(Y(2020))),
    ("FR-05", "fr", "figure", ["custom_action"],
     "Combien de modifs de la doc en 2018 ?",
     lambda: c_events(Y(2018), "docs_edit")),
    ("FR-06", "fr", "list", ["custom_action", "range"],
     "Qui a mergé des PR au premier trimestre 2023 ?",
     lambda: c_list(Q(2023, 1), "merge")),
    ("FR-07", "fr", "figure", ["overlap"],
     "Combien de membres ont été actifs à la fois en 2015 et en 2016 ?",
     lambda: c_overlap(Y(2015), Y(2016), "both")),
    ("FR-08", "fr", "comparison", ["change"],
     "Quelle est l'évolution du nombre de contributeurs actifs entre 2020 et 2021, en nombre et en pourcentage ?",
     lambda: c_change(Y(2020), Y(2021), "2020", "2021")),
    ("FR-09", "fr", "list", ["top"],
     "Top 5 des contributeurs les plus actifs en 2018 (en jours d'activité)",
     lambda: c_top(Y(2018))),
    ("FR-10", "fr", "figure", ["lifecycle"],
     "Pour octobre 2020 : combien de nouveaux, de revenants, de ressuscités et de dormants ?",
     lambda: c_lifecycle(M(2020, 10), M(2020, 9))),
    ("FR-11", "fr", "figure", ["retention"],
     "Quelle est la rétention de la cohorte de mai 2018 au bout de 2 mois ?",
     lambda: c_retention(2018, 5, 2)),
    ("FR-12", "fr", "unanswerable", ["unanswerable"],
     "Quel chiffre d'affaires la communauté a-t-elle généré l'an dernier ?",
     c_unanswerable),
    ("FR-13", "fr", "figure", ["inactive_as_of"],
     "Combien de membres inactifs au 15/09/2022 avec un seuil de 60 jours ?",
     lambda: c_inactive("2022-09-15", 60)),
    ("FR-14", "fr", "figure", ["inactive_as_of", "threshold_words"],
     "Au 31 décembre 2023, combien de membres n'ont rien fait depuis au moins 8 semaines ?",
     lambda: c_inactive("2023-12-31", 56)),
    ("FR-15", "fr", "figure", ["new_members", "range"],
     "Combien de nouveaux membres au second semestre 2019 ?",
     lambda: c_new(H2(2019))),
    ("FR-16", "fr", "figure", ["overlap"],
     "Combien de personnes ont contribué en 2022 mais pas en 2023 ?",
     lambda: c_overlap(Y(2022), Y(2023), "first_not_second")),
    ("FR-17", "fr", "figure", ["custom_action"],
     "combien de commits qui ne touchent que les tests en 2014",
     lambda: c_events(Y(2014), "test_edit")),
    ("FR-18", "fr", "figure", ["range"],
     "combien de contributeurs actifs en fevrier 2026",
     lambda: c_active(M(2026, 2))),
    ("FR-19", "fr", "figure", ["segment", "inactive_as_of"],
     "Au 1er janvier 2020, parmi les inactifs, combien sont dans le segment « long_gone » (partis depuis longtemps) ?",
     lambda: c_segment("2020-01-01", "long_gone")),
    ("FR-20", "fr", "figure", ["new_members", "range"],
     "Nouveaux contributeurs entre le 1er et le 31 octobre 2019 ?",
     lambda: c_new(M(2019, 10))),
    ("FR-21", "fr", "comparison", ["change", "range"],
     "Compare les membres actifs du premier semestre 2024 et du premier semestre 2025 : quelle variation ?",
     lambda: c_change(H1(2024), H1(2025), "h1_2024", "h1_2025")),
    ("FR-22", "fr", "figure", ["lifecycle"],
     "Cycle de vie du T2 2025 par rapport au T1 : nouveaux, revenants, ressuscités, dormants ?",
     lambda: c_lifecycle(Q(2025, 2), Q(2025, 1))),
    # ------------------------------------------------------------ Italian (11)
    ("IT-01", "it", "figure", ["inactive_as_of"],
     "Quanti membri erano inattivi alla fine di ottobre 2017?",
     lambda: c_inactive("2017-10-31", 30)),
    ("IT-02", "it", "figure", ["inactive_as_of", "threshold_words"],
     "Quanti contributori risultano inattivi da almeno 40 giorni al 3 marzo 2021?",
     lambda: c_inactive("2021-03-03", 40)),
    ("IT-03", "it", "figure", ["range"],
     "Quanti membri sono stati attivi tra il 1 e il 30 settembre 2020?",
     lambda: c_active(M(2020, 9))),
    ("IT-04", "it", "figure", ["new_members"],
     "Quanti nuovi contributori abbiamo avuto nel 2024?",
     lambda: c_new(Y(2024))),
    ("IT-05", "it", "figure", ["custom_action"],
     "Quante modifiche alla documentazione ci sono state nel 2025?",
     lambda: c_events(Y(2025), "docs_edit")),
    ("IT-06", "it", "figure", ["overlap"],
     "Quanti membri sono stati attivi sia nel 2024 che nel 2025?",
     lambda: c_overlap(Y(2024), Y(2025), "both")),
    ("IT-07", "it", "list", ["top"],
     "I 5 contributori più attivi nel 2021 per giorni di attività?",
     lambda: c_top(Y(2021))),
    ("IT-08", "it", "figure", ["retention"],
     "Retention della coorte di novembre 2024 dopo 2 mesi?",
     lambda: c_retention(2024, 11, 2)),
    ("IT-09", "it", "unanswerable", ["unanswerable"],
     "Qual è il tasso di apertura delle email inviate ai contributori?",
     c_unanswerable),
    ("IT-10", "it", "comparison", ["change"],
     "Com'è cambiato il numero di contributori attivi dal 2016 al 2017?",
     lambda: c_change(Y(2016), Y(2017), "2016", "2017")),
    ("IT-11", "it", "figure", ["new_members", "range"],
     "quanti nuovi membri nel terzo trimestre 2018?",
     lambda: c_new(Q(2018, 3))),
]


def reading_of(r, cats):
    base = {"period": None, "periods": None, "action": None, "as_of": None, "threshold_days": None}
    base.update(r)
    return base


NOTES = {
    "EN-06": "the 30 days before D = [D-30, D-1]",
    "EN-02": "100+ days: D - last_active_day >= 100",
    "EN-04": "6 weeks = 42 days",
    "EN-24": "90 days or more: D - last_active_day >= 90",
    "FR-02": "2 mois = 60 jours (alternative: strictly more than 60 = 61)",
    "FR-14": "8 semaines = 56 jours",
    "EN-33": "two weeks = 14 days",
    "EN-08": "merge = commit with more than one parent; days with a merge per member",
    "FR-06": "merge = commit with more than one parent; days with a merge per member",
    "EN-32": "score of docs/analytics.md, W=180, I=30, weights 0.5/0.25/0.25, inactive members only, rounded to 0.1",
    "EN-25": "segments of docs/analytics.md, W=180, I=30; 'ever' = up to the as-of day",
    "FR-19": "segments of docs/analytics.md, W=180, I=30; 'ever' = up to the as-of day",
}


def build():
    out = []
    for qid, lang, kind, cats, text, fn in QUESTIONS:
        e, r, sql = fn()
        rd = reading_of(r, cats)
        if qid in NOTES:
            rd["note"] = NOTES[qid]
        out.append({"id": qid, "language": lang, "question": text, "expected_kind": kind,
                    "categories": cats, "expected": e, "reading": rd, "sql": sql})
    return out


def sql_agrees(qid, s):
    """Run the stored SQL and compare its result with the stored expected figures."""
    cur = DB.execute(s["sql"])
    res = cur.fetchall()
    cols = [c[0] for c in cur.description]
    e = s["expected"]
    flat = dict(e.get("detail", {}))
    flat.update({k: v for k, v in e.items() if not isinstance(v, (dict, list))})
    if "members" in e:
        if "score" in e["members"][0]:
            return 0  # the score is computed in Python from these rows
        got = [list(r) for r in res[:len(e["members"])]]
        want = [[m["member_id"], m["active_days"]] for m in e["members"]]
        if got != want:
            print(f"{qid}: sql list differs: {got} vs {want}"); return 1
        return 0
    if cols == ["segment", "COUNT(*)"]:
        counts = dict(res)
        if any(counts.get(k, 0) != v for k, v in e["detail"].items() if k != "inactive_total"):
            print(f"{qid}: sql segments differ"); return 1
        return 0
    if len(cols) == 1:
        if s["expected_kind"] == "comparison":
            key = "change"
        else:
            key = next(k for k, v in e.items() if isinstance(v, int) and not isinstance(v, bool)
                       and not k.startswith("alternative"))
        if res[0][0] != e[key]:
            print(f"{qid}: sql gives {res[0][0]}, expected {key}={e[key]}"); return 1
        return 0
    for c, v in zip(cols, res[0]):
        if flat.get(c) != v:
            print(f"{qid}: sql column {c}={v}, expected {flat.get(c)}"); return 1
    return 0


def main():
    global DB
    DB = load()
    qs = build()
    if "--write" in sys.argv:
        with open(QFILE, "w", encoding="utf-8") as f:
            json.dump(qs, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"wrote {len(qs)} questions")
    elif "--check" in sys.argv:
        with open(QFILE, encoding="utf-8") as f:
            stored = json.load(f)
        bad = 0
        by = {q["id"]: q for q in stored}
        if len(stored) != len(qs) or set(by) != {q["id"] for q in qs}:
            print("question ids differ"); bad += 1
        for q in qs:
            s = by.get(q["id"])
            if s is None:
                continue
            for k in ("expected", "reading", "sql", "question", "expected_kind", "language"):
                if s.get(k) != q[k]:
                    print(f"{q['id']}: {k} differs:\n  stored   {s.get(k)}\n  computed {q[k]}"); bad += 1
            # the stored SQL, run as is, must give the main figure(s)
            if s.get("sql"):
                bad += sql_agrees(q["id"], s)
        langs = {}
        for q in stored:
            langs[q["language"]] = langs.get(q["language"], 0) + 1
        print(f"{len(stored)} questions {langs}; {'OK' if not bad else str(bad) + ' problem(s)'}")
        sys.exit(1 if bad else 0)
    else:
        print(json.dumps(qs, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
