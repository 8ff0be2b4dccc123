#!/usr/bin/env python3
"""Compute every expected figure of questions.json with SQL (sqlite3) over events.csv.

  python3 scripts/expected.py          rewrite questions.json
  python3 scripts/expected.py --check  recompute and compare with questions.json; exit 1 on any difference
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
DAY = "substr(occurred_at,1,10)"

def db():
    c = sqlite3.connect(":memory:")
    c.execute("create table events(event_id text primary key, member_id text, occurred_at text, action text, content_id text)")
    with open(os.path.join(ROOT, "events.csv"), newline="") as f:
        r = csv.reader(f); next(r)
        c.executemany("insert into events values(?,?,?,?,?)", r)
    return c

def pct_sql(num, den):
    """round half-up to 0.1 of num*100/den, integers only (num may be negative)."""
    n = f"(({num})*2000 + ({den}))"; d = f"(2*({den}))"
    return f"(case when {n} >= 0 then {n}/{d} else -((-{n} + {d} - 1)/{d}) end)/10.0"

def act(action):
    return f" and action = '{action}'" if action else ""

# ---------- SQL builders ----------
def sql_inactive(as_of, thr):
    return (f"with last as (select member_id, max({DAY}) l from events where {DAY} <= '{as_of}' group by member_id) "
            f"select (select count(*) from last where julianday('{as_of}') - julianday(l) >= {thr}) as inactive_members, "
            f"(select count(*) from last) as members_active_by_as_of")

def sql_range(a, b, action=None):
    return (f"select count(distinct member_id) as active_members, count(*) as events "
            f"from events where {DAY} between '{a}' and '{b}'{act(action)}")

def sql_new(a, b):
    return (f"with f as (select member_id, min({DAY}) f from events group by member_id) "
            f"select count(*) as new_members from f where f between '{a}' and '{b}'")

def sql_overlap(A, B, mode):
    sa = f"select distinct member_id from events where {DAY} between '{A[0]}' and '{A[1]}'"
    sb = f"select distinct member_id from events where {DAY} between '{B[0]}' and '{B[1]}'"
    op = "intersect" if mode == "both" else "except"
    return (f"select (select count(*) from ({sa} {op} {sb})) as members, "
            f"(select count(*) from ({sa})) as active_in_a, (select count(*) from ({sb})) as active_in_b")

def sql_change(A, B):
    e = f"(select count(distinct member_id) from events where {DAY} between '{A[0]}' and '{A[1]}')"
    l = f"(select count(distinct member_id) from events where {DAY} between '{B[0]}' and '{B[1]}')"
    return (f"with x as (select {e} as earlier, {l} as later) "
            f"select earlier, later, later - earlier as difference, {pct_sql('later - earlier', 'earlier')} as change_percent from x")

def sql_top(a, b):
    return (f"select member_id, count(distinct {DAY}) as active_days from events where {DAY} between '{a}' and '{b}' "
            f"group by member_id order by active_days desc, member_id")

def sql_lifecycle(P, Q):
    a, b = P; pa, pb = Q
    cur = f"(select distinct member_id from events where {DAY} between '{a}' and '{b}')"
    prev = f"(select distinct member_id from events where {DAY} between '{pa}' and '{pb}')"
    early = f"(select distinct member_id from events where {DAY} < '{pa}')"
    first = f"(select member_id, min({DAY}) f from events group by member_id)"
    return (f"select (select count(*) from {first} where f between '{a}' and '{b}') as new, "
            f"(select count(*) from {cur} where member_id in {prev}) as returning_members, "
            f"(select count(*) from {cur} where member_id not in {prev} and member_id in {early}) as resurrecting, "
            f"(select count(*) from {prev} where member_id not in {cur}) as dormant, "
            f"(select count(*) from {cur}) as active_members, (select count(*) from {prev}) as active_previous")

def sql_retention(cohort, n):
    return (f"with c as (select member_id from events group by member_id having substr(min({DAY}),1,7) = '{cohort}'), "
            f"r as (select distinct member_id from events where substr({DAY},1,7) = strftime('%Y-%m', '{cohort}-01', '+{n} months') "
            f"and member_id in c), x as (select (select count(*) from c) as cohort_size, (select count(*) from r) as retained) "
            f"select cohort_size, retained, {pct_sql('retained', 'cohort_size')} as retained_percent from x")

def sql_free(a, b):
    return (f"with f as (select member_id, min({DAY}) f from events group by member_id) "
            f"select count(distinct member_id) as active_members, count(*) as events, "
            f"(select count(*) from f where f between '{a}' and '{b}') as new_members "
            f"from events where {DAY} between '{a}' and '{b}'")

def sql_actions(a, b):
    return f"select action, count(*) from events where {DAY} between '{a}' and '{b}' group by action order by action"

# ---------- questions ----------
def R(period=None, periods=None, action=None, as_of=None, thr=None, text=""):
    return {"period": period, "periods": periods, "action": action, "as_of": as_of, "threshold_days": thr, "text": text}

Q = []
def q(cat, question, kind, reading, fn):
    Q.append(dict(category=cat, question=question, kind=kind, reading=reading, fn=fn))

def inactive(as_of, thr):
    def f(c):
        s = sql_inactive(as_of, thr); n, tot = c.execute(s).fetchone()
        return {"inactive_members": n, "detail": {"as_of": as_of, "threshold_days": thr, "members_active_by_as_of": tot}}, s
    return f

def rng(a, b, action=None, main="active_members"):
    def f(c):
        s = sql_range(a, b, action); m, e = c.execute(s).fetchone()
        d = {"period": [a, b], "action": action, "active_members": m, "events": e}
        return ({main: m if main == "active_members" else e, "detail": d}), s
    return f

def new(a, b):
    def f(c):
        s = sql_new(a, b); (n,) = c.execute(s).fetchone()
        return {"new_members": n, "detail": {"period": [a, b]}}, s
    return f

def overlap(A, B, mode):
    def f(c):
        s = sql_overlap(A, B, mode); m, x, y = c.execute(s).fetchone()
        return {"members": m, "detail": {"mode": "in_both" if mode == "both" else "in_a_not_b", "period_a": A, "period_b": B,
                                         "active_in_a": x, "active_in_b": y}}, s
    return f

def change(A, B):
    def f(c):
        s = sql_change(A, B); e, l, d, p = c.execute(s).fetchone()
        return {"difference": d, "change_percent": p, "detail": {"earlier_period": A, "later_period": B, "earlier": e, "later": l}}, s
    return f

def top(a, b):
    def f(c):
        s = sql_top(a, b); rows = c.execute(s).fetchall()
        t = [{"member_id": m, "active_days": n} for m, n in rows[:5]]
        tie = len(rows) > 5 and rows[5][1] == rows[4][1]
        tied = [m for m, n in rows if n == rows[4][1]] if tie else []
        return {"top5": t, "detail": {"period": [a, b], "active_members": len(rows), "tie_at_cut": tie,
                                      "tied_at_cut_members": tied, "order": "active_days desc, member_id asc"}}, s + " limit 5"
    return f

def lifecycle(P, Pp):
    def f(c):
        s = sql_lifecycle(P, Pp); n, r, z, d, cur, prv = c.execute(s).fetchone()
        return {"new": n, "returning": r, "resurrecting": z, "dormant": d,
                "detail": {"period": P, "previous_period": Pp, "active_members": cur, "active_previous": prv,
                           "gained": n + z, "lost": d}}, s
    return f

def retention(cohort, n):
    def f(c):
        s = sql_retention(cohort, n); size, ret, p = c.execute(s).fetchone()
        return {"retained": ret, "retained_percent": p, "detail": {"cohort_month": cohort, "months_after": n, "cohort_size": size}}, s
    return f

def unanswerable(reason):
    def f(c):
        return {"outcome": "unanswerable", "detail": {"reason": reason}}, None
    return f

def free(a, b):
    def f(c):
        s = sql_free(a, b); m, e, n = c.execute(s).fetchone()
        by = {k: v for k, v in c.execute(sql_actions(a, b))}
        return {"active_members": m, "events": e, "new_members": n, "detail": {"period": [a, b], "events_by_action": by}}, s
    return f

# inactive_as_of (3)
q("inactive_as_of", "¿Cuántos miembros estaban inactivos a 30 de junio de 2021?", "figure",
  R(as_of="2021-06-30", thr=30, text="as of 2021-06-30, default threshold 30 days"), inactive("2021-06-30", 30))
q("inactive_as_of", "Oye, al 31/12/2019 ¿cuántas personas llevaban 60 días o más sin hacer nada en el repo?", "figure",
  R(as_of="2019-12-31", thr=60, text="as of 2019-12-31 (dd/mm/yyyy), threshold 60 days"), inactive("2019-12-31", 60))
q("inactive_as_of", "Necesito la cifra de inactivos al cierre del tercer trimestre de 2022, con el criterio de siempre.", "figure",
  R(as_of="2022-09-30", thr=30, text="end of Q3 2022 = 2022-09-30, default threshold 30 days"), inactive("2022-09-30", 30))
# range (3)
q("range", "¿Cuánta gente estuvo activa entre el 2 de abril y el 15 de junio de 2021?", "figure",
  R(period=["2021-04-02", "2021-06-15"], text="both ends included"), rng("2021-04-02", "2021-06-15"))
q("range", "¿Me dices cuántos miembros tuvieron actividad en los 30 días anteriores al 1 de marzo de 2023?", "figure",
  R(period=["2023-01-30", "2023-02-28"], text="the 30 days before 2023-03-01 = [D-30, D-1]"), rng("2023-01-30", "2023-02-28"))
q("range", "¿Cuántos colaboradores hubo activos durante el primer semestre de 2019?", "figure",
  R(period=["2019-01-01", "2019-06-30"], text="H1 2019"), rng("2019-01-01", "2019-06-30"))
# threshold (3)
q("threshold", "Si ponemos el corte en 75 días sin actividad, ¿cuántos inactivos teníamos el 15-11-2020?", "figure",
  R(as_of="2020-11-15", thr=75, text="threshold 75 days as of 2020-11-15"), inactive("2020-11-15", 75))
q("threshold", "¿Cuántos llevaban parados 8 semanas o más a finales de marzo de 2024?", "figure",
  R(as_of="2024-03-31", thr=56, text="8 weeks = 56 days, as of end of March 2024 = 2024-03-31"), inactive("2024-03-31", 56))
q("threshold", "Tomando como inactivo a quien no aparece desde hace al menos 100 días, ¿cuántos había al 1° de agosto de 2023?", "figure",
  R(as_of="2023-08-01", thr=100, text="threshold 100 days as of 2023-08-01"), inactive("2023-08-01", 100))
# custom_action (4)
q("custom_action", "¿Cuántos cambios de documentación se hicieron en 2021?", "figure",
  R(period=["2021-01-01", "2021-12-31"], action="docs_update", text="events of action docs_update in 2021"),
  rng("2021-01-01", "2021-12-31", "docs_update", main="events"))
q("custom_action", "¿Cuántas personas distintas se encargaron de preparar versiones durante 2019?", "figure",
  R(period=["2019-01-01", "2019-12-31"], action="release_prep", text="distinct members with a release_prep event in 2019"),
  rng("2019-01-01", "2019-12-31", "release_prep"))
q("custom_action", "¿Cuántos commits que solo tocaban los tests hubo entre 2019 y 2020, ambos años incluidos?", "figure",
  R(period=["2019-01-01", "2020-12-31"], action="test_update", text="events of action test_update, 2019-2020"),
  rng("2019-01-01", "2020-12-31", "test_update", main="events"))
q("custom_action", "En el último trimestre de 2025, ¿cuántos miembros metieron cambios de código?", "figure",
  R(period=["2025-10-01", "2025-12-31"], action="code_change", text="distinct members with code_change in Q4 2025"),
  rng("2025-10-01", "2025-12-31", "code_change"))
# new_members (3)
q("new_members", "¿Cuántos miembros nuevos se sumaron en 2021?", "figure",
  R(period=["2021-01-01", "2021-12-31"], text="first activity ever in 2021"), new("2021-01-01", "2021-12-31"))
q("new_members", "¿Cuánta gente hizo su primera contribución entre el 1/3/2023 y el 31/5/2023?", "figure",
  R(period=["2023-03-01", "2023-05-31"], text="first activity ever in [2023-03-01, 2023-05-31] (d/m/yyyy)"), new("2023-03-01", "2023-05-31"))
q("new_members", "¿Cuántas incorporaciones nuevas tuvimos en la segunda mitad de 2025?", "figure",
  R(period=["2025-07-01", "2025-12-31"], text="H2 2025, first activity ever"), new("2025-07-01", "2025-12-31"))
# overlap (2)
q("overlap", "¿Cuántos miembros estuvieron activos tanto en 2020 como en 2021?", "figure",
  R(periods=[["2020-01-01", "2020-12-31"], ["2021-01-01", "2021-12-31"]], text="active in both years"),
  overlap(["2020-01-01", "2020-12-31"], ["2021-01-01", "2021-12-31"], "both"))
q("overlap", "¿Cuántos participaron en el primer trimestre de 2023 y luego no aparecieron en el segundo?", "figure",
  R(periods=[["2023-01-01", "2023-03-31"], ["2023-04-01", "2023-06-30"]], text="active in Q1 2023, not in Q2 2023"),
  overlap(["2023-01-01", "2023-03-31"], ["2023-04-01", "2023-06-30"], "a_not_b"))
# change (2)
q("change", "¿Cómo cambió el número de miembros activos de 2022 a 2023? Pásame la diferencia y el porcentaje.", "figure",
  R(periods=[["2022-01-01", "2022-12-31"], ["2023-01-01", "2023-12-31"]], text="2022 -> 2023"),
  change(["2022-01-01", "2022-12-31"], ["2023-01-01", "2023-12-31"]))
q("change", "Comparando el segundo trimestre de 2025 con el primero, ¿subieron o bajaron los activos? ¿En cuánto y en qué porcentaje?", "figure",
  R(periods=[["2025-01-01", "2025-03-31"], ["2025-04-01", "2025-06-30"]], text="Q1 2025 -> Q2 2025"),
  change(["2025-01-01", "2025-03-31"], ["2025-04-01", "2025-06-30"]))
# top5 (2)
q("top5", "¿Quiénes fueron los 5 miembros más activos de 2021?", "list",
  R(period=["2021-01-01", "2021-12-31"], text="by distinct active days, ties by member_id"), top("2021-01-01", "2021-12-31"))
q("top5", "Dame el top 5 de colaboradores del segundo semestre de 2023 por días con actividad.", "list",
  R(period=["2023-07-01", "2023-12-31"], text="H2 2023 by distinct active days, ties by member_id"), top("2023-07-01", "2023-12-31"))
# lifecycle (2)
q("lifecycle", "Quiero el desglose de marzo de 2021 frente a febrero: nuevos, recurrentes, reactivados y los que se quedaron dormidos.", "figure",
  R(period=["2021-03-01", "2021-03-31"], periods=[["2021-02-01", "2021-02-28"], ["2021-03-01", "2021-03-31"]], text="March 2021 vs February 2021"),
  lifecycle(["2021-03-01", "2021-03-31"], ["2021-02-01", "2021-02-28"]))
q("lifecycle", "¿Cómo queda el ciclo de vida del tercer trimestre de 2023 respecto del trimestre anterior?", "figure",
  R(period=["2023-07-01", "2023-09-30"], periods=[["2023-04-01", "2023-06-30"], ["2023-07-01", "2023-09-30"]], text="Q3 2023 vs Q2 2023"),
  lifecycle(["2023-07-01", "2023-09-30"], ["2023-04-01", "2023-06-30"]))
# retention (2)
q("retention", "De la gente que se unió en febrero de 2021, ¿cuántos seguían activos tres meses después?", "figure",
  R(period=["2021-02-01", "2021-02-28"], periods=[["2021-02-01", "2021-02-28"], ["2021-05-01", "2021-05-31"]],
    text="cohort 2021-02 (first activity), active in calendar month 2021-05"), retention("2021-02", 3))
q("retention", "¿Qué retención a un mes tiene la cohorte de noviembre de 2023?", "figure",
  R(period=["2023-11-01", "2023-11-30"], periods=[["2023-11-01", "2023-11-30"], ["2023-12-01", "2023-12-31"]],
    text="cohort 2023-11, active in calendar month 2023-12"), retention("2023-11", 1))
# unanswerable (2)
q("unanswerable", "¿Cuántas estrellas ganó el repositorio en 2022?", "unanswerable",
  R(text="stars are not in commit data"), unanswerable("GitHub stars are not in the events"))
q("unanswerable", "¿De qué países son los miembros que más aportan?", "unanswerable",
  R(text="countries are not in the data"), unanswerable("no location data for members"))
# free_form (2)
q("free_form", "¿Qué pasó en noviembre de 2021?", "figure",
  R(period=["2021-11-01", "2021-11-30"], text="November 2021 summary"), free("2021-11-01", "2021-11-30"))
q("free_form", "Cuéntame cómo nos fue en abril de 2025.", "figure",
  R(period=["2025-04-01", "2025-04-30"], text="April 2025 summary"), free("2025-04-01", "2025-04-30"))

def build():
    c = db(); out = []
    for i, x in enumerate(Q, 1):
        exp, s = x["fn"](c)
        out.append({"id": f"ES-{i:02d}", "language": "es", "category": x["category"], "question": x["question"],
                    "expected_kind": x["kind"], "expected": exp, "reading": x["reading"], "sql": s})
    return out

def main():
    path = os.path.join(ROOT, "questions.json")
    data = build()
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as f:
            old = json.load(f)
        bad = 0
        if len(old) != len(data):
            print(f"question count differs: {len(old)} vs {len(data)}"); bad += 1
        for a, b in zip(old, data):
            if a != b:
                bad += 1
                print(f"{b['id']}: stored {json.dumps(a.get('expected'), ensure_ascii=False)} != computed {json.dumps(b['expected'], ensure_ascii=False)}")
        print("check:", "OK, %d questions match" % len(data) if not bad else "%d difference(s)" % bad)
        sys.exit(1 if bad else 0)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {len(data)} questions")

if __name__ == "__main__":
    main()
