#!/usr/bin/env bash
# Time from the start of the invoke goal to the first Invoke request, in a cold JVM (a fresh `mvn` each run),
# against the local Lambda endpoint. Also times how long the SDK's region chain takes to give up when it reaches
# instance metadata that does not answer (as off EC2): that probe goes to a silent listener on 127.0.0.1, never
# to 169.254.169.254. Prints Markdown tables; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}

mvn -B -q -ntp -Dstyle.color=never install -DskipTests -Dinvoker.skip=true
work=$(mktemp -d)
java -cp target/test-classes io.github.lambdainvocation.testing.LocalLambdaServer --timestamps \
  --function tenant_registry --port-file "$work/port" > "$work/lambda.log" 2>&1 &
server=$!
# a listener that accepts connections and never answers: instance metadata off EC2, kept on loopback
python3 -c '
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(64); print(s.getsockname()[1], flush=True)
held = []
while True:
    c, _ = s.accept(); held.append(c)
' > "$work/silent.port" &
silent=$!
trap 'kill "$server" "$silent" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$work/port" ] && [ -s "$work/silent.port" ] && break; sleep 0.1; done
endpoint="http://127.0.0.1:$(cat "$work/port")"
silent_endpoint="http://127.0.0.1:$(head -1 "$work/silent.port")"

export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
export AWS_CONFIG_FILE="$work/no-config" AWS_SHARED_CREDENTIALS_FILE="$work/no-credentials"
timestamps=(-Dorg.slf4j.simpleLogger.showDateTime=true "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZ")

ms() { date -d "$1" +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# One cold run: prints "<goal start to first request> <goal start to first Invoke> <mvn start to first Invoke>"
run() {
  local project="$work/project-$RANDOM"
  cp -r demo "$project" && rm -rf "$project/target"
  local before; before=$(wc -l < "$work/lambda.log")
  local started; started=$(date +%s%3N)
  mvn -B -ntp -Dstyle.color=never "${timestamps[@]}" -f "$project/pom.xml" \
    -Dlambda-invocation.endpointUrl="$endpoint" "$@" lambda-invocation:invoke > "$project/build.log" 2>&1
  local goal; goal=$(grep -m1 -- '--- lambda-invocation-maven-plugin' "$project/build.log" | cut -d' ' -f1)
  local first; first=$(tail -n +$((before + 1)) "$work/lambda.log" | grep -m1 ' at ' | awk '{print $4}')
  local invoke; invoke=$(tail -n +$((before + 1)) "$work/lambda.log" | grep -m1 ' at .* POST ' | awk '{print $4}')
  echo "$((first - $(ms "$goal"))) $((invoke - $(ms "$goal"))) $((invoke - started))"
}

echo "| setup | goal start → first request (ms) | goal start → first Invoke (ms) | mvn start → first Invoke (ms) |"
echo "|---|---|---|---|"
scenario() {
  local name=$1; shift
  local results=(); for _ in $(seq 1 "$runs"); do results+=("$(run "$@")"); done
  printf '| %s | %s | %s | %s |\n' "$name" \
    "$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)" \
    "$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)" \
    "$(printf '%s\n' "${results[@]}" | cut -d' ' -f3 | median)"
}
AWS_EC2_METADATA_DISABLED=true scenario "region in the POM, keys in the environment (the default: readiness check on)"
AWS_EC2_METADATA_DISABLED=true scenario "same, -Dlambda-invocation.waitForFunction=false" -Dlambda-invocation.waitForFunction=false

echo
echo "| when no region is configured anywhere | time until the build fails saying so (ms) |"
echo "|---|---|"
fail_time() {
  local project="$work/project-$RANDOM"
  cp -r demo "$project" && rm -rf "$project/target"
  sed -i 's|<region>us-east-1</region>||' "$project/pom.xml"
  local started; started=$(date +%s%3N)
  mvn -B -ntp -Dstyle.color=never -f "$project/pom.xml" -Dlambda-invocation.endpointUrl="$endpoint" \
    lambda-invocation:invoke > "$project/build.log" 2>&1 && { echo "expected a failure" >&2; exit 1; }
  grep -q 'No AWS region for' "$project/build.log" || { cat "$project/build.log" >&2; exit 1; }
  echo $(($(date +%s%3N) - started))
}
median_of() { local r=(); for _ in $(seq 1 "$runs"); do r+=("$("$@")"); done; printf '%s\n' "${r[@]}" | median; }
printf '| instance metadata off (AWS_EC2_METADATA_DISABLED=true) | %s |\n' \
  "$(AWS_EC2_METADATA_DISABLED=true median_of fail_time)"
printf '| instance metadata probed, and silent (as off EC2) | %s |\n' \
  "$(AWS_EC2_METADATA_DISABLED=false AWS_EC2_METADATA_SERVICE_ENDPOINT="$silent_endpoint" median_of fail_time)"
