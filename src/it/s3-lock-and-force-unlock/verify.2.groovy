import io.github.lambdainvocation.testing.S3ItHarness

// status passed, warned who holds the lock, took none and removed none, and invoked nothing
def lines = new File(basedir, 'build.log').readLines()
def status = lines.dropWhile { !it.contains(':status (default-cli)') }
assert status.contains('[WARNING] The state s3://s3-lock-and-force-unlock/team/state.json is locked by ci@died'
        + ' (invoke of x:y, plugin 0.0.1) since 2026-01-02T03:04:05Z, lock id dead-beef.'
        + ' A run of invoke or destroy now would fail or wait for it.')
assert status.contains('[INFO] Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 0 to forget, 0 unchanged;'
        + ' 1 Lambda invocation.')
assert S3ItHarness.keys(context) == ['team/state.json.lock']
assert S3ItHarness.text(context, 'team/state.json.lock') == context.lock
assert context.lambda.requests().isEmpty()
true
