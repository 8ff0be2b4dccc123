#!/usr/bin/env python3
"""Compute every expected figure of questions.json with SQL (sqlite3) over events.csv.

  python3 scripts/expected.py          rewrite questions.json
  python3 scripts/expected.py --check  recompute and compare; exit 1 on any difference

The SQL stored with each question runs as is on a table `events` loaded from events.csv
(columns event_id, member_id, occurred_at, action, content_id; all text). A member's UTC
day is substr(occurred_at, 1, 10).
"""
import csv
import json
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DAY = "substr(occurred_at,1,10)"


def load():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT,"
               " action TEXT, content_id TEXT)")
    with open(os.path.join(ROOT, "events.csv"), newline="") as f:
        r = csv.reader(f)
        header = next(r)
        assert header == ["event_id", "member_id", "occurred_at", "action", "content_id"], header
        db.executemany("INSERT INTO events VALUES (?,?,?,?,?)", r)
    return db


def q1(db, sql):
    cur = db.execute(sql)
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    assert len(rows) == 1, sql
    return dict(zip(names, rows[0]))


def qall(db, sql):
    cur = db.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def check_half(x, sql):
    # percent figures are rounded half-up to 0.1; make sure no value sits on a tie
    assert abs(abs(x * 10) % 1 - 0.5) > 1e-9, ("tie in rounding", x, sql)


# ---------------------------------------------------------------- SQL builders
def sql_inactive(as_of, thr):
    return (f"WITH last AS (SELECT member_id, MAX({DAY}) AS l FROM events WHERE {DAY} <= '{as_of}' "
            f"GROUP BY member_id) "
            f"SELECT SUM(julianday('{as_of}') - julianday(l) >= {thr}) AS inactive, "
            f"COUNT(*) AS members_active_by_as_of, "
            f"SUM(julianday('{as_of}') - julianday(l) < {thr}) AS not_inactive FROM last")


def sql_range(s, e, action=None):
    act = f" AND action = '{action}'" if action else ""
    return (f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events, "
            f"COUNT(DISTINCT {DAY}) AS days_with_activity FROM events "
            f"WHERE {DAY} BETWEEN '{s}' AND '{e}'{act}")


def sql_new(s, e):
    return (f"WITH f AS (SELECT member_id, MIN({DAY}) AS d FROM events GROUP BY member_id) "
            f"SELECT COUNT(*) AS new_members FROM f WHERE d BETWEEN '{s}' AND '{e}'")


def sql_active_set(s, e):
    return f"SELECT DISTINCT member_id FROM events WHERE {DAY} BETWEEN '{s}' AND '{e}'"


def sql_overlap(a, b):
    A, B = sql_active_set(*a), sql_active_set(*b)
    return (f"WITH a AS ({A}), b AS ({B}) SELECT "
            f"(SELECT COUNT(*) FROM a WHERE member_id IN (SELECT member_id FROM b)) AS both_periods, "
            f"(SELECT COUNT(*) FROM a WHERE member_id NOT IN (SELECT member_id FROM b)) AS a_not_b, "
            f"(SELECT COUNT(*) FROM b WHERE member_id NOT IN (SELECT member_id FROM a)) AS b_not_a, "
            f"(SELECT COUNT(*) FROM a) AS active_a, (SELECT COUNT(*) FROM b) AS active_b")


def sql_change(earlier, later):
    E, L = sql_active_set(*earlier), sql_active_set(*later)
    return (f"WITH x AS (SELECT (SELECT COUNT(*) FROM ({E})) AS earlier, (SELECT COUNT(*) FROM ({L})) AS later) "
            f"SELECT earlier, later, later - earlier AS difference, "
            f"ROUND((later - earlier) * 100.0 / earlier, 1) AS percent, "
            f"(later - earlier) * 100.0 / earlier AS percent_unrounded FROM x")


def sql_top(s, e):
    return (f"SELECT member_id, COUNT(DISTINCT {DAY}) AS active_days, COUNT(*) AS events FROM events "
            f"WHERE {DAY} BETWEEN '{s}' AND '{e}' GROUP BY member_id "
            f"ORDER BY active_days DESC, member_id ASC LIMIT 6")


