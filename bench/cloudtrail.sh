#!/usr/bin/env bash
# CloudTrail figures for issue 6, in one run on this machine (results on stdout, as Markdown):
#   - generates about SIZE_MB of gzipped CloudTrail logs (Attest.Benchmarks cloudtrail-gen, fixed seed) under
#     ATTEST_CLOUDTRAIL_DIR (default ${TMPDIR:-/tmp}/attest-cloudtrail-SIZE_MB), never inside the repository;
#   - times `attest scan DIR --format json` (Release build) and
#     `zcat $(find DIR -name '*.json.gz') | jq -c '.Records[] | select(root filter)'` (jq from Debian), one after the other;
#   - peak memory of each (GNU time, Maximum resident set size; for the pipeline, the larger of zcat and jq);
#   - checks that both find the same number of root events.
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

# --- the two runs -----------------------------------------------------------------------------------------------
step "attest scan"
/usr/bin/time -f '%e %M' -o "$work/attest.time" dotnet "$attest" scan "$dir" --format json > "$work/attest.json" || true
step "zcat | jq"
filter='.Records[] | select(.userIdentity.type=="Root" and .userIdentity.invokedBy==null and .eventType!="AwsServiceEvent")'
/usr/bin/time -f '%e %M' -o "$work/jq.time" sh -c "zcat \$(find '$dir' -name '*.json.gz' | sort) | jq -c '$filter' > '$work/jq.out'"

# GNU time writes "Command exited with non-zero status 1" first when attest finds failures: the figures are the last line
read -r ours_s ours_kb < <(tail -n 1 "$work/attest.time")
read -r jq_s jq_kb < <(tail -n 1 "$work/jq.time")
ours_root=$(jq '.cloudtrail.rootEvents' "$work/attest.json")
ours_records=$(jq '.cloudtrail.records' "$work/attest.json")
ours_bytes=$(jq '.cloudtrail.bytes' "$work/attest.json")
jq_root=$(wc -l < "$work/jq.out")
same=$([ "$ours_root" = "$jq_root" ] && [ "$ours_root" = "$expected" ] && echo yes || echo NO)

cat <<MD
| | time (s) | MB/s of JSON | peak memory (MB) | root events |
|---|---:|---:|---:|---:|
| \`attest scan --format json\` | $ours_s | $(awk "BEGIN {printf \"%.0f\", $ours_bytes / 1048576 / $ours_s}") | $(awk "BEGIN {printf \"%.0f\", $ours_kb / 1024}") | $ours_root |
| \`zcat … \| jq -c …\` | $jq_s | $(awk "BEGIN {printf \"%.0f\", $ours_bytes / 1048576 / $jq_s}") | $(awk "BEGIN {printf \"%.0f\", $jq_kb / 1024}") | $jq_root |

Logs: $files files, $(awk "BEGIN {printf \"%.0f\", $compressed / 1048576}") MB gzipped, $(awk "BEGIN {printf \"%.0f\", $ours_bytes / 1048576}") MB of JSON, $ours_records records; root events written by the generator: $expected; same count in both: $same.
MD
[ "$same" = yes ]
