#!/usr/bin/env python3
"""Compute every expected figure of questions.json by SQL (sqlite3) over events.csv.

python3 scripts/expected.py          rewrite questions.json
python3 scripts/expected.py --check  recompute and compare; exit 1 on any difference
"""
import csv, json, os, sqlite3, sys

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DEFAULT_I = 30


def db():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE events(event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT,"
                " action TEXT, content_id TEXT, day TEXT)")
    with open(os.path.join(HERE, "events.csv"), newline="") as f:
        rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"],
                 r["occurred_at"][:10]) for r in csv.DictReader(f)]
    con.executemany("INSERT INTO events VALUES (?,?,?,?,?,?)", rows)
    con.execute("CREATE INDEX ix ON events(day, member_id)")
    return con


def act(a):
    return f" AND action = '{a}'" if a else ""


# ---------- SQL builders: each returns (sql, function(rows) -> (kind, expected)) ----------

def q_inactive(d, i=DEFAULT_I):
    sql = (f"WITH last AS (SELECT member_id, MAX(day) AS l FROM events WHERE day <= '{d}' GROUP BY member_id) "
           f"SELECT (SELECT COUNT(*) FROM last WHERE julianday('{d}') - julianday(l) >= {i}) AS inactive_members, "
           f"(SELECT COUNT(*) FROM last) AS scored_members")
    return sql, lambda r: ("figure", {"inactive_members": r[0][0],
                                      "detail": {"as_of": d, "threshold_days": i, "scored_members": r[0][1]}})


def q_range(a, b, action=None):
    sql = (f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events FROM events "
           f"WHERE day BETWEEN '{a}' AND '{b}'{act(action)}")
    return sql, lambda r: ("figure", {"active_members": r[0][0],
                                      "detail": {"start": a, "end": b, "events": r[0][1]}})


def q_custom(a, b, action, main):
    sql = (f"SELECT COUNT(*) AS events, COUNT(DISTINCT member_id) AS members FROM events "
           f"WHERE day BETWEEN '{a}' AND '{b}' AND action = '{action}'")
    return sql, lambda r: ("figure", {main: r[0][0] if main == "events" else r[0][1],
                                      "detail": {"action": action, "start": a, "end": b,
                                                 "events": r[0][0], "members": r[0][1]}})


def q_new(a, b):
    sql = (f"WITH f AS (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id) "
           f"SELECT COUNT(*) AS new_members FROM f WHERE f BETWEEN '{a}' AND '{b}'")
    return sql, lambda r: ("figure", {"new_members": r[0][0], "detail": {"start": a, "end": b}})


def q_overlap(p1, p2, mode):
    op = "INTERSECT" if mode == "both" else "EXCEPT"
    s1 = f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{p1[0]}' AND '{p1[1]}'"
    s2 = f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{p2[0]}' AND '{p2[1]}'"
    sql = (f"SELECT (SELECT COUNT(*) FROM ({s1} {op} {s2})) AS members, "
           f"(SELECT COUNT(*) FROM ({s1})) AS active_a, (SELECT COUNT(*) FROM ({s2})) AS active_b")
    return sql, lambda r: ("figure", {"members": r[0][0],
                                      "detail": {"mode": "both" if mode == "both" else "a_not_b",
                                                 "a": list(p1), "b": list(p2),
                                                 "active_a": r[0][1], "active_b": r[0][2]}})


def q_change(p1, p2):
    c1 = f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{p1[0]}' AND '{p1[1]}')"
    c2 = f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{p2[0]}' AND '{p2[1]}')"
    # half-up to 0.1: floor(x*10 + 0.5)/10, floor done with CAST on a value made non-negative
    sql = (f"WITH c AS (SELECT {c1} AS earlier, {c2} AS later) "
           f"SELECT earlier, later, later - earlier AS difference, "
           f"(CAST((later - earlier) * 1000.0 / earlier + 0.5 + 100000 AS INTEGER) - 100000) / 10.0 AS change_percent FROM c")
    return sql, lambda r: ("figure", {"earlier": r[0][0], "later": r[0][1], "difference": r[0][2],
                                      "change_percent": r[0][3],
                                      "detail": {"earlier_period": list(p1), "later_period": list(p2)}})


