#!/usr/bin/env python3
"""Compute every question's expected figures by SQL over events.csv (SQLite, in memory).

Usage: expected.py            rewrites questions.json
       expected.py --check    recomputes and exits 1 on any difference with questions.json
"""
import csv, json, os, sqlite3, sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = os.path.join(HERE, "events.csv")
QFILE = os.path.join(HERE, "questions.json")

# ---------------------------------------------------------------- SQL templates
def sql_inactive(d, i):
    return (f"WITH last AS (SELECT member_id, MAX(day) AS l FROM events WHERE day <= '{d}' GROUP BY member_id) "
            f"SELECT SUM(julianday('{d}') - julianday(l) >= {i}) AS inactive_members, "
            f"SUM(julianday('{d}') - julianday(l) < {i}) AS detail_active_within_threshold, "
            f"COUNT(*) AS detail_members_with_activity_by_as_of, "
            f"(SELECT COUNT(DISTINCT member_id) FROM events) - COUNT(*) AS detail_never_active_by_as_of "
            f"FROM last")

def sql_range(a, b):
    return (f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS detail_events, "
            f"COUNT(DISTINCT day) AS detail_active_days FROM events WHERE day BETWEEN '{a}' AND '{b}'")

def sql_action_events(act, a, b):
    return (f"SELECT COUNT(*) AS events, COUNT(DISTINCT member_id) AS detail_members "
            f"FROM events WHERE action = '{act}' AND day BETWEEN '{a}' AND '{b}'")

def sql_action_members(act, a, b):
    return (f"SELECT COUNT(DISTINCT member_id) AS members, COUNT(*) AS detail_events "
            f"FROM events WHERE action = '{act}' AND day BETWEEN '{a}' AND '{b}'")

def sql_new(a, b):
    return (f"WITH f AS (SELECT member_id, MIN(day) AS d FROM events GROUP BY member_id) "
            f"SELECT COUNT(*) AS new_members, "
            f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a}' AND '{b}') AS detail_active_members_in_period "
            f"FROM f WHERE d BETWEEN '{a}' AND '{b}'")

def sql_overlap_both(a1, b1, a2, b2):
    return (f"WITH p1 AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a1}' AND '{b1}'), "
            f"p2 AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a2}' AND '{b2}') "
            f"SELECT (SELECT COUNT(*) FROM p1 WHERE member_id IN (SELECT member_id FROM p2)) AS members_active_in_both, "
            f"(SELECT COUNT(*) FROM p1) AS detail_active_in_first, (SELECT COUNT(*) FROM p2) AS detail_active_in_second")

def sql_overlap_first_only(a1, b1, a2, b2):
    return (f"WITH p1 AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a1}' AND '{b1}'), "
            f"p2 AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a2}' AND '{b2}') "
            f"SELECT (SELECT COUNT(*) FROM p1 WHERE member_id NOT IN (SELECT member_id FROM p2)) AS members_active_in_first_not_second, "
            f"(SELECT COUNT(*) FROM p1) AS detail_active_in_first, (SELECT COUNT(*) FROM p2) AS detail_active_in_second, "
            f"(SELECT COUNT(*) FROM p1 WHERE member_id IN (SELECT member_id FROM p2)) AS detail_active_in_both")

def sql_change(a1, b1, n1, a2, b2, n2):
    # percent = (later - earlier) / earlier * 100, rounded half-up (away from zero) to 0.1, exact integer arithmetic
    return (f"WITH c AS (SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a1}' AND '{b1}') AS e, "
            f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a2}' AND '{b2}') AS l) "
            f"SELECT e AS active_members_{n1}, l AS active_members_{n2}, "
            f"(CASE WHEN l >= e THEN 1 ELSE -1 END) * ((ABS(l - e) * 2000 + e) / (2 * e)) / 10.0 AS change_pct FROM c")

def sql_top5(a, b):
    return (f"SELECT member_id, COUNT(DISTINCT day) AS active_days FROM events WHERE day BETWEEN '{a}' AND '{b}' "
            f"GROUP BY member_id ORDER BY active_days DESC, member_id ASC")

