#!/usr/bin/env python3
"""Compute every question's expected figures by SQL over events.csv (in-memory SQLite).

Usage: expected.py          -> rewrites questions.json
       expected.py --check  -> exits 1 if questions.json differs from the recomputed figures
Table: events(event_id, member_id, occurred_at, action, content_id, day)  with day = UTC date of occurred_at.
"""
import csv, json, os, sqlite3, sys
from decimal import Decimal, ROUND_HALF_UP

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def load():
    db = sqlite3.connect(":memory:")
    db.row_factory = sqlite3.Row
    db.execute("create table events(event_id text primary key, member_id text, occurred_at text, action text, content_id text, day text)")
    with open(os.path.join(OUT, "events.csv"), newline="") as f:
        for r in csv.DictReader(f):
            db.execute("insert into events values(?,?,?,?,?,?)", (r["event_id"], r["member_id"], r["occurred_at"],
                       r["action"], r["content_id"], r["occurred_at"][:10]))
    return db

# ---------- SQL builders ----------
def inactive_sql(d, i, action=None):
    act = f" and action = '{action}'" if action else ""
    return f"""with last as (select member_id, max(day) as l from events where day <= '{d}'{act} group by member_id)
select sum(julianday('{d}') - julianday(l) >= {i}) as inactive_members,
       sum(julianday('{d}') - julianday(l) < {i}) as active_within_threshold,
       (select count(distinct member_id) from events) - count(*) as never_active_by_as_of
from last"""

def range_sql(a, b, action=None):
    act = f" and action = '{action}'" if action else ""
    return f"""select count(distinct member_id) as active_members, count(*) as events
from events where day between '{a}' and '{b}'{act}"""

def custom_sql(a, b, action):
    return f"""select count(*) as events, count(distinct member_id) as members
from events where action = '{action}' and day between '{a}' and '{b}'"""

def new_sql(a, b):
    return f"""with f as (select member_id, min(day) as first_day from events group by member_id)
select count(*) as new_members from f where first_day between '{a}' and '{b}'"""

def overlap_sql(a1, b1, a2, b2, both=True):
    op = "intersect" if both else "except"
    name = "members_in_both" if both else "members_first_not_second"
    return f"""select count(*) as {name},
  (select count(distinct member_id) from events where day between '{a1}' and '{b1}') as active_first,
  (select count(distinct member_id) from events where day between '{a2}' and '{b2}') as active_second
from (select member_id from events where day between '{a1}' and '{b1}'
      {op}
      select member_id from events where day between '{a2}' and '{b2}')"""

def change_sql(a1, b1, a2, b2):
    return f"""select (select count(distinct member_id) from events where day between '{a1}' and '{b1}') as active_earlier,
       (select count(distinct member_id) from events where day between '{a2}' and '{b2}') as active_later"""

def top5_sql(a, b):
    return f"""with d as (select member_id, count(distinct day) as active_days from events
                where day between '{a}' and '{b}' group by member_id),
r as (select member_id, active_days, row_number() over (order by active_days desc, member_id) as rnk from d)
select member_id, active_days, rnk,
       active_days = (select active_days from r where rnk = 5) as at_cut_value
from r order by rnk"""

def lifecycle_sql(pa, pb, a, b):
    # previous period [pa, pb], period [a, b]
    return f"""with cur as (select distinct member_id from events where day between '{a}' and '{b}'),
prev as (select distinct member_id from events where day between '{pa}' and '{pb}'),
f as (select member_id, min(day) as first_day from events group by member_id)
select
 (select count(*) from cur join f using(member_id) where first_day between '{a}' and '{b}') as new,
 (select count(*) from cur where member_id in (select member_id from prev)) as "returning",
 (select count(*) from cur join f using(member_id) where first_day < '{a}'
     and member_id not in (select member_id from prev)) as resurrecting,
 (select count(*) from prev where member_id not in (select member_id from cur)) as dormant,
 (select count(*) from cur) as active_in_period,
 (select count(*) from prev) as active_in_previous"""

def retention_sql(cohort_month, target_month):
    return f"""with f as (select member_id, substr(min(day),1,7) as m from events group by member_id),
c as (select member_id from f where m = '{cohort_month}')
select count(*) as cohort_size,
 (select count(distinct member_id) from events where substr(day,1,7) = '{target_month}'
     and member_id in (select member_id from c)) as retained_members
from c"""

def free_sql(a, b):
    return f"""with f as (select member_id, min(day) as first_day from events group by member_id)
select count(distinct member_id) as active_members, count(*) as events,
 (select count(*) from f where first_day between '{a}' and '{b}') as new_members,
 (select group_concat(action || '=' || n, ';') from (select action, count(*) n from events
     where day between '{a}' and '{b}' group by action order by action)) as events_by_action
from events where day between '{a}' and '{b}'"""

