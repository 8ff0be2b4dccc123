#!/usr/bin/env python3
"""Recompute every expected figure of the blind set from events.csv alone, with SQL over SQLite,
implementing docs/analytics.md literally (community time zone UTC: a day is the UTC date of occurred_at).

Usage: python3 scripts/expected.py            -> rewrites questions.json next to this folder
       python3 scripts/expected.py --check    -> recomputes and compares with questions.json (exit 1 on a difference)
The questions themselves are in questions_src.py (text, kind, reading and the function + arguments that answer them).
"""
import csv, json, os, sqlite3, sys
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

db = sqlite3.connect(":memory:")
db.execute("create table e(event_id text primary key, member_id text, occurred_at text, action text, content_id text, day text, seq integer)")
with open(os.path.join(ROOT, "events.csv"), newline="") as f:
    rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"], r["occurred_at"][:10], i)
            for i, r in enumerate(csv.DictReader(f))]
db.executemany("insert into e values (?,?,?,?,?,?,?)", rows)
db.execute("create index e_day on e(day)")
# the order members were first stored in (the import creates them in the order of events.csv): equal scores keep it
db.execute("create table m as select member_id, min(day) first_day, min(seq) first_seq from e group by member_id")


def q(sql, **p):
    cur = db.execute(sql, p)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def show(sql, **p):
    """The SQL with its parameters written in, as stored in questions.json."""
    for k, v in sorted(p.items(), key=lambda kv: -len(kv[0])):
        sql = sql.replace(":" + k, repr(v) if isinstance(v, str) else str(v))
    return " ".join(sql.split())


# ---------------------------------------------------------------- periods
def month_range(ym):
    y, m = map(int, ym.split("-"))
    a = date(y, m, 1)
    b = date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
    return a.isoformat(), b.isoformat()

def quarter_range(y, n):
    a, _ = month_range(f"{y}-{3 * n - 2:02d}")
    _, b = month_range(f"{y}-{3 * n:02d}")
    return a, b

def prev_month(ym):
    y, m = map(int, ym.split("-"))
    return f"{y - (m == 1)}-{(m - 2) % 12 + 1:02d}"

def add_months(ym, n):
    y, m = map(int, ym.split("-"))
    k = y * 12 + m - 1 + n
    return f"{k // 12}-{k % 12 + 1:02d}"

def iso_week_range(y, w):
    a = date.fromisocalendar(y, w, 1)
    return a.isoformat(), (a + timedelta(days=6)).isoformat()


# ---------------------------------------------------------------- measures
ACTIVE = "select count(distinct member_id) n from e where day between :a and :b"
ACTIVE_ACTION = "select count(distinct member_id) n from e where day between :a and :b and action = :action"
EVENTS = "select count(*) n from e where day between :a and :b and action = :action"


def active(a, b):
    return {"active_contributors": q(ACTIVE, a=a, b=b)[0]["n"]}, show(ACTIVE, a=a, b=b)


def active_days_before(d, n):
    """the n days before d: [d-n, d-1]; the alternative reading (n days ending on d) is given too"""
    dd = date.fromisoformat(d)
    a, b = (dd - timedelta(days=n)).isoformat(), (dd - timedelta(days=1)).isoformat()
    a2 = (dd - timedelta(days=n - 1)).isoformat()
    main = q(ACTIVE, a=a, b=b)[0]["n"]
    alt = q(ACTIVE, a=a2, b=d)[0]["n"]
    return ({"active_contributors": main, "alternative_reading_ending_on_the_day": {"period": f"{a2}..{d}", "active_contributors": alt}},
            show(ACTIVE, a=a, b=b))


def events(a, b, action):
    key = "merges" if action == "merge" else "commits"
    return {key: q(EVENTS, a=a, b=b, action=action)[0]["n"]}, show(EVENTS, a=a, b=b, action=action)


def commits_and_total(a, b):
    c = q(EVENTS, a=a, b=b, action="commit")[0]["n"]
    m = q(EVENTS, a=a, b=b, action="merge")[0]["n"]
    return {"commits": c, "merges": m, "all_events": c + m}, show(EVENTS, a=a, b=b, action="commit")


MERGERS = ("select member_id from e where day between :a and :b and action = 'merge' "
           "group by member_id order by count(*) desc, member_id")

