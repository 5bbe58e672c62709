#!/usr/bin/env bash
# CloudTrail figures for issue 6, in one run on this machine (results on stdout, as Markdown):
#   - generates about SIZE_MB of gzipped CloudTrail logs (Attest.Benchmarks cloudtrail-gen, fixed seed) under
#     ATTEST_CLOUDTRAIL_DIR (default ${TMPDIR:-/tmp}/attest-cloudtrail-SIZE_MB), never inside the repository;
#   - times, one after the other: `attest scan DIR --format json` (Release build) on both cores, the same on one core
#     (taskset -c 0), bare `zcat` of the same files to /dev/null (one core: the decompression floor), and
#     `zcat $(find DIR -name '*.json.gz') | jq -c '.Records[] | select(root filter)'` (jq from Debian);
#   - CPU time (user + system) and peak memory of each (GNU time; for the pipeline, the larger of zcat and jq);
#   - the load average (uptime) before and after the runs, and the ratios the issue asks for;
#   - checks that attest and jq find the same number of root events.
#
#   bench/cloudtrail.sh            # SIZE_MB=1024
#   SIZE_MB=200 bench/cloudtrail.sh
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
size=${SIZE_MB:-1024}
dir=${ATTEST_CLOUDTRAIL_DIR:-${TMPDIR:-/tmp}/attest-cloudtrail-$size}
work=${TMPDIR:-/tmp}/attest-cloudtrail-work
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
case "$dir" in "$repo"|"$repo"/*) echo "ATTEST_CLOUDTRAIL_DIR must be outside the repository" >&2; exit 1;; esac
mkdir -p "$work"
step() { echo ">> $*" >&2; }

# --- tools, installed only when missing ------------------------------------------------------------------------
if ! command -v jq >/dev/null; then
  step "installing jq (Debian)"
  apt-get install -y jq >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y jq >/dev/null 2>&1; }
fi
[ -x /usr/bin/time ] || { step "installing GNU time (Debian)"; apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; }; }

step "building (Release)"
dotnet build "$repo/src/Attest.Cli" -c Release -v quiet -nologo >/dev/null
dotnet build "$repo/bench/Attest.Benchmarks" -c Release -v quiet -nologo >/dev/null
attest="$repo/src/Attest.Cli/bin/Release/net10.0/attest.dll"
# ATTEST_BIN=path: time that executable instead (e.g. the Native AOT binary of `dotnet publish src/Attest.Cli -p:PublishProfile=native`)
if [ -n "${ATTEST_BIN:-}" ]; then run_attest=("$ATTEST_BIN"); else run_attest=(dotnet "$attest"); fi
bench="$repo/bench/Attest.Benchmarks/bin/Release/net10.0/Attest.Benchmarks.dll"

# --- the logs, generated once per size --------------------------------------------------------------------------
if [ ! -f "$dir/.generated" ]; then
  step "generating about $size MB of gzipped CloudTrail logs in $dir"
  rm -rf "$dir"
  dotnet "$bench" cloudtrail-gen "$dir" "$size" --seed 2026 | tee "$work/generated.txt" >&2
  cp "$work/generated.txt" "$dir/.generated"
fi
expected=$(sed -n 's/^root events: //p' "$dir/.generated")
files=$(find "$dir" -name '*.json.gz' | wc -l)
compressed=$(find "$dir" -name '*.json.gz' -printf '%s\n' | awk '{s+=$1} END {print s}')

# --- the runs ---------------------------------------------------------------------------------------------------
load_before=$(uptime | sed 's/.*load average: //')
step "attest scan (both cores)"
/usr/bin/time -f '%e %M %U %S' -o "$work/attest.time" "${run_attest[@]}" scan "$dir" --format json > "$work/attest.json" || true
step "attest scan (one core)"
/usr/bin/time -f '%e %M %U %S' -o "$work/attest1.time" taskset -c 0 "${run_attest[@]}" scan "$dir" --format json > "$work/attest1.json" || true
step "zcat > /dev/null"
/usr/bin/time -f '%e %M %U %S' -o "$work/zcat.time" sh -c "zcat \$(find '$dir' -name '*.json.gz' | sort) > /dev/null"
step "zcat | jq"
filter='.Records[] | select(.userIdentity.type=="Root" and .userIdentity.invokedBy==null and .eventType!="AwsServiceEvent")'
/usr/bin/time -f '%e %M %U %S' -o "$work/jq.time" sh -c "zcat \$(find '$dir' -name '*.json.gz' | sort) | jq -c '$filter' > '$work/jq.out'"
load_after=$(uptime | sed 's/.*load average: //')

# GNU time writes "Command exited with non-zero status 1" first when attest finds failures: the figures are the last line
read -r ours_s ours_kb ours_u ours_sys < <(tail -n 1 "$work/attest.time")
read -r one_s one_kb one_u one_sys < <(tail -n 1 "$work/attest1.time")
read -r zcat_s zcat_kb zcat_u zcat_sys < <(tail -n 1 "$work/zcat.time")
read -r jq_s jq_kb jq_u jq_sys < <(tail -n 1 "$work/jq.time")
cmp -s "$work/attest.json" "$work/attest1.json" || { echo "attest on one core and on both cores disagree" >&2; exit 1; }
ours_root=$(jq '.cloudtrail.rootEvents' "$work/attest.json")
ours_records=$(jq '.cloudtrail.records' "$work/attest.json")
ours_bytes=$(jq '.cloudtrail.bytes' "$work/attest.json")
jq_root=$(wc -l < "$work/jq.out")
same=$([ "$ours_root" = "$jq_root" ] && [ "$ours_root" = "$expected" ] && echo yes || echo NO)

mbps() { awk "BEGIN {printf \"%.0f\", $ours_bytes / 1048576 / $1}"; }
mb() { awk "BEGIN {printf \"%.0f\", $1 / 1024}"; }
cpu() { awk "BEGIN {printf \"%.2f\", $1 + $2}"; }
ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
cat <<MD
| | time (s) | CPU (s) | MB/s of JSON | peak memory (MB) | root events |
|---|---:|---:|---:|---:|---:|
| \`attest scan --format json\`, both cores | $ours_s | $(cpu "$ours_u" "$ours_sys") | $(mbps "$ours_s") | $(mb "$ours_kb") | $ours_root |
| the same on one core (\`taskset -c 0\`) | $one_s | $(cpu "$one_u" "$one_sys") | $(mbps "$one_s") | $(mb "$one_kb") | $ours_root |
| \`zcat … > /dev/null\` (one core) | $zcat_s | $(cpu "$zcat_u" "$zcat_sys") | $(mbps "$zcat_s") | $(mb "$zcat_kb") | |
| \`zcat … \| jq -c …\` | $jq_s | $(cpu "$jq_u" "$jq_sys") | $(mbps "$jq_s") | $(mb "$jq_kb") | $jq_root |

Ratios: \`zcat | jq\` / attest (both cores) = $(ratio "$jq_s" "$ours_s")×; attest on one core / \`zcat\` = $(ratio "$one_s" "$zcat_s"); attest on both cores / \`zcat\` = $(ratio "$ours_s" "$zcat_s"); CPU of attest / CPU of \`zcat\` = $(ratio "$(cpu "$ours_u" "$ours_sys")" "$(cpu "$zcat_u" "$zcat_sys")").

Logs: $files files, $(awk "BEGIN {printf \"%.0f\", $compressed / 1048576}") MB gzipped, $(awk "BEGIN {printf \"%.0f\", $ours_bytes / 1048576}") MB of JSON, $ours_records records; root events written by the generator: $expected; same count in both: $same.
Load average (1, 5, 15 min) before the runs: $load_before; after: $load_after.
MD
[ "$same" = yes ]