def sql_lifecycle(pa, pb, ca, cb):
    return (f"WITH w AS (SELECT DISTINCT member_id, CASE WHEN day BETWEEN '{ca}' AND '{cb}' THEN 'cur' "
            f"WHEN day BETWEEN '{pa}' AND '{pb}' THEN 'prev' ELSE 'before' END AS w FROM events WHERE day <= '{cb}'), "
            f"m AS (SELECT member_id, MAX(w = 'cur') AS cur, MAX(w = 'prev') AS prev, MAX(w = 'before') AS bef FROM w GROUP BY member_id) "
            f"SELECT SUM(cur = 1 AND prev = 0 AND bef = 0) AS new, SUM(cur = 1 AND prev = 1) AS \"returning\", "
            f"SUM(cur = 1 AND prev = 0 AND bef = 1) AS resurrecting, SUM(cur = 0 AND prev = 1) AS dormant, "
            f"SUM(cur) AS detail_active_in_period, SUM(prev) AS detail_active_in_previous_period FROM m")

def sql_retention(m, n_month):
    return (f"WITH f AS (SELECT member_id, substr(MIN(day), 1, 7) AS m FROM events GROUP BY member_id), "
            f"c AS (SELECT member_id FROM f WHERE m = '{m}'), "
            f"r AS (SELECT DISTINCT member_id FROM events WHERE substr(day, 1, 7) = '{n_month}' AND member_id IN (SELECT member_id FROM c)) "
            f"SELECT (SELECT COUNT(*) FROM c) AS cohort_size, (SELECT COUNT(*) FROM r) AS retained_members, "
            f"((SELECT COUNT(*) FROM r) * 2000 + (SELECT COUNT(*) FROM c)) / (2 * (SELECT COUNT(*) FROM c)) / 10.0 AS retention_pct")

def sql_month(a, b):
    return (f"WITH f AS (SELECT member_id, MIN(day) AS d FROM events GROUP BY member_id) "
            f"SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a}' AND '{b}') AS active_members, "
            f"(SELECT COUNT(*) FROM events WHERE day BETWEEN '{a}' AND '{b}') AS events, "
            f"(SELECT COUNT(*) FROM f WHERE d BETWEEN '{a}' AND '{b}') AS new_members, "
            f"(SELECT COUNT(DISTINCT day) FROM events WHERE day BETWEEN '{a}' AND '{b}') AS detail_active_days, "
            f"(SELECT COUNT(*) FROM events WHERE day BETWEEN '{a}' AND '{b}' AND action = 'code_change') AS detail_events_code_change, "
            f"(SELECT COUNT(*) FROM events WHERE day BETWEEN '{a}' AND '{b}' AND action = 'docs_change') AS detail_events_docs_change, "
            f"(SELECT COUNT(*) FROM events WHERE day BETWEEN '{a}' AND '{b}' AND action = 'test_change') AS detail_events_test_change, "
            f"(SELECT COUNT(*) FROM events WHERE day BETWEEN '{a}' AND '{b}' AND action = 'release') AS detail_events_release, "
            f"(SELECT COUNT(*) FROM events WHERE day BETWEEN '{a}' AND '{b}' AND action = 'merge') AS detail_events_merge")

SQL_COLUMNS = "SELECT name FROM pragma_table_info('events') ORDER BY cid"

# ---------------------------------------------------------------- questions
def Q(id, category, question, kind, reading, sql, shape, follows=None, why=None):
    d = {"id": id, "language": "es", "category": category, "question": question, "expected_kind": kind,
         "reading": reading, "sql": sql, "_shape": shape}
    if follows:
        d["follows"] = follows
    if why:
        d["_why"] = why
    return d

def r_inactive(d, i, text):
    return {"as_of": d, "threshold_days": i, "action": None, "text": text}

