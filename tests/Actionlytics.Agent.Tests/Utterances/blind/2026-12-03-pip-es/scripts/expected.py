#!/usr/bin/env python3
"""Compute the expected figures of the Spanish blind set from events.csv, by SQL (SQLite, in memory).

usage: expected.py            rewrite questions.json
       expected.py --check    exit 1 if questions.json differs from what is computed now

Every figure is computed twice: once by the question's own `sql` (what is stored in questions.json) and once
by an independent pure-Python computation over the same CSV; any disagreement aborts.
"""
import collections
import csv
import datetime as dt
import json
import os
import sqlite3
import sys
from decimal import Decimal, ROUND_HALF_UP

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = os.path.join(OUT, "events.csv")
QUESTIONS = os.path.join(OUT, "questions.json")
ACTIONS = ["code_change", "pr_merge", "docs_change", "dependency_update", "release"]
DAY = "substr(occurred_at, 1, 10)"  # UTC calendar day of an event


def D(s):
    return dt.date.fromisoformat(s)


def pct(num, den):
    """percent rounded half-up to 0.1 (exact decimal arithmetic)"""
    return float((Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def month_bounds(ym):
    y, m = map(int, ym.split("-"))
    start = dt.date(y, m, 1)
    end = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return start.isoformat(), end.isoformat()


def add_months(ym, n):
    y, m = map(int, ym.split("-"))
    k = y * 12 + (m - 1) + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


# ---------------------------------------------------------------- SQL builders (one concrete query per question)

def sql_inactive(as_of, threshold):
    return (
        f"WITH last AS (SELECT member_id, MAX({DAY}) AS last_day FROM events "
        f"WHERE {DAY} <= '{as_of}' GROUP BY member_id) "
        f"SELECT SUM(julianday('{as_of}') - julianday(last_day) >= {threshold}) AS inactive_members, "
        f"SUM(julianday('{as_of}') - julianday(last_day) < {threshold}) AS active_within_threshold, "
        f"(SELECT COUNT(DISTINCT member_id) FROM events) - COUNT(*) AS never_active_by_as_of "
        f"FROM last")


def sql_range(a, b, action=None):
    act = f" AND action = '{action}'" if action else ""
    return (f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events FROM events "
            f"WHERE {DAY} BETWEEN '{a}' AND '{b}'{act}")


def sql_custom(a, b, action):
    return (f"SELECT COUNT(*) AS events, COUNT(DISTINCT member_id) AS members FROM events "
            f"WHERE action = '{action}' AND {DAY} BETWEEN '{a}' AND '{b}'")


def sql_new(a, b):
    return (f"WITH first AS (SELECT member_id, MIN({DAY}) AS first_day FROM events GROUP BY member_id) "
            f"SELECT (SELECT COUNT(*) FROM first WHERE first_day BETWEEN '{a}' AND '{b}') AS new_members, "
            f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE {DAY} BETWEEN '{a}' AND '{b}') AS active_members")


def sql_overlap(p1, p2, mode):
    a = f"SELECT DISTINCT member_id FROM events WHERE {DAY} BETWEEN '{p1[0]}' AND '{p1[1]}'"
    b = f"SELECT DISTINCT member_id FROM events WHERE {DAY} BETWEEN '{p2[0]}' AND '{p2[1]}'"
    both = "(SELECT COUNT(*) FROM p1 WHERE member_id IN p2)"
    only = "(SELECT COUNT(*) FROM p1 WHERE member_id NOT IN p2)"
    main = (f"{both} AS active_in_both, {only} AS active_first_not_second" if mode == "both"
            else f"{only} AS active_first_not_second, {both} AS active_in_both")
    return (f"WITH p1 AS ({a}), p2 AS ({b}) SELECT {main}, "
            f"(SELECT COUNT(*) FROM p1) AS active_first_period, (SELECT COUNT(*) FROM p2) AS active_second_period")


def sql_change(p1, p2):
    c1 = f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE {DAY} BETWEEN '{p1[0]}' AND '{p1[1]}')"
    c2 = f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE {DAY} BETWEEN '{p2[0]}' AND '{p2[1]}')"
    return (f"WITH c AS (SELECT {c1} AS earlier, {c2} AS later) "
            f"SELECT earlier AS active_members_earlier, later AS active_members_later, "
            f"ROUND((later - earlier) * 100.0 / earlier, 1) AS percent_change FROM c")


