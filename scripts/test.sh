#!/usr/bin/env bash
# Runs every test on this machine, fresh or not: installs what the tests need (PostgreSQL, aiosmtpd and Chromium from Debian),
# starts a throwaway PostgreSQL server, builds, runs all test projects and ends with the line
# "N passed, N failed[, N skipped]" totalled over all of them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# --- Debian packages the tests use: PostgreSQL, and a font for the charts' text ------------------
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
# The campaign tests deliver to a real SMTP server: tests/tools/smtp_sink.py on Debian's aiosmtpd.
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
# The web chat's end-to-end tests drive Debian's Chromium with Playwright (executablePath: no browser download).
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- npm packages the tests use (tests/tools/package-lock.json): the Teams manifest schemas, the Adaptive Cards
# object model, the Web Chat client and the Direct Line emulator of the Teams round trip -----------
log "installing the test tools from npm"
npm ci --prefix tests/tools --no-audit --no-fund --ignore-scripts --silent

# --- PostgreSQL: a private server on a free port, removed on exit -----------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/actionlytics-pg.XXXXXX)
pg_port=$(( 20000 + RANDOM % 20000 ))
pg_user=$(id -un)
run_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root: run it as the postgres user the package created.
  chown postgres:postgres "$pg_dir"
  pg_user=postgres
  run_pg() { runuser -u postgres -- "$@"; }
fi
stop_pg() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
log "starting PostgreSQL on 127.0.0.1:$pg_port"
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U "$pg_user" --no-sync >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null
export ACTIONLYTICS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=postgres;Include Error Detail=true"

# --- Build and test -----------------------------------------------------------------------------
results="$root/artifacts/test-results"
rm -rf "$results" "$root/artifacts/screenshots"
mkdir -p "$results"
log "building"
dotnet build Actionlytics.Agent.sln -c Release -nologo -v quiet
log "testing"
status=0
for project in $(find tests -name '*.Tests.csproj' | sort); do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
done

# --- One line for CI: totals over every test project ---------------------------------------------
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value total) - $(value executed)))
done
projects=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$files" -lt "$projects" ]; then
  log "only $files of $projects test projects reported results"
  failed=$((failed + projects - files))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
