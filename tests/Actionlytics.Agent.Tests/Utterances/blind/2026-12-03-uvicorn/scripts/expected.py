#!/usr/bin/env python3
"""Compute every question's expected figures by SQL (in-memory SQLite) and rewrite questions.json.

  python3 scripts/expected.py          # rewrite questions.json
  python3 scripts/expected.py --check  # exit 1 on any difference with questions.json

Each figure is computed twice: by the question's SQL and by an independent pure-Python
computation over the same events; any disagreement aborts.
"""
import csv, json, os, sqlite3, sys
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = os.path.join(HERE, 'events.csv')
MEMBERS = os.path.join(HERE, 'members.csv')
QFILE = os.path.join(HERE, 'questions.json')
FIRST_ALLOWED, LAST_ALLOWED = '2017-07-01', '2025-08-31'

# ---------------------------------------------------------------- questions
# kind-specific parameters; question text, reading text and sql are built below.
Q = []
def q(id, lang, cat, text, kind, params, note, follows=None, why=None):
    Q.append(dict(id=id, language=lang, category=cat, question=text, kind=kind, params=params,
                  note=note, follows=follows, why=why))

P = lambda a, b: (a, b)
# ---- English
q('EN-01', 'en', 'inactive_as_of', "How many contributors had gone quiet as of June 30, 2021?",
  'inactive', dict(as_of='2021-06-30', threshold=30), "inactive as of 2021-06-30, default threshold 30 days")
q('EN-02', 'en', 'threshold', "ok and if we say 12 weeks instead?",
  'inactive', dict(as_of='2021-06-30', threshold=84), "same as EN-01 with threshold 12 weeks = 84 days", follows='EN-01')
q('EN-03', 'en', 'inactive_as_of', "inactive members as of 2019-12-31",
  'inactive', dict(as_of='2019-12-31', threshold=30), "inactive as of 2019-12-31, default threshold 30 days")
q('EN-04', 'en', 'inactive_as_of', "As of March 3rd, 2023, how many people haven't committed anything for a month or more?",
  'inactive', dict(as_of='2023-03-03', threshold=30), "inactive as of 2023-03-03, threshold one month = 30 days")
q('EN-05', 'en', 'inactive_as_of', "how many lapsed folks do we have at the end of Q3 2024",
  'inactive', dict(as_of='2024-09-30', threshold=30), "inactive as of 2024-09-30 (last day of Q3 2024), default threshold 30 days")
q('EN-06', 'en', 'threshold', "Inactive count on 11/30/2022 using a 60 day threshold?",
  'inactive', dict(as_of='2022-11-30', threshold=60), "inactive as of 2022-11-30, threshold 60 days")
q('EN-07', 'en', 'threshold', "who's been gone 6+ months as of 2020-07-15? just the number pls",
  'inactive', dict(as_of='2020-07-15', threshold=180), "inactive as of 2020-07-15, threshold 6 months = 180 days")
q('EN-08', 'en', 'range', "How many people were active between 2019-03-01 and 2019-05-31?",
  'range', dict(period=P('2019-03-01', '2019-05-31')), "active members in [2019-03-01, 2019-05-31]")
q('EN-09', 'en', 'range', "active contribtors in the second half of 2022?",
  'range', dict(period=P('2022-07-01', '2022-12-31')), "active members in H2 2022 = [2022-07-01, 2022-12-31]")
q('EN-10', 'en', 'range', "how many ppl committed anything in the 30 days before January 15th, 2020",
  'range', dict(period=P('2019-12-16', '2020-01-14')), "active members in the 30 days before 2020-01-15 = [2019-12-16, 2020-01-14]")
q('EN-11', 'en', 'custom_action', "How many docs commits landed in 2020?",
  'action', dict(period=P('2020-01-01', '2020-12-31'), action='docs_change', measure='events'),
  "count of docs_change events in 2020")
q('EN-12', 'en', 'custom_action', "And test-only changes?",
  'action', dict(period=P('2020-01-01', '2020-12-31'), action='test_change', measure='events'),
  "same as EN-11 with action test_change: count of test_change events in 2020", follows='EN-11')
