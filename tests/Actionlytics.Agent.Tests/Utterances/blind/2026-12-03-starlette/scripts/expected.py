#!/usr/bin/env python3
"""Compute every question's expected figures and (re)write questions.json.

usage: expected.py          rewrite OUT/questions.json
       expected.py --check  recompute; exit 1 if questions.json differs or the cross-check fails

Each figure is computed twice:
  1. by the question's own `sql`, run on an in-memory SQLite database loaded from events.csv
     (table events(event_id, member_id, occurred_at, action, content_id, day) with day = UTC date,
     table members(member_id, joined_at) = the distinct members of events.csv with their first day);
  2. by an independent pure-Python computation from the question's structured `reading`.
The two must agree, otherwise the script stops with exit code 1.

Readings follow docs/analytics.md: UTC calendar days, periods include both ends, active = at least one
event (of the named action when one is named), inactive as of D with threshold I = last active day
L <= D and D - L >= I (members with no event by D are not counted), percent rounded half-up to 0.1.
"""
import csv, json, os, sqlite3, sys
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = os.path.join(OUT, "events.csv")
QFILE = os.path.join(OUT, "questions.json")
ALL_ACTIONS = ["code_change", "docs_change", "release", "dependency_update", "test_change"]

# ---------------------------------------------------------------- SQL templates (path 1)
def q(s):  # SQL string literal
    return "'" + s.replace("'", "''") + "'"

def sql_inactive(as_of, thr, action=None):
    act = f" AND action = {q(action)}" if action else ""
    return (f"WITH last AS (SELECT member_id, MAX(day) AS last_day FROM events WHERE day <= {q(as_of)}{act} GROUP BY member_id) "
            f"SELECT (SELECT COUNT(*) FROM last WHERE julianday({q(as_of)}) - julianday(last_day) >= {thr}) AS inactive_members, "
            f"(SELECT COUNT(*) FROM members) - (SELECT COUNT(*) FROM last) AS detail_never_active_by_as_of, "
            f"(SELECT COUNT(*) FROM last) AS detail_members_seen_by_as_of")

def sql_range(p):
    return (f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS detail_events "
            f"FROM events WHERE day BETWEEN {q(p[0])} AND {q(p[1])}")

def sql_custom(p, action, measure):
    main, other = ("events", "members") if measure == "events" else ("members", "events")
    exprs = {"events": "COUNT(*)", "members": "COUNT(DISTINCT member_id)"}
    return (f"SELECT {exprs[main]} AS {main}, {exprs[other]} AS detail_{other} "
            f"FROM events WHERE action = {q(action)} AND day BETWEEN {q(p[0])} AND {q(p[1])}")

def sql_new(p):
    return (f"WITH first AS (SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id) "
            f"SELECT (SELECT COUNT(*) FROM first WHERE first_day BETWEEN {q(p[0])} AND {q(p[1])}) AS new_members, "
            f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN {q(p[0])} AND {q(p[1])}) AS detail_active_members")

def sql_overlap(a, b, mode):
    A = f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN {q(a[0])} AND {q(a[1])}"
    B = f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN {q(b[0])} AND {q(b[1])}"
    op, name = ("INTERSECT", "active_in_both") if mode == "both" else ("EXCEPT", "active_first_not_second")
    return (f"SELECT (SELECT COUNT(*) FROM ({A} {op} {B})) AS {name}, "
            f"(SELECT COUNT(*) FROM ({A})) AS detail_active_first, (SELECT COUNT(*) FROM ({B})) AS detail_active_second")

def sql_change(a, b):
    A = f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN {q(a[0])} AND {q(a[1])})"
    B = f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN {q(b[0])} AND {q(b[1])})"
    # percent x10, rounded half-up in exact integers: floor((2000*(later-earlier) + earlier) / (2*earlier))
    return (f"WITH c AS (SELECT {A} AS earlier, {B} AS later), "
            f"r AS (SELECT earlier, later, 2000 * (later - earlier) + earlier AS n, 2 * earlier AS d FROM c) "
            f"SELECT earlier AS earlier_active_members, later AS later_active_members, "
            f"CASE WHEN n >= 0 THEN n / d ELSE -((-n + d - 1) / d) END AS change_permille_x1, "
            f"later - earlier AS detail_difference FROM r")

def sql_top(p):
    return (f"SELECT member_id, COUNT(DISTINCT day) AS active_days FROM events "
            f"WHERE day BETWEEN {q(p[0])} AND {q(p[1])} GROUP BY member_id ORDER BY active_days DESC, member_id ASC")

