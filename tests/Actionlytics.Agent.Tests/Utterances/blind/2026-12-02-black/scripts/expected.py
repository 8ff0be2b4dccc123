#!/usr/bin/env python3
"""Recompute every expected figure of questions.json with SQL (sqlite3) over events.csv and members.csv.

  python3 scripts/expected.py          writes questions.json
  python3 scripts/expected.py --check  recomputes and compares with questions.json (exit 1 on any difference)

Tables: events(event_id, member_id, occurred_at, action, content_id), members(member_id, joined_at).
A member's day is substr(occurred_at, 1, 10) (the files are in UTC; the community is UTC).
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load():
    db = sqlite3.connect(":memory:")
    db.execute("create table events(event_id text primary key, member_id text, occurred_at text, action text, content_id text)")
    db.execute("create table members(member_id text primary key, joined_at text)")
    with open(os.path.join(ROOT, "events.csv"), newline="") as f:
        r = csv.DictReader(f)
        db.executemany("insert into events values(?,?,?,?,?)",
                       [(x["event_id"], x["member_id"], x["occurred_at"], x["action"], x["content_id"]) for x in r])
    with open(os.path.join(ROOT, "members.csv"), newline="") as f:
        r = csv.DictReader(f)
        db.executemany("insert into members values(?,?)", [(x["member_id"], x["joined_at"]) for x in r])
    return db


DB = load()


def one(sql):
    return DB.execute(sql).fetchone()[0]


def pct(part, whole):
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def pct_change(a, b):
    return float((Decimal(b - a) * 100 / Decimal(a)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def act_filter(action):
    return f" and action = '{action}'" if action else ""


# ---------------------------------------------------------------- SQL builders
def sql_active(p, action=None):
    return ("select count(distinct member_id) from events "
            f"where substr(occurred_at,1,10) between '{p[0]}' and '{p[1]}'{act_filter(action)}")


def sql_events(p, action=None):
    return ("select count(*) from events "
            f"where substr(occurred_at,1,10) between '{p[0]}' and '{p[1]}'{act_filter(action)}")


def sql_inactive(d, i):
    return ("with last as (select member_id, max(substr(occurred_at,1,10)) l from events "
            f"where substr(occurred_at,1,10) <= '{d}' group by member_id) "
            f"select count(*) from last where julianday('{d}') - julianday(l) >= {i}")


def sql_inactive_before(d, cutoff):
    """last active day strictly before a calendar cut-off day (calendar-month readings)."""
    return ("with last as (select member_id, max(substr(occurred_at,1,10)) l from events "
            f"where substr(occurred_at,1,10) <= '{d}' group by member_id) "
            f"select count(*) from last where l < '{cutoff}'")


def sql_new(p):
    return ("with f as (select member_id, min(substr(occurred_at,1,10)) fd from events group by member_id) "
            f"select count(*) from f where fd between '{p[0]}' and '{p[1]}'")


def sql_new_joined(p):
    return f"select count(*) from members where substr(joined_at,1,10) between '{p[0]}' and '{p[1]}'"


def sql_overlap(p1, p2, a1=None, a2=None):
    return ("select count(*) from ("
            "select distinct member_id from events "
            f"where substr(occurred_at,1,10) between '{p1[0]}' and '{p1[1]}'{act_filter(a1)} "
            "intersect select distinct member_id from events "
            f"where substr(occurred_at,1,10) between '{p2[0]}' and '{p2[1]}'{act_filter(a2)})")


def sql_top(p, n=None):
    lim = f" limit {n}" if n else ""
    return ("select member_id, count(distinct substr(occurred_at,1,10)) active_days from events "
            f"where substr(occurred_at,1,10) between '{p[0]}' and '{p[1]}' "
            f"group by member_id order by active_days desc, member_id{lim}")


def sql_top_events(p, n=None):
    lim = f" limit {n}" if n else ""
    return ("select member_id, count(*) n from events "
            f"where substr(occurred_at,1,10) between '{p[0]}' and '{p[1]}' "
            f"group by member_id order by n desc, member_id{lim}")


def sql_lifecycle(cur, prev):
    c, p = cur, prev
    return ("with d as (select distinct member_id, substr(occurred_at,1,10) day from events), "
            "f as (select member_id, min(day) fd from d group by member_id), "
            f"cur as (select distinct member_id from d where day between '{c[0]}' and '{c[1]}'), "
            f"prev as (select distinct member_id from d where day between '{p[0]}' and '{p[1]}') "
            "select "
            f"(select count(*) from cur join f using(member_id) where fd between '{c[0]}' and '{c[1]}') new_, "
            "(select count(*) from cur where member_id in (select member_id from prev)) returning_, "
            "(select count(*) from cur join f using(member_id) "
            f"where fd < '{c[0]}' and member_id not in (select member_id from prev)) resurrecting, "
            "(select count(*) from prev where member_id not in (select member_id from cur)) dormant")


def sql_retention(m, n):
    y, mo = map(int, m.split("-"))
    k = y * 12 + (mo - 1) + n
    target = f"{k // 12:04d}-{k % 12 + 1:02d}"
    return ("with f as (select member_id, min(substr(occurred_at,1,10)) fd from events group by member_id), "
            f"cohort as (select member_id from f where substr(fd,1,7) = '{m}') "
            "select count(*) from cohort where member_id in "
            f"(select member_id from events where substr(occurred_at,1,7) = '{target}')"), target


# ---------------------------------------------------------------- helpers for readings
def R(period=None, periods=None, action=None, as_of=None, threshold_days=None, text=""):
    r = {"period": period, "periods": periods, "action": action, "as_of": as_of, "threshold_days": threshold_days}
    if text:
        r["text"] = text
    return r


def minus(d, n):
    return (date.fromisoformat(d) - timedelta(days=n)).isoformat()


def days_before(d, n):
    return [minus(d, n), minus(d, 1)]


def month(m):
    y, mo = map(int, m.split("-"))
    nxt = date(y + (mo == 12), mo % 12 + 1, 1)
    return [f"{m}-01", (nxt - timedelta(days=1)).isoformat()]


def quarter(y, q):
    start = date(y, 3 * q - 2, 1)
    end = date(y + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1)
    return [start.isoformat(), end.isoformat()]


def year(y):
    return [f"{y}-01-01", f"{y}-12-31"]


def half(y, h):
    return [f"{y}-01-01", f"{y}-06-30"] if h == 1 else [f"{y}-07-01", f"{y}-12-31"]


def prev_month(m):
    y, mo = map(int, m.split("-"))
    return f"{y - (mo == 1):04d}-{(mo - 2) % 12 + 1:02d}"


# ---------------------------------------------------------------- question kinds
def q_inactive(as_of, threshold=30, alt=None, note=""):
    sql = sql_inactive(as_of, threshold)
    exp = {"inactive_members": one(sql)}
    for k, v in (alt or {}).items():
        exp[k] = v
    txt = (f"members whose last active day L <= {as_of} and {as_of} - L >= {threshold} days; "
           "never active by then not counted. " + note).strip()
    return "figure", exp, R(as_of=as_of, threshold_days=threshold, text=txt), sql


def q_active(p, action=None, note=""):
    sql = sql_active(p, action)
    txt = f"distinct members with >= 1 event{' of action ' + action if action else ''} on a day in [{p[0]}, {p[1]}] (UTC). {note}".strip()
    return "figure", {"active_members": one(sql)}, R(period=p, action=action, text=txt), sql


def q_events(p, action, note=""):
    sql = sql_events(p, action)
    txt = f"number of events (commits) with action {action} on a day in [{p[0]}, {p[1]}]. {note}".strip()
    detail = {"members": one(sql_active(p, action))}
    return "figure", {"events": one(sql), "detail": detail}, R(period=p, action=action, text=txt), sql


def q_new(p, note=""):
    sql = sql_new(p)
    n = one(sql)
    assert n == one(sql_new_joined(p))
    txt = (f"members whose first active day ever (= joined_at) is in [{p[0]}, {p[1]}]. {note}").strip()
    return "figure", {"new_members": n}, R(period=p, text=txt), sql


def q_overlap(p1, p2, a1=None, a2=None, note=""):
    sql = sql_overlap(p1, p2, a1, a2)
    exp = {"members_in_both": one(sql),
           "detail": {"active_first": one(sql_active(p1, a1)), "active_second": one(sql_active(p2, a2))}}
    txt = f"members with >= 1 event{' (' + a1 + ')' if a1 else ''} in [{p1[0]}, {p1[1]}] and >= 1 event{' (' + a2 + ')' if a2 else ''} in [{p2[0]}, {p2[1]}]. {note}".strip()
    action = a1 if a1 == a2 else (f"{a1} & {a2}" if a1 or a2 else None)
    return "figure", exp, R(periods=[p1, p2], action=action, text=txt), sql


def q_change(p1, p2, names, note=""):
    a, b = one(sql_active(p1)), one(sql_active(p2))
    exp = {f"active_{names[0]}": a, f"active_{names[1]}": b, "percent_change": pct_change(a, b),
           "detail": {"difference": b - a}}
    txt = (f"active members in [{p1[0]}, {p1[1]}] (earlier) and in [{p2[0]}, {p2[1]}] (later); "
           "percent change = (later - earlier) / earlier x 100, rounded to 0.1. " + note).strip()
    sql = sql_active(p1) + " ;\n" + sql_active(p2)
    return "comparison", exp, R(periods=[p1, p2], text=txt), sql


def q_top(p, note=""):
    rows = DB.execute(sql_top(p)).fetchall()
    top = rows[:5]
    cut = top[-1][1]
    exp = {"members": [{"member_id": m, "active_days": n} for m, n in top]}
    tie = len(rows) > 5 and rows[5][1] == cut
    ev = DB.execute(sql_top_events(p, 5)).fetchall()
    detail = {"alternative_members_by_events": [{"member_id": m, "events": n} for m, n in ev]}
    if tie:
        exp["note_tie_at_cut"] = True
        detail["tied_at_cut"] = [{"member_id": m, "active_days": n} for m, n in rows if n == cut]
        detail["members_including_ties"] = [{"member_id": m, "active_days": n} for m, n in rows if n >= cut]
    exp["detail"] = detail
    txt = (f"the 5 members with the most distinct active days in [{p[0]}, {p[1]}], ties ordered by member_id"
           f"{'; the 5th place is tied' if tie else ''}. {note}").strip()
    return "list", exp, R(period=p, text=txt), sql_top(p, 5)


def q_lifecycle(cur, prev, kind):
    sql = sql_lifecycle(cur, prev)
    new, ret, res, dor = DB.execute(sql).fetchone()
    exp = {"new": new, "returning": ret, "resurrecting": res, "dormant": dor,
           "detail": {"gained": new + res, "lost": dor, "active": one(sql_active(cur)), "active_previous": one(sql_active(prev))}}
    txt = (f"lifecycle of the calendar {kind} [{cur[0]}, {cur[1]}] against the previous {kind} [{prev[0]}, {prev[1]}]: "
           "new = first active day ever in it; returning = active in it and in the previous; resurrecting = active in it, "
           "not in the previous, active before; dormant = active in the previous, not in it; gained = new + resurrecting; lost = dormant.")
    return "figure", exp, R(period=cur, periods=[prev, cur], text=txt), sql


def q_retention(m, n):
    sql, target = sql_retention(m, n)
    size = one(f"with f as (select member_id, min(substr(occurred_at,1,10)) fd from events group by member_id) "
               f"select count(*) from f where substr(fd,1,7) = '{m}'")
    r = one(sql)
    exp = {"retained_members": r, "retained_percent": pct(r, size), "detail": {"cohort_size": size}}
    txt = (f"cohort = members whose first active day is in {m}; retained = those active in calendar month {target} "
           f"({m} + {n}); percent of cohort rounded to 0.1.")
    return "figure", exp, R(period=month(m), periods=[month(m), month(target)], text=txt), sql


def q_unanswerable(why):
    return "unanswerable", {"outcome": "unanswerable"}, R(text=why), None


def q_month_summary(m, note=""):
    p = month(m)
    active, events, new = one(sql_active(p)), one(sql_events(p)), one(sql_new(p))
    by_action = dict(DB.execute(
        f"select action, count(*) from events where substr(occurred_at,1,10) between '{p[0]}' and '{p[1]}' group by action order by action"
    ).fetchall())
    new_, ret, res, dor = DB.execute(sql_lifecycle(p, month(prev_month(m)))).fetchone()
    exp = {"active_members": active, "events": events, "new_members": new,
           "detail": {"events_by_action": by_action, "lifecycle_vs_previous_month":
                      {"new": new_, "returning": ret, "resurrecting": res, "dormant": dor},
                      "active_previous_month": one(sql_active(month(prev_month(m))))}}
    txt = (f"summary of the calendar month [{p[0]}, {p[1]}]: active members, number of events (commits) and new members "
           "(first active day in the month); events by action and the lifecycle against the previous month as detail. " + note).strip()
    return "figure", exp, R(period=p, text=txt), sql_active(p) + " ;\n" + sql_events(p) + " ;\n" + sql_new(p)


# ---------------------------------------------------------------- the questions
Q = []


def add(qid, lang, text, spec):
    Q.append((qid, lang, text, spec))


def alt_thresholds(d, base, others):
    """alternative readings of the threshold, kept only when they give a different figure."""
    main = one(sql_inactive(d, base))
    alts = {f"alternative_threshold_{i}": one(sql_inactive(d, i)) for i in others if i != base}
    return {k: v for k, v in alts.items() if v != main}


# inactive as of a day (default threshold 30 days)
add("EN-01", "en", "How many members were inactive as of March 15, 2024?", ("inactive_as_of", lambda: q_inactive("2024-03-15")))
add("EN-02", "en", "Inactive member count on 2022-06-30?", ("inactive_as_of", lambda: q_inactive("2022-06-30")))
add("EN-03", "en", "At the end of Q3 2023, how many contributors had gone inactive?",
    ("inactive_as_of", lambda: q_inactive("2023-09-30", note="End of Q3 2023 = 2023-09-30.")))
add("EN-04", "en", "how many lapsed members did we have on 31/01/2025?",
    ("inactive_as_of", lambda: q_inactive("2025-01-31", note="'lapsed' read as inactive with the default threshold; 31/01/2025 = 2025-01-31.")))
add("FR-01", "fr", "Combien de membres inactifs au 15/10/2021 ?", ("inactive_as_of", lambda: q_inactive("2021-10-15")))
add("FR-02", "fr", "Combien de contributeurs étaient inactifs à la fin du mois de mai 2026 ?",
    ("inactive_as_of", lambda: q_inactive("2026-05-31", note="Fin mai 2026 = 2026-05-31.")))
add("FR-03", "fr", "Au 1er décembre 2019, combien de membres étaient inactifs ?", ("inactive_as_of", lambda: q_inactive("2019-12-01")))
add("IT-01", "it", "Quanti membri risultavano inattivi alla fine del primo trimestre 2025?",
    ("inactive_as_of", lambda: q_inactive("2025-03-31", note="Fine del primo trimestre 2025 = 2025-03-31.")))

# active members over ranges
add("EN-05", "en", "How many people were active between 3 March and 17 March 2026?",
    ("range", lambda: q_active(["2026-03-03", "2026-03-17"], note="Both ends included.")))
add("EN-06", "en", "How many contributors were active in the second half of 2021?", ("range", lambda: q_active(half(2021, 2))))
add("EN-07", "en", "How many members were active in the 30 days before 15 November 2025?",
    ("range", lambda: q_active(days_before("2025-11-15", 30), note="'The 30 days before D' = [D-30, D-1].")))
add("FR-04", "fr", "Combien de membres actifs du 10 au 24 janvier 2024 ?",
    ("range", lambda: q_active(["2024-01-10", "2024-01-24"], note="Bornes incluses.")))
add("FR-05", "fr", "Combien de contributeurs actifs au premier semestre 2023 ?", ("range", lambda: q_active(half(2023, 1))))
add("IT-02", "it", "Quanti membri sono stati attivi nei 30 giorni prima del 10/04/2026?",
    ("range", lambda: q_active(days_before("2026-04-10", 30), note="'I 30 giorni prima di D' = [D-30, D-1].")))

# thresholds said in other words
add("EN-08", "en", "Using a 60-day cut-off, how many members counted as inactive on 30 June 2025?",
    ("threshold", lambda: q_inactive("2025-06-30", 60)))
add("EN-09", "en", "how many ppl have been idle 100+ days as of 2026-08-01?",
    ("threshold", lambda: q_inactive("2026-08-01", 100, alt_thresholds("2026-08-01", 100, [101]),
                                     note="'idle 100+ days' = recency >= 100; reading it as more than 100 days (threshold 101) gives the same figure (an alternative_threshold_101 key appears only if it differs).")))
add("EN-10", "en", "As of 31 Dec 2023, how many contributors hadn't committed anything in 8 weeks or more?",
    ("threshold", lambda: q_inactive("2023-12-31", 56, note="8 weeks = 56 days.")))


def fr06():
    kind, exp, r, sql = q_inactive("2026-04-30", 60, alt_thresholds("2026-04-30", 60, [61]),
                                   note="'depuis plus de 2 mois' read as 2 months = 60 days (recency >= 60); "
                                        "alternative_threshold_61 reads 'plus de' strictly (> 60 days); "
                                        "alternative_calendar_2_months = last active day before 2026-02-28 (30 April minus two calendar months); "
                                        "alternative keys appear only when they differ from the main figure (on this data all three readings give the same count).")
    cal = one(sql_inactive_before("2026-04-30", "2026-02-28"))
    if cal != exp["inactive_members"]:
        exp["alternative_calendar_2_months"] = cal
    return kind, exp, r, sql


add("FR-06", "fr", "Combien de membres n'ont rien fait depuis plus de 2 mois, au 30 avril 2026 ?", ("threshold", fr06))
add("FR-07", "fr", "Avec un seuil de 90 jours, combien de membres étaient inactifs au 31/12/2022 ?",
    ("threshold", lambda: q_inactive("2022-12-31", 90)))
add("IT-03", "it", "Quanti membri non sono attivi da almeno 40 giorni al 15 marzo 2026?",
    ("threshold", lambda: q_inactive("2026-03-15", 40)))

# custom actions in natural words
add("EN-11", "en", "How many different people prepared a release in 2023?",
    ("custom_action", lambda: q_active(year(2023), "release", note="'prepared a release' = action release.")))
add("EN-12", "en", "How many automated bot commits (dependabot, pre-commit.ci and the like) landed in the first half of 2026?",
    ("custom_action", lambda: q_events(half(2026, 1), "bot_update", note="'bot commits' = action bot_update.")))
add("EN-13", "en", "how many contributors did docs-only changes in 2021?",
    ("custom_action", lambda: q_active(year(2021), "docs_update", note="'docs-only changes' = action docs_update.")))
add("EN-14", "en", "How many members touched the actual code in October 2025?",
    ("custom_action", lambda: q_active(month("2025-10"), "code_change", note="'touched the actual code' = action code_change.")))
add("FR-08", "fr", "Combien de personnes ont fait des modifications de documentation en 2019 ?",
    ("custom_action", lambda: q_active(year(2019), "docs_update", note="'modifications de documentation' = action docs_update.")))
add("FR-09", "fr", "Combien de préparations de version (releases) y a-t-il eu en 2021 ?",
    ("custom_action", lambda: q_events(year(2021), "release", note="count of release events.")))
add("FR-10", "fr", "Combien de membres ont modifié du code au premier trimestre 2024 ?",
    ("custom_action", lambda: q_active(quarter(2024, 1), "code_change", note="'modifié du code' = action code_change.")))
add("IT-04", "it", "Quanti aggiornamenti automatici dei bot ci sono stati nel 2023?",
    ("custom_action", lambda: q_events(year(2023), "bot_update", note="'aggiornamenti automatici dei bot' = action bot_update.")))

# new members of a period
add("EN-15", "en", "How many new contributors did we get in 2021?", ("new_members", lambda: q_new(year(2021))))
add("EN-16", "en", "How many new members joined between 1 September and 30 November 2025?",
    ("new_members", lambda: q_new(["2025-09-01", "2025-11-30"])))
add("EN-17", "en", "first-time contributors in Q2 2020?", ("new_members", lambda: q_new(quarter(2020, 2))))
add("FR-11", "fr", "Combien de nouveaux membres en mars 2026 ?", ("new_members", lambda: q_new(month("2026-03"))))
add("FR-12", "fr", "Combien de nouveaux contributeurs au second semestre 2022 ?", ("new_members", lambda: q_new(half(2022, 2))))
add("IT-05", "it", "Quanti nuovi membri sono arrivati nel 2019?", ("new_members", lambda: q_new(year(2019))))

# overlaps
add("EN-18", "en", "How many members were active in both 2022 and 2023?", ("overlap", lambda: q_overlap(year(2022), year(2023))))
add("EN-19", "en", "How many people were active both in Q4 2025 and in Q1 2026?",
    ("overlap", lambda: q_overlap(quarter(2025, 4), quarter(2026, 1))))
add("EN-20", "en", "Of the people who made docs-only commits in 2020, how many also changed code that year?",
    ("overlap", lambda: q_overlap(year(2020), year(2020), "docs_update", "code_change")))
add("FR-13", "fr", "Combien de membres ont été actifs à la fois en 2018 et en 2019 ?", ("overlap", lambda: q_overlap(year(2018), year(2019))))

# changes between two named periods
add("EN-21", "en", "How did the number of active members in 2024 compare with 2023? Give me the % change too.",
    ("change", lambda: q_change(year(2023), year(2024), ["2023", "2024"])))
add("EN-22", "en", "Compare active contributors in Q1 2026 vs Q4 2025.",
    ("change", lambda: q_change(quarter(2025, 4), quarter(2026, 1), ["q4_2025", "q1_2026"])))
add("FR-14", "fr", "Évolution du nombre de membres actifs entre le premier semestre 2025 et le premier semestre 2026 ?",
    ("change", lambda: q_change(half(2025, 1), half(2026, 1), ["h1_2025", "h1_2026"])))
add("FR-15", "fr", "Mars 2026 par rapport à février 2026 : combien de membres actifs, et quelle variation en % ?",
    ("change", lambda: q_change(month("2026-02"), month("2026-03"), ["feb_2026", "mar_2026"])))
add("IT-06", "it", "Confronta i membri attivi di ottobre 2025 con quelli di settembre 2025, anche in percentuale.",
    ("change", lambda: q_change(month("2025-09"), month("2025-10"), ["sep_2025", "oct_2025"])))

# top-5 lists
add("EN-23", "en", "Who were our 5 most active contributors in 2023?", ("top5", lambda: q_top(year(2023))))
add("EN-24", "en", "top 5 members by days active in the first half of 2026", ("top5", lambda: q_top(half(2026, 1))))
add("FR-16", "fr", "Quels sont les 5 membres les plus actifs en 2021 ?", ("top5", lambda: q_top(year(2021))))
add("IT-07", "it", "Chi sono i 5 membri più attivi nel 2019?", ("top5", lambda: q_top(year(2019))))

# lifecycle of a named month / quarter
add("EN-25", "en", "Break down March 2026 into new, returning, resurrecting and dormant members.",
    ("lifecycle", lambda: q_lifecycle(month("2026-03"), month("2026-02"), "month")))
add("EN-26", "en", "What did the member lifecycle look like in Q4 2025?",
    ("lifecycle", lambda: q_lifecycle(quarter(2025, 4), quarter(2025, 3), "quarter")))
add("FR-17", "fr", "Cycle de vie des membres en novembre 2025 : nouveaux, revenus, réactivés, dormants ?",
    ("lifecycle", lambda: q_lifecycle(month("2025-11"), month("2025-10"), "month")))
add("IT-08", "it", "Com'è andato il ciclo di vita dei membri nel secondo trimestre 2026?",
    ("lifecycle", lambda: q_lifecycle(quarter(2026, 2), quarter(2026, 1), "quarter")))

# cohort retention
add("EN-27", "en", "Of the members who made their first contribution in October 2023, how many were still active 1 month later?",
    ("retention", lambda: q_retention("2023-10", 1)))
add("FR-18", "fr", "Pour la cohorte de janvier 2022, combien de membres étaient encore actifs 2 mois plus tard ?",
    ("retention", lambda: q_retention("2022-01", 2)))
add("IT-09", "it", "Della coorte di ottobre 2025, quanti membri erano ancora attivi dopo 3 mesi?",
    ("retention", lambda: q_retention("2025-10", 3)))

# unanswerable in this data
add("EN-28", "en", "How many pull request reviews did each maintainer leave in 2024?",
    ("unanswerable", lambda: q_unanswerable("The data holds only commits (release, bot_update, docs_update, code_change); no reviews.")))
add("EN-29", "en", "Which country do most of our contributors live in?",
    ("unanswerable", lambda: q_unanswerable("members.csv has only member_id and joined_at: no location or locale.")))
add("FR-19", "fr", "Combien d'issues GitHub ont été ouvertes en 2023 ?",
    ("unanswerable", lambda: q_unanswerable("No issue events in the data, only commits.")))
add("IT-10", "it", "Quante stelle ha ricevuto il repository nel 2022?",
    ("unanswerable", lambda: q_unanswerable("Stars are not member events in this data.")))

# free-form
add("EN-30", "en", "what happened in October 2025?", ("free_form", lambda: q_month_summary("2025-10")))
add("FR-20", "fr", "Qu'est-ce qui s'est passé en juillet 2026 ?", ("free_form", lambda: q_month_summary("2026-07")))


def build():
    out = []
    for qid, lang, text, (cat, fn) in Q:
        kind, exp, reading, sql = fn()
        item = {"id": qid, "language": lang, "category": cat, "question": text, "expected_kind": kind,
                "expected": exp, "reading": reading, "sql": sql}
        out.append(item)
    return out


def main():
    qs = build()
    path = os.path.join(ROOT, "questions.json")
    assert len({q["id"] for q in qs}) == len(qs) == 60
    if "--check" in sys.argv:
        with open(path) as f:
            stored = {q["id"]: q for q in json.load(f)}
        bad = 0
        for q in qs:
            s = stored.get(q["id"])
            if s is None or s["expected"] != q["expected"] or s["sql"] != q["sql"]:
                bad += 1
                print("MISMATCH", q["id"], json.dumps(q["expected"]), "stored:", json.dumps(s and s["expected"]))
        if len(stored) != len(qs):
            bad += 1
            print("count differs:", len(stored), "stored vs", len(qs))
        print(f"{len(qs) - bad}/{len(qs)} questions match")
        sys.exit(1 if bad else 0)
    with open(path, "w") as f:
        json.dump(qs, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote", path, len(qs), "questions")


if __name__ == "__main__":
    main()
