#!/usr/bin/env bash
# Ask every question of questions.json once, in order, each in a new thread (no --thread), and write
# a JSON list of {id, question, exit_code, output} to OUT (output = the parsed JSON, or the raw text).
# Usage: scripts/ask-all.sh OUT.json [N]   (N: only the first N questions, for a smoke test)
set -euo pipefail
OUT=${1:?usage: ask-all.sh OUT.json [N]}
LIMIT=${2:-0}
HERE=$(cd "$(dirname "$0")" && pwd)
export Store__DataFolder=/work/blind-store-2 Knowledge__DataFolder=/work/blind-store-2/knowledge
CLI=${CLI:-/work/main/src/Actionlytics.Cli/bin/Release/net10.0/actionlytics}
export CLI
python3 - "$HERE/../questions.json" "$OUT" "$LIMIT" <<'PY'
import json, os, subprocess, sys
qs = json.load(open(sys.argv[1]))
limit = int(sys.argv[3])
if limit > 0:
    qs = qs[:limit]
results = []
for q in qs:
    p = subprocess.run([os.environ["CLI"], "ask", q["question"], "--community", "gh", "--json"],
                       capture_output=True, text=True)
    try:
        output = json.loads(p.stdout)
    except ValueError:
        output = p.stdout + (("\n[stderr]\n" + p.stderr) if p.stderr.strip() else "")
    results.append({"id": q["id"], "question": q["question"], "exit_code": p.returncode, "output": output})
    print(f"{q['id']}: exit {p.returncode}", file=sys.stderr)
with open(sys.argv[2], "w") as f:
    json.dump(results, f, ensure_ascii=False, indent=2)
print(f"{len(results)} answers written to {sys.argv[2]}", file=sys.stderr)
PY