def sql_lifecycle(p, prev):
    cur = f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN {q(p[0])} AND {q(p[1])}"
    pre = f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN {q(prev[0])} AND {q(prev[1])}"
    earlier = f"SELECT DISTINCT member_id FROM events WHERE day < {q(prev[0])}"
    first = "SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id"
    return (f"SELECT (SELECT COUNT(*) FROM ({first}) WHERE first_day BETWEEN {q(p[0])} AND {q(p[1])}) AS new, "
            f"(SELECT COUNT(*) FROM ({cur} INTERSECT {pre})) AS \"returning\", "
            f"(SELECT COUNT(*) FROM (SELECT member_id FROM ({cur} EXCEPT {pre}) INTERSECT {earlier})) AS resurrecting, "
            f"(SELECT COUNT(*) FROM ({pre} EXCEPT {cur})) AS dormant, "
            f"(SELECT COUNT(*) FROM ({cur})) AS detail_active_members, "
            f"(SELECT COUNT(*) FROM ({pre})) AS detail_previous_active_members")

def sql_retention(cohort, target):
    return (f"WITH cohort AS (SELECT member_id FROM events GROUP BY member_id HAVING substr(MIN(day), 1, 7) = {q(cohort)}), "
            f"kept AS (SELECT DISTINCT member_id FROM events WHERE substr(day, 1, 7) = {q(target)} AND member_id IN (SELECT member_id FROM cohort)) "
            f"SELECT (SELECT COUNT(*) FROM kept) AS retained_members, "
            f"((SELECT COUNT(*) FROM kept) * 2000 + (SELECT COUNT(*) FROM cohort)) / (2 * (SELECT COUNT(*) FROM cohort)) AS retention_permille_x1, "
            f"(SELECT COUNT(*) FROM cohort) AS detail_cohort_size")

def sql_free(p):
    w = f"day BETWEEN {q(p[0])} AND {q(p[1])}"
    return (f"SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE {w}) AS active_members, "
            f"(SELECT COUNT(*) FROM events WHERE {w}) AS events, "
            f"(SELECT COUNT(*) FROM (SELECT member_id FROM events GROUP BY member_id HAVING MIN(day) BETWEEN {q(p[0])} AND {q(p[1])})) AS new_members, "
            f"(SELECT json_group_object(action, n) FROM (SELECT action, COUNT(*) AS n FROM events WHERE {w} GROUP BY action ORDER BY action)) AS detail_events_by_action")

SQL_UNANSWERABLE = "SELECT name FROM pragma_table_info('events') UNION ALL SELECT name FROM pragma_table_info('members')"

# ---------------------------------------------------------------- question list
def month(y, m):
    s = date(y, m, 1)
    e = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))
    return [s.isoformat(), e.isoformat()]

def quarter(y, n):
    return [month(y, 3 * n - 2)[0], month(y, 3 * n)[1]]

def half(y, n):
    return [month(y, 6 * n - 5)[0], month(y, 6 * n)[1]]

def year(y):
    return [f"{y}-01-01", f"{y}-12-31"]

def before(d, n):
    D = date.fromisoformat(d)
    return [(D - timedelta(days=n)).isoformat(), (D - timedelta(days=1)).isoformat()]

def Q(id, cat, text, reading, follows=None):
    lang = id[:2].lower()
    r = dict(reading)
    kind = "unanswerable" if cat == "unanswerable" else ("list" if cat == "top5" else "figure")
    if cat in ("inactive_as_of", "threshold"):
        sql = sql_inactive(r["as_of"], r["threshold_days"], r.get("action"))
    elif cat == "range":
        sql = sql_range(r["period"])
    elif cat == "custom_action":
        sql = sql_custom(r["period"], r["action"], r["measure"])
    elif cat == "new_members":
        sql = sql_new(r["period"])
    elif cat == "overlap":
        sql = sql_overlap(r["periods"][0], r["periods"][1], r["mode"])
    elif cat == "change":
        sql = sql_change(r["periods"][0], r["periods"][1])
    elif cat == "top5":
        sql = sql_top(r["period"])
    elif cat == "lifecycle":
        sql = sql_lifecycle(r["period"], r["previous_period"])
    elif cat == "retention":
        sql = sql_retention(r["cohort_month"], r["target_month"])
    elif cat == "free_form":
        sql = sql_free(r["period"])
    else:
        sql = SQL_UNANSWERABLE
    o = {"id": id, "language": lang, "category": cat, "question": text, "expected_kind": kind}
    if follows:
        o["follows"] = follows
    o["expected"] = None
    o["reading"] = r
    o["sql"] = sql
    return o

