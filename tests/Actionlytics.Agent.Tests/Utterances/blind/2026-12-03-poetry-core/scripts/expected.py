#!/usr/bin/env python3
"""Compute every question's expected figures by SQL over events.csv and (re)write questions.json.

Usage:
  expected.py            rewrite ../questions.json from the question list below
  expected.py --check    recompute and exit 1 if anything differs from ../questions.json

The question texts and their readings live here (SPEC); the figures are never typed by hand:
each question's `sql` (an object of named queries) is run on an in-memory SQLite copy of
events.csv and the results are assembled into `expected`.
"""
import csv, json, os, sqlite3, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, ".."))
EVENTS = os.path.join(OUT, "events.csv")
QUESTIONS = os.path.join(OUT, "questions.json")


def load_db():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT,"
               " action TEXT, content_id TEXT, day TEXT)")
    with open(EVENTS, newline="") as f:
        rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"],
                 r["occurred_at"][:10]) for r in csv.DictReader(f)]
    db.executemany("INSERT INTO events VALUES (?,?,?,?,?,?)", rows)
    db.execute("CREATE INDEX ix_day ON events(day)")
    return db


def act(action):
    return f" AND action = '{action}'" if action else ""


# ---------------------------------------------------------------- SQL builders (one per category)

def sql_inactive(r):
    d, i, a = r["as_of"], r["threshold_days"], r.get("action")
    last = (f"SELECT member_id, MAX(day) AS last_day FROM events WHERE day <= '{d}'{act(a)} GROUP BY member_id")
    return {
        "inactive_members": f"WITH last AS ({last}) SELECT COUNT(*) FROM last "
                            f"WHERE julianday('{d}') - julianday(last_day) >= {i}",
        "still_active_members": f"WITH last AS ({last}) SELECT COUNT(*) FROM last "
                                f"WHERE julianday('{d}') - julianday(last_day) < {i}",
        "never_active_by_as_of": f"SELECT (SELECT COUNT(DISTINCT member_id) FROM events) - "
                                 f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day <= '{d}'{act(a)})",
    }


def sql_range(r):
    a, b = r["period"]
    return {
        "active_members": f"SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a}' AND '{b}'{act(r.get('action'))}",
        "events": f"SELECT COUNT(*) FROM events WHERE day BETWEEN '{a}' AND '{b}'{act(r.get('action'))}",
    }


def sql_custom(r):
    a, b = r["period"]
    return {
        "events": f"SELECT COUNT(*) FROM events WHERE action = '{r['action']}' AND day BETWEEN '{a}' AND '{b}'",
        "members": f"SELECT COUNT(DISTINCT member_id) FROM events WHERE action = '{r['action']}' AND day BETWEEN '{a}' AND '{b}'",
    }


FIRST = "SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id"


def sql_new(r):
    a, b = r["period"]
    return {
        "new_members": f"WITH f AS ({FIRST}) SELECT COUNT(*) FROM f WHERE first_day BETWEEN '{a}' AND '{b}'",
        "active_members": f"SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a}' AND '{b}'",
    }


def active_set(p):
    return f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{p[0]}' AND '{p[1]}'"


def sql_overlap(r):
    p1, p2 = r["periods"]
    op = "IN" if r["mode"] == "both" else "NOT IN"
    return {
        r["figure"]: f"SELECT COUNT(*) FROM ({active_set(p1)}) WHERE member_id {op} ({active_set(p2)})",
        "active_first_period": f"SELECT COUNT(*) FROM ({active_set(p1)})",
        "active_second_period": f"SELECT COUNT(*) FROM ({active_set(p2)})",
    }


def sql_change(r):
    p1, p2 = r["periods"]
    e = f"(SELECT COUNT(*) FROM ({active_set(p1)}))"
    l = f"(SELECT COUNT(*) FROM ({active_set(p2)}))"
    return {
        "active_earlier": f"SELECT {e}",
        "active_later": f"SELECT {l}",
        "change_percent": f"SELECT ROUND(({l} - {e}) * 100.0 / {e}, 1)",
    }