q('EN-13', 'en', 'custom_action', "how many diffrent people cut a release in 2024?",
  'action', dict(period=P('2024-01-01', '2024-12-31'), action='release', measure='members'),
  "distinct members with a release event in 2024")
q('EN-14', 'en', 'custom_action', "number of dependency bumps in Q2 2023",
  'action', dict(period=P('2023-04-01', '2023-06-30'), action='dependency_bump', measure='events'),
  "count of dependency_bump events in Q2 2023 = [2023-04-01, 2023-06-30]")
q('EN-15', 'en', 'new_members', "How many first-time contributors did we get in 2019?",
  'new', dict(period=P('2019-01-01', '2019-12-31')), "members whose first active day ever is in 2019")
q('EN-16', 'en', 'new_members', "new members in oct 2022?",
  'new', dict(period=P('2022-10-01', '2022-10-31')), "members whose first active day ever is in October 2022")
q('EN-17', 'en', 'new_members', "How many newcomers showed up between April 1 and June 30, 2021?",
  'new', dict(period=P('2021-04-01', '2021-06-30')), "members whose first active day ever is in [2021-04-01, 2021-06-30]")
q('EN-18', 'en', 'overlap', "How many people contributed in both 2019 and 2020?",
  'overlap', dict(first=P('2019-01-01', '2019-12-31'), second=P('2020-01-01', '2020-12-31'), mode='both'),
  "members active in 2019 and active in 2020")
q('EN-19', 'en', 'overlap', "What about 2020 and 2021?",
  'overlap', dict(first=P('2020-01-01', '2020-12-31'), second=P('2021-01-01', '2021-12-31'), mode='both'),
  "same as EN-18 with the periods moved one year: members active in 2020 and in 2021", follows='EN-18')
q('EN-20', 'en', 'overlap', "Of the people active in H1 2022, how many did NOT come back in H2?",
  'overlap', dict(first=P('2022-01-01', '2022-06-30'), second=P('2022-07-01', '2022-12-31'), mode='first_not_second'),
  "members active in H1 2022 and not active in H2 2022")
q('EN-21', 'en', 'change', "How did the number of active contributors change from Q1 2022 to Q1 2023?",
  'change', dict(earlier=P('2022-01-01', '2022-03-31'), later=P('2023-01-01', '2023-03-31')),
  "active members in Q1 2022 vs Q1 2023, percent change")
q('EN-22', 'en', 'change', "same thing but comparing the first halves of those years?",
  'change', dict(earlier=P('2022-01-01', '2022-06-30'), later=P('2023-01-01', '2023-06-30')),
  "same as EN-21 with halves: active members in H1 2022 vs H1 2023, percent change", follows='EN-21')
q('EN-23', 'en', 'top5', "Top 5 most active contributors in 2022, by number of active days?",
  'top5', dict(period=P('2022-01-01', '2022-12-31')), "top 5 members by distinct active days in 2022, ties by member_id")
q('EN-24', 'en', 'top5', "who were our five most consistent committers in H2 2019",
  'top5', dict(period=P('2019-07-01', '2019-12-31')), "top 5 members by distinct active days in H2 2019, ties by member_id")
q('EN-25', 'en', 'lifecycle', "Lifecycle breakdown for Q3 2020 vs the previous quarter?",
  'lifecycle', dict(current=P('2020-07-01', '2020-09-30'), previous=P('2020-04-01', '2020-06-30')),
  "lifecycle of Q3 2020 against Q2 2020")
q('EN-26', 'en', 'lifecycle', "new / returning / resurrecting / dormant for October 2022 compared to September",
  'lifecycle', dict(current=P('2022-10-01', '2022-10-31'), previous=P('2022-09-01', '2022-09-30')),
  "lifecycle of October 2022 against September 2022")
q('EN-27', 'en', 'retention', "Of the people who made their first commit in June 2019, how many were still around 3 months later?",
  'retention', dict(cohort='2019-06', n=3), "cohort June 2019, active in September 2019 (M+3)")
q('EN-28', 'en', 'unanswerable', "Which countries are most of our contributors from?",
  'unanswerable', {}, "needs members' locations", why="The events carry no location or country for members; members.csv has only member_id and joined_at.")