NA = None  # "no action named": any action counts
QUESTIONS = [
    # ------------------------------------------------------------ English (30)
    Q("EN-01", "inactive_as_of", "How many contributors had gone quiet as of March 3rd, 2021?",
      {"as_of": "2021-03-03", "threshold_days": 30, "action": NA,
       "text": "inactive as of 2021-03-03 with the default 30-day threshold, any action"}),
    Q("EN-02", "inactive_as_of", "inactive members at the end of Q3 2019?",
      {"as_of": "2019-09-30", "threshold_days": 30, "action": NA,
       "text": "end of Q3 2019 = 2019-09-30; default threshold 30 days, any action"}),
    Q("EN-03", "inactive_as_of", "As of 2023-06-15, how many people would count as inactive?",
      {"as_of": "2023-06-15", "threshold_days": 30, "action": NA,
       "text": "inactive as of 2023-06-15, default threshold 30 days, any action"}),
    Q("EN-04", "inactive_as_of", "how many of our docs people havent made a docs_change in 30+ days as of 12/31/2022",
      {"as_of": "2022-12-31", "threshold_days": 30, "action": "docs_change",
       "text": "inactive as of 2022-12-31 counting only docs_change events: last docs_change day L <= D and D - L >= 30; members with no docs_change by D are not counted"}),
    Q("EN-05", "range", "How many distinct people committed between Jan 10 and Feb 20, 2022?",
      {"period": ["2022-01-10", "2022-02-20"], "action": NA,
       "text": "distinct members with at least one event in [2022-01-10, 2022-02-20], both ends included"}),
    Q("EN-06", "range", "active contributors in the second half of 2019?",
      {"period": half(2019, 2), "action": NA,
       "text": "H2 2019 = [2019-07-01, 2019-12-31]; distinct active members"}),
    Q("EN-07", "range", "What about the same half of 2023?",
      {"period": half(2023, 2), "action": NA,
       "text": "follow-up of EN-06 with the year changed: H2 2023 = [2023-07-01, 2023-12-31]; distinct active members"},
      follows="EN-06"),
    Q("EN-08", "threshold", "How many contributors have been away for 90 days or more as of Oct 1 2022?",
      {"as_of": "2022-10-01", "threshold_days": 90, "action": NA,
       "text": "inactive as of 2022-10-01 with threshold 90 days, any action"}),
    Q("EN-09", "threshold", "and with a 6 month cutoff instead?",
      {"as_of": "2022-10-01", "threshold_days": 180, "action": NA,
       "text": "follow-up of EN-08 with the threshold changed: 6 months = 180 days, as of 2022-10-01"},
      follows="EN-08"),
    Q("EN-10", "threshold", "inactive count on 2024-02-29 if we call someone inactive after just two weeks?",
      {"as_of": "2024-02-29", "threshold_days": 14, "action": NA,
       "text": "inactive as of 2024-02-29 with threshold 2 weeks = 14 days, any action"}),
    Q("EN-11", "custom_action", "How many release commits did we ship in 2019?",
      {"period": year(2019), "action": "release", "measure": "events",
       "text": "number of release events in [2019-01-01, 2019-12-31]"}),
    Q("EN-12", "custom_action", "And in 2024?",
      {"period": year(2024), "action": "release", "measure": "events",
       "text": "follow-up of EN-11 with the year changed: release events in [2024-01-01, 2024-12-31]"},
      follows="EN-11"),
    Q("EN-13", "custom_action", "how many people did a docs_change in Q1 2022?",
      {"period": quarter(2022, 1), "action": "docs_change", "measure": "members",
       "text": "distinct members with a docs_change event in [2022-01-01, 2022-03-31]"}),
    Q("EN-14", "custom_action", "Number of dependency_update events in the 30 days before July 1st, 2023?",
      {"period": before("2023-07-01", 30), "action": "dependency_update", "measure": "events",
       "text": "the 30 days before 2023-07-01 = [2023-06-01, 2023-06-30]; count of dependency_update events"}),
    Q("EN-15", "new_members", "How many new contributors showed up in October 2018?",
      {"period": month(2018, 10),
       "text": "members whose first active day ever is in [2018-10-01, 2018-10-31]"}),
    Q("EN-16", "new_members", "new members in q1 2022",
      {"period": quarter(2022, 1),
       "text": "members whose first active day ever is in [2022-01-01, 2022-03-31]"}),
    Q("EN-17", "new_members", "How many first-time contributors did we get in the 30 days before September 25th, 2021?",
      {"period": before("2021-09-25", 30),
       "text": "the 30 days before 2021-09-25 = [2021-08-26, 2021-09-24]; members whose first active day ever falls inside"}),
    Q("EN-18", "overlap", "How many people active in 2022 were also active in 2023?",
      {"periods": [year(2022), year(2023)], "mode": "both",
       "text": "members active (any event) in 2022 and also in 2023"}),
    Q("EN-19", "overlap", "Of the folks who contributed in H1 2019, how many didn't show up at all in H2 2019?",
      {"periods": [half(2019, 1), half(2019, 2)], "mode": "first_not_second",
       "text": "members active in [2019-01-01, 2019-06-30] and not active in [2019-07-01, 2019-12-31]"}),
    Q("EN-20", "overlap", "how many contibutors were active in both Jan and Feb 2022",
      {"periods": [month(2022, 1), month(2022, 2)], "mode": "both",
       "text": "members active in January 2022 and in February 2022"}),
    Q("EN-21", "change", "How did the number of active members change from Q1 2022 to Q1 2023?",
      {"periods": [quarter(2022, 1), quarter(2023, 1)],
       "text": "active members in Q1 2022 (earlier) and Q1 2023 (later); percent = (later - earlier) / earlier * 100, half-up to 0.1"}),
    Q("EN-22", "change", "% change in active contributors, 2019 vs 2020?",
      {"periods": [year(2019), year(2020)],
       "text": "active members in 2019 (earlier) and 2020 (later); percent change half-up to 0.1"}),
    Q("EN-23", "top5", "top 5 most active contributors in 2022 (by active days)",
      {"period": year(2022), "n": 5,
       "text": "members ranked by distinct active days in 2022, ties broken by member_id ascending"}),
    Q("EN-24", "top5", "Who were our five most active people in the second half of 2024?",
      {"period": half(2024, 2), "n": 5,
       "text": "H2 2024 = [2024-07-01, 2024-12-31]; ranked by distinct active days, ties by member_id"}),
    Q("EN-25", "lifecycle", "Give me the lifecycle for February 2022 compared with January: new, returning, resurrecting, dormant.",
      {"period": month(2022, 2), "previous_period": month(2022, 1),
       "text": "lifecycle of February 2022 against January 2022"}),
    Q("EN-26", "lifecycle", "lifecycle breakdown for Q4 2024 vs the previous quarter",
      {"period": quarter(2024, 4), "previous_period": quarter(2024, 3),
       "text": "lifecycle of Q4 2024 [2024-10-01, 2024-12-31] against Q3 2024 [2024-07-01, 2024-09-30]"}),
    Q("EN-27", "retention", "Of the people whose first commit was in January 2022, how many were still around a month later?",
      {"cohort_month": "2022-01", "months_after": 1, "target_month": "2022-02",
       "text": "cohort = members whose first activity is in January 2022; retained = cohort members active in February 2022 (M+1)"}),
    Q("EN-28", "unanswerable", "Which countries do most of our contributors come from?",
      {"text": "the data has no location or country for members (members.csv only has member_id and joined_at)"}),
    Q("EN-29", "unanswerable", "what was the average time to merge a pull request in 2023?",
      {"text": "events are commits only; pull requests, their opening and merge times are not in the data"}),
    Q("EN-30", "free_form", "what happened in September 2021?",
      {"period": month(2021, 9),
       "text": "September 2021 = [2021-09-01, 2021-09-30]: active members, events and new members"}),
    # ------------------------------------------------------------ French (20)
    Q("FR-01", "inactive_as_of", "Combien de membres inactifs au 31 mars 2020 ?",
      {"as_of": "2020-03-31", "threshold_days": 30, "action": NA,
       "text": "inactifs au 2020-03-31, seuil par défaut 30 jours, toute action"}),
    Q("FR-02", "inactive_as_of", "Combien de contributeurs sont inactifs fin avril 2023 ?",
      {"as_of": "2023-04-30", "threshold_days": 30, "action": NA,
       "text": "fin avril 2023 = 2023-04-30 ; seuil par défaut 30 jours"}),
    Q("FR-03", "threshold", "Et avec un seuil de 60 jours ?",
      {"as_of": "2023-04-30", "threshold_days": 60, "action": NA,
       "text": "suite de FR-02 avec le seuil changé : 60 jours, au 2023-04-30"},
      follows="FR-02"),
    Q("FR-04", "inactive_as_of", "Au 15/11/2019, combien de personnes sont considérées comme inactives ?",
      {"as_of": "2019-11-15", "threshold_days": 30, "action": NA,
       "text": "15/11/2019 (jour/mois) = 2019-11-15 ; seuil par défaut 30 jours"}),
    Q("FR-05", "threshold", "Combien de membres n'ont rien fait depuis au moins 3 mois, au 1er juillet 2024 ?",
      {"as_of": "2024-07-01", "threshold_days": 90, "action": NA,
       "text": "inactifs au 2024-07-01 avec un seuil de 3 mois = 90 jours"}),
    Q("FR-06", "range", "Combien de membres actifs entre le 1er mars et le 30 juin 2023 ?",
      {"period": ["2023-03-01", "2023-06-30"], "action": NA,
       "text": "membres distincts actifs dans [2023-03-01, 2023-06-30]"}),
    Q("FR-07", "range", "nb de contributeurs actifs au T2 2022",
      {"period": quarter(2022, 2), "action": NA,
       "text": "T2 2022 = [2022-04-01, 2022-06-30] ; membres distincts actifs"}),
    Q("FR-08", "custom_action", "Combien de commits test_change en 2024 ?",
      {"period": year(2024), "action": "test_change", "measure": "events",
       "text": "nombre d'événements test_change en 2024"}),
    Q("FR-09", "custom_action", "Combien de personnes ont fait au moins un docs_change en 2021 ?",
      {"period": year(2021), "action": "docs_change", "measure": "members",
       "text": "membres distincts ayant un événement docs_change en 2021"}),
    Q("FR-10", "custom_action", "combien de releases au premier semestre 2024",
      {"period": half(2024, 1), "action": "release", "measure": "events",
       "text": "S1 2024 = [2024-01-01, 2024-06-30] ; nombre d'événements release"}),
    Q("FR-11", "new_members", "Combien de nouveaux membres en 2022 ?",
      {"period": year(2022),
       "text": "membres dont le premier jour actif est en 2022"}),
    Q("FR-12", "new_members", "Et en 2023 ?",
      {"period": year(2023),
       "text": "suite de FR-11 avec l'année changée : premiers jours actifs en 2023"},
      follows="FR-11"),
    Q("FR-13", "overlap", "Parmi les membres actifs en novembre 2018, combien l'étaient aussi en décembre 2018 ?",
      {"periods": [month(2018, 11), month(2018, 12)], "mode": "both",
       "text": "membres actifs en novembre 2018 et aussi en décembre 2018"}),
    Q("FR-14", "change", "Évolution du nombre de membres actifs entre le 1er semestre 2023 et le 1er semestre 2024 ?",
      {"periods": [half(2023, 1), half(2024, 1)],
       "text": "actifs au S1 2023 (avant) et au S1 2024 (après) ; pourcentage arrondi au dixième"}),
    Q("FR-15", "change", "variation des actifs entre novembre 2018 et novembre 2019 stp",
      {"periods": [month(2018, 11), month(2019, 11)],
       "text": "actifs en novembre 2018 (avant) et en novembre 2019 (après) ; pourcentage arrondi au dixième"}),
    Q("FR-16", "top5", "Top 5 des contributeurs les plus actifs en 2019 ?",
      {"period": year(2019), "n": 5,
       "text": "classement par jours actifs distincts en 2019, égalités départagées par member_id"}),
    Q("FR-17", "lifecycle", "Tu peux me donner le cycle de vie de juin 2022 par rapport au mois d'avant ?",
      {"period": month(2022, 6), "previous_period": month(2022, 5),
       "text": "cycle de vie de juin 2022 par rapport à mai 2022"}),
    Q("FR-18", "retention", "Rétention de la cohorte de décembre 2018 au bout de 3 mois ?",
      {"cohort_month": "2018-12", "months_after": 3, "target_month": "2019-03",
       "text": "cohorte = premiers actifs en décembre 2018 ; retenus = actifs en mars 2019 (M+3)"}),
    Q("FR-19", "unanswerable", "Quel est l'âge moyen de nos contributeurs ?",
      {"text": "aucun âge ni date de naissance dans les données (member_id et joined_at seulement)"}),
    Q("FR-20", "free_form", "Que s'est-il passé en février 2022 ?",
      {"period": month(2022, 2),
       "text": "février 2022 = [2022-02-01, 2022-02-28] : membres actifs, événements, nouveaux membres"}),
    # ------------------------------------------------------------ Italian (10)
    Q("IT-01", "inactive_as_of", "Quanti membri inattivi alla fine di maggio 2022?",
      {"as_of": "2022-05-31", "threshold_days": 30, "action": NA,
       "text": "fine di maggio 2022 = 2022-05-31; soglia predefinita 30 giorni"}),
    Q("IT-02", "threshold", "E con una soglia di 90 giorni?",
      {"as_of": "2022-05-31", "threshold_days": 90, "action": NA,
       "text": "seguito di IT-01 con la soglia cambiata: 90 giorni, al 2022-05-31"},
      follows="IT-01"),
    Q("IT-03", "range", "Quanti membri attivi nel 2021?",
      {"period": year(2021), "action": NA,
       "text": "membri distinti attivi in [2021-01-01, 2021-12-31]"}),
    Q("IT-04", "custom_action", "Quanti eventi dependency_update ci sono stati nel 2022?",
      {"period": year(2022), "action": "dependency_update", "measure": "events",
       "text": "numero di eventi dependency_update nel 2022"}),
    Q("IT-05", "new_members", "quanti nuovi membri nel terzo trimestre 2024?",
      {"period": quarter(2024, 3),
       "text": "Q3 2024 = [2024-07-01, 2024-09-30]; membri il cui primo giorno attivo cade nel periodo"}),
    Q("IT-06", "change", "Com'è cambiato il numero di membri attivi tra il 2021 e il 2022?",
      {"periods": [year(2021), year(2022)],
       "text": "attivi nel 2021 (prima) e nel 2022 (dopo); percentuale arrotondata a 0,1"}),
    Q("IT-07", "top5", "I 5 membri più attivi nel primo semestre 2023?",
      {"period": half(2023, 1), "n": 5,
       "text": "H1 2023 = [2023-01-01, 2023-06-30]; classifica per giorni attivi distinti, parità per member_id"}),
    Q("IT-08", "lifecycle", "ciclo di vita di febbraio 2023 rispetto a gennaio",
      {"period": month(2023, 2), "previous_period": month(2023, 1),
       "text": "ciclo di vita di febbraio 2023 rispetto a gennaio 2023"}),
    Q("IT-09", "retention", "Retention della coorte di giugno 2021 dopo 4 mesi?",
      {"cohort_month": "2021-06", "months_after": 4, "target_month": "2021-10",
       "text": "coorte = primi attivi a giugno 2021; trattenuti = attivi a ottobre 2021 (M+4)"}),
    Q("IT-10", "unanswerable", "Quanto fatturato ha generato la community nel 2023?",
      {"text": "nessun dato economico (fatturato) negli eventi: solo commit"}),
]

