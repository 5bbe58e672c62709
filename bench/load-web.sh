#!/usr/bin/env bash
# The web application under load (issue 3, "Figures"), on SQLite and then on PostgreSQL, on this machine:
#   - builds src/Attest.Web (as deployed: the ReadyToRun "server" publish profile) and bench/Attest.Benchmarks in Release
#     into a throwaway folder;
#   - per database: seeds it, times COLD_STARTS starts of the app to the first 200 of /health/ready, (`Attest.Benchmarks seed-web`: 1,000 partners, 1,000 applications, 5,000 case studies,
#     tokens and a random password for 32 load users), starts the app on a free 127.0.0.1 port (Production,
#     Attest__SignInAttemptsPerMinute=1000, Attest__ApiTokenRequestsPerMinute=100000), waits for /health/ready, runs
#     `Attest.Benchmarks load` (32 users signed in through the form; the readiness dashboard, then the readiness API,
#     each with a warm-up and a measured run of 32 concurrent connections) and stops the app;
#   - PostgreSQL is a throwaway cluster on 127.0.0.1 (Debian's postgresql, installed when missing, as root);
#   - prints one Markdown table with both databases on stdout, then the load average around each run and the CPU time
#     the app (and PostgreSQL) spent per request (progress on stderr).
# Everything (builds, databases, credentials, logs, the cluster) lives under ${TMPDIR:-/tmp} and is removed on exit;
# nothing is written inside the repository.
#
#   bench/load-web.sh                          # CONNECTIONS=32 DURATION=20 WARMUP=5 (seconds), DATABASES="sqlite postgres",
#                                              # COLD_STARTS=3 (starts timed to the first 200 of /health/ready; 0: none)
#   PUBLISHED=/tmp/x bench/load-web.sh         # /tmp/x/web and /tmp/x/bench already published (dotnet publish -c Release -o)
#   DATABASES="sqlite postgres postgres-prepared" bench/load-web.sh
#                                              # postgres-prepared: the same database again, with Npgsql's automatic
#                                              # statement preparation on (Max Auto Prepare=32 in the connection string)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
connections=${CONNECTIONS:-32}
duration=${DURATION:-20}
warmup=${WARMUP:-5}
databases=${DATABASES:-sqlite postgres}
cold_starts=${COLD_STARTS:-3}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/attest-load-web.XXXXXX")
case "$work" in "$repo"|"$repo"/*) echo "the work folder must be outside the repository" >&2; rmdir "$work"; exit 1;; esac
log="$work/build.log"
rows="$work/rows.md"
notes="$work/notes.md"
app_pid=""
pg_dir=""
pg_bin=""
step() { echo ">> $*" >&2; }
run_as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }

stop_app() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
  fi
}

cleanup() {
  local status=$?
  stop_app
  if [ -n "$pg_dir" ]; then
    run_as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# --- build, outside the repository (--artifacts-path keeps bin/ and obj/ out of it too) ---------------------------
if [ -n "${PUBLISHED:-}" ]; then
  # Already published (PUBLISHED=<folder with web/ and bench/>): on a busy machine the two publishes take minutes
  step "using the Release builds in $PUBLISHED"
  cp -r "$PUBLISHED/web" "$PUBLISHED/bench" "$work/"
elif step "building Release into $work" && ! dotnet publish "$repo/src/Attest.Web" -c Release -p:PublishProfile=server -o "$work/web" --artifacts-path "$work/artifacts" >>"$log" 2>&1 \
  || ! dotnet publish "$repo/bench/Attest.Benchmarks" -c Release -o "$work/bench" --artifacts-path "$work/artifacts" >>"$log" 2>&1; then
  grep -E "error|Error" "$log" | sort -u | head -20 >&2
  exit 1
fi
tool="$work/bench/Attest.Benchmarks"

# The content root is the published folder (its appsettings.json); HOME keeps the data-protection keys in $work
start_app() {
  local label=$1 provider=$2 connection=$3 port=$4 app_log=$5
  (cd "$work/web" && exec env HOME="$work/home" ASPNETCORE_ENVIRONMENT=Production \
    Attest__SignInAttemptsPerMinute=1000 Attest__ApiTokenRequestsPerMinute=100000 \
    Attest__DataFolder="$work/data-$label" Attest__DatabaseProvider="$provider" ConnectionStrings__Attest="$connection" \
    dotnet Attest.Web.dll --urls "http://127.0.0.1:$port") >"$app_log" 2>&1 &
  app_pid=$!
}

# --- one database: seed, start the app, load, stop --------------------------------------------------------------
run_database() {
  local label=$1 provider=$2 connection=$3 database_pid=${4:-}
  local credentials="$work/credentials-$label.json" port app_log="$work/app-$label.log"
  mkdir -p "$work/data-$label" "$work/home"
  step "$label: seeding"
  "$tool" seed-web --provider "$provider" --connection "$connection" --credentials "$credentials"

  # Cold start: from exec to the first 200 of /health/ready on the seeded (migrated) database, and the CPU the process
  # had spent by then; COLD_STARTS runs, stopped at once
  if [ "$cold_starts" -gt 0 ]; then
    local times="" cpus="" started ended ticks
    for _ in $(seq 1 "$cold_starts"); do
      port=$("$tool" free-port)
      started=$(date +%s%N)
      start_app "$label" "$provider" "$connection" "$port" "$work/cold-$label.log"
      until curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; do
        kill -0 "$app_pid" 2>/dev/null || { echo "$label: the app stopped during a cold start" >&2; tail -20 "$work/cold-$label.log" >&2; exit 1; }
        sleep 0.01
      done
      ended=$(date +%s%N)
      ticks=$(awk '{print $14 + $15}' "/proc/$app_pid/stat")
      times="$times $(( (ended - started) / 1000000 ))"
      cpus="$cpus $(( ticks * 1000 / $(getconf CLK_TCK) ))"
      stop_app
    done
    step "$label: cold start to /health/ready:$times ms; CPU:$cpus ms"
    echo "- $label: cold start to \`/health/ready\` 200 (ms, each run):$times; process CPU by then (ms):$cpus; load average $(loadavg)" >>"$notes"
  fi

  port=$("$tool" free-port)
  step "$label: starting the app on 127.0.0.1:$port"
  start_app "$label" "$provider" "$connection" "$port" "$app_log"
  local ready=""
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=1; break; fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ -z "$ready" ]; then
    echo "$label: the app did not become ready; its log:" >&2
    tail -30 "$app_log" >&2
    exit 1
  fi

  local before after header=--no-header status=0
  [ -s "$rows" ] || header=""
  before=$(loadavg)
  step "$label: load, $connections connections, ${warmup} s warm-up + ${duration} s per scenario (load average $before)"
  "$tool" load --base "http://127.0.0.1:$port" --credentials "$credentials" --connections "$connections" \
    --duration "$duration" --warmup "$warmup" --label "$label" --server-pid "$app_pid${database_pid:+,$database_pid}" $header \
    >>"$rows" 2>"$work/load-$label.err" || status=$?
  cat "$work/load-$label.err" >&2
  after=$(loadavg)
  echo "- $label: load average $before before, $after after$([ "$status" -eq 0 ] || echo "; the load run reported errors (exit $status)")" >>"$notes"
  local who="app"
  [ -z "$database_pid" ] || who="app + PostgreSQL"
  sed -n "s/^load: \([^\`]*\)\`\([^\`]*\)\`.*server CPU \(.*\)\$/  - \1\`\2\`: $who CPU \3/p" "$work/load-$label.err" >>"$notes"
  stop_app
  if grep -qE "fail:|crit:" "$app_log"; then
    echo "- $label: the app logged errors: $(grep -cE "fail:|crit:" "$app_log") (first: $(grep -m1 -A1 -E "fail:|crit:" "$app_log" | tail -1 | sed 's/^ *//'))" >>"$notes"
  fi
}

