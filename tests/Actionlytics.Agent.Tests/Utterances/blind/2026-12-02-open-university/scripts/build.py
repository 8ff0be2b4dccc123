import os, pathlib
HERE = pathlib.Path(__file__).resolve().parent
# The raw data: ../shared/data/open-university beside the repository, or OU_DATA.
DATA = pathlib.Path(os.environ.get("OU_DATA", HERE.parents[5].parent / "shared" / "data" / "open-university"))
import json, datetime
from load import db
c = db()

def d(s): return datetime.date.fromisoformat(s)
def prevwin(a, b, calendar_month=False):
    A, B = d(a), d(b)
    if calendar_month:
        pb = A - datetime.timedelta(days=1); pa = pb.replace(day=1)
    else:
        L = (B - A).days + 1
        pb = A - datetime.timedelta(days=1); pa = A - datetime.timedelta(days=L)
    return pa.isoformat(), pb.isoformat()

def sql_active(a, b):
    return f"SELECT COUNT(DISTINCT member_id) AS active_members FROM events WHERE day BETWEEN '{a}' AND '{b}'"
def sql_events(action, a, b, name):
    return f"SELECT COUNT(*) AS {name} FROM events WHERE action = '{action}' AND day BETWEEN '{a}' AND '{b}'"
def sql_all_events(a, b):
    return f"SELECT COUNT(*) AS events FROM events WHERE day BETWEEN '{a}' AND '{b}'"
def sql_members_action(action, a, b, name):
    return f"SELECT COUNT(DISTINCT member_id) AS {name} FROM events WHERE action = '{action}' AND day BETWEEN '{a}' AND '{b}'"
def sql_cmp_active(a1, b1, a2, b2, n1, n2):
    return (f"SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a1}' AND '{b1}') AS {n1}, "
            f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a2}' AND '{b2}') AS {n2}")
def sql_cmp_events(action, a1, b1, a2, b2, n1, n2):
    return (f"SELECT (SELECT COUNT(*) FROM events WHERE action='{action}' AND day BETWEEN '{a1}' AND '{b1}') AS {n1}, "
            f"(SELECT COUNT(*) FROM events WHERE action='{action}' AND day BETWEEN '{a2}' AND '{b2}') AS {n2}")
def sql_inactive(D, I):
    return (f"WITH last AS (SELECT member_id, MAX(day) AS last_day FROM events WHERE day <= '{D}' GROUP BY member_id) "
            f"SELECT COUNT(*) AS inactive_members FROM last WHERE julianday('{D}') - julianday(last_day) >= {I}")
def sql_lifecycle(a, b, cols, calendar_month=True):
    pa, pb = prevwin(a, b, calendar_month)
    parts = {
      'new': f"(SELECT COUNT(*) FROM cur JOIN first USING(member_id) WHERE f BETWEEN '{a}' AND '{b}') AS new",
      'returning': "(SELECT COUNT(*) FROM cur WHERE member_id IN (SELECT member_id FROM prev)) AS \"returning\"",
      'resurrecting': f"(SELECT COUNT(*) FROM cur JOIN first USING(member_id) WHERE member_id NOT IN (SELECT member_id FROM prev) AND f < '{pa}') AS resurrecting",
      'dormant': "(SELECT COUNT(*) FROM prev WHERE member_id NOT IN (SELECT member_id FROM cur)) AS dormant",
      'gained': f"(SELECT COUNT(*) FROM cur JOIN first USING(member_id) WHERE f BETWEEN '{a}' AND '{b}' OR (member_id NOT IN (SELECT member_id FROM prev) AND f < '{pa}')) AS gained",
      'lost': "(SELECT COUNT(*) FROM prev WHERE member_id NOT IN (SELECT member_id FROM cur)) AS lost",
    }
    return (f"WITH cur AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{a}' AND '{b}'), "
            f"prev AS (SELECT DISTINCT member_id FROM events WHERE day BETWEEN '{pa}' AND '{pb}'), "
            f"first AS (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id) "
            "SELECT " + ", ".join(parts[x] for x in cols))