UNANSWERABLE_WHY = {
    "EN-28": "no member location or country in the data (only member ids, join dates and commit events)",
    "EN-29": "the data holds commits only; pull requests and their merge times are not recorded",
    "FR-19": "l'âge des membres n'existe pas dans les données (seulement identifiants, dates d'arrivée et commits)",
    "IT-10": "non ci sono dati economici: gli eventi sono solo commit, nessun fatturato",
}

# ---------------------------------------------------------------- path 1: run the SQL
def load_db():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, content_id TEXT, day TEXT)")
    with open(EVENTS, newline="") as f:
        rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"], r["occurred_at"][:10])
                for r in csv.DictReader(f)]
    db.executemany("INSERT INTO events VALUES (?,?,?,?,?,?)", rows)
    db.execute("CREATE TABLE members AS SELECT member_id, MIN(day) AS joined_at FROM events GROUP BY member_id")
    return db

def permille_to_pct(v):
    return float(Decimal(v) / 10)

def from_sql(db, qu):
    cur = db.execute(qu["sql"])
    cols = [c[0] for c in cur.description]
    rows = cur.fetchall()
    cat, r = qu["category"], qu["reading"]
    if cat == "unanswerable":
        names = {row[0] for row in rows}
        assert names == {"event_id", "member_id", "occurred_at", "action", "content_id", "day", "joined_at"}, names
        return {"outcome": "unanswerable", "detail": UNANSWERABLE_WHY[qu["id"]]}
    if cat == "top5":
        return top_list([(m, d) for m, d in rows], r["n"])
    row = dict(zip(cols, rows[0]))
    out, detail = {}, {}
    for k, v in row.items():
        if k.endswith("_permille_x1"):
            out[k.replace("_permille_x1", "_percent")] = permille_to_pct(v)
        elif k.startswith("detail_"):
            detail[k[7:]] = json.loads(v) if isinstance(v, str) and v.startswith("{") else v
        else:
            out[k] = v
    if cat in ("inactive_as_of", "threshold"):
        detail.update({"as_of": r["as_of"], "threshold_days": r["threshold_days"]})
        if r.get("action"):
            detail["action"] = r["action"]
    if cat == "custom_action":
        detail["action"] = r["action"]
    out["detail"] = detail
    return out

