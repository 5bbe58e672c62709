#!/usr/bin/env bash
# Side-by-side figures for issue 4, in one run on this machine (results on stdout, as Markdown):
#   - cfn-guard 3.1.1 (bundled in @cdklabs/cdk-validator-cfnguard) with its 237 Control Tower rules vs `attest scan`,
#     over the CloudFormation corpus;
#   - @cdktf/hcl2json vs Attest's HCL parser (`Attest.Benchmarks hcl-parse`), over every .tf file of the Terraform corpus;
#   - `attest scan` of the synthetic 500-resource template;
#   - peak memory of each (GNU time, %M).
# Everything it installs or builds goes to a throwaway folder outside the repository (ATTEST_BENCH_DIR, default
# ${TMPDIR:-/tmp}/attest-bench); nothing is written inside the repository. Safe to re-run: installs only what is missing.
#
#   bench/compare-iac.sh            # RUNS (default 3) timed runs per slow command, 10 per fast one
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${ATTEST_BENCH_DIR:-${TMPDIR:-/tmp}/attest-bench}
runs_slow=${RUNS:-3}
runs_fast=${RUNS_FAST:-10}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The corpus is read in place: the first folder X above the repository with X/shared/corpus
corpus=""
for dir in "$repo" "$repo/.." "$repo/../.."; do
  if [ -d "$dir/shared/corpus" ]; then corpus=$(cd "$dir/shared/corpus" && pwd); break; fi
done
[ -n "$corpus" ] || { echo "no shared/corpus above $repo" >&2; exit 1; }
cfn="$corpus/cloudformation"
tf="$corpus/terraform"