QUESTIONS = [
    Q("ES-01", "inactive_as_of", "¿Cuántos miembros estaban inactivos al 30 de junio de 2019?", "figure",
      r_inactive("2019-06-30", 30, "Inactive as of 2019-06-30 with the default 30-day threshold: last active day L <= 2019-06-30 and 2019-06-30 - L >= 30. Members with no event by then are not counted."),
      sql_inactive("2019-06-30", 30), "row"),
    Q("ES-02", "inactive_as_of", "Buenas, ¿me podría indicar cuántos colaboradores inactivos teníamos el 31/12/2021?", "figure",
      r_inactive("2021-12-31", 30, "Inactive as of 2021-12-31, default threshold 30 days."),
      sql_inactive("2021-12-31", 30), "row"),
    Q("ES-03", "inactive_as_of", "oye cuantos inactivos habia a finales de abril de 2016", "figure",
      r_inactive("2016-04-30", 30, "'A finales de abril de 2016' = as of 2016-04-30 (last day of the month), default threshold 30 days."),
      sql_inactive("2016-04-30", 30), "row"),
    Q("ES-04", "threshold", "¿Cuánta gente llevaba 90 días o más sin ninguna actividad el 1 de octubre de 2019?", "figure",
      r_inactive("2019-10-01", 90, "Inactive as of 2019-10-01 with a threshold of 90 days."),
      sql_inactive("2019-10-01", 90), "row"),
    Q("ES-05", "threshold", "¿Y si subimos el umbral a 6 meses?", "figure",
      r_inactive("2019-10-01", 180, "Follow-up of ES-04: same as-of day 2019-10-01, threshold changed to 6 months = 180 days (months = 30 days)."),
      sql_inactive("2019-10-01", 180), "row", follows="ES-04"),
    Q("ES-06", "threshold", "A fecha 15/03/2022, ¿cuántos miembros llevan al menos 8 semanas sin actividad?", "figure",
      r_inactive("2022-03-15", 56, "Inactive as of 2022-03-15 with a threshold of 8 weeks = 56 days."),
      sql_inactive("2022-03-15", 56), "row"),
    Q("ES-07", "range", "¿Cuántos miembros estuvieron activos en los 30 días previos al 1 de septiembre de 2021?", "figure",
      {"period": ["2021-08-02", "2021-08-31"], "action": None, "text": "'The 30 days before 2021-09-01' = [2021-08-02, 2021-08-31]; distinct members with at least one event."},
      sql_range("2021-08-02", "2021-08-31"), "row"),
    Q("ES-08", "range", "Necesito saber cuántas personas distintas tuvieron actividad en el primer semestre de 2016.", "figure",
      {"period": ["2016-01-01", "2016-06-30"], "action": None, "text": "First half of 2016 = 2016-01-01..2016-06-30; distinct active members."},
      sql_range("2016-01-01", "2016-06-30"), "row"),
    Q("ES-09", "range", "¿y en el segundo semestre?", "figure",
      {"period": ["2016-07-01", "2016-12-31"], "action": None, "text": "Follow-up of ES-08: same year, period changed to the second half of 2016 = 2016-07-01..2016-12-31; distinct active members."},
      sql_range("2016-07-01", "2016-12-31"), "row", follows="ES-08"),
    Q("ES-10", "custom_action", "¿Cuántos merges hubo en 2021?", "figure",
      {"period": ["2021-01-01", "2021-12-31"], "action": "merge", "text": "Number of 'merge' events in calendar year 2021 (distinct members in detail)."},
      sql_action_events("merge", "2021-01-01", "2021-12-31"), "row"),
    Q("ES-11", "custom_action", "Vale, ¿y en 2016?", "figure",
      {"period": ["2016-01-01", "2016-12-31"], "action": "merge", "text": "Follow-up of ES-10: same action 'merge', year changed to 2016; number of events."},
      sql_action_events("merge", "2016-01-01", "2016-12-31"), "row", follows="ES-10"),
    Q("ES-12", "custom_action", "¿Cuántas personas distintas hicieron algún docs_change durante 2024?", "figure",
      {"period": ["2024-01-01", "2024-12-31"], "action": "docs_change", "text": "Distinct members with at least one 'docs_change' event in 2024 (event count in detail)."},
      sql_action_members("docs_change", "2024-01-01", "2024-12-31"), "row"),
    Q("ES-13", "custom_action", "¿Y cuántas con test_change?", "figure",
      {"period": ["2024-01-01", "2024-12-31"], "action": "test_change", "text": "Follow-up of ES-12: same year 2024, action changed to 'test_change'; distinct members."},
      sql_action_members("test_change", "2024-01-01", "2024-12-31"), "row", follows="ES-12"),
    Q("ES-14", "new_members", "¿Cuántos miembros nuevos se sumaron a la comunidad en 2016?", "figure",
      {"period": ["2016-01-01", "2016-12-31"], "action": None, "text": "Members whose first active day ever falls in 2016."},
      sql_new("2016-01-01", "2016-12-31"), "row"),
    Q("ES-15", "new_members", "Cuántas altas nuevas tuvimos en el segundo semestre de 2019?", "figure",
      {"period": ["2019-07-01", "2019-12-31"], "action": None, "text": "Second half of 2019 = 2019-07-01..2019-12-31; members whose first active day ever is in it."},
      sql_new("2019-07-01", "2019-12-31"), "row"),
    Q("ES-16", "new_members", "Nuevos contribuidores entre el 1 de marzo y el 31 de agosto de 2022: ¿cuántos fueron?", "figure",
      {"period": ["2022-03-01", "2022-08-31"], "action": None, "text": "Members whose first active day ever is between 2022-03-01 and 2022-08-31."},
      sql_new("2022-03-01", "2022-08-31"), "row"),
    Q("ES-17", "overlap", "De los que estuvieron activos en 2019, ¿cuántos siguieron activos también en 2020?", "figure",
      {"periods": [["2019-01-01", "2019-12-31"], ["2020-01-01", "2020-12-31"]], "action": None, "text": "Members active (any event) in 2019 and also in 2020."},
      sql_overlap_both("2019-01-01", "2019-12-31", "2020-01-01", "2020-12-31"), "row"),
    Q("ES-18", "overlap", "Che, ¿cuántos miembros que participaron en 2021 ya no aparecieron en todo 2022?", "figure",
      {"periods": [["2021-01-01", "2021-12-31"], ["2022-01-01", "2022-12-31"]], "action": None, "text": "Members active in 2021 and not active at all in 2022."},
      sql_overlap_first_only("2021-01-01", "2021-12-31", "2022-01-01", "2022-12-31"), "row"),
    Q("ES-19", "change", "¿Cómo varió el número de miembros activos de 2020 a 2021? Dame también el porcentaje.", "figure",
      {"periods": [["2020-01-01", "2020-12-31"], ["2021-01-01", "2021-12-31"]], "action": None, "text": "Active members in 2020 (earlier) and 2021 (later); percent = (2021 - 2020) / 2020 * 100, rounded half-up to 0.1."},
      sql_change("2020-01-01", "2020-12-31", "2020", "2021-01-01", "2021-12-31", "2021"), "row"),
    Q("ES-20", "change", "compara el tercer trimestre de 2019 con el mismo trimestre de 2018: miembros activos y variación en %", "figure",
      {"periods": [["2018-07-01", "2018-09-30"], ["2019-07-01", "2019-09-30"]], "action": None, "text": "Active members in Q3 2018 (earlier, 2018-07-01..2018-09-30) and Q3 2019 (later, 2019-07-01..2019-09-30); percent change rounded half-up to 0.1."},
      sql_change("2018-07-01", "2018-09-30", "2018_q3", "2019-07-01", "2019-09-30", "2019_q3"), "row"),
    Q("ES-21", "top5", "¿Quienes fueron los 5 miembros mas activos de 2019, contando dias con actividad?", "list",
      {"period": ["2019-01-01", "2019-12-31"], "action": None, "text": "Top 5 members of 2019 by distinct active days; ties broken by member_id ascending."},
      sql_top5("2019-01-01", "2019-12-31"), "top5"),
    Q("ES-22", "top5", "top 5 de colaboradores en 2021 por dias activos porfa", "list",
      {"period": ["2021-01-01", "2021-12-31"], "action": None, "text": "Top 5 members of 2021 by distinct active days; ties broken by member_id ascending (there is a tie at the cut)."},
      sql_top5("2021-01-01", "2021-12-31"), "top5"),
    Q("ES-23", "lifecycle", "Dame el desglose del ciclo de vida de septiembre de 2019 frente a agosto: nuevos, recurrentes, reactivados y dormidos.", "figure",
      {"period": ["2019-09-01", "2019-09-30"], "previous_period": ["2019-08-01", "2019-08-31"], "action": None, "text": "Lifecycle of September 2019 against August 2019: new (first active ever in Sep), returning (active in Aug and Sep), resurrecting (active in Sep, not Aug, but earlier), dormant (active in Aug, not Sep)."},
      sql_lifecycle("2019-08-01", "2019-08-31", "2019-09-01", "2019-09-30"), "row"),
    Q("ES-24", "lifecycle", "¿Cómo queda el lifecycle del T3 de 2021 respecto al trimestre anterior?", "figure",
      {"period": ["2021-07-01", "2021-09-30"], "previous_period": ["2021-04-01", "2021-06-30"], "action": None, "text": "Lifecycle of Q3 2021 (2021-07-01..2021-09-30) against Q2 2021 (2021-04-01..2021-06-30): new, returning, resurrecting, dormant."},
      sql_lifecycle("2021-04-01", "2021-06-30", "2021-07-01", "2021-09-30"), "row"),
    Q("ES-25", "retention", "De la gente que hizo su primera contribución en agosto de 2019, ¿cuántos seguían activos al mes siguiente?", "figure",
      {"cohort_month": "2019-08", "months_after": 1, "measured_month": "2019-09", "action": None, "text": "Cohort = members whose first activity is in August 2019; retained = cohort members active in September 2019 (count and percent of the cohort)."},
      sql_retention("2019-08", "2019-09"), "row"),
    Q("ES-26", "retention", "¿Me pasás la retención de la cohorte de abril de 2014 a los 3 meses? Cuántos y qué porcentaje.", "figure",
      {"cohort_month": "2014-04", "months_after": 3, "measured_month": "2014-07", "action": None, "text": "Cohort = members whose first activity is in April 2014; retained = cohort members active in July 2014 (M+3)."},
      sql_retention("2014-04", "2014-07"), "row"),
    Q("ES-27", "unanswerable", "¿De qué países son los colaboradores más activos de 2021?", "unanswerable",
      {"text": "The events carry no location/country (only member_id, time, action, content_id); members.csv has only member_id and joined_at. Cannot be answered."},
      SQL_COLUMNS, "unanswerable", why="members' countries are not in the data (events have no country or location field; members have only member_id and joined_at)"),
    Q("ES-28", "unanswerable", "¿Cuánto dinero recaudamos en donaciones durante 2019?", "unanswerable",
      {"text": "No money, donation or revenue figures exist in the events or members. Cannot be answered."},
      SQL_COLUMNS, "unanswerable", why="donations/revenue are not recorded: events are commits (action, time, member, folder) with no amounts"),
    Q("ES-29", "free_form", "¿Qué pasó en septiembre de 2019?", "figure",
      {"period": ["2019-09-01", "2019-09-30"], "action": None, "text": "Summary of September 2019: active members, events, new members."},
      sql_month("2019-09-01", "2019-09-30"), "row"),
    Q("ES-30", "free_form", "Resúmeme un poco cómo fue octubre de 2021 en la comunidad", "figure",
      {"period": ["2021-10-01", "2021-10-31"], "action": None, "text": "Summary of October 2021: active members, events, new members."},
      sql_month("2021-10-01", "2021-10-31"), "row"),
]