def sql_top5(a, b):
    return (f"WITH d AS (SELECT member_id, COUNT(DISTINCT {DAY}) AS active_days FROM events "
            f"WHERE {DAY} BETWEEN '{a}' AND '{b}' GROUP BY member_id), "
            f"r AS (SELECT member_id, active_days, ROW_NUMBER() OVER (ORDER BY active_days DESC, member_id) AS rank FROM d) "
            f"SELECT member_id, active_days, rank FROM r "
            f"WHERE active_days >= (SELECT active_days FROM r WHERE rank = 5) ORDER BY rank")


def sql_lifecycle(cur, prev):
    return (
        f"WITH cur AS (SELECT DISTINCT member_id FROM events WHERE {DAY} BETWEEN '{cur[0]}' AND '{cur[1]}'), "
        f"prev AS (SELECT DISTINCT member_id FROM events WHERE {DAY} BETWEEN '{prev[0]}' AND '{prev[1]}'), "
        f"earlier AS (SELECT DISTINCT member_id FROM events WHERE {DAY} < '{prev[0]}') "
        f"SELECT (SELECT COUNT(*) FROM cur WHERE member_id NOT IN prev AND member_id NOT IN earlier) AS new, "
        f"(SELECT COUNT(*) FROM cur WHERE member_id IN prev) AS \"returning\", "
        f"(SELECT COUNT(*) FROM cur WHERE member_id NOT IN prev AND member_id IN earlier) AS resurrecting, "
        f"(SELECT COUNT(*) FROM prev WHERE member_id NOT IN cur) AS dormant, "
        f"(SELECT COUNT(*) FROM cur) AS active_members, (SELECT COUNT(*) FROM prev) AS active_members_previous")


def sql_retention(cohort_month, n):
    c0, c1 = month_bounds(cohort_month)
    t0, t1 = month_bounds(add_months(cohort_month, n))
    return (
        f"WITH cohort AS (SELECT member_id FROM events GROUP BY member_id "
        f"HAVING MIN({DAY}) BETWEEN '{c0}' AND '{c1}'), "
        f"kept AS (SELECT DISTINCT member_id FROM events WHERE {DAY} BETWEEN '{t0}' AND '{t1}' "
        f"AND member_id IN cohort) "
        f"SELECT (SELECT COUNT(*) FROM kept) AS retained_members, "
        f"ROUND((SELECT COUNT(*) FROM kept) * 100.0 / (SELECT COUNT(*) FROM cohort), 1) AS retention_percent, "
        f"(SELECT COUNT(*) FROM cohort) AS cohort_size")


def sql_free(a, b):
    by_action = ", ".join(f"SUM(action = '{x}') AS events_{x}" for x in ACTIONS)
    return (
        f"WITH first AS (SELECT member_id, MIN({DAY}) AS first_day FROM events GROUP BY member_id) "
        f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events, "
        f"(SELECT COUNT(*) FROM first WHERE first_day BETWEEN '{a}' AND '{b}') AS new_members, {by_action} "
        f"FROM events WHERE {DAY} BETWEEN '{a}' AND '{b}'")


SQL_COLUMNS = "SELECT name FROM pragma_table_info('events') ORDER BY cid"

# ---------------------------------------------------------------- the questions

def Q(**kw):
    return kw


