#!/usr/bin/env bash
# Runs the plugin end to end with no AWS account: a local Lambda endpoint on 127.0.0.1 (the one the tests use)
# and four Maven builds of demo/pom.xml: create, no-op, update, destroy. Each build prints its plan, and the
# endpoint prints every event the function receives.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Building the plugin (installs io.github.lambdainvocation:lambda-invocation-maven-plugin:0.1.0-SNAPSHOT"
echo "   into your local Maven repository) and the local Lambda endpoint"
mvn -B -q -ntp -Dstyle.color=never install -DskipTests -Dinvoker.skip=true 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g'

work=$(mktemp -d)
java -cp target/test-classes io.github.lambdainvocation.testing.LocalLambdaServer \
  --function tenant_registry --port-file "$work/port" > "$work/lambda.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
endpoint="http://127.0.0.1:$(cat "$work/port")"

# Dummy credentials: the SDK signs every request, and the local endpoint accepts any signature.
export AWS_ACCESS_KEY_ID=demo AWS_SECRET_ACCESS_KEY=demo AWS_EC2_METADATA_DISABLED=true
seen=0
build() {
  local title=$1; shift
  echo
  echo "== $title: mvn $*"
  # show this plugin's own output (its plan, its calls, its summary) and Maven's verdict
  mvn -B -ntp -Dstyle.color=never -f demo/pom.xml -Dlambda-invocation.endpointUrl="$endpoint" "$@" 2>&1 \
    | sed -e 's/\x1b\[[0-9;]*m//g' | sed -n '/--- lambda-invocation-maven-plugin/,/BUILD/p' \
    | grep -v -e '^\[INFO\] *$' -e '^\[INFO\] ---*$'
  echo "   the function received:"
  tail -n +$((seen + 2)) "$work/lambda.log" | sed 's/^/     /'
  [ "$(wc -l < "$work/lambda.log")" -gt $((seen + 1)) ] || echo "     (nothing)"
  seen=$(($(wc -l < "$work/lambda.log") - 1))
}

build "1. create" lambda-invocation:invoke
build "2. nothing changed" lambda-invocation:invoke
build "3. input changed" lambda-invocation:invoke -Dtenant.plan=premium
build "4. destroy" lambda-invocation:destroy
