#!/usr/bin/env python3
"""Compute every expected figure of the blind set with SQL (sqlite3) over events.csv and write questions.json.

    python3 scripts/expected.py           # (re)write questions.json
    python3 scripts/expected.py --check   # recompute and compare with questions.json; exit 1 on any difference

Definitions (docs/analytics.md): UTC calendar days, periods include both ends; active = at least one event
(of the named action when one is named) on a day of the period; inactive as of D with threshold I (default 30):
last active day L <= D and D - L >= I, members never active by D not counted; weeks = 7 days, months = 30 days;
"the N days before D" = [D-N, D-1]; new member = first active day ever inside the period; change percent =
(later - earlier) / earlier * 100 rounded half-up to 0.1; top 5 by distinct active days, ties by member_id;
lifecycle new / returning / resurrecting / dormant against the previous period of the same kind; retention of
cohort M (first active month) after N months = cohort members active in calendar month M+N.
"""
import csv, json, os, sqlite3, sys
from calendar import monthrange
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = os.path.join(HERE, "events.csv")
OUT = os.path.join(HERE, "questions.json")
DEFAULT_THRESHOLD = 30


def db():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT,"
                " content_id TEXT, day TEXT)")
    with open(EVENTS, newline="") as f:
        rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"], r["occurred_at"][:10])
                for r in csv.DictReader(f)]
    con.executemany("INSERT INTO events VALUES (?,?,?,?,?,?)", rows)
    con.execute("CREATE INDEX ix_day ON events(day)")
    return con


CON = None


def q1(sql):
    return CON.execute(sql).fetchone()[0]