UNANS_SQL = "select name from pragma_table_info('events')"

# ---------- questions ----------
Q = []
def q(id, cat, text, kind, reading, sql, shape, top=None, follows=None, fixed=None):
    Q.append(dict(id=id, category=cat, question=text, kind=kind, reading=reading, sql=sql, shape=shape,
                  top=top or [], follows=follows, fixed=fixed))

q("ES-01", "inactive_as_of", "¿Cuántos miembros estaban inactivos al 31 de diciembre de 2021?", "figure",
  {"as_of": "2021-12-31", "threshold_days": 30, "action": None, "text": "inactivos a 2021-12-31, umbral por defecto 30 días"},
  inactive_sql("2021-12-31", 30), "row", ["inactive_members"])
q("ES-02", "inactive_as_of", "Necesito saber cuántos colaboradores figuraban como inactivos a fecha 30/06/2023, por favor.", "figure",
  {"as_of": "2023-06-30", "threshold_days": 30, "action": None, "text": "inactivos a 2023-06-30, umbral 30 días"},
  inactive_sql("2023-06-30", 30), "row", ["inactive_members"])
q("ES-03", "threshold", "¿Y si subimos el umbral a 90 días?", "figure",
  {"as_of": "2023-06-30", "threshold_days": 90, "action": None, "text": "misma fecha que ES-02 (2023-06-30) con umbral 90 días"},
  inactive_sql("2023-06-30", 90), "row", ["inactive_members"], follows="ES-02")
q("ES-04", "inactive_as_of", "a finales de abril de 2019 cuanta gente de la comunidad contaba como inactiva?", "figure",
  {"as_of": "2019-04-30", "threshold_days": 30, "action": None, "text": "fin de abril de 2019 = 2019-04-30, umbral 30 días"},
  inactive_sql("2019-04-30", 30), "row", ["inactive_members"])
q("ES-05", "threshold", "¿Cuántos miembros llevaban 6 meses o más sin ninguna actividad el 1 de septiembre de 2022?", "figure",
  {"as_of": "2022-09-01", "threshold_days": 180, "action": None, "text": "6 meses = 180 días; inactivos a 2022-09-01 con umbral 180"},
  inactive_sql("2022-09-01", 180), "row", ["inactive_members"])
q("ES-06", "threshold", "Con un umbral de dos semanas, ¿cuántos estaban inactivos el 15/03/2024?", "figure",
  {"as_of": "2024-03-15", "threshold_days": 14, "action": None, "text": "2 semanas = 14 días; inactivos a 2024-03-15"},
  inactive_sql("2024-03-15", 14), "row", ["inactive_members"])
q("ES-07", "range", "¿Cuántas personas tuvieron actividad entre el 2 y el 20 de mayo de 2019?", "figure",
  {"period": ["2019-05-02", "2019-05-20"], "action": None, "text": "miembros activos (cualquier acción) del 2019-05-02 al 2019-05-20, ambos incluidos"},
  range_sql("2019-05-02", "2019-05-20"), "row", ["active_members"])
q("ES-08", "range", "oye, ¿cuántos usuarios activos tuvimos en el primer trimestre de 2021?", "figure",
  {"period": ["2021-01-01", "2021-03-31"], "action": None, "text": "miembros activos en T1 2021"},
  range_sql("2021-01-01", "2021-03-31"), "row", ["active_members"])
q("ES-09", "range", "¿Y contando solo los que hicieron code_change?", "figure",
  {"period": ["2021-01-01", "2021-03-31"], "action": "code_change", "text": "mismo periodo que ES-08 (T1 2021), solo la acción code_change"},
  range_sql("2021-01-01", "2021-03-31", "code_change"), "row", ["active_members"], follows="ES-08")
q("ES-10", "custom_action", "¿Cuántos eventos de tipo release se registraron en 2021?", "figure",
  {"period": ["2021-01-01", "2021-12-31"], "action": "release", "text": "número de eventos release en 2021 (personas en detail)"},
  custom_sql("2021-01-01", "2021-12-31", "release"), "row", ["events"])
q("ES-11", "custom_action", "¿y en 2023?", "figure",
  {"period": ["2023-01-01", "2023-12-31"], "action": "release", "text": "como ES-10 pero en 2023: eventos release"},
  custom_sql("2023-01-01", "2023-12-31", "release"), "row", ["events"], follows="ES-10")
q("ES-12", "custom_action", "¿Cuántas personas hicieron algún docs_change durante 2021?", "figure",
  {"period": ["2021-01-01", "2021-12-31"], "action": "docs_change", "text": "miembros distintos con docs_change en 2021 (eventos en detail)"},
  custom_sql("2021-01-01", "2021-12-31", "docs_change"), "row", ["members"])
