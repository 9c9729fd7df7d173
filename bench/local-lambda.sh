# Sourced by the benchmarks (bash): `start_local_lambda FUNCTION...` starts the tests' local Lambda endpoint on
# 127.0.0.1 with those functions (needs target/test-classes), and sets `work` (a temporary folder, removed on exit,
# with the endpoint's log in $work/lambda.log) and `endpoint`. It exports dummy keys and keeps the SDK away from
# the user's AWS files and from instance metadata.
start_local_lambda() {
  work=$(mktemp -d)
  local args=() f
  for f in "$@"; do args+=(--function "$f"); done
  java -cp target/test-classes io.github.lambdainvocation.testing.LocalLambdaServer \
    "${args[@]}" --port-file "$work/port" > "$work/lambda.log" 2>&1 &
  local_lambda_pid=$!
  trap 'kill "$local_lambda_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
  [ -s "$work/port" ] || { cat "$work/lambda.log" >&2; echo "the local Lambda endpoint did not start" >&2; exit 1; }
  endpoint="http://127.0.0.1:$(cat "$work/port")"
  export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_EC2_METADATA_DISABLED=true
  export AWS_CONFIG_FILE="$work/no-config" AWS_SHARED_CREDENTIALS_FILE="$work/no-credentials"
}