def top_list(ranked, n):
    top = ranked[:n]
    cut = top[-1][1]
    tie = len(ranked) > n and ranked[n][1] == cut
    tied = [m for m, d in ranked if d == cut]
    return {"top_members": [{"member_id": m, "active_days": d} for m, d in top],
            "detail": {"tie_at_cut": tie, "cut_active_days": cut,
                       "tied_members": tied if tie else [],
                       "members_in_period": len(ranked)}}

# ---------------------------------------------------------------- path 2: independent Python
class Data:
    def __init__(self):
        self.ev = []
        with open(EVENTS, newline="") as f:
            for r in csv.DictReader(f):
                self.ev.append((r["member_id"], date.fromisoformat(r["occurred_at"][:10]), r["action"]))
        self.members = {m for m, _, _ in self.ev}
        self.first = {}
        for m, d, _ in self.ev:
            if m not in self.first or d < self.first[m]:
                self.first[m] = d

    def active(self, p, action=None):
        s, e = date.fromisoformat(p[0]), date.fromisoformat(p[1])
        return {m for m, d, a in self.ev if s <= d <= e and (action is None or a == action)}

    def events(self, p, action=None):
        s, e = date.fromisoformat(p[0]), date.fromisoformat(p[1])
        return [x for x in self.ev if s <= x[1] <= e and (action is None or x[2] == action)]

