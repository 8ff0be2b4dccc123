#!/usr/bin/env python3
"""Compute every question's expected figures by SQL over events.csv (in-memory SQLite).

Usage: expected.py          -> rewrites ../questions.json
       expected.py --check  -> recomputes and exits 1 if questions.json differs
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
QFILE = os.path.join(ROOT, "questions.json")

db = sqlite3.connect(":memory:")
db.execute("create table e(event_id text primary key, member_id text, occurred_at text, action text, content_id text)")
with open(os.path.join(ROOT, "events.csv"), newline="") as f:
    r = csv.reader(f); next(r)
    db.executemany("insert into e values(?,?,?,?,?)", list(r))
# one row per member, UTC day and action
db.execute("create view d as select member_id, substr(occurred_at,1,10) as day, action from e")

def q(sql):
    cur = db.execute(sql)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]

def pct(later, earlier):
    return float((Decimal(later - earlier) * 100 / Decimal(earlier)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

def act(a):
    return f" and action = '{a}'" if a else ""

def prev_period(s, e):
    """previous calendar month or quarter of the same length (s, e ISO)"""
    sd, ed = date.fromisoformat(s), date.fromisoformat(e)
    months = (ed.year - sd.year) * 12 + ed.month - sd.month + 1
    y, m = sd.year, sd.month - months
    while m <= 0:
        m += 12; y -= 1
    ps = date(y, m, 1)
    pe = sd - timedelta(days=1)
    return ps.isoformat(), pe.isoformat()

def month_bounds(ym, add=0):
    y, m = map(int, ym.split("-"))
    m += add
    while m > 12:
        m -= 12; y += 1
    s = date(y, m, 1)
    n = date(y + (m == 12), m % 12 + 1, 1)
    return s.isoformat(), (n - timedelta(days=1)).isoformat()

# ---------- builders: return (sql, expected) ----------
def inactive(as_of, thr=30, action=None):
    sql = f"""with last as (select member_id, max(day) as l from d where day <= '{as_of}'{act(action)} group by member_id)
select coalesce(sum(julianday('{as_of}') - julianday(l) >= {thr}), 0) as inactive_members,
       (select count(distinct member_id) from e) - count(*) as never_active_by_as_of,
       coalesce(sum(julianday('{as_of}') - julianday(l) < {thr}), 0) as still_active
from last"""
    r = q(sql)[0]
    return sql, {"inactive_members": r["inactive_members"],
                 "detail": {"never_active_by_as_of": r["never_active_by_as_of"], "active_within_threshold": r["still_active"],
                            "as_of": as_of, "threshold_days": thr}}

def active_range(s, e, action=None):
    sql = f"select count(distinct member_id) as active_members, count(*) as events from d where day between '{s}' and '{e}'{act(action)}"
    r = q(sql)[0]
    return sql, {"active_members": r["active_members"], "detail": {"events": r["events"], "period": [s, e]}}

def custom(s, e, action, main):
    sql = f"select count(*) as events, count(distinct member_id) as members from d where day between '{s}' and '{e}' and action = '{action}'"
    r = q(sql)[0]
    other = "members" if main == "events" else "events"
    return sql, {main: r[main], "detail": {other: r[other], "action": action, "period": [s, e]}}

def new_members(s, e):
    sql = f"select count(*) as new_members from (select member_id, min(day) as f from d group by member_id) where f between '{s}' and '{e}'"
    return sql, {"new_members": q(sql)[0]["new_members"], "detail": {"period": [s, e]}}

def overlap(a, b, mode):
    op = "intersect" if mode == "both" else "except"
    sql = f"""select count(*) as n from (select member_id from d where day between '{a[0]}' and '{a[1]}'
{op} select member_id from d where day between '{b[0]}' and '{b[1]}')"""
    n = q(sql)[0]["n"]
    ca = q(f"select count(distinct member_id) c from d where day between '{a[0]}' and '{a[1]}'")[0]["c"]
    cb = q(f"select count(distinct member_id) c from d where day between '{b[0]}' and '{b[1]}'")[0]["c"]
    key = "members_in_both" if mode == "both" else "members_in_first_not_second"
    return sql, {key: n, "detail": {"active_first_period": ca, "active_second_period": cb, "first": list(a), "second": list(b)}}

def change(a, b):
    sql = f"""select (select count(distinct member_id) from d where day between '{a[0]}' and '{a[1]}') as earlier,
       (select count(distinct member_id) from d where day between '{b[0]}' and '{b[1]}') as later"""
    r = q(sql)[0]
    return sql, {"active_members_earlier": r["earlier"], "active_members_later": r["later"],
                 "change_percent": pct(r["later"], r["earlier"]),
                 "detail": {"earlier": list(a), "later": list(b), "difference": r["later"] - r["earlier"]}}

def top5(s, e):
    sql = f"""select member_id, count(distinct day) as active_days from d where day between '{s}' and '{e}'