# ---------------------------------------------------------------- computation
def load():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, "
               "content_id TEXT, day TEXT)")
    with open(EVENTS, newline="") as f:
        rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"], r["occurred_at"][:10])
                for r in csv.DictReader(f)]
    db.executemany("INSERT INTO events VALUES (?,?,?,?,?,?)", rows)
    return db

def compute(db, q):
    cur = db.execute(q["sql"])
    cols = [c[0] for c in cur.description]
    rows = cur.fetchall()
    shape = q["_shape"]
    if shape == "row":
        (row,) = rows
        out, detail = {}, {}
        for c, v in zip(cols, row):
            if c.startswith("detail_"):
                detail[c[len("detail_"):]] = v
            else:
                out[c] = v
        if detail:
            out["detail"] = detail
        return out
    if shape == "top5":
        top = [{"member_id": m, "active_days": d} for m, d in rows[:5]]
        cut = rows[4][1]
        tie = len(rows) > 5 and rows[5][1] == cut
        tied = [m for m, d in rows if d == cut]
        return {"top_members": top,
                "detail": {"tie_at_cut": tie, "cut_active_days": cut,
                           "tied_members": tied if tie else [],
                           "members_ranked": len(rows)}}
    if shape == "unanswerable":
        names = [r[0] for r in rows]
        assert not any(n in names for n in ("country", "location", "amount", "revenue", "donation")), names
        return {"outcome": "unanswerable", "detail": q["_why"]}
    raise ValueError(shape)

def build():
    db = load()
    out = []
    for q in QUESTIONS:
        d = {k: v for k, v in q.items() if not k.startswith("_")}
        d["expected"] = compute(db, q)
        order = ["id", "language", "category", "question", "follows", "expected_kind", "expected", "reading", "sql"]
        out.append({k: d[k] for k in order if k in d})
    return out

def main():
    new = build()
    if "--check" in sys.argv:
        with open(QFILE) as f:
            old = json.load(f)
        bad = 0
        if len(old) != len(new):
            print(f"question count differs: {len(old)} vs {len(new)}"); bad += 1
        for o, n in zip(old, new):
            if o != n:
                bad += 1
                print(f"DIFF {n['id']}: stored {json.dumps(o.get('expected'), ensure_ascii=False)} "
                      f"computed {json.dumps(n.get('expected'), ensure_ascii=False)}")
        print("OK" if not bad else f"{bad} difference(s)")
        sys.exit(1 if bad else 0)
    with open(QFILE, "w") as f:
        json.dump(new, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {len(new)} questions to {QFILE}")

if __name__ == "__main__":
    main()