def half_up(v):
    # round a Fraction half-up (towards +infinity on exact halves) to one decimal
    x = v * 10
    fl = x.numerator // x.denominator
    frac = x - fl
    r = fl + 1 if frac >= Fraction(1, 2) else fl
    return float(Decimal(r) / 10)

def from_python(D, qu):
    cat, r = qu["category"], qu["reading"]
    if cat == "unanswerable":
        return {"outcome": "unanswerable", "detail": UNANSWERABLE_WHY[qu["id"]]}
    if cat in ("inactive_as_of", "threshold"):
        asof, thr, act = date.fromisoformat(r["as_of"]), r["threshold_days"], r.get("action")
        last = {}
        for m, d, a in D.ev:
            if d <= asof and (act is None or a == act):
                last[m] = max(last.get(m, d), d)
        inactive = sum(1 for L in last.values() if (asof - L).days >= thr)
        det = {"never_active_by_as_of": len(D.members) - len(last), "members_seen_by_as_of": len(last),
               "as_of": r["as_of"], "threshold_days": thr}
        if act:
            det["action"] = act
        return {"inactive_members": inactive, "detail": det}
    if cat == "range":
        return {"active_members": len(D.active(r["period"])), "detail": {"events": len(D.events(r["period"]))}}
    if cat == "custom_action":
        evs = D.events(r["period"], r["action"])
        fig = {"events": len(evs), "members": len({m for m, _, _ in evs})}
        main = r["measure"]; other = "members" if main == "events" else "events"
        return {main: fig[main], "detail": {other: fig[other], "action": r["action"]}}
    if cat == "new_members":
        s, e = map(date.fromisoformat, r["period"])
        return {"new_members": sum(1 for d in D.first.values() if s <= d <= e),
                "detail": {"active_members": len(D.active(r["period"]))}}
    if cat == "overlap":
        A, B = D.active(r["periods"][0]), D.active(r["periods"][1])
        if r["mode"] == "both":
            return {"active_in_both": len(A & B), "detail": {"active_first": len(A), "active_second": len(B)}}
        return {"active_first_not_second": len(A - B), "detail": {"active_first": len(A), "active_second": len(B)}}
    if cat == "change":
        a, b = len(D.active(r["periods"][0])), len(D.active(r["periods"][1]))
        return {"earlier_active_members": a, "later_active_members": b,
                "change_percent": half_up(Fraction((b - a) * 100, a)), "detail": {"difference": b - a}}
    if cat == "top5":
        days = defaultdict(set)
        for m, d, _ in D.events(r["period"]):
            days[m].add(d)
        ranked = sorted(((m, len(s)) for m, s in days.items()), key=lambda x: (-x[1], x[0]))
        return top_list(ranked, r["n"])
    if cat == "lifecycle":
        cur, pre = D.active(r["period"]), D.active(r["previous_period"])
        ps = date.fromisoformat(r["previous_period"][0])
        s, e = map(date.fromisoformat, r["period"])
        new = {m for m, d in D.first.items() if s <= d <= e}
        return {"new": len(new), "returning": len(cur & pre),
                "resurrecting": len({m for m in cur - pre if D.first[m] < ps}),
                "dormant": len(pre - cur),
                "detail": {"active_members": len(cur), "previous_active_members": len(pre)}}
    if cat == "retention":
        cohort = {m for m, d in D.first.items() if d.strftime("%Y-%m") == r["cohort_month"]}
        kept = {m for m, d, _ in D.ev if d.strftime("%Y-%m") == r["target_month"]} & cohort
        return {"retained_members": len(kept), "retention_percent": half_up(Fraction(len(kept) * 100, len(cohort))),
                "detail": {"cohort_size": len(cohort)}}
    if cat == "free_form":
        evs = D.events(r["period"])
        s, e = map(date.fromisoformat, r["period"])
        by = defaultdict(int)
        for _, _, a in evs:
            by[a] += 1
        return {"active_members": len({m for m, _, _ in evs}), "events": len(evs),
                "new_members": sum(1 for d in D.first.values() if s <= d <= e),
                "detail": {"events_by_action": dict(sorted(by.items()))}}
    raise ValueError(cat)