case "$work" in "$repo"|"$repo"/*) echo "ATTEST_BENCH_DIR must be outside the repository" >&2; exit 1;; esac
mkdir -p "$work"
log="$work/compare.log"
: > "$log"
step() { echo ">> $*" >&2; }

# --- tools, installed only when missing -------------------------------------------------------------------------
if ! command -v hyperfine >/dev/null; then
  step "installing hyperfine (Debian)"
  apt-get install -y hyperfine >>"$log" 2>&1 || { apt-get update >>"$log" 2>&1 && apt-get install -y hyperfine >>"$log" 2>&1; }
fi
[ -x /usr/bin/time ] || { step "installing GNU time"; apt-get install -y time >>"$log" 2>&1; }
# The release form of the CLI is Native AOT (ATTEST_FORM=jit times the framework-dependent build instead)
form=${ATTEST_FORM:-native}
if [ "$form" = native ] && { ! command -v clang >/dev/null || [ ! -f /usr/include/zlib.h ]; }; then
  step "installing clang and zlib1g-dev (Debian) for the Native AOT publish"
  apt-get install -y clang zlib1g-dev >>"$log" 2>&1 || { apt-get update >>"$log" 2>&1 && apt-get install -y clang zlib1g-dev >>"$log" 2>&1; }
fi

guard_pkg="$work/node_modules/@cdklabs/cdk-validator-cfnguard"
if [ ! -x "$guard_pkg/bin/ubuntu/x86_64/cfn-guard" ] || [ ! -f "$work/node_modules/@cdktf/hcl2json/package.json" ]; then
  step "npm install @cdklabs/cdk-validator-cfnguard @cdktf/hcl2json into $work"
  [ -f "$work/package.json" ] || echo '{"private":true}' > "$work/package.json"
  (cd "$work" && npm install --no-audit --no-fund @cdklabs/cdk-validator-cfnguard @cdktf/hcl2json >>"$log" 2>&1)
fi
guard="$guard_pkg/bin/ubuntu/x86_64/cfn-guard"
rules="$guard_pkg/rules/control-tower/cfn-guard"

# --- Attest, published once per run, outside the repository (--artifacts-path keeps bin/ and obj/ out of it too) ---
step "publishing the CLI and the bench tool to $work"
if [ "$form" = native ]; then
  dotnet publish "$repo/src/Attest.Cli" -p:PublishProfile=native -o "$work/attest" --artifacts-path "$work/artifacts" >>"$log" 2>&1
else
  dotnet publish "$repo/src/Attest.Cli" -c Release -o "$work/attest" --artifacts-path "$work/artifacts" >>"$log" 2>&1
fi
dotnet publish "$repo/bench/Attest.Benchmarks" -c Release -o "$work/bench" --artifacts-path "$work/artifacts" >>"$log" 2>&1
attest="$work/attest/attest"
benchtool="$work/bench/Attest.Benchmarks"
synthetic="$work/synthetic-500.yaml"
"$benchtool" synth 500 "$synthetic" >>"$log"

# --- the commands ------------------------------------------------------------------------------------------------
# cfn-guard's default report (single-line-summary) panics part-way through this corpus ("internal error: entered
# unreachable code", cfn.rs:472, at rule ct-elasticloadbalancing-pr-5), so it never evaluates the last ~117 rules;
# the structured JSON report evaluates all 237 rules over all 298 templates, and is what is timed.
guard_cmd="$guard validate --rules $rules --data $cfn --structured --show-summary none --output-format json > /dev/null"
attest_cfn_cmd="$attest scan $cfn --format json > /dev/null"
hcl2json_cmd="node $repo/bench/hcl2json-parse.js $work $tf"
hclparse_cmd="$benchtool hcl-parse $tf"
attest_tf_cmd="$attest scan $tf --format json > /dev/null"
synthetic_cmd="$attest scan $synthetic --format json > /dev/null"

# Sanity: what each tool covers (counted once, outside the timings)
rule_count=$(find "$rules" -name '*.guard' | wc -l)
template_count=$(find "$cfn" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | wc -l)
tf_count=$(find "$tf" -name '*.tf' | wc -l)
guard_evaluated=$(eval "${guard_cmd% > /dev/null}" 2>>"$log" | node -e '
  let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const r = JSON.parse(s); const rules = new Set();
    for (const f of r) for (const k of ["compliant", "not_compliant", "not_applicable"])
      for (const x of f[k] ?? []) rules.add(typeof x === "string" ? x : (x.Rule?.name ?? JSON.stringify(x)));
    console.log(`${r.length} templates x ${rules.size} rules`);
  });') || true
attest_summary=$(eval "${attest_cfn_cmd% > /dev/null}" 2>>"$log" | node -e '
  let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const r = JSON.parse(s); const files = new Set(r.results.map(x => x.file));
    console.log(`${files.size} templates, ${r.results.length} findings, ${r.errors.length} problems`);
  });') || true
# The parsers also report their own parse loop (files already in memory), pass by pass: the best of 3 passes is the
# steady state without process start, module loading (WebAssembly instantiation for hcl2json) or JIT
eval "$hcl2json_cmd 3" > "$work/hcl2json-passes.txt" 2>>"$log"
eval "$hclparse_cmd --passes 3" > "$work/hcl-parse-passes.txt" 2>>"$log"
hcl2json_errors=$(sed -n '0,/errors in/s/.*errors in \([0-9]*\) files.*/\1/p' "$work/hcl2json-passes.txt")
hclparse_errors=$(sed -n '0,/diagnostics/s/.*diagnostics [0-9]* in \([0-9]*\) files.*/\1/p' "$work/hcl-parse-passes.txt")
best_pass() { sed -n 's/^pass [0-9]*: parse \([0-9.]*\) ms.*/\1/p' "$1" | sort -n | head -n 1; }
first_pass() { sed -n 's/^pass 1: parse \([0-9.]*\) ms.*/\1/p' "$1"; }
hcl2json_loop="$(first_pass "$work/hcl2json-passes.txt") ms first pass, $(best_pass "$work/hcl2json-passes.txt") ms best of 3"
hclparse_loop="$(first_pass "$work/hcl-parse-passes.txt") ms first pass, $(best_pass "$work/hcl-parse-passes.txt") ms best of 3"

# --- timings -----------------------------------------------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
time_it() { # name runs command -> JSON file
  local name=$1 runs=$2 cmd=$3
  step "hyperfine: $name"
  hyperfine --warmup 1 --runs "$runs" -i --style none --export-json "$work/$name.json" "$cmd" >>"$log" 2>&1
}
time_it guard "$runs_slow" "$guard_cmd"
time_it attest-cfn "$runs_fast" "$attest_cfn_cmd"
time_it hcl2json "$runs_slow" "$hcl2json_cmd"
time_it hcl-parse "$runs_fast" "$hclparse_cmd"
time_it attest-tf "$runs_fast" "$attest_tf_cmd"
time_it attest-synthetic "$runs_fast" "$synthetic_cmd"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