def sql_top5(r):
    a, b = r["period"]
    d = (f"SELECT member_id, COUNT(DISTINCT day) AS active_days FROM events "
         f"WHERE day BETWEEN '{a}' AND '{b}'{act(r.get('action'))} GROUP BY member_id")
    ranked = f"SELECT member_id, active_days FROM d ORDER BY active_days DESC, member_id"
    cut = f"(SELECT active_days FROM ({ranked}) LIMIT 1 OFFSET 4)"
    return {
        "top_members": f"WITH d AS ({d}) {ranked} LIMIT 5",
        "cut_active_days": f"WITH d AS ({d}) SELECT {cut}",
        "tie_at_cut": f"WITH d AS ({d}) SELECT EXISTS (SELECT 1 FROM ({ranked} LIMIT -1 OFFSET 5) "
                      f"WHERE active_days = {cut})",
        "tied_members": f"WITH d AS ({d}) SELECT member_id FROM d WHERE active_days = {cut} ORDER BY member_id",
        "members_ranked": f"WITH d AS ({d}) SELECT COUNT(*) FROM d",
    }


def sql_lifecycle(r):
    p, q = r["period"], r["previous_period"]
    cur, prev = active_set(p), active_set(q)
    return {
        "new": f"WITH f AS ({FIRST}) SELECT COUNT(*) FROM f WHERE first_day BETWEEN '{p[0]}' AND '{p[1]}'",
        "returning": f"SELECT COUNT(*) FROM ({cur}) WHERE member_id IN ({prev})",
        "resurrecting": f"SELECT COUNT(*) FROM ({cur}) WHERE member_id NOT IN ({prev}) AND member_id IN "
                        f"(SELECT member_id FROM events WHERE day < '{q[0]}')",
        "dormant": f"SELECT COUNT(*) FROM ({prev}) WHERE member_id NOT IN ({cur})",
        "active_members": f"SELECT COUNT(*) FROM ({cur})",
        "active_previous": f"SELECT COUNT(*) FROM ({prev})",
    }


def sql_retention(r):
    c, t = r["cohort_month"], r["target_month"]
    cohort = f"WITH f AS ({FIRST}) SELECT member_id FROM f WHERE substr(first_day, 1, 7) = '{c}'"
    ret = f"SELECT COUNT(*) FROM ({cohort}) WHERE member_id IN (SELECT member_id FROM events WHERE substr(day, 1, 7) = '{t}')"
    return {
        "cohort_size": f"SELECT COUNT(*) FROM ({cohort})",
        "retained_members": ret,
        "retention_percent": f"SELECT ROUND(({ret}) * 100.0 / (SELECT COUNT(*) FROM ({cohort})), 1)",
    }


def sql_free(r):
    a, b = r["period"]
    return {
        "active_members": f"SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a}' AND '{b}'",
        "events": f"SELECT COUNT(*) FROM events WHERE day BETWEEN '{a}' AND '{b}'",
        "new_members": f"WITH f AS ({FIRST}) SELECT COUNT(*) FROM f WHERE first_day BETWEEN '{a}' AND '{b}'",
        "events_by_action": f"SELECT action, COUNT(*) AS events FROM events WHERE day BETWEEN '{a}' AND '{b}' "
                            f"GROUP BY action ORDER BY events DESC, action",
    }


def scalar(db, q):
    rows = db.execute(q).fetchall()
    assert len(rows) == 1 and len(rows[0]) == 1, q
    return rows[0][0]


def dicts(db, q):
    cur = db.execute(q)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


# ---------------------------------------------------------------- assemblers