group by member_id order by active_days desc, member_id"""
    rows = q(sql)
    top = rows[:5]
    cut = top[-1]["active_days"]
    tie = len(rows) > 5 and rows[5]["active_days"] == cut
    tied = [r["member_id"] for r in rows if r["active_days"] == cut]
    return sql, {"top_members": top, "detail": {"tie_at_cut": tie, "cut_active_days": cut,
                 "members_at_cut_value": tied if tie else [], "members_active_in_period": len(rows), "period": [s, e]}}

def lifecycle(s, e):
    ps, pe = prev_period(s, e)
    sql = f"""with cur as (select distinct member_id from d where day between '{s}' and '{e}'),
prev as (select distinct member_id from d where day between '{ps}' and '{pe}'),
first as (select member_id, min(day) as f from d group by member_id)
select (select count(*) from cur join first using(member_id) where f >= '{s}') as new,
       (select count(*) from cur where member_id in (select member_id from prev)) as "returning",
       (select count(*) from cur join first using(member_id) where f < '{ps}' and member_id not in (select member_id from prev)) as resurrecting,
       (select count(*) from prev where member_id not in (select member_id from cur)) as dormant,
       (select count(*) from cur) as active"""
    r = q(sql)[0]
    return sql, {"new": r["new"], "returning": r["returning"], "resurrecting": r["resurrecting"], "dormant": r["dormant"],
                 "detail": {"active_in_period": r["active"], "period": [s, e], "previous_period": [ps, pe]}}

def retention(ym, n):
    s, e = month_bounds(ym, n)
    sql = f"""with cohort as (select member_id from d group by member_id having substr(min(day),1,7) = '{ym}')