q("ES-13", "custom_action", "Cuántos bot_update hubo del 1 de junio al 31 de agosto de 2020?", "figure",
  {"period": ["2020-06-01", "2020-08-31"], "action": "bot_update", "text": "número de eventos bot_update del 2020-06-01 al 2020-08-31"},
  custom_sql("2020-06-01", "2020-08-31", "bot_update"), "row", ["events"])
q("ES-14", "new_members", "¿Cuántos miembros nuevos se sumaron a lo largo de 2021?", "figure",
  {"period": ["2021-01-01", "2021-12-31"], "text": "miembros cuyo primer día activo cae en 2021"},
  new_sql("2021-01-01", "2021-12-31"), "row", ["new_members"])
q("ES-15", "new_members", "Vale, ¿y en el segundo semestre de 2018?", "figure",
  {"period": ["2018-07-01", "2018-12-31"], "text": "como ES-14 pero para S2 2018"},
  new_sql("2018-07-01", "2018-12-31"), "row", ["new_members"], follows="ES-14")
q("ES-16", "new_members", "Nuevos contribuidores en el 2º trimestre de 2019, ¿cuántos fueron?", "figure",
  {"period": ["2019-04-01", "2019-06-30"], "text": "miembros cuyo primer día activo cae en T2 2019"},
  new_sql("2019-04-01", "2019-06-30"), "row", ["new_members"])
q("ES-17", "overlap", "De los que participaron en 2021, ¿cuántos también estuvieron activos en 2022?", "figure",
  {"periods": [["2021-01-01", "2021-12-31"], ["2022-01-01", "2022-12-31"]], "text": "activos en ambos años"},
  overlap_sql("2021-01-01", "2021-12-31", "2022-01-01", "2022-12-31", True), "row", ["members_in_both"])
q("ES-18", "overlap", "¿Cuánta gente activa en 2023 no volvió a aparecer en 2024?", "figure",
  {"periods": [["2023-01-01", "2023-12-31"], ["2024-01-01", "2024-12-31"]], "text": "activos en 2023 y no en 2024"},
  overlap_sql("2023-01-01", "2023-12-31", "2024-01-01", "2024-12-31", False), "row", ["members_first_not_second"])
q("ES-19", "change", "¿Podría indicarme cómo varió el número de miembros activos de 2020 a 2021? Deme también el porcentaje.", "figure",
  {"periods": [["2020-01-01", "2020-12-31"], ["2021-01-01", "2021-12-31"]], "text": "activos 2020 vs 2021, % = (2021-2020)/2020*100"},
  change_sql("2020-01-01", "2020-12-31", "2021-01-01", "2021-12-31"), "change")
q("ES-20", "change", "Comparado con el primer semestre de 2023, ¿cuánto cambió la cantidad de activos en el primer semestre de 2024?", "figure",
  {"periods": [["2023-01-01", "2023-06-30"], ["2024-01-01", "2024-06-30"]], "text": "activos S1 2023 vs S1 2024"},
  change_sql("2023-01-01", "2023-06-30", "2024-01-01", "2024-06-30"), "change")
q("ES-21", "top5", "Top 5 de miembros más activos en 2021 (por días con actividad)", "list",
  {"period": ["2021-01-01", "2021-12-31"], "text": "top 5 por días activos distintos en 2021, empates por member_id"},
  top5_sql("2021-01-01", "2021-12-31"), "top5")
q("ES-22", "top5", "¿quiénes fueron los 5 más constantes en 2024? o sea, los que más días distintos tuvieron actividad", "list",
  {"period": ["2024-01-01", "2024-12-31"], "text": "top 5 por días activos distintos en 2024"},
  top5_sql("2024-01-01", "2024-12-31"), "top5")
q("ES-23", "lifecycle", "Lifecycle del segundo trimestre de 2021 respecto al primero: nuevos, recurrentes, resucitados y dormidos.", "figure",
  {"period": ["2021-04-01", "2021-06-30"], "previous": ["2021-01-01", "2021-03-31"], "text": "ciclo de vida T2 2021 frente a T1 2021"},
  lifecycle_sql("2021-01-01", "2021-03-31", "2021-04-01", "2021-06-30"), "row", ["new", "returning", "resurrecting", "dormant"])
q("ES-24", "lifecycle", "Para enero de 2021 frente a diciembre de 2020, ¿cuántos new, returning, resurrecting y dormant tenemos?", "figure",
  {"period": ["2021-01-01", "2021-01-31"], "previous": ["2020-12-01", "2020-12-31"], "text": "ciclo de vida enero 2021 frente a diciembre 2020"},
  lifecycle_sql("2020-12-01", "2020-12-31", "2021-01-01", "2021-01-31"), "row", ["new", "returning", "resurrecting", "dormant"])
