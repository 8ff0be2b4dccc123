#!/usr/bin/env python3
"""Compute every expected figure with SQL over events.csv and write questions.json.

  python3 scripts/expected.py          # (re)write questions.json
  python3 scripts/expected.py --check  # recompute and compare; exit 1 on any difference
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measures import (M, OUT, connect, pct, share, is_half_tie, month_bounds, add_months,  # noqa: E402
                      quarter_bounds, prev_quarter, days_before)

Y = lambda y: (f"{y}-01-01", f"{y}-12-31")  # noqa: E731
H1 = lambda y: (f"{y}-01-01", f"{y}-06-30")  # noqa: E731
H2 = lambda y: (f"{y}-07-01", f"{y}-12-31")  # noqa: E731
Q = quarter_bounds
MO = month_bounds

# ---------------------------------------------------------------- questions
# kind: builder name; the other keys are its parameters.
SPECS = [
    # ---------------- English (30)
    dict(id="EN-01", cat="inactive_as_of", b="inactive", as_of="2021-06-30",
         q="How many contributors were inactive as of 2021-06-30?"),
    dict(id="EN-02", cat="inactive_as_of", b="inactive", as_of="2020-03-15",
         q="As of March 15, 2020, how many of our contributors count as inactive?"),
    dict(id="EN-03", cat="inactive_as_of", b="inactive", as_of="2022-09-30",
         q="inactive contributors at the end of Q3 2022?"),
    dict(id="EN-04", cat="inactive_as_of", b="inactive", as_of="2018-12-31",
         q="Quick one: how many people had lapsed into inactivity by 31 December 2018, using the usual 30-day rule?"),
    dict(id="EN-05", cat="range", b="active", p=("2019-05-01", "2019-06-30"),
         q="How many distinct contributors committed between 1 May and 30 June 2019?"),
    dict(id="EN-06", cat="range", b="active", p=Q(2020, 4),
         q="active contributors in Q4 2020"),
    dict(id="EN-07", cat="range", b="active", p=days_before("2021-10-01", 90),
         q="How many people pushed at least one commit in the 90 days before 2021-10-01?"),
    dict(id="EN-08", cat="threshold", b="inactive", as_of="2022-12-31", i=56,
         q="How many contributors had gone 8 weeks or more without a commit as of 2022-12-31?"),
    dict(id="EN-09", cat="threshold", b="inactive", as_of="2021-07-01", i=90,
         q="With a 90-day cut-off, how many contributors were inactive on 1 July 2021?"),
    dict(id="EN-10", cat="threshold", b="inactive", as_of="2019-09-30", i=180,
         q="Count of contributors inactive 6 months+ as of Sept 30, 2019"),
    dict(id="EN-11", cat="custom_action", b="action_events", p=Y(2021), action="release",
         q="How many release commits (version bumps included) were made in 2021?"),
    dict(id="EN-12", cat="custom_action", b="action_events", p=Y(2019), action="docs_update",
         q="How many docs-only commits landed in 2019?"),
    dict(id="EN-13", cat="custom_action", b="action_events", p=H2(2020), action="bot_update",
         q="How many commits did the bots (dependabot, pre-commit.ci) push in the second half of 2020?"),
    dict(id="EN-14", cat="custom_action", b="action_members", p=Y(2016), action="docs_update",
         q="How many different people made documentation-only changes in 2016?"),
    dict(id="EN-15", cat="new_members", b="new", p=Y(2019),
         q="How many first-time contributors did we get in 2019?"),
    dict(id="EN-16", cat="new_members", b="new", p=Q(2020, 1),
         q="new contributors in Q1 2020?"),
    dict(id="EN-17", cat="new_members", b="new", p=("2015-03-01", "2015-08-31"),
         q="How many people made their very first commit between 2015-03-01 and 2015-08-31?"),
    dict(id="EN-18", cat="overlap", b="both", a=Y(2020), bb=Y(2021),
         q="How many contributors were active both in 2020 and in 2021?"),
    dict(id="EN-19", cat="overlap", b="both", a=Y(2019), bb=Y(2020), act_a="docs_update", act_b="code_change", alt_any_b=True,
         q="Of the people who made docs-only commits in 2019, how many also pushed code changes in 2020?"),
    dict(id="EN-20", cat="overlap", b="only", a=Y(2021), bb=Y(2022),
         q="How many of the contributors active in 2021 didn't commit at all in 2022?"),
    dict(id="EN-21", cat="change", b="change", a=Y(2018), bb=Y(2019),
         q="How did the number of active contributors change from 2018 to 2019?"),
    dict(id="EN-22", cat="change", b="change", a=H1(2021), bb=H1(2022),
         q="Compare active contributors in H1 2021 vs H1 2022 - what's the % change?"),
    dict(id="EN-23", cat="top5", b="top5", p=Y(2013),
         q="Who were our top 5 contributors in 2013, by number of days with commits?"),
    dict(id="EN-24", cat="top5", b="top5", p=("2019-01-01", "2020-12-31"),
         q="top 5 most active committers over 2019-2020 (active days)"),
    dict(id="EN-25", cat="lifecycle", b="lifecycle_month", ym="2019-05",
         q="Give me the lifecycle breakdown for May 2019 against April: new, returning, resurrecting and dormant contributors."),
    dict(id="EN-26", cat="lifecycle", b="lifecycle_quarter", y=2021, qn=1,
         q="Lifecycle for Q1 2021 compared with the previous quarter?"),
    dict(id="EN-27", cat="retention", b="retention", ym="2019-05", n=1,
         q="Of the contributors whose first commit was in May 2019, how many were still committing one month later?"),
    dict(id="EN-28", cat="unanswerable", b="unanswerable",
         q="How many GitHub stars did the repo gain in 2021?"),
    dict(id="EN-29", cat="unanswerable", b="unanswerable",
         q="How many lines of code were added in Q1 2021?"),
    dict(id="EN-30", cat="free_form", b="free_form", ym="2019-10",
         q="What happened in October 2019?"),
    # ---------------- French (20)
    dict(id="FR-01", cat="inactive_as_of", b="inactive", as_of="2017-06-30",
         q="Combien de contributeurs étaient inactifs au 30/06/2017 ?"),
    dict(id="FR-02", cat="inactive_as_of", b="inactive", as_of="2023-01-15",
         q="Nombre de contributeurs inactifs le 15 janvier 2023"),
    dict(id="FR-03", cat="inactive_as_of", b="inactive", as_of="2020-06-30",
         q="Combien de contributeurs inactifs à la fin du T2 2020 ?"),
    dict(id="FR-04", cat="range", b="active", p=("2021-03-01", "2021-05-31"),
         q="Combien de contributeurs différents ont fait au moins un commit entre le 1er mars et le 31 mai 2021 ?"),
    dict(id="FR-05", cat="range", b="active", p=days_before("2020-03-01", 60),
         q="Contributeurs actifs sur les 60 jours précédant le 2020-03-01 ?"),
    dict(id="FR-06", cat="threshold", b="inactive", as_of="2022-03-31", i=45,
         q="Au 31/03/2022, combien de contributeurs n'avaient rien commité depuis au moins 45 jours ?"),
    dict(id="FR-07", cat="threshold", b="inactive", as_of="2020-10-01", i=60,
         q="Avec un seuil de 2 mois, combien de contributeurs étaient inactifs au 1er octobre 2020 ?"),
    dict(id="FR-08", cat="custom_action", b="action_events", p=Y(2024), action="release",
         q="Combien de commits de release (montées de version comprises) en 2024 ?"),
    dict(id="FR-09", cat="custom_action", b="action_events", p=H1(2022), action="docs_update",
         q="Combien de commits touchant uniquement la doc entre janvier et juin 2022 ?"),
    dict(id="FR-10", cat="custom_action", b="action_events", p=Y(2023), action="bot_update",
         q="Sur l'année 2023, combien de commits automatiques faits par les bots (dependabot, pre-commit.ci) ?"),
    dict(id="FR-11", cat="new_members", b="new", p=Y(2011),
         q="Combien de nouveaux contributeurs en 2011 ?"),
    dict(id="FR-12", cat="new_members", b="new", p=H2(2019),
         q="Combien de personnes ont fait leur tout premier commit au second semestre 2019 ?"),
    dict(id="FR-13", cat="overlap", b="both", a=Q(2020, 1), bb=Q(2020, 2),
         q="Parmi les contributeurs actifs au T1 2020, combien l'étaient aussi au T2 2020 ?"),
    dict(id="FR-14", cat="change", b="change", a=Y(2016), bb=Y(2017),
         q="Évolution du nombre de contributeurs actifs entre 2016 et 2017, en pourcentage ?"),
    dict(id="FR-15", cat="change", b="change", a=Q(2022, 1), bb=Q(2023, 1),
         q="Comparez le nombre de contributeurs actifs au premier trimestre 2022 et au premier trimestre 2023."),
    dict(id="FR-16", cat="top5", b="top5", p=H2(2021),
         q="Quels sont les 5 contributeurs les plus actifs (en jours d'activité) au second semestre 2021 ?"),
    dict(id="FR-17", cat="lifecycle", b="lifecycle_month", ym="2019-10",
         q="Donne-moi le cycle de vie des contributeurs d'octobre 2019 par rapport au mois précédent : nouveaux, fidèles, de retour et dormants."),
    dict(id="FR-18", cat="retention", b="retention", ym="2021-01", n=2,
         q="Parmi les contributeurs dont le premier commit date de janvier 2021, combien étaient encore actifs deux mois plus tard ?"),
    dict(id="FR-19", cat="unanswerable", b="unanswerable",
         q="Combien d'issues ont été ouvertes sur GitHub en 2020 ?"),
    dict(id="FR-20", cat="free_form", b="free_form", ym="2022-03",
         q="Que s'est-il passé en mars 2022 ?"),
    # ---------------- Italian (10)
    dict(id="IT-01", cat="inactive_as_of", b="inactive", as_of="2020-12-31",
         q="Quanti contributori risultavano inattivi al 31/12/2020?"),
    dict(id="IT-02", cat="range", b="active", p=Q(2019, 3),
         q="Quanti contributori hanno fatto almeno un commit nel terzo trimestre 2019?"),
    dict(id="IT-03", cat="threshold", b="inactive", as_of="2024-05-31", i=21,
         q="Quanti contributori erano fermi da almeno 3 settimane al 2024-05-31?"),
    dict(id="IT-04", cat="custom_action", b="action_events", p=Y(2015), action="docs_update",
         q="Quanti commit di sola documentazione ci sono stati nel 2015?"),
    dict(id="IT-05", cat="new_members", b="new", p=Y(2014),
         q="Quanti nuovi contributori sono arrivati nel 2014?"),
    dict(id="IT-06", cat="change", b="change", a=Y(2022), bb=Y(2023),
         q="Di quanto è cambiato, in percentuale, il numero di contributori attivi tra il 2022 e il 2023?"),
    dict(id="IT-07", cat="top5", b="top5", p=Q(2021, 2),
         q="Chi sono i 5 contributori più attivi nel secondo trimestre 2021, per giorni di attività?"),
    dict(id="IT-08", cat="lifecycle", b="lifecycle_quarter", y=2020, qn=2,
         q="Ciclo di vita dei contributori nel T2 2020 rispetto al trimestre precedente: nuovi, di ritorno, riattivati e dormienti?"),
    dict(id="IT-09", cat="retention", b="retention", ym="2016-04", n=12,
         q="Dei contributori che hanno fatto il primo commit ad aprile 2016, quanti erano attivi 12 mesi dopo?"),
    dict(id="IT-10", cat="unanswerable", b="unanswerable",
         q="Da quali paesi provengono i nostri contributori?"),
]

ACTION_WORDS = {"release": "release commits (release/start/bump version)", "docs_update": "docs-only commits",
                "bot_update": "bot commits", "code_change": "code changes (any other commit)"}


def reading(period=None, periods=None, action=None, as_of=None, threshold=None, text=""):
    return {"period": list(period) if period else None, "periods": [list(p) for p in periods] if periods else None,
            "action": action, "as_of": as_of, "threshold_days": threshold, "text": text}


def build(m, s):
    b = s["b"]
    if b == "inactive":
        d, i = s["as_of"], s.get("i", 30)
        n = m.inactive(d, i)
        exp = {"inactive_members": n, "detail": {"members_active_by_as_of": m.scored(d), "threshold_days": i}}
        return "figure", exp, reading(as_of=d, threshold=i, text=(
            f"members whose last commit day L <= {d} satisfies {d} - L >= {i} days; members with no commit by "
            f"{d} not counted")), m.inactive_sql(d, i)
    if b == "active":
        p = s["p"]
        exp = {"active_members": m.active(p), "detail": {"events": m.events(p)}}
        return "figure", exp, reading(period=p, text=f"distinct members with >= 1 commit from {p[0]} to {p[1]}"), \
            m.active_sql(p)
    if b == "action_events":
        p, a = s["p"], s["action"]
        exp = {"events": m.events(p, a), "detail": {"members": m.active(p, a)}}
        return "figure", exp, reading(period=p, action=a, text=f"number of {a} events ({ACTION_WORDS[a]}) "
                                      f"from {p[0]} to {p[1]}"), m.events_sql(p, a)
    if b == "action_members":
        p, a = s["p"], s["action"]
        exp = {"active_members": m.active(p, a), "detail": {"events": m.events(p, a)}}
        return "figure", exp, reading(period=p, action=a, text=f"distinct members with >= 1 {a} event "
                                      f"({ACTION_WORDS[a]}) from {p[0]} to {p[1]}"), m.active_sql(p, a)
    if b == "new":
        p = s["p"]
        exp = {"new_members": m.new(p), "detail": {"active_members": m.active(p)}}
        return "figure", exp, reading(period=p, text=f"members whose first commit day ever is in [{p[0]}, {p[1]}]"), \
            m.new_sql(p)
    if b in ("both", "only"):
        a, bb, xa, xb = s["a"], s["bb"], s.get("act_a"), s.get("act_b")
        sql = m.both_sql(a, bb, xa, xb) if b == "both" else m.only_sql(a, bb, xa, xb)
        key = "members_in_both" if b == "both" else "members_in_first_not_second"
        exp = {key: m.one(sql), "detail": {"active_first": m.active(a, xa), "active_second": m.active(bb, xb)}}
        if s.get("alt_any_b"):  # "code changes" read loosely as any commit in the second period
            exp["alternative_members_in_both_any_action_second"] = m.one(m.both_sql(a, bb, xa, None))
        sa = f" with {xa}" if xa else ""
        sb = f" with {xb}" if xb else ""
        txt = (f"members active{sa} in [{a[0]}, {a[1]}] " + ("and also" if b == "both" else "but not") +
               f" active{sb} in [{bb[0]}, {bb[1]}]")
        act = xa if xa == xb else (f"{xa} / {xb}" if xa or xb else None)
        return "figure", exp, reading(periods=[a, bb], action=act, text=txt), sql
    if b == "change":
        a, bb = s["a"], s["bb"]
        x, y = m.active(a), m.active(bb)
        assert not is_half_tie(y - x, x), s["id"]
        exp = {"active_members_earlier": x, "active_members_later": y, "percent_change": pct(y, x),
               "detail": {"difference": y - x}}
        return "comparison", exp, reading(periods=[a, bb], text=(
            f"active members in [{a[0]}, {a[1]}] vs [{bb[0]}, {bb[1]}]; percent change (later - earlier) / "
            "earlier x 100, rounded half-up to 0.1")), m.active_sql(a) + " ;" + m.active_sql(bb)
    if b == "top5":
        p = s["p"]
        rows = m.c.execute(m.top_days_sql(p)).fetchall()
        ev = m.c.execute(m.top_events_sql(p)).fetchall()
        top = rows[:5]
        tie = len(rows) > 5 and rows[5][1] == rows[4][1]
        exp = {"members": [r[0] for r in top], "note_tie_at_cut": tie,
               "detail": {"active_days": {r[0]: r[1] for r in top},
                          "sixth": {rows[5][0]: rows[5][1]} if len(rows) > 5 else None,
                          "top5_by_events": [r[0] for r in ev[:5]],
                          "events": {r[0]: r[1] for r in ev[:5]}}}
        return "list", exp, reading(period=p, text=(
            f"5 members with the most distinct active days in [{p[0]}, {p[1]}], ties by member_id")), \
            m.top_days_sql(p) + " LIMIT 6"
    if b in ("lifecycle_month", "lifecycle_quarter"):
        if b == "lifecycle_month":
            cur, prev = MO(s["ym"]), MO(add_months(s["ym"], -1))
        else:
            cur, prev = Q(s["y"], s["qn"]), Q(*prev_quarter(s["y"], s["qn"]))
        v, sql = m.lifecycle(cur, prev)
        exp = dict(v)
        exp["detail"] = {"gained": v["new"] + v["resurrecting"], "lost": v["dormant"], "active_members": m.active(cur),
                         "active_previous": m.active(prev)}
        return "comparison", exp, reading(periods=[prev, cur], text=(
            f"lifecycle of [{cur[0]}, {cur[1]}] against [{prev[0]}, {prev[1]}]: new (first commit ever in it), "
            "returning (active in both), resurrecting (active in it, not the previous, but earlier), dormant "
            "(active in the previous, not in it)")), " ;".join(sql[k] for k in ("new", "returning", "resurrecting",
                                                                                 "dormant"))
    if b == "retention":
        kept, size, kept_sql, size_sql, target = m.retention(s["ym"], s["n"])
        exp = {"retained_members": kept, "retention_percent": share(kept, size),
               "detail": {"cohort_size": size, "cohort_month": s["ym"], "target_month": target[0][:7]}}
        return "figure", exp, reading(period=MO(s["ym"]), periods=[MO(s["ym"]), target], text=(
            f"cohort = members whose first commit day is in {s['ym']}; retained = those active in calendar month "
            f"{target[0][:7]} ({s['n']} month(s) later); percent of cohort rounded half-up to 0.1")), \
            kept_sql + " ;" + size_sql
    if b == "free_form":
        p = MO(s["ym"])
        exp = {"active_members": m.active(p), "events": m.events(p), "new_members": m.new(p)}
        return "figure", exp, reading(period=p, text=f"summary of {s['ym']}: active members, events, new members"), \
            m.active_sql(p) + " ;" + m.events_sql(p) + " ;" + m.new_sql(p)
    if b == "unanswerable":
        return "unanswerable", {"outcome": "unanswerable"}, reading(text=(
            "the data holds only commits (who, when, which kind); this measure is not in it")), ""
    raise ValueError(b)


def compute():
    m = M(connect())
    out = []
    for s in SPECS:
        kind, exp, rd, sql = build(m, s)
        out.append({"id": s["id"], "language": s["id"][:2].lower(), "category": s["cat"], "question": s["q"],
                    "expected_kind": kind, "expected": exp, "reading": rd, "sql": sql})
    return out


def main():
    qs = compute()
    path = os.path.join(OUT, "questions.json")
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as f:
            old = json.load(f)
        old_by = {x["id"]: x for x in old}
        bad = 0
        for x in qs:
            o = old_by.get(x["id"])
            if o is None or o["expected"] != x["expected"] or o["question"] != x["question"]:
                bad += 1
                print("DIFF", x["id"], o and o["expected"], "->", x["expected"])
        if len(old) != len(qs):
            bad += 1
            print("DIFF count", len(old), len(qs))
        print("OK" if not bad else f"{bad} difference(s)")
        sys.exit(1 if bad else 0)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(qs, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"wrote {len(qs)} questions")


if __name__ == "__main__":
    main()
