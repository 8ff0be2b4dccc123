#!/usr/bin/env python3
"""Ask a blind set's questions through the CLI (parallel, one store copy per worker) and grade them automatically.
usage: run.py QUESTIONS.json STORE_ROOT COMMUNITY OUT.json [--only id,id]"""
import json, os, re, subprocess, sys, concurrent.futures as cf
qpath, store_root, community, out = sys.argv[1:5]
only = set(sys.argv[sys.argv.index('--only')+1].split(',')) if '--only' in sys.argv else None
data = json.load(open(qpath)); qs = data['questions'] if isinstance(data, dict) else data
if only: qs = [q for q in qs if q['id'] in only]
CLI = os.environ.get('CLI', '/work/main/src/Actionlytics.Cli/bin/Release/net10.0/actionlytics')
workers = sorted(d for d in os.listdir(store_root) if d.isdigit())
def ask(i, q):
    env = dict(os.environ, Store__DataFolder=f"{store_root}/{workers[i % len(workers)]}", Knowledge__DataFolder=f"{store_root}/k")
    p = subprocess.run([CLI, 'ask', q['question'], '--community', community, '--json'], capture_output=True, text=True, env=env)
    try: o = json.loads(p.stdout)
    except ValueError: o = {'answer': p.stdout + p.stderr, 'tool_calls': []}
    return q, o
REFUSAL = ('could you say a bit more', 'i can help with your community', 'pourriez-vous', 'je peux vous aider', 'potrebbe', 'posso aiutarti',
           "i could not place", "i could not answer that without guessing", "i did not understand", "je n'ai pas compris", "non ho capito", "i understood", "j'ai compris", "ho capito",
           'puedo ayudarle', '¿podría concretar', 'no he entendido', 'no puedo responder a eso sin adivinar',
           'ich kann ihnen bei', 'könnten sie ihre frage', 'ich habe diese frage nicht', 'das kann ich nicht beantworten, ohne zu raten',
           'i read two of this community', 'je lis deux actions', 'nella domanda leggo due', 'en la pregunta leo dos', 'ich lese in der frage zwei')
def numbers(text):
    # Dates are not figures: a day number must not pass for the count asked.
    # ... nor a month (2014-04); "a, b" is a list, not a decimal; a change keeps its sign (-28).
    text = re.sub(r'\d{4}-\d{2}(?:-\d{2})?', ' ', text).replace(', ', ' ; ')
    found = set()
    for m in re.finditer(r'[-\u2212]?\d[\d,.\u202f\u00a0 ]*\d|[-\u2212]?\d', text):
        s = m.group(0).replace('\u202f', ' ').replace('\u00a0', ' ').replace('\u2212', '-')
        for part in re.split(r'(?<=\d) (?=\d{1,2}\b)', s):
            cands = {part.replace(' ', '').replace(',', ''), part.replace(' ', '').replace('.', '').replace(',', '.'), part.replace(' ', '').replace(',', '')}
            for c in cands:
                try: found.update({round(float(c), 1), abs(round(float(c), 1))})
                except ValueError: pass
    return found
def flat(v):
    if isinstance(v, bool): return []
    if isinstance(v, (int, float)): return [v]
    if isinstance(v, list): return [x for i in v for x in flat(i)]
    if isinstance(v, dict): return [x for k, i in v.items() if not k.startswith('alternative') for x in flat(i)]
    return []
def grade(q, o):
    a = o.get('answer', '') or ''
    low = a.lower()
    refused = any(low.startswith(r) or ('\n' not in low[:200] and r in low[:200]) for r in REFUSAL) and not re.search(r'\d{2,}', low.split('\n')[0].replace('2013','').replace('2014','').replace('2015',''))
    if q.get('expected_kind') == 'unanswerable' or 'unanswerable' in str(q.get('expected', {}).get('outcome', '')):
        return 'right' if refused else 'wrong'
    if refused: return 'refusal'
    exp = q.get('expected', {})
    # main figures: top-level numbers (not nested member lists' details)
    main = [v for k, v in exp.items() if isinstance(v, (int, float)) and not isinstance(v, bool) and not k.startswith('alternative')]
    ids = [x['member_id'] for k, v in exp.items() if isinstance(v, list) for x in v if isinstance(x, dict) and 'member_id' in x] + \
          [x for k, v in exp.items() if isinstance(v, list) for x in v if isinstance(x, str)]
    if not main and not ids: main = flat(exp)
    nums = numbers(a.split('\n\n')[0]) | numbers(a)  # whole answer; leads are reviewed by hand
    ok = all(round(float(m), 1) in nums or (isinstance(m, float) and any(abs(n - m) <= 0.11 for n in nums)) for m in main)
    ok = ok and all(i in a for i in ids)
    return 'right' if ok else 'wrong'
results = []
if '--regrade' in sys.argv:
    old = {r['id']: r for r in json.load(open(out))}
    for q in qs:
        r = old[q['id']]
        r['grade'] = grade(q, {'answer': r['answer'], 'tool_calls': []})
        results.append(r)
    qs = []
with cf.ThreadPoolExecutor(max(1, len(workers))) as ex:
    for q, o in ex.map(lambda iq: ask(*iq), enumerate(qs)):
        g = grade(q, o)
        results.append({'id': q['id'], 'language': q['language'], 'question': q['question'], 'grade': g, 'expected': q.get('expected'),
                        'calls': [(c['name'], c['arguments']) for c in o.get('tool_calls', [])], 'answer': o.get('answer')})
json.dump(results, open(out, 'w'), ensure_ascii=False, indent=1)
from collections import Counter
by = {}
for r in results: by.setdefault(r['language'], Counter())[r['grade']] += 1
tot = Counter(r['grade'] for r in results)
for l, c in sorted(by.items()): print(f"{l}: right {c['right']}, refusal {c['refusal']}, wrong {c['wrong']}")
print(f"all: right {tot['right']}, refusal {tot['refusal']}, wrong {tot['wrong']} of {len(results)}")