def sql_lifecycle(cur, prev):
    (s, e), (ps, pe) = cur, prev
    return (f"WITH f AS (SELECT member_id, MIN({DAY}) AS first_day FROM events GROUP BY member_id), "
            f"c AS ({sql_active_set(s, e)}), p AS ({sql_active_set(ps, pe)}) SELECT "
            f"(SELECT COUNT(*) FROM f WHERE first_day BETWEEN '{s}' AND '{e}') AS new, "
            f"(SELECT COUNT(*) FROM c WHERE member_id IN (SELECT member_id FROM p)) AS \"returning\", "
            f"(SELECT COUNT(*) FROM c JOIN f USING (member_id) WHERE member_id NOT IN (SELECT member_id FROM p) "
            f"AND first_day < '{ps}') AS resurrecting, "
            f"(SELECT COUNT(*) FROM p WHERE member_id NOT IN (SELECT member_id FROM c)) AS dormant, "
            f"(SELECT COUNT(*) FROM c) AS active_now, (SELECT COUNT(*) FROM p) AS active_previous")


def sql_retention(cohort_month, target_month):
    return (f"WITH f AS (SELECT member_id, MIN({DAY}) AS first_day FROM events GROUP BY member_id), "
            f"cohort AS (SELECT member_id FROM f WHERE substr(first_day,1,7) = '{cohort_month}'), "
            f"act AS (SELECT DISTINCT member_id FROM events WHERE substr(occurred_at,1,7) = '{target_month}') "
            f"SELECT (SELECT COUNT(*) FROM cohort) AS cohort_size, "
            f"(SELECT COUNT(*) FROM cohort WHERE member_id IN (SELECT member_id FROM act)) AS retained, "
            f"ROUND((SELECT COUNT(*) FROM cohort WHERE member_id IN (SELECT member_id FROM act)) * 100.0 "
            f"/ (SELECT COUNT(*) FROM cohort), 1) AS percent")


def sql_free(s, e):
    return (f"WITH f AS (SELECT member_id, MIN({DAY}) AS first_day FROM events GROUP BY member_id) "
            f"SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE {DAY} BETWEEN '{s}' AND '{e}') AS active_members, "
            f"(SELECT COUNT(*) FROM events WHERE {DAY} BETWEEN '{s}' AND '{e}') AS events, "
            f"(SELECT COUNT(*) FROM f WHERE first_day BETWEEN '{s}' AND '{e}') AS new_members")


def sql_free_actions(s, e):
    return (f"SELECT action, COUNT(*) AS events FROM events WHERE {DAY} BETWEEN '{s}' AND '{e}' "
            f"GROUP BY action ORDER BY action")


# ---------------------------------------------------------------- question builders
def reading(text, period=None, periods=None, action=None, as_of=None, threshold_days=None):
    p = {"start": period[0], "end": period[1]} if period else None
    ps = [{"start": a, "end": b} for a, b in periods] if periods else None
    return {"period": p, "periods": ps, "action": action, "as_of": as_of,
            "threshold_days": threshold_days, "text": text}


def inactive(qid, cat, text, as_of, thr, note):
    def run(db):
        sql = sql_inactive(as_of, thr)
        r = q1(db, sql)
        return "figure", {"inactive": r["inactive"], "detail": {
            "as_of": as_of, "threshold_days": thr,
            "members_active_by_as_of": r["members_active_by_as_of"], "not_inactive": r["not_inactive"]}}, sql
    return qid, cat, text, reading(note, as_of=as_of, threshold_days=thr), run


def active_range(qid, text, s, e, note):
    def run(db):
        sql = sql_range(s, e)
        r = q1(db, sql)
        return "figure", {"active_members": r["active_members"], "detail": {
            "start": s, "end": e, "events": r["events"], "days_with_activity": r["days_with_activity"]}}, sql
    return qid, "range", text, reading(note, period=(s, e)), run


def custom(qid, text, s, e, action, main, note):
    def run(db):
        sql = sql_range(s, e, action)
        r = q1(db, sql)
        d = {"action": action, "start": s, "end": e, "events": r["events"],
             "members": r["active_members"], "days_with_activity": r["days_with_activity"]}
        if main == "events":
            return "figure", {"events": r["events"], "detail": d}, sql
        return "figure", {"members": r["active_members"], "detail": d}, sql
    return qid, "custom_action", text, reading(note, period=(s, e), action=action), run


