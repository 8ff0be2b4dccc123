#!/usr/bin/env python3
"""Expected figures for the blind question set, computed with SQL (sqlite3) over events.csv.

Implements docs/analytics.md literally, time zone UTC:
- active day = a UTC calendar day with at least one event (any action);
- active contributors in [from, to] = distinct members with an event on a day in that range;
- lifecycle of a period P against the period before Q (the previous calendar period of the same kind: previous month,
  quarter, year; alternative: the previous window of the same number of days):
  new = first active day ever in P; returning = active in P and in Q; resurrecting = active in P, not in Q, active
  before Q; dormant = active in Q, not in P; gained = new + resurrecting; lost = dormant;
- inactive as of D with threshold I: last active day L <= D exists and D - L >= I (never-active members not counted);
- segments (threshold 30, window 180, first matching rule wins), past = recency - I;
- score: 100 x (0.5 recency + 0.25 constancy + 0.25 frequency), components clamped to 0..1, window [D-W+1, D];
  ties in the order members were first stored (first event in the file);
- retention of a month cohort (members whose first active day is in month M) N months later = members of the cohort
  active in calendar month M+N.

Usage:
  python3 expected.py            # print every question's expected figures
  python3 expected.py --write    # (re)write ../questions.json
  python3 expected.py --check    # recompute and compare with ../questions.json (exit 1 on any difference)
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta
import calendar

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")

db = sqlite3.connect(":memory:")
db.execute("create table e(event_id text primary key, member_id text, occurred_at text, action text, content_id text, day text)")
with open(os.path.join(ROOT, "events.csv"), newline="") as f:
    rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"], r["occurred_at"][:10])
            for r in csv.DictReader(f)]
db.executemany("insert into e values (?,?,?,?,?,?)", rows)
# members in the order they were first stored (import of events.csv, ordered by time): order of first event
db.execute("create table m(member_id text primary key, ord integer)")
seen = {}
for r in rows:
    seen.setdefault(r[1], len(seen))
db.executemany("insert into m values (?,?)", seen.items())
db.execute("create table md as select distinct member_id, day from e")
db.execute("create index md_i on md(member_id, day)")


def q(sql):
    return db.execute(sql).fetchall()


def one(sql):
    return q(sql)[0][0]


# ---------------------------------------------------------------- periods
def month(y, m):
    return (date(y, m, 1).isoformat(), date(y, m, calendar.monthrange(y, m)[1]).isoformat())


def quarter(y, n):
    a = date(y, 3 * n - 2, 1)
    b = month(y, 3 * n)[1]
    return (a.isoformat(), b)


def year(y):
    return (f"{y}-01-01", f"{y}-12-31")


def prev_calendar(kind, period):
    a = date.fromisoformat(period[0])
    if kind == "month":
        p = a - timedelta(days=1)
        return month(p.year, p.month)
    if kind == "quarter":
        p = a - timedelta(days=1)
        return quarter(p.year, (p.month + 2) // 3)
    if kind == "year":
        return year(a.year - 1)
    raise ValueError(kind)


def prev_same_length(period):
    a, b = date.fromisoformat(period[0]), date.fromisoformat(period[1])
    n = (b - a).days + 1
    return ((a - timedelta(days=n)).isoformat(), (a - timedelta(days=1)).isoformat())


def add_months(y, m, n):
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


# ---------------------------------------------------------------- measures
def sql_active(a, b):
    return f"select count(distinct member_id) from e where day between '{a}' and '{b}'"


def sql_action_count(action, a, b):
    cond = "" if action is None else f" and action = '{action}'"
    return f"select count(*) from e where day between '{a}' and '{b}'{cond}"


def sql_members_with_action(action, a, b, listing=False):
    if listing:
        return (f"select e.member_id from e join m using(member_id) where e.day between '{a}' and '{b}' "
                f"and e.action = '{action}' group by e.member_id order by min(m.ord)")
    return f"select count(distinct member_id) from e where day between '{a}' and '{b}' and action = '{action}'"


def sql_lifecycle(p, prev):
    (a, b), (pa, pb) = p, prev
    return f"""with cur as (select distinct member_id from md where day between '{a}' and '{b}'),
 prv as (select distinct member_id from md where day between '{pa}' and '{pb}'),
 first as (select member_id, min(day) first_day from md group by member_id)
