#!/usr/bin/env python3
"""Compute every expected figure of the German blind set with SQL (sqlite3) over events.csv.

Usage:
  python3 scripts/expected.py          # writes questions.json
  python3 scripts/expected.py --check  # recomputes and compares with questions.json; exit 1 on a difference
"""
import csv
import datetime as dt
import json
import os
import sqlite3
import sys
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)


def load():
    c = sqlite3.connect(":memory:")
    c.execute("CREATE TABLE events(event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, action TEXT,"
              " content_id TEXT, day TEXT)")
    with open(os.path.join(OUT, "events.csv"), encoding="utf-8") as f:
        rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"], r["occurred_at"][:10])
                for r in csv.DictReader(f)]
    c.executemany("INSERT INTO events VALUES(?,?,?,?,?,?)", rows)
    c.execute("CREATE INDEX ix_day ON events(day)")
    return c


def one(c, sql):
    return c.execute(sql).fetchone()[0]


def pct(num, den):
    if den == 0:
        return None
    return float((Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def act(action):
    return f" AND action = '{action}'" if action else ""


def month_bounds(ym):
    y, m = map(int, ym.split("-"))
    start = dt.date(y, m, 1)
    end = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return start.isoformat(), end.isoformat()


def add_months(ym, n):
    y, m = map(int, ym.split("-"))
    k = y * 12 + (m - 1) + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


# ---------------------------------------------------------------- SQL builders

def sql_inactive(as_of, thr, strict=False):
    op = ">" if strict else ">="
    return (f"SELECT COUNT(*) FROM (SELECT member_id, MAX(day) AS last_day FROM events WHERE day <= '{as_of}' "
            f"GROUP BY member_id) WHERE julianday('{as_of}') - julianday(last_day) {op} {thr}")


def sql_active(a, b, action=None):
    return f"SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a}' AND '{b}'{act(action)}"


def sql_events(a, b, action=None):
    return f"SELECT COUNT(*) FROM events WHERE day BETWEEN '{a}' AND '{b}'{act(action)}"


def sql_new(a, b):
    return (f"SELECT COUNT(*) FROM (SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id) "
            f"WHERE first_day BETWEEN '{a}' AND '{b}'")


def sql_set(a, b, action=None):
    return f"SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a}' AND '{b}'{act(action)}"


# ---------------------------------------------------------------- computations

def q_inactive(c, as_of, thr=30):
    s = sql_inactive(as_of, thr)
    n = one(c, s)
    seen = one(c, f"SELECT COUNT(DISTINCT member_id) FROM events WHERE day <= '{as_of}'")
    exp = {"inactive_members": n,
           "detail": {"as_of": as_of, "threshold_days": thr, "members_active_by_as_of": seen,
                      "active_within_threshold": seen - n},
           "alternative_strictly_more_than_threshold": one(c, sql_inactive(as_of, thr, strict=True))}
    return exp, s


def q_range(c, a, b):
    s = sql_active(a, b)
    return {"active_members": one(c, s), "detail": {"events": one(c, sql_events(a, b))}}, s


def q_action(c, a, b, action):
    s = sql_events(a, b, action)
    return {"events": one(c, s), "detail": {"distinct_members": one(c, sql_active(a, b, action)),
                                            "action": action}}, s


def q_new(c, a, b):
    s = sql_new(a, b)
    return {"new_members": one(c, s), "detail": {"active_members": one(c, sql_active(a, b))}}, s


def q_overlap(c, p1, p2, a1=None, a2=None, mode="both", alt_any_b=False):
    A, B = sql_set(*p1, a1), sql_set(*p2, a2)
    if mode == "both":
        s = f"SELECT COUNT(*) FROM ({A} INTERSECT {B})"
        exp = {"overlap_members": one(c, s)}
    else:
        s = f"SELECT COUNT(*) FROM ({A} EXCEPT {B})"
        exp = {"members_in_a_not_b": one(c, s)}
    exp["detail"] = {"members_a": one(c, f"SELECT COUNT(*) FROM ({A})"),
                     "members_b": one(c, f"SELECT COUNT(*) FROM ({B})")}
    if alt_any_b:
        exp["alternative_not_active_at_all_in_b"] = one(c, f"SELECT COUNT(*) FROM ({A} EXCEPT {sql_set(*p2)})")
    return exp, s


def q_change(c, p1, p2):
    s1, s2 = sql_active(*p1), sql_active(*p2)
    n1, n2 = one(c, s1), one(c, s2)
    return {"active_members_earlier": n1, "active_members_later": n2, "percent_change": pct(n2 - n1, n1),
            "detail": {"difference": n2 - n1}}, f"{s1} ; {s2}"


def q_top5(c, a, b):
    s = (f"SELECT member_id, COUNT(DISTINCT day) AS days FROM events WHERE day BETWEEN '{a}' AND '{b}' "
         f"GROUP BY member_id ORDER BY days DESC, member_id ASC LIMIT 6")
    rows = c.execute(s).fetchall()
    top = rows[:5]
    tie = len(rows) == 6 and rows[5][1] == rows[4][1]
    ev = c.execute(f"SELECT member_id, COUNT(*) AS n FROM events WHERE day BETWEEN '{a}' AND '{b}' "
                   f"GROUP BY member_id ORDER BY n DESC, member_id ASC LIMIT 5").fetchall()
    exp = {"members": [m for m, _ in top], "note_tie_at_cut": tie,
           "detail": {"active_days": {m: d for m, d in top},
                      "sixth": {"member_id": rows[5][0], "active_days": rows[5][1]} if len(rows) == 6 else None,
                      "top5_by_events": [m for m, _ in ev], "events": {m: n for m, n in ev}}}
    return exp, s.replace("LIMIT 6", "LIMIT 5")


def q_lifecycle(c, cur, prev):
    (a, b), (pa, pb) = cur, prev
    C, P = sql_set(a, b), sql_set(pa, pb)
    first = "SELECT member_id FROM events GROUP BY member_id HAVING MIN(day)"
    s_new = f"SELECT COUNT(*) FROM ({C} INTERSECT {first} BETWEEN '{a}' AND '{b}')"
    s_ret = f"SELECT COUNT(*) FROM ({C} INTERSECT {P})"
    s_res = f"SELECT COUNT(*) FROM ({C} EXCEPT {P} INTERSECT {first} < '{pa}')"
    s_dor = f"SELECT COUNT(*) FROM ({P} EXCEPT {C})"
    new, ret, res, dor = (one(c, x) for x in (s_new, s_ret, s_res, s_dor))
    active = one(c, f"SELECT COUNT(*) FROM ({C})")
    assert new + ret + res == active
    return {"new": new, "returning": ret, "resurrecting": res, "dormant": dor,
            "detail": {"gained": new + res, "lost": dor, "active_members": active,
                       "active_members_previous": one(c, f"SELECT COUNT(*) FROM ({P})")}}, \
        f"{s_new} ; {s_ret} ; {s_res} ; {s_dor}"


def q_retention(c, ym, n):
    a, b = month_bounds(ym)
    ra, rb = month_bounds(add_months(ym, n))
    cohort = f"SELECT member_id FROM events GROUP BY member_id HAVING MIN(day) BETWEEN '{a}' AND '{b}'"
    s = f"SELECT COUNT(*) FROM ({cohort} INTERSECT {sql_set(ra, rb)})"
    size = one(c, f"SELECT COUNT(*) FROM ({cohort})")
    kept = one(c, s)
    alt_a = month_bounds(add_months(ym, 1))[0]
    alt = one(c, f"SELECT COUNT(*) FROM ({cohort} INTERSECT {sql_set(alt_a, rb)})")
    return {"retained_members": kept, "retention_percent": pct(kept, size),
            "detail": {"cohort_size": size, "cohort_month": ym, "measured_month": add_months(ym, n)},
            "alternative_active_any_time_in_next_n_months": alt}, s


def q_free(c, ym):
    a, b = month_bounds(ym)
    s1, s2, s3 = sql_active(a, b), sql_events(a, b), sql_new(a, b)
    by_action = dict(c.execute(f"SELECT action, COUNT(*) FROM events WHERE day BETWEEN '{a}' AND '{b}' "
                               f"GROUP BY action ORDER BY action").fetchall())
    return {"active_members": one(c, s1), "events": one(c, s2), "new_members": one(c, s3),
            "detail": {"events_by_action": by_action}}, f"{s1} ; {s2} ; {s3}"


# ---------------------------------------------------------------- the questions

def R(period=None, periods=None, action=None, as_of=None, thr=None, text=""):
    return {"period": period, "periods": periods, "action": action, "as_of": as_of, "threshold_days": thr,
            "text": text}


def questions():
    Q = []

    def add(cat, kind, text, reading, fn):
        Q.append((cat, kind, text, reading, fn))

    # inactive_as_of (4)
    add("inactive_as_of", "figure", "Wie viele Contributors waren zum 31.12.2020 inaktiv?",
        R(as_of="2020-12-31", thr=30, text="Mitglieder mit letztem Commit-Tag L <= 2020-12-31 und 2020-12-31 - L >= 30 Tage"),
        lambda c: q_inactive(c, "2020-12-31"))
    add("inactive_as_of", "figure",
        "Stand 30. Juni 2018: wie viele Leute, die schon mal was committet haben, sind gerade inaktiv?",
        R(as_of="2018-06-30", thr=30, text="inaktiv zum 2018-06-30, Standardschwelle 30 Tage"),
        lambda c: q_inactive(c, "2018-06-30"))
    add("inactive_as_of", "figure", "Kannst du mir sagen, wie viele Mitwirkende Ende April 2022 als inaktiv galten?",
        R(as_of="2022-04-30", thr=30, text="Ende April 2022 = 2022-04-30, Standardschwelle 30 Tage"),
        lambda c: q_inactive(c, "2022-04-30"))
    add("inactive_as_of", "figure", "Anzahl inaktiver Contributors am 3. Mai 2019 (Standard-Schwelle), bitte",
        R(as_of="2019-05-03", thr=30, text="inaktiv zum 2019-05-03, Schwelle 30 Tage"),
        lambda c: q_inactive(c, "2019-05-03"))

    # threshold (3)
    add("threshold", "figure",
        "Wie viele Contributors hatten am 1. Oktober 2017 seit mindestens 8 Wochen keinen Commit mehr gemacht?",
        R(as_of="2017-10-01", thr=56, text="8 Wochen = 56 Tage; letzter Commit-Tag L <= 2017-10-01 und Abstand >= 56"),
        lambda c: q_inactive(c, "2017-10-01", 56))
    add("threshold", "figure",
        "Wenn wir 3 Monate ohne Commit als Grenze nehmen: wie viele Leute sind Ende Q3 2021 inaktiv? Mir reicht die Zahl.",
        R(as_of="2021-09-30", thr=90, text="3 Monate = 90 Tage; Ende Q3 2021 = 2021-09-30"),
        lambda c: q_inactive(c, "2021-09-30", 90))
    add("threshold", "figure",
        "Mit einer Inaktivitätsschwelle von 100 Tagen – wie viele Mitwirkende waren am 2023-05-15 inaktiv?",
        R(as_of="2023-05-15", thr=100, text="inaktiv zum 2023-05-15 mit Schwelle 100 Tage"),
        lambda c: q_inactive(c, "2023-05-15", 100))

    # range (3)
    add("range", "figure", "Wie viele Contributors waren vom 1. bis 15. März 2021 aktiv?",
        R(period=["2021-03-01", "2021-03-15"], text="verschiedene Mitglieder mit mind. einem Commit 2021-03-01..2021-03-15"),
        lambda c: q_range(c, "2021-03-01", "2021-03-15"))
    add("range", "figure", "Aktive Mitwirkende im zweiten Quartal 2017?",
        R(period=["2017-04-01", "2017-06-30"], text="Q2 2017 = 2017-04-01..2017-06-30"),
        lambda c: q_range(c, "2017-04-01", "2017-06-30"))
    add("range", "figure",
        "Wie viele verschiedene Personen haben in den 30 Tagen vor dem 1. Oktober 2019 mindestens einen Commit gemacht?",
        R(period=["2019-09-01", "2019-09-30"], text="die 30 Tage vor D = [D-30, D-1] = 2019-09-01..2019-09-30"),
        lambda c: q_range(c, "2019-09-01", "2019-09-30"))

    # custom_action (4)
    add("custom_action", "figure", "Wie viele Release-Commits gab es im Jahr 2020 insgesamt?",
        R(period=["2020-01-01", "2020-12-31"], action="release", text="Ereignisse mit action=release in 2020"),
        lambda c: q_action(c, "2020-01-01", "2020-12-31", "release"))
    add("custom_action", "figure", "Wie viele Doku-Änderungen (docs_update) hatten wir im Oktober 2024?",
        R(period=["2024-10-01", "2024-10-31"], action="docs_update", text="Ereignisse mit action=docs_update im Oktober 2024"),
        lambda c: q_action(c, "2024-10-01", "2024-10-31", "docs_update"))
    add("custom_action", "figure", "Im ersten Halbjahr 2018: wie oft wurde ein Test-Commit (test_change) gemacht?",
        R(period=["2018-01-01", "2018-06-30"], action="test_change", text="Ereignisse mit action=test_change 2018-01-01..2018-06-30"),
        lambda c: q_action(c, "2018-01-01", "2018-06-30", "test_change"))
    add("custom_action", "figure",
        "code_change-Commits zwischen dem 01.09.2016 und dem 30.11.2016 – wie viele waren das?",
        R(period=["2016-09-01", "2016-11-30"], action="code_change", text="Ereignisse mit action=code_change 2016-09-01..2016-11-30"),
        lambda c: q_action(c, "2016-09-01", "2016-11-30", "code_change"))

    # new_members (3)
    add("new_members", "figure", "Wie viele neue Contributors sind 2016 dazugekommen?",
        R(period=["2016-01-01", "2016-12-31"], text="Mitglieder, deren erster Commit-Tag überhaupt in 2016 liegt"),
        lambda c: q_new(c, "2016-01-01", "2016-12-31"))
    add("new_members", "figure",
        "Wie viele Leute haben im Oktober 2024 zum allerersten Mal einen Commit zu Sphinx beigesteuert?",
        R(period=["2024-10-01", "2024-10-31"], text="erster Commit-Tag überhaupt im Oktober 2024"),
        lambda c: q_new(c, "2024-10-01", "2024-10-31"))
    add("new_members", "figure", "Neue Mitwirkende zwischen 01.01.2021 und 30.06.2021?",
        R(period=["2021-01-01", "2021-06-30"], text="erster Commit-Tag überhaupt 2021-01-01..2021-06-30"),
        lambda c: q_new(c, "2021-01-01", "2021-06-30"))

    # overlap (2)
    add("overlap", "figure", "Wie viele Contributors waren sowohl im Q1 2020 als auch im Q1 2021 aktiv?",
        R(periods=[["2020-01-01", "2020-03-31"], ["2021-01-01", "2021-03-31"]],
          text="Mitglieder mit Commits in beiden Zeiträumen"),
        lambda c: q_overlap(c, ("2020-01-01", "2020-03-31"), ("2021-01-01", "2021-03-31")))
    add("overlap", "figure",
        "Von denen, die 2019 an der Doku gearbeitet haben (docs_update): wie viele haben 2020 keine einzige Doku-Änderung mehr gemacht?",
        R(periods=[["2019-01-01", "2019-12-31"], ["2020-01-01", "2020-12-31"]], action="docs_update",
          text="Mitglieder mit docs_update in 2019 und ohne docs_update in 2020 (Aktion auf beiden Seiten)"),
        lambda c: q_overlap(c, ("2019-01-01", "2019-12-31"), ("2020-01-01", "2020-12-31"),
                            "docs_update", "docs_update", mode="a_not_b", alt_any_b=True))

    # change (3)
    add("change", "comparison", "Wie hat sich die Zahl der aktiven Contributors von 2019 auf 2020 entwickelt?",
        R(periods=[["2019-01-01", "2019-12-31"], ["2020-01-01", "2020-12-31"]], text="aktive Mitglieder 2019 vs. 2020, prozentuale Veränderung"),
        lambda c: q_change(c, ("2019-01-01", "2019-12-31"), ("2020-01-01", "2020-12-31")))
    add("change", "comparison",
        "März 2021 verglichen mit März 2022: hatten wir mehr oder weniger aktive Mitwirkende? Gern mit Prozentangabe.",
        R(periods=[["2021-03-01", "2021-03-31"], ["2022-03-01", "2022-03-31"]], text="aktive Mitglieder März 2021 vs. März 2022"),
        lambda c: q_change(c, ("2021-03-01", "2021-03-31"), ("2022-03-01", "2022-03-31")))
    add("change", "comparison", "Q3 2023 vs. Q3 2024 – wie stark hat sich die Zahl der aktiven Leute verändert?",
        R(periods=[["2023-07-01", "2023-09-30"], ["2024-07-01", "2024-09-30"]], text="aktive Mitglieder Q3 2023 vs. Q3 2024"),
        lambda c: q_change(c, ("2023-07-01", "2023-09-30"), ("2024-07-01", "2024-09-30")))

    # top5 (2)
    add("top5", "list", "Wer waren 2018 die fünf aktivsten Contributors?",
        R(period=["2018-01-01", "2018-12-31"], text="Top 5 nach Anzahl verschiedener aktiver Tage 2018, Gleichstand nach member_id"),
        lambda c: q_top5(c, "2018-01-01", "2018-12-31"))
    add("top5", "list", "Zeig mir die Top 5 der Mitwirkenden im Oktober 2024.",
        R(period=["2024-10-01", "2024-10-31"], text="Top 5 nach verschiedenen aktiven Tagen im Oktober 2024"),
        lambda c: q_top5(c, "2024-10-01", "2024-10-31"))

    # lifecycle (2)
    add("lifecycle", "comparison",
        "Lifecycle für Juli 2020 im Vergleich zum Juni: wie viele neue, zurückkehrende, reaktivierte und ruhende Contributors gab es?",
        R(periods=[["2020-06-01", "2020-06-30"], ["2020-07-01", "2020-07-31"]], text="Lebenszyklus Juli 2020 gegenüber Juni 2020"),
        lambda c: q_lifecycle(c, ("2020-07-01", "2020-07-31"), ("2020-06-01", "2020-06-30")))
    add("lifecycle", "comparison",
        "Wie sah der Lebenszyklus der Mitwirkenden im vierten Quartal 2021 gegenüber dem Vorquartal aus?",
        R(periods=[["2021-07-01", "2021-09-30"], ["2021-10-01", "2021-12-31"]], text="Lebenszyklus Q4 2021 gegenüber Q3 2021"),
        lambda c: q_lifecycle(c, ("2021-10-01", "2021-12-31"), ("2021-07-01", "2021-09-30")))

    # retention (1)
    add("retention", "figure",
        "Von den Contributors, die im Oktober 2017 ihren ersten Commit gemacht haben – wie viele waren drei Monate später noch aktiv?",
        R(period=["2017-10-01", "2017-10-31"], periods=[["2017-10-01", "2017-10-31"], ["2018-01-01", "2018-01-31"]],
          text="Kohorte: erster aktiver Tag im Oktober 2017; gehalten = aktiv im Kalendermonat Oktober+3 = Januar 2018"),
        lambda c: q_retention(c, "2017-10", 3))

    # unanswerable (2)
    add("unanswerable", "unanswerable", "Wie viele GitHub-Sterne hat Sphinx im Jahr 2021 dazugewonnen?",
        R(period=["2021-01-01", "2021-12-31"], text="Sterne sind nicht in den Daten (nur Commits)"),
        lambda c: ({"outcome": "unanswerable"}, ""))
    add("unanswerable", "unanswerable", "Wie viele Codezeilen wurden im Mai 2020 hinzugefügt und wie viele gelöscht?",
        R(period=["2020-05-01", "2020-05-31"], text="Codezeilen sind nicht in den Daten (nur Commits)"),
        lambda c: ({"outcome": "unanswerable"}, ""))

    # free_form (1)
    add("free_form", "figure", "Was war im Februar 2025 bei uns los?",
        R(period=["2025-02-01", "2025-02-28"], text="Februar 2025: aktive Mitglieder, Ereignisse, neue Mitglieder"),
        lambda c: q_free(c, "2025-02"))
    return Q


def build():
    c = load()
    out = []
    for i, (cat, kind, text, reading, fn) in enumerate(questions(), 1):
        exp, sql = fn(c)
        out.append({"id": f"DE-{i:02d}", "language": "de", "category": cat, "question": text,
                    "expected_kind": kind, "expected": exp, "reading": reading, "sql": sql})
    return out


def main():
    data = build()
    path = os.path.join(OUT, "questions.json")
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as f:
            old = json.load(f)
        if old != json.loads(json.dumps(data, ensure_ascii=False)):
            oldm = {q["id"]: q for q in old}
            for q in json.loads(json.dumps(data, ensure_ascii=False)):
                if oldm.get(q["id"]) != q:
                    print("DIFF", q["id"])
            print("questions.json differs from recomputed figures")
            sys.exit(1)
        print(f"OK: {len(data)} questions match")
        return
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {len(data)} questions")


if __name__ == "__main__":
    main()