QS = [
    # ---------------- inactive_as_of (default threshold 30 days)
    Q(id="ES-01", category="inactive_as_of",
      question="¿Cuántos miembros estaban inactivos al 15 de marzo de 2021?",
      kind="inactive", as_of="2021-03-15", threshold=30),
    Q(id="ES-02", category="inactive_as_of",
      question="Buenas, necesito el número de contribuidores inactivos a fecha 31/12/2019, con el umbral de siempre.",
      kind="inactive", as_of="2019-12-31", threshold=30),
    Q(id="ES-03", category="inactive_as_of",
      question="oye y a finales de abril de 2019 cuantos inactivos teniamos?",
      kind="inactive", as_of="2019-04-30", threshold=30),
    # ---------------- threshold (explicit threshold)
    Q(id="ES-04", category="threshold",
      question="¿Me podría decir cuántas personas llevaban tres meses o más sin ninguna actividad al 1 de julio de 2022?",
      kind="inactive", as_of="2022-07-01", threshold=90),
    Q(id="ES-05", category="threshold", follows="ES-04",
      question="¿Y si bajamos el umbral a 45 días?",
      kind="inactive", as_of="2022-07-01", threshold=45),
    Q(id="ES-06", category="threshold",
      question="A 30/09/2023, ¿cuántos miembros llevaban al menos 6 semanas sin commitear nada?",
      kind="inactive", as_of="2023-09-30", threshold=42),
    # ---------------- range (active members in a period)
    Q(id="ES-07", category="range",
      question="¿Cuántas personas estuvieron activas entre el 2 y el 20 de mayo de 2019?",
      kind="range", period=("2019-05-02", "2019-05-20")),
    Q(id="ES-08", category="range",
      question="Miembros activos en el primer trimestre de 2020, porfa",
      kind="range", period=("2020-01-01", "2020-03-31")),
    Q(id="ES-09", category="range", follows="ES-08",
      question="¿Y en el mismo trimestre de 2021?",
      kind="range", period=("2021-01-01", "2021-03-31")),
    # ---------------- custom_action
    Q(id="ES-10", category="custom_action",
      question="¿Cuántos merges de pull requests hubo en 2020?",
      kind="custom", period=("2020-01-01", "2020-12-31"), action="pr_merge", main="events"),
    Q(id="ES-11", category="custom_action", follows="ES-10",
      question="¿y en 2021?",
      kind="custom", period=("2021-01-01", "2021-12-31"), action="pr_merge", main="events"),
    Q(id="ES-12", category="custom_action",
      question="¿Cuántas personas distintas hicieron cambios de documentación (docs_change) en el segundo semestre de 2019?",
      kind="custom", period=("2019-07-01", "2019-12-31"), action="docs_change", main="members"),
    Q(id="ES-13", category="custom_action",
      question="Durante 2022, ¿cuánta gente distinta se encargó de actualizar dependencias? (dependency_update)",
      kind="custom", period=("2022-01-01", "2022-12-31"), action="dependency_update", main="members"),
    # ---------------- new_members
    Q(id="ES-14", category="new_members",
      question="¿Cuántos contribuidores nuevos llegaron en octubre de 2018?",
      kind="new", period=("2018-10-01", "2018-10-31")),
    Q(id="ES-15", category="new_members",
      question="Cuántos miembros nuevos tuvimos en los 30 días previos al 15 de octubre de 2019?",
      kind="new", period=("2019-09-15", "2019-10-14")),
    Q(id="ES-16", category="new_members",
      question="¿Cuántas altas nuevas hubo en el primer semestre de 2020?",
      kind="new", period=("2020-01-01", "2020-06-30")),
    # ---------------- overlap
    Q(id="ES-17", category="overlap",
      question="De los que estuvieron activos en 2019, ¿cuántos siguieron activos también en 2020?",
      kind="overlap", period=("2019-01-01", "2019-12-31"), period2=("2020-01-01", "2020-12-31"), mode="both"),
    Q(id="ES-18", category="overlap",
      question="¿Cuántos miembros que tuvieron actividad en el T1 de 2021 no volvieron a aparecer en el T2?",
      kind="overlap", period=("2021-01-01", "2021-03-31"), period2=("2021-04-01", "2021-06-30"), mode="first_not_second"),
    # ---------------- change
    Q(id="ES-19", category="change",
      question="¿Cómo varió el número de miembros activos de marzo de 2020 a marzo de 2021? Deme también el porcentaje.",
      kind="change", period=("2020-03-01", "2020-03-31"), period2=("2021-03-01", "2021-03-31")),
    Q(id="ES-20", category="change",
      question="Comparativa 2022 vs 2023: ¿subieron o bajaron los miembros activos y en qué %?",
      kind="change", period=("2022-01-01", "2022-12-31"), period2=("2023-01-01", "2023-12-31")),
    # ---------------- top5
    Q(id="ES-21", category="top5",
      question="Top 5 de miembros con más días de actividad en 2021",
      kind="top5", period=("2021-01-01", "2021-12-31")),
    Q(id="ES-22", category="top5",
      question="¿Quiénes fueron los 5 contribuidores más constantes en el segundo trimestre de 2019? (por días con actividad)",
      kind="top5", period=("2019-04-01", "2019-06-30")),
    # ---------------- lifecycle
    Q(id="ES-23", category="lifecycle",
      question="Quiero el ciclo de vida de junio de 2020 frente a mayo: nuevos, recurrentes, resucitados y dormidos.",
      kind="lifecycle", period=("2020-06-01", "2020-06-30"), previous=("2020-05-01", "2020-05-31")),
    Q(id="ES-24", category="lifecycle",
      question="dame el lifecycle del cuarto trimestre de 2019 comparado con el trimestre anterior",
      kind="lifecycle", period=("2019-10-01", "2019-12-31"), previous=("2019-07-01", "2019-09-30")),
    # ---------------- retention
    Q(id="ES-25", category="retention",
      question="De la cohorte que empezó en marzo de 2020 (en pleno confinamiento), ¿cuántos seguían activos 3 meses después?",
      kind="retention", cohort="2020-03", months=3),
    Q(id="ES-26", category="retention",
      question="¿Qué retención a un mes tuvo la cohorte de septiembre de 2019?",
      kind="retention", cohort="2019-09", months=1),
    # ---------------- unanswerable
    Q(id="ES-27", category="unanswerable",
      question="¿De qué países son la mayoría de nuestros contribuidores?",
      kind="unanswerable",
      why="The events carry no location: only member ids, timestamps, actions and a folder. Countries cannot be derived."),
    Q(id="ES-28", category="unanswerable",
      question="¿Qué nivel de satisfacción (NPS) tenían los miembros con el proceso de revisión en 2020?",
      kind="unanswerable",
      why="No survey, rating or review-feedback data exists in the events; satisfaction/NPS cannot be measured from activity."),
    # ---------------- free_form
    Q(id="ES-29", category="free_form",
      question="¿Qué pasó en noviembre de 2020?",
      kind="free", period=("2020-11-01", "2020-11-30")),
    Q(id="ES-30", category="free_form",
      question="Cuéntame un poco cómo fue julio de 2019 en la comunidad",
      kind="free", period=("2019-07-01", "2019-07-31")),
]