select
 (select count(*) from cur join first using(member_id) where first_day between '{a}' and '{b}') as new,
 (select count(*) from cur where member_id in prv) as "returning",
 (select count(*) from cur join first using(member_id) where member_id not in prv and first_day < '{pa}') as resurrecting,
 (select count(*) from prv where member_id not in cur) as dormant"""


def lifecycle(p, prev):
    new, ret, res, dor = q(sql_lifecycle(p, prev))[0]
    return {"new": new, "returning": ret, "resurrecting": res, "dormant": dor,
            "gained": new + res, "lost": dor}


def sql_inactive(d, i, strict=False):
    op = ">" if strict else ">="
    return f"""with last as (select member_id, max(day) last_day from md where day <= '{d}' group by member_id)
select count(*) from last where julianday('{d}') - julianday(last_day) {op} {i}"""


def sql_scores(d, i=30, w=180):
    return f"""with last as (select member_id, max(day) last_day from md where day <= '{d}' group by member_id),
 win as (select member_id, count(*) ad, julianday(max(day)) - julianday(min(day)) + 1 cd from md
         where day between date('{d}', '-{w - 1} days') and '{d}' group by member_id),
 ever as (select member_id, count(*) days_ever from md where day <= '{d}' group by member_id),
 s as (select l.member_id, cast(julianday('{d}') - julianday(l.last_day) as integer) rec,
              coalesce(win.ad, 0) ad, coalesce(win.cd, 0) cd, ever.days_ever
       from last l join ever using(member_id) left join win using(member_id))
select s.member_id, rec, ad, cd, days_ever,
 round(100 * (0.5 * max(0, min(1, 1 - (rec - {i}) * 1.0 / {w}))
            + 0.25 * max(0, min(1, cd * 1.0 / {w - i}))
            + 0.25 * max(0, min(1, ad * 1.0 / {w - i}))), 6) as score,
 case when days_ever <= 2 then 'one_timers'
      when rec - {i} <= 30 and ad >= 10 then 'recently_lapsed_regulars'
      when rec - {i} <= 30 then 'recently_lapsed'
      when rec - {i} <= 90 then 'fading'
      else 'long_gone' end as segment
from s join m using(member_id) where rec >= {i} order by score desc, m.ord"""


def sql_segments(d, i=30, w=180):
    return f"select segment, count(*) from ({sql_scores(d, i, w)}) group by segment"


def sql_retention(y, mth, n):
    a, b = month(y, mth)
    ty, tm = add_months(y, mth, n)
    ta, tb = month(ty, tm)
    return f"""with first as (select member_id, min(day) first_day from md group by member_id),
 cohort as (select member_id from first where first_day between '{a}' and '{b}')
