"""SQL measures over events.csv (sqlite3, in memory). Used by expected.py."""
import csv
import os
import sqlite3
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def connect():
    c = sqlite3.connect(":memory:")
    c.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, member_id TEXT, occurred_at TEXT, "
              "action TEXT, content_id TEXT, day TEXT)")
    with open(os.path.join(OUT, "events.csv"), newline="") as f:
        rows = [(r["event_id"], r["member_id"], r["occurred_at"], r["action"], r["content_id"],
                 r["occurred_at"][:10]) for r in csv.DictReader(f)]
    c.executemany("INSERT INTO events VALUES (?,?,?,?,?,?)", rows)
    c.execute("CREATE INDEX ix_day ON events(day)")
    return c


def q(s):
    return "'" + s.replace("'", "''") + "'"


def pct(new, old):
    v = (Decimal(new) - Decimal(old)) * 100 / Decimal(old)
    return float(v.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def share(part, whole):
    if whole == 0:
        return 0.0
    return float((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def is_half_tie(num, den):
    """True when num*1000/den ends exactly on a 5 at the 2nd decimal (a half-up tie)."""
    return (abs(num) * 1000) % den == 0 and ((abs(num) * 1000) // den) % 10 == 5


def month_bounds(ym):
    y, m = map(int, ym.split("-"))
    start = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return start.isoformat(), (nxt - timedelta(days=1)).isoformat()


def add_months(ym, n):
    y, m = map(int, ym.split("-"))
    k = y * 12 + (m - 1) + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def quarter_bounds(y, qn):
    a = month_bounds(f"{y}-{3 * qn - 2:02d}")[0]
    b = month_bounds(f"{y}-{3 * qn:02d}")[1]
    return a, b


def prev_quarter(y, qn):
    return (y - 1, 4) if qn == 1 else (y, qn - 1)


def days_before(d, n):
    dd = date.fromisoformat(d)
    return (dd - timedelta(days=n)).isoformat(), (dd - timedelta(days=1)).isoformat()


def where(p, action=None):
    s = f"day BETWEEN {q(p[0])} AND {q(p[1])}"
    if action:
        s += f" AND action = {q(action)}"
    return s


class M:
    def __init__(self, c):
        self.c = c

    def one(self, sql):
        return self.c.execute(sql).fetchone()[0]

    # -- basic counts
    def active_sql(self, p, action=None):
        return f"SELECT COUNT(DISTINCT member_id) FROM events WHERE {where(p, action)}"

    def events_sql(self, p, action=None):
        return f"SELECT COUNT(*) FROM events WHERE {where(p, action)}"

    def active(self, p, action=None):
        return self.one(self.active_sql(p, action))

    def events(self, p, action=None):
        return self.one(self.events_sql(p, action))

    # -- inactivity
    def inactive_sql(self, d, i):
        return ("SELECT COUNT(*) FROM (SELECT member_id, MAX(day) AS last_day FROM events "
                f"WHERE day <= {q(d)} GROUP BY member_id) WHERE julianday({q(d)}) - julianday(last_day) >= {i}")

    def inactive(self, d, i):
        return self.one(self.inactive_sql(d, i))

    def scored(self, d):
        return self.one(f"SELECT COUNT(DISTINCT member_id) FROM events WHERE day <= {q(d)}")

    # -- new members
    def new_sql(self, p):
        return ("SELECT COUNT(*) FROM (SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id) "
                f"WHERE first_day BETWEEN {q(p[0])} AND {q(p[1])}")

    def new(self, p):
        return self.one(self.new_sql(p))

    # -- overlap
    def set_sql(self, p, action=None):
        return f"SELECT member_id FROM events WHERE {where(p, action)}"

    def both_sql(self, a, b, act_a=None, act_b=None):
        return f"SELECT COUNT(*) FROM ({self.set_sql(a, act_a)} INTERSECT {self.set_sql(b, act_b)})"

    def only_sql(self, a, b, act_a=None, act_b=None):
        return f"SELECT COUNT(*) FROM ({self.set_sql(a, act_a)} EXCEPT {self.set_sql(b, act_b)})"

    # -- top 5
    def top_days_sql(self, p):
        return ("SELECT member_id, COUNT(DISTINCT day) AS days FROM events "
                f"WHERE {where(p)} GROUP BY member_id ORDER BY days DESC, member_id ASC")

    def top_events_sql(self, p):
        return ("SELECT member_id, COUNT(*) AS n FROM events "
                f"WHERE {where(p)} GROUP BY member_id ORDER BY n DESC, member_id ASC")

    # -- lifecycle
    def lifecycle(self, cur, prev):
        first = "(SELECT member_id, MIN(day) AS first_day FROM events GROUP BY member_id)"
        sql = {
            "new": f"SELECT COUNT(*) FROM {first} WHERE first_day BETWEEN {q(cur[0])} AND {q(cur[1])}",
            "returning": self.both_sql(cur, prev),
            "resurrecting": (f"SELECT COUNT(*) FROM ({self.set_sql(cur)} EXCEPT {self.set_sql(prev)}) x "
                             f"WHERE x.member_id IN (SELECT member_id FROM events WHERE day < {q(prev[0])})"),
            "dormant": self.only_sql(prev, cur),
        }
        return {k: self.one(v) for k, v in sql.items()}, sql

    # -- retention
    def retention(self, ym, n):
        a, b = month_bounds(ym)
        ta, tb = month_bounds(add_months(ym, n))
        cohort = (f"SELECT member_id FROM events GROUP BY member_id "
                  f"HAVING MIN(day) BETWEEN {q(a)} AND {q(b)}")
        size_sql = f"SELECT COUNT(*) FROM ({cohort})"
        kept_sql = (f"SELECT COUNT(*) FROM ({cohort} INTERSECT SELECT member_id FROM events "
                    f"WHERE day BETWEEN {q(ta)} AND {q(tb)})")
        return self.one(kept_sql), self.one(size_sql), kept_sql, size_sql, (ta, tb)