# ---------------------------------------------------------------- independent pure-Python computation

class Py:
    def __init__(self, path):
        self.events = []
        with open(path, newline="") as f:
            for r in csv.DictReader(f):
                self.events.append((r["member_id"], D(r["occurred_at"][:10]), r["action"]))
        self.first = {}
        for m, d, _ in self.events:
            if m not in self.first or d < self.first[m]:
                self.first[m] = d

    def active(self, a, b, action=None):
        a, b = D(a), D(b)
        return {m for m, d, x in self.events if a <= d <= b and (action is None or x == action)}

    def count(self, a, b, action=None):
        a, b = D(a), D(b)
        return sum(1 for m, d, x in self.events if a <= d <= b and (action is None or x == action))

    def inactive(self, as_of, thr):
        D0 = D(as_of)
        last = {}
        for m, d, _ in self.events:
            if d <= D0 and (m not in last or d > last[m]):
                last[m] = d
        ina = sum(1 for l in last.values() if (D0 - l).days >= thr)
        return {"inactive_members": ina, "active_within_threshold": len(last) - ina,
                "never_active_by_as_of": len(self.first) - len(last)}

    def new(self, a, b):
        return sum(1 for f in self.first.values() if D(a) <= f <= D(b))

    def top(self, a, b):
        days = collections.defaultdict(set)
        for m, d, _ in self.events:
            if D(a) <= d <= D(b):
                days[m].add(d)
        ranked = sorted(((m, len(s)) for m, s in days.items()), key=lambda t: (-t[1], t[0]))
        cut = ranked[4][1]
        return [(m, n) for m, n in ranked if n >= cut]