# ---------------------------------------------------------------- structure checks
WANT = {"en": {"inactive_as_of": 4, "range": 3, "threshold": 3, "custom_action": 4, "new_members": 3, "overlap": 3,
               "change": 2, "top5": 2, "lifecycle": 2, "retention": 1, "unanswerable": 2, "free_form": 1},
        "fr": {"inactive_as_of": 3, "range": 2, "threshold": 2, "custom_action": 3, "new_members": 2, "overlap": 1,
               "change": 2, "top5": 1, "lifecycle": 1, "retention": 1, "unanswerable": 1, "free_form": 1},
        "it": {"inactive_as_of": 1, "range": 1, "threshold": 1, "custom_action": 1, "new_members": 1, "overlap": 0,
               "change": 1, "top5": 1, "lifecycle": 1, "retention": 1, "unanswerable": 1, "free_form": 0}}
FOLLOWUPS = {"en": 3, "fr": 2, "it": 1}
FIRST_DAY, LAST_DAY = "2018-08-01", "2025-07-31"   # third month of the repo .. last full month

def structure_problems(qs):
    p = []
    for lang, want in WANT.items():
        got = defaultdict(int)
        for x in qs:
            if x["language"] == lang:
                got[x["category"]] += 1
        for c, n in want.items():
            if got[c] != n:
                p.append(f"{lang} {c}: {got[c]} != {n}")
        nf = sum(1 for x in qs if x["language"] == lang and "follows" in x)
        if nf != FOLLOWUPS[lang]:
            p.append(f"{lang} follow-ups: {nf} != {FOLLOWUPS[lang]}")
    ids = [x["id"] for x in qs]
    for i, x in enumerate(qs):
        if "follows" in x:
            if i == 0 or qs[i - 1]["id"] != x["follows"] or qs[i - 1]["language"] != x["language"]:
                p.append(f"{x['id']} does not follow the question just before it")
        dates = []
        r = x["reading"]
        for k in ("period", "previous_period"):
            dates += r.get(k, [])
        for pp in r.get("periods", []):
            dates += pp
        if "as_of" in r:
            dates.append(r["as_of"])
        for k in ("cohort_month", "target_month"):
            if k in r:
                dates.append(r[k] + "-01")
        for d in dates:
            if not (FIRST_DAY <= d <= LAST_DAY):
                p.append(f"{x['id']} date {d} outside {FIRST_DAY}..{LAST_DAY}")
    if len(set(ids)) != len(ids):
        p.append("duplicate ids")
    return p