q('EN-29', 'en', 'unanswerable', "How many GitHub stars did we gain in 2022?",
  'unanswerable', {}, "needs repository star data", why="Stars are not events in this data; only commits (code, docs, test, release, dependency bump) are recorded.")
q('EN-30', 'en', 'free_form', "what happened in october 2019?",
  'free', dict(period=P('2019-10-01', '2019-10-31')), "October 2019: active members, events, new members")
# ---- French
q('FR-01', 'fr', 'inactive_as_of', "Combien de membres inactifs au 31 mars 2020 ?",
  'inactive', dict(as_of='2020-03-31', threshold=30), "inactive as of 2020-03-31, default threshold 30 days")
q('FR-02', 'fr', 'inactive_as_of', "Et à la même date en 2023 ?",
  'inactive', dict(as_of='2023-03-31', threshold=30), "same as FR-01 with the as-of date moved to the same day in 2023: 2023-03-31, threshold 30 days", follows='FR-01')
q('FR-03', 'fr', 'inactive_as_of', "nombre de contributeurs inactifs fin avril 2018",
  'inactive', dict(as_of='2018-04-30', threshold=30), "inactive as of 2018-04-30 (end of April), default threshold 30 days")
q('FR-04', 'fr', 'range', "Combien de personnes ont été actives entre le 1er septembre et le 30 novembre 2020 ?",
  'range', dict(period=P('2020-09-01', '2020-11-30')), "active members in [2020-09-01, 2020-11-30]")
q('FR-05', 'fr', 'range', "membres actifs au premier semestre 2023 ?",
  'range', dict(period=P('2023-01-01', '2023-06-30')), "active members in H1 2023 = [2023-01-01, 2023-06-30]")
q('FR-06', 'fr', 'threshold', "Combien d'inactifs au 15/06/2022 avec un seuil de 90 jours ?",
  'inactive', dict(as_of='2022-06-15', threshold=90), "inactive as of 2022-06-15, threshold 90 days")
q('FR-07', 'fr', 'threshold', "inactifs depuis au moins 2 semaines au 31 janvier 2024, ça donne combien ?",
  'inactive', dict(as_of='2024-01-31', threshold=14), "inactive as of 2024-01-31, threshold 2 weeks = 14 days")
q('FR-08', 'fr', 'custom_action', "Combien de commits de code au 3e trimestre 2022 ?",
  'action', dict(period=P('2022-07-01', '2022-09-30'), action='code_change', measure='events'),
  "count of code_change events in Q3 2022 = [2022-07-01, 2022-09-30]")
q('FR-09', 'fr', 'custom_action', "Et au quatrième trimestre ?",
  'action', dict(period=P('2022-10-01', '2022-12-31'), action='code_change', measure='events'),
  "same as FR-08 for Q4 2022 = [2022-10-01, 2022-12-31]", follows='FR-08')
q('FR-10', 'fr', 'custom_action', "Combien de personnes ont modifié la doc en 2021 ?",
  'action', dict(period=P('2021-01-01', '2021-12-31'), action='docs_change', measure='members'),
  "distinct members with a docs_change event in 2021")
q('FR-11', 'fr', 'new_members', "On a eu combien de nouveaux contributeurs en 2020 ?",
  'new', dict(period=P('2020-01-01', '2020-12-31')), "members whose first active day ever is in 2020")
q('FR-12', 'fr', 'new_members', "Et en 2022 ?",
  'new', dict(period=P('2022-01-01', '2022-12-31')), "same as FR-11 for 2022", follows='FR-11')
q('FR-13', 'fr', 'overlap', "Parmi les contributeurs actifs au T1 2021, combien l'étaient aussi au T2 ?",
  'overlap', dict(first=P('2021-01-01', '2021-03-31'), second=P('2021-04-01', '2021-06-30'), mode='both'),
  "members active in Q1 2021 and active in Q2 2021")
q('FR-14', 'fr', 'change', "Évolution du nombre de contributeurs actifs entre 2020 et 2021 ?",
  'change', dict(earlier=P('2020-01-01', '2020-12-31'), later=P('2021-01-01', '2021-12-31')),
  "active members in 2020 vs 2021, percent change")
