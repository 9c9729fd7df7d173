#!/usr/bin/env bash
# What a run with nothing to invoke costs, next to `mvn validate` of the same project: the demo project with its
# one invocation already applied, against the local Lambda endpoint (which a no-op never calls). Commands run in
# turn (validate, then each goal, RUNS times), so a drift of the machine's speed touches all of them alike; each
# ratio is the median of the per-round ratios. Also counts the classes the no-op invoke loads, by origin. The last
# goal is bench/empty-plugin's, which does nothing and has no dependency: what Maven spends on any plugin goal.
# MAVEN_HOMES (space-separated Maven installations) adds a table per Maven; default: the mvn on the PATH.
# Prints Markdown; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-11}

mvn -B -q -ntp -Dstyle.color=never install -DskipTests -Dinvoker.skip=true > /dev/null
# a plugin whose one goal does nothing: what Maven itself spends to run any plugin goal
mvn -B -q -ntp -Dstyle.color=never -f bench/empty-plugin/pom.xml install > /dev/null
source bench/local-lambda.sh
start_local_lambda tenant_registry

project="$work/project"
cp -r demo "$project" && rm -rf "$project/target" && mkdir -p "$project/.mvn"

ms() { date +%s%3N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# time_ms MVN ARGS...: "WALL CPU" of one quiet offline build of the project, in ms (CPU: user + system time of
# the build's processes, which another tenant of a shared machine disturbs less than the wall time)
time_ms() {
  local mvn=$1; shift
  local start end cpu TIMEFORMAT="%3U %3S"
  start=$(ms)
  cpu=$( { time "$mvn" -B -q -o -f "$project/pom.xml" -Dlambda-invocation.endpointUrl="$endpoint" "$@" \
    > "$work/out" 2>&1; } 2>&1 ) || { cat "$work/out" >&2; echo "failed: $mvn $*" >&2; exit 1; }
  end=$(ms)
  echo "$((end - start)) $(echo "$cpu" | awk '{printf "%d", ($1 + $2) * 1000}')"
}

goals=("lambda-invocation:invoke" "lambda-invocation:status" "lambda-invocation:help"
       "lambda-invocation:invoke -Dlambda-invocation.skip"
       "io.github.lambdainvocation.bench:empty-maven-plugin:1.0:nothing")

table() {
  local mvn=$1
  # apply once, then check that a second run is a no-op (no request reaches the endpoint)
  "$mvn" -B -q -f "$project/pom.xml" -Dlambda-invocation.endpointUrl="$endpoint" lambda-invocation:invoke > /dev/null
  local before after
  before=$(wc -l < "$work/lambda.log")
  time_ms "$mvn" lambda-invocation:invoke > /dev/null
  after=$(wc -l < "$work/lambda.log")
  [ "$before" = "$after" ] || { echo "the no-op invoke called Lambda" >&2; exit 1; }

  local -a base=() ratios=()
  local i g
  for g in "${!goals[@]}"; do ratios[$g]=""; done
  for i in $(seq 1 "$runs"); do
    local v
    v=$(time_ms "$mvn" validate)
    base+=("${v% *}")
    for g in "${!goals[@]}"; do
      # shellcheck disable=SC2086
      local t
      t=$(time_ms "$mvn" ${goals[$g]})
      # "wall ratio, CPU ratio, wall ms" of this round
      ratios[$g]+="$(awk -v a="$t" -v b="$v" 'BEGIN {split(a, x, " "); split(b, y, " ");
        printf "%.3f %.3f %d", x[1] / y[1], x[2] / y[2], x[1]}');"
    done
  done
  echo
  echo "$("$mvn" -B -v 2>/dev/null | sed -e 's/\x1b\[[0-9;]*m//g' -n -e '1{s/ (.*//;p}'), median of $runs rounds; \`validate\`: $(printf '%s\n' "${base[@]}" | median) ms"
  echo
  echo "| command | median ms | median ratio to validate | median CPU-time ratio |"
  echo "|---|---|---|---|"
  for g in "${!goals[@]}"; do
    local r c t
    r=$(echo "${ratios[$g]}" | tr ';' '\n' | grep . | awk '{print $1}' | median)
    c=$(echo "${ratios[$g]}" | tr ';' '\n' | grep . | awk '{print $2}' | median)
    t=$(echo "${ratios[$g]}" | tr ';' '\n' | grep . | awk '{print $3}' | median)
    echo "| \`${goals[$g]}\` | $t | $r | $c |"
  done
}

if [ -n "${MAVEN_HOMES:-}" ]; then
  for home in $MAVEN_HOMES; do table "$home/bin/mvn"; done
else
  table mvn
fi

# Which classes a no-op invoke loads (the machine's mvn)
MAVEN_OPTS="-Xlog:class+load=info" mvn -B -q -o -f "$project/pom.xml" -Dlambda-invocation.endpointUrl="$endpoint" \
  lambda-invocation:invoke > "$work/classes" 2>&1
count() { grep 'class,load' "$work/classes" | grep -c " $1" || true; }
echo
echo "Classes loaded by the no-op invoke: $(grep -c 'class,load' "$work/classes") in all;" \
  "AWS SDK $(count software.amazon.awssdk), Jackson $(count com.fasterxml.jackson)," \
  "this plugin $(count io.github.lambdainvocation), Apache HTTP $(count org.apache.http);" \
  "lambdas and method references linked: $(grep 'class,load' "$work/classes" | grep -c '\$\$Lambda' || true)"