def sql_rate(a, b):
    return (f"WITH first AS (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id) "
            f"SELECT (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a}' AND '{b}') AS active_members, "
            f"(SELECT COUNT(*) FROM first WHERE f <= '{b}') AS members_joined, "
            f"ROUND(100.0 * (SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a}' AND '{b}') / (SELECT COUNT(*) FROM first WHERE f <= '{b}'), 1) AS activity_rate_pct")
def sql_min_days(a, b, n):
    return (f"SELECT COUNT(*) AS members FROM (SELECT member_id FROM events WHERE day BETWEEN '{a}' AND '{b}' "
            f"GROUP BY member_id HAVING COUNT(DISTINCT day) >= {n})")
def sql_cohort(a, b, a2, b2):
    return (f"WITH first AS (SELECT member_id, MIN(day) AS f FROM events GROUP BY member_id), "
            f"cohort AS (SELECT member_id FROM first WHERE f BETWEEN '{a}' AND '{b}') "
            f"SELECT (SELECT COUNT(*) FROM cohort) AS cohort_size, "
            f"(SELECT COUNT(DISTINCT member_id) FROM events WHERE day BETWEEN '{a2}' AND '{b2}' AND member_id IN (SELECT member_id FROM cohort)) AS active_next_month")
def sql_segment(D, I, seg):
    base = (f"WITH last AS (SELECT member_id, MAX(day) AS last_day, COUNT(DISTINCT day) AS days_ever FROM events WHERE day <= '{D}' GROUP BY member_id), "
            f"inact AS (SELECT member_id, days_ever, julianday('{D}') - julianday(last_day) - {I} AS past FROM last WHERE julianday('{D}') - julianday(last_day) >= {I}) ")
    if seg == 'one_timers':
        return base + "SELECT (SELECT COUNT(*) FROM inact) AS inactive_members, (SELECT COUNT(*) FROM inact WHERE days_ever <= 2) AS one_timers"
    if seg == 'long_gone':
        return base + "SELECT (SELECT COUNT(*) FROM inact) AS inactive_members, (SELECT COUNT(*) FROM inact WHERE days_ever > 2 AND past > 90) AS long_gone"

Q = []
def add(id, q, asks, sql, note=None):
    r = c.execute(sql)
    cols = [x[0] for x in r.description]
    row = r.fetchone()
    rec = {"id": id, "language": id[:2], "question": q, "asks": asks, "expected": dict(zip(cols, row)), "sql": sql}
    if note: rec["interpretation"] = note
    Q.append(rec)

LC_NOTE = ("Lifecycle per docs/analytics.md: new = first active ever in the period; returning = active in the period and in the period before; "
           "resurrecting = active in it, not in the period before, but earlier; dormant = active in the period before, not in this one; "
           "gained = new + resurrecting, lost = dormant. 'Period before' = the previous calendar month (for this month the previous window of the same length gives the same figure).")
LC_NOTE_W = ("Lifecycle per docs/analytics.md; the period is the ISO week and the period before is the previous ISO week (same length, so no ambiguity).")
RATE_NOTE = ("Activity rate = active members in the period / members who had joined by the period's end. members.csv has no joined_at, "
             "so 'joined' is taken as the member's first event on or before the period's last day. Expected rate in percent, 1 decimal.")
INACT_NOTE = "Inactive as of D with threshold I: last event day on or before D, and D - last_active_date >= I days; members with no event on or before D are not counted."

exec(open(HERE / 'questions.py').read())

VER = ['en-02','en-03','en-05','en-06','en-09','en-10','en-11','en-12','en-13','en-23','fr-18','en-25','en-26','fr-06','fr-08','fr-14','fr-15','it-05','it-06','it-08','it-10']
for q in Q:
    if q['id'] in VER: q['double_checked'] = 'recomputed independently in plain Python (no SQL) from the CSVs; same figures'
    if 'activity_rate_pct' in q['expected']:
        e = q['expected']; alt = round(100.0 * e['active_members'] / 12400, 1)
        q['interpretation'] += f" If the product instead counts all 12,400 imported members as joined, the rate would be {alt}%."
out = {"data": "open-university", "written": "2026-12-02", "questions": Q}
json.dump(out, open(HERE.parent / 'questions.json', 'w'), ensure_ascii=False, indent=2)
from collections import Counter
print(Counter(x['language'] for x in Q), len(Q), len(set(x['id'] for x in Q)))
for x in Q: print(x['id'], x['expected'])
