#!/usr/bin/env bash
# Counts the S3 requests of invoke runs with the state in S3 (s3proxy in the JVM, local Lambda endpoint).
# Prints a Markdown table; see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.github.lambdainvocation.bench.S3RequestCount 2>/dev/null