def q_top5(a, b):
    sql = (f"SELECT member_id, COUNT(DISTINCT day) AS active_days FROM events WHERE day BETWEEN '{a}' AND '{b}' "
           f"GROUP BY member_id ORDER BY active_days DESC, member_id LIMIT 6")

    def shape(r):
        top = r[:5]
        tie = len(r) > 5 and r[5][1] == r[4][1]
        return "list", {"members": [m for m, _ in top],
                        "detail": {"start": a, "end": b, "active_days": [d for _, d in top],
                                   "tie_at_cut": tie, "next_member": list(r[5]) if len(r) > 5 else None}}
    return sql, shape


def q_lifecycle(p, prev):
    cur = f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{p[0]}' AND '{p[1]}'"
    pre = f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{prev[0]}' AND '{prev[1]}'"
    first = "SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id"
    sql = (f"WITH cur AS ({cur}), pre AS ({pre}), fst AS ({first}) SELECT "
           f"(SELECT COUNT(*) FROM fst WHERE f BETWEEN '{p[0]}' AND '{p[1]}') AS new_members, "
           f"(SELECT COUNT(*) FROM cur WHERE member_id IN (SELECT member_id FROM pre)) AS returning_members, "
           f"(SELECT COUNT(*) FROM cur JOIN fst USING(member_id) WHERE member_id NOT IN (SELECT member_id FROM pre) "
           f"AND f < '{prev[0]}') AS resurrecting_members, "
           f"(SELECT COUNT(*) FROM pre WHERE member_id NOT IN (SELECT member_id FROM cur)) AS dormant_members, "
           f"(SELECT COUNT(*) FROM cur) AS active")
    return sql, lambda r: ("figure", {"new": r[0][0], "returning": r[0][1], "resurrecting": r[0][2],
                                      "dormant": r[0][3],
                                      "detail": {"period": list(p), "previous": list(prev), "active": r[0][4]}})


def q_retention(month, n, target):
    sql = (f"WITH c AS (SELECT member_id FROM events GROUP BY member_id HAVING substr(MIN(day),1,7) = '{month}') "
           f"SELECT (SELECT COUNT(*) FROM c) AS cohort_size, "
           f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE substr(day,1,7) = '{target}' "
           f"AND member_id IN (SELECT member_id FROM c)) AS retained, "
           f"(CAST((SELECT COUNT(DISTINCT member_id) FROM events WHERE substr(day,1,7) = '{target}' "
           f"AND member_id IN (SELECT member_id FROM c)) * 1000.0 / (SELECT COUNT(*) FROM c) + 0.5 AS INTEGER)) / 10.0 "
           f"AS retained_percent")
    def shape(r):
        c, k, pct = r[0]
        return "figure", {"cohort_size": c, "retained": k, "retained_percent": pct,
                          "detail": {"cohort_month": month, "months_later": n, "target_month": target}}
    return sql, shape


def q_free(a, b):
    sql = (f"WITH f AS (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id) "
           f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events, "
           f"(SELECT COUNT(*) FROM f WHERE f BETWEEN '{a}' AND '{b}') AS new_members, "
           f"SUM(action='code_change'), SUM(action='docs_update'), SUM(action='version_release'), SUM(action='bot_update') "
           f"FROM events WHERE day BETWEEN '{a}' AND '{b}'")
    return sql, lambda r: ("figure", {"active_members": r[0][0], "events": r[0][1], "new_members": r[0][2],
                                      "detail": {"start": a, "end": b, "events_by_action": {
                                          "code_change": r[0][3], "docs_update": r[0][4],
                                          "version_release": r[0][5], "bot_update": r[0][6]}}})