q('FR-15', 'fr', 'change', "mars 2023 vs avril 2023 : combien d'actifs et quelle variation en pourcentage ?",
  'change', dict(earlier=P('2023-03-01', '2023-03-31'), later=P('2023-04-01', '2023-04-30')),
  "active members in March 2023 vs April 2023, percent change")
q('FR-16', 'fr', 'top5', "c'est qui les 5 membres les plus actifs en 2020 ? (en nombre de jours actifs)",
  'top5', dict(period=P('2020-01-01', '2020-12-31')), "top 5 members by distinct active days in 2020, ties by member_id")
q('FR-17', 'fr', 'lifecycle', "Cycle de vie du 2e trimestre 2021 par rapport au 1er : nouveaux, de retour, ressuscités, dormants ?",
  'lifecycle', dict(current=P('2021-04-01', '2021-06-30'), previous=P('2021-01-01', '2021-03-31')),
  "lifecycle of Q2 2021 against Q1 2021")
q('FR-18', 'fr', 'retention', "Parmi les membres arrivés en novembre 2021, combien étaient encore actifs 4 mois après ?",
  'retention', dict(cohort='2021-11', n=4), "cohort November 2021, active in March 2022 (M+4)")
q('FR-19', 'fr', 'unanswerable', "Quel est le taux de satisfaction de nos contributeurs ?",
  'unanswerable', {}, "needs satisfaction survey data", why="There is no satisfaction data: events are only commits classified by action.")
q('FR-20', 'fr', 'free_form', "Qu'est-ce qui s'est passé en juillet 2018 ?",
  'free', dict(period=P('2018-07-01', '2018-07-31')), "July 2018: active members, events, new members")
# ---- Italian
q('IT-01', 'it', 'inactive_as_of', "Quanti membri inattivi alla fine di maggio 2022?",
  'inactive', dict(as_of='2022-05-31', threshold=30), "inactive as of 2022-05-31 (end of May), default threshold 30 days")
q('IT-02', 'it', 'threshold', "E con una soglia di 2 mesi?",
  'inactive', dict(as_of='2022-05-31', threshold=60), "same as IT-01 with threshold 2 months = 60 days", follows='IT-01')
q('IT-03', 'it', 'range', "quante persone sono state attive nel corso del 2023?",
  'range', dict(period=P('2023-01-01', '2023-12-31')), "active members in 2023")
q('IT-04', 'it', 'custom_action', "Quanti rilasci sono stati fatti nel 2019?",
  'action', dict(period=P('2019-01-01', '2019-12-31'), action='release', measure='events'),
  "count of release events in 2019")
q('IT-05', 'it', 'new_members', "Nuovi contributori nel secondo trimestre 2020: quanti?",
  'new', dict(period=P('2020-04-01', '2020-06-30')), "members whose first active day ever is in Q2 2020 = [2020-04-01, 2020-06-30]")
q('IT-06', 'it', 'change', "Variazione dei membri attivi tra il primo e il secondo semestre del 2024?",
  'change', dict(earlier=P('2024-01-01', '2024-06-30'), later=P('2024-07-01', '2024-12-31')),
  "active members in H1 2024 vs H2 2024, percent change")
q('IT-07', 'it', 'top5', "I 5 contributori più attivi nel 2021 per giorni di attività",
  'top5', dict(period=P('2021-01-01', '2021-12-31')), "top 5 members by distinct active days in 2021, ties by member_id")
q('IT-08', 'it', 'lifecycle', "Ciclo di vita di febbraio 2019 rispetto a gennaio: nuovi, di ritorno, riattivati, dormienti?",
  'lifecycle', dict(current=P('2019-02-01', '2019-02-28'), previous=P('2019-01-01', '2019-01-31')),
  "lifecycle of February 2019 against January 2019")
q('IT-09', 'it', 'retention', "Dei membri arrivati a gennaio 2022, quanti erano ancora attivi 3 mesi dopo?",
  'retention', dict(cohort='2022-01', n=3), "cohort January 2022, active in April 2022 (M+3)")