q("ES-25", "retention", "De la cohorte de mayo de 2021, ¿cuántos seguían activos al mes siguiente?", "figure",
  {"cohort": "2021-05", "after_months": 1, "target_month": "2021-06", "text": "cohorte 2021-05, activos en 2021-06"},
  retention_sql("2021-05", "2021-06"), "retention")
q("ES-26", "retention", "retencion a 2 meses de los q empezaron en noviembre de 2020 (cantidad y %)", "figure",
  {"cohort": "2020-11", "after_months": 2, "target_month": "2021-01", "text": "cohorte 2020-11, activos en 2021-01"},
  retention_sql("2020-11", "2021-01"), "retention")
q("ES-27", "unanswerable", "¿Me podría decir cuántos de nuestros colaboradores son de México o de Argentina?", "unanswerable",
  {"text": "los datos no tienen país ni ubicación de los miembros"},
  UNANS_SQL, "fixed", fixed={"outcome": "unanswerable", "detail": "events/members carry no country or location of members"})
q("ES-28", "unanswerable", "¿Qué tan satisfechos están los miembros con la revisión de sus pull requests? ¿Hay alguna encuesta?", "unanswerable",
  {"text": "no hay datos de satisfacción, encuestas ni revisiones de PR; solo eventos de commits"},
  UNANS_SQL, "fixed", fixed={"outcome": "unanswerable", "detail": "no satisfaction, survey or pull-request review data; only commit events"})
q("ES-29", "free_form", "¿Qué pasó en mayo de 2021?", "figure",
  {"period": ["2021-05-01", "2021-05-31"], "text": "resumen del mes: activos, eventos, nuevos"},
  free_sql("2021-05-01", "2021-05-31"), "row", ["active_members", "events", "new_members"])
q("ES-30", "free_form", "Cuéntame un poco cómo fue agosto de 2024 en la comunidad", "figure",
  {"period": ["2024-08-01", "2024-08-31"], "text": "resumen del mes: activos, eventos, nuevos"},
  free_sql("2024-08-01", "2024-08-31"), "row", ["active_members", "events", "new_members"])

def pct(a, b):
    if a == 0:
        return None
    return float((Decimal(b - a) / Decimal(a) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

def compute(db, s):
    if s["shape"] == "fixed":
        return s["fixed"]
    rows = [dict(r) for r in db.execute(s["sql"]).fetchall()]
    if s["shape"] == "row":
        r = rows[0]
        exp = {k: r[k] for k in s["top"]}
        exp["detail"] = {k: v for k, v in r.items() if k not in s["top"]}
        return exp
    if s["shape"] == "change":
        r = rows[0]
        return {"active_earlier": r["active_earlier"], "active_later": r["active_later"],
                "percent_change": pct(r["active_earlier"], r["active_later"]), "detail": {}}
    if s["shape"] == "retention":
        r = rows[0]
        p = float((Decimal(r["retained_members"]) / Decimal(r["cohort_size"]) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
        return {"retained_members": r["retained_members"], "retention_percent": p, "detail": {"cohort_size": r["cohort_size"]}}
    if s["shape"] == "top5":
        top = [{"member_id": r["member_id"], "active_days": r["active_days"]} for r in rows[:5]]
        tied = [r["member_id"] for r in rows if r["at_cut_value"]]
        tie = len(rows) > 5 and rows[5]["at_cut_value"] == 1
        return {"top_members": top, "detail": {"tie_at_cut": bool(tie), "tied_members": tied if tie else [],
                "members_in_period": len(rows)}}
    raise ValueError(s["shape"])

def build():
    db = load()
    out = []
    for s in Q:
        o = {"id": s["id"], "language": "es", "category": s["category"], "question": s["question"],
             "expected_kind": s["kind"], "expected": compute(db, s), "reading": s["reading"], "sql": s["sql"]}
        if s["follows"]:
            o["follows"] = s["follows"]
        out.append(o)
    return out

def main():
    data = build()
    path = os.path.join(OUT, "questions.json")
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv:
        try:
            old = json.load(open(path))
        except FileNotFoundError:
            print("questions.json missing"); sys.exit(1)
        if old != data:
            for a, b in zip(old, data):
                if a != b:
                    print("DIFF", b["id"])
            if len(old) != len(data):
                print("DIFF count", len(old), len(data))
            sys.exit(1)
        print(f"OK: {len(data)} questions match")
        return
    open(path, "w").write(text)
    print(f"wrote {len(data)} questions")

if __name__ == "__main__":
    main()