def mergers(a, b):
    ids = [r["member_id"] for r in q(MERGERS, a=a, b=b)]
    n = {r["member_id"]: r["n"] for r in q("select member_id, count(*) n from e where day between :a and :b and action='merge' group by member_id", a=a, b=b)}
    return {"contributors_who_merged": len(ids), "members": [{"member_id": i, "merges": n[i]} for i in ids]}, show(MERGERS, a=a, b=b)


LIFECYCLE = """
with cur as (select distinct member_id from e where day between :a and :b),
     prev as (select distinct member_id from e where day between :pa and :pb)
select (select count(*) from cur) active,
       (select count(*) from cur join m using (member_id) where m.first_day between :a and :b) new,
       (select count(*) from cur where member_id in (select member_id from prev)) "returning",
       (select count(*) from cur join m using (member_id)
         where member_id not in (select member_id from prev) and m.first_day < :pa) resurrecting,
       (select count(*) from prev where member_id not in (select member_id from cur)) dormant
"""

def lifecycle(a, b, pa, pb):
    r = q(LIFECYCLE, a=a, b=b, pa=pa, pb=pb)[0]
    r["gained"] = r["new"] + r["resurrecting"]
    r["lost"] = r["dormant"]
    return r, show(LIFECYCLE, a=a, b=b, pa=pa, pb=pb)

def lifecycle_month(ym, keys=None):
    a, b = month_range(ym)
    pa, pb = month_range(prev_month(ym))
    r, s = lifecycle(a, b, pa, pb)
    return ({k: r[k] for k in keys} if keys else r), s

def lifecycle_quarter(y, n, keys=None):
    a, b = quarter_range(y, n)
    pa, pb = quarter_range(y - (n == 1), (n - 2) % 4 + 1)
    r, s = lifecycle(a, b, pa, pb)
    return ({k: r[k] for k in keys} if keys else r), s


# inactivity: per member as of :D, window :W, threshold :I
STATS = """
with d as (select distinct member_id, day from e where day <= :D),
s as (
  select member_id, max(day) last_active_date, count(*) days_ever,
         julianday(:D) - julianday(max(day)) recency_days,
         sum(day >= date(:D, '-' || (:W - 1) || ' days')) active_days,
         coalesce(julianday(max(case when day >= date(:D, '-' || (:W - 1) || ' days') then day end))
                - julianday(min(case when day >= date(:D, '-' || (:W - 1) || ' days') then day end)) + 1, 0) constancy_days
  from d group by member_id)
select s.*, m.first_seq,
  100.0 * (0.5  * max(0.0, min(1.0, 1.0 - (recency_days - :I) * 1.0 / :W))
         + 0.25 * max(0.0, min(1.0, constancy_days * 1.0 / (:W - :I)))
         + 0.25 * max(0.0, min(1.0, active_days * 1.0 / (:W - :I)))) score,
  case when days_ever <= 2 then 'one_timers'
       when recency_days - :I <= 30 and active_days >= 10 then 'recently_lapsed_regulars'
       when recency_days - :I <= 30 then 'recently_lapsed'
       when recency_days - :I <= 90 then 'fading'
       else 'long_gone' end segment
from s join m using (member_id)
where recency_days >= :I
"""

def inactive(D, I, W=180):
    r = q("select count(*) n from (" + STATS + ")", D=D, I=I, W=W)[0]["n"]
    return {"inactive_contributors": r}, show("select count(*) from (" + STATS + ")", D=D, I=I, W=W)


def inactive_months(D, months, W=180):
    """a threshold in months: 30-day months as the main reading, calendar months given as the alternative"""
    main, s = inactive(D, 30 * months, W)
    dd = date.fromisoformat(D)
    y, m = dd.year, dd.month - months
    while m <= 0:
        m += 12; y -= 1
    cut = date(y, m, min(dd.day, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31))
    cal_days = (dd - cut).days
    alt = inactive(D, cal_days, W)[0]["inactive_contributors"]
    main["alternative_reading_calendar_months"] = {"threshold_days": cal_days, "inactive_contributors": alt}
    return main, s


def segments(D, I=30, W=180, only=None):
    rows = q("select segment, count(*) n from (" + STATS + ") group by segment", D=D, I=I, W=W)
    out = {k: 0 for k in ["one_timers", "recently_lapsed_regulars", "recently_lapsed", "fading", "long_gone"]}
    out.update({r["segment"]: r["n"] for r in rows})
    total = sum(out.values())
    if only:
        out = {only: out[only]}
    out["inactive_contributors"] = total
    return out, show("select segment, count(*) from (" + STATS + ") group by segment", D=D, I=I, W=W)


