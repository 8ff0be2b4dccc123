#!/usr/bin/env python3
"""Recompute every expected figure by SQL over events.csv (in-memory SQLite) and rewrite questions.json.

  expected.py          rewrite questions.json
  expected.py --check  exit 1 if questions.json differs from the recomputation
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DAY = "substr(occurred_at,1,10)"


def pct(later, earlier):
    if not earlier:
        return None
    return float((Decimal(later - earlier) * 100 / Decimal(earlier)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def ratio(part, whole):
    if not whole:
        return None
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def add_months(ym, n):
    y, m = map(int, ym.split("-"))
    m += n
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    return f"{y:04d}-{m:02d}"


def act(a):
    return f" AND action = '{a}'" if a else ""


# ---------------------------------------------------------------- question definitions
# reading keys: as_of, threshold_days, period [a,b], periods [[a,b],[c,d]], action, cohort, months_later, text
Q = [
 dict(id="ES-01", category="inactive_as_of", question="¿Cuántos miembros estaban inactivos a fecha de 30/06/2016?",
      reading=dict(as_of="2016-06-30", threshold_days=30,
                   text="Inactivos al 2016-06-30 con el umbral por defecto de 30 días: último día activo L <= 2016-06-30 y 2016-06-30 - L >= 30.")),
 dict(id="ES-02", category="inactive_as_of", follows="ES-01", question="¿Y un año después?",
      reading=dict(as_of="2017-06-30", threshold_days=30,
                   text="Igual que ES-01 pero a fecha de 2017-06-30 (cambia solo la fecha de corte).")),
 dict(id="ES-03", category="inactive_as_of",
      question="al cierre del 4T 2021 cuanta gente se podía considerar inactiva?",
      reading=dict(as_of="2021-12-31", threshold_days=30,
                   text="Fin del cuarto trimestre de 2021 = 2021-12-31; umbral por defecto 30 días.")),
 dict(id="ES-04", category="threshold",
      question="Si pongo el umbral en 8 semanas, ¿cuántos contribuidores salen como inactivos el 15/11/2018?",
      reading=dict(as_of="2018-11-15", threshold_days=56,
                   text="8 semanas = 56 días; inactivos al 2018-11-15 con D - L >= 56.")),
 dict(id="ES-05", category="threshold", follows="ES-04", question="¿y con 90 días?",
      reading=dict(as_of="2018-11-15", threshold_days=90,
                   text="Igual que ES-04 pero con umbral de 90 días (cambia solo el umbral).")),
 dict(id="ES-06", category="threshold",
      question="Necesito los inactivos a 31-12-2014 pero tomando 6 meses sin actividad como criterio. ¿Cuántos son?",
      reading=dict(as_of="2014-12-31", threshold_days=180,
                   text="6 meses = 180 días (un mes = 30 días como umbral); inactivos al 2014-12-31 con D - L >= 180.")),
 dict(id="ES-07", category="range",
      question="¿Cuánta gente tuvo actividad entre el 1 de marzo y el 31 de mayo de 2014?",
      reading=dict(period=["2014-03-01", "2014-05-31"],
                   text="Miembros con al menos un evento (cualquier acción) entre 2014-03-01 y 2014-05-31, ambos incluidos.")),
 dict(id="ES-08", category="range",
      question="Oye, ¿cuántos miembros activos tuvimos en el primer semestre de 2016?",
      reading=dict(period=["2016-01-01", "2016-06-30"],
                   text="Primer semestre de 2016 = 2016-01-01 a 2016-06-30; miembros con al menos un evento.")),
 dict(id="ES-09", category="range",
      question="cuantos participaron en los 90 dias antes del 01/12/2017",
      reading=dict(period=["2017-09-02", "2017-11-30"],
                   text="Los 90 días antes de D = [D-90, D-1] = 2017-09-02 a 2017-11-30.")),
 dict(id="ES-10", category="custom_action", ask="events",
      question="¿Cuántos commits de publicación de versión (releases) se hicieron en 2014?",
      reading=dict(period=["2014-01-01", "2014-12-31"], action="release",
                   text="Eventos con acción release en 2014 (cuenta eventos; las personas van en el detalle).")),
 dict(id="ES-11", category="custom_action", ask="members",
      question="Entre enero y junio de 2013, ¿cuántas personas tocaron los tests?",
      reading=dict(period=["2013-01-01", "2013-06-30"], action="test_change",
                   text="Miembros con al menos un evento test_change entre 2013-01-01 y 2013-06-30 (cuenta personas; los eventos van en el detalle).")),
 dict(id="ES-12", category="custom_action", ask="members", follows="ES-11",
      question="¿y cuántas hicieron cambios de documentación?",
      reading=dict(period=["2013-01-01", "2013-06-30"], action="docs_change",
                   text="Igual que ES-11 pero con la acción docs_change (cambia solo la acción).")),
 dict(id="ES-13", category="custom_action", ask="events",
      question="¿Cuántas actualizaciones automáticas del bot entraron durante 2022?",
      reading=dict(period=["2022-01-01", "2022-12-31"], action="bot_update",
                   text="Eventos bot_update entre 2022-01-01 y 2022-12-31.")),
 dict(id="ES-14", category="new_members",
      question="¿Cuántos miembros nuevos llegaron en 2016?",
      reading=dict(period=["2016-01-01", "2016-12-31"],
                   text="Miembros cuyo primer día activo de toda la historia cae entre 2016-01-01 y 2016-12-31.")),
 dict(id="ES-15", category="new_members", follows="ES-14", question="¿Lo mismo en 2018?",
      reading=dict(period=["2018-01-01", "2018-12-31"],
                   text="Igual que ES-14 pero para 2018 (cambia solo el periodo).")),
 dict(id="ES-16", category="new_members",
      question="Che, ¿cuánta gente nueva se sumó en los últimos tres meses de 2017?",
      reading=dict(period=["2017-10-01", "2017-12-31"],
                   text="Últimos tres meses de 2017 = 2017-10-01 a 2017-12-31; primer día activo en ese periodo.")),
 dict(id="ES-17", category="overlap",
      question="¿Cuántos contribuidores estuvieron activos tanto en el primer semestre de 2016 como en el segundo?",
      reading=dict(periods=[["2016-01-01", "2016-06-30"], ["2016-07-01", "2016-12-31"]],
                   text="Miembros activos en 2016-01-01..2016-06-30 y también en 2016-07-01..2016-12-31.")),
 dict(id="ES-18", category="overlap", mode="first_not_second",
      question="Dime cuántos tuvieron actividad en 2017 pero ya no aparecieron en 2018.",
      reading=dict(periods=[["2017-01-01", "2017-12-31"], ["2018-01-01", "2018-12-31"]],
                   text="Miembros activos en 2017 y sin ningún evento en 2018.")),
 dict(id="ES-19", category="change",
      question="¿En qué porcentaje varió la cantidad de miembros activos de 2015 a 2016?",
      reading=dict(periods=[["2015-01-01", "2015-12-31"], ["2016-01-01", "2016-12-31"]],
                   text="Activos en 2015 y en 2016; cambio % = (2016 - 2015) / 2015 * 100, redondeado a 0,1 (mitad hacia arriba).")),
 dict(id="ES-20", category="change",
      question="Comparando la primera mitad de 2019 con la de 2020, ¿subió o bajó la gente activa? ¿cuánto?",
      reading=dict(periods=[["2019-01-01", "2019-06-30"], ["2020-01-01", "2020-06-30"]],
                   text="Activos en 2019-01-01..2019-06-30 frente a 2020-01-01..2020-06-30; cambio % = (posterior - anterior) / anterior * 100.")),
 dict(id="ES-21", category="top5",
      question="Pásame el top 5 de la gente más activa de 2016, por favor",
      reading=dict(period=["2016-01-01", "2016-12-31"],
                   text="Ranking por días activos distintos en 2016; empates por member_id ascendente.")),
 dict(id="ES-22", category="top5",
      question="¿Quiénes fueron las cinco personas que más días participaron entre el 01/01/2020 y el 31/12/2021?",
      reading=dict(period=["2020-01-01", "2021-12-31"],
                   text="Ranking por días activos distintos entre 2020-01-01 y 2021-12-31; empates por member_id.")),
 dict(id="ES-23", category="lifecycle",
      question="Necesito el desglose de enero 2018 frente a diciembre: nuevos, los que repiten, los que volvieron y los que se durmieron",
      reading=dict(period=["2018-01-01", "2018-01-31"], periods=[["2017-12-01", "2017-12-31"], ["2018-01-01", "2018-01-31"]],
                   text="Ciclo de vida de enero 2018 contra diciembre 2017: new, returning, resurrecting, dormant.")),
 dict(id="ES-24", category="lifecycle",
      question="¿Cómo queda el ciclo de vida del segundo trimestre de 2020 respecto al trimestre anterior?",
      reading=dict(period=["2020-04-01", "2020-06-30"], periods=[["2020-01-01", "2020-03-31"], ["2020-04-01", "2020-06-30"]],
                   text="Ciclo de vida del 2T 2020 contra el 1T 2020: new, returning, resurrecting, dormant.")),
 dict(id="ES-25", category="retention",
      question="De los que hicieron su primera contribución en octubre de 2009, ¿cuántos seguían activos al mes siguiente?",
      reading=dict(cohort="2009-10", months_later=1,
                   text="Cohorte: primer evento en 2009-10; retenidos = activos en el mes natural 2009-11; cantidad y %.")),
 dict(id="ES-26", category="retention",
      question="retención de la cohorte de dic. 2014 a los 3 meses?",
      reading=dict(cohort="2014-12", months_later=3,
                   text="Cohorte: primer evento en 2014-12; retenidos = activos en el mes natural 2015-03; cantidad y %.")),
 dict(id="ES-27", category="unanswerable", expected_kind="unanswerable",
      question="¿De qué países son los que más contribuyeron en 2016?",
      reading=dict(text="Los datos no tienen país ni ubicación de los miembros."),
      why="Los datos solo tienen eventos (quién, cuándo, acción, carpeta); no hay país ni ubicación de los miembros."),
 dict(id="ES-28", category="unanswerable", expected_kind="unanswerable",
      question="¿Qué motivos dio la gente para dejar de participar después de 2014?",
      reading=dict(text="Los datos no registran razones de abandono ni encuestas."),
      why="No hay encuestas ni motivos de abandono en los datos; solo se puede ver que dejaron de tener eventos, no por qué."),
 dict(id="ES-29", category="free_form",
      question="¿Qué pasó en julio de 2023?",
      reading=dict(period=["2023-07-01", "2023-07-31"],
                   text="Resumen del mes 2023-07: miembros activos, eventos y miembros nuevos.")),
 dict(id="ES-30", category="free_form",
      question="cuéntame un poco cómo fue mayo del 2016 en la comunidad",
      reading=dict(period=["2016-05-01", "2016-05-31"],
                   text="Resumen del mes 2016-05: miembros activos, eventos y miembros nuevos.")),
]


# ---------------------------------------------------------------- computation
def one(db, sql):
    cur = db.execute(sql)
    cols = [c[0] for c in cur.description]
    return dict(zip(cols, cur.fetchone()))


def compute(db, q):
    c, r = q["category"], q["reading"]
    a = r.get("action")
    if c in ("inactive_as_of", "threshold"):
        D, I = r["as_of"], r["threshold_days"]
        sql = (f"WITH last AS (SELECT member_id, MAX({DAY}) AS l FROM events WHERE {DAY} <= '{D}' GROUP BY member_id) "
               f"SELECT (SELECT COUNT(*) FROM last WHERE julianday('{D}') - julianday(l) >= {I}) AS inactive, "
               f"(SELECT COUNT(*) FROM last) AS scored, "
               f"(SELECT COUNT(DISTINCT member_id) FROM events) - (SELECT COUNT(*) FROM last) AS never")
        x = one(db, sql)
        exp = {"inactive_members": x["inactive"],
               "detail": {"members_active_by_as_of": x["scored"],
                          "active_within_threshold": x["scored"] - x["inactive"],
                          "never_active_by_as_of": x["never"]}}
        return "figure", exp, sql
    if c in ("range", "custom_action"):
        A, B = r["period"]
        sql = (f"SELECT COUNT(DISTINCT member_id) AS members, COUNT(*) AS events FROM events "
               f"WHERE {DAY} BETWEEN '{A}' AND '{B}'{act(a)}")
        x = one(db, sql)
        if c == "range":
            return "figure", {"active_members": x["members"], "detail": {"events": x["events"]}}, sql
        if q["ask"] == "events":
            return "figure", {"events": x["events"], "detail": {"members": x["members"], "action": a}}, sql
        return "figure", {"members": x["members"], "detail": {"events": x["events"], "action": a}}, sql
    if c in ("new_members", "free_form"):
        A, B = r["period"]
        sql = (f"WITH f AS (SELECT member_id, MIN({DAY}) AS f FROM events GROUP BY member_id) "
               f"SELECT (SELECT COUNT(*) FROM f WHERE f BETWEEN '{A}' AND '{B}') AS new_members, "
               f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE {DAY} BETWEEN '{A}' AND '{B}') AS active_members, "
               f"(SELECT COUNT(*) FROM events WHERE {DAY} BETWEEN '{A}' AND '{B}') AS events")
        x = one(db, sql)
        if c == "new_members":
            return "figure", {"new_members": x["new_members"],
                              "detail": {"active_members": x["active_members"], "events": x["events"]}}, sql
        by = db.execute(f"SELECT action, COUNT(*) FROM events WHERE {DAY} BETWEEN '{A}' AND '{B}' "
                        f"GROUP BY action ORDER BY action").fetchall()
        return "figure", {"active_members": x["active_members"], "events": x["events"],
                          "new_members": x["new_members"], "detail": {"events_by_action": dict(by)}}, sql
    if c in ("overlap", "change"):
        (A, B), (C, E) = r["periods"]
        sql = (f"WITH p1 AS (SELECT DISTINCT member_id FROM events WHERE {DAY} BETWEEN '{A}' AND '{B}'), "
               f"p2 AS (SELECT DISTINCT member_id FROM events WHERE {DAY} BETWEEN '{C}' AND '{E}') "
               f"SELECT (SELECT COUNT(*) FROM p1) AS first, (SELECT COUNT(*) FROM p2) AS second, "
               f"(SELECT COUNT(*) FROM p1 WHERE member_id IN p2) AS both, "
               f"(SELECT COUNT(*) FROM p1 WHERE member_id NOT IN p2) AS first_only")
        x = one(db, sql)
        if c == "change":
            return "figure", {"active_earlier": x["first"], "active_later": x["second"],
                              "percent_change": pct(x["second"], x["first"]),
                              "detail": {"difference": x["second"] - x["first"], "active_in_both": x["both"]}}, sql
        if q.get("mode") == "first_not_second":
            return "figure", {"members": x["first_only"],
                              "detail": {"active_first": x["first"], "active_second": x["second"], "active_in_both": x["both"]}}, sql
        return "figure", {"members": x["both"],
                          "detail": {"active_first": x["first"], "active_second": x["second"], "first_only": x["first_only"]}}, sql
    if c == "top5":
        A, B = r["period"]
        sql = (f"SELECT member_id, COUNT(DISTINCT {DAY}) AS active_days FROM events "
               f"WHERE {DAY} BETWEEN '{A}' AND '{B}' GROUP BY member_id ORDER BY active_days DESC, member_id ASC")
        rows = db.execute(sql).fetchall()
        top = rows[:5]
        cut = top[-1][1]
        exp = {"members": [{"member_id": m, "active_days": d} for m, d in top],
               "detail": {"tie_at_cut": len(rows) > 5 and rows[5][1] == cut,
                          "members_at_cut_value": sum(1 for _, d in rows if d == cut),
                          "active_members": len(rows)}}
        return "list", exp, sql
    if c == "lifecycle":
        (PA, PB), (A, B) = r["periods"]
        sql = (f"WITH cur AS (SELECT DISTINCT member_id FROM events WHERE {DAY} BETWEEN '{A}' AND '{B}'), "
               f"prev AS (SELECT DISTINCT member_id FROM events WHERE {DAY} BETWEEN '{PA}' AND '{PB}'), "
               f"f AS (SELECT member_id, MIN({DAY}) AS f FROM events GROUP BY member_id) "
               f"SELECT (SELECT COUNT(*) FROM cur JOIN f USING (member_id) WHERE f.f >= '{A}') AS new, "
               f"(SELECT COUNT(*) FROM cur WHERE member_id IN prev) AS returning_, "
               f"(SELECT COUNT(*) FROM cur JOIN f USING (member_id) WHERE member_id NOT IN prev AND f.f < '{PA}') AS resurrecting, "
               f"(SELECT COUNT(*) FROM prev WHERE member_id NOT IN cur) AS dormant, "
               f"(SELECT COUNT(*) FROM cur) AS active, (SELECT COUNT(*) FROM prev) AS active_previous")
        x = one(db, sql)
        return "figure", {"new": x["new"], "returning": x["returning_"], "resurrecting": x["resurrecting"],
                          "dormant": x["dormant"],
                          "detail": {"active": x["active"], "active_previous": x["active_previous"],
                                     "gained": x["new"] + x["resurrecting"], "lost": x["dormant"]}}, sql
    if c == "retention":
        M, N = r["cohort"], r["months_later"]
        T = add_months(M, N)
        sql = (f"WITH f AS (SELECT member_id, MIN({DAY}) AS f FROM events GROUP BY member_id), "
               f"c AS (SELECT member_id FROM f WHERE substr(f,1,7) = '{M}') "
               f"SELECT (SELECT COUNT(*) FROM c) AS cohort, "
               f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE substr(occurred_at,1,7) = '{T}' "
               f"AND member_id IN c) AS retained")
        x = one(db, sql)
        return "figure", {"retained": x["retained"], "percent": ratio(x["retained"], x["cohort"]),
                          "detail": {"cohort_size": x["cohort"], "target_month": T}}, sql
    if c == "unanswerable":
        return "unanswerable", {"outcome": "unanswerable", "detail": q["why"]}, None
    raise ValueError(c)


def build():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, content_id TEXT)")
    with open(os.path.join(HERE, "events.csv"), newline="") as f:
        rd = csv.reader(f)
        next(rd)
        db.executemany("INSERT INTO events VALUES (?,?,?,?,?)", rd)
    out = []
    for q in Q:
        kind, exp, sql = compute(db, q)
        item = {"id": q["id"], "language": "es", "category": q["category"], "question": q["question"],
                "expected_kind": kind, "expected": exp, "reading": q["reading"], "sql": sql}
        if q.get("follows"):
            item["follows"] = q["follows"]
        out.append(item)
    return out


def main():
    out = build()
    path = os.path.join(HERE, "questions.json")
    text = json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv:
        try:
            old = json.load(open(path, encoding="utf-8"))
        except FileNotFoundError:
            print("questions.json missing"); sys.exit(1)
        if old != out:
            bad = [n["id"] for o, n in zip(old, out) if o != n] + (["<length>"] if len(old) != len(out) else [])
            print("DIFFERENT:", ", ".join(bad)); sys.exit(1)
        print(f"OK: {len(out)} questions match"); return
    open(path, "w", encoding="utf-8").write(text)
    print(f"wrote {len(out)} questions")


if __name__ == "__main__":
    main()