def zero_figures(qs):
    z = []
    for x in qs:
        e = x["expected"]
        if x["expected_kind"] == "figure":
            for k, v in e.items():
                if k != "detail" and isinstance(v, (int, float)) and v == 0:
                    z.append(f"{x['id']} {k}=0")
    return z

def build():
    db, D = load_db(), Data()
    qs = json.loads(json.dumps(QUESTIONS))
    bad = []
    for x in qs:
        a, b = from_sql(db, x), from_python(D, x)
        if a != b:
            bad.append(f"{x['id']}: sql {a} != python {b}")
        x["expected"] = a
    return qs, bad

def main():
    check = "--check" in sys.argv
    qs, bad = build()
    probs = structure_problems(qs)
    for m in bad + probs:
        print("MISMATCH" if m in bad else "STRUCTURE", m)
    for z in zero_figures(qs):
        print("note: zero figure", z)
    text = json.dumps(qs, ensure_ascii=False, indent=2) + "\n"
    if check:
        old = open(QFILE, encoding="utf-8").read() if os.path.exists(QFILE) else ""
        same = old == text
        print(f"{len(qs)} questions; sql/python cross-check {'ok' if not bad else 'FAILED'}; "
              f"structure {'ok' if not probs else 'FAILED'}; questions.json {'up to date' if same else 'DIFFERS'}")
        sys.exit(0 if same and not bad and not probs else 1)
    if bad or probs:
        sys.exit(1)
    with open(QFILE, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {QFILE}: {len(qs)} questions")

if __name__ == "__main__":
    main()