def top_scores(D, N, I=30, W=180):
    sql = "select member_id, round(score, 1) score, recency_days, active_days, constancy_days, segment from (" + STATS + ") order by score desc, first_seq limit :N"
    rows = q(sql, D=D, I=I, W=W, N=N)
    for r in rows:
        for k in ("recency_days", "constancy_days"):
            r[k] = int(r[k])
    return {"top": rows, "member_ids_in_order": [r["member_id"] for r in rows]}, show(sql, D=D, I=I, W=W, N=N)


def member_score(D, member, I=30, W=180):
    sql = ("with x as (" + STATS.replace("where recency_days >= :I", "") + ") select member_id, last_active_date, recency_days, "
           "active_days, constancy_days, round(score, 1) score, recency_days >= :I inactive from x where member_id = :member")
    r = q(sql, D=D, I=I, W=W, member=member)[0]
    for k in ("recency_days", "constancy_days"):
        r[k] = int(r[k])
    r["inactive"] = bool(r["inactive"])
    return r, show(sql, D=D, I=I, W=W, member=member)


RETENTION = """
with c as (select member_id from m where first_day between :ca and :cb)
select (select count(*) from c) cohort_size,
       (select count(distinct member_id) from e where member_id in (select member_id from c) and day between :ra and :rb) retained
"""

def retention(cohort, n):
    ca, cb = month_range(cohort)
    ra, rb = month_range(add_months(cohort, n))
    r = q(RETENTION, ca=ca, cb=cb, ra=ra, rb=rb)[0]
    r["retention_pct"] = round(100.0 * r["retained"] / r["cohort_size"], 1) if r["cohort_size"] else None
    r["measured_month"] = add_months(cohort, n)
    return r, show(RETENTION, ca=ca, cb=cb, ra=ra, rb=rb)


def compare(metric, p1, p2, action=None):
    """p1 = the earlier (reference) period, p2 = the later; change = p2 - p1"""
    if metric == "active":
        f = lambda p: q(ACTIVE, a=p[0], b=p[1])[0]["n"]; sql = show(ACTIVE, a=p2[0], b=p2[1]); name = "active_contributors"
    else:
        f = lambda p: q(EVENTS, a=p[0], b=p[1], action=action)[0]["n"]; sql = show(EVENTS, a=p2[0], b=p2[1], action=action)
        name = "merges" if action == "merge" else "commits"
    v1, v2 = f(p1), f(p2)
    return ({f"{name}_{p1[0]}..{p1[1]}": v1, f"{name}_{p2[0]}..{p2[1]}": v2, "change": v2 - v1,
             "change_pct": round(100.0 * (v2 - v1) / v1, 1) if v1 else None,
             "direction": "up" if v2 > v1 else "down" if v2 < v1 else "same"},
            sql + "  (run for each period)")


def monthly_active(months):
    out = {}
    for ym in months:
        a, b = month_range(ym)
        out[ym] = q(ACTIVE, a=a, b=b)[0]["n"]
    return {"active_contributors_by_month": out}, show(ACTIVE, a="<month start>", b="<month end>") + "  (per month)"


def unanswerable(why):
    return {"outcome": "an honest 'I cannot answer / do not understand', no figure", "why": why}, ""


def build():
    from questions_src import QUESTIONS
    out = []
    for i, (lang, text, kind, fn, args, reading) in enumerate(QUESTIONS, 1):
        expected, sql = globals()[fn](*args)
        call = f"scripts/expected.py:{fn}{tuple(args)!r}".replace(",)", ")")
        out.append({"id": f"gh-{i:02d}", "language": lang, "question": text, "expected_kind": kind,
                    "expected": expected, "reading": reading, "sql": (sql + "  -- " + call) if sql else call})
    return out


if __name__ == "__main__":
    res = build()
    path = os.path.join(ROOT, "questions.json")
    if "--check" in sys.argv:
        old = json.load(open(path))
        bad = [a["id"] for a, b in zip(old, res) if a != b] + (["count"] if len(old) != len(res) else [])
        print("differences:", bad or "none"); sys.exit(1 if bad else 0)
    json.dump(res, open(path, "w"), ensure_ascii=False, indent=2)
    print(f"{len(res)} questions written to {path}")
