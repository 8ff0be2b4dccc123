#!/usr/bin/env bash
# Builds the numbered store copies run.py asks in parallel: store.sh STORE_ROOT COMMUNITY "NAME" EVENTS.csv [MEMBERS.csv]
set -euo pipefail
root=$1 community=$2 name=$3 events=$4 members=${5:-}
cli=${CLI:-/work/main/src/Actionlytics.Cli/bin/Release/net10.0/actionlytics}
rm -rf "$root" && mkdir -p "$root/0" "$root/k"
export Store__DataFolder="$root/0" Knowledge__DataFolder="$root/k"
"$cli" community create "$community" --name "$name" --time-zone UTC
"$cli" import events "$events" --community "$community"
[ -n "$members" ] && "$cli" import members "$members" --community "$community"
for i in 1 2 3 4 5; do cp -r "$root/0" "$root/$i"; done
