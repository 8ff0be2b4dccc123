import os, pathlib
HERE = pathlib.Path(__file__).resolve().parent
# The raw data: ../shared/data/open-university beside the repository, or OU_DATA.
DATA = pathlib.Path(os.environ.get("OU_DATA", HERE.parents[5].parent / "shared" / "data" / "open-university"))
import sqlite3, csv
def db():
    c = sqlite3.connect(':memory:')
    c.execute("create table events(event_id,member_id,occurred_at,action,content_id,score,assessment_id, day)")
    with open(DATA / 'events.csv') as f:
        r = csv.DictReader(f)
        c.executemany("insert into events values(?,?,?,?,?,?,?,?)", [(x['event_id'],x['member_id'],x['occurred_at'],x['action'],x['content_id'],x['score'],x['assessment_id'],x['occurred_at'][:10]) for x in r])
    c.execute("create table members(member_id,locale,region,age_band,highest_education,final_result)")
    with open(DATA / 'members.csv') as f:
        r = csv.DictReader(f)
        c.executemany("insert into members values(?,?,?,?,?,?)", [tuple(x.values()) for x in r])
    c.execute("create index i1 on events(day)"); c.execute("create index i2 on events(member_id, day)")
    return c
