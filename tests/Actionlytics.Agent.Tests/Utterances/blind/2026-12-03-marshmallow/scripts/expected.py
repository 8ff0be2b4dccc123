#!/usr/bin/env python3
"""Compute every expected figure of questions.json with SQL (sqlite3) over events.csv.

  python3 scripts/expected.py          rewrite questions.json
  python3 scripts/expected.py --check  recompute and compare with questions.json (exit 1 on any difference)
"""
import csv, json, sqlite3, sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_THRESHOLD = 30


def load():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events(event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, content_id TEXT, day TEXT)")
    with open(ROOT / "events.csv", newline="") as f:
        rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"], r["occurred_at"][:10])
                for r in csv.DictReader(f)]
    db.executemany("INSERT INTO events VALUES(?,?,?,?,?,?)", rows)
    db.execute("CREATE INDEX ix_day ON events(day, member_id)")
    return db


def q(s):
    return "'" + str(s).replace("'", "''") + "'"


def one(db, sql):
    return db.execute(sql).fetchone()


def pct(a, b):
    if a == 0:
        return None
    return float((Decimal(b - a) * 100 / Decimal(a)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def month_bounds(ym):
    y, m = map(int, ym.split("-"))
    start = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return start.isoformat(), (nxt - timedelta(days=1)).isoformat()


def add_months(ym, n):
    y, m = map(int, ym.split("-"))
    k = y * 12 + (m - 1) + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def act_filter(action):
    return f" AND action = {q(action)}" if action else ""


# ---------------------------------------------------------------- computations

def c_inactive(db, as_of, thr):
    sql = (f"WITH last AS (SELECT member_id, MAX(day) AS l FROM events WHERE day <= {q(as_of)} GROUP BY member_id)\n"
           f"SELECT SUM(julianday({q(as_of)}) - julianday(l) >= {thr}), COUNT(*) FROM last")
    inactive, scored = one(db, sql)
    total = one(db, "SELECT COUNT(DISTINCT member_id) FROM events")[0]
    return ({"inactive_members": inactive or 0,
             "detail": {"members_active_by_as_of": scored, "never_active_by_as_of": total - scored,
                        "as_of": as_of, "threshold_days": thr}}, sql)


def c_active(db, start, end, action=None):
    sql = (f"SELECT COUNT(DISTINCT member_id), COUNT(*), COUNT(DISTINCT day) FROM events\n"
           f"WHERE day BETWEEN {q(start)} AND {q(end)}{act_filter(action)}")
    m, e, d = one(db, sql)
    return {"active_members": m, "detail": {"events": e, "active_days": d, "start": start, "end": end}}, sql


def c_custom(db, start, end, action, main):
    sql = (f"SELECT COUNT(*), COUNT(DISTINCT member_id) FROM events\n"
           f"WHERE action = {q(action)} AND day BETWEEN {q(start)} AND {q(end)}")
    e, m = one(db, sql)
    exp = {"events": e, "members": m} if main == "events" else {"members": m, "events": e}
    main_key = "events" if main == "events" else "members"
    return {main_key: exp[main_key], "detail": {k: v for k, v in exp.items() if k != main_key} | {"action": action, "start": start, "end": end}}, sql


def c_new(db, start, end):
    sql = (f"WITH first AS (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id)\n"
           f"SELECT COUNT(*) FROM first WHERE f BETWEEN {q(start)} AND {q(end)}")
    n = one(db, sql)[0]
    act = one(db, f"SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN {q(start)} AND {q(end)}")[0]
    return {"new_members": n, "detail": {"active_members_in_period": act, "start": start, "end": end}}, sql


def c_overlap(db, a, b, mode):
    sa = f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN {q(a[0])} AND {q(a[1])}"
    sb = f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN {q(b[0])} AND {q(b[1])}"
    both_sql = f"SELECT COUNT(*) FROM ({sa} INTERSECT {sb})"
    only_sql = f"SELECT COUNT(*) FROM ({sa} EXCEPT {sb})"
    both, only = one(db, both_sql)[0], one(db, only_sql)[0]
    na, nb = one(db, f"SELECT COUNT(*) FROM ({sa})")[0], one(db, f"SELECT COUNT(*) FROM ({sb})")[0]
    detail = {"active_in_a": na, "active_in_b": nb}
    if mode == "both":
        return {"members_in_both": both, "detail": detail | {"in_a_not_b": only}}, both_sql
    return {"in_a_not_b": only, "detail": detail | {"members_in_both": both}}, only_sql


def c_change(db, a, b):
    sql_t = "SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN {} AND {}"
    ea = one(db, sql_t.format(q(a[0]), q(a[1])))[0]
    eb = one(db, sql_t.format(q(b[0]), q(b[1])))[0]
    sql = sql_t.format(q(a[0]), q(a[1])) + ";\n" + sql_t.format(q(b[0]), q(b[1]))
    return {"earlier": ea, "later": eb, "difference": eb - ea, "percent_change": pct(ea, eb),
            "detail": {"earlier_period": list(a), "later_period": list(b)}}, sql


def c_top5(db, start, end):
    sql = (f"SELECT member_id, COUNT(DISTINCT day) AS d, COUNT(*) AS e FROM events\n"
           f"WHERE day BETWEEN {q(start)} AND {q(end)} GROUP BY member_id ORDER BY d DESC, member_id LIMIT 6")
    rows = db.execute(sql).fetchall()
    top = [{"member_id": r[0], "active_days": r[1], "events": r[2]} for r in rows[:5]]
    tie = len(rows) > 5 and rows[5][1] == rows[4][1]
    tied = []
    if tie:
        tied = [r[0] for r in db.execute(
            f"SELECT member_id FROM events WHERE day BETWEEN {q(start)} AND {q(end)} GROUP BY member_id "
            f"HAVING COUNT(DISTINCT day) = {rows[4][1]} ORDER BY member_id")]
    return {"top5": top, "detail": {"tie_at_cut": tie, "tied_at_cut_members": tied,
                                     "note": (f"tie at the cut: {len(tied)} members with {rows[4][1]} active days, broken by member_id" if tie else "no tie at the cut"),
                                     "start": start, "end": end}}, sql


def c_lifecycle(db, cur, prev):
    sql = (f"WITH first AS (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id),\n"
           f" cur AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN {q(cur[0])} AND {q(cur[1])}),\n"
           f" prev AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN {q(prev[0])} AND {q(prev[1])})\n"
           f"SELECT\n"
           f" (SELECT COUNT(*) FROM cur JOIN first USING(member_id) WHERE f >= {q(cur[0])}) AS new_,\n"
           f" (SELECT COUNT(*) FROM cur WHERE member_id IN prev) AS returning_,\n"
           f" (SELECT COUNT(*) FROM cur JOIN first USING(member_id) WHERE member_id NOT IN prev AND f < {q(cur[0])}) AS resurrecting,\n"
           f" (SELECT COUNT(*) FROM prev WHERE member_id NOT IN cur) AS dormant,\n"
           f" (SELECT COUNT(*) FROM cur) AS active, (SELECT COUNT(*) FROM prev) AS active_previous")
    n, r, s, d, a, ap = one(db, sql)
    return {"new": n, "returning": r, "resurrecting": s, "dormant": d,
            "detail": {"active": a, "active_previous": ap, "gained": n + s, "lost": d,
                       "period": list(cur), "previous_period": list(prev)}}, sql


def c_retention(db, cohort, n):
    cs, ce = month_bounds(cohort)
    ts, te = month_bounds(add_months(cohort, n))
    sql = (f"WITH first AS (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id),\n"
           f" cohort AS (SELECT member_id FROM first WHERE f BETWEEN {q(cs)} AND {q(ce)})\n"
           f"SELECT (SELECT COUNT(*) FROM cohort),\n"
           f" (SELECT COUNT(DISTINCT member_id) FROM events WHERE member_id IN cohort AND day BETWEEN {q(ts)} AND {q(te)})")
    size, kept = one(db, sql)
    return {"retained": kept, "cohort_size": size,
            "percent": float((Decimal(kept) * 100 / Decimal(size)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) if size else None,
            "detail": {"cohort_month": cohort, "months_later": n, "target_month": add_months(cohort, n)}}, sql


def c_freeform(db, ym):
    s, e = month_bounds(ym)
    sql = (f"WITH first AS (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id)\n"
           f"SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN {q(s)} AND {q(e)}),\n"
           f" (SELECT COUNT(*) FROM events WHERE day BETWEEN {q(s)} AND {q(e)}),\n"
           f" (SELECT COUNT(*) FROM first WHERE f BETWEEN {q(s)} AND {q(e)})")
    a, ev, n = one(db, sql)
    by = dict(db.execute(f"SELECT action, COUNT(*) FROM events WHERE day BETWEEN {q(s)} AND {q(e)} GROUP BY action ORDER BY action").fetchall())
    return {"active_members": a, "events": ev, "new_members": n, "detail": {"events_by_action": by, "start": s, "end": e}}, sql


# ---------------------------------------------------------------- questions

def M(ym):
    return month_bounds(ym)


def Q(y, n):
    return (f"{y}-{3*n-2:02d}-01", month_bounds(f"{y}-{3*n:02d}")[1])


def H(y, n):
    return (f"{y}-01-01", f"{y}-06-30") if n == 1 else (f"{y}-07-01", f"{y}-12-31")


def Y(y):
    return (f"{y}-01-01", f"{y}-12-31")


def P(p, action=None, as_of=None, thr=None, periods=None, text=""):
    return {"period": ({"start": p[0], "end": p[1]} if p else None),
            "periods": ([{"start": a, "end": b} for a, b in periods] if periods else None),
            "action": action, "as_of": as_of, "threshold_days": thr, "text": text}


QUESTIONS = [
    # ---------------- English
    ("EN-01", "en", "inactive_as_of", "How many members were inactive as of 30 June 2020?",
     ("inactive", "2020-06-30", 30), P(None, as_of="2020-06-30", thr=30, text="as of 2020-06-30, default threshold 30 days")),
    ("EN-02", "en", "inactive_as_of", "As of March 15th, 2018, how many of our contributors had gone quiet?",
     ("inactive", "2018-03-15", 30), P(None, as_of="2018-03-15", thr=30, text="inactive as of 2018-03-15, default 30 days")),
    ("EN-03", "en", "inactive_as_of", "inactive count on 2022-09-30 if 60 days without a commit counts as inactive?",
     ("inactive", "2022-09-30", 60), P(None, as_of="2022-09-30", thr=60, text="as of 2022-09-30, threshold 60 days")),
    ("EN-04", "en", "inactive_as_of", "How many people were inactive at the end of Q2 2021?",
     ("inactive", "2021-06-30", 30), P(None, as_of="2021-06-30", thr=30, text="end of Q2 2021 = 2021-06-30, default 30 days")),
    ("EN-05", "en", "range", "How many members were active between April 2 and June 15, 2021?",
     ("active", ("2021-04-02", "2021-06-15")), P(("2021-04-02", "2021-06-15"), text="2021-04-02..2021-06-15 inclusive")),
    ("EN-06", "en", "range", "Number of active contributors in the 30 days before November 1, 2019?",
     ("active", ("2019-10-02", "2019-10-31")), P(("2019-10-02", "2019-10-31"), text="the 30 days before 2019-11-01 = [D-30, D-1]")),
    ("EN-07", "en", "range", "how many people were active in Q3 2016",
     ("active", Q(2016, 3)), P(Q(2016, 3), text="Q3 2016 = 2016-07-01..2016-09-30")),
    ("EN-08", "en", "threshold", "Using a cut-off of 75 days, how many members were inactive on 31 January 2019?",
     ("inactive", "2019-01-31", 75), P(None, as_of="2019-01-31", thr=75, text="as of 2019-01-31, threshold 75 days")),
    ("EN-09", "en", "threshold", "How many folks had been idle for 100+ days by the end of August 2023?",
     ("inactive", "2023-08-31", 100), P(None, as_of="2023-08-31", thr=100, text="as of 2023-08-31, threshold 100 days")),
    ("EN-10", "en", "threshold", "Count the members with no activity for 6 weeks or more as of May 20, 2015.",
     ("inactive", "2015-05-20", 42), P(None, as_of="2015-05-20", thr=42, text="as of 2015-05-20, 6 weeks = 42 days")),
    ("EN-11", "en", "custom_action", "How many documentation changes were made in 2021?",
     ("custom", Y(2021), "docs_change", "events"), P(Y(2021), action="docs_change", text="docs_change events in 2021")),
    ("EN-12", "en", "custom_action", "How many people shipped a release in 2019?",
     ("custom", Y(2019), "release", "members"), P(Y(2019), action="release", text="distinct members with a release event in 2019")),
    ("EN-13", "en", "custom_action", "How many automated bot updates (dependabot, pre-commit and the like) landed in the first half of 2022?",
     ("custom", H(2022, 1), "bot_update", "events"), P(H(2022, 1), action="bot_update", text="bot_update events 2022-01-01..2022-06-30")),
    ("EN-14", "en", "custom_action", "How many distinct contributors pushed code changes between 1 March and 31 May 2018?",
     ("custom", ("2018-03-01", "2018-05-31"), "code_change", "members"), P(("2018-03-01", "2018-05-31"), action="code_change", text="distinct members with code_change 2018-03-01..2018-05-31")),
    ("EN-15", "en", "new_members", "How many new members did we get in 2015?",
     ("new", Y(2015)), P(Y(2015), text="first activity ever in 2015")),
    ("EN-16", "en", "new_members", "How many first-time contributors showed up in October 2018?",
     ("new", M("2018-10")), P(M("2018-10"), text="first activity ever in 2018-10")),
    ("EN-17", "en", "new_members", "new members in the second half of 2020?",
     ("new", H(2020, 2)), P(H(2020, 2), text="first activity ever 2020-07-01..2020-12-31")),
    ("EN-18", "en", "overlap", "How many members were active in both Q1 2019 and Q2 2019?",
     ("overlap", Q(2019, 1), Q(2019, 2), "both"), P(None, periods=[Q(2019, 1), Q(2019, 2)], text="active in Q1 2019 and in Q2 2019")),
    ("EN-19", "en", "overlap", "How many contributors who were active in 2018 didn't do anything at all in 2019?",
     ("overlap", Y(2018), Y(2019), "a_not_b"), P(None, periods=[Y(2018), Y(2019)], text="active in 2018, not active in 2019")),
    ("EN-20", "en", "overlap", "How many people were around both in January 2015 and in January 2016?",
     ("overlap", M("2015-01"), M("2016-01"), "both"), P(None, periods=[M("2015-01"), M("2016-01")], text="active in 2015-01 and in 2016-01")),
    ("EN-21", "en", "change", "How did the number of active members change from 2018 to 2019?",
     ("change", Y(2018), Y(2019)), P(None, periods=[Y(2018), Y(2019)], text="active members 2018 vs 2019")),
    ("EN-22", "en", "change", "Compare active members in Q4 2022 vs Q4 2023 - what's the % change?",
     ("change", Q(2022, 4), Q(2023, 4)), P(None, periods=[Q(2022, 4), Q(2023, 4)], text="active members Q4 2022 vs Q4 2023")),
    ("EN-23", "en", "top5", "Who were our 5 most active members in 2016?",
     ("top5", Y(2016)), P(Y(2016), text="top 5 by distinct active days in 2016")),
    ("EN-24", "en", "top5", "Top five contributors by active days in H1 2019, please.",
     ("top5", H(2019, 1)), P(H(2019, 1), text="top 5 by distinct active days 2019-01-01..2019-06-30")),
    ("EN-25", "en", "lifecycle", "Break March 2019 down into new, returning, resurrecting and dormant members compared with February.",
     ("lifecycle", M("2019-03"), M("2019-02")), P(M("2019-03"), periods=[M("2019-02"), M("2019-03")], text="lifecycle 2019-03 vs 2019-02")),
    ("EN-26", "en", "lifecycle", "What did the member lifecycle look like in Q3 2020 versus the quarter before?",
     ("lifecycle", Q(2020, 3), Q(2020, 2)), P(Q(2020, 3), periods=[Q(2020, 2), Q(2020, 3)], text="lifecycle Q3 2020 vs Q2 2020")),
    ("EN-27", "en", "retention", "Of the people who joined in October 2015, how many were still active 3 months later?",
     ("retention", "2015-10", 3), P(M("2015-10"), periods=[M("2015-10"), M("2016-01")], text="cohort 2015-10 (first activity), active in 2016-01")),
    ("EN-28", "en", "unanswerable", "How many GitHub stars did we gain in 2020?",
     ("unanswerable",), P(Y(2020), text="stars are not in the commit data")),
    ("EN-29", "en", "unanswerable", "Which countries do our most active contributors come from?",
     ("unanswerable",), P(None, text="no location data")),
    ("EN-30", "en", "free_form", "What happened in September 2018?",
     ("freeform", "2018-09"), P(M("2018-09"), text="summary of 2018-09: active members, events, new members")),
    # ---------------- French
    ("FR-01", "fr", "inactive_as_of", "Combien de membres étaient inactifs au 15/03/2019 ?",
     ("inactive", "2019-03-15", 30), P(None, as_of="2019-03-15", thr=30, text="au 2019-03-15, seuil par défaut 30 jours")),
    ("FR-02", "fr", "inactive_as_of", "Nombre de membres inactifs fin avril 2019 ?",
     ("inactive", "2019-04-30", 30), P(None, as_of="2019-04-30", thr=30, text="fin avril 2019 = 2019-04-30, 30 jours")),
    ("FR-03", "fr", "inactive_as_of", "Combien d'inactifs au 1er octobre 2021, en prenant un seuil de 45 jours ?",
     ("inactive", "2021-10-01", 45), P(None, as_of="2021-10-01", thr=45, text="au 2021-10-01, seuil 45 jours")),
    ("FR-04", "fr", "range", "Combien de membres actifs du 3 au 20 mai 2019 ?",
     ("active", ("2019-05-03", "2019-05-20")), P(("2019-05-03", "2019-05-20"), text="2019-05-03..2019-05-20")),
    ("FR-05", "fr", "range", "Combien de contributeurs ont été actifs sur le premier semestre 2017 ?",
     ("active", H(2017, 1)), P(H(2017, 1), text="2017-01-01..2017-06-30")),
    ("FR-06", "fr", "threshold", "Combien de membres n'avaient rien fait depuis au moins 90 jours au 31 décembre 2020 ?",
     ("inactive", "2020-12-31", 90), P(None, as_of="2020-12-31", thr=90, text="au 2020-12-31, seuil 90 jours")),
    ("FR-07", "fr", "threshold", "Avec un seuil d'inactivité de 8 semaines, ça donne combien d'inactifs fin juillet 2016 ?",
     ("inactive", "2016-07-31", 56), P(None, as_of="2016-07-31", thr=56, text="au 2016-07-31, 8 semaines = 56 jours")),
    ("FR-08", "fr", "custom_action", "Combien de modifications de la documentation en 2015 ?",
     ("custom", Y(2015), "docs_change", "events"), P(Y(2015), action="docs_change", text="événements docs_change en 2015")),
    ("FR-09", "fr", "custom_action", "Combien de personnes ont publié une version en 2018 ?",
     ("custom", Y(2018), "release", "members"), P(Y(2018), action="release", text="membres distincts avec release en 2018")),
    ("FR-10", "fr", "custom_action", "Combien de mises à jour automatiques faites par les robots entre janvier et mars 2020 ?",
     ("custom", Q(2020, 1), "bot_update", "events"), P(Q(2020, 1), action="bot_update", text="événements bot_update 2020-01-01..2020-03-31")),
    ("FR-11", "fr", "new_members", "On a eu combien de nouveaux membres en 2019 ?",
     ("new", Y(2019)), P(Y(2019), text="première activité en 2019")),
    ("FR-12", "fr", "new_members", "Combien de nouveaux contributeurs entre le 1er juin et le 31 août 2014 ?",
     ("new", ("2014-06-01", "2014-08-31")), P(("2014-06-01", "2014-08-31"), text="première activité 2014-06-01..2014-08-31")),
    ("FR-13", "fr", "overlap", "Parmi les membres actifs au T1 2015, combien n'ont plus rien fait au T2 2015 ?",
     ("overlap", Q(2015, 1), Q(2015, 2), "a_not_b"), P(None, periods=[Q(2015, 1), Q(2015, 2)], text="actifs T1 2015, pas actifs T2 2015")),
    ("FR-14", "fr", "change", "Quelle a été l'évolution du nombre de membres actifs entre 2016 et 2017 ?",
     ("change", Y(2016), Y(2017)), P(None, periods=[Y(2016), Y(2017)], text="actifs 2016 vs 2017")),
    ("FR-15", "fr", "change", "Les actifs de mars 2018 par rapport à mars 2019, ça a bougé de combien en % ?",
     ("change", M("2018-03"), M("2019-03")), P(None, periods=[M("2018-03"), M("2019-03")], text="actifs 2018-03 vs 2019-03")),
    ("FR-16", "fr", "top5", "Quels sont les 5 membres les plus actifs en 2020 ?",
     ("top5", Y(2020)), P(Y(2020), text="top 5 par jours actifs distincts en 2020")),
    ("FR-17", "fr", "lifecycle", "Nouveaux, fidèles, revenants et dormants en octobre 2018 par rapport à septembre ?",
     ("lifecycle", M("2018-10"), M("2018-09")), P(M("2018-10"), periods=[M("2018-09"), M("2018-10")], text="cycle de vie 2018-10 vs 2018-09")),
    ("FR-18", "fr", "retention", "Parmi ceux arrivés en mars 2018, combien étaient encore actifs 2 mois après ?",
     ("retention", "2018-03", 2), P(M("2018-03"), periods=[M("2018-03"), M("2018-05")], text="cohorte 2018-03, actifs en 2018-05")),
    ("FR-19", "fr", "unanswerable", "Combien de lignes de code ont été écrites en 2019 ?",
     ("unanswerable",), P(Y(2019), text="pas de lignes de code dans les données")),
    ("FR-20", "fr", "free_form", "Que s'est-il passé en juin 2015 ?",
     ("freeform", "2015-06"), P(M("2015-06"), text="résumé de 2015-06")),
    # ---------------- Italian
    ("IT-01", "it", "inactive_as_of", "Quanti membri risultavano inattivi alla fine di maggio 2020?",
     ("inactive", "2020-05-31", 30), P(None, as_of="2020-05-31", thr=30, text="al 2020-05-31, soglia predefinita 30 giorni")),
    ("IT-02", "it", "range", "Quanti membri sono stati attivi dal 10 al 25 febbraio 2015?",
     ("active", ("2015-02-10", "2015-02-25")), P(("2015-02-10", "2015-02-25"), text="2015-02-10..2015-02-25")),
    ("IT-03", "it", "threshold", "Quanti membri erano inattivi da almeno 40 giorni al 30/11/2018?",
     ("inactive", "2018-11-30", 40), P(None, as_of="2018-11-30", thr=40, text="al 2018-11-30, soglia 40 giorni")),
    ("IT-04", "it", "custom_action", "Quanti rilasci sono stati pubblicati nel 2016?",
     ("custom", Y(2016), "release", "events"), P(Y(2016), action="release", text="eventi release nel 2016")),
    ("IT-05", "it", "new_members", "Quanti nuovi membri abbiamo avuto nel primo trimestre 2018?",
     ("new", Q(2018, 1)), P(Q(2018, 1), text="prima attività 2018-01-01..2018-03-31")),
    ("IT-06", "it", "change", "Di quanto è cambiato il numero di membri attivi tra il primo e il secondo semestre 2018?",
     ("change", H(2018, 1), H(2018, 2)), P(None, periods=[H(2018, 1), H(2018, 2)], text="attivi H1 2018 vs H2 2018")),
    ("IT-07", "it", "top5", "Chi sono stati i 5 membri più attivi nel 2018?",
     ("top5", Y(2018)), P(Y(2018), text="top 5 per giorni attivi distinti nel 2018")),
    ("IT-08", "it", "lifecycle", "Com'è andato il ciclo di vita dei membri nel quarto trimestre 2019 rispetto al terzo?",
     ("lifecycle", Q(2019, 4), Q(2019, 3)), P(Q(2019, 4), periods=[Q(2019, 3), Q(2019, 4)], text="ciclo di vita Q4 2019 vs Q3 2019")),
    ("IT-09", "it", "retention", "Dei membri entrati a giugno 2019, quanti erano ancora attivi 6 mesi dopo?",
     ("retention", "2019-06", 6), P(M("2019-06"), periods=[M("2019-06"), M("2019-12")], text="coorte 2019-06, attivi in 2019-12")),
    ("IT-10", "it", "unanswerable", "Quante review di pull request ha fatto ciascun membro nel 2021?",
     ("unanswerable",), P(Y(2021), text="le review non sono nei dati dei commit")),
]


def compute(db, spec):
    k = spec[0]
    if k == "inactive":
        return c_inactive(db, spec[1], spec[2])
    if k == "active":
        return c_active(db, *spec[1])
    if k == "custom":
        return c_custom(db, spec[1][0], spec[1][1], spec[2], spec[3])
    if k == "new":
        return c_new(db, *spec[1])
    if k == "overlap":
        return c_overlap(db, spec[1], spec[2], spec[3])
    if k == "change":
        return c_change(db, spec[1], spec[2])
    if k == "top5":
        return c_top5(db, *spec[1])
    if k == "lifecycle":
        return c_lifecycle(db, spec[1], spec[2])
    if k == "retention":
        return c_retention(db, spec[1], spec[2])
    if k == "freeform":
        return c_freeform(db, spec[1])
    if k == "unanswerable":
        return {"outcome": "unanswerable"}, None
    raise ValueError(k)


def build():
    db = load()
    out = []
    for qid, lang, cat, text, spec, reading in QUESTIONS:
        exp, sql = compute(db, spec)
        kind = "unanswerable" if cat == "unanswerable" else ("list" if cat == "top5" else "figure")
        out.append({"id": qid, "language": lang, "category": cat, "question": text, "expected_kind": kind,
                    "expected": exp, "reading": reading, "sql": sql})
    return out


def main():
    data = build()
    path = ROOT / "questions.json"
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv:
        old = json.loads(path.read_text(encoding="utf-8"))
        bad = 0
        old_by = {x["id"]: x for x in old}
        for x in data:
            o = old_by.get(x["id"])
            if o != x:
                bad += 1
                print(f"DIFF {x['id']}: stored={o and o.get('expected')} computed={x['expected']}")
        if len(old) != len(data):
            bad += 1
            print(f"DIFF count: stored={len(old)} computed={len(data)}")
        print(f"{len(data)} questions, {bad} differences")
        sys.exit(1 if bad else 0)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(data)} questions)")


if __name__ == "__main__":
    main()