def new_members(qid, text, s, e, note):
    def run(db):
        sql = sql_new(s, e)
        r = q1(db, sql)
        return "figure", {"new_members": r["new_members"], "detail": {"start": s, "end": e}}, sql
    return qid, "new_members", text, reading(note, period=(s, e)), run


def overlap(qid, text, a, b, main, note):
    def run(db):
        sql = sql_overlap(a, b)
        r = q1(db, sql)
        return "figure", {main: r[main], "detail": {
            "period_a": {"start": a[0], "end": a[1]}, "period_b": {"start": b[0], "end": b[1]},
            **{k: v for k, v in r.items() if k != main}}}, sql
    return qid, "overlap", text, reading(note, periods=[a, b]), run


def change(qid, text, earlier, later, note):
    def run(db):
        sql = sql_change(earlier, later)
        r = q1(db, sql)
        check_half(r["percent_unrounded"], sql)
        return "figure", {"earlier": r["earlier"], "later": r["later"], "difference": r["difference"],
                          "percent": r["percent"], "detail": {
                              "earlier_period": {"start": earlier[0], "end": earlier[1]},
                              "later_period": {"start": later[0], "end": later[1]},
                              "percent_formula": "(later - earlier) / earlier * 100, half-up to 0.1"}}, sql
    return qid, "change", text, reading(note, periods=[earlier, later]), run


def top5(qid, text, s, e, note):
    def run(db):
        sql = sql_top(s, e)
        rows = qall(db, sql)
        top = rows[:5]
        tie = len(rows) > 5 and rows[5]["active_days"] == rows[4]["active_days"]
        d = {"start": s, "end": e, "active_days": {r["member_id"]: r["active_days"] for r in top},
             "events": {r["member_id"]: r["events"] for r in top},
             "tie_at_cut": tie, "order": "distinct active days desc, then member_id asc"}
        if len(rows) > 5:
            d["sixth"] = {"member_id": rows[5]["member_id"], "active_days": rows[5]["active_days"]}
        return "list", {"members": [r["member_id"] for r in top], "detail": d}, sql
    return qid, "top5", text, reading(note, period=(s, e)), run


def lifecycle(qid, text, cur, prev, note):
    def run(db):
        sql = sql_lifecycle(cur, prev)
        r = q1(db, sql)
        return "figure", {"new": r["new"], "returning": r["returning"], "resurrecting": r["resurrecting"],
                          "dormant": r["dormant"], "detail": {
                              "period": {"start": cur[0], "end": cur[1]},
                              "previous_period": {"start": prev[0], "end": prev[1]},
                              "active_now": r["active_now"], "active_previous": r["active_previous"]}}, sql
    return qid, "lifecycle", text, reading(note, periods=[prev, cur]), run


def retention(qid, text, cohort, target, n, note, cohort_period, target_period):
    def run(db):
        sql = sql_retention(cohort, target)
        r = q1(db, sql)
        return "figure", {"retained": r["retained"], "percent": r["percent"], "detail": {
            "cohort_month": cohort, "months_after": n, "activity_month": target,
            "cohort_size": r["cohort_size"]}}, sql
    return qid, "retention", text, reading(note, periods=[cohort_period, target_period]), run


def unanswerable(qid, text, note):
    def run(db):
        return "unanswerable", {"outcome": "unanswerable"}, None
    return qid, "unanswerable", text, reading(note), run


def free(qid, text, s, e, note):
    def run(db):
        sql = sql_free(s, e)
        r = q1(db, sql)
        acts = {x["action"]: x["events"] for x in qall(db, sql_free_actions(s, e))}
        return "figure", {"active_members": r["active_members"], "events": r["events"],
                          "new_members": r["new_members"], "detail": {
                              "start": s, "end": e, "events_by_action": acts}}, sql
    return qid, "free_form", text, reading(note, period=(s, e)), run