start_postgres() {
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "PostgreSQL is missing: please install Debian's postgresql (or run as root)" >&2
      exit 1
    fi
    step "installing postgresql (Debian)"
    apt-get update -qq >>"$log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >>"$log" 2>&1
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  # Its own folder: the postgres user cannot enter $work (mode 700)
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/attest-load-pg.XXXXXX")
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  pg_port=$("$tool" free-port)
  step "starting a throwaway PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') cluster on 127.0.0.1:$pg_port"
  run_as_postgres "$pg_bin/initdb -D $pg_dir/data -A trust -U attest -E UTF8 --locale=C.UTF-8" >>"$log" 2>&1
  run_as_postgres "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/log -w -o '-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200' start" >>"$log" 2>&1
}

for database in $databases; do
  case "$database" in
    sqlite) run_database sqlite sqlite "Data Source=$work/data-sqlite/attest.db" ;;
    postgres|postgres-prepared)
      [ -n "$pg_dir" ] || start_postgres
      postgres="Host=127.0.0.1;Port=$pg_port;Username=attest;Database=attest_load"
      [ "$database" = postgres ] || postgres="$postgres;Max Auto Prepare=32;Auto Prepare Min Usages=2"
      run_database "$database" postgres "$postgres" "$(head -1 "$pg_dir/data/postmaster.pid")"
      ;;
    *) echo "unknown database '$database' (sqlite, postgres)" >&2; exit 2 ;;
  esac
done

echo
cat "$rows"
echo
echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(date -u '+%Y-%m-%d %H:%M UTC'); $connections connections, ${warmup} s warm-up, ${duration} s measured per scenario."
cat "$notes"