q('IT-10', 'it', 'unanswerable', "Quanto tempo passa in media tra l'apertura di una PR e il merge?",
  'unanswerable', {}, "needs pull-request data", why="Events are commits only; pull-request opening and merge times are not in the data.")

# ---------------------------------------------------------------- SQL builders
def sql_inactive(as_of, threshold):
    return (f"WITH last AS (SELECT member_id, MAX(day) AS last_day FROM events WHERE day <= '{as_of}' GROUP BY member_id) "
            f"SELECT (SELECT COUNT(*) FROM last WHERE julianday('{as_of}') - julianday(last_day) >= {threshold}) AS inactive_members, "
            f"(SELECT COUNT(*) FROM last WHERE julianday('{as_of}') - julianday(last_day) < {threshold}) AS detail_not_inactive, "
            f"(SELECT COUNT(*) FROM members WHERE member_id NOT IN (SELECT member_id FROM last)) AS detail_never_active_by_as_of")

def sql_range(period):
    a, b = period
    return (f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS detail_events "
            f"FROM events WHERE day BETWEEN '{a}' AND '{b}'")

def sql_action(period, action, measure):
    a, b = period
    other = 'members' if measure == 'events' else 'events'
    cols = {'events': 'COUNT(*)', 'members': 'COUNT(DISTINCT member_id)'}
    return (f"SELECT {cols[measure]} AS {measure}, {cols[other]} AS detail_{other} "
            f"FROM events WHERE action = '{action}' AND day BETWEEN '{a}' AND '{b}'")

def sql_new(period):
    a, b = period
    return (f"WITH fst AS (SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id) "
            f"SELECT (SELECT COUNT(*) FROM fst WHERE first_day BETWEEN '{a}' AND '{b}') AS new_members, "
            f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a}' AND '{b}') AS detail_active_members")

def sql_overlap(first, second, mode):
    (a1, b1), (a2, b2) = first, second
    name = 'members_in_both' if mode == 'both' else 'members_in_first_not_second'
    op = 'IN' if mode == 'both' else 'NOT IN'
    return (f"WITH p1 AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a1}' AND '{b1}'), "
            f"p2 AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a2}' AND '{b2}') "
            f"SELECT (SELECT COUNT(*) FROM p1 WHERE member_id {op} (SELECT member_id FROM p2)) AS {name}, "
            f"(SELECT COUNT(*) FROM p1) AS detail_active_first_period, (SELECT COUNT(*) FROM p2) AS detail_active_second_period")

def sql_change(earlier, later):
    (a1, b1), (a2, b2) = earlier, later
    # percent = (later-earlier)/earlier*100 rounded half-up to 0.1, in exact integer arithmetic:
    # tenths = floor((2000*(l-e) + e) / (2e))
    return (f"WITH c AS (SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a1}' AND '{b1}') AS e, "
            f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a2}' AND '{b2}') AS l), "
            f"t AS (SELECT e, l, 2000*(l-e) + e AS n, 2*e AS d FROM c) "
            f"SELECT e AS active_members_earlier, l AS active_members_later, "
            f"(CASE WHEN n >= 0 THEN n / d ELSE -((-n + d - 1) / d) END) / 10.0 AS percent_change, "
            f"l - e AS detail_difference FROM t")

def sql_top5(period):
    a, b = period
    return (f"SELECT member_id, COUNT(DISTINCT day) AS active_days FROM events "
            f"WHERE day BETWEEN '{a}' AND '{b}' GROUP BY member_id ORDER BY active_days DESC, member_id ASC")

def sql_lifecycle(current, previous):
    (ca, cb), (pa, pb) = current, previous
    return (f"WITH cur AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{ca}' AND '{cb}'), "
            f"prev AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{pa}' AND '{pb}'), "
            f"fst AS (SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id) "
            f"SELECT (SELECT COUNT(*) FROM cur JOIN fst USING (member_id) WHERE first_day >= '{ca}') AS new, "
            f"(SELECT COUNT(*) FROM cur WHERE member_id IN (SELECT member_id FROM prev)) AS \"returning\", "
            f"(SELECT COUNT(*) FROM cur JOIN fst USING (member_id) WHERE first_day < '{ca}' "
            f"AND member_id NOT IN (SELECT member_id FROM prev)) AS resurrecting, "
            f"(SELECT COUNT(*) FROM prev WHERE member_id NOT IN (SELECT member_id FROM cur)) AS dormant, "
            f"(SELECT COUNT(*) FROM cur) AS detail_active_current, (SELECT COUNT(*) FROM prev) AS detail_active_previous")