def build(db, s):
    cat, r = s["category"], s["reading"]
    if cat == "unanswerable":
        return None, {"outcome": "unanswerable", "detail": s["why"]}
    if cat in ("inactive_as_of", "threshold"):
        sql = sql_inactive(r)
        v = {k: scalar(db, q) for k, q in sql.items()}
        return sql, {"inactive_members": v["inactive_members"],
                     "detail": {"never_active_by_as_of": v["never_active_by_as_of"],
                                "scored_members": v["inactive_members"] + v["still_active_members"],
                                "not_inactive_members": v["still_active_members"]}}
    if cat == "range":
        sql = sql_range(r)
        v = {k: scalar(db, q) for k, q in sql.items()}
        return sql, {"active_members": v["active_members"], "detail": {"events": v["events"]}}
    if cat == "custom_action":
        sql = sql_custom(r)
        v = {k: scalar(db, q) for k, q in sql.items()}
        main = r["figure"]  # "events" or "members"
        other = "members" if main == "events" else "events"
        return sql, {main: v[main], "detail": {other: v[other]}}
    if cat == "new_members":
        sql = sql_new(r)
        v = {k: scalar(db, q) for k, q in sql.items()}
        return sql, {"new_members": v["new_members"], "detail": {"active_members": v["active_members"]}}
    if cat == "overlap":
        sql = sql_overlap(r)
        v = {k: scalar(db, q) for k, q in sql.items()}
        return sql, {r["figure"]: v[r["figure"]],
                     "detail": {"active_first_period": v["active_first_period"],
                                "active_second_period": v["active_second_period"]}}
    if cat == "change":
        sql = sql_change(r)
        v = {k: scalar(db, q) for k, q in sql.items()}
        return sql, {"active_earlier": v["active_earlier"], "active_later": v["active_later"],
                     "change_percent": v["change_percent"]}
    if cat == "top5":
        sql = sql_top5(r)
        top = dicts(db, sql["top_members"])
        tied = [x["member_id"] for x in dicts(db, sql["tied_members"])]
        return sql, {"top_members": top,
                     "detail": {"tie_at_cut": bool(scalar(db, sql["tie_at_cut"])),
                                "cut_active_days": scalar(db, sql["cut_active_days"]),
                                "tied_members": tied,
                                "members_ranked": scalar(db, sql["members_ranked"])}}
    if cat == "lifecycle":
        sql = sql_lifecycle(r)
        v = {k: scalar(db, q) for k, q in sql.items()}
        return sql, {"new": v["new"], "returning": v["returning"], "resurrecting": v["resurrecting"],
                     "dormant": v["dormant"],
                     "detail": {"active_members": v["active_members"], "active_previous": v["active_previous"]}}
    if cat == "retention":
        sql = sql_retention(r)
        v = {k: scalar(db, q) for k, q in sql.items()}
        return sql, {"retained_members": v["retained_members"], "retention_percent": v["retention_percent"],
                     "detail": {"cohort_size": v["cohort_size"]}}
    if cat == "free_form":
        sql = sql_free(r)
        v = {k: scalar(db, q) for k, q in sql.items() if k != "events_by_action"}
        by = {x["action"]: x["events"] for x in dicts(db, sql["events_by_action"])}
        return sql, {"active_members": v["active_members"], "events": v["events"],
                     "new_members": v["new_members"], "detail": {"events_by_action": by}}
    raise ValueError(cat)


# ---------------------------------------------------------------- the questions

def P(a, b):
    return [a, b]


