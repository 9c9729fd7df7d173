#!/usr/bin/env bash
# What invocations cost when there is something to send (issue 10): a build whose state is new, so every
# invocation is a create, next to what the same work costs without the plugin: `mvn validate` plus one
# `aws lambda invoke` per invocation (what a build scripts with exec-maven-plugin). Against the local Lambda
# endpoint on 127.0.0.1, keys in the environment, region in the POM. Commands run in turn, RUNS rounds (default 5);
# each ratio is the median of the per-round ratios. Needs bash, java, mvn and the AWS CLI (`aws`, v1 or v2).
# Prints Markdown; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
mvn_cmd=${MVN:-mvn}
command -v aws > /dev/null || { echo "the AWS CLI (aws) is needed for the comparison" >&2; exit 1; }
# version 2 reads --payload as base64 unless told otherwise; version 1 has no such option and sends it as it is
cli_payload=(); aws --version 2>&1 | grep -q '^aws-cli/1' || cli_payload=(--cli-binary-format raw-in-base64-out)

mvn -B -q -ntp -Dstyle.color=never install -DskipTests -Dinvoker.skip=true > /dev/null
# the plugin's own version: the first <version> after its artifactId
version=$(sed -n '/<artifactId>lambda-invocation-maven-plugin<\/artifactId>/,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
source bench/local-lambda.sh
start_local_lambda fixtures

# project DIR N: a POM with N independent invocations of the function (each input distinct)
project() {
  local dir=$1 n=$2 i invocations=""
  for i in $(seq 1 "$n"); do
    invocations+="<invocation><id>fixture-$i</id><functionName>fixtures</functionName>"
    invocations+="<input>{\"fixture\": $i}</input></invocation>"
  done
  mkdir -p "$dir/.mvn"
  cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>fresh-$n</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.lambdainvocation</groupId>
        <artifactId>lambda-invocation-maven-plugin</artifactId>
        <version>$version</version>
        <configuration>
          <region>us-east-1</region>
          <invocations>$invocations</invocations>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
POM
}
project "$work/one" 1
project "$work/ten" 10

ms() { date +%s%3N; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
calls() { grep -c ' <- ' "$work/lambda.log" || true; }

# mvn_ms DIR ARGS...: one quiet build, in ms (not offline: -o refuses to invoke; -nsu: no update checks)
mvn_ms() {
  local dir=$1; shift
  local start; start=$(ms)
  "$mvn_cmd" -B -q -nsu -f "$dir/pom.xml" -Dlambda-invocation.endpointUrl="$endpoint" "$@" > "$work/out" 2>&1 \
    || { cat "$work/out" >&2; echo "failed: mvn $*" >&2; exit 1; }
  echo $(($(ms) - start))
}

# fresh_ms DIR N: an invoke with no state, which must send exactly N calls
fresh_ms() {
  rm -rf "$1/target"
  local before t; before=$(calls)
  t=$(mvn_ms "$1" lambda-invocation:invoke)
  [ $(($(calls) - before)) = "$2" ] || { echo "expected $2 calls from $1" >&2; exit 1; }
  echo "$t"
}

# cli_ms N: validate, then N `aws lambda invoke` calls one after the other
cli_ms() {
  local start i; start=$(ms)
  mvn_ms "$work/ten" validate > /dev/null
  for i in $(seq 1 "$1"); do
    aws lambda invoke "${cli_payload[@]}" --endpoint-url "$endpoint" --region us-east-1 --function-name fixtures \
      --payload "{\"fixture\": $i}" "$work/cli-out.json" > /dev/null
  done
  echo $(($(ms) - start))
}

fresh_ms "$work/one" 1 > /dev/null   # warm the file cache once, not counted
v=() one=() ten=() cli=() r10=() d1=()
for _ in $(seq 1 "$runs"); do
  a=$(mvn_ms "$work/one" validate); b=$(fresh_ms "$work/one" 1)
  c=$(fresh_ms "$work/ten" 10); d=$(cli_ms 10)
  v+=("$a"); one+=("$b"); ten+=("$c"); cli+=("$d")
  r10+=("$(awk -v a="$c" -v b="$d" 'BEGIN {printf "%.3f", a / b}')")
  d1+=($((b - a)))
done
m() { printf '%s\n' "$@" | median; }
echo
echo "$("$mvn_cmd" -B -v 2>/dev/null | sed -e 's/\x1b\[[0-9;]*m//g' -n -e '1{s/ (.*//;p}'), $(aws --version 2>&1 | cut -d' ' -f1), median of $runs rounds"
echo
echo "| command | median ms |"
echo "|---|---|"
echo "| \`validate\` | $(m "${v[@]}") |"
echo "| \`invoke\`, 1 fresh invocation | $(m "${one[@]}") |"
echo "| \`invoke\`, 10 fresh invocations | $(m "${ten[@]}") |"
echo "| \`validate\` + 10 × \`aws lambda invoke\` | $(m "${cli[@]}") |"
echo
echo "| goal | median of the rounds |"
echo "|---|---|"
echo "| 10 fresh / (validate + 10 CLI calls) ≤ 0.30 | $(m "${r10[@]}") |"
echo "| 1 fresh − validate ≤ 500 ms | $(m "${d1[@]}") ms |"