QUESTIONS = [
    # inactive_as_of (3)
    inactive("ES-01", "inactive_as_of", "¿Cuántos miembros estaban inactivos al 30 de junio de 2020?",
             "2020-06-30", 30, "as of 2020-06-30, default threshold 30 days"),
    inactive("ES-02", "inactive_as_of",
             "Oye, ¿me dices cuántos miembros estaban inactivos a fecha 15/03/2022? Cuenta como inactivo a quien lleve 45 días o más sin actividad.",
             "2022-03-15", 45, "as of 2022-03-15 (dd/mm/yyyy), threshold 45 days given in the question"),
    inactive("ES-03", "inactive_as_of", "¿Cuántos inactivos teníamos a finales de septiembre de 2018?",
             "2018-09-30", 30, "as of the last day of September 2018, default threshold 30 days"),
    # range (3)
    active_range("ES-04", "¿Cuántos miembros estuvieron activos entre el 2 de abril y el 15 de junio de 2021?",
                 "2021-04-02", "2021-06-15", "both ends included"),
    active_range("ES-05", "Necesito la cantidad de miembros activos en los 30 días anteriores al 1 de octubre de 2023.",
                 "2023-09-01", "2023-09-30", "the 30 days before D = [D-30, D-1]"),
    active_range("ES-06", "¿Cuánta gente participó durante el segundo semestre de 2019?",
                 "2019-07-01", "2019-12-31", "second half-year = July 1 to December 31"),
    # threshold (3)
    inactive("ES-07", "threshold",
             "Tomando 90 días como umbral de inactividad, ¿cuántos miembros estaban inactivos el 31 de diciembre de 2021?",
             "2021-12-31", 90, "threshold 90 days, as of 2021-12-31"),
    inactive("ES-08", "threshold",
             "¿Cuántos llevaban seis semanas o más sin ninguna actividad al cierre de mayo de 2017?",
             "2017-05-31", 42, "6 weeks = 42 days, as of the end of May 2017"),
    inactive("ES-09", "threshold",
             "Quiero ubicar a los que llevan por lo menos dos meses sin aportar nada: ¿cuántos eran al 01/08/2024?",
             "2024-08-01", 60, "2 months = 60 days, as of 2024-08-01 (dd/mm/yyyy)"),
    # custom_action (4)
    custom("ES-10", "¿Cuántos cambios que solo tocaban la documentación se hicieron en 2021?",
           "2021-01-01", "2021-12-31", "docs_change", "events", "documentation-only commits = docs_change events in 2021"),
    custom("ES-11", "¿Cuántas personas distintas sacaron una versión nueva (los commits de subida de versión) durante 2020?",
           "2020-01-01", "2020-12-31", "release", "members", "version bumps = release; distinct members in 2020"),
    custom("ES-12", "En el primer trimestre de 2022, ¿cuántos commits fueron únicamente de pruebas?",
           "2022-01-01", "2022-03-31", "test_change", "events", "test-only commits = test_change events in Q1 2022"),
    custom("ES-13", "¿Cuántos miembros hicieron cambios de código de verdad (no solo docs o tests) entre marzo y mayo de 2024?",
           "2024-03-01", "2024-05-31", "code_change", "members", "code changes = code_change; distinct members, March 1 to May 31 2024"),
    # new_members (3)
    new_members("ES-14", "¿Cuántos miembros nuevos se sumaron en 2018?", "2018-01-01", "2018-12-31",
                "first active day ever in 2018"),
    new_members("ES-15", "¿Cuánta gente hizo su primera contribución entre el 1 de septiembre y el 30 de noviembre de 2022?",
                "2022-09-01", "2022-11-30", "first active day ever in the range, both ends included"),
    new_members("ES-16", "¿Cuántos recién llegados tuvimos en abril de 2016?", "2016-04-01", "2016-04-30",
                "first active day ever in April 2016"),
    # overlap (2)
    overlap("ES-17", "¿Cuántos miembros estuvieron activos tanto en 2021 como en 2022?",
            ("2021-01-01", "2021-12-31"), ("2022-01-01", "2022-12-31"), "both_periods",
            "active in 2021 and active in 2022"),
    overlap("ES-18", "¿Cuántos participaron en el primer trimestre de 2023 pero ya no aparecieron en el segundo?",
            ("2023-01-01", "2023-03-31"), ("2023-04-01", "2023-06-30"), "a_not_b",
            "active in Q1 2023, not active in Q2 2023"),
    # change (2)
    change("ES-19", "¿Cuánto varió la cantidad de miembros activos de 2022 a 2023? Pasame la diferencia y el porcentaje.",
           ("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-12-31"), "earlier = 2022, later = 2023"),
    change("ES-20", "Comparad los miembros activos de marzo de 2021 con los de marzo de 2020: ¿cuánto subió o bajó, en número y en porcentaje?",
           ("2020-03-01", "2020-03-31"), ("2021-03-01", "2021-03-31"), "earlier = March 2020, later = March 2021"),
    # top5 (2)
    top5("ES-21", "¿Quiénes fueron los 5 miembros más activos de 2019?", "2019-01-01", "2019-12-31",
         "by distinct active days in 2019, ties by member_id"),
    top5("ES-22", "Dame el top 5 de contribuidores del primer semestre de 2024, por días con actividad.",
         "2024-01-01", "2024-06-30", "by distinct active days, January 1 to June 30 2024, ties by member_id"),
    # lifecycle (2)
    lifecycle("ES-23", "Para octubre de 2022 frente a septiembre: ¿cuántos fueron nuevos, cuántos repitieron, cuántos volvieron tras una pausa y cuántos se quedaron dormidos?",
              ("2022-10-01", "2022-10-31"), ("2022-09-01", "2022-09-30"), "October 2022 against September 2022"),
    lifecycle("ES-24", "¿Cómo queda el ciclo de vida del segundo trimestre de 2021 comparado con el primero (nuevos, recurrentes, reactivados y dormidos)?",
              ("2021-04-01", "2021-06-30"), ("2021-01-01", "2021-03-31"), "Q2 2021 against Q1 2021"),
    # retention (2)
    retention("ES-25", "De los que se unieron en marzo de 2018, ¿cuántos seguían activos tres meses después?",
              "2018-03", "2018-06", 3, "cohort = first activity in March 2018; active in June 2018",
              ("2018-03-01", "2018-03-31"), ("2018-06-01", "2018-06-30")),
    retention("ES-26", "De la cohorte de octubre de 2021, ¿cuántos volvieron a estar activos dos meses más tarde?",
              "2021-10", "2021-12", 2, "cohort = first activity in October 2021; active in December 2021",
              ("2021-10-01", "2021-10-31"), ("2021-12-01", "2021-12-31")),
    # unanswerable (2)
    unanswerable("ES-27", "¿Cuántas estrellas ganó el repositorio en 2021?",
                 "stars are not in commit data"),
    unanswerable("ES-28", "¿De qué países son nuestros miembros más activos?",
                 "countries are not in the data (no location, no locale)"),
    # free_form (2)
    free("ES-29", "¿Qué pasó en agosto de 2022?", "2022-08-01", "2022-08-31",
         "August 2022: active members, events, new members"),
    free("ES-30", "Contame un poco cómo estuvo mayo de 2020.", "2020-05-01", "2020-05-31",
         "May 2020: active members, events, new members"),
]