SPEC = [
    # ============================== English (30)
    # inactive_as_of (4)
    dict(id="EN-01", language="en", category="inactive_as_of",
         question="How many contributors had gone quiet as of June 30th, 2022?",
         reading=dict(as_of="2022-06-30", threshold_days=30, action=None,
                      text="Inactive as of 2022-06-30 with the default 30-day threshold: last active day L <= D and D - L >= 30.")),
    dict(id="EN-02", language="en", category="inactive_as_of",
         question="inactive members on 2023-10-01?",
         reading=dict(as_of="2023-10-01", threshold_days=30, action=None,
                      text="Inactive as of 2023-10-01, default threshold 30 days.")),
    dict(id="EN-03", language="en", category="inactive_as_of",
         question="At the end of Q3 2024, how many people would count as inactive?",
         reading=dict(as_of="2024-09-30", threshold_days=30, action=None,
                      text="End of Q3 2024 = 2024-09-30; inactive with the default 30-day threshold.")),
    dict(id="EN-04", language="en", category="inactive_as_of", follows="EN-03",
         question="ok and what about at the end of Q1 2025?",
         reading=dict(as_of="2025-03-31", threshold_days=30, action=None,
                      text="Follow-up of EN-03 with the quarter changed: as of 2025-03-31 (end of Q1 2025), default 30-day threshold.")),
    # range (3)
    dict(id="EN-05", language="en", category="range",
         question="How many distinct people committed between 3/15/2021 and 6/15/2021?",
         reading=dict(period=P("2021-03-15", "2021-06-15"), action=None,
                      text="Active members (any action) in [2021-03-15, 2021-06-15], both ends included.")),
    dict(id="EN-06", language="en", category="range",
         question="Number of active members in the second half of 2022, please",
         reading=dict(period=P("2022-07-01", "2022-12-31"), action=None,
                      text="H2 2022 = [2022-07-01, 2022-12-31]; members with at least one event.")),
    dict(id="EN-07", language="en", category="range",
         question="how many contributors were active in the 30 days before January 15th, 2025?",
         reading=dict(period=P("2024-12-16", "2025-01-14"), action=None,
                      text="The 30 days before 2025-01-15 = [2024-12-16, 2025-01-14]; active members.")),
    # threshold (3)
    dict(id="EN-08", language="en", category="threshold",
         question="Using a 60-day cutoff, how many members were inactive as of Dec 31, 2022?",
         reading=dict(as_of="2022-12-31", threshold_days=60, action=None,
                      text="Inactive as of 2022-12-31 with threshold 60 days.")),
    dict(id="EN-09", language="en", category="threshold",
         question="As of April 1st 2024, how many folks hadn't comitted anything for 3 months or more?",
         reading=dict(as_of="2024-04-01", threshold_days=90, action=None,
                      text="Inactive as of 2024-04-01 with a threshold of 3 months = 90 days.")),
    dict(id="EN-10", language="en", category="threshold", follows="EN-09",
         question="And if we use a two-week threshold instead?",
         reading=dict(as_of="2024-04-01", threshold_days=14, action=None,
                      text="Follow-up of EN-09 with the threshold changed: as of 2024-04-01, threshold 2 weeks = 14 days.")),
    # custom_action (4)
    dict(id="EN-11", language="en", category="custom_action",
         question="How many release commits did we have in 2022?",
         reading=dict(period=P("2022-01-01", "2022-12-31"), action="release", figure="events",
                      text="Count of `release` events in calendar year 2022 (distinct members in detail).")),
    dict(id="EN-12", language="en", category="custom_action",
         question="During 2024, how many different people pushed test_change commits?",
         reading=dict(period=P("2024-01-01", "2024-12-31"), action="test_change", figure="members",
                      text="Distinct members with at least one `test_change` event in 2024 (event count in detail).")),
    dict(id="EN-13", language="en", category="custom_action",
         question="bot_update events in Q1 2024 - how many?",
         reading=dict(period=P("2024-01-01", "2024-03-31"), action="bot_update", figure="events",
                      text="Count of `bot_update` events in Q1 2024 = [2024-01-01, 2024-03-31].")),
    dict(id="EN-14", language="en", category="custom_action", follows="EN-13",
         question="and how many code_change ones in that same quarter?",
         reading=dict(period=P("2024-01-01", "2024-03-31"), action="code_change", figure="events",
                      text="Follow-up of EN-13 with the action changed: count of `code_change` events in Q1 2024.")),
    # new_members (3)
    dict(id="EN-15", language="en", category="new_members",
         question="How many new contributors showed up in November 2021?",
         reading=dict(period=P("2021-11-01", "2021-11-30"),
                      text="Members whose first active day ever is in November 2021.")),
    dict(id="EN-16", language="en", category="new_members",
         question="new members Q2 2023",
         reading=dict(period=P("2023-04-01", "2023-06-30"),
                      text="Members whose first active day ever is in [2023-04-01, 2023-06-30].")),
    dict(id="EN-17", language="en", category="new_members",
         question="How many first-time contributors did we get between August 1, 2022 and October 31, 2022?",
         reading=dict(period=P("2022-08-01", "2022-10-31"),
                      text="Members whose first active day ever is in [2022-08-01, 2022-10-31].")),
    # overlap (3)
    dict(id="EN-18", language="en", category="overlap",
         question="How many of the people active in 2022 were still active at some point in 2023?",
         reading=dict(periods=[P("2022-01-01", "2022-12-31"), P("2023-01-01", "2023-12-31")], mode="both",
                      figure="active_in_both",
                      text="Members active (any action) in 2022 and also in 2023.")),
    dict(id="EN-19", language="en", category="overlap",
         question="Of everyone who contributed in H1 2023, how many didn't come back at all in H2 2023?",
         reading=dict(periods=[P("2023-01-01", "2023-06-30"), P("2023-07-01", "2023-12-31")], mode="first_not_second",
                      figure="active_first_not_second",
                      text="Members active in H1 2023 = [2023-01-01, 2023-06-30] and not active in H2 2023 = [2023-07-01, 2023-12-31].")),
    dict(id="EN-20", language="en", category="overlap",
         question="members who were active in both October 2024 and January 2025?",
         reading=dict(periods=[P("2024-10-01", "2024-10-31"), P("2025-01-01", "2025-01-31")], mode="both",
                      figure="active_in_both",
                      text="Members active in October 2024 and also in January 2025.")),
    # change (2)
    dict(id="EN-21", language="en", category="change",
         question="How did the number of active contributors change from 2022 to 2023, in percent?",
         reading=dict(periods=[P("2022-01-01", "2022-12-31"), P("2023-01-01", "2023-12-31")],
                      text="Active members in 2022 (earlier) and 2023 (later); percent = (later - earlier) / earlier * 100, half-up to 0.1.")),
    dict(id="EN-22", language="en", category="change", follows="EN-21",
         question="Same comparison but 2023 vs 2024?",
         reading=dict(periods=[P("2023-01-01", "2023-12-31"), P("2024-01-01", "2024-12-31")],
                      text="Follow-up of EN-21 with the periods changed: active members in 2023 (earlier) vs 2024 (later).")),
    # top5 (2)
    dict(id="EN-23", language="en", category="top5", kind="list",
         question="Top 5 contributors by number of active days in 2023?",
         reading=dict(period=P("2023-01-01", "2023-12-31"), action=None,
                      text="Members ranked by distinct active days in 2023, ties broken by member_id; first 5.")),
    dict(id="EN-24", language="en", category="top5", kind="list",
         question="who were our 5 most active people in Q4 2024? count the days they had commits",
         reading=dict(period=P("2024-10-01", "2024-12-31"), action=None,
                      text="Members ranked by distinct active days in [2024-10-01, 2024-12-31], ties broken by member_id; first 5.")),
    # lifecycle (2)
    dict(id="EN-25", language="en", category="lifecycle",
         question="Can you give me the lifecycle split for May 2022 vs April 2022 - new, returning, resurrecting, dormant?",
         reading=dict(period=P("2022-05-01", "2022-05-31"), previous_period=P("2022-04-01", "2022-04-30"),
                      text="Lifecycle of May 2022 against April 2022.")),
    dict(id="EN-26", language="en", category="lifecycle",
         question="lifecycle numbers for Q1 2025 compared with the quarter before",
         reading=dict(period=P("2025-01-01", "2025-03-31"), previous_period=P("2024-10-01", "2024-12-31"),
                      text="Lifecycle of Q1 2025 against Q4 2024.")),
    # retention (1)
    dict(id="EN-27", language="en", category="retention",
         question="Of the people whose first commit was in November 2021, how many were still committing 2 months later?",
         reading=dict(cohort_month="2021-11", months_after=2, target_month="2022-01",
                      text="Cohort = members whose first activity is in 2021-11; retained = cohort members active in calendar month 2022-01 (M+2).")),
    # unanswerable (2)
    dict(id="EN-28", language="en", category="unanswerable", kind="unanswerable",
         question="Which countries are most of our contributors based in?",
         why="The events carry no location or country for members; members.csv only has an id and a join date.",
         reading=dict(text="Needs member locations, which the data does not contain.")),
    dict(id="EN-29", language="en", category="unanswerable", kind="unanswerable",
         question="How many hours did the maintainers spend reviewing pull requests in 2023?",
         why="Events are commits only (no pull-request reviews, no durations); time spent cannot be derived.",
         reading=dict(text="Needs review activity and time spent, which are not in the events.")),
    # free_form (1)
    dict(id="EN-30", language="en", category="free_form",
         question="what happened in September 2022?",
         reading=dict(period=P("2022-09-01", "2022-09-30"),
                      text="September 2022: active members, events and new members (events by action in detail).")),

    # ============================== French (20)
    # inactive_as_of (3)
    dict(id="FR-01", language="fr", category="inactive_as_of",
         question="Combien de contributeurs étaient inactifs au 31 mars 2023 ?",
         reading=dict(as_of="2023-03-31", threshold_days=30, action=None,
                      text="Inactifs au 2023-03-31, seuil par défaut de 30 jours.")),
    dict(id="FR-02", language="fr", category="inactive_as_of",
         question="nombre de membres inactifs fin avril 2022",
         reading=dict(as_of="2022-04-30", threshold_days=30, action=None,
                      text="Fin avril 2022 = 2022-04-30 ; seuil par défaut 30 jours.")),
    dict(id="FR-03", language="fr", category="inactive_as_of", follows="FR-02",
         question="Et fin avril 2023 ?",
         reading=dict(as_of="2023-04-30", threshold_days=30, action=None,
                      text="Suite de FR-02, année changée : inactifs au 2023-04-30, seuil 30 jours.")),
    # range (2)
    dict(id="FR-04", language="fr", category="range",
         question="Combien de personnes ont été actives entre le 1er septembre et le 30 novembre 2022 ?",
         reading=dict(period=P("2022-09-01", "2022-11-30"), action=None,
                      text="Membres actifs sur [2022-09-01, 2022-11-30].")),
    dict(id="FR-05", language="fr", category="range",
         question="Les membres actifs sur le premier semestre 2025, ça donne combien ?",
         reading=dict(period=P("2025-01-01", "2025-06-30"), action=None,
                      text="S1 2025 = [2025-01-01, 2025-06-30] ; membres actifs.")),
    # threshold (2)
    dict(id="FR-06", language="fr", category="threshold",
         question="Avec un seuil de 45 jours, combien de membres inactifs au 15/06/2023 ?",
         reading=dict(as_of="2023-06-15", threshold_days=45, action=None,
                      text="Inactifs au 2023-06-15 avec un seuil de 45 jours.")),
    dict(id="FR-07", language="fr", category="threshold",
         question="Au 1er février 2025, combien de membres n'ont rien fait depuis au moins 6 semaines ?",
         reading=dict(as_of="2025-02-01", threshold_days=42, action=None,
                      text="Inactifs au 2025-02-01 avec un seuil de 6 semaines = 42 jours.")),
    # custom_action (3)
    dict(id="FR-08", language="fr", category="custom_action",
         question="Combien de commits de type release en 2023 ?",
         reading=dict(period=P("2023-01-01", "2023-12-31"), action="release", figure="events",
                      text="Nombre d'événements `release` en 2023.")),
    dict(id="FR-09", language="fr", category="custom_action",
         question="Combien de personnes différentes ont fait au moins un code_change au T3 2022 ?",
         reading=dict(period=P("2022-07-01", "2022-09-30"), action="code_change", figure="members",
                      text="Membres distincts avec au moins un `code_change` au T3 2022 = [2022-07-01, 2022-09-30].")),
    dict(id="FR-10", language="fr", category="custom_action", follows="FR-09",
         question="et au T4 ?",
         reading=dict(period=P("2022-10-01", "2022-12-31"), action="code_change", figure="members",
                      text="Suite de FR-09, trimestre changé : membres distincts avec un `code_change` au T4 2022.")),
    # new_members (2)
    dict(id="FR-11", language="fr", category="new_members",
         question="On a eu combien de nouveaux contributeurs en janvier 2022 ?",
         reading=dict(period=P("2022-01-01", "2022-01-31"),
                      text="Membres dont le premier jour d'activité est en janvier 2022.")),
    dict(id="FR-12", language="fr", category="new_members", follows="FR-11",
         question="Et en décembre 2023 ?",
         reading=dict(period=P("2023-12-01", "2023-12-31"),
                      text="Suite de FR-11, mois changé : nouveaux membres de décembre 2023.")),
    # overlap (1)
    dict(id="FR-13", language="fr", category="overlap",
         question="Parmi les membres actifs au T1 2022, combien l'étaient encore au T2 2022 ?",
         reading=dict(periods=[P("2022-01-01", "2022-03-31"), P("2022-04-01", "2022-06-30")], mode="both",
                      figure="active_in_both",
                      text="Membres actifs au T1 2022 et aussi au T2 2022.")),
    # change (2)
    dict(id="FR-14", language="fr", category="change",
         question="Évolution du nombre de membres actifs entre mai 2022 et mai 2023 ?",
         reading=dict(periods=[P("2022-05-01", "2022-05-31"), P("2023-05-01", "2023-05-31")],
                      text="Actifs en mai 2022 (avant) et mai 2023 (après) ; pourcentage arrondi au dixième.")),
    dict(id="FR-15", language="fr", category="change",
         question="variation en % des actifs entre le S1 2024 et le S2 2024",
         reading=dict(periods=[P("2024-01-01", "2024-06-30"), P("2024-07-01", "2024-12-31")],
                      text="Actifs au S1 2024 (avant) et au S2 2024 (après).")),
    # top5 (1)
    dict(id="FR-16", language="fr", category="top5", kind="list",
         question="Le top 5 des membres les plus actifs (en nombre de jours) sur l'année 2022",
         reading=dict(period=P("2022-01-01", "2022-12-31"), action=None,
                      text="Classement par jours d'activité distincts en 2022, égalités départagées par member_id.")),
    # lifecycle (1)
    dict(id="FR-17", language="fr", category="lifecycle",
         question="Cycle de vie d'octobre 2024 par rapport à septembre : nouveaux, revenants, ressuscités, dormants ?",
         reading=dict(period=P("2024-10-01", "2024-10-31"), previous_period=P("2024-09-01", "2024-09-30"),
                      text="Cycle de vie d'octobre 2024 contre septembre 2024.")),
    # retention (1)
    dict(id="FR-18", language="fr", category="retention",
         question="Pour la cohorte de février 2022, combien étaient encore actifs 3 mois après ?",
         reading=dict(cohort_month="2022-02", months_after=3, target_month="2022-05",
                      text="Cohorte = membres dont la première activité est en 2022-02 ; retenus = actifs en 2022-05 (M+3).")),
    # unanswerable (1)
    dict(id="FR-19", language="fr", category="unanswerable", kind="unanswerable",
         question="Quel est le niveau de satisfaction des contributeurs vis-à-vis de la revue de code ?",
         why="Aucune donnée de satisfaction ni d'enquête : les événements ne sont que des commits.",
         reading=dict(text="Demande une mesure de satisfaction absente des données.")),
    # free_form (1)
    dict(id="FR-20", language="fr", category="free_form",
         question="Que s'est-il passé en mars 2021 ?",
         reading=dict(period=P("2021-03-01", "2021-03-31"),
                      text="Mars 2021 : membres actifs, événements, nouveaux membres.")),

    # ============================== Italian (10)
    dict(id="IT-01", language="it", category="inactive_as_of",
         question="Quanti membri risultavano inattivi alla fine di maggio 2024?",
         reading=dict(as_of="2024-05-31", threshold_days=30, action=None,
                      text="Inattivi al 2024-05-31, soglia predefinita 30 giorni.")),
    dict(id="IT-02", language="it", category="threshold", follows="IT-01",
         question="E se la soglia fosse di 60 giorni?",
         reading=dict(as_of="2024-05-31", threshold_days=60, action=None,
                      text="Seguito di IT-01 con la soglia cambiata: inattivi al 2024-05-31 con soglia 60 giorni.")),
    dict(id="IT-03", language="it", category="range",
         question="Quanti membri sono stati attivi dal 10 gennaio al 10 aprile 2023?",
         reading=dict(period=P("2023-01-10", "2023-04-10"), action=None,
                      text="Membri attivi in [2023-01-10, 2023-04-10].")),
    dict(id="IT-04", language="it", category="custom_action",
         question="Quante persone hanno fatto almeno un vendor_update nel 2022?",
         reading=dict(period=P("2022-01-01", "2022-12-31"), action="vendor_update", figure="members",
                      text="Membri distinti con almeno un evento `vendor_update` nel 2022.")),
    dict(id="IT-05", language="it", category="new_members",
         question="quanti nuovi membri nel secondo semestre 2022?",
         reading=dict(period=P("2022-07-01", "2022-12-31"),
                      text="Membri il cui primo giorno attivo cade in [2022-07-01, 2022-12-31].")),
    dict(id="IT-06", language="it", category="change",
         question="Di quanto è cambiato il numero di membri attivi tra il secondo trimestre 2023 e il secondo trimestre 2024?",
         reading=dict(periods=[P("2023-04-01", "2023-06-30"), P("2024-04-01", "2024-06-30")],
                      text="Attivi nel T2 2023 (prima) e nel T2 2024 (dopo).")),
    dict(id="IT-07", language="it", category="top5", kind="list",
         question="Chi sono i 5 membri più attivi negli ultimi tre mesi del 2023 (per giorni di attività)?",
         reading=dict(period=P("2023-10-01", "2023-12-31"), action=None,
                      text="Classifica per giorni attivi distinti in [2023-10-01, 2023-12-31], parità risolta per member_id.")),
    dict(id="IT-08", language="it", category="lifecycle",
         question="Ciclo di vita di gennaio 2024 rispetto a dicembre 2023?",
         reading=dict(period=P("2024-01-01", "2024-01-31"), previous_period=P("2023-12-01", "2023-12-31"),
                      text="Ciclo di vita di gennaio 2024 contro dicembre 2023.")),
    dict(id="IT-09", language="it", category="retention",
         question="Della coorte di agosto 2023, quanti erano ancora attivi dopo 6 mesi?",
         reading=dict(cohort_month="2023-08", months_after=6, target_month="2024-02",
                      text="Coorte = membri con prima attività ad agosto 2023; trattenuti = attivi a febbraio 2024 (M+6).")),
    dict(id="IT-10", language="it", category="unanswerable", kind="unanswerable",
         question="Quanto abbiamo speso per l'hosting della community nel 2024?",
         why="Nessun dato di costi o spese: gli eventi sono solo commit.",
         reading=dict(text="Richiede dati economici assenti.")),
]


def compute():
    db = load_db()
    out = []
    for s in SPEC:
        sql, expected = build(db, s)
        r = dict(s["reading"])
        q = {"id": s["id"], "language": s["language"], "category": s["category"]}
        if "follows" in s:
            q["follows"] = s["follows"]
        q["question"] = s["question"]
        q["expected_kind"] = s.get("kind", "figure")
        q["expected"] = expected
        q["reading"] = r
        q["sql"] = sql if sql is not None else "-- not answerable from events"
        out.append(q)
    return out


def main():
    new = compute()
    if "--check" in sys.argv:
        with open(QUESTIONS) as f:
            old = json.load(f)
        bad = 0
        if len(old) != len(new):
            print(f"question count differs: {len(old)} vs {len(new)}")
            bad += 1
        for a, b in zip(old, new):
            if a != b:
                bad += 1
                print(f"DIFF {b['id']}: stored {json.dumps(a.get('expected'))} recomputed {json.dumps(b['expected'])}")
        print("check:", "OK" if not bad else f"{bad} differences", f"({len(new)} questions)")
        sys.exit(1 if bad else 0)
    with open(QUESTIONS, "w") as f:
        json.dump(new, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {QUESTIONS} ({len(new)} questions)")


if __name__ == "__main__":
    main()
