#!/usr/bin/env python3
"""Compute every expected figure with SQL (sqlite3) over events.csv / members.csv.

python3 scripts/expected.py          -> writes questions.json
python3 scripts/expected.py --check  -> recomputes and compares with questions.json (exit 1 on any difference)
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE events(event_id TEXT, member_id TEXT, occurred_at TEXT, action TEXT, content_id TEXT)")
db.execute("CREATE TABLE members(member_id TEXT, joined_at TEXT)")
with open(os.path.join(HERE, "events.csv"), newline="") as f:
    db.executemany("INSERT INTO events VALUES (?,?,?,?,?)", [tuple(r) for r in list(csv.reader(f))[1:]])
with open(os.path.join(HERE, "members.csv"), newline="") as f:
    db.executemany("INSERT INTO members VALUES (?,?)", [tuple(r) for r in list(csv.reader(f))[1:]])
# one row per event with its UTC day (the community is UTC)
db.execute("CREATE VIEW ev AS SELECT member_id, substr(occurred_at,1,10) AS day, action FROM events")
db.execute("CREATE VIEW firsts AS SELECT member_id, MIN(day) AS first_day FROM ev GROUP BY member_id")


def q1(sql):
    return db.execute(sql).fetchone()[0]


def rows(sql):
    return db.execute(sql).fetchall()


def pct(num, den):
    if den == 0:
        return None
    return float((Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def d(s):
    return date.fromisoformat(s)


def act(a):
    return f" AND action = '{a}'" if a else ""


def active_sql(p, a=None):
    return f"SELECT COUNT(DISTINCT member_id) FROM ev WHERE day BETWEEN '{p[0]}' AND '{p[1]}'{act(a)}"


def active_set_sql(p, a=None):
    return f"SELECT DISTINCT member_id FROM ev WHERE day BETWEEN '{p[0]}' AND '{p[1]}'{act(a)}"


def inactive_sql(D, I):
    return (f"SELECT COUNT(*) FROM (SELECT member_id, MAX(day) AS last_day FROM ev WHERE day <= '{D}' GROUP BY member_id) "
            f"WHERE julianday('{D}') - julianday(last_day) >= {I}")


# ---------------------------------------------------------------- figure builders
def inactive(D, I, alt=None):
    sql = inactive_sql(D, I)
    scored = q1(f"SELECT COUNT(DISTINCT member_id) FROM ev WHERE day <= '{D}'")
    n = q1(sql)
    exp = {"inactive_members": n,
           "detail": {"members_active_by_as_of": scored, "still_active_members": scored - n,
                      "never_active_by_as_of": q1("SELECT COUNT(*) FROM members") - scored}}
    for k, (D2, I2) in (alt or {}).items():
        exp[k] = q1(inactive_sql(D2, I2))
    return "figure", exp, {"as_of": D, "threshold_days": I}, sql


def active_range(p, a=None, alt=None):
    sql = active_sql(p, a)
    exp = {"active_members": q1(sql),
           "detail": {"events": q1(f"SELECT COUNT(*) FROM ev WHERE day BETWEEN '{p[0]}' AND '{p[1]}'{act(a)}"),
                      "active_member_days": q1(f"SELECT COUNT(*) FROM (SELECT DISTINCT member_id, day FROM ev WHERE day BETWEEN '{p[0]}' AND '{p[1]}'{act(a)})")}}
    for k, p2 in (alt or {}).items():
        exp[k] = q1(active_sql(p2, a))
    return "figure", exp, {"period": list(p), "action": a}, sql


def action_events(p, a):
    sql = f"SELECT COUNT(*) FROM ev WHERE day BETWEEN '{p[0]}' AND '{p[1]}' AND action = '{a}'"
    exp = {"events": q1(sql),
           "detail": {"distinct_members": q1(active_sql(p, a)),
                      "all_events_in_period": q1(f"SELECT COUNT(*) FROM ev WHERE day BETWEEN '{p[0]}' AND '{p[1]}'")}}
    return "figure", exp, {"period": list(p), "action": a}, sql


def action_members(p, a):
    sql = active_sql(p, a)
    exp = {"active_members": q1(sql),
           "detail": {"events": q1(f"SELECT COUNT(*) FROM ev WHERE day BETWEEN '{p[0]}' AND '{p[1]}' AND action = '{a}'"),
                      "active_members_any_action": q1(active_sql(p))}}
    return "figure", exp, {"period": list(p), "action": a}, sql


def new_members(p):
    sql = f"SELECT COUNT(*) FROM firsts WHERE first_day BETWEEN '{p[0]}' AND '{p[1]}'"
    exp = {"new_members": q1(sql), "detail": {"active_members": q1(active_sql(p))}}
    return "figure", exp, {"period": list(p)}, sql


def overlap(pa, pb, aa=None, ab=None, mode="both"):
    if mode == "both":
        sql = f"SELECT COUNT(*) FROM ({active_set_sql(pa, aa)} INTERSECT {active_set_sql(pb, ab)})"
        key = "members_in_both"
    else:
        sql = f"SELECT COUNT(*) FROM ({active_set_sql(pa, aa)} EXCEPT {active_set_sql(pb, ab)})"
        key = "members_in_a_not_b"
    exp = {key: q1(sql), "detail": {"members_a": q1(active_sql(pa, aa)), "members_b": q1(active_sql(pb, ab))}}
    return "figure", exp, {"periods": [list(pa), list(pb)], "action": aa or ab,
                           "actions": [aa, ab]}, sql


def change(pa, pb):
    s1, s2 = active_sql(pa), active_sql(pb)
    a, b = q1(s1), q1(s2)
    exp = {"active_members_earlier": a, "active_members_later": b, "percent_change": pct(b - a, a),
           "detail": {"difference": b - a}}
    return "comparison", exp, {"periods": [list(pa), list(pb)]}, s1 + " ; " + s2


def top5(p):
    sql = (f"SELECT member_id, COUNT(DISTINCT day) AS days FROM ev WHERE day BETWEEN '{p[0]}' AND '{p[1]}' "
           f"GROUP BY member_id ORDER BY days DESC, member_id ASC")
    r = rows(sql)
    top = r[:5]
    tie = len(r) > 5 and r[5][1] == r[4][1]
    ev_sql = (f"SELECT member_id, COUNT(*) AS n FROM ev WHERE day BETWEEN '{p[0]}' AND '{p[1]}' "
              f"GROUP BY member_id ORDER BY n DESC, member_id ASC LIMIT 5")
    exp = {"members": [m for m, _ in top], "note_tie_at_cut": tie,
           "detail": {"active_days": {m: n for m, n in top},
                      "tied_at_cut": [m for m, n in r if n == r[4][1]] if tie else [],
                      "active_members": len(r),
                      "top5_by_events": [m for m, _ in rows(ev_sql)],
                      "top5_by_events_counts": {m: n for m, n in rows(ev_sql)}}}
    return "list", exp, {"period": list(p)}, sql + " LIMIT 6"


def lifecycle(p, prev):
    cur, pre = active_set_sql(p), active_set_sql(prev)
    sql_new = f"SELECT COUNT(*) FROM firsts WHERE first_day BETWEEN '{p[0]}' AND '{p[1]}'"
    sql_ret = f"SELECT COUNT(*) FROM ({cur} INTERSECT {pre})"
    sql_res = (f"SELECT COUNT(*) FROM ({cur} EXCEPT {pre}) x JOIN firsts f ON f.member_id = x.member_id "
               f"WHERE f.first_day < '{prev[0]}'")
    sql_dor = f"SELECT COUNT(*) FROM ({pre} EXCEPT {cur})"
    n, r, s, o = q1(sql_new), q1(sql_ret), q1(sql_res), q1(sql_dor)
    exp = {"new": n, "returning": r, "resurrecting": s, "dormant": o,
           "detail": {"gained": n + s, "lost": o, "active_members": q1(active_sql(p)),
                      "active_members_previous": q1(active_sql(prev))}}
    return "figure", exp, {"period": list(p), "periods": [list(prev), list(p)]}, \
        " ; ".join([sql_new, sql_ret, sql_res, sql_dor])


def month_bounds(ym, plus=0):
    y, m = map(int, ym.split("-"))
    m += plus
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    first = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return first.isoformat(), (nxt - timedelta(days=1)).isoformat()


def retention(ym, n):
    c = month_bounds(ym)
    t = month_bounds(ym, n)
    sql_size = f"SELECT COUNT(*) FROM firsts WHERE first_day BETWEEN '{c[0]}' AND '{c[1]}'"
    sql = (f"SELECT COUNT(*) FROM firsts WHERE first_day BETWEEN '{c[0]}' AND '{c[1]}' AND member_id IN "
           f"(SELECT member_id FROM ev WHERE day BETWEEN '{t[0]}' AND '{t[1]}')")
    size, kept = q1(sql_size), q1(sql)
    exp = {"retained_members": kept, "retention_percent": pct(kept, size),
           "detail": {"cohort_size": size, "target_month": list(t)}}
    return "figure", exp, {"period": list(c), "periods": [list(c), list(t)]}, sql + " ; " + sql_size


def free_form(p):
    s1, s2 = active_sql(p), f"SELECT COUNT(*) FROM ev WHERE day BETWEEN '{p[0]}' AND '{p[1]}'"
    s3 = f"SELECT COUNT(*) FROM firsts WHERE first_day BETWEEN '{p[0]}' AND '{p[1]}'"
    by_action = dict(rows(f"SELECT action, COUNT(*) FROM ev WHERE day BETWEEN '{p[0]}' AND '{p[1]}' GROUP BY action ORDER BY action"))
    exp = {"active_members": q1(s1), "events": q1(s2), "new_members": q1(s3),
           "detail": {"events_by_action": by_action}}
    return "figure", exp, {"period": list(p)}, " ; ".join([s1, s2, s3])


def unanswerable():
    return "unanswerable", {"outcome": "unanswerable"}, {}, ""


# ---------------------------------------------------------------- the questions
Q = []


def add(qid, cat, text, built, reading_text):
    kind, exp, reading, sql = built
    full = {"period": None, "periods": None, "action": None, "as_of": None, "threshold_days": None}
    full.update(reading)
    full.pop("actions", None) if not any(reading.get("actions") or []) else None
    full["text"] = reading_text
    Q.append({"id": qid, "language": "es", "category": cat, "question": text, "expected_kind": kind,
              "expected": exp, "reading": full, "sql": sql})


# inactive_as_of (4)
add("ES-01", "inactive_as_of", "¿Cuántos contributors estaban inactivos a 31/12/2020?",
    inactive("2020-12-31", 30),
    "Miembros con último día activo L <= 2020-12-31 y 2020-12-31 - L >= 30 días (umbral por defecto).")
add("ES-02", "inactive_as_of",
    "A fecha del 15 de junio de 2022, ¿cuántos colaboradores del proyecto se consideran inactivos?",
    inactive("2022-06-15", 30),
    "Inactivos a 2022-06-15 con el umbral por defecto de 30 días.")
add("ES-03", "inactive_as_of", "Inactivos a finales del tercer trimestre de 2019",
    inactive("2019-09-30", 30),
    "Fin del T3 2019 = 2019-09-30; inactivos con umbral de 30 días.")
add("ES-04", "inactive_as_of",
    "Necesito saber cuánta gente estaba inactiva en attrs el 2024-03-01, con el criterio habitual de 30 días sin commits",
    inactive("2024-03-01", 30),
    "Inactivos a 2024-03-01, umbral 30 días.")

# range (3)
add("ES-05", "range", "¿Cuántos contribuidores hicieron al menos un commit del 1 al 15 de marzo de 2021?",
    active_range(("2021-03-01", "2021-03-15")),
    "Miembros distintos con algún evento entre 2021-03-01 y 2021-03-15 (ambos incluidos).")
add("ES-06", "range", "personas activas en el segundo trimestre de 2017",
    active_range(("2017-04-01", "2017-06-30")),
    "Miembros activos entre 2017-04-01 y 2017-06-30.")
add("ES-07", "range", "¿Cuánta gente tuvo actividad en los 30 días anteriores al 1 de septiembre de 2022?",
    active_range(("2022-08-02", "2022-08-31"), alt={"alternative_including_as_of": ("2022-08-02", "2022-09-01")}),
    "Los 30 días anteriores a D = [D-30, D-1] = 2022-08-02 a 2022-08-31.")

# threshold (3)
add("ES-08", "threshold", "El 30/11/2021, ¿cuántos colaboradores llevaban 2 semanas o más sin hacer ningún commit?",
    inactive("2021-11-30", 14),
    "Inactivos a 2021-11-30 con umbral de 14 días (2 semanas).")
add("ES-09", "threshold", "Con un umbral de 90 días, ¿cuántos miembros estaban inactivos el 1 de julio de 2023?",
    inactive("2023-07-01", 90),
    "Inactivos a 2023-07-01 con umbral de 90 días.")
add("ES-10", "threshold", "¿Cuántos contributors llevaban ya 6 meses sin commitear a finales de 2018?",
    inactive("2018-12-31", 180, alt={"alternative_calendar_months_184_days": ("2018-12-31", 184)}),
    "Fin de 2018 = 2018-12-31; 6 meses = 180 días; inactivos con recency >= 180 días. "
    "Alternativa: 6 meses de calendario (desde 2018-06-30, 184 días).")

# custom_action (4)
add("ES-11", "custom_action", "¿Cuántos commits de documentación (docs_update) hubo en 2021?",
    action_events(("2021-01-01", "2021-12-31"), "docs_update"),
    "Número de eventos con acción docs_update entre 2021-01-01 y 2021-12-31.")
add("ES-12", "custom_action", "Número de actualizaciones hechas por bots (bot_update) en el segundo semestre de 2022",
    action_events(("2022-07-01", "2022-12-31"), "bot_update"),
    "Eventos bot_update entre 2022-07-01 y 2022-12-31.")
add("ES-13", "custom_action", "¿Cuántos commits de release se hicieron entre el 01/01/2019 y el 30/06/2020?",
    action_events(("2019-01-01", "2020-06-30"), "release"),
    "Eventos con acción release entre 2019-01-01 y 2020-06-30.")
add("ES-14", "custom_action",
    "¿Cuántas personas distintas hicieron cambios de código (code_change) en agosto de 2022?",
    action_members(("2022-08-01", "2022-08-31"), "code_change"),
    "Miembros distintos con al menos un evento code_change entre 2022-08-01 y 2022-08-31.")

# new_members (3)
add("ES-15", "new_members", "¿Cuántos contribuidores nuevos llegaron al proyecto en 2019?",
    new_members(("2019-01-01", "2019-12-31")),
    "Miembros cuyo primer día activo está entre 2019-01-01 y 2019-12-31.")
add("ES-16", "new_members", "nuevos miembros en el Q4 de 2021",
    new_members(("2021-10-01", "2021-12-31")),
    "Primer día activo entre 2021-10-01 y 2021-12-31.")
add("ES-17", "new_members",
    "Quisiera saber cuántas personas hicieron su primer commit en attrs entre el 1 de julio y el 31 de agosto de 2016.",
    new_members(("2016-07-01", "2016-08-31")),
    "Primer día activo entre 2016-07-01 y 2016-08-31.")

# overlap (2)
add("ES-18", "overlap",
    "¿Cuántos colaboradores estuvieron activos tanto en el primer semestre de 2022 como en el segundo?",
    overlap(("2022-01-01", "2022-06-30"), ("2022-07-01", "2022-12-31")),
    "Miembros activos en 2022-01-01..2022-06-30 y también en 2022-07-01..2022-12-31.")
add("ES-19", "overlap",
    "De la gente que hizo cambios en la documentación (docs_update) en 2023, ¿cuántos no hicieron ningún commit en 2024?",
    overlap(("2023-01-01", "2023-12-31"), ("2024-01-01", "2024-12-31"), aa="docs_update", mode="a_not_b"),
    "Miembros con algún docs_update en 2023 y sin ningún evento (cualquier acción) en 2024.")

# change (3)
add("ES-20", "change", "¿Cómo cambió el número de contribuidores activos entre 2022 y 2023?",
    change(("2022-01-01", "2022-12-31"), ("2023-01-01", "2023-12-31")),
    "Miembros activos en 2022 y en 2023; cambio % = (2023-2022)/2022 x 100, redondeado a 0,1.")
add("ES-21", "change", "Compara los miembros activos del primer trimestre de 2021 con los del primer trimestre de 2022",
    change(("2021-01-01", "2021-03-31"), ("2022-01-01", "2022-03-31")),
    "Activos en T1 2021 (2021-01-01..2021-03-31) frente a T1 2022 (2022-01-01..2022-03-31); cambio %.")
add("ES-22", "change",
    "¿subió o bajó el número de personas activas de julio a octubre de 2019? dame el porcentaje",
    change(("2019-07-01", "2019-07-31"), ("2019-10-01", "2019-10-31")),
    "Activos en julio de 2019 frente a octubre de 2019 (meses completos); cambio %.")

# top5 (2)
add("ES-23", "top5", "¿Quiénes fueron los 5 contribuidores más activos en 2021?",
    top5(("2021-01-01", "2021-12-31")),
    "Top 5 por días activos distintos en 2021, empates por member_id.")
add("ES-24", "top5", "Top 5 de colaboradores más activos de 2023, por favor",
    top5(("2023-01-01", "2023-12-31")),
    "Top 5 por días activos distintos entre 2023-01-01 y 2023-12-31, empates por member_id.")

# lifecycle (2)
add("ES-25", "lifecycle",
    "Ciclo de vida de noviembre de 2021 respecto a octubre: ¿cuántos nuevos, recurrentes, reactivados y dormidos?",
    lifecycle(("2021-11-01", "2021-11-30"), ("2021-10-01", "2021-10-31")),
    "Mes 2021-11 frente a 2021-10: nuevos, recurrentes (activos en ambos), resucitados (activos en nov., no en oct., pero antes), dormidos (activos en oct., no en nov.).")
add("ES-26", "lifecycle",
    "Dame el desglose nuevos / recurrentes / resucitados / dormidos del Q3 2022 frente al trimestre anterior",
    lifecycle(("2022-07-01", "2022-09-30"), ("2022-04-01", "2022-06-30")),
    "T3 2022 (2022-07-01..2022-09-30) frente a T2 2022 (2022-04-01..2022-06-30).")

# retention (1)
add("ES-27", "retention",
    "De la cohorte que hizo su primer commit en agosto de 2022, ¿cuántos seguían activos 4 meses después, en diciembre de 2022? ¿Qué porcentaje es?",
    retention("2022-08", 4),
    "Cohorte: primer día activo en 2022-08; retenidos: activos en el mes calendario 2022-12 (M+4).")

# unanswerable (2)
add("ES-28", "unanswerable", "¿Cuántas estrellas ganó el repositorio en 2022?", unanswerable(),
    "Los datos sólo contienen commits; no hay estrellas.")
add("ES-29", "unanswerable", "¿Cuántas líneas de código se añadieron en marzo de 2021?", unanswerable(),
    "Los datos no contienen líneas añadidas/borradas, sólo un evento por commit.")

# free_form (1)
add("ES-30", "free_form", "¿Qué pasó en diciembre de 2021?",
    free_form(("2021-12-01", "2021-12-31")),
    "Resumen de 2021-12: miembros activos, eventos y miembros nuevos.")


def main():
    path = os.path.join(HERE, "questions.json")
    data = json.loads(json.dumps(Q, ensure_ascii=False))
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as f:
            old = json.load(f)
        old_by = {q["id"]: q for q in old}
        bad = 0
        for q in data:
            o = old_by.get(q["id"])
            if o is None or o["expected"] != q["expected"] or o["sql"] != q["sql"]:
                bad += 1
                print(f"DIFF {q['id']}: stored {o and o['expected']} vs computed {q['expected']}")
        if len(old) != len(data):
            bad += 1
            print(f"DIFF count: stored {len(old)} vs computed {len(data)}")
        print("OK" if not bad else f"{bad} difference(s)")
        sys.exit(1 if bad else 0)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {len(data)} questions to {path}")


if __name__ == "__main__":
    main()