peak() { # command -> peak resident set in MB (GNU time %M is in KB)
  /usr/bin/time -f '%M' -o "$work/peak.txt" bash -c "$1" >/dev/null 2>&1 || true
  awk -v kb="$(tail -n 1 "$work/peak.txt")" 'BEGIN { printf "%.0f MB", kb / 1024 }'
}
step "peak memory"
for name in guard attest-cfn hcl2json hcl-parse attest-tf attest-synthetic; do
  case $name in
    guard) cmd=$guard_cmd;; attest-cfn) cmd=$attest_cfn_cmd;; hcl2json) cmd=$hcl2json_cmd;;
    hcl-parse) cmd=$hclparse_cmd;; attest-tf) cmd=$attest_tf_cmd;; attest-synthetic) cmd=$synthetic_cmd;;
  esac
  printf -v "peak_${name//-/_}" '%s' "$(peak "$cmd")"
done

# --- report ------------------------------------------------------------------------------------------------------
stat() { # name -> "mean ± σ|min – max|runs|mean seconds"
  jq -r '.results[0] | "\(.mean)|\(.stddev // 0)|\(.min)|\(.max)|\(.times | length)"' "$work/$1.json" | awk -F'|' '{
    u = ($1 >= 1) ? "s" : "ms"; f = ($1 >= 1) ? 1 : 1000;
    printf "%.*f %s ± %.*f %s|%.*f – %.*f %s|%d|%.6f\n", (f==1?2:0), $1*f, u, (f==1?2:0), $2*f, u, (f==1?2:0), $3*f, (f==1?2:0), $4*f, u, $5, $1 }'
}
row() { # label tool name peak
  local s; s=$(stat "$3")
  IFS='|' read -r mean range runs secs <<<"$s"
  echo "| $1 | $2 | $mean | $range | $runs | $4 |"
}
secs() { stat "$1" | cut -d'|' -f4; }
ratio() { awk -v a="$(secs "$1")" -v b="$(secs "$2")" 'BEGIN { printf "%.1f", a / b }'; }

echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before $load_before, after $load_after."
echo "Tools: $("$guard" --version), @cdktf/hcl2json $(jq -r .version "$work/node_modules/@cdktf/hcl2json/package.json"),"\
  "node $(node --version), .NET $(dotnet --version), $(hyperfine --version)."
echo "Coverage: cfn-guard evaluated $guard_evaluated ($rule_count rule files, $template_count corpus templates);"\
  "attest scan: $attest_summary; hcl2json: errors in ${hcl2json_errors:-?} of $tf_count .tf files;"\
  "Attest hcl-parse: errors in ${hclparse_errors:-?} files."
echo
echo "| measurement | tool | mean ± σ | min – max | runs | peak memory |"
echo "|---|---|---:|---:|---:|---:|"
row "CloudFormation corpus ($template_count templates), 237 Control Tower rules" "cfn-guard 3.1.1" guard "$peak_guard"
row "CloudFormation corpus ($template_count templates), all rules" "\`attest scan\`" attest-cfn "$peak_attest_cfn"
row "Terraform corpus ($tf_count .tf files), parse every file" "@cdktf/hcl2json (node)" hcl2json "$peak_hcl2json"
row "Terraform corpus ($tf_count .tf files), parse every file" "Attest \`hcl-parse\`" hcl-parse "$peak_hcl_parse"
row "Terraform corpus, evaluate every root module + all rules" "\`attest scan\`" attest-tf "$peak_attest_tf"
row "synthetic 500-resource template, all rules" "\`attest scan\`" attest-synthetic "$peak_attest_synthetic"
echo
echo "Ratios: cfn-guard / attest scan = $(ratio guard attest-cfn)x; hcl2json / hcl-parse = $(ratio hcl2json hcl-parse)x."
echo "Process start is included everywhere (each row is a whole process)."
echo "Parse loop alone (files in memory, same process): hcl2json $hcl2json_loop; Attest $hclparse_loop."
echo
echo "Commands:"
echo
echo '```sh'
for c in "$guard_cmd" "$attest_cfn_cmd" "$hcl2json_cmd" "$hclparse_cmd" "$attest_tf_cmd" "$synthetic_cmd"; do
  echo "${c//$work/\$W}"
done
echo '```'
echo "(\$W = $work; hyperfine --warmup 1 --runs $runs_slow for cfn-guard and hcl2json, $runs_fast for the others, -i; peak memory: /usr/bin/time -f %M, one run.)"
