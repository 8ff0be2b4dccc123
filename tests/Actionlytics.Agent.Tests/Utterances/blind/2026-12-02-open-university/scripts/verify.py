import os, pathlib
HERE = pathlib.Path(__file__).resolve().parent
# The raw data: ../shared/data/open-university beside the repository, or OU_DATA.
DATA = pathlib.Path(os.environ.get("OU_DATA", HERE.parents[5].parent / "shared" / "data" / "open-university"))
import csv, json, datetime
from collections import defaultdict
D = lambda s: datetime.date.fromisoformat(s)
ev = list(csv.DictReader(open(DATA / 'events.csv')))
days = defaultdict(set); act = defaultdict(lambda: defaultdict(set))
for e in ev:
    dd = datetime.datetime.fromisoformat(e['occurred_at'].replace('Z','+00:00')).date()
    e['d'] = dd; days[e['member_id']].add(dd); act[e['action']][e['member_id']].add(dd)
first = {m: min(s) for m, s in days.items()}
def active(a, b): a, b = D(a), D(b); return {m for m, s in days.items() if any(a <= x <= b for x in s)}
def nevents(action, a, b): a, b = D(a), D(b); return sum(1 for e in ev if (action is None or e['action']==action) and a <= e['d'] <= b)
def inactive(d, I):
    d = D(d); n = 0
    for m, s in days.items():
        past = [x for x in s if x <= d]
        if past and (d - max(past)).days >= I: n += 1
    return n
def lifecycle(a, b, pa, pb):
    cur, prev = active(a, b), active(pa, pb)
    new = {m for m in cur if D(a) <= first[m] <= D(b)}
    res = {m for m in cur - prev if first[m] < D(pa)}
    return dict(new=len(new), returning=len(cur & prev), resurrecting=len(res), dormant=len(prev - cur), gained=len(new)+len(res), lost=len(prev-cur))
Q = {q['id']: q['expected'] for q in json.load(open(HERE.parent / 'questions.json'))['questions']}
checks = {
 'en-02': {'active_members': len(active('2013-10-01','2013-12-31'))},
 'en-03': {'assignment_submitted_events': nevents('assignment_submitted','2014-11-01','2014-11-30')},
 'en-05': {'registration_events': nevents('registration','2014-02-01','2014-04-30')},
 'en-06': {'members_submitting': sum(1 for m,s in act['assignment_submitted'].items() if any(D('2015-01-01')<=x<=D('2015-01-31') for x in s))},
 'en-09': {k: lifecycle('2014-10-01','2014-10-31','2014-09-01','2014-09-30')[k] for k in ('gained','new','resurrecting')},
 'en-10': {'lost': lifecycle('2013-12-01','2013-12-31','2013-11-01','2013-11-30')['lost']},
 'en-11': {'active_members': len(active('2015-01-01','2015-01-31')), 'members_joined': sum(1 for f in first.values() if f <= D('2015-01-31'))},
 'en-12': {'inactive_members': inactive('2014-12-31', 30)},
 'en-13': {'inactive_members': inactive('2014-03-15', 56)},
 'en-23': None, 'fr-18': None,
 'en-25': {'members': sum(1 for m,s in days.items() if len([x for x in s if D('2013-11-01')<=x<=D('2013-11-30')])>=2)},
 'en-26': None,
 'fr-06': {'inactive_members': inactive('2014-04-30', 42)},
 'fr-08': {k: lifecycle('2014-11-01','2014-11-30','2014-10-01','2014-10-31')[k] for k in ('gained','lost')},
 'fr-14': {'resurrecting': lifecycle('2013-10-01','2013-10-31','2013-09-01','2013-09-30')['resurrecting']},
 'fr-15': {'events': nevents(None,'2013-01-01','2013-12-31')},
 'it-05': {'inactive_members': inactive('2014-11-30', 28)},
 'it-06': {'active_q4_2013': len(active('2013-10-01','2013-12-31')), 'active_q4_2014': len(active('2014-10-01','2014-12-31'))},
 'it-08': {'lost': lifecycle('2015-02-01','2015-02-28','2015-01-01','2015-01-31')['lost']},
 'it-10': {'members_submitting': sum(1 for m,s in act['assignment_submitted'].items() if any(D('2015-01-12')<=x<=D('2015-01-18') for x in s))},
}
# segments
def seg(d, I):
    d = D(d); out = defaultdict(int)
    for m, s in days.items():
        past = [x for x in s if x <= d]
        if not past: continue
        r = (d - max(past)).days
        if r < I: continue
        out['inactive_members'] += 1
        if len(past) <= 2: out['one_timers'] += 1
        elif r - I > 90: out['long_gone'] += 1
    return out
s = seg('2014-10-31', 30); checks['en-23'] = {'inactive_members': s['inactive_members'], 'long_gone': s['long_gone']}
s = seg('2013-12-31', 30); checks['fr-18'] = {'inactive_members': s['inactive_members'], 'one_timers': s['one_timers']}
coh = {m for m, f in first.items() if D('2014-10-01') <= f <= D('2014-10-31')}
checks['en-26'] = {'cohort_size': len(coh), 'active_next_month': len(coh & active('2014-11-01','2014-11-30'))}
ok = 0
for k, v in checks.items():
    exp = {kk: Q[k][kk] for kk in v}
    good = exp == v; ok += good
    print(k, 'OK ' if good else 'MISMATCH', v, '' if good else exp)
print(ok, '/', len(checks))
