import io.github.lambdainvocation.testing.S3ItHarness

// the locked invoke sent nothing, wrote no state, and left the lock as it was
assert context.lambda.requests().isEmpty()
assert S3ItHarness.keys(context) == ['team/state.json.lock']
assert S3ItHarness.text(context, 'team/state.json.lock') == context.lock
assert !new File(basedir, 'target/lambda-invocation/state.json').exists()

// the failure names the holder, the lock id and the way out
def lines = new File(basedir, 'build.log').readLines()
assert lines.find { it.startsWith('[ERROR] Failed to execute goal ') }.contains(':invoke (default-cli) on project ')
// (with -e, Maven shows the message on its own line, and that it is a failure to fix, not an error)
assert lines.find { it.startsWith('Caused by: org.apache.maven.plugin.Mojo') } == ('Caused by: org.apache.maven.plugin.MojoFailureException:'
        + ' The state s3://s3-lock-and-force-unlock/team/state.json is locked by ci@died'
        + ' (invoke of x:y, plugin 0.0.1) since 2026-01-02T03:04:05Z, lock id dead-beef.'
        + ' Another build is using it: run again later, or wait for it with -Dlambda-invocation.lockTimeout=<seconds>.'
        + ' If that build died and left the lock behind, remove it with:'
        + ' mvn lambda-invocation:force-unlock -Dlambda-invocation.lockId=dead-beef')
true