def month_add(ym, n):
    y, m = map(int, ym.split('-'))
    m += n
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return f'{y:04d}-{m:02d}'

def sql_retention(cohort, n):
    target = month_add(cohort, n)
    return (f"WITH fst AS (SELECT member_id, substr(MIN(day), 1, 7) AS first_month FROM events GROUP BY member_id), "
            f"coh AS (SELECT member_id FROM fst WHERE first_month = '{cohort}'), "
            f"ret AS (SELECT DISTINCT member_id FROM events WHERE substr(day, 1, 7) = '{target}' "
            f"AND member_id IN (SELECT member_id FROM coh)), "
            f"t AS (SELECT (SELECT COUNT(*) FROM coh) AS c, (SELECT COUNT(*) FROM ret) AS r) "
            f"SELECT r AS retained_members, ((2000*r + c) / (2*c)) / 10.0 AS retention_percent, c AS detail_cohort_size FROM t")

def sql_free(period):
    a, b = period
    return (f"WITH fst AS (SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id) "
            f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events, "
            f"(SELECT COUNT(*) FROM fst WHERE first_day BETWEEN '{a}' AND '{b}') AS new_members "
            f"FROM events WHERE day BETWEEN '{a}' AND '{b}'")

def build_sql(x):
    p, k = x['params'], x['kind']
    return {'inactive': lambda: sql_inactive(p['as_of'], p['threshold']),
            'range': lambda: sql_range(p['period']),
            'action': lambda: sql_action(p['period'], p['action'], p['measure']),
            'new': lambda: sql_new(p['period']),
            'overlap': lambda: sql_overlap(p['first'], p['second'], p['mode']),
            'change': lambda: sql_change(p['earlier'], p['later']),
            'top5': lambda: sql_top5(p['period']),
            'lifecycle': lambda: sql_lifecycle(p['current'], p['previous']),
            'retention': lambda: sql_retention(p['cohort'], p['n']),
            'free': lambda: sql_free(p['period']),
            'unanswerable': lambda: None}[k]()

# ---------------------------------------------------------------- running
def load():
    db = sqlite3.connect(':memory:')
    db.execute('CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, content_id TEXT, day TEXT)')
    db.execute('CREATE TABLE members (member_id TEXT PRIMARY KEY, joined_at TEXT)')
    with open(EVENTS, newline='') as f:
        rows = [(r['event_id'], r['member_id'], r['occurred_at'], r['action'], r['content_id'], r['occurred_at'][:10])
                for r in csv.DictReader(f)]
    db.executemany('INSERT INTO events VALUES (?,?,?,?,?,?)', rows)
    with open(MEMBERS, newline='') as f:
        db.executemany('INSERT INTO members VALUES (?,?)', [(r['member_id'], r['joined_at']) for r in csv.DictReader(f)])
    return db, rows

def run_figure(db, sql):
    cur = db.execute(sql)
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    top, detail = {}, {}
    for n, v in zip(names, row):
        if n.startswith('detail_'):
            detail[n[len('detail_'):]] = v
        else:
            top[n] = v
    top['detail'] = detail
    return top

def run_top5(db, sql):
    rows = db.execute(sql).fetchall()
    top = rows[:5]
    cut = top[-1][1]
    tied = [r for r in rows if r[1] == cut]
    return {'top_members': [{'member_id': m, 'active_days': d} for m, d in top],
            'detail': {'tie_at_cut': any(r[1] == cut for r in rows[5:]),
                       'cut_active_days': cut,
                       'tied_members': [m for m, _ in tied] if len(tied) > 1 else [],
                       'members_active_in_period': len(rows)}}

# ---------------------------------------------------------------- independent re-computation
def half_up(num, den):
    return float((Decimal(num) * 100 / Decimal(den)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP))

