#!/usr/bin/env python3
"""Compute every expected figure with SQL (sqlite3) over events.csv and write questions.json.

Usage: python3 scripts/expected.py          # (re)write questions.json
       python3 scripts/expected.py --check  # recompute, compare with questions.json, exit 1 on any difference
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

db = sqlite3.connect(":memory:")
db.execute("create table e(event_id text primary key, member_id text, occurred_at text, action text, content_id text, day text)")
with open(os.path.join(OUT, "events.csv"), newline="") as f:
    rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"], r["occurred_at"][:10])
            for r in csv.DictReader(f)]
db.executemany("insert into e values(?,?,?,?,?,?)", rows)
db.execute("create table m(member_id text primary key, joined_at text)")
with open(os.path.join(OUT, "members.csv"), newline="") as f:
    db.executemany("insert into m values(?,?)", [(r["member_id"], r["joined_at"]) for r in csv.DictReader(f)])
# members.csv joined_at must equal the first active day (it is built that way)
assert db.execute("select count(*) from m join (select member_id, min(day) f from e group by member_id) x using(member_id) where x.f<>m.joined_at").fetchone()[0] == 0


# the Dependabot member (sha1 of its lowercased author email); the only author of bot_update events
BOT = db.execute("select distinct member_id from e where action='bot_update'").fetchall()
assert len(BOT) == 1
BOT = BOT[0][0]


def one(sql):
    return db.execute(sql).fetchone()[0]


def pct(part, whole):
    if whole == 0:
        return None
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def act(a):
    return f" and action='{a}'" if a else ""


def active_sql(p, a=None):
    return f"select count(distinct member_id) from e where day between '{p[0]}' and '{p[1]}'{act(a)}"


def active_set(p, a=None):
    return f"select distinct member_id from e where day between '{p[0]}' and '{p[1]}'{act(a)}"


def month_bounds(ym):
    y, mo = map(int, ym.split("-"))
    s = date(y, mo, 1)
    n = date(y + (mo == 12), mo % 12 + 1, 1)
    return [s.isoformat(), (n - timedelta(days=1)).isoformat()]


def add_months(ym, k):
    y, mo = map(int, ym.split("-"))
    t = y * 12 + mo - 1 + k
    return f"{t // 12:04d}-{t % 12 + 1:02d}"


def prev_period(p):
    s, e = date.fromisoformat(p[0]), date.fromisoformat(p[1])
    # calendar month or quarter: previous one of the same number of months
    months = (e.year * 12 + e.month) - (s.year * 12 + s.month) + 1
    ym = add_months(f"{s.year:04d}-{s.month:02d}", -months)
    ps = month_bounds(ym)[0]
    pe = (s - timedelta(days=1)).isoformat()
    return [ps, pe]


def inactive(q):
    D, I = q["as_of"], q.get("threshold", 30)
    sql = (f"select count(*) from (select member_id, max(day) l from e where day<='{D}' group by member_id) "
           f"where julianday('{D}')-julianday(l) >= {I}")
    n = one(sql)
    scored = one(f"select count(distinct member_id) from e where day<='{D}'")
    exp = {"inactive_members": n, "detail": {"members_active_by_as_of": scored, "not_inactive": scored - n,
                                               "never_active_by_as_of": one("select count(*) from m") - scored}}
    for k, alt in q.get("alts", {}).items():
        exp[k] = one(f"select count(*) from (select member_id, max(day) l from e where day<='{D}' group by member_id) "
                     f"where julianday('{D}')-julianday(l) >= {alt}")
    reading = {"period": None, "periods": None, "action": None, "as_of": D, "threshold_days": I}
    return "figure", exp, reading, sql


def range_(q):
    p, a = q["period"], q.get("action")
    sql = active_sql(p, a)
    exp = {"active_members": one(sql),
           "detail": {"events": one(f"select count(*) from e where day between '{p[0]}' and '{p[1]}'{act(a)}")}}
    return "figure", exp, {"period": p, "periods": None, "action": a, "as_of": None, "threshold_days": None}, sql


def custom_action(q):
    p, a = q["period"], q["action"]
    ev_sql = f"select count(*) from e where day between '{p[0]}' and '{p[1]}' and action='{a}'"
    mem_sql = active_sql(p, a)
    ev, mem = one(ev_sql), one(mem_sql)
    if q.get("ask") == "members":
        exp, sql = {"active_members": mem, "detail": {"events": ev}}, mem_sql
    else:
        exp, sql = {"events": ev, "detail": {"members": mem}}, ev_sql
    return "figure", exp, {"period": p, "periods": None, "action": a, "as_of": None, "threshold_days": None}, sql


def new_members(q):
    p = q["period"]
    sql = (f"select count(*) from (select member_id, min(day) f from e group by member_id) "
           f"where f between '{p[0]}' and '{p[1]}'")
    exp = {"new_members": one(sql), "detail": {"active_members": one(active_sql(p))}}
    return "figure", exp, {"period": p, "periods": None, "action": None, "as_of": None, "threshold_days": None}, sql


def overlap(q):
    (pa, pb), (aa, ab) = q["periods"], q.get("actions", [None, None])
    if q.get("mode") == "a_not_b":
        sql = f"select count(*) from ({active_set(pa, aa)} except {active_set(pb, ab)})"
        key = "members_in_a_not_b"
    else:
        sql = f"select count(*) from ({active_set(pa, aa)} intersect {active_set(pb, ab)})"
        key = "members_in_both"
    exp = {key: one(sql), "detail": {"active_a": one(active_sql(pa, aa)), "active_b": one(active_sql(pb, ab))}}
    action = aa if aa == ab else None
    return "figure", exp, {"period": None, "periods": [pa, pb], "action": action, "as_of": None,
                           "threshold_days": None}, sql


def change(q):
    pa, pb = q["periods"]
    a, b = one(active_sql(pa)), one(active_sql(pb))
    exp = {"active_earlier": a, "active_later": b, "percent_change": pct(b - a, a), "detail": {"difference": b - a}}
    sql = active_sql(pa) + " ;" + active_sql(pb)
    return "comparison", exp, {"period": None, "periods": [pa, pb], "action": None, "as_of": None,
                               "threshold_days": None}, sql


def top5(q):
    p = q["period"]
    sql = (f"select member_id, count(distinct day) d from e where day between '{p[0]}' and '{p[1]}' "
           f"group by member_id order by d desc, member_id limit 6")
    r = db.execute(sql).fetchall()
    ev = db.execute(f"select member_id, count(*) n from e where day between '{p[0]}' and '{p[1]}' "
                    f"group by member_id order by n desc, member_id limit 5").fetchall()
    exp = {"members": [m for m, _ in r[:5]],
           "note_tie_at_cut": len(r) == 6 and r[5][1] == r[4][1],
           "detail": {"active_days": {m: d for m, d in r[:5]},
                      "sixth": {r[5][0]: r[5][1]} if len(r) == 6 else None,
                      "top5_by_events": [m for m, _ in ev], "events": {m: n for m, n in ev}}}
    if BOT in exp["members"]:
        nb = db.execute(f"select member_id, count(distinct day) d from e where day between '{p[0]}' and '{p[1]}' "
                        f"and member_id<>'{BOT}' group by member_id order by d desc, member_id limit 5").fetchall()
        exp["alternative_members_excluding_dependabot"] = [m for m, _ in nb]
    return "list", exp, {"period": p, "periods": None, "action": None, "as_of": None, "threshold_days": None}, sql


def lifecycle(q):
    p = q["period"]
    pp = prev_period(p)
    first = "(select member_id, min(day) f from e group by member_id)"
    cur, prv = active_set(p), active_set(pp)
    sqls = {
        "new": f"select count(*) from {first} where f between '{p[0]}' and '{p[1]}'",
        "returning": f"select count(*) from ({cur} intersect {prv})",
        "resurrecting": f"select count(*) from {first} where member_id in ({cur}) and member_id not in ({prv}) and f < '{pp[0]}'",
        "dormant": f"select count(*) from ({prv} except {cur})",
    }
    v = {k: one(s) for k, s in sqls.items()}
    exp = dict(v)
    exp["detail"] = {"gained": v["new"] + v["resurrecting"], "lost": v["dormant"], "active": one(active_sql(p)),
                     "active_previous": one(active_sql(pp)), "previous_period": pp}
    return "figure", exp, {"period": p, "periods": [pp, p], "action": None, "as_of": None,
                           "threshold_days": None}, " ;".join(sqls.values())


def retention(q):
    M, N = q["cohort"], q["n"]
    cm, tm = month_bounds(M), month_bounds(add_months(M, N))
    coh = f"select member_id from (select member_id, min(day) f from e group by member_id) where f between '{cm[0]}' and '{cm[1]}'"
    sql = f"select count(*) from ({coh} intersect {active_set(tm)})"
    size = one(f"select count(*) from ({coh})")
    r = one(sql)
    exp = {"retained_members": r, "retention_percent": pct(r, size),
           "detail": {"cohort_size": size, "cohort_month": M, "target_month": add_months(M, N)}}
    return "figure", exp, {"period": tm, "periods": [cm, tm], "action": None, "as_of": None,
                           "threshold_days": None}, f"select count(*) from ({coh}) ;" + sql


def unanswerable(q):
    return "unanswerable", {"outcome": "unanswerable"}, {"period": None, "periods": None, "action": None,
                                                         "as_of": None, "threshold_days": None}, ""


def free_form(q):
    p = month_bounds(q["month"])
    sqls = [active_sql(p), f"select count(*) from e where day between '{p[0]}' and '{p[1]}'",
            f"select count(*) from (select member_id, min(day) f from e group by member_id) where f between '{p[0]}' and '{p[1]}'"]
    exp = {"active_members": one(sqls[0]), "events": one(sqls[1]), "new_members": one(sqls[2]),
           "detail": {"events_by_action": dict(db.execute(
               f"select action, count(*) from e where day between '{p[0]}' and '{p[1]}' group by action order by action").fetchall())}}
    return "figure", exp, {"period": p, "periods": None, "action": None, "as_of": None,
                           "threshold_days": None}, " ;".join(sqls)


KINDS = {"inactive_as_of": inactive, "threshold": inactive, "range": range_, "custom_action": custom_action,
         "new_members": new_members, "overlap": overlap, "change": change, "top5": top5, "lifecycle": lifecycle,
         "retention": retention, "unanswerable": unanswerable, "free_form": free_form}

Q = lambda y, q: [f"{y}-{(q-1)*3+1:02d}-01", month_bounds(f"{y}-{q*3:02d}")[1]]
Y = lambda y: [f"{y}-01-01", f"{y}-12-31"]
MB = month_bounds

SPECS = [
    # ---------------- English ----------------
    ("EN-01", "en", "inactive_as_of", "How many contributors were inactive as of 30 June 2020?",
     {"as_of": "2020-06-30"}, "inactive with the default 30-day threshold as of 2020-06-30"),
    ("EN-02", "en", "inactive_as_of", "Inactive contributor count at the end of 2022?",
     {"as_of": "2022-12-31"}, "as of 2022-12-31 (last day of the year), default 30-day threshold"),
    ("EN-03", "en", "inactive_as_of", "how many inactive members did we have on March 15, 2021",
     {"as_of": "2021-03-15"}, "as of 2021-03-15, default 30-day threshold"),
    ("EN-04", "en", "inactive_as_of", "By the end of Q3 2023, how many of our committers counted as inactive?",
     {"as_of": "2023-09-30"}, "as of 2023-09-30 (last day of Q3), default 30-day threshold"),
    ("EN-05", "en", "range", "How many people committed to httpx between Sept 10 and Oct 20, 2019?",
     {"period": ["2019-09-10", "2019-10-20"]}, "distinct members with any commit from 2019-09-10 to 2019-10-20 inclusive"),
    ("EN-06", "en", "range", "Number of active contributors in the 14 days before 2020-08-15",
     {"period": ["2020-08-01", "2020-08-14"]}, "the 14 days before 2020-08-15 = 2020-08-01..2020-08-14"),
    ("EN-07", "en", "range", "how many distinct contributors were active from 2021-04-01 to 2021-06-30?",
     {"period": ["2021-04-01", "2021-06-30"]}, "distinct members with any commit in 2021-04-01..2021-06-30"),
    ("EN-08", "en", "threshold", "As of 31 May 2020, how many contributors had gone 8 weeks or more without a commit?",
     {"as_of": "2020-05-31", "threshold": 56}, "as of 2020-05-31, threshold 8 weeks = 56 days"),
    ("EN-09", "en", "threshold", "Using a 90-day cut-off, how many members were inactive on 2021-12-31?",
     {"as_of": "2021-12-31", "threshold": 90}, "as of 2021-12-31, threshold 90 days"),
    ("EN-10", "en", "threshold", "Count of contributors who'd been 60+ days without a commit as of Sept 30, 2022, please",
     {"as_of": "2022-09-30", "threshold": 60}, "as of 2022-09-30, threshold 60 days (60 or more)"),
    ("EN-11", "en", "custom_action", "How many docs-only commits landed in Q4 2019?",
     {"period": Q(2019, 4), "action": "docs_update"}, "docs_update events in 2019-10-01..2019-12-31"),
    ("EN-12", "en", "custom_action", "How many releases did we cut in 2020?",
     {"period": Y(2020), "action": "release"}, "release events (version commits) in 2020"),
    ("EN-13", "en", "custom_action", "How many Dependabot dependency bumps went in between January and June 2023?",
     {"period": ["2023-01-01", "2023-06-30"], "action": "bot_update"}, "bot_update events in 2023-01-01..2023-06-30"),
    ("EN-14", "en", "custom_action", "How many different contributors made documentation changes during 2020?",
     {"period": Y(2020), "action": "docs_update", "ask": "members"},
     "distinct members with at least one docs_update event in 2020"),
    ("EN-15", "en", "new_members", "How many first-time contributors did we get in August 2019?",
     {"period": MB("2019-08")}, "members whose first commit ever is in 2019-08"),
    ("EN-16", "en", "new_members", "New contributors in H2 2020?",
     {"period": ["2020-07-01", "2020-12-31"]}, "members whose first commit ever is in 2020-07-01..2020-12-31"),
    ("EN-17", "en", "new_members", "How many people made their very first commit between 2022-11-01 and 2023-01-31?",
     {"period": ["2022-11-01", "2023-01-31"]}, "members whose first commit ever is in 2022-11-01..2023-01-31"),
    ("EN-18", "en", "overlap", "How many contributors were active in both Q3 2019 and Q3 2020?",
     {"periods": [Q(2019, 3), Q(2020, 3)]}, "members active in 2019-07-01..09-30 and in 2020-07-01..09-30"),
    ("EN-19", "en", "overlap", "Of the people who committed in 2021, how many also committed in 2022?",
     {"periods": [Y(2021), Y(2022)]}, "members active in 2021 and in 2022"),
    ("EN-20", "en", "overlap", "How many contributors committed in 2020 but not at all in 2021?",
     {"periods": [Y(2020), Y(2021)], "mode": "a_not_b"}, "members active in 2020 and not active in 2021"),
    ("EN-21", "en", "change", "Compare active contributors in Q1 2020 vs Q1 2021 - what's the % change?",
     {"periods": [Q(2020, 1), Q(2021, 1)]}, "active members Q1 2020 and Q1 2021, percent change from 2020 to 2021"),
    ("EN-22", "en", "change", "How did the number of active committers change from 2022 to 2023?",
     {"periods": [Y(2022), Y(2023)]}, "active members in 2022 and 2023, change and percent change"),
    ("EN-23", "en", "top5", "Who were our 5 most active contributors in 2022, by number of days with commits?",
     {"period": Y(2022)}, "top 5 by distinct active days in 2022, ties by member_id"),
    ("EN-24", "en", "top5", "top 5 contributors for Q3 2019",
     {"period": Q(2019, 3)}, "top 5 by distinct active days in 2019-07-01..2019-09-30"),
    ("EN-25", "en", "lifecycle", "Give me the lifecycle breakdown for September 2020 vs August 2020: new, returning, resurrecting and dormant contributors.",
     {"period": MB("2020-09")}, "lifecycle of 2020-09 against 2020-08"),
    ("EN-26", "en", "lifecycle", "Contributor lifecycle for Q1 2022 compared with the previous quarter?",
     {"period": Q(2022, 1)}, "lifecycle of 2022-01-01..03-31 against 2021-10-01..12-31"),
    ("EN-27", "en", "retention", "What's the 2-month retention of the August 2019 cohort of contributors?",
     {"cohort": "2019-08", "n": 2}, "cohort = first commit in 2019-08; retained = active in 2019-10"),
    ("EN-28", "en", "unanswerable", "How many GitHub stars did httpx gain in 2021?", {}, "stars are not in the data"),
    ("EN-29", "en", "unanswerable", "Which contributors reviewed the most pull requests in 2022?", {},
     "reviews are not in the data (commits only)"),
    ("EN-30", "en", "free_form", "What happened in May 2020?", {"month": "2020-05"},
     "2020-05: active members, events, new members"),
    # ---------------- French ----------------
    ("FR-01", "fr", "inactive_as_of", "Combien de contributeurs étaient inactifs au 31/12/2019 ?",
     {"as_of": "2019-12-31"}, "au 2019-12-31, seuil par défaut 30 jours"),
    ("FR-02", "fr", "inactive_as_of", "Nombre de membres inactifs au 1er juillet 2021",
     {"as_of": "2021-07-01"}, "au 2021-07-01, seuil par défaut 30 jours"),
    ("FR-03", "fr", "inactive_as_of", "Au 2024-02-29, combien de contributeurs sont considérés comme inactifs ?",
     {"as_of": "2024-02-29"}, "au 2024-02-29, seuil par défaut 30 jours"),
    ("FR-04", "fr", "range", "Combien de contributeurs ont fait au moins un commit entre le 15/01/2020 et le 15/03/2020 ?",
     {"period": ["2020-01-15", "2020-03-15"]}, "membres distincts actifs du 2020-01-15 au 2020-03-15 inclus"),
    ("FR-05", "fr", "range", "Combien de personnes actives pendant les 30 jours précédant le 1er octobre 2020 ?",
     {"period": ["2020-09-01", "2020-09-30"]}, "les 30 jours avant 2020-10-01 = 2020-09-01..2020-09-30"),
    ("FR-06", "fr", "threshold", "Combien de contributeurs étaient inactifs depuis au moins 3 mois au 30 avril 2023 ?",
     {"as_of": "2023-04-30", "threshold": 90}, "au 2023-04-30, seuil 3 mois = 90 jours"),
    ("FR-07", "fr", "threshold", "Combien de membres n'avaient plus commité depuis 6 semaines ou plus au 15/11/2019 ?",
     {"as_of": "2019-11-15", "threshold": 42}, "au 2019-11-15, seuil 6 semaines = 42 jours"),
    ("FR-08", "fr", "custom_action", "Combien de commits de documentation au premier semestre 2021 ?",
     {"period": ["2021-01-01", "2021-06-30"], "action": "docs_update"}, "événements docs_update du 2021-01-01 au 2021-06-30"),
    ("FR-09", "fr", "custom_action", "Combien de releases ont été publiées de septembre à décembre 2019 ?",
     {"period": ["2019-09-01", "2019-12-31"], "action": "release"}, "événements release du 2019-09-01 au 2019-12-31"),
    ("FR-10", "fr", "custom_action", "Combien de commits de changement de code (hors docs, releases et Dependabot) en mars 2022 ?",
     {"period": MB("2022-03"), "action": "code_change"}, "événements code_change en 2022-03"),
    ("FR-11", "fr", "new_members", "Combien de nouveaux contributeurs en 2021 ?",
     {"period": Y(2021)}, "membres dont le premier commit est en 2021"),
    ("FR-12", "fr", "new_members", "Combien de personnes ont fait leur tout premier commit en septembre 2020 ?",
     {"period": MB("2020-09")}, "membres dont le premier commit est en 2020-09"),
    ("FR-13", "fr", "overlap", "Combien de contributeurs ont modifié la documentation à la fois en 2020 et en 2021 ?",
     {"periods": [Y(2020), Y(2021)], "actions": ["docs_update", "docs_update"]},
     "membres avec un docs_update en 2020 et un docs_update en 2021"),
    ("FR-14", "fr", "change", "Évolution en pourcentage du nombre de contributeurs actifs entre août 2019 et août 2020 ?",
     {"periods": [MB("2019-08"), MB("2020-08")]}, "actifs en 2019-08 et en 2020-08, variation en %"),
    ("FR-15", "fr", "change", "Le nombre de contributeurs actifs a-t-il baissé entre le T4 2023 et le T4 2024 ? De combien ?",
     {"periods": [Q(2023, 4), Q(2024, 4)]}, "actifs au T4 2023 et au T4 2024, différence et variation en %"),
    ("FR-16", "fr", "top5", "Top 5 des contributeurs les plus actifs au deuxième trimestre 2020",
     {"period": Q(2020, 2)}, "top 5 par jours actifs distincts du 2020-04-01 au 2020-06-30"),
    ("FR-17", "fr", "lifecycle", "Cycle de vie des contributeurs en janvier 2020 par rapport à décembre 2019 : nouveaux, fidèles (returning), réactivés, dormants ?",
     {"period": MB("2020-01")}, "cycle de vie de 2020-01 contre 2019-12"),
    ("FR-18", "fr", "retention", "Quelle est la rétention à 1 mois de la cohorte de juillet 2019 ?",
     {"cohort": "2019-07", "n": 1}, "cohorte = premier commit en 2019-07 ; retenus = actifs en 2019-08"),
    ("FR-19", "fr", "unanswerable", "Combien de lignes de code ont été ajoutées en 2022 ?", {},
     "les lignes de code ne sont pas dans les données"),
    ("FR-20", "fr", "free_form", "Que s'est-il passé en novembre 2022 ?", {"month": "2022-11"},
     "2022-11 : membres actifs, événements, nouveaux membres"),
    # ---------------- Italian ----------------
    ("IT-01", "it", "inactive_as_of", "Quanti contributori risultavano inattivi al 31/03/2022?",
     {"as_of": "2022-03-31"}, "al 2022-03-31, soglia predefinita 30 giorni"),
    ("IT-02", "it", "range", "Quanti contributori hanno fatto almeno un commit tra il 10/02/2021 e il 20/04/2021?",
     {"period": ["2021-02-10", "2021-04-20"]}, "membri distinti attivi dal 2021-02-10 al 2021-04-20 inclusi"),
    ("IT-03", "it", "threshold", "Quanti membri erano inattivi da almeno 60 giorni al 30 giugno 2023?",
     {"as_of": "2023-06-30", "threshold": 60}, "al 2023-06-30, soglia 60 giorni"),
    ("IT-04", "it", "custom_action", "Quanti aggiornamenti di Dependabot ci sono stati nel 2022?",
     {"period": Y(2022), "action": "bot_update"}, "eventi bot_update nel 2022"),
    ("IT-05", "it", "new_members", "Quanti nuovi contributori nel terzo trimestre 2019?",
     {"period": Q(2019, 3)}, "membri con primo commit tra 2019-07-01 e 2019-09-30"),
    ("IT-06", "it", "change", "Variazione percentuale dei contributori attivi tra il 2020 e il 2021?",
     {"periods": [Y(2020), Y(2021)]}, "attivi nel 2020 e nel 2021, variazione %"),
    ("IT-07", "it", "top5", "I 5 contributori più attivi nel 2023",
     {"period": Y(2023)}, "top 5 per giorni attivi distinti nel 2023"),
    ("IT-08", "it", "lifecycle", "Ciclo di vita dei contributori di ottobre 2019 rispetto a settembre 2019",
     {"period": MB("2019-10")}, "ciclo di vita di 2019-10 contro 2019-09"),
    ("IT-09", "it", "retention", "Dei contributori arrivati ad agosto 2020, quanti erano ancora attivi due mesi dopo? Retention a 2 mesi",
     {"cohort": "2020-08", "n": 2}, "coorte = primo commit in 2020-08; trattenuti = attivi in 2020-10"),
    ("IT-10", "it", "unanswerable", "Da quali paesi provengono i nostri contributori?", {},
     "la provenienza geografica non è nei dati"),
]


def build():
    out = []
    for qid, lang, cat, text, params, rtext in SPECS:
        kind, exp, reading, sql = KINDS[cat](params)
        reading["text"] = rtext
        out.append({"id": qid, "language": lang, "category": cat, "question": text, "expected_kind": kind,
                    "expected": exp, "reading": reading, "sql": sql})
    return out


if __name__ == "__main__":
    qs = build()
    path = os.path.join(OUT, "questions.json")
    if "--check" in sys.argv:
        old = json.load(open(path, encoding="utf-8"))
        new = json.loads(json.dumps(qs, ensure_ascii=False))
        bad = [n["id"] for o, n in zip(old, new) if o != n] + (["<count>"] if len(old) != len(new) else [])
        if bad:
            print("DIFFERENT:", ", ".join(bad))
            sys.exit(1)
        print(f"OK: {len(new)} questions match")
    else:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(qs, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"wrote {len(qs)} questions")