def pct(num, den):
    if den == 0:
        return None
    return float((Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------- periods
def month(y, m):
    return (date(y, m, 1).isoformat(), date(y, m, monthrange(y, m)[1]).isoformat())


def quarter(y, n):
    return (date(y, 3 * n - 2, 1).isoformat(), date(y, 3 * n, monthrange(y, 3 * n)[1]).isoformat())


def half(y, n):
    return (f"{y}-01-01", f"{y}-06-30") if n == 1 else (f"{y}-07-01", f"{y}-12-31")


def year(y):
    return (f"{y}-01-01", f"{y}-12-31")


def days_before(d, n):
    d = date.fromisoformat(d)
    return ((d - timedelta(days=n)).isoformat(), (d - timedelta(days=1)).isoformat())


def prev_period(p):
    """The previous calendar month / quarter of the same length."""
    s = date.fromisoformat(p[0])
    e = date.fromisoformat(p[1])
    months = (e.year - s.year) * 12 + e.month - s.month + 1
    y, m = s.year, s.month - months
    while m < 1:
        m += 12
        y -= 1
    ps = date(y, m, 1)
    pe = s - timedelta(days=1)
    return (ps.isoformat(), pe.isoformat())


def per(p):
    return {"start": p[0], "end": p[1]}


# ---------------------------------------------------------------- SQL builders
def act_filter(action):
    return f" AND action = '{action}'" if action else ""


def sql_active(p, action=None):
    return (f"SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{p[0]}' AND '{p[1]}'"
            f"{act_filter(action)}")


def sql_events(p, action=None):
    return f"SELECT COUNT(*) FROM events WHERE day BETWEEN '{p[0]}' AND '{p[1]}'{act_filter(action)}"


def sql_inactive(d, i):
    return ("WITH last AS (SELECT member_id, MAX(day) AS last_day FROM events "
            f"WHERE day <= '{d}' GROUP BY member_id) "
            f"SELECT COUNT(*) FROM last WHERE julianday('{d}') - julianday(last_day) >= {i}")


def sql_seen(d):
    return f"SELECT COUNT(DISTINCT member_id) FROM events WHERE day <= '{d}'"


def sql_new(p):
    return ("WITH first AS (SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id) "
            f"SELECT COUNT(*) FROM first WHERE first_day BETWEEN '{p[0]}' AND '{p[1]}'")


def sel(p):
    return f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{p[0]}' AND '{p[1]}'"


def sql_overlap(a, b, mode):
    op = "INTERSECT" if mode == "both" else "EXCEPT"
    return f"SELECT COUNT(*) FROM ({sel(a)} {op} {sel(b)})"


def sql_top(p, limit):
    return ("SELECT member_id, COUNT(DISTINCT day) AS active_days FROM events "
            f"WHERE day BETWEEN '{p[0]}' AND '{p[1]}' GROUP BY member_id "
            f"ORDER BY active_days DESC, member_id ASC LIMIT {limit}")


def sql_lifecycle(p, q):
    first = "SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id"
    cur, prv = sel(p), sel(q)
    return {
        "new": f"WITH first AS ({first}) SELECT COUNT(*) FROM first WHERE first_day BETWEEN '{p[0]}' AND '{p[1]}'",
        "returning": f"SELECT COUNT(*) FROM ({cur} INTERSECT {prv})",
        "resurrecting": (f"WITH first AS ({first}) SELECT COUNT(*) FROM first WHERE first_day < '{p[0]}' "
                         f"AND member_id IN ({cur}) AND member_id NOT IN ({prv})"),
        "dormant": f"SELECT COUNT(*) FROM ({prv} EXCEPT {cur})",
        "active": sql_active(p),
        "previous_active": sql_active(q),
    }


def sql_retention(cohort, later):
    first = "SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id"
    coh = f"SELECT member_id FROM first WHERE first_day BETWEEN '{cohort[0]}' AND '{cohort[1]}'"
    return {
        "cohort_size": f"WITH first AS ({first}) SELECT COUNT(*) FROM ({coh})",
        "active": (f"WITH first AS ({first}) SELECT COUNT(*) FROM ({coh}) "
                   f"WHERE member_id IN ({sel(later)})"),
    }


# ---------------------------------------------------------------- question kinds
def reading(period=None, periods=None, action=None, as_of=None, threshold=None, text=""):
    return {"period": per(period) if period else None,
            "periods": [per(p) for p in periods] if periods else None,
            "action": action, "as_of": as_of, "threshold_days": threshold, "text": text}


def k_inactive(d, i=None, text=""):
    thr = i if i is not None else DEFAULT_THRESHOLD
    sql = sql_inactive(d, thr)
    exp = {"inactive_members": q1(sql),
           "detail": {"as_of": d, "threshold_days": thr, "threshold_from_question": i is not None,
                      "members_active_by_as_of": q1(sql_seen(d))}}
    return "figure", exp, reading(as_of=d, threshold=thr, text=text), sql


def k_range(p, text=""):
    sql = sql_active(p)
    exp = {"active_members": q1(sql), "detail": {"start": p[0], "end": p[1], "events": q1(sql_events(p))}}
    return "figure", exp, reading(period=p, text=text), sql


def k_custom(p, action, main, text=""):
    sqls = {"events": sql_events(p, action), "members": sql_active(p, action)}
    vals = {k: q1(v) for k, v in sqls.items()}
    other = "members" if main == "events" else "events"
    exp = {main: vals[main], "detail": {"action": action, "start": p[0], "end": p[1], other: vals[other]}}
    return "figure", exp, reading(period=p, action=action, text=text), sqls


def k_new(p, text=""):
    sql = sql_new(p)
    exp = {"new_members": q1(sql), "detail": {"start": p[0], "end": p[1], "active_members": q1(sql_active(p))}}
    return "figure", exp, reading(period=p, text=text), sql


def k_overlap(a, b, mode, text=""):
    sql = sql_overlap(a, b, mode)
    exp = {"members": q1(sql), "detail": {"mode": mode, "active_in_a": q1(sql_active(a)),
                                          "active_in_b": q1(sql_active(b))}}
    return "figure", exp, reading(periods=[a, b], text=text), sql


def k_change(a, b, text=""):
    sqls = {"earlier": sql_active(a), "later": sql_active(b)}
    e, l = q1(sqls["earlier"]), q1(sqls["later"])
    exp = {"earlier": e, "later": l, "difference": l - e, "percent": pct(l - e, e),
           "detail": {"earlier_period": per(a), "later_period": per(b)}}
    return "figure", exp, reading(periods=[a, b], text=text), sqls


def k_top5(p, text=""):
    sql = sql_top(p, 5)
    rows = CON.execute(sql).fetchall()
    six = CON.execute(sql_top(p, 1000000)).fetchall()
    cut = rows[-1][1] if rows else None
    tied = [m for m, d in six if d == cut]
    tie = len(six) > 5 and six[5][1] == cut
    exp = {"members": [{"member_id": m, "active_days": d} for m, d in rows],
           "detail": {"start": p[0], "end": p[1], "active_members": len(six), "tie_at_cut": tie,
                      "cut_active_days": cut,
                      "members_tied_at_cut": tied if tie else []}}
    return "list", exp, reading(period=p, text=text), sql


def k_lifecycle(p, text=""):
    q = prev_period(p)
    sqls = sql_lifecycle(p, q)
    vals = {k: q1(v) for k, v in sqls.items()}
    exp = {k: vals[k] for k in ("new", "returning", "resurrecting", "dormant")}
    exp["detail"] = {"period": per(p), "previous_period": per(q), "active": vals["active"],
                     "previous_active": vals["previous_active"],
                     "gained": vals["new"] + vals["resurrecting"], "lost": vals["dormant"]}
    return "figure", exp, reading(period=p, periods=[q, p], text=text), sqls


def k_retention(y, m, n, text=""):
    coh = month(y, m)
    mm = m + n
    yy = y + (mm - 1) // 12
    mm = (mm - 1) % 12 + 1
    later = month(yy, mm)
    sqls = sql_retention(coh, later)
    size, act = q1(sqls["cohort_size"]), q1(sqls["active"])
    exp = {"cohort_size": size, "active": act, "percent": pct(act, size),
           "detail": {"cohort_month": coh[0][:7], "months_later": n, "measured_month": later[0][:7]}}
    return "figure", exp, reading(period=coh, periods=[coh, later], text=text), sqls


def k_free(y, m, text=""):
    p = month(y, m)
    sqls = {"active_members": sql_active(p), "events": sql_events(p), "new_members": sql_new(p),
            "events_by_action": (f"SELECT action, COUNT(*) FROM events WHERE day BETWEEN '{p[0]}' AND '{p[1]}' "
                                 "GROUP BY action ORDER BY action")}
    exp = {k: q1(sqls[k]) for k in ("active_members", "events", "new_members")}
    exp["detail"] = {"start": p[0], "end": p[1],
                     "events_by_action": dict(CON.execute(sqls["events_by_action"]).fetchall())}
    return "figure", exp, reading(period=p, text=text), sqls


def k_unanswerable(text=""):
    return "unanswerable", {"outcome": "unanswerable"}, reading(text=text), None


# ---------------------------------------------------------------- the questions
D = "docs_change"
R = "release"
U = "dependency_update"
C = "code_change"

QUESTIONS = [
    # ---------------- English
    ("EN-01", "en", "inactive_as_of", "How many members were inactive as of 30 June 2020?",
     lambda: k_inactive("2020-06-30", None, "as of 2020-06-30, default threshold 30 days")),
    ("EN-02", "en", "inactive_as_of",
     "as of june 30th, 2016 how many contributors had gone quiet for 60 days or more?",
     lambda: k_inactive("2016-06-30", 60, "as of 2016-06-30, threshold 60 days")),
    ("EN-03", "en", "inactive_as_of", "What was our inactive member count at the end of Q3 2021?",
     lambda: k_inactive("2021-09-30", None, "end of Q3 2021 = 2021-09-30, default threshold")),
    ("EN-04", "en", "inactive_as_of", "inactive members on 2019-03-15?",
     lambda: k_inactive("2019-03-15", None, "as of 2019-03-15, default threshold")),
    ("EN-05", "en", "range", "How many members were active between April 2 and June 15, 2021?",
     lambda: k_range(("2021-04-02", "2021-06-15"), "2021-04-02..2021-06-15")),
    ("EN-06", "en", "range", "How many people were active in the 30 days before March 1, 2023?",
     lambda: k_range(days_before("2023-03-01", 30), "the 30 days before 2023-03-01 = [D-30, D-1]")),
    ("EN-07", "en", "range", "Number of active contributors in the second half of 2019",
     lambda: k_range(half(2019, 2), "H2 2019 = 2019-07-01..2019-12-31")),
    ("EN-08", "en", "threshold",
     "If we set the cut-off at 75 days, how many members were inactive as of 1 October 2022?",
     lambda: k_inactive("2022-10-01", 75, "as of 2022-10-01, threshold 75 days")),
    ("EN-09", "en", "threshold", "How many people had been idle for 100+ days at the end of November 2017?",
     lambda: k_inactive("2017-11-30", 100, "end of November 2017 = 2017-11-30, threshold 100 days")),
    ("EN-10", "en", "threshold",
     "Can you count the folks who hadn't done anything in 8 weeks or more as of Feb 14, 2024?",
     lambda: k_inactive("2024-02-14", 56, "as of 2024-02-14, threshold 8 weeks = 56 days")),
    ("EN-11", "en", "custom_action", "How many documentation changes were made in 2021?",
     lambda: k_custom(year(2021), D, "events", "docs_change events in 2021")),
    ("EN-12", "en", "custom_action", "How many people cut a release in 2023?",
     lambda: k_custom(year(2023), R, "members", "distinct members with a release event in 2023")),
    ("EN-13", "en", "custom_action",
     "How many dependency bumps landed between January and June 2020?",
     lambda: k_custom(("2020-01-01", "2020-06-30"), U, "events",
                      "dependency_update events 2020-01-01..2020-06-30")),
    ("EN-14", "en", "custom_action", "how many members pushed actual code changes in March 2019",
     lambda: k_custom(month(2019, 3), C, "members", "distinct members with code_change in 2019-03")),
    ("EN-15", "en", "new_members", "How many new contributors showed up in 2016?",
     lambda: k_new(year(2016), "first active day in 2016")),
    ("EN-16", "en", "new_members", "New members in Q1 2014?",
     lambda: k_new(quarter(2014, 1), "first active day in 2014-01-01..2014-03-31")),
    ("EN-17", "en", "new_members",
     "How many people made their very first commit between 1 Sept and 15 Nov 2019?",
     lambda: k_new(("2019-09-01", "2019-11-15"), "first active day in 2019-09-01..2019-11-15")),
    ("EN-18", "en", "overlap", "How many members were active in both 2020 and 2021?",
     lambda: k_overlap(year(2020), year(2021), "both", "active in 2020 and in 2021")),
    ("EN-19", "en", "overlap",
     "How many people were active in the first half of 2015 but didn't show up at all in the second half?",
     lambda: k_overlap(half(2015, 1), half(2015, 2), "a_not_b", "active in H1 2015, not in H2 2015")),
    ("EN-20", "en", "overlap",
     "Of the members active in Q4 2022, how many were also active in Q4 2023?",
     lambda: k_overlap(quarter(2022, 4), quarter(2023, 4), "both", "active in Q4 2022 and in Q4 2023")),
    ("EN-21", "en", "change", "How did the number of active members change from 2019 to 2020?",
     lambda: k_change(year(2019), year(2020), "active members 2019 vs 2020")),
    ("EN-22", "en", "change", "Active members Q1 2023 vs Q1 2024 - what's the % change?",
     lambda: k_change(quarter(2023, 1), quarter(2024, 1), "active members Q1 2023 vs Q1 2024")),
    ("EN-23", "en", "top5", "Who were our 5 most active members in 2021?",
     lambda: k_top5(year(2021), "top 5 by distinct active days in 2021")),
    ("EN-24", "en", "top5", "Give me the top five contributors by active days for the first half of 2014.",
     lambda: k_top5(half(2014, 1), "top 5 by distinct active days in H1 2014")),
    ("EN-25", "en", "lifecycle",
     "Break down March 2021 for me: new, returning, resurrecting and dormant members.",
     lambda: k_lifecycle(month(2021, 3), "2021-03 against 2021-02")),
    ("EN-26", "en", "lifecycle", "What does the member lifecycle look like for Q3 2019 compared with Q2?",
     lambda: k_lifecycle(quarter(2019, 3), "Q3 2019 against Q2 2019")),
    ("EN-27", "en", "retention",
     "Of the people who joined in May 2019, how many were still around six months later?",
     lambda: k_retention(2019, 5, 6, "cohort 2019-05, active in 2019-11")),
    ("EN-28", "en", "unanswerable", "How many GitHub stars did we gain in 2021?",
     lambda: k_unanswerable("stars are not in the commit data")),
    ("EN-29", "en", "unanswerable", "Which countries do most of our contributors come from?",
     lambda: k_unanswerable("no location data")),
    ("EN-30", "en", "free_form", "What happened in November 2018?",
     lambda: k_free(2018, 11, "2018-11: active members, events, new members")),
    # ---------------- French
    ("FR-01", "fr", "inactive_as_of", "Combien de membres étaient inactifs au 15/03/2018 ?",
     lambda: k_inactive("2018-03-15", None, "au 2018-03-15, seuil par défaut")),
    ("FR-02", "fr", "inactive_as_of", "On avait combien d'inactifs fin avril 2019 ?",
     lambda: k_inactive("2019-04-30", None, "fin avril 2019 = 2019-04-30, seuil par défaut")),
    ("FR-03", "fr", "inactive_as_of",
     "Au 1er septembre 2015, combien de contributeurs n'avaient plus rien fait depuis au moins 45 jours ?",
     lambda: k_inactive("2015-09-01", 45, "au 2015-09-01, seuil 45 jours")),
    ("FR-04", "fr", "range", "Combien de membres ont été actifs du 3 au 20 mai 2019 ?",
     lambda: k_range(("2019-05-03", "2019-05-20"), "2019-05-03..2019-05-20")),
    ("FR-05", "fr", "range", "Nombre de personnes actives sur le deuxième trimestre 2022 ?",
     lambda: k_range(quarter(2022, 2), "T2 2022 = 2022-04-01..2022-06-30")),
    ("FR-06", "fr", "threshold",
     "Avec un seuil d'inactivité de 90 jours, combien de membres inactifs à la fin juillet 2023 ?",
     lambda: k_inactive("2023-07-31", 90, "fin juillet 2023 = 2023-07-31, seuil 90 jours")),
    ("FR-07", "fr", "threshold",
     "Combien de membres sans aucune activité depuis 3 semaines ou plus au 20 mai 2021 ?",
     lambda: k_inactive("2021-05-20", 21, "au 2021-05-20, seuil 3 semaines = 21 jours")),
    ("FR-08", "fr", "custom_action", "Combien de modifications de la documentation en 2013 ?",
     lambda: k_custom(year(2013), D, "events", "événements docs_change en 2013")),
    ("FR-09", "fr", "custom_action", "Combien de publications de version ont eu lieu en 2016 ?",
     lambda: k_custom(year(2016), R, "events", "événements release en 2016")),
    ("FR-10", "fr", "custom_action",
     "Combien de personnes différentes ont fait des mises à jour de dépendances en 2023 ?",
     lambda: k_custom(year(2023), U, "members", "membres distincts avec dependency_update en 2023")),
    ("FR-11", "fr", "new_members", "Combien de nouveaux membres nous ont rejoints en 2018 ?",
     lambda: k_new(year(2018), "première activité en 2018")),
    ("FR-12", "fr", "new_members",
     "Combien de nouveaux contributeurs entre le 1er mars et le 31 août 2021 ?",
     lambda: k_new(("2021-03-01", "2021-08-31"), "première activité 2021-03-01..2021-08-31")),
    ("FR-13", "fr", "overlap", "Combien de membres actifs en 2017 ne l'étaient plus du tout en 2018 ?",
     lambda: k_overlap(year(2017), year(2018), "a_not_b", "actifs en 2017, pas en 2018")),
    ("FR-14", "fr", "change",
     "Comment a évolué le nombre de membres actifs entre le premier semestre 2021 et celui de 2022 ?",
     lambda: k_change(half(2021, 1), half(2022, 1), "S1 2021 vs S1 2022")),
    ("FR-15", "fr", "change", "De combien le nombre d'actifs a-t-il varié entre octobre et novembre 2020 ?",
     lambda: k_change(month(2020, 10), month(2020, 11), "2020-10 vs 2020-11")),
    ("FR-16", "fr", "top5", "Quels sont les 5 membres les plus actifs de 2016 ?",
     lambda: k_top5(year(2016), "top 5 par jours actifs distincts en 2016")),
    ("FR-17", "fr", "lifecycle",
     "Pour mai 2020, combien de nouveaux, de fidèles, de revenants et de dormants par rapport à avril ?",
     lambda: k_lifecycle(month(2020, 5), "2020-05 par rapport à 2020-04")),
    ("FR-18", "fr", "retention",
     "Parmi les membres arrivés en août 2016, combien étaient encore actifs le mois suivant ?",
     lambda: k_retention(2016, 8, 1, "cohorte 2016-08, active en 2016-09")),
    ("FR-19", "fr", "unanswerable", "Combien de lignes de code ont été ajoutées en 2020 ?",
     lambda: k_unanswerable("pas de lignes de code dans les événements")),
    ("FR-20", "fr", "free_form", "Qu'est-ce qui s'est passé en mai 2018 ?",
     lambda: k_free(2018, 5, "2018-05 : membres actifs, événements, nouveaux membres")),
    # ---------------- Italian
    ("IT-01", "it", "inactive_as_of", "Quanti membri risultavano inattivi alla fine di maggio 2020?",
     lambda: k_inactive("2020-05-31", None, "fine maggio 2020 = 2020-05-31, soglia predefinita")),
    ("IT-02", "it", "range", "Quanti membri sono stati attivi dal 10 gennaio al 28 febbraio 2017?",
     lambda: k_range(("2017-01-10", "2017-02-28"), "2017-01-10..2017-02-28")),
    ("IT-03", "it", "threshold", "Quanti membri erano inattivi da almeno 40 giorni al 30/09/2014?",
     lambda: k_inactive("2014-09-30", 40, "al 2014-09-30, soglia 40 giorni")),
    ("IT-04", "it", "custom_action", "Quante modifiche alla sola documentazione ci sono state nel 2014?",
     lambda: k_custom(year(2014), D, "events", "eventi docs_change nel 2014")),
    ("IT-05", "it", "new_members", "Quanti nuovi membri sono arrivati nel secondo semestre 2013?",
     lambda: k_new(half(2013, 2), "prima attività 2013-07-01..2013-12-31")),
    ("IT-06", "it", "change", "Di quanto è cambiato il numero di membri attivi tra il 2022 e il 2023?",
     lambda: k_change(year(2022), year(2023), "2022 vs 2023")),
    ("IT-07", "it", "top5", "Chi sono stati i 5 membri più attivi nel 2019?",
     lambda: k_top5(year(2019), "top 5 per giorni attivi distinti nel 2019")),
    ("IT-08", "it", "lifecycle",
     "Nel secondo trimestre 2021 quanti membri nuovi, di ritorno, riattivati e dormienti rispetto al primo?",
     lambda: k_lifecycle(quarter(2021, 2), "T2 2021 rispetto a T1 2021")),
    ("IT-09", "it", "retention",
     "Di quelli entrati a gennaio 2021, quanti erano ancora attivi tre mesi dopo?",
     lambda: k_retention(2021, 1, 3, "coorte 2021-01, attivi in 2021-04")),
    ("IT-10", "it", "unanswerable", "Quanto guadagnano in media i nostri contributori?",
     lambda: k_unanswerable("nessun dato sugli stipendi")),
]


def build():
    global CON
    CON = db()
    out = []
    for qid, lang, cat, text, fn in QUESTIONS:
        kind, exp, rd, sql = fn()
        out.append({"id": qid, "language": lang, "category": cat, "question": text, "expected_kind": kind,
                    "expected": exp, "reading": rd, "sql": sql})
    return out


def main():
    data = build()
    if "--check" in sys.argv:
        try:
            with open(OUT, encoding="utf-8") as f:
                old = json.load(f)
        except FileNotFoundError:
            print("questions.json missing")
            sys.exit(1)
        diffs = []
        old_by = {q["id"]: q for q in old}
        new_by = {q["id"]: q for q in data}
        for qid in sorted(set(old_by) | set(new_by)):
            if old_by.get(qid) != new_by.get(qid):
                diffs.append(qid)
        if [q["id"] for q in old] != [q["id"] for q in data]:
            diffs.append("(order of questions)")
        if diffs:
            print("DIFFERENCES:", ", ".join(diffs))
            sys.exit(1)
        print(f"OK: {len(data)} questions, all expected values match")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {OUT}: {len(data)} questions")


if __name__ == "__main__":
    main()