select (select count(*) from cohort) as cohort_size,
       (select count(distinct member_id) from d where day between '{s}' and '{e}' and member_id in (select member_id from cohort)) as retained"""
    r = q(sql)[0]
    return sql, {"retained_members": r["retained"], "retention_percent": float((Decimal(r["retained"]) * 100 / Decimal(r["cohort_size"])).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)),
                 "detail": {"cohort_month": ym, "cohort_size": r["cohort_size"], "month_checked": s[:7], "months_after": n}}

def free_form(ym):
    s, e = month_bounds(ym)
    sql = f"""select (select count(distinct member_id) from d where day between '{s}' and '{e}') as active_members,
       (select count(*) from d where day between '{s}' and '{e}') as events,
       (select count(*) from (select member_id, min(day) f from d group by member_id) where f between '{s}' and '{e}') as new_members"""
    r = q(sql)[0]
    by = q(f"select action, count(*) n from d where day between '{s}' and '{e}' group by action order by action")
    return sql, {"active_members": r["active_members"], "events": r["events"], "new_members": r["new_members"],
                 "detail": {"events_by_action": {x["action"]: x["n"] for x in by}, "period": [s, e]}}

def unanswerable(why):
    return "-- no query: the events (member, time, action, top-level folder) do not hold this", \
           {"outcome": "unanswerable", "detail": why}

Y = lambda y: (f"{y}-01-01", f"{y}-12-31")
H1 = lambda y: (f"{y}-01-01", f"{y}-06-30")
H2 = lambda y: (f"{y}-07-01", f"{y}-12-31")
Q = lambda y, n: (f"{y}-{3*n-2:02d}-01", {1: f"{y}-03-31", 2: f"{y}-06-30", 3: f"{y}-09-30", 4: f"{y}-12-31"}[n])

# (id, lang, category, question, reading, builder, follows)
QS = [
 ("EN-01", "en", "inactive_as_of", "How many contributors had gone quiet as of March 31st, 2022?",
  {"as_of": "2022-03-31", "threshold_days": 30, "text": "inactive as of 2022-03-31, default 30-day threshold"}, lambda: inactive("2022-03-31")),
 ("EN-02", "en", "inactive_as_of", "inactive members on 2019-12-31?",
  {"as_of": "2019-12-31", "threshold_days": 30, "text": "inactive as of 2019-12-31, default threshold"}, lambda: inactive("2019-12-31")),
 ("EN-03", "en", "inactive_as_of", "As of 6/30/2024, how many people haven't pushed anything in 30 days or more?",
  {"as_of": "2024-06-30", "threshold_days": 30, "text": "inactive as of 2024-06-30, threshold 30 days"}, lambda: inactive("2024-06-30")),
 ("EN-04", "en", "inactive_as_of", "ok and what about at the end of 2025?",
  {"as_of": "2025-12-31", "threshold_days": 30, "text": "same as EN-03 with as_of moved to 2025-12-31"}, lambda: inactive("2025-12-31"), "EN-03"),
 ("EN-05", "en", "threshold", "How many members had been inactive for at least 90 days as of Sept 1, 2023?",
  {"as_of": "2023-09-01", "threshold_days": 90, "text": "inactive as of 2023-09-01, threshold 90 days"}, lambda: inactive("2023-09-01", 90)),
 ("EN-06", "en", "threshold", "Using a 6 month cutoff, how many ppl were lapsed on July 15, 2020?",
  {"as_of": "2020-07-15", "threshold_days": 180, "text": "6 months = 180 days; inactive as of 2020-07-15"}, lambda: inactive("2020-07-15", 180)),
 ("EN-07", "en", "threshold", "Same date but with 60 days instead?",
  {"as_of": "2020-07-15", "threshold_days": 60, "text": "EN-06 with threshold 60 days"}, lambda: inactive("2020-07-15", 60), "EN-06"),
 ("EN-08", "en", "range", "How many distinct people were active between 2021-04-01 and 2021-09-30?",
  {"period": ["2021-04-01", "2021-09-30"], "text": "active members (any action) in the period, both ends included"}, lambda: active_range("2021-04-01", "2021-09-30")),
 ("EN-09", "en", "range", "active members in Q3 2022",
  {"period": list(Q(2022, 3)), "text": "calendar Q3 2022"}, lambda: active_range(*Q(2022, 3))),
 ("EN-10", "en", "range", "How many contributors did we have in the 90 days before October 15th, 2024?",
  {"period": ["2024-07-17", "2024-10-14"], "text": "the 90 days before D = [D-90, D-1]"}, lambda: active_range("2024-07-17", "2024-10-14")),
 ("EN-11", "en", "custom_action", "How many release commits were there in 2022?",
  {"period": list(Y(2022)), "action": "release", "text": "release events in 2022 (event count)"}, lambda: custom(*Y(2022), "release", "events")),
 ("EN-12", "en", "custom_action", "how many people made docs changes in the first half of 2016",
  {"period": list(H1(2016)), "action": "docs_change", "text": "distinct members with a docs_change in H1 2016"}, lambda: custom(*H1(2016), "docs_change", "members")),
 ("EN-13", "en", "custom_action", "And for code changes?",
  {"period": list(H1(2016)), "action": "code_change", "text": "EN-12 with action code_change (distinct members)"}, lambda: custom(*H1(2016), "code_change", "members"), "EN-12"),
 ("EN-14", "en", "custom_action", "number of merges during 2020?",
  {"period": list(Y(2020)), "action": "merge", "text": "merge events in 2020 (event count)"}, lambda: custom(*Y(2020), "merge", "events")),
 ("EN-15", "en", "new_members", "How many new contributors showed up in 2020?",
  {"period": list(Y(2020)), "text": "members whose first active day is in 2020"}, lambda: new_members(*Y(2020))),
 ("EN-16", "en", "new_members", "and in 2022?",
  {"period": list(Y(2022)), "text": "EN-15 with the year 2022"}, lambda: new_members(*Y(2022)), "EN-15"),
 ("EN-17", "en", "new_members", "newcomers in Q4 2019?",
  {"period": list(Q(2019, 4)), "text": "first active day in Q4 2019"}, lambda: new_members(*Q(2019, 4))),
 ("EN-18", "en", "overlap", "How many people were active both in H1 2024 and in H2 2024?",
  {"periods": [list(H1(2024)), list(H2(2024))], "text": "active in both halves"}, lambda: overlap(H1(2024), H2(2024), "both")),
 ("EN-19", "en", "overlap", "How many of the folks active in 2021 didn't show up at all in 2022?",
  {"periods": [list(Y(2021)), list(Y(2022))], "text": "active in 2021 and not in 2022"}, lambda: overlap(Y(2021), Y(2022), "first_not_second")),
 ("EN-20", "en", "overlap", "Were there people around in both 2016 and 2017? how many",
  {"periods": [list(Y(2016)), list(Y(2017))], "text": "active in both years"}, lambda: overlap(Y(2016), Y(2017), "both")),
 ("EN-21", "en", "change", "How did the number of active members change from 2022 to 2023, in %?",
  {"periods": [list(Y(2022)), list(Y(2023))], "text": "active members 2022 vs 2023, percent change"}, lambda: change(Y(2022), Y(2023))),
 ("EN-22", "en", "change", "Q3 2024 vs Q3 2025 - active contributors up or down, by how much?",
  {"periods": [list(Q(2024, 3)), list(Q(2025, 3))], "text": "active members Q3 2024 vs Q3 2025, percent change"}, lambda: change(Q(2024, 3), Q(2025, 3))),
 ("EN-23", "en", "top5", "Top 5 most active members in 2024 (by days active)",
  {"period": list(Y(2024)), "text": "top 5 by distinct active days, ties by member_id"}, lambda: top5(*Y(2024))),
 ("EN-24", "en", "top5", "Who were our 5 most active people in the second half of 2019?",
  {"period": list(H2(2019)), "text": "top 5 by distinct active days in H2 2019"}, lambda: top5(*H2(2019))),
 ("EN-25", "en", "lifecycle", "Lifecycle for September 2025 vs August - new / returning / resurrecting / dormant?",
  {"period": ["2025-09-01", "2025-09-30"], "previous": ["2025-08-01", "2025-08-31"], "text": "lifecycle of 2025-09 against 2025-08"}, lambda: lifecycle("2025-09-01", "2025-09-30")),
 ("EN-26", "en", "lifecycle", "Can you break down Q4 2022 compared with the quarter before into new, returning, resurrected and dormant members?",
  {"period": list(Q(2022, 4)), "previous": list(Q(2022, 3)), "text": "lifecycle of Q4 2022 against Q3 2022"}, lambda: lifecycle(*Q(2022, 4))),
 ("EN-27", "en", "retention", "Of the people who made their first commit in November 2019, how many were still active a month later?",
  {"cohort": "2019-11", "months_after": 1, "text": "cohort 2019-11 active in 2019-12"}, lambda: retention("2019-11", 1)),
 ("EN-28", "en", "unanswerable", "Which countries are most of our contributors from?",
  {"text": "no location data"}, lambda: unanswerable("members carry no country or location; events hold only member, time, action and folder")),
 ("EN-29", "en", "unanswerable", "How many GitHub stars did we gain in 2023?",
  {"text": "stars are not events in this data"}, lambda: unanswerable("stars/watchers are not recorded; only commits are imported as events")),
 ("EN-30", "en", "free_form", "what happened in march 2024?",
  {"period": ["2024-03-01", "2024-03-31"], "text": "month summary: active members, events, new members"}, lambda: free_form("2024-03")),

 ("FR-01", "fr", "inactive_as_of", "Combien de membres étaient inactifs fin avril 2018 ?",
  {"as_of": "2018-04-30", "threshold_days": 30, "text": "inactifs au 2018-04-30, seuil par défaut 30 jours"}, lambda: inactive("2018-04-30")),
 ("FR-02", "fr", "inactive_as_of", "Au 15 janvier 2023, on a combien de contributeurs inactifs ?",
  {"as_of": "2023-01-15", "threshold_days": 30, "text": "inactifs au 2023-01-15, seuil 30 jours"}, lambda: inactive("2023-01-15")),
 ("FR-03", "fr", "inactive_as_of", "nb de membres inactifs au 2021-06-30",
  {"as_of": "2021-06-30", "threshold_days": 30, "text": "inactifs au 2021-06-30, seuil 30 jours"}, lambda: inactive("2021-06-30")),
 ("FR-04", "fr", "threshold", "Combien de membres sans aucune activité depuis au moins 3 mois au 31/12/2016 ?",
  {"as_of": "2016-12-31", "threshold_days": 90, "text": "3 mois = 90 jours; inactifs au 2016-12-31"}, lambda: inactive("2016-12-31", 90)),
 ("FR-05", "fr", "threshold", "Et un an plus tard ?",
  {"as_of": "2017-12-31", "threshold_days": 90, "text": "FR-04 avec as_of 2017-12-31"}, lambda: inactive("2017-12-31", 90), "FR-04"),
 ("FR-06", "fr", "range", "Combien de membres actifs entre le 1er mars et le 31 mai 2021 ?",
  {"period": ["2021-03-01", "2021-05-31"], "text": "membres actifs sur la période, bornes incluses"}, lambda: active_range("2021-03-01", "2021-05-31")),
 ("FR-07", "fr", "range", "membres actifs au 2e trimestre 2023 ?",
  {"period": list(Q(2023, 2)), "text": "T2 2023 calendaire"}, lambda: active_range(*Q(2023, 2))),
 ("FR-08", "fr", "custom_action", "Combien de personnes ont modifié la doc en 2019 ?",
  {"period": list(Y(2019)), "action": "docs_change", "text": "membres distincts avec docs_change en 2019"}, lambda: custom(*Y(2019), "docs_change", "members")),
 ("FR-09", "fr", "custom_action", "Et ça fait combien de commits de doc au total ?",
  {"period": list(Y(2019)), "action": "docs_change", "text": "FR-08 en nombre d'événements docs_change"}, lambda: custom(*Y(2019), "docs_change", "events"), "FR-08"),
 ("FR-10", "fr", "custom_action", "Combien de mises à jour faites par des bots en 2024 ?",
  {"period": list(Y(2024)), "action": "bot_update", "text": "événements bot_update en 2024"}, lambda: custom(*Y(2024), "bot_update", "events")),
 ("FR-11", "fr", "new_members", "Combien de nouveaux contributeurs au premier semestre 2021 ?",
  {"period": list(H1(2021)), "text": "premier jour actif au S1 2021"}, lambda: new_members(*H1(2021))),
 ("FR-12", "fr", "new_members", "nouveaux membres en octobre 2022",
  {"period": ["2022-10-01", "2022-10-31"], "text": "premier jour actif en octobre 2022"}, lambda: new_members("2022-10-01", "2022-10-31")),
 ("FR-13", "fr", "overlap", "Parmi les membres actifs en 2019, combien l'étaient aussi en 2020 ?",
  {"periods": [list(Y(2019)), list(Y(2020))], "text": "actifs dans les deux années"}, lambda: overlap(Y(2019), Y(2020), "both")),
 ("FR-14", "fr", "change", "Quelle a été l'évolution du nombre de membres actifs entre 2020 et 2021, en pourcentage ?",
  {"periods": [list(Y(2020)), list(Y(2021))], "text": "membres actifs 2020 vs 2021, variation en %"}, lambda: change(Y(2020), Y(2021))),
 ("FR-15", "fr", "change", "Et entre 2024 et 2025 ?",
  {"periods": [list(Y(2024)), list(Y(2025))], "text": "FR-14 avec 2024 vs 2025"}, lambda: change(Y(2024), Y(2025)), "FR-14"),
 ("FR-16", "fr", "top5", "Quels sont les 5 membres les plus actifs en 2022 ?",
  {"period": list(Y(2022)), "text": "top 5 par jours actifs distincts, égalités par member_id"}, lambda: top5(*Y(2022))),
 ("FR-17", "fr", "lifecycle", "Cycle de vie de juin 2026 par rapport à mai : nouveaux, revenants, ressuscités, dormants ?",
  {"period": ["2026-06-01", "2026-06-30"], "previous": ["2026-05-01", "2026-05-31"], "text": "cycle de vie 2026-06 contre 2026-05"}, lambda: lifecycle("2026-06-01", "2026-06-30")),
 ("FR-18", "fr", "retention", "La cohorte d'octobre 2023 : combien sont encore actifs trois mois après ?",
  {"cohort": "2023-10", "months_after": 3, "text": "cohorte 2023-10 active en 2024-01"}, lambda: retention("2023-10", 3)),
 ("FR-19", "fr", "unanswerable", "Quel est le taux de satisfaction de nos contributeurs ?",
  {"text": "aucune donnée de satisfaction"}, lambda: unanswerable("no satisfaction or survey data; only commit events")),
 ("FR-20", "fr", "free_form", "Que s'est-il passé en juillet 2022 ?",
  {"period": ["2022-07-01", "2022-07-31"], "text": "résumé du mois : membres actifs, événements, nouveaux membres"}, lambda: free_form("2022-07")),

 ("IT-01", "it", "inactive_as_of", "Quanti membri risultavano inattivi alla fine di ottobre 2025?",
  {"as_of": "2025-10-31", "threshold_days": 30, "text": "inattivi al 2025-10-31, soglia predefinita 30 giorni"}, lambda: inactive("2025-10-31")),
 ("IT-02", "it", "threshold", "E con una soglia di 90 giorni?",
  {"as_of": "2025-10-31", "threshold_days": 90, "text": "IT-01 con soglia 90 giorni"}, lambda: inactive("2025-10-31", 90), "IT-01"),
 ("IT-03", "it", "range", "Quanti membri attivi tra il 1° gennaio e il 30 giugno 2020?",
  {"period": list(H1(2020)), "text": "membri attivi nel periodo, estremi inclusi"}, lambda: active_range(*H1(2020))),
 ("IT-04", "it", "custom_action", "Quanti commit di codice nel secondo trimestre 2019?",
  {"period": list(Q(2019, 2)), "action": "code_change", "text": "eventi code_change nel T2 2019"}, lambda: custom(*Q(2019, 2), "code_change", "events")),
 ("IT-05", "it", "new_members", "quanti nuovi membri nel 2016?",
  {"period": list(Y(2016)), "text": "primo giorno attivo nel 2016"}, lambda: new_members(*Y(2016))),
 ("IT-06", "it", "change", "Com'è cambiato il numero di membri attivi tra il secondo semestre 2023 e il secondo semestre 2024?",
  {"periods": [list(H2(2023)), list(H2(2024))], "text": "membri attivi S2 2023 vs S2 2024, variazione %"}, lambda: change(H2(2023), H2(2024))),
 ("IT-07", "it", "top5", "I 5 membri più attivi del 2025?",
  {"period": list(Y(2025)), "text": "top 5 per giorni attivi distinti"}, lambda: top5(*Y(2025))),
 ("IT-08", "it", "lifecycle", "ciclo di vita di ottobre 2023 rispetto a settembre",
  {"period": ["2023-10-01", "2023-10-31"], "previous": ["2023-09-01", "2023-09-30"], "text": "ciclo di vita 2023-10 contro 2023-09"}, lambda: lifecycle("2023-10-01", "2023-10-31")),
 ("IT-09", "it", "retention", "Coorte di gennaio 2021: quanti erano ancora attivi dopo 6 mesi?",
  {"cohort": "2021-01", "months_after": 6, "text": "coorte 2021-01 attiva in 2021-07"}, lambda: retention("2021-01", 6)),
 ("IT-10", "it", "unanswerable", "Quanto tempo passano in media i membri sul sito ogni settimana?",
  {"text": "nessun dato di durata delle sessioni"}, lambda: unanswerable("no session or time-on-site data; events are commits only")),
]

def build():
    out = []
    for item in QS:
        qid, lang, cat, text, reading, fn = item[:6]
        follows = item[6] if len(item) > 6 else None
        sql, exp = fn()
        kind = "unanswerable" if cat == "unanswerable" else ("list" if cat == "top5" else "figure")
        o = {"id": qid, "language": lang, "category": cat, "question": text}
        if follows:
            o["follows"] = follows
        o.update({"expected_kind": kind, "expected": exp, "reading": reading, "sql": sql})
        out.append(o)
    return out

if __name__ == "__main__":
    data = build()
    if "--check" in sys.argv:
        old = json.load(open(QFILE))
        if old != data:
            for a, b in zip(old, data):
                if a != b:
                    print("DIFF", b["id"])
            if len(old) != len(data):
                print("DIFF count", len(old), len(data))
            sys.exit(1)
        print("OK", len(data), "questions match")
    else:
        json.dump(data, open(QFILE, "w"), ensure_ascii=False, indent=2)
        print("wrote", len(data))
