#!/usr/bin/env bash
# Wall time of 20 independent invocations of a 1 s function at parallelism 1, 5, 10, 20 (local endpoint, warm
# JVM). Prints a Markdown table; see bench/README.md. ROUNDS (default 3) runs per parallelism.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -Dstyle.color=never test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.github.lambdainvocation.bench.ParallelRuns "${ROUNDS:-3}" 2>/dev/null