def q_unans():
    return None, lambda r: ("unanswerable", {"outcome": "unanswerable"})


def P(a, b):
    return {"start": a, "end": b}


# ---------- the questions: (id, lang, category, question, builder, reading) ----------
# reading = dict(period=, periods=, action=, as_of=, threshold_days=, text=)

def R(text, period=None, periods=None, action=None, as_of=None, threshold_days=None):
    return {"period": period, "periods": periods, "action": action, "as_of": as_of,
            "threshold_days": threshold_days, "text": text}


Q = [
 # ---------------- English ----------------
 ("EN-01", "en", "inactive_as_of", "How many members were inactive as of 30 June 2020?",
  q_inactive("2020-06-30"), R("inactive as of 2020-06-30, default threshold 30 days", as_of="2020-06-30", threshold_days=30)),
 ("EN-02", "en", "inactive_as_of", "As of March 15th, 2021, how many people in the community counted as inactive?",
  q_inactive("2021-03-15"), R("inactive as of 2021-03-15, default threshold 30 days", as_of="2021-03-15", threshold_days=30)),
 ("EN-03", "en", "inactive_as_of", "inactive member count at 2022-09-30 using a 60 day threshold",
  q_inactive("2022-09-30", 60), R("inactive as of 2022-09-30, threshold 60 days", as_of="2022-09-30", threshold_days=60)),
 ("EN-04", "en", "inactive_as_of", "How many of our members were inactive at the end of Q2 2021?",
  q_inactive("2021-06-30"), R("end of Q2 2021 = 2021-06-30, default threshold 30 days", as_of="2021-06-30", threshold_days=30)),
 ("EN-05", "en", "range", "How many members were active between April 2 and June 15, 2021?",
  q_range("2021-04-02", "2021-06-15"), R("active members 2021-04-02..2021-06-15", period=P("2021-04-02", "2021-06-15"))),
 ("EN-06", "en", "range", "How many people were active in the 30 days before November 1, 2022?",
  q_range("2022-10-02", "2022-10-31"), R("the 30 days before 2022-11-01 = 2022-10-02..2022-10-31", period=P("2022-10-02", "2022-10-31"))),
 ("EN-07", "en", "range", "Number of distinct active members in Q3 2020?",
  q_range("2020-07-01", "2020-09-30"), R("Q3 2020 = 2020-07-01..2020-09-30", period=P("2020-07-01", "2020-09-30"))),
 ("EN-08", "en", "threshold", "If the cut-off is 75 days, how many members were inactive on 1 October 2021?",
  q_inactive("2021-10-01", 75), R("inactive as of 2021-10-01, threshold 75 days", as_of="2021-10-01", threshold_days=75)),
 ("EN-09", "en", "threshold", "How many members had been idle for 100+ days as of the end of January 2022?",
  q_inactive("2022-01-31", 100), R("as of 2022-01-31, threshold 100 days", as_of="2022-01-31", threshold_days=100)),
 ("EN-10", "en", "threshold", "Using a 6-week inactivity threshold, how many inactive members did we have at the end of May 2023?",
  q_inactive("2023-05-31", 42), R("as of 2023-05-31, threshold 6 weeks = 42 days", as_of="2023-05-31", threshold_days=42)),
 ("EN-11", "en", "custom_action", "How many documentation changes were made in 2021?",
  q_custom("2021-01-01", "2021-12-31", "docs_update", "events"), R("docs_update events in 2021", period=P("2021-01-01", "2021-12-31"), action="docs_update")),
 ("EN-12", "en", "custom_action", "How many people made a release in 2020?",
  q_custom("2020-01-01", "2020-12-31", "version_release", "members"), R("distinct members with a version_release event in 2020", period=P("2020-01-01", "2020-12-31"), action="version_release")),
 ("EN-13", "en", "custom_action", "How many automated bot updates (dependabot and the like) landed between January and June 2021?",
  q_custom("2021-01-01", "2021-06-30", "bot_update", "events"), R("bot_update events 2021-01-01..2021-06-30", period=P("2021-01-01", "2021-06-30"), action="bot_update")),
 ("EN-14", "en", "custom_action", "In the second half of 2022, how many members pushed code changes?",
  q_custom("2022-07-01", "2022-12-31", "code_change", "members"), R("distinct members with code_change in H2 2022", period=P("2022-07-01", "2022-12-31"), action="code_change")),
 ("EN-15", "en", "new_members", "How many new members did we get in October 2020?",
  q_new("2020-10-01", "2020-10-31"), R("first activity ever in 2020-10", period=P("2020-10-01", "2020-10-31"))),
 ("EN-16", "en", "new_members", "new contributors in 2022 - how many?",
  q_new("2022-01-01", "2022-12-31"), R("first activity ever in 2022", period=P("2022-01-01", "2022-12-31"))),
 ("EN-17", "en", "new_members", "How many first-timers showed up between 1 March and 31 May 2021?",
  q_new("2021-03-01", "2021-05-31"), R("first activity ever 2021-03-01..2021-05-31", period=P("2021-03-01", "2021-05-31"))),
 ("EN-18", "en", "overlap", "How many members were active both in Q1 2021 and in Q1 2022?",
  q_overlap(("2021-01-01", "2021-03-31"), ("2022-01-01", "2022-03-31"), "both"),
  R("active in Q1 2021 and in Q1 2022", periods=[P("2021-01-01", "2021-03-31"), P("2022-01-01", "2022-03-31")])),
 ("EN-19", "en", "overlap", "How many people who were active in 2021 didn't show up at all in 2022?",
  q_overlap(("2021-01-01", "2021-12-31"), ("2022-01-01", "2022-12-31"), "a_not_b"),
  R("active in 2021, not active in 2022", periods=[P("2021-01-01", "2021-12-31"), P("2022-01-01", "2022-12-31")])),
 ("EN-20", "en", "overlap", "Anyone active in August 2021 who was also around in August 2022? How many?",
  q_overlap(("2021-08-01", "2021-08-31"), ("2022-08-01", "2022-08-31"), "both"),
  R("active in 2021-08 and in 2022-08", periods=[P("2021-08-01", "2021-08-31"), P("2022-08-01", "2022-08-31")])),
 ("EN-21", "en", "change", "How did the number of active members change from Q1 2022 to Q1 2023? Give me the % and the difference.",
  q_change(("2022-01-01", "2022-03-31"), ("2023-01-01", "2023-03-31")),
  R("active members Q1 2022 (earlier) vs Q1 2023 (later)", periods=[P("2022-01-01", "2022-03-31"), P("2023-01-01", "2023-03-31")])),
 ("EN-22", "en", "change", "Compare active members in H1 2021 vs H2 2021 - up or down, and by how much?",
  q_change(("2021-01-01", "2021-06-30"), ("2021-07-01", "2021-12-31")),
  R("active members H1 2021 (earlier) vs H2 2021 (later)", periods=[P("2021-01-01", "2021-06-30"), P("2021-07-01", "2021-12-31")])),
 ("EN-23", "en", "top5", "Who were our 5 most active members in 2021?",
  q_top5("2021-01-01", "2021-12-31"), R("top 5 by distinct active days in 2021", period=P("2021-01-01", "2021-12-31"))),
 ("EN-24", "en", "top5", "top 5 contributors in Q4 2020 by number of active days",
  q_top5("2020-10-01", "2020-12-31"), R("top 5 by distinct active days in Q4 2020", period=P("2020-10-01", "2020-12-31"))),
 ("EN-25", "en", "lifecycle", "Can you break down March 2022 vs February: new, returning, resurrecting and dormant members?",
  q_lifecycle(("2022-03-01", "2022-03-31"), ("2022-02-01", "2022-02-28")),
  R("lifecycle of 2022-03 against 2022-02", period=P("2022-03-01", "2022-03-31"), periods=[P("2022-02-01", "2022-02-28"), P("2022-03-01", "2022-03-31")])),
 ("EN-26", "en", "lifecycle", "For Q3 2021 compared with Q2, how many members were new, returning, resurrecting or dormant?",
  q_lifecycle(("2021-07-01", "2021-09-30"), ("2021-04-01", "2021-06-30")),
  R("lifecycle of Q3 2021 against Q2 2021", period=P("2021-07-01", "2021-09-30"), periods=[P("2021-04-01", "2021-06-30"), P("2021-07-01", "2021-09-30")])),
 ("EN-27", "en", "retention", "Of the members who joined in August 2020, how many were still active 3 months later?",
  q_retention("2020-08", 3, "2020-11"), R("cohort 2020-08, active in 2020-11", period=P("2020-11-01", "2020-11-30"))),
 ("EN-28", "en", "unanswerable", "How many GitHub stars did we gain in 2021?",
  q_unans(), R("stars are not in the activity data")),
 ("EN-29", "en", "unanswerable", "Which country do most of our members come from?",
  q_unans(), R("countries are not in the activity data")),
 ("EN-30", "en", "free_form", "What happened in October 2021?",
  q_free("2021-10-01", "2021-10-31"), R("summary of 2021-10: active members, events, new members", period=P("2021-10-01", "2021-10-31"))),
 # ---------------- French ----------------
 ("FR-01", "fr", "inactive_as_of", "Combien de membres étaient inactifs au 31/12/2020 ?",
  q_inactive("2020-12-31"), R("inactifs au 2020-12-31, seuil par défaut 30 jours", as_of="2020-12-31", threshold_days=30)),
 ("FR-02", "fr", "inactive_as_of", "On avait combien d'inactifs fin avril 2021 ?",
  q_inactive("2021-04-30"), R("fin avril 2021 = 2021-04-30, seuil 30 jours", as_of="2021-04-30", threshold_days=30)),
 ("FR-03", "fr", "inactive_as_of", "Au 15 septembre 2022, combien de membres inactifs si on prend un seuil de 45 jours ?",
  q_inactive("2022-09-15", 45), R("inactifs au 2022-09-15, seuil 45 jours", as_of="2022-09-15", threshold_days=45)),
 ("FR-04", "fr", "range", "Combien de membres ont été actifs du 3 au 20 mai 2021 ?",
  q_range("2021-05-03", "2021-05-20"), R("actifs du 2021-05-03 au 2021-05-20", period=P("2021-05-03", "2021-05-20"))),
 ("FR-05", "fr", "range", "Sur le premier semestre 2022, combien de personnes différentes ont été actives ?",
  q_range("2022-01-01", "2022-06-30"), R("S1 2022 = 2022-01-01..2022-06-30", period=P("2022-01-01", "2022-06-30"))),
 ("FR-06", "fr", "threshold", "Combien de membres n'avaient plus rien fait depuis au moins 90 jours au 1er juillet 2022 ?",
  q_inactive("2022-07-01", 90), R("au 2022-07-01, seuil 90 jours", as_of="2022-07-01", threshold_days=90)),
 ("FR-07", "fr", "threshold", "Avec un seuil d'inactivité de 8 semaines, combien d'inactifs à la fin du mois de novembre 2021 ?",
  q_inactive("2021-11-30", 56), R("au 2021-11-30, seuil 8 semaines = 56 jours", as_of="2021-11-30", threshold_days=56)),
 ("FR-08", "fr", "custom_action", "Combien de modifications de la documentation ont été faites en 2022 ?",
  q_custom("2022-01-01", "2022-12-31", "docs_update", "events"), R("événements docs_update en 2022", period=P("2022-01-01", "2022-12-31"), action="docs_update")),
 ("FR-09", "fr", "custom_action", "Combien de sorties de version entre janvier et mars 2021 ?",
  q_custom("2021-01-01", "2021-03-31", "version_release", "events"), R("événements version_release 2021-01-01..2021-03-31", period=P("2021-01-01", "2021-03-31"), action="version_release")),
 ("FR-10", "fr", "custom_action", "En octobre 2020, combien de contributeurs ont touché au code ?",
  q_custom("2020-10-01", "2020-10-31", "code_change", "members"), R("membres distincts avec code_change en 2020-10", period=P("2020-10-01", "2020-10-31"), action="code_change")),
 ("FR-11", "fr", "new_members", "Combien de nouveaux membres avons-nous accueillis en 2021 ?",
  q_new("2021-01-01", "2021-12-31"), R("première activité en 2021", period=P("2021-01-01", "2021-12-31"))),
 ("FR-12", "fr", "new_members", "Nombre de nouveaux arrivants entre le 1er juillet et le 30 septembre 2020 ?",
  q_new("2020-07-01", "2020-09-30"), R("première activité 2020-07-01..2020-09-30", period=P("2020-07-01", "2020-09-30"))),
 ("FR-13", "fr", "overlap", "Combien de membres étaient actifs en janvier 2022 mais plus du tout en février 2022 ?",
  q_overlap(("2022-01-01", "2022-01-31"), ("2022-02-01", "2022-02-28"), "a_not_b"),
  R("actifs en 2022-01, pas en 2022-02", periods=[P("2022-01-01", "2022-01-31"), P("2022-02-01", "2022-02-28")])),
 ("FR-14", "fr", "change", "Quelle a été l'évolution du nombre de membres actifs entre le T3 et le T4 2021 ?",
  q_change(("2021-07-01", "2021-09-30"), ("2021-10-01", "2021-12-31")),
  R("actifs T3 2021 (avant) vs T4 2021 (après)", periods=[P("2021-07-01", "2021-09-30"), P("2021-10-01", "2021-12-31")])),
 ("FR-15", "fr", "change", "De combien a varié le nombre de membres actifs entre 2022 et 2023, en pourcentage ?",
  q_change(("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-12-31")),
  R("actifs 2022 (avant) vs 2023 (après)", periods=[P("2022-01-01", "2022-12-31"), P("2023-01-01", "2023-12-31")])),
 ("FR-16", "fr", "top5", "Quels sont les 5 membres les plus actifs du premier trimestre 2022 ?",
  q_top5("2022-01-01", "2022-03-31"), R("top 5 par jours actifs distincts, T1 2022", period=P("2022-01-01", "2022-03-31"))),
 ("FR-17", "fr", "lifecycle", "En janvier 2022 par rapport à décembre 2021 : combien de nouveaux, de fidèles, de revenants et de dormants ?",
  q_lifecycle(("2022-01-01", "2022-01-31"), ("2021-12-01", "2021-12-31")),
  R("cycle de vie 2022-01 contre 2021-12", period=P("2022-01-01", "2022-01-31"), periods=[P("2021-12-01", "2021-12-31"), P("2022-01-01", "2022-01-31")])),
 ("FR-18", "fr", "retention", "Parmi les membres arrivés en octobre 2021, combien étaient encore actifs le mois suivant ?",
  q_retention("2021-10", 1, "2021-11"), R("cohorte 2021-10, actifs en 2021-11", period=P("2021-11-01", "2021-11-30"))),
 ("FR-19", "fr", "unanswerable", "Combien de revues de pull requests ont été faites en 2021 ?",
  q_unans(), R("les revues de PR ne sont pas dans les données d'activité")),
 ("FR-20", "fr", "free_form", "Que s'est-il passé en mars 2022 ?",
  q_free("2022-03-01", "2022-03-31"), R("résumé de 2022-03 : membres actifs, événements, nouveaux", period=P("2022-03-01", "2022-03-31"))),
 # ---------------- Italian ----------------
 ("IT-01", "it", "inactive_as_of", "Quanti membri risultavano inattivi alla fine di maggio 2021?",
  q_inactive("2021-05-31"), R("inattivi al 2021-05-31, soglia predefinita 30 giorni", as_of="2021-05-31", threshold_days=30)),
 ("IT-02", "it", "range", "Quanti membri sono stati attivi tra il 10 febbraio e il 10 aprile 2022?",
  q_range("2022-02-10", "2022-04-10"), R("attivi 2022-02-10..2022-04-10", period=P("2022-02-10", "2022-04-10"))),
 ("IT-03", "it", "threshold", "Quanti membri erano fermi da almeno 40 giorni al 30/09/2021?",
  q_inactive("2021-09-30", 40), R("al 2021-09-30, soglia 40 giorni", as_of="2021-09-30", threshold_days=40)),
 ("IT-04", "it", "custom_action", "Quante modifiche alla documentazione sono state fatte nel secondo trimestre 2022?",
  q_custom("2022-04-01", "2022-06-30", "docs_update", "events"), R("eventi docs_update nel T2 2022", period=P("2022-04-01", "2022-06-30"), action="docs_update")),
 ("IT-05", "it", "new_members", "Quanti nuovi membri sono arrivati a novembre 2021?",
  q_new("2021-11-01", "2021-11-30"), R("prima attività in 2021-11", period=P("2021-11-01", "2021-11-30"))),
 ("IT-06", "it", "change", "Com'è cambiato il numero di membri attivi dal primo al secondo semestre 2022?",
  q_change(("2022-01-01", "2022-06-30"), ("2022-07-01", "2022-12-31")),
  R("attivi S1 2022 (prima) vs S2 2022 (dopo)", periods=[P("2022-01-01", "2022-06-30"), P("2022-07-01", "2022-12-31")])),
 ("IT-07", "it", "top5", "Chi sono stati i 5 membri più attivi nel 2020?",
  q_top5("2020-01-01", "2020-12-31"), R("top 5 per giorni attivi distinti nel 2020", period=P("2020-01-01", "2020-12-31"))),
 ("IT-08", "it", "lifecycle", "Nel secondo trimestre 2022 rispetto al primo, quanti membri nuovi, di ritorno, riattivati e dormienti?",
  q_lifecycle(("2022-04-01", "2022-06-30"), ("2022-01-01", "2022-03-31")),
  R("ciclo di vita T2 2022 contro T1 2022", period=P("2022-04-01", "2022-06-30"), periods=[P("2022-01-01", "2022-03-31"), P("2022-04-01", "2022-06-30")])),
 ("IT-09", "it", "retention", "Dei membri entrati a febbraio 2021, quanti erano ancora attivi due mesi dopo?",
  q_retention("2021-02", 2, "2021-04"), R("coorte 2021-02, attivi in 2021-04", period=P("2021-04-01", "2021-04-30"))),
 ("IT-10", "it", "unanswerable", "Quante issue sono state aperte nel 2022?",
  q_unans(), R("le issue non sono nei dati di attività")),
]


def build():
    con = db()
    out = []
    for qid, lang, cat, text, (sql, shape), reading in Q:
        rows = con.execute(sql).fetchall() if sql else []
        kind, exp = shape(rows)
        out.append({"id": qid, "language": lang, "category": cat, "question": text,
                    "expected_kind": kind, "expected": exp, "reading": reading, "sql": sql})
    return out


def main():
    path = os.path.join(HERE, "questions.json")
    new = build()
    if "--check" in sys.argv:
        try:
            old = json.load(open(path, encoding="utf-8"))
        except FileNotFoundError:
            print("questions.json missing"); sys.exit(1)
        bad = 0
        if len(old) != len(new):
            print(f"count differs: {len(old)} vs {len(new)}"); bad += 1
        for o, n in zip(old, new):
            if o != n:
                bad += 1
                print("DIFF", n["id"])
        print("check:", "OK" if not bad else f"{bad} difference(s)", f"({len(new)} questions)")
        sys.exit(1 if bad else 0)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(new, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("wrote", path, len(new), "questions")


if __name__ == "__main__":
    main()