def build():
    db = load()
    out = []
    for qid, cat, text, rd, run in QUESTIONS:
        kind, expected, sql = run(db)
        out.append({"id": qid, "language": "es", "category": cat, "question": text,
                    "expected_kind": kind, "expected": expected, "reading": rd, "sql": sql})
    return out


def main():
    qs = build()
    path = os.path.join(ROOT, "questions.json")
    text = json.dumps(qs, ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv[1:]:
        try:
            with open(path, encoding="utf-8") as f:
                old = json.load(f)
        except FileNotFoundError:
            print("questions.json missing")
            sys.exit(1)
        diffs = 0
        old_by = {q["id"]: q for q in old}
        for q in qs:
            o = old_by.get(q["id"])
            if o != q:
                diffs += 1
                print(f"DIFF {q['id']}: stored {json.dumps(o and o.get('expected'), ensure_ascii=False)} "
                      f"!= computed {json.dumps(q['expected'], ensure_ascii=False)}")
        extra = set(old_by) - {q["id"] for q in qs}
        for x in sorted(extra):
            diffs += 1
            print(f"DIFF {x}: in questions.json but not computed")
        if diffs:
            print(f"--check FAILED: {diffs} difference(s)")
            sys.exit(1)
        print(f"--check OK: {len(qs)} questions match")
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {len(qs)} questions to {path}")


if __name__ == "__main__":
    main()