def py_expected(x, rows):
    p, k = x['params'], x['kind']
    days = defaultdict(set)          # member -> set of days
    for _, m, _, a, _, d in rows:
        days[m].add(d)
    allm = set(days)
    first = {m: min(v) for m, v in days.items()}
    def active(a, b, action=None):
        return {m for _, m, _, act, _, d in rows if a <= d <= b and (action is None or act == action)}
    D = lambda s: date.fromisoformat(s)
    if k == 'inactive':
        last = {m: max(d for d in v if d <= p['as_of']) for m, v in days.items() if min(v) <= p['as_of']}
        ina = sum(1 for l in last.values() if (D(p['as_of']) - D(l)).days >= p['threshold'])
        return {'inactive_members': ina, 'detail': {'not_inactive': len(last) - ina,
                                                    'never_active_by_as_of': len(allm) - len(last)}}
    if k == 'range':
        a, b = p['period']
        return {'active_members': len(active(a, b)),
                'detail': {'events': sum(1 for r in rows if a <= r[5] <= b)}}
    if k == 'action':
        a, b = p['period']
        ev = sum(1 for r in rows if a <= r[5] <= b and r[3] == p['action'])
        mem = len(active(a, b, p['action']))
        if p['measure'] == 'events':
            return {'events': ev, 'detail': {'members': mem}}
        return {'members': mem, 'detail': {'events': ev}}
    if k == 'new':
        a, b = p['period']
        return {'new_members': sum(1 for f in first.values() if a <= f <= b),
                'detail': {'active_members': len(active(a, b))}}
    if k == 'overlap':
        s1, s2 = active(*p['first']), active(*p['second'])
        if p['mode'] == 'both':
            top = {'members_in_both': len(s1 & s2)}
        else:
            top = {'members_in_first_not_second': len(s1 - s2)}
        top['detail'] = {'active_first_period': len(s1), 'active_second_period': len(s2)}
        return top
    if k == 'change':
        e, l = len(active(*p['earlier'])), len(active(*p['later']))
        if (2000 * (l - e)) % (2 * e) == e % (2 * e) and (l - e) < 0:
            raise SystemExit(f"{x['id']}: negative exact half, rounding ambiguous")
        return {'active_members_earlier': e, 'active_members_later': l, 'percent_change': half_up(l - e, e),
                'detail': {'difference': l - e}}
    if k == 'top5':
        a, b = p['period']
        cnt = defaultdict(set)
        for r in rows:
            if a <= r[5] <= b:
                cnt[r[1]].add(r[5])
        ranked = sorted(((m, len(v)) for m, v in cnt.items()), key=lambda t: (-t[1], t[0]))
        cut = ranked[4][1]
        tied = [m for m, n in ranked if n == cut]
        return {'top_members': [{'member_id': m, 'active_days': n} for m, n in ranked[:5]],
                'detail': {'tie_at_cut': any(n == cut for _, n in ranked[5:]), 'cut_active_days': cut,
                           'tied_members': tied if len(tied) > 1 else [], 'members_active_in_period': len(ranked)}}
    if k == 'lifecycle':
        (ca, cb), (pa, pb) = p['current'], p['previous']
        cur, prev = active(ca, cb), active(pa, pb)
        return {'new': sum(1 for m in cur if first[m] >= ca), 'returning': len(cur & prev),
                'resurrecting': sum(1 for m in cur - prev if first[m] < ca), 'dormant': len(prev - cur),
                'detail': {'active_current': len(cur), 'active_previous': len(prev)}}
    if k == 'retention':
        coh = {m for m, f in first.items() if f[:7] == p['cohort']}
        tgt = month_add(p['cohort'], p['n'])
        ret = {m for m in coh if any(d[:7] == tgt for d in days[m])}
        return {'retained_members': len(ret), 'retention_percent': half_up(len(ret), len(coh)),
                'detail': {'cohort_size': len(coh)}}
    if k == 'free':
        a, b = p['period']
        return {'active_members': len(active(a, b)), 'events': sum(1 for r in rows if a <= r[5] <= b),
                'new_members': sum(1 for f in first.values() if a <= f <= b), 'detail': {}}
    raise ValueError(k)

