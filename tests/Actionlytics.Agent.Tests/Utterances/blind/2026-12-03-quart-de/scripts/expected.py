#!/usr/bin/env python3
"""Compute every question's expected figures by SQL over events.csv (SQLite, in memory).

Usage: expected.py            rewrite questions.json with the SQL results
       expected.py --check    exit 1 if questions.json differs from the SQL results

Every figure is computed twice: once by the question's `sql` and once by an
independent pure-Python evaluation of its `reading`; any disagreement aborts.
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS = os.path.join(HERE, "events.csv")
QFILE = os.path.join(HERE, "questions.json")

# ---------------------------------------------------------------- questions
# (id, category, question, expected_kind, reading, follows)
Q = [
    ("DE-01", "inactive_as_of", "Wie viele Mitglieder waren am 15. März 2021 inaktiv?",
     {"type": "inactive", "as_of": "2021-03-15", "threshold_days": 30}, None),
    ("DE-02", "inactive_as_of", "Inaktive Member Stand 30.06.2019?",
     {"type": "inactive", "as_of": "2019-06-30", "threshold_days": 30}, None),
    ("DE-03", "inactive_as_of", "Hallo! Können Sie mir sagen, wie viele Mitglieder Ende April 2019 als inaktiv gezählt wurden?",
     {"type": "inactive", "as_of": "2019-04-30", "threshold_days": 30}, None),
    ("DE-04", "threshold", "Und wenn wir die Schwelle auf 60 Tage setzen?",
     {"type": "inactive", "as_of": "2019-04-30", "threshold_days": 60}, "DE-03"),
    ("DE-05", "threshold", "wie viele waren Stand 31. Januar 2019 seit mindestens 6 Wochen nicht mehr aktiv?",
     {"type": "inactive", "as_of": "2019-01-31", "threshold_days": 42}, None),
    ("DE-06", "threshold", "Stichtag 2022-12-31, Inaktivitätsschwelle 3 Monate – wie viele Mitglieder gelten dann als inaktiv?",
     {"type": "inactive", "as_of": "2022-12-31", "threshold_days": 90}, None),
    ("DE-07", "range", "Wie viele Mitglieder waren zwischen dem 2. und 20. Mai 2019 aktiv?",
     {"type": "active", "period": ["2019-05-02", "2019-05-20"]}, None),
    ("DE-08", "range", "Wieviele aktive Mitglieder hatten wir im ersten Quartal 2020?",
     {"type": "active", "period": ["2020-01-01", "2020-03-31"]}, None),
    ("DE-09", "range", "Und im ersten Quartal 2021?",
     {"type": "active", "period": ["2021-01-01", "2021-03-31"]}, "DE-08"),
    ("DE-10", "custom_action", "Wie viele Release-Events (release) gab es 2018 insgesamt?",
     {"type": "action", "period": ["2018-01-01", "2018-12-31"], "action": "release", "figure": "events"}, None),
    ("DE-11", "custom_action", "Und wie viele docs_change-Events im selben Jahr?",
     {"type": "action", "period": ["2018-01-01", "2018-12-31"], "action": "docs_change", "figure": "events"}, "DE-10"),
    ("DE-12", "custom_action", "Kannst du mir sagen, wie viele Personen in den 90 Tagen vor dem 1. Juli 2018 mindestens einen code_change gemacht haben?",
     {"type": "action", "period": ["2018-04-02", "2018-06-30"], "action": "code_change", "figure": "members"}, None),
    ("DE-13", "custom_action", "Wie viele verschiedene Leute haben im Jahr 2022 an der Doku gearbeitet (Aktion docs_change)?",
     {"type": "action", "period": ["2022-01-01", "2022-12-31"], "action": "docs_change", "figure": "members"}, None),
    ("DE-14", "new_members", "Wie viele neue Mitglieder sind 2018 dazugekommen?",
     {"type": "new", "period": ["2018-01-01", "2018-12-31"]}, None),
    ("DE-15", "new_members", "Neue Mitglieder im ersten Halbjahr 2022?",
     {"type": "new", "period": ["2022-01-01", "2022-06-30"]}, None),
    ("DE-16", "new_members", "ok, und im zweiten Halbjahr?",
     {"type": "new", "period": ["2022-07-01", "2022-12-31"]}, "DE-15"),
    ("DE-17", "overlap", "Wie viele Mitglieder waren sowohl 2023 als auch 2024 aktiv?",
     {"type": "overlap", "mode": "both", "periods": [["2023-01-01", "2023-12-31"], ["2024-01-01", "2024-12-31"]]}, None),
    ("DE-18", "overlap", "Wie viele, die im ersten Halbjahr 2018 aktiv waren, waren im zweiten Halbjahr 2018 gar nicht mehr aktiv?",
     {"type": "overlap", "mode": "first_not_second", "periods": [["2018-01-01", "2018-06-30"], ["2018-07-01", "2018-12-31"]]}, None),
    ("DE-19", "change", "Um wieviel Prozent hat sich die Zahl der aktiven Mitglieder von 2018 auf 2019 verändert?",
     {"type": "change", "periods": [["2018-01-01", "2018-12-31"], ["2019-01-01", "2019-12-31"]]}, None),
    ("DE-20", "change", "Vergleich aktive Mitglieder Q2 2020 ggü. Q2 2021 – wie groß ist die Veränderung in %?",
     {"type": "change", "periods": [["2020-04-01", "2020-06-30"], ["2021-04-01", "2021-06-30"]]}, None),
    ("DE-21", "top5", "Wer waren 2019 unsere Top 5 nach aktiven Tagen?",
     {"type": "top5", "period": ["2019-01-01", "2019-12-31"]}, None),
    ("DE-22", "top5", "Zeig mir bitte die fünf aktivsten Mitglieder im 2. Halbjahr 2024 (gemessen an der Zahl der aktiven Tage).",
     {"type": "top5", "period": ["2024-07-01", "2024-12-31"]}, None),
    ("DE-23", "lifecycle", "Wie sieht der Lifecycle für April 2018 im Vergleich zum März aus? Also neu, zurückkehrend, reaktiviert und ruhend.",
     {"type": "lifecycle", "period": ["2018-04-01", "2018-04-30"], "previous_period": ["2018-03-01", "2018-03-31"]}, None),
    ("DE-24", "lifecycle", "Lebenszyklus-Aufschlüsselung fürs dritte Quartal 2022 gegenüber dem Vorquartal, bitte.",
     {"type": "lifecycle", "period": ["2022-07-01", "2022-09-30"], "previous_period": ["2022-04-01", "2022-06-30"]}, None),
    ("DE-25", "retention", "Von den Leuten, die im April 2020 zum ersten Mal aktiv waren – wie viele davon waren im Monat danach noch aktiv?",
     {"type": "retention", "cohort_month": "2020-04", "months_after": 1}, None),
    ("DE-26", "retention", "Retention der Kohorte Dezember 2018 nach 4 Monaten?",
     {"type": "retention", "cohort_month": "2018-12", "months_after": 4}, None),
    ("DE-27", "unanswerable", "Aus welchen Ländern kommen unsere aktivsten Mitglieder eigentlich?",
     {"type": "unanswerable", "text": "Die Daten enthalten keinen Wohnort/kein Land der Mitglieder (nur member_id, Zeitpunkt, Aktion, Inhalt)."}, None),
    ("DE-28", "unanswerable", "Wie zufrieden waren die Mitglieder 2020 mit der Community? Gibt es dazu eine Zufriedenheitsquote?",
     {"type": "unanswerable", "text": "Zufriedenheit wird in den Ereignisdaten nicht erfasst; es gibt keine Umfrage- oder Bewertungsdaten."}, None),
    ("DE-29", "free_form", "Was ist im Juli 2022 passiert?",
     {"type": "summary", "period": ["2022-07-01", "2022-07-31"]}, None),
    ("DE-30", "free_form", "Kurzer Überblick bitte: wie lief der November 2024 bei uns?",
     {"type": "summary", "period": ["2024-11-01", "2024-11-30"]}, None),
]


def d(s):
    return date.fromisoformat(s)


def month_bounds(ym, add=0):
    y, m = map(int, ym.split("-"))
    m += add
    y += (m - 1) // 12
    m = (m - 1) % 12 + 1
    start = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return start.isoformat(), (nxt - timedelta(days=1)).isoformat()


def pct(num, den):
    return float((Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# ---------------------------------------------------------------- SQL
def sql_for(r):
    t = r["type"]
    if t == "inactive":
        D, I = r["as_of"], r["threshold_days"]
        return (f"WITH last AS (SELECT member_id, MAX(day) AS l FROM events WHERE day <= '{D}' GROUP BY member_id) "
                f"SELECT SUM(julianday('{D}') - julianday(l) >= {I}) AS inactive_members, "
                f"SUM(julianday('{D}') - julianday(l) < {I}) AS not_inactive_members, "
                f"(SELECT COUNT(DISTINCT member_id) FROM events) - COUNT(*) AS never_active_by_as_of FROM last")
    if t == "active":
        s, e = r["period"]
        return (f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events "
                f"FROM events WHERE day BETWEEN '{s}' AND '{e}'")
    if t == "action":
        s, e = r["period"]
        return (f"SELECT COUNT(*) AS events, COUNT(DISTINCT member_id) AS members "
                f"FROM events WHERE action = '{r['action']}' AND day BETWEEN '{s}' AND '{e}'")
    if t == "new":
        s, e = r["period"]
        return (f"SELECT COUNT(*) AS new_members FROM (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id) "
                f"WHERE f BETWEEN '{s}' AND '{e}'")
    if t == "overlap":
        (s1, e1), (s2, e2) = r["periods"]
        op = "IN" if r["mode"] == "both" else "NOT IN"
        return (f"SELECT COUNT(DISTINCT member_id) AS {'members_in_both' if r['mode'] == 'both' else 'members_first_not_second'}, "
                f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{s1}' AND '{e1}') AS active_first, "
                f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{s2}' AND '{e2}') AS active_second "
                f"FROM events WHERE day BETWEEN '{s1}' AND '{e1}' AND member_id {op} "
                f"(SELECT member_id FROM events WHERE day BETWEEN '{s2}' AND '{e2}')")
    if t == "change":
        (s1, e1), (s2, e2) = r["periods"]
        return (f"SELECT a AS active_earlier, b AS active_later, ROUND((b - a) * 100.0 / a, 1) AS change_percent FROM "
                f"(SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{s1}' AND '{e1}') AS a, "
                f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{s2}' AND '{e2}') AS b)")
    if t == "top5":
        s, e = r["period"]
        return (f"SELECT member_id, COUNT(DISTINCT day) AS active_days FROM events WHERE day BETWEEN '{s}' AND '{e}' "
                f"GROUP BY member_id ORDER BY active_days DESC, member_id ASC")
    if t == "lifecycle":
        s, e = r["period"]
        ps, pe = r["previous_period"]
        return (f"WITH cur AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{s}' AND '{e}'), "
                f"prev AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{ps}' AND '{pe}'), "
                f"earlier_m AS (SELECT DISTINCT member_id FROM events WHERE day < '{ps}') "
                f"SELECT (SELECT COUNT(*) FROM cur WHERE member_id NOT IN (SELECT member_id FROM events WHERE day < '{s}')) AS \"new\", "
                f"(SELECT COUNT(*) FROM cur WHERE member_id IN prev) AS \"returning\", "
                f"(SELECT COUNT(*) FROM cur WHERE member_id NOT IN prev AND member_id IN earlier_m) AS resurrecting, "
                f"(SELECT COUNT(*) FROM prev WHERE member_id NOT IN cur) AS dormant, "
                f"(SELECT COUNT(*) FROM cur) AS active_members, (SELECT COUNT(*) FROM prev) AS active_previous")
    if t == "retention":
        cs, ce = month_bounds(r["cohort_month"])
        ts, te = month_bounds(r["cohort_month"], r["months_after"])
        return (f"WITH cohort AS (SELECT member_id FROM events GROUP BY member_id HAVING MIN(day) BETWEEN '{cs}' AND '{ce}') "
                f"SELECT (SELECT COUNT(*) FROM cohort) AS cohort_size, "
                f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{ts}' AND '{te}' "
                f"AND member_id IN cohort) AS retained_members")
    if t == "summary":
        s, e = r["period"]
        return (f"SELECT COUNT(DISTINCT member_id) AS active_members, COUNT(*) AS events, "
                f"(SELECT COUNT(*) FROM (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id) "
                f"WHERE f BETWEEN '{s}' AND '{e}') AS new_members FROM events WHERE day BETWEEN '{s}' AND '{e}'")
    return None


def expected_from_sql(con, r):
    t = r["type"]
    if t == "unanswerable":
        return "unanswerable", {"outcome": "unanswerable", "detail": r["text"]}
    cur = con.execute(sql_for(r))
    cols = [c[0] for c in cur.description]
    rows = [dict(zip(cols, row)) for row in cur.fetchall()]
    if t == "top5":
        top = [{"member_id": x["member_id"], "active_days": x["active_days"]} for x in rows[:5]]
        cut = top[-1]["active_days"]
        tied = [x["member_id"] for x in rows if x["active_days"] == cut]
        tie = len(rows) > 5 and rows[5]["active_days"] == cut
        return "list", {"top_members": top, "detail": {
            "tie_at_cut": tie, "active_days_at_cut": cut, "tied_members": tied if tie else [],
            "members_active_in_period": len(rows)}}
    row = rows[0]
    if t == "inactive":
        return "figure", {"inactive_members": row["inactive_members"], "detail": {
            "never_active_by_as_of": row["never_active_by_as_of"],
            "active_within_threshold": row["not_inactive_members"]}}
    if t == "active":
        return "figure", {"active_members": row["active_members"], "detail": {"events": row["events"]}}
    if t == "action":
        main, other = r["figure"], ("members" if r["figure"] == "events" else "events")
        return "figure", {main: row[main], "detail": {other: row[other]}}
    if t == "new":
        return "figure", {"new_members": row["new_members"]}
    if t == "overlap":
        k = "members_in_both" if r["mode"] == "both" else "members_first_not_second"
        return "figure", {k: row[k], "detail": {"active_first_period": row["active_first"],
                                                "active_second_period": row["active_second"]}}
    if t == "change":
        p = pct(row["active_later"] - row["active_earlier"], row["active_earlier"])
        if abs(p - row["change_percent"]) > 1e-9:
            raise SystemExit(f"rounding mismatch {p} vs {row['change_percent']}")
        return "figure", {"active_earlier": row["active_earlier"], "active_later": row["active_later"],
                          "change_percent": p}
    if t == "lifecycle":
        return "figure", {"new": row["new"], "returning": row["returning"], "resurrecting": row["resurrecting"],
                          "dormant": row["dormant"], "detail": {"active_members": row["active_members"],
                                                                "active_previous_period": row["active_previous"]}}
    if t == "retention":
        return "figure", {"retained_members": row["retained_members"],
                          "retention_percent": pct(row["retained_members"], row["cohort_size"]),
                          "detail": {"cohort_size": row["cohort_size"]}}
    if t == "summary":
        return "figure", {"active_members": row["active_members"], "events": row["events"],
                          "new_members": row["new_members"]}
    raise ValueError(t)


# ---------------------------------------------------------------- independent check (pure Python)
def python_eval(ev, r):
    t = r["type"]
    first = {}
    for m, day, a in ev:
        first[m] = min(first.get(m, day), day)
    def act(s, e, action=None):
        return {m for m, day, a in ev if s <= day <= e and (action is None or a == action)}
    if t == "unanswerable":
        return None
    if t == "inactive":
        D = r["as_of"]; last = {}
        for m, day, a in ev:
            if day <= D:
                last[m] = max(last.get(m, day), day)
        ina = sum((d(D) - d(l)).days >= r["threshold_days"] for l in last.values())
        return {"inactive_members": ina, "never": len(first) - len(last)}
    if t == "active":
        return {"active_members": len(act(*r["period"]))}
    if t == "action":
        s, e = r["period"]
        evs = [x for x in ev if s <= x[1] <= e and x[2] == r["action"]]
        return {"events": len(evs), "members": len({x[0] for x in evs})}
    if t == "new":
        s, e = r["period"]
        return {"new_members": sum(s <= f <= e for f in first.values())}
    if t == "overlap":
        a, b = act(*r["periods"][0]), act(*r["periods"][1])
        return {"n": len(a & b) if r["mode"] == "both" else len(a - b)}
    if t == "change":
        a, b = len(act(*r["periods"][0])), len(act(*r["periods"][1]))
        return {"a": a, "b": b, "p": pct(b - a, a)}
    if t == "top5":
        s, e = r["period"]; days = {}
        for m, day, a in ev:
            if s <= day <= e:
                days.setdefault(m, set()).add(day)
        return sorted(((m, len(v)) for m, v in days.items()), key=lambda x: (-x[1], x[0]))[:5]
    if t == "lifecycle":
        s, e = r["period"]; ps, pe = r["previous_period"]
        cur, prev = act(s, e), act(ps, pe)
        earlier = {m for m, day, a in ev if day < ps}
        return {"new": sum(first[m] >= s for m in cur), "returning": len(cur & prev),
                "resurrecting": len((cur - prev) & earlier), "dormant": len(prev - cur)}
    if t == "retention":
        cs, ce = month_bounds(r["cohort_month"]); ts, te = month_bounds(r["cohort_month"], r["months_after"])
        coh = {m for m, f in first.items() if cs <= f <= ce}
        return {"cohort": len(coh), "ret": len(coh & act(ts, te))}
    if t == "summary":
        s, e = r["period"]
        return {"active": len(act(s, e)), "events": sum(s <= x[1] <= e for x in ev),
                "new": sum(s <= f <= e for f in first.values())}


def agree(r, exp, py):
    t = r["type"]
    if t == "unanswerable":
        return True
    if t == "inactive":
        return exp["inactive_members"] == py["inactive_members"] and exp["detail"]["never_active_by_as_of"] == py["never"]
    if t == "active":
        return exp["active_members"] == py["active_members"]
    if t == "action":
        both = {r["figure"]: exp[r["figure"]], **exp["detail"]}
        return both == py
    if t == "new":
        return exp == py
    if t == "overlap":
        return list(v for k, v in exp.items() if k != "detail") == [py["n"]]
    if t == "change":
        return (exp["active_earlier"], exp["active_later"], exp["change_percent"]) == (py["a"], py["b"], py["p"])
    if t == "top5":
        return [(x["member_id"], x["active_days"]) for x in exp["top_members"]] == py
    if t == "lifecycle":
        return {k: exp[k] for k in ("new", "returning", "resurrecting", "dormant")} == py
    if t == "retention":
        return (exp["detail"]["cohort_size"], exp["retained_members"]) == (py["cohort"], py["ret"])
    if t == "summary":
        return (exp["active_members"], exp["events"], exp["new_members"]) == (py["active"], py["events"], py["new"])


def reading_text(r):
    t = r["type"]
    if t == "inactive":
        return (f"Inaktiv zum Stichtag {r['as_of']} mit Schwelle {r['threshold_days']} Tagen: Mitglieder mit letztem aktiven Tag "
                f"L <= Stichtag und Stichtag - L >= {r['threshold_days']}; ohne Ereignis bis zum Stichtag nicht gezählt.")
    if t == "active":
        return f"Mitglieder mit mindestens einem Ereignis (jede Aktion) vom {r['period'][0]} bis {r['period'][1]} (beide inklusive)."
    if t == "action":
        what = "Anzahl Ereignisse" if r["figure"] == "events" else "Anzahl verschiedener Mitglieder"
        return f"{what} mit Aktion {r['action']} vom {r['period'][0]} bis {r['period'][1]} (beide inklusive)."
    if t == "new":
        return f"Mitglieder, deren erster aktiver Tag überhaupt zwischen {r['period'][0]} und {r['period'][1]} liegt."
    if t == "overlap":
        (s1, e1), (s2, e2) = r["periods"]
        rel = "in beiden Zeiträumen aktiv" if r["mode"] == "both" else "im ersten aktiv, im zweiten nicht"
        return f"Mitglieder {rel}: [{s1}, {e1}] und [{s2}, {e2}]."
    if t == "change":
        (s1, e1), (s2, e2) = r["periods"]
        return (f"Aktive Mitglieder in [{s1}, {e1}] (früher) und [{s2}, {e2}] (später); Prozent = (später - früher) / früher * 100, "
                f"kaufmännisch auf 0,1 gerundet.")
    if t == "top5":
        return f"Top 5 nach verschiedenen aktiven Tagen vom {r['period'][0]} bis {r['period'][1]}; Gleichstand nach member_id."
    if t == "lifecycle":
        return (f"Lifecycle von [{r['period'][0]}, {r['period'][1]}] gegenüber [{r['previous_period'][0]}, {r['previous_period'][1]}]: "
                f"new, returning, resurrecting, dormant.")
    if t == "retention":
        ts, te = month_bounds(r["cohort_month"], r["months_after"])
        return (f"Kohorte = erste Aktivität im Monat {r['cohort_month']}; gehalten = Kohortenmitglieder aktiv im Kalendermonat "
                f"{ts[:7]} (M+{r['months_after']}); Prozent auf 0,1 gerundet.")
    if t == "summary":
        return f"Überblick {r['period'][0]} bis {r['period'][1]}: aktive Mitglieder, Ereignisse, neue Mitglieder."
    if t == "unanswerable":
        return "Nicht beantwortbar: " + r["text"]


def build():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT, "
                "content_id TEXT, day TEXT)")
    ev = []
    with open(EVENTS, newline="") as f:
        for row in csv.DictReader(f):
            day = row["occurred_at"][:10]  # UTC calendar day
            con.execute("INSERT INTO events VALUES (?,?,?,?,?,?)", (row["event_id"], row["member_id"],
                        row["occurred_at"], row["action"], row["content_id"], day))
            ev.append((row["member_id"], day, row["action"]))
    out = []
    for qid, cat, text, reading, follows in Q:
        kind, exp = expected_from_sql(con, reading)
        py = python_eval(ev, reading)
        if not agree(reading, exp, py):
            raise SystemExit(f"{qid}: SQL {exp} != Python {py}")
        rd = {k: v for k, v in reading.items() if k != "type"}
        rd["text"] = reading_text(reading)
        if reading["type"] == "retention":
            rd["cohort_period"] = list(month_bounds(reading["cohort_month"]))
            rd["target_period"] = list(month_bounds(reading["cohort_month"], reading["months_after"]))
        if reading["type"] in ("inactive", "active", "action", "new", "overlap", "change", "top5", "lifecycle",
                               "retention", "summary") and "action" not in rd:
            rd["action"] = None
        o = {"id": qid, "language": "de", "category": cat, "question": text, "expected_kind": kind,
             "expected": exp, "reading": rd, "sql": sql_for(reading)}
        if follows:
            o["follows"] = follows
        out.append(o)
    return out


def main():
    out = build()
    if "--check" in sys.argv:
        try:
            cur = json.load(open(QFILE, encoding="utf-8"))
        except FileNotFoundError:
            print("questions.json missing"); sys.exit(1)
        if cur != out:
            old = {q["id"]: q for q in cur}
            for q in out:
                if old.get(q["id"]) != q:
                    print("DIFF", q["id"])
            if len(cur) != len(out):
                print("DIFF count", len(cur), len(out))
            sys.exit(1)
        print(f"OK: {len(out)} questions match")
        return
    with open(QFILE, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {len(out)} questions")


if __name__ == "__main__":
    main()