def build(q, db, py):
    kind = q["kind"]
    out = {"id": q["id"], "language": "es", "category": q["category"]}
    if "follows" in q:
        out["follows"] = q["follows"]
    out["question"] = q["question"]

    def one(sql):
        cur = db.execute(sql)
        cols = [c[0] for c in cur.description]
        rows = cur.fetchall()
        assert len(rows) == 1, (q["id"], rows)
        return dict(zip(cols, rows[0]))

    def figure(row, main):
        exp = {k: row[k] for k in main}
        exp["detail"] = {k: v for k, v in row.items() if k not in main}
        return exp

    if kind == "inactive":
        sql = sql_inactive(q["as_of"], q["threshold"])
        row = one(sql)
        assert row == py.inactive(q["as_of"], q["threshold"]), (q["id"], row)
        exp = figure(row, ["inactive_members"])
        exp["detail"]["threshold_days"] = q["threshold"]
        reading = {"as_of": q["as_of"], "threshold_days": q["threshold"], "action": None,
                   "text": f"Members whose last active day L <= {q['as_of']} and {q['as_of']} - L >= {q['threshold']} days "
                           f"(any action, UTC days); members with no event by {q['as_of']} are not counted."}
        ek = "figure"
    elif kind == "range":
        a, b = q["period"]
        sql = sql_range(a, b)
        row = one(sql)
        assert row == {"active_members": len(py.active(a, b)), "events": py.count(a, b)}, q["id"]
        exp = figure(row, ["active_members"])
        reading = {"period": [a, b], "action": None,
                   "text": f"Distinct members with at least one event (any action) between {a} and {b}, both included."}
        ek = "figure"
    elif kind == "custom":
        a, b = q["period"]
        sql = sql_custom(a, b, q["action"])
        row = one(sql)
        assert row == {"events": py.count(a, b, q["action"]), "members": len(py.active(a, b, q["action"]))}, q["id"]
        exp = figure(row, [q["main"]])
        what = "number of events" if q["main"] == "events" else "number of distinct members"
        reading = {"period": [a, b], "action": q["action"],
                   "text": f"{what} with action {q['action']} between {a} and {b}, both included "
                           f"(the other figure in detail)."}
        ek = "figure"
    elif kind == "new":
        a, b = q["period"]
        sql = sql_new(a, b)
        row = one(sql)
        assert row == {"new_members": py.new(a, b), "active_members": len(py.active(a, b))}, q["id"]
        exp = figure(row, ["new_members"])
        reading = {"period": [a, b],
                   "text": f"Members whose first active day ever falls between {a} and {b}, both included."}
        ek = "figure"
    elif kind == "overlap":
        p1, p2 = q["period"], q["period2"]
        sql = sql_overlap(p1, p2, q["mode"])
        row = one(sql)
        s1, s2 = py.active(*p1), py.active(*p2)
        assert row == {"active_in_both": len(s1 & s2), "active_first_not_second": len(s1 - s2),
                       "active_first_period": len(s1), "active_second_period": len(s2)}, q["id"]
        main = "active_in_both" if q["mode"] == "both" else "active_first_not_second"
        exp = figure(row, [main])
        reading = {"periods": [list(p1), list(p2)],
                   "text": ("Members active in both periods." if q["mode"] == "both"
                            else "Members active in the first period and not in the second.")}
        ek = "figure"
    elif kind == "change":
        p1, p2 = q["period"], q["period2"]
        sql = sql_change(p1, p2)
        row = one(sql)
        e, l = len(py.active(*p1)), len(py.active(*p2))
        exact = Decimal(l - e) * 1000 / Decimal(e)
        assert exact % 1 != Decimal("0.5") and -exact % 1 != Decimal("0.5"), ("rounding tie", q["id"])
        assert row == {"active_members_earlier": e, "active_members_later": l,
                       "percent_change": pct(l - e, e)}, (q["id"], row)
        exp = figure(row, ["active_members_earlier", "active_members_later", "percent_change"])
        exp["detail"]["difference"] = l - e
        reading = {"periods": [list(p1), list(p2)],
                   "text": "Active members in each period; percent = (later - earlier) / earlier * 100, "
                           "rounded half-up to 0.1."}
        ek = "figure"
    elif kind == "top5":
        a, b = q["period"]
        sql = sql_top5(a, b)
        rows = db.execute(sql).fetchall()
        assert [(m, n) for m, n, _ in rows] == py.top(a, b), q["id"]
        top = [{"member_id": m, "active_days": n} for m, n, r in rows if r <= 5]
        cut = top[-1]["active_days"]
        tied = [m for m, n, _ in rows if n == cut]
        exp = {"top_members": top,
               "detail": {"tie_at_cut": any(r > 5 for _, _, r in rows),
                          "active_days_at_cut": cut,
                          "tied_members": tied if any(r > 5 for _, _, r in rows) else []}}
        reading = {"period": [a, b],
                   "text": "Top 5 members by distinct active days in the period, ties broken by member_id."}
        ek = "list"
    elif kind == "lifecycle":
        cur, prev = q["period"], q["previous"]
        sql = sql_lifecycle(cur, prev)
        row = one(sql)
        sc, sp = py.active(*cur), py.active(*prev)
        earlier = {m for m, f in py.first.items() if f < D(prev[0])}
        newm = {m for m in sc if D(cur[0]) <= py.first[m]}
        assert row == {"new": len(newm), "returning": len(sc & sp),
                       "resurrecting": len({m for m in sc - sp if m in earlier}),
                       "dormant": len(sp - sc), "active_members": len(sc),
                       "active_members_previous": len(sp)}, (q["id"], row)
        assert row["new"] + row["returning"] + row["resurrecting"] == row["active_members"], q["id"]
        exp = figure(row, ["new", "returning", "resurrecting", "dormant"])
        reading = {"period": list(cur), "previous_period": list(prev),
                   "text": "new = first active ever in the period; returning = active in it and in the previous "
                           "period; resurrecting = active in it, not in the previous one, but earlier; "
                           "dormant = active in the previous period, not in this one."}
        ek = "figure"
    elif kind == "retention":
        sql = sql_retention(q["cohort"], q["months"])
        row = one(sql)
        c0, c1 = month_bounds(q["cohort"])
        t0, t1 = month_bounds(add_months(q["cohort"], q["months"]))
        cohort = {m for m, f in py.first.items() if D(c0) <= f <= D(c1)}
        kept = cohort & py.active(t0, t1)
        exact = Decimal(len(kept)) * 1000 / Decimal(len(cohort))
        assert exact % 1 != Decimal("0.5"), ("rounding tie", q["id"])
        assert row == {"retained_members": len(kept), "retention_percent": pct(len(kept), len(cohort)),
                       "cohort_size": len(cohort)}, (q["id"], row)
        exp = figure(row, ["retained_members", "retention_percent"])
        exp["detail"]["target_month"] = add_months(q["cohort"], q["months"])
        reading = {"cohort_month": q["cohort"], "months_after": q["months"],
                   "target_month": add_months(q["cohort"], q["months"]),
                   "text": f"Members whose first activity is in {q['cohort']}; retained = those active in calendar "
                           f"month {add_months(q['cohort'], q['months'])} (count and percent of the cohort)."}
        ek = "figure"
    elif kind == "free":
        a, b = q["period"]
        sql = sql_free(a, b)
        row = one(sql)
        assert row["active_members"] == len(py.active(a, b)) and row["events"] == py.count(a, b) \
            and row["new_members"] == py.new(a, b), q["id"]
        for x in ACTIONS:
            assert row[f"events_{x}"] == py.count(a, b, x), q["id"]
        exp = {"active_members": row["active_members"], "events": row["events"], "new_members": row["new_members"],
               "detail": {"events_by_action": {x: row[f"events_{x}"] for x in ACTIONS}}}
        reading = {"period": [a, b],
                   "text": "What happened in the month: active members, events and new members (any action)."}
        ek = "figure"
    elif kind == "unanswerable":
        sql = SQL_COLUMNS
        cols = [r[0] for r in db.execute(sql)]
        assert cols == ["event_id", "member_id", "occurred_at", "action", "content_id"], cols
        exp = {"outcome": "unanswerable", "detail": q["why"]}
        reading = {"text": "Cannot be answered from the data (events: event_id, member_id, occurred_at, action, "
                           "content_id; members: member_id, joined_at). The right answer says so honestly."}
        ek = "unanswerable"
    else:
        raise ValueError(kind)
    out.update({"expected_kind": ek, "expected": exp, "reading": reading, "sql": sql})
    return out


def compute():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, "
               "action TEXT, content_id TEXT)")
    with open(EVENTS, newline="") as f:
        db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?)",
                       [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"])
                        for r in csv.DictReader(f)])
    py = Py(EVENTS)
    ids = [q["id"] for q in QS]
    assert ids == [f"ES-{i:02d}" for i in range(1, 31)], ids
    for i, q in enumerate(QS):
        if "follows" in q:
            assert QS[i - 1]["id"] == q["follows"], q["id"]
    return [build(q, db, py) for q in QS]


def main():
    new = compute()
    text = json.dumps(new, ensure_ascii=False, indent=2) + "\n"
    if "--check" in sys.argv:
        try:
            with open(QUESTIONS, encoding="utf-8") as f:
                old = json.load(f)
        except FileNotFoundError:
            print("questions.json missing")
            sys.exit(1)
        if old != new:
            for o, n in zip(old, new):
                if o != n:
                    print(f"DIFF {n['id']}")
            if len(old) != len(new):
                print(f"DIFF count {len(old)} != {len(new)}")
            sys.exit(1)
        print(f"OK: {len(new)} questions match")
        return
    with open(QUESTIONS, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {QUESTIONS} ({len(new)} questions)")


if __name__ == "__main__":
    main()