def reading_of(x):
    p, k = x['params'], x['kind']
    r = {}
    if k == 'inactive':
        r.update(as_of=p['as_of'], threshold_days=p['threshold'])
    elif k in ('range', 'new', 'top5', 'free'):
        r['period'] = {'from': p['period'][0], 'to': p['period'][1]}
    elif k == 'action':
        r['period'] = {'from': p['period'][0], 'to': p['period'][1]}
        r['action'] = p['action']
        r['measure'] = p['measure']
    elif k == 'overlap':
        r['periods'] = [{'from': a, 'to': b} for a, b in (p['first'], p['second'])]
        r['mode'] = p['mode']
    elif k == 'change':
        r['periods'] = [{'from': a, 'to': b} for a, b in (p['earlier'], p['later'])]
    elif k == 'lifecycle':
        r['period'] = {'from': p['current'][0], 'to': p['current'][1]}
        r['previous_period'] = {'from': p['previous'][0], 'to': p['previous'][1]}
    elif k == 'retention':
        r.update(cohort_month=p['cohort'], months_after=p['n'], activity_month=month_add(p['cohort'], p['n']))
    r['text'] = x['note']
    return r

def dates_of(x):
    p = x['params']
    out = []
    for v in p.values():
        if isinstance(v, tuple):
            out += list(v)
        elif isinstance(v, str) and len(v) == 10 and v[4] == '-':
            out.append(v)
    if 'cohort' in p:
        out += [p['cohort'] + '-01', month_add(p['cohort'], p['n']) + '-28']
    return out

def compute():
    db, rows = load()
    out, ids = [], set()
    for x in Q:
        assert x['id'] not in ids
        ids.add(x['id'])
        for d in dates_of(x):
            assert FIRST_ALLOWED <= d <= LAST_ALLOWED, (x['id'], d)
        sql = build_sql(x)
        if x['kind'] == 'unanswerable':
            exp = {'outcome': 'unanswerable', 'detail': x['why']}
            kind = 'unanswerable'
        elif x['kind'] == 'top5':
            exp = run_top5(db, sql)
            kind = 'list'
        else:
            exp = run_figure(db, sql)
            kind = 'figure'
        if x['kind'] != 'unanswerable':
            py = py_expected(x, rows)
            if json.dumps(py, sort_keys=True) != json.dumps(exp, sort_keys=True):
                raise SystemExit(f"{x['id']}: SQL and Python disagree\n SQL {exp}\n PY  {py}")
        o = {'id': x['id'], 'language': x['language'], 'category': x['category'], 'question': x['question'],
             'expected_kind': kind, 'expected': exp, 'reading': reading_of(x), 'sql': sql}
        if x['follows']:
            prev = out[-1]
            assert prev['id'] == x['follows'] and prev['language'] == x['language'], x['id']
            o['follows'] = x['follows']
        out.append(o)
    return out

def main():
    out = compute()
    text = json.dumps(out, ensure_ascii=False, indent=2) + '\n'
    if '--check' in sys.argv:
        try:
            old = json.load(open(QFILE, encoding='utf-8'))
        except FileNotFoundError:
            print('questions.json missing'); sys.exit(1)
        diffs = 0
        oldm = {o['id']: o for o in old}
        # also re-run the sql stored in the file itself
        db, _ = load()
        for o in out:
            p = oldm.get(o['id'])
            if p != o:
                diffs += 1
                print('DIFF', o['id'])
                continue
            if p['sql']:
                again = run_top5(db, p['sql']) if p['expected_kind'] == 'list' else run_figure(db, p['sql'])
                if again != p['expected']:
                    diffs += 1
                    print('DIFF (stored sql)', o['id'])
        if len(old) != len(out):
            diffs += 1
            print('DIFF count', len(old), len(out))
        print(f'{len(out)} questions, {diffs} differences')
        sys.exit(1 if diffs else 0)
    with open(QFILE, 'w', encoding='utf-8') as f:
        f.write(text)
    print(f'wrote {len(out)} questions')

if __name__ == '__main__':
    main()