select (select count(*) from cohort) as cohort_size,
 (select count(distinct member_id) from md where member_id in cohort and day between '{ta}' and '{tb}') as retained"""


# ---------------------------------------------------------------- question kinds
def active(period, label):
    s = sql_active(*period)
    return {"active_contributors": one(s)}, s, {"period": list(period), "action": None}


def active_before(d, n):
    dd = date.fromisoformat(d)
    a = (dd - timedelta(days=n)).isoformat(); b = (dd - timedelta(days=1)).isoformat()
    a2 = (dd - timedelta(days=n - 1)).isoformat()
    s = sql_active(a, b)
    exp = {"active_contributors": one(s)}
    alt = one(sql_active(a2, d))
    if alt != exp["active_contributors"]:
        exp["alternative_including_the_day"] = alt
    return exp, s, {"period": [a, b], "action": None, "alternative_period": [a2, d]}


def action_count(action, period):
    s = sql_action_count(action, *period)
    exp = {f"{action}s": one(s)}
    if action == "commit":
        exp["alternative_all_commits_including_merges"] = one(sql_action_count(None, *period))
    return exp, s, {"period": list(period), "action": action}


def mergers(period, listing=False):
    if listing:
        s = sql_members_with_action("merge", *period, listing=True)
        ids = [r[0] for r in q(s)]
        return {"member_ids": ids, "count": len(ids)}, s, {"period": list(period), "action": "merge"}
    s = sql_members_with_action("merge", *period)
    return {"contributors_who_merged": one(s)}, s, {"period": list(period), "action": "merge"}


def lifecycle_q(kind, period, keys):
    prev = prev_calendar(kind, period)
    lc = lifecycle(period, prev)
    exp = {k: lc[k] for k in keys}
    alt_prev = prev_same_length(period)
    if alt_prev != prev:
        alt = lifecycle(period, alt_prev)
        for k in keys:
            if alt[k] != lc[k]:
                exp[f"alternative_previous_window_same_length_{k}"] = alt[k]
    return exp, sql_lifecycle(period, prev), {"period": list(period), "previous_period": list(prev),
                                               "measure": keys, "alternative_previous_period": list(alt_prev)}


def inactive(d, i):
    s = sql_inactive(d, i)
    exp = {"inactive_contributors": one(s)}
    strict = one(sql_inactive(d, i, True))
    if strict != exp["inactive_contributors"]:
        exp["alternative_strictly_more_than_threshold"] = strict
    return exp, s, {"as_of": d, "threshold_days": i}


def segment(d, name=None):
    s = sql_segments(d)
    counts = dict(q(s))
    allsegs = ["one_timers", "recently_lapsed_regulars", "recently_lapsed", "fading", "long_gone"]
    if name:
        return {name: counts.get(name, 0)}, s, {"as_of": d, "threshold_days": 30, "window_days": 180, "segment": name}
    exp = {k: counts.get(k, 0) for k in allsegs}
    exp["inactive_contributors_total"] = sum(exp.values())
    return exp, s, {"as_of": d, "threshold_days": 30, "window_days": 180}


def top(d, n):
    s = sql_scores(d)
    r = q(s)
    ids = [x[0] for x in r[:n]]
    exp = {"member_ids": ids, "scores": [round(x[5], 1) for x in r[:n]]}
    if len(r) > n and abs(r[n][5] - r[n - 1][5]) < 1e-9:
        exp["note_tie_at_cut"] = True
    return exp, s + f"\nlimit {n}", {"as_of": d, "threshold_days": 30, "window_days": 180, "top": n}


def retention(y, mth, n):
    s = sql_retention(y, mth, n)
    size, ret = q(s)[0]
    ty, tm = add_months(y, mth, n)
    return ({"cohort_size": size, "retained_contributors": ret,
             "retention_percent": round(100.0 * ret / size, 1) if size else None}, s,
            {"cohort_month": f"{y}-{mth:02d}", "months_later": n, "target_month": f"{ty}-{tm:02d}"})


def compare(measure, pa, pb, la, lb, action=None):
    if measure == "active":
        sa, sb = sql_active(*pa), sql_active(*pb)
        name = "active_contributors"
    else:
        sa, sb = sql_action_count(action, *pa), sql_action_count(action, *pb)
        name = f"{action}s"
    va, vb = one(sa), one(sb)
    exp = {f"{name}_{la}": va, f"{name}_{lb}": vb, "difference": vb - va}
    if action == "commit":
        xa, xb = one(sql_action_count(None, *pa)), one(sql_action_count(None, *pb))
        exp[f"alternative_all_commits_{la}"] = xa
        exp[f"alternative_all_commits_{lb}"] = xb
    return exp, sa + ";\n" + sb, {"period": [list(pa), list(pb)], "action": action}


def unanswerable(what):
    return {}, None, {"asks_for": what}


# ---------------------------------------------------------------- the questions
L = ["new", "returning", "resurrecting", "dormant", "gained", "lost"]
QUESTIONS = [
    # ---- English
    ("en", "How many people contributed to the repo in March 2013?", "figure", lambda: active(month(2013, 3), "")),
    ("en", "active contributors in Q4 2016?", "figure", lambda: active(quarter(2016, 4), "")),
    ("en", "How many distinct contributors did we have during 2012?", "figure", lambda: active(year(2012), "")),
    ("en", "Between 15 May 2017 and 15 August 2017, how many different people pushed a commit or a merge?", "figure",
     lambda: active(("2017-05-15", "2017-08-15"), "")),
    ("en", "In the 60 days before 1 September 2019, how many contributors were active?", "figure",
     lambda: active_before("2019-09-01", 60)),
    ("en", "How many merges landed in the second half of 2014?", "figure",
     lambda: action_count("merge", ("2014-07-01", "2014-12-31"))),
    ("en", "Number of regular (non-merge) commits in January 2016, please.", "figure",
     lambda: action_count("commit", month(2016, 1))),
    ("en", "how many commits did we get in 2018 overall", "figure", lambda: action_count("commit", year(2018))),
    ("en", "Who merged something in September 2024? Just the member ids is fine.", "list",
     lambda: mergers(month(2024, 9), listing=True)),
    ("en", "How many different contributors did at least one merge in 2015?", "figure", lambda: mergers(year(2015))),
    ("en", "How many brand-new contributors showed up in October 2013?", "figure",
     lambda: lifecycle_q("month", month(2013, 10), ["new"])),
    ("en", "In May 2017, how many contributors resurrected, i.e. came back after some time away?", "figure",
     lambda: lifecycle_q("month", month(2017, 5), ["resurrecting"])),
    ("en", "How many contributors went dormant in February 2014?", "figure",
     lambda: lifecycle_q("month", month(2014, 2), ["dormant"])),
    ("en", "For November 2012, how many contributors did we gain and how many did we lose?", "figure",
     lambda: lifecycle_q("month", month(2012, 11), ["gained", "lost"])),
    ("en", "We're looking at October 2014: how many returning contributors were there, people active that month and the month before?",
     "figure", lambda: lifecycle_q("month", month(2014, 10), ["returning"])),
    ("en", "As of 31 December 2019, how many contributors had gone at least 90 days without any activity?", "figure",
     lambda: inactive("2019-12-31", 90)),
    ("en", "On June 30 2022, how many contributors had been inactive for 6 weeks or more?", "figure",
     lambda: inactive("2022-06-30", 42)),
    ("en", "How many contributors were inactive as of March 1st 2015, using the usual 30-day threshold?", "figure",
     lambda: inactive("2015-03-01", 30)),
    ("en", "How many contributors were in the fading segment as of 2019-03-31?", "figure",
     lambda: segment("2019-03-31", "fading")),
    ("en", "Can you break down our inactive contributors by segment as of 30 June 2013?", "figure",
     lambda: segment("2013-06-30")),
    ("en", "As of 2017-09-30, which 5 lapsed contributors would be most worth trying to bring back?", "list",
     lambda: top("2017-09-30", 5)),
    ("en", "Top 3 inactive contributors by reactivation score on 2023-12-31?", "list", lambda: top("2023-12-31", 3)),
    ("en", "Of the people whose first contribution was in September 2013, how many were still contributing three months later?",
     "figure", lambda: retention(2013, 9, 3)),
    ("en", "What share of the June 2016 newcomers were active again one month later?", "figure",
     lambda: retention(2016, 6, 1)),
    ("en", "Compare the number of active contributors in 2016 with 2017.", "comparison",
     lambda: compare("active", year(2016), year(2017), "2016", "2017")),
    ("en", "Were there more merges in Q1 2013 or in Q1 2014?", "comparison",
     lambda: compare("action", quarter(2013, 1), quarter(2014, 1), "2013q1", "2014q1", "merge")),
    ("en", "How many lines of code were added to the project in 2015?", "unanswerable",
     lambda: unanswerable("lines of code")),
    ("en", "What was the average time to review a pull request in 2019?", "unanswerable",
     lambda: unanswerable("pull request review time")),
    ("en", "How many GitHub issues did we close in 2020?", "unanswerable", lambda: unanswerable("issues closed")),
    ("en", "How many first-time contributors did 2014 bring us?", "figure",
     lambda: lifecycle_q("year", year(2014), ["new"])),
    # ---- French
    ("fr", "Combien de contributeurs actifs en juin 2013 ?", "figure", lambda: active(month(2013, 6), "")),
    ("fr", "Combien de personnes ont contribué au dépôt au troisième trimestre 2015 ?", "figure",
     lambda: active(quarter(2015, 3), "")),
    ("fr", "Nombre de contributeurs actifs sur l'année 2019 ?", "figure", lambda: active(year(2019), "")),
    ("fr", "Entre le 1er février 2021 et le 31 juillet 2021, combien de contributeurs différents ont été actifs ?", "figure",
     lambda: active(("2021-02-01", "2021-07-31"), "")),
    ("fr", "Combien de contributeurs ont été actifs dans les 60 jours qui ont précédé le 15 mars 2014 ?", "figure",
     lambda: active_before("2014-03-15", 60)),
    ("fr", "Combien de merges ont été faits en mai 2012 ?", "figure", lambda: action_count("merge", month(2012, 5))),
    ("fr", "Combien de commits, hors merges, en 2023 ?", "figure", lambda: action_count("commit", year(2023))),
    ("fr", "Combien de contributeurs ont fusionné au moins une fois au deuxième trimestre 2016 ?", "figure",
     lambda: mergers(quarter(2016, 2))),
    ("fr", "On a eu combien de nouveaux contributeurs en juillet 2012 ?", "figure",
     lambda: lifecycle_q("month", month(2012, 7), ["new"])),
    ("fr", "Combien de contributeurs sont revenus en mars 2016 après une absence ?", "figure",
     lambda: lifecycle_q("month", month(2016, 3), ["resurrecting"])),
    ("fr", "Combien de contributeurs sont devenus dormants en décembre 2015 ?", "figure",
     lambda: lifecycle_q("month", month(2015, 12), ["dormant"])),
    ("fr", "En mars 2017, combien de contributeurs avons-nous gagnés et combien en avons-nous perdus ?", "figure",
     lambda: lifecycle_q("month", month(2017, 3), ["gained", "lost"])),
    ("fr", "Au 30 septembre 2020, combien de contributeurs n'avaient plus rien fait depuis au moins 60 jours ?", "figure",
     lambda: inactive("2020-09-30", 60)),
    ("fr", "Combien de contributeurs étaient inactifs depuis 4 semaines ou plus au 31 mars 2016 ?", "figure",
     lambda: inactive("2016-03-31", 28)),
    ("fr", "Au 1er juillet 2019, combien de contributeurs étaient dans le segment long_gone (partis depuis longtemps) ?",
     "figure", lambda: segment("2019-07-01", "long_gone")),
    ("fr", "Quels sont les 5 contributeurs inactifs les plus faciles à récupérer au 31 décembre 2016 ?", "list",
     lambda: top("2016-12-31", 5)),
    ("fr", "Parmi les contributeurs arrivés en avril 2012, quelle part était encore active un mois plus tard ?",
     "figure", lambda: retention(2012, 4, 1)),
    ("fr", "Compare le nombre de commits entre le premier semestre 2017 et le premier semestre 2018.", "comparison",
     lambda: compare("action", ("2017-01-01", "2017-06-30"), ("2018-01-01", "2018-06-30"), "2017h1", "2018h1", "commit")),
    ("fr", "Combien d'issues ont été ouvertes sur le projet en 2018 ?", "unanswerable", lambda: unanswerable("issues opened")),
    ("fr", "Combien d'étoiles GitHub le projet a-t-il gagnées en 2018 ?", "unanswerable", lambda: unanswerable("GitHub stars")),
    # ---- Italian
    ("it", "Quanti contributori attivi a novembre 2014?", "figure", lambda: active(month(2014, 11), "")),
    ("it", "Quanti contributori sono stati attivi nel 2021?", "figure", lambda: active(year(2021), "")),
    ("it", "Quante merge ci sono state nel quarto trimestre del 2012?", "figure",
     lambda: action_count("merge", quarter(2012, 4))),
    ("it", "Quanti nuovi contributori abbiamo avuto ad agosto 2015?", "figure",
     lambda: lifecycle_q("month", month(2015, 8), ["new"])),
    ("it", "Quanti contributori sono diventati dormienti a maggio 2013?", "figure",
     lambda: lifecycle_q("month", month(2013, 5), ["dormant"])),
    ("it", "Al 31 dicembre 2018, quanti contributori erano inattivi da almeno 120 giorni?", "figure",
     lambda: inactive("2018-12-31", 120)),
    ("it", "Quali sono i 3 contributori inattivi più recuperabili al 30 giugno 2014?", "list", lambda: top("2014-06-30", 3)),
    ("it", "Dei contributori arrivati ad aprile 2013, quanti erano ancora attivi sei mesi dopo?", "figure",
     lambda: retention(2013, 4, 6)),
    ("it", "Confronta i contributori attivi del 2022 con quelli del 2023.", "comparison",
     lambda: compare("active", year(2022), year(2023), "2022", "2023")),
    ("it", "Quante righe di codice sono state modificate nel 2017?", "unanswerable", lambda: unanswerable("lines of code")),
]


def build():
    out = []
    for n, (lang, text, kind, fn) in enumerate(QUESTIONS, 1):
        exp, sql, reading = fn()
        reading = {**{"period": None, "action": None, "as_of": None, "threshold_days": None}, **reading}
        out.append({"id": f"rq-{n:02d}", "language": lang, "question": text, "expected_kind": kind,
                    "expected": exp, "reading": reading, "sql": sql})
    return out


if __name__ == "__main__":
    qs = build()
    path = os.path.join(ROOT, "questions.json")
    if "--write" in sys.argv:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(qs, f, ensure_ascii=False, indent=2)
            f.write("\n")
        print(f"wrote {len(qs)} questions to {path}")
    elif "--check" in sys.argv:
        stored = {x["id"]: x for x in json.load(open(path, encoding="utf-8"))}
        bad = 0
        for x in qs:
            s = stored.get(x["id"])
            if s is None or s["expected"] != x["expected"] or s["question"] != x["question"]:
                bad += 1
                print("MISMATCH", x["id"], s and s["expected"], x["expected"])
        if len(stored) != len(qs):
            bad += 1
            print("count differs", len(stored), len(qs))
        print(f"{len(qs) - bad} of {len(qs)} match")
        sys.exit(1 if bad else 0)
    else:
        for x in qs:
            print(x["id"], x["language"], x["expected_kind"], json.dumps(x["expected"]), "|", x["question"])
