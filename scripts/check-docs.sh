#!/usr/bin/env bash
# Runs every runnable shell block of README.md and docs/*.md (a fenced block whose info string is "bash runnable"),
# as a reader would: from the repository root, the blocks of one file in order in one shell. Each file gets a scratch
# store, so the commands never touch the developer's data. Stops at the first failing block and names its file,
# number and line. Usage: scripts/check-docs.sh [FILE.md...]   (default: README.md docs/*.md)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ $# -gt 0 ]; then
  files=("$@")
else
  files=(README.md)
  while IFS= read -r f; do files+=("$f"); done < <(find docs -maxdepth 1 -name '*.md' | LC_ALL=C sort)
fi

work=$(mktemp -d /tmp/actionlytics-docs.XXXXXX)
before="$work/untracked-before"
untracked() {
  git -C "$root" ls-files --others --exclude-standard 2>/dev/null | LC_ALL=C sort || true
}
untracked > "$before"
# Files the blocks wrote into the repository (members.csv, trend.png...) go; files that were there before stay.
remove_new_files() {
  untracked | LC_ALL=C comm -13 "$before" - | while IFS= read -r created; do
    rm -f -- "$root/$created"
  done
}
cleanup() { remove_new_files; rm -rf "$work"; }
trap cleanup EXIT

# The scratch environment: no setting of the developer's reaches the commands (a store, an SMTP server, a model, an
# environment name); the store and the local application data folder are new temporary folders.
scratch_env() {
  local name
  for name in $(compgen -e); do
    case "$name" in
      Store__*|Demo__*|Ingestion__*|Analytics__*|Agent__*|Knowledge__*|Campaigns__*|Teams__*|SignIn__*|Api__*|ConnectionStrings__*|Urls|ASPNETCORE_URLS|DOTNET_ENVIRONMENT|ASPNETCORE_ENVIRONMENT|OTEL_EXPORTER_OTLP_ENDPOINT)
        unset "$name" ;;
    esac
  done
  export Store__DataFolder="$1/data" XDG_DATA_HOME="$1/xdg"
  mkdir -p "$Store__DataFolder" "$XDG_DATA_HOME"
  # A build a block starts must not leave MSBuild nodes or the compiler server running: they would hold this script's
  # output open after it ends (and the test that reads it would wait for them).
  export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false DOTNET_NOLOGO=1
}

# Cuts FILE's runnable blocks into DIR/N.sh, and writes "N LINE" per block to DIR/index. A fence opened with more
# backticks (an example of the convention itself) hides the fences inside it.
extract() {
  awk -v dir="$2" '
    function fence_len(s) { match(s, /^`+/); return RLENGTH }
    {
      if (open == "") {
        if ($0 ~ /^```/) {
          open = substr($0, 1, fence_len($0))
          info = substr($0, length(open) + 1)
          gsub(/^[ \t]+|[ \t]+$/, "", info)
          if (info == "bash runnable") { n++; out = dir "/" n ".sh"; printf "" > out; print n, NR >> (dir "/index") } else { out = "" }
        }
      } else if ($0 ~ /^`+[ \t]*$/ && fence_len($0) >= length(open)) {
        if (out != "") close(out)
        open = ""; out = ""
      } else if (out != "") {
        print >> out
      }
    }
    END { if (open != "" && out != "") { print "unclosed runnable block at the end of the file" > "/dev/stderr"; exit 1 } }
  ' "$1"
}

total=0
for file in "${files[@]}"; do
  [ -f "$file" ] || { echo "check-docs: $file: no such file" >&2; exit 2; }
  dir="$work/$(echo "$file" | tr '/' '_')"
  mkdir -p "$dir"
  : > "$dir/index"
  extract "$file" "$dir"
  count=$(wc -l < "$dir/index")
  [ "$count" -gt 0 ] || continue

  # One script for the whole file: its blocks in order, each announced in the state file, so a failure names it.
  script="$dir/run.sh"
  state="$dir/state"
  {
    echo 'set -e -o pipefail'
    echo "cd '$root'"
    while read -r n line; do
      echo "echo '$n $line' > '$state'"
      cat "$dir/$n.sh"
      echo
    done < "$dir/index"
    echo "echo done > '$state'"
  } > "$script"

  started=$SECONDS
  status=0
  ( scratch_env "$dir/scratch"; timeout 600 bash "$script" ) < /dev/null > "$dir/log" 2>&1 || status=$?
  result=$(cat "$state" 2>/dev/null || echo "1 ?")
  remove_new_files
  if [ "$status" -ne 0 ] || [ "$result" != done ]; then
    read -r n line <<< "$result"
    echo "check-docs: $file block $n (line $line) failed with exit code $status" >&2
    echo "--- the block" >&2
    cat "$dir/$n.sh" >&2
    echo "--- what it printed (last 100 lines of the file's run)" >&2
    tail -n 100 "$dir/log" >&2
    exit 1
  fi
  total=$((total + count))
  echo "check-docs: $file: $count blocks ok ($((SECONDS - started)) s)"
done
echo "check-docs: $total runnable blocks ran"
