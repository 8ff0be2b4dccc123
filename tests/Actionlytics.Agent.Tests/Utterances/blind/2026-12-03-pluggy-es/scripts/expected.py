#!/usr/bin/env python3
"""Compute every question's expected figures by SQL over events.csv and (re)write questions.json.

usage: expected.py            recompute and rewrite ../questions.json
       expected.py --check    recompute and compare with ../questions.json; exit 1 on any difference

The events are loaded into an in-memory SQLite table `events` (the columns of events.csv); the view
`ev` adds `day` = the UTC calendar day (substr(occurred_at, 1, 10)). Every question's `sql` runs on it.
Percentages are computed from the integer counts the SQL returns, exactly, rounded half-up to 0.1.
Top-5 lists: the SQL ranks every member (active_days desc, member_id asc); the first five are kept,
tie_at_cut = the 6th member has as many active days as the 5th, tied_members = every member with the
5th member's active days.
"""
import csv
import json
import os
import sqlite3
import sys
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
EVENTS = os.path.join(ROOT, "events.csv")
QUESTIONS = os.path.join(ROOT, "questions.json")


def load():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, content_id TEXT)")
    with open(EVENTS, newline="", encoding="utf-8") as f:
        db.executemany("INSERT INTO events VALUES (?,?,?,?,?)",
                       [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"]) for r in csv.DictReader(f)])
    db.execute("CREATE VIEW ev AS SELECT *, substr(occurred_at, 1, 10) AS day FROM events")
    return db


def pct(num, den):
    """num/den*100 rounded half-up to one decimal (exact arithmetic)."""
    if den == 0:
        return None
    x = Fraction(num, den) * 100
    sign = -1 if x < 0 else 1
    d = (Decimal(abs(x.numerator)) / Decimal(x.denominator)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return float(d) * sign


# ---------------------------------------------------------------- SQL builders

def sql_inactive(as_of, threshold, action=None):
    act = f" AND action = '{action}'" if action else ""
    return f"""WITH last AS (
  SELECT member_id, MAX(day) AS last_day FROM ev WHERE day <= '{as_of}'{act} GROUP BY member_id)
SELECT
  (SELECT COUNT(*) FROM last WHERE julianday('{as_of}') - julianday(last_day) >= {threshold}) AS inactive_members,
  (SELECT COUNT(*) FROM last WHERE julianday('{as_of}') - julianday(last_day) < {threshold}) AS still_active_members,
  (SELECT COUNT(*) FROM last) AS scored_members,
  (SELECT COUNT(DISTINCT member_id) FROM ev) - (SELECT COUNT(*) FROM last) AS never_active_by_as_of"""


def sql_range(a, b, action=None):
    act = f" AND action = '{action}'" if action else ""
    return f"""SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events,
  COUNT(DISTINCT day) AS active_days
FROM ev WHERE day BETWEEN '{a}' AND '{b}'{act}"""


def sql_custom(a, b, action):
    return f"""SELECT COUNT(*) AS events, COUNT(DISTINCT member_id) AS members
FROM ev WHERE action = '{action}' AND day BETWEEN '{a}' AND '{b}'"""


def sql_new(a, b):
    return f"""WITH first AS (SELECT member_id, MIN(day) AS first_day FROM ev GROUP BY member_id)
SELECT COUNT(*) AS new_members,
  (SELECT COUNT(DISTINCT member_id) FROM ev WHERE day BETWEEN '{a}' AND '{b}') AS active_members_in_period
FROM first WHERE first_day BETWEEN '{a}' AND '{b}'"""


def sql_overlap_both(a1, b1, a2, b2):
    return f"""WITH p1 AS (SELECT DISTINCT member_id FROM ev WHERE day BETWEEN '{a1}' AND '{b1}'),
     p2 AS (SELECT DISTINCT member_id FROM ev WHERE day BETWEEN '{a2}' AND '{b2}')
SELECT (SELECT COUNT(*) FROM p1 WHERE member_id IN (SELECT member_id FROM p2)) AS members_in_both,
  (SELECT COUNT(*) FROM p1) AS active_first_period,
  (SELECT COUNT(*) FROM p2) AS active_second_period"""


def sql_overlap_not(a1, b1, a2, b2):
    return f"""WITH p1 AS (SELECT DISTINCT member_id FROM ev WHERE day BETWEEN '{a1}' AND '{b1}'),
     p2 AS (SELECT DISTINCT member_id FROM ev WHERE day BETWEEN '{a2}' AND '{b2}')
SELECT (SELECT COUNT(*) FROM p1 WHERE member_id NOT IN (SELECT member_id FROM p2)) AS members_first_not_second,
  (SELECT COUNT(*) FROM p1 WHERE member_id IN (SELECT member_id FROM p2)) AS members_in_both,
  (SELECT COUNT(*) FROM p1) AS active_first_period,
  (SELECT COUNT(*) FROM p2) AS active_second_period"""


def sql_change(a1, b1, a2, b2):
    return f"""SELECT
  (SELECT COUNT(DISTINCT member_id) FROM ev WHERE day BETWEEN '{a1}' AND '{b1}') AS earlier_active_members,
  (SELECT COUNT(DISTINCT member_id) FROM ev WHERE day BETWEEN '{a2}' AND '{b2}') AS later_active_members"""


def sql_top(a, b):
    return f"""SELECT member_id, COUNT(DISTINCT day) AS active_days, COUNT(*) AS events
FROM ev WHERE day BETWEEN '{a}' AND '{b}'
GROUP BY member_id ORDER BY active_days DESC, member_id ASC"""


def sql_lifecycle(a, b, pa, pb):
    return f"""WITH cur AS (SELECT DISTINCT member_id FROM ev WHERE day BETWEEN '{a}' AND '{b}'),
     prev AS (SELECT DISTINCT member_id FROM ev WHERE day BETWEEN '{pa}' AND '{pb}'),
     first AS (SELECT member_id, MIN(day) AS first_day FROM ev GROUP BY member_id)
SELECT
  (SELECT COUNT(*) FROM cur JOIN first USING (member_id) WHERE first_day BETWEEN '{a}' AND '{b}') AS new,
  (SELECT COUNT(*) FROM cur WHERE member_id IN (SELECT member_id FROM prev)) AS "returning",
  (SELECT COUNT(*) FROM cur JOIN first USING (member_id)
     WHERE first_day < '{a}' AND member_id NOT IN (SELECT member_id FROM prev)) AS resurrecting,
  (SELECT COUNT(*) FROM prev WHERE member_id NOT IN (SELECT member_id FROM cur)) AS dormant,
  (SELECT COUNT(*) FROM cur) AS active_members,
  (SELECT COUNT(*) FROM prev) AS active_members_previous"""


def sql_retention(cohort_month, target_a, target_b):
    return f"""WITH cohort AS (SELECT member_id FROM ev GROUP BY member_id HAVING substr(MIN(day), 1, 7) = '{cohort_month}')
SELECT
  (SELECT COUNT(*) FROM cohort WHERE member_id IN
     (SELECT member_id FROM ev WHERE day BETWEEN '{target_a}' AND '{target_b}')) AS retained_members,
  (SELECT COUNT(*) FROM cohort) AS cohort_size"""


def sql_freeform(a, b):
    return f"""WITH first AS (SELECT member_id, MIN(day) AS first_day FROM ev GROUP BY member_id)
SELECT
  (SELECT COUNT(DISTINCT member_id) FROM ev WHERE day BETWEEN '{a}' AND '{b}') AS active_members,
  (SELECT COUNT(*) FROM ev WHERE day BETWEEN '{a}' AND '{b}') AS events,
  (SELECT COUNT(*) FROM first WHERE first_day BETWEEN '{a}' AND '{b}') AS new_members,
  (SELECT COUNT(DISTINCT day) FROM ev WHERE day BETWEEN '{a}' AND '{b}') AS active_days,
  (SELECT COUNT(*) FROM ev WHERE day BETWEEN '{a}' AND '{b}' AND action = 'code_change') AS code_change_events,
  (SELECT COUNT(*) FROM ev WHERE day BETWEEN '{a}' AND '{b}' AND action = 'pr_merge') AS pr_merge_events,
  (SELECT COUNT(*) FROM ev WHERE day BETWEEN '{a}' AND '{b}' AND action = 'bot_update') AS bot_update_events,
  (SELECT COUNT(*) FROM ev WHERE day BETWEEN '{a}' AND '{b}' AND action = 'docs_change') AS docs_change_events,
  (SELECT COUNT(*) FROM ev WHERE day BETWEEN '{a}' AND '{b}' AND action = 'release') AS release_events"""


# ---------------------------------------------------------------- the questions
# shape: how the SQL's row(s) become `expected`; top: the columns that are top-level figures.

Q = []


def q(**kw):
    Q.append(kw)


q(id="ES-01", category="inactive_as_of",
  question="¿Cuántos miembros estaban inactivos el 31 de enero de 2022?",
  reading={"as_of": "2022-01-31", "threshold_days": 30, "action": None,
           "text": "Inactivos a 2022-01-31 con el umbral por defecto (30 días): último día activo L <= 2022-01-31 y 2022-01-31 - L >= 30; los que no tenían eventos todavía no cuentan."},
  sql=sql_inactive("2022-01-31", 30), shape="row", top=["inactive_members"])

q(id="ES-02", category="inactive_as_of",
  question="Buenas, necesito saber cuántos colaboradores se consideraban inactivos a fecha 30/06/2024. Gracias.",
  reading={"as_of": "2024-06-30", "threshold_days": 30, "action": None,
           "text": "Inactivos a 2024-06-30, umbral por defecto de 30 días."},
  sql=sql_inactive("2024-06-30", 30), shape="row", top=["inactive_members"])

q(id="ES-03", category="threshold", follows="ES-02",
  question="¿Y si subimos el umbral a 90 días?",
  reading={"as_of": "2024-06-30", "threshold_days": 90, "action": None,
           "text": "Misma lectura que ES-02 (a 2024-06-30) cambiando solo el umbral: 90 días."},
  sql=sql_inactive("2024-06-30", 90), shape="row", top=["inactive_members"])

q(id="ES-04", category="inactive_as_of",
  question="a finales de abril de 2019 cuanta gente estaba inactiva?",
  reading={"as_of": "2019-04-30", "threshold_days": 30, "action": None,
           "text": "'A finales de abril de 2019' = 2019-04-30 (último día del mes); umbral por defecto de 30 días."},
  sql=sql_inactive("2019-04-30", 30), shape="row", top=["inactive_members"])

q(id="ES-05", category="threshold",
  question="¿Cuántos miembros llevaban al menos 6 semanas sin ninguna actividad el 15/03/2023?",
  reading={"as_of": "2023-03-15", "threshold_days": 42, "action": None,
           "text": "Inactivos a 2023-03-15 con umbral de 6 semanas = 42 días (D - L >= 42)."},
  sql=sql_inactive("2023-03-15", 42), shape="row", top=["inactive_members"])

q(id="ES-06", category="threshold",
  question="Al 31/10/2025, cuantos contribuidores llevan 2 meses o mas sin actividad??",
  reading={"as_of": "2025-10-31", "threshold_days": 60, "action": None,
           "text": "Inactivos a 2025-10-31 con umbral de 2 meses = 60 días (meses de 30 días)."},
  sql=sql_inactive("2025-10-31", 60), shape="row", top=["inactive_members"])

q(id="ES-07", category="range",
  question="¿Cuántas personas tuvieron alguna actividad durante 2018?",
  reading={"period": ["2018-01-01", "2018-12-31"], "action": None,
           "text": "Miembros distintos con al menos un evento (cualquier acción) entre 2018-01-01 y 2018-12-31."},
  sql=sql_range("2018-01-01", "2018-12-31"), shape="row", top=["active_members"])

q(id="ES-08", category="range", follows="ES-07",
  question="¿Y en 2020?",
  reading={"period": ["2020-01-01", "2020-12-31"], "action": None,
           "text": "Misma pregunta que ES-07 cambiando el año: miembros activos entre 2020-01-01 y 2020-12-31."},
  sql=sql_range("2020-01-01", "2020-12-31"), shape="row", top=["active_members"])

q(id="ES-09", category="range",
  question="Oye, ¿me dices cuántos miembros estuvieron activos entre el 2 y el 20 de mayo de 2019?",
  reading={"period": ["2019-05-02", "2019-05-20"], "action": None,
           "text": "Miembros activos del 2019-05-02 al 2019-05-20, ambos incluidos."},
  sql=sql_range("2019-05-02", "2019-05-20"), shape="row", top=["active_members"])

q(id="ES-10", category="custom_action",
  question="¿Cuántas actualizaciones automáticas de bots (bot_update) se registraron en 2024?",
  reading={"period": ["2024-01-01", "2024-12-31"], "action": "bot_update",
           "text": "'Cuántas actualizaciones' = número de eventos bot_update en 2024 (events); miembros distintos en detail."},
  sql=sql_custom("2024-01-01", "2024-12-31", "bot_update"), shape="row", top=["events"])

q(id="ES-11", category="custom_action", follows="ES-10",
  question="¿Y cambios de documentación, cuántos hubo ese año?",
  reading={"period": ["2024-01-01", "2024-12-31"], "action": "docs_change",
           "text": "Misma lectura que ES-10 (eventos en 2024) cambiando la acción a docs_change."},
  sql=sql_custom("2024-01-01", "2024-12-31", "docs_change"), shape="row", top=["events"])

q(id="ES-12", category="custom_action",
  question="¿Me podés decir cuántas personas distintas se encargaron de preparar releases entre 2017 y 2019?",
  reading={"period": ["2017-01-01", "2019-12-31"], "action": "release",
           "text": "'Cuántas personas' = miembros distintos con al menos un evento release entre 2017-01-01 y 2019-12-31 (members); el número de eventos en detail."},
  sql=sql_custom("2017-01-01", "2019-12-31", "release"), shape="row", top=["members"])

q(id="ES-13", category="custom_action",
  question="En los 30 días previos al 1 de julio de 2023, ¿cuántos merges de pull requests se hicieron?",
  reading={"period": ["2023-06-01", "2023-06-30"], "action": "pr_merge",
           "text": "'Los 30 días previos al 1 de julio de 2023' = [2023-06-01, 2023-06-30]; número de eventos pr_merge (events)."},
  sql=sql_custom("2023-06-01", "2023-06-30", "pr_merge"), shape="row", top=["events"])

q(id="ES-14", category="new_members",
  question="¿Cuántos miembros nuevos se sumaron a la comunidad en 2023?",
  reading={"period": ["2023-01-01", "2023-12-31"],
           "text": "Miembros cuyo primer día activo de la historia cae entre 2023-01-01 y 2023-12-31."},
  sql=sql_new("2023-01-01", "2023-12-31"), shape="row", top=["new_members"])

q(id="ES-15", category="new_members", follows="ES-14",
  question="vale, ¿y de julio a diciembre de 2024?",
  reading={"period": ["2024-07-01", "2024-12-31"],
           "text": "Misma pregunta que ES-14 cambiando el periodo: [2024-07-01, 2024-12-31]."},
  sql=sql_new("2024-07-01", "2024-12-31"), shape="row", top=["new_members"])

q(id="ES-16", category="new_members",
  question="Cuánta gente nueva llegó en la segunda mitad de 2019?",
  reading={"period": ["2019-07-01", "2019-12-31"],
           "text": "Segundo semestre de 2019 = [2019-07-01, 2019-12-31]; miembros con primer día activo en ese periodo."},
  sql=sql_new("2019-07-01", "2019-12-31"), shape="row", top=["new_members"])

q(id="ES-17", category="overlap",
  question="¿Podría indicarme cuántos miembros estuvieron activos tanto en 2018 como en 2019?",
  reading={"periods": [["2018-01-01", "2018-12-31"], ["2019-01-01", "2019-12-31"]],
           "text": "Miembros con actividad en 2018 y también en 2019 (intersección)."},
  sql=sql_overlap_both("2018-01-01", "2018-12-31", "2019-01-01", "2019-12-31"), shape="row", top=["members_in_both"])

q(id="ES-18", category="overlap",
  question="De las personas que participaron en 2023, ¿cuántas no tuvieron ninguna actividad en 2024?",
  reading={"periods": [["2023-01-01", "2023-12-31"], ["2024-01-01", "2024-12-31"]],
           "text": "Miembros activos en 2023 y sin ninguna actividad en 2024 (activos en el primer periodo y no en el segundo)."},
  sql=sql_overlap_not("2023-01-01", "2023-12-31", "2024-01-01", "2024-12-31"), shape="row", top=["members_first_not_second"])

q(id="ES-19", category="change",
  question="¿Cómo cambió el número de miembros activos entre el primer trimestre de 2024 y el primer trimestre de 2025?",
  reading={"periods": [["2024-01-01", "2024-03-31"], ["2025-01-01", "2025-03-31"]],
           "text": "Activos en T1 2024 (anterior) y en T1 2025 (posterior); porcentaje = (posterior - anterior) / anterior * 100, redondeo half-up a 0,1."},
  sql=sql_change("2024-01-01", "2024-03-31", "2025-01-01", "2025-03-31"), shape="change",
  top=["earlier_active_members", "later_active_members", "change_percent"])

q(id="ES-20", category="change",
  question="Comparando 2022 con 2023, ¿en qué porcentaje varió la cantidad de gente activa?",
  reading={"periods": [["2022-01-01", "2022-12-31"], ["2023-01-01", "2023-12-31"]],
           "text": "Activos en 2022 (anterior) y en 2023 (posterior); porcentaje de cambio redondeado half-up a 0,1."},
  sql=sql_change("2022-01-01", "2022-12-31", "2023-01-01", "2023-12-31"), shape="change",
  top=["earlier_active_members", "later_active_members", "change_percent"])

q(id="ES-21", category="top5",
  question="Pásame el top 5 de miembros más activos de 2024, por días con actividad.",
  reading={"period": ["2024-01-01", "2024-12-31"],
           "text": "Los 5 miembros con más días activos distintos en 2024; empates resueltos por member_id."},
  sql=sql_top("2024-01-01", "2024-12-31"), shape="top", top=["top_members"])

q(id="ES-22", category="top5",
  question="¿Quiénes fueron las 5 personas con más días de actividad entre julio y diciembre de 2019?",
  reading={"period": ["2019-07-01", "2019-12-31"],
           "text": "Top 5 por días activos distintos del 2019-07-01 al 2019-12-31; empates por member_id (hay empate en el corte)."},
  sql=sql_top("2019-07-01", "2019-12-31"), shape="top", top=["top_members"])

q(id="ES-23", category="lifecycle",
  question="Quisiera ver el ciclo de vida de septiembre de 2019 frente a agosto: nuevos, recurrentes, reactivados y durmientes.",
  reading={"period": ["2019-09-01", "2019-09-30"], "previous_period": ["2019-08-01", "2019-08-31"],
           "text": "Lifecycle de septiembre 2019 contra agosto 2019: new (primer día activo en septiembre), returning (activos en septiembre y agosto), resurrecting (activos en septiembre, no en agosto, pero antes sí), dormant (activos en agosto, no en septiembre)."},
  sql=sql_lifecycle("2019-09-01", "2019-09-30", "2019-08-01", "2019-08-31"), shape="row",
  top=["new", "returning", "resurrecting", "dormant"])

q(id="ES-24", category="lifecycle",
  question="¿Cómo queda el lifecycle del 2º trimestre de 2024 comparado con el trimestre anterior?",
  reading={"period": ["2024-04-01", "2024-06-30"], "previous_period": ["2024-01-01", "2024-03-31"],
           "text": "Lifecycle de T2 2024 contra T1 2024 (trimestres naturales)."},
  sql=sql_lifecycle("2024-04-01", "2024-06-30", "2024-01-01", "2024-03-31"), shape="row",
  top=["new", "returning", "resurrecting", "dormant"])

q(id="ES-25", category="retention",
  question="De los que empezaron a contribuir en julio de 2019, ¿cuántos seguían activos al mes siguiente y qué % representa?",
  reading={"cohort_month": "2019-07", "months_after": 1, "target_period": ["2019-08-01", "2019-08-31"],
           "text": "Cohorte = miembros con primera actividad en julio de 2019; retenidos = los de la cohorte activos en agosto de 2019 (M+1); porcentaje sobre el tamaño de la cohorte, half-up a 0,1."},
  sql=sql_retention("2019-07", "2019-08-01", "2019-08-31"), shape="retention",
  top=["retained_members", "retention_percent"])

q(id="ES-26", category="retention",
  question="Retención de la cohorte de febrero de 2024 a los 12 meses: ¿cuántos seguían activos y qué porcentaje es?",
  reading={"cohort_month": "2024-02", "months_after": 12, "target_period": ["2025-02-01", "2025-02-28"],
           "text": "Cohorte de febrero 2024 (primera actividad en ese mes); retenidos = activos en el mes natural M+12 = febrero de 2025."},
  sql=sql_retention("2024-02", "2025-02-01", "2025-02-28"), shape="retention",
  top=["retained_members", "retention_percent"])

q(id="ES-27", category="unanswerable",
  question="¿De qué países son los miembros que contribuyeron en 2023?",
  reading={"text": "Los datos solo tienen eventos (miembro, fecha, acción, carpeta); no hay país ni ubicación de los miembros."},
  sql=None, shape="unanswerable",
  why="No hay datos de país o ubicación de los miembros: solo eventos con miembro, fecha, acción y contenido.")

q(id="ES-28", category="unanswerable",
  question="¿Cuánto dinero recaudamos en donaciones durante 2021?",
  reading={"text": "No hay datos de dinero, donaciones ni ingresos en los eventos."},
  sql=None, shape="unanswerable",
  why="Los eventos no contienen importes, donaciones ni ingresos; la cifra no se puede obtener de estos datos.")

q(id="ES-29", category="free_form",
  question="¿Qué pasó en junio del 2020?",
  reading={"period": ["2020-06-01", "2020-06-30"],
           "text": "Resumen de junio de 2020: miembros activos, eventos y miembros nuevos (desglose por acción en detail)."},
  sql=sql_freeform("2020-06-01", "2020-06-30"), shape="row", top=["active_members", "events", "new_members"])

q(id="ES-30", category="free_form",
  question="Hazme un resumen de cómo fue mayo de 2026 en la comunidad, porfa",
  reading={"period": ["2026-05-01", "2026-05-31"],
           "text": "Resumen de mayo de 2026: miembros activos, eventos y miembros nuevos."},
  sql=sql_freeform("2026-05-01", "2026-05-31"), shape="row", top=["active_members", "events", "new_members"])


# ---------------------------------------------------------------- evaluation

def compute(db, spec):
    shape = spec["shape"]
    if shape == "unanswerable":
        return "unanswerable", {"outcome": "unanswerable", "detail": spec["why"]}
    cur = db.execute(spec["sql"])
    cols = [c[0] for c in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    if shape == "top":
        top5 = rows[:5]
        cut = top5[-1]["active_days"]
        tie = len(rows) > 5 and rows[5]["active_days"] == cut
        tied = [r["member_id"] for r in rows if r["active_days"] == cut]
        return "list", {
            "top_members": [{"member_id": r["member_id"], "active_days": r["active_days"]} for r in top5],
            "detail": {"tie_at_cut": tie, "cut_active_days": cut,
                       "tied_members": tied if tie else [],
                       "members_ranked": len(rows)},
        }
    row = rows[0]
    if shape == "change":
        e, l = row["earlier_active_members"], row["later_active_members"]
        row["change_percent"] = pct(l - e, e)
        row["difference"] = l - e
    if shape == "retention":
        row["retention_percent"] = pct(row["retained_members"], row["cohort_size"])
    top = {k: row[k] for k in spec["top"]}
    detail = {k: v for k, v in row.items() if k not in spec["top"]}
    rd = spec["reading"]
    for k in ("as_of", "threshold_days"):
        if k in rd:
            detail[k] = rd[k]
    return "figure", dict(top, detail=detail)


def build():
    db = load()
    out = []
    for spec in Q:
        kind, expected = compute(db, spec)
        item = {"id": spec["id"], "language": "es", "category": spec["category"], "question": spec["question"]}
        if spec.get("follows"):
            item["follows"] = spec["follows"]
        item.update({"expected_kind": kind, "expected": expected, "reading": spec["reading"], "sql": spec["sql"]})
        out.append(item)
    return out


def main():
    new = build()
    if "--check" in sys.argv[1:]:
        try:
            with open(QUESTIONS, encoding="utf-8") as f:
                old = json.load(f)
        except FileNotFoundError:
            print("questions.json missing"); sys.exit(1)
        bad = 0
        olds = {o["id"]: o for o in old}
        if [o["id"] for o in old] != [n["id"] for n in new]:
            print("question ids differ"); bad += 1
        for n in new:
            o = olds.get(n["id"])
            if o != n:
                bad += 1
                print(f"{n['id']}: differs")
                if o is not None:
                    for k in n:
                        if o.get(k) != n[k]:
                            print(f"  {k}: stored={json.dumps(o.get(k), ensure_ascii=False)} computed={json.dumps(n[k], ensure_ascii=False)}")
        if bad:
            sys.exit(1)
        print(f"OK: {len(new)} questions match")
        return
    with open(QUESTIONS, "w", encoding="utf-8") as f:
        json.dump(new, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {len(new)} questions to {QUESTIONS}")


if __name__ == "__main__":
    main()
