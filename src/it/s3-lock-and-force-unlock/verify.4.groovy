import io.github.lambdainvocation.testing.S3ItHarness

// the right id removes the lock, and only the lock
def lines = new File(basedir, 'build.log').readLines()
assert lines.contains('[INFO] Removed the lock of s3://s3-lock-and-force-unlock/team/state.json held by ci@died'
        + ' (invoke of x:y, plugin 0.0.1) since 2026-01-02T03:04:05Z, lock id dead-beef.')
assert S3ItHarness.keys(context) == []
assert context.lambda.requests().isEmpty()
true
